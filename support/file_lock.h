// An exclusive advisory lock (flock(2)) on a file, held while the object
// lives. tdxc bake takes one on its cache directory, so two bakes on one
// machine do not build into the same tools tree or share apt's package cache
// at the same time: the second waits and says so.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace tdxc {

class FileLock {
 public:
  /// Locks `path` (created if missing). If another open file holds the lock,
  /// calls `onWait` once and blocks until it is released. nullopt (and
  /// `error`) if the file cannot be opened or locked.
  static std::optional<FileLock> acquire(const std::string &path, const std::function<void()> &onWait,
                                         std::string &error);

  FileLock(FileLock &&other) noexcept;
  FileLock &operator=(FileLock &&other) noexcept;
  FileLock(const FileLock &) = delete;
  FileLock &operator=(const FileLock &) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace tdxc
