// The link between a .tdx source and its lock: the recipe digest, and
// applying a lock's pins to the IR.
#pragma once

#include <string>
#include <vector>

#include "backends/mkosi/file_tree.h"
#include "ir/image.h"
#include "lock/lockfile.h"

namespace tdxc::lock {

/// "sha256:<hex>" over every path, mode and byte of the tree the image emits
/// with all lock pins removed. So it covers everything that shapes the output
/// (settings, mirrors, packages, files, scripts, modules, the declared git
/// refs and download URLs) and nothing the lock itself decides.
std::string recipeDigest(const ir::Image &image);

/// The digest of an already generated tree (the canonical serialization).
std::string treeDigest(const mkosi::FileTree &tree);

/// Sets each source's `locked` pin from the lock entry with the same name,
/// URL and ref (downloads: name and URL). Entries that do not match are left
/// out: the source is then unpinned, which the frozen check and the policy
/// report.
void applyLock(ir::Image &image, const LockFile &lock);

}  // namespace tdxc::lock
