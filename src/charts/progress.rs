//! Progress toward a target: the latest total on a track that ends past the target (at 100
//! for a share), and a goal's progress bar in reports.

use super::canvas::{Canvas, Label, Mark, Paint};
use super::layout::{text_width, Rect};
use super::{finish, Chart, FONT, GRID, INK, PALETTE, TRACK, WIDTH};
use crate::data::indicators::Measure;
use plotters::prelude::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

const BASELINE: RGBColor = RGBColor(95, 107, 122);

/// The latest total against the target, with the baseline.
pub(super) fn progress(chart: &Chart) -> Canvas {
    let (ind, words, top) = (chart.ind, chart.words, chart.top());
    let mut canvas = Canvas::new(top + 112.0);
    let (Some(target), Some(latest)) = (ind.target, chart.split.series.first().and_then(|s| s.rows.last())) else {
        return canvas;
    };
    let scale = match ind.measure {
        Measure::Percent => 100.0,
        _ => target.value.max(latest.shown().unwrap_or(0.0)).max(ind.baseline.map_or(0.0, |b| b.value)),
    }
    .max(f64::MIN_POSITIVE);
    let (l, r) = (0.0, f64::from(WIDTH) - 1.0);
    let x_of = |v: f64| l + (v / scale).clamp(0.0, 1.0) * (r - l);
    let value = format!("{}: {}", ind.period_label(&latest.period, words.lang), words.value(ind, latest));
    canvas.text(Label::new(value, l, top + 12.0, FONT).bold());
    let track = Rect::new(l, top + 40.0, r, top + 70.0);
    canvas.rect(track, Paint::Solid(TRACK));
    canvas.push(Mark::Outline(track, GRID, 1));
    let (fill, end) = match latest.shown() {
        Some(v) => (Paint::Solid(PALETTE[0]), x_of(v).max(l + 2.0)),
        None => (Paint::HIDDEN, l + 12.0),
    };
    canvas.rect(Rect::new(l, top + 40.0, end, top + 70.0), fill);
    let tx = x_of(target.value).min(r - 1.0);
    canvas.line(vec![(tx, top + 32.0), (tx, top + 78.0)], INK, 3);
    if let Some(goal) = words.target_label(ind) {
        // Centred under the mark, moved inwards where it would leave the chart.
        let w = text_width(&goal, FONT, false);
        let x = (tx - w / 2.0).clamp(1.0, f64::from(WIDTH) - w - 1.0);
        canvas.text(Label::new(goal, x, top + 86.0, FONT));
    }
    if let Some(base) = ind.baseline {
        let bx = x_of(base.value);
        canvas.line(vec![(bx, top + 36.0), (bx, top + 74.0)], BASELINE, 2);
    }
    canvas
}

/// A goal's progress bar: how far from baseline to target (`percent`), with a tick where
/// it should be by now (`elapsed`), and the share written out beside the bar (or inside
/// its track, when it is a longer word such as "no data").
pub(crate) fn goal_bar(percent: Option<f64>, elapsed: f64, label: &str, title: &str, desc: &str, id: &str) -> String {
    let mut canvas = Canvas::new(44.0);
    let w = f64::from(WIDTH) - 80.0;
    let x_of = |p: f64| (p.clamp(0.0, 100.0) / 100.0) * w;
    let track = Rect::new(0.0, 8.0, w, 30.0);
    canvas.rect(track, Paint::Solid(TRACK));
    canvas.push(Mark::Outline(track, GRID, 1));
    if let Some(p) = percent {
        canvas.rect(Rect::new(0.0, 8.0, x_of(p).max(2.0), 30.0), Paint::Solid(PALETTE[0]));
    }
    let tick = x_of(elapsed);
    canvas.line(vec![(tick, 2.0), (tick, 36.0)], INK, 2);
    let beside = Label::new(label, w + 8.0, 19.0, FONT).bold().at(HPos::Left, VPos::Center);
    if !canvas.text_if_room(beside) {
        canvas.text(Label::new(label, 8.0, 19.0, FONT).bold().at(HPos::Left, VPos::Center));
    }
    finish(super::canvas::draw(&canvas), title, desc, id)
}
