// apt sources live in the tree as sandbox trees (mkosi.sandbox/), so a build
// never depends on mkosi's built-in repository list (which, for Debian, always
// adds an unmirrored debug archive).
#include <fmt/format.h>

#include "backends/mkosi/emitters.h"

namespace tdxc::mkosi {
namespace {

std::string keyringFor(const std::string &distribution) {
  return distribution == "ubuntu" ? "/usr/share/keyrings/ubuntu-archive-keyring.gpg"
                                  : "/usr/share/keyrings/debian-archive-keyring.gpg";
}

std::string stanza(const std::string &url, const std::string &suites, const std::string &components,
                   const std::string &signedBy) {
  return fmt::format("Types: deb\nURIs: {}\nSuites: {}\nComponents: {}\nSigned-By: {}\n", url, suites, components,
                     signedBy);
}

// Rolling releases have no -updates or -security suites.
bool hasUpdateSuites(const std::string &release) { return release != "sid" && release != "unstable"; }

std::string distributionSources(const Scope &scope, const std::string &distribution, const std::string &release,
                                const std::string &mirror, const std::optional<std::string> &security) {
  std::string text = generatedHeader(scope, "package sources for " + distribution + "/" + release);
  std::string keyring = keyringFor(distribution);
  bool updates = hasUpdateSuites(release);
  std::string suites = updates ? fmt::format("{} {}-updates", release, release) : release;
  text += fmt::format("\n{}", stanza(mirror, suites, "main", keyring));
  if (updates && security)
    text += fmt::format("\n{}", stanza(*security, fmt::format("{}-security", release), "main", keyring));
  return text;
}

std::string hostOf(const std::string &url) {
  std::size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  std::size_t end = url.find_first_of("/:", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string joined(const std::vector<std::string> &words) {
  std::string out;
  for (const std::string &w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

void emitSources(const Scope &scope, FileTree &tree) {
  const ir::ImageSettings &s = scope.image.settings;
  if (scope.isBase()) {
    tree.add("mkosi.sandbox/etc/apt/sources.list.d/mkosi.sources",
             distributionSources(scope, s.distribution, s.release, s.mirror, s.securityMirror));
    if (s.toolsTree) {
      tree.add("tools.sandbox/etc/apt/sources.list.d/mkosi.sources",
               distributionSources(scope, "debian", s.toolsTreeRelease, s.toolsTreeMirror, s.toolsTreeSecurityMirror));
    }
  }
  for (const ir::Repository &repo : scope.content.repositories) {
    const std::string base = scope.root + "mkosi.sandbox/etc/apt/";
    std::string signedBy = keyringFor(s.distribution);
    if (repo.keyring) {
      signedBy = "/etc/apt/keyrings/" + repo.name.value + "." + repo.keyringExtension;
      tree.add(base + "keyrings/" + repo.name.value + "." + repo.keyringExtension, *repo.keyring);
    }
    std::string suites = repo.suites.empty() ? s.release : joined(repo.suites);
    tree.add(base + "sources.list.d/" + repo.name.value + ".sources",
             generatedHeader(scope, "repository \"" + repo.name.value + "\"") + "\n" +
                 stanza(repo.url, suites, joined(repo.components), signedBy));
    if (repo.priority)
      tree.add(base + "preferences.d/" + repo.name.value + ".pref",
               generatedHeader(scope, "repository \"" + repo.name.value + "\"") +
                   fmt::format("Package: *\nPin: origin \"{}\"\nPin-Priority: {}\n", hostOf(repo.url), *repo.priority));
  }
}

}  // namespace tdxc::mkosi
