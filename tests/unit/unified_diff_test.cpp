#include "support/unified_diff.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "support/subprocess.h"

namespace tdxc {
namespace {

namespace fs = std::filesystem;

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unifiedDiff("", "", "a", "b"), "");
  EXPECT_EQ(unifiedDiff("x\ny\n", "x\ny\n", "a", "b"), "");
}

TEST(UnifiedDiff, OneChangeWithThreeLinesOfContext) {
  EXPECT_EQ(unifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n", "old", "new"),
            "--- old\n+++ new\n"
            "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, DistantChangesGetTheirOwnHunks) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  EXPECT_EQ(unifiedDiff(before, after, "a", "b"),
            "--- a\n+++ b\n"
            "@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
            "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
}

TEST(UnifiedDiff, ChangesSixLinesApartShareAHunk) {
  // Six unchanged lines between two changes: 3 + 3 of context touch.
  EXPECT_EQ(unifiedDiff("a\n1\n2\n3\n4\n5\n6\nb\n", "A\n1\n2\n3\n4\n5\n6\nB\n", "x", "y"),
            "--- x\n+++ y\n@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-b\n+B\n");
}

TEST(UnifiedDiff, EmptySidesAndMissingFinalNewline) {
  EXPECT_EQ(unifiedDiff("", "new\n", "/dev/null", "f"), "--- /dev/null\n+++ f\n@@ -0,0 +1,1 @@\n+new\n");
  EXPECT_EQ(unifiedDiff("old\n", "", "f", "/dev/null"), "--- f\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-old\n");
  EXPECT_EQ(unifiedDiff("a\nb", "a\nb\n", "x", "y"),
            "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

// The diff is checked by the real tools: GNU patch must turn `before` into
// `after` with it, and its changed lines must be as few as GNU diff
// --minimal's (both compute a shortest edit script).
class UnifiedDiffAgainstGnuTools : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("tdxc-unified-diff-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  static void write(const fs::path &path, const std::string &text) { std::ofstream(path, std::ios::binary) << text; }
  static std::string read(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  static std::size_t changedLines(const std::string &diff) {
    std::size_t count = 0, at = 0;
    while (at < diff.size()) {
      std::size_t end = diff.find('\n', at);
      std::string_view line(diff.data() + at, (end == std::string::npos ? diff.size() : end) - at);
      if ((line.rfind("+", 0) == 0 && line.rfind("+++ ", 0) != 0) ||
          (line.rfind("-", 0) == 0 && line.rfind("--- ", 0) != 0))
        ++count;
      at = end == std::string::npos ? diff.size() : end + 1;
    }
    return count;
  }

  void check(const std::string &before, const std::string &after) {
    std::string diff = unifiedDiff(before, after, "file", "file");
    write(dir / "file", before);
    write(dir / "patch", diff);
    if (!diff.empty()) {
      CommandResult patched = runCaptured({{"patch", "-s", "-p0", "-i", (dir / "patch").string()}, dir.string(), {}});
      ASSERT_TRUE(patched.started) << patched.error;
      ASSERT_EQ(patched.exitCode, 0) << patched.out << patched.err << diff;
    }
    ASSERT_EQ(read(dir / "file"), after) << diff;
    write(dir / "before", before);
    write(dir / "after", after);
    CommandResult gnu = runCaptured({{"diff", "--minimal", "-u", "before", "after"}, dir.string(), {}});
    ASSERT_TRUE(gnu.started) << gnu.error;
    EXPECT_EQ(changedLines(diff), changedLines(gnu.out)) << "ours:\n" << diff << "GNU diff:\n" << gnu.out;
  }

  fs::path dir;
};

TEST_F(UnifiedDiffAgainstGnuTools, RandomEdits) {
  std::mt19937 random(20261124);
  // Few distinct lines, so there are many equal lines to align.
  auto text = [&](int lines) {
    std::string out;
    for (int i = 0; i < lines; ++i) out += std::string(1, static_cast<char>('a' + random() % 5)) + "\n";
    if (random() % 4 == 0 && !out.empty()) out.pop_back();  // no final newline
    return out;
  };
  for (int round = 0; round < 150; ++round) {
    std::string before = text(static_cast<int>(random() % 40));
    std::string after = text(static_cast<int>(random() % 40));
    SCOPED_TRACE(round);
    check(before, after);
    if (HasFatalFailure()) return;
  }
}

TEST_F(UnifiedDiffAgainstGnuTools, PastTheEditLimitTheMiddleIsReplacedWhole) {
  std::string before = "same\n", after = "same\n";
  for (int i = 0; i < 3000; ++i) {
    before += "old " + std::to_string(i) + "\n";
    after += "new " + std::to_string(i) + "\n";
  }
  before += "tail\n";
  after += "tail\n";
  check(before, after);  // minimal here too: the middles share no line
  EXPECT_EQ(unifiedDiff(before, after, "a", "b").rfind("--- a\n+++ b\n@@ -1,3002 +1,3002 @@\n same\n-old 0\n", 0), 0u);
}

}  // namespace
}  // namespace tdxc
