#!/usr/bin/env bash
# Installs whatever is missing to build, run and test Målbild. Idempotent and quick when
# everything is present. Debian/Ubuntu packages via apt (as root or with sudo).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$MALBILD_ROOT"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=(chromium wrk brotli)
if [ "$MALBILD_WASM_PATH" = build-std ]; then
    apt_packages+=(rustc-web cargo-web rust-web-src rust-web-clippy)
fi
missing=()
for pkg in "${apt_packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "apt: installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

want="$(wasm_bindgen_version)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
    log "cargo: installing wasm-bindgen-cli $want (was: ${have:-none})"
    # Not --locked: the CLI's own lock file pins a crate the registry mirror may lack.
    cargo install wasm-bindgen-cli --version "$want"
fi

for dir in tools end2end; do
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        log "npm: installing $dir/"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
done

log "setup complete (wasm path: $MALBILD_WASM_PATH)"
