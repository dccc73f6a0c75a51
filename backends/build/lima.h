// The lima backend's pure parts, exposed for tests.
#pragma once

#include <string>
#include <vector>

#include "backends/build/backend.h"

namespace tdxc::build {

enum class LimaState { Missing, Stopped, Running };

/// The VM definition bake writes to DIR/lima/lima.yaml.
std::string limaYaml(const std::string &bakeDir);
/// The state of `instance` in `limactl list --json` output (one object per line).
LimaState parseLimaList(const std::string &output, const std::string &instance);
/// create (if missing), start (if not running), then mkosi over ssh.
std::vector<Command> limaPlan(const BuildRequest &request, const std::string &instance, LimaState state,
                              const std::string &home);

}  // namespace tdxc::build
