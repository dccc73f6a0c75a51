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

// Where in the document to show a diagnostic located in another file: the
// first note or context note in the document (the `use` that expanded a
// module), else the import of that file, else nowhere (the first line).
std::optional<SourceRange> placeInDocument(const Analysis &analysis, const Diagnostic &d,
                                           const std::vector<DiagNote> &notes) {
  for (const DiagNote &note : notes)
    if (note.range.valid() && note.range.file == analysis.root) return note.range;
  const ast::File *root = analysis.rootAst();
  if (!d.range.valid() || d.range.file >= analysis.sources.size() || root == nullptr) return std::nullopt;
  const std::string &path = analysis.sources.file(d.range.file).path();
  std::filesystem::path directory = std::filesystem::path(analysis.sources.file(analysis.root).path()).parent_path();
  for (const ast::Import &import : root->imports) {
    bool stdlib = import.path.rfind("std/", 0) == 0;
    std::string target = stdlib ? import.path + ".tdx" : (directory / import.path).lexically_normal().string();
    if (target == path) return import.range;
  }
  return std::nullopt;
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
    if (auto moved = placeInDocument(analysis, d, notes)) range = analysis.lines.range(moved->begin, moved->end);
  }
  json related = json::array();
  // A diagnostic shown away from its own location links back to it.
  if (d.range.valid() && d.range.file != analysis.root)
    if (std::optional<std::string> uri = uriOfFile(analysis, d.range.file)) {
      LineIndex lines(analysis.sources.file(d.range.file).text());
      related.push_back(
          {{"location", location(*uri, lines.range(d.range.begin, d.range.end))}, {"message", "the problem is here"}});
    }
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
