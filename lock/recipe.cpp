#include "lock/recipe.h"

#include <fmt/format.h>

#include "backends/mkosi/codegen.h"
#include "support/sha256.h"

namespace tdxc::lock {

std::string treeDigest(const mkosi::FileTree &tree) {
  // Length-prefixed fields: no path or content can imitate a boundary.
  std::string canonical = "tdxc-tree-v1\n";
  for (const auto &[path, file] : tree.files())
    canonical += fmt::format("{}:{}\n{:o}\n{}:{}\n", path.size(), path, file.mode, file.content.size(), file.content);
  return "sha256:" + sha256Hex(canonical);
}

std::string recipeDigest(const ir::Image &image) {
  ir::Image unpinned = image;
  for (ir::GitSource *g : ir::allGitSources(unpinned)) g->locked.reset();
  for (ir::Download *d : ir::allDownloads(unpinned)) d->locked.reset();
  return treeDigest(mkosi::generateTree(unpinned));
}

void applyLock(ir::Image &image, const LockFile &lock) {
  for (ir::GitSource *g : ir::allGitSources(image)) {
    const LockedGit *entry = lock.findGit(g->name.value);
    if (entry && entry->url == g->url.value && entry->ref == g->ref.value) g->locked = entry->commit;
  }
  for (ir::Download *d : ir::allDownloads(image)) {
    const LockedDownload *entry = lock.findDownload(d->name.value);
    if (entry && entry->url == d->url.value) d->locked = entry->sha256;
  }
}

}  // namespace tdxc::lock
