// tdxc compile: frontend -> passes -> codegen -> one atomic write.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "backends/mkosi/codegen.h"
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
    if (options.command == "compile" && !options.output.empty())
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
