#include "backends/mkosi/tree_writer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

namespace tdxc::mkosi {
namespace {

namespace fs = std::filesystem;

class TreeWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() / ("tdxc-tree-writer-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    fs::create_directories(root);
  }
  void TearDown() override { fs::remove_all(root); }

  static std::string read(const fs::path &path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path root;
};

TEST_F(TreeWriterTest, WritesFilesWithExplicitModes) {
  FileTree tree;
  tree.add("a/script.sh", "#!/bin/sh\n", 0755);
  tree.add("conf", "x\n");
  DiagnosticEngine diags;
  ::umask(077);
  ASSERT_TRUE(writeTreeAtomically(tree, root / "out", diags));
  ::umask(022);
  struct stat st {};
  ASSERT_EQ(::stat((root / "out/a/script.sh").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0755u);
  ASSERT_EQ(::stat((root / "out/conf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0644u);
  ASSERT_EQ(::stat((root / "out/a").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0755u);
  EXPECT_TRUE(fs::exists(root / "out" / kMarkerFile));
}

TEST_F(TreeWriterTest, ReplacesAPreviousTreeWholesale) {
  DiagnosticEngine diags;
  FileTree first;
  first.add("old", "1");
  ASSERT_TRUE(writeTreeAtomically(first, root / "out", diags));
  FileTree second;
  second.add("new", "2");
  ASSERT_TRUE(writeTreeAtomically(second, root / "out", diags));
  EXPECT_FALSE(fs::exists(root / "out/old"));
  EXPECT_EQ(read(root / "out/new"), "2");
  for (const auto &entry : fs::directory_iterator(root)) EXPECT_EQ(entry.path().filename(), "out");
}

TEST_F(TreeWriterTest, RefusesDirectoriesItDidNotWrite) {
  fs::create_directories(root / "mine");
  std::ofstream(root / "mine/important") << "keep";
  FileTree tree;
  tree.add("x", "y");
  DiagnosticEngine diags;
  EXPECT_FALSE(writeTreeAtomically(tree, root / "mine", diags));
  EXPECT_EQ(diags.unsorted().at(0).kind, DiagKind::OutputNotOurs);
  EXPECT_EQ(read(root / "mine/important"), "keep");
  EXPECT_FALSE(fs::exists(root / "mine/x"));
}

TEST_F(TreeWriterTest, FailureLeavesTheOldTreeAndNoTemporaries) {
  DiagnosticEngine diags;
  FileTree good;
  good.add("keep", "old");
  ASSERT_TRUE(writeTreeAtomically(good, root / "out", diags));
  FileTree bad;  // a file and a directory at one path cannot both be written
  bad.add("clash", "file");
  bad.add("clash/inner", "dir");
  EXPECT_FALSE(writeTreeAtomically(bad, root / "out", diags));
  EXPECT_EQ(read(root / "out/keep"), "old");
  for (const auto &entry : fs::directory_iterator(root)) EXPECT_EQ(entry.path().filename(), "out");
}

}  // namespace
}  // namespace tdxc::mkosi
