#!/usr/bin/env bash
# Installs whatever this machine is missing to build and test the map. Idempotent: a second run
# only checks. Nothing is downloaded but packages from the registries (Debian, crates.io, npm).
source "$(dirname "$0")/lib.sh"

apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || apt_missing+=(fonts-noto-cjk) # Hangul in screenshots
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_missing+=(nginx-light) # tests/e2e/nginx.test.mjs
if [ ${#apt_missing[@]} -gt 0 ]; then
  step "Installing Debian packages: ${apt_missing[*]} (about 1 minute)"
  export DEBIAN_FRONTEND=noninteractive
  # Packages must not start services here (nginx would take port 80): the tests start their own.
  no_services=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_services=1
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
  if [ "$no_services" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
fi

mkdir -p "$ROOT/target"
if [ "${FORCE_DEBIAN_TOOLCHAIN:-0}" != 1 ] && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo rustup >"$TOOLCHAIN_FILE"
elif [ "${FORCE_DEBIAN_TOOLCHAIN:-0}" != 1 ] && { step "Adding the wasm32 target to rustup"; rustup target add wasm32-unknown-unknown; }; then
  echo rustup >"$TOOLCHAIN_FILE"
else
  step "rustup cannot provide wasm32: falling back to Debian's rustc-web (std built from source)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq rustc-web cargo-web rust-web-src rust-web-llvm lld-22 >/dev/null
  rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
  echo debian >"$TOOLCHAIN_FILE"
fi
# The standard library's source lets the wasm build rebuild std for size (lib.sh, wasm_env).
# Optional: without it the build uses the prebuilt std (a bigger wasm, same behaviour).
if [ "$(cat "$TOOLCHAIN_FILE")" = debian ]; then
  echo yes >"$BUILD_STD_FILE" # rust-web-src
elif rustup component list --installed 2>/dev/null | grep -qx rust-src \
  || { step "Adding rust-src to rustup (std rebuilt for a smaller wasm)"; rustup component add rust-src; }; then
  echo yes >"$BUILD_STD_FILE"
else
  note "rust-src is not available: the wasm build uses the prebuilt std (bigger wasm)"
  echo no >"$BUILD_STD_FILE"
fi
note "wasm toolchain: $(cat "$TOOLCHAIN_FILE"), std rebuilt for size: $(cat "$BUILD_STD_FILE")"

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  step "Installing wasm-bindgen-cli $wb_version (about 3 minutes, once)"
  # Installed from outside the project so its own lock file is used; no --locked: 0.2.130's
  # lock pins a webpki-roots version the registry no longer serves.
  (cd /tmp && cargo install wasm-bindgen-cli --version "$wb_version" --quiet)
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages (Leaflet, basemap data, wasm-opt, Playwright driver)"
  npm ci --no-audit --no-fund --loglevel=error
fi
note "setup complete"
