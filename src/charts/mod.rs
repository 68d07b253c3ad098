//! Indicator + language -> SVG chart (the one home of plotters). Pure: the same input gives
//! the same bytes. Text is SVG `<text>` drawn by the reader's browser, so nothing depends on
//! fonts where the site is built; the layout reserves room for each label from an upper
//! estimate of its width, and leaves out a label that would clip or land on another (the
//! value is always in the table). Colour is never the only cue: series differ by pattern or
//! marker shape, with a legend that names the breakdown drawn. A value that is not
//! published (fewer than N, withheld) has no height: it is a hatched stub or a hollow
//! marker on the axis, with its words, and a line breaks there as it does over a missing
//! period.
//!
//! - `layout`: text widths, label room, the value scale, periods on the x axis;
//! - `canvas`: marks, the legend, and the drawing into SVG;
//! - `plot`: the frame bar and line charts share (value axis, period labels, target);
//! - `bars`, `lines`, `progress`: one kind of chart each;
//! - `words`: values as read and the summary.

mod bars;
mod canvas;
mod layout;
mod lines;
mod plot;
mod progress;
mod words;

pub(crate) use progress::goal_bar;
pub(crate) use words::{capitalize, summary, Words};

use crate::data::indicators::{Breakdown, ChartKind, Indicator, Row};
use crate::escape::html as escape_html;
use canvas::{Canvas, Label};
use layout::Periods;
use plotters::prelude::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

/// Colour-blind-safe (Okabe-Ito, darkened where needed for 3:1 contrast on white).
const PALETTE: [RGBColor; 5] =
    [RGBColor(0, 114, 178), RGBColor(213, 94, 0), RGBColor(0, 122, 90), RGBColor(170, 51, 119), RGBColor(95, 107, 122)];
const INK: RGBColor = RGBColor(27, 27, 27);
const GRID: RGBColor = RGBColor(201, 211, 218);
/// The whole a share or a progress bar is part of.
const TRACK: RGBColor = RGBColor(233, 238, 242);
const ILLUSTRATIVE: RGBColor = RGBColor(122, 62, 0);
/// Drawn in a sentinel colour, then swapped for a pattern (see `finish`).
const fn sentinel(n: u8) -> RGBColor {
    RGBColor(1, 2, n)
}
const HATCH: u8 = 9;

/// Narrow enough that 14-unit text stays legible on a 360 px phone.
pub(crate) const WIDTH: u32 = 400;
const FONT: f64 = 14.0;
const SMALL: f64 = 12.0;

/// One series of a chart: a label (None for the total) and its rows in period order.
struct Series<'a> {
    label: Option<String>,
    rows: Vec<&'a Row>,
}

impl<'a> Series<'a> {
    /// The series' row for each period of `periods`, by place.
    fn by_period(&self, periods: &Periods) -> Vec<Option<&'a Row>> {
        let mut out = vec![None; periods.order.len()];
        for row in &self.rows {
            if let Some(i) = periods.index(&row.period) {
                out[i].get_or_insert(*row);
            }
        }
        out
    }
}

/// What a chart draws: the values of one breakdown, one series each, or else the totals.
struct Split<'a> {
    breakdown: Option<&'a Breakdown>,
    series: Vec<Series<'a>>,
}

/// The breakdown a chart splits by: the first, in the file's order, with rows of its own
/// (a row for "women" alone, not only "women in Lima"). Rows crossing two breakdowns are
/// in the tables, not in the chart.
fn split<'a>(ind: &'a Indicator, periods: &Periods, lang: &str) -> Split<'a> {
    let sorted = |mut rows: Vec<&'a Row>| {
        rows.sort_by_key(|r| periods.index(&r.period));
        rows
    };
    let one_way = |b: &Breakdown| ind.rows.iter().any(|r| r.dims.len() == 1 && r.dims.contains_key(&b.id));
    // The breakdown the data uses first, when it has rows of its own; else the next that has.
    let drawn = ind.main_breakdown().filter(|b| one_way(b)).or_else(|| ind.breakdowns.iter().find(|b| one_way(b)));
    match drawn {
        Some(b) => Split {
            breakdown: Some(b),
            series: b
                .values
                .iter()
                .map(|(key, _)| Series {
                    label: Some(b.label(key, lang)),
                    rows: sorted(
                        ind.rows.iter().filter(|r| r.dims.len() == 1 && r.dims.get(&b.id) == Some(key)).collect(),
                    ),
                })
                .filter(|s| !s.rows.is_empty())
                .collect(),
        },
        None if ind.totals().next().is_some() => {
            Split { breakdown: None, series: vec![Series { label: None, rows: sorted(ind.totals().collect()) }] }
        }
        None => Split { breakdown: None, series: Vec::new() },
    }
}

/// Everything a chart kind needs to lay itself out.
struct Chart<'a> {
    ind: &'a Indicator,
    words: &'a Words<'a>,
    periods: Periods<'a>,
    split: Split<'a>,
}

impl Chart<'_> {
    /// Where the chart's content starts: below the "illustrative" stamp when there is one.
    fn top(&self) -> f64 {
        if self.ind.illustrative {
            20.0
        } else {
            0.0
        }
    }

    /// "By sex", naming the breakdown drawn, as a heading.
    fn heading(&self) -> Option<String> {
        self.split.breakdown.map(|b| capitalize(&self.words.by(b)))
    }
}

/// Renders the chart. `id` must be unique within the page (it prefixes element ids).
pub(crate) fn render(ind: &Indicator, words: &Words, title: &str, desc: &str, id: &str) -> String {
    let periods = Periods::of(ind);
    let split = split(ind, &periods, words.lang);
    let chart = Chart { ind, words, periods, split };
    let mut canvas = match kind(&chart) {
        None => nothing_to_draw(&chart),
        Some(ChartKind::HorizontalBar) => bars::horizontal(&chart),
        Some(ChartKind::Progress) => progress::progress(&chart),
        Some(ChartKind::StackedBar) => bars::stacked(&chart),
        Some(ChartKind::Line) => lines::lines(&chart),
        Some(ChartKind::Bar) => bars::vertical(&chart),
    };
    if ind.illustrative {
        let stamp = Label::new(words.illustrative, f64::from(WIDTH) - 2.0, 2.0, SMALL)
            .at(HPos::Right, VPos::Top)
            .color(ILLUSTRATIVE);
        canvas.text(stamp);
    }
    finish(canvas::draw(&canvas), title, desc, id)
}

/// The chart's accessible title: the indicator's, and the breakdown drawn when it has
/// others (which are in the tables).
pub(crate) fn title(ind: &Indicator, words: &Words, title: &str) -> String {
    let periods = Periods::of(ind);
    let drawn = split(ind, &periods, words.lang).breakdown;
    let used = ind.breakdowns.iter().filter(|b| ind.rows.iter().any(|r| r.dims.contains_key(&b.id))).count();
    match drawn {
        Some(b) if used > 1 => crate::i18n::fill(words.t("chart_title_by"), &[("title", title), ("by", &words.by(b))]),
        _ => title.to_string(),
    }
}

/// The chart the data can carry, or None when there is nothing to draw (only rows that
/// cross two breakdowns). One period split by a breakdown reads best as horizontal bars,
/// whatever the hint; a single series cannot be stacked, a line needs two periods, and a
/// stack of values below zero would mislead, so those become bars (grouped, for a
/// breakdown); progress needs a target and a total.
fn kind(chart: &Chart) -> Option<ChartKind> {
    let (ind, series) = (chart.ind, &chart.split.series);
    let periods = chart.periods.order.len();
    let negative = series.iter().flat_map(|s| &s.rows).any(|r| r.shown().is_some_and(|v| v < 0.0));
    Some(match ind.chart {
        _ if series.is_empty() => return None,
        ChartKind::Progress if ind.target.is_some() && chart.split.breakdown.is_none() => ChartKind::Progress,
        _ if periods == 1 && series.len() > 1 => ChartKind::HorizontalBar,
        ChartKind::Progress => ChartKind::Bar,
        ChartKind::Line if periods < 2 => ChartKind::Bar,
        ChartKind::StackedBar if series.len() < 2 || negative => ChartKind::Bar,
        k => k,
    })
}

/// An indicator whose rows all cross two breakdowns: its figures are in the tables.
fn nothing_to_draw(chart: &Chart) -> Canvas {
    let mut canvas = Canvas::new(chart.top() + 40.0);
    let text = chart.words.t("summary_in_tables");
    canvas.text(Label::new(text, 0.0, chart.top() + 12.0, FONT));
    canvas
}

/// Makes plotters' SVG accessible and self-describing: `role="img"`, `<title>`, `<desc>`,
/// patterns for the sentinel colours, a class for styling, and element ids scoped by `id`.
fn finish(svg: String, title: &str, desc: &str, id: &str) -> String {
    let open_end = svg.find('>').map_or(0, |i| i + 1);
    let (open, body) = svg.split_at(open_end);
    let size = open.trim_start_matches("<svg ").trim_end_matches('>');
    let mut defs = String::from("<defs>\n");
    for (k, color) in PALETTE.iter().enumerate() {
        let hex = format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2);
        // Pattern k: solid for the first series, then stripes at different angles, then dots.
        let inner = match k {
            0 => String::new(),
            1 => "<path d=\"M0 0L0 8\" stroke=\"#FFFFFF\" stroke-width=\"3\"/>".into(),
            2 => "<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#FFFFFF\"/>".into(),
            3 => "<path d=\"M0 4L8 4\" stroke=\"#FFFFFF\" stroke-width=\"2\"/>".into(),
            _ => "<path d=\"M0 0L0 8M4 0L4 8\" stroke=\"#FFFFFF\" stroke-width=\"1\"/>".into(),
        };
        let rotate = if k == 1 { " patternTransform=\"rotate(45)\"" } else { "" };
        defs.push_str(&format!(
            "<pattern id=\"{id}-p{k}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"{rotate}><rect width=\"8\" height=\"8\" fill=\"{hex}\"/>{inner}</pattern>\n"
        ));
    }
    defs.push_str(&format!(
        "<pattern id=\"{id}-p{HATCH}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#FFFFFF\"/><path d=\"M0 0L0 6\" stroke=\"#5F6B7A\" stroke-width=\"2\"/></pattern>\n</defs>\n"
    ));
    let mut body = body.to_string();
    for k in (0..PALETTE.len() as u8).chain([HATCH]) {
        body = body.replace(&format!("fill=\"#0102{k:02X}\""), &format!("fill=\"url(#{id}-p{k})\""));
    }
    format!(
        "<svg {size} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"faro-chart\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n{defs}{body}",
        escape_html(title),
        escape_html(desc)
    )
}

#[cfg(test)]
mod tests;
