#!/usr/bin/env bash
# Usage: validate_all.sh TDXC WORKDIR FILE.tdx...
# Compiles each file and runs scripts/validate-tree.sh on the tree with every
# profile the tree has; prints "NAME: <last line of validate-tree>".
set -euo pipefail
tdxc=$1 work=$2
shift 2
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
for tdx in "$@"; do
  name=$(basename "$tdx" .tdx)
  "$tdxc" "$tdx" -o "$work/$name"
  profiles=()
  if [[ -d $work/$name/mkosi.profiles ]]; then
    for p in "$work/$name"/mkosi.profiles/*/; do profiles+=("$(basename "$p")"); done
  fi
  echo "$name: $(bash "$repo/scripts/validate-tree.sh" "$work/$name" "${profiles[@]}" 2>&1 | tail -n1)"
done
