//! Where the shown data comes from: the published file, or (the full build) a file the user
//! opened to preview ([`super::file_preview`]).

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::Loaded;

/// The data on screen and the way back to the published data.
#[derive(Clone, Copy)]
pub struct DataSource {
    /// The published data once loaded (to go back to, and for the vocabularies of a CSV file).
    pub published: StoredValue<Option<Arc<Loaded>>>,
    /// What is shown: `None` while the published data loads.
    pub shown: RwSignal<Option<Arc<Loaded>>>,
    /// The name of the previewed file, `None` for the published data.
    // Never read by the embed build, which previews no file (Cargo.toml, `full`).
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub preview: RwSignal<Option<String>>,
}

pub fn provide_data_source() -> DataSource {
    let source = DataSource { published: StoredValue::new(None), shown: RwSignal::new(None), preview: RwSignal::new(None) };
    provide_context(source);
    source
}

// The full build's components only (the About panel, the preview's banner and file picker).
#[cfg(feature = "full")]
pub fn use_data_source() -> DataSource {
    expect_context::<DataSource>()
}
