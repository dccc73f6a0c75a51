// Checks one block of the AST against its BlockSpec: unknown keys and blocks
// (with "did you mean"), duplicates, '+=' rules, required keys, value types and
// enum members. Produces a CheckedBlock of evaluated, well-typed values.
#pragma once

#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/evaluator.h"
#include "frontend/schema.h"

namespace tdxc {

struct CheckedEntry {
  std::string key;
  SourceRange keyRange;
  Value value;            // for list keys: every '=' and '+=' joined in order
  bool assigned = false;  // set with '=' (not only '+=')
};

struct CheckedBlock {
  const ast::Block *block = nullptr;
  const BlockSpec *spec = nullptr;
  std::vector<CheckedEntry> entries;
  std::vector<CheckedBlock> children;  // source order; unknown kinds left out

  /// The entry for a key if present and free of errors.
  const Value *get(const std::string &key) const;
  const CheckedEntry *entry(const std::string &key) const;
  std::string label() const { return block && block->label ? *block->label : std::string(); }
  SourceRange labelRange() const { return block ? block->labelRange : SourceRange{}; }
  SourceRange range() const { return block ? block->range : SourceRange{}; }
};

/// `inProfile` turns on the profile rules (lists only grow).
CheckedBlock checkBlock(const ast::Block &block, const BlockSpec &spec, Evaluator &evaluator, DiagnosticEngine &diags,
                        bool inProfile);

/// Checks a value against a type; reports and returns false on mismatch.
bool checkValueType(const Value &value, const TypeSpec &type, DiagnosticEngine &diags);

}  // namespace tdxc
