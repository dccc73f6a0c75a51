#include "lsp/resolve.h"

#include "lsp/syntax_context.h"

namespace tdxc::lsp {
namespace {

const ast::ConstDecl *findConst(const Analysis &analysis, const std::string &name) {
  for (const LoadedFile &file : analysis.frontend.files)
    for (const ast::ConstDecl &decl : file.ast.consts)
      if (decl.name == name) return &decl;
  return nullptr;
}

const ast::VarDecl *findVar(const Analysis &analysis, const std::string &name) {
  for (const LoadedFile &file : analysis.frontend.files)
    for (const ast::VarDecl &decl : file.ast.vars)
      if (decl.name == name) return &decl;
  return nullptr;
}

// A name used as a value: a parameter of the enclosing module, else a
// constant, else a variable.
Resolved resolveReference(const Analysis &analysis, const std::vector<Frame> &frames, const std::string &name,
                          std::uint32_t begin, std::uint32_t end) {
  Resolved r;
  r.begin = begin;
  r.end = end;
  for (const Frame &frame : frames) {
    if (frame.kind != Frame::Kind::Module) continue;
    if (const ModuleInfo *module = analysis.modules().find(frame.name))
      if (const ast::ParamDecl *param = module->findParam(name)) {
        r.kind = Resolved::Kind::Param;
        r.module = module;
        r.param = param;
        return r;
      }
  }
  if ((r.constDecl = findConst(analysis, name))) {
    r.kind = Resolved::Kind::Const;
  } else if ((r.varDecl = findVar(analysis, name))) {
    r.kind = Resolved::Kind::Var;
  }
  return r;
}

// "${name}" inside a string literal at `offset`.
std::optional<std::pair<std::uint32_t, std::uint32_t>> interpolationAt(std::string_view text, const Token &token,
                                                                       std::uint32_t offset) {
  std::string_view body = tokenText(text, token);
  for (std::size_t open = body.find("${"); open != std::string_view::npos; open = body.find("${", open + 2)) {
    std::size_t close = body.find('}', open);
    if (close == std::string_view::npos) break;
    auto begin = static_cast<std::uint32_t>(token.begin + open + 2),
         end = static_cast<std::uint32_t>(token.begin + close);
    if (offset >= begin && offset <= end) return std::make_pair(begin, end);
  }
  return std::nullopt;
}

// `key` as a key of the block (or argument of the use) that `frame` is.
Resolved resolveKey(const Analysis &analysis, const Frame *frame, const std::string &key, std::uint32_t begin,
                    std::uint32_t end) {
  Resolved r;
  r.begin = begin;
  r.end = end;
  if (frame != nullptr && frame->kind == Frame::Kind::Use) {
    if (const ModuleInfo *module = analysis.modules().find(frame->name))
      if (const ast::ParamDecl *param = module->findParam(key)) {
        r.kind = Resolved::Kind::Param;
        r.module = module;
        r.param = param;
      }
    return r;
  }
  if (const BlockSpec *spec = specOfFrame(frame))
    if (const KeySpec *keySpec = spec->findKey(key)) {
      r.kind = Resolved::Kind::Key;
      r.block = spec;
      r.key = keySpec;
    }
  return r;
}

}  // namespace

const BlockSpec *specOfFrame(const Frame *frame) {
  if (frame == nullptr) return nullptr;
  switch (frame->kind) {
    case Frame::Kind::Image:
    case Frame::Kind::Module: return findBlockSpec("image");
    case Frame::Kind::Block: return findBlockSpec(frame->name);
    default: return nullptr;
  }
}

Resolved resolveAt(const Analysis &analysis, std::uint32_t offset) {
  const std::vector<Token> &tokens = analysis.tokens;
  std::string_view text = analysis.lines.text();
  auto at = tokenAt(tokens, offset);
  if (!at) return {};
  const Token &token = tokens[*at];
  std::string word(tokenText(text, token));
  auto prev = previousCode(tokens, *at);
  auto next = nextCode(tokens, *at);
  auto prevIs = [&](TokenKind kind) { return prev && tokens[*prev].kind == kind; };
  auto nextIs = [&](TokenKind kind) { return next && tokens[*next].kind == kind; };
  Resolved r;
  r.begin = token.begin;
  r.end = token.end;

  if (token.kind == TokenKind::String) {
    if (prevIs(TokenKind::Import)) {
      r.kind = Resolved::Kind::Import;
      r.importPath = word.size() >= 2 ? word.substr(1, word.size() - 2) : word;
      return r;
    }
    if (auto name = interpolationAt(text, token, offset))
      return resolveReference(analysis, framesAt(text, tokens, offset),
                              std::string(text.substr(name->first, name->second - name->first)), name->first,
                              name->second);
    // A value: what it is the value of ("on-failure" in restart = "on-failure",
    // or an element of the list assigned to a key).
    std::vector<Frame> frames = framesAt(text, tokens, token.begin);
    if (prevIs(TokenKind::Assign) || prevIs(TokenKind::PlusAssign)) {
      auto key = previousCode(tokens, *prev);
      if (key && tokens[*key].kind == TokenKind::Ident)
        return resolveKey(analysis, keyFrame(frames), std::string(tokenText(text, tokens[*key])), token.begin,
                          token.end);
    } else if (!frames.empty() && frames.back().kind == Frame::Kind::List && !frames.back().key.empty()) {
      std::string key = frames.back().key;
      frames.pop_back();
      return resolveKey(analysis, keyFrame(frames), key, token.begin, token.end);
    }
    return {};
  }
  if (token.kind == TokenKind::Image) {
    r.kind = Resolved::Kind::Block;
    r.block = findBlockSpec("image");
    return r;
  }
  if (token.kind != TokenKind::Ident) return {};

  std::vector<Frame> frames = framesAt(text, tokens, token.begin);
  if (prevIs(TokenKind::Use) || prevIs(TokenKind::Module)) {
    if ((r.module = analysis.modules().find(word))) r.kind = Resolved::Kind::Module;
    return r;
  }
  if (prevIs(TokenKind::Param)) return resolveReference(analysis, frames, word, token.begin, token.end);
  if (prevIs(TokenKind::Const) || prevIs(TokenKind::Var)) {
    if (prevIs(TokenKind::Const) && (r.constDecl = findConst(analysis, word))) r.kind = Resolved::Kind::Const;
    if (prevIs(TokenKind::Var) && (r.varDecl = findVar(analysis, word))) r.kind = Resolved::Kind::Var;
    return r;
  }
  if (nextIs(TokenKind::Assign) || nextIs(TokenKind::PlusAssign))
    return resolveKey(analysis, keyFrame(frames), word, token.begin, token.end);
  bool blockHead = nextIs(TokenKind::LBrace);
  if (nextIs(TokenKind::String)) {
    auto afterLabel = nextCode(tokens, *next);
    blockHead = afterLabel && tokens[*afterLabel].kind == TokenKind::LBrace;
  }
  if (blockHead) {
    if ((r.block = findBlockSpec(word))) r.kind = Resolved::Kind::Block;
    return r;
  }
  if (nextIs(TokenKind::LParen)) {
    for (const BuiltinInfo &builtin : allBuiltins())
      if (builtin.name == word) {
        r.kind = Resolved::Kind::Builtin;
        r.builtin = &builtin;
      }
    return r;
  }
  return resolveReference(analysis, frames, word, token.begin, token.end);
}

}  // namespace tdxc::lsp
