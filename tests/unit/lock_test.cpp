// tdx.lock: canonical serialization, validation, and what the recipe digest
// covers; how pins reach the IR.
#include <gtest/gtest.h>

#include "compile_helper.h"
#include "lock/lockfile.h"
#include "lock/recipe.h"

namespace tdxc {
namespace {

lock::LockFile sample() {
  lock::LockFile lock;
  lock.source = "image.tdx";
  lock.recipeDigest = "sha256:" + std::string(64, 'a');
  lock.git = {{"zeta", "https://example.org/z.git", "main", std::string(40, '1')},
              {"alpha", "https://example.org/a.git", "v1", std::string(40, '2')}};
  lock.downloads = {{"stub", "https://example.org/stub.deb", std::string(64, 'f')}};
  return lock;
}

TEST(LockFile, SerializesSortedAndRoundTrips) {
  std::string text = lock::serializeLock(sample());
  EXPECT_LT(text.find("\"alpha\""), text.find("\"zeta\""));  // entries sorted by name
  EXPECT_EQ(text.back(), '\n');
  lock::LockParseError error;
  auto parsed = lock::parseLock(text, error);
  ASSERT_TRUE(parsed) << error.message;
  EXPECT_EQ(lock::serializeLock(*parsed), text);  // canonical: the same bytes again
  ASSERT_NE(parsed->findGit("zeta"), nullptr);
  EXPECT_EQ(parsed->findGit("zeta")->commit, std::string(40, '1'));
  EXPECT_EQ(parsed->findDownload("missing"), nullptr);
}

TEST(LockFile, RejectsWhatItCannotTrust) {
  std::string good = lock::serializeLock(sample());
  auto rejects = [](const std::string &text, const std::string &why) {
    lock::LockParseError error;
    EXPECT_FALSE(lock::parseLock(text, error)) << text;
    EXPECT_NE(error.message.find(why), std::string::npos) << error.message;
    return error;
  };
  rejects("{", "not valid JSON");
  rejects("[]", "not a JSON object");
  rejects("{\"version\": 1e400}", "number overflow");  // nlohmann's out_of_range, not a parse_error
  rejects("{\"version\": 123456789012345678901234567890}", "wrong type");
  rejects(std::string(good).replace(good.find("\"version\": 1"), 12, "\"version\": 2"), "version 2 is not supported");
  rejects(std::string(good).replace(good.find(std::string(40, '1')), 40, std::string(39, '1')), "\"commit\"");
  rejects(std::string(good).replace(good.find(std::string(64, 'f')), 64, "F" + std::string(63, 'f')), "\"sha256\"");
  rejects(std::string(good).replace(good.find("\"zeta\""), 6, "\"alpha\""), "appears twice");
  auto error = rejects(std::string(good).replace(good.find("sha256:"), 7, "md5:"), "\"recipe_digest\"");
  EXPECT_EQ(error.offset, lock::offsetOfKey(good, "recipe_digest"));  // located at the key's line
}

const char *kImage = R"(
image "x" {
  packages += ["curl"]
  git "app" { url = "https://example.org/app.git", ref = "main" }
  download "blob" { url = "https://example.org/blob" }
  policy { integrity = false }
}
)";

std::string digestOf(const std::string &text) {
  auto compiled = testing::compile(text);
  EXPECT_FALSE(compiled->diags.hasErrors());
  return compiled->image ? lock::recipeDigest(*compiled->image) : "";
}

std::string replaced(std::string text, const std::string &from, const std::string &to) {
  return text.replace(text.find(from), from.size(), to);
}

TEST(RecipeDigest, CoversWhatShapesTheTreeButNotThePins) {
  std::string base = digestOf(kImage);
  EXPECT_EQ(base.rfind("sha256:", 0), 0u);
  EXPECT_EQ(digestOf(kImage), base);  // deterministic
  // Settings the seed SDK's digest missed: mirror, kernel command line, files.
  EXPECT_NE(digestOf(replaced(kImage, "packages", "mirror = \"http://m.example/debian\"\n  packages")), base);
  EXPECT_NE(digestOf(replaced(kImage, "packages", "kernel_cmdline = [\"quiet\"]\n  packages")), base);
  EXPECT_NE(digestOf(replaced(kImage, "packages", "file \"/etc/motd\" { content = \"hi\" }\n  packages")), base);
  EXPECT_NE(digestOf(replaced(kImage, "\"main\"", "\"dev\"")), base);  // the declared ref

  auto compiled = testing::compile(kImage);
  ASSERT_TRUE(compiled->image);
  lock::LockFile lock;
  lock.git = {{"app", "https://example.org/app.git", "main", std::string(40, 'c')}};
  lock.downloads = {{"blob", "https://example.org/blob", std::string(64, 'd')}};
  lock::applyLock(*compiled->image, lock);
  EXPECT_EQ(compiled->image->base.gitSources[0].pinnedCommit(), std::string(40, 'c'));
  EXPECT_EQ(compiled->image->base.downloads[0].expectedSha256(), std::string(64, 'd'));
  EXPECT_EQ(lock::recipeDigest(*compiled->image), base);  // pins are not part of the recipe
}

TEST(ApplyLock, OnlyEntriesWithTheSameNameUrlAndRef) {
  auto compiled = testing::compile(kImage);
  ASSERT_TRUE(compiled->image);
  lock::LockFile lock;
  lock.git = {{"app", "https://example.org/app.git", "v2", std::string(40, 'c')}};  // another ref
  lock.downloads = {{"blob", "https://example.org/other", std::string(64, 'd')}};   // another URL
  lock::applyLock(*compiled->image, lock);
  EXPECT_EQ(compiled->image->base.gitSources[0].pinnedCommit(), "");
  EXPECT_EQ(compiled->image->base.downloads[0].expectedSha256(), "");
}

TEST(GitSource, ACommitIdPinsItself) {
  ir::GitSource git;
  git.ref.value = "0123456789abcdef0123456789abcdef01234567";
  EXPECT_EQ(git.pinnedCommit(), git.ref.value);
  git.ref.value = "0123456789ABCDEF0123456789abcdef01234567";  // git prints lower case only
  EXPECT_EQ(git.pinnedCommit(), "");
}

}  // namespace
}  // namespace tdxc
