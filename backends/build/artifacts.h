// What a build produced: every regular file in its output directory with its
// SHA-256, and which deployment target each one serves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tdxc::build {

struct Artifact {
  std::string file;    // name inside the output directory
  std::string sha256;  // hex
  std::uintmax_t size = 0;
  std::string target;  // "qemu", "azure", "gcp" or "" (manifest, initrd, ...)
};

/// The target an output file serves, from its name: a qcow2 disk
/// (QemuPlatform), a UKI (.efi) or a raw disk (.raw) boots under qemu, a fixed
/// VHD (.vhd) is Azure's, a .tar.gz holding disk.raw is GCP's.
std::string targetOf(const std::string &file);

/// Regular files directly in `dir` (symlinks and directories such as the
/// tools tree are skipped), sorted by name; `error` set if one cannot be read.
std::vector<Artifact> collectArtifacts(const std::string &dir, std::string &error);

/// The artifact serving `target`. For qemu: a qcow2 disk, else, for an image
/// of `format` "disk", the raw disk before the UKI mkosi writes beside it, and
/// for other formats the UKI before a raw disk.
const Artifact *artifactFor(const std::vector<Artifact> &artifacts, const std::string &target,
                            const std::string &format);

}  // namespace tdxc::build
