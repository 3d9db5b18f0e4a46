# Shared helpers for the scripts in .ci/: progress lines with elapsed time, and the Rust
# toolchain environment chosen by setup.sh (rustup's wasm32 target, or Debian's rustc-web).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
T0=${T0:-$(date +%s)}
export T0
step() { printf '\n\033[1m==> [%3ss] %s\033[0m\n' "$(( $(date +%s) - T0 ))" "$*"; }
note() { printf '    %s\n' "$*"; }

TOOLCHAIN_FILE="$ROOT/target/.wasm-toolchain"
# "yes" when setup.sh found the standard library's source (rustup's `rust-src`, Debian's
# rust-web-src): the wasm build then rebuilds std for size (see wasm_env).
BUILD_STD_FILE="$ROOT/target/.wasm-build-std"

# Sets the environment for a wasm build according to what setup.sh found. Everything here is for
# the wasm build only (target-specific flags, exported by build.sh alone): native `cargo test`
# and the data tool are built as usual.
wasm_env() {
  # leptos's erase_components: each component returns a type-erased view instead of its full
  # nested view type, so far less view code is monomorphised (about 7% less wasm, same page).
  local rustflags="--cfg erase_components"
  WASM_BUILD_STD=no
  if [ "$(cat "$TOOLCHAIN_FILE" 2>/dev/null)" = debian ]; then
    # Debian's rustc-web has no prebuilt wasm32 std: it is always built from source.
    export RUSTUP_TOOLCHAIN=debian-web
    WASM_BUILD_STD=yes
  elif [ "$(cat "$BUILD_STD_FILE" 2>/dev/null)" = yes ] && [ -f "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock" ]; then
    WASM_BUILD_STD=yes
  fi
  if [ "$WASM_BUILD_STD" = yes ]; then
    # std rebuilt with the app: size-optimised, and with panic=immediate-abort (a panic traps at
    # once, without formatting a message: no panic machinery, no message strings in the wasm).
    # About 11% less wasm. build-std and the panic strategy are unstable: RUSTC_BOOTSTRAP.
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    rustflags="$rustflags -Zunstable-options -Cpanic=immediate-abort"
  fi
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$rustflags"
}

# Optimises a wasm-bindgen output in place, as the release is: -Oz, and besides (measured, gzip
# -9, README "Performance"): --low-memory-unused lets loads and stores take constant offsets
# (sound for Rust: the first 1 KiB is the far end of the stack and no pointer arithmetic wraps
# round to it); inlining a function into its only caller stops at size 20, which compresses
# better than inlining every one; target_features is only a hint for tools. Together 1.2% less
# gzip than -Oz alone. --converge saved 0.1% more for twice the time, -O4 before -Oz and --gufa
# made it bigger: not used. binaryen from npm (v132): Debian's binaryen 108 produces a module
# that fails at start.
optimise_wasm() {
  "$ROOT/node_modules/.bin/wasm-opt" -Oz --low-memory-unused --one-caller-inline-max-function-size 20 \
    --strip-debug --strip-producers --strip-target-features "$1" -o "$1"
}
