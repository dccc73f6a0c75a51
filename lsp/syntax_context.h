// Where the cursor is, read from tokens rather than the AST: while a user
// types, the file is usually broken, and completion and hover must still know
// which block the cursor is in. Brackets are matched from the start of the
// file, and each open brace is classified by the tokens in front of it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/tokens.h"

namespace tdxc::lsp {

struct Frame {
  enum class Kind {
    Image,   // image "name" {
    Module,  // module Name {
    Block,   // kind "label" { or kind {  (name: the kind)
    Use,     // use Module "label" {       (name: the module)
    If,      // if ... { / else {          (transparent: same keys as outside)
    Map,     // = { ... }                  (key: the key it is assigned to)
    List,    // [ ... ]                    (key: the key it is assigned to)
    Paren,   // ( ... )
  };
  Kind kind;
  std::string name;
  std::string key;
};

/// The frames enclosing byte `offset`, outermost first.
std::vector<Frame> framesAt(std::string_view text, const std::vector<Token> &tokens, std::uint32_t offset);

/// The innermost frame that decides which keys are valid (skips If frames);
/// nullptr at the top level of the file.
const Frame *keyFrame(const std::vector<Frame> &frames);

/// The index of the token that contains `offset` or ends exactly at it
/// (the word the cursor touches), or nullopt.
std::optional<std::size_t> tokenAt(const std::vector<Token> &tokens, std::uint32_t offset);

/// The index of the last non-comment token that ends at or before `offset`.
std::optional<std::size_t> codeTokenBefore(const std::vector<Token> &tokens, std::uint32_t offset);
/// The non-comment token before / after index `i`.
std::optional<std::size_t> previousCode(const std::vector<Token> &tokens, std::size_t i);
std::optional<std::size_t> nextCode(const std::vector<Token> &tokens, std::size_t i);

inline std::string_view tokenText(std::string_view text, const Token &token) {
  return text.substr(token.begin, token.end - token.begin);
}

}  // namespace tdxc::lsp
