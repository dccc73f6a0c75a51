#!/usr/bin/env bash
# Usage: hold_cache_lock.sh SECONDS
# Holds the lock of tdxc bake's cache directory (found as tdxc finds it:
# $TDXC_CACHE_DIR, else $XDG_CACHE_HOME/tdxc, else ~/.cache/tdxc) for SECONDS
# with util-linux flock(1), from a detached background process, as another
# bake would; returns once the lock is held.
set -euo pipefail
seconds=$1
if [[ -n ${TDXC_CACHE_DIR:-} ]]; then
  cache=$TDXC_CACHE_DIR
elif [[ -n ${XDG_CACHE_HOME:-} ]]; then
  cache=$XDG_CACHE_HOME/tdxc
else
  cache=${HOME:-/var/cache}/.cache/tdxc
fi
mkdir -p "$cache"
held=$(mktemp -u)
setsid flock "$cache/.lock" bash -c "touch '$held'; sleep $seconds" </dev/null >/dev/null 2>&1 &
for _ in $(seq 1 100); do
  if [[ -e $held ]]; then
    rm -f "$held"
    exit 0
  fi
  sleep 0.1
done
echo "hold_cache_lock.sh: could not take $cache/.lock" >&2
exit 1
