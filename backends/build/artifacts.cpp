#include "backends/build/artifacts.h"

#include <algorithm>
#include <filesystem>

#include "support/sha256.h"

namespace tdxc::build {
namespace fs = std::filesystem;

namespace {
bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

std::string targetOf(const std::string &file) {
  if (endsWith(file, ".qcow2") || endsWith(file, ".efi") || endsWith(file, ".raw")) return "qemu";
  if (endsWith(file, ".vhd")) return "azure";
  if (endsWith(file, ".tar.gz")) return "gcp";
  return "";
}

std::vector<Artifact> collectArtifacts(const std::string &dir, std::string &error) {
  std::vector<Artifact> artifacts;
  std::error_code ec;
  for (const fs::directory_entry &entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
    Artifact artifact;
    artifact.file = entry.path().filename().string();
    auto digest = sha256FileHex(entry.path().string(), error);
    if (!digest) {
      error = artifact.file + ": " + error;
      return {};
    }
    artifact.sha256 = *digest;
    artifact.size = entry.file_size(ec);
    artifact.target = targetOf(artifact.file);
    artifacts.push_back(std::move(artifact));
  }
  if (ec) error = dir + ": " + ec.message();
  std::sort(artifacts.begin(), artifacts.end(), [](const Artifact &a, const Artifact &b) { return a.file < b.file; });
  return artifacts;
}

namespace {
// For qemu: a qcow2 disk (QemuPlatform) boots as it is. Then the image's own
// format: a UKI image is booted with -kernel; a disk image's UKI (mkosi writes
// one next to the .raw) is only its boot loader entry, not bootable alone.
int qemuPreference(const std::string &file, const std::string &format) {
  if (endsWith(file, ".qcow2")) return 3;
  if (endsWith(file, ".raw")) return format == "disk" ? 2 : 0;
  if (endsWith(file, ".efi")) return format == "disk" ? 1 : 2;
  return 0;
}
}  // namespace

const Artifact *artifactFor(const std::vector<Artifact> &artifacts, const std::string &target,
                            const std::string &format) {
  const Artifact *found = nullptr;
  for (const Artifact &a : artifacts) {
    if (a.target != target) continue;
    if (!found || (target == "qemu" && qemuPreference(a.file, format) > qemuPreference(found->file, format)))
      found = &a;
  }
  return found;
}

}  // namespace tdxc::build
