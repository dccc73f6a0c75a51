// Codegen: the validated IR to an in-memory mkosi tree (see docs/architecture.md).
#pragma once

#include "backends/mkosi/file_tree.h"
#include "ir/image.h"

namespace tdxc::mkosi {

FileTree generateTree(const ir::Image &image);

}  // namespace tdxc::mkosi
