// Renderers for diagnostics: caret snippets for people, JSON for CI.
#pragma once

#include <ostream>
#include <vector>

#include "diag/diagnostic.h"

namespace tdxc {

struct TextRenderOptions {
  bool color = false;
  bool snippets = true;        // source line + caret under each located diagnostic
  std::size_t errorLimit = 0;  // 0 = unlimited
};

void renderText(std::ostream &out, const SourceManager &sources, const std::vector<Diagnostic> &diagnostics,
                const TextRenderOptions &options);

/// {"diagnostics": [...], "errors": N, "warnings": M}, one JSON document.
void renderJson(std::ostream &out, const SourceManager &sources, const std::vector<Diagnostic> &diagnostics);

}  // namespace tdxc
