// Checks the image against the schema: unknown keys and blocks (with "did you
// mean"), duplicates, '+=' rules, required keys, value types and enum members.
// Module uses are expanded here, `if` chains resolved and labels evaluated,
// so later stages see one flat CheckedBlock of evaluated, well-typed values.
#pragma once

#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/evaluator.h"
#include "frontend/module_table.h"
#include "frontend/schema.h"

namespace tdxc {

struct CheckedEntry {
  std::string key;
  SourceRange keyRange;
  Value value;              // for list keys: every '=' and '+=' joined in order
  bool assigned = false;    // set with '=' (not only '+=')
  bool fromModule = false;  // set by a module body (may agree with the image)
};

struct CheckedBlock {
  const ast::Block *block = nullptr;
  const BlockSpec *spec = nullptr;
  std::optional<std::string> labelText;  // evaluated label; nullopt if none or broken
  std::vector<CheckedEntry> entries;     // with the contributions of used modules merged in
  std::vector<CheckedBlock> children;    // source order, modules expanded in place; unknown kinds left out

  /// The entry for a key if present and free of errors.
  const Value *get(const std::string &key) const;
  const CheckedEntry *entry(const std::string &key) const;
  bool hasLabel() const { return labelText.has_value(); }
  std::string label() const { return labelText.value_or(std::string()); }
  SourceRange labelRange() const { return block ? block->labelRange : SourceRange{}; }
  SourceRange range() const { return block ? block->range : SourceRange{}; }
};

/// Checks the image block: its own members first (modules expanded in place),
/// then its profiles, so shared module setup lands in the base image.
CheckedBlock checkImage(const ast::Block &image, Evaluator &evaluator, DiagnosticEngine &diags,
                        const ModuleTable &modules);

/// Checks a value against a type; reports and returns false on mismatch.
bool checkValueType(const Value &value, const TypeSpec &type, DiagnosticEngine &diags);

// The pieces checker.cpp builds on (type_check.cpp).

/// Checks one `key = value` / `key += value` against the block's spec and
/// records it in `out` (profile rules when `inProfile`; a module may repeat
/// a scalar the image sets to the same value when `fromModule`).
void checkAssignment(const ast::Assignment &a, const BlockSpec &spec, CheckedBlock &out, Evaluator &evaluator,
                     DiagnosticEngine &diags, bool inProfile, bool fromModule);
/// Adds an entry of shared module setup to `out`: collections merge, equal
/// scalars are accepted, different ones are reported.
void mergeEntry(CheckedBlock &out, CheckedEntry entry, DiagnosticEngine &diags);
/// A block's evaluated content as text, to recognise identical expansions.
std::string fingerprint(const CheckedBlock &block);

}  // namespace tdxc
