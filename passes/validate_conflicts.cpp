// Two declarations may not write one image path: neither two files, nor a file
// and a unit or config file that tdxc generates. Within the base, within a
// profile, and between a profile and the base (unless the profile's file says
// override = true, which resolve-profiles has checked).
#include <fmt/format.h>

#include <map>

#include "ir/generated_paths.h"
#include "passes/pass.h"

namespace tdxc {
namespace {

struct Writer {
  SourceRange range;
  std::string what;
  bool generated = false;
};

using WriterMap = std::map<std::string, Writer>;  // extra-tree path -> first writer

void addGenerated(const ir::Content &c, const std::string &profile, WriterMap &writers) {
  for (const ir::Service &svc : c.services)
    writers.emplace(ir::unitPath(svc.name.value + ".service"),
                    Writer{svc.name.range, "the unit of service \"" + svc.name.value + "\"", true});
  for (const ir::Socket &sock : c.sockets)
    writers.emplace(ir::unitPath(sock.name.value + ".socket"),
                    Writer{sock.name.range, "the unit of socket \"" + sock.name.value + "\"", true});
  if (!c.users.empty() || !c.groups.empty())
    writers.emplace(ir::sysusersPath(profile),
                    Writer{(c.users.empty() ? c.groups.front().range : c.users.front().range),
                           "the sysusers.d file tdxc generates for users and groups", true});
  for (const ir::User &u : c.users)
    if (u.createHome && u.home != "/" && !u.external) {
      writers.emplace(ir::tmpfilesPath(profile),
                      Writer{u.range, "the tmpfiles.d file tdxc generates for home directories", true});
      break;
    }
  if (!c.services.empty() || !c.sockets.empty() || !c.enableUnits.empty())
    writers.emplace(ir::presetPath(profile), Writer{{}, "the preset file tdxc generates to enable units", true});
}

void checkFiles(const ir::Content &c, WriterMap &writers, const WriterMap *base, PassContext &ctx) {
  for (const ir::FileEntry &file : c.files) {
    if (file.tree != ir::FileTree::Extra) continue;
    const std::string &path = file.path.value;
    // override = true replaces a base *file*; a generated unit or config file
    // is replaced by overriding its declaration (service, user, ...) instead.
    if (base) {
      auto it = base->find(path);
      if (it != base->end() && it->second.generated) {
        auto &d = ctx.diags.report(DiagKind::ConflictingWrite, file.path.range,
                                   fmt::format("\"{}\" is also {} in the base image", path, it->second.what));
        if (it->second.range.valid()) d.notes.push_back({it->second.range, "declared here"});
      }
    }
    auto [it, inserted] = writers.emplace(path, Writer{file.path.range, "written by file \"" + path + "\"", false});
    if (!inserted) {
      auto &d = ctx.diags.report(DiagKind::ConflictingWrite, file.path.range,
                                 fmt::format("\"{}\" is already {}", path, it->second.what));
      if (it->second.range.valid()) d.notes.push_back({it->second.range, "first written here"});
    }
  }
  std::map<std::string, SourceRange> skeleton;
  for (const ir::FileEntry &file : c.files) {
    if (file.tree != ir::FileTree::Skeleton) continue;
    auto [it, inserted] = skeleton.emplace(file.path.value, file.path.range);
    if (!inserted)
      ctx.diags
          .report(DiagKind::ConflictingWrite, file.path.range,
                  fmt::format("skeleton \"{}\" is already written", file.path.value))
          .notes.push_back({it->second, "first written here"});
  }
}

}  // namespace

void validateConflicts(ir::Image &image, PassContext &ctx) {
  WriterMap base;
  addGenerated(image.base, "", base);
  checkFiles(image.base, base, nullptr, ctx);
  for (const ir::Profile &profile : image.profiles) {
    WriterMap own;
    addGenerated(profile.content, profile.name.value, own);
    checkFiles(profile.content, own, &base, ctx);
  }
}

}  // namespace tdxc
