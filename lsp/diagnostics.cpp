// textDocument/publishDiagnostics
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_publishDiagnostics
//
// The diagnostics of `tdxc check`, converted. A diagnostic located in another
// file (an imported module, the standard library) is shown at the place in
// this document that caused it, the `use` or import that its notes point at,
// with the original location in the message, so no problem is invisible.
#include <fmt/format.h>

#include <filesystem>

#include "lsp/features.h"
#include "lsp/stdlib_on_disk.h"
#include "lsp/uri.h"

namespace tdxc::lsp {
namespace {

int severityOf(Severity severity) {
  switch (severity) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Note: return 3;
  }
  return 1;
}

std::string where(const Analysis &analysis, SourceRange range) {
  const SourceFile &file = analysis.sources.file(range.file);
  LineColumn lc = file.lineColumn(range.begin);
  return fmt::format("{}:{}:{}", file.path(), lc.line, lc.column);
}

}  // namespace

std::optional<std::string> uriOfFile(const Analysis &analysis, FileId file) {
  if (file >= analysis.sources.size()) return std::nullopt;
  const std::string &path = analysis.sources.file(file).path();
  if (file < analysis.root) {  // the standard library
    auto onDisk = stdlibFileOnDisk(path);
    return onDisk ? std::optional<std::string>(pathToUri(*onDisk)) : std::nullopt;
  }
  if (!std::filesystem::path(path).is_absolute()) return std::nullopt;
  return pathToUri(path);
}

json toLspDiagnostic(const Analysis &analysis, const Diagnostic &d) {
  std::string message = d.message;
  Range range{};
  // Notes, then the module-expansion context, may point into this document.
  std::vector<DiagNote> notes = d.notes;
  notes.insert(notes.end(), d.context.begin(), d.context.end());
  if (d.range.valid() && d.range.file == analysis.root) {
    range = analysis.lines.range(d.range.begin, d.range.end);
  } else {
    if (d.range.valid() && d.range.file < analysis.sources.size()) message = where(analysis, d.range) + ": " + message;
    for (const DiagNote &note : notes)
      if (note.range.valid() && note.range.file == analysis.root) {
        range = analysis.lines.range(note.range.begin, note.range.end);
        break;
      }
  }
  json related = json::array();
  for (const DiagNote &note : notes) {
    std::optional<std::string> uri = note.range.valid() ? uriOfFile(analysis, note.range.file) : std::nullopt;
    if (!uri) {
      message += "\nnote: " + note.message;
      continue;
    }
    const SourceFile &file = analysis.sources.file(note.range.file);
    LineIndex lines(file.text());
    related.push_back(
        {{"location", location(*uri, lines.range(note.range.begin, note.range.end))}, {"message", note.message}});
  }
  json out = {{"range", toJson(range)},
              {"severity", severityOf(d.severity())},
              {"code", std::string(d.code())},
              {"source", "tdxc"},
              {"message", message}};
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  return out;
}

json publishDiagnostics(const Document &doc) {
  json list = json::array();
  for (const Diagnostic &d : doc.analysis->diagnostics) list.push_back(toLspDiagnostic(*doc.analysis, d));
  return {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(list)}};
}

}  // namespace tdxc::lsp
