#include "frontend/type_check.h"

#include <fmt/format.h>

#include <algorithm>

#include "support/suggest.h"

namespace tdxc {

const CheckedEntry *CheckedBlock::entry(const std::string &key) const {
  for (const CheckedEntry &e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

const Value *CheckedBlock::get(const std::string &key) const {
  const CheckedEntry *e = entry(key);
  return e && !e->value.containsError() ? &e->value : nullptr;
}

bool checkValueType(const Value &value, const TypeSpec &type, DiagnosticEngine &diags) {
  if (value.isError()) return false;
  auto mismatch = [&]() {
    diags.report(DiagKind::TypeMismatch, value.range,
                 fmt::format("expected {}, found {}{}", type.describe(), kindName(value.kind),
                             value.kind == Value::Kind::List || value.kind == Value::Kind::Map
                                 ? std::string()
                                 : fmt::format(" {}", formatValue(value))));
    return false;
  };
  switch (type.kind) {
    case TypeSpec::Kind::String: return value.kind == Value::Kind::String || mismatch();
    case TypeSpec::Kind::Int: return value.kind == Value::Kind::Int || mismatch();
    case TypeSpec::Kind::Bool: return value.kind == Value::Kind::Bool || mismatch();
    case TypeSpec::Kind::Scalar:
      return value.kind == Value::Kind::String || value.kind == Value::Kind::Int || value.kind == Value::Kind::Bool ||
             mismatch();
    case TypeSpec::Kind::ScalarOrList:
      if (value.kind == Value::Kind::List) {
        bool ok = true;
        for (const Value &item : value.list) ok = checkValueType(item, stringType(), diags) && ok;
        return ok;
      }
      return checkValueType(value, TypeSpec{TypeSpec::Kind::Scalar, nullptr, {}}, diags);
    case TypeSpec::Kind::Enum: {
      if (value.kind != Value::Kind::String) return mismatch();
      for (const std::string &allowed : type.enumValues)
        if (allowed == value.str) return true;
      auto &d = diags.report(DiagKind::InvalidValue, value.range,
                             fmt::format("\"{}\" is not allowed here; expected {}", value.str, type.describe()));
      if (auto suggestion = closestMatch(value.str, type.enumValues)) {
        d.notes.push_back({{}, fmt::format("did you mean \"{}\"?", *suggestion)});
        d.fixits.push_back({value.range, "\"" + *suggestion + "\""});
      }
      return false;
    }
    case TypeSpec::Kind::List: {
      if (value.kind != Value::Kind::List) return mismatch();
      bool ok = true;
      for (const Value &item : value.list) ok = checkValueType(item, *type.element, diags) && ok;
      return ok;
    }
    case TypeSpec::Kind::Map: {
      if (value.kind != Value::Kind::Map) return mismatch();
      bool ok = true;
      for (const MapItem &item : value.map) ok = checkValueType(item.value, *type.element, diags) && ok;
      return ok;
    }
  }
  return false;
}

namespace {

bool isCollection(const TypeSpec &type) {
  return type.kind == TypeSpec::Kind::List || type.kind == TypeSpec::Kind::Map;
}

void reportUnknownKey(const ast::Assignment &a, const BlockSpec &spec, bool inProfile, DiagnosticEngine &diags) {
  auto &d = diags.report(DiagKind::UnknownKey, a.keyRange, fmt::format("unknown key '{}' in {}", a.key, spec.kind));
  if (inProfile && isImageOnlyKey(a.key)) {
    d.notes.push_back({{}, fmt::format("'{}' shapes the whole build and can only be set on the image", a.key)});
    return;
  }
  if (auto suggestion = closestMatch(a.key, spec.keyNames())) {
    d.notes.push_back({{}, fmt::format("did you mean '{}'?", *suggestion)});
    d.fixits.push_back({a.keyRange, *suggestion});
  }
}

void mergeInto(CheckedEntry &entry, Value value, DiagnosticEngine &diags) {
  if (entry.value.isError() || value.isError()) {
    entry.value = Value::error(value.range);
    return;
  }
  if (entry.value.kind == Value::Kind::List) {
    for (Value &item : value.list) entry.value.list.push_back(std::move(item));
    return;
  }
  for (MapItem &item : value.map) {
    bool duplicate = false;
    for (const MapItem &existing : entry.value.map)
      if (existing.key == item.key) {
        diags
            .report(DiagKind::DuplicateKey, item.keyRange,
                    fmt::format("'{}' is already set in {}", item.key, entry.key))
            .notes.push_back({existing.keyRange, "first set here"});
        duplicate = true;
      }
    if (!duplicate) entry.value.map.push_back(std::move(item));
  }
}

}  // namespace

void checkAssignment(const ast::Assignment &a, const BlockSpec &spec, CheckedBlock &out, Evaluator &evaluator,
                     DiagnosticEngine &diags, bool inProfile, bool fromModule) {
  const KeySpec *keySpec = spec.findKey(a.key);
  if (!keySpec && !spec.openKeys) {
    reportUnknownKey(a, spec, inProfile, diags);
    evaluator.evaluate(a.value);  // still check the value's own references
    return;
  }
  const TypeSpec &type = keySpec ? keySpec->type : spec.openKeyType;
  Value value = evaluator.evaluate(a.value);
  if (a.append && !isCollection(type)) {
    diags.report(DiagKind::AppendToScalar, a.keyRange,
                 fmt::format("'+=' needs a list or map, but '{}' is a {}; use '='", a.key, type.describe()));
    return;
  }
  if (!checkValueType(value, type, diags)) value = Value::error(value.range);
  if (inProfile && a.append && keySpec && keySpec->profileReplaces) {
    diags.report(DiagKind::ProfileOverride, a.keyRange,
                 fmt::format("in a profile, {} replaces the image's list; write '{} ='", a.key, a.key));
    return;
  }
  if (inProfile && !a.append && isCollection(type) && keySpec && !keySpec->profileReplaces) {
    diags.report(DiagKind::ProfileOverride, a.keyRange,
                 fmt::format("a profile cannot replace the base image's {}; profiles only add to lists: write '{} +='",
                             a.key, a.key));
    return;
  }

  for (CheckedEntry &existing : out.entries) {
    if (existing.key != a.key) continue;
    if (!a.append && (fromModule || existing.fromModule) && !isCollection(type) &&
        formatValue(existing.value) == formatValue(value)) {
      existing.fromModule = existing.fromModule && fromModule;
      return;  // a module and the image agree (e.g. both need network = true)
    }
    if (!a.append) {
      // '=' after '+=' would silently discard (or, merged, keep) the added
      // items; either reading surprises someone, so it is an error.
      diags
          .report(DiagKind::DuplicateKey, a.keyRange,
                  fmt::format("'{}' is already set in this {}; use '+=' to add to it", a.key, spec.kind))
          .notes.push_back({existing.keyRange, "first set here"});
      return;
    }
    if (!a.append) existing.assigned = true;
    mergeInto(existing, std::move(value), diags);
    return;
  }
  out.entries.push_back({a.key, a.keyRange, std::move(value), !a.append, fromModule});
}

void mergeEntry(CheckedBlock &out, CheckedEntry entry, DiagnosticEngine &diags) {
  for (CheckedEntry &existing : out.entries) {
    if (existing.key != entry.key) continue;
    bool collection = existing.value.kind == Value::Kind::List || existing.value.kind == Value::Kind::Map;
    if (collection && entry.value.kind == existing.value.kind) {
      mergeInto(existing, std::move(entry.value), diags);
    } else if (formatValue(existing.value) != formatValue(entry.value)) {
      diags
          .report(DiagKind::DuplicateKey, entry.keyRange,
                  fmt::format("'{}' is set to different values by shared module setup", entry.key))
          .notes.push_back({existing.keyRange, "first set here"});
    }
    return;
  }
  out.entries.push_back(std::move(entry));
}

// What a once { } block expanded to, as text: two expansions with the same
// fingerprint are the same setup and are emitted once.
std::string fingerprint(const CheckedBlock &block) {
  // fmt::format rather than "literal" + std::string: GCC 12 at -O3 reports a
  // false -Wrestrict on the latter.
  std::string out = fmt::format("{}\x1f{}{{", block.spec ? block.spec->kind : "", block.label());
  for (const CheckedEntry &e : block.entries)
    out += fmt::format("{}{}{};", e.key, e.assigned ? "=" : "+=", formatValue(e.value));
  for (const CheckedBlock &child : block.children) out += fingerprint(child);
  return out + "}";
}

}  // namespace tdxc
