#include "ir/image.h"

namespace tdxc::ir {

const char *phaseName(Phase phase) {
  switch (phase) {
    case Phase::Sync: return "sync";
    case Phase::Prepare: return "prepare";
    case Phase::Build: return "build";
    case Phase::Postinst: return "postinst";
    case Phase::Finalize: return "finalize";
    case Phase::Postoutput: return "postoutput";
    case Phase::Clean: return "clean";
  }
  return "postinst";
}

}  // namespace tdxc::ir
