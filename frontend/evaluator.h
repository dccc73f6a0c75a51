// Evaluates expressions: constants and variables (order-independent, cycles
// reported), ${name} interpolation, '+' joining, lists and maps. Errors yield
// error values that later stages skip silently, so one mistake is one message.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic_engine.h"
#include "frontend/ast.h"
#include "frontend/value.h"

namespace tdxc {

class Evaluator {
 public:
  explicit Evaluator(DiagnosticEngine &diags) : diags_(diags) {}

  void defineConst(const ast::ConstDecl &decl);
  /// `override` is the --var NAME=VALUE text, if the user gave one.
  void defineVar(const ast::VarDecl &decl, std::optional<std::string> override);
  bool isDefined(const std::string &name) const { return symbols_.count(name) != 0; }

  /// Local names (module parameters) shadow constants while a scope is pushed.
  void pushScope(std::map<std::string, Value> names) { scopes_.push_back(std::move(names)); }
  void popScope() { scopes_.pop_back(); }
  /// Binds one more name in the innermost scope.
  void bind(const std::string &name, Value value) { scopes_.back()[name] = std::move(value); }

  /// Reads a file for read_file(PATH): PATH relative to the .tdx file that
  /// contains `at`. nullopt if it cannot be read. Without a reader,
  /// read_file is reported as unavailable.
  using FileReader = std::function<std::optional<std::string>(const std::string &path, SourceRange at)>;
  void setFileReader(FileReader reader) { fileReader_ = std::move(reader); }

  Value evaluate(const ast::Expr &expr);
  /// Evaluates a condition; reports a non-bool value. nullopt on any error.
  std::optional<bool> evaluateCondition(const ast::Expr &expr);
  /// Evaluates every constant and variable once, so unused ones are checked too.
  void evaluateAllSymbols();

 private:
  struct Symbol {
    const ast::ConstDecl *constDecl = nullptr;
    const ast::VarDecl *varDecl = nullptr;
    std::optional<std::string> override;
    enum class State { Pending, InProgress, Done } state = State::Pending;
    Value value;
  };

  /// A new symbol, or nullptr (reported) if the name is taken.
  Symbol *declare(const std::string &name, SourceRange nameRange);
  Value resolve(const std::string &name, SourceRange useRange);
  Value evaluateSymbol(Symbol &symbol);
  Value evaluateString(const ast::Expr &expr);
  Value evaluateConcat(const ast::Expr &expr);
  Value evaluateLogic(const ast::Expr &expr);
  Value readFile(const ast::Expr &call, const std::vector<Value> &args);
  Value evaluateComparison(const ast::Expr &expr);
  Value checkDeclaredType(const ast::TypeExpr &type, Value value);
  Value parseVarOverride(const ast::VarDecl &decl, const std::string &text);
  bool checkTypeExpr(const ast::TypeExpr &type);

  DiagnosticEngine &diags_;
  std::map<std::string, Symbol> symbols_;
  std::vector<std::map<std::string, Value>> scopes_;
  FileReader fileReader_;
};

}  // namespace tdxc
