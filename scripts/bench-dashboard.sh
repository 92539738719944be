#!/usr/bin/env bash
# Prints the steering group dashboard's figures on a synthetic portfolio
# (issue 7): `styrbord seed` makes OBJECTS (100) objects, INITIATIVES
# (10 000) initiatives in YEAR (this year) and CONTRACTS (2 000) contracts
# in a throw-away SQLite database; then, signed in as a PSG member:
#   - the first request after start (the dashboard built from the database),
#   - wrk at CONNECTIONS (64) connections for DURATION (20s), asking for
#     brotli as a browser does: the page as served (kept per person and
#     data revision), the page rendered every time (a unique query string
#     defeats the page cache; the dashboard's figures stay cached), the
#     drill-down of one object, and the dashboard's data as JSON,
#   - the first load's transfer size (scripts/size.mjs).
# Release build; SKIP_BUILD=1 uses the build there. DATABASE_URL selects an
# (empty) PostgreSQL database instead of SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; } >&2
[ "${SKIP_BUILD:-}" = 1 ] || scripts/build.sh release >&2
port=${PORT:-3196}
year=${YEAR:-$(date +%Y)}
connections=${CONNECTIONS:-64}
duration=${DURATION:-20s}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
jar=$(mktemp)
lua=$(mktemp --suffix=.lua)
trap 'kill ${server:-} 2>/dev/null; rm -rf "$data" "$jar" "$lua"' EXIT

target/release/styrbord seed --data-dir "$data" --year "$year" \
  --objects "${OBJECTS:-100}" --initiatives "${INITIATIVES:-10000}" --contracts "${CONTRACTS:-2000}"
target/release/styrbord --port "$port" --data-dir "$data" --site-root target/site --no-demo >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "$base/health" >/dev/null && break; sleep 0.2; done

curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$base/auth/sign-in" \
  --data-urlencode "email=cecilia.wahlstrom@linkoping.example" --data-urlencode "password=styrbord-demo"
cookie=$(awk '$6 ~ /^(__Host-)?styrbord/ { print $6 "=" $7 }' "$jar" | paste -sd ';')
[ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; exit 1; }

page="/dashboard?year=$year"
timed() { curl -s -o /dev/null -b "$jar" -H 'Accept-Encoding: br' -w "%{time_total} s, %{size_download} bytes sent, HTTP %{http_code}" "$@"; }
echo "== first request after start (figures built from the database): $(timed "$base$page")"
echo "== second request (served from the page cache): $(timed "$base$page")"

cat > "$lua" <<LUA
math.randomseed(os.time())
request = function()
  return wrk.format(nil, "$page&bench=" .. math.random(1, 1000000000))
end
LUA

run() {
  local title=$1; shift
  echo "== $title ($connections connections, $duration)"
  wrk -t2 -c"$connections" -d"$duration" --latency -H "Cookie: $cookie" -H 'Accept-Encoding: br' "$@" |
    grep -E "Requests/sec|Non-2xx|^ +(50|90|99)%|Socket errors"
}
run "GET $page (as served)" "$base$page"
run "GET $page&bench=<random> (rendered every time)" -s "$lua" "$base$page"
run "GET /dashboard/rows?year=$year&object=AKN (drill-down)" "$base/dashboard/rows?year=$year&object=AKN"

echo "== first load of $page"
COOKIE="$cookie" node scripts/size.mjs "$base" "$page"
