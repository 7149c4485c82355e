#!/usr/bin/env bash
# Runs every check: formatting, lints, unit and integration tests (on SQLite, and again on
# PostgreSQL when MALBILD_TEST_DATABASE_URL is set), then the end-to-end tests in Chromium
# against the server the tests built. Installs what is missing first (scripts/setup.sh).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
"$MALBILD_ROOT/scripts/setup.sh"
cd "$MALBILD_ROOT"

log "cargo fmt --check"
cargo fmt --all -- --check

log "clippy (server side, then the hydrate build of app)"
cargo clippy -p engine -p app -p server -p migrations --all-targets -- -D warnings
cargo clippy -p app --features hydrate -- -D warnings

"$MALBILD_ROOT/scripts/bundle.sh"

# Tests use the dev profile: debug assertions on, and no feature churn in the release build.
# Both runs select the same packages, so the second reuses the first's build. The first also
# builds target/debug/malbild, which the end-to-end tests serve (why not the release build:
# docs/ARCHITECTURE.md, "Testing").
packages=(-p engine -p app -p server -p migrations)
log "tests on SQLite"
MALBILD_TEST_DATABASE_URL="" cargo test "${packages[@]}"

if [ -n "${MALBILD_TEST_DATABASE_URL:-}" ]; then
    log "integration tests on PostgreSQL"
    cargo test "${packages[@]}" --test '*'
else
    log "PostgreSQL tests skipped: set MALBILD_TEST_DATABASE_URL=postgres://… to run them"
fi

log "end-to-end tests in Chromium"
(cd end2end && MALBILD_BIN="$MALBILD_ROOT/target/debug/malbild" npm test)
log "all tests passed"
