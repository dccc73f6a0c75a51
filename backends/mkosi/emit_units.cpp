// systemd units generated from service and socket blocks, and the preset file
// that enables them (mkosi applies presets with `systemctl preset-all`).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "backends/mkosi/emitters.h"
#include "backends/mkosi/systemd_quote.h"
#include "ir/generated_paths.h"

namespace tdxc::mkosi {
namespace {

// The "strict" preset: the service sees a read-only OS, no home directories,
// private /tmp and devices, and cannot gain privileges or touch the kernel.
const std::vector<std::string> kStrictHardening = {"ProtectSystem=strict",
                                                   "ProtectHome=yes",
                                                   "PrivateTmp=yes",
                                                   "PrivateDevices=yes",
                                                   "NoNewPrivileges=yes",
                                                   "ProtectKernelTunables=yes",
                                                   "ProtectKernelModules=yes",
                                                   "ProtectKernelLogs=yes",
                                                   "ProtectControlGroups=yes",
                                                   "ProtectClock=yes",
                                                   "ProtectHostname=yes",
                                                   "RestrictSUIDSGID=yes",
                                                   "RestrictRealtime=yes",
                                                   "RestrictNamespaces=yes",
                                                   "LockPersonality=yes",
                                                   "MemoryDenyWriteExecute=yes",
                                                   "SystemCallArchitectures=native"};

std::string unitList(const std::vector<ir::LocatedString> &units) {
  std::vector<std::string> seen;
  std::string out;
  for (const auto &unit : units) {
    if (std::find(seen.begin(), seen.end(), unit.value) != seen.end()) continue;
    seen.push_back(unit.value);
    out += (out.empty() ? "" : " ") + unit.value;
  }
  return out;
}

void extraKeys(std::string &out, const std::vector<ir::RawSection> &extra, const std::string &section) {
  for (const ir::RawSection &raw : extra) {
    if (raw.section != section) continue;
    for (const auto &[key, values] : raw.keys)
      for (const std::string &value : values) out += key.value + "=" + value + "\n";
  }
}

std::string serviceUnit(const Scope &scope, const ir::Service &svc) {
  std::string u = generatedHeader(scope, "service \"" + svc.name.value + "\"");
  u += "[Unit]\nDescription=" + escapeUnitText(svc.description) + "\n";
  if (!svc.after.empty()) u += "After=" + unitList(svc.after) + "\n";
  if (!svc.requiresUnits.empty()) u += "Requires=" + unitList(svc.requiresUnits) + "\n";
  if (!svc.wants.empty()) u += "Wants=" + unitList(svc.wants) + "\n";
  extraKeys(u, svc.extra, "Unit");

  u += "\n[Service]\nType=" + svc.type + "\n";
  u += "ExecStart=" + execLine(svc.exec, svc.expandEnvironment) + "\n";
  if (svc.user) u += "User=" + svc.user->value + "\n";
  if (svc.group) u += "Group=" + svc.group->value + "\n";
  if (!svc.workingDirectory.empty()) u += "WorkingDirectory=" + escapeUnitText(svc.workingDirectory) + "\n";
  for (const auto &[key, value] : svc.environment) u += "Environment=" + quoteEnvironmentAssignment(key, value) + "\n";
  u += "Restart=" + svc.restart + "\n";
  if (svc.restartSec) u += fmt::format("RestartSec={}\n", *svc.restartSec);
  if (svc.hardening == "strict")
    for (const std::string &line : kStrictHardening) u += line + "\n";
  extraKeys(u, svc.extra, "Service");

  u += "\n[Install]\nWantedBy=" + unitList(svc.wantedBy) + "\n";
  extraKeys(u, svc.extra, "Install");
  return u;
}

std::string socketUnit(const Scope &scope, const ir::Socket &sock) {
  static const std::map<std::string, std::string> listenKey = {
      {"stream", "ListenStream"}, {"datagram", "ListenDatagram"}, {"sequential", "ListenSequentialPacket"}};
  std::string u = generatedHeader(scope, "socket \"" + sock.name.value + "\"");
  u += "[Unit]\nDescription=" + escapeUnitText(sock.description) + "\n";
  if (!sock.after.empty()) {
    // Default dependencies order a socket before sockets.target, which is
    // before basic.target, which runtime-init.service starts after: a cycle.
    // So this socket takes only the early-boot and shutdown dependencies.
    u += "DefaultDependencies=no\nAfter=sysinit.target " + unitList(sock.after) + "\n";
    u += "Requires=sysinit.target " + unitList(sock.requiresUnits) + "\n";
    u += "Before=shutdown.target\nConflicts=shutdown.target\n";
  }
  u += "\n[Socket]\n";
  for (const std::string &listen : sock.listen) u += listenKey.at(sock.kind) + "=" + escapeUnitText(listen) + "\n";
  u += "SocketMode=" + sock.mode + "\n";
  if (sock.user) u += "SocketUser=" + sock.user->value + "\n";
  if (sock.group) u += "SocketGroup=" + sock.group->value + "\n";
  if (sock.service.value != sock.name.value) u += "Service=" + sock.service.value + ".service\n";
  u += "\n[Install]\nWantedBy=sockets.target\n";
  return u;
}

}  // namespace

void emitUnits(const Scope &scope, FileTree &tree) {
  const ir::Content &c = scope.content;
  std::set<std::string> presets;  // sorted: order has no meaning within one file
  for (const ir::Service &svc : c.services) {
    std::string unit = svc.name.value + ".service";
    tree.add(scope.root + "mkosi.extra" + ir::unitPath(unit), serviceUnit(scope, svc));
    presets.insert((svc.enabled ? "enable " : "disable ") + unit);
  }
  for (const ir::Socket &sock : c.sockets) {
    std::string unit = sock.name.value + ".socket";
    tree.add(scope.root + "mkosi.extra" + ir::unitPath(unit), socketUnit(scope, sock));
    presets.insert((sock.enabled ? "enable " : "disable ") + unit);
  }
  for (const ir::LocatedString &unit : c.enableUnits) presets.insert("enable " + unit.value);
  for (const ir::LocatedString &unit : c.initDropIns)
    tree.add(scope.root + "mkosi.extra" + ir::unitPath(unit.value) + ".d/10-tdxc-runtime-init.conf",
             generatedHeader(scope, "init steps of this profile") +
                 "[Unit]\nAfter=runtime-init.service\nRequires=runtime-init.service\n");
  if (presets.empty()) return;
  std::string text = generatedHeader(scope, "units to enable");
  for (const std::string &line : presets) text += line + "\n";
  tree.add(scope.root + "mkosi.extra" + ir::presetPath(scope.profile), text);
}

}  // namespace tdxc::mkosi
