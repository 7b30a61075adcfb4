#!/usr/bin/env bash
# Benchmark (prints figures): ns per CSP guard check, natively and in wasm (release build,
# headless Chromium), with the corpus's 10-entry allowlist. Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cargo bench --bench csp 2>/dev/null | grep -v '^$'
cargo test --release --target wasm32-unknown-unknown --test bench_csp -- --nocapture 2>/dev/null \
  | grep -E 'CSP guard|ns/check' | sed 's/^ *//; s/^  //'
