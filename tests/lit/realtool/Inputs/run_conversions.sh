#!/usr/bin/env bash
# Usage: run_conversions.sh TREE WORKDIR
# Runs the azure, gcp and qemu postoutput scripts of TREE (stdlib_platforms.tdx:
# AzurePlatform with esp_size_mib = 256, GcpPlatform with the default 500,
# QemuPlatform with 64) on
# this host with Debian's dosfstools, mtools, gdisk, qemu-utils, tar and gzip,
# with the environment mkosi 25.3 gives postoutput scripts (OUTPUTDIR holding
# IMAGE_ID.efi, IMAGE_ID, SOURCE_DATE_EPOCH, DISTRIBUTION, ..., PROFILES), and
# prints facts about the outputs for FileCheck.
#
# The UKI is synthetic: 300 KiB of seeded pseudo-random bytes after "MZ". The
# conversions only copy it into a FAT file system, so any file of that size
# stands in for a real .efi here.
set -euo pipefail
tree=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
python3 -c 'import random, sys; sys.stdout.buffer.write(b"MZ" + random.Random(7).randbytes(300 * 1024 - 2))' >"$work/uki.efi"

# run PROFILE RUNDIR [IMAGE_VERSION]
run() {
  local profile=$1 dir=$2 version=${3:-} script
  script=$(echo "$tree/mkosi.profiles/$profile/mkosi.postoutput.d/"*.sh)
  mkdir -p "$dir/out" "$dir/src"
  cp "$work/uki.efi" "$dir/out/cloud${version:+_$version}.efi"
  (cd "$dir/src" && env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root SRCDIR="$dir/src" OUTPUTDIR="$dir/out" \
    DISTRIBUTION=debian RELEASE=trixie ARCHITECTURE=x86-64 DISTRIBUTION_ARCHITECTURE=amd64 \
    IMAGE_ID=cloud ${version:+IMAGE_VERSION=$version} SOURCE_DATE_EPOCH=0 PROFILES="$profile" "$script")
}

# esp_check DISK: the GPT and the ESP's file system of a raw disk image.
esp_check() {
  local disk=$1 first last
  sgdisk -v "$disk" | grep -E '^No problems found' || echo "sgdisk -v: problems"
  sgdisk -p "$disk" | sed -n 's/^Disk identifier (GUID): /disk guid: /p'
  sgdisk -i 1 "$disk" | sed -n -e 's/^Partition GUID code: /type: /p' -e 's/^Partition unique GUID: /partition guid: /p' \
    -e "s/^Partition name: /name: /p" -e "s/^Attribute flags: /attributes: /p"
  sgdisk -i 2 "$disk" | grep -q 'does not exist' && echo "partitions: 1"
  first=$(sgdisk -i 1 "$disk" | sed -n 's/^First sector: \([0-9]*\).*/\1/p')
  last=$(sgdisk -i 1 "$disk" | sed -n 's/^Last sector: \([0-9]*\).*/\1/p')
  echo "esp sectors: $first-$last"
  dd if="$disk" of="$disk.esp" bs=512 skip="$first" count=$((last - first + 1)) status=none
  fsck.vfat -n "$disk.esp" >/dev/null && echo "fsck.vfat: clean"
  minfo -i "$disk.esp" :: | sed -n -e 's/^serial number: /fat serial: /p' -e 's/^disk label="\(.*\)"/fat label: \1/p'
  MTOOLS_SKIP_CHECK=1 mcopy -n -i "$disk.esp" ::EFI/BOOT/BOOTX64.EFI "$disk.bootx64"
  cmp "$work/uki.efi" "$disk.bootx64" && echo "BOOTX64.EFI: identical to the UKI"
  TZ=UTC mdir -i "$disk.esp" ::EFI/BOOT | grep BOOTX64
}

echo "== azure"
run azure "$work/a1"
vhd=$work/a1/out/cloud.vhd
qemu-img info --output=json "$vhd" | python3 -c 'import json, sys; print("probed without -f:", json.load(sys.stdin)["format"])'
qemu-img info -f vpc --output=json "$vhd" | python3 -c '
import json, sys
info = json.load(sys.stdin)
size = info["virtual-size"]
print("format:", info["format"], "virtual size:", size, "whole MiB:", size % (1024 * 1024) == 0)'
python3 - "$vhd" <<'PY'
import os, struct, sys
path = sys.argv[1]
data = open(path, "rb").read()
footer = data[-512:]
cookie, features, version, offset, stamp = struct.unpack(">8sIIQI", footer[:28])
current = struct.unpack(">Q", footer[48:56])[0]
disk_type, checksum = struct.unpack(">II", footer[60:68])
computed = ~sum(footer[:64] + b"\0\0\0\0" + footer[68:]) & 0xffffffff
print("footer:", cookie.decode(), "disk type:", {2: "fixed", 3: "dynamic", 4: "differencing"}.get(disk_type, disk_type),
      "data offset: %#x" % offset, "timestamp:", stamp)
print("checksum ok:", checksum == computed, "unique id:", footer[68:84].hex())
print("file size = current size + 512:", len(data) == current + 512)
PY
qemu-img convert -f vpc -O raw "$vhd" "$work/a1/disk.raw"
esp_check "$work/a1/disk.raw"
sleep 1.1  # the second run starts in another second: times must not leak in
run azure "$work/a2"
cmp "$vhd" "$work/a2/out/cloud.vhd" && echo "azure: two runs are byte-identical"
run azure "$work/a3" 1.2
ls "$work/a3/out"

echo "== gcp"
run gcp "$work/g1"
tarball=$work/g1/out/cloud.tar.gz
gzip -t "$tarball" && echo "gzip: ok"
tar -tvf "$tarball" | awk '{print "member:", $1, $2, $3, $4, $5, $6}'
python3 - "$tarball" <<'PY'
import gzip, sys
head = gzip.open(sys.argv[1]).read(512)
print("tar magic:", {b"ustar  \0": "GNU (oldgnu/gnu)", b"ustar\x0000": "POSIX ustar"}.get(head[257:265], head[257:265]),
      "type flag:", chr(head[156]))
PY
mkdir "$work/g1/x" && tar -xSf "$tarball" -C "$work/g1/x"
size=$(stat -c %s "$work/g1/x/disk.raw")
echo "disk.raw: $size bytes, whole GiB: $((size % (1024 * 1024 * 1024) == 0))"
esp_check "$work/g1/x/disk.raw"
sleep 1.1
run gcp "$work/g2"
cmp "$tarball" "$work/g2/out/cloud.tar.gz" && echo "gcp: two runs are byte-identical"

echo "== qemu"
run qemu "$work/q1"
qcow2=$work/q1/out/cloud.qcow2
qemu-img check "$qcow2" | grep -E '^No errors' || echo "qemu-img check: errors"
qemu-img info --output=json "$qcow2" | python3 -c '
import json, sys
info = json.load(sys.stdin)
print("format:", info["format"], "virtual size:", info["virtual-size"])'
qemu-img convert -f qcow2 -O raw "$qcow2" "$work/q1/disk.raw"
esp_check "$work/q1/disk.raw"
sleep 1.1
run qemu "$work/q2"
cmp "$qcow2" "$work/q2/out/cloud.qcow2" && echo "qemu: two runs are byte-identical"

echo "== no UKI"
for profile in azure gcp qemu; do
  mkdir -p "$work/m-$profile/out"
  rc=0
  (cd "$work" && env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin OUTPUTDIR="$work/m-$profile/out" IMAGE_ID=cloud \
    "$(echo "$tree/mkosi.profiles/$profile/mkosi.postoutput.d/"*.sh)") >"$work/m-$profile/log" 2>&1 || rc=$?
  echo "$profile: exit $rc: $(sed "s|$work|WORK|" "$work/m-$profile/log"), outputs: $(find "$work/m-$profile/out" -mindepth 1 | wc -l)"
done
