// textDocument/definition
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_definition
//
// Modules (the standard library's too), parameters, constants, variables and
// imported files. Keys, block kinds and built-ins are part of the compiler
// and have no .tdx declaration to jump to.
#include <filesystem>

#include "frontend/stdlib.h"
#include "lsp/features.h"
#include "lsp/resolve.h"
#include "lsp/stdlib_on_disk.h"
#include "lsp/uri.h"

namespace tdxc::lsp {
namespace {

json locationOf(const Analysis &analysis, SourceRange range) {
  std::optional<std::string> uri = uriOfFile(analysis, range.file);
  if (!uri) return nullptr;
  if (range.file == analysis.root) return location(*uri, analysis.lines.range(range.begin, range.end));
  LineIndex lines(analysis.sources.file(range.file).text());
  return location(*uri, lines.range(range.begin, range.end));
}

json importLocation(const Document &doc, const std::string &importPath) {
  std::optional<std::string> path;
  if (importPath.rfind("std/", 0) == 0) {
    path = stdlibFileOnDisk(importPath);
  } else {
    std::filesystem::path target = std::filesystem::path(doc.path).parent_path() / importPath;
    std::error_code ec;
    if (target.is_absolute() && std::filesystem::is_regular_file(target, ec)) path = target.lexically_normal().string();
  }
  if (!path) return nullptr;
  return location(pathToUri(*path), Range{});
}

}  // namespace

json definition(const Document &doc, Position position) {
  const Analysis &analysis = *doc.analysis;
  Resolved r = resolveAt(analysis, analysis.lines.offset(position));
  switch (r.kind) {
    case Resolved::Kind::Module: return locationOf(analysis, r.module->decl->nameRange);
    case Resolved::Kind::Param: return locationOf(analysis, r.param->nameRange);
    case Resolved::Kind::Const: return locationOf(analysis, r.constDecl->nameRange);
    case Resolved::Kind::Var: return locationOf(analysis, r.varDecl->nameRange);
    case Resolved::Kind::Import: return importLocation(doc, r.importPath);
    case Resolved::Kind::None:
    case Resolved::Kind::Key:
    case Resolved::Kind::Block:
    case Resolved::Kind::Builtin: return nullptr;
  }
  return nullptr;
}

}  // namespace tdxc::lsp
