#include "frontend/frontend.h"

#include <fmt/format.h>

#include "frontend/evaluator.h"
#include "frontend/lower.h"
#include "frontend/type_check.h"

namespace tdxc {
namespace {

FrontendResult analyze(std::vector<LoadedFile> files, SourceManager &sources, DiagnosticEngine &diags,
                       const FrontendOptions &options) {
  FrontendResult result;
  result.files = std::move(files);
  if (result.files.empty()) return result;

  Evaluator evaluator(diags);
  std::map<FileId, std::filesystem::path> directories;
  for (const LoadedFile &file : result.files) directories[file.ast.file] = file.directory;
  evaluator.setFileReader([&](const std::string &path, SourceRange at) -> std::optional<std::string> {
    // Relative to the calling file; an absolute path (e.g. from --var) is
    // used as is. Only the content reaches the tree, never the path.
    if (path.empty()) return std::nullopt;
    return readFileBytes(directories[at.file] / path);
  });
  std::map<std::string, bool> varsUsed;
  for (const auto &[name, value] : options.vars) varsUsed[name] = false;
  for (const LoadedFile &file : result.files) {
    for (const ast::ConstDecl &decl : file.ast.consts) evaluator.defineConst(decl);
    for (const ast::VarDecl &decl : file.ast.vars) {
      auto it = options.vars.find(decl.name);
      if (it != options.vars.end()) varsUsed[decl.name] = true;
      evaluator.defineVar(decl, it == options.vars.end() ? std::nullopt : std::optional<std::string>(it->second));
    }
  }
  for (const auto &[name, used] : varsUsed)
    if (!used)
      diags.report(DiagKind::UnknownVar, {},
                   fmt::format("--var {}: no 'var {}' is declared in the source", name, name));
  evaluator.evaluateAllSymbols();
  for (const LoadedFile &file : result.files)
    for (const ast::ModuleDecl &module : file.ast.modules) result.modules.define(module, diags);

  const LoadedFile &root = result.files.front();
  for (std::size_t i = 1; i < result.files.size(); ++i)
    for (const ast::ImageDecl &image : result.files[i].ast.images)
      diags.report(DiagKind::MultipleImages, image.nameRange,
                   "imported files cannot declare an image; only the compiled file does");
  if (root.ast.images.empty()) {
    if (diags.hasErrors()) return result;  // a broken file: the real errors say more
    diags.report(
        DiagKind::NoImage, {root.ast.file, 0, 0},
        fmt::format("'{}' declares no image; write image \"NAME\" {{ ... }}", sources.file(root.ast.file).path()));
    return result;
  }
  for (std::size_t i = 1; i < root.ast.images.size(); ++i)
    diags.report(DiagKind::MultipleImages, root.ast.images[i].nameRange, "only one image per file can be compiled")
        .notes.push_back({root.ast.images[0].nameRange, "the first image is declared here"});

  const ast::ImageDecl &decl = root.ast.images.front();
  CheckedBlock checked = checkImage(decl.body, evaluator, diags, result.modules);
  LowerContext ctx{diags, [&](SourceRange range) { return directories[range.file]; }};
  ir::Image image = lowerImage(checked, ctx);
  image.sourceName = std::filesystem::path(sources.file(root.ast.file).path()).filename().string();
  result.image = std::move(image);
  return result;
}

}  // namespace

FrontendResult runFrontend(const std::string &path, SourceManager &sources, DiagnosticEngine &diags,
                           const FrontendOptions &options) {
  ModuleLoader loader(sources, diags);
  return analyze(loader.load(path), sources, diags, options);
}

FrontendResult runFrontendOnText(const std::string &displayPath, std::string text, SourceManager &sources,
                                 DiagnosticEngine &diags, const FrontendOptions &options) {
  ModuleLoader loader(sources, diags);
  loader.useParsedStdlib(options.stdlib);
  loader.keepRootTokens(options.rootTokens);
  return analyze(loader.loadText(displayPath, std::move(text)), sources, diags, options);
}

}  // namespace tdxc
