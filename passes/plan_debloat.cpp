// plan-debloat: each scope's contribution to the debloat plan. Units that the
// scope's services and sockets name (After=, Requires=, Wants=, WantedBy=,
// the activated service) and units enabled with `enable` are kept
// automatically, so debloat cannot mask what the image itself relies on.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "passes/pass.h"

namespace tdxc {
namespace {

std::vector<std::string> sortedUnique(const std::vector<ir::LocatedString> &items) {
  std::set<std::string> set;
  for (const ir::LocatedString &item : items) set.insert(item.value);
  return {set.begin(), set.end()};
}

void keepNeededUnits(const ir::Content &c, std::map<std::string, std::string> &keep) {
  auto need = [&](const std::vector<ir::LocatedString> &units, const std::string &why) {
    for (const ir::LocatedString &unit : units) keep.emplace(unit.value, why);
  };
  for (const ir::Service &svc : c.services) {
    std::string who = fmt::format("needed by service {}", svc.name.value);
    need(svc.after, who);
    need(svc.requiresUnits, who);
    need(svc.wants, who);
    need(svc.wantedBy, who);
  }
  for (const ir::Socket &sock : c.sockets) {
    std::string who = fmt::format("needed by socket {}", sock.name.value);
    need(sock.after, who);
    need(sock.requiresUnits, who);
  }
  need(c.enableUnits, "enabled with enable");
}

ir::DebloatLayer layerOf(const ir::Content &c) {
  ir::DebloatLayer layer;
  if (const auto &block = c.debloat) {
    layer.enabled = block->enabled ? block->enabled->value : true;
    if (block->systemdMinimize) layer.systemdMinimize = block->systemdMinimize->value;
    if (block->useDefaults) layer.useDefaults = block->useDefaults->value;
    if (block->defaultTarget) layer.defaultTarget = block->defaultTarget->value;
    layer.pathsRemove = sortedUnique(block->pathsRemove);
    layer.pathsKeep = sortedUnique(block->pathsKeep);
    layer.binsKeep = sortedUnique(block->binsKeep);
    for (const ir::LocatedString &unit : block->unitsKeep) layer.unitsKeep.emplace(unit.value, "units_keep");
  }
  keepNeededUnits(c, layer.unitsKeep);
  return layer;
}

}  // namespace

void planDebloat(ir::Image &image, PassContext &) {
  bool any = image.base.debloat.has_value();
  for (const ir::Profile &profile : image.profiles) any = any || profile.content.debloat.has_value();
  if (!any) return;
  image.base.debloatLayer = layerOf(image.base);
  for (ir::Profile &profile : image.profiles) profile.content.debloatLayer = layerOf(profile.content);
}

}  // namespace tdxc
