#include "lsp/analysis.h"

#include "passes/pass.h"

namespace tdxc::lsp {

const ast::File *Analysis::rootAst() const {
  for (const LoadedFile &file : frontend.files)
    if (file.ast.file == root) return &file.ast;
  return nullptr;
}

std::shared_ptr<const Analysis> analyzeDocument(const std::string &path, std::string text, const ParsedStdlib &stdlib) {
  auto analysis = std::make_shared<Analysis>();
  analysis->sources = stdlib.sources();
  analysis->root = static_cast<FileId>(analysis->sources.size());  // the next file added is the document
  analysis->lines = LineIndex(text);
  DiagnosticEngine diags;
  FrontendOptions options;
  options.stdlib = &stdlib;
  options.rootTokens = &analysis->tokens;  // from the parser's own lexer run
  analysis->frontend = runFrontendOnText(path, std::move(text), analysis->sources, diags, options);
  if (analysis->frontend.image) {
    PassContext ctx{diags, analysis->sources};
    runPipeline(*analysis->frontend.image, ctx, PipelineOptions{});
  }
  analysis->diagnostics = diags.sorted();
  return analysis;
}

}  // namespace tdxc::lsp
