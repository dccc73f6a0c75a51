// check-policy: the image's policy { } rules on what the build fetches.
// Runs after the driver applied tdx.lock's pins, so "pinned" means pinned by
// a commit id in the source or by the lock. (frozen_lock is the driver's:
// only `tdxc bake` knows whether it was asked for --frozen.)
#include <fmt/format.h>

#include "passes/pass.h"

namespace tdxc {
namespace {

void noteRule(Diagnostic &d, const ir::Policy &policy, SourceRange rule, const std::string &text) {
  // Without a policy block the rule is a default and has no line to show.
  d.notes.push_back({rule.valid() ? rule : policy.range, text});
}

void checkContent(const ir::Content &content, const ir::Policy &policy, PassContext &ctx) {
  const std::string &refs = policy.mutableRefs.value;
  for (const ir::GitSource &git : content.gitSources) {
    if (refs != "allow" && git.pinnedCommit().empty()) {
      Diagnostic &d = ctx.diags.report(
          refs == "error" ? DiagKind::MutableRef : DiagKind::MutableRefWarning, git.ref.range,
          fmt::format("git source \"{}\" follows \"{}\", which is not a commit id and is not pinned by tdx.lock",
                      git.name.value, git.ref.value));
      noteRule(d, policy, policy.mutableRefs.range, fmt::format("the policy sets mutable_refs = \"{}\"", refs));
      d.notes.push_back({{}, "run `tdxc lock` to pin it, or write the commit id as the ref"});
    }
    if (policy.network.value == "offline") {
      Diagnostic &d = ctx.diags.report(DiagKind::NetworkPolicy, git.range,
                                       fmt::format("git source \"{}\" is fetched during the build, which needs "
                                                   "the network",
                                                   git.name.value));
      noteRule(d, policy, policy.network.range, "the policy sets network = \"offline\"");
    }
  }
  for (const ir::Download &download : content.downloads) {
    if (policy.integrity.value && download.expectedSha256().empty()) {
      Diagnostic &d =
          ctx.diags.report(DiagKind::IntegrityMissing, download.url.range,
                           fmt::format("download \"{}\" has no sha256 and tdx.lock records none", download.name.value));
      noteRule(d, policy, policy.integrity.range, "the policy requires integrity (integrity = true, the default)");
      d.notes.push_back({{}, "write sha256 = \"...\" in the download block, or run `tdxc lock` to record it"});
    }
    if (policy.network.value == "offline") {
      Diagnostic &d = ctx.diags.report(
          DiagKind::NetworkPolicy, download.range,
          fmt::format("download \"{}\" is fetched during the build, which needs the network", download.name.value));
      noteRule(d, policy, policy.network.range, "the policy sets network = \"offline\"");
    }
  }
  if (policy.network.value == "offline" && content.settings.network && content.settings.network->value) {
    Diagnostic &d = ctx.diags.report(DiagKind::NetworkPolicy, content.settings.network->range,
                                     "network = true gives build scripts the network");
    noteRule(d, policy, policy.network.range, "the policy sets network = \"offline\"");
  }
}

}  // namespace

void checkPolicy(ir::Image &image, PassContext &ctx) {
  checkContent(image.base, image.policy, ctx);
  for (const ir::Profile &profile : image.profiles) checkContent(profile.content, image.policy, ctx);
}

}  // namespace tdxc
