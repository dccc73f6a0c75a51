// One name, one declaration: two services (or sockets) with one unit name, or
// two users, groups, repositories or scripts with one name, in one scope; two
// git sources or downloads with one name anywhere in the image.
#include <fmt/format.h>

#include <map>

#include "passes/pass.h"

namespace tdxc {
namespace {

template <typename T>
const T &deref(const T &item) {
  return item;
}
template <typename T>
const T &deref(const T *item) {
  return *item;
}

// Items are declarations or pointers to them (the image-wide fetch lists).
template <typename Item, typename KeyFn>
void unique(const std::vector<Item> &items, KeyFn key, DiagKind kind, const char *what, PassContext &ctx) {
  using T = std::remove_cv_t<std::remove_reference_t<decltype(deref(items.front()))>>;
  std::map<std::string, const T *> seen;
  for (const Item &entry : items) {
    const T &item = deref(entry);
    auto [it, inserted] = seen.emplace(key(item), &item);
    if (!inserted)
      ctx.diags.report(kind, item.name.range, fmt::format("{} \"{}\" is declared twice", what, item.name.value))
          .notes.push_back({it->second->name.range, "first declared here"});
  }
}

void check(const ir::Content &c, PassContext &ctx) {
  unique(
      c.services, [](const ir::Service &s) { return s.name.value; }, DiagKind::DuplicateService, "service", ctx);
  unique(
      c.sockets, [](const ir::Socket &s) { return s.name.value; }, DiagKind::DuplicateService, "socket", ctx);
  unique(
      c.users, [](const ir::User &u) { return u.name.value; }, DiagKind::DuplicateDeclaration, "user", ctx);
  unique(
      c.groups, [](const ir::Group &g) { return g.name.value; }, DiagKind::DuplicateDeclaration, "group", ctx);
  unique(
      c.repositories, [](const ir::Repository &r) { return r.name.value; }, DiagKind::DuplicateDeclaration,
      "repository", ctx);
  unique(
      c.scripts, [](const ir::Script &s) { return std::string(ir::phaseName(s.phase)) + "/" + s.name.value; },
      DiagKind::DuplicateDeclaration, "script", ctx);
  unique(
      c.initSteps, [](const ir::InitStep &s) { return s.name.value; }, DiagKind::DuplicateDeclaration, "init step",
      ctx);
  // A generated unit and an enabled package unit with one name would fight over presets.
  for (const ir::LocatedString &unit : c.enableUnits)
    for (const ir::Service &svc : c.services)
      if (unit.value == svc.name.value + ".service")
        ctx.diags
            .report(
                DiagKind::DuplicateService, unit.range,
                fmt::format(
                    "\"{}\" is a service declared in this image; it is enabled already (set enabled on the service)",
                    unit.value))
            .notes.push_back({svc.name.range, "declared here"});
}

}  // namespace

// Git sources and downloads share one generated tdxc/fetch.sh for every
// profile, so their names are unique in the whole image.
void checkFetchNames(const ir::Image &image, PassContext &ctx) {
  unique(
      ir::allGitSources(image), [](const ir::GitSource &g) { return g.name.value; }, DiagKind::DuplicateDeclaration,
      "git source", ctx);
  unique(
      ir::allDownloads(image), [](const ir::Download &d) { return d.name.value; }, DiagKind::DuplicateDeclaration,
      "download", ctx);
}

void validateServices(ir::Image &image, PassContext &ctx) {
  check(image.base, ctx);
  for (const ir::Profile &profile : image.profiles) check(profile.content, ctx);
  checkFetchNames(image, ctx);
}

}  // namespace tdxc
