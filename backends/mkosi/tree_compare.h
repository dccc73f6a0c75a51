// compile --check: how a tree on disk (typically one committed to a
// repository) differs from the tree tdxc would write there now.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "backends/mkosi/file_tree.h"

namespace tdxc::mkosi {

/// One path whose state on disk is not what compiling writes.
struct TreeDifference {
  std::string path;     // relative to the directory, '/'-separated
  std::string summary;  // "differs", "is missing", "is not generated", ...
  /// A unified diff that `patch -p0` (run where the directory was named)
  /// applies, or a one-line explanation where no diff can say it (a mode, a
  /// binary file, something that is not a regular file).
  std::string diff;
};

/// Every difference between `tree` and the directory `dir` (shown in diffs as
/// `dirLabel`, the name the user gave), sorted by path. tdxc's own marker file
/// is ignored; a directory that does not exist differs in every file.
std::vector<TreeDifference> compareTree(const FileTree &tree, const std::filesystem::path &dir,
                                        const std::string &dirLabel);

}  // namespace tdxc::mkosi
