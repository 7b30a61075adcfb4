#!/usr/bin/env bash
# Every test: lint, native tests, browser tests (wasm-bindgen-test in headless Chromium), and
# end-to-end tests that build the release bundle, serve it and drive it in headless Chromium.
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
source scripts/setup.sh
export TRUNK_SKIP_VERSION_CHECK=true CARGO_TERM_COLOR=never

step() {
  local name=$1; shift
  local t=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$name"
  "$@"
  printf '\033[1m== %s: ok (%ss)\033[0m\n' "$name" $((SECONDS - t))
}

step "format" cargo fmt --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32, preview host)" cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --test view_detail --test view_list --test view_settings --test csp_browser --test bench_csp --test bench_decode --test bench_render --test ui --locked -- -D warnings
step "clippy (wasm32, production extension)" cargo clippy --target wasm32-unknown-unknown --lib --bins --no-default-features --locked -- -D warnings
step "native tests" cargo test --locked
step "localstripe conformance (our client against the localstripe emulator)" \
  cargo test --locked --test localstripe -- --ignored
step "browser tests (wasm-bindgen-test, headless Chromium: views, UI kit, bridge, CSP vs Chromium)" \
  cargo test --target wasm32-unknown-unknown --test web --test view_detail --test view_list --test view_settings --test csp_browser --test ui --locked
step "release bundle (trunk build --release)" trunk build --release
step "end-to-end tests (release bundle, headless Chromium)" node --test --test-reporter=spec tests/e2e/
step "bundle size" bash scripts/size.sh dist/extension
printf '\nall tests passed in %ss\n' $((SECONDS - started))
