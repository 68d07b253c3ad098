//! Indicator data: one YAML file per indicator in `data/indicators/` (values may instead
//! come from a CSV file of the same name beside it). Parses, validates with file and line,
//! and applies victim-safe suppression of small counts before anything is rendered, so no
//! later stage (chart, table, CSV, embed) can publish a hidden value by mistake.

mod raw;
mod rows;
pub(crate) mod suppress;

pub(crate) use rows::in_range;
pub(crate) use suppress::published_yaml;

use crate::config::{Config, Localized};
use crate::diagnostics::{Code, Diagnostic};
use crate::href::Href;
use crate::messages::Said;
use crate::yaml::{self, Mapping};
use raw::{RawBreakdown, RawIndicator, RawPoint, RawTarget, Text};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use suppress::suppress;

/// Rows beyond this are refused with a message rather than slowing every build.
pub(crate) const MAX_ROWS: usize = 50_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Measure {
    /// Counts of people: small values are suppressed.
    Count,
    /// Shares from 0 to 100.
    Percent,
    Number,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ChartKind {
    Line,
    Bar,
    StackedBar,
    HorizontalBar,
    Progress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Direction {
    Up,
    Down,
}

#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) name: Localized,
    pub(crate) url: Option<Href>,
    pub(crate) date: Option<String>,
    /// Terms of reuse, when the source states them.
    pub(crate) licence: Localized,
}

#[derive(Debug, Clone)]
pub(crate) struct Breakdown {
    pub(crate) id: String,
    pub(crate) name: Localized,
    /// In the order the file gives them: (key, label per language).
    pub(crate) values: Vec<(String, Localized)>,
    /// How its values relate to the total they break down (for disclosure control).
    pub(crate) adds_up: suppress::AddsUp,
}

impl Breakdown {
    pub(crate) fn label(&self, key: &str, lang: &str) -> String {
        self.values
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, l)| l.get(lang))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

/// What a row publishes. Hidden cells carry no value at all, so no later stage (chart,
/// table, CSV, summary, frozen edition) can publish one by mistake.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Cell {
    Shown(f64),
    /// A count below the threshold: published as "fewer than N" (primary suppression).
    Below,
    /// A count at or above the threshold, withheld so that a small one cannot be worked
    /// out from the totals (secondary suppression).
    Withheld,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) period: String,
    /// Breakdown id -> value key. Empty for a total.
    pub(crate) dims: BTreeMap<String, String>,
    pub(crate) cell: Cell,
    pub(crate) line: usize,
}

impl Row {
    /// The published value; None for a hidden cell.
    pub(crate) fn shown(&self) -> Option<f64> {
        match self.cell {
            Cell::Shown(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn hidden(&self) -> bool {
        self.shown().is_none()
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    pub(crate) value: f64,
    pub(crate) year: i32,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Target {
    pub(crate) value: f64,
    pub(crate) year: i32,
    pub(crate) direction: Direction,
}

#[derive(Debug, Clone)]
pub(crate) struct Indicator {
    /// From the file name: `victimas-por-sexo.yaml` is `victimas-por-sexo`.
    pub(crate) id: String,
    pub(crate) path: PathBuf,
    /// The YAML text, published as the indicator's YAML download.
    pub(crate) yaml: String,
    pub(crate) csv_path: Option<PathBuf>,
    pub(crate) title: Localized,
    pub(crate) description: Localized,
    pub(crate) topic: Localized,
    pub(crate) unit: Localized,
    pub(crate) notes: Localized,
    pub(crate) measure: Measure,
    pub(crate) chart: ChartKind,
    pub(crate) source: Source,
    pub(crate) illustrative: bool,
    pub(crate) weight: i64,
    /// Counts below this are shown as "fewer than N"; `None` for shares and other numbers.
    pub(crate) threshold: Option<u32>,
    pub(crate) breakdowns: Vec<Breakdown>,
    pub(crate) period_labels: BTreeMap<String, Localized>,
    pub(crate) rows: Vec<Row>,
    pub(crate) baseline: Option<Point>,
    pub(crate) target: Option<Target>,
}

impl Indicator {
    /// Periods in the order they first appear.
    pub(crate) fn periods(&self) -> Vec<&str> {
        let mut seen = BTreeSet::new();
        self.rows.iter().filter(|r| seen.insert(r.period.as_str())).map(|r| r.period.as_str()).collect()
    }

    /// A period as shown in `lang`: its label from `period_labels`, or the period itself.
    pub(crate) fn period_label(&self, period: &str, lang: &str) -> String {
        self.period_labels.get(period).and_then(|l| l.get(lang)).cloned().unwrap_or_else(|| period.to_string())
    }

    /// The breakdown a chart splits by: the first one the rows use.
    pub(crate) fn main_breakdown(&self) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| self.rows.iter().any(|r| r.dims.contains_key(&b.id)))
    }

    /// Rows without any breakdown: totals per period.
    pub(crate) fn totals(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.dims.is_empty())
    }
}

/// The year a period refers to: its last four-digit number (`2015-2021` gives 2021).
pub(crate) fn period_year(period: &str) -> Option<i32> {
    let digits: Vec<&str> = period.split(|c: char| !c.is_ascii_digit()).filter(|s| s.len() == 4).collect();
    digits.last().and_then(|d| d.parse().ok())
}

/// Loads every `data/indicators/*.yaml`, sorted by id.
pub(crate) fn load_all(root: &Path, config: &Config) -> (Vec<Indicator>, Vec<Diagnostic>) {
    let dir = root.join("data").join("indicators");
    let mut out = Vec::new();
    let mut diags = Vec::new();
    // Read through `sources`: nothing outside the site, no FIFO or device opened.
    match crate::sources::dir_exists(root, &dir) {
        Ok(true) => {}
        Ok(false) => return (out, diags),
        Err(d) => return (out, vec![d]),
    }
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            let said = Said::new("data-indicators-unreadable", &[("error", &e.to_string())]);
            return (out, vec![Diagnostic::error_said(Code::Io, &dir, said)]);
        }
    };
    files.sort();
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "csv" {
            if !path.with_extension("yaml").is_file() {
                diags.push(Diagnostic::error_said(Code::Indicator, &path, Said::new("data-csv-without-yaml", &[])));
            }
            continue;
        }
        if ext != "yaml" && ext != "yml" {
            continue;
        }
        if ext == "yml" && path.with_extension("yaml").is_file() {
            diags.push(
                Diagnostic::error_said(
                    Code::DuplicateIndicator,
                    &path,
                    Said::new(
                        "data-duplicate-indicator",
                        &[
                            ("yml", &path.file_name().unwrap_or_default().to_string_lossy()),
                            ("yaml", &path.with_extension("yaml").file_name().unwrap_or_default().to_string_lossy()),
                        ],
                    ),
                )
                .hint_said(Said::new("data-duplicate-indicator-hint", &[])),
            );
            continue;
        }
        let src = match crate::sources::read_text(root, &path) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let csv = path.with_extension("csv");
        let csv = match crate::sources::exists(root, &csv) {
            Ok(there) => there.then_some(csv),
            Err(d) => {
                // The indicator's rows are in it: skipping it would drop the indicator unseen.
                diags.push(d.into_error());
                continue;
            }
        };
        match parse(&id, &src, &path, csv.as_deref(), config) {
            Ok(ind) => out.push(ind),
            Err(ds) => diags.extend(ds),
        }
    }
    out.sort_by(|a: &Indicator, b: &Indicator| (a.weight, &a.id).cmp(&(b.weight, &b.id)));
    (out, diags)
}

/// Parses and validates one indicator; `csv` is the CSV file beside it, if any.
pub(crate) fn parse(
    id: &str,
    src: &str,
    path: &Path,
    csv: Option<&Path>,
    config: &Config,
) -> Result<Indicator, Vec<Diagnostic>> {
    let raw: RawIndicator = yaml::parse(src, path, 1, Code::Indicator).map_err(|d| vec![d])?;
    let mut check = Check { src, path, config, errors: Vec::new() };
    if crate::slug::slugify(id) != id {
        check.errors.push(
            Diagnostic::error_said(Code::Indicator, path, Said::new("data-bad-indicator-id", &[("id", id)]))
                .hint_said(Said::new("data-bad-indicator-id-hint", &[])),
        );
    }
    check.localized(&raw.title, &["title"], true);
    check.localized(&raw.description, &["description"], false);
    check.localized(&raw.topic, &["topic"], true);
    check.localized(&raw.unit, &["unit"], true);
    check.localized(&raw.notes, &["notes"], false);
    let source_name = per_language(raw.source.name, config);
    check.localized(&source_name, &["source", "name"], true);
    for (period, labels) in &raw.period_labels {
        check.localized(labels, &["period_labels", period], true);
    }
    let licence = raw.source.licence.map(|l| per_language(l, config)).unwrap_or_default();
    check.localized(&licence, &["source", "licence"], false);
    // Shown as a link on the page and on the embed page other sites frame.
    let source_url = raw.source.url.as_deref().and_then(|url| match Href::parse_rooted(url) {
        Ok(href) => Some(href),
        Err(refusal) => {
            check.errors.push(refusal.diagnostic(path, yaml::locate(src, &["source", "url"], 1), None));
            None
        }
    });
    let breakdowns = check.breakdowns(&raw.breakdowns);
    let (target, baseline) = check.target_and_baseline(raw.target, raw.baseline, raw.measure);
    let rows = check.rows(&raw.series, csv, &breakdowns);
    if let Some(date) = raw.source.date.as_deref().filter(|d| !crate::content::is_valid_date(d)) {
        let said = Said::new("data-bad-source-date", &[("date", date)]);
        check.errors.push(check.err(&["source", "date"], said));
    }
    // Row lines are in the CSV when the values came from there.
    rows::check_rows(&rows, raw.measure, csv.unwrap_or(path), &mut check.errors);
    if !check.errors.is_empty() {
        return Err(check.errors);
    }
    let threshold =
        (raw.measure == Measure::Count).then(|| raw.suppress_below.unwrap_or(config.statistics.suppress_below));
    if raw.suppress_below == Some(0) {
        return Err(vec![check.err(&["suppress_below"], Said::new("data-suppress-below-zero", &[]))]);
    }
    if let (Some(t), Some(b)) = (threshold, baseline) {
        // A baseline is published beside the rows: a small count of people would say how
        // many there were (none is no one to protect).
        if b.value > 0.0 && b.value < f64::from(t) {
            let said = Said::new(
                "data-baseline-below-threshold",
                &[("value", &b.value.to_string()), ("threshold", &t.to_string())],
            );
            let hint = Said::new("data-baseline-below-threshold-hint", &[]);
            return Err(vec![check.err(&["baseline"], said).hint_said(hint)]);
        }
    }
    let mut rows = rows;
    if let Some(t) = threshold {
        let at = csv.unwrap_or(path);
        let errors = protect_counts(&mut rows, t, &breakdowns, baseline, (at, &check));
        if !errors.is_empty() {
            return Err(errors);
        }
    }
    Ok(Indicator {
        id: id.to_string(),
        path: path.to_path_buf(),
        yaml: src.to_string(),
        csv_path: csv.map(Path::to_path_buf),
        title: raw.title,
        description: raw.description,
        topic: raw.topic,
        unit: raw.unit,
        notes: raw.notes,
        measure: raw.measure,
        chart: raw.chart,
        source: Source { name: source_name, url: source_url, date: raw.source.date, licence },
        illustrative: raw.illustrative,
        weight: raw.weight,
        threshold,
        breakdowns,
        period_labels: raw.period_labels,
        rows,
        baseline,
        target,
    })
}

/// Disclosure control of a count indicator's rows (see `suppress`), and the errors that
/// stop it from being published: cells no withheld cell protects, breakdowns that do not
/// add up as declared, a baseline equal to a hidden total. `at` is the file of the rows.
fn protect_counts(
    rows: &mut [Row],
    t: u32,
    breakdowns: &[Breakdown],
    baseline: Option<Point>,
    (at, check): (&Path, &Check),
) -> Vec<Diagnostic> {
    let raw: Vec<f64> = rows.iter().map(|r| r.shown().unwrap_or(0.0)).collect();
    let rule = |dim: &str| breakdowns.iter().find(|b| b.id == dim).map(|b| b.adds_up).unwrap_or_default();
    let problems = suppress(rows, t, &rule);
    let mut errors: Vec<Diagnostic> = problems
        .iter()
        .map(|p| match p {
            suppress::Problem::Unprotected(i) => cannot_protect(&rows[*i], t, at),
            suppress::Problem::Mismatch(i, dim, sum) => does_not_add_up(&rows[*i], raw[*i], dim, *sum, at),
        })
        .collect();
    // A baseline equal to a total the rows hide would publish it.
    if let Some(b) = baseline {
        let gives_away = rows
            .iter()
            .zip(&raw)
            .any(|(r, &v)| r.hidden() && r.dims.is_empty() && period_year(&r.period) == Some(b.year) && v == b.value);
        if gives_away && errors.is_empty() {
            let said = Said::new(
                "data-baseline-gives-away",
                &[("value", &b.value.to_string()), ("year", &b.year.to_string())],
            );
            errors.push(check.err(&["baseline"], said));
        }
    }
    errors
}

/// A breakdown whose values break the rule it declares (`adds_up`).
fn does_not_add_up(total: &Row, value: f64, dim: &str, sum: f64, path: &Path) -> Diagnostic {
    let said = Said::new(
        "data-does-not-add-up",
        &[("dim", dim), ("period", &total.period), ("sum", &sum.to_string()), ("value", &value.to_string())],
    );
    Diagnostic::error_said(Code::Indicator, path, said)
        .at(Some(total.line), None)
        .hint_said(Said::new("data-does-not-add-up-hint", &[("dim", dim)]))
}

/// A hidden cell that every choice of withheld cells leaves narrowed.
fn cannot_protect(row: &Row, threshold: u32, path: &Path) -> Diagnostic {
    let what = row.dims.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", ");
    let threshold = threshold.to_string();
    let said = if what.is_empty() {
        Said::new("data-total-cannot-be-protected", &[("period", &row.period), ("threshold", &threshold)])
    } else {
        Said::new(
            "data-cell-cannot-be-protected",
            &[("period", &row.period), ("what", &what), ("threshold", &threshold)],
        )
    };
    Diagnostic::error_said(Code::Disclosure, path, said)
        .at(Some(row.line), None)
        .hint_said(Said::new("data-cannot-be-protected-hint", &[]))
}

fn per_language(text: Text, config: &Config) -> Localized {
    match text {
        Text::Same(s) => config.languages.iter().map(|l| (l.clone(), s.clone())).collect(),
        Text::PerLanguage(m) => m,
    }
}

/// The checks of one indicator file, each error at the line of its key.
struct Check<'a> {
    src: &'a str,
    path: &'a Path,
    config: &'a Config,
    errors: Vec<Diagnostic>,
}

impl Check<'_> {
    fn err(&self, keys: &[&str], said: Said) -> Diagnostic {
        Diagnostic::error_said(Code::Indicator, self.path, said).at(yaml::locate(self.src, keys, 1), None)
    }

    /// Text in every language of the site (when `required`, or when any is given).
    fn localized(&mut self, map: &Localized, keys: &[&str], required: bool) {
        if map.is_empty() && !required {
            return;
        }
        for lang in &self.config.languages {
            if map.get(lang).is_none_or(|s| s.trim().is_empty()) {
                let said = Said::new("data-no-text-for-language", &[("key", &keys.join(".")), ("lang", lang)]);
                let e = self.err(keys, said);
                self.errors.push(e);
            }
        }
    }

    fn breakdowns(&mut self, raw: &Mapping) -> Vec<Breakdown> {
        let mut breakdowns = Vec::new();
        for (key, value) in raw {
            let Some(bid) = key.as_str() else { continue };
            let b: RawBreakdown = match yaml::from_value(value.clone()) {
                Ok(b) => b,
                Err(e) => {
                    let said = Said::new("data-bad-breakdown", &[("id", bid), ("error", &e.to_string())]);
                    let e = self.err(&["breakdowns", bid], said);
                    self.errors.push(e);
                    continue;
                }
            };
            self.localized(&b.name, &["breakdowns", bid, "name"], true);
            let mut values = Vec::new();
            for (k, labels) in &b.values {
                let k = rows::scalar(k);
                match yaml::from_value::<Localized>(labels.clone()) {
                    Ok(labels) => {
                        self.localized(&labels, &["breakdowns", bid, "values", &k], true);
                        values.push((k, labels));
                    }
                    Err(_) => {
                        let said = Said::new("data-value-needs-labels", &[("key", &k), ("id", bid)]);
                        let e = self.err(&["breakdowns", bid, "values", &k], said);
                        self.errors.push(e);
                    }
                }
            }
            breakdowns.push(Breakdown { id: bid.to_string(), name: b.name, values, adds_up: b.adds_up });
        }
        breakdowns
    }

    fn target_and_baseline(
        &mut self,
        target: Option<RawTarget>,
        baseline: Option<RawPoint>,
        measure: Measure,
    ) -> (Option<Target>, Option<Point>) {
        for (key, value) in
            [("target", target.as_ref().map(|t| t.value)), ("baseline", baseline.as_ref().map(|b| b.value))]
        {
            if let Some(Err(out)) = value.map(|v| rows::in_range(measure, v)) {
                let e = self.err(&[key, "value"], out.said("data-key-out-of-range", &[("key", key)]));
                self.errors.push(e);
            }
        }
        let target = match target {
            Some(RawTarget { year: None, .. }) => {
                let e = self.err(&["target"], Said::new("data-target-without-year", &[]));
                self.errors.push(e);
                None
            }
            Some(RawTarget { value, year: Some(year), direction }) => Some(Target { value, year, direction }),
            None => None,
        };
        let baseline = match baseline {
            Some(RawPoint { year: None, .. }) => {
                let e = self.err(&["baseline"], Said::new("data-baseline-without-year", &[]));
                self.errors.push(e);
                None
            }
            Some(RawPoint { value, year: Some(year) }) => Some(Point { value, year }),
            None => None,
        };
        (target, baseline)
    }

    /// The rows, from `series` or the CSV file (not both), at most `MAX_ROWS`.
    fn rows(&mut self, series: &[Mapping], csv: Option<&Path>, breakdowns: &[Breakdown]) -> Vec<Row> {
        let (src, path) = (self.src, self.path);
        let rows = match (csv, series.is_empty()) {
            (Some(csv), true) => rows::read_csv(csv, breakdowns, &mut self.errors),
            (Some(csv), false) => {
                let said = Said::new("data-series-and-csv", &[("csv", &csv.display().to_string())]);
                self.errors.push(
                    Diagnostic::error_said(Code::Indicator, path, said).at(yaml::locate(src, &["series"], 1), None),
                );
                Vec::new()
            }
            (None, _) => rows::series_rows(src, series, breakdowns, path, &mut self.errors),
        };
        if rows.is_empty() && self.errors.is_empty() {
            let e = self.err(&["series"], Said::new("data-no-values", &[]));
            self.errors.push(e);
        }
        if rows.len() > MAX_ROWS {
            self.errors.push(
                Diagnostic::error_said(
                    Code::Indicator,
                    csv.unwrap_or(path),
                    Said::new("data-too-many-rows", &[("max", &MAX_ROWS.to_string())]),
                )
                .hint_said(Said::new("data-too-many-rows-hint", &[])),
            );
        }
        rows
    }
}

/// Finds an indicator by id.
pub(crate) fn find<'a>(indicators: &'a [Indicator], id: &str) -> Option<&'a Indicator> {
    indicators.iter().find(|i| i.id == id)
}

#[cfg(test)]
mod tests;
