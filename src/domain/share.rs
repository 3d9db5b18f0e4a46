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
}
