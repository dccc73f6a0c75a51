// The built-in functions of .tdx expressions. They are pure and total: the
// same arguments give the same text, so emitted trees stay deterministic.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic_engine.h"
#include "frontend/value.h"

namespace tdxc {

struct BuiltinInfo {
  std::string name;
  std::string signature;  // for docs and messages, e.g. "join(list<string>, string) -> string"
  std::string doc;
};

const std::vector<BuiltinInfo> &allBuiltins();

/// Calls a built-in with evaluated arguments (none of them an error value).
/// Reports E_UNKNOWN_FUNCTION / E_BAD_CALL and returns an error value.
Value callBuiltin(const std::string &name, SourceRange nameRange, const std::vector<Value> &args, SourceRange range,
                  DiagnosticEngine &diags);

/// Deep equality (== in .tdx); values of different kinds are never equal.
bool valuesEqual(const Value &a, const Value &b);

/// Renders a value as JSON (2-space indent, keys in source order) or as a
/// YAML block document (strings always double-quoted); both end without a
/// newline.
std::string toJson(const Value &value, int indent = 0);
std::string toYaml(const Value &value, int indent = 0);

}  // namespace tdxc
