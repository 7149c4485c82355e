# Sourced by the scripts in scripts/: the one place that knows how this machine builds.
#
# A normal developer machine has rustup's wasm32-unknown-unknown target: the normal path.
# Machines without it (rustup cannot download targets there) build the wasm standard
# library from source with Debian's rustc-web and its rust-src (see docs/ARCHITECTURE.md,
# "Building the WebAssembly bundle"). Both paths produce the same files.

MALBILD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export MALBILD_ROOT

if rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
    MALBILD_WASM_PATH=native
    WASM_CARGO_ARGS=()
else
    MALBILD_WASM_PATH=build-std
    # Debian's rustc-web (1.96) and its std sources; one compiler for server and wasm.
    export PATH="/usr/bin:$PATH"
    WASM_CARGO_ARGS=(-Zbuild-std=std,panic_abort)
    # Debian's rustc has no wasm linker: borrow rust-lld from a rustup toolchain.
    for lld in "$HOME"/.rustup/toolchains/*/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld; do
        if [ -x "$lld" ]; then
            export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$lld"
            break
        fi
    done
fi
export MALBILD_WASM_PATH

# wasm-opt from npm's binaryen (Debian's v108 corrupts wasm-bindgen's output), then cargo tools.
export PATH="$MALBILD_ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ "$MALBILD_WASM_PATH" = build-std ] && export PATH="/usr/bin:$PATH"

# The exact wasm-bindgen version in Cargo.lock: crate and CLI must match.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$MALBILD_ROOT/Cargo.lock"
}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
