//! What the `loader` and `map` programs share: the data file, fetched and read by the app's loader.

use partnership_map::domain::{load_bytes, Loaded};

/// `data/partnerships.json` read as the app reads it (`None` when it cannot be fetched).
pub async fn fetch_data() -> Option<Loaded> {
    let response = gloo_net::http::Request::get("data/partnerships.json").send().await.ok()?;
    let bytes = response.binary().await.ok()?;
    Some(load_bytes(&bytes))
}
