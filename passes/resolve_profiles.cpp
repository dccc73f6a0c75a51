// Profiles are overlays (mkosi.profiles/NAME/): they add, and they replace a
// base declaration only when it says override = true, so that no profile drops
// or rewrites base content by accident.
#include <fmt/format.h>

#include <map>
#include <regex>

#include "passes/pass.h"

namespace tdxc {
namespace {

template <typename T, typename KeyFn>
void checkOverrides(const std::vector<T> &base, const std::vector<T> &profile, KeyFn key, const char *what,
                    const std::string &profileName, PassContext &ctx) {
  std::map<std::string, const T *> byKey;
  for (const T &item : base) byKey.emplace(key(item), &item);
  for (const T &item : profile) {
    auto it = byKey.find(key(item));
    if (it != byKey.end() && !item.override) {
      ctx.diags
          .report(DiagKind::ProfileOverride, item.range,
                  fmt::format("profile '{}' redeclares {}{} from the base image; add override = true to replace it",
                              profileName, *what ? std::string(what) + " " : "", key(item)))
          .notes.push_back({it->second->range, "the base image declares it here"});
    } else if (it == byKey.end() && item.override) {
      ctx.diags.report(DiagKind::UselessOverride, item.range,
                       fmt::format("override = true, but the base image has no {}{}",
                                   *what ? std::string(what) + " " : "", key(item)));
    }
  }
}

template <typename T>
void warnOverrideInBase(const std::vector<T> &items, PassContext &ctx) {
  for (const T &item : items)
    if (item.override)
      ctx.diags.report(DiagKind::UselessOverride, item.range, "override = true only has a meaning inside a profile");
}

std::string fileKey(const ir::FileEntry &f) {
  return (f.tree == ir::FileTree::Skeleton ? "skeleton " : "file ") + f.path.value;
}

template <typename T>
std::string nameKey(const T &item) {
  return "\"" + item.name.value + "\"";
}

}  // namespace

void resolveProfiles(ir::Image &image, PassContext &ctx) {
  const ir::Content &base = image.base;
  warnOverrideInBase(base.files, ctx);
  warnOverrideInBase(base.users, ctx);
  warnOverrideInBase(base.groups, ctx);
  warnOverrideInBase(base.services, ctx);
  warnOverrideInBase(base.sockets, ctx);
  warnOverrideInBase(base.scripts, ctx);
  warnOverrideInBase(base.repositories, ctx);
  warnOverrideInBase(base.initSteps, ctx);

  static const std::regex profileName(R"(^[a-z0-9][a-z0-9_-]*$)");
  std::map<std::string, const ir::Profile *> seen;
  for (const ir::Profile &profile : image.profiles) {
    const std::string &name = profile.name.value;
    if (!std::regex_match(name, profileName))
      ctx.diags.report(DiagKind::InvalidValue, profile.name.range,
                       fmt::format("profile name \"{}\" must be lower-case letters, digits, '_' and '-' (it is a "
                                   "directory and a --profile argument)",
                                   name));
    auto [it, inserted] = seen.emplace(name, &profile);
    if (!inserted) {
      ctx.diags
          .report(DiagKind::DuplicateProfile, profile.name.range, fmt::format("profile '{}' is declared twice", name))
          .notes.push_back({it->second->name.range, "first declared here"});
      continue;
    }
    const ir::Content &overlay = profile.content;
    auto scriptKey = [](const ir::Script &s) {
      return fmt::format("\"{}\" ({})", s.name.value, ir::phaseName(s.phase));
    };
    checkOverrides(base.files, overlay.files, fileKey, "", name, ctx);  // generated paths: validate-conflicts
    checkOverrides(base.users, overlay.users, nameKey<ir::User>, "user", name, ctx);
    checkOverrides(base.groups, overlay.groups, nameKey<ir::Group>, "group", name, ctx);
    checkOverrides(base.services, overlay.services, nameKey<ir::Service>, "service", name, ctx);
    checkOverrides(base.sockets, overlay.sockets, nameKey<ir::Socket>, "socket", name, ctx);
    checkOverrides(base.scripts, overlay.scripts, scriptKey, "script", name, ctx);
    checkOverrides(base.repositories, overlay.repositories, nameKey<ir::Repository>, "repository", name, ctx);
    checkOverrides(base.initSteps, overlay.initSteps, nameKey<ir::InitStep>, "init step", name, ctx);
  }
}

namespace {
template <typename T, typename KeyFn>
void layer(std::vector<T> &into, const std::vector<T> &overlay, KeyFn key) {
  for (const T &item : overlay) {
    bool replaced = false;
    for (T &existing : into)
      if (item.override && key(existing) == key(item)) {
        existing = item;
        replaced = true;
      }
    if (!replaced) into.push_back(item);
  }
}
}  // namespace

ir::Content layeredContent(const ir::Image &image, const ir::Profile &profile) {
  ir::Content merged = image.base;
  const ir::Content &o = profile.content;
  auto append = [](auto &into, const auto &from) { into.insert(into.end(), from.begin(), from.end()); };
  append(merged.packages, o.packages);
  append(merged.buildPackages, o.buildPackages);
  append(merged.toolsTreePackages, o.toolsTreePackages);
  append(merged.enableUnits, o.enableUnits);
  append(merged.kernelCmdline, o.kernelCmdline);
  append(merged.environmentPassthrough, o.environmentPassthrough);
  append(merged.environment, o.environment);
  append(merged.raw, o.raw);
  layer(merged.files, o.files, fileKey);
  layer(merged.users, o.users, nameKey<ir::User>);
  layer(merged.groups, o.groups, nameKey<ir::Group>);
  layer(merged.services, o.services, nameKey<ir::Service>);
  layer(merged.sockets, o.sockets, nameKey<ir::Socket>);
  layer(merged.scripts, o.scripts, [](const ir::Script &s) { return s.name.value + ir::phaseName(s.phase); });
  layer(merged.repositories, o.repositories, nameKey<ir::Repository>);
  layer(merged.initSteps, o.initSteps, nameKey<ir::InitStep>);
  append(merged.initDropIns, o.initDropIns);
  if (o.settings.hostname) merged.settings.hostname = o.settings.hostname;
  if (o.settings.network) merged.settings.network = o.settings.network;
  if (o.settings.cleanPackageMetadata) merged.settings.cleanPackageMetadata = o.settings.cleanPackageMetadata;
  if (o.settings.manifestFormat) merged.settings.manifestFormat = o.settings.manifestFormat;
  if (o.settings.targets) merged.settings.targets = o.settings.targets;
  return merged;
}

}  // namespace tdxc
