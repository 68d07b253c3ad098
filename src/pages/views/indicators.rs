//! An indicator as templates see it, per language: its chart with a computed summary, its
//! data as a table, its source and downloads, and the code to embed it elsewhere.

use super::safe;
use crate::charts::{self, Words};
use crate::data::indicators::{Breakdown, Cell, Indicator, Row};
use crate::i18n::{fill, pick, NumberFormat, Strings};
use crate::model::Site;
use crate::urls::site_url;
use minijinja::value::Value;
use serde::Serialize;
use std::collections::HashMap;

/// The words of one language that charts, tables and downloads need.
pub(crate) struct Lang<'a> {
    pub(crate) code: &'a str,
    pub(crate) fmt: NumberFormat,
    strings: &'a Strings,
}

impl<'a> Lang<'a> {
    pub(crate) fn new(site: &'a Site, code: &'a str) -> Self {
        let strings = &site.strings[code];
        Lang { code, fmt: NumberFormat::from_strings(strings), strings }
    }

    pub(crate) fn words(&self) -> Words<'_> {
        Words::new(&self.fmt, self.code, self.strings)
    }
}

/// The latest total of an indicator as a reader sees it (`79,6 %`, `fewer than 5`), and
/// the period it is for. None when the indicator has no total row.
pub(crate) fn latest(site: &Site, ind: &Indicator, lang: &str) -> Option<(String, String)> {
    let row = ind.totals().last()?;
    let l = Lang::new(site, lang);
    let words = l.words();
    Some((words.with_unit(ind, row), ind.period_label(&row.period, lang)))
}

/// The chart with its accessible title and a computed summary as its description.
pub(crate) fn chart(_site: &Site, ind: &Indicator, lang: &Lang, id: &str) -> (String, String) {
    let words = lang.words();
    let summary = charts::summary(ind, &words);
    let title = charts::title(ind, &words, pick(&ind.title, lang.code));
    let svg = charts::render(ind, &words, &title, &summary, id);
    (svg, summary)
}

/// One table of an indicator's data, with a caption that says what it holds.
#[derive(Serialize, Clone)]
struct Table {
    caption: String,
    head: Vec<String>,
    /// The first cell of each row is its header (`<th scope="row">`).
    rows: Vec<Vec<String>>,
    /// Columns from this one on hold figures, aligned right.
    numeric_from: usize,
    /// The row of totals, where a table crosses two breakdowns.
    total_row: Option<usize>,
}

const NONE: &str = "–";

/// Every row of the data, in tables: one per breakdown (periods by its values, with the
/// total), or one of the totals when there is none; for rows that cross two breakdowns,
/// one two-way table per period with both margins; rows crossing more, as a list.
fn tables(ind: &Indicator, lang: &Lang) -> Vec<Table> {
    let words = lang.words();
    let (title, unit) = (pick(&ind.title, lang.code), pick(&ind.unit, lang.code));
    let used: Vec<&Breakdown> =
        ind.breakdowns.iter().filter(|b| ind.rows.iter().any(|r| r.dims.contains_key(&b.id))).collect();
    let has_total = ind.totals().next().is_some();
    let mut out = Vec::new();
    for b in &used {
        if ind.rows.iter().any(|r| r.dims.len() == 1 && r.dims.contains_key(&b.id)) {
            out.push(one_way(ind, lang, b, has_total));
        }
    }
    if out.is_empty() && has_total {
        let head = if used.is_empty() { "indicator_value" } else { "indicator_total" };
        let mut table = list(ind, lang, ind.totals().collect(), &[]);
        table.head[1] = words.t(head).to_string();
        out.push(table);
    }
    for (i, a) in used.iter().enumerate() {
        for b in &used[i + 1..] {
            out.extend(two_way(ind, lang, a, b));
        }
    }
    let wide: Vec<&Row> = ind.rows.iter().filter(|r| r.dims.len() > 2).collect();
    if !wide.is_empty() {
        out.push(list(ind, lang, wide, &used));
    }
    for table in &mut out {
        if table.caption.is_empty() {
            table.caption = fill(words.t("table_caption"), &[("title", title), ("unit", unit)]);
        }
    }
    out
}

/// Whether `title` says `phrase` already, whatever the case.
fn says(title: &str, phrase: &str) -> bool {
    title.to_lowercase().contains(&phrase.to_lowercase())
}

/// Rows of one period each, a column per value of breakdown `b`, then the total.
fn one_way(ind: &Indicator, lang: &Lang, b: &Breakdown, has_total: bool) -> Table {
    let words = lang.words();
    let code = lang.code;
    let keys: Vec<&str> = b
        .values
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| ind.rows.iter().any(|r| r.dims.len() == 1 && r.dims.get(&b.id).map(String::as_str) == Some(*k)))
        .collect();
    let mut head = vec![words.t("indicator_period").to_string()];
    head.extend(keys.iter().map(|k| b.label(k, code)));
    if has_total {
        head.push(words.t("indicator_total").to_string());
    }
    let (title, by) = (pick(&ind.title, code), words.by(b));
    // "Victims by sex (people)", not "Victims by sex, by sex (people)".
    let key = if says(title, &by) { "table_caption" } else { "table_caption_by" };
    let caption = fill(words.t(key), &[("title", title), ("by", &by), ("unit", pick(&ind.unit, code))]);
    Table { caption, head, rows: by_period(ind, lang, &b.id, &keys, has_total), numeric_from: 1, total_row: None }
}

/// Rows of one period each, a column per value of breakdown `dim`, then the total.
fn by_period(ind: &Indicator, lang: &Lang, dim: &str, keys: &[&str], has_total: bool) -> Vec<Vec<String>> {
    let words = lang.words();
    // Cells by (period, value) and totals by period, looked up once each: an indicator may
    // have tens of thousands of rows.
    let mut cells = HashMap::new();
    for r in ind.rows.iter().filter(|r| r.dims.len() == 1) {
        if let Some(k) = r.dims.get(dim) {
            cells.entry((r.period.as_str(), k.as_str())).or_insert(r);
        }
    }
    let mut totals_of = HashMap::new();
    for r in ind.totals() {
        totals_of.entry(r.period.as_str()).or_insert(r);
    }
    let mut rows = Vec::new();
    for period in ind.periods() {
        if !keys.iter().any(|k| cells.contains_key(&(period, *k))) && !totals_of.contains_key(period) {
            continue;
        }
        let mut row = vec![ind.period_label(period, lang.code)];
        for k in keys {
            let cell = cells.get(&(period, *k));
            row.push(cell.map_or_else(|| NONE.to_string(), |r| words.value(ind, r)));
        }
        if has_total {
            let total = totals_of.get(period);
            row.push(total.map_or_else(|| NONE.to_string(), |r| words.value(ind, r)));
        }
        rows.push(row);
    }
    rows
}

/// Per period, the rows crossing breakdowns `a` and `b` as a two-way table: a row per value
/// of `a`, a column per value of `b`, and the margins (each breakdown's own rows, and the
/// total) where the data has them.
fn two_way(ind: &Indicator, lang: &Lang, a: &Breakdown, b: &Breakdown) -> Vec<Table> {
    let (words, code) = (lang.words(), lang.code);
    let crosses = |r: &Row| r.dims.len() == 2 && r.dims.contains_key(&a.id) && r.dims.contains_key(&b.id);
    if !ind.rows.iter().any(crosses) {
        return Vec::new();
    }
    // The rows of each period, gathered once: an indicator may have tens of thousands.
    let mut of_period: HashMap<&str, Vec<&Row>> = HashMap::new();
    for r in &ind.rows {
        of_period.entry(r.period.as_str()).or_default().push(r);
    }
    let mut out = Vec::new();
    for period in ind.periods() {
        let all = of_period.get(period).map_or(&[][..], Vec::as_slice);
        let here: Vec<&Row> = all.iter().copied().filter(|r| crosses(r)).collect();
        if here.is_empty() {
            continue;
        }
        let key = |r: &Row, d: &Breakdown| r.dims.get(&d.id).cloned().unwrap_or_default();
        let cell: HashMap<(String, String), &Row> = here.iter().map(|r| ((key(r, a), key(r, b)), *r)).collect();
        let margin = |d: &Breakdown| -> HashMap<String, &Row> {
            let own = all.iter().copied().filter(|r| r.dims.len() == 1);
            own.filter_map(|r| Some((r.dims.get(&d.id)?.clone(), r))).collect()
        };
        let (of_a, of_b) = (margin(a), margin(b));
        let grand = all.iter().copied().find(|r| r.dims.is_empty());
        let keys = |d: &Breakdown, m: &HashMap<String, &Row>| -> Vec<String> {
            let used = |k: &String| m.contains_key(k) || here.iter().any(|r| r.dims.get(&d.id) == Some(k));
            d.values.iter().map(|(k, _)| k.clone()).filter(used).collect()
        };
        let (keys_a, keys_b) = (keys(a, &of_a), keys(b, &of_b));
        let value = |r: Option<&&Row>| r.map_or_else(|| NONE.to_string(), |r| words.value(ind, r));
        let total_col = !of_a.is_empty() || grand.is_some();
        let total_row = !of_b.is_empty() || grand.is_some();
        let total = words.t("indicator_total").to_string();
        let mut head = vec![pick(&a.name, code).to_string()];
        head.extend(keys_b.iter().map(|k| b.label(k, code)));
        head.extend(total_col.then(|| total.clone()));
        let mut rows: Vec<Vec<String>> = keys_a
            .iter()
            .map(|ka| {
                let mut row = vec![a.label(ka, code)];
                row.extend(keys_b.iter().map(|kb| value(cell.get(&(ka.clone(), kb.clone())))));
                row.extend(total_col.then(|| value(of_a.get(ka))));
                row
            })
            .collect();
        if total_row {
            let mut row = vec![total.clone()];
            row.extend(keys_b.iter().map(|kb| value(of_b.get(kb))));
            row.extend(total_col.then(|| value(grand.as_ref())));
            rows.push(row);
        }
        let by = words.list(&[words.by(a), words.by(b)]);
        let (title, period) = (pick(&ind.title, code), ind.period_label(period, code));
        // The period is said unless the title says it already ("…, 2023").
        let key = if says(title, &period) { "table_caption_by" } else { "table_caption_cross" };
        let caption =
            fill(words.t(key), &[("title", title), ("period", &period), ("by", &by), ("unit", pick(&ind.unit, code))]);
        let total_row = total_row.then(|| rows.len() - 1);
        out.push(Table { caption, head, rows, numeric_from: 1, total_row });
    }
    out
}

/// `rows` as a list: the period, each of `breakdowns` (or "Total"), and the value.
fn list(ind: &Indicator, lang: &Lang, rows: Vec<&Row>, breakdowns: &[&Breakdown]) -> Table {
    let (words, code) = (lang.words(), lang.code);
    let total = words.t("indicator_total").to_string();
    let mut head = vec![words.t("indicator_period").to_string()];
    head.extend(breakdowns.iter().map(|b| pick(&b.name, code).to_string()));
    head.push(words.t("indicator_value").to_string());
    let rows = rows
        .into_iter()
        .map(|r| {
            let mut row = vec![ind.period_label(&r.period, code)];
            row.extend(
                breakdowns.iter().map(|b| r.dims.get(&b.id).map_or_else(|| total.clone(), |k| b.label(k, code))),
            );
            row.push(words.value(ind, r));
            row
        })
        .collect();
    Table { caption: String::new(), head, rows, numeric_from: breakdowns.len() + 1, total_row: None }
}

#[derive(Serialize)]
struct SourceView<'a> {
    name: &'a str,
    url: Option<String>,
    date: Option<&'a str>,
    licence: Option<&'a str>,
    /// The full stop after the source, unless its name (with no date after it) has one.
    stop: &'static str,
}

#[derive(Serialize)]
struct Downloads {
    csv: String,
    yaml: String,
    svg: String,
}

/// An indicator page's `page`, and `indicator` in chart figures.
#[derive(Serialize)]
pub(crate) struct IndicatorView<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    /// The title as the opening sentence of a caption: with its full stop, never two.
    title_sentence: String,
    description: Option<&'a str>,
    topic: &'a str,
    unit: &'a str,
    notes: Option<&'a str>,
    illustrative: bool,
    suppressed: bool,
    withheld: bool,
    threshold: Option<String>,
    source: SourceView<'a>,
    chart: Value,
    summary: String,
    /// The first of `tables` (templates written before there were several).
    table: Table,
    tables: Vec<Table>,
    path: String,
    url: String,
    permalink: String,
    embed_url: String,
    embed_code: String,
    downloads: Downloads,
    csv_permalink: String,
}

/// `chart_id` must be unique in the page the view is shown on.
pub(crate) fn view<'a>(site: &'a Site, ind: &'a Indicator, lang: &Lang, chart_id: &str) -> IndicatorView<'a> {
    let (svg, summary) = chart(site, ind, lang, chart_id);
    view_of_chart(site, ind, lang, svg, summary)
}

/// The view of an indicator whose chart is drawn already.
pub(crate) fn view_of_chart<'a>(
    site: &'a Site,
    ind: &'a Indicator,
    lang: &Lang,
    svg: String,
    summary: String,
) -> IndicatorView<'a> {
    let c = &site.config;
    let code = lang.code;
    let path = site.paths().indicator(code, &ind.id);
    let embed = crate::urls::embed(&path);
    let chart_height = svg
        .split("height=\"")
        .nth(1)
        .and_then(|h| h.split('"').next())
        .and_then(|h| h.parse::<u32>().ok())
        .unwrap_or(300);
    // Room for the caption, source and link under the chart as they wrap on a 320 px
    // phone: about 34 characters a line, 22 px a line (measured on the embed page).
    let lines = |text: &str| (text.chars().count() as u32).div_ceil(34).max(1);
    let words = lines(&format!("{} {summary}", pick(&ind.title, code))) + lines(pick(&ind.source.name, code)) + 2;
    let height = chart_height + 100 + 22 * words;
    let embed_code = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:560px\"></iframe>",
        crate::escape::html(&site_url(&c.base_url, &embed)),
        crate::escape::html(pick(&ind.title, code))
    );
    let tables = tables(ind, lang);
    let title = pick(&ind.title, code);
    let source_name = pick(&ind.source.name, code);
    let ends = |s: &str| s.trim_end().ends_with(['.', '?', '!', '…']);
    let download = |ext: &str| site_url(&c.base_path, &crate::urls::indicator_file(&path, &ind.id, ext));
    IndicatorView {
        id: &ind.id,
        kind: "indicator",
        title,
        title_sentence: if ends(title) { title.to_string() } else { format!("{title}.") },
        description: ind.description.get(code).map(String::as_str),
        topic: pick(&ind.topic, code),
        unit: pick(&ind.unit, code),
        notes: ind.notes.get(code).map(String::as_str),
        illustrative: ind.illustrative,
        suppressed: ind.rows.iter().any(|r| r.cell == Cell::Below),
        withheld: ind.rows.iter().any(|r| r.cell == Cell::Withheld),
        threshold: ind.threshold.map(|t| lang.fmt.format(f64::from(t), 0)),
        source: SourceView {
            name: source_name,
            url: ind.source.url.as_ref().map(|h| crate::urls::href(&site.config.base_path, h)),
            date: ind.source.date.as_deref(),
            licence: ind.source.licence.get(code).map(String::as_str),
            stop: if ind.source.date.is_none() && ends(source_name) { "" } else { "." },
        },
        chart: safe(svg),
        summary,
        table: tables.first().cloned().unwrap_or_else(|| list(ind, lang, Vec::new(), &[])),
        tables,
        url: site_url(&c.base_path, &path),
        permalink: site_url(&c.base_url, &path),
        embed_url: site_url(&c.base_path, &embed),
        embed_code,
        downloads: Downloads { csv: download("csv"), yaml: download("yaml"), svg: download("svg") },
        csv_permalink: site_url(&c.base_url, &crate::urls::indicator_file(&path, &ind.id, "csv")),
        path,
    }
}
