#include "ir/debloat.h"

#include <algorithm>
#include <set>

namespace tdxc::ir {

// Documentation, package caches and data an appliance VM never reads; the
// list follows nethermind-tdx's debloat.sh (less /nix, which Debian lacks).
const std::vector<std::string> &defaultDebloatPaths() {
  static const std::vector<std::string> paths = {"/etc/credstore",
                                                 "/etc/machine-id",
                                                 "/etc/ssh/ssh_host_*_key*",
                                                 "/etc/systemd/network",
                                                 "/usr/lib/modules",
                                                 "/usr/lib/pcrlock.d",
                                                 "/usr/lib/systemd/catalog",
                                                 "/usr/lib/systemd/network",
                                                 "/usr/lib/systemd/user",
                                                 "/usr/lib/systemd/user-generators",
                                                 "/usr/lib/udev/hwdb.bin",
                                                 "/usr/lib/udev/hwdb.d",
                                                 "/usr/share/bash-completion",
                                                 "/usr/share/bug",
                                                 "/usr/share/debconf",
                                                 "/usr/share/doc",
                                                 "/usr/share/gcc",
                                                 "/usr/share/gdb",
                                                 "/usr/share/info",
                                                 "/usr/share/initramfs-tools",
                                                 "/usr/share/lintian",
                                                 "/usr/share/locale",
                                                 "/usr/share/man",
                                                 "/usr/share/menu",
                                                 "/usr/share/mime",
                                                 "/usr/share/perl5/debconf",
                                                 "/usr/share/polkit-1",
                                                 "/usr/share/zsh",
                                                 "/var/cache/*",
                                                 "/var/log/*"};
  return paths;
}

// Enough of systemd to boot to multi-user.target with a journal: the
// targets of the boot transaction, journald, and the early setup services.
const std::vector<std::string> &defaultKeptUnits() {
  static const std::vector<std::string> units = {"basic.target",
                                                 "final.target",
                                                 "halt.target",
                                                 "local-fs-pre.target",
                                                 "local-fs.target",
                                                 "multi-user.target",
                                                 "network-online.target",
                                                 "network-pre.target",
                                                 "network.target",
                                                 "nss-lookup.target",
                                                 "paths.target",
                                                 "poweroff.target",
                                                 "reboot.target",
                                                 "shutdown.target",
                                                 "slices.target",
                                                 "sockets.target",
                                                 "swap.target",
                                                 "sysinit.target",
                                                 "systemd-journal-flush.service",
                                                 "systemd-journald-dev-log.socket",
                                                 "systemd-journald.service",
                                                 "systemd-journald.socket",
                                                 "systemd-remount-fs.service",
                                                 "systemd-sysctl.service",
                                                 "systemd-tmpfiles-setup-dev-early.service",
                                                 "systemd-tmpfiles-setup-dev.service",
                                                 "systemd-tmpfiles-setup.service",
                                                 "timers.target",
                                                 "umount.target"};
  return units;
}

const std::vector<std::string> &defaultKeptBinaries() {
  static const std::vector<std::string> bins = {"journalctl", "systemctl", "systemd", "systemd-tty-ask-password-agent"};
  return bins;
}

DebloatPlan combineDebloat(const Image &image, const std::vector<std::string> &profiles) {
  std::vector<const DebloatLayer *> layers;
  if (image.base.debloatLayer) layers.push_back(&*image.base.debloatLayer);
  for (const std::string &name : profiles)
    if (const Profile *profile = findProfile(image, name); profile && profile->content.debloatLayer)
      layers.push_back(&*profile->content.debloatLayer);

  DebloatPlan plan;
  bool disabled = false;
  bool minimizeOff = false;
  std::set<std::string> remove, keep, bins;
  for (const DebloatLayer *layer : layers) {
    if (layer->enabled) {
      disabled = disabled || !*layer->enabled;
      plan.enabled = plan.enabled || *layer->enabled;
    }
    if (layer->systemdMinimize && !*layer->systemdMinimize) minimizeOff = true;
    if (layer->useDefaults && !*layer->useDefaults) plan.useDefaults = false;
    if (layer->defaultTarget) plan.defaultTarget = *layer->defaultTarget;
    remove.insert(layer->pathsRemove.begin(), layer->pathsRemove.end());
    keep.insert(layer->pathsKeep.begin(), layer->pathsKeep.end());
    bins.insert(layer->binsKeep.begin(), layer->binsKeep.end());
    for (const auto &[unit, why] : layer->unitsKeep) plan.unitsKeep.emplace(unit, why);
  }
  plan.enabled = plan.enabled && !disabled;
  if (plan.enabled && plan.useDefaults) {
    remove.insert(defaultDebloatPaths().begin(), defaultDebloatPaths().end());
    bins.insert(defaultKeptBinaries().begin(), defaultKeptBinaries().end());
    for (const std::string &unit : defaultKeptUnits()) plan.unitsKeep.emplace(unit, "default");
  }
  plan.systemdMinimize = !minimizeOff;
  for (const std::string &path : remove) (keep.count(path) ? plan.pathsKept : plan.pathsRemove).push_back(path);
  plan.binsKeep.assign(bins.begin(), bins.end());
  return plan;
}

}  // namespace tdxc::ir
