// mkosi.conf of the base image and of each profile. Only keys the .tdx sets
// (or whose mkosi default would be unsafe for a reproducible TDX image) appear.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "backends/mkosi/emitters.h"
#include "backends/mkosi/ini_writer.h"
#include "backends/mkosi/systemd_quote.h"

namespace tdxc::mkosi {
namespace {

std::vector<std::string> sortedUnique(const std::vector<ir::LocatedString> &items) {
  std::set<std::string> set;
  for (const auto &item : items) set.insert(escapeSpecifiers(item.value));
  return {set.begin(), set.end()};
}

std::vector<std::string> inOrderUnique(const std::vector<ir::LocatedString> &items) {
  std::vector<std::string> out;
  for (const auto &item : items)
    if (std::find(out.begin(), out.end(), escapeSpecifiers(item.value)) == out.end())
      out.push_back(escapeSpecifiers(item.value));
  return out;
}

// mkosi splits Environment= with shlex; quote items that need it.
std::string environmentItem(const std::string &key, const std::string &value) {
  std::string item = key + "=" + value;
  return escapeSpecifiers(item.find_first_of(" \t'\"\\") == std::string::npos ? item : shellQuote(item));
}

const char *mkosiArch(const std::string &arch) { return arch == "aarch64" ? "arm64" : "x86-64"; }

void rawKeys(IniWriter &ini, const ir::Content &content, const std::string &section) {
  for (const ir::RawSection &raw : content.raw) {
    if (raw.section != section) continue;
    for (const auto &[key, values] : raw.keys) {
      if (values.size() == 1)
        ini.key(key.value, values.front());
      else
        ini.list(key.value, values);
    }
  }
}

bool hasRaw(const ir::Content &content, const std::string &section) {
  return std::any_of(content.raw.begin(), content.raw.end(),
                     [&](const ir::RawSection &r) { return r.section == section && !r.keys.empty(); });
}

}  // namespace

void emitConf(const Scope &scope, FileTree &tree) {
  const ir::Content &c = scope.content;
  const ir::ImageSettings &s = scope.image.settings;
  const ir::Settings &set = c.settings;
  IniWriter ini(generatedHeader(scope, scope.isBase() ? "image \"" + scope.image.name.value + "\"" : "overlay"));

  if (scope.isBase()) {
    ini.section("Distribution");
    ini.key("Distribution", s.distribution);
    ini.key("Release", s.release);
    ini.key("Architecture", mkosiArch(s.arch));
  }
  if (hasRaw(c, "Distribution")) {
    if (!scope.isBase()) ini.section("Distribution");
    rawKeys(ini, c, "Distribution");
  }

  bool output = scope.isBase() || set.manifestFormat || hasRaw(c, "Output");
  if (output) ini.section("Output");
  if (scope.isBase()) {
    ini.key("Format", s.format);
    ini.key("ImageId", escapeSpecifiers(s.imageId));
    ini.key("Seed", s.seed);
    if (!s.outputDir.empty()) ini.key("OutputDirectory", escapeSpecifiers(s.outputDir));
  }
  std::string manifest = set.manifestFormat ? set.manifestFormat->value : (scope.isBase() ? "json" : "");
  if (!scope.isBase() && set.manifestFormat) ini.key("ManifestFormat", "");  // a profile replaces, not appends
  if (!manifest.empty() && manifest != "none") ini.key("ManifestFormat", manifest);
  rawKeys(ini, c, "Output");

  bool content = scope.isBase() || !c.packages.empty() || !c.buildPackages.empty() || !c.kernelCmdline.empty() ||
                 set.hostname || set.cleanPackageMetadata || hasRaw(c, "Content");
  if (content) ini.section("Content");
  if (!c.packages.empty()) ini.list("Packages", sortedUnique(c.packages));
  if (!c.buildPackages.empty()) ini.list("BuildPackages", sortedUnique(c.buildPackages));
  if (!c.kernelCmdline.empty()) ini.list("KernelCommandLine", inOrderUnique(c.kernelCmdline));
  if (set.hostname) ini.key("Hostname", set.hostname->value);
  if (scope.isBase()) ini.key("SourceDateEpoch", std::to_string(s.sourceDateEpoch));
  bool clean = set.cleanPackageMetadata ? set.cleanPackageMetadata->value : true;
  if (scope.isBase() || set.cleanPackageMetadata) ini.key("CleanPackageMetadata", clean ? "yes" : "no");
  rawKeys(ini, c, "Content");

  std::vector<std::string> environment;
  std::vector<std::pair<std::string, std::string>> sortedEnv;
  for (const auto &[key, value] : c.environment) sortedEnv.push_back({key.value, value});
  std::sort(sortedEnv.begin(), sortedEnv.end());
  for (const auto &[key, value] : sortedEnv) environment.push_back(environmentItem(key, value));
  for (const std::string &name : inOrderUnique(c.environmentPassthrough)) environment.push_back(name);

  // Without a tools tree, scripts use the host's tools: nothing to add to.
  bool toolsTreePackages = s.toolsTree && !c.toolsTreePackages.empty();
  bool build = scope.isBase() || set.network || !environment.empty() || toolsTreePackages || hasRaw(c, "Build");
  if (build) ini.section("Build");
  if (scope.isBase()) {
    if (s.toolsTree) {
      ini.key("ToolsTree", "default");
      ini.key("ToolsTreeDistribution", "debian");
      ini.key("ToolsTreeRelease", s.toolsTreeRelease);
      ini.key("ToolsTreeSandboxTrees", "tools.sandbox");
    }
    if (!s.cacheDir.empty()) ini.key("CacheDirectory", escapeSpecifiers(s.cacheDir));
    if (!s.packageCacheDir.empty()) ini.key("PackageCacheDirectory", escapeSpecifiers(s.packageCacheDir));
    if (!s.buildDir.empty()) ini.key("BuildDirectory", escapeSpecifiers(s.buildDir));
  }
  if (toolsTreePackages) ini.list("ToolsTreePackages", sortedUnique(c.toolsTreePackages));
  if (scope.isBase() || set.network) ini.key("WithNetwork", set.network && set.network->value ? "yes" : "no");
  if (!environment.empty()) ini.list("Environment", environment);
  rawKeys(ini, c, "Build");

  for (const char *section : {"Validation", "Runtime", "Host"})
    if (hasRaw(c, section)) {
      ini.section(section);
      rawKeys(ini, c, section);
    }
  tree.add(scope.root + "mkosi.conf", ini.finish());
}

}  // namespace tdxc::mkosi
