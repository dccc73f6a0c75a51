#!/usr/bin/env bash
# Regenerates every golden expectation from the current compiler:
#   tests/lit/golden/NAME.tdx  ->  NAME.tree (--emit=tree), NAME.ir (--emit=ir)
#   examples/NAME.tdx          ->  tests/lit/examples/NAME.tree
# Review the result with `git diff tests/lit/golden` before committing.
# Usage: scripts/update-golden.sh [path/to/tdxc]   (default: build/dev/tdxc)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TDXC=${1:-$REPO/build/dev/tdxc}
cd "$REPO/tests/lit/golden"
for tdx in *.tdx; do
  name=${tdx%.tdx}
  "$TDXC" compile "$tdx" --emit=tree > "$name.tree"
  "$TDXC" compile "$tdx" --emit=ir > "$name.ir"
  echo "updated $name.tree $name.ir"
done
# The examples' trees: tests/lit/examples/NAME.tree from examples/NAME.tdx.
cd "$REPO"
for tdx in examples/*.tdx; do
  name=$(basename "$tdx" .tdx)
  "$TDXC" compile "$tdx" --emit=tree > "tests/lit/examples/$name.tree"
  echo "updated tests/lit/examples/$name.tree"
done
"$TDXC" compile examples/surge-tdx-prover/image.tdx --var surge_config_dir="$REPO/tests/lit/examples/surge-config" \
  --emit=tree > tests/lit/examples/surge_tdx_prover.tree
echo "updated tests/lit/examples/surge_tdx_prover.tree"
