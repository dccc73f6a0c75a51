// The language features, one file each (diagnostics.cpp, hover.cpp, ...).
// Each takes a document and the request's decoded arguments and returns the
// LSP result as JSON; the server does the JSON-RPC around them.
#pragma once

#include <optional>

#include "lsp/document.h"
#include "lsp/protocol.h"

namespace tdxc::lsp {

/// textDocument/publishDiagnostics params for the document's analysis.
json publishDiagnostics(const Document &doc);
/// One tdxc diagnostic as an LSP Diagnostic (in the document's coordinates).
json toLspDiagnostic(const Analysis &analysis, const Diagnostic &diagnostic);

json hover(const Document &doc, Position position);
json completion(const Document &doc, Position position);
json definition(const Document &doc, Position position);
json documentSymbols(const Document &doc);
json foldingRanges(const Document &doc);
json codeActions(const Document &doc, const Range &range);
/// The edits that format the document, or nullopt if it has syntax errors.
std::optional<json> formatting(const Document &doc);

/// The URI of a file of the analysis (stdlib files are written to disk
/// first), or nullopt.
std::optional<std::string> uriOfFile(const Analysis &analysis, FileId file);

}  // namespace tdxc::lsp
