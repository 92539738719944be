#!/usr/bin/env bash
# Prints the first-load transfer size of `/` (HTML, CSS, JS, wasm): raw,
# gzip, brotli. Builds the release site, starts it on a free port with a
# throw-away database, measures, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || scripts/build.sh release >&2
port=${PORT:-3197}
data=$(mktemp -d)
target/release/styrbord --port "$port" --data-dir "$data" --site-root target/site >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
node scripts/size.mjs "http://127.0.0.1:$port" /
