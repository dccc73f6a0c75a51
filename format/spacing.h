// The horizontal rules of the canonical style: whether two tokens on one line
// are separated by a space, and which lines continue the previous one.
#pragma once

#include <vector>

#include "frontend/tokens.h"

namespace tdxc::format {

/// A token with what the spacing rules need to know about its context.
struct SpacedToken {
  TokenKind kind;
  /// '<' and '>' of a type annotation (list<string>), which take no spaces,
  /// unlike the comparison operators.
  bool inType = false;
};

/// Marks the '<' and '>' of every type annotation (the type after ':' in
/// param, const and var declarations). `tokens` has no comments.
std::vector<SpacedToken> markTypeBrackets(const std::vector<TokenKind> &tokens);

/// One space between `prev` and `next` on the same line, or none.
bool spaceBetween(const SpacedToken &prev, const SpacedToken &next);

bool isOpener(TokenKind kind);
bool isCloser(TokenKind kind);

/// A line that starts with `first`, after a line whose last token is `last`,
/// continues an expression or declaration and is indented one more level.
bool continuesLine(const SpacedToken &last, const SpacedToken &first);

}  // namespace tdxc::format
