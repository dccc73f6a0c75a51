// Build backends: how `tdxc bake` runs mkosi on an emitted tree. Each backend
// turns a build request into the exact commands to run (so they can be
// tested without the tool), checks its prerequisites, and writes any
// configuration it needs. The driver runs the commands and collects outputs.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/subprocess.h"

namespace tdxc::build {

struct BuildRequest {
  std::string name;       // "default", or the profiles joined with '+'
  std::string bakeDir;    // absolute: bake's -o DIR
  std::string treeDir;    // absolute: the emitted mkosi tree (DIR/mkosi)
  std::string outputDir;  // absolute: DIR/NAME
  std::vector<std::string> profiles;
  std::string toolsTree;        // reuse this tools tree; empty: the tree's ToolsTree= decides
  std::string packageCacheDir;  // share downloaded packages; empty: mkosi's default
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;
  /// nullopt when the backend can run here; otherwise what is missing and how to get it.
  virtual std::optional<std::string> unavailable() const = 0;
  /// Writes what the commands need (a flake, a VM definition); an error message on failure.
  virtual std::optional<std::string> prepare(const BuildRequest &) const { return std::nullopt; }
  /// The commands of one build, in order.
  virtual std::vector<Command> plan(const BuildRequest &request) const = 0;
  /// Whether bake manages a tools tree and package cache on this host for it.
  virtual bool usesHostCaches() const { return false; }
};

/// mkosi's arguments for one build (after the program name), the same for
/// every backend: -C TREE --force --output-directory OUT [--profile A,B]
/// [--tools-tree PATH] [--package-cache-directory DIR] build.
std::vector<std::string> mkosiArguments(const BuildRequest &request);

struct MkosiVersion {
  int major = 0, minor = 0;
};
/// Parses `mkosi --version` output ("mkosi 25.3", "mkosi 26~devel").
std::optional<MkosiVersion> parseMkosiVersion(std::string_view text);
inline constexpr int kMinimumMkosiMajor = 25;
/// Why the output of `MKOSI --version` rules it out (not a version, or older
/// than kMinimumMkosiMajor), or nullopt if it will do.
std::optional<std::string> mkosiVersionProblem(const std::string &mkosi, const CommandResult &version);

struct LocalOptions {
  std::string mkosi;  // an explicit --mkosi; empty: search
  bool root = true;   // running as root (else: through unshare)
};
std::unique_ptr<Backend> makeLocalBackend(const LocalOptions &options);
std::unique_ptr<Backend> makeNixBackend();
std::unique_ptr<Backend> makeLimaBackend(const std::string &instance);

/// Writes DIR/NAME atomically, creating DIR (a backend's flake or VM
/// definition); an error message on failure.
std::optional<std::string> writeBackendFile(const std::string &dir, const std::string &name,
                                            const std::string &content);

/// Where the local backend finds mkosi: --mkosi, $TDXC_MKOSI, the project's
/// .deps/bin/mkosi (installed by scripts/setup.sh), then mkosi on PATH.
std::optional<std::string> locateMkosi(const std::string &explicitPath);

}  // namespace tdxc::build
