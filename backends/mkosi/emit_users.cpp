// Users and groups are declarative: a sysusers.d file (mkosi runs
// systemd-sysusers on the image after postinst), tmpfiles.d lines for home
// directories, and a finalize script for file owners (mkosi copies extra trees
// as root, and the accounts only exist after sysusers has run).
#include <fmt/format.h>

#include "backends/mkosi/emitters.h"
#include "backends/mkosi/systemd_quote.h"
#include "ir/generated_paths.h"

namespace tdxc::mkosi {

void emitUsers(const Scope &scope, FileTree &tree) {
  const ir::Content &c = scope.content;
  std::string sysusers, tmpfiles;
  for (const ir::Group &g : c.groups) {
    if (g.external) continue;
    sysusers += fmt::format("g {} {}\n", g.name.value, g.gid ? std::to_string(*g.gid) : "-");
  }
  for (const ir::User &u : c.users) {
    if (u.external) continue;
    std::string uid = "-";
    if (u.uid)
      uid = std::to_string(*u.uid);
    else if (auto it = scope.regularUids.find(u.name.value); it != scope.regularUids.end())
      uid = std::to_string(it->second);
    sysusers += fmt::format("u {} {} \"{}\" {} {}\n", u.name.value, uid, u.description, u.home, u.shell);
    if (u.createHome && u.home != "/")
      tmpfiles += fmt::format("d {} 0750 {} {} -\n", u.home, u.name.value, u.name.value);
  }
  for (const ir::User &u : c.users)
    for (const ir::LocatedString &group : u.groups) sysusers += fmt::format("m {} {}\n", u.name.value, group.value);
  if (!sysusers.empty())
    tree.add(scope.root + "mkosi.extra" + ir::sysusersPath(scope.profile),
             generatedHeader(scope, "users and groups") + sysusers);
  if (!tmpfiles.empty())
    tree.add(scope.root + "mkosi.extra" + ir::tmpfilesPath(scope.profile),
             generatedHeader(scope, "home directories") + tmpfiles);

  std::string chowns;
  for (const ir::FileEntry &f : c.files) {
    if (f.tree != ir::FileTree::Extra || (f.owner.value == "root" && f.group.value == "root")) continue;
    chowns += fmt::format("chown {}:{} {}\n", f.owner.value, f.group.value, shellQuote(f.path.value));
  }
  if (chowns.empty()) return;
  std::string script = "#!/bin/bash\n" + generatedHeader(scope, "owners of declared files") +
                       "# Runs inside the image after systemd-sysusers has created the accounts.\nset -euo pipefail\n" +
                       chowns;
  tree.add(scope.root + "mkosi.finalize.d/90-tdxc-file-owners.sh.chroot", script, 0755);
}

}  // namespace tdxc::mkosi
