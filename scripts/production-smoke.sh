#!/usr/bin/env bash
# Proves the Docker image's runtime stage without Docker: the production dependency tree alone (`npm ci --omit=dev`
# in a temporary copy holding only what the image holds: package files, schema.graphql, dist/ and the trusted-documents
# manifest), started as the image starts it (with the runtime stage's ENV, read from the Dockerfile), on Node 24:
# without a key it must refuse to start (the image sets SANDBOX=false) and say so; with SANDBOX=true, asked for, it
# must reach a healthy /health on the sandbox, answer one GraphQL query and one persisted operation of the manifest
# run by its hash, keep its data directory private, and stop with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s build
tmp=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
cp package.json package-lock.json schema.graphql "$tmp/"
cp -r dist "$tmp/dist"
mkdir -p "$tmp/operations/generated" && cp operations/generated/persisted-documents.json "$tmp/operations/generated/"
(cd "$tmp" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null)
[ ! -e "$tmp/node_modules/tsx" ] && [ ! -e "$tmp/node_modules/typescript" ] || { echo "dev dependencies in the production tree" >&2; exit 1; }
# Node 24 as the image has it: the registry's binary (an optional dependency) where the machine's node is older.
node_bin=node
[ -x "$tmp/node_modules/.bin/node" ] && node_bin="$tmp/node_modules/.bin/node"
port=$("$node_bin" -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
# The runtime stage's environment, as the image has it (its last ENV line); this machine's own values follow it.
read -r -a image_env <<<"$(sed -n 's/^ENV //p' Dockerfile | tail -1)"
[[ " ${image_env[*]} " == *" SANDBOX=false "* ]] || { echo "the Dockerfile's runtime ENV does not set SANDBOX=false" >&2; exit 1; }
# Called in a subshell, which it replaces with the gateway (so that $! is the gateway's pid).
run() { cd "$tmp" && exec env -i PATH="$PATH" "${image_env[@]}" PORT="$port" HOST=127.0.0.1 DATA_DIR="$tmp/data" LOG_LEVEL=warn "$@" "$node_bin" dist/main.js; }

# 1. As the image starts with no key: it refuses, exit 1, with a message that says why and what to set.
refusal=$( (run) 2>&1 >/dev/null) && { echo "dist/main.js started without a key though SANDBOX=false" >&2; exit 1; }
grep -q 'AIMUSICAPI_API_KEY: not set, and SANDBOX=false' <<<"$refusal" && grep -q 'SANDBOX=true to run the sandbox on purpose' <<<"$refusal" ||
  { echo "unexpected refusal: $refusal" >&2; exit 1; }

# 2. With the sandbox asked for.
started=$(date +%s%N)
(run SANDBOX=true) &
pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "dist/main.js exited before it was healthy" >&2; exit 1; }
  sleep 0.05
done
curl -sf "http://127.0.0.1:$port/health" | grep -q '"upstream":"sandbox"' || { echo "no healthy /health on the sandbox in 15 s" >&2; exit 1; }
ms=$(( ($(date +%s%N) - started) / 1000000 ))
answer=$(curl -sf "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d '{"query":"{ operationCosts { operation } }"}')
grep -q '"operation":"createMusic"' <<<"$answer" || { echo "unexpected GraphQL answer: $answer" >&2; exit 1; }
hash=$(grep -o '"[0-9a-f]\{64\}": "query OperationCosts' operations/generated/persisted-documents.json | cut -c2-65)
answer=$(curl -s "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  -d "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$hash\"}}}")
grep -q '"operation":"createMusic"' <<<"$answer" || { echo "persisted operation not served by hash: $answer" >&2; exit 1; }
modes=$(stat -c '%a' "$tmp/data" "$tmp/data/gateway.db" | tr '\n' ' ')
[ "$modes" = "700 600 " ] || { echo "DATA_DIR is not private: modes $modes" >&2; exit 1; }
kill -TERM "$pid"
wait "$pid" && code=0 || code=$?
[ "$code" = 0 ] || { echo "dist/main.js exited $code on SIGTERM" >&2; exit 1; }
pid=
echo "production tree: $("$node_bin" --version), refused to start without a key (SANDBOX=false, as the image sets it); with SANDBOX=true healthy in ${ms} ms, answered GraphQL and a persisted operation, DATA_DIR private, stopped cleanly on SIGTERM"
