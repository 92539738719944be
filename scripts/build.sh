#!/usr/bin/env bash
# Builds the site (wasm bundle, JS glue, CSS) into target/site/pkg and the
# server binary. `scripts/build.sh release` (default) or `scripts/build.sh debug`;
# `site-debug` builds only the debug site (the tests build the server).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-release}
scripts/setup.sh

case "$mode" in
  release) wasm_profile=wasm-release; server_flags=(--release) ;;
  debug | site-debug) wasm_profile=dev; server_flags=() ;;
  *) echo "usage: scripts/build.sh [release|debug]" >&2; exit 2 ;;
esac
wasm_dir=$([ "$wasm_profile" = dev ] && echo debug || echo "$wasm_profile")

echo "build: browser bundle ($mode)"
cargo build -p frontend --lib --target wasm32-unknown-unknown --profile "$wasm_profile"
pkg=target/site/pkg
rm -rf "$pkg" && mkdir -p "$pkg"
wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name styrbord \
  "target/wasm32-unknown-unknown/$wasm_dir/frontend.wasm"
if [ "$mode" = release ]; then
  # npm's binaryen: Debian's (version 108) produces wasm that Chromium rejects.
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$pkg/styrbord_bg.wasm" -o "$pkg/styrbord_bg.wasm"
fi
cat style/tokens.css style/base.css style/layout.css style/tables.css style/overview.css style/forms.css style/plan.css style/escalation.css style/contract.css style/calendar.css style/dashboard.css style/status.css style/meeting.css style/print.css \
  > "$pkg/styrbord.css"
if [ "$mode" = release ]; then
  node scripts/compress.mjs "$pkg"
fi

[ "$mode" = site-debug ] && exit 0
echo "build: server ($mode)"
cargo build -p server --bin styrbord "${server_flags[@]}"
