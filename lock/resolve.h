// What `tdxc lock` asks the outside world: the commit a git ref names (real
// `git ls-remote`) and the SHA-256 of a download (real curl, hashed with
// OpenSSL). Failures come back as messages; the caller locates them.
#pragma once

#include <optional>
#include <string>

namespace tdxc::lock {

struct Resolved {
  std::optional<std::string> value;  // the commit or the hex digest
  std::string error;                 // why not (when value is empty)
};

/// The commit `ref` names in the repository at `url`: a full commit id is
/// returned as is (no network); otherwise git's own order applies: an exact
/// refs/... name, then refs/tags/REF (peeled for annotated tags), then
/// refs/heads/REF.
Resolved resolveGitRef(const std::string &url, const std::string &ref);

/// Downloads `url` into a temporary file and returns its SHA-256.
Resolved hashDownload(const std::string &url);

}  // namespace tdxc::lock
