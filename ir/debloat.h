// The debloat plan of one build: the base layer combined with the layers of
// the active profiles. `tdxc explain debloat` prints it, and the generated
// finalize script (backends/mkosi/emit_debloat.cpp) makes the same choice at
// build time from mkosi's $PROFILES.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ir/image.h"

namespace tdxc::ir {

struct DebloatPlan {
  bool enabled = false;
  bool systemdMinimize = true;
  std::vector<std::string> pathsRemove;          // sorted, after removing kept paths
  std::vector<std::string> pathsKept;            // candidates that a paths_keep saved
  std::map<std::string, std::string> unitsKeep;  // unit -> reason
  std::vector<std::string> binsKeep;
};

/// Rules: any active layer with enabled = false disables debloat; otherwise it
/// is on if any layer enables it (a debloat block enables by default). Lists
/// are unions; a kept path wins over a removed one.
DebloatPlan combineDebloat(const Image &image, const std::vector<std::string> &profiles);

const std::vector<std::string> &defaultDebloatPaths();
const std::vector<std::string> &defaultKeptUnits();
const std::vector<std::string> &defaultKeptBinaries();

}  // namespace tdxc::ir
