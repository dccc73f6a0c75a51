#include "frontend/evaluator.h"

#include <fmt/format.h>

#include <charconv>

#include "frontend/builtins.h"
#include "support/suggest.h"

namespace tdxc {
namespace {
std::string withArticle(Value::Kind kind) {
  return (kind == Value::Kind::Int ? "an " : "a ") + std::string(kindName(kind));
}
}  // namespace

Evaluator::Symbol *Evaluator::declare(const std::string &name, SourceRange nameRange) {
  auto [it, inserted] = symbols_.try_emplace(name);
  if (inserted) return &it->second;
  SourceRange first = it->second.constDecl ? it->second.constDecl->nameRange : it->second.varDecl->nameRange;
  diags_.report(DiagKind::DuplicateDefinition, nameRange, fmt::format("'{}' is already defined", name))
      .notes.push_back({first, "first defined here"});
  return nullptr;
}

void Evaluator::defineConst(const ast::ConstDecl &decl) {
  if (Symbol *symbol = declare(decl.name, decl.nameRange)) symbol->constDecl = &decl;
}

void Evaluator::defineVar(const ast::VarDecl &decl, std::optional<std::string> override) {
  if (Symbol *symbol = declare(decl.name, decl.nameRange)) {
    symbol->varDecl = &decl;
    symbol->override = std::move(override);
  }
}

void Evaluator::evaluateAllSymbols() {
  for (auto &[name, symbol] : symbols_) evaluateSymbol(symbol);
}

Value Evaluator::resolve(const std::string &name, SourceRange useRange) {
  for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
    auto local = scope->find(name);
    if (local != scope->end()) return local->second;
  }
  auto it = symbols_.find(name);
  if (it == symbols_.end()) {
    std::vector<std::string> names;
    for (const auto &[known, symbol] : symbols_) names.push_back(known);
    for (const auto &scope : scopes_)
      for (const auto &[known, value] : scope) names.push_back(known);
    auto &d = diags_.report(DiagKind::UndefinedName, useRange, fmt::format("'{}' is not defined", name));
    if (auto suggestion = closestMatch(name, names)) {
      d.notes.push_back({{}, fmt::format("did you mean '{}'?", *suggestion)});
      d.fixits.push_back({useRange, *suggestion});
    }
    return Value::error(useRange);
  }
  if (it->second.state == Symbol::State::InProgress) {
    diags_.report(DiagKind::ConstCycle, useRange, fmt::format("'{}' refers to itself through its own value", name));
    return Value::error(useRange);
  }
  return evaluateSymbol(it->second);
}

Value Evaluator::evaluateSymbol(Symbol &symbol) {
  if (symbol.state == Symbol::State::Done) return symbol.value;
  symbol.state = Symbol::State::InProgress;
  Value value;
  if (symbol.constDecl) {
    value = evaluate(symbol.constDecl->value);
    if (symbol.constDecl->type) value = checkDeclaredType(*symbol.constDecl->type, value);
  } else {
    const ast::VarDecl &decl = *symbol.varDecl;
    if (decl.type && !checkTypeExpr(*decl.type)) {
      value = Value::error(decl.nameRange);
    } else if (symbol.override) {
      value = parseVarOverride(decl, *symbol.override);
    } else if (decl.defaultValue) {
      value = evaluate(*decl.defaultValue);
      if (decl.type) value = checkDeclaredType(*decl.type, value);
    } else {
      diags_.report(DiagKind::VarRequired, decl.nameRange,
                    fmt::format("variable '{}' has no default; pass --var {}=VALUE", decl.name, decl.name));
      value = Value::error(decl.nameRange);
    }
  }
  symbol.value = value;
  symbol.state = Symbol::State::Done;
  return value;
}

bool Evaluator::checkTypeExpr(const ast::TypeExpr &type) {
  static const std::map<std::string, std::size_t> arity = {
      {"string", 0}, {"int", 0}, {"bool", 0}, {"list", 1}, {"map", 1}};
  auto it = arity.find(type.name);
  if (it == arity.end() || it->second != type.arguments.size()) {
    diags_.report(DiagKind::UnknownType, type.range,
                  fmt::format("unknown type '{}'; types are string, int, bool, list<T> and map<T>", type.name));
    return false;
  }
  for (const auto &arg : type.arguments)
    if (!checkTypeExpr(arg)) return false;
  return true;
}

Value Evaluator::checkDeclaredType(const ast::TypeExpr &type, Value value) {
  if (value.isError() || !checkTypeExpr(type)) return Value::error(value.range);
  static const std::map<std::string, Value::Kind> kinds = {{"string", Value::Kind::String},
                                                           {"int", Value::Kind::Int},
                                                           {"bool", Value::Kind::Bool},
                                                           {"list", Value::Kind::List},
                                                           {"map", Value::Kind::Map}};
  Value::Kind expected = kinds.at(type.name);
  if (value.kind != expected) {
    diags_.report(DiagKind::TypeMismatch, value.range,
                  fmt::format("expected {}, found {}", type.name, kindName(value.kind)));
    return Value::error(value.range);
  }
  if (!type.arguments.empty()) {
    if (value.kind == Value::Kind::List)
      for (Value &item : value.list) item = checkDeclaredType(type.arguments[0], item);
    else
      for (MapItem &item : value.map) item.value = checkDeclaredType(type.arguments[0], item.value);
  }
  return value;
}

Value Evaluator::parseVarOverride(const ast::VarDecl &decl, const std::string &text) {
  // Without an annotation the default's type decides (var PORT = 80 is an int).
  std::string type = decl.type ? decl.type->name : "string";
  if (!decl.type && decl.defaultValue) {
    if (decl.defaultValue->kind == ast::Expr::Kind::Int) type = "int";
    if (decl.defaultValue->kind == ast::Expr::Kind::Bool) type = "bool";
  }
  SourceRange at = decl.nameRange;
  if (type == "string") return Value::ofString(text, at);
  if (type == "int") {
    std::int64_t number = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec == std::errc() && ptr == text.data() + text.size()) return Value::ofInt(number, at);
  } else if (type == "bool") {
    if (text == "true" || text == "false") return Value::ofBool(text == "true", at);
  } else {
    diags_.report(DiagKind::BadVarValue, at,
                  fmt::format("--var can only set string, int and bool variables; '{}' is a {}", decl.name, type));
    return Value::error(at);
  }
  diags_.report(DiagKind::BadVarValue, at,
                fmt::format("--var {}={}: '{}' is not a valid value of type {}", decl.name, text, text, type));
  return Value::error(at);
}

Value Evaluator::evaluate(const ast::Expr &expr) {
  switch (expr.kind) {
    case ast::Expr::Kind::String: return evaluateString(expr);
    case ast::Expr::Kind::Int: return Value::ofInt(expr.intValue, expr.range);
    case ast::Expr::Kind::Bool: return Value::ofBool(expr.boolValue, expr.range);
    case ast::Expr::Kind::Reference: return resolve(expr.name, expr.range);
    case ast::Expr::Kind::List: {
      Value list = Value::error(expr.range);
      list.kind = Value::Kind::List;
      for (const ast::Expr &item : expr.items) list.list.push_back(evaluate(item));
      return list;
    }
    case ast::Expr::Kind::Map: {
      Value map = Value::error(expr.range);
      map.kind = Value::Kind::Map;
      for (const ast::MapEntry &entry : expr.entries) {
        Value item = evaluate(*entry.value);
        bool duplicate = false;
        for (const MapItem &existing : map.map)
          if (existing.key == entry.key) {
            diags_.report(DiagKind::DuplicateKey, entry.keyRange, fmt::format("map key '{}' appears twice", entry.key))
                .notes.push_back({existing.keyRange, "first used here"});
            duplicate = true;
          }
        if (!duplicate) map.map.push_back({entry.key, entry.keyRange, std::move(item)});
      }
      return map;
    }
    case ast::Expr::Kind::Concat: return evaluateConcat(expr);
    case ast::Expr::Kind::Not:
    case ast::Expr::Kind::And:
    case ast::Expr::Kind::Or: return evaluateLogic(expr);
    case ast::Expr::Kind::Equal:
    case ast::Expr::Kind::NotEqual:
    case ast::Expr::Kind::Less:
    case ast::Expr::Kind::Greater:
    case ast::Expr::Kind::LessEqual:
    case ast::Expr::Kind::GreaterEqual: return evaluateComparison(expr);
    case ast::Expr::Kind::Call: {
      std::vector<Value> args;
      bool failed = false;
      for (const ast::Expr &arg : expr.items) {
        args.push_back(evaluate(arg));
        failed = failed || args.back().containsError();
      }
      if (failed) return Value::error(expr.range);
      if (expr.name == "read_file") return readFile(expr, args);
      return callBuiltin(expr.name, expr.nameRange, args, expr.range, diags_);
    }
    case ast::Expr::Kind::Error: return Value::error(expr.range);
  }
  return Value::error(expr.range);
}

// read_file is the one built-in that touches the file system, so it lives
// here, with the reader the frontend provides, not among the pure built-ins.
Value Evaluator::readFile(const ast::Expr &call, const std::vector<Value> &args) {
  if (args.size() != 1 || args[0].kind != Value::Kind::String) {
    diags_.report(DiagKind::BadCall, call.range, "read_file takes one string: read_file(\"relative/path\")");
    return Value::error(call.range);
  }
  std::optional<std::string> text = fileReader_ ? fileReader_(args[0].str, call.range) : std::nullopt;
  if (!text) {
    diags_.report(DiagKind::SourceNotFound, args[0].range,
                  fmt::format("read_file: cannot read '{}' (relative to this .tdx file)", args[0].str));
    return Value::error(call.range);
  }
  return Value::ofString(std::move(*text), call.range);
}

std::optional<bool> Evaluator::evaluateCondition(const ast::Expr &expr) {
  Value value = evaluate(expr);
  if (value.isError()) return std::nullopt;
  if (value.kind != Value::Kind::Bool) {
    diags_.report(DiagKind::TypeMismatch, value.range,
                  fmt::format("a condition must be a bool, found {}", withArticle(value.kind)));
    return std::nullopt;
  }
  return value.boolean;
}

// '!', '&&' and '||' take bools. Every operand is evaluated (no short
// circuit), so a mistake in a branch not taken is still reported.
Value Evaluator::evaluateLogic(const ast::Expr &expr) {
  const char *op = expr.kind == ast::Expr::Kind::Not ? "!" : expr.kind == ast::Expr::Kind::And ? "&&" : "||";
  bool failed = false;
  bool result = expr.kind == ast::Expr::Kind::And;
  for (const ast::Expr &operand : expr.items) {
    Value value = evaluate(operand);
    if (value.isError()) {
      failed = true;
      continue;
    }
    if (value.kind != Value::Kind::Bool) {
      diags_.report(DiagKind::BadOperands, value.range,
                    fmt::format("'{}' needs bools, found {}", op, withArticle(value.kind)));
      failed = true;
      continue;
    }
    if (expr.kind == ast::Expr::Kind::Not) result = !value.boolean;
    if (expr.kind == ast::Expr::Kind::And) result = result && value.boolean;
    if (expr.kind == ast::Expr::Kind::Or) result = result || value.boolean;
  }
  return failed ? Value::error(expr.range) : Value::ofBool(result, expr.range);
}

Value Evaluator::evaluateComparison(const ast::Expr &expr) {
  Value lhs = evaluate(expr.items[0]);
  Value rhs = evaluate(expr.items[1]);
  if (lhs.containsError() || rhs.containsError()) return Value::error(expr.range);
  if (lhs.kind != rhs.kind) {
    diags_.report(DiagKind::BadOperands, expr.range,
                  fmt::format("cannot compare {} with {}", withArticle(lhs.kind), withArticle(rhs.kind)));
    return Value::error(expr.range);
  }
  if (expr.kind == ast::Expr::Kind::Equal || expr.kind == ast::Expr::Kind::NotEqual) {
    bool equal = valuesEqual(lhs, rhs);
    return Value::ofBool(expr.kind == ast::Expr::Kind::Equal ? equal : !equal, expr.range);
  }
  if (lhs.kind != Value::Kind::Int) {
    diags_.report(DiagKind::BadOperands, expr.range,
                  fmt::format("'<', '>', '<=' and '>=' compare ints, not {}", withArticle(lhs.kind)));
    return Value::error(expr.range);
  }
  bool result = expr.kind == ast::Expr::Kind::Less        ? lhs.integer < rhs.integer
                : expr.kind == ast::Expr::Kind::Greater   ? lhs.integer > rhs.integer
                : expr.kind == ast::Expr::Kind::LessEqual ? lhs.integer <= rhs.integer
                                                          : lhs.integer >= rhs.integer;
  return Value::ofBool(result, expr.range);
}

Value Evaluator::evaluateString(const ast::Expr &expr) {
  std::string text;
  bool failed = false;
  for (const ast::StringPart &part : expr.parts) {
    if (!part.isReference) {
      text += part.text;
      continue;
    }
    Value value = resolve(part.text, part.range);
    switch (value.kind) {
      case Value::Kind::String: text += value.str; break;
      case Value::Kind::Int: text += std::to_string(value.integer); break;
      case Value::Kind::Bool: text += value.boolean ? "true" : "false"; break;
      case Value::Kind::Error: failed = true; break;
      default:
        diags_.report(DiagKind::TypeMismatch, part.range,
                      fmt::format("cannot interpolate '{}', a {}; only strings, ints and bools can appear in ${{...}}",
                                  part.text, kindName(value.kind)));
        failed = true;
    }
  }
  return failed ? Value::error(expr.range) : Value::ofString(std::move(text), expr.range);
}

Value Evaluator::evaluateConcat(const ast::Expr &expr) {
  Value result = evaluate(expr.items.front());
  for (std::size_t i = 1; i < expr.items.size(); ++i) {
    Value rhs = evaluate(expr.items[i]);
    if (result.isError() || rhs.isError()) {
      result = Value::error(expr.range);
      continue;
    }
    if (result.kind == Value::Kind::String && rhs.kind == Value::Kind::String) {
      result.str += rhs.str;
    } else if (result.kind == Value::Kind::List && rhs.kind == Value::Kind::List) {
      for (Value &item : rhs.list) result.list.push_back(std::move(item));
    } else {
      diags_.report(DiagKind::BadOperands, expr.range,
                    fmt::format("cannot join {} and {} with '+'; '+' joins two strings or two lists",
                                withArticle(result.kind), withArticle(rhs.kind)));
      result = Value::error(expr.range);
      continue;
    }
    result.range = expr.range;
  }
  return result;
}

}  // namespace tdxc
