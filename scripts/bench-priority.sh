#!/usr/bin/env bash
# Prints reorder round-trip latency (p50, p99) under concurrent load and the
# browser's interaction time for a move in a 1 000-item list, on the release
# build with a throw-away SQLite database and demo data. CLIENTS (default
# 16), SECONDS (default 10) and ITEMS (default 1000) tune it; SKIP_BUILD=1
# uses the build that is there.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || scripts/build.sh release >&2
port=${PORT:-3199}
# Every client signs in from 127.0.0.1: more than a real server's 30 a
# quarter of an hour from one address.
export STYRBORD_SIGN_IN_LIMIT_IP=${STYRBORD_SIGN_IN_LIMIT_IP:-1000}
. scripts/serve-temp.sh
BASE="http://127.0.0.1:$port" node scripts/bench-priority.mjs
