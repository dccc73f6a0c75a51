// `tdxc lsp`: the language server on stdin/stdout.
#pragma once

#include <istream>
#include <memory>
#include <ostream>

#include "frontend/parsed_stdlib.h"

namespace tdxc::lsp {

/// Serves until `exit` or the end of input. argv[1] is "lsp".
int runLspCommand(int argc, char **argv, std::istream &in, std::ostream &out, std::ostream &err);

/// The message loop on any streams (used by the command and the fuzzer,
/// which passes a stdlib parsed once for all runs).
int serve(std::istream &in, std::ostream &out, std::ostream &log, std::shared_ptr<const ParsedStdlib> stdlib = nullptr);

}  // namespace tdxc::lsp
