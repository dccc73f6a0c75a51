// The whole frontend in one call: load and parse every file, evaluate
// constants and variables, check the image against the schema, lower to IR.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "diag/diagnostic_engine.h"
#include "frontend/module_loader.h"
#include "frontend/module_table.h"
#include "ir/image.h"

namespace tdxc {

class ParsedStdlib;

struct FrontendOptions {
  std::map<std::string, std::string> vars;  // --var NAME=VALUE
  /// Optional: the standard library parsed once (language server); the
  /// SourceManager passed in must then be a copy of stdlib->sources().
  const ParsedStdlib *stdlib = nullptr;
  /// Optional: receives the root file's tokens from the parser's lexer run.
  std::vector<Token> *rootTokens = nullptr;
};

struct FrontendResult {
  std::vector<LoadedFile> files;   // load order, root first
  std::optional<ir::Image> image;  // present unless the source had no usable image
  ModuleTable modules;             // every module of every loaded file (points into `files`)
};

FrontendResult runFrontend(const std::string &path, SourceManager &sources, DiagnosticEngine &diags,
                           const FrontendOptions &options);
/// Same, for text already in memory (tests, fuzzer, language server).
FrontendResult runFrontendOnText(const std::string &displayPath, std::string text, SourceManager &sources,
                                 DiagnosticEngine &diags, const FrontendOptions &options);

}  // namespace tdxc
