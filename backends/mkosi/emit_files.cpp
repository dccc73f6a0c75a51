// Declared files: mkosi.extra/ (copied after packages) and mkosi.skeleton/
// (copied before). Content is written byte for byte; modes are explicit.
#include "backends/mkosi/emitters.h"

namespace tdxc::mkosi {

void emitFiles(const Scope &scope, FileTree &tree) {
  for (const ir::FileEntry &file : scope.content.files) {
    const char *dir = file.tree == ir::FileTree::Skeleton ? "mkosi.skeleton" : "mkosi.extra";
    tree.add(scope.root + dir + file.path.value, file.content, file.mode);
  }
}

}  // namespace tdxc::mkosi
