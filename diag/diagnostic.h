// The diagnostic model shared by the terminal renderer, JSON output, --verify
// and (later) the language server.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/source_file.h"

namespace tdxc {

enum class Severity { Error, Warning, Note };

enum class DiagKind {
#define TDXC_DIAG(Name, Code, Sev, Summary) Name,
#include "diag/diagnostic_kinds.def"
#undef TDXC_DIAG
};

struct DiagKindInfo {
  DiagKind kind;
  std::string_view code;
  Severity severity;
  std::string_view summary;
};

const DiagKindInfo &diagInfo(DiagKind kind);
const std::vector<DiagKindInfo> &allDiagKinds();
std::string_view severityName(Severity severity);

struct DiagNote {
  SourceRange range;  // may be invalid: a note without a location
  std::string message;
};

/// Replace `range` with `replacement` to fix the problem.
struct FixIt {
  SourceRange range;
  std::string replacement;
};

struct Diagnostic {
  DiagKind kind;
  SourceRange range;  // invalid for problems without a source location
  std::string message;
  std::vector<DiagNote> notes;
  std::vector<FixIt> fixits;
  /// Where the problem was instantiated ("in module X, used here"), innermost
  /// first; appended to the notes when diagnostics are read.
  std::vector<DiagNote> context;

  Severity severity() const { return diagInfo(kind).severity; }
  std::string_view code() const { return diagInfo(kind).code; }
};

}  // namespace tdxc
