// textDocument/hover
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_hover
//
// Documentation of whatever the cursor is on (see resolve.h): type, default,
// allowed values and doc text, from the schema, doc comments and built-ins.
#include <fmt/format.h>

#include "frontend/stdlib.h"
#include "lsp/documentation.h"
#include "lsp/features.h"
#include "lsp/resolve.h"

namespace tdxc::lsp {
namespace {

std::string describeImport(const std::string &path) {
  if (const StdlibFile *file = findStdlibFile(path)) {
    std::string_view text = file->text;
    std::string_view firstLine = text.substr(0, text.find('\n'));
    if (firstLine.substr(0, 3) == "// ") firstLine.remove_prefix(3);
    return fmt::format("Standard library file `std/{}.tdx` (embedded in tdxc).\n\n{}", file->name, firstLine);
  }
  return fmt::format("Imports `{}`, relative to this file: its modules, constants and variables become visible.", path);
}

std::string sourceTextOf(const Analysis &analysis, SourceRange range) {
  return range.file < analysis.sources.size() ? analysis.sources.file(range.file).text() : std::string();
}

}  // namespace

json hover(const Document &doc, Position position) {
  const Analysis &analysis = *doc.analysis;
  Resolved r = resolveAt(analysis, analysis.lines.offset(position));
  std::string text;
  switch (r.kind) {
    case Resolved::Kind::None: return nullptr;
    case Resolved::Kind::Key: text = describeKey(*r.block, *r.key); break;
    case Resolved::Kind::Block: text = describeBlock(*r.block); break;
    case Resolved::Kind::Module: text = describeModule(*r.module, analysis.sources); break;
    case Resolved::Kind::Param: text = describeParam(*r.module, *r.param, analysis.sources); break;
    case Resolved::Kind::Const:
      text = describeConst(*r.constDecl, sourceTextOf(analysis, r.constDecl->nameRange));
      break;
    case Resolved::Kind::Var: text = describeVar(*r.varDecl, sourceTextOf(analysis, r.varDecl->nameRange)); break;
    case Resolved::Kind::Builtin: text = describeBuiltin(*r.builtin); break;
    case Resolved::Kind::Import: text = describeImport(r.importPath); break;
  }
  return {{"contents", markdown(text)}, {"range", toJson(analysis.lines.range(r.begin, r.end))}};
}

}  // namespace tdxc::lsp
