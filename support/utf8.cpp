#include "support/utf8.h"

namespace tdxc {

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  auto isCont = [&](std::size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  while (i < n) {
    unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!isCont(i + 1)) return i;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (!isCont(i + 1) || !isCont(i + 2)) return i;
      unsigned char c1 = byte(i + 1);
      if (c == 0xE0 && c1 < 0xA0) return i;  // overlong
      if (c == 0xED && c1 > 0x9F) return i;  // UTF-16 surrogate
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (!isCont(i + 1) || !isCont(i + 2) || !isCont(i + 3)) return i;
      unsigned char c1 = byte(i + 1);
      if (c == 0xF0 && c1 < 0x90) return i;  // overlong
      if (c == 0xF4 && c1 > 0x8F) return i;  // above U+10FFFF
      i += 4;
    } else {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace tdxc
