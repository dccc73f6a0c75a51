// libFuzzer target: the whole in-memory compile of one .tdx file.
//
// The bytes are the root file ("fuzz.tdx"), then, as `tdxc compile` does it:
// the frontend, the pass pipeline on the image (if any), and codegen when there
// are no errors; finally the diagnostics are rendered as text, since every run
// of tdxc renders them and their source ranges come from all stages. (JSON
// rendering shares the range code and would cost 40% of the run time in the
// instrumented build, through nlohmann::json.)
// Nothing is written to disk.
//
// There is deliberately no try/catch here: tdxc reports every problem as a
// diagnostic and must never throw, so an escaping exception is a bug, and
// libFuzzer reports it (std::terminate -> abort) with the input that caused it.
//
// Imports and src = "..." resolve relative to the current directory (the
// display path has no directory part); run the fuzzer from a scratch dir.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "backends/mkosi/codegen.h"
#include "diag/render.h"
#include "frontend/frontend.h"
#include "passes/pass.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace tdxc;
  SourceManager sources;
  DiagnosticEngine diags;
  FrontendResult frontend = runFrontendOnText("fuzz.tdx", std::string(reinterpret_cast<const char *>(data), size),
                                              sources, diags, FrontendOptions{});
  if (frontend.image) {
    PassContext ctx{diags, sources};
    runPipeline(*frontend.image, ctx, PipelineOptions{});
    if (!diags.hasErrors()) {
      mkosi::FileTree tree = mkosi::generateTree(*frontend.image);
      (void)tree;
    }
  }
  std::vector<Diagnostic> sorted = diags.sorted();
  std::ostringstream sink;
  renderText(sink, sources, sorted, TextRenderOptions{});
  return 0;
}
