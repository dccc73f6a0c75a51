#!/usr/bin/env bash
# Usage: run_secrets.sh TREE WORKDIR
# Builds the tdx-secrets agent from the source embedded in TREE's build script
# with the host's Go, runs it on the tree's manifest, delivers secrets with
# curl (a rejected request first) and prints what the agent wrote.
set -euo pipefail
tree=$1 work=$2
script=$(echo "$tree"/mkosi.build.d/*-build-tdx-secrets.sh.chroot)
mkdir -p "$work/src"
sed -n "/<<'TDX_SECRETS_GO_MOD'$/,/^TDX_SECRETS_GO_MOD$/p" "$script" | sed '1d;$d' >"$work/src/go.mod"
sed -n "/<<'TDX_SECRETS_MAIN_GO'$/,/^TDX_SECRETS_MAIN_GO$/p" "$script" | sed '1d;$d' >"$work/src/main.go"
(cd "$work/src" && HOME=$work GOCACHE=$work/gocache GOPATH=$work/gopath CGO_ENABLED=0 go build -o "$work/tdx-secrets" .)
rm -rf /tmp/tdxc-secrets-test
port=$((20000 + RANDOM % 20000))
"$work/tdx-secrets" --listen "127.0.0.1:$port" --manifest "$tree/mkosi.extra/etc/tdx-secrets/secrets.d" \
  --env-file "$work/env" >"$work/agent.log" 2>&1 &
agent=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
post() { curl -s -w 'HTTP %{http_code}\n' -X POST --data "$1" "http://127.0.0.1:$port/"; }
post '{"jwt": "XYZ", "other": "1"}'
post '{"jwt": "deadbeef00", "cfg": {"peers": 3}}'
post '{"mode": "prod"}'
wait "$agent" && echo "agent exited 0"
stat -c '%n %a %U' /tmp/tdxc-secrets-test/jwt /tmp/tdxc-secrets-test/cfg.json
echo "jwt: $(cat /tmp/tdxc-secrets-test/jwt)"
echo "cfg: $(cat /tmp/tdxc-secrets-test/cfg.json)"
cat "$work/env"
rm -rf /tmp/tdxc-secrets-test
