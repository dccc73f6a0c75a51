#!/usr/bin/env bash
# Usage: boot.sh [--disk] IMAGE LOG [WAIT_FOR [TIMEOUT_SECONDS]]
# IMAGE is a UKI (.efi, started by OVMF through -kernel) or, with --disk, a
# disk image (raw, VHD or qcow2) that OVMF boots from its EFI system partition.
# Boots a UKI under qemu-system-x86_64 with OVMF (software emulation, one CPU:
# multi-threaded TCG crashed once in the feasibility runs) and waits for a
# login prompt on the serial console (and, if given, for a console line
# matching WAIT_FOR: the prompt does not wait for multi-user.target). Prints
# "boot: login prompt" or "boot: NO login prompt", then every "tdxc-e2e:"
# console line in order.
set -euo pipefail
disk=false
if [[ $1 == --disk ]]; then
  disk=true
  shift
fi
image=$1 log=$2 wait_for=${3:-} limit=${4:-300}
if $disk; then
  format=raw
  [[ $image == *.vhd ]] && format=vpc
  [[ $image == *.qcow2 ]] && format=qcow2
  boot=(-drive "if=virtio,format=$format,file=$image,snapshot=on")
else
  boot=(-kernel "$image")
fi
vars=$(mktemp)
trap 'rm -f "$vars"; [[ -n ${pid:-} ]] && kill "$pid" 2>/dev/null || true' EXIT
cp /usr/share/OVMF/OVMF_VARS_4M.fd "$vars"
: >"$log"
timeout "$limit" qemu-system-x86_64 -machine q35 -accel tcg -cpu max -smp 1 -m 2G -nographic -no-reboot \
  -drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd \
  -drive if=pflash,format=raw,file="$vars" -nic user,model=virtio-net-pci \
  "${boot[@]}" </dev/null >"$log" 2>&1 &
pid=$!
start=$SECONDS
while kill -0 "$pid" 2>/dev/null; do
  if grep -aq 'login:' "$log" && { [[ -z $wait_for ]] || grep -aq -- "$wait_for" "$log"; }; then break; fi
  sleep 1
done
if grep -aq 'login:' "$log"; then
  echo "boot: login prompt"
  echo "boot: took $((SECONDS - start)) s" >&2
else
  echo "boot: NO login prompt (last lines of $log follow)"
  tail -n 20 "$log" | tr -d '\r'
fi
grep -a 'tdxc-e2e:' "$log" | tr -d '\r' | sed 's/^.*\(tdxc-e2e:\)/\1/' || true
