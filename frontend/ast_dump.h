// --emit=ast: a stable, indented text form of the syntax tree for golden tests.
#pragma once

#include <ostream>

#include "frontend/ast.h"

namespace tdxc {

void dumpAst(std::ostream &out, const SourceManager &sources, const ast::File &file);
/// A type annotation as written: list<string>, enum("a", "b").
std::string typeExprText(const ast::TypeExpr &type);

}  // namespace tdxc
