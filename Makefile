# The two commands of README.md, and the steps they are made of. The scripts live in .ci/.
.PHONY: serve test build setup bench bench-kiosk bench-floor

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

## Benchmark (on demand, not part of the tests): sizes, load time, filter latency, heap vs a baseline
bench: setup
	node tests/bench/run.mjs

## Kiosk endurance (on demand): 1,000 attract-loop steps, JS heap and DOM before and after
bench-kiosk: setup
	node tests/bench/endurance.mjs

## The floor of the wasm (on demand): leptos alone, + the data loader, + a bare Leaflet map, vs the app
bench-floor: setup
	bash tests/bench/floor.sh
