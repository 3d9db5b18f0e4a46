//! The heights of a card shown as a bottom sheet (a phone, a tablet held upright): small,
//! medium, full screen; how a tap, a key or a drag moves between them. Pure; the component is
//! `app::card_sheet`.

use super::i18n::Msg;

/// A sheet's height.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SheetHeight {
    Peek,
    Half,
    Full,
}

impl SheetHeight {
    pub fn attr(self) -> &'static str {
        match self {
            SheetHeight::Peek => "peek",
            SheetHeight::Half => "half",
            SheetHeight::Full => "full",
        }
    }
    pub fn taller(self) -> SheetHeight {
        match self {
            SheetHeight::Peek => SheetHeight::Half,
            _ => SheetHeight::Full,
        }
    }
    pub fn shorter(self) -> SheetHeight {
        match self {
            SheetHeight::Full => SheetHeight::Half,
            _ => SheetHeight::Peek,
        }
    }
    /// A tap on the handle: small → medium → full screen → small.
    pub fn next(self) -> SheetHeight {
        match self {
            SheetHeight::Peek => SheetHeight::Half,
            SheetHeight::Half => SheetHeight::Full,
            SheetHeight::Full => SheetHeight::Peek,
        }
    }
    pub fn name(self) -> Msg {
        match self {
            SheetHeight::Peek => Msg::SheetPeek,
            SheetHeight::Half => Msg::SheetHalf,
            SheetHeight::Full => Msg::SheetFull,
        }
    }
    /// The height nearest to a sheet dragged to `fraction` of the screen's height.
    pub fn nearest(fraction: f64, phone: bool) -> SheetHeight {
        let stops = if phone { [0.4, 0.62, 0.94] } else { [0.3, 0.45, 0.9] };
        let all = [SheetHeight::Peek, SheetHeight::Half, SheetHeight::Full];
        let mut best = (f64::INFINITY, SheetHeight::Half);
        for (h, stop) in all.into_iter().zip(stops) {
            let d = (fraction - stop).abs();
            if d < best.0 {
                best = (d, h);
            }
        }
        best.1
    }
}

#[cfg(test)]
mod tests {
    use super::SheetHeight as Height;

    #[test]
    fn a_dragged_sheet_settles_at_the_nearest_height() {
        assert_eq!(Height::nearest(0.2, true), Height::Peek);
        assert_eq!(Height::nearest(0.55, true), Height::Half);
        assert_eq!(Height::nearest(0.85, true), Height::Full);
        assert_eq!(Height::Peek.next().next().next(), Height::Peek);
        assert_eq!(Height::Full.taller(), Height::Full);
        assert_eq!(Height::Peek.shorter(), Height::Peek);
    }
}
