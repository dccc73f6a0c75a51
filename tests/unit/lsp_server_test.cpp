// The server in process: message order, the lifecycle, and that the cached
// standard library gives exactly the diagnostics of a normal compile.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "frontend/module_loader.h"
#include "lsp/analysis.h"
#include "lsp/server.h"
#include "passes/pass.h"

namespace tdxc::lsp {
namespace {

namespace fs = std::filesystem;

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() : server_([this](const json &m) { sent_.push_back(m); }) {}

  void send(const json &message) { server_.handle(message.dump()); }
  void request(int id, const std::string &method, json params) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void notify(const std::string &method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  json take() {
    EXPECT_FALSE(sent_.empty());
    if (sent_.empty()) return nullptr;
    json first = sent_.front();
    sent_.erase(sent_.begin());
    return first;
  }
  void open(const std::string &text, int version = 1) {
    notify("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", version}, {"text", text}}}});
  }
  void change(const std::string &text, int version) {
    notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", version}}},
                                      {"contentChanges", json::array({{{"text", text}}})}});
  }

  static constexpr const char *kUri = "file:///nonexistent/t.tdx";
  std::vector<json> sent_;
  Server server_;
};

TEST_F(ServerTest, EveryChangePublishesAndAFixClearsTheDiagnostics) {
  request(1, "initialize", json::object());
  EXPECT_EQ(take()["id"], 1);
  open("image \"x\" { pakages = [] }");
  json first = take();
  EXPECT_EQ(first["method"], "textDocument/publishDiagnostics");
  ASSERT_EQ(first["params"]["diagnostics"].size(), 1u);
  EXPECT_EQ(first["params"]["diagnostics"][0]["code"], "E_UNKNOWN_KEY");
  change("image \"x\" { packages = [] }", 2);
  json second = take();
  EXPECT_EQ(second["params"]["version"], 2);
  EXPECT_TRUE(second["params"]["diagnostics"].empty());
  notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_TRUE(take()["params"]["diagnostics"].empty());
  EXPECT_TRUE(sent_.empty());
}

TEST_F(ServerTest, IncrementalChangesAreAppliedInUtf16) {
  request(1, "initialize", json::object());
  take();
  open("/* \xF0\x9F\x98\x80 */ image \"x\" { pakages = [] }");
  take();
  // Replace "pakages" (UTF-16 characters 21..28: the emoji counts two).
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", kUri}, {"version", 2}}},
          {"contentChanges",
           json::array(
               {{{"range", {{"start", {{"line", 0}, {"character", 21}}}, {"end", {{"line", 0}, {"character", 28}}}}},
                 {"text", "packages"}}})}});
  EXPECT_TRUE(take()["params"]["diagnostics"].empty());
}

TEST_F(ServerTest, LifecycleErrorsAndExitCode) {
  request(1, "textDocument/hover", json::object());
  EXPECT_EQ(take()["error"]["code"], -32002);
  request(2, "initialize", json::object());
  take();
  request(3, "no/such/method", json::object());
  EXPECT_EQ(take()["error"]["code"], -32601);
  notify("no/such/notification", json::object());
  EXPECT_TRUE(sent_.empty());
  EXPECT_FALSE(server_.exited());
  request(4, "shutdown", nullptr);
  EXPECT_TRUE(take()["result"].is_null());
  notify("exit", nullptr);
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exitCode(), 0);
}

TEST_F(ServerTest, GarbageNeverThrows) {
  request(100, "initialize", json::object());
  open("image \"x\" {}");
  for (const char *body : {"", "null", "[]", "{}", "{\"method\":1}", "{\"id\":1.5,\"method\":\"x\"}",
                           "{\"id\":1,\"method\":\"initialize\",\"params\":[]}",
                           "{\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":7}}",
                           "{\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":1}}}"})
    EXPECT_NO_THROW(server_.handle(body)) << body;
  // Deep nesting must not recurse on the stack (parsing and destruction in
  // nlohmann::json are iterative; the server must not copy such a value).
  std::string deep = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hover\",\"params\":";
  deep += std::string(1000000, '[') + std::string(1000000, ']') + "}";
  EXPECT_NO_THROW(server_.handle(deep));
}

// Imports are read from disk: saving an imported file re-checks the open
// documents, so a fix made there clears their diagnostics.
TEST_F(ServerTest, SavingAFileRechecksTheOtherOpenDocuments) {
  fs::path dir = fs::temp_directory_path() / ("tdxc-lsp-save-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string &name, const std::string &text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  write("lib.tdx", "module Greeter {\n  param who: string = \"x\"\n}\n");
  std::string image = "import \"lib.tdx\"\nimage \"x\" {\n  use Greeter { whom = \"y\" }\n}\n";
  write("image.tdx", image);
  std::string uri = "file://" + (dir / "image.tdx").string();
  request(1, "initialize", json::object());
  take();
  notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", image}}}});
  json first = take();
  ASSERT_EQ(first["params"]["diagnostics"].size(), 1u);
  EXPECT_EQ(first["params"]["diagnostics"][0]["code"], "E_UNKNOWN_ARGUMENT");
  write("lib.tdx", "module Greeter {\n  param whom: string = \"x\"\n}\n");
  notify("textDocument/didSave", {{"textDocument", {{"uri", "file://" + (dir / "lib.tdx").string()}}}});
  json second = take();
  EXPECT_EQ(second["params"]["uri"], uri);
  EXPECT_TRUE(second["params"]["diagnostics"].empty());
  fs::remove_all(dir);
}

TEST_F(ServerTest, ExitWithoutShutdownIsExitCode1) {
  request(1, "initialize", json::object());
  notify("exit", nullptr);
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exitCode(), 1);
}

// The cache must be invisible: for every example, the server's analysis
// reports what `tdxc check` reports (codes, messages, positions).
TEST(Analysis, CachedStdlibGivesTheDiagnosticsOfANormalCompile) {
  ParsedStdlib stdlib;
  std::size_t files = 0;
  for (const auto &entry : fs::recursive_directory_iterator(fs::path(TDXC_SOURCE_DIR) / "examples")) {
    if (entry.path().extension() != ".tdx") continue;
    std::string path = entry.path().string();
    std::string text = *readFileBytes(path);
    auto analysis = analyzeDocument(path, text, stdlib);

    SourceManager sources;
    DiagnosticEngine diags;
    FrontendResult frontend = runFrontendOnText(path, text, sources, diags, FrontendOptions{});
    if (frontend.image) {
      PassContext ctx{diags, sources};
      runPipeline(*frontend.image, ctx, {});
    }
    // The tokens kept from the parser's lexer run are lexTokens()'s.
    std::vector<Token> lexed = lexTokens(text).value();
    ASSERT_EQ(analysis->tokens.size(), lexed.size()) << path;
    for (std::size_t i = 0; i < lexed.size(); ++i) {
      EXPECT_EQ(analysis->tokens[i].kind, lexed[i].kind) << path;
      EXPECT_EQ(analysis->tokens[i].begin, lexed[i].begin) << path;
      EXPECT_EQ(analysis->tokens[i].end, lexed[i].end) << path;
    }
    std::vector<Diagnostic> expected = diags.sorted();
    ASSERT_EQ(analysis->diagnostics.size(), expected.size()) << path;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(analysis->diagnostics[i].code(), expected[i].code()) << path;
      EXPECT_EQ(analysis->diagnostics[i].message, expected[i].message) << path;
      const SourceFile &a = analysis->sources.file(analysis->diagnostics[i].range.file);
      const SourceFile &b = sources.file(expected[i].range.file);
      EXPECT_EQ(a.path(), b.path()) << path;
      EXPECT_EQ(analysis->diagnostics[i].range.begin, expected[i].range.begin) << path;
    }
    ++files;
  }
  EXPECT_GT(files, 5u);
}

}  // namespace
}  // namespace tdxc::lsp
