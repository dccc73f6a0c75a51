// Evaluated values. Every value remembers the source range it came from, so a
// type error points at the offending literal even when it came from a constant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/source_file.h"

namespace tdxc {

struct MapItem;

struct Value {
  enum class Kind { String, Int, Bool, List, Map, Error };

  Kind kind = Kind::Error;
  SourceRange range;
  std::string str;
  std::int64_t integer = 0;
  bool boolean = false;
  std::vector<Value> list;
  std::vector<MapItem> map;  // source order; keys unique (checked on evaluation)

  // Defined out of line: MapItem is incomplete here, and clang instantiates
  // the vector's members for inline bodies.
  static Value error(SourceRange range);
  static Value ofString(std::string text, SourceRange range);
  static Value ofInt(std::int64_t number, SourceRange range);
  static Value ofBool(bool flag, SourceRange range);

  bool isError() const { return kind == Kind::Error; }
  /// True if this value or anything inside it is an error (already reported).
  bool containsError() const;
  const Value *find(std::string_view key) const;
};

struct MapItem {
  std::string key;
  SourceRange keyRange;
  Value value;
};

std::string_view kindName(Value::Kind kind);
/// The value as tdxc source text (used by dumps and messages).
std::string formatValue(const Value &value);

}  // namespace tdxc
