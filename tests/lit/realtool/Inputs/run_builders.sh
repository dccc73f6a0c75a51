#!/usr/bin/env bash
# Usage: run_builders.sh TDXC INPUT.tdx WORKDIR
# Runs the emitted GoBuild and ScriptBuild build scripts on the host (as
# mkosi would inside the image: SRCDIR, DESTDIR, BUILDDIR), twice, then after
# a new commit: the first run builds, the second hits the content-addressed
# cache. Then tdx.lock pins the ref: a new commit on the branch is NOT built
# until `tdxc lock` runs again.
set -euo pipefail
tdxc=$1 input=$2 work=$3
rm -rf "$work" && mkdir -p "$work/repo" "$work/dest" "$work/builddir"
cd "$work/repo"
git init -q -b main
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello from GoBuild") }\n' >main.go
printf 'module hello\n\ngo 1.19\n' >go.mod
git add . && git -c user.email=t@example.org -c user.name=t commit -qm one
compile() { "$tdxc" "$input" --var "REPO=file://$work/repo" --lock "$work/tdx.lock" -o "$work/tree"; }
compile
export HOME=$work SRCDIR=$work/tree DESTDIR=$work/dest BUILDDIR=$work/builddir
# stderr: the unpinned-ref warning of tdxc_git_fetch, once per builder and run.
run() { for s in "$work"/tree/mkosi.build.d/*.sh.chroot; do bash "$s" 2>>"$work/stderr" | grep '^builder'; done; }
run | sed 's/ [0-9a-f]\{32\}$/ KEY/'
run | sed 's/ [0-9a-f]\{32\}$/ KEY/'
"$DESTDIR/usr/bin/hello"
cat "$DESTDIR/usr/share/greeting"
grep -c "is not pinned; run tdxc lock" "$work/stderr"
# Pin the branch, then move it: the pinned commit is still what builds.
"$tdxc" lock "$input" --var "REPO=file://$work/repo" --lock "$work/tdx.lock" | sed 's/sha256:[0-9a-f]*/sha256:DIGEST/'
compile
sed -i 's/hello from GoBuild/hello again/' main.go
git -c user.email=t@example.org -c user.name=t commit -qam two
run | sed 's/ [0-9a-f]\{32\}$/ KEY/'
"$DESTDIR/usr/bin/hello"
# Re-lock: now the new commit builds.
"$tdxc" lock "$input" --var "REPO=file://$work/repo" --lock "$work/tdx.lock" >/dev/null
compile
run | sed 's/ [0-9a-f]\{32\}$/ KEY/'
"$DESTDIR/usr/bin/hello"
grep -c "is not pinned; run tdxc lock" "$work/stderr"
ls "$BUILDDIR/tdxc-cache" | sed 's/-[0-9a-f]\{32\}$/-KEY/' | sort | uniq -c | sed 's/^ *//'
