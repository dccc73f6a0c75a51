#include "diag/diagnostic.h"

namespace tdxc {

const std::vector<DiagKindInfo> &allDiagKinds() {
  static const std::vector<DiagKindInfo> kinds = {
#define TDXC_DIAG(Name, Code, Sev, Summary) {DiagKind::Name, Code, Severity::Sev, Summary},
#include "diag/diagnostic_kinds.def"
#undef TDXC_DIAG
  };
  return kinds;
}

const DiagKindInfo &diagInfo(DiagKind kind) { return allDiagKinds()[static_cast<std::size_t>(kind)]; }

std::string_view severityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

}  // namespace tdxc
