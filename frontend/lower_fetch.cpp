// git, download and policy blocks: what a build fetches, and the rules for it.
#include <fmt/format.h>

#include <regex>

#include "frontend/lower_blocks.h"

namespace tdxc {
namespace {

const std::regex kGitUrl(R"(^(https?|git|ssh|file)://\S+$)");
const std::regex kRef(R"(^[A-Za-z0-9][A-Za-z0-9_./+-]*$)");
const std::regex kSha256(R"(^[0-9a-f]{64}$)");

// The name becomes a bash associative-array key in tdxc/fetch.sh and an
// argument of tdxc_git_fetch/tdxc_download: keep it a plain word.
bool checkFetchName(const CheckedBlock &block, LowerContext &ctx) {
  return require(isFileWord(block.label()), block.labelRange(), ctx,
                 fmt::format("{} name \"{}\" is used as a shell word: use letters, digits, '.', '_' and '-'",
                             block.spec->kind, block.label()));
}

}  // namespace

std::optional<ir::GitSource> lowerGitSource(const CheckedBlock &block, LowerContext &ctx) {
  if (!checkFetchName(block, ctx)) return std::nullopt;
  auto url = getString(block, "url");
  auto ref = getString(block, "ref");
  if (!url || !ref) return std::nullopt;
  if (!require(std::regex_match(*url, kGitUrl), rangeOfKey(block, "url"), ctx,
               "url must be an https://, http://, git://, ssh:// or file:// URL"))
    return std::nullopt;
  if (!require(std::regex_match(*ref, kRef) && ref->find("..") == std::string::npos, rangeOfKey(block, "ref"), ctx,
               fmt::format("\"{}\" is not a git ref: write a commit id, a tag or a branch name", *ref)))
    return std::nullopt;
  ir::GitSource source;
  source.name = {block.label(), block.labelRange()};
  source.url = {*url, rangeOfKey(block, "url")};
  source.ref = {*ref, rangeOfKey(block, "ref")};
  source.range = block.range();
  return source;
}

std::optional<ir::Download> lowerDownload(const CheckedBlock &block, LowerContext &ctx) {
  if (!checkFetchName(block, ctx)) return std::nullopt;
  auto url = getString(block, "url");
  if (!url) return std::nullopt;
  if (!require(isHttpOrFileUrl(*url), rangeOfKey(block, "url"), ctx, "url must be an https://, http:// or file:// URL"))
    return std::nullopt;
  ir::Download download;
  download.name = {block.label(), block.labelRange()};
  download.url = {*url, rangeOfKey(block, "url")};
  if (auto sha = getString(block, "sha256")) {
    // An empty string means "not declared" so that modules can pass an
    // optional parameter straight through; the lock or the policy decides.
    if (!sha->empty()) {
      if (!require(std::regex_match(*sha, kSha256), rangeOfKey(block, "sha256"), ctx,
                   "sha256 must be 64 lower-case hex digits"))
        return std::nullopt;
      download.sha256 = ir::LocatedString{*sha, rangeOfKey(block, "sha256")};
    }
  }
  download.range = block.range();
  return download;
}

void lowerPolicy(const CheckedBlock &block, ir::Policy &policy, LowerContext &ctx) {
  if (policy.range.valid()) {
    Diagnostic &d = ctx.diags.report(DiagKind::DuplicateDeclaration, block.range(),
                                     "an image has one policy block; merge the rules into the first one");
    d.notes.push_back({policy.range, "the first policy block is here"});
    return;
  }
  policy.range = block.range();
  if (auto frozen = getBool(block, "frozen_lock")) policy.frozenLock = {*frozen, rangeOfKey(block, "frozen_lock")};
  if (auto refs = getString(block, "mutable_refs")) policy.mutableRefs = {*refs, rangeOfKey(block, "mutable_refs")};
  if (auto integrity = getBool(block, "integrity")) policy.integrity = {*integrity, rangeOfKey(block, "integrity")};
  if (auto network = getString(block, "network")) policy.network = {*network, rangeOfKey(block, "network")};
}

}  // namespace tdxc
