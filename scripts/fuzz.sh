#!/usr/bin/env bash
# Longer fuzzing than the CI smoke runs: every libFuzzer target of the
# asan-ubsan build, each for SECONDS (default 300) with a random seed, one
# after the other (the targets are single-threaded; run two copies of this
# script on different targets to use two cores).
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     # TARGET: fuzz_frontend fuzz_format fuzz_lsp fuzz_lockfile
#
# New corpus units go to build/asan-ubsan/tests/fuzz/campaign/TARGET (never
# into the source tree); a crash, leak or timeout stops that target and leaves
# its input in build/asan-ubsan/tests/fuzz/campaign/artifacts/. Once fixed, copy
# the input into the target's seed corpus (tests/fuzz/corpus*/) so every CI
# smoke run replays it. Exit status: 0 if no target failed.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_PER_TARGET=${1:-300}
shift || true
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(fuzz_frontend fuzz_format fuzz_lsp fuzz_lockfile)

BUILD=$REPO/build/asan-ubsan
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan --target "${TARGETS[@]}"

FUZZ=$BUILD/tests/fuzz
CAMPAIGN=$FUZZ/campaign
mkdir -p "$CAMPAIGN/artifacts"
cd "$FUZZ"  # fuzz_lsp writes its go-to-definition cache relative to here
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

seed_corpora() {  # the source-tree corpora a target starts from (read only)
  case $1 in
    fuzz_lockfile) echo "$REPO/tests/fuzz/corpus_lockfile" ;;
    fuzz_format | fuzz_lsp) echo "$REPO/tests/fuzz/corpus $REPO/tests/fuzz/corpus_lsp" ;;
    *) echo "$REPO/tests/fuzz/corpus" ;;
  esac
}

failed=()
for target in "${TARGETS[@]}"; do
  mkdir -p "$CAMPAIGN/$target"
  echo "=== $target: ${SECONDS_PER_TARGET}s"
  # shellcheck disable=SC2046  # seed_corpora prints separate directory words
  if ! "./$target" -max_total_time="$SECONDS_PER_TARGET" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$CAMPAIGN/artifacts/$target-" \
    "$CAMPAIGN/$target" $(seed_corpora "$target") 2>"$CAMPAIGN/$target.log"; then
    failed+=("$target")
    echo "=== $target: FAILED (log: $CAMPAIGN/$target.log)"
    tail -30 "$CAMPAIGN/$target.log"
  else
    grep -E '^stat::number_of_executed_units' "$CAMPAIGN/$target.log" || true
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: failed: ${failed[*]}"
  exit 1
fi
echo "fuzz: no failures"
