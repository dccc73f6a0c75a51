// Compiles .tdx text through the frontend and the pass pipeline, for unit tests.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "frontend/frontend.h"
#include "passes/pass.h"

namespace tdxc::testing {

struct Compiled {
  SourceManager sources;
  DiagnosticEngine diags;
  std::optional<ir::Image> image;
};

inline std::unique_ptr<Compiled> compile(const std::string &text, std::map<std::string, std::string> vars = {}) {
  auto c = std::make_unique<Compiled>();
  FrontendResult r = runFrontendOnText("test.tdx", text, c->sources, c->diags, FrontendOptions{std::move(vars)});
  c->image = std::move(r.image);
  if (c->image) {
    PassContext ctx{c->diags, c->sources};
    runPipeline(*c->image, ctx, {});
  }
  return c;
}

}  // namespace tdxc::testing
