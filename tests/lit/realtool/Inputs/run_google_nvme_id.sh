#!/usr/bin/env bash
# Usage: run_google_nvme_id.sh TREE WORKDIR
# Runs the GcpPlatform profile's /usr/lib/udev/google_nvme_id from TREE the
# way udev's IMPORT{program} does (no environment besides PATH, output read as
# KEY=value lines), against a stand-in `nvme` first on PATH.
#
# The stand-in is the one fake in this test, and only because this machine has
# no NVMe device (and no Google persistent disk) to run the real nvme-cli on.
# It prints what `nvme id-ns -b DEVICE` prints: the 4096-byte Identify
# Namespace data structure, built below field by field from the NVMe base
# specification, with a GCE-style JSON object in the vendor-specific bytes
# 384-4095. For unknown devices it fails like nvme-cli (message, exit 1).
set -euo pipefail
tree=$1 work=$2
helper=$tree/mkosi.profiles/gcp/mkosi.extra/usr/lib/udev/google_nvme_id
rm -rf "$work" && mkdir -p "$work/bin"

# identify_ns JSON OUT [OFFSET]: a 10 GiB namespace of 512-byte blocks with
# JSON at OFFSET (default 384, the start of the vendor-specific bytes).
identify_ns() {
  python3 - "$1" "$2" "${3:-384}" <<'PY'
import struct, sys
vendor, out, at = sys.argv[1].encode(), sys.argv[2], int(sys.argv[3])
blocks = 10 * 1024**3 // 512
data = bytearray(4096)
struct.pack_into("<QQQ", data, 0, blocks, blocks, blocks)  # NSZE, NCAP, NUSE
data[25] = 0                                              # NLBAF: one format
data[26] = 0                                              # FLBAS: format 0
struct.pack_into("<HBB", data, 128, 0, 9, 0)              # LBAF0: MS=0, LBADS=9 (512 B), RP=0
data[at:at + len(vendor)] = vendor                        # vendor specific (384-4095)
with open(out, "wb") as f:
    f.write(data)
PY
}
identify_ns '{"device_name":"data-disk-1","disk_size":"10737418240","disk_type":"PERSISTENT"}' "$work/named.bin"
identify_ns '{"device_name":"bad name"}' "$work/badname.bin"
identify_ns '' "$work/empty.bin"
identify_ns '{"device_name":"reserved-bytes"}' "$work/reserved.bin" 300

cat >"$work/bin/nvme" <<STUB
#!/bin/bash
[[ \$1 == id-ns && \$2 == -b ]] || { echo "stub nvme: unexpected arguments: \$*" >&2; exit 2; }
case \$3 in
  /dev/nvme0n1 | /dev/nvme0n1p2) cat "$work/named.bin" ;;
  /dev/nvme0n2) cat "$work/empty.bin" ;;
  /dev/nvme0n3) cat "$work/badname.bin" ;;
  /dev/nvme0n4) cat "$work/reserved.bin" ;;
  *) echo "open: No such file or directory" >&2; exit 1 ;;
esac
STUB
chmod +x "$work/bin/nvme"
[[ $(wc -c <"$work/named.bin") == 4096 ]] || { echo "blob is not 4096 bytes" >&2; exit 1; }

run() { # label, then the helper's arguments
  local label=$1 rc=0
  shift
  env -i PATH="$work/bin:/usr/bin:/bin" "$helper" "$@" >"$work/out" 2>"$work/err" || rc=$?
  echo "== $label: exit $rc"
  sed 's/^/out: /' "$work/out"
  sed 's/^/err: /' "$work/err"
}
run "disk" -d /dev/nvme0n1
run "partition" -d /dev/nvme0n1p2
run "no name in the vendor data" -d /dev/nvme0n2
run "name with a space" -d /dev/nvme0n3
run "name outside the vendor-specific bytes" -d /dev/nvme0n4
run "nvme fails" -d /dev/nvme9n1
run "no device"
run "help" -h
