#!/usr/bin/env bash
# Sets up what is missing, builds, seeds the demo tenants and serves Målbild on the
# embedded SQLite database. Local demo only.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
"$MALBILD_ROOT/scripts/setup.sh"
"$MALBILD_ROOT/scripts/build.sh"
cd "$MALBILD_ROOT"

# The demo password: MALBILD_DEMO_PASSWORD, else one generated on the first run and kept in
# .local/ (git-ignored) so every later run can show it again.
if [ -z "${MALBILD_DEMO_PASSWORD:-}" ]; then
    mkdir -p .local
    [ -s .local/demo-password ] || tr -dc 'a-km-zA-HJ-NP-Z2-9' </dev/urandom | head -c 20 >.local/demo-password
    MALBILD_DEMO_PASSWORD="$(cat .local/demo-password)"
fi
export MALBILD_DEMO_PASSWORD

target/release/malbild seed --demo >/dev/null
addr="${MALBILD_ADDR:-127.0.0.1:3000}"
cat <<TXT

  Målbild is running at http://$addr/

  Demo logins (local demo only), password: $MALBILD_DEMO_PASSWORD
    Norrtälje kommun:   admin@norrtalje.example   editor@norrtalje.example   viewer@norrtalje.example
    Södertälje kommun:  admin@sodertalje.example  editor@sodertalje.example  viewer@sodertalje.example
    Any municipality:   platform@malbild.example

TXT
exec target/release/malbild serve --addr "$addr"
