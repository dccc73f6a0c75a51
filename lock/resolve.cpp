#include "lock/resolve.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <sstream>

#include "ir/image.h"
#include "support/sha256.h"
#include "support/subprocess.h"

namespace tdxc::lock {
namespace {

std::string firstLine(const std::string &text) {
  std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? "no output" : line;
}

// git explains itself on its first "fatal:" line; the rest is advice.
std::string gitReason(const std::string &err) {
  std::size_t at = err.find("fatal: ");
  return firstLine(at == std::string::npos ? err : err.substr(at));
}

}  // namespace

Resolved resolveGitRef(const std::string &url, const std::string &ref) {
  if (ir::isCommitId(ref)) return {ref, ""};
  Command ls{{"git", "ls-remote", "--", url}, "", {{"GIT_TERMINAL_PROMPT", "0"}, {"GIT_ASKPASS", "/bin/false"}}};
  CommandResult result = runCaptured(ls);
  if (!result.started) return {std::nullopt, result.error};
  if (result.exitCode != 0)
    return {std::nullopt, fmt::format("git ls-remote failed (exit {}): {}", result.exitCode, gitReason(result.err))};
  std::map<std::string, std::string> refs;  // name -> commit ("^{}" entries are peeled tags)
  std::istringstream lines(result.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    refs[line.substr(tab + 1)] = line.substr(0, tab);
  }
  auto lookup = [&](const std::string &name) -> std::optional<std::string> {
    if (auto peeled = refs.find(name + "^{}"); peeled != refs.end()) return peeled->second;
    if (auto it = refs.find(name); it != refs.end()) return it->second;
    return std::nullopt;
  };
  for (const std::string &candidate : {ref, "refs/" + ref, "refs/tags/" + ref, "refs/heads/" + ref})
    if (candidate.rfind("refs/", 0) == 0 || candidate == "HEAD")
      if (auto commit = lookup(candidate)) return {*commit, ""};
  return {std::nullopt, fmt::format("the repository has no branch or tag named \"{}\"", ref)};
}

Resolved hashDownload(const std::string &url) {
  const char *tmp = std::getenv("TMPDIR");
  std::string pattern = fmt::format("{}/tdxc-download-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) return {std::nullopt, "cannot create a temporary file"};
  ::close(fd);
  Command curl{{"curl", "-fsSL", "--retry", "2", "--proto", "=https,http,file", "-o", pattern, "--", url}, "", {}};
  CommandResult result = runCaptured(curl);
  Resolved resolved;
  if (!result.started) {
    resolved.error = result.error;
  } else if (result.exitCode != 0) {
    resolved.error = fmt::format("curl failed (exit {}): {}", result.exitCode, firstLine(result.err));
  } else {
    std::string error;
    resolved.value = sha256FileHex(pattern, error);
    if (!resolved.value) resolved.error = "cannot read the download: " + error;
  }
  ::unlink(pattern.c_str());
  return resolved;
}

}  // namespace tdxc::lock
