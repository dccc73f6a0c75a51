#!/usr/bin/env bash
# The main job on the bundled example, from a fresh Debian bookworm machine
# (as root): set up, build tdxc, compile examples/qemu_basic.tdx into
# build/qemu_basic, and show that mkosi 25.3 accepts the tree.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tdxc -j "$(nproc)"
build/release/tdxc examples/qemu_basic.tdx -o build/qemu_basic
echo "--- tree written to build/qemu_basic:"
(cd build/qemu_basic && find . -type f ! -name .tdxc-tree | sort)
echo "--- mkosi summary:"
.deps/bin/mkosi -C build/qemu_basic summary
