// --emit=ir and --print-ir-after: a stable text form of the image model.
#pragma once

#include <ostream>

#include "ir/image.h"

namespace tdxc {

void dumpIr(std::ostream &out, const SourceManager &sources, const ir::Image &image);

}  // namespace tdxc
