#include <fmt/format.h>

#include "diag/render.h"
#include "support/utf8.h"

namespace tdxc {
namespace {

const char *colorOf(Severity severity) {
  switch (severity) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;35m";
    case Severity::Note: return "\033[1;36m";
  }
  return "";
}

std::string location(const SourceManager &sources, SourceRange range) {
  if (!range.valid()) return "tdxc";
  const SourceFile &file = sources.file(range.file);
  LineColumn lc = file.lineColumn(range.begin);
  return fmt::format("{}:{}:{}", file.path(), lc.line, lc.column);
}

// The source line and a caret line under the range. Tabs in the prefix are
// copied so the caret lines up in any terminal.
void renderSnippet(std::ostream &out, const SourceManager &sources, SourceRange range) {
  const SourceFile &file = sources.file(range.file);
  LineColumn begin = file.lineColumn(range.begin);
  std::string_view line = file.lineText(begin.line);
  // Minified text or binary junk: the location is enough.
  if (line.size() > 400 || findInvalidUtf8(line)) return;
  std::string gutter = fmt::format("{:>5} | ", begin.line);
  out << gutter << line << '\n';
  std::string caret(gutter.size() - 2, ' ');
  caret += "| ";
  const std::uint32_t lineStart = file.lineStart(begin.line);
  const std::uint32_t lineEnd = lineStart + static_cast<std::uint32_t>(line.size());
  const std::uint32_t markEnd = std::max(std::min(range.end, lineEnd), range.begin + 1);
  for (std::uint32_t at = lineStart; at < markEnd; ++at) {
    char c = at < lineEnd ? line[at - lineStart] : ' ';
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // one mark per code point
    if (at < range.begin)
      caret += c == '\t' ? '\t' : ' ';
    else
      caret += at == range.begin ? '^' : '~';
  }
  out << caret << '\n';
}

}  // namespace

void renderText(std::ostream &out, const SourceManager &sources, const std::vector<Diagnostic> &diagnostics,
                const TextRenderOptions &options) {
  std::size_t errorsShown = 0, errorsHidden = 0;
  for (const Diagnostic &d : diagnostics) {
    if (d.severity() == Severity::Error) {
      if (options.errorLimit != 0 && errorsShown >= options.errorLimit) {
        ++errorsHidden;
        continue;
      }
      ++errorsShown;
    }
    const char *on = options.color ? colorOf(d.severity()) : "";
    const char *off = options.color ? "\033[0m" : "";
    out << location(sources, d.range) << ": " << on << severityName(d.severity()) << '[' << d.code() << "]" << off
        << ": " << d.message << '\n';
    if (options.snippets && d.range.valid()) renderSnippet(out, sources, d.range);
    for (const DiagNote &note : d.notes) {
      if (note.range.valid()) out << location(sources, note.range) << ": ";
      out << "note: " << note.message << '\n';
      if (options.snippets && note.range.valid()) renderSnippet(out, sources, note.range);
    }
    for (const FixIt &fix : d.fixits)
      out << location(sources, fix.range) << ": fix-it: replace with '" << fix.replacement << "'\n";
  }
  if (errorsHidden > 0)
    out << "tdxc: error[" << diagInfo(DiagKind::TooManyErrors).code << "]: too many errors: " << errorsShown
        << " shown, " << errorsHidden << " more not shown (use --error-limit=0 to see all)\n";
}

}  // namespace tdxc
