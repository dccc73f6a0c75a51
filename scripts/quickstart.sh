#!/usr/bin/env bash
# The main job on the bundled example, from a fresh Debian bookworm machine
# (as root): set up, build tdxc, compile examples/qemu_basic.tdx, lock it and
# bake it with real mkosi 25.3 into build/qemu_basic (a UKI that boots under
# QEMU: see tests/lit/e2e/Inputs/boot.sh). The first bake also builds mkosi's
# tools tree (about 1.5 minutes) and keeps it in ~/.cache/tdxc for later ones.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tdxc -j "$(nproc)"
mkdir -p build
build/release/tdxc examples/qemu_basic.tdx -o build/qemu_basic/tree
echo "--- tree written to build/qemu_basic/tree:"
(cd build/qemu_basic/tree && find . -type f ! -name .tdxc-tree | sort)
build/release/tdxc lock examples/qemu_basic.tdx --lock build/qemu_basic.lock
build/release/tdxc bake examples/qemu_basic.tdx -o build/qemu_basic --frozen --lock build/qemu_basic.lock
echo "--- bake-result.json:"
cat build/qemu_basic/bake-result.json
