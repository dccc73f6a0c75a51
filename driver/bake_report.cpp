#include "driver/bake_report.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "frontend/module_loader.h"
#include "support/atomic_file.h"
#include "support/sha256.h"

namespace tdxc {
namespace {

using nlohmann::json;

json header(const BakeRecord &record) {
  return {{"version", 1},
          {"image", record.image},
          {"source", record.source},
          {"backend", record.backend},
          {"recipe_digest", record.recipeDigest},
          {"lock_digest", record.lockDigest ? json(*record.lockDigest) : json(nullptr)}};
}

// Base content, then each selected profile's additions.
std::vector<std::string> effective(const ir::Image &image, const std::vector<std::string> &profiles,
                                   std::vector<ir::LocatedString> ir::Content::*list) {
  std::set<std::string> names;
  for (const ir::LocatedString &p : image.base.*list) names.insert(p.value);
  for (const std::string &name : profiles)
    if (const ir::Profile *profile = ir::findProfile(image, name))
      for (const ir::LocatedString &p : profile->content.*list) names.insert(p.value);
  return {names.begin(), names.end()};
}

// Every script of the build: executables and sourced .sh files of the base
// tree and of the selected profiles' trees.
json scriptChecksums(const mkosi::FileTree &tree, const std::vector<std::string> &profiles) {
  json scripts = json::object();
  for (const auto &[path, file] : tree.files()) {
    bool isScript = (file.mode & 0111) != 0 || (path.size() > 3 && path.compare(path.size() - 3, 3, ".sh") == 0);
    if (!isScript) continue;
    if (path.rfind("mkosi.profiles/", 0) == 0) {
      std::string profile = path.substr(15, path.find('/', 15) - 15);
      if (std::find(profiles.begin(), profiles.end(), profile) == profiles.end()) continue;
    }
    scripts[path] = sha256Hex(file.content);
  }
  return scripts;
}

// mkosi's package manifest (ManifestFormat=json): what apt really installed.
json installedPackages(const std::string &outputDir, const BuildRecord &build) {
  json installed = json::array();
  for (const build::Artifact &artifact : build.artifacts) {
    if (artifact.file.size() < 9 || artifact.file.compare(artifact.file.size() - 9, 9, ".manifest") != 0) continue;
    auto text = readFileBytes(outputDir + "/" + artifact.file);
    json manifest = text ? json::parse(*text, nullptr, false) : json();
    if (!manifest.is_object() || !manifest.contains("packages") || !manifest["packages"].is_array()) continue;
    for (const json &p : manifest["packages"])
      if (p.is_object() && p.contains("name") && p.contains("version") && p["name"].is_string() &&
          p["version"].is_string())
        installed.push_back(p["name"].get<std::string>() + "=" + p["version"].get<std::string>());
  }
  std::sort(installed.begin(), installed.end());
  return installed;
}

bool write(const std::string &path, const json &document, std::string &error) {
  return writeFileAtomically(path, document.dump(2) + "\n", error);
}

}  // namespace

bool writeBakeResult(const std::string &bakeDir, const BakeRecord &record, std::string &error) {
  json result = header(record);
  result["builds"] = json::array();
  for (const BuildRecord &build : record.builds) {
    json artifacts = json::array();
    for (const build::Artifact &a : build.artifacts)
      artifacts.push_back({{"path", build.name + "/" + a.file},
                           {"sha256", a.sha256},
                           {"size", a.size},
                           {"target", a.target.empty() ? json(nullptr) : json(a.target)}});
    json targets = json::object();
    for (const auto &[target, file] : build.targets) targets[target] = build.name + "/" + file;
    result["builds"].push_back(
        {{"name", build.name}, {"profiles", build.profiles}, {"artifacts", artifacts}, {"targets", targets}});
  }
  return write(bakeDir + "/bake-result.json", result, error);
}

bool writeBakeReport(const std::string &bakeDir, const ir::Image &image, const mkosi::FileTree &tree,
                     const BakeRecord &record, std::string &error) {
  json report = header(record);
  report["builds"] = json::array();
  for (const BuildRecord &build : record.builds) {
    json artifacts = json::object();
    for (const build::Artifact &a : build.artifacts) artifacts[a.file] = a.sha256;
    report["builds"].push_back({{"name", build.name},
                                {"profiles", build.profiles},
                                {"packages", effective(image, build.profiles, &ir::Content::packages)},
                                {"build_packages", effective(image, build.profiles, &ir::Content::buildPackages)},
                                {"installed_packages", installedPackages(bakeDir + "/" + build.name, build)},
                                {"scripts", scriptChecksums(tree, build.profiles)},
                                {"artifacts", artifacts}});
  }
  return write(bakeDir + "/report.json", report, error);
}

}  // namespace tdxc
