// Reading a whole input file (sources, templates, configs, lock files, trees
// on disk) into memory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tdxc {

/// Reads a whole regular file; nullopt if it cannot be read, is not a regular
/// file, or is larger than 256 MiB.
std::optional<std::string> readFileBytes(const std::filesystem::path &path);

}  // namespace tdxc
