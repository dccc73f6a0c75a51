#include "support/source_file.h"

#include <algorithm>

namespace tdxc {

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') lineStarts_.push_back(i + 1);
}

LineColumn SourceFile::lineColumn(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - lineStarts_.begin());
  std::uint32_t column = 1;
  for (std::uint32_t i = lineStarts_[line - 1]; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {line, column};
}

std::uint32_t SourceFile::lineStart(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > lineStarts_.size()) return static_cast<std::uint32_t>(text_.size());
  return lineStarts_[line - 1];
}

std::string_view SourceFile::lineText(std::uint32_t line) const {
  std::uint32_t begin = lineStart(line);
  std::uint32_t end = line < lineStarts_.size() ? lineStarts_[line] : static_cast<std::uint32_t>(text_.size());
  std::string_view view(text_.data() + begin, end - begin);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

std::uint32_t SourceFile::byteOffsetOfCodePoint(std::size_t index) const {
  if (codePointOffsets_.empty()) {
    codePointOffsets_.reserve(text_.size() + 1);
    for (std::uint32_t i = 0; i < text_.size(); ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) codePointOffsets_.push_back(i);
    codePointOffsets_.push_back(static_cast<std::uint32_t>(text_.size()));
  }
  if (index >= codePointOffsets_.size()) return static_cast<std::uint32_t>(text_.size());
  return codePointOffsets_[index];
}

FileId SourceManager::add(std::string path, std::string text) {
  auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_shared<const SourceFile>(id, std::move(path), std::move(text)));
  return id;
}

}  // namespace tdxc
