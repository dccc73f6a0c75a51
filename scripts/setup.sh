#!/usr/bin/env bash
# Prepare a Debian 12 (bookworm) machine, as root, to build and test tdxc.
# Idempotent: a re-run on a ready machine only checks and prints versions.
#   TDXC_SETUP_SKIP_APT=1  skip the system apt step (e.g. CI images that bake it in)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS=$REPO/.deps

PACKAGES=(build-essential cmake ninja-build ccache clang libclang-rt-14-dev llvm-14-tools
  default-jre-headless antlr4 libantlr4-runtime-dev uuid-dev libfmt-dev nlohmann-json3-dev
  libssl-dev libgtest-dev libgmock-dev libbenchmark-dev shellcheck systemd python3 git
  clang-format golang-go curl qemu-utils gdisk mtools dosfstools qemu-system-x86 ovmf nodejs uidmap)

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# --- 1. System packages -----------------------------------------------------
# dpkg-query is ~instant; apt-get update costs seconds and network, so only
# touch apt when something is really missing.
missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || printf '%s\n' "$p"
  done
}

if [[ ${TDXC_SETUP_SKIP_APT:-0} == 1 ]]; then
  log "apt: skipped (TDXC_SETUP_SKIP_APT=1)"
else
  mapfile -t missing < <(missing_packages)
  if ((${#missing[@]} == 0)); then
    log "apt: all ${#PACKAGES[@]} packages already installed"
  else
    [[ $(id -u) == 0 ]] || die "need root to install: ${missing[*]}"
    log "apt: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}"
  fi
fi

# --- 2. mkosi 25.3 from trixie, unpacked (see mkosi-feasibility.md §1) ------
# dpkg -i is impossible on bookworm (needs systemd >= 254 etc.: a partial
# dist-upgrade), but mkosi is pure Python, so an unpacked .deb plus a wrapper
# works. A private apt dir keeps the host's apt lists/cache untouched.
MKOSI_PREFIX=$DEPS/mkosi
MKOSI=$DEPS/bin/mkosi

host_mirror() {
  local m=""
  if [[ -r /etc/apt/sources.list.d/debian.sources ]]; then
    m=$(awk '$1=="URIs:"{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [[ -z $m && -r /etc/apt/sources.list ]]; then
    m=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^[a-z]+:\/\//){print $i; exit}}' /etc/apt/sources.list)
  fi
  printf '%s\n' "${m:-http://deb.debian.org/debian}"
}

if "$MKOSI" --version 2>/dev/null | grep -q '^mkosi 25\.'; then
  log "mkosi: already installed in $MKOSI_PREFIX"
else
  MAIN=$(host_mirror)
  T=$DEPS/apt
  log "mkosi: downloading from $MAIN trixie"
  mkdir -p "$T/lists/partial" "$T/archives/partial" "$T/cache" "$DEPS/bin"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MAIN trixie main" >"$T/sources.list"
  # The four Dir:: options of the recipe, plus Dir::Cache so that apt's binary
  # cache (/var/cache/apt/pkgcache.bin on stock Debian) is not rebuilt from
  # trixie lists either.
  A=(-o "Dir::Etc::sourcelist=$T/sources.list" -o "Dir::Etc::sourceparts=/nonexistent"
    -o "Dir::State::Lists=$T/lists" -o "Dir::Cache::Archives=$T/archives"
    -o "Dir::Cache=$T/cache")
  apt-get "${A[@]}" update -qq
  # apt download writes to the cwd; as root it warns about "unsandboxed"
  # downloads because _apt cannot write $T — harmless.
  rm -f "$T"/mkosi_*_all.deb
  (cd "$T" && apt-get "${A[@]}" download mkosi)
  debs=("$T"/mkosi_*_all.deb)
  [[ -f ${debs[0]} ]] || die "apt-get download mkosi produced no .deb"
  rm -rf "$MKOSI_PREFIX"
  dpkg-deb -x "${debs[0]}" "$MKOSI_PREFIX"
  # /usr/bin/python3 on purpose: a pyenv python3 earlier on PATH is untested.
  cat >"$MKOSI" <<EOF
#!/bin/sh
PYTHONPATH=$MKOSI_PREFIX/usr/lib/python3/dist-packages exec /usr/bin/python3 -m mkosi "\$@"
EOF
  chmod 0755 "$MKOSI"
fi

mkosi_version=$("$MKOSI" --version 2>&1) || die "mkosi wrapper failed: $mkosi_version"
[[ $mkosi_version == "mkosi 25.3" ]] || die "expected 'mkosi 25.3', got '$mkosi_version'"

# --- 3. npm packages: the LSP end-to-end client and the VS Code extension ---
# Versions are pinned by the committed package-lock.json files (npm ci).
# npm comes with nodejs on some systems (NodeSource) and separately on Debian.
if [[ ${TDXC_SETUP_SKIP_APT:-0} != 1 ]] && ! command -v npm >/dev/null; then
  log "apt: installing npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends npm
fi
command -v npm >/dev/null || die "npm is missing (apt-get install npm)"
for dir in tests/lsp-client editors/vscode; do
  if [[ -d $REPO/$dir/node_modules && $REPO/$dir/node_modules/.package-lock.json -nt $REPO/$dir/package-lock.json ]]; then
    log "npm: $dir already installed"
  else
    log "npm: npm ci in $dir"
    (cd "$REPO/$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

# --- 4. .gitignore: keep local deps and build dirs out of git ---------------
gi=$REPO/.gitignore
touch "$gi"
# Anchored: an unanchored build/ would also hide backends/build/.
for line in '/.deps/' '/build/' '/build-*/' 'node_modules/'; do
  grep -qxF -- "$line" "$gi" || printf '%s\n' "$line" >>"$gi"
done

# --- 5. Summary --------------------------------------------------------------
first() { "$@" 2>&1 | head -n1; }
log "versions:"
printf '  %-16s %s\n' \
  cmake "$(first cmake --version)" \
  g++ "$(first g++ --version)" \
  clang++ "$(first clang++ --version)" \
  antlr4 "$(dpkg-query -W -f='${Version}' antlr4 2>/dev/null || echo missing)" \
  mkosi "$mkosi_version ($MKOSI)" \
  shellcheck "$(shellcheck --version | awk '/^version:/{print $2}')" \
  systemd-analyze "$(first systemd-analyze --version)" \
  node "$(node --version)" \
  npm "$(npm --version)"
log "done"
