//! Entry point of the browser app: panic hook, then mount. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The same module runs in the data check's worker (public/loader-worker.js): no page there.
    if web_sys::window().is_none() {
        return;
    }
    partnership_map::app::mount();
}

/// Checks a data file off the page (called by public/loader-worker.js): what the page needs of
/// it, as text (src/domain/handoff.rs).
// The full app's: the embed build opens no file. (Not in the doc comment, which wasm-bindgen
// copies into the shipped JS.)
#[cfg(all(target_arch = "wasm32", feature = "full"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn check_data_file(bytes: &[u8]) -> String {
    partnership_map::domain::handoff::check(bytes)
}

// The binary only means something in the browser; natively the library and its tests are what
// count, so a native `cargo build` still succeeds and says what to do.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnership-map is a browser app: build it with `make build` (see README.md)");
}
