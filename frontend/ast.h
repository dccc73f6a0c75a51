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
  // Not, And, Or, Equal and NotEqual are the boolean operators; Call is a
  // built-in function call such as to_json(x).
  enum class Kind {
    String,
    Int,
    Bool,
    Reference,
    List,
    Map,
    Concat,
    Not,
    And,
    Or,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    Call,
    Error
  };

  Kind kind = Kind::Error;
  SourceRange range;
  std::vector<StringPart> parts;  // String
  std::int64_t intValue = 0;      // Int
  bool boolValue = false;         // Bool
  std::string name;               // Reference, Call (the function)
  SourceRange nameRange;          // Call
  std::vector<Expr> items;        // List elements, operands (left to right), call arguments
  std::vector<MapEntry> entries;  // Map, in source order
};

struct TypeExpr {
  std::string name;  // string, int, bool, list, map, enum
  std::vector<TypeExpr> arguments;
  std::vector<std::string> enumValues;  // enum("a", "b")
  SourceRange range;
};

struct Block;
struct Use;
struct IfChain;

/// `assert CONDITION, "message"`: a module's check of its arguments.
struct Assertion {
  Expr condition;
  Expr message;
  SourceRange range;
};

struct Assignment {
  std::string key;
  SourceRange keyRange;
  bool append = false;  // '+=' instead of '='
  Expr value;
  SourceRange range;
  std::string doc;
};

/// One entry of a block body, in source order: exactly one pointer is set.
struct Member {
  std::optional<Assignment> assignment;
  std::unique_ptr<Block> block;
  std::unique_ptr<Use> use;
  std::unique_ptr<IfChain> ifChain;
  std::unique_ptr<Assertion> assertion;
};

struct Block {
  std::string kind;
  SourceRange kindRange;
  /// The label as written; labels may interpolate (service "${name}"), so
  /// sema evaluates labelExpr. `label` is the text without ${...} parts.
  std::optional<std::string> label;
  std::optional<Expr> labelExpr;
  SourceRange labelRange;
  std::vector<Member> members;
  SourceRange range;
  std::string doc;
};

/// `use Module "instance" { arg = value ... }`: expands a module in place.
struct Use {
  std::string module;
  SourceRange moduleRange;
  Block args;  // kind "use"; the label is the instance name
  SourceRange range;
};

/// `if c { } else if d { } else { }`: the first branch whose condition holds.
struct IfBranch {
  std::optional<Expr> condition;  // nullopt: else
  Block body;                     // kind "if"
};
struct IfChain {
  std::vector<IfBranch> branches;
  SourceRange range;
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

struct ParamDecl {
  std::string name;
  SourceRange nameRange;
  TypeExpr type;
  std::optional<Expr> defaultValue;  // nullopt: the argument is required
  std::string doc;
  SourceRange range;
};

/// `module Name { param ...; declarations }`: a reusable piece of an image.
struct ModuleDecl {
  std::string name;
  SourceRange nameRange;
  std::vector<ParamDecl> params;
  Block body;  // kind "module": the declarations, in source order
  std::string doc;
  SourceRange range;
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
  std::vector<ModuleDecl> modules;
};

}  // namespace tdxc::ast
