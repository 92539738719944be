#!/usr/bin/env bash
# Installs what building Styrbord needs and a fresh machine lacks: the wasm
# target, wasm-bindgen-cli (the version in Cargo.lock) and the npm packages
# (binaryen's wasm-opt; Playwright and axe-core for the browser tests).
# Each step is skipped when already done, so repeated runs cost seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
  echo "setup: installing wasm-bindgen-cli $wanted (about 3 minutes, once)"
  # Without --locked: with it, dependency resolution fails here (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$wanted"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The SMTP sink the reminder tests start (aiosmtpd on a loopback port).
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  echo "setup: installing aiosmtpd (the reminder tests' SMTP sink)"
  python3 -m pip install --quiet 'aiosmtpd==1.4.6'
fi
