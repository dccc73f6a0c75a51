// SHA-256 through OpenSSL, for derived identifiers (seeds, cache keys), lock
// entries and artifact digests.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tdxc {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256Hex(std::string_view data);
/// The hex digest of a file's bytes, read in chunks (artifacts are large);
/// nullopt with `error` set if it cannot be read.
std::optional<std::string> sha256FileHex(const std::string &path, std::string &error);

}  // namespace tdxc
