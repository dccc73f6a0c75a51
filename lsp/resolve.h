// What the identifier (or string) under the cursor names: a key of the
// enclosing block, a block kind, a module, a module argument or parameter, a
// constant, a variable, a built-in function or an imported file. Hover shows
// its documentation and go-to-definition jumps to its declaration.
#pragma once

#include <cstdint>
#include <string>

#include "frontend/builtins.h"
#include "lsp/analysis.h"
#include "lsp/syntax_context.h"

namespace tdxc::lsp {

struct Resolved {
  enum class Kind { None, Key, Block, Module, Param, Const, Var, Builtin, Import };
  Kind kind = Kind::None;
  std::uint32_t begin = 0, end = 0;    // the name's bytes in the document
  const BlockSpec *block = nullptr;    // Key (the enclosing block), Block
  const KeySpec *key = nullptr;        // Key
  const ModuleInfo *module = nullptr;  // Module, Param
  const ast::ParamDecl *param = nullptr;
  const ast::ConstDecl *constDecl = nullptr;
  const ast::VarDecl *varDecl = nullptr;
  const BuiltinInfo *builtin = nullptr;
  std::string importPath;  // Import: the path as written
};

Resolved resolveAt(const Analysis &analysis, std::uint32_t offset);

/// The enclosing block's schema for a key frame (image and module bodies
/// use the image's), or nullptr.
const BlockSpec *specOfFrame(const Frame *frame);

}  // namespace tdxc::lsp
