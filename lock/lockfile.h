// tdx.lock: what `tdxc lock` resolved (git commits, download digests) and the
// recipe digest of the source it resolved them for. Versioned JSON with
// sorted keys and entries, so the same resolution gives the same bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tdxc::lock {

inline constexpr int kLockVersion = 1;

struct LockedGit {
  std::string name, url, ref, commit;
};

struct LockedDownload {
  std::string name, url, sha256;
};

struct LockFile {
  int version = kLockVersion;
  std::string source;        // file name of the .tdx the lock was taken for
  std::string recipeDigest;  // "sha256:<hex>" of the unpinned emitted tree
  std::vector<LockedGit> git;
  std::vector<LockedDownload> downloads;

  const LockedGit *findGit(const std::string &name) const;
  const LockedDownload *findDownload(const std::string &name) const;
};

/// Canonical text: 2-space JSON, keys sorted, entries sorted by name, final LF.
std::string serializeLock(const LockFile &lock);

struct LockParseError {
  std::size_t offset = 0;  // byte offset in the text where the problem is
  std::string message;
};

/// Parses and validates a lock; on failure fills `error` and returns nullopt.
std::optional<LockFile> parseLock(const std::string &text, LockParseError &error);

/// Byte offset of the line holding `"key"` in the text (for diagnostics), or 0.
std::size_t offsetOfKey(const std::string &text, const std::string &key);

}  // namespace tdxc::lock
