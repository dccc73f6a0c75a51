#include "lsp/documentation.h"

#include <fmt/format.h>

#include "frontend/ast_dump.h"

namespace tdxc::lsp {
namespace {

std::string sourceOf(std::string_view text, SourceRange range) {
  if (range.begin > range.end || range.end > text.size()) return {};
  return std::string(text.substr(range.begin, range.end - range.begin));
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

std::string describeKey(const BlockSpec &block, const KeySpec &key) {
  std::string out = fmt::format("```tdx\n{} = ...  // in {}\n```\n", key.name, block.kind);
  out += fmt::format("**Type:** {}", key.type.describe());
  if (key.required) out += " (required)";
  out += "\n\n";
  if (!key.defaultText.empty()) out += fmt::format("**Default:** `{}`\n\n", key.defaultText);
  if (key.type.kind == TypeSpec::Kind::List && key.type.element && key.type.element->kind == TypeSpec::Kind::Enum)
    out += fmt::format("**Allowed values:** {}\n\n", key.type.element->describe().substr(7));
  if (key.profileReplaces) out += "A profile replaces this list instead of extending it.\n\n";
  if (isImageOnlyKey(key.name) && (block.kind == "image")) out += "Image only: a profile cannot set it.\n\n";
  out += key.doc;
  return trimmed(out);
}

std::string describeBlock(const BlockSpec &block) {
  std::string out = fmt::format("```tdx\n{}{} {{ ... }}\n```\n", block.kind,
                                block.labelRequired ? " \"LABEL\"" : (block.labelForbidden ? "" : " [\"LABEL\"]"));
  out += block.doc + "\n\n";
  if (!block.labelMeaning.empty()) out += fmt::format("**Label:** {}\n\n", block.labelMeaning);
  if (!block.keys.empty()) {
    out += "**Keys:**";
    for (const KeySpec &key : block.keys) out += fmt::format(" `{}`", key.name);
    out += "\n\n";
  }
  if (block.openKeys) out += fmt::format("Any key is accepted ({}).\n\n", block.openKeyType.describe());
  if (!block.children.empty()) {
    out += "**Blocks:**";
    for (const std::string &child : block.children) out += fmt::format(" `{}`", child);
    out += "\n";
  }
  return trimmed(out);
}

std::string paramSignature(const ast::ParamDecl &param, const SourceManager &sources) {
  std::string out = param.name + ": " + typeExprText(param.type);
  if (param.defaultValue && param.defaultValue->range.file < sources.size())
    out += " = " + sourceOf(sources.file(param.defaultValue->range.file).text(), param.defaultValue->range);
  return out;
}

std::string describeModule(const ModuleInfo &module, const SourceManager &sources) {
  const ast::ModuleDecl &decl = *module.decl;
  std::string out = fmt::format("```tdx\nmodule {}\n```\n", decl.name);
  if (!decl.doc.empty()) out += decl.doc + "\n";
  if (!decl.params.empty()) {
    out += "**Parameters:**\n\n";
    for (const ast::ParamDecl &param : decl.params) {
      out += fmt::format("- `{}`{}", paramSignature(param, sources), param.defaultValue ? "" : " (required)");
      std::string firstLine = param.doc.substr(0, param.doc.find('\n'));
      if (!firstLine.empty()) out += " — " + firstLine;
      out += "\n";
    }
  }
  return trimmed(out);
}

std::string describeParam(const ModuleInfo &module, const ast::ParamDecl &param, const SourceManager &sources) {
  std::string out = fmt::format("```tdx\nparam {}\n```\n", paramSignature(param, sources));
  out += fmt::format("Parameter of module `{}`{}.\n\n", module.decl->name, param.defaultValue ? "" : " (required)");
  for (std::size_t i = 0; i < module.decl->params.size(); ++i) {
    if (&module.decl->params[i] != &param || i >= module.paramTypes.size() || !module.paramTypes[i]) continue;
    const TypeSpec &type = *module.paramTypes[i];
    if (type.kind == TypeSpec::Kind::Enum) out += fmt::format("**Allowed values:** {}\n\n", type.describe().substr(7));
  }
  out += param.doc;
  return trimmed(out);
}

std::string describeConst(const ast::ConstDecl &decl, std::string_view sourceText) {
  std::string value = sourceOf(sourceText, decl.value.range);
  if (value.size() > 400) value = value.substr(0, 400) + " ...";
  std::string out =
      fmt::format("```tdx\nconst {}{} = {}\n```\n", decl.name, decl.type ? ": " + typeExprText(*decl.type) : "", value);
  return trimmed(out + decl.doc);
}

std::string describeVar(const ast::VarDecl &decl, std::string_view sourceText) {
  std::string out = fmt::format("```tdx\nvar {}{}", decl.name, decl.type ? ": " + typeExprText(*decl.type) : "");
  if (decl.defaultValue) out += " = " + sourceOf(sourceText, decl.defaultValue->range);
  out += "\n```\nSet with `--var " + decl.name + "=VALUE`" + (decl.defaultValue ? "" : " (required)") + ".\n\n";
  return trimmed(out + decl.doc);
}

std::string describeBuiltin(const BuiltinInfo &builtin) {
  return trimmed(fmt::format("```tdx\n{}\n```\n{}", builtin.signature, builtin.doc));
}

}  // namespace tdxc::lsp
