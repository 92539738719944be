#!/usr/bin/env bash
# Prints response times (wrk: requests/s, latency percentiles) for the
# contract register: the server-rendered page `/contracts`, the register's
# data (`/sf/contracts/list`, what the browser fetches) and a calendar feed
# of every contract (`.ics`), first with the demo's contracts and then with
# EXTRA (default 1000) more registered through the form's server function.
# Release build, throw-away SQLite database; CONNECTIONS (default 16) and
# DURATION (default 10s) tune the load; SKIP_BUILD=1 uses the build there.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; } >&2
[ "${SKIP_BUILD:-}" = 1 ] || scripts/build.sh release >&2
port=${PORT:-3197}
. scripts/serve-temp.sh
base="http://127.0.0.1:$port"
jar=$(mktemp)
trap 'kill $server 2>/dev/null; rm -rf "$data" "$jar"' EXIT
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$base/auth/sign-in" \
  --data-urlencode "email=naris.radetinac@linkoping.example" --data-urlencode "password=styrbord-demo"
cookie=$(awk '$6 ~ /^(__Host-)?styrbord/ { print $6 "=" $7 }' "$jar" | paste -sd ';')
[ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; exit 1; }
post() { curl -s -b "$jar" -X POST "$base$1" "${@:2}"; }
feed=$(post /sf/calendar/create --data "scope=all" | sed -n 's/.*"https_url":"\([^"]*\)".*/\1/p')
[ -n "$feed" ] || { echo "bench: no calendar feed" >&2; exit 1; }
feed_path=${feed#*://*/}
list_lua=$(mktemp --suffix=.lua)
trap 'kill $server 2>/dev/null; rm -rf "$data" "$jar" "$list_lua"' EXIT
printf 'wrk.method = "POST"\nwrk.body = ""\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n' > "$list_lua"

measure() {
  local count
  count=$(post /sf/contracts/list | grep -o '"total":[0-9]*' | cut -d: -f2)
  echo "### $count contracts"
  for target in "GET /contracts" "POST /sf/contracts/list" "GET /$feed_path"; do
    local method=${target%% *} path=${target#* }
    local shown=$path
    [ "$path" = "/$feed_path" ] && shown="/calendar/<secret>.ics"
    echo "== $method $shown (${CONNECTIONS:-16} connections, ${DURATION:-10s})"
    local script=()
    [ "$method" = POST ] && script=(-s "$list_lua")
    curl -s -o /dev/null -b "$jar" -X "$method" -w "single request: %{time_total} s, %{size_download} bytes\n" "$base$path"
    wrk -t2 -c"${CONNECTIONS:-16}" -d"${DURATION:-10s}" --latency -H "Cookie: $cookie" "${script[@]}" "$base$path" |
      grep -E "Requests/sec|^ +(50|90|99)%"
  done
}

measure
supplier=$(post /sf/contracts/editor --data "id=0" | grep -o '"supplier_choices":\[{"value":"[^"]*"' | sed 's/.*"value":"//; s/"$//')
start=$(date +%s)
for i in $(seq "${EXTRA:-1000}"); do
  end_year=$(( 2027 + i % 6 )); month=$(( 1 + i % 12 ))
  post /sf/contracts/save -o /dev/null \
    --data-urlencode "reference=BENCH-$i" --data-urlencode "supplier=$supplier" \
    --data "start=2022-01-01&end=$end_year-$(printf %02d $month)-28&notice_months=$(( 3 + i % 10 ))" \
    --data "procurement_lead_months=$(( 6 + i % 13 ))&option_count=$(( i % 3 ))&option_months=12&yearly_cost=$(( 10000 + i * 37 ))" \
    --data "auto_renewal_months=$([ $(( i % 5 )) = 0 ] && echo 12)&objects%5B%5D=AKN"
done
echo "(registered ${EXTRA:-1000} contracts through /sf/contracts/save in $(( $(date +%s) - start )) s)"
measure
