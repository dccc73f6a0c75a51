// --emit=ast: a stable, indented text form of the syntax tree for golden tests.
#pragma once

#include <ostream>

#include "frontend/ast.h"

namespace tdxc {

void dumpAst(std::ostream &out, const SourceManager &sources, const ast::File &file);

}  // namespace tdxc
