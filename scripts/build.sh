#!/usr/bin/env bash
# Builds the release site: the hydrate bundle into target/site/pkg and target/release/malbild.
# Afterwards `target/release/malbild serve` from the repository root serves everything.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$MALBILD_ROOT"

"$MALBILD_ROOT/scripts/bundle.sh"

log "server: cargo build --release"
cargo build -p server --release
log "built: target/release/malbild and target/site/pkg"
