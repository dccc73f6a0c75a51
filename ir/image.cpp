#include "ir/image.h"

namespace tdxc::ir {

const char *phaseName(Phase phase) {
  switch (phase) {
    case Phase::Sync: return "sync";
    case Phase::Prepare: return "prepare";
    case Phase::Build: return "build";
    case Phase::Postinst: return "postinst";
    case Phase::Finalize: return "finalize";
    case Phase::Postoutput: return "postoutput";
    case Phase::Clean: return "clean";
  }
  return "postinst";
}

std::optional<std::string> deriveSecurityMirror(const std::string &mirror) {
  std::size_t pos = mirror.rfind("/debian");
  while (pos != std::string::npos) {
    std::size_t after = pos + 7;
    if (after == mirror.size() || mirror[after] == '/')
      return mirror.substr(0, after) + "-security" + mirror.substr(after);
    if (pos == 0) break;
    pos = mirror.rfind("/debian", pos - 1);
  }
  return std::nullopt;
}

namespace {
// One walk for the const and non-const overloads.
template <typename Out, typename ImageT, typename Member>
std::vector<Out> collectAll(ImageT &image, Member member) {
  std::vector<Out> out;
  for (auto &item : image.base.*member) out.push_back(&item);
  for (auto &profile : image.profiles)
    for (auto &item : profile.content.*member) out.push_back(&item);
  return out;
}
}  // namespace

std::vector<GitSource *> allGitSources(Image &image) { return collectAll<GitSource *>(image, &Content::gitSources); }
std::vector<const GitSource *> allGitSources(const Image &image) {
  return collectAll<const GitSource *>(image, &Content::gitSources);
}
std::vector<Download *> allDownloads(Image &image) { return collectAll<Download *>(image, &Content::downloads); }
std::vector<const Download *> allDownloads(const Image &image) {
  return collectAll<const Download *>(image, &Content::downloads);
}

const Profile *findProfile(const Image &image, std::string_view name) {
  for (const Profile &profile : image.profiles)
    if (profile.name.value == name) return &profile;
  return nullptr;
}

bool isCommitId(const std::string &ref) {
  if (ref.size() != 40) return false;
  for (char c : ref)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string GitSource::pinnedCommit() const {
  if (isCommitId(ref.value)) return ref.value;
  return locked.value_or("");
}

std::string Download::expectedSha256() const {
  if (sha256) return sha256->value;
  return locked.value_or("");
}

}  // namespace tdxc::ir
