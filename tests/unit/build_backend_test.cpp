// The build backends' command lines and checks. Nix and Lima are not
// installed where this suite runs, so their exact commands are tested here;
// the local backend also runs for real in tests/lit/e2e.
#include <gtest/gtest.h>

#include "backends/build/artifacts.h"
#include "backends/build/backend.h"
#include "backends/build/lima.h"

namespace tdxc::build {
namespace {

BuildRequest request() {
  BuildRequest r;
  r.name = "azure+devtools";
  r.bakeDir = "/b/with space";
  r.treeDir = "/b/with space/mkosi";
  r.outputDir = "/b/with space/azure+devtools";
  r.profiles = {"azure", "devtools"};
  return r;
}

TEST(MkosiArguments, ProfilesToolsTreeAndCache) {
  BuildRequest r = request();
  r.toolsTree = "/cache/tools";
  r.packageCacheDir = "/cache/packages";
  std::vector<std::string> want = {"-C",
                                   "/b/with space/mkosi",
                                   "--force",
                                   "--output-directory",
                                   "/b/with space/azure+devtools",
                                   "--profile",
                                   "azure,devtools",
                                   "--tools-tree",
                                   "/cache/tools",
                                   "--package-cache-directory",
                                   "/cache/packages",
                                   "build"};
  EXPECT_EQ(mkosiArguments(r), want);
  r.profiles.clear();
  r.toolsTree.clear();
  r.packageCacheDir.clear();
  EXPECT_EQ(mkosiArguments(r), (std::vector<std::string>{"-C", "/b/with space/mkosi", "--force", "--output-directory",
                                                         "/b/with space/azure+devtools", "build"}));
}

TEST(MkosiVersion, ParsesReleasesAndDevelopmentVersions) {
  ASSERT_TRUE(parseMkosiVersion("mkosi 25.3\n"));
  EXPECT_EQ(parseMkosiVersion("mkosi 25.3\n")->major, 25);
  EXPECT_EQ(parseMkosiVersion("mkosi 25.3\n")->minor, 3);
  EXPECT_EQ(parseMkosiVersion("mkosi 26~devel")->major, 26);
  EXPECT_EQ(parseMkosiVersion("mkosi 14")->major, 14);
  EXPECT_FALSE(parseMkosiVersion("usage: mkosi [options]"));
  EXPECT_FALSE(parseMkosiVersion(""));
}

TEST(MkosiVersion, RefusesOldOrUnreadableVersions) {
  CommandResult ok{true, 0, "mkosi 25.3\n", "", ""};
  EXPECT_FALSE(mkosiVersionProblem("/m", ok));
  CommandResult old{true, 0, "mkosi 14\n", "", ""};  // Debian bookworm's own mkosi
  ASSERT_TRUE(mkosiVersionProblem("/m", old));
  EXPECT_NE(mkosiVersionProblem("/m", old)->find("/m is mkosi 14.0; tdxc needs mkosi 25 or newer"), std::string::npos);
  CommandResult garbage{true, 0, "hello\n", "", ""};
  EXPECT_TRUE(mkosiVersionProblem("/m", garbage));
  CommandResult failed{true, 1, "mkosi 25.3\n", "", ""};
  EXPECT_TRUE(mkosiVersionProblem("/m", failed));
  CommandResult notStarted{false, -1, "", "", "No such file or directory"};
  EXPECT_NE(mkosiVersionProblem("/m", notStarted)->find("cannot run /m"), std::string::npos);
}

TEST(LocalBackend, RootRunsMkosiDirectlyOthersThroughUnshare) {
  auto root = makeLocalBackend({"/usr/bin/true", true});
  auto commands = root->plan(request());
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].argv.front(), "/usr/bin/true");
  auto user = makeLocalBackend({"/usr/bin/true", false});
  commands = user->plan(request());
  std::vector<std::string> prefix(commands[0].argv.begin(), commands[0].argv.begin() + 5);
  EXPECT_EQ(prefix, (std::vector<std::string>{"unshare", "--map-auto", "--map-root-user", "--", "/usr/bin/true"}));
}

TEST(NixBackend, RunsMkosiInsideNixDevelop) {
  auto nix = makeNixBackend();
  auto commands = nix->plan(request());
  ASSERT_EQ(commands.size(), 1u);
  std::vector<std::string> head(commands[0].argv.begin(), commands[0].argv.begin() + 7);
  EXPECT_EQ(head, (std::vector<std::string>{"nix", "--extra-experimental-features", "nix-command flakes", "develop",
                                            "path:/b/with space/nix", "--command", "mkosi"}));
  EXPECT_EQ(commands[0].argv.back(), "build");
}

TEST(LimaBackend, StateDecidesCreateAndStart) {
  EXPECT_EQ(limaPlan(request(), "vm", LimaState::Missing, "/h").size(), 3u);  // create, start, build
  EXPECT_EQ(limaPlan(request(), "vm", LimaState::Stopped, "/h").size(), 2u);  // start, build
  auto running = limaPlan(request(), "vm", LimaState::Running, "/h");
  ASSERT_EQ(running.size(), 1u);
  EXPECT_EQ(running[0].argv[0], "ssh");
  EXPECT_EQ(running[0].argv[2], "/h/.lima/vm/ssh.config");
  EXPECT_EQ(running[0].argv[3], "lima-vm");
  auto missing = limaPlan(request(), "vm", LimaState::Missing, "/h");
  EXPECT_EQ(missing[0].argv, (std::vector<std::string>{"limactl", "create", "--tty=false", "--name", "vm",
                                                       "/b/with space/lima/lima.yaml"}));
}

TEST(LimaBackend, ParsesLimactlList) {
  std::string list = R"({"name":"other","status":"Running"}
{"name":"vm","status":"Stopped","dir":"/h/.lima/vm"}
not json
)";
  EXPECT_EQ(parseLimaList(list, "vm"), LimaState::Stopped);
  EXPECT_EQ(parseLimaList(list, "other"), LimaState::Running);
  EXPECT_EQ(parseLimaList(list, "none"), LimaState::Missing);
}

// ssh joins its arguments into one string that the remote shell splits
// again: the quoted command must come back as exactly the original argv.
// Checked with a real bash doing that second split.
TEST(LimaBackend, RemoteCommandSurvivesTheRemoteShell) {
  BuildRequest r = request();
  r.treeDir = "/b/it's \"quoted\" $HOME `x` *";
  auto command = limaPlan(r, "vm", LimaState::Running, "/h").back();
  std::string remote = command.argv.back();
  CommandResult split = runCaptured(Command{{"bash", "-c", "printf '%s\\n' " + remote}, "", {}});
  ASSERT_TRUE(split.started);
  std::vector<std::string> want = {"sudo", "mkosi"};
  for (const std::string &arg : mkosiArguments(r)) want.push_back(arg);
  std::string expected;
  for (const std::string &arg : want) expected += arg + "\n";
  EXPECT_EQ(split.out, expected);
}

TEST(LimaBackend, VmDefinitionMountsTheBakeDirectoryAtTheSamePath) {
  std::string yaml = limaYaml("/b/with space");
  EXPECT_NE(yaml.find("  - location: \"/b/with space\"\n    mountPoint: \"/b/with space\"\n    writable: true"),
            std::string::npos);
  EXPECT_NE(yaml.find("apt-get install -y --no-install-recommends mkosi"), std::string::npos);
}

TEST(Artifacts, TargetsFromFileNames) {
  EXPECT_EQ(targetOf("image_1.0.efi"), "qemu");
  EXPECT_EQ(targetOf("image.raw"), "qemu");
  EXPECT_EQ(targetOf("image.qcow2"), "qemu");
  EXPECT_EQ(targetOf("image.vhd"), "azure");
  EXPECT_EQ(targetOf("image.tar.gz"), "gcp");
  EXPECT_EQ(targetOf("image.manifest"), "");
  std::vector<Artifact> artifacts = {{"a.raw", "", 0, "qemu"}, {"a.efi", "", 0, "qemu"}};
  EXPECT_EQ(artifactFor(artifacts, "qemu", "uki")->file, "a.efi");   // a UKI image boots its UKI
  EXPECT_EQ(artifactFor(artifacts, "qemu", "disk")->file, "a.raw");  // a disk image boots its disk
  artifacts.insert(artifacts.begin(), {"a.qcow2", "", 0, "qemu"});
  EXPECT_EQ(artifactFor(artifacts, "qemu", "uki")->file, "a.qcow2");  // a qcow2 disk wins over both
  EXPECT_EQ(artifactFor(artifacts, "qemu", "disk")->file, "a.qcow2");
  EXPECT_EQ(artifactFor(artifacts, "gcp", "uki"), nullptr);
}

}  // namespace
}  // namespace tdxc::build
