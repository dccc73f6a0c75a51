#include "ir/ir_dump.h"

#include <fmt/format.h>

#include "support/quote.h"

namespace tdxc {
namespace {

class IrDumper {
 public:
  IrDumper(std::ostream &out, const SourceManager &sources) : out_(out), sources_(sources) {}

  std::string at(SourceRange range) const {
    if (!range.valid()) return "@-";
    LineColumn lc = sources_.file(range.file).lineColumn(range.begin);
    return fmt::format("@{}:{}", lc.line, lc.column);
  }

  static std::string quote(const std::string &text) { return quoteTdxString(text, false); }

  static std::string list(const std::vector<ir::LocatedString> &items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quote(items[i].value);
    return out + "]";
  }

  static std::string plainList(const std::vector<std::string> &items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quote(items[i]);
    return out + "]";
  }

  void line(int depth, const std::string &text) {
    out_ << std::string(static_cast<std::size_t>(depth) * 2, ' ') << text << '\n';
  }

  void content(int d, const ir::Content &c) {
    const ir::Settings &s = c.settings;
    if (s.hostname) line(d, "hostname = " + quote(s.hostname->value));
    if (s.network) line(d, fmt::format("network = {}", s.network->value));
    if (s.cleanPackageMetadata) line(d, fmt::format("clean_package_metadata = {}", s.cleanPackageMetadata->value));
    if (s.manifestFormat) line(d, "manifest_format = " + quote(s.manifestFormat->value));
    if (s.targets) line(d, "targets = " + list(*s.targets));
    if (!c.packages.empty()) line(d, "packages = " + list(c.packages));
    if (!c.buildPackages.empty()) line(d, "build_packages = " + list(c.buildPackages));
    if (!c.toolsTreePackages.empty()) line(d, "tools_tree_packages = " + list(c.toolsTreePackages));
    if (!c.enableUnits.empty()) line(d, "enable = " + list(c.enableUnits));
    if (!c.kernelCmdline.empty()) line(d, "kernel_cmdline = " + list(c.kernelCmdline));
    for (const auto &[key, value] : c.environment) line(d, fmt::format("environment {} = {}", key.value, quote(value)));
    if (!c.environmentPassthrough.empty()) line(d, "environment_passthrough = " + list(c.environmentPassthrough));
    for (const ir::FileEntry &f : c.files)
      line(d, fmt::format("{} {} mode={:04o} owner={}:{} from={}{} bytes={} {}",
                          f.tree == ir::FileTree::Skeleton ? "skeleton" : "file", quote(f.path.value), f.mode,
                          f.owner.value, f.group.value, f.origin, f.override ? " override" : "", f.content.size(),
                          at(f.range)));
    for (const ir::User &u : c.users)
      line(d, fmt::format("user {} system={} uid={} home={} shell={} groups={}{}{} {}", quote(u.name.value), u.system,
                          u.uid ? std::to_string(*u.uid) : "-", quote(u.home), quote(u.shell), list(u.groups),
                          u.external ? " external" : "", u.override ? " override" : "", at(u.range)));
    for (const ir::Group &g : c.groups)
      line(d, fmt::format("group {} gid={}{}{} {}", quote(g.name.value), g.gid ? std::to_string(*g.gid) : "-",
                          g.external ? " external" : "", g.override ? " override" : "", at(g.range)));
    for (const ir::Service &svc : c.services) {
      line(d, fmt::format("service {} {}", quote(svc.name.value), at(svc.range)));
      line(d + 1, "exec = " + plainList(svc.exec));
      line(d + 1, fmt::format("type={} restart={} enabled={} hardening={}{}", svc.type, svc.restart, svc.enabled,
                              svc.hardening, svc.override ? " override" : ""));
      if (svc.user) line(d + 1, "user = " + quote(svc.user->value));
      if (svc.group) line(d + 1, "group = " + quote(svc.group->value));
      if (!svc.after.empty()) line(d + 1, "after = " + list(svc.after));
      if (!svc.requiresUnits.empty()) line(d + 1, "requires = " + list(svc.requiresUnits));
      if (!svc.wants.empty()) line(d + 1, "wants = " + list(svc.wants));
      line(d + 1, "wanted_by = " + list(svc.wantedBy));
    }
    for (const ir::Socket &sock : c.sockets)
      line(d, fmt::format("socket {} listen={} kind={} service={} {}", quote(sock.name.value), plainList(sock.listen),
                          sock.kind, quote(sock.service.value), at(sock.range)));
    for (const ir::Script &script : c.scripts)
      line(d, fmt::format("script {} phase={}{} bytes={} {}", quote(script.name.value), ir::phaseName(script.phase),
                          script.chroot ? " chroot" : "", script.content.size(), at(script.range)));
    for (const ir::Repository &repo : c.repositories)
      line(d, fmt::format("repository {} url={} suites={} components={} keyring={} {}", quote(repo.name.value),
                          quote(repo.url), plainList(repo.suites), plainList(repo.components),
                          repo.keyring ? repo.keyringExtension : "-", at(repo.range)));
    for (const ir::GitSource &git : c.gitSources)
      line(d, fmt::format("git {} url={} ref={} pinned={} {}", quote(git.name.value), quote(git.url.value),
                          quote(git.ref.value), git.pinnedCommit().empty() ? "-" : git.pinnedCommit(), at(git.range)));
    for (const ir::Download &dl : c.downloads)
      line(d, fmt::format("download {} url={} sha256={} {}", quote(dl.name.value), quote(dl.url.value),
                          dl.expectedSha256().empty() ? "-" : dl.expectedSha256(), at(dl.range)));
    for (const ir::RawSection &raw : c.raw)
      for (const auto &[key, values] : raw.keys)
        line(d, fmt::format("raw [{}] {} = {}", raw.section, key.value, plainList(values)));
  }

  void image(const ir::Image &img) {
    const ir::ImageSettings &s = img.settings;
    line(0, fmt::format("image {} from {} {}", quote(img.name.value), quote(img.sourceName), at(img.range)));
    line(1, fmt::format("base = {}/{} arch = {} format = {}", s.distribution, s.release, s.arch, s.format));
    line(1, fmt::format("mirror = {} security_mirror = {}", quote(s.mirror),
                        s.securityMirror ? quote(*s.securityMirror) : "none"));
    line(1, fmt::format("tools_tree = {} ({} from {})", s.toolsTree, s.toolsTreeRelease, quote(s.toolsTreeMirror)));
    line(1, fmt::format("image_id = {} seed = {} source_date_epoch = {}", quote(s.imageId), s.seed, s.sourceDateEpoch));
    if (img.policy.range.valid())
      line(1, fmt::format("policy frozen_lock={} mutable_refs={} integrity={} network={} {}",
                          img.policy.frozenLock.value, img.policy.mutableRefs.value, img.policy.integrity.value,
                          img.policy.network.value, at(img.policy.range)));
    content(1, img.base);
    for (const ir::Profile &p : img.profiles) {
      line(1, fmt::format("profile {} {}", quote(p.name.value), at(p.range)));
      content(2, p.content);
    }
  }

 private:
  std::ostream &out_;
  const SourceManager &sources_;
};

}  // namespace

void dumpIr(std::ostream &out, const SourceManager &sources, const ir::Image &image) {
  IrDumper(out, sources).image(image);
}

}  // namespace tdxc
