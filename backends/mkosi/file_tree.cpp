#include "backends/mkosi/file_tree.h"

#include <fmt/format.h>

namespace tdxc::mkosi {

void FileTree::add(const std::string &path, std::string content, std::uint32_t mode) {
  files_[path] = TreeFile{std::move(content), mode};
}

const TreeFile *FileTree::find(const std::string &path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

void dumpTree(std::ostream &out, const FileTree &tree) {
  for (const auto &[path, file] : tree.files()) {
    out << fmt::format("=== {} ({:04o})\n", path, file.mode);
    out << file.content;
    if (!file.content.empty() && file.content.back() != '\n') out << "\n\\ no newline at end of file\n";
  }
}

}  // namespace tdxc::mkosi
