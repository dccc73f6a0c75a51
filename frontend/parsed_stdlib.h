// The standard library parsed once. A compile normally parses stdlib/*.tdx
// again (about 20 ms in a debug build for std/tdx); the language server
// compiles on every keystroke, so it parses the embedded files once, keeps the
// ASTs here, and starts each compile from a copy of `sources()`, in which the
// stdlib files already have the FileIds those ASTs refer to.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "frontend/ast.h"
#include "support/source_file.h"

namespace tdxc {

class ParsedStdlib {
 public:
  ParsedStdlib();

  /// A manager holding exactly the stdlib files; copy it for each compile.
  const SourceManager &sources() const { return sources_; }
  struct File {
    ast::File ast;
    /// What parsing reported (normally nothing); replayed into each compile
    /// that loads the file, so the cache never hides a problem.
    std::vector<Diagnostic> diagnostics;
  };
  /// The parsed file for stdlib NAME ("tdx"), or nullptr.
  const File *find(const std::string &name) const;

 private:
  SourceManager sources_;
  std::map<std::string, File> files_;
};

}  // namespace tdxc
