// Benchmarks of the whole in-memory compile: frontend (load, parse, evaluate,
// check, lower) + pass pipeline + mkosi codegen. Nothing touches the disk
// inside the timed loop; the tree is built in memory and dropped.
//
//   BM_CompileExample      examples/qemu_basic.tdx (read once, outside the loop)
//   BM_CompileServices/N   a generated image with N services and N/10 users
//
// Targets (docs/performance.md): the example under 5 ms, 1,000 services under
// 100 ms, and linear growth in N.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <string>

#include "backends/mkosi/codegen.h"
#include "bench/bench_inputs.h"
#include "frontend/frontend.h"
#include "passes/pass.h"

namespace {

// One compile as `tdxc compile` does it, minus the disk write. Returns the
// number of files in the tree (0 on errors) so the work cannot be optimised out.
std::size_t compileOnce(const std::string &displayPath, const std::string &text) {
  tdxc::SourceManager sources;
  tdxc::DiagnosticEngine diags;
  tdxc::FrontendResult frontend = tdxc::runFrontendOnText(displayPath, text, sources, diags, tdxc::FrontendOptions{});
  if (!frontend.image) return 0;
  tdxc::PassContext ctx{diags, sources};
  tdxc::runPipeline(*frontend.image, ctx, tdxc::PipelineOptions{});
  if (diags.hasErrors()) return 0;
  tdxc::mkosi::FileTree tree = tdxc::mkosi::generateTree(*frontend.image);
  return tree.files().size();
}

// A benchmark of a broken input would time the error path, not the compiler.
void requireClean(benchmark::State &state, const std::string &displayPath, const std::string &text) {
  tdxc::SourceManager sources;
  tdxc::DiagnosticEngine diags;
  tdxc::FrontendResult frontend = tdxc::runFrontendOnText(displayPath, text, sources, diags, tdxc::FrontendOptions{});
  if (frontend.image) {
    tdxc::PassContext ctx{diags, sources};
    tdxc::runPipeline(*frontend.image, ctx, tdxc::PipelineOptions{});
  }
  if (!frontend.image || diags.hasErrors())
    state.SkipWithError(
        fmt::format("{} does not compile cleanly ({} errors)", displayPath, diags.errorCount()).c_str());
}

// Times whole compiles of one input; reports the tree size and throughput.
void timeCompiles(benchmark::State &state, const std::string &displayPath, const std::string &text) {
  requireClean(state, displayPath, text);
  std::size_t files = 0;
  for (auto _ : state) {
    files = compileOnce(displayPath, text);
    benchmark::DoNotOptimize(files);
  }
  state.counters["files"] = static_cast<double>(files);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

void BM_CompileExample(benchmark::State &state) { timeCompiles(state, "qemu_basic.tdx", tdxc::bench::readExample()); }
BENCHMARK(BM_CompileExample)->Unit(benchmark::kMillisecond);

void BM_CompileServices(benchmark::State &state) {
  timeCompiles(state, "services.tdx", tdxc::bench::servicesImage(state.range(0)));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_CompileServices)
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace

BENCHMARK_MAIN();
