# The two commands of README.md, and the steps they are made of. The scripts live in .ci/.
.PHONY: serve test build setup bench bench-kiosk bench-floor bench-problems

## Install what is missing, build, and serve the map on http://127.0.0.1:8080/
serve: setup build
	node .ci/serve.mjs --dir dist --port $${PORT:-8080}

## Install what is missing and run every test (native domain tests, then browser tests)
test:
	bash .ci/test.sh

build:
	bash .ci/build.sh

setup:
	bash .ci/setup.sh

## Benchmark (on demand, not part of the tests): first load (desktop, phone, embed), bytes, 10,000
## pairs, Lighthouse, each against a hand-written page; builds and copies dist/ under /tmp/build.lock
bench: setup
	node tests/bench/run.mjs

## Endurance (on demand): 200 view switches, 1,000 attract-loop steps, 1,000 tour steps; heap, DOM and listeners before and after
bench-kiosk: setup
	node tests/bench/endurance.mjs

## The floor of the wasm (on demand): leptos alone, + the data loader, + a bare Leaflet map, vs the app
bench-floor: setup
	bash tests/bench/floor.sh

## Files full of problems (on demand): 20,000 and 150,000 records with one problem each, the
## native load time printed, then the same files opened as a preview in headless Chromium (time
## to the problems shown, longest main-thread pause).
bench-problems: setup build
	cargo run --quiet --release --example problems_bench
	node tests/bench/problems.mjs
