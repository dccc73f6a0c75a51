// One compile of an open document, kept until the next change: the
// diagnostics to publish and what hover, completion and definition look up.
// It runs exactly what `tdxc check` runs (frontend, then the passes), so the
// editor shows the CLI's codes and messages.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic_engine.h"
#include "frontend/frontend.h"
#include "frontend/parsed_stdlib.h"
#include "frontend/tokens.h"
#include "lsp/position.h"

namespace tdxc::lsp {

struct Analysis {
  SourceManager sources;
  FrontendResult frontend;
  std::vector<Diagnostic> diagnostics;  // sorted, every file
  FileId root = kNoFile;
  LineIndex lines{""};
  std::vector<Token> tokens;  // of the document; empty if it is not UTF-8

  /// The root file's AST, or nullptr if it could not be parsed at all.
  const ast::File *rootAst() const;
  /// Every module, const and var visible to the document (imports included).
  const ModuleTable &modules() const { return frontend.modules; }
};

/// Compiles `text` as the file at `path` (imports resolve next to it).
std::shared_ptr<const Analysis> analyzeDocument(const std::string &path, std::string text, const ParsedStdlib &stdlib);

}  // namespace tdxc::lsp
