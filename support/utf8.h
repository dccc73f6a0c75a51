// UTF-8 validation. The ANTLR runtime throws on invalid UTF-8, so every source
// is validated before it reaches the lexer.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tdxc {

/// Returns the byte offset of the first invalid sequence, or nullopt if the
/// text is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

}  // namespace tdxc
