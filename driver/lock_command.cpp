// tdxc lock: resolve every git ref and hash every download, then write
// tdx.lock atomically. Nothing is written unless everything resolved.
#include <fmt/format.h>

#include <filesystem>

#include "driver/commands.h"
#include "driver/lock_use.h"
#include "frontend/frontend.h"
#include "lock/recipe.h"
#include "lock/resolve.h"
#include "passes/pass.h"
#include "support/atomic_file.h"

namespace tdxc {

int runLock(const Options &options, std::ostream &out, std::ostream &err) {
  SourceManager sources;
  DiagnosticEngine diags;
  FrontendResult frontend = runFrontend(options.input, sources, diags, FrontendOptions{options.vars});
  if (!frontend.image || diags.hasErrors()) return finishDiagnostics(options, sources, diags, out, err);
  ir::Image &image = *frontend.image;
  PassContext ctx{diags, sources};
  // check-policy is skipped: unpinned refs are what this command fixes.
  runPipeline(image, ctx, PipelineOptions{"", nullptr, {"check-policy"}});
  if (diags.hasErrors()) return finishDiagnostics(options, sources, diags, out, err);

  lock::LockFile lockFile;
  lockFile.source = std::filesystem::path(options.input).filename().string();
  lockFile.recipeDigest = lock::recipeDigest(image);
  for (const ir::GitSource *git : ir::allGitSources(image)) {
    lock::Resolved commit = lock::resolveGitRef(git->url.value, git->ref.value);
    if (!commit.value) {
      diags.report(DiagKind::GitResolve, git->ref.range,
                   fmt::format("cannot resolve \"{}\" in {}: {}", git->ref.value, git->url.value, commit.error));
      continue;
    }
    lockFile.git.push_back({git->name.value, git->url.value, git->ref.value, *commit.value});
  }
  for (const ir::Download *download : ir::allDownloads(image)) {
    lock::Resolved digest = lock::hashDownload(download->url.value);
    if (!digest.value) {
      diags.report(DiagKind::DownloadFailed, download->url.range,
                   fmt::format("cannot download \"{}\": {}", download->name.value, digest.error));
      continue;
    }
    if (download->sha256 && download->sha256->value != *digest.value) {
      diags
          .report(DiagKind::DownloadMismatch, download->sha256->range,
                  fmt::format("download \"{}\" has sha256 {}, not the declared {}", download->name.value, *digest.value,
                              download->sha256->value))
          .notes.push_back({{}, "the file changed at its URL, or the declared digest is wrong"});
      continue;
    }
    lockFile.downloads.push_back({download->name.value, download->url.value, *digest.value});
  }
  if (diags.hasErrors()) return finishDiagnostics(options, sources, diags, out, err);

  std::string path = lockPathFor(options);
  std::string error;
  if (!writeFileAtomically(path, lock::serializeLock(lockFile), error)) {
    diags.report(DiagKind::OutputWrite, {}, error);
    return finishDiagnostics(options, sources, diags, out, err);
  }
  int status = finishDiagnostics(options, sources, diags, out, err);
  out << fmt::format("tdxc lock: wrote {} ({} git source{}, {} download{}; recipe {})\n", path, lockFile.git.size(),
                     lockFile.git.size() == 1 ? "" : "s", lockFile.downloads.size(),
                     lockFile.downloads.size() == 1 ? "" : "s", lockFile.recipeDigest);
  return status;
}

}  // namespace tdxc
