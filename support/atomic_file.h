// Replacing one file atomically: write a temporary sibling, fsync, rename.
// Readers see the old bytes or the new ones, never a half-written file.
#pragma once

#include <string>

namespace tdxc {

/// Returns false with `error` set (the old file, if any, is untouched).
bool writeFileAtomically(const std::string &path, const std::string &content, std::string &error);

}  // namespace tdxc
