// Parsing: source text to AST. This is the frontend's only entry point into
// ANTLR; the implementation (ast_builder.cpp) is the only file that includes it.
#pragma once

#include "diag/diagnostic_engine.h"
#include "frontend/ast.h"
#include "frontend/tokens.h"

namespace tdxc {

/// Parses one file with error recovery. Always returns a File; problems are
/// reported to `diags`. Invalid UTF-8 is reported and yields an empty File.
ast::File parseFile(const SourceFile &source, DiagnosticEngine &diags);
/// Same, and appends the file's tokens (comments included, as lexTokens()
/// gives them) to `tokens`, from the same run of the lexer.
ast::File parseFile(const SourceFile &source, DiagnosticEngine &diags, std::vector<Token> *tokens);

/// Decodes the body of a "..." literal (without quotes) into parts, reporting
/// bad escapes and malformed ${...}. `bodyRange` locates the body in the file.
std::vector<ast::StringPart> decodeStringLiteral(std::string_view body, SourceRange bodyRange, DiagnosticEngine &diags);

/// Removes the common indentation of a """...""" literal body (see docs/language.md).
std::string dedentRawString(std::string_view body);

}  // namespace tdxc
