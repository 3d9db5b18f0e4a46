//! Fetching the bundled files by URLs relative to the page, so the built folder works under any
//! sub-path.

use gloo_net::http::Request;

pub const DATA_URL: &str = "data/partnerships.json";
pub const BASEMAP_URL: &str = "basemap.json";

/// The body of a file, or a message saying what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {} {}", response.status(), response.status_text()));
    }
    response.text().await.map_err(|e| format!("{url}: {e}"))
}
