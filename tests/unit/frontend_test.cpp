// The frontend as a library: text in, IR and diagnostics out.
#include "frontend/frontend.h"

#include <gtest/gtest.h>

#include "backends/mkosi/codegen.h"
#include "backends/mkosi/emitters.h"
#include "passes/pass.h"
#include "tests/unit/compile_helper.h"

namespace tdxc {
namespace {

using testing::compile;

TEST(Frontend, LowersSettingsAndDefaults) {
  auto c = compile(R"(image "node" { base = "debian/bookworm", packages += ["curl"], packages += ["jq"] })");
  ASSERT_FALSE(c->diags.hasErrors());
  const ir::Image &img = *c->image;
  EXPECT_EQ(img.settings.distribution, "debian");
  EXPECT_EQ(img.settings.release, "bookworm");
  EXPECT_EQ(img.settings.format, "uki");
  EXPECT_EQ(img.settings.securityMirror, "http://deb.debian.org/debian-security");
  ASSERT_EQ(img.base.packages.size(), 2u);
  EXPECT_EQ(img.base.packages[1].value, "jq");
}

TEST(Frontend, SeedIsDerivedFromTheNameDeterministically) {
  auto a = compile(R"(image "one" { })");
  auto b = compile(R"(image "one" { hostname = "x" })");
  auto other = compile(R"(image "two" { })");
  EXPECT_EQ(a->image->settings.seed, b->image->settings.seed);
  EXPECT_NE(a->image->settings.seed, other->image->settings.seed);
  EXPECT_EQ(a->image->settings.seed[14], '4');  // version 4 layout
}

TEST(Frontend, SnapshotMirrorGetsMatchingSecurityMirror) {
  auto c = compile(R"(image "s" { mirror = "https://snapshot.example/archive/debian/20251113T083151Z/" })");
  EXPECT_EQ(c->image->settings.securityMirror, "https://snapshot.example/archive/debian-security/20251113T083151Z/");
}

TEST(Frontend, VarOverridesAreTyped) {
  const char *text = R"(var N: int = 1
image "v" { service "s" { exec = ["/bin/s"], restart_sec = N } })";
  auto c = compile(text, {{"N", "7"}});
  ASSERT_FALSE(c->diags.hasErrors());
  EXPECT_EQ(c->image->base.services[0].restartSec, 7);
  auto bad = compile(text, {{"N", "seven"}});
  EXPECT_EQ(bad->diags.unsorted()[0].kind, DiagKind::BadVarValue);
}

TEST(Frontend, ErrorsDoNotCascade) {
  // One mistake, one diagnostic: the bad user name is not reported again
  // when the service refers to it.
  auto c = compile(R"(image "e" { user "Bad Name" { } })");
  EXPECT_EQ(c->diags.errorCount(), 1u);
}

TEST(Frontend, ProfileLayeringReplacesOnlyOverrides) {
  auto c = compile(R"(image "p" {
    file "/etc/a" { content = "base" }
    file "/etc/b" { content = "base" }
    profile "x" { file "/etc/a" { content = "profile", override = true } packages += ["vim"] }
  })");
  ASSERT_FALSE(c->diags.hasErrors());
  ir::Content layered = layeredContent(*c->image, c->image->profiles[0]);
  ASSERT_EQ(layered.files.size(), 2u);
  EXPECT_EQ(layered.files[0].content, "profile");
  EXPECT_EQ(layered.files[1].content, "base");
  EXPECT_EQ(layered.packages.back().value, "vim");
}

TEST(Codegen, PackagesAreSortedAndDeduplicated) {
  auto c = compile(R"(image "d" { packages = ["zsh", "curl", "zsh", "bash"], tools_tree = false })");
  mkosi::FileTree tree = mkosi::generateTree(*c->image);
  const mkosi::TreeFile *conf = tree.find("mkosi.conf");
  ASSERT_NE(conf, nullptr);
  EXPECT_NE(conf->content.find("Packages=\n        bash\n        curl\n        zsh\n"), std::string::npos);
  EXPECT_EQ(tree.find("tools.sandbox/etc/apt/sources.list.d/mkosi.sources"), nullptr);
}

TEST(Codegen, RegularUsersGetStableUidsSkippingTakenOnes) {
  auto c = compile(R"(image "u" {
    user "a" { system = false }
    user "b" { system = false, uid = 1001 }
    user "c" { system = false }
  })");
  auto uids = mkosi::allocateRegularUids(*c->image);
  EXPECT_EQ(uids.at("a"), 1000);
  EXPECT_EQ(uids.at("c"), 1002);
  EXPECT_EQ(uids.count("b"), 0u);
}

}  // namespace
}  // namespace tdxc
