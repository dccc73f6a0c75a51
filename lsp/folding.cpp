// textDocument/foldingRange
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_foldingRange
//
// From tokens, so folding works while the file is broken: bracket pairs that
// span lines, multi-line strings and block comments, and runs of line
// comments and of imports. A bracket range ends on the line before its
// closing bracket, which stays visible.
#include "lsp/features.h"

namespace tdxc::lsp {
namespace {

json fold(std::uint32_t start, std::uint32_t end, const char *kind) {
  json out = {{"startLine", start}, {"endLine", end}};
  if (kind != nullptr) out["kind"] = kind;
  return out;
}

}  // namespace

json foldingRanges(const Document &doc) {
  const Analysis &analysis = *doc.analysis;
  const std::vector<Token> &tokens = analysis.tokens;
  json out = json::array();
  std::vector<std::uint32_t> open;  // lines of unmatched opening brackets
  // A run of consecutive whole-line comments (or imports): first and last line.
  std::uint32_t commentFirst = 0, commentLast = 0, importFirst = 0, importLast = 0;
  bool inComments = false, inImports = false;
  auto closeRuns = [&](std::uint32_t line, bool comment, bool import) {
    if (inComments && !(comment && line == commentLast + 1)) {
      if (commentLast > commentFirst) out.push_back(fold(commentFirst, commentLast, "comment"));
      inComments = false;
    }
    if (inImports && !(import && line <= importLast + 1)) {
      if (importLast > importFirst) out.push_back(fold(importFirst, importLast, "imports"));
      inImports = false;
    }
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token &t = tokens[i];
    std::uint32_t line = analysis.lines.position(t.begin).line;
    std::uint32_t lastLine = analysis.lines.position(t.end).line;
    bool lineComment = (t.kind == TokenKind::LineComment || t.kind == TokenKind::DocComment) &&
                       (i == 0 || analysis.lines.position(tokens[i - 1].end).line < line);
    bool importToken = t.kind == TokenKind::Import || (i > 0 && tokens[i - 1].kind == TokenKind::Import);
    closeRuns(line, lineComment, importToken);
    if (lineComment) {
      if (!inComments) commentFirst = line;
      inComments = true;
      commentLast = line;
    }
    if (t.kind == TokenKind::Import) {
      if (!inImports) importFirst = line;
      inImports = true;
      importLast = line;
    }
    if (lastLine > line && (t.kind == TokenKind::RawString || t.kind == TokenKind::BlockComment))
      out.push_back(fold(line, lastLine, t.kind == TokenKind::BlockComment ? "comment" : nullptr));
    if (t.kind == TokenKind::LBrace || t.kind == TokenKind::LBrack || t.kind == TokenKind::LParen) open.push_back(line);
    if ((t.kind == TokenKind::RBrace || t.kind == TokenKind::RBrack || t.kind == TokenKind::RParen) && !open.empty()) {
      std::uint32_t start = open.back();
      open.pop_back();
      if (line > start + 1) out.push_back(fold(start, line - 1, nullptr));
    }
  }
  closeRuns(~0u - 1, false, false);
  std::stable_sort(out.begin(), out.end(), [](const json &a, const json &b) {
    return a["startLine"].get<std::uint32_t>() < b["startLine"].get<std::uint32_t>();
  });
  return out;
}

}  // namespace tdxc::lsp
