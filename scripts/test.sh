#!/usr/bin/env bash
# Runs every test: domain unit and property tests, the store contract and
# HTTP integration tests (SQLite always; PostgreSQL too when
# TEST_DATABASE_URL is set, e.g. postgres://postgres@127.0.0.1:5432/postgres),
# and the browser tests in Debian's Chromium against a debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "test: installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }
  else sudo apt-get install -y chromium; fi
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "test: TEST_DATABASE_URL is not set: PostgreSQL tests will be skipped (SQLite only)"
fi

# Package by package, never --workspace: that would build the server with the
# frontend's `hydrate` feature unified in, and browser-only code would run.
echo "test: domain (app, no features)"
cargo test -p app
echo "test: app with server code (password hashing, tokens)"
cargo test -p app --features ssr --lib
echo "test: server (store contract, HTTP integration, start-up)"
cargo test -p server

echo "test: browser tests"
# The server binary `cargo test` just built (same features, no rebuild);
# the site bundle in debug mode (no wasm-opt).
scripts/build.sh site-debug
npx playwright test --config tests/e2e/playwright.config.ts
