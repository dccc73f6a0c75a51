#include "backends/mkosi/tree_compare.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <map>
#include <optional>

#include "backends/mkosi/tree_writer.h"
#include "support/read_file.h"
#include "support/unified_diff.h"

namespace tdxc::mkosi {

namespace fs = std::filesystem;

namespace {

// What a path is on disk. Only regular files have content and a mode.
struct DiskEntry {
  bool regular = false;
  bool unreadable = false;  // a regular file that could not be read
  std::string content;
  std::uint32_t mode = 0;
};

// Every non-directory entry below `dir` (symlinks are not followed: a link is
// not what compile writes, whatever it points at).
std::map<std::string, DiskEntry> scanDisk(const fs::path &dir) {
  std::map<std::string, DiskEntry> entries;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return entries;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    fs::file_status status = it->symlink_status(ec);
    if (ec || fs::is_directory(status)) continue;
    std::string relative = it->path().lexically_relative(dir).generic_string();
    if (relative == kMarkerFile) continue;
    DiskEntry entry;
    struct stat st {};
    if (fs::is_regular_file(status)) {
      std::optional<std::string> content = readFileBytes(it->path());
      if (content && ::stat(it->path().c_str(), &st) == 0) {
        entry.regular = true;
        entry.content = std::move(*content);
        entry.mode = st.st_mode & 07777;
      } else {
        entry.unreadable = true;
      }
    }
    entries.emplace(std::move(relative), std::move(entry));
  }
  return entries;
}

bool isBinary(const std::string &content) { return content.find('\0') != std::string::npos; }

TreeDifference contentDifference(const std::string &path, const std::string &label, const std::string *before,
                                 const std::string *after) {
  const std::string beforeLabel = before ? label : "/dev/null";
  const std::string afterLabel = after ? label : "/dev/null";
  std::string summary = !before ? "is missing" : !after ? "is not generated" : "differs";
  if ((before && isBinary(*before)) || (after && isBinary(*after)))
    return {path, summary, fmt::format("Binary files {} and {} differ\n", beforeLabel, afterLabel)};
  static const std::string empty;
  return {path, summary, unifiedDiff(before ? *before : empty, after ? *after : empty, beforeLabel, afterLabel)};
}

}  // namespace

std::vector<TreeDifference> compareTree(const FileTree &tree, const fs::path &dir, const std::string &dirLabel) {
  std::map<std::string, DiskEntry> disk = scanDisk(dir);
  std::string prefix = dirLabel;
  while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();

  std::vector<TreeDifference> differences;
  auto wanted = tree.files().begin();
  auto found = disk.begin();
  // Both maps are sorted by path: walk them together.
  while (wanted != tree.files().end() || found != disk.end()) {
    bool onlyWanted = found == disk.end() || (wanted != tree.files().end() && wanted->first < found->first);
    bool onlyFound = wanted == tree.files().end() || (found != disk.end() && found->first < wanted->first);
    const std::string &path = onlyWanted ? wanted->first : found->first;
    std::string label = (prefix == "/" ? "" : prefix) + "/" + path;
    if (onlyWanted) {
      differences.push_back(contentDifference(path, label, nullptr, &wanted->second.content));
      ++wanted;
      continue;
    }
    if (found->second.unreadable) {
      differences.push_back({path, "cannot be read", fmt::format("{} cannot be read\n", label)});
    } else if (!found->second.regular) {
      differences.push_back({path, onlyFound ? "is not generated" : "is not a regular file",
                             fmt::format("{} is not a regular file{}\n", label,
                                         onlyFound ? "" : "; compiling writes a regular file there")});
    } else if (onlyFound) {
      differences.push_back(contentDifference(path, label, &found->second.content, nullptr));
    } else {
      bool sameContent = found->second.content == wanted->second.content;
      bool sameMode = found->second.mode == wanted->second.mode;
      if (!sameContent || !sameMode) {
        TreeDifference difference{path, "has another mode", ""};
        if (!sameContent) difference = contentDifference(path, label, &found->second.content, &wanted->second.content);
        // A unified diff cannot say it; patch skips this line as prose.
        if (!sameMode)
          difference.diff += fmt::format("{} has mode {:04o}; compiling writes mode {:04o}\n", label,
                                         found->second.mode, wanted->second.mode);
        differences.push_back(std::move(difference));
      }
    }
    if (!onlyFound) ++wanted;
    ++found;
  }
  return differences;
}

}  // namespace tdxc::mkosi
