#include "lsp/server.h"

#include "lsp/features.h"
#include "lsp/uri.h"

namespace tdxc::lsp {
namespace {

// A request failed for a reason the client should show (not a bug).
struct RequestFailed {
  int code;
  std::string message;
};

json capabilities() {
  return {
      {"positionEncoding", "utf-16"},
      // Full text on every change; a save re-checks the other open files,
      // which read the saved file when they import it.
      {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"completionProvider", {{"triggerCharacters", json::array({"\"", "=", "{"})}}},
      {"definitionProvider", true},
      {"documentSymbolProvider", true},
      {"documentFormattingProvider", true},
      {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
      {"foldingRangeProvider", true},
  };
}

}  // namespace

Server::Server(std::function<void(const json &)> send, std::shared_ptr<const ParsedStdlib> stdlib)
    : send_(std::move(send)), stdlib_(stdlib ? std::move(stdlib) : std::make_shared<const ParsedStdlib>()) {}

void Server::reply(const json &id, json result) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::replyError(const json &id, int code, const std::string &message) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::handle(const std::string &body) {
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) return replyError(nullptr, error_code::kParseError, "the message is not valid JSON");
  if (!message.is_object()) return replyError(nullptr, error_code::kInvalidRequest, "a message must be a JSON object");
  auto method = message.find("method");
  auto id = message.find("id");
  bool hasId = id != message.end() && (id->is_number_integer() || id->is_string());
  if (method == message.end() || !method->is_string()) {
    // A response to a request of ours (there are none) or garbage.
    if (hasId || id == message.end()) return;
    return replyError(nullptr, error_code::kInvalidRequest, "a message needs a string 'method'");
  }
  // A reference, not a copy: copying a deeply nested value recurses.
  static const json kNoParams = json::object();
  auto paramsIt = message.find("params");
  const json &params = paramsIt == message.end() ? kNoParams : *paramsIt;
  std::string name = method->get<std::string>();
  if (id != message.end() && !hasId)
    return replyError(nullptr, error_code::kInvalidRequest, "'id' must be an integer or a string");
  try {
    if (!hasId) return dispatchNotification(name, params);
    if (name != "initialize" && !initialized_)
      return replyError(*id, error_code::kServerNotInitialized, "the server has not been initialized");
    if (shutdown_) return replyError(*id, error_code::kInvalidRequest, "the server is shutting down");
    reply(*id, dispatchRequest(name, params));
  } catch (const RequestFailed &failure) {
    replyError(hasId ? *id : json(nullptr), failure.code, failure.message);
  } catch (const json::exception &e) {
    if (hasId) replyError(*id, error_code::kInvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception &e) {
    if (hasId) replyError(*id, error_code::kInternalError, std::string("internal error: ") + e.what());
  }
}

json Server::initialize(const json &params) {
  (void)params;  // full sync and UTF-16 positions suit every client
  if (initialized_) throw RequestFailed{error_code::kInvalidRequest, "initialize was already received"};
  initialized_ = true;
  return {{"capabilities", capabilities()}, {"serverInfo", {{"name", "tdxc"}, {"version", "0.1.0"}}}};
}

json Server::dispatchRequest(const std::string &method, const json &params) {
  if (method == "initialize") return initialize(params);
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  bool known = method == "textDocument/hover" || method == "textDocument/completion" ||
               method == "textDocument/definition" || method == "textDocument/documentSymbol" ||
               method == "textDocument/formatting" || method == "textDocument/codeAction" ||
               method == "textDocument/foldingRange";
  if (!known) throw RequestFailed{error_code::kMethodNotFound, "unsupported method: " + method};
  const Document *doc = find(params);
  if (doc == nullptr) return nullptr;  // not open: nothing to say
  if (method == "textDocument/hover") return hover(*doc, readPosition(params.at("position")));
  if (method == "textDocument/completion") return completion(*doc, readPosition(params.at("position")));
  if (method == "textDocument/definition") return definition(*doc, readPosition(params.at("position")));
  if (method == "textDocument/documentSymbol") return documentSymbols(*doc);
  if (method == "textDocument/foldingRange") return foldingRanges(*doc);
  if (method == "textDocument/codeAction") return codeActions(*doc, readRange(params.at("range")));
  std::optional<json> edits = formatting(*doc);
  if (!edits) throw RequestFailed{error_code::kRequestFailed, "the file has syntax errors; fix them to format it"};
  return *edits;
}

void Server::dispatchNotification(const std::string &method, const json &params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // the protocol says: drop them
  if (method == "textDocument/didOpen") return open(params);
  if (method == "textDocument/didChange") return change(params);
  if (method == "textDocument/didClose") return close(params);
  if (method == "textDocument/didSave") return saved(params);
  // initialized, $/cancelRequest, $/setTrace...: nothing to do.
}

const Document *Server::find(const json &params) const {
  auto it = documents_.find(documentUri(params));
  return it == documents_.end() ? nullptr : &it->second;
}

void Server::analyze(Document &doc, std::string text) {
  doc.analysis = analyzeDocument(doc.path, std::move(text), *stdlib_);
  send_({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", publishDiagnostics(doc)}});
}

void Server::open(const json &params) {
  const json &item = params.at("textDocument");
  Document doc;
  doc.uri = item.at("uri").get<std::string>();
  doc.path = uriToPath(doc.uri).value_or(doc.uri);
  doc.version = item.contains("version") ? readInteger(item["version"]) : 0;
  std::string text = item.at("text").get<std::string>();
  analyze(documents_[doc.uri] = std::move(doc), std::move(text));
}

void Server::change(const json &params) {
  auto it = documents_.find(documentUri(params));
  if (it == documents_.end()) return;
  Document &doc = it->second;
  std::string text = doc.text();
  for (const json &change : params.at("contentChanges")) {
    if (!change.contains("range")) {
      text = change.at("text").get<std::string>();
      continue;
    }
    // Incremental edits are not advertised, but are applied correctly.
    LineIndex lines(text);
    Range range = readRange(change.at("range"));
    std::uint32_t begin = lines.offset(range.start), end = lines.offset(range.end);
    if (end < begin) std::swap(begin, end);
    text.replace(begin, end - begin, change.at("text").get<std::string>());
  }
  const json &id = params.at("textDocument");
  if (id.contains("version") && !id["version"].is_null()) doc.version = readInteger(id["version"]);
  analyze(doc, std::move(text));
}

// Imports are read from disk, so a saved file can change what the other
// open documents see: analyse them again (in URI order: deterministic).
void Server::saved(const json &params) {
  std::string uri = documentUri(params);
  for (auto &[otherUri, doc] : documents_)
    if (otherUri != uri) analyze(doc, doc.text());
}

void Server::close(const json &params) {
  std::string uri = documentUri(params);
  if (documents_.erase(uri) == 0) return;
  // Closing clears the file's diagnostics in the editor.
  send_({{"jsonrpc", "2.0"},
         {"method", "textDocument/publishDiagnostics"},
         {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

}  // namespace tdxc::lsp
