#include "frontend/builtins.h"

#include <fmt/format.h>

#include "support/quote.h"
#include "support/suggest.h"

namespace tdxc {

const std::vector<BuiltinInfo> &allBuiltins() {
  static const std::vector<BuiltinInfo> builtins = {
      {"to_json", "to_json(value) -> string", "The value as JSON: 2-space indent, map keys in source order."},
      {"to_yaml", "to_yaml(value) -> string",
       "The value as a YAML block document; strings are double-quoted, so no value is misread as a number or bool."},
      {"join", "join(list<string>, string) -> string", "The list's items with the separator between them."},
      {"shell_quote", "shell_quote(string) -> string",
       "The string as one bash word: unchanged if it has only safe characters, else single-quoted."},
      {"shell_words", "shell_words(list<string>) -> string",
       "The items as bash words (each as by shell_quote), separated by spaces: a command line or an array body."},
      {"contains", "contains(list, value) -> bool", "Whether the list has an item equal to the value."},
      {"keys", "keys(map) -> list<string>", "The map's keys, in source order."},
      {"values", "values(map) -> list", "The map's values, in source order."},
      {"read_file", "read_file(string) -> string",
       "The content of a file, relative to the .tdx file that contains the call (for build inputs such as a kernel "
       "config)."},
  };
  return builtins;
}

namespace {

std::string pad(int indent) { return std::string(static_cast<std::size_t>(indent), ' '); }

bool equalValues(const Value &a, const Value &b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::String: return a.str == b.str;
    case Value::Kind::Int: return a.integer == b.integer;
    case Value::Kind::Bool: return a.boolean == b.boolean;
    case Value::Kind::List:
      if (a.list.size() != b.list.size()) return false;
      for (std::size_t i = 0; i < a.list.size(); ++i)
        if (!equalValues(a.list[i], b.list[i])) return false;
      return true;
    case Value::Kind::Map:
      if (a.map.size() != b.map.size()) return false;
      for (std::size_t i = 0; i < a.map.size(); ++i)
        if (a.map[i].key != b.map[i].key || !equalValues(a.map[i].value, b.map[i].value)) return false;
      return true;
    case Value::Kind::Error: return false;
  }
  return false;
}

std::string yamlScalar(const Value &value) {
  switch (value.kind) {
    case Value::Kind::String: return quoteJsonString(value.str);
    case Value::Kind::Int: return std::to_string(value.integer);
    case Value::Kind::Bool: return value.boolean ? "true" : "false";
    case Value::Kind::List: return "[]";
    case Value::Kind::Map: return "{}";
    case Value::Kind::Error: return "null";
  }
  return "null";
}

bool isNonEmptyCollection(const Value &value) {
  return (value.kind == Value::Kind::List && !value.list.empty()) ||
         (value.kind == Value::Kind::Map && !value.map.empty());
}

}  // namespace

bool valuesEqual(const Value &a, const Value &b) { return equalValues(a, b); }

std::string toJson(const Value &value, int indent) {
  switch (value.kind) {
    case Value::Kind::List: {
      if (value.list.empty()) return "[]";
      std::string out = "[\n";
      for (std::size_t i = 0; i < value.list.size(); ++i)
        out += pad(indent + 2) + toJson(value.list[i], indent + 2) + (i + 1 < value.list.size() ? ",\n" : "\n");
      return out + pad(indent) + "]";
    }
    case Value::Kind::Map: {
      if (value.map.empty()) return "{}";
      std::string out = "{\n";
      for (std::size_t i = 0; i < value.map.size(); ++i)
        out += pad(indent + 2) + quoteJsonString(value.map[i].key) + ": " + toJson(value.map[i].value, indent + 2) +
               (i + 1 < value.map.size() ? ",\n" : "\n");
      return out + pad(indent) + "}";
    }
    default: return yamlScalar(value);
  }
}

std::string toYaml(const Value &value, int indent) {
  std::string out;
  if (value.kind == Value::Kind::Map && !value.map.empty()) {
    for (const MapItem &item : value.map) {
      if (!out.empty()) out += "\n";
      out += pad(indent) + quoteJsonString(item.key) + ":";
      out += isNonEmptyCollection(item.value) ? fmt::format("\n{}", toYaml(item.value, indent + 2))
                                              : fmt::format(" {}", yamlScalar(item.value));
    }
    return out;
  }
  if (value.kind == Value::Kind::List && !value.list.empty()) {
    for (const Value &item : value.list) {
      if (!out.empty()) out += "\n";
      if (isNonEmptyCollection(item)) {
        // "- " then the nested block, its first line on the dash's line.
        std::string nested = toYaml(item, indent + 2);
        out += pad(indent) + "- " + nested.substr(static_cast<std::size_t>(indent) + 2);
      } else {
        out += pad(indent) + "- " + yamlScalar(item);
      }
    }
    return out;
  }
  return pad(indent) + yamlScalar(value);
}

Value callBuiltin(const std::string &name, SourceRange nameRange, const std::vector<Value> &args, SourceRange range,
                  DiagnosticEngine &diags) {
  const BuiltinInfo *info = nullptr;
  for (const BuiltinInfo &builtin : allBuiltins())
    if (builtin.name == name) info = &builtin;
  if (info == nullptr) {
    std::vector<std::string> names;
    for (const BuiltinInfo &builtin : allBuiltins()) names.push_back(builtin.name);
    auto &d = diags.report(DiagKind::UnknownFunction, nameRange, fmt::format("there is no function '{}'", name));
    if (auto suggestion = closestMatch(name, names)) {
      d.notes.push_back({{}, fmt::format("did you mean '{}'?", *suggestion)});
      d.fixits.push_back({nameRange, *suggestion});
    }
    return Value::error(range);
  }
  auto bad = [&](const std::string &why) {
    diags.report(DiagKind::BadCall, range, fmt::format("{}: {}; expected {}", name, why, info->signature));
    return Value::error(range);
  };
  auto arity = [&](std::size_t n) { return args.size() == n; };
  if (name == "read_file") return bad("only available while compiling a file");  // see Evaluator::readFile
  if (name == "to_json" || name == "to_yaml") {
    if (!arity(1)) return bad(fmt::format("{} arguments", args.size()));
    return Value::ofString(name == "to_json" ? toJson(args[0]) : toYaml(args[0]), range);
  }
  if (name == "join") {
    if (!arity(2)) return bad(fmt::format("{} arguments", args.size()));
    if (args[0].kind != Value::Kind::List || args[1].kind != Value::Kind::String)
      return bad(fmt::format("called with a {} and a {}", kindName(args[0].kind), kindName(args[1].kind)));
    std::string out;
    for (std::size_t i = 0; i < args[0].list.size(); ++i) {
      const Value &item = args[0].list[i];
      if (item.kind != Value::Kind::String) return bad("the list has an item that is not a string");
      out += (i ? args[1].str : "") + item.str;
    }
    return Value::ofString(std::move(out), range);
  }
  if (name == "shell_quote") {
    if (!arity(1)) return bad(fmt::format("{} arguments", args.size()));
    if (args[0].kind != Value::Kind::String) return bad(fmt::format("called with a {}", kindName(args[0].kind)));
    return Value::ofString(shellQuote(args[0].str), range);
  }
  if (name == "shell_words") {
    if (!arity(1)) return bad(fmt::format("{} arguments", args.size()));
    if (args[0].kind != Value::Kind::List) return bad(fmt::format("called with a {}", kindName(args[0].kind)));
    std::string out;
    for (const Value &item : args[0].list) {
      if (item.kind != Value::Kind::String) return bad("the list has an item that is not a string");
      if (!out.empty()) out += ' ';
      out += shellQuote(item.str);
    }
    return Value::ofString(std::move(out), range);
  }
  if (name == "keys" || name == "values") {
    if (!arity(1)) return bad(fmt::format("{} arguments", args.size()));
    if (args[0].kind != Value::Kind::Map) return bad(fmt::format("called with a {}", kindName(args[0].kind)));
    Value out = Value::error(range);
    out.kind = Value::Kind::List;
    for (const MapItem &item : args[0].map)
      out.list.push_back(name == "keys" ? Value::ofString(item.key, item.keyRange) : item.value);
    return out;
  }
  // contains
  if (!arity(2)) return bad(fmt::format("{} arguments", args.size()));
  if (args[0].kind != Value::Kind::List) return bad(fmt::format("called with a {}", kindName(args[0].kind)));
  for (const Value &item : args[0].list)
    if (equalValues(item, args[1])) return Value::ofBool(true, range);
  return Value::ofBool(false, range);
}

}  // namespace tdxc
