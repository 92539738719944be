#!/usr/bin/env bash
# Prints Lighthouse's mobile performance score (median of RUNS, default 3)
# for the steering group dashboard and, as a reference measured in the same
# run on the same machine, the sign-in page; scores move with machine load,
# so compare the two. Release build, throw-away SQLite database with demo
# data (or the synthetic portfolio with SEED=1); Debian's Chromium.
# Lighthouse comes from npm on first use (npm exec caches it), not from
# package.json: the tests do not need it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || scripts/build.sh release >&2
port=${PORT:-3195}
runs=${RUNS:-3}
year=${YEAR:-2021}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
jar=$(mktemp)
out=$(mktemp -d)
trap 'kill ${server:-} 2>/dev/null; rm -rf "$data" "$jar" "$out"' EXIT
if [ "${SEED:-}" = 1 ]; then
  year=$(date +%Y)
  target/release/styrbord seed --data-dir "$data" --year "$year" >&2
fi
target/release/styrbord --port "$port" --data-dir "$data" --site-root target/site >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "$base/health" >/dev/null && break; sleep 0.2; done
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$base/auth/sign-in" \
  --data-urlencode "email=cecilia.wahlstrom@linkoping.example" --data-urlencode "password=styrbord-demo"
cookie=$(awk '$6 ~ /^(__Host-)?styrbord/ { print $6 "=" $7 }' "$jar" | paste -sd ';')
[ -n "$cookie" ] || { echo "lighthouse: sign-in failed" >&2; exit 1; }

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
score() { # path, extra headers (JSON) -> one score per line
  for run in $(seq "$runs"); do
    CHROME_PATH=/usr/bin/chromium npm exec --yes --package=lighthouse@12 -- lighthouse "$base$1" \
      --only-categories=performance --output=json --output-path="$out/$run.json" --quiet \
      --chrome-flags="$flags --user-data-dir=$out/profile-$run" --extra-headers="$2" >/dev/null 2>&1 ||
      { echo "lighthouse: run $run of $1 failed" >&2; continue; }
    node -e 'const r = require(process.argv[1]); const a = r.audits;
      console.log(Math.round(r.categories.performance.score * 100), "FCP", a["first-contentful-paint"].displayValue,
        "LCP", a["largest-contentful-paint"].displayValue, "TBT", a["total-blocking-time"].displayValue,
        "CLS", a["cumulative-layout-shift"].displayValue)' "$out/$run.json"
  done
}
report() { # title, path, headers
  local lines
  lines=$(score "$2" "$3")
  echo "== $1 ($runs runs, mobile): scores $(echo "$lines" | awk '{ print $1 }' | paste -sd ' ')"
  echo "$lines" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { print "   median: " $0 }'
}
report "/dashboard?year=$year" "/dashboard?year=$year" "{\"Cookie\": \"$cookie\"}"
report "/auth/sign-in (reference)" "/auth/sign-in" "{}"
