//! The frame that bar, stacked and line charts share: the plot area, the value axis (round
//! ticks in a gutter of their own, so no bar covers them), period labels under the plot
//! (thinned so they never touch), the target as a dashed line named in the legend, and
//! the legend below.

use super::canvas::{Canvas, Label, Legend, Swatch};
use super::layout::{text_width, Scale};
use super::{Chart, GRID, INK, SMALL, WIDTH};
use plotters::style::text_anchor::{HPos, VPos};

/// The height of the plot area.
const PLOT: f64 = 180.0;
/// Above the plot: room for the value label of the tallest bar.
const ABOVE: f64 = 22.0;

/// Period labels under the plot, at their x: the periods, and years without data.
pub(super) type Labels = (Vec<(f64, String)>, Vec<(f64, String)>);

pub(super) struct Frame {
    pub(super) l: f64,
    pub(super) t: f64,
    pub(super) r: f64,
    pub(super) b: f64,
    pub(super) scale: Scale,
    ticks: bool,
    legend_top: f64,
}

impl Frame {
    /// The frame of `chart` on `scale`; with `ticks`, a value axis at the left.
    pub(super) fn new(chart: &Chart, scale: Scale, ticks: bool) -> Frame {
        let gutter = if ticks {
            let widest = scale.ticks.iter().map(|v| text_width(&chart.words.number(chart.ind, *v), SMALL, false));
            widest.fold(0.0, f64::max) + 10.0
        } else {
            8.0
        };
        let t = chart.top() + ABOVE;
        let b = t + PLOT;
        Frame { l: gutter, t, r: f64::from(WIDTH) - 8.0, b, scale, ticks, legend_top: b + 30.0 }
    }

    pub(super) fn y(&self, v: f64) -> f64 {
        self.scale.map(v, self.b, self.t)
    }

    /// The chart's height with `legend` under the plot.
    pub(super) fn height(&self, legend: &Legend) -> f64 {
        if legend.is_empty() {
            self.b + 28.0
        } else {
            self.legend_top + legend.height() + 6.0
        }
    }

    /// Grid lines and their values (when the frame has ticks), to draw before the data.
    pub(super) fn grid(&self, canvas: &mut Canvas, chart: &Chart) {
        if !self.ticks {
            return;
        }
        for &v in &self.scale.ticks {
            let y = self.y(v);
            canvas.line(vec![(self.l, y), (self.r, y)], GRID, 1);
            let label =
                Label::new(chart.words.number(chart.ind, v), self.l - 6.0, y, SMALL).at(HPos::Right, VPos::Center);
            canvas.text(label);
        }
    }

    /// The zero line, the target, the period labels and the legend: to draw after the data.
    /// `extra` labels (years without data) come last, where room is left.
    pub(super) fn finish(&self, canvas: &mut Canvas, chart: &Chart, labels: Labels, legend: &Legend) {
        let zero = self.y(0.0);
        canvas.line(vec![(self.l, zero), (self.r, zero)], INK, 1);
        if let Some(target) = chart.ind.target {
            canvas.dashed(self.l, self.r, self.y(target.value));
        }
        self.period_labels(canvas, labels.0, labels.1);
        legend.draw(canvas, self.legend_top);
    }

    /// Labels under the plot at their x, first and last first, then the others in order
    /// where they fit; a label that would touch a placed one is left out.
    fn period_labels(&self, canvas: &mut Canvas, labels: Vec<(f64, String)>, extra: Vec<(f64, String)>) {
        let n = labels.len();
        let mut order: Vec<usize> = Vec::with_capacity(n);
        order.extend([0, n.saturating_sub(1)].into_iter().filter(|i| *i < n));
        order.dedup();
        order.extend(1..n.saturating_sub(1));
        let labels = order.into_iter().map(|i| &labels[i]).chain(&extra);
        for (x, text) in labels {
            let w = text_width(text, SMALL, false);
            // A label wider than its room near an edge moves inwards rather than clip.
            let x = x.clamp(w / 2.0 + 1.0, f64::from(WIDTH) - w / 2.0 - 1.0);
            canvas.text_if_room(Label::new(text.clone(), x, self.b + 6.0, SMALL).at(HPos::Center, VPos::Top));
        }
    }
}

/// The legend of a plot chart: the breakdown's name, the series, what hatching or a hollow
/// marker means (the words of the hidden values), and the target.
pub(super) fn legend(chart: &Chart, swatch: fn(usize) -> Swatch, hidden: Swatch) -> Legend {
    let mut legend = Legend { heading: chart.heading(), items: Vec::new() };
    if chart.split.breakdown.is_some() {
        for (k, s) in chart.split.series.iter().enumerate() {
            legend.items.push((swatch(k), s.label.clone().unwrap_or_default()));
        }
    }
    let rows = chart.split.series.iter().flat_map(|s| s.rows.iter().copied());
    if let Some(words) = chart.words.hidden(chart.ind, rows) {
        legend.items.push((hidden, words));
    }
    if let Some(target) = chart.words.target_label(chart.ind) {
        legend.items.push((Swatch::Target, target));
    }
    legend
}
