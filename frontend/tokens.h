// The token stream of a .tdx file as plain data, comments included. The
// formatter and the language server work on tokens (they must handle text that
// does not parse); only ast_builder.cpp sees ANTLR's own token types.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tdxc {

enum class TokenKind {
  // Keywords.
  Import,
  Const,
  Var,
  Image,
  Module,
  Param,
  Use,
  If,
  Else,
  Assert,
  True,
  False,
  // Punctuation and operators.
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Less,
  Greater,
  Comma,
  Semi,
  Colon,
  PlusAssign,
  Equal,
  LessEqual,
  GreaterEqual,
  NotEqual,
  AndAnd,
  OrOr,
  Assign,
  Plus,
  Bang,
  // Literals and names.
  Ident,
  Int,
  String,
  RawString,
  // Comments: /// docs, // and /* */.
  DocComment,
  LineComment,
  BlockComment,
  // Lexical errors (reported as diagnostics by the parser).
  UnterminatedString,
  UnterminatedRaw,
  UnterminatedBlockComment,
  ErrorChar,
};

/// One token: its kind and the half-open byte range [begin, end) of its text.
struct Token {
  TokenKind kind;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// Every token of `text` in source order (whitespace is not a token), or
/// nullopt if the text is not valid UTF-8. Never fails otherwise: bad input
/// becomes the error kinds above.
std::optional<std::vector<Token>> lexTokens(std::string_view text);

bool isComment(TokenKind kind);
bool isLexicalError(TokenKind kind);

}  // namespace tdxc
