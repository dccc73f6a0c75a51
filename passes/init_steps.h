// Shared by the init passes and `tdxc explain init`: which init steps a build
// runs, in which order.
#pragma once

#include <string>
#include <vector>

#include "ir/image.h"

namespace tdxc {

inline constexpr const char *kRuntimeInitUnit = "runtime-init.service";
inline constexpr const char *kRuntimeInitPath = "/usr/bin/runtime-init";

/// The steps of the base image and the given profiles, sorted by priority;
/// equal priorities keep declaration order (base first, then profiles in
/// order). A profile step with override = true replaces the base step of its name.
std::vector<const ir::InitStep *> orderedInitSteps(const ir::Image &image, const std::vector<std::string> &profiles);

/// The text of /usr/bin/runtime-init for these steps.
std::string runtimeInitScript(const ir::Image &image, const std::vector<const ir::InitStep *> &steps);

}  // namespace tdxc
