// An open document: what the client sent and the analysis of its latest text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "lsp/analysis.h"

namespace tdxc::lsp {

struct Document {
  std::string uri;
  std::string path;  // the file's path (imports resolve next to it), or the URI itself
  std::int64_t version = 0;
  std::shared_ptr<const Analysis> analysis;

  const std::string &text() const { return analysis->lines.text(); }
};

}  // namespace tdxc::lsp
