// tdxc compile: frontend -> passes -> codegen -> one atomic write (or, with
// --check, a comparison with the tree already on disk).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "backends/mkosi/codegen.h"
#include "backends/mkosi/tree_compare.h"
#include "backends/mkosi/tree_writer.h"
#include "diag/render.h"
#include "diag/verify.h"
#include "driver/commands.h"
#include "driver/lock_use.h"
#include "frontend/ast_dump.h"
#include "frontend/frontend.h"
#include "ir/ir_dump.h"
#include "passes/pass.h"

namespace tdxc {
namespace {

bool useColor(const Options &options) {
  if (options.color != "auto") return options.color == "always";
  const char *term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr && term && std::string(term) != "dumb";
}

// compile --check: E_TREE_STALE at the image when DIR is not what it compiles
// to, each differing file in a note, and (in text mode) the unified diff on
// stdout, so a CI log shows exactly what to regenerate.
void checkTree(const Options &options, const ir::Image &image, const mkosi::FileTree &tree, std::ostream &out,
               DiagnosticEngine &diags) {
  std::vector<mkosi::TreeDifference> differences = mkosi::compareTree(tree, options.output, options.output);
  if (differences.empty()) return;
  constexpr std::size_t kListed = 20;
  Diagnostic &stale = diags.report(
      DiagKind::TreeStale, image.range,
      fmt::format("'{}' is not what this image compiles to: {} file{} differ{}", options.output, differences.size(),
                  differences.size() == 1 ? "" : "s", differences.size() == 1 ? "s" : ""));
  for (std::size_t i = 0; i < differences.size() && i < kListed; ++i)
    stale.notes.push_back({{}, fmt::format("{} {}", differences[i].path, differences[i].summary)});
  if (differences.size() > kListed)
    stale.notes.push_back({{}, fmt::format("and {} more", differences.size() - kListed)});
  stale.notes.push_back({{}, fmt::format("run 'tdxc compile {} -o {}' to update it", options.input, options.output)});
  if (options.diagnosticsFormat == "text")
    for (const mkosi::TreeDifference &difference : differences) out << difference.diff;
}

}  // namespace

int finishDiagnostics(const Options &options, const SourceManager &sources, const DiagnosticEngine &diags,
                      std::ostream &out, std::ostream &err) {
  std::vector<Diagnostic> sorted = diags.sorted();
  if (options.verify) return verifyDiagnostics(sources, sorted, err) ? 0 : 1;
  if (options.diagnosticsFormat == "json")
    renderJson(out, sources, sorted);
  else
    renderText(err, sources, sorted, TextRenderOptions{useColor(options), options.snippets, options.errorLimit});
  return diags.hasErrors() ? 1 : 0;
}

int runCompile(const Options &options, std::ostream &out, std::ostream &err) {
  SourceManager sources;
  DiagnosticEngine diags;
  FrontendResult frontend = runFrontend(options.input, sources, diags, FrontendOptions{options.vars});
  if (options.emit == "ast" && !frontend.files.empty()) dumpAst(out, sources, frontend.files.front().ast);

  if (frontend.image) {
    LockUse lockUse = loadLock(options, *frontend.image, sources, diags);
    PassContext ctx{diags, sources};
    runPipeline(*frontend.image, ctx, PipelineOptions{options.printIrAfter, &out, {}});
    if (options.emit == "ir") dumpIr(out, sources, *frontend.image);
    if (!diags.hasErrors()) checkLockFresh(options, *frontend.image, lockUse, diags);
  }
  // Code is generated only from an image without errors: a tree is either
  // complete and valid or not written at all.
  if (frontend.image && !diags.hasErrors() && !options.verify) {
    mkosi::FileTree tree = mkosi::generateTree(*frontend.image);
    if (options.emit == "tree") mkosi::dumpTree(out, tree);
    if (options.checkTree)
      checkTree(options, *frontend.image, tree, out, diags);
    else if (options.command == "compile" && !options.output.empty())
      mkosi::writeTreeAtomically(tree, options.output, diags);
  }
  return finishDiagnostics(options, sources, diags, out, err);
}

int runCheck(const Options &options, std::ostream &out, std::ostream &err) {
  Options checkOnly = options;
  checkOnly.output.clear();
  return runCompile(checkOnly, out, err);
}

}  // namespace tdxc
