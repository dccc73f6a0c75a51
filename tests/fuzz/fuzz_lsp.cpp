// libFuzzer target: the language server's message path. Nothing a client
// sends may crash or hang the server.
//
// The input is read twice:
//  1. as the raw byte stream on stdin (framing, headers, JSON parsing);
//  2. as a script of messages, so that the fuzzer reaches the features with
//     arbitrary documents and positions: the input is split at "\n--\n", and
//     the first byte of each piece picks a message (open/change with the rest
//     as the text, a request at a position taken from the next bytes, the
//     lifecycle, or the rest as a raw JSON body). The server answers into a
//     sink; answers are serialized, as they would be on stdout.
// There is no try/catch: the server must never throw.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/lsp_command.h"
#include "lsp/server.h"

namespace {

using tdxc::lsp::json;

constexpr const char *kUri = "file:///nonexistent-fuzz-dir/doc.tdx";

json request(int id, const std::string &method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

json notification(const std::string &method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json textDocument() { return {{"uri", kUri}}; }

// A position from bytes[from] and bytes[from + 1]; missing bytes read as 0
// (the piece may be shorter than that).
json position(std::string_view bytes, std::size_t from = 0) {
  auto byte = [&](std::size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0u; };
  return {{"line", byte(from) % 64}, {"character", byte(from + 1) % 128}};
}

std::vector<std::string_view> pieces(std::string_view input) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t at = input.find("\n--\n");
    out.push_back(input.substr(0, at));
    if (at == std::string_view::npos) return out;
    input.remove_prefix(at + 4);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  // Go-to-definition writes the stdlib to the cache directory once.
  setenv("XDG_CACHE_HOME", "fuzz-cache", 1);
  return 0;
}

// Parsed once: the stdlib is the same for every run.
std::shared_ptr<const tdxc::ParsedStdlib> sharedStdlib() {
  static auto stdlib = std::make_shared<const tdxc::ParsedStdlib>();
  return stdlib;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char *>(data), size);

  std::istringstream in{std::string(input)};
  std::ostringstream out, log;
  (void)tdxc::lsp::serve(in, out, log, sharedStdlib());

  std::size_t written = 0;
  tdxc::lsp::Server server(
      [&](const json &message) { written += message.dump(-1, ' ', false, json::error_handler_t::replace).size(); });
  server.handle(request(0, "initialize", {{"capabilities", json::object()}}).dump());
  int id = 1;
  for (std::string_view piece : pieces(input)) {
    if (piece.empty() || server.exited()) continue;
    unsigned char op = static_cast<unsigned char>(piece[0]);
    std::string_view rest = piece.substr(1);
    // Text from the input may be invalid UTF-8; json::dump would throw on
    // it, so the client side replaces it, as a real client's encoder would.
    json text = json::parse(json(std::string(rest)).dump(-1, ' ', false, json::error_handler_t::replace));
    switch (op % 14) {
      case 0:
        server.handle(
            notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", id}, {"text", text}}}})
                .dump());
        break;
      case 1:
        server.handle(notification("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", id}}},
                                                              {"contentChanges", json::array({{{"text", text}}})}})
                          .dump());
        break;
      case 2:
        server.handle(
            notification(
                "textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", id}}},
                 {"contentChanges",
                  json::array({{{"range", {{"start", position(rest)}, {"end", position(rest, 1)}}}, {"text", text}}})}})
                .dump());
        break;
      case 3:
        server.handle(
            request(id, "textDocument/hover", {{"textDocument", textDocument()}, {"position", position(rest)}}).dump());
        break;
      case 4:
        server.handle(
            request(id, "textDocument/completion", {{"textDocument", textDocument()}, {"position", position(rest)}})
                .dump());
        break;
      case 5:
        server.handle(
            request(id, "textDocument/definition", {{"textDocument", textDocument()}, {"position", position(rest)}})
                .dump());
        break;
      case 6:
        server.handle(request(id, "textDocument/documentSymbol", {{"textDocument", textDocument()}}).dump());
        break;
      case 7: server.handle(request(id, "textDocument/foldingRange", {{"textDocument", textDocument()}}).dump()); break;
      case 8:
        server.handle(
            request(id, "textDocument/formatting", {{"textDocument", textDocument()}, {"options", json::object()}})
                .dump());
        break;
      case 9:
        server.handle(request(id, "textDocument/codeAction",
                              {{"textDocument", textDocument()},
                               {"range", {{"start", position(rest)}, {"end", position(rest, 1)}}},
                               {"context", {{"diagnostics", json::array()}}}})
                          .dump());
        break;
      case 10: server.handle(notification("textDocument/didClose", {{"textDocument", textDocument()}}).dump()); break;
      case 11: server.handle(request(id, "shutdown", nullptr).dump()); break;
      case 12: server.handle(notification("exit", nullptr).dump()); break;
      default: server.handle(std::string(rest)); break;  // a raw body: any JSON, or none
    }
    ++id;
  }
  return written == 0 ? 1 : 0;  // initialize always answers; 1 would be a bug, not a crash
}
