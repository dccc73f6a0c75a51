// A pass reads and may rewrite the IR, reporting problems; it never stops the
// pipeline (later passes skip what earlier ones found broken).
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic_engine.h"
#include "ir/image.h"

namespace tdxc {

struct PassContext {
  DiagnosticEngine &diags;
  const SourceManager &sources;
};

struct Pass {
  const char *name;
  const char *summary;
  void (*run)(ir::Image &image, PassContext &ctx);
};

// One function per pass, one pass per file.
void resolveProfiles(ir::Image &image, PassContext &ctx);
void validateDestinations(ir::Image &image, PassContext &ctx);
void validateServices(ir::Image &image, PassContext &ctx);
void validateConflicts(ir::Image &image, PassContext &ctx);
void validateReferences(ir::Image &image, PassContext &ctx);
void orderInit(ir::Image &image, PassContext &ctx);
void injectInitDependencies(ir::Image &image, PassContext &ctx);
void planDebloat(ir::Image &image, PassContext &ctx);
void checkPolicy(ir::Image &image, PassContext &ctx);

/// The pipeline, in order. This is the one place that decides pass order.
const std::vector<Pass> &defaultPipeline();

struct PipelineOptions {
  std::string printIrAfter;  // a pass name, "all", or empty
  std::ostream *irOut = nullptr;
  /// Passes not to run (tdxc lock skips check-policy: it is what fixes it).
  std::set<std::string> skip;
};

void runPipeline(ir::Image &image, PassContext &ctx, const PipelineOptions &options);

/// The content a profile build sees: the base with the profile layered on top
/// (declarations with override = true replace the base's of the same name).
ir::Content layeredContent(const ir::Image &image, const ir::Profile &profile);

}  // namespace tdxc
