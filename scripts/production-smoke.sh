#!/usr/bin/env bash
# Proves the Docker image's runtime stage without Docker: the production dependency tree alone (`npm ci --omit=dev`
# in a temporary copy holding only what the image holds: package files, schema.graphql, dist/ and the trusted-documents
# manifest), started as the image starts it, on Node 24, to a healthy /health, one GraphQL answer and one persisted
# operation of the manifest run by its hash, then stopped with SIGTERM.
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
started=$(date +%s%N)
(cd "$tmp" && exec env -i PATH="$PATH" NODE_ENV=production PORT="$port" HOST=127.0.0.1 DATA_DIR="$tmp/data" LOG_LEVEL=warn \
  "$node_bin" dist/main.js) &
pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "dist/main.js exited before it was healthy" >&2; exit 1; }
  sleep 0.05
done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "no healthy /health in 15 s" >&2; exit 1; }
ms=$(( ($(date +%s%N) - started) / 1000000 ))
answer=$(curl -sf "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d '{"query":"{ operationCosts { operation } }"}')
grep -q '"operation":"createMusic"' <<<"$answer" || { echo "unexpected GraphQL answer: $answer" >&2; exit 1; }
hash=$(grep -o '"[0-9a-f]\{64\}": "query OperationCosts' operations/generated/persisted-documents.json | cut -c2-65)
answer=$(curl -s "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  -d "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$hash\"}}}")
grep -q '"operation":"createMusic"' <<<"$answer" || { echo "persisted operation not served by hash: $answer" >&2; exit 1; }
kill -TERM "$pid"
wait "$pid" && code=0 || code=$?
[ "$code" = 0 ] || { echo "dist/main.js exited $code on SIGTERM" >&2; exit 1; }
pid=
echo "production tree: $("$node_bin" --version), healthy in ${ms} ms, answered GraphQL and a persisted operation, stopped cleanly on SIGTERM"
