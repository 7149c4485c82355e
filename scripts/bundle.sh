#!/usr/bin/env bash
# Builds the hydrate bundle (WebAssembly, JS, CSS) into target/site/pkg, content-hashed and
# precompressed. The server is built separately: build.sh for release, the tests for theirs.
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
# Asset names carry a content hash so browsers may cache them for a year (`immutable`);
# the server finds the current names in pkg/ when it starts.
hash_of() { sha256sum "$1" | cut -c1-16; }
name="malbild.$(hash_of "$wasm")"
rm -rf "$pkg.tmp" && mkdir -p "$pkg.tmp"
# wasm-bindgen would cut an out-name at its first dot: name plainly, then rename. The page
# passes the wasm's path to the loader, so the JS needs no edit.
wasm-bindgen --target web --no-typescript --out-dir "$pkg.tmp" --out-name malbild "$wasm"
mv "$pkg.tmp/malbild.js" "$pkg.tmp/$name.js"
mv "$pkg.tmp/malbild_bg.wasm" "$pkg.tmp/${name}_bg.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue \
    "$pkg.tmp/${name}_bg.wasm" -o "$pkg.tmp/${name}_bg.wasm"
cp style/main.css "$pkg.tmp/malbild.$(hash_of style/main.css).css"
cp style/favicon.svg "$pkg.tmp/favicon.$(hash_of style/favicon.svg).svg"
for f in "$pkg.tmp"/*; do
    gzip -9 -k -f "$f"
    brotli -q 11 -k -f "$f"
done
rm -rf "$pkg" && mv "$pkg.tmp" "$pkg"
for ext in wasm wasm.gz wasm.br; do
    printf '%s\t%s\n' "$ext" "$(stat -c %s "$pkg/${name}_bg.$ext")"
done | awk '{ printf "    %-8s %7.1f KiB\n", $1, $2 / 1024 }' >&2
log "wasm: bundle $name (sizes above)"

# The bundle is downloaded by every visitor: growth is a decision, not an accident. Fail when
# the gzipped wasm and JS together grow more than 5 % over the size recorded in
# scripts/bundle-size (bytes); after a deliberate change, record the new size there.
budget_file="$MALBILD_ROOT/scripts/bundle-size"
size=$(( $(stat -c %s "$pkg/${name}_bg.wasm.gz") + $(stat -c %s "$pkg/$name.js.gz") ))
recorded="$(grep -o '^[0-9]*' "$budget_file" | head -1)"
allowed=$(( recorded * 105 / 100 ))
printf '    gzipped wasm + js: %d bytes (recorded %d, allowed %d)\n' "$size" "$recorded" "$allowed" >&2
if [ "$size" -gt "$allowed" ]; then
    log "the bundle grew more than 5 % over scripts/bundle-size: shrink it, or record the new size"
    exit 1
fi
