// The Markdown shown by hover and in completion items: one text per kind of
// thing, built from the schema (keys and blocks), doc comments (modules,
// parameters, constants) and the built-in function table.
#pragma once

#include <optional>
#include <string>

#include "frontend/ast.h"
#include "frontend/builtins.h"
#include "frontend/module_table.h"
#include "frontend/schema.h"

namespace tdxc::lsp {

std::string describeKey(const BlockSpec &block, const KeySpec &key);
std::string describeBlock(const BlockSpec &block);
std::string describeModule(const ModuleInfo &module, const SourceManager &sources);
std::string describeParam(const ModuleInfo &module, const ast::ParamDecl &param, const SourceManager &sources);
std::string describeConst(const ast::ConstDecl &decl, std::string_view sourceText);
std::string describeVar(const ast::VarDecl &decl, std::string_view sourceText);
std::string describeBuiltin(const BuiltinInfo &builtin);

/// "type", with the default: "list<string> = []"
std::string paramSignature(const ast::ParamDecl &param, const SourceManager &sources);

}  // namespace tdxc::lsp
