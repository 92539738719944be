#!/usr/bin/env bash
# Prints the first-load transfer size of `/` (HTML, CSS, JS, wasm): raw,
# gzip, brotli. Builds the release site, starts it on a free port with a
# throw-away database, measures, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || scripts/build.sh release >&2
port=${PORT:-3197}
. scripts/serve-temp.sh
node scripts/size.mjs "http://127.0.0.1:$port" /
