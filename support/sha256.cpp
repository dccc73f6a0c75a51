#include "support/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace tdxc {

std::array<std::uint8_t, 32> sha256(std::string_view data) {
  std::array<std::uint8_t, 32> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 || length != 32)
    throw std::runtime_error("OpenSSL SHA-256 failed");
  return digest;
}

std::string sha256Hex(std::string_view data) {
  static const char *hex = "0123456789abcdef";
  std::string out;
  for (std::uint8_t byte : sha256(data)) {
    out += hex[byte >> 4];
    out += hex[byte & 0xF];
  }
  return out;
}

}  // namespace tdxc
