// The two files a bake leaves next to its outputs: bake-result.json (every
// artifact with its sha256 and the target it serves) and report.json (what
// went into each build: packages, installed versions, script checksums, lock
// and recipe digests).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backends/build/artifacts.h"
#include "backends/mkosi/file_tree.h"
#include "ir/image.h"

namespace tdxc {

struct BuildRecord {
  std::string name;
  std::vector<std::string> profiles;
  std::vector<build::Artifact> artifacts;
  std::map<std::string, std::string> targets;  // target -> artifact file
};

struct BakeRecord {
  std::string image, source, backend, recipeDigest;
  std::optional<std::string> lockDigest;  // sha256 of tdx.lock's bytes, when one was used
  std::vector<BuildRecord> builds;
};

bool writeBakeResult(const std::string &bakeDir, const BakeRecord &record, std::string &error);
bool writeBakeReport(const std::string &bakeDir, const ir::Image &image, const mkosi::FileTree &tree,
                     const BakeRecord &record, std::string &error);

}  // namespace tdxc
