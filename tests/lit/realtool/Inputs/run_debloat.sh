#!/usr/bin/env bash
# Usage: run_debloat.sh TREE WORKDIR [PROFILES]
# Runs TREE's generated debloat scripts (postinst, then finalize) against a
# fake image root with a small systemd file list, as mkosi would (BUILDROOT,
# PROFILES), and prints what is left: masked units, kept files.
set -euo pipefail
tree=$1 root=$2/root
rm -rf "$root"
mkdir -p "$root/var/lib/dpkg/info"
list=(/usr/lib/systemd/system/basic.target /usr/lib/systemd/system/getty.target
      /usr/lib/systemd/system/serial-getty@.service /usr/lib/systemd/system/systemd-networkd.service
      /usr/lib/systemd/system/multi-user.target.wants/systemd-networkd.service
      /usr/bin/systemctl /usr/bin/systemd-analyze)
printf '%s\n' "${list[@]}" >"$root/var/lib/dpkg/info/systemd.list"
for f in "${list[@]}" /usr/share/doc/readme /usr/share/bash-completion/completions/x /var/log/old.log /etc/keep.conf; do
  mkdir -p "$root$(dirname "$f")"
  echo x >"$root$f"
done
export BUILDROOT=$root
if [[ -n ${3:-} ]]; then export PROFILES=$3; else unset PROFILES; fi
bash "$tree/mkosi.postinst.d/90-tdxc-debloat-list.sh"
rm -rf "$root/var/lib/dpkg"  # CleanPackageMetadata runs between postinst and finalize
bash "$tree/mkosi.finalize.d/90-tdxc-debloat.sh" >/dev/null
find "$root/etc/systemd/system" -maxdepth 1 -lname /dev/null -printf 'masked %f\n' | sort
(cd "$root" && find . -type f -printf 'file %P\n' | sort)
