#include "lsp/syntax_context.h"

namespace tdxc::lsp {
namespace {

bool is(const std::vector<Token> &tokens, std::optional<std::size_t> i, TokenKind kind) {
  return i && tokens[*i].kind == kind;
}

// The key in front of "= [" or "+= {", if any.
std::string assignedKey(std::string_view text, const std::vector<Token> &tokens, std::size_t opener) {
  auto op = previousCode(tokens, opener);
  if (!is(tokens, op, TokenKind::Assign) && !is(tokens, op, TokenKind::PlusAssign)) return {};
  auto key = previousCode(tokens, *op);
  return is(tokens, key, TokenKind::Ident) ? std::string(tokenText(text, tokens[*key])) : std::string();
}

// Tokens that can end a member, so an identifier after them starts a block.
bool endsMember(TokenKind kind) {
  switch (kind) {
    case TokenKind::LBrace:
    case TokenKind::RBrace:
    case TokenKind::RBrack:
    case TokenKind::RParen:
    case TokenKind::Comma:
    case TokenKind::Semi:
    case TokenKind::String:
    case TokenKind::RawString:
    case TokenKind::Int:
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::Ident: return true;
    default: return false;
  }
}

Frame classifyBrace(std::string_view text, const std::vector<Token> &tokens, std::size_t brace) {
  auto prev = previousCode(tokens, brace);
  if (!prev) return {Frame::Kind::Block, "", ""};
  TokenKind p = tokens[*prev].kind;
  if (p == TokenKind::Else) return {Frame::Kind::If, "", ""};
  if (p == TokenKind::Assign || p == TokenKind::PlusAssign || p == TokenKind::Comma || p == TokenKind::LBrack ||
      p == TokenKind::LParen || p == TokenKind::Colon)
    return {Frame::Kind::Map, "", assignedKey(text, tokens, brace)};
  // kind "label" {  /  use Module "label" {  /  image "name" {
  std::optional<std::size_t> name = prev;
  if (p == TokenKind::String) {
    auto before = previousCode(tokens, *prev);
    if (is(tokens, before, TokenKind::Image)) return {Frame::Kind::Image, "", ""};
    if (!is(tokens, before, TokenKind::Ident)) return {Frame::Kind::If, "", ""};  // if x == "a" {
    name = before;
  }
  if (tokens[*name].kind != TokenKind::Ident) return {Frame::Kind::If, "", ""};
  std::string word(tokenText(text, tokens[*name]));
  auto before = previousCode(tokens, *name);
  if (is(tokens, before, TokenKind::Use)) return {Frame::Kind::Use, word, ""};
  if (is(tokens, before, TokenKind::Module)) return {Frame::Kind::Module, word, ""};
  if (!before || endsMember(tokens[*before].kind)) return {Frame::Kind::Block, word, ""};
  return {Frame::Kind::If, "", ""};  // if enabled {  /  if a && b {
}

bool closes(TokenKind closer, Frame::Kind kind) {
  switch (kind) {
    case Frame::Kind::List: return closer == TokenKind::RBrack;
    case Frame::Kind::Paren: return closer == TokenKind::RParen;
    default: return closer == TokenKind::RBrace;
  }
}

// A closer pops up to its own kind of bracket, so one unclosed '[' does not
// shift every later brace (typing `packages += [` must not make the rest of
// the file look like the inside of a list). A closer without an opener of
// its kind is ignored.
void closeFrame(std::vector<Frame> &frames, TokenKind closer) {
  for (std::size_t i = frames.size(); i > 0; --i)
    if (closes(closer, frames[i - 1].kind)) {
      frames.resize(i - 1);
      return;
    }
}

}  // namespace

std::optional<std::size_t> previousCode(const std::vector<Token> &tokens, std::size_t i) {
  while (i > 0) {
    --i;
    if (!isComment(tokens[i].kind)) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> nextCode(const std::vector<Token> &tokens, std::size_t i) {
  for (++i; i < tokens.size(); ++i)
    if (!isComment(tokens[i].kind)) return i;
  return std::nullopt;
}

std::vector<Frame> framesAt(std::string_view text, const std::vector<Token> &tokens, std::uint32_t offset) {
  std::vector<Frame> frames;
  for (std::size_t i = 0; i < tokens.size() && tokens[i].end <= offset; ++i) {
    switch (tokens[i].kind) {
      case TokenKind::LBrace: frames.push_back(classifyBrace(text, tokens, i)); break;
      case TokenKind::LBrack: frames.push_back({Frame::Kind::List, "", assignedKey(text, tokens, i)}); break;
      case TokenKind::LParen: frames.push_back({Frame::Kind::Paren, "", ""}); break;
      case TokenKind::RBrace:
      case TokenKind::RBrack:
      case TokenKind::RParen: closeFrame(frames, tokens[i].kind); break;
      default: break;
    }
  }
  return frames;
}

const Frame *keyFrame(const std::vector<Frame> &frames) {
  for (auto it = frames.rbegin(); it != frames.rend(); ++it)
    if (it->kind != Frame::Kind::If) return &*it;
  return nullptr;
}

std::optional<std::size_t> tokenAt(const std::vector<Token> &tokens, std::uint32_t offset) {
  // The first token that ends at or after the offset; it must also start at
  // or before it.
  std::size_t lo = 0, hi = tokens.size();
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (tokens[mid].end < offset)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == tokens.size() || tokens[lo].begin > offset) return std::nullopt;
  // At a boundary between two tokens ("a|=") prefer the word on the left
  // only if the right one does not start here.
  if (tokens[lo].end == offset && lo + 1 < tokens.size() && tokens[lo + 1].begin == offset &&
      tokens[lo].kind != TokenKind::Ident)
    return lo + 1;
  return lo;
}

std::optional<std::size_t> codeTokenBefore(const std::vector<Token> &tokens, std::uint32_t offset) {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < tokens.size() && tokens[i].end <= offset; ++i)
    if (!isComment(tokens[i].kind)) found = i;
  return found;
}

}  // namespace tdxc::lsp
