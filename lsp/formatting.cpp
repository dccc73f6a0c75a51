// textDocument/formatting
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_formatting
//
// The engine of `tdxc fmt` (format/formatter.h). The edit replaces the whole
// document; a file with syntax errors is not formatted (the server answers
// with an error that says so).
#include "format/formatter.h"
#include "lsp/features.h"

namespace tdxc::lsp {

std::optional<json> formatting(const Document &doc) {
  SourceManager sources;
  DiagnosticEngine diags;
  FileId id = sources.add(doc.path, doc.text());
  format::FormatResult result = format::formatSource(sources.file(id), diags);
  if (result.status != format::FormatStatus::Ok) return std::nullopt;
  json edits = json::array();
  if (result.text != doc.text()) {
    Range whole{{0, 0}, doc.analysis->lines.position(static_cast<std::uint32_t>(doc.text().size()))};
    edits.push_back({{"range", toJson(whole)}, {"newText", result.text}});
  }
  return edits;
}

}  // namespace tdxc::lsp
