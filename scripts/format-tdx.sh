#!/usr/bin/env bash
# Formats every tracked .tdx file of the repository with `tdxc fmt`, or with
# --check only reports the files that would change (exit 1 if any).
#   TDXC=path/to/tdxc   the binary to use (default: build/dev/tdxc)
# Files that exist to test broken input (syntax errors, or unformatted text
# on purpose) are skipped; they are listed below, each with its reason.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
TDXC=${TDXC:-$REPO/build/dev/tdxc}

SKIP=(
  # Inputs whose syntax or lexical errors are what they test.
  docs/gen/examples/errors/invalid-utf8.tdx
  docs/gen/examples/errors/syntax.tdx
  docs/gen/examples/errors/unexpected-char.tdx
  docs/gen/examples/errors/unterminated-comment.tdx
  docs/gen/examples/errors/unterminated-raw.tdx
  docs/gen/examples/errors/unterminated-string.tdx
  tests/fuzz/corpus/06_lists_maps.tdx
  tests/fuzz/corpus/16_errors.tdx
  tests/lit/diagnostics/lexical.tdx
  tests/lit/diagnostics/missing_image_name.tdx
  tests/lit/diagnostics/modules.tdx
  tests/lit/diagnostics/syntax.tdx
  tests/lit/diagnostics/unterminated_comment.tdx
  tests/lit/lsp/Inputs/completion.tdx
  tests/lit/lsp/Inputs/imported/syntax_error.tdx
  # Unformatted on purpose: the formatter's test input and docs example.
  tests/lit/fmt/Inputs/messy.tdx
  docs/gen/examples/cli/unformatted.tdx
)

mode=()
case ${1:-} in
  --check) mode=(--check) ;;
  "") ;;
  *) echo "usage: scripts/format-tdx.sh [--check]" >&2; exit 2 ;;
esac

mapfile -t files < <(git ls-files '*.tdx' | grep -vxF -f <(printf '%s\n' "${SKIP[@]}"))
"$TDXC" fmt "${mode[@]}" "${files[@]}"
