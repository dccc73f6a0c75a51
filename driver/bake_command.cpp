// tdxc bake: compile into DIR/mkosi, build each requested profile set with a
// backend into DIR/NAME/, then record every artifact (bake-result.json) and
// what went into it (report.json). Progress goes to stderr: mkosi's own
// output as it arrives, and the time of each step.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "backends/build/artifacts.h"
#include "backends/build/backend.h"
#include "backends/mkosi/codegen.h"
#include "backends/mkosi/tree_writer.h"
#include "driver/bake_report.h"
#include "driver/commands.h"
#include "driver/lock_use.h"
#include "frontend/frontend.h"
#include "lock/recipe.h"
#include "passes/pass.h"
#include "support/file_lock.h"
#include "support/sha256.h"

namespace tdxc {
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::unique_ptr<build::Backend> makeBackend(const Options &options, const std::string &bakeDir) {
  if (options.backend == "nix") return build::makeNixBackend();
  if (options.backend == "lima") {
    std::string instance = options.limaInstance;
    if (instance.empty()) instance = "tdxc-" + sha256Hex(bakeDir).substr(0, 8);  // one VM per bake directory
    return build::makeLimaBackend(instance);
  }
  return build::makeLocalBackend(build::LocalOptions{options.mkosi, ::geteuid() == 0});
}

std::string cacheRoot(const Options &options) {
  if (!options.cacheDir.empty()) return fs::absolute(options.cacheDir).string();
  if (const char *dir = std::getenv("TDXC_CACHE_DIR"); dir && *dir) return dir;
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fmt::format("{}/tdxc", xdg);
  const char *home = std::getenv("HOME");
  return fmt::format("{}/.cache/tdxc", home && *home ? home : "/var/cache");
}

// mkosi 25 rebuilds ToolsTree=default on every build (1.5 minutes and 1.6 GB);
// bake keeps the first one it builds, keyed by everything that shapes it:
// release, architecture, apt sources, and the extra tools tree packages of
// the base and the build's profiles (mkosi installs nothing into a tools
// tree it is given, so a tree without them would be wrong, not just slow).
std::string toolsTreeKey(const ir::Image &image, const mkosi::FileTree &tree,
                         const std::vector<std::string> &profiles) {
  std::string material =
      fmt::format("{}\n{}\n{}\n", image.settings.toolsTreeRelease, image.settings.arch, image.settings.distribution);
  // Comment lines are left out: the header names the source file, and two
  // images with the same sources must share one tools tree.
  for (const auto &[path, file] : tree.files()) {
    if (path.rfind("tools.sandbox/", 0) != 0) continue;
    material += path + "\n";
    std::istringstream lines(file.content);
    for (std::string line; std::getline(lines, line);)
      if (line.rfind('#', 0) != 0) material += line + "\n";
  }
  std::set<std::string> packages;
  for (const ir::LocatedString &p : image.base.toolsTreePackages) packages.insert(p.value);
  for (const ir::Profile &profile : image.profiles)
    if (std::find(profiles.begin(), profiles.end(), profile.name.value) != profiles.end())
      for (const ir::LocatedString &p : profile.content.toolsTreePackages) packages.insert(p.value);
  for (const std::string &p : packages) material += "package " + p + "\n";
  return sha256Hex(material).substr(0, 16);
}

void applyMirrorOverrides(const Options &options, ir::Image &image) {
  ir::ImageSettings &s = image.settings;
  if (!options.mirror.empty()) {
    s.mirror = options.mirror;
    if (s.distribution == "debian") s.securityMirror = ir::deriveSecurityMirror(options.mirror);
  }
  std::string tools = !options.toolsTreeMirror.empty() ? options.toolsTreeMirror : options.mirror;
  if (!tools.empty()) {
    s.toolsTreeMirror = tools;
    s.toolsTreeSecurityMirror = ir::deriveSecurityMirror(tools);
  }
}

std::string buildName(const std::vector<std::string> &profiles) {
  std::string name;
  for (const std::string &p : profiles) name += (name.empty() ? "" : "+") + p;
  return name.empty() ? "default" : name;
}

// A profile's targets replace the base's; a build with several profiles that
// set targets serves all of them.
std::vector<std::string> targetsFor(const ir::Image &image, const std::vector<std::string> &profiles) {
  std::vector<std::string> out;
  auto add = [&](const std::vector<ir::LocatedString> &targets) {
    for (const ir::LocatedString &t : targets)
      if (std::find(out.begin(), out.end(), t.value) == out.end()) out.push_back(t.value);
  };
  for (const std::string &name : profiles)
    if (const ir::Profile *p = ir::findProfile(image, name); p && p->content.settings.targets)
      add(*p->content.settings.targets);
  if (out.empty() && image.base.settings.targets) add(*image.base.settings.targets);
  if (out.empty()) out.push_back("qemu");
  return out;
}

// The last lines of a build log, for the error message.
std::string tail(const std::string &path, std::size_t lines) {
  std::ifstream in(path);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string out;
  for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) out += "  | " + all[i] + "\n";
  return out;
}

}  // namespace

int runBake(const Options &options, std::ostream &out, std::ostream &err) {
  const auto bakeStart = Clock::now();
  SourceManager sources;
  DiagnosticEngine diags;
  const std::string bakeDir = fs::absolute(options.output).lexically_normal().string();

  // 1. Compile, exactly as `tdxc compile` does, plus the policy's frozen rule.
  FrontendResult frontend = runFrontend(options.input, sources, diags, FrontendOptions{options.vars});
  if (!frontend.image || diags.hasErrors()) return finishDiagnostics(options, sources, diags, out, err);
  ir::Image &image = *frontend.image;
  LockUse lockUse = loadLock(options, image, sources, diags);
  PassContext ctx{diags, sources};
  runPipeline(image, ctx, PipelineOptions{});
  if (image.policy.frozenLock.value && !options.frozen) {
    Diagnostic &d = diags.report(DiagKind::FrozenRequired, image.policy.frozenLock.range,
                                 "the policy requires a frozen lock: bake with --frozen");
    d.notes.push_back({{}, fmt::format("run `tdxc lock {}` first if tdx.lock is missing or stale", options.input)});
  }
  for (const std::vector<std::string> &profiles : options.builds) {
    for (const std::string &name : profiles) {
      if (!ir::findProfile(image, name))
        diags.report(DiagKind::InvalidValue, image.name.range,
                     fmt::format("--profile {}: the image declares no profile with that name", name));
    }
    // DIR/NAME must not be one of bake's own directories.
    const std::string name = buildName(profiles);
    if (name == "mkosi" || name == "logs" || name == "nix" || name == "lima")
      diags.report(DiagKind::InvalidValue, image.name.range,
                   fmt::format("--profile {}: its output directory would be bake's own {}/{}; build it together "
                               "with another profile or rename the profile",
                               name, options.output, name));
  }
  std::optional<std::string> recipe;
  if (!diags.hasErrors()) recipe = checkLockFresh(options, image, lockUse, diags);
  if (diags.hasErrors()) return finishDiagnostics(options, sources, diags, out, err);
  if (!recipe) recipe = lock::recipeDigest(image);
  applyMirrorOverrides(options, image);
  mkosi::FileTree tree = mkosi::generateTree(image);
  std::error_code ec;
  fs::create_directories(bakeDir, ec);
  if (ec || !mkosi::writeTreeAtomically(tree, bakeDir + "/mkosi", diags))
    return finishDiagnostics(options, sources, diags, out, err);
  err << fmt::format("tdxc bake: compiled {} into {}/mkosi\n", options.input, options.output);

  // 2. The backend.
  std::unique_ptr<build::Backend> backend = makeBackend(options, bakeDir);
  if (auto missing = backend->unavailable()) {
    diags.report(DiagKind::BackendUnavailable, image.name.range,
                 fmt::format("the {} backend cannot run: {}", backend->name(), *missing));
    return finishDiagnostics(options, sources, diags, out, err);
  }

  // 3. One build per --profile.
  std::vector<std::vector<std::string>> builds = options.builds;
  if (builds.empty()) builds.push_back({});
  BakeRecord record{image.name.value, image.sourceName, backend->name(), *recipe, {}, {}};
  if (lockUse.lock) record.lockDigest = "sha256:" + sha256Hex(lockUse.bytes);
  const std::string cache = cacheRoot(options);
  fs::create_directories(bakeDir + "/logs", ec);
  // Bakes on one machine share the tools trees and apt's package cache: one
  // at a time (the lock is released when this function returns).
  std::optional<FileLock> cacheLock;
  if (backend->usesHostCaches()) {
    std::string lockError;
    fs::create_directories(cache, ec);
    cacheLock = FileLock::acquire(
        cache + "/.lock",
        [&] { err << fmt::format("tdxc bake: waiting for another bake that uses the cache {}\n", cache); }, lockError);
    if (!cacheLock) {
      diags.report(DiagKind::BuildFailed, image.name.range, fmt::format("cannot lock the cache: {}", lockError));
      return finishDiagnostics(options, sources, diags, out, err);
    }
  }

  for (std::size_t i = 0; i < builds.size(); ++i) {
    build::BuildRequest request;
    request.name = buildName(builds[i]);
    request.bakeDir = bakeDir;
    request.treeDir = bakeDir + "/mkosi";
    request.outputDir = bakeDir + "/" + request.name;
    request.profiles = builds[i];
    const std::string toolsTree = fmt::format("{}/tools-tree/{}", cache, toolsTreeKey(image, tree, builds[i]));
    bool reuseTools = false;
    if (backend->usesHostCaches()) {
      request.packageCacheDir = cache + "/packages";
      fs::create_directories(request.packageCacheDir, ec);
      reuseTools = image.settings.toolsTree && fs::exists(toolsTree + "/.tdxc-complete", ec);
      if (reuseTools) request.toolsTree = toolsTree;
    }
    fs::remove_all(request.outputDir, ec);
    fs::create_directories(request.outputDir, ec);
    if (auto error = backend->prepare(request)) {
      diags.report(DiagKind::BuildFailed, image.name.range,
                   fmt::format("preparing the {} backend failed: {}", backend->name(), *error));
      return finishDiagnostics(options, sources, diags, out, err);
    }
    const std::string logPath = fmt::format("{}/logs/{}.log", bakeDir, request.name);
    std::ofstream log(logPath, std::ios::trunc);
    err << fmt::format("tdxc bake: [{}/{}] {}: building with {}{} (log: {})\n", i + 1, builds.size(), request.name,
                       backend->name(), reuseTools ? ", cached tools tree" : "", logPath);
    const auto buildStart = Clock::now();
    for (const Command &command : backend->plan(request)) {
      err << "tdxc bake: $ " << formatCommand(command.argv) << '\n';
      log << "$ " << formatCommand(command.argv) << '\n';
      CommandResult result = runStreaming(command, [&](std::string_view chunk) {
        err.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        err.flush();
        log.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      });
      log.flush();
      if (!result.started || result.exitCode != 0) {
        Diagnostic &d = diags.report(
            DiagKind::BuildFailed, image.name.range,
            fmt::format("build {} failed: {} {}", request.name, command.argv.front(),
                        result.started ? fmt::format("exited with status {}", result.exitCode) : result.error));
        d.notes.push_back({{}, fmt::format("the last lines of {}:\n{}", logPath, tail(logPath, 15))});
        return finishDiagnostics(options, sources, diags, out, err);
      }
    }
    const double buildSeconds = secondsSince(buildStart);

    // mkosi 25 leaves the tools tree it built in the output directory: keep it
    // in the cache for the next bake, and out of the artifacts.
    const std::string builtTools = request.outputDir + "/tools";
    if (fs::is_directory(builtTools, ec)) {
      if (backend->usesHostCaches() && !reuseTools) {
        fs::create_directories(fs::path(toolsTree).parent_path(), ec);
        fs::remove_all(toolsTree, ec);
        fs::rename(builtTools, toolsTree, ec);
        if (!ec) std::ofstream(toolsTree + "/.tdxc-complete") << "built by tdxc bake\n";
        err << (ec ? fmt::format("tdxc bake: warning: could not keep the tools tree in {}: {}\n", toolsTree,
                                 ec.message())
                   : fmt::format("tdxc bake: kept the tools tree in {} for later bakes\n", toolsTree));
      }
      fs::remove_all(builtTools, ec);
    }

    std::string error;
    BuildRecord build{request.name, request.profiles, build::collectArtifacts(request.outputDir, error), {}};
    if (!error.empty()) {
      diags.report(DiagKind::BuildFailed, image.name.range, "reading the build's outputs failed: " + error);
      return finishDiagnostics(options, sources, diags, out, err);
    }
    for (const std::string &target : targetsFor(image, request.profiles)) {
      if (const build::Artifact *artifact = build::artifactFor(build.artifacts, target, image.settings.format)) {
        build.targets[target] = artifact->file;
      } else {
        diags.report(
            DiagKind::NoArtifact, image.name.range,
            fmt::format("build {} produced no artifact for target {} in {}", request.name, target, request.outputDir));
      }
    }
    err << fmt::format("tdxc bake: [{}/{}] {}: built in {:.1f} s\n", i + 1, builds.size(), request.name, buildSeconds);
    record.builds.push_back(std::move(build));
    if (diags.hasErrors()) return finishDiagnostics(options, sources, diags, out, err);
  }

  // 4. What was built, and from what.
  std::string error;
  if (!writeBakeResult(bakeDir, record, error) || !writeBakeReport(bakeDir, image, tree, record, error)) {
    diags.report(DiagKind::OutputWrite, {}, error);
    return finishDiagnostics(options, sources, diags, out, err);
  }
  int status = finishDiagnostics(options, sources, diags, out, err);
  for (const BuildRecord &build : record.builds)
    for (const auto &[target, file] : build.targets)
      out << fmt::format("{}\t{}\t{}/{}\n", build.name, target, bakeDir + "/" + build.name, file);
  err << fmt::format("tdxc bake: done in {:.1f} s: {}/bake-result.json, {}/report.json\n", secondsSince(bakeStart),
                     bakeDir, bakeDir);
  return status;
}

}  // namespace tdxc
