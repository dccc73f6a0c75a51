// Loads the root .tdx file and, transitively, every file it imports. Imports
// are relative to the importing file; a file imported twice is loaded once;
// import cycles are reported at the import that closes them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostic_engine.h"
#include "frontend/ast.h"
#include "frontend/tokens.h"
#include "support/read_file.h"

namespace tdxc {

struct LoadedFile {
  ast::File ast;
  std::filesystem::path directory;  // for resolving imports and src = "..." paths
};

class ParsedStdlib;

class ModuleLoader {
 public:
  ModuleLoader(SourceManager &sources, DiagnosticEngine &diags) : sources_(sources), diags_(diags) {}

  /// Take stdlib files from `stdlib` instead of parsing them; `sources` must
  /// be a copy of stdlib->sources() (plus any later files).
  void useParsedStdlib(const ParsedStdlib *stdlib) { stdlib_ = stdlib; }
  /// Also keep the root file's tokens (the language server needs them).
  void keepRootTokens(std::vector<Token> *tokens) { rootTokens_ = tokens; }

  /// Loads `path` and its imports; returns the files in load order (root first).
  /// Empty if the root cannot be read.
  std::vector<LoadedFile> load(const std::string &path);
  /// Same, for text that is already in memory (tests, the language server).
  std::vector<LoadedFile> loadText(const std::string &displayPath, std::string text);

 private:
  void loadRecursive(FileId id, const std::filesystem::path &directory);
  void loadImportsOf(std::size_t index, const std::filesystem::path &directory);
  bool loadCachedStdlib(const std::string &name);
  void loadStdlib(const ast::Import &import);

  SourceManager &sources_;
  DiagnosticEngine &diags_;
  const ParsedStdlib *stdlib_ = nullptr;
  std::vector<Token> *rootTokens_ = nullptr;
  std::vector<LoadedFile> files_;
  std::vector<std::string> loadedKeys_;  // canonical paths, parallel to files_
  std::vector<std::string> stack_;       // canonical paths being loaded
};

}  // namespace tdxc
