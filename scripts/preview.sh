#!/usr/bin/env bash
# The preview: installs what is missing, then serves the Dashboard-like host on
# http://127.0.0.1:8080/ with the embedded demo account (no keys, no network).
# Extra arguments go to trunk serve (e.g. --port 8081).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export TRUNK_SKIP_VERSION_CHECK=true
exec trunk serve "$@"
