//! Franco-Korean partnership map.
//!
//! - [`domain`]: the pure part (data model, loading and validation, filters, facet counts, URL
//!   state, link geometry, interface texts). No browser crate is reachable from it: it builds and
//!   is tested natively with `cargo test`.
//! - `app` (wasm only): the leptos components.
//! - `map` (wasm only): the one seam that talks to Leaflet.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod map;
