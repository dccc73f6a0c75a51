#include "support/file_lock.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace tdxc {
namespace {

namespace fs = std::filesystem;

std::string lockPath() {
  return (fs::temp_directory_path() / ("tdxc-file-lock-" + std::to_string(::getpid()))).string();
}

TEST(FileLock, SecondHolderWaitsUntilTheFirstReleases) {
  const std::string path = lockPath();
  int ready[2], done[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(done), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // another process, as another bake would be
    std::string error;
    auto held = FileLock::acquire(path, nullptr, error);
    char byte = held ? 'y' : 'n';
    (void)!::write(ready[1], &byte, 1);
    (void)!::read(done[0], &byte, 1);  // hold until the parent says so
    ::_exit(0);
  }
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  ASSERT_EQ(byte, 'y');

  bool waited = false;
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    char go = 'g';
    (void)!::write(done[1], &go, 1);
  });
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  auto lock = FileLock::acquire(
      path, [&] { waited = true; }, error);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  release.join();
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(lock.has_value()) << error;
  EXPECT_TRUE(waited);
  EXPECT_GE(elapsed, std::chrono::milliseconds(250));
  fs::remove(path);
}

TEST(FileLock, UncontendedLockDoesNotWaitAndIsReleasedOnDestruction) {
  const std::string path = lockPath() + "-free";
  std::string error;
  bool waited = false;
  {
    auto first = FileLock::acquire(
        path, [&] { waited = true; }, error);
    ASSERT_TRUE(first) << error;
  }
  auto second = FileLock::acquire(
      path, [&] { waited = true; }, error);
  ASSERT_TRUE(second) << error;
  EXPECT_FALSE(waited);
  fs::remove(path);
}

TEST(FileLock, UnopenablePathIsAnError) {
  std::string error;
  EXPECT_FALSE(FileLock::acquire("/nonexistent-dir/lock", nullptr, error));
  EXPECT_NE(error.find("/nonexistent-dir/lock: "), std::string::npos);
}

}  // namespace
}  // namespace tdxc
