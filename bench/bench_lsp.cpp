// Language-server latency on a generated 5,000-line file: hover, completion,
// and diagnostics after an edit (the full text is sent, analysed and the
// diagnostics published). Each repetition is one request through the real
// Server (JSON parsing and serialization included; the pipe is not), so the
// p50/p95 statistics are per request. Targets (docs/performance.md): p95
// under 20 ms for hover and completion, under 50 ms for diagnostics.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>

#include "bench/bench_inputs.h"
#include "frontend/tokens.h"
#include "lsp/analysis.h"
#include "lsp/server.h"
#include "passes/pass.h"

namespace {

using tdxc::lsp::json;

constexpr const char *kUri = "file:///nonexistent-bench/image.tdx";

// About 5,000 lines: the standard library, constants, modules in use, and
// services of six lines each.
std::string fiveThousandLines() {
  std::string text = "import \"std/tdx\"\n\n/// The mirror.\nconst MIRROR = \"http://deb.debian.org/debian\"\n\n";
  text += "image \"bench-lsp\" {\n  base = \"debian/trixie\"\n  mirror = MIRROR\n";
  text += "  use KeyGeneration \"disk_key\" { strategy = \"tpm\" }\n";
  text += "  use DiskEncryption \"data\" { device = \"/dev/vdb\", key = \"disk_key\" }\n";
  for (int u = 0; u < 83; ++u) text += fmt::format("  user \"svc-user-{}\" {{ system = true }}\n", u);
  int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  for (int i = 0; lines < 4998; ++i, lines += 6) {
    text += fmt::format("  service \"svc-{}\" {{\n", i);
    text += fmt::format("    exec = [\"/usr/bin/worker\", \"--id\", \"{}\"]\n", i);
    text += fmt::format("    user = \"svc-user-{}\"\n", i / 10);
    text += "    restart = \"on-failure\"\n";
    text += fmt::format("    environment = {{ WORKER_ID = \"{}\", LOG_LEVEL = \"info\" }}\n", i);
    text += "  }\n";
  }
  text += "}\n";
  return text;
}

// The line of `needle`'s first occurrence after `fromLine`.
int lineOf(const std::string &text, const std::string &needle, int fromLine) {
  int line = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (line >= fromLine && text.compare(start, end - start, needle) == 0) return line;
    start = end + 1;
    ++line;
  }
  return -1;
}

struct Session {
  std::string text = fiveThousandLines();
  std::size_t sent = 0;
  tdxc::lsp::Server server{[this](const json &m) { sent += m.dump().size(); }};
  int id = 1;

  Session() {
    server.handle(
        json({{"jsonrpc", "2.0"}, {"id", id++}, {"method", "initialize"}, {"params", json::object()}}).dump());
    server.handle(json({{"jsonrpc", "2.0"},
                        {"method", "textDocument/didOpen"},
                        {"params", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", text}}}}}})
                      .dump());
  }
  std::string request(const std::string &method, int line, int character) {
    return json({{"jsonrpc", "2.0"},
                 {"id", id++},
                 {"method", method},
                 {"params",
                  {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", line}, {"character", character}}}}}})
        .dump();
  }
};

Session &session() {
  static Session s;
  return s;
}

double percentile(const std::vector<double> &values, double p) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

void perRequestStats(benchmark::internal::Benchmark *b) {
  b->Iterations(1)
      ->Repetitions(200)
      ->ComputeStatistics("p50", [](const std::vector<double> &v) { return percentile(v, 0.50); })
      ->ComputeStatistics("p95", [](const std::vector<double> &v) { return percentile(v, 0.95); })
      ->ComputeStatistics("max", [](const std::vector<double> &v) { return *std::max_element(v.begin(), v.end()); })
      ->ReportAggregatesOnly(true)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
}

// Hover on the `restart` key of a service in the last quarter of the file.
void BM_LspHover(benchmark::State &state) {
  Session &s = session();
  int line = lineOf(s.text, "    restart = \"on-failure\"", 3750);
  std::string message = s.request("textDocument/hover", line, 6);
  for (auto _ : state) s.server.handle(message);
  state.counters["lines"] = static_cast<double>(std::count(s.text.begin(), s.text.end(), '\n'));
}
BENCHMARK(BM_LspHover)->Apply(perRequestStats);

// Completion at the start of a member of a service in the last quarter: the
// service's keys and blocks.
void BM_LspCompletion(benchmark::State &state) {
  Session &s = session();
  int line = lineOf(s.text, "    restart = \"on-failure\"", 3750);
  std::string message = s.request("textDocument/completion", line, 4);
  for (auto _ : state) s.server.handle(message);
}
BENCHMARK(BM_LspCompletion)->Apply(perRequestStats);

// An edit in the middle of the file, alternately introducing and fixing a
// misspelled key: didChange with the full text, analysis, publishDiagnostics.
void BM_LspDiagnosticsAfterEdit(benchmark::State &state) {
  Session &s = session();
  std::string broken = s.text;
  std::size_t at = broken.find("restart = ", broken.size() / 2);
  broken.replace(at, 7, "restrat");
  int version = 2;
  for (auto _ : state) {
    const std::string &text = version % 2 == 0 ? broken : s.text;
    s.server.handle(json({{"jsonrpc", "2.0"},
                          {"method", "textDocument/didChange"},
                          {"params",
                           {{"textDocument", {{"uri", kUri}, {"version", version++}}},
                            {"contentChanges", json::array({{{"text", text}}})}}}})
                        .dump());
  }
}
BENCHMARK(BM_LspDiagnosticsAfterEdit)->Apply(perRequestStats);

// Where the diagnostics time goes, with the same statistics:
// the token stream the server keeps for hover and completion (a second lex
// of the document, besides the parser's) ...
void BM_LspPartLexTokens(benchmark::State &state) {
  Session &s = session();
  for (auto _ : state) benchmark::DoNotOptimize(tdxc::lexTokens(s.text));
}
BENCHMARK(BM_LspPartLexTokens)->Apply(perRequestStats);

// ... a document that only imports the standard library (the stdlib's share
// of every analysis: copying its ASTs, evaluating and checking its modules) ...
const char *kStdlibOnly = "import \"std/tdx\"\nimage \"x\" {}\n";

void BM_LspPartStdlibOnly(benchmark::State &state) {
  static const tdxc::ParsedStdlib stdlib;
  for (auto _ : state) benchmark::DoNotOptimize(tdxc::lsp::analyzeDocument("/nonexistent/x.tdx", kStdlibOnly, stdlib));
}
BENCHMARK(BM_LspPartStdlibOnly)->Apply(perRequestStats);

// ... and the same without the parsed-stdlib cache, as `tdxc check` runs it.
void BM_LspPartStdlibOnlyUncached(benchmark::State &state) {
  for (auto _ : state) {
    tdxc::SourceManager sources;
    tdxc::DiagnosticEngine diags;
    tdxc::FrontendResult r =
        tdxc::runFrontendOnText("/nonexistent/x.tdx", kStdlibOnly, sources, diags, tdxc::FrontendOptions{});
    if (r.image) {
      tdxc::PassContext ctx{diags, sources};
      tdxc::runPipeline(*r.image, ctx, {});
    }
    benchmark::DoNotOptimize(diags.sorted());
  }
}
BENCHMARK(BM_LspPartStdlibOnlyUncached)->Apply(perRequestStats);

}  // namespace

BENCHMARK_MAIN();
