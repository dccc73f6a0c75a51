// Parsing: source text to AST. This is the frontend's only entry point into
// ANTLR; the implementation (ast_builder.cpp) is the only file that includes it.
#pragma once

#include "diag/diagnostic_engine.h"
#include "frontend/ast.h"

namespace tdxc {

/// Parses one file with error recovery. Always returns a File; problems are
/// reported to `diags`. Invalid UTF-8 is reported and yields an empty File.
ast::File parseFile(const SourceFile &source, DiagnosticEngine &diags);

/// Decodes the body of a "..." literal (without quotes) into parts, reporting
/// bad escapes and malformed ${...}. `bodyRange` locates the body in the file.
std::vector<ast::StringPart> decodeStringLiteral(std::string_view body, SourceRange bodyRange, DiagnosticEngine &diags);

/// Removes the common indentation of a """...""" literal body (see docs/language.md).
std::string dedentRawString(std::string_view body);

}  // namespace tdxc
