// The emitted tree, built completely in memory before anything touches disk.
// Paths are relative, '/'-separated and kept sorted, so iteration order (and
// therefore --emit=tree) is deterministic.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

namespace tdxc::mkosi {

struct TreeFile {
  std::string content;
  std::uint32_t mode = 0644;
};

class FileTree {
 public:
  /// Adds a file; a second add of one path replaces the first (the passes have
  /// already rejected conflicting declarations, so this only happens by design).
  void add(const std::string &path, std::string content, std::uint32_t mode = 0644);
  const std::map<std::string, TreeFile> &files() const { return files_; }
  const TreeFile *find(const std::string &path) const;

 private:
  std::map<std::string, TreeFile> files_;
};

/// Prints every file as "=== path (mode)" followed by its content.
void dumpTree(std::ostream &out, const FileTree &tree);

}  // namespace tdxc::mkosi
