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
  for (ir::GitSource *g : allGitSources(unpinned)) g->locked.reset();
  for (ir::Download *d : allDownloads(unpinned)) d->locked.reset();
  return treeDigest(mkosi::generateTree(unpinned));
}

std::vector<ir::GitSource *> allGitSources(ir::Image &image) {
  std::vector<ir::GitSource *> out;
  for (ir::GitSource &g : image.base.gitSources) out.push_back(&g);
  for (ir::Profile &p : image.profiles)
    for (ir::GitSource &g : p.content.gitSources) out.push_back(&g);
  return out;
}

std::vector<ir::Download *> allDownloads(ir::Image &image) {
  std::vector<ir::Download *> out;
  for (ir::Download &d : image.base.downloads) out.push_back(&d);
  for (ir::Profile &p : image.profiles)
    for (ir::Download &d : p.content.downloads) out.push_back(&d);
  return out;
}

void applyLock(ir::Image &image, const LockFile &lock) {
  for (ir::GitSource *g : allGitSources(image)) {
    const LockedGit *entry = lock.findGit(g->name.value);
    if (entry && entry->url == g->url.value && entry->ref == g->ref.value) g->locked = entry->commit;
  }
  for (ir::Download *d : allDownloads(image)) {
    const LockedDownload *entry = lock.findDownload(d->name.value);
    if (entry && entry->url == d->url.value) d->locked = entry->sha256;
  }
}

}  // namespace tdxc::lock
