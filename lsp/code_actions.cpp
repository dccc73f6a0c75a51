// textDocument/codeAction
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_codeAction
//
// Quick fixes from the fix-its of the diagnostics in the requested range
// ("did you mean 'packages'?" becomes "Replace 'pakages' with 'packages'").
// Only fix-its that edit this document are offered.
#include <fmt/format.h>

#include "lsp/features.h"

namespace tdxc::lsp {
namespace {

bool overlaps(const Range &a, const Range &b) {
  auto before = [](Position x, Position y) {
    return x.line < y.line || (x.line == y.line && x.character < y.character);
  };
  return !before(a.end, b.start) && !before(b.end, a.start);
}

}  // namespace

json codeActions(const Document &doc, const Range &range) {
  const Analysis &analysis = *doc.analysis;
  json actions = json::array();
  for (const Diagnostic &d : analysis.diagnostics) {
    if (d.fixits.empty() || !d.range.valid() || d.range.file != analysis.root) continue;
    if (!overlaps(analysis.lines.range(d.range.begin, d.range.end), range)) continue;
    for (const FixIt &fix : d.fixits) {
      if (fix.range.file != analysis.root || fix.range.end > doc.text().size() || fix.range.begin > fix.range.end)
        continue;
      std::string_view original = std::string_view(doc.text()).substr(fix.range.begin, fix.range.end - fix.range.begin);
      json edit = {{"range", toJson(analysis.lines.range(fix.range.begin, fix.range.end))},
                   {"newText", fix.replacement}};
      actions.push_back({{"title", fmt::format("Replace '{}' with '{}'", original, fix.replacement)},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({toLspDiagnostic(analysis, d)})},
                         {"isPreferred", d.fixits.size() == 1},
                         {"edit", {{"changes", {{doc.uri, json::array({edit})}}}}}});
    }
  }
  return actions;
}

}  // namespace tdxc::lsp
