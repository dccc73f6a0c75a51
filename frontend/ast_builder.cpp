// The AST builder: the only file in tdxc that includes ANTLR. It runs the
// generated lexer and parser, turns ANTLR's errors into tdxc diagnostics, and
// converts the parse tree into the plain AST of ast.h. Parse trees with errors
// have null children and missing tokens, so every accessor is null-checked.
#include <fmt/format.h>

#include <charconv>
#include <regex>

#include "TdxLexer.h"
#include "TdxParser.h"
#include "antlr4-runtime.h"
#include "frontend/parse.h"
#include "frontend/tokens.h"
#include "support/utf8.h"

namespace tdxc {
namespace {

using grammar::TdxLexer;
using grammar::TdxParser;

// Deeper nesting than this is rejected before parsing: ANTLR's recursive
// descent would otherwise overflow the stack on adversarial input.
constexpr int kMaxNesting = 128;

class Builder {
 public:
  Builder(const SourceFile &source, DiagnosticEngine &diags, antlr4::CommonTokenStream &tokens)
      : source_(source), diags_(diags), tokens_(tokens) {}

  SourceRange rangeOf(antlr4::Token *token) const {
    if (token == nullptr) return {source_.id(), 0, 0};
    if (token->getType() == antlr4::Token::EOF) {
      auto end = static_cast<std::uint32_t>(source_.text().size());
      return {source_.id(), end, end};
    }
    return {source_.id(), source_.byteOffsetOfCodePoint(token->getStartIndex()),
            source_.byteOffsetOfCodePoint(token->getStopIndex() + 1)};
  }

  SourceRange rangeOf(antlr4::ParserRuleContext *ctx) const {
    if (ctx == nullptr) return {source_.id(), 0, 0};
    SourceRange begin = rangeOf(ctx->getStart());
    antlr4::Token *stop = ctx->getStop();
    if (stop == nullptr || stop->getTokenIndex() < ctx->getStart()->getTokenIndex())
      return {begin.file, begin.begin, begin.begin};
    return {begin.file, begin.begin, rangeOf(stop).end};
  }

  SourceRange rangeOf(antlr4::tree::TerminalNode *node) const { return rangeOf(node ? node->getSymbol() : nullptr); }

  std::string docBefore(antlr4::ParserRuleContext *ctx) {
    if (ctx == nullptr || ctx->getStart() == nullptr) return {};
    std::string doc;
    for (antlr4::Token *t : tokens_.getHiddenTokensToLeft(ctx->getStart()->getTokenIndex(), TdxLexer::DOC)) {
      std::string line = t->getText().substr(3);
      if (!line.empty() && line[0] == ' ') line.erase(0, 1);
      doc += line;
      doc += '\n';
    }
    return doc;
  }

  ast::File buildFile(TdxParser::FileContext *ctx) {
    ast::File file;
    file.file = source_.id();
    for (auto *top : ctx->topLevel()) {
      if (auto *imp = top->importDecl()) {
        if (auto *str = imp->string()) {
          ast::Expr path = buildString(str);
          if (path.kind == ast::Expr::Kind::String && path.parts.size() == 1 && !path.parts[0].isReference)
            file.imports.push_back({path.parts[0].text, path.range});
          else if (path.kind == ast::Expr::Kind::String)
            diags_.report(DiagKind::BadInterpolation, path.range, "import paths cannot use ${...} interpolation");
        }
      } else if (auto *c = top->constDecl()) {
        if (!c->IDENT() || !c->expr()) continue;
        ast::ConstDecl decl;
        decl.name = c->IDENT()->getText();
        decl.nameRange = rangeOf(c->IDENT());
        if (c->typeExpr()) decl.type = buildType(c->typeExpr());
        decl.value = buildExpr(c->expr());
        decl.doc = docBefore(c);
        file.consts.push_back(std::move(decl));
      } else if (auto *v = top->varDecl()) {
        if (!v->IDENT()) continue;
        ast::VarDecl decl;
        decl.name = v->IDENT()->getText();
        decl.nameRange = rangeOf(v->IDENT());
        if (v->typeExpr()) decl.type = buildType(v->typeExpr());
        if (v->expr()) decl.defaultValue = buildExpr(v->expr());
        decl.doc = docBefore(v);
        file.vars.push_back(std::move(decl));
      } else if (auto *mod = top->moduleDecl()) {
        if (!mod->IDENT()) continue;
        file.modules.push_back(buildModule(mod));
      } else if (auto *img = top->imageDecl()) {
        if (!img->string() || !img->body()) continue;
        ast::ImageDecl decl;
        ast::Expr name = buildString(img->string());
        if (name.kind != ast::Expr::Kind::String) continue;  // reported: missing or broken name
        for (const auto &part : name.parts) decl.name += part.isReference ? "${" + part.text + "}" : part.text;
        decl.nameRange = name.range;
        decl.doc = docBefore(img);
        decl.body.kind = "image";
        decl.body.kindRange = rangeOf(img->IMAGE());
        decl.body.label = decl.name;
        decl.body.labelRange = decl.nameRange;
        decl.body.labelExpr = std::move(name);
        decl.body.range = rangeOf(img);
        decl.body.doc = decl.doc;
        buildBody(img->body(), decl.body);
        file.images.push_back(std::move(decl));
      }
    }
    return file;
  }

 private:
  // A label or name must be a plain string; interpolation is resolved later
  // only inside values, so a label with ${...} is reported here.
  std::string literalText(const ast::Expr &expr) {
    if (expr.kind != ast::Expr::Kind::String) return {};
    std::string text;
    for (const auto &part : expr.parts) {
      if (part.isReference) {
        diags_.report(DiagKind::BadInterpolation, part.range, "labels cannot use ${...} interpolation");
        continue;
      }
      text += part.text;
    }
    return text;
  }

  ast::TypeExpr buildType(TdxParser::TypeExprContext *ctx) {
    ast::TypeExpr type;
    type.range = rangeOf(ctx);
    if (ctx->IDENT()) type.name = ctx->IDENT()->getText();
    for (auto *arg : ctx->typeExpr()) type.arguments.push_back(buildType(arg));
    for (auto *value : ctx->string()) type.enumValues.push_back(literalText(buildString(value)));
    if (ctx->LPAREN() && type.enumValues.empty()) type.enumValues.push_back("");  // enum() is reported in sema
    return type;
  }

  ast::ModuleDecl buildModule(TdxParser::ModuleDeclContext *ctx) {
    ast::ModuleDecl decl;
    decl.name = ctx->IDENT()->getText();
    decl.nameRange = rangeOf(ctx->IDENT());
    decl.doc = docBefore(ctx);
    decl.range = rangeOf(ctx);
    decl.body.kind = "module";
    decl.body.kindRange = rangeOf(ctx->MODULE());
    decl.body.range = decl.range;
    for (auto *member : ctx->moduleMember()) {
      if (auto *p = member->paramDecl()) {
        if (!p->IDENT() || !p->typeExpr()) continue;
        ast::ParamDecl param;
        param.name = p->IDENT()->getText();
        param.nameRange = rangeOf(p->IDENT());
        param.type = buildType(p->typeExpr());
        if (p->expr()) param.defaultValue = buildExpr(p->expr());
        param.doc = docBefore(p);
        param.range = rangeOf(p);
        decl.params.push_back(std::move(param));
      } else if (member->member()) {
        buildMember(member->member(), decl.body);
      }
    }
    return decl;
  }

  void buildLabel(TdxParser::StringContext *label, ast::Block &block) {
    if (label == nullptr) return;
    ast::Expr text = buildString(label);
    std::string literal;
    for (const auto &part : text.parts)
      if (!part.isReference) literal += part.text;
    block.label = literal;
    block.labelRange = text.range;
    block.labelExpr = std::move(text);
  }

  void buildBody(TdxParser::BodyContext *ctx, ast::Block &block) {
    for (auto *member : ctx->member()) buildMember(member, block);
  }

  void buildMember(TdxParser::MemberContext *member, ast::Block &block) {
    {
      if (auto *u = member->useBlock()) {
        if (!u->IDENT() || !u->body()) return;
        auto use = std::make_unique<ast::Use>();
        use->module = u->IDENT()->getText();
        use->moduleRange = rangeOf(u->IDENT());
        use->range = rangeOf(u);
        use->args.kind = "use";
        use->args.kindRange = rangeOf(u->USE());
        use->args.range = use->range;
        use->args.doc = docBefore(u);
        buildLabel(u->string(), use->args);
        buildBody(u->body(), use->args);
        ast::Member m;
        m.use = std::move(use);
        block.members.push_back(std::move(m));
      } else if (auto *as = member->assertion()) {
        std::vector<TdxParser::ExprContext *> parts = as->expr();
        if (parts.size() != 2 || !parts[0] || !parts[1]) return;
        auto assertion = std::make_unique<ast::Assertion>();
        assertion->condition = buildExpr(parts[0]);
        assertion->message = buildExpr(parts[1]);
        assertion->range = rangeOf(as);
        ast::Member m;
        m.assertion = std::move(assertion);
        block.members.push_back(std::move(m));
      } else if (auto *i = member->ifBlock()) {
        auto chain = std::make_unique<ast::IfChain>();
        chain->range = rangeOf(i);
        std::vector<TdxParser::ExprContext *> conditions = i->expr();
        std::vector<TdxParser::BodyContext *> bodies = i->body();
        for (std::size_t k = 0; k < bodies.size(); ++k) {
          if (bodies[k] == nullptr) continue;
          ast::IfBranch branch;
          if (k < conditions.size()) {
            if (conditions[k] == nullptr) continue;
            branch.condition = buildExpr(conditions[k]);
          }
          branch.body.kind = "if";
          branch.body.range = rangeOf(bodies[k]);
          branch.body.kindRange = {branch.body.range.file, branch.body.range.begin, branch.body.range.begin + 1};
          buildBody(bodies[k], branch.body);
          chain->branches.push_back(std::move(branch));
        }
        ast::Member m;
        m.ifChain = std::move(chain);
        block.members.push_back(std::move(m));
      } else if (auto *a = member->assignment()) {
        if (!a->IDENT() || !a->expr() || !a->op) return;
        ast::Assignment assign;
        assign.key = a->IDENT()->getText();
        assign.keyRange = rangeOf(a->IDENT());
        assign.append = a->op->getType() == TdxLexer::PLUS_ASSIGN;
        assign.value = buildExpr(a->expr());
        assign.range = rangeOf(a);
        assign.doc = docBefore(a);
        ast::Member m;
        m.assignment = std::move(assign);
        block.members.push_back(std::move(m));
      } else if (auto *b = member->block()) {
        if (!b->IDENT() || !b->body()) return;
        auto child = std::make_unique<ast::Block>();
        child->kind = b->IDENT()->getText();
        child->kindRange = rangeOf(b->IDENT());
        buildLabel(b->string(), *child);
        child->range = rangeOf(b);
        child->doc = docBefore(b);
        buildBody(b->body(), *child);
        ast::Member m;
        m.block = std::move(child);
        block.members.push_back(std::move(m));
      }
    }
  }

  ast::Expr buildString(TdxParser::StringContext *ctx) {
    ast::Expr expr;
    expr.range = rangeOf(ctx);
    antlr4::Token *token = ctx->getStart();
    // Error recovery conjures missing tokens (index -1); they have no text.
    if (token == nullptr || token->getTokenIndex() == INVALID_INDEX || token->getStartIndex() == INVALID_INDEX)
      return expr;
    SourceRange r = rangeOf(token);
    std::string_view text(source_.text().data() + r.begin, r.end - r.begin);
    switch (token->getType()) {
      case TdxLexer::STRING: {
        SourceRange body{r.file, r.begin + 1, r.end - 1};
        std::size_t errorsBefore = diags_.errorCount();
        expr.parts = decodeStringLiteral(text.substr(1, text.size() - 2), body, diags_);
        // A string with a bad escape or interpolation is poison: no follow-on errors.
        expr.kind = diags_.errorCount() == errorsBefore ? ast::Expr::Kind::String : ast::Expr::Kind::Error;
        return expr;
      }
      case TdxLexer::RAW_STRING:
        expr.kind = ast::Expr::Kind::String;
        expr.parts.push_back({false, dedentRawString(text.substr(3, text.size() - 6)), r});
        return expr;
      default:  // unterminated: already reported from the token stream
        return expr;
    }
  }

  static int precedence(std::size_t token) {
    switch (token) {
      case TdxLexer::PLUS: return 4;
      case TdxLexer::OROR: return 1;
      case TdxLexer::ANDAND: return 2;
      default: return 3;  // comparisons
    }
  }

  static ast::Expr::Kind binaryKind(std::size_t token) {
    switch (token) {
      case TdxLexer::PLUS: return ast::Expr::Kind::Concat;
      case TdxLexer::OROR: return ast::Expr::Kind::Or;
      case TdxLexer::ANDAND: return ast::Expr::Kind::And;
      case TdxLexer::EQ: return ast::Expr::Kind::Equal;
      case TdxLexer::NEQ: return ast::Expr::Kind::NotEqual;
      case TdxLexer::LT: return ast::Expr::Kind::Less;
      case TdxLexer::GT: return ast::Expr::Kind::Greater;
      case TdxLexer::LE: return ast::Expr::Kind::LessEqual;
      default: return ast::Expr::Kind::GreaterEqual;
    }
  }

  // `a OP b OP c ...`: reduces the operand list one precedence level at a
  // time, tightest first, without recursion. '+', '&&' and '||' runs become
  // one n-ary node; a comparison takes exactly two operands.
  ast::Expr buildExpr(TdxParser::ExprContext *ctx) {
    std::vector<ast::Expr> operands;
    for (auto *operand : ctx->unaryExpr()) operands.push_back(operand ? buildUnary(operand) : ast::Expr{});
    std::vector<std::size_t> ops;
    for (auto *op : ctx->binaryOp())
      ops.push_back(op && op->getStart() ? op->getStart()->getType() : std::size_t{TdxLexer::PLUS});
    if (operands.empty()) return ast::Expr{};
    if (ops.size() + 1 != operands.size()) {  // broken by a syntax error, already reported
      ast::Expr broken;
      broken.range = rangeOf(ctx);
      return broken;
    }
    for (int level = 4; level >= 1 && !ops.empty(); --level) {
      std::vector<ast::Expr> nextOperands;
      std::vector<std::size_t> nextOps;
      std::size_t i = 0;
      nextOperands.push_back(std::move(operands[0]));
      while (i < ops.size()) {
        if (precedence(ops[i]) != level) {
          nextOps.push_back(ops[i]);
          nextOperands.push_back(std::move(operands[i + 1]));
          ++i;
          continue;
        }
        ast::Expr node;
        node.kind = binaryKind(ops[i]);
        node.items.push_back(std::move(nextOperands.back()));
        while (i < ops.size() && precedence(ops[i]) == level && binaryKind(ops[i]) == node.kind) {
          node.items.push_back(std::move(operands[i + 1]));
          ++i;
          if (level == 3) break;  // comparisons do not chain
        }
        if (level == 3 && i < ops.size() && precedence(ops[i]) == 3) {
          diags_.report(DiagKind::Syntax, rangeOf(ctx->binaryOp()[i]),
                        "comparisons cannot be chained; join them with && or ||");
          ast::Expr broken;
          broken.range = rangeOf(ctx);
          return broken;
        }
        SourceRange begin = node.items.front().range, end = node.items.back().range;
        node.range = begin.file == end.file && begin.begin <= end.end ? SourceRange{begin.file, begin.begin, end.end}
                                                                      : rangeOf(ctx);
        nextOperands.back() = std::move(node);
      }
      operands = std::move(nextOperands);
      ops = std::move(nextOps);
    }
    return std::move(operands[0]);
  }

  ast::Expr buildUnary(TdxParser::UnaryExprContext *ctx) {
    if (ctx->primary() == nullptr) return ast::Expr{};
    ast::Expr inner = buildPrimary(ctx->primary());
    std::size_t nots = ctx->BANG().size();
    for (std::size_t i = 0; i < nots; ++i) {
      ast::Expr negated;
      negated.kind = ast::Expr::Kind::Not;
      negated.range = rangeOf(ctx);
      negated.items.push_back(std::move(inner));
      inner = std::move(negated);
    }
    return inner;
  }

  ast::Expr buildPrimary(TdxParser::PrimaryContext *ctx) {
    ast::Expr expr;
    expr.range = rangeOf(ctx);
    if (auto *s = dynamic_cast<TdxParser::StringExprContext *>(ctx)) {
      if (s->string()) return buildString(s->string());
    } else if (auto *i = dynamic_cast<TdxParser::IntExprContext *>(ctx)) {
      std::string text = i->INT() ? i->INT()->getText() : "";
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), expr.intValue);
      if (ec != std::errc() || ptr != text.data() + text.size()) {
        diags_.report(DiagKind::IntOutOfRange, expr.range,
                      fmt::format("integer literal {} does not fit in a signed 64-bit integer", text));
        return expr;
      }
      expr.kind = ast::Expr::Kind::Int;
    } else if (auto *b = dynamic_cast<TdxParser::BoolExprContext *>(ctx)) {
      expr.kind = ast::Expr::Kind::Bool;
      expr.boolValue = b->TRUE() != nullptr;
    } else if (auto *c = dynamic_cast<TdxParser::CallExprContext *>(ctx)) {
      if (c->IDENT()) {
        expr.kind = ast::Expr::Kind::Call;
        expr.name = c->IDENT()->getText();
        expr.nameRange = rangeOf(c->IDENT());
        for (auto *arg : c->expr()) expr.items.push_back(buildExpr(arg));
      }
    } else if (auto *r = dynamic_cast<TdxParser::RefExprContext *>(ctx)) {
      if (r->IDENT()) {
        expr.kind = ast::Expr::Kind::Reference;
        expr.name = r->IDENT()->getText();
      }
    } else if (auto *l = dynamic_cast<TdxParser::ListExprContext *>(ctx)) {
      expr.kind = ast::Expr::Kind::List;
      for (auto *item : l->expr()) expr.items.push_back(buildExpr(item));
    } else if (auto *m = dynamic_cast<TdxParser::MapExprContext *>(ctx)) {
      expr.kind = ast::Expr::Kind::Map;
      for (auto *entry : m->mapEntry()) {
        if (!entry->key || !entry->expr()) continue;
        ast::MapEntry e;
        e.keyRange = rangeOf(entry->key);
        if (entry->key->getType() == TdxLexer::STRING) {
          ast::Expr key;
          std::string_view text(source_.text().data() + e.keyRange.begin, e.keyRange.end - e.keyRange.begin);
          key.parts = decodeStringLiteral(text.substr(1, text.size() - 2),
                                          {e.keyRange.file, e.keyRange.begin + 1, e.keyRange.end - 1}, diags_);
          key.kind = ast::Expr::Kind::String;
          e.key = literalText(key);
        } else {
          e.key = entry->key->getText();
        }
        e.value = std::make_unique<ast::Expr>(buildExpr(entry->expr()));
        expr.entries.push_back(std::move(e));
      }
    } else if (auto *p = dynamic_cast<TdxParser::ParenExprContext *>(ctx)) {
      if (p->expr()) return buildExpr(p->expr());
    }
    return expr;
  }

  const SourceFile &source_;
  DiagnosticEngine &diags_;
  antlr4::CommonTokenStream &tokens_;
};

// ANTLR's messages name tokens by grammar symbol; say what a user would.
std::string friendlyTokenName(const std::string &name) {
  static const std::vector<std::pair<std::string, std::string>> names = {{"IDENT", "a name"},
                                                                         {"UNTERMINATED_STRING", "a string"},
                                                                         {"UNTERMINATED_RAW", "a string"},
                                                                         {"STRING", "a string"},
                                                                         {"RAW_STRING", "a string"},
                                                                         {"INT", "an integer"},
                                                                         {"'<EOF>'", "end of file"},
                                                                         {"<EOF>", "end of file"}};
  for (const auto &[from, to] : names)
    if (name == from) return to;
  return name;
}

std::string friendlyExpected(std::string set) {
  if (set.size() > 1 && set.front() == '{' && set.back() == '}') set = set.substr(1, set.size() - 2);
  std::vector<std::string> items;
  std::size_t pos = 0;
  while (pos <= set.size()) {
    std::size_t comma = set.find(", ", pos);
    std::string item = set.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    item = friendlyTokenName(item);
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
    if (comma == std::string::npos) break;
    pos = comma + 2;
  }
  if (items.size() > 6) return {};
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

std::string quoteToken(const std::string &text) {
  if (text == "<EOF>" || text == "'<EOF>'") return "end of file";
  return text;
}

std::string friendlyMessage(const std::string &message) {
  static const std::regex mismatched(R"(^(?:mismatched|extraneous) input (.*) expecting (.*)$)");
  static const std::regex missing(R"(^missing (.*) at (.*)$)");
  static const std::regex noViable(R"(^no viable alternative at input (.*)$)");
  std::smatch m;
  if (std::regex_match(message, m, mismatched)) {
    std::string expected = friendlyExpected(m[2]);
    return expected.empty() ? fmt::format("unexpected {}", quoteToken(m[1]))
                            : fmt::format("unexpected {}; expected {}", quoteToken(m[1]), expected);
  }
  if (std::regex_match(message, m, missing))
    return fmt::format("expected {} before {}", friendlyExpected(m[1]), quoteToken(m[2]));
  if (std::regex_match(message, m, noViable)) return "this does not form a valid declaration, key or value here";
  return message;
}

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(Builder &builder, DiagnosticEngine &diags) : builder_(builder), diags_(diags) {}

  void syntaxError(antlr4::Recognizer *, antlr4::Token *offending, size_t, size_t, const std::string &msg,
                   std::exception_ptr) override {
    diags_.report(DiagKind::Syntax, builder_.rangeOf(offending), friendlyMessage(msg));
  }

 private:
  Builder &builder_;
  DiagnosticEngine &diags_;
};

// Lexer problems are tokens (see TdxLexer.g4); report each one precisely.
// Returns false if the file nests too deeply to parse safely.
bool reportTokenProblems(Builder &builder, antlr4::CommonTokenStream &tokens, DiagnosticEngine &diags) {
  int depth = 0;
  for (antlr4::Token *token : tokens.getTokens()) {
    SourceRange range = builder.rangeOf(token);
    switch (token->getType()) {
      case TdxLexer::ERROR_CHAR:
        diags.report(DiagKind::UnexpectedChar, range,
                     fmt::format("unexpected character '{}'",
                                 token->getText() == std::string(1, '\0') ? "\\0" : token->getText()));
        break;
      case TdxLexer::UNTERMINATED_STRING:
        diags.report(DiagKind::UnterminatedString, range, "string has no closing '\"' on this line");
        break;
      case TdxLexer::UNTERMINATED_RAW:
        diags.report(DiagKind::UnterminatedString, range, "raw string has no closing '\"\"\"'");
        break;
      case TdxLexer::UNTERMINATED_BLOCK_COMMENT:
        diags.report(DiagKind::UnterminatedComment, {range.file, range.begin, range.begin + 2},
                     "block comment has no closing '*/'");
        break;
      case TdxLexer::LBRACE:
      case TdxLexer::LBRACK:
      case TdxLexer::LPAREN:
      case TdxLexer::LT:
        if (++depth > kMaxNesting) {
          diags.report(DiagKind::Syntax, range,
                       fmt::format("nesting deeper than {} levels; the file is not parsed further", kMaxNesting));
          return false;
        }
        break;
      case TdxLexer::RBRACE:
      case TdxLexer::RBRACK:
      case TdxLexer::RPAREN:
      case TdxLexer::GT:
        if (depth > 0) --depth;
        break;
      default: break;
    }
  }
  return true;
}

}  // namespace

namespace {
std::optional<TokenKind> tokenKindOf(std::size_t type) {
  switch (type) {
    case TdxLexer::IMPORT: return TokenKind::Import;
    case TdxLexer::CONST: return TokenKind::Const;
    case TdxLexer::VAR: return TokenKind::Var;
    case TdxLexer::IMAGE: return TokenKind::Image;
    case TdxLexer::MODULE: return TokenKind::Module;
    case TdxLexer::PARAM: return TokenKind::Param;
    case TdxLexer::USE: return TokenKind::Use;
    case TdxLexer::IF: return TokenKind::If;
    case TdxLexer::ELSE: return TokenKind::Else;
    case TdxLexer::ASSERT: return TokenKind::Assert;
    case TdxLexer::TRUE: return TokenKind::True;
    case TdxLexer::FALSE: return TokenKind::False;
    case TdxLexer::LBRACE: return TokenKind::LBrace;
    case TdxLexer::RBRACE: return TokenKind::RBrace;
    case TdxLexer::LBRACK: return TokenKind::LBrack;
    case TdxLexer::RBRACK: return TokenKind::RBrack;
    case TdxLexer::LPAREN: return TokenKind::LParen;
    case TdxLexer::RPAREN: return TokenKind::RParen;
    case TdxLexer::LT: return TokenKind::Less;
    case TdxLexer::GT: return TokenKind::Greater;
    case TdxLexer::COMMA: return TokenKind::Comma;
    case TdxLexer::SEMI: return TokenKind::Semi;
    case TdxLexer::COLON: return TokenKind::Colon;
    case TdxLexer::PLUS_ASSIGN: return TokenKind::PlusAssign;
    case TdxLexer::EQ: return TokenKind::Equal;
    case TdxLexer::LE: return TokenKind::LessEqual;
    case TdxLexer::GE: return TokenKind::GreaterEqual;
    case TdxLexer::NEQ: return TokenKind::NotEqual;
    case TdxLexer::ANDAND: return TokenKind::AndAnd;
    case TdxLexer::OROR: return TokenKind::OrOr;
    case TdxLexer::ASSIGN: return TokenKind::Assign;
    case TdxLexer::PLUS: return TokenKind::Plus;
    case TdxLexer::BANG: return TokenKind::Bang;
    case TdxLexer::IDENT: return TokenKind::Ident;
    case TdxLexer::INT: return TokenKind::Int;
    case TdxLexer::STRING: return TokenKind::String;
    case TdxLexer::RAW_STRING: return TokenKind::RawString;
    case TdxLexer::DOC_COMMENT: return TokenKind::DocComment;
    case TdxLexer::LINE_COMMENT: return TokenKind::LineComment;
    case TdxLexer::BLOCK_COMMENT: return TokenKind::BlockComment;
    case TdxLexer::UNTERMINATED_STRING: return TokenKind::UnterminatedString;
    case TdxLexer::UNTERMINATED_RAW: return TokenKind::UnterminatedRaw;
    case TdxLexer::UNTERMINATED_BLOCK_COMMENT: return TokenKind::UnterminatedBlockComment;
    case TdxLexer::ERROR_CHAR: return TokenKind::ErrorChar;
    default: return std::nullopt;  // EOF; WS is skipped by the lexer
  }
}

// Our tokens from ANTLR's (skipping EOF), with byte offsets.
void appendTokens(const std::vector<antlr4::Token *> &from, const SourceFile &source, std::vector<Token> &to) {
  to.reserve(from.size());
  for (antlr4::Token *token : from)
    if (std::optional<TokenKind> kind = tokenKindOf(token->getType()))
      to.push_back({*kind, source.byteOffsetOfCodePoint(token->getStartIndex()),
                    source.byteOffsetOfCodePoint(token->getStopIndex() + 1)});
}

}  // namespace

ast::File parseFile(const SourceFile &source, DiagnosticEngine &diags) { return parseFile(source, diags, nullptr); }

ast::File parseFile(const SourceFile &source, DiagnosticEngine &diags, std::vector<Token> *tokensOut) {
  ast::File empty;
  empty.file = source.id();
  if (auto bad = findInvalidUtf8(source.text())) {
    auto at = static_cast<std::uint32_t>(*bad);
    diags.report(DiagKind::InvalidUtf8, {source.id(), at, at + 1},
                 fmt::format("invalid UTF-8 byte 0x{:02X} at byte offset {}; .tdx files must be UTF-8",
                             static_cast<unsigned char>(source.text()[*bad]), *bad));
    return empty;
  }
  antlr4::ANTLRInputStream input(source.text());
  TdxLexer lexer(&input);
  lexer.removeErrorListeners();  // ERROR_CHAR catches everything; nothing to print
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  if (tokensOut != nullptr) appendTokens(tokens.getTokens(), source, *tokensOut);

  Builder builder(source, diags, tokens);
  if (!reportTokenProblems(builder, tokens, diags)) return empty;

  TdxParser parser(&tokens);
  SyntaxErrorListener listener(builder, diags);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  TdxParser::FileContext *tree = parser.file();
  return builder.buildFile(tree);
}

std::optional<std::vector<Token>> lexTokens(std::string_view text) {
  if (findInvalidUtf8(text)) return std::nullopt;
  SourceFile source(0, "", std::string(text));  // code point -> byte offsets
  antlr4::ANTLRInputStream input(source.text());
  TdxLexer lexer(&input);
  lexer.removeErrorListeners();
  std::vector<Token> tokens;
  for (auto token = lexer.nextToken(); token->getType() != antlr4::Token::EOF; token = lexer.nextToken()) {
    std::optional<TokenKind> kind = tokenKindOf(token->getType());
    if (!kind) continue;
    tokens.push_back({*kind, source.byteOffsetOfCodePoint(token->getStartIndex()),
                      source.byteOffsetOfCodePoint(token->getStopIndex() + 1)});
  }
  return tokens;
}

bool isComment(TokenKind kind) {
  return kind == TokenKind::DocComment || kind == TokenKind::LineComment || kind == TokenKind::BlockComment;
}

bool isLexicalError(TokenKind kind) {
  return kind == TokenKind::UnterminatedString || kind == TokenKind::UnterminatedRaw ||
         kind == TokenKind::UnterminatedBlockComment || kind == TokenKind::ErrorChar;
}

}  // namespace tdxc
