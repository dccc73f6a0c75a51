#!/usr/bin/env bash
# Proves scripts/validate-tree.sh: the good tree passes, and each bad tree
# fails through the expected tool and ONLY through the tools it is allowed
# (so every variant isolates one check and a check cannot fail silently).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VALIDATE=$HERE/../../../scripts/validate-tree.sh
passed=0 failed=0

# check TREE WANT_RC PROFILE TOOLS SNIPPET
#   PROFILE "" = none; TOOLS: allowed tool names, the first must appear.
check() {
  local tree=$1 want=$2 profile=$3 tools=$4 snippet=$5 out rc=0 why="" t
  out=$("$VALIDATE" "$HERE/$tree" ${profile:+"$profile"} 2>&1) || rc=$?
  if ((rc != want)); then
    why="rc=$rc, want $want"
  elif ((want == 0)); then
    grep -q '^validate-tree: OK (' <<<"$out" || why="no OK line"
  else
    grep -qF "validate-tree: ${tools%% *}: " <<<"$out" || why="no ${tools%% *} finding"
    grep -qF -- "$snippet" <<<"$out" || why="${why:+$why; }missing '$snippet'"
    while read -r t; do
      [[ " $tools FAILED " == *" $t "* ]] || why="${why:+$why; }unexpected tool $t"
    done < <(sed -n 's/^validate-tree: \([^ :]*\)[ :].*/\1/p' <<<"$out" | sort -u)
  fi
  if [[ -z $why ]]; then
    passed=$((passed + 1)); echo "PASS $tree${profile:+ --profile=$profile}"
  else
    failed=$((failed + 1)); echo "FAIL $tree${profile:+ --profile=$profile}: $why"
    while IFS= read -r t; do printf '    %s\n' "$t"; done <<<"$out"
  fi
}

check good                         0 dev "" ""
check good                         0 ""  "" ""
check bad/unit-type-simpel         1 dev systemd-analyze "Failed to parse service type, ignoring: simpel"
check bad/unit-unknown-key         1 dev systemd-analyze "Unknown key 'Restrat'"
check bad/profile-unit             1 dev systemd-analyze "(profile-dev)"
check bad/script-sc2086            1 dev shellcheck "[SC2086]"
check bad/script-syntax            1 dev "bash shellcheck" "unexpected EOF"
check bad/conf-unknown-key         1 dev mkosi "Unknown setting Packagez"
check bad/profile-conf-unknown-key 1 dev mkosi "summary (profile dev) rc=1"
# The same tree is fine without the profile: profile summaries really matter.
check bad/profile-conf-unknown-key 0 ""  "" ""

echo "$passed passed, $failed failed"
((failed == 0))
