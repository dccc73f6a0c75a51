// Subcommands. Each returns the process exit status: 0 ok, 1 input errors.
#pragma once

#include <ostream>

#include "diag/diagnostic_engine.h"
#include "driver/options.h"

namespace tdxc {

int runCompile(const Options &options, std::ostream &out, std::ostream &err);
int runCheck(const Options &options, std::ostream &out, std::ostream &err);
int runExplain(const Options &options, std::ostream &out, std::ostream &err);
int runDoc(const Options &options, std::ostream &out, std::ostream &err);
int runLock(const Options &options, std::ostream &out, std::ostream &err);
int runBake(const Options &options, std::ostream &out, std::ostream &err);
/// tdxc fmt parses its own arguments (argv[1] is "fmt").
int runFmt(int argc, char **argv, std::ostream &out, std::ostream &err);

/// Prints diagnostics (or verifies them) and turns the run into an exit status.
int finishDiagnostics(const Options &options, const SourceManager &sources, const DiagnosticEngine &diags,
                      std::ostream &out, std::ostream &err);

}  // namespace tdxc
