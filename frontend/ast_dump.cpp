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
        line(depth, fmt::format("{}{} {}", prefix, e.kind == ast::Expr::Kind::List ? "List" : "Concat", at(e.range)));
        for (const auto &item : e.items) expr(depth + 1, "", item);
        return;
      case ast::Expr::Kind::Map:
        line(depth, fmt::format("{}Map {}", prefix, at(e.range)));
        for (const auto &entry : e.entries) expr(depth + 1, quote(entry.key) + " = ", *entry.value);
        return;
    }
  }

  void doc(int depth, const std::string &text) {
    if (!text.empty()) line(depth, "Doc " + quote(text));
  }

  void block(int depth, const ast::Block &b) {
    std::string label = b.label ? fmt::format(" {}", quote(*b.label)) : std::string();
    line(depth, fmt::format("Block {}{} {}", b.kind, label, at(b.range)));
    doc(depth + 1, b.doc);
    for (const ast::Member &m : b.members) {
      if (m.assignment) {
        doc(depth + 1, m.assignment->doc);
        expr(depth + 1, fmt::format("{} {} ", m.assignment->key, m.assignment->append ? "+=" : "="),
             m.assignment->value);
      } else {
        block(depth + 1, *m.block);
      }
    }
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
    for (const auto &img : f.images) block(1, img.body);
  }

 private:
  std::ostream &out_;
  const SourceFile &source_;
};

}  // namespace

void dumpAst(std::ostream &out, const SourceManager &sources, const ast::File &file) {
  AstDumper(out, sources.file(file.file)).file(file);
}

}  // namespace tdxc
