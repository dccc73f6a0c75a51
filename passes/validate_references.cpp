// Every user, group and service that a declaration names must exist: declared
// in the .tdx (in the base, or in the profile that uses it), or one of the
// accounts Debian's base-passwd creates in every image.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "passes/pass.h"
#include "support/suggest.h"

namespace tdxc {
namespace {

// Debian base-passwd's fixed accounts (/usr/share/base-passwd/{passwd,group}.master).
const std::vector<std::string> kBuiltinUsers = {"root",     "daemon", "bin",  "sys",  "sync", "games",
                                                "man",      "lp",     "mail", "news", "uucp", "proxy",
                                                "www-data", "backup", "list", "irc",  "_apt", "nobody"};
const std::vector<std::string> kBuiltinGroups = {
    "root", "daemon", "bin",   "sys",      "adm",     "tty",      "disk",  "lp",     "mail",   "news",
    "uucp", "man",    "proxy", "kmem",     "dialout", "fax",      "voice", "cdrom",  "floppy", "tape",
    "sudo", "audio",  "dip",   "www-data", "backup",  "operator", "list",  "irc",    "src",    "shadow",
    "utmp", "video",  "sasl",  "plugdev",  "staff",   "games",    "users", "nogroup"};

struct Names {
  // Vectors keep the order "did you mean" prefers; sets make lookups cheap
  // (an image can have thousands of services).
  std::vector<std::string> users, groups, services;
  std::set<std::string> userSet, groupSet, serviceSet;
  static bool has(const std::set<std::string> &set, const std::string &name) { return set.count(name) != 0; }
};

// Declared names come first: "did you mean" prefers them over the builtins.
Names namesOf(const ir::Content &c) {
  Names n;
  for (const ir::User &u : c.users) {
    n.users.push_back(u.name.value);
    n.groups.push_back(u.name.value);  // sysusers gives every user a group of its name
  }
  for (const ir::Group &g : c.groups) n.groups.push_back(g.name.value);
  for (const ir::Service &s : c.services) n.services.push_back(s.name.value);
  n.users.insert(n.users.end(), kBuiltinUsers.begin(), kBuiltinUsers.end());
  n.groups.insert(n.groups.end(), kBuiltinGroups.begin(), kBuiltinGroups.end());
  n.userSet = {n.users.begin(), n.users.end()};
  n.groupSet = {n.groups.begin(), n.groups.end()};
  n.serviceSet = {n.services.begin(), n.services.end()};
  return n;
}

void missing(DiagKind kind, const ir::LocatedString &ref, const char *what, const char *decl,
             const std::vector<std::string> &known, PassContext &ctx) {
  auto &d = ctx.diags.report(kind, ref.range, fmt::format("{} \"{}\" is not declared", what, ref.value));
  if (auto suggestion = closestMatch(ref.value, known)) {
    d.notes.push_back({{}, fmt::format("did you mean \"{}\"?", *suggestion)});
    d.fixits.push_back({ref.range, "\"" + *suggestion + "\""});
  } else {
    d.notes.push_back(
        {{},
         fmt::format("declare it with {} \"{}\" {{ }} (external = true if a package creates it)", decl, ref.value)});
  }
}

// Checks the declarations in `own` against everything visible in `scope`.
void check(const ir::Content &own, const ir::Content &scope, PassContext &ctx) {
  Names n = namesOf(scope);
  auto user = [&](const ir::LocatedString &ref) {
    if (!Names::has(n.userSet, ref.value)) missing(DiagKind::UndefinedUser, ref, "user", "user", n.users, ctx);
  };
  auto group = [&](const ir::LocatedString &ref) {
    if (!Names::has(n.groupSet, ref.value)) missing(DiagKind::UndefinedGroup, ref, "group", "group", n.groups, ctx);
  };
  for (const ir::Service &s : own.services) {
    if (s.user) user(*s.user);
    if (s.group) group(*s.group);
  }
  for (const ir::Socket &s : own.sockets) {
    if (s.user) user(*s.user);
    if (s.group) group(*s.group);
    if (!Names::has(n.serviceSet, s.service.value)) {
      auto &d = ctx.diags.report(
          DiagKind::UnknownUnit, s.service.range,
          fmt::format("socket \"{}\" activates service \"{}\", which is not declared", s.name.value, s.service.value));
      if (auto suggestion = closestMatch(s.service.value, n.services))
        d.notes.push_back({{}, fmt::format("did you mean \"{}\"?", *suggestion)});
    }
  }
  for (const ir::FileEntry &f : own.files) {
    if (f.owner.range.valid()) user(f.owner);
    if (f.group.range.valid()) group(f.group);
  }
  for (const ir::User &u : own.users)
    for (const ir::LocatedString &g : u.groups) group(g);
}

}  // namespace

void validateReferences(ir::Image &image, PassContext &ctx) {
  check(image.base, image.base, ctx);
  for (const ir::Profile &profile : image.profiles) check(profile.content, layeredContent(image, profile), ctx);
}

}  // namespace tdxc
