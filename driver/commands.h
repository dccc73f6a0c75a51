// Subcommands. Each returns the process exit status: 0 ok, 1 input errors.
#pragma once

#include <ostream>

#include "driver/options.h"

namespace tdxc {

int runCompile(const Options &options, std::ostream &out, std::ostream &err);
int runCheck(const Options &options, std::ostream &out, std::ostream &err);

}  // namespace tdxc
