#!/usr/bin/env bash
# Regenerates docs/*.md from docs/gen/templates by running the real compiler.
# Review the result with `git diff docs` before committing.
# Usage: scripts/update-docs.sh [BUILD_DIR]   (default: build/dev, already built)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$REPO/build/dev}
cmake --build "$BUILD" --target tdxc tdxc_schema_dump
python3 "$REPO/docs/gen/docgen.py" --tdxc "$BUILD/tdxc" --schema-dump "$BUILD/docs/gen/tdxc_schema_dump"
