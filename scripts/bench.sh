#!/usr/bin/env bash
# Prints server response times (wrk: requests/s and latency percentiles)
# for the overview, the AKN page and the AKN budget API, on the release
# build with a throw-away SQLite database (or DATABASE_URL if set).
# CONNECTIONS (default 16) and DURATION (default 10s) tune the load.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; } >&2
[ "${SKIP_BUILD:-}" = 1 ] || scripts/build.sh release >&2
port=${PORT:-3198}
. scripts/serve-temp.sh
for path in "/?year=2020" "/objects/AKN?year=2020" "/api/v1/objects/AKN/plan-years/2020/budget"; do
  echo "== GET $path (${CONNECTIONS:-16} connections, ${DURATION:-10s})"
  curl -s -o /dev/null -w "single request: %{time_total} s, %{size_download} bytes\n" "http://127.0.0.1:$port$path"
  wrk -t2 -c"${CONNECTIONS:-16}" -d"${DURATION:-10s}" --latency "http://127.0.0.1:$port$path" |
    grep -E "Requests/sec|Latency|50%|90%|99%"
done
