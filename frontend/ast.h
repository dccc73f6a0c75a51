// The .tdx syntax tree. Plain data with source ranges and doc comments; no
// ANTLR types (only ast_builder.cpp sees the parse tree). Broken regions show up
// as Expr::Kind::Error or are left out, so later stages never see a null.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/source_file.h"

namespace tdxc::ast {

/// One piece of a string literal: literal text or a ${name} reference.
struct StringPart {
  bool isReference = false;
  std::string text;   // decoded literal text, or the referenced name
  SourceRange range;  // the source text of this part
};

struct Expr;

struct MapEntry {
  std::string key;
  SourceRange keyRange;
  std::unique_ptr<Expr> value;
};

struct Expr {
  enum class Kind { String, Int, Bool, Reference, List, Map, Concat, Error };

  Kind kind = Kind::Error;
  SourceRange range;
  std::vector<StringPart> parts;  // String
  std::int64_t intValue = 0;      // Int
  bool boolValue = false;         // Bool
  std::string name;               // Reference
  std::vector<Expr> items;        // List elements, Concat operands (left to right)
  std::vector<MapEntry> entries;  // Map, in source order
};

struct TypeExpr {
  std::string name;  // string, int, bool, list, map
  std::vector<TypeExpr> arguments;
  SourceRange range;
};

struct Block;

struct Assignment {
  std::string key;
  SourceRange keyRange;
  bool append = false;  // '+=' instead of '='
  Expr value;
  SourceRange range;
  std::string doc;
};

/// One entry of a block body, in source order.
struct Member {
  std::optional<Assignment> assignment;
  std::unique_ptr<Block> block;
};

struct Block {
  std::string kind;
  SourceRange kindRange;
  std::optional<std::string> label;
  SourceRange labelRange;
  std::vector<Member> members;
  SourceRange range;
  std::string doc;
};

struct Import {
  std::string path;
  SourceRange range;  // the path literal
};

struct ConstDecl {
  std::string name;
  SourceRange nameRange;
  std::optional<TypeExpr> type;
  Expr value;
  std::string doc;
};

struct VarDecl {
  std::string name;
  SourceRange nameRange;
  std::optional<TypeExpr> type;
  std::optional<Expr> defaultValue;
  std::string doc;
};

struct ImageDecl {
  std::string name;
  SourceRange nameRange;
  Block body;  // kind "image"
  std::string doc;
};

struct File {
  FileId file = kNoFile;
  std::vector<Import> imports;
  std::vector<ConstDecl> consts;
  std::vector<VarDecl> vars;
  std::vector<ImageDecl> images;
};

}  // namespace tdxc::ast
