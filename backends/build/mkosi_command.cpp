// What every backend shares: mkosi's command line and version check.
#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "backends/build/backend.h"
#include "support/atomic_file.h"

namespace tdxc::build {

std::vector<std::string> mkosiArguments(const BuildRequest &request) {
  std::vector<std::string> args = {"-C", request.treeDir, "--force", "--output-directory", request.outputDir};
  if (!request.profiles.empty()) {
    std::string joined;
    for (const std::string &p : request.profiles) joined += (joined.empty() ? "" : ",") + p;
    args.insert(args.end(), {"--profile", joined});
  }
  if (!request.toolsTree.empty()) args.insert(args.end(), {"--tools-tree", request.toolsTree});
  if (!request.packageCacheDir.empty()) args.insert(args.end(), {"--package-cache-directory", request.packageCacheDir});
  args.push_back("build");
  return args;
}

std::optional<MkosiVersion> parseMkosiVersion(std::string_view text) {
  std::size_t at = text.find("mkosi ");
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + 6;
  auto number = [&](int &into) {
    std::size_t start = i;
    long value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && i - start < 6)
      value = value * 10 + (text[i++] - '0');
    into = static_cast<int>(value);
    return i > start;
  };
  MkosiVersion version;
  if (!number(version.major)) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    ++i;
    number(version.minor);
  }
  return version;
}

std::optional<std::string> mkosiVersionProblem(const std::string &mkosi, const CommandResult &version) {
  if (!version.started) return fmt::format("cannot run {}: {}", mkosi, version.error);
  auto parsed = parseMkosiVersion(version.out + version.err);
  if (version.exitCode != 0 || !parsed)
    return fmt::format("{} --version did not print a mkosi version (exit {})", mkosi, version.exitCode);
  if (parsed->major < kMinimumMkosiMajor)
    return fmt::format("{} is mkosi {}.{}; tdxc needs mkosi {} or newer (scripts/setup.sh installs 25.3)", mkosi,
                       parsed->major, parsed->minor, kMinimumMkosiMajor);
  return std::nullopt;
}

std::optional<std::string> writeBackendFile(const std::string &dir, const std::string &name,
                                            const std::string &content) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fmt::format("cannot create {}: {}", dir, ec.message());
  std::string error;
  if (!writeFileAtomically(dir + "/" + name, content, error)) return error;
  return std::nullopt;
}

std::optional<std::string> locateMkosi(const std::string &explicitPath) {
  if (!explicitPath.empty()) return findProgram(explicitPath);
  if (const char *env = std::getenv("TDXC_MKOSI"); env && *env) return findProgram(env);
  std::filesystem::path project = std::filesystem::path(TDXC_SOURCE_DIR) / ".deps/bin/mkosi";
  if (auto found = findProgram(project.string())) return found;
  return findProgram("mkosi");
}

}  // namespace tdxc::build
