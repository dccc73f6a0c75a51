// --verify: checks the diagnostics of a run against expectations written in
// the sources themselves, so a diagnostic test sits next to its bad line:
//
//   pakages = ["x"]   // expected-error E_UNKNOWN_KEY {{did you mean}}
//   // expected-error@+1 E_TYPE_MISMATCH
//   arch = 3
//   // expected-error@* E_UNKNOWN_VAR   (a diagnostic without a location)
//
// @N is an absolute line, @+N/@-N relative to the comment's line. The
// {{...}} text must occur in the message or in one of its notes. Every
// error and warning must be expected, and every expectation must be met.
#pragma once

#include <ostream>
#include <vector>

#include "diag/diagnostic.h"

namespace tdxc {

/// Returns true when diagnostics and expectations match one to one; otherwise
/// prints each mismatch to `out`.
bool verifyDiagnostics(const SourceManager &sources, const std::vector<Diagnostic> &diagnostics, std::ostream &out);

}  // namespace tdxc
