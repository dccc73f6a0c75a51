// textDocument/documentSymbol
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_documentSymbol
//
// The outline, from the AST of the document: images, modules and their
// parameters, constants, variables, and inside bodies the blocks, uses and
// keys, nested as written.
#include <fmt/format.h>

#include "lsp/features.h"

namespace tdxc::lsp {
namespace {

// SymbolKind
constexpr int kModuleKind = 2, kClassKind = 5, kPropertyKind = 7, kFieldKind = 8, kVariableKind = 13,
              kConstantKind = 14, kStructKind = 23;

class Outline {
 public:
  explicit Outline(const Analysis &analysis) : analysis_(analysis) {}

  json symbol(const std::string &name, const std::string &detail, int kind, SourceRange range, SourceRange selection) {
    // The selection must lie inside the range; recovered parse trees can
    // have empty ranges, so take their union.
    std::uint32_t begin = std::min(range.begin, selection.begin), end = std::max(range.end, selection.end);
    json out = {{"name", name.empty() ? "(unnamed)" : name},
                {"kind", kind},
                {"range", toJson(analysis_.lines.range(begin, end))},
                {"selectionRange", toJson(analysis_.lines.range(selection.begin, selection.end))}};
    if (!detail.empty()) out["detail"] = detail;
    return out;
  }

  json members(const ast::Block &body) {
    json children = json::array();
    for (const ast::Member &member : body.members) {
      if (member.assignment) {
        const ast::Assignment &a = *member.assignment;
        children.push_back(symbol(a.key, a.append ? "+=" : "", kPropertyKind, a.range, a.keyRange));
      } else if (member.block) {
        const ast::Block &b = *member.block;
        std::string name = b.label ? fmt::format("{} \"{}\"", b.kind, *b.label) : b.kind;
        json s = symbol(name, "", kStructKind, b.range, b.kindRange);
        s["children"] = members(b);
        children.push_back(std::move(s));
      } else if (member.use) {
        const ast::Use &u = *member.use;
        std::string name = u.args.label ? fmt::format("use {} \"{}\"", u.module, *u.args.label) : "use " + u.module;
        json s = symbol(name, "", kModuleKind, u.range, u.moduleRange);
        s["children"] = members(u.args);
        children.push_back(std::move(s));
      } else if (member.ifChain) {
        for (const ast::IfBranch &branch : member.ifChain->branches)
          for (json &child : members(branch.body)) children.push_back(std::move(child));
      }
    }
    return children;
  }

 private:
  const Analysis &analysis_;
};

}  // namespace

json documentSymbols(const Document &doc) {
  const ast::File *file = doc.analysis->rootAst();
  json out = json::array();
  if (file == nullptr) return out;
  Outline outline(*doc.analysis);
  // Source order, whatever the kind of declaration.
  std::vector<std::pair<std::uint32_t, json>> symbols;
  for (const ast::ConstDecl &c : file->consts)
    symbols.emplace_back(c.nameRange.begin,
                         outline.symbol(c.name, "const", kConstantKind,
                                        {c.nameRange.file, c.nameRange.begin, c.value.range.end}, c.nameRange));
  for (const ast::VarDecl &v : file->vars)
    symbols.emplace_back(v.nameRange.begin, outline.symbol(v.name, "var", kVariableKind, v.nameRange, v.nameRange));
  for (const ast::ImageDecl &image : file->images) {
    json s = outline.symbol("image \"" + image.name + "\"", "", kClassKind, image.body.range, image.nameRange);
    s["children"] = outline.members(image.body);
    symbols.emplace_back(image.nameRange.begin, std::move(s));
  }
  for (const ast::ModuleDecl &module : file->modules) {
    json s = outline.symbol(module.name, "module", kModuleKind, module.range, module.nameRange);
    json children = json::array();
    for (const ast::ParamDecl &p : module.params)
      children.push_back(outline.symbol(p.name, "param", kFieldKind, p.range, p.nameRange));
    for (json &child : outline.members(module.body)) children.push_back(std::move(child));
    s["children"] = std::move(children);
    symbols.emplace_back(module.nameRange.begin, std::move(s));
  }
  std::stable_sort(symbols.begin(), symbols.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
  for (auto &[at, symbol] : symbols) out.push_back(std::move(symbol));
  return out;
}

}  // namespace tdxc::lsp
