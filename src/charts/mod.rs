//! Indicator + language -> SVG chart (the one home of plotters). Pure: the same input gives
//! the same bytes. Text is SVG `<text>` drawn by the reader's browser, so nothing depends on
//! fonts where the site is built. Colour is never the only cue: bars and lines carry direct
//! labels, series differ by pattern or marker shape, and suppressed counts are hatched and
//! labelled "fewer than N".

mod words;

pub(crate) use words::{capitalize, summary, Words};

use crate::data::indicators::{Cell, ChartKind, Indicator, Row};
use crate::escape::html as escape_html;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Colour-blind-safe (Okabe-Ito, darkened where needed for 3:1 contrast on white).
const PALETTE: [RGBColor; 5] =
    [RGBColor(0, 114, 178), RGBColor(213, 94, 0), RGBColor(0, 122, 90), RGBColor(170, 51, 119), RGBColor(95, 107, 122)];
const INK: RGBColor = RGBColor(27, 27, 27);
const GRID: RGBColor = RGBColor(201, 211, 218);
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
pub(super) struct Series<'a> {
    pub(super) label: Option<String>,
    pub(super) rows: Vec<&'a Row>,
}

pub(super) fn series<'a>(ind: &'a Indicator, lang: &str) -> Vec<Series<'a>> {
    match ind.main_breakdown() {
        Some(b) => b
            .values
            .iter()
            .map(|(key, _)| Series {
                label: Some(b.label(key, lang)),
                rows: ind.rows.iter().filter(|r| r.dims.len() == 1 && r.dims.get(&b.id) == Some(key)).collect(),
            })
            .filter(|s| !s.rows.is_empty())
            .collect(),
        None => vec![Series { label: None, rows: ind.totals().collect() }],
    }
}

/// The shown value of a row: suppressed counts are drawn at the threshold, never below it.
fn shown(ind: &Indicator, row: &Row) -> f64 {
    match (row.cell, ind.threshold) {
        (Cell::Shown(v), _) => v,
        (_, Some(t)) => f64::from(t),
        _ => 0.0,
    }
}

/// Renders the chart. `id` must be unique within the page (it prefixes element ids).
pub(crate) fn render(ind: &Indicator, words: &Words, title: &str, desc: &str, id: &str) -> String {
    let mut svg = String::new();
    let height = {
        let s = series(ind, words.lang);
        let periods = ind.periods().len();
        match effective_kind(ind, &s, periods) {
            ChartKind::HorizontalBar => 24 + s.iter().map(|s| s.rows.len()).sum::<usize>() as u32 * 46,
            ChartKind::Progress => 120,
            ChartKind::StackedBar => 270 + legend_height(&s),
            _ => 260,
        }
    };
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let s = series(ind, words.lang);
        let periods = ind.periods();
        let result = match effective_kind(ind, &s, periods.len()) {
            ChartKind::HorizontalBar => horizontal_bars(&root, ind, words, &s),
            ChartKind::Progress => progress(&root, ind, words),
            ChartKind::StackedBar => stacked_bars(&root, ind, words, &s, &periods, height),
            ChartKind::Line => lines(&root, ind, words, &s, &periods, height),
            ChartKind::Bar => vertical_bars(&root, ind, words, &s, &periods, height),
        };
        // Drawing into a String cannot fail; a failure here would be a bug in the layout.
        result.expect("drawing into a String");
        if ind.illustrative {
            let stamp = text(words.illustrative, WIDTH as i32 - 2, 2, SMALL, &ILLUSTRATIVE, HPos::Right, VPos::Top);
            root.draw(&stamp).expect("drawing into a String");
        }
        let _ = root.present();
    }
    finish(svg, title, desc, id)
}

/// The chart the data can carry: one period split by a breakdown reads best as horizontal
/// bars, whatever the hint; a single series cannot be stacked.
fn effective_kind(ind: &Indicator, series: &[Series], periods: usize) -> ChartKind {
    match ind.chart {
        ChartKind::Progress if ind.target.is_some() => ChartKind::Progress,
        ChartKind::Progress => ChartKind::Bar,
        _ if periods == 1 && series.len() > 1 => ChartKind::HorizontalBar,
        ChartKind::StackedBar if series.len() < 2 => ChartKind::Bar,
        ChartKind::Bar if series.len() > 1 => ChartKind::StackedBar,
        k => k,
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

fn text<'a>(
    s: &'a str,
    x: i32,
    y: i32,
    size: f64,
    color: &'static RGBColor,
    h: HPos,
    v: VPos,
) -> Text<'a, (i32, i32), &'a str> {
    let style = TextStyle::from(("sans-serif", size * 1.24).into_font()).color(color).pos(Pos::new(h, v));
    Text::new(s, (x, y), style)
}

fn bold<'a>(s: &'a str, x: i32, y: i32, size: f64, h: HPos, v: VPos) -> Text<'a, (i32, i32), &'a str> {
    let style =
        TextStyle::from(("sans-serif", size * 1.24, FontStyle::Bold).into_font()).color(&INK).pos(Pos::new(h, v));
    Text::new(s, (x, y), style)
}

/// Category label above each bar, value at its end: readable at any width, no legend needed.
fn horizontal_bars(root: &Area, ind: &Indicator, words: &Words, series: &[Series]) -> Drawn {
    let rows: Vec<(String, &Row)> = series
        .iter()
        .flat_map(|s| {
            s.rows.iter().map(move |r| (s.label.clone().unwrap_or_else(|| ind.period_label(&r.period, words.lang)), *r))
        })
        .collect();
    let max = rows.iter().map(|(_, r)| shown(ind, r)).fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let full = (WIDTH - 90) as f64;
    for (n, (label, row)) in rows.iter().enumerate() {
        let y = 12 + n as i32 * 46;
        root.draw(&text(label, 0, y, FONT, &INK, HPos::Left, VPos::Top))?;
        let w = ((shown(ind, row) / max) * full).round().max(2.0) as i32;
        let fill = if row.hidden() { sentinel(HATCH) } else { PALETTE[0] };
        root.draw(&Rectangle::new([(0, y + 19), (w, y + 37)], fill.filled()))?;
        let value = words.value(ind, row);
        root.draw(&bold(&value, w + 6, y + 28, FONT, HPos::Left, VPos::Center))?;
    }
    Ok(())
}

/// Plot area shared by bar, stacked and line charts: (left, top, right, bottom).
fn plot_box(height: u32, bottom_extra: u32) -> (i32, i32, i32, i32) {
    (8, 26, WIDTH as i32 - 8, height as i32 - 34 - bottom_extra as i32)
}

fn vertical_bars(
    root: &Area,
    ind: &Indicator,
    words: &Words,
    series: &[Series],
    periods: &[&str],
    height: u32,
) -> Drawn {
    let s = &series[0];
    let (l, t, r, b) = plot_box(height, 0);
    let max = s.rows.iter().map(|r| shown(ind, r)).fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let slot = (r - l) as f64 / periods.len().max(1) as f64;
    let bar = (slot * 0.6).min(64.0);
    for (n, period) in periods.iter().enumerate() {
        let cx = l as f64 + slot * (n as f64 + 0.5);
        period_label(root, ind, words, period, cx as i32, b)?;
        let Some(row) = s.rows.iter().find(|r| r.period == *period) else { continue };
        let top = b - ((shown(ind, row) / max) * (b - t) as f64).round() as i32;
        let fill = if row.hidden() { sentinel(HATCH) } else { PALETTE[0] };
        root.draw(&Rectangle::new([((cx - bar / 2.0) as i32, top), ((cx + bar / 2.0) as i32, b)], fill.filled()))?;
        let value = words.value(ind, row);
        root.draw(&bold(&value, cx as i32, top - 6, SMALL, HPos::Center, VPos::Bottom))?;
    }
    root.draw(&PathElement::new(vec![(l, b), (r, b)], INK.stroke_width(1)))?;
    target_line(root, ind, words, (l, t, r, b), max)
}

/// A period's name under its bar or point.
fn period_label(root: &Area, ind: &Indicator, words: &Words, period: &str, x: i32, bottom: i32) -> Drawn {
    root.draw(&text(&ind.period_label(period, words.lang), x, bottom + 8, SMALL, &INK, HPos::Center, VPos::Top))
}

/// A dashed line at the target, labelled, when it fits the scale.
fn target_line(root: &Area, ind: &Indicator, words: &Words, (l, t, r, b): (i32, i32, i32, i32), max: f64) -> Drawn {
    let Some(target) = ind.target else { return Ok(()) };
    if target.value > max {
        return Ok(());
    }
    let y = b - ((target.value / max) * (b - t) as f64).round() as i32;
    let mut x = l;
    while x < r {
        root.draw(&PathElement::new(vec![(x, y), ((x + 6).min(r), y)], INK.stroke_width(1)))?;
        x += 10;
    }
    let label =
        format!("{}: {}", words.target.replace("{year}", &target.year.to_string()), words.number(ind, target.value));
    root.draw(&text(&label, r, y - 4, SMALL, &INK, HPos::Right, VPos::Bottom))?;
    Ok(())
}

fn legend_height(series: &[Series]) -> u32 {
    series.len() as u32 * 22
}

/// Stacked bars per period; segments differ by pattern as well as colour, with a legend.
fn stacked_bars(
    root: &Area,
    ind: &Indicator,
    words: &Words,
    series: &[Series],
    periods: &[&str],
    height: u32,
) -> Drawn {
    let legend = legend_height(series);
    let (l, t, r, b) = plot_box(height, legend);
    let total = |p: &str| {
        series.iter().filter_map(|s| s.rows.iter().find(|r| r.period == p)).map(|r| shown(ind, r)).sum::<f64>()
    };
    let max = periods.iter().map(|p| total(p)).fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let slot = (r - l) as f64 / periods.len().max(1) as f64;
    let bar = (slot * 0.6).min(72.0);
    for (n, period) in periods.iter().enumerate() {
        let cx = l as f64 + slot * (n as f64 + 0.5);
        period_label(root, ind, words, period, cx as i32, b)?;
        let mut base = b;
        for (k, s) in series.iter().enumerate() {
            let Some(row) = s.rows.iter().find(|r| r.period == *period) else { continue };
            let h = ((shown(ind, row) / max) * (b - t) as f64).round() as i32;
            let fill = if row.hidden() { sentinel(HATCH) } else { sentinel(k as u8) };
            root.draw(&Rectangle::new(
                [((cx - bar / 2.0) as i32, base - h), ((cx + bar / 2.0) as i32, base)],
                fill.filled(),
            ))?;
            root.draw(&Rectangle::new(
                [((cx - bar / 2.0) as i32, base - h), ((cx + bar / 2.0) as i32, base)],
                WHITE.stroke_width(1),
            ))?;
            if h >= 18 {
                let value = words.value(ind, row);
                let label_x = (cx + bar / 2.0) as i32 + 4;
                root.draw(&text(&value, label_x, base - h / 2, SMALL, &INK, HPos::Left, VPos::Center))?;
            }
            base -= h;
        }
    }
    root.draw(&PathElement::new(vec![(l, b), (r, b)], INK.stroke_width(1)))?;
    for (k, s) in series.iter().enumerate() {
        let y = b + 36 + k as i32 * 22;
        root.draw(&Rectangle::new([(l, y), (l + 28, y + 14)], sentinel(k as u8).filled()))?;
        root.draw(&text(s.label.as_deref().unwrap_or(""), l + 36, y + 7, FONT, &INK, HPos::Left, VPos::Center))?;
    }
    Ok(())
}

/// Lines per series with distinct markers and a direct label at the last point.
fn lines(root: &Area, ind: &Indicator, words: &Words, series: &[Series], periods: &[&str], height: u32) -> Drawn {
    let (l, t, r, b) = plot_box(height, 0);
    let label_room = if series.len() > 1 { 96 } else { 0 };
    let r = r - label_room;
    let max =
        series.iter().flat_map(|s| s.rows.iter().map(|r| shown(ind, r))).fold(0.0, f64::max).max(f64::MIN_POSITIVE)
            * 1.1;
    let step = if periods.len() > 1 { (r - l - 40) as f64 / (periods.len() - 1) as f64 } else { 0.0 };
    let index: std::collections::HashMap<&str, usize> = periods.iter().enumerate().map(|(i, p)| (*p, i)).collect();
    let x_of = |p: &str| l + 20 + (index.get(p).copied().unwrap_or(0) as f64 * step) as i32;
    let y_of = |v: f64| b - ((v / max) * (b - t) as f64).round() as i32;
    for tick in 0..=3 {
        let v = max / 1.1 * tick as f64 / 3.0;
        let y = y_of(v);
        root.draw(&PathElement::new(vec![(l, y), (r, y)], GRID.stroke_width(1)))?;
        let label = words.number(ind, v);
        root.draw(&text(&label, l, y - 3, SMALL, &INK, HPos::Left, VPos::Bottom))?;
    }
    for (n, period) in periods.iter().enumerate() {
        // Thin out period labels on a narrow chart: first, last and every other.
        if periods.len() <= 6 || n % 2 == 0 || n == periods.len() - 1 {
            period_label(root, ind, words, period, x_of(period), b)?;
        }
    }
    for (k, s) in series.iter().enumerate() {
        let color = PALETTE[k % PALETTE.len()];
        let points: Vec<(i32, i32)> = s.rows.iter().map(|row| (x_of(&row.period), y_of(shown(ind, row)))).collect();
        root.draw(&PathElement::new(points.clone(), color.stroke_width(3)))?;
        for (i, (row, &(x, y))) in s.rows.iter().zip(&points).enumerate() {
            marker(root, k, x, y, if row.hidden() { GRID } else { color })?;
            if row.hidden() && i + 1 < s.rows.len() {
                let value = words.value(ind, row);
                root.draw(&text(&value, x, y - 10, SMALL, &INK, HPos::Center, VPos::Bottom))?;
            }
        }
        if let (Some(&(x, y)), Some(last)) = (points.last(), s.rows.last()) {
            let value = words.value(ind, last);
            let label = match &s.label {
                Some(name) => format!("{name}: {value}"),
                None => value,
            };
            let (x, h) = if series.len() > 1 { (x + 10, HPos::Left) } else { (x, HPos::Center) };
            let y = if series.len() > 1 { y } else { y - 12 };
            root.draw(&bold(&label, x, y, SMALL, h, if series.len() > 1 { VPos::Center } else { VPos::Bottom }))?;
        }
    }
    root.draw(&PathElement::new(vec![(l, b), (r, b)], INK.stroke_width(1)))?;
    target_line(root, ind, words, (l, t, r, b), max)
}

/// Circle, square, triangle, diamond: series stay apart without colour.
fn marker(root: &Area, k: usize, x: i32, y: i32, color: RGBColor) -> Drawn {
    match k % 4 {
        0 => root.draw(&Circle::new((x, y), 5, color.filled())),
        1 => root.draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], color.filled())),
        2 => root.draw(&Polygon::new(vec![(x, y - 6), (x + 6, y + 5), (x - 6, y + 5)], color.filled())),
        _ => root.draw(&Polygon::new(vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)], color.filled())),
    }
}

/// Progress toward the target: the latest value against the target, with the baseline.
fn progress(root: &Area, ind: &Indicator, words: &Words) -> Drawn {
    let Some(target) = ind.target else { return Ok(()) };
    let Some(latest) = ind.totals().last().or(ind.rows.last()) else { return Ok(()) };
    let scale = target.value.max(shown(ind, latest)).max(f64::MIN_POSITIVE);
    let (l, r) = (0, WIDTH as i32 - 1);
    let x_of = |v: f64| l + ((v / scale) * (r - l) as f64).round() as i32;
    let value = format!("{}: {}", ind.period_label(&latest.period, words.lang), words.value(ind, latest));
    root.draw(&bold(&value, l, 12, FONT, HPos::Left, VPos::Top))?;
    root.draw(&Rectangle::new([(l, 40), (r, 70)], RGBColor(233, 238, 242).filled()))?;
    root.draw(&Rectangle::new([(l, 40), (r, 70)], GRID.stroke_width(1)))?;
    let fill = if latest.hidden() { sentinel(HATCH) } else { PALETTE[0] };
    root.draw(&Rectangle::new([(l, 40), (x_of(shown(ind, latest)).max(l + 2), 70)], fill.filled()))?;
    let tx = x_of(target.value).min(r - 1);
    root.draw(&PathElement::new(vec![(tx, 32), (tx, 78)], INK.stroke_width(3)))?;
    let goal =
        format!("{}: {}", words.target.replace("{year}", &target.year.to_string()), words.number(ind, target.value));
    let anchor = if tx > (WIDTH as i32) / 2 { HPos::Right } else { HPos::Left };
    root.draw(&text(&goal, tx, 86, FONT, &INK, anchor, VPos::Top))?;
    if let Some(base) = ind.baseline {
        let bx = x_of(base.value);
        root.draw(&PathElement::new(vec![(bx, 36), (bx, 74)], RGBColor(95, 107, 122).stroke_width(2)))?;
    }
    Ok(())
}

/// A goal's progress bar: how far from baseline to target (`percent`), with a tick where
/// it should be by now (`elapsed`), and the share written out.
pub(crate) fn goal_bar(percent: Option<f64>, elapsed: f64, label: &str, title: &str, desc: &str, id: &str) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 44)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let w = WIDTH as i32 - 80;
        let x_of = |p: f64| ((p.clamp(0.0, 100.0) / 100.0) * w as f64).round() as i32;
        let drawn: Drawn = (|| {
            root.draw(&Rectangle::new([(0, 8), (w, 30)], RGBColor(233, 238, 242).filled()))?;
            root.draw(&Rectangle::new([(0, 8), (w, 30)], GRID.stroke_width(1)))?;
            if let Some(p) = percent {
                root.draw(&Rectangle::new([(0, 8), (x_of(p).max(2), 30)], PALETTE[0].filled()))?;
            }
            let tick = x_of(elapsed);
            root.draw(&PathElement::new(vec![(tick, 2), (tick, 36)], INK.stroke_width(2)))?;
            root.draw(&bold(label, w + 8, 19, FONT, HPos::Left, VPos::Center))?;
            Ok(())
        })();
        drawn.expect("drawing into a String");
        let _ = root.present();
    }
    finish(svg, title, desc, id)
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
mod tests {
    use super::*;
    use crate::i18n::NumberFormat;
    use std::path::Path;

    fn indicator(extra: &str, chart: &str) -> Indicator {
        let config = crate::config::test_config();
        let src = format!(
            "title: {{ es: Víctimas, en: Victims }}\ntopic: {{ es: V, en: V }}\nunit: {{ es: personas, en: people }}\nmeasure: count\nchart: {chart}\nsource: {{ name: MIMP }}\n{extra}"
        );
        crate::data::indicators::parse("x", &src, Path::new("x.yaml"), None, &config).unwrap()
    }

    fn words(fmt: &NumberFormat) -> Words<'_> {
        Words {
            fmt,
            lang: "es",
            fewer_than: "menos de {n}",
            withheld: "reservado",
            target: "meta {year}",
            percent: "{n} %",
            illustrative: "ILUSTRATIVO",
        }
    }

    #[test]
    fn svg_has_role_title_and_desc_and_no_sentinel_colours() {
        let fmt = NumberFormat { decimal: ",".into(), thousands: " ".into(), min_digits: 5 };
        for chart in ["bar", "line", "stacked-bar", "horizontal-bar"] {
            let ind = indicator(
                "breakdowns:\n  sex:\n    name: { es: Sexo, en: Sex }\n    values:\n      w: { es: Mujeres, en: Women }\n      m: { es: Hombres, en: Men }\nseries:\n  - { period: 2020, sex: w, value: 1200 }\n  - { period: 2020, sex: m, value: 3 }\n  - { period: 2021, sex: w, value: 1300 }\n  - { period: 2021, sex: m, value: 40 }\n",
                chart,
            );
            let svg = render(&ind, &words(&fmt), "Víctimas <2021>", "Resumen", "c1");
            assert!(svg.starts_with("<svg width=\"400\""), "{chart}: {svg}");
            assert!(svg.contains("role=\"img\" aria-labelledby=\"c1-title c1-desc\""), "{chart}");
            assert!(svg.contains("<title id=\"c1-title\">Víctimas &lt;2021&gt;</title>"), "{chart}");
            assert!(!svg.contains("#0102"), "{chart}: a sentinel colour was left: {svg}");
            // Bars are hatched; labelled wherever the mark is big enough to hold a label.
            if chart != "line" {
                assert!(svg.contains("fill=\"url(#c1-p9)\""), "{chart}: the suppressed count is not hatched: {svg}");
            }
            if chart != "stacked-bar" && chart != "bar" {
                assert!(svg.contains("menos de 5"), "{chart}: the suppressed count is not labelled: {svg}");
            }
            assert!(!svg.contains(">\n3\n<"), "{chart}: the suppressed count is shown: {svg}");
            assert_eq!(
                svg,
                render(&ind, &words(&fmt), "Víctimas <2021>", "Resumen", "c1"),
                "{chart}: not deterministic"
            );
        }
    }

    #[test]
    fn progress_shows_latest_value_and_target() {
        let fmt = NumberFormat { decimal: ",".into(), thousands: " ".into(), min_digits: 5 };
        let ind =
            indicator("target: { value: 100, year: 2026 }\nseries:\n  - { period: 2024, value: 45 }\n", "progress");
        let svg = render(&ind, &words(&fmt), "t", "d", "p");
        assert!(svg.contains("2024: 45"), "{svg}");
        assert!(svg.contains("meta 2026: 100"), "{svg}");
    }
}
