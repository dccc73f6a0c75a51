// Quoting for systemd unit files (systemd.syntax(7), systemd.service(5)).
#pragma once

#include <string>
#include <vector>

#include "support/quote.h"

namespace tdxc::mkosi {

/// One ExecStart= argument: '%' and '$' are escaped (no specifier or variable
/// expansion of user text); arguments with spaces, quotes or backslashes are
/// double-quoted with C-style escapes.
/// With `expandEnvironment`, '$' is left alone so that systemd substitutes
/// ${VAR} from Environment= and EnvironmentFile= (the service opted in).
std::string quoteExecArgument(const std::string &arg, bool expandEnvironment = false);
std::string execLine(const std::vector<std::string> &argv, bool expandEnvironment = false);
/// A value of Environment=: the whole "KEY=VALUE" assignment, quoted if needed.
std::string quoteEnvironmentAssignment(const std::string &key, const std::string &value);
/// Free text such as Description=: only specifiers need escaping.
std::string escapeUnitText(const std::string &text);

}  // namespace tdxc::mkosi
