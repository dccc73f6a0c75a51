#!/usr/bin/env bash
# Usage: run_builders.sh TDXC INPUT.tdx WORKDIR
# Runs the emitted GoBuild and ScriptBuild build scripts on the host (as
# mkosi would inside the image: DESTDIR, BUILDDIR), twice, then after a new
# commit: the first run builds, the second hits the content-addressed cache,
# the new commit builds again.
set -euo pipefail
tdxc=$1 input=$2 work=$3
rm -rf "$work" && mkdir -p "$work/repo" "$work/dest" "$work/builddir"
cd "$work/repo"
git init -q -b main
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello from GoBuild") }\n' >main.go
printf 'module hello\n\ngo 1.19\n' >go.mod
git add . && git -c user.email=t@example.org -c user.name=t commit -qm one
"$tdxc" "$input" --var "REPO=file://$work/repo" -o "$work/tree"
export HOME=$work DESTDIR=$work/dest BUILDDIR=$work/builddir
run() { for s in "$work"/tree/mkosi.build.d/*.sh.chroot; do bash "$s" | grep '^builder'; done; }
run | sed 's/ [0-9a-f]\{32\}$/ KEY/'
run | sed 's/ [0-9a-f]\{32\}$/ KEY/'
"$DESTDIR/usr/bin/hello"
cat "$DESTDIR/usr/share/greeting"
sed -i 's/hello from GoBuild/hello again/' main.go
git -c user.email=t@example.org -c user.name=t commit -qam two
run | sed 's/ [0-9a-f]\{32\}$/ KEY/'
"$DESTDIR/usr/bin/hello"
ls "$BUILDDIR/tdxc-cache" | sed 's/-[0-9a-f]\{32\}$/-KEY/' | sort | uniq -c | sed 's/^ *//'
