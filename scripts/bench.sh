#!/usr/bin/env bash
# Benchmark (issue 6; prints figures, not part of scripts/test.sh; takes several minutes): ours
# (the release extension bundle) against the baseline (bench/baseline/: the same customer list
# in React 18 + @stripe/ui-extension-sdk + stripe, and a React 18 DOM build), built in this run.
# Prints one table and writes bench-out/bench.json. README: "Benchmarks".
# BENCH_RUNS=N changes the number of runs per figure (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export TRUNK_SKIP_VERSION_CHECK=true CARGO_TERM_COLOR=never
mkdir -p bench-out
say() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }

say "ours: trunk build --release=true (preview host + dist/extension/, opt-level z, LTO, wasm-opt -Oz)"
trunk build --release=true >bench-out/trunk.log 2>&1 || { tail -40 bench-out/trunk.log >&2; exit 1; }

say "baseline: npm ci + esbuild --minify (bench/baseline/)"
(cd bench/baseline && npm ci --no-audit --no-fund --loglevel=error >&2 && node build.mjs)

say "wasm benches (release, headless Chromium): CSP guard, decode, render and memory"
# bench/webdriver.json adds --enable-precise-memory-info and --js-flags=--expose-gc.
WASM_BINDGEN_TEST_TIMEOUT=900 WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/bench/webdriver.json" \
  cargo test --release --locked --target wasm32-unknown-unknown \
  --test bench_csp --test bench_decode --test bench_render -- --nocapture \
  >bench-out/wasm-benches.txt 2>bench-out/wasm-benches.log \
  || { say "wasm benches failed (their rows will say so):"; tail -30 bench-out/wasm-benches.log >&2; }
grep -E '^ *(CSP guard|Decode|Customer table|  )' bench-out/wasm-benches.txt >&2 || true

say "browser runs (playwright-core, /usr/bin/chromium): cold start, React render, viewport switch"
CHROMIUM_VERSION="$(chromium --version 2>/dev/null | head -1)" node bench/run.mjs
say "wrote bench-out/bench.json"
