//! Bar charts: vertical bars (one series, or grouped side by side for a breakdown), stacked
//! bars, and horizontal bars (one period split by a breakdown). A value that is not
//! published is a short hatched stub at the axis with its words, never a bar of made-up
//! height; the legend says what the hatching stands for.

use super::canvas::{Canvas, Label, Paint, Swatch};
use super::layout::{text_width, wrap, Rect, Scale, EDGE};
use super::plot::{legend, Frame};
use super::{Chart, FONT, PALETTE, SMALL, TRACK, WIDTH};
use crate::data::indicators::{Measure, Row};
use plotters::prelude::WHITE;
use plotters::style::text_anchor::{HPos, VPos};

/// The length of the stub that stands for a value that is not published.
const STUB: f64 = 10.0;
/// Slots narrower than this get no value labels.
const MIN_SLOT: f64 = 8.0;

/// A bar's rectangle from the zero line to `row`'s value (a stub when it is hidden).
fn bar(frame: &Frame, x0: f64, x1: f64, row: &Row) -> Rect {
    let zero = frame.y(0.0);
    match row.shown() {
        Some(v) => Rect::new(x0, zero, x1, frame.y(v)),
        None => Rect::new(x0, zero, x1, zero - STUB),
    }
}

/// The label over (or under, below zero) a bar.
fn value_label(chart: &Chart, row: &Row, r: &Rect, bold: bool) -> Label {
    let cx = (r.x0 + r.x1) / 2.0;
    let text = chart.words.value(chart.ind, row);
    let label = if row.shown().is_some_and(|v| v < 0.0) {
        Label::new(text, cx, r.y1 + 4.0, SMALL).at(HPos::Center, VPos::Top)
    } else {
        Label::new(text, cx, r.y0 - 4.0, SMALL).at(HPos::Center, VPos::Bottom)
    };
    if bold {
        label.bold()
    } else {
        label
    }
}

/// Vertical bars per period, one per series side by side. Values are written over the bars
/// when every one fits; otherwise none is, and the value axis tells. A share always has the
/// axis, so that its bar reads against 100.
pub(super) fn vertical(chart: &Chart) -> Canvas {
    let series = &chart.split.series;
    let values = series.iter().flat_map(|s| s.rows.iter().filter_map(|r| r.shown()));
    let scale = Scale::of(chart.ind, values);
    let legend = legend(chart, Swatch::Series, Swatch::Hatch);
    let k = series.len().max(1);
    let draw = |ticks: bool| -> (Canvas, Vec<Label>, Vec<[Label; 3]>) {
        let frame = Frame::new(chart, scale.clone(), ticks);
        let mut canvas = Canvas::new(frame.height(&legend));
        frame.grid(&mut canvas, chart);
        let n = chart.periods.slots();
        let slot = (frame.r - frame.l) / n as f64;
        let w = if k == 1 { (slot * 0.6).min(64.0) } else { (slot * 0.8 / k as f64 - 2.0).min(28.0) };
        let (mut shown, mut hidden, mut periods) = (Vec::new(), Vec::new(), Vec::new());
        let rows: Vec<Vec<Option<&Row>>> = series.iter().map(|s| s.by_period(&chart.periods)).collect();
        // No label fits a slot narrower than a digit: skip the work for very many periods.
        let labelled = slot >= MIN_SLOT;
        missing_labels(chart, &frame, slot, &mut periods);
        for (i, period) in chart.periods.order.iter().enumerate() {
            let cx = frame.l + slot * (chart.periods.slot_of(i) + 0.5);
            periods.push((cx, chart.ind.period_label(period, chart.words.lang)));
            let left = cx - (k as f64 * (w + 2.0) - 2.0) / 2.0;
            for (j, rows) in rows.iter().enumerate() {
                let Some(row) = rows[i] else { continue };
                let x0 = left + j as f64 * (w + 2.0);
                let r = bar(&frame, x0, x0 + w, row);
                let paint = match (row.hidden(), k) {
                    (true, _) => Paint::HIDDEN,
                    (false, 1) => Paint::Solid(PALETTE[0]),
                    _ => Paint::series(j),
                };
                canvas.rect(r, paint);
                if !labelled {
                    continue;
                }
                canvas.room.block(r);
                let label = value_label(chart, row, &r, k == 1);
                if row.hidden() {
                    // Over the stub, or reaching right or left from it where that is free.
                    let (from_left, from_right) =
                        (Label { x: r.x0, ..label.clone() }, Label { x: r.x1, ..label.clone() });
                    hidden.push([
                        label,
                        from_left.at(HPos::Left, VPos::Bottom),
                        from_right.at(HPos::Right, VPos::Bottom),
                    ]);
                } else {
                    shown.push(label);
                }
            }
        }
        frame.finish(&mut canvas, chart, (periods, Vec::new()), &legend);
        (canvas, shown, hidden)
    };
    let percent = chart.ind.measure == Measure::Percent;
    let (mut canvas, shown, hidden) = draw(percent);
    if canvas.all_fit(&shown) {
        for label in shown {
            canvas.text(label);
        }
    } else if !percent {
        (canvas, _, _) = draw(true);
    }
    for candidates in hidden {
        canvas.first_that_fits(candidates);
    }
    canvas
}

/// Stacked bars per period, on a value axis; the published values stack from zero, and the
/// hidden ones sit on top as stubs. Each segment's value is written beside it where it fits.
pub(super) fn stacked(chart: &Chart) -> Canvas {
    let series = &chart.split.series;
    let by_period: Vec<Vec<Option<&Row>>> = series.iter().map(|s| s.by_period(&chart.periods)).collect();
    let n = chart.periods.order.len().max(1);
    let sums = (0..n).map(|i| by_period.iter().filter_map(|rows| rows.get(i).copied().flatten()?.shown()).sum::<f64>());
    let frame = Frame::new(chart, Scale::of(chart.ind, sums), true);
    let legend = legend(chart, Swatch::Series, Swatch::Hatch);
    let mut canvas = Canvas::new(frame.height(&legend));
    frame.grid(&mut canvas, chart);
    let slot = (frame.r - frame.l) / chart.periods.slots() as f64;
    let w = (slot * 0.6).min(72.0);
    let mut labels = Vec::new();
    let mut periods = Vec::new();
    missing_labels(chart, &frame, slot, &mut periods);
    for (i, period) in chart.periods.order.iter().enumerate() {
        let cx = frame.l + slot * (chart.periods.slot_of(i) + 0.5);
        periods.push((cx, chart.ind.period_label(period, chart.words.lang)));
        let (x0, x1) = (cx - w / 2.0, cx + w / 2.0);
        let mut base = frame.y(0.0);
        let rows: Vec<(usize, &Row)> =
            by_period.iter().enumerate().filter_map(|(k, rows)| Some((k, rows[i]?))).collect();
        // Published values first, from zero; then the stubs of the hidden ones.
        for (k, row) in rows.iter().filter(|(_, r)| !r.hidden()).chain(rows.iter().filter(|(_, r)| r.hidden())) {
            let h = match row.shown() {
                Some(v) => frame.y(0.0) - frame.y(v),
                None => STUB,
            };
            let r = Rect::new(x0, base - h, x1, base);
            canvas.rect(r, if row.hidden() { Paint::HIDDEN } else { Paint::series(*k) });
            canvas.push(super::canvas::Mark::Outline(r, WHITE, 1));
            if slot < MIN_SLOT {
                base -= h;
                continue;
            }
            canvas.room.block(r);
            let text = chart.words.value(chart.ind, row);
            let mid = base - h / 2.0;
            labels.push([
                Label::new(text.clone(), x1 + 4.0, mid, SMALL).at(HPos::Left, VPos::Center),
                Label::new(text, x0 - 4.0, mid, SMALL).at(HPos::Right, VPos::Center),
            ]);
            base -= h;
        }
    }
    frame.finish(&mut canvas, chart, (periods, Vec::new()), &legend);
    for candidates in labels {
        canvas.first_that_fits(candidates);
    }
    canvas
}

/// One bar per row, its name above it and its value at its end: readable at any width.
/// The longest bar is shortened until every value fits beside its bar.
pub(super) fn horizontal(chart: &Chart) -> Canvas {
    let (ind, words) = (chart.ind, chart.words);
    let several = chart.periods.order.len() > 1;
    let rows: Vec<(String, &Row)> = chart
        .split
        .series
        .iter()
        .flat_map(|s| {
            s.rows.iter().map(move |r| {
                let period = ind.period_label(&r.period, words.lang);
                let label = match &s.label {
                    Some(name) if several => format!("{name} · {period}"),
                    Some(name) => name.clone(),
                    None => period,
                };
                (label, *r)
            })
        })
        .collect();
    let width = f64::from(WIDTH);
    // A share's bar is its part of 100; otherwise the largest value takes the most room.
    let scale = match ind.measure {
        Measure::Percent => 100.0,
        _ => rows.iter().filter_map(|(_, r)| r.shown()).fold(0.0, f64::max).max(f64::MIN_POSITIVE),
    };
    let value_width = |r: &Row| text_width(&words.value(ind, r), FONT, true);
    let mut full = width - 6.0 - EDGE;
    for (_, r) in &rows {
        if let Some(v) = r.shown().filter(|v| *v > 0.0) {
            full = full.min((width - 6.0 - EDGE - value_width(r)) / (v / scale));
        }
    }
    let full = full.max(width / 2.0);
    let lines: Vec<Vec<String>> = rows.iter().map(|(label, _)| wrap(label, FONT, false, width - 2.0 * EDGE)).collect();
    let heading = chart.heading();
    let mut y = chart.top() + if heading.is_some() { 26.0 } else { 4.0 };
    let height = y + lines.iter().map(|l| l.len() as f64 * 18.0 + 30.0).sum::<f64>();
    let mut canvas = Canvas::new(height);
    if let Some(heading) = heading {
        canvas.text(Label::new(heading, 0.0, chart.top() + 4.0, FONT).bold());
    }
    for ((_, row), lines) in rows.iter().zip(lines) {
        for line in lines {
            canvas.text(Label::new(line, 0.0, y, FONT));
            y += 18.0;
        }
        let len = row.shown().map_or(STUB, |v| (v.max(0.0) / scale * full).round().max(2.0));
        if ind.measure == Measure::Percent {
            // The whole, 100, as a track behind the share.
            canvas.rect(Rect::new(0.0, y + 1.0, full, y + 19.0), Paint::Solid(TRACK));
        }
        let r = Rect::new(0.0, y + 1.0, len, y + 19.0);
        canvas.rect(r, if row.hidden() { Paint::HIDDEN } else { Paint::Solid(PALETTE[0]) });
        let text = words.value(ind, row);
        let beside = Label::new(text.clone(), len + 6.0, y + 10.0, FONT).bold().at(HPos::Left, VPos::Center);
        if !canvas.text_if_room(beside) {
            // Values too long for the room beside the bar go inside its end, in white.
            let inside = Label::new(text, len - 6.0, y + 10.0, FONT).bold().at(HPos::Right, VPos::Center).color(WHITE);
            canvas.text_if_room(inside);
        }
        y += 30.0;
    }
    canvas
}

/// The years with no data keep their slot on the axis, named, with no bar: the gap shows.
fn missing_labels(chart: &Chart, frame: &Frame, slot: f64, periods: &mut Vec<(f64, String)>) {
    let n = chart.periods.slots();
    for (year, at) in chart.periods.missing_years() {
        let cx = frame.l + slot * ((at * (n - 1) as f64).round() + 0.5);
        periods.push((cx, year.to_string()));
    }
}
