// textDocument/completion
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_completion
//
// Context-aware, from tokens (the file is usually broken while typing):
// - where a member starts: the keys and blocks of the enclosing block (the
//   schema), or a module's parameters inside `use Module { }`;
// - after `key =` (or inside its list): the key's enum values or booleans,
//   and the constants;
// - after `use`: the modules; in an import string: the standard library and
//   the .tdx files next to the document;
// - in other expressions: constants, variables, parameters, built-ins.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "frontend/stdlib.h"
#include "lsp/documentation.h"
#include "lsp/features.h"
#include "lsp/resolve.h"
#include "lsp/syntax_context.h"

namespace tdxc::lsp {
namespace {

// CompletionItemKind
constexpr int kKeyword = 14, kProperty = 10, kClass = 7, kModule = 9, kEnumMember = 20, kConstant = 21, kVariable = 6,
              kFunction = 3, kFile = 17, kField = 5;

class Items {
 public:
  void add(const std::string &label, int kind, const std::string &detail = {}, const std::string &doc = {},
           const std::string &insert = {}) {
    json item = {{"label", label}, {"kind", kind}};
    if (!detail.empty()) item["detail"] = detail;
    if (!doc.empty()) item["documentation"] = markdown(doc);
    if (!insert.empty()) item["insertText"] = insert;
    // Keep the server's order (schema order, then names) in every client.
    item["sortText"] = fmt::format("{:05}", items_.size());
    items_.push_back(std::move(item));
  }
  json result() { return {{"isIncomplete", false}, {"items", std::move(items_)}}; }

 private:
  json items_ = json::array();
};

const TypeSpec *elementOrSelf(const TypeSpec &type) {
  return type.kind == TypeSpec::Kind::List && type.element ? type.element.get() : &type;
}

void addValuesOfType(Items &items, const TypeSpec *type, bool insideString) {
  if (type == nullptr) return;
  type = elementOrSelf(*type);
  if (type->kind == TypeSpec::Kind::Enum) {
    for (const std::string &value : type->enumValues)
      items.add("\"" + value + "\"", kEnumMember, "", "", insideString ? value : "\"" + value + "\"");
  } else if (type->kind == TypeSpec::Kind::Bool && !insideString) {
    items.add("true", kKeyword);
    items.add("false", kKeyword);
  }
}

void addNames(Items &items, const Analysis &analysis, const std::vector<Frame> &frames) {
  for (const Frame &frame : frames)
    if (frame.kind == Frame::Kind::Module)
      if (const ModuleInfo *module = analysis.modules().find(frame.name))
        for (const ast::ParamDecl &param : module->decl->params)
          items.add(param.name, kVariable, paramSignature(param, analysis.sources),
                    describeParam(*module, param, analysis.sources));
  for (const LoadedFile &file : analysis.frontend.files) {
    std::string_view text = analysis.sources.file(file.ast.file).text();
    for (const ast::ConstDecl &decl : file.ast.consts)
      items.add(decl.name, kConstant, "const", describeConst(decl, text));
    for (const ast::VarDecl &decl : file.ast.vars) items.add(decl.name, kVariable, "var", describeVar(decl, text));
  }
}

void addMembers(Items &items, const Analysis &analysis, const Frame *frame) {
  if (frame == nullptr) {
    for (const char *keyword : {"import", "const", "var", "image", "module"}) items.add(keyword, kKeyword);
    return;
  }
  if (frame->kind == Frame::Kind::Use) {
    if (const ModuleInfo *module = analysis.modules().find(frame->name))
      for (const ast::ParamDecl &param : module->decl->params)
        items.add(param.name, kField, paramSignature(param, analysis.sources),
                  describeParam(*module, param, analysis.sources), param.name + " = ");
    return;
  }
  const BlockSpec *spec = specOfFrame(frame);
  if (spec == nullptr) return;
  for (const KeySpec &key : spec->keys)
    items.add(key.name, kProperty, key.type.describe(), describeKey(*spec, key), key.name + " = ");
  for (const std::string &child : spec->children)
    if (const BlockSpec *childSpec = findBlockSpec(child)) items.add(child, kClass, "block", describeBlock(*childSpec));
  if (frame->kind == Frame::Kind::Image || frame->kind == Frame::Kind::Module) {
    items.add("use", kKeyword, "use a module");
    items.add("if", kKeyword);
  }
  if (frame->kind == Frame::Kind::Module) {
    items.add("param", kKeyword, "declare a parameter");
    items.add("assert", kKeyword, "check the arguments");
  }
}

// The type of `key` in the block or use that `frame` is.
const TypeSpec *typeOfKey(const Analysis &analysis, const Frame *frame, const std::string &key) {
  if (frame == nullptr || key.empty()) return nullptr;
  if (frame->kind == Frame::Kind::Use) {
    const ModuleInfo *module = analysis.modules().find(frame->name);
    if (module == nullptr) return nullptr;
    for (std::size_t i = 0; i < module->decl->params.size() && i < module->paramTypes.size(); ++i)
      if (module->decl->params[i].name == key && module->paramTypes[i]) return &*module->paramTypes[i];
    return nullptr;
  }
  const BlockSpec *spec = specOfFrame(frame);
  const KeySpec *keySpec = spec ? spec->findKey(key) : nullptr;
  return keySpec ? &keySpec->type : nullptr;
}

// The other .tdx files next to the document, sorted (at most 500).
std::vector<std::string> siblingTdxFiles(const std::string &documentPath) {
  namespace fs = std::filesystem;
  fs::path self(documentPath);
  std::vector<std::string> names;
  if (!self.is_absolute()) return names;
  std::error_code ec;
  for (fs::directory_iterator it(self.parent_path(), ec), end; !ec && it != end && names.size() < 500; it.increment(ec))
    if (it->path().extension() == ".tdx" && it->path().filename() != self.filename())
      names.push_back(it->path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool isKeywordLike(TokenKind kind) { return kind >= TokenKind::Import && kind <= TokenKind::False; }

bool startsMember(TokenKind kind) {
  return kind == TokenKind::LBrace || kind == TokenKind::RBrace || kind == TokenKind::Comma || kind == TokenKind::Semi;
}

bool continuesExpression(TokenKind kind) {
  switch (kind) {
    case TokenKind::Assign:
    case TokenKind::PlusAssign:
    case TokenKind::Plus:
    case TokenKind::AndAnd:
    case TokenKind::OrOr:
    case TokenKind::Equal:
    case TokenKind::NotEqual:
    case TokenKind::Less:
    case TokenKind::Greater:
    case TokenKind::LessEqual:
    case TokenKind::GreaterEqual:
    case TokenKind::Bang:
    case TokenKind::LParen:
    case TokenKind::LBrack:
    case TokenKind::Colon: return true;
    default: return false;
  }
}

}  // namespace

json completion(const Document &doc, Position position) {
  const Analysis &analysis = *doc.analysis;
  const std::vector<Token> &tokens = analysis.tokens;
  std::string_view text = analysis.lines.text();
  std::uint32_t offset = analysis.lines.offset(position);
  Items items;

  // The word being typed is replaced by the client; context comes from what
  // precedes it.
  std::uint32_t wordStart = offset;
  auto at = tokenAt(tokens, offset);
  bool insideString = false;
  if (at && tokens[*at].begin < offset) {
    const Token &t = tokens[*at];
    if (t.kind == TokenKind::Ident || isKeywordLike(t.kind)) wordStart = t.begin;
    bool isString = t.kind == TokenKind::String || t.kind == TokenKind::UnterminatedString;
    if (isString && (offset < t.end || t.kind == TokenKind::UnterminatedString)) {
      insideString = true;
      wordStart = t.begin;
    }
  }
  std::vector<Frame> frames = framesAt(text, tokens, wordStart);
  auto before = codeTokenBefore(tokens, wordStart);
  TokenKind prev = before ? tokens[*before].kind : TokenKind::LBrace;

  if (insideString && prev == TokenKind::Import) {
    for (const StdlibFile &file : stdlibFiles()) items.add("std/" + std::string(file.name), kFile);
    for (const std::string &name : siblingTdxFiles(doc.path)) items.add(name, kFile);
    return items.result();
  }
  if (prev == TokenKind::Use && !insideString) {
    for (const ModuleInfo *module : analysis.modules().all())
      items.add(module->decl->name, kModule, "module", describeModule(*module, analysis.sources));
    return items.result();
  }
  // A value: after "key =", or in the list assigned to a key.
  std::string key;
  if ((prev == TokenKind::Assign || prev == TokenKind::PlusAssign) && before) {
    auto keyToken = previousCode(tokens, *before);
    if (keyToken && tokens[*keyToken].kind == TokenKind::Ident) key = std::string(tokenText(text, tokens[*keyToken]));
  } else if (!frames.empty() && frames.back().kind == Frame::Kind::List &&
             (prev == TokenKind::LBrack || prev == TokenKind::Comma)) {
    key = frames.back().key;
  }
  if (!key.empty()) {
    std::vector<Frame> outer = frames;
    if (!outer.empty() && outer.back().kind == Frame::Kind::List) outer.pop_back();
    const TypeSpec *type = typeOfKey(analysis, keyFrame(outer), key);
    addValuesOfType(items, type, insideString);
    // An enum or bool key is best completed with its values only; other
    // values may well be a constant.
    const TypeSpec *element = type ? elementOrSelf(*type) : nullptr;
    bool closedSet = element && (element->kind == TypeSpec::Kind::Enum || element->kind == TypeSpec::Kind::Bool);
    if (!insideString && !closedSet) addNames(items, analysis, frames);
    return items.result();
  }
  if (insideString) return items.result();
  bool lineStart =
      before && text.substr(tokens[*before].end, wordStart - tokens[*before].end).find('\n') != std::string_view::npos;
  const Frame *frame = keyFrame(frames);
  bool inMemberFrame = frame == nullptr || frame->kind == Frame::Kind::Image || frame->kind == Frame::Kind::Module ||
                       frame->kind == Frame::Kind::Block || frame->kind == Frame::Kind::Use;
  if (inMemberFrame && (!before || startsMember(prev) || (lineStart && !continuesExpression(prev)))) {
    addMembers(items, analysis, frame);
    return items.result();
  }
  if (continuesExpression(prev) || prev == TokenKind::If) {
    addNames(items, analysis, frames);
    for (const BuiltinInfo &builtin : allBuiltins())
      items.add(builtin.name, kFunction, builtin.signature, describeBuiltin(builtin));
  }
  return items.result();
}

}  // namespace tdxc::lsp
