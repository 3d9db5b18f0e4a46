#!/usr/bin/env bash
# Builds the static site into dist/: the app's wasm and the embed's (release, wasm-bindgen,
# wasm-opt), index.html, public/, Leaflet, the basemap and the data. dist/ can then be copied to
# any static host.
source "$(dirname "$0")/lib.sh"

# First, natively (before wasm_env, whose settings are the wasm build's): the data is checked and
# index.html gets its first paint, the title, the count and the list written from the data
# (src/domain/first_paint.rs). Data with a problem stops the build here, with the problems.
step "Checking the data and writing the page's first paint (partnerships-data first-paint)"
page="${CARGO_TARGET_DIR:-target}/first-paint.html"
first_view="${CARGO_TARGET_DIR:-target}/first-view.json"
mkdir -p "$(dirname "$page")"
cargo run --quiet --bin partnerships-data -- first-paint data/partnerships.json --page index.html -o "$page" --first-view "$first_view"
wasm_env

step "Compiling the app to wasm (first time about 2.5 minutes, then about 20 seconds; std rebuilt for size: $WASM_BUILD_STD)"
cargo build --release --target wasm32-unknown-unknown --bin partnership-map
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/partnership-map.wasm"

rm -rf dist.tmp && mkdir -p dist.tmp/pkg dist.tmp/data dist.tmp/vendor/leaflet dist.tmp/vendor/html-to-image
step "Generating JS bindings and optimising the wasm"
wasm-bindgen --target web --no-typescript --out-dir dist.tmp/pkg --out-name partnership_map "$wasm"
optimise_wasm dist.tmp/pkg/partnership_map_bg.wasm

# The embed's own module (issue 19): the same crate without its default feature `full`, which
# leaves out what an embedded map never shows (Cargo.toml). Cargo writes it to the same file as
# the app's wasm, whose bindings are made above. The offline copy (sw.js) keeps it too: an
# embed of this map opened in a browser that has the copy is answered from it.
step "Compiling the embed's wasm, the app without its feature full (about a minute: its dependencies and std are the app's, already built)"
cargo build --release --target wasm32-unknown-unknown --bin partnership-map --no-default-features
step "Generating the embed's JS bindings and optimising its wasm"
wasm-bindgen --target web --no-typescript --out-dir dist.tmp/pkg --out-name partnership_map_embed "$wasm"
optimise_wasm dist.tmp/pkg/partnership_map_embed_bg.wasm

# The embed's first view (src/first.rs): the map seam alone, drawing what first-view.json says;
# the embed's module follows on first use (public/boot.js).
step "Compiling the embed's first view (src/first.rs: the map seam without leptos)"
cargo build --release --target wasm32-unknown-unknown --bin partnership-map-first
step "Generating the first view's JS bindings and optimising its wasm"
wasm-bindgen --target web --no-typescript --out-dir dist.tmp/pkg --out-name partnership_map_first \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/partnership-map-first.wasm"
optimise_wasm dist.tmp/pkg/partnership_map_first_bg.wasm

step "Assembling dist/"
cp "$first_view" dist.tmp/first-view.json
cp "$page" dist.tmp/index.html
cp -r public/. dist.tmp/
node .ci/minify-json.mjs data/partnerships.json dist.tmp/data/partnerships.json >/dev/null
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css dist.tmp/vendor/leaflet/
cp -r node_modules/leaflet/dist/images dist.tmp/vendor/leaflet/
# Loaded only when someone saves the map as a PNG (src/map/picture.rs).
cp node_modules/html-to-image/dist/html-to-image.js dist.tmp/vendor/html-to-image/
node .ci/basemap.mjs dist.tmp/basemap.json >/dev/null
# An embed's first view applies only the part of style.css it uses.
note "$(node .ci/first-view-css.mjs public/style.css dist.tmp/first-view.css)"
# The build's own scripts and stylesheets minified (esbuild): comments and spaces are not sent.
note "$(node .ci/minify.mjs dist.tmp | tail -1)"
step "Writing the full map's first view's pages: the app's opening page in each language and view, opened in headless Chromium (.ci/prerender.mjs, about 20 seconds)"
note "$(node .ci/prerender.mjs dist.tmp)"
# Last: the offline cache lists every file above and is versioned by their bytes.
note "$(node .ci/sw-manifest.mjs dist.tmp)"
rm -rf dist && mv dist.tmp dist
note "wasm: $(stat -c %s dist/pkg/partnership_map_bg.wasm) bytes, $(gzip -9c dist/pkg/partnership_map_bg.wasm | wc -c) gzip"
note "embed wasm: $(stat -c %s dist/pkg/partnership_map_embed_bg.wasm) bytes, $(gzip -9c dist/pkg/partnership_map_embed_bg.wasm | wc -c) gzip"
note "first view wasm: $(stat -c %s dist/pkg/partnership_map_first_bg.wasm) bytes, $(gzip -9c dist/pkg/partnership_map_first_bg.wasm | wc -c) gzip"
note "built dist/ ($(du -sh dist | cut -f1))"
