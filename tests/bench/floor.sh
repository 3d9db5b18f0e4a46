#!/usr/bin/env bash
# The floor of the app's wasm (on demand: `make bench-floor`; about 3 minutes the first time):
# builds the three programs of tests/bench/floor/ exactly as .ci/build.sh builds the app (same
# profile and flags, wasm-bindgen, wasm-opt) and prints their sizes beside the app's modules, raw
# and gzip -9, against the 150 KB gzip of issue 5, after checking in headless Chromium that each
# works. Run `make build` first: dist/pkg holds the app's rows, among them the embed's first view
# (src/first.rs, the map seam without leptos), whose working the browser tests show
# (first-view.test.mjs).
source "$(dirname "$0")/../../.ci/lib.sh"
wasm_env
export CARGO_TARGET_DIR="$ROOT/target/floor"
out="$CARGO_TARGET_DIR/out"
rm -rf "$out" && mkdir -p "$out"
size() { printf '%s %s' "$(stat -c %s "$1")" "$(gzip -9c "$1" | wc -c)"; }
rows=()
for program in counter loader map; do
  step "Building the floor program '$program'"
  cargo build --quiet --release --target wasm32-unknown-unknown \
    --manifest-path tests/bench/floor/Cargo.toml --bin "$program"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$program" --out-name app \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/$program.wasm"
  optimise_wasm "$out/$program/app_bg.wasm"
  rows+=("$program $(size "$out/$program/app_bg.wasm")")
done
for module in first embed app; do
  file=dist/pkg/partnership_map_${module}_bg.wasm
  [ "$module" = app ] && file=dist/pkg/partnership_map_bg.wasm
  [ -f "$file" ] && rows+=("$module $(size "$file")")
done

step "Checking that each floor program works (headless Chromium, the real data)"
node tests/bench/floor/check.mjs "$out" data/partnerships.json

printf '\n| wasm | raw (B) | gzip -9 (B) | of the 150 KB target |\n|---|---:|---:|---:|\n'
for row in "${rows[@]}"; do
  read -r name raw gz <<<"$row"
  case $name in
    counter) what="counter: leptos (CSR) alone" ;;
    loader) what="loader: + the data file read by the app's loader" ;;
    map) what="map: + a Leaflet map, one line per partnership" ;;
    first) what="the embed's first view (dist/: src/first.rs, the map seam, no leptos, no loader)" ;;
    embed) what="the embed's interface (dist/)" ;;
    app) what="the app (dist/)" ;;
  esac
  printf '| %s | %s | %s | %s%% |\n' "$what" "$raw" "$gz" "$(( gz * 100 / 153600 ))"
done
