// Scripts for mkosi phases, as mkosi.PHASE.d/NN-NAME.sh (sorted by mkosi, so
// NN keeps declaration order). ".chroot" scripts run inside the image.
#include <fmt/format.h>

#include <map>

#include "backends/mkosi/emitters.h"

namespace tdxc::mkosi {

void emitScripts(const Scope &scope, FileTree &tree) {
  std::map<ir::Phase, int> counts;
  for (const ir::Script &script : scope.content.scripts) ++counts[script.phase];
  std::map<ir::Phase, int> index;
  for (const ir::Script &script : scope.content.scripts) {
    int n = 10 + index[script.phase]++;
    int width = counts[script.phase] > 80 ? 3 : 2;  // keep lexical order = declaration order
    std::string name = fmt::format("{:0{}}-{}.sh{}", n, width, script.name.value, script.chroot ? ".chroot" : "");
    std::string body = script.content;
    if (body.rfind("#!", 0) != 0) body = "#!/bin/bash\nset -euo pipefail\n" + body;
    if (body.empty() || body.back() != '\n') body += '\n';
    tree.add(scope.root + "mkosi." + ir::phaseName(script.phase) + ".d/" + name, body, 0755);
  }
}

}  // namespace tdxc::mkosi
