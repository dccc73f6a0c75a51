#!/usr/bin/env bash
# The whole test suite, from a fresh Debian bookworm machine (as root):
#   1. scripts/setup.sh (toolchain, mkosi 25.3 into .deps/)
#   2. dev build (gcc, -Werror): unit tests, lit (golden, diagnostics, CLI,
#      real-tool validation with mkosi/shellcheck/systemd-analyze)
#   3. asan-ubsan build (clang): the same tests under sanitizers, plus a
#      short libFuzzer run on the frontend
#   4. clang-format check of every C++ file
# Ends with "N passed, N failed" over all suites; exit status 0 only if all pass.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

bash scripts/setup.sh
export TDXC_REQUIRE_REALTOOLS=1   # real-tool tests must run, never skip
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export CTEST_OUTPUT_ON_FAILURE=1
JOBS=$(nproc)

passed=0
failed=0
suite() {  # suite NAME COMMAND...: runs one suite and counts it
  local name=$1
  shift
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "=== $name: passed"
  else
    failed=$((failed + 1))
    echo "=== $name: FAILED"
  fi
}

build() {  # build PRESET
  cmake --preset "$1" >/dev/null && cmake --build --preset "$1" -j "$JOBS"
}

suite "build dev" build dev
suite "ctest dev" ctest --test-dir build/dev -j "$JOBS"
suite "build asan-ubsan" build asan-ubsan
suite "ctest asan-ubsan" ctest --test-dir build/asan-ubsan -j "$JOBS"
suite "clang-format" bash -c 'git ls-files "*.cpp" "*.h" | xargs clang-format --dry-run --Werror'

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
