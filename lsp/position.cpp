#include "lsp/position.h"

#include <algorithm>

namespace tdxc::lsp {
namespace {

// Length of the UTF-8 sequence that starts with `lead` (1 for a stray
// continuation byte, so that a walk always advances).
std::uint32_t sequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Characters outside the Basic Multilingual Plane (4-byte UTF-8) are
// surrogate pairs in UTF-16.
std::uint32_t utf16Units(std::uint32_t utf8Length) { return utf8Length == 4 ? 2 : 1; }

}  // namespace

LineIndex::LineIndex(std::string text) : text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') lineStarts_.push_back(i + 1);
}

std::uint32_t LineIndex::lineEnd(std::uint32_t line) const {
  std::uint32_t end =
      line + 1 < lineStarts_.size() ? lineStarts_[line + 1] - 1 : static_cast<std::uint32_t>(text_.size());
  if (end > lineStarts_[line] && text_[end - 1] == '\r' && line + 1 < lineStarts_.size()) --end;
  return end;
}

Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - lineStarts_.begin() - 1);
  std::uint32_t character = 0;
  for (std::uint32_t i = lineStarts_[line]; i < offset;) {
    // A sequence cut short by the end of the text counts as one character,
    // as in offset().
    std::uint32_t length =
        std::min(sequenceLength(static_cast<unsigned char>(text_[i])), static_cast<std::uint32_t>(text_.size()) - i);
    if (i + length > offset) break;  // offset inside this character
    character += utf16Units(length);
    i += length;
  }
  return {line, character};
}

std::uint32_t LineIndex::offset(Position position) const {
  if (position.line >= lineStarts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t i = lineStarts_[position.line];
  std::uint32_t end = lineEnd(position.line);
  std::uint32_t units = 0;
  while (i < end) {
    std::uint32_t length = std::min(sequenceLength(static_cast<unsigned char>(text_[i])), end - i);
    if (units + utf16Units(length) > position.character) break;
    units += utf16Units(length);
    i += length;
  }
  return i;
}

}  // namespace tdxc::lsp
