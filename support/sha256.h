// SHA-256 through OpenSSL, for derived identifiers (seeds, cache keys).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tdxc {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256Hex(std::string_view data);

}  // namespace tdxc
