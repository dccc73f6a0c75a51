// Every module declared in the compiled file and its imports (the standard
// library included), with parameter types resolved once at declaration, so a
// broken declaration is reported once rather than at every use.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic_engine.h"
#include "frontend/ast.h"
#include "frontend/schema.h"

namespace tdxc {

struct ModuleInfo {
  const ast::ModuleDecl *decl = nullptr;
  std::vector<std::optional<TypeSpec>> paramTypes;  // parallel to decl->params; nullopt: reported

  const ast::ParamDecl *findParam(const std::string &name) const;
  std::vector<std::string> paramNames() const;
};

class ModuleTable {
 public:
  /// Adds a module; reports E_DUPLICATE_MODULE, E_DUPLICATE_PARAM and E_UNKNOWN_TYPE.
  void define(const ast::ModuleDecl &decl, DiagnosticEngine &diags);
  const ModuleInfo *find(const std::string &name) const;
  std::vector<std::string> names() const;
  /// Sorted by name.
  std::vector<const ModuleInfo *> all() const;

 private:
  std::map<std::string, ModuleInfo> modules_;
};

/// The type a `param x: TYPE` annotation names; reports E_UNKNOWN_TYPE.
std::optional<TypeSpec> resolveParamType(const ast::TypeExpr &type, DiagnosticEngine &diags);

/// The instance name of an unlabelled use: KeyGeneration -> "key-generation".
std::string defaultInstanceName(const std::string &moduleName);

}  // namespace tdxc
