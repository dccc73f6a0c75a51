#include "format/formatter.h"

#include <algorithm>
#include <string_view>

#include "format/spacing.h"
#include "frontend/parse.h"
#include "frontend/tokens.h"

namespace tdxc::format {
namespace {

constexpr int kIndentWidth = 2;
// A trailing comment stands this many spaces after the longest line of its run.
constexpr std::size_t kCommentGap = 2;

/// One output line before comment alignment.
struct Line {
  int indent = 0;
  std::string code;     // the tokens after the indentation, comments between tokens included
  std::string comment;  // a trailing // or /// comment, or empty
  bool blankBefore = false;
  bool multiline = false;  // `code` contains a raw string or block comment spanning lines
};

bool stopsFormatting(DiagKind kind) {
  switch (kind) {
    case DiagKind::InvalidUtf8:
    case DiagKind::UnexpectedChar:
    case DiagKind::UnterminatedString:
    case DiagKind::UnterminatedComment:
    case DiagKind::Syntax: return true;
    default: return false;
  }
}

std::size_t codePoints(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t newlinesIn(std::string_view gap) {
  return static_cast<std::size_t>(std::count(gap.begin(), gap.end(), '\n'));
}

class LineBuilder {
 public:
  LineBuilder(std::string_view text, const std::vector<Token> &tokens) : text_(text), tokens_(tokens) {
    std::vector<TokenKind> codeKinds;
    for (const Token &t : tokens)
      if (!isComment(t.kind)) codeKinds.push_back(t.kind);
    std::vector<SpacedToken> marked = markTypeBrackets(codeKinds);
    std::size_t next = 0;
    for (const Token &t : tokens) spaced_.push_back(isComment(t.kind) ? SpacedToken{t.kind, false} : marked[next++]);
  }

  std::vector<Line> build() {
    std::vector<Line> lines;
    std::vector<int> open;  // the indentation inside each open bracket
    const SpacedToken *lastCode = nullptr;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const Token &token = tokens_[i];
      const SpacedToken &spaced = spaced_[i];
      std::string_view tokenText = text_.substr(token.begin, token.end - token.begin);
      std::size_t gapStart = i == 0 ? 0 : tokens_[i - 1].end;
      std::size_t breaks = newlinesIn(text_.substr(gapStart, token.begin - gapStart));
      bool trailingComment = (spaced.kind == TokenKind::LineComment || spaced.kind == TokenKind::DocComment);
      if (lines.empty() || breaks > 0) {
        Line line;
        int inner = open.empty() ? 0 : open.back();
        if (isCloser(spaced.kind))
          line.indent = std::max(0, inner - 1);
        else if (lastCode != nullptr && continuesLine(*lastCode, spaced))
          line.indent = inner + 1;
        else
          line.indent = inner;
        line.blankBefore = breaks > 1 && !lines.empty() && !isCloser(spaced.kind) && !endsWithOpener_;
        lines.push_back(std::move(line));
      } else if (trailingComment) {
        lines.back().comment = std::string(tokenText);
        continue;  // a // comment runs to the end of the line
      } else {
        lines.back().code += spaceBetween(previous_, spaced) ? " " : "";
      }
      Line &line = lines.back();
      line.code += tokenText;
      if (tokenText.find('\n') != std::string_view::npos) line.multiline = true;
      previous_ = spaced;
      endsWithOpener_ = isOpener(spaced.kind);
      if (isComment(spaced.kind)) continue;
      if (isOpener(spaced.kind)) open.push_back(line.indent + 1);
      if (isCloser(spaced.kind) && !open.empty()) open.pop_back();
      lastCode = &spaced;
    }
    return lines;
  }

 private:
  std::string_view text_;
  const std::vector<Token> &tokens_;
  std::vector<SpacedToken> spaced_;
  SpacedToken previous_{TokenKind::Comma, false};
  bool endsWithOpener_ = false;
};

// Trailing comments of consecutive lines line up, two spaces after the
// longest code of the run (a blank line, a comment-only line or a line without
// a trailing comment ends the run).
std::string render(const std::vector<Line> &lines) {
  std::string out;
  std::size_t runStart = 0;
  while (runStart < lines.size()) {
    auto aligned = [&](std::size_t i) {
      return !lines[i].comment.empty() && !lines[i].code.empty() && !lines[i].multiline;
    };
    std::size_t runEnd = runStart + 1;
    if (aligned(runStart))
      while (runEnd < lines.size() && aligned(runEnd) && !lines[runEnd].blankBefore) ++runEnd;
    std::size_t column = 0;
    for (std::size_t i = runStart; i < runEnd; ++i)
      column = std::max(column, static_cast<std::size_t>(lines[i].indent * kIndentWidth) + codePoints(lines[i].code));
    for (std::size_t i = runStart; i < runEnd; ++i) {
      const Line &line = lines[i];
      if (line.blankBefore) out += '\n';
      std::size_t width = static_cast<std::size_t>(line.indent * kIndentWidth);
      out.append(width, ' ');
      out += line.code;
      if (!line.comment.empty()) {
        if (line.code.empty()) {
          out += line.comment;
        } else {
          std::size_t used = line.multiline ? 0 : width + codePoints(line.code);
          out.append(line.multiline ? kCommentGap : column + kCommentGap - used, ' ');
          out += line.comment;
        }
      }
      out += '\n';
    }
    runStart = runEnd;
  }
  return out;
}

bool sameTokens(std::string_view before, const std::vector<Token> &a, std::string_view after) {
  auto b = lexTokens(after);
  if (!b || b->size() != a.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Token &x = a[i];
    const Token &y = (*b)[i];
    if (x.kind != y.kind || before.substr(x.begin, x.end - x.begin) != after.substr(y.begin, y.end - y.begin))
      return false;
  }
  return true;
}

}  // namespace

FormatResult formatSource(const SourceFile &source, DiagnosticEngine &diags) {
  DiagnosticEngine parseDiags;
  (void)parseFile(source, parseDiags);
  bool broken = false;
  for (const Diagnostic &d : parseDiags.sorted()) {
    if (!stopsFormatting(d.kind)) continue;
    broken = true;
    diags.report(d.kind, d.range, d.message);
  }
  if (broken) return {FormatStatus::SyntaxErrors, {}};
  auto tokens = lexTokens(source.text());
  if (!tokens) return {FormatStatus::InternalError, {}};  // parseFile reported invalid UTF-8 already
  std::string text = render(LineBuilder(source.text(), *tokens).build());
  // The promise of this file: only whitespace between tokens changed.
  if (!sameTokens(source.text(), *tokens, text)) return {FormatStatus::InternalError, {}};
  return {FormatStatus::Ok, std::move(text)};
}

}  // namespace tdxc::format
