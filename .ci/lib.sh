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
# Sets the environment for a wasm build according to what setup.sh found.
wasm_env() {
  if [ "$(cat "$TOOLCHAIN_FILE" 2>/dev/null)" = debian ]; then
    # Debian's rustc-web has no prebuilt wasm32 std: build it from source for wasm builds only.
    export RUSTUP_TOOLCHAIN=debian-web
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export RUSTC_BOOTSTRAP=1 # build-std passes -Z flags
  fi
}
