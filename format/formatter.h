// The .tdx formatter, shared by `tdxc fmt` and the language server. The
// canonical style is described in docs/formatting.md. The formatter changes
// only the whitespace between tokens: token texts, comments and string
// contents are copied byte for byte, so formatting cannot change the parse.
#pragma once

#include <string>

#include "diag/diagnostic_engine.h"

namespace tdxc::format {

enum class FormatStatus {
  Ok,
  /// The file does not lex or parse; the reasons are in the diagnostics.
  /// Broken code is left alone rather than guessed at.
  SyntaxErrors,
  /// The formatted text would not have the same tokens (a formatter bug);
  /// the text is left unchanged.
  InternalError,
};

struct FormatResult {
  FormatStatus status = FormatStatus::Ok;
  std::string text;  // the formatted text when status is Ok
};

/// Formats one source file. Lexical and syntax errors go to `diags`.
FormatResult formatSource(const SourceFile &source, DiagnosticEngine &diags);

}  // namespace tdxc::format
