//! The pure domain: everything that can be decided without a browser.
//!
//! Owns the data model, loading and validation with located problems, filtering and facet
//! counts, the URL contract, link geometry and the interface texts; and, for the data tool
//! (`src/bin/partnerships-data.rs`), writing a dataset back as JSON or CSV, reading CSV,
//! statistics and synthetic data (no file I/O here: strings and bytes only). It must not depend
//! on leptos, web-sys, wasm-bindgen or leaflet (those crates are only available to the wasm
//! build, so the compiler enforces the boundary on every native `cargo test`).

pub mod audit;
pub mod csv_io;
pub mod dataset;
pub mod describe;
pub mod date;
pub mod export;
pub mod filter;
// The data tool's page writer (`partnerships-data first-paint`): the wasm never writes the page,
// and its HTML escaper stays out of the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod first_paint;
pub mod first_view;
pub mod frame;
pub mod geo;
pub mod handoff;
pub mod i18n;
pub mod kiosk;
pub mod json_position;
pub mod labels;
pub mod land;
pub mod load;
pub mod model;
pub mod order;
pub mod problem;
pub mod proposal;
pub mod screen;
pub mod search;
// Share links' QR codes and the embed builder's snippet: the full app's (an embed shares nothing),
// so the embed build compiles without the `qrcode` crate (Cargo.toml, `full`).
#[cfg(feature = "full")]
pub mod share;
pub mod sheet;
pub mod stats;
pub mod synth;
pub mod url_state;

pub use dataset::{Authority, Country, Dataset, Event, Localized, Partnership, Status, Tier};
pub use filter::{facet_counts, visible_pairs, FacetCounts, Filters};
pub use i18n::Lang;
pub use load::{load_bytes, load_dataset, Loaded};
pub use order::Order;
pub use problem::Problem;
pub use url_state::{AboutPage, Panel, UrlNotice, UrlState, View};
