// The debloat plan as two scripts in the base tree. mkosi cleans package
// metadata before finalize scripts run, so a postinst script saves the
// systemd package's file list; the finalize script masks that package's units
// and deletes its binaries except those kept, then deletes the planned paths.
// Profile layers are applied at build time from mkosi's $PROFILES (space
// separated, unset without --profile), with the rules of ir::combineDebloat.
#include <fmt/format.h>

#include "backends/mkosi/emitters.h"
#include "ir/debloat.h"
#include "support/quote.h"

namespace tdxc::mkosi {
namespace {

constexpr const char *kSavedList = "/var/tmp/tdxc-systemd.list";

std::string array(const std::vector<std::string> &items) {
  std::string out;
  for (const std::string &item : items) out += fmt::format(" {}", shellQuote(item));
  return out;
}

std::vector<std::string> keys(const std::map<std::string, std::string> &map) {
  std::vector<std::string> out;
  for (const auto &[key, value] : map) out.push_back(key);
  return out;
}

// Appends one layer's lists to the script's arrays, `indent` deep.
std::string layerLines(const ir::DebloatLayer &layer, const std::string &indent) {
  std::string out;
  if (layer.enabled) out += indent + (*layer.enabled ? "enabled=1\n" : "disabled=1\n");
  if (layer.systemdMinimize && !*layer.systemdMinimize) out += indent + "minimize=0\n";
  if (layer.useDefaults && !*layer.useDefaults) out += indent + "use_defaults=0\n";
  if (layer.defaultTarget) out += indent + "default_target=" + shellQuote(*layer.defaultTarget) + "\n";
  if (!layer.pathsRemove.empty()) out += indent + "paths_remove+=(" + array(layer.pathsRemove).substr(1) + ")\n";
  if (!layer.pathsKeep.empty()) out += indent + "paths_keep+=(" + array(layer.pathsKeep).substr(1) + ")\n";
  if (!layer.unitsKeep.empty()) out += indent + "units_keep+=(" + array(keys(layer.unitsKeep)).substr(1) + ")\n";
  if (!layer.binsKeep.empty()) out += indent + "bins_keep+=(" + array(layer.binsKeep).substr(1) + ")\n";
  return out;
}

const char *kFinalizeBody = R"(
list="$BUILDROOT/var/tmp/tdxc-systemd.list"
if (( disabled || !enabled )); then
    echo "debloat: off for profiles '${PROFILES:-}'"
    rm -f "$list"
    exit 0
fi

if (( minimize )); then
    if [[ ! -f $list ]]; then
        echo "debloat: $list is missing; systemd_minimize needs the systemd package in the image" >&2
        exit 1
    fi
    mkdir -p "$BUILDROOT/etc/systemd/system"
    while IFS= read -r path; do
        name=${path##*/}
        [[ $path == */systemd/system/*/* ]] && continue  # wants/ and drop-in directories
        case $path in
            */systemd/system/*.service | */systemd/system/*.socket | */systemd/system/*.target | \
                */systemd/system/*.timer | */systemd/system/*.path | */systemd/system/*.mount)
                contains "$name" "${units_keep[@]}" && continue
                ln -sfn /dev/null "$BUILDROOT/etc/systemd/system/$name"
                echo "debloat: masked $name"
                ;;
            /usr/bin/* | /bin/*)
                contains "$name" "${bins_keep[@]}" && continue
                rm -f "$BUILDROOT/usr/bin/$name"
                echo "debloat: removed /usr/bin/$name"
                ;;
        esac
    done <"$list"
    target=/usr/lib/systemd/system/$default_target
    if [[ -e $BUILDROOT/etc/systemd/system/$default_target ]]; then target=$default_target; fi
    ln -sfn "$target" "$BUILDROOT/etc/systemd/system/default.target"
fi
rm -f "$list"

for pattern in "${paths_remove[@]}"; do
    contains "$pattern" "${paths_keep[@]}" && continue
    # The pattern is a glob, so it is expanded unquoted (tdxc rejects
    # patterns with spaces, quotes or shell syntax).
    # shellcheck disable=SC2206
    matches=("$BUILDROOT"$pattern)
    if (( ${#matches[@]} > 0 )); then
        rm -rf -- "${matches[@]}"
        echo "debloat: removed $pattern"
    fi
done
)";

}  // namespace

void emitDebloat(const Scope &base, FileTree &tree) {
  const ir::Image &image = base.image;
  if (!image.base.debloatLayer) return;
  tree.add("mkosi.postinst.d/90-tdxc-debloat-list.sh",
           "#!/bin/bash\n" + generatedHeader(base, "debloat") +
               "# Package metadata is cleaned before finalize scripts run: keep systemd's file list for them.\n"
               "set -euo pipefail\n"
               "if [[ -f \"$BUILDROOT/var/lib/dpkg/info/systemd.list\" ]]; then\n"
               "    mkdir -p \"$BUILDROOT/var/tmp\"\n"
               "    cp \"$BUILDROOT/var/lib/dpkg/info/systemd.list\" \"$BUILDROOT" +
               std::string(kSavedList) + "\"\nfi\n",
           0755);

  std::string s = "#!/bin/bash\n" + generatedHeader(base, "debloat; tdxc explain debloat shows the plan");
  s += "set -euo pipefail\nshopt -s nullglob\n\n";
  s += "profile_active() { [[ \" ${PROFILES:-} \" == *\" $1 \"* ]]; }\n";
  s += "contains() {\n    local needle=$1 item\n    shift\n"
       "    for item in \"$@\"; do [[ $item == \"$needle\" ]] && return 0; done\n    return 1\n}\n\n";
  s += "enabled=0\ndisabled=0\nminimize=1\nuse_defaults=1\ndefault_target=multi-user.target\n";
  s += "paths_remove=()\npaths_keep=()\nunits_keep=()\nbins_keep=()\n";
  s += "\n# The base image.\n" + layerLines(*image.base.debloatLayer, "");
  for (const ir::Profile &profile : image.profiles) {
    if (!profile.content.debloatLayer) continue;
    std::string lines = layerLines(*profile.content.debloatLayer, "    ");
    if (lines.empty()) continue;
    s += "\nif profile_active " + shellQuote(profile.name.value) + "; then\n" + lines + "fi\n";
  }
  s += "\n# The built-in defaults, unless a layer set defaults = false.\nif (( use_defaults )); then\n";
  s += "    paths_remove+=(" + array(ir::defaultDebloatPaths()).substr(1) + ")\n";
  s += "    units_keep+=(" + array(ir::defaultKeptUnits()).substr(1) + ")\n";
  s += "    bins_keep+=(" + array(ir::defaultKeptBinaries()).substr(1) + ")\nfi\n";
  s += kFinalizeBody;
  tree.add("mkosi.finalize.d/90-tdxc-debloat.sh", s, 0755);
}

}  // namespace tdxc::mkosi
