//! Entry point of the browser app: panic hook, then mount. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    partnership_map::app::mount();
}

// The binary only means something in the browser; natively the library and its tests are what
// count, so a native `cargo build` still succeeds and says what to do.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnership-map is a browser app: build it with `make build` (see README.md)");
}
