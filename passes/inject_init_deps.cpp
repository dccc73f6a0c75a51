// inject-init-deps: every declared or module-made service and socket starts
// after runtime-init.service and requires it, unless it says after_init =
// false. Package units enabled with `enable` are left alone: they include the
// network stack that runtime-init itself waits for. Base units in a profile
// that alone has init steps get the dependency through a drop-in.
#include <algorithm>

#include "passes/init_steps.h"
#include "passes/pass.h"

namespace tdxc {
namespace {

bool hasRuntimeInit(const ir::Content &content) {
  return std::any_of(content.services.begin(), content.services.end(),
                     [](const ir::Service &s) { return s.generated && s.name.value == "runtime-init"; });
}

void addUnit(std::vector<ir::LocatedString> &list, SourceRange range) {
  for (const ir::LocatedString &unit : list)
    if (unit.value == kRuntimeInitUnit) return;
  list.insert(list.begin(), ir::LocatedString{kRuntimeInitUnit, range});
}

void inject(ir::Content &content) {
  for (ir::Service &svc : content.services) {
    if (!svc.afterInit || svc.generated) continue;
    addUnit(svc.after, svc.range);
    addUnit(svc.requiresUnits, svc.range);
  }
  for (ir::Socket &sock : content.sockets) {
    if (!sock.afterInit) continue;
    addUnit(sock.after, sock.range);
    addUnit(sock.requiresUnits, sock.range);
  }
}

}  // namespace

void injectInitDependencies(ir::Image &image, PassContext &) {
  bool base = hasRuntimeInit(image.base);
  if (base) inject(image.base);
  for (ir::Profile &profile : image.profiles) {
    if (!base && !hasRuntimeInit(profile.content)) continue;
    inject(profile.content);
    if (base) continue;
    for (const ir::Service &svc : image.base.services)
      if (svc.afterInit) profile.content.initDropIns.push_back({svc.name.value + ".service", svc.range});
    for (const ir::Socket &sock : image.base.sockets)
      if (sock.afterInit) profile.content.initDropIns.push_back({sock.name.value + ".socket", sock.range});
  }
}

}  // namespace tdxc
