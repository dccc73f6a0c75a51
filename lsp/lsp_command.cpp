#include "lsp/lsp_command.h"

#include <string_view>

#include "lsp/server.h"
#include "lsp/transport.h"

namespace tdxc::lsp {
namespace {

constexpr const char *kLspHelp = R"(Usage: tdxc lsp [--stdio]

Runs the .tdx language server on stdin and stdout (JSON-RPC with
Content-Length framing, LSP 3.17). Editors start it themselves; see
docs/editors.md. Diagnostics are those of 'tdxc check'.

Exit status: 0 after shutdown and exit, 1 if the input ended without them.
)";

}  // namespace

int serve(std::istream &in, std::ostream &out, std::ostream &log, std::shared_ptr<const ParsedStdlib> stdlib) {
  Server server(
      [&](const json &message) { writeMessage(out, message.dump(-1, ' ', false, json::error_handler_t::replace)); },
      std::move(stdlib));
  MessageReader reader(in);
  std::string body, error;
  while (!server.exited()) {
    switch (reader.read(body, error)) {
      case MessageReader::Status::Eof: return server.exitCode() == 0 ? 0 : 1;
      case MessageReader::Status::Malformed: log << "tdxc lsp: skipped a malformed message: " << error << '\n'; break;
      case MessageReader::Status::Message: server.handle(body); break;
    }
  }
  return server.exitCode();
}

int runLspCommand(int argc, char **argv, std::istream &in, std::ostream &out, std::ostream &err) {
  for (int i = 2; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "-h" || a == "--help") {
      out << kLspHelp;
      return 0;
    }
    if (a != "--stdio") {  // VS Code's client passes --stdio
      err << "tdxc: lsp: unknown option '" << a << "'\n(run 'tdxc lsp --help' for usage)\n";
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  return serve(in, out, err);
}

}  // namespace tdxc::lsp
