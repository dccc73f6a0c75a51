// `tdxc lsp`: the language server on stdin/stdout.
#pragma once

#include <istream>
#include <ostream>

namespace tdxc::lsp {

/// Serves until `exit` or the end of input. argv[1] is "lsp".
int runLspCommand(int argc, char **argv, std::istream &in, std::ostream &out, std::ostream &err);

/// The message loop on any streams (used by the command, tests and the fuzzer).
int serve(std::istream &in, std::ostream &out, std::ostream &log);

}  // namespace tdxc::lsp
