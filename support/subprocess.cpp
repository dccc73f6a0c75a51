#include "support/subprocess.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "support/quote.h"

namespace tdxc {
namespace {

struct Pipe {
  int read = -1, write = -1;
  bool open() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    read = fds[0];
    write = fds[1];
    return true;
  }
  void close() {
    if (read >= 0) ::close(read);
    if (write >= 0) ::close(write);
    read = write = -1;
  }
};

// Runs `command` with stdout/stderr on the given pipes; `report` gets
// (fd index, bytes) for every chunk read. Stdin is /dev/null: a tool that
// asks a question (git's credential prompt) fails instead of hanging.
CommandResult run(const Command &command, bool mergeOutput, const std::function<void(int, std::string_view)> &report) {
  CommandResult result;
  if (command.argv.empty()) {
    result.error = "empty command";
    return result;
  }
  Pipe out, err, exec;
  if (!out.open() || !err.open() || !exec.open()) {
    result.error = std::strerror(errno);
    out.close(), err.close(), exec.close();
    return result;
  }
  std::vector<char *> argv;
  for (const std::string &a : command.argv) argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);

  pid_t pid = ::fork();
  if (pid < 0) {
    result.error = std::strerror(errno);
    out.close(), err.close(), exec.close();
    return result;
  }
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    ::dup2(out.write, STDOUT_FILENO);
    ::dup2(mergeOutput ? out.write : err.write, STDERR_FILENO);
    for (const auto &[key, value] : command.env) ::setenv(key.c_str(), value.c_str(), 1);
    if (!command.cwd.empty() && ::chdir(command.cwd.c_str()) != 0) {
      int e = errno;
      (void)!::write(exec.write, &e, sizeof e);
      ::_exit(127);
    }
    ::execvp(argv[0], argv.data());
    int e = errno;
    (void)!::write(exec.write, &e, sizeof e);
    ::_exit(127);
  }
  ::close(out.write), ::close(err.write), ::close(exec.write);
  out.write = err.write = exec.write = -1;

  int childErrno = 0;
  ssize_t n;
  do n = ::read(exec.read, &childErrno, sizeof childErrno);
  while (n < 0 && errno == EINTR);
  exec.close();

  pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
  int openCount = 2;
  char buffer[65536];
  while (openCount > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        report(i, std::string_view(buffer, static_cast<std::size_t>(got)));
      } else if (got == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --openCount;
      }
    }
  }
  out.read = err.read = -1;

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (n == static_cast<ssize_t>(sizeof childErrno)) {
    result.error = fmt::format("cannot run {}: {}", command.argv[0], std::strerror(childErrno));
    return result;
  }
  result.started = true;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace

CommandResult runCaptured(const Command &command) {
  std::string out, err;
  CommandResult result =
      run(command, false, [&](int fd, std::string_view chunk) { (fd == 0 ? out : err).append(chunk); });
  result.out = std::move(out);
  result.err = std::move(err);
  return result;
}

CommandResult runStreaming(const Command &command, const std::function<void(std::string_view)> &onOutput) {
  return run(command, true, [&](int, std::string_view chunk) { onOutput(chunk); });
}

std::optional<std::string> findProgram(const std::string &program) {
  if (program.empty()) return std::nullopt;
  if (program.find('/') != std::string::npos)
    return ::access(program.c_str(), X_OK) == 0 ? std::optional<std::string>(program) : std::nullopt;
  const char *path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (!dir.empty()) {
      std::string candidate = dir + "/" + program;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::string formatCommand(const std::vector<std::string> &argv) {
  std::string out;
  for (const std::string &arg : argv) {
    if (!out.empty()) out += ' ';
    out += shellQuote(arg);
  }
  return out;
}

}  // namespace tdxc
