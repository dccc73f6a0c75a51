#include "frontend/value.h"

#include <fmt/format.h>

#include "support/quote.h"

namespace tdxc {

Value Value::error(SourceRange range) {
  Value v;
  v.range = range;
  return v;
}

Value Value::ofString(std::string text, SourceRange range) {
  Value v = error(range);
  v.kind = Kind::String;
  v.str = std::move(text);
  return v;
}

Value Value::ofInt(std::int64_t number, SourceRange range) {
  Value v = error(range);
  v.kind = Kind::Int;
  v.integer = number;
  return v;
}

Value Value::ofBool(bool flag, SourceRange range) {
  Value v = error(range);
  v.kind = Kind::Bool;
  v.boolean = flag;
  return v;
}

bool Value::containsError() const {
  if (kind == Kind::Error) return true;
  for (const Value &item : list)
    if (item.containsError()) return true;
  for (const MapItem &item : map)
    if (item.value.containsError()) return true;
  return false;
}

const Value *Value::find(std::string_view key) const {
  for (const MapItem &item : map)
    if (item.key == key) return &item.value;
  return nullptr;
}

std::string_view kindName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::String: return "string";
    case Value::Kind::Int: return "int";
    case Value::Kind::Bool: return "bool";
    case Value::Kind::List: return "list";
    case Value::Kind::Map: return "map";
    case Value::Kind::Error: return "error";
  }
  return "error";
}

namespace {
std::string quote(std::string_view text) { return quoteTdxString(text, true); }
}  // namespace

std::string formatValue(const Value &value) {
  switch (value.kind) {
    case Value::Kind::String: return quote(value.str);
    case Value::Kind::Int: return std::to_string(value.integer);
    case Value::Kind::Bool: return value.boolean ? "true" : "false";
    case Value::Kind::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.list.size(); ++i) out += (i ? ", " : "") + formatValue(value.list[i]);
      return out + "]";
    }
    case Value::Kind::Map: {
      std::string out = "{";
      for (std::size_t i = 0; i < value.map.size(); ++i)
        out += fmt::format("{}{} = {}", i ? ", " : "", quote(value.map[i].key), formatValue(value.map[i].value));
      return out + "}";
    }
    case Value::Kind::Error: return "<error>";
  }
  return "<error>";
}

}  // namespace tdxc
