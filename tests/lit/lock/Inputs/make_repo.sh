#!/usr/bin/env bash
# Usage: make_repo.sh DIR: a git repository with fixed dates and author, so
# its commit ids are the same on every machine: branch main (two commits),
# lightweight tag v1 (first commit), annotated tag v2 (second commit).
set -euo pipefail
export GIT_AUTHOR_NAME=tdxc GIT_AUTHOR_EMAIL=tdxc@example.org GIT_COMMITTER_NAME=tdxc
export GIT_COMMITTER_EMAIL=tdxc@example.org GIT_AUTHOR_DATE='2026-01-01T00:00:00Z'
export GIT_COMMITTER_DATE='2026-01-01T00:00:00Z'
rm -rf "$1" && mkdir -p "$1" && cd "$1"
git init -q -b main
echo one >file && git add file && git commit -qm one && git tag v1
echo two >file && git commit -qam two && git tag -a v2 -m two
