#!/usr/bin/env bash
# The preview: installs what is missing, then serves the Dashboard-like host on
# http://127.0.0.1:8080/ with the embedded demo account (no keys, no network).
# With a git-ignored Trunk.local.toml holding a [[proxy]] (README: "Forwarding to a real
# backend"), the server also forwards /__stripe/ to a Stripe-compatible API.
# Extra arguments go to trunk serve (e.g. --port 8081).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export TRUNK_SKIP_VERSION_CHECK=true
config=Trunk.toml
if [ -f Trunk.local.toml ]; then
  if git ls-files --error-unmatch Trunk.local.toml >/dev/null 2>&1; then
    echo "error: Trunk.local.toml is tracked by git, and it holds your API key." >&2
    echo "       Run 'git rm --cached Trunk.local.toml' and rotate the key if it was pushed." >&2
    exit 1
  fi
  if grep -Eq '(sk|rk)_live_' Trunk.local.toml; then
    echo "error: Trunk.local.toml holds a live-mode key (sk_live_/rk_live_)." >&2
    echo "       The preview forwards test mode only: use a sk_test_ key." >&2
    exit 1
  fi
  # trunk reads one config file: the project's, then the local [[proxy]] tables.
  cat Trunk.toml Trunk.local.toml >.trunk-local.toml
  config=.trunk-local.toml
  echo "preview: forwarding /__stripe/ as Trunk.local.toml says; pick it in the toolbar's Backend."
fi
exec trunk --config "$config" serve "$@"
