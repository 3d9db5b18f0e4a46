//! Sharing what is on screen: a QR code of the page's address, as SVG path data the app draws
//! itself (no image library, no network). Encoding is the `qrcode` crate's.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code as one SVG path: `size` modules square (the quiet zone of 4 modules included), each
/// dark module a unit square of `d`.
#[derive(Debug, Clone, PartialEq)]
pub struct QrPath {
    pub size: usize,
    pub d: String,
}

/// Modules of light margin around the code, as the standard asks.
const QUIET: usize = 4;

/// The QR code of `text` (medium error correction: a phone reads it from a screen across a
/// room), or `None` if it is too long for any QR code.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut d = String::new();
    for (i, colour) in code.to_colors().into_iter().enumerate() {
        if colour == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some(QrPath { size: width + 2 * QUIET, d })
}

/// An HTML attribute value, quoted: what a host pastes must not break on a name with a quote.
fn attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The HTML a partner site pastes: the iframe (with a title, lazy loading and the right to go
/// full screen) and, if asked, the script that sizes it to what the map asks for, accepting
/// messages only from `origin` and only from that frame.
pub fn embed_snippet(src: &str, title: &str, width: u32, height: u32, resize_from: Option<&str>) -> String {
    let mut html = format!(
        "<iframe id=\"franco-korean-map\" src=\"{}\" title=\"{}\" width=\"{width}\" height=\"{height}\" style=\"border:0;max-width:100%\" loading=\"lazy\" allow=\"fullscreen\"></iframe>",
        attribute(src),
        attribute(title)
    );
    if let Some(origin) = resize_from {
        // The origin goes into a JavaScript string: only a plain `scheme://host[:port]` is used.
        let origin: String = origin.chars().filter(|c| c.is_ascii_alphanumeric() || ":/.-[]".contains(*c)).collect();
        html.push_str(&format!(
            "\n<script>\naddEventListener(\"message\", function (e) {{\n  var f = document.getElementById(\"franco-korean-map\");\n  if (e.origin !== \"{origin}\" || !f || e.source !== f.contentWindow ||\n      !e.data || e.data.type !== \"franco-korean-map:height\") return;\n  f.style.height = Math.max(300, Math.min(5000, Number(e.data.height) || 0)) + \"px\";\n}});\n</script>"
        ));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_code_with_its_quiet_zone() {
        let url = "https://example.org/carte/?region=FR-IDF&pair=seoul-paris&lang=ko";
        let q = qr_path(url).expect("a short link fits");
        // Versions are 21, 25, 29… modules wide; this link needs version 4 or 5 at level M.
        assert!(matches!(q.size - 8, 33 | 37), "{}", q.size);
        assert!(q.d.starts_with("M4 4h1v1h-1z"), "the top-left finder pattern starts the code");
        let squares = q.d.matches('M').count();
        assert!(squares > 200 && squares < (q.size - 8).pow(2), "{squares}");
        // Deterministic, and different links give different codes.
        assert_eq!(qr_path(url), Some(q.clone()));
        assert_ne!(qr_path("https://example.org/carte/?lang=fr").map(|p| p.d), Some(q.d));
        // Far too long for a QR code: none, and no panic.
        assert_eq!(qr_path(&"x".repeat(5000)), None);
    }

    #[test]
    fn the_embed_snippet_quotes_what_it_carries_and_adds_the_resize_script_on_request() {
        let s = embed_snippet("https://example.org/map/?embed=1&focus=kr-daejeon", "Map of \"Daejeon\" <partners>", 640, 460, None);
        assert_eq!(
            s,
            "<iframe id=\"franco-korean-map\" src=\"https://example.org/map/?embed=1&amp;focus=kr-daejeon\" title=\"Map of &quot;Daejeon&quot; &lt;partners&gt;\" width=\"640\" height=\"460\" style=\"border:0;max-width:100%\" loading=\"lazy\" allow=\"fullscreen\"></iframe>"
        );
        let with_script = embed_snippet("https://example.org/map/?embed=1", "Map", 300, 300, Some("https://example.org\"+alert(1)+\""));
        assert!(with_script.contains("e.origin !== \"https://example.orgalert1\""), "{with_script}");
        assert!(with_script.contains("e.source !== f.contentWindow"));
        assert!(with_script.ends_with("</script>"));
    }
}
