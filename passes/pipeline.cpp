#include <fmt/format.h>

#include "ir/ir_dump.h"
#include "passes/pass.h"

namespace tdxc {

const std::vector<Pass> &defaultPipeline() {
  static const std::vector<Pass> passes = {
      {"resolve-profiles", "check profile names and overrides of base declarations", resolveProfiles},
      {"order-init", "sort init steps by priority into /usr/bin/runtime-init and runtime-init.service", orderInit},
      {"inject-init-deps", "order every service and socket after runtime-init.service", injectInitDependencies},
      {"plan-debloat", "collect each scope's debloat layer and the units its services need", planDebloat},
      {"validate-destinations", "require clean absolute image paths", validateDestinations},
      {"validate-services", "reject duplicate units, users, groups, repositories, scripts, git sources and downloads",
       validateServices},
      {"validate-conflicts", "reject two writers of one image path", validateConflicts},
      {"validate-references", "require declared users, groups and services", validateReferences},
      {"check-policy", "apply the policy block to git sources, downloads and network use", checkPolicy},
  };
  return passes;
}

void runPipeline(ir::Image &image, PassContext &ctx, const PipelineOptions &options) {
  for (const Pass &pass : defaultPipeline()) {
    if (options.skip.count(pass.name)) continue;
    pass.run(image, ctx);
    if (options.irOut && (options.printIrAfter == "all" || options.printIrAfter == pass.name)) {
      *options.irOut << "// IR after " << pass.name << '\n';
      dumpIr(*options.irOut, ctx.sources, image);
    }
  }
}

}  // namespace tdxc
