#include "frontend/ast_dump.h"

#include <fmt/format.h>

#include "support/quote.h"

namespace tdxc {
namespace {

class AstDumper {
 public:
  AstDumper(std::ostream &out, const SourceFile &source) : out_(out), source_(source) {}

  std::string at(SourceRange range) const {
    LineColumn lc = source_.lineColumn(range.begin);
    return fmt::format("@{}:{}", lc.line, lc.column);
  }

  void line(int depth, const std::string &text) {
    out_ << std::string(static_cast<std::size_t>(depth) * 2, ' ') << text << '\n';
  }

  static std::string quote(const std::string &text) { return quoteTdxString(text, false); }

  void expr(int depth, const std::string &prefix, const ast::Expr &e) {
    switch (e.kind) {
      case ast::Expr::Kind::String: {
        std::string parts;
        for (const auto &part : e.parts) parts += part.isReference ? "${" + part.text + "}" : quote(part.text);
        line(depth, fmt::format("{}String {} {}", prefix, parts, at(e.range)));
        return;
      }
      case ast::Expr::Kind::Int: line(depth, fmt::format("{}Int {} {}", prefix, e.intValue, at(e.range))); return;
      case ast::Expr::Kind::Bool: line(depth, fmt::format("{}Bool {} {}", prefix, e.boolValue, at(e.range))); return;
      case ast::Expr::Kind::Reference: line(depth, fmt::format("{}Ref {} {}", prefix, e.name, at(e.range))); return;
      case ast::Expr::Kind::Error: line(depth, fmt::format("{}Error {}", prefix, at(e.range))); return;
      case ast::Expr::Kind::List:
      case ast::Expr::Kind::Concat:
      case ast::Expr::Kind::Not:
      case ast::Expr::Kind::And:
      case ast::Expr::Kind::Or:
      case ast::Expr::Kind::Equal:
      case ast::Expr::Kind::NotEqual:
      case ast::Expr::Kind::Less:
      case ast::Expr::Kind::Greater:
      case ast::Expr::Kind::LessEqual:
      case ast::Expr::Kind::GreaterEqual:
        line(depth, fmt::format("{}{} {}", prefix, kindName(e.kind), at(e.range)));
        for (const auto &item : e.items) expr(depth + 1, "", item);
        return;
      case ast::Expr::Kind::Call:
        line(depth, fmt::format("{}Call {} {}", prefix, e.name, at(e.range)));
        for (const auto &item : e.items) expr(depth + 1, "", item);
        return;
      case ast::Expr::Kind::Map:
        line(depth, fmt::format("{}Map {}", prefix, at(e.range)));
        for (const auto &entry : e.entries) expr(depth + 1, quote(entry.key) + " = ", *entry.value);
        return;
    }
  }

  static const char *kindName(ast::Expr::Kind kind) {
    switch (kind) {
      case ast::Expr::Kind::List: return "List";
      case ast::Expr::Kind::Concat: return "Concat";
      case ast::Expr::Kind::Not: return "Not";
      case ast::Expr::Kind::And: return "And";
      case ast::Expr::Kind::Or: return "Or";
      case ast::Expr::Kind::Equal: return "Equal";
      case ast::Expr::Kind::NotEqual: return "NotEqual";
      case ast::Expr::Kind::Less: return "Less";
      case ast::Expr::Kind::Greater: return "Greater";
      case ast::Expr::Kind::LessEqual: return "LessEqual";
      case ast::Expr::Kind::GreaterEqual: return "GreaterEqual";
      default: return "?";
    }
  }

  void doc(int depth, const std::string &text) {
    if (!text.empty()) line(depth, "Doc " + quote(text));
  }

  std::string label(const ast::Block &b) {
    if (!b.labelExpr) return {};
    std::string parts;
    for (const auto &part : b.labelExpr->parts) parts += part.isReference ? "${" + part.text + "}" : quote(part.text);
    return " " + parts;
  }

  void members(int depth, const ast::Block &b) {
    for (const ast::Member &m : b.members) {
      if (m.assignment) {
        doc(depth, m.assignment->doc);
        expr(depth, fmt::format("{} {} ", m.assignment->key, m.assignment->append ? "+=" : "="), m.assignment->value);
      } else if (m.block) {
        block(depth, *m.block);
      } else if (m.use) {
        line(depth, fmt::format("Use {}{} {}", m.use->module, label(m.use->args), at(m.use->range)));
        doc(depth + 1, m.use->args.doc);
        members(depth + 1, m.use->args);
      } else if (m.assertion) {
        expr(depth, "Assert ", m.assertion->condition);
        expr(depth + 1, "Message ", m.assertion->message);
      } else if (m.ifChain) {
        for (const ast::IfBranch &branch : m.ifChain->branches) {
          if (branch.condition)
            expr(depth, "If ", *branch.condition);
          else
            line(depth, fmt::format("Else {}", at(branch.body.range)));
          members(depth + 1, branch.body);
        }
      }
    }
  }

  void block(int depth, const ast::Block &b) {
    line(depth, fmt::format("Block {}{} {}", b.kind, label(b), at(b.range)));
    doc(depth + 1, b.doc);
    members(depth + 1, b);
  }

  void module(const ast::ModuleDecl &m) {
    doc(1, m.doc);
    line(1, fmt::format("Module {} {}", m.name, at(m.range)));
    for (const ast::ParamDecl &p : m.params) {
      doc(2, p.doc);
      if (p.defaultValue)
        expr(2, fmt::format("Param {}: {} = ", p.name, typeExprText(p.type)), *p.defaultValue);
      else
        line(2, fmt::format("Param {}: {} {}", p.name, typeExprText(p.type), at(p.nameRange)));
    }
    members(2, m.body);
  }

  void file(const ast::File &f) {
    line(0, "File " + quote(source_.path()));
    for (const auto &imp : f.imports) line(1, fmt::format("Import {} {}", quote(imp.path), at(imp.range)));
    for (const auto &c : f.consts) {
      doc(1, c.doc);
      expr(1, fmt::format("Const {}{} = ", c.name, c.type ? ": " + c.type->name : ""), c.value);
    }
    for (const auto &v : f.vars) {
      doc(1, v.doc);
      if (v.defaultValue)
        expr(1, fmt::format("Var {}{} = ", v.name, v.type ? ": " + v.type->name : ""), *v.defaultValue);
      else
        line(1, fmt::format("Var {}{} {}", v.name, v.type ? ": " + v.type->name : "", at(v.nameRange)));
    }
    for (const auto &m : f.modules) module(m);
    for (const auto &img : f.images) block(1, img.body);
  }

 private:
  std::ostream &out_;
  const SourceFile &source_;
};

}  // namespace

std::string typeExprText(const ast::TypeExpr &type) {
  std::string out = type.name;
  if (!type.arguments.empty()) {
    out += "<";
    for (std::size_t i = 0; i < type.arguments.size(); ++i) out += (i ? ", " : "") + typeExprText(type.arguments[i]);
    out += ">";
  }
  if (!type.enumValues.empty()) {
    out += "(";
    for (std::size_t i = 0; i < type.enumValues.size(); ++i)
      out += (i ? ", " : "") + quoteTdxString(type.enumValues[i], false);
    out += ")";
  }
  return out;
}

void dumpAst(std::ostream &out, const SourceManager &sources, const ast::File &file) {
  AstDumper(out, sources.file(file.file)).file(file);
}

}  // namespace tdxc
