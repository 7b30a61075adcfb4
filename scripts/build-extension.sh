#!/usr/bin/env bash
# trunk post_build hook of the preview (index.html): builds the production extension
# (extension.html, no default features) into the staged dist as extension/, with the same
# profile, so the preview's drawer runs exactly the bundle that ships.
set -euo pipefail
[ -n "${STRIPE_APP_EXTENSION_BUILD:-}" ] && exit 0 # we are that nested build
[ "${TRUNK_HTML_FILE:-}" != "" ] && [ "$(basename "$TRUNK_HTML_FILE")" != index.html ] && exit 0
release=false
[ "${TRUNK_PROFILE:-debug}" = release ] && release=true
STRIPE_APP_EXTENSION_BUILD=1 trunk build extension.html --release="$release" \
  --dist "$TRUNK_STAGING_DIR/extension" --public-url ./
