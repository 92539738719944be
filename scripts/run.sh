#!/usr/bin/env bash
# Builds Styrbord (release) and starts it at http://127.0.0.1:3000 on the
# embedded SQLite database in ./data, with demo data on first start.
# Extra arguments go to the server (see `target/release/styrbord --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release
exec target/release/styrbord --site-root target/site "$@"
