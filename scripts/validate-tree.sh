#!/usr/bin/env bash
# validate-tree.sh TREE [PROFILE...]
# Checks an emitted mkosi tree with the real tools, without building it.
# Every finding is printed as "validate-tree: <tool>: <message>"; exit 1 if any.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
(($# >= 1)) || { echo "usage: $0 TREE [PROFILE...]" >&2; exit 2; }
TREE=$(cd "$1" && pwd)
shift
cd "$TREE"
PROFILES=("$@")

if [[ -n ${MKOSI:-} ]]; then :
elif [[ -x $REPO/.deps/bin/mkosi ]]; then MKOSI=$REPO/.deps/bin/mkosi
else MKOSI=mkosi; fi
for t in "$MKOSI" shellcheck systemd-analyze python3; do
  command -v "$t" >/dev/null || { echo "validate-tree: setup: $t not found (run scripts/setup.sh)" >&2; exit 2; }
done

findings=0 nscripts=0 nunits=0 nsummaries=0
finding() { # tool, then messages (multi-line output is split per line)
  local tool=$1 line
  shift
  while IFS= read -r line; do
    [[ -z $line ]] || printf 'validate-tree: %s: %s\n' "$tool" "$line"
  done < <(printf '%s\n' "$@")
  findings=$((findings + 1))
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Build outputs and caches would be huge and are not generator output.
PRUNE=(-name .git -o -name mkosi.output -o -name mkosi.cache -o -name mkosi.builddir
  -o -name mkosi.workspace -o -name mkosi.tools -o -name mkosi.pkgcache)
tree_files() { find "$TREE" \( "${PRUNE[@]}" \) -prune -o -type f -print0 | sort -z; }

# --- 1. mkosi: the full v25 parse (syntax, unknown keys, enums, paths, Match).
# summary takes ~0.3 s and needs no network. Warnings on stderr (e.g. a key in the
# wrong section) count as findings too: rc 0 does not mean the tree is clean.
summarize() { # label, extra mkosi args...
  local label=$1 out rc=0
  shift
  out=$("$MKOSI" -C "$TREE" "$@" summary 2>&1 >/dev/null) || rc=$?
  nsummaries=$((nsummaries + 1))
  if ((rc != 0)) || [[ -n $out ]]; then finding mkosi "summary ($label) rc=$rc" "$out"; fi
  ((rc == 0)) || return 0  # the --json run would only repeat the same error
  # --json is what a driver consumes; make sure it is well-formed JSON.
  out=$("$MKOSI" -C "$TREE" "$@" --json summary 2>&1 >"$WORK/json") || rc=$?
  out+=$(python3 -c 'import json,sys
try: json.load(open(sys.argv[1]))
except ValueError as e: sys.exit(f"invalid JSON: {e}")' "$WORK/json" 2>&1) || rc=$((rc ? rc : 1))
  if ((rc != 0)) || [[ -n $out ]]; then finding mkosi "--json summary ($label) rc=$rc" "$out"; fi
}
summarize default
for p in "${PROFILES[@]}"; do summarize "profile $p" --profile="$p"; done

is_elf() { [[ $(head -c4 "$1" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]]; }

# --- 2. Shell: every script mkosi or the image would run.
# -x follows `# shellcheck source=tdxc/fetch.sh` (paths relative to the tree,
# the cwd), so the functions a script sources are known; --norc so a
# .shellcheckrc in or above the tree cannot silence checks.
while IFS= read -r -d '' f; do
  rel=${f#"$TREE"/}
  head=$(head -c 256 "$f" | head -n1 | tr -d '\0')
  dialect=""
  case $head in
    '#!'*bash*) dialect="bash" ;;
    '#!'*/sh | '#!'*/sh\ * | '#!'*/dash | '#!'*/dash\ * | '#!'*env\ sh*) dialect="sh" ;;
    '#!'*) continue ;;  # python etc.: not shell
  esac
  if [[ -z $dialect ]]; then
    if [[ -x $f ]] && ! is_elf "$f"; then
      # mkosi execs scripts directly: no shebang means "Exec format error".
      finding exec "$rel: executable but has no #! line"
      continue
    fi
    [[ $f == *.sh ]] || continue
    dialect="bash"  # a sourced .sh library without shebang; mkosi runs bash
  fi
  nscripts=$((nscripts + 1))
  # Relative paths (cwd is TREE) keep the messages short.
  out=$(bash -n "$rel" 2>&1) || finding bash "$out"
  out=$(shellcheck --norc -x -s "$dialect" -S style -f gcc "$rel" 2>&1) || finding shellcheck "$out"
done < <(tree_files)

# --- 3. systemd units: systemd-analyze verify inside a fake root.
# Gotchas (systemd 252):
# * Without --root, ExecStart= binaries are looked up on the HOST, so
#   /usr/bin/hello fails; --root makes Exec paths and unit lookup use the tree.
# * With --root, a unit given by path is reduced to its NAME and searched in
#   the root's unit dirs, so units outside them give "Unit x not found"; such
#   units are copied to etc/systemd/system.control (highest priority).
# * Unknown keys/sections only warn with rc 0, hence: any output is a finding.
# * --recursive-errors=no: deps (even Requires= of a missing unit) are not
#   checked; packages installed at build time provide units we cannot see.
# * Binaries come from packages too, so every Exec path gets a stub unless
#   the tree itself ships the file (then the real file, with its mode, wins).
# * --user verify does not work here (no runtime dir): user units are
#   verified as system units.
UNITRE='\.(service|socket|target|timer|mount|path)$'
DROPINRE='\.(service|socket|timer|mount|path)\.d/[^/]+\.conf$'
SYSDIRS='^(etc|run|usr/lib|lib|usr/local/lib)/systemd/system/[^/]+$'
EXECRE='^[[:space:]]*Exec(Start|StartPre|StartPost|Condition|Reload|Stop|StopPre|StopPost)='

make_root() { # root dir, source tree dirs (skeleton/extra, in merge order)...
  local root=$1 d
  shift
  mkdir -p "$root/usr/lib/systemd/system"
  # Host units make sysinit.target, multi-user.target etc. resolvable.
  cp -a /usr/lib/systemd/system/. "$root/usr/lib/systemd/system/"
  for d in "$@"; do [[ -d $d ]] && cp -a "$d/." "$root/"; done
  return 0
}

stub_execs() { # root, unit files...
  local root=$1 f exe dest
  shift
  for f in "$@"; do
    while read -r exe _; do
      while [[ $exe == [-@:+!]* ]]; do exe=${exe:1}; done  # Exec prefixes
      [[ -z $exe || $exe == *[%\$]* ]] && continue
      [[ $exe == /* ]] || exe=/usr/bin/$exe  # bare names are PATH-searched
      dest=$root$exe
      [[ -e $dest || -L $dest ]] && continue
      # Never follow a tree symlink out of the fake root while writing.
      [[ $(realpath -m "$dest") == "$root"/* ]] || continue
      mkdir -p "$(dirname "$dest")"
      printf '#!/bin/sh\nexit 0\n' >"$dest"
      chmod 0755 "$dest"
    done < <(sed -nE "s/${EXECRE}[[:space:]]*//p" "$f")
  done
}

verify_units() { # context name, context prefix ("" or mkosi.profiles/P/), tree dirs...
  local ctx=$1 prefix=$2 root units=() dropins=() names=() f rel inner n out
  shift 2
  root=$WORK/root-$ctx
  while IFS= read -r -d '' f; do
    rel=${f#"$TREE"/}
    if [[ -z $prefix ]]; then [[ $rel == mkosi.profiles/* ]] && continue
    else [[ $rel == "$prefix"* ]] || continue; fi
    if [[ $rel =~ $UNITRE ]]; then units+=("$f")
    elif [[ $rel =~ $DROPINRE ]]; then dropins+=("$f"); fi
  done < <(tree_files)
  ((${#units[@]})) || return 0
  make_root "$root" "$@"
  for f in "${units[@]}"; do
    rel=${f#"$TREE"/}
    inner=${rel#"$prefix"}
    inner=${inner#mkosi.skeleton/}
    inner=${inner#mkosi.extra/}
    if [[ $rel != "$prefix"mkosi.extra/* && $rel != "$prefix"mkosi.skeleton/* ]] ||
      ! [[ $inner =~ $SYSDIRS ]]; then
      mkdir -p "$root/etc/systemd/system.control"
      cp "$f" "$root/etc/systemd/system.control/"
    fi
    names+=("$(basename "$f")")
  done
  # Drop-ins only for stubs: they are loaded with their unit, never alone.
  stub_execs "$root" "${units[@]}" "${dropins[@]}"
  for n in "${!names[@]}"; do
    rel=${units[$n]#"$TREE"/}
    nunits=$((nunits + 1))
    out=$(systemd-analyze verify --man=no --recursive-errors=no --root="$root" "${names[$n]}" 2>&1) || true
    # Harmless noise for User=nobody; everything else is a real finding.
    out=$(grep -v 'Special user nobody configured' <<<"$out") || true
    [[ -z $out ]] || finding systemd-analyze "$(sed "s|$root/|/|g; s|^|$rel ($ctx): |" <<<"$out")"
  done
}

verify_units base "" "$TREE/mkosi.skeleton" "$TREE/mkosi.extra"
for pd in "$TREE"/mkosi.profiles/*/; do
  [[ -d $pd ]] || continue
  p=$(basename "$pd")
  verify_units "profile-$p" "mkosi.profiles/$p/" "$TREE/mkosi.skeleton" "$TREE/mkosi.extra" \
    "$pd/mkosi.skeleton" "$pd/mkosi.extra"
done

if ((findings)); then
  echo "validate-tree: FAILED ($findings findings)"
  exit 1
fi
echo "validate-tree: OK ($nscripts scripts, $nunits units, $nsummaries mkosi summaries)"
