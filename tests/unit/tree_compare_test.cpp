#include "backends/mkosi/tree_compare.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "backends/mkosi/tree_writer.h"

namespace tdxc::mkosi {
namespace {

namespace fs = std::filesystem;

class TreeCompareTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() / ("tdxc-tree-compare-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    tree.add("mkosi.conf", "[Distribution]\nDistribution=debian\n");
    tree.add("mkosi.build", "#!/bin/sh\n", 0755);
    DiagnosticEngine diags;
    ASSERT_TRUE(writeTreeAtomically(tree, root / "out", diags));
  }
  void TearDown() override { fs::remove_all(root); }

  std::vector<TreeDifference> compare() { return compareTree(tree, root / "out", "out"); }

  fs::path root;
  FileTree tree;
};

TEST_F(TreeCompareTest, TheTreeCompileWroteMatches) { EXPECT_TRUE(compare().empty()); }

TEST_F(TreeCompareTest, ContentChangeIsAUnifiedDiff) {
  tree.add("mkosi.conf", "[Distribution]\nDistribution=ubuntu\n");
  auto differences = compare();
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].path, "mkosi.conf");
  EXPECT_EQ(differences[0].summary, "differs");
  EXPECT_EQ(differences[0].diff,
            "--- out/mkosi.conf\n+++ out/mkosi.conf\n@@ -1,2 +1,2 @@\n [Distribution]\n-Distribution=debian\n"
            "+Distribution=ubuntu\n");
}

TEST_F(TreeCompareTest, MissingAndExtraFilesAgainstDevNull) {
  tree.add("new/file", "n\n");
  std::ofstream(root / "out/stray") << "s\n";
  auto differences = compare();
  ASSERT_EQ(differences.size(), 2u);
  EXPECT_EQ(differences[0].path, "new/file");
  EXPECT_EQ(differences[0].summary, "is missing");
  EXPECT_EQ(differences[0].diff, "--- /dev/null\n+++ out/new/file\n@@ -0,0 +1,1 @@\n+n\n");
  EXPECT_EQ(differences[1].path, "stray");
  EXPECT_EQ(differences[1].summary, "is not generated");
  EXPECT_EQ(differences[1].diff, "--- out/stray\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-s\n");
}

TEST_F(TreeCompareTest, ModeBinaryAndSymlink) {
  fs::permissions(root / "out/mkosi.build", fs::perms(0644));
  tree.add("key.gpg", std::string("\x99\x01\0\x02", 4));
  std::ofstream(root / "out/key.gpg") << "text\n";
  fs::create_symlink("mkosi.conf", root / "out/link");
  auto differences = compare();
  ASSERT_EQ(differences.size(), 3u);
  EXPECT_EQ(differences[0].path, "key.gpg");
  EXPECT_EQ(differences[0].diff, "Binary files out/key.gpg and out/key.gpg differ\n");
  EXPECT_EQ(differences[1].path, "link");
  EXPECT_EQ(differences[1].diff, "out/link is not a regular file\n");
  EXPECT_EQ(differences[2].path, "mkosi.build");
  EXPECT_EQ(differences[2].summary, "has another mode");
  EXPECT_EQ(differences[2].diff, "out/mkosi.build has mode 0644; compiling writes mode 0755\n");
}

TEST_F(TreeCompareTest, MarkerIsIgnoredAndAnAbsentDirectoryLacksEverything) {
  ASSERT_TRUE(fs::exists(root / "out" / kMarkerFile));
  EXPECT_TRUE(compare().empty());
  auto differences = compareTree(tree, root / "absent", "absent/");
  ASSERT_EQ(differences.size(), 2u);
  EXPECT_EQ(differences[0].summary, "is missing");
  EXPECT_EQ(differences[0].diff.rfind("--- /dev/null\n+++ absent/mkosi.build\n", 0), 0u);
}

}  // namespace
}  // namespace tdxc::mkosi
