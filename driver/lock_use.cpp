#include "driver/lock_use.h"

#include <fmt/format.h>

#include <filesystem>

#include "frontend/module_loader.h"
#include "lock/recipe.h"

namespace tdxc {
namespace fs = std::filesystem;

namespace {

SourceRange rangeAt(const LockUse &use, std::size_t offset) {
  if (use.file == kNoFile) return {};
  std::uint32_t begin = static_cast<std::uint32_t>(std::min(offset, use.bytes.size()));
  return {use.file, begin, begin};
}

std::string fileName(const std::string &path) { return fs::path(path).filename().string(); }

}  // namespace

std::string lockPathFor(const Options &options) {
  if (!options.lockPath.empty()) return options.lockPath;
  fs::path dir = fs::path(options.input).parent_path();
  return (dir / "tdx.lock").string();
}

LockUse loadLock(const Options &options, ir::Image &image, SourceManager &sources, DiagnosticEngine &diags) {
  LockUse use;
  use.path = lockPathFor(options);
  if (options.noLock) return use;
  std::error_code ec;
  if (!fs::exists(use.path, ec)) {
    if (options.frozen) {
      Diagnostic &d = diags.report(DiagKind::LockMissing, image.name.range,
                                   fmt::format("--frozen needs a lock, but {} does not exist", use.path));
      d.notes.push_back({{}, fmt::format("run `tdxc lock {}` and commit {}", options.input, use.path)});
    }
    return use;
  }
  auto bytes = readFileBytes(use.path);
  if (!bytes) {
    diags.report(DiagKind::LockInvalid, image.name.range, fmt::format("cannot read {}", use.path));
    return use;
  }
  use.bytes = *bytes;
  use.file = sources.add(use.path, use.bytes);
  lock::LockParseError error;
  use.lock = lock::parseLock(use.bytes, error);
  if (!use.lock) {
    Diagnostic &d = diags.report(DiagKind::LockInvalid, rangeAt(use, error.offset), error.message);
    d.notes.push_back({{}, fmt::format("run `tdxc lock {}` to write it again", options.input)});
    return use;
  }
  if (use.lock->source != fileName(options.input)) {
    Diagnostic &d = diags.report(options.frozen ? DiagKind::LockStale : DiagKind::LockStaleWarning,
                                 rangeAt(use, lock::offsetOfKey(use.bytes, "source")),
                                 fmt::format("{} was written for {}, not {}{}", use.path, use.lock->source,
                                             fileName(options.input), options.frozen ? "" : "; its pins are not used"));
    d.notes.push_back(
        {{}, fmt::format("use --lock FILE to name this image's lock, or run `tdxc lock {}`", options.input)});
    return use;
  }
  lock::applyLock(image, *use.lock);
  return use;
}

std::optional<std::string> checkLockFresh(const Options &options, const ir::Image &image, const LockUse &use,
                                          DiagnosticEngine &diags) {
  if (!use.lock) return std::nullopt;
  const DiagKind kind = options.frozen ? DiagKind::LockStale : DiagKind::LockStaleWarning;
  const std::string relock = fmt::format("run `tdxc lock {}` to update it", options.input);
  if (use.lock->source != fileName(options.input)) return std::nullopt;  // reported by loadLock
  std::string digest = lock::recipeDigest(image);
  if (digest != use.lock->recipeDigest) {
    Diagnostic &d =
        diags.report(kind, rangeAt(use, lock::offsetOfKey(use.bytes, "recipe_digest")),
                     fmt::format("{} is stale: it was taken for recipe {}, the source now gives {}{}", use.path,
                                 use.lock->recipeDigest, digest,
                                 options.frozen ? "" : "; pins whose name, URL and ref still match are used"));
    d.notes.push_back({{}, relock});
    return digest;
  }
  if (!options.frozen) return digest;
  // The digest covers the declared sources, so these only fire on a lock
  // edited by hand; a frozen build still must not fetch anything unpinned.
  for (const ir::GitSource *git : ir::allGitSources(image))
    if (git->pinnedCommit().empty())
      diags
          .report(DiagKind::LockStale, git->ref.range,
                  fmt::format("git source \"{}\" is not pinned by {}", git->name.value, use.path))
          .notes.push_back({{}, relock});
  for (const ir::Download *download : ir::allDownloads(image))
    if (download->expectedSha256().empty())
      diags
          .report(DiagKind::LockStale, download->url.range,
                  fmt::format("download \"{}\" has no sha256 in {}", download->name.value, use.path))
          .notes.push_back({{}, relock});
  return digest;
}

}  // namespace tdxc
