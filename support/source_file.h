// Source files and positions. Every position in tdxc is a byte offset into a
// SourceFile; lines and columns are computed only when something is shown to a
// person (columns count Unicode code points, starting at 1).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tdxc {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xffffffffu;

/// A half-open byte range [begin, end) in one source file.
struct SourceRange {
  FileId file = kNoFile;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  bool operator==(const SourceRange &) const = default;
};

/// A 1-based line and column (column in code points).
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  /// The path as the user wrote it (used in diagnostics).
  const std::string &path() const { return path_; }
  const std::string &text() const { return text_; }

  LineColumn lineColumn(std::uint32_t offset) const;
  /// Byte offset of the start of a 1-based line.
  std::uint32_t lineStart(std::uint32_t line) const;
  std::string_view lineText(std::uint32_t line) const;
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(lineStarts_.size()); }
  /// Byte offset of the n-th code point (the ANTLR stream counts code points).
  std::uint32_t byteOffsetOfCodePoint(std::size_t index) const;

 private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> lineStarts_;
  mutable std::vector<std::uint32_t> codePointOffsets_;  // built on first use
};

/// Owns every file of one compilation; FileIds index into it. Copies share
/// the files (immutable once added), so the language server can start each
/// analysis from a manager that already holds the parsed standard library.
class SourceManager {
 public:
  FileId add(std::string path, std::string text);
  const SourceFile &file(FileId id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }

 private:
  std::vector<std::shared_ptr<const SourceFile>> files_;
};

}  // namespace tdxc
