#!/usr/bin/env bash
# Builds the release site: the hydrate bundle into target/site/pkg and target/release/malbild.
# Afterwards `target/release/malbild serve` from the repository root serves everything.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$MALBILD_ROOT"

pkg=target/site/pkg
wasm=target/wasm32-unknown-unknown/wasm-release/frontend.wasm

log "wasm: building the hydrate bundle ($MALBILD_WASM_PATH)"
if [ "$MALBILD_WASM_PATH" = build-std ]; then
    RUSTC_BOOTSTRAP=1 cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release "${WASM_CARGO_ARGS[@]}"
else
    cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release
fi

log "wasm: wasm-bindgen + wasm-opt"
rm -rf "$pkg.tmp" && mkdir -p "$pkg.tmp"
wasm-bindgen --target web --no-typescript --out-dir "$pkg.tmp" --out-name malbild "$wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue \
    "$pkg.tmp/malbild_bg.wasm" -o "$pkg.tmp/malbild_bg.wasm"
cp style/main.css "$pkg.tmp/malbild.css"
cp style/favicon.svg "$pkg.tmp/favicon.svg"
for f in "$pkg.tmp"/*.js "$pkg.tmp"/*.wasm "$pkg.tmp"/*.css; do
    gzip -9 -k -f "$f"
done
rm -rf "$pkg" && mv "$pkg.tmp" "$pkg"
raw=$(stat -c %s "$pkg/malbild_bg.wasm"); gz=$(stat -c %s "$pkg/malbild_bg.wasm.gz")
log "wasm: malbild_bg.wasm $((raw / 1024)) KiB, gzip -9 $((gz / 1024)) KiB"

log "server: cargo build --release"
cargo build -p server --release
log "built: target/release/malbild and $pkg"
