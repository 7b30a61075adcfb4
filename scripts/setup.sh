#!/usr/bin/env bash
# Installs every tool the preview and the tests need, at pinned versions, idempotently.
# Safe to run again: each step checks what is already there first.
# Sourced by scripts/preview.sh and scripts/test.sh; can also be run on its own.
set -euo pipefail

TRUNK_VERSION=0.22.1
WASM_BINDGEN_VERSION=0.2.130 # must equal wasm-bindgen in Cargo.lock (Cargo.toml pins it with =)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

# Debian packages: Chromium + its driver for browser tests, brotli for size figures.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
if ((${#need_apt[@]})); then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The wasm target of the active toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# trunk: 0.22.x declares rust-version 1.96.1 but builds and works on 1.95.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (takes ~8 minutes once)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION" --ignore-rust-version
fi

# wasm-bindgen-cli: its lock file pins a webpki-roots absent from the registry, so no --locked.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm packages (package-lock.json): binaryen 132's wasm-opt (Debian's 108 breaks the bundle),
# playwright-core, which drives the Debian Chromium in the end-to-end tests, and the official
# stripe library, whose encoder tests/encoding_node.rs checks ours against.
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
  || [ ! -d "$ROOT/node_modules/stripe" ] \
  || ! cmp -s "$ROOT/package-lock.json" "$ROOT/node_modules/.package-lock.json.copy"; then
  say "npm ci (binaryen, playwright-core, stripe)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$ROOT/node_modules/.package-lock.json.copy"
fi

export CHROMEDRIVER=/usr/bin/chromedriver

# localstripe (PyPI), the Stripe emulator tests/localstripe.rs checks our client against: pinned
# with every dependency (tests/localstripe/requirements.txt) in the git-ignored .venv-localstripe/.
LOCALSTRIPE_VENV="$ROOT/.venv-localstripe"
LOCALSTRIPE_REQUIREMENTS="$ROOT/tests/localstripe/requirements.txt"
localstripe_pins() { grep -v -e '^#' -e '^$' "$LOCALSTRIPE_REQUIREMENTS" | sort -f; }
localstripe_freeze() { "$LOCALSTRIPE_VENV/bin/python" -m pip freeze 2>/dev/null | sort -f; }
if [ "$(localstripe_freeze)" != "$(localstripe_pins)" ]; then
  say "pip install localstripe (tests/localstripe/requirements.txt) into .venv-localstripe/"
  python3 -m venv --clear "$LOCALSTRIPE_VENV"
  "$LOCALSTRIPE_VENV/bin/python" -m pip install --quiet -r "$LOCALSTRIPE_REQUIREMENTS"
  if [ "$(localstripe_freeze)" != "$(localstripe_pins)" ]; then
    say "error: .venv-localstripe/ does not match $LOCALSTRIPE_REQUIREMENTS after pip install:"
    diff <(localstripe_freeze) <(localstripe_pins) >&2 || true
    return 1 2>/dev/null || exit 1
  fi
fi
export LOCALSTRIPE_PYTHON="$LOCALSTRIPE_VENV/bin/python"
