#include "format/spacing.h"

#include <cstddef>

namespace tdxc::format {
namespace {

bool isBinaryOperator(const SpacedToken &t) {
  switch (t.kind) {
    case TokenKind::OrOr:
    case TokenKind::AndAnd:
    case TokenKind::Equal:
    case TokenKind::NotEqual:
    case TokenKind::LessEqual:
    case TokenKind::GreaterEqual:
    case TokenKind::Plus: return true;
    case TokenKind::Less:
    case TokenKind::Greater: return !t.inType;
    default: return false;
  }
}

// typeExpr : IDENT (LT typeExpr (COMMA typeExpr)* GT | LPAREN string (COMMA string)* COMMA? RPAREN)?
// Returns the index after the type; marks its angle brackets. Input that is
// not a type stops the walk (the formatter only runs on files that parse).
std::size_t markType(std::vector<SpacedToken> &tokens, std::size_t i, int depth) {
  if (depth > 64 || i >= tokens.size() || tokens[i].kind != TokenKind::Ident) return i;
  ++i;
  if (i < tokens.size() && tokens[i].kind == TokenKind::Less) {
    tokens[i].inType = true;
    ++i;
    while (true) {
      i = markType(tokens, i, depth + 1);
      if (i < tokens.size() && tokens[i].kind == TokenKind::Comma) {
        ++i;
        continue;
      }
      break;
    }
    if (i < tokens.size() && tokens[i].kind == TokenKind::Greater) {
      tokens[i].inType = true;
      ++i;
    }
  }
  return i;
}

}  // namespace

std::vector<SpacedToken> markTypeBrackets(const std::vector<TokenKind> &kinds) {
  std::vector<SpacedToken> tokens;
  tokens.reserve(kinds.size());
  for (TokenKind kind : kinds) tokens.push_back({kind, false});
  // ':' appears only before a type annotation in the grammar.
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].kind == TokenKind::Colon) markType(tokens, i + 1, 0);
  return tokens;
}

bool isOpener(TokenKind kind) {
  return kind == TokenKind::LBrace || kind == TokenKind::LBrack || kind == TokenKind::LParen;
}

bool isCloser(TokenKind kind) {
  return kind == TokenKind::RBrace || kind == TokenKind::RBrack || kind == TokenKind::RParen;
}

bool spaceBetween(const SpacedToken &prev, const SpacedToken &next) {
  switch (next.kind) {
    case TokenKind::Comma:
    case TokenKind::Semi:
    case TokenKind::Colon:
    case TokenKind::RParen:
    case TokenKind::RBrack: return false;
    case TokenKind::Less:
    case TokenKind::Greater:
      if (next.inType) return false;
      break;
    default: break;
  }
  switch (prev.kind) {
    case TokenKind::LParen:
    case TokenKind::LBrack:
    case TokenKind::Bang: return false;
    case TokenKind::Less:
      if (prev.inType) return false;
      break;
    case TokenKind::LBrace: return next.kind != TokenKind::RBrace;  // {} but { a = 1 }
    default: break;
  }
  // Calls and enum types: to_json(x), enum("a", "b"); a parenthesised
  // expression elsewhere: x + (y).
  if (next.kind == TokenKind::LParen) return prev.kind != TokenKind::Ident;
  return true;
}

bool continuesLine(const SpacedToken &last, const SpacedToken &first) {
  if (isCloser(first.kind)) return false;
  if (isBinaryOperator(first)) return true;
  return isBinaryOperator(last) || last.kind == TokenKind::Assign || last.kind == TokenKind::PlusAssign ||
         last.kind == TokenKind::Bang || last.kind == TokenKind::Colon;
}

}  // namespace tdxc::format
