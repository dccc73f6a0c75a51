// LSP positions. The protocol counts lines from 0 and characters in UTF-16
// code units; tdxc counts bytes. Every conversion between the two happens
// here, so a non-ASCII character can only be miscounted in one place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tdxc::lsp {

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;  // UTF-16 code units
  bool operator==(const Position &) const = default;
};

struct Range {
  Position start;
  Position end;
  bool operator==(const Range &) const = default;
};

/// Maps byte offsets of one text to LSP positions and back.
class LineIndex {
 public:
  explicit LineIndex(std::string text);

  /// The position of a byte offset. An offset inside a UTF-8 sequence maps to
  /// the start of its character; one past the end maps to the end.
  Position position(std::uint32_t offset) const;
  /// The byte offset of a position. A character past the end of its line
  /// means the end of the line (the protocol's rule); a line past the end of
  /// the text means the end of the text; a position between the two halves of
  /// a surrogate pair means the start of that character.
  std::uint32_t offset(Position position) const;
  Range range(std::uint32_t begin, std::uint32_t end) const { return {position(begin), position(end)}; }

  const std::string &text() const { return text_; }
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(lineStarts_.size()); }

 private:
  std::uint32_t lineEnd(std::uint32_t line) const;  // excluding "\n" or "\r\n"

  std::string text_;
  std::vector<std::uint32_t> lineStarts_;
};

}  // namespace tdxc::lsp
