//! Line charts: one line per series with distinct markers, periods placed by time. A line
//! joins two points only when no period lies between them: a missing year, or a value
//! that is not published (drawn as a hollow marker on the axis with its words), breaks it.

use super::canvas::{Canvas, Label, Mark, Swatch, HIDDEN_MARK};
use super::layout::{text_width, Scale};
use super::plot::{legend, Frame};
use super::{Chart, INK, PALETTE, SMALL};
use plotters::style::text_anchor::{HPos, VPos};

/// Room between the plot's edge and the first or last period.
const INSET: f64 = 14.0;

pub(super) fn lines(chart: &Chart) -> Canvas {
    let (ind, words, periods) = (chart.ind, chart.words, &chart.periods);
    let series = &chart.split.series;
    let values = series.iter().flat_map(|s| s.rows.iter().filter_map(|r| r.shown()));
    let mut frame = Frame::new(chart, Scale::of(ind, values), true);
    let legend = legend(chart, Swatch::Line, Swatch::Hollow);
    // With several lines, each ends in its value at the right: keep room for the widest.
    let end_room = if series.len() > 1 {
        let widest = series.iter().filter_map(|s| s.rows.last()).map(|r| text_width(&words.value(ind, r), SMALL, true));
        widest.fold(0.0, f64::max) + 10.0
    } else {
        0.0
    };
    frame.r -= end_room;
    let (l, r) = (frame.l + INSET, frame.r - INSET);
    let x_at = |at: f64| l + at * (r - l);
    let mut canvas = Canvas::new(frame.height(&legend));
    frame.grid(&mut canvas, chart);
    let zero = frame.y(0.0);
    // A tick on the axis for each year without data, so the gap reads as one.
    let missing = periods.missing_years();
    for (_, at) in &missing {
        canvas.line(vec![(x_at(*at), zero), (x_at(*at), zero + 4.0)], INK, 1);
    }
    let mut hidden_labels = Vec::new();
    let mut end_labels = Vec::new();
    for (k, s) in series.iter().enumerate() {
        let color = PALETTE[k % PALETTE.len()];
        let mut segment: Vec<(f64, f64)> = Vec::new();
        let mut previous: Option<usize> = None;
        for row in &s.rows {
            let Some(i) = periods.index(&row.period) else { continue };
            let x = x_at(periods.at[i]);
            let joined = previous.is_some_and(|p| p + 1 == i && !periods.gap_after(p));
            if !joined && segment.len() > 1 {
                canvas.line(std::mem::take(&mut segment), color, 3);
            }
            if !joined {
                segment.clear();
            }
            match row.shown() {
                Some(v) => {
                    segment.push((x, frame.y(v)));
                    previous = Some(i);
                }
                None => {
                    canvas.push(Mark::Marker { k, x, y: zero, color: HIDDEN_MARK, hollow: true });
                    let text = words.value(ind, row);
                    hidden_labels.push(Label::new(text, x, zero - 8.0, SMALL).at(HPos::Center, VPos::Bottom));
                    previous = None;
                }
            }
        }
        if segment.len() > 1 {
            canvas.line(segment, color, 3);
        }
        for row in s.rows.iter().filter(|r| !r.hidden()) {
            let (Some(i), Some(v)) = (periods.index(&row.period), row.shown()) else { continue };
            canvas.push(Mark::Marker { k, x: x_at(periods.at[i]), y: frame.y(v), color, hollow: false });
        }
        if let Some(last) = s.rows.iter().rev().find(|r| !r.hidden()) {
            let (Some(i), Some(v)) = (periods.index(&last.period), last.shown()) else { continue };
            let (x, y) = (x_at(periods.at[i]), frame.y(v));
            let text = words.value(ind, last);
            let label = Label::new(text, x, y, SMALL).bold();
            end_labels.push(if series.len() > 1 {
                let right = |dy: f64| Label { x: x + 10.0, y: y + dy, ..label.clone() }.at(HPos::Left, VPos::Center);
                [0.0, -8.0, 8.0, -16.0, 16.0].map(right).to_vec()
            } else {
                let above = |h, dx: f64| Label { x: x + dx, y: y - 10.0, ..label.clone() }.at(h, VPos::Bottom);
                let below = |h, dx: f64| Label { x: x + dx, y: y + 10.0, ..label.clone() }.at(h, VPos::Top);
                vec![
                    above(HPos::Center, 0.0),
                    above(HPos::Right, 6.0),
                    above(HPos::Left, -6.0),
                    below(HPos::Center, 0.0),
                    below(HPos::Right, 6.0),
                ]
            });
        }
    }
    let labels = periods.order.iter().zip(&periods.at).map(|(p, at)| (x_at(*at), ind.period_label(p, words.lang)));
    let extra = missing.iter().map(|(y, at)| (x_at(*at), y.to_string()));
    frame.finish(&mut canvas, chart, (labels.collect(), extra.collect()), &legend);
    for candidates in end_labels {
        canvas.first_that_fits(candidates);
    }
    for label in hidden_labels {
        canvas.text_if_room(label);
    }
    canvas
}
