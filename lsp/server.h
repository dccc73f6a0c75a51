// The language server: JSON-RPC dispatch, the lifecycle (initialize,
// shutdown, exit) and the open documents. Messages are handled one at a time,
// in order; each change is analysed at once and its diagnostics published,
// so the same message sequence always produces the same replies.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "frontend/parsed_stdlib.h"
#include "lsp/document.h"
#include "lsp/protocol.h"

namespace tdxc::lsp {

class Server {
 public:
  /// `send` writes one message (response or notification) to the client.
  /// `stdlib` may be shared between servers (the fuzzer, benchmarks); by
  /// default the server parses its own.
  explicit Server(std::function<void(const json &)> send, std::shared_ptr<const ParsedStdlib> stdlib = nullptr);

  /// Handles one message body. Never throws: malformed JSON, unknown
  /// methods and bad parameters become JSON-RPC errors.
  void handle(const std::string &body);

  bool exited() const { return exited_; }
  /// The process exit code after `exit`: 0 if `shutdown` came first.
  int exitCode() const { return shutdown_ ? 0 : 1; }

 private:
  json dispatchRequest(const std::string &method, const json &params);
  void dispatchNotification(const std::string &method, const json &params);
  json initialize(const json &params);

  void open(const json &params);
  void change(const json &params);
  void close(const json &params);
  void saved(const json &params);
  void analyze(Document &doc, std::string text);
  const Document *find(const json &params) const;

  void reply(const json &id, json result);
  void replyError(const json &id, int code, const std::string &message);

  std::function<void(const json &)> send_;
  std::shared_ptr<const ParsedStdlib> stdlib_;
  std::map<std::string, Document> documents_;  // by URI
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

}  // namespace tdxc::lsp
