#include "frontend/module_table.h"

#include <fmt/format.h>

#include <cctype>

namespace tdxc {

const ast::ParamDecl *ModuleInfo::findParam(const std::string &name) const {
  for (const ast::ParamDecl &param : decl->params)
    if (param.name == name) return &param;
  return nullptr;
}

std::vector<std::string> ModuleInfo::paramNames() const {
  std::vector<std::string> names;
  for (const ast::ParamDecl &param : decl->params) names.push_back(param.name);
  return names;
}

std::optional<TypeSpec> resolveParamType(const ast::TypeExpr &type, DiagnosticEngine &diags) {
  auto unknown = [&]() -> std::optional<TypeSpec> {
    diags.report(DiagKind::UnknownType, type.range,
                 fmt::format("unknown type '{}'; parameter types are string, int, bool, list<T>, map<T> and "
                             "enum(\"a\", \"b\", ...)",
                             type.name));
    return std::nullopt;
  };
  if (type.name == "enum") {
    if (!type.arguments.empty() || type.enumValues.empty()) return unknown();
    for (const std::string &value : type.enumValues)
      if (value.empty()) {
        diags.report(DiagKind::UnknownType, type.range, "enum values must be non-empty strings");
        return std::nullopt;
      }
    return oneOf(type.enumValues);
  }
  if (!type.enumValues.empty()) return unknown();
  if (type.name == "list" || type.name == "map") {
    if (type.arguments.size() != 1) return unknown();
    auto element = resolveParamType(type.arguments[0], diags);
    if (!element) return std::nullopt;
    return type.name == "list" ? listOf(*element) : mapOf(*element);
  }
  if (!type.arguments.empty()) return unknown();
  if (type.name == "string") return stringType();
  if (type.name == "int") return intType();
  if (type.name == "bool") return boolType();
  return unknown();
}

void ModuleTable::define(const ast::ModuleDecl &decl, DiagnosticEngine &diags) {
  auto existing = modules_.find(decl.name);
  if (existing != modules_.end()) {
    diags.report(DiagKind::DuplicateModule, decl.nameRange, fmt::format("module '{}' is already declared", decl.name))
        .notes.push_back({existing->second.decl->nameRange, "first declared here"});
    return;
  }
  ModuleInfo info;
  info.decl = &decl;
  for (std::size_t i = 0; i < decl.params.size(); ++i) {
    const ast::ParamDecl &param = decl.params[i];
    if (param.name == "name")
      diags.report(DiagKind::DuplicateParam, param.nameRange,
                   "every module has an implicit 'name' parameter (the instance name); choose another name");
    for (std::size_t j = 0; j < i; ++j)
      if (decl.params[j].name == param.name)
        diags
            .report(DiagKind::DuplicateParam, param.nameRange,
                    fmt::format("parameter '{}' is already declared in module {}", param.name, decl.name))
            .notes.push_back({decl.params[j].nameRange, "first declared here"});
    info.paramTypes.push_back(resolveParamType(param.type, diags));
  }
  modules_.emplace(decl.name, std::move(info));
}

const ModuleInfo *ModuleTable::find(const std::string &name) const {
  auto it = modules_.find(name);
  return it == modules_.end() ? nullptr : &it->second;
}

std::vector<std::string> ModuleTable::names() const {
  std::vector<std::string> names;
  for (const auto &[name, info] : modules_) names.push_back(name);
  return names;
}

std::vector<const ModuleInfo *> ModuleTable::all() const {
  std::vector<const ModuleInfo *> out;
  for (const auto &[name, info] : modules_) out.push_back(&info);
  return out;
}

std::string defaultInstanceName(const std::string &moduleName) {
  std::string out;
  for (std::size_t i = 0; i < moduleName.size(); ++i) {
    char c = moduleName[i];
    bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
    bool previousLower = i > 0 && std::islower(static_cast<unsigned char>(moduleName[i - 1])) != 0;
    if (upper && previousLower) out += '-';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace tdxc
