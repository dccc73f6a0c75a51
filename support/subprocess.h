// Running external tools (git, curl, mkosi, qemu-img): argv only, never a
// shell, so no argument is ever re-split or expanded.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdxc {

struct Command {
  std::vector<std::string> argv;
  std::string cwd;                         // empty: inherit
  std::map<std::string, std::string> env;  // set on top of the inherited environment
};

struct CommandResult {
  bool started = false;  // false: the program could not be executed (see error)
  int exitCode = -1;     // the exit status, or 128 + signal number
  std::string out, err;  // captured output (runCaptured only)
  std::string error;     // why it did not start
};

/// Runs a command to completion, capturing stdout and stderr.
CommandResult runCaptured(const Command &command);

/// Runs a command, handing every chunk of its combined stdout and stderr to
/// `onOutput` as it arrives (progress for long builds).
CommandResult runStreaming(const Command &command, const std::function<void(std::string_view)> &onOutput);

/// The absolute path of `program` on $PATH (or `program` itself if it
/// contains a slash and is executable); nullopt if not found.
std::optional<std::string> findProgram(const std::string &program);

/// "a b 'c d'" for messages and logs (bash quoting).
std::string formatCommand(const std::vector<std::string> &argv);

}  // namespace tdxc
