//! An indicator as templates see it, per language: its chart with a computed summary, its
//! data as a table, its source and downloads, and the code to embed it elsewhere.

use super::safe;
use crate::charts::{self, Words};
use crate::data::indicators::{Cell, Indicator};
use crate::i18n::{pick, NumberFormat};
use crate::model::Site;
use crate::urls::site_url;
use minijinja::value::Value;
use serde::Serialize;
use std::collections::HashMap;

/// The words of one language that charts, tables and downloads need.
pub(crate) struct Lang<'a> {
    pub(crate) code: &'a str,
    pub(crate) fmt: NumberFormat,
    fewer_than: String,
    withheld: String,
    target: String,
    percent: String,
    illustrative: String,
}

impl<'a> Lang<'a> {
    pub(crate) fn new(site: &Site, code: &'a str) -> Self {
        Lang {
            code,
            fmt: NumberFormat::from_strings(&site.strings[code]),
            fewer_than: site.t(code, "fewer_than"),
            withheld: site.t(code, "withheld"),
            target: site.t(code, "target_label"),
            percent: site.t(code, "percent_format"),
            illustrative: site.t(code, "chart_illustrative"),
        }
    }

    pub(crate) fn words(&self) -> Words<'_> {
        Words {
            fmt: &self.fmt,
            lang: self.code,
            fewer_than: &self.fewer_than,
            withheld: &self.withheld,
            target: &self.target,
            percent: &self.percent,
            illustrative: &self.illustrative,
        }
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
pub(crate) fn chart(site: &Site, ind: &Indicator, lang: &Lang, id: &str) -> (String, String) {
    let words = lang.words();
    let summary = charts::summary(ind, &words, &|key| site.t(lang.code, key));
    let svg = charts::render(ind, &words, pick(&ind.title, lang.code), &summary, id);
    (svg, summary)
}

#[derive(Serialize)]
struct Table {
    head: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// The data as a table: one row per period, one column per value of the main breakdown
/// (plus the total), or one column of values when there is no breakdown.
fn table(site: &Site, ind: &Indicator, lang: &Lang) -> Table {
    let code = lang.code;
    let mut head = vec![site.t(code, "indicator_period")];
    let rows = match ind.main_breakdown() {
        Some(b) if ind.rows.iter().all(|r| r.dims.len() <= 1) => {
            let keys: Vec<&str> = b
                .values
                .iter()
                .map(|(k, _)| k.as_str())
                .filter(|k| ind.rows.iter().any(|r| r.dims.get(&b.id).map(String::as_str) == Some(*k)))
                .collect();
            head.extend(keys.iter().map(|k| b.label(k, code)));
            let has_total = ind.totals().next().is_some();
            if has_total {
                head.push(site.t(code, "indicator_total"));
            }
            by_period(ind, lang, &b.id, &keys, has_total)
        }
        _ => {
            let used: Vec<&crate::data::indicators::Breakdown> =
                ind.breakdowns.iter().filter(|b| ind.rows.iter().any(|r| r.dims.contains_key(&b.id))).collect();
            head.extend(used.iter().map(|b| pick(&b.name, code).to_string()));
            head.push(site.t(code, "indicator_value"));
            let total = site.t(code, "indicator_total");
            ind.rows
                .iter()
                .map(|r| {
                    let mut row = vec![ind.period_label(&r.period, code)];
                    row.extend(
                        used.iter().map(|b| r.dims.get(&b.id).map_or_else(|| total.clone(), |k| b.label(k, code))),
                    );
                    row.push(lang.words().value(ind, r));
                    row
                })
                .collect()
        }
    };
    Table { head, rows }
}

/// Rows of one period each, a column per value of breakdown `dim`, then the total.
fn by_period(ind: &Indicator, lang: &Lang, dim: &str, keys: &[&str], has_total: bool) -> Vec<Vec<String>> {
    let words = lang.words();
    // Cells by (period, value) and totals by period, looked up once each: an indicator may
    // have tens of thousands of rows.
    let mut cells = HashMap::new();
    for r in &ind.rows {
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
        let mut row = vec![ind.period_label(period, lang.code)];
        for k in keys {
            let cell = cells.get(&(period, *k));
            row.push(cell.map_or_else(|| "–".to_string(), |r| words.value(ind, r)));
        }
        if has_total {
            let total = totals_of.get(period);
            row.push(total.map_or_else(|| "–".to_string(), |r| words.value(ind, r)));
        }
        rows.push(row);
    }
    rows
}

#[derive(Serialize)]
struct SourceView<'a> {
    name: &'a str,
    url: Option<&'a str>,
    date: Option<&'a str>,
    licence: Option<&'a str>,
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
    table: Table,
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
    let height = svg
        .split("height=\"")
        .nth(1)
        .and_then(|h| h.split('"').next())
        .and_then(|h| h.parse::<u32>().ok())
        .unwrap_or(300)
        + 140;
    let embed_code = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:560px\"></iframe>",
        site_url(&c.base_url, &embed),
        crate::escape::html(pick(&ind.title, code))
    );
    let download = |ext: &str| site_url(&c.base_path, &crate::urls::indicator_file(&path, &ind.id, ext));
    IndicatorView {
        id: &ind.id,
        kind: "indicator",
        title: pick(&ind.title, code),
        description: ind.description.get(code).map(String::as_str),
        topic: pick(&ind.topic, code),
        unit: pick(&ind.unit, code),
        notes: ind.notes.get(code).map(String::as_str),
        illustrative: ind.illustrative,
        suppressed: ind.rows.iter().any(|r| r.cell == Cell::Below),
        withheld: ind.rows.iter().any(|r| r.cell == Cell::Withheld),
        threshold: ind.threshold.map(|t| lang.fmt.format(f64::from(t), 0)),
        source: SourceView {
            name: pick(&ind.source.name, code),
            url: ind.source.url.as_deref(),
            date: ind.source.date.as_deref(),
            licence: ind.source.licence.get(code).map(String::as_str),
        },
        chart: safe(svg),
        summary,
        table: table(site, ind, lang),
        url: site_url(&c.base_path, &path),
        permalink: site_url(&c.base_url, &path),
        embed_url: site_url(&c.base_path, &embed),
        embed_code,
        downloads: Downloads { csv: download("csv"), yaml: download("yaml"), svg: download("svg") },
        csv_permalink: site_url(&c.base_url, &crate::urls::indicator_file(&path, &ind.id, "csv")),
        path,
    }
}
