//! Where things go, worked out before anything is drawn: how wide a text may be (an upper
//! estimate, since the reader's browser picks the font), boxes that keep every label inside
//! the chart and apart from the others, the value scale, and the periods' places on the x
//! axis (years by their distance in time, so a missing year leaves room).

use crate::data::indicators::{Indicator, Measure};
use plotters::style::text_anchor::{HPos, VPos};
use std::collections::HashMap;

/// An upper estimate of the width of `s` at `size`: 0.6 em a character, 0.64 for digits,
/// 0.75 for capitals, 1 for the widest (%, m, w, …) and for East Asian ideographs, and a tenth more in bold. DejaVu Sans,
/// the widest of the sans-serif faces the theme's font stack may end on, stays under it for
/// the labels charts draw (tests/integration/charts.rs measures them).
pub(super) fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' => 1.0,
            '%' | 'm' | 'w' | 'M' | 'W' | '@' | '—' | '…' => 1.0,
            '0'..='9' => 0.64,
            c if c.is_uppercase() => 0.75,
            _ => 0.6,
        })
        .sum();
    em * size * if bold { 1.1 } else { 1.0 }
}

/// `text` broken at spaces into lines no wider than `width` (a word wider than that has a
/// line of its own and is not cut: the caller checks that it fits).
pub(super) fn wrap(text: &str, size: f64, bold: bool, width: f64) -> Vec<String> {
    let mut lines = crate::text::wrap(text, width, &|s| text_width(s, size, bold));
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub(super) x0: f64,
    pub(super) y0: f64,
    pub(super) x1: f64,
    pub(super) y1: f64,
}

impl Rect {
    pub(super) fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1) }
    }

    /// The box of a text drawn at (x, y) with the SVG anchors plotters writes: `Top` puts
    /// the top of the line at y (dy=0.76em), `Center` its middle (dy=0.5ex), `Bottom` its
    /// bottom (dy=-0.5ex).
    pub(super) fn of_text(x: f64, y: f64, width: f64, size: f64, h: HPos, v: VPos) -> Rect {
        let x0 = match h {
            HPos::Left => x,
            HPos::Center => x - width / 2.0,
            HPos::Right => x - width,
        };
        let y0 = match v {
            VPos::Top => y,
            VPos::Center => y - size / 2.0,
            VPos::Bottom => y - size,
        };
        Rect { x0, y0, x1: x0 + width, y1: y0 + size }
    }

    fn overlaps(&self, other: &Rect, pad: f64) -> bool {
        self.x0 < other.x1 + pad && other.x0 < self.x1 + pad && self.y0 < other.y1 + pad && other.y0 < self.y1 + pad
    }
}

/// The chart's area and what is already in it: a label goes in only where it is wholly
/// inside and clear of every other label (and of bars, where they are registered).
#[derive(Clone)]
pub(super) struct Room {
    width: f64,
    height: f64,
    taken: Vec<Rect>,
}

/// Space kept between two labels.
const PAD: f64 = 2.0;
/// Space kept from the chart's edges.
pub(super) const EDGE: f64 = 1.0;

impl Room {
    pub(super) fn new(width: f64, height: f64) -> Room {
        Room { width, height, taken: Vec::new() }
    }

    pub(super) fn fits(&self, r: &Rect) -> bool {
        // A unit from each edge: positions are rounded to whole units when drawn.
        r.x0 >= EDGE
            && r.y0 >= EDGE
            && r.x1 <= self.width - EDGE
            && r.y1 <= self.height - EDGE
            && !self.taken.iter().any(|t| t.overlaps(r, PAD))
    }

    /// Takes the space if it is free; whether it was.
    pub(super) fn take(&mut self, r: Rect) -> bool {
        let free = self.fits(&r);
        if free {
            self.taken.push(r);
        }
        free
    }

    /// Marks space as used whatever is there (a bar, which labels must keep clear of).
    pub(super) fn block(&mut self, r: Rect) {
        self.taken.push(r);
    }
}

/// The value axis: from `lo` to `hi`, with round `ticks`. Shares run from 0 to 100 always,
/// so a single 30 % is drawn as less than a third of the height, never as a full bar.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Scale {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) ticks: Vec<f64>,
}

impl Scale {
    /// A scale holding `values` (and the target, and zero).
    pub(super) fn of(ind: &Indicator, values: impl Iterator<Item = f64>) -> Scale {
        if ind.measure == Measure::Percent {
            return Scale { lo: 0.0, hi: 100.0, ticks: vec![0.0, 25.0, 50.0, 75.0, 100.0] };
        }
        let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
        for v in values.chain(ind.target.map(|t| t.value)) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if hi - lo <= 0.0 {
            hi = lo + 1.0;
        }
        let mut step = nice((hi - lo) / 4.0);
        if ind.measure == Measure::Count {
            step = step.max(1.0).ceil();
        }
        let lo = (lo / step).floor() * step;
        let hi = (hi / step).ceil() * step;
        let count = ((hi - lo) / step).round() as usize;
        let ticks = (0..=count).map(|i| lo + step * i as f64).collect();
        Scale { lo, hi, ticks }
    }

    /// Where `v` falls between `from` (for `lo`) and `to` (for `hi`).
    pub(super) fn map(&self, v: f64, from: f64, to: f64) -> f64 {
        from + (v - self.lo) / (self.hi - self.lo) * (to - from)
    }
}

/// The round step (1, 2, 2.5 or 5 times a power of ten) at or above `raw`.
fn nice(raw: f64) -> f64 {
    let raw = raw.max(f64::MIN_POSITIVE);
    let power = 10f64.powf(raw.log10().floor());
    let f = raw / power;
    let n = match f {
        f if f <= 1.0 => 1.0,
        f if f <= 2.0 => 2.0,
        f if f <= 2.5 => 2.5,
        f if f <= 5.0 => 5.0,
        _ => 10.0,
    };
    n * power
}

/// The periods of an indicator in drawing order with their places on the x axis, from 0
/// to 1. Periods that are all years (2021), halves (2021-S1), quarters (2021-Q3, 2021-T3)
/// or months (2021-03) of the same kind are placed by time, so a missing one leaves its
/// room; any other period (2015-2021, sin-fecha) makes the axis a list, in file order.
pub(super) struct Periods<'a> {
    pub(super) order: Vec<&'a str>,
    pub(super) at: Vec<f64>,
    /// Each period's place in `order` (an indicator may have tens of thousands).
    index: HashMap<&'a str, usize>,
    /// The length of one period, in years, when the axis is in time.
    unit: Option<f64>,
    time: Vec<f64>,
}

impl<'a> Periods<'a> {
    pub(super) fn of(ind: &'a Indicator) -> Periods<'a> {
        let periods = ind.periods();
        let parsed: Option<Vec<(f64, f64)>> = periods.iter().map(|p| in_time(p)).collect();
        let same_unit = parsed.as_ref().filter(|p| !p.is_empty() && p.windows(2).all(|w| w[0].1 == w[1].1));
        let Some(parsed) = same_unit else {
            let n = periods.len();
            let at = (0..n).map(|i| if n > 1 { i as f64 / (n - 1) as f64 } else { 0.5 }).collect();
            let index = periods.iter().enumerate().map(|(i, p)| (*p, i)).collect();
            return Periods { order: periods, at, index, unit: None, time: Vec::new() };
        };
        let mut both: Vec<(f64, &str)> = parsed.iter().map(|p| p.0).zip(periods.iter().copied()).collect();
        both.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (first, last) = (both[0].0, both[both.len() - 1].0);
        let span = last - first;
        let at = both.iter().map(|(t, _)| if span > 0.0 { (t - first) / span } else { 0.5 }).collect();
        Periods {
            order: both.iter().map(|(_, p)| *p).collect(),
            index: both.iter().enumerate().map(|(i, (_, p))| (*p, i)).collect(),
            at,
            unit: Some(parsed[0].1),
            time: both.iter().map(|(t, _)| *t).collect(),
        }
    }

    pub(super) fn index(&self, period: &str) -> Option<usize> {
        self.index.get(period).copied()
    }

    /// How many bar slots the axis has: one per period of the span when it is in time, so
    /// a missing year keeps its empty slot; one per period otherwise.
    pub(super) fn slots(&self) -> usize {
        match (self.unit, self.time.first(), self.time.last()) {
            (Some(unit), Some(a), Some(b)) if b > a => ((b - a) / unit).round() as usize + 1,
            _ => self.order.len().max(1),
        }
    }

    /// The slot of the `i`th period (see `slots`).
    pub(super) fn slot_of(&self, i: usize) -> f64 {
        match self.slots() {
            n if n != self.order.len() => (self.at[i] * (n - 1) as f64).round(),
            _ => i as f64,
        }
    }

    /// Whether a period is missing between the `i`th and the `i + 1`th.
    pub(super) fn gap_after(&self, i: usize) -> bool {
        match (self.unit, self.time.get(i), self.time.get(i + 1)) {
            (Some(unit), Some(a), Some(b)) => b - a > unit * 1.5,
            _ => false,
        }
    }

    /// Years with no data between the first and the last, with their places on the axis
    /// (at most 60; only on an axis of whole years).
    pub(super) fn missing_years(&self) -> Vec<(i32, f64)> {
        let (Some(first), Some(last)) = (self.time.first(), self.time.last()) else { return Vec::new() };
        if self.unit != Some(1.0) || last - first > 60.0 {
            return Vec::new();
        }
        let (first, last) = (*first as i32, *last as i32);
        (first + 1..last)
            .filter(|y| !self.time.contains(&f64::from(*y)))
            .map(|y| (y, f64::from(y - first) / f64::from(last - first)))
            .collect()
    }
}

/// A period's place in time and the length of its kind, in years.
fn in_time(p: &str) -> Option<(f64, f64)> {
    let year = |s: &str| (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<f64>().ok())?;
    let (y, rest) = match p.split_once('-') {
        None => return Some((year(p)?, 1.0)),
        Some((y, rest)) => (year(y)?, rest),
    };
    let part = |prefix: &[char], max: u32| -> Option<u32> {
        let n: u32 = rest.strip_prefix(prefix)?.parse().ok()?;
        (1..=max).contains(&n).then_some(n)
    };
    if let Some(h) = part(&['S', 's', 'H', 'h'], 2) {
        return Some((y + f64::from(h - 1) / 2.0, 0.5));
    }
    if let Some(q) = part(&['Q', 'q', 'T', 't'], 4) {
        return Some((y + f64::from(q - 1) / 4.0, 0.25));
    }
    let m: u32 = (rest.len() == 2).then(|| rest.parse().ok()).flatten()?;
    (1..=12).contains(&m).then(|| (y + f64::from(m - 1) / 12.0, 1.0 / 12.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_time_are_placed_by_distance_and_others_in_order() {
        assert_eq!(in_time("2021"), Some((2021.0, 1.0)));
        assert_eq!(in_time("2021-S2"), Some((2021.5, 0.5)));
        assert_eq!(in_time("2021-Q3"), Some((2021.5, 0.25)));
        assert_eq!(in_time("2021-04"), Some((2021.25, 1.0 / 12.0)));
        for other in ["2015-2021", "sin-fecha", "2021-S3", "2021-13", "21", "ejemplo"] {
            assert_eq!(in_time(other), None, "{other}");
        }
    }

    #[test]
    fn a_share_runs_from_0_to_100_and_other_scales_are_round() {
        let config = crate::config::test_config();
        let parse = |measure: &str, series: &str| {
            let src = format!("title: {{ es: a, en: a }}\ntopic: {{ es: a, en: a }}\nunit: {{ es: a, en: a }}\nmeasure: {measure}\nchart: bar\nsource: {{ name: a }}\nseries:\n{series}");
            crate::data::indicators::parse("x", &src, std::path::Path::new("x.yaml"), None, &config).unwrap()
        };
        let share = parse("percent", "  - { period: 2024, value: 30 }\n");
        assert_eq!(Scale::of(&share, [30.0].into_iter()).hi, 100.0);
        let count = parse("count", "  - { period: 2024, value: 2875 }\n");
        let s = Scale::of(&count, [2875.0].into_iter());
        assert_eq!((s.lo, s.hi), (0.0, 3000.0));
        assert_eq!(s.ticks, [0.0, 1000.0, 2000.0, 3000.0]);
        let s = Scale::of(&count, [3.0].into_iter());
        assert!(s.ticks.iter().all(|t| t.fract() == 0.0), "{s:?}");
        let number = parse("number", "  - { period: 2024, value: -12 }\n");
        let s = Scale::of(&number, [-12.0, 30.0].into_iter());
        assert!(s.lo <= -12.0 && s.hi >= 30.0 && s.ticks.contains(&0.0), "{s:?}");
    }

    #[test]
    fn labels_are_kept_inside_and_apart() {
        let mut room = Room::new(400.0, 100.0);
        assert!(room.take(Rect::of_text(1.0, 1.0, 50.0, 12.0, HPos::Left, VPos::Top)));
        assert!(!room.take(Rect::of_text(0.0, 20.0, 50.0, 12.0, HPos::Left, VPos::Top)), "on the edge");
        assert!(!room.take(Rect::of_text(40.0, 4.0, 50.0, 12.0, HPos::Left, VPos::Top)), "overlaps");
        assert!(!room.take(Rect::of_text(398.0, 50.0, 20.0, 12.0, HPos::Left, VPos::Center)), "outside");
        assert!(room.take(Rect::of_text(398.0, 50.0, 20.0, 12.0, HPos::Right, VPos::Center)));
        assert!(room.take(Rect::of_text(60.0, 4.0, 50.0, 12.0, HPos::Left, VPos::Top)), "beside, apart");
        assert_eq!(wrap("Comunidades nativas de la Amazonía", 14.0, false, 120.0).len(), 3);
    }
}
