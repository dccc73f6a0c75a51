// Replacing one file atomically: write a temporary sibling, fsync, rename.
// Readers see the old bytes or the new ones, never a half-written file.
#pragma once

#include <string>

namespace tdxc {

/// Returns false with `error` set (the old file, if any, is untouched). The
/// new file gets `mode` (tdxc fmt keeps the mode of the file it rewrites).
bool writeFileAtomically(const std::string &path, const std::string &content, std::string &error, unsigned mode = 0644);

}  // namespace tdxc
