#include "support/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tdxc {

bool writeFileAtomically(const std::string &path, const std::string &content, std::string &error, unsigned mode) {
  std::string temp = fmt::format("{}.tmp-XXXXXX", path);
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = fmt::format("cannot create a file next to {}: {}", path, std::strerror(errno));
    return false;
  }
  bool ok = ::fchmod(fd, static_cast<mode_t>(mode & 07777)) == 0;
  std::size_t written = 0;
  while (ok && written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  int savedErrno = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok && ::rename(temp.c_str(), path.c_str()) == 0) return true;
  error = fmt::format("cannot write {}: {}", path, std::strerror(ok ? errno : savedErrno));
  ::unlink(temp.c_str());
  return false;
}

}  // namespace tdxc
