// Deep copies of AST nodes. The AST owns its children through unique_ptr, so
// copies are explicit; the language server copies the cached standard library
// into each analysis instead of parsing it again.
#pragma once

#include "frontend/ast.h"

namespace tdxc::ast {

Expr clone(const Expr &expr);
Block clone(const Block &block);
File clone(const File &file);

}  // namespace tdxc::ast
