#!/usr/bin/env bash
# Installs what is missing, then runs every test: the native tests of the pure domain and the
# data file, a release build, and the end-to-end tests in headless Chromium.
source "$(dirname "$0")/lib.sh"
bash .ci/setup.sh

step "Native tests: domain and data (cargo test)"
cargo test --quiet

step "Data file check with the data tool (partnerships-data validate)"
cargo run --quiet --bin partnerships-data -- validate data/partnerships.json

bash .ci/build.sh

step "Browser tests in headless Chromium (node --test), served by the Node static server"
node --test --test-concurrency=1 tests/e2e/

step "The same browser tests, served by nginx (Debian's, under the README's configuration)"
E2E_SERVER=nginx node --test --test-concurrency=1 tests/e2e/
step "All tests passed"
