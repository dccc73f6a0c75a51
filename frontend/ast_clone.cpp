#include "frontend/ast_clone.h"

namespace tdxc::ast {
namespace {

template <typename T>
std::optional<T> cloneOptional(const std::optional<T> &value) {
  if (!value) return std::nullopt;
  return clone(*value);
}

Member clone(const Member &member) {
  Member out;
  if (member.assignment) {
    const Assignment &a = *member.assignment;
    out.assignment = Assignment{a.key, a.keyRange, a.append, clone(a.value), a.range, a.doc};
  }
  if (member.block) out.block = std::make_unique<Block>(clone(*member.block));
  if (member.use)
    out.use = std::make_unique<Use>(
        Use{member.use->module, member.use->moduleRange, clone(member.use->args), member.use->range});
  if (member.ifChain) {
    auto chain = std::make_unique<IfChain>();
    chain->range = member.ifChain->range;
    for (const IfBranch &branch : member.ifChain->branches)
      chain->branches.push_back({cloneOptional(branch.condition), clone(branch.body)});
    out.ifChain = std::move(chain);
  }
  if (member.assertion)
    out.assertion = std::make_unique<Assertion>(
        Assertion{clone(member.assertion->condition), clone(member.assertion->message), member.assertion->range});
  return out;
}

}  // namespace

Expr clone(const Expr &expr) {
  Expr out;
  out.kind = expr.kind;
  out.range = expr.range;
  out.parts = expr.parts;
  out.intValue = expr.intValue;
  out.boolValue = expr.boolValue;
  out.name = expr.name;
  out.nameRange = expr.nameRange;
  out.items.reserve(expr.items.size());
  for (const Expr &item : expr.items) out.items.push_back(clone(item));
  for (const MapEntry &entry : expr.entries)
    out.entries.push_back(
        {entry.key, entry.keyRange, entry.value ? std::make_unique<Expr>(clone(*entry.value)) : nullptr});
  return out;
}

Block clone(const Block &block) {
  Block out;
  out.kind = block.kind;
  out.kindRange = block.kindRange;
  out.label = block.label;
  out.labelExpr = cloneOptional(block.labelExpr);
  out.labelRange = block.labelRange;
  out.members.reserve(block.members.size());
  for (const Member &member : block.members) out.members.push_back(clone(member));
  out.range = block.range;
  out.doc = block.doc;
  return out;
}

File clone(const File &file) {
  File out;
  out.file = file.file;
  out.imports = file.imports;
  for (const ConstDecl &c : file.consts) out.consts.push_back({c.name, c.nameRange, c.type, clone(c.value), c.doc});
  for (const VarDecl &v : file.vars)
    out.vars.push_back({v.name, v.nameRange, v.type, cloneOptional(v.defaultValue), v.doc});
  for (const ImageDecl &image : file.images)
    out.images.push_back({image.name, image.nameRange, clone(image.body), image.doc});
  for (const ModuleDecl &m : file.modules) {
    ModuleDecl copy{m.name, m.nameRange, {}, clone(m.body), m.doc, m.range};
    for (const ParamDecl &p : m.params)
      copy.params.push_back({p.name, p.nameRange, p.type, cloneOptional(p.defaultValue), p.doc, p.range});
    out.modules.push_back(std::move(copy));
  }
  return out;
}

}  // namespace tdxc::ast
