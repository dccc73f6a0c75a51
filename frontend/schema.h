// The schema of every block kind: which keys it takes, their types, defaults
// and docs, and which blocks may nest inside it. Sema checks the AST against
// it; docs/language.md and the language server read the same table.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/value.h"

namespace tdxc {

struct TypeSpec {
  enum class Kind { String, Int, Bool, List, Map, Enum, Scalar, ScalarOrList };

  Kind kind = Kind::String;
  std::shared_ptr<TypeSpec> element;  // List and Map
  std::vector<std::string> enumValues;

  std::string describe() const;
};

TypeSpec stringType();
TypeSpec intType();
TypeSpec boolType();
TypeSpec listOf(TypeSpec element);
TypeSpec mapOf(TypeSpec element);
TypeSpec oneOf(std::vector<std::string> values);

struct KeySpec {
  std::string name;
  TypeSpec type;
  bool required = false;
  /// Lists normally only grow in profiles (+=); these keys are replaced instead.
  bool profileReplaces = false;
  std::string defaultText;  // for docs: the default as written in .tdx, or empty
  std::string doc;
};

struct BlockSpec {
  std::string kind;
  bool labelRequired = false;
  std::string labelMeaning;  // e.g. "the destination path in the image"
  std::vector<KeySpec> keys;
  std::vector<std::string> children;
  bool openKeys = false;  // any key is accepted with type openKeyType (raw mkosi keys)
  TypeSpec openKeyType;
  std::string doc;
  bool labelForbidden = false;  // e.g. debloat { }: one per scope, nothing to name

  const KeySpec *findKey(const std::string &name) const;
  std::vector<std::string> keyNames() const;
};

/// The spec for a block kind, or nullptr. "image" and "profile" are included.
const BlockSpec *findBlockSpec(const std::string &kind);
const std::vector<BlockSpec> &allBlockSpecs();

/// Keys of the image block that a profile may not set (they shape the whole
/// build: distribution, apt sources, tools tree, identity).
bool isImageOnlyKey(const std::string &key);

}  // namespace tdxc
