# Sourced by the measurement scripts: starts the release server on $port
# with a throw-away SQLite database and demo data, waits until it answers,
# and stops it (and removes the data) when the calling script exits.
data=$(mktemp -d)
target/release/styrbord --port "$port" --data-dir "$data" --site-root target/site >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
