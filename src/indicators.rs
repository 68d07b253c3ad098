//! Indicator data: one YAML file per indicator in `data/indicators/` (values may instead
//! come from a CSV file of the same name beside it). Parses, validates with file and line,
//! and applies victim-safe suppression of small counts before anything is rendered, so no
//! later stage (chart, table, CSV, embed) can publish a hidden value by mistake.

use crate::config::{Config, Localized};
use crate::diagnostics::Diagnostic;
use crate::yaml;
use crate::yaml::{Mapping, Value as Yaml};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Rows beyond this are refused with a message rather than slowing every build.
pub const MAX_ROWS: usize = 50_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Counts of people: small values are suppressed.
    Count,
    /// Shares from 0 to 100.
    Percent,
    Number,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    Line,
    Bar,
    StackedBar,
    HorizontalBar,
    Progress,
}

impl ChartKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Bar => "bar",
            ChartKind::StackedBar => "stacked-bar",
            ChartKind::HorizontalBar => "horizontal-bar",
            ChartKind::Progress => "progress",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// Text that is either the same in every language or given per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Text {
    Same(String),
    PerLanguage(Localized),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    title: Localized,
    #[serde(default)]
    description: Localized,
    topic: Localized,
    unit: Localized,
    measure: Measure,
    chart: ChartKind,
    source: RawSource,
    #[serde(default)]
    notes: Localized,
    #[serde(default)]
    illustrative: bool,
    /// Order on the index page (lower first); ties by id.
    #[serde(default)]
    weight: i64,
    suppress_below: Option<f64>,
    /// Words for periods that are not plain years: `{ "2017-2021": { es: "2017 a 2021", en: "2017 to 2021" } }`.
    #[serde(default)]
    period_labels: BTreeMap<String, Localized>,
    #[serde(default)]
    breakdowns: Mapping,
    #[serde(default)]
    series: Vec<Mapping>,
    baseline: Option<RawPoint>,
    target: Option<RawTarget>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: Text,
    url: Option<String>,
    date: Option<String>,
    licence: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    value: f64,
    year: Option<i32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    value: f64,
    year: Option<i32>,
    #[serde(default = "up")]
    direction: Direction,
}

fn up() -> Direction {
    Direction::Up
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBreakdown {
    name: Localized,
    values: Mapping,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub name: Localized,
    pub url: Option<String>,
    pub date: Option<String>,
    /// Terms of reuse, when the source states them.
    pub licence: Localized,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    pub id: String,
    pub name: Localized,
    /// In the order the file gives them: (key, label per language).
    pub values: Vec<(String, Localized)>,
}

impl Breakdown {
    pub fn label(&self, key: &str, lang: &str) -> String {
        self.values
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, l)| l.get(lang))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub period: String,
    /// Breakdown id -> value key. Empty for a total.
    pub dims: BTreeMap<String, String>,
    pub value: f64,
    /// A small count (or the cell that would reveal one) that is never published exactly.
    pub suppressed: bool,
    pub line: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub value: f64,
    pub year: i32,
}

#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub value: f64,
    pub year: i32,
    pub direction: Direction,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    /// From the file name: `victimas-por-sexo.yaml` is `victimas-por-sexo`.
    pub id: String,
    pub path: PathBuf,
    /// The YAML text, published as the indicator's YAML download.
    pub yaml: String,
    pub csv_path: Option<PathBuf>,
    pub title: Localized,
    pub description: Localized,
    pub topic: Localized,
    pub unit: Localized,
    pub notes: Localized,
    pub measure: Measure,
    pub chart: ChartKind,
    pub source: Source,
    pub illustrative: bool,
    pub weight: i64,
    /// Counts below this are shown as "fewer than N"; `None` for shares and other numbers.
    pub threshold: Option<f64>,
    pub breakdowns: Vec<Breakdown>,
    pub period_labels: BTreeMap<String, Localized>,
    pub rows: Vec<Row>,
    pub baseline: Option<Point>,
    pub target: Option<Target>,
}

impl Indicator {
    /// Periods in the order they first appear.
    pub fn periods(&self) -> Vec<&str> {
        let mut seen = BTreeSet::new();
        self.rows.iter().filter(|r| seen.insert(r.period.as_str())).map(|r| r.period.as_str()).collect()
    }

    /// A period as shown in `lang`: its label from `period_labels`, or the period itself.
    pub fn period_label(&self, period: &str, lang: &str) -> String {
        self.period_labels.get(period).and_then(|l| l.get(lang)).cloned().unwrap_or_else(|| period.to_string())
    }

    /// The breakdown a chart splits by: the first one the rows use.
    pub fn main_breakdown(&self) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| self.rows.iter().any(|r| r.dims.contains_key(&b.id)))
    }

    /// Rows without any breakdown: totals per period.
    pub fn totals(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.dims.is_empty())
    }
}

/// Loads every `data/indicators/*.yaml`, sorted by id.
pub fn load_all(root: &Path, config: &Config) -> (Vec<Indicator>, Vec<Diagnostic>) {
    let dir = root.join("data").join("indicators");
    let mut out = Vec::new();
    let mut diags = Vec::new();
    if !dir.is_dir() {
        return (out, diags);
    }
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return (out, vec![Diagnostic::error("io", &dir, format!("cannot read: {e}"))]),
    };
    files.sort();
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "csv" {
            if !path.with_extension("yaml").is_file() {
                diags.push(Diagnostic::error(
                    "indicator",
                    &path,
                    "this CSV file has no YAML file of the same name beside it",
                ));
            }
            continue;
        }
        if ext != "yaml" && ext != "yml" {
            continue;
        }
        if ext == "yml" && path.with_extension("yaml").is_file() {
            diags.push(
                Diagnostic::error(
                    "duplicate-indicator",
                    &path,
                    format!(
                        "{} and {} give the same indicator id",
                        path.file_name().unwrap_or_default().to_string_lossy(),
                        path.with_extension("yaml").file_name().unwrap_or_default().to_string_lossy()
                    ),
                )
                .hint("keep one of the two files"),
            );
            continue;
        }
        let src = match crate::content::read_utf8(&path) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let csv = path.with_extension("csv");
        let csv = csv.is_file().then_some(csv);
        match parse(&id, &src, &path, csv.as_deref(), config) {
            Ok(ind) => out.push(ind),
            Err(ds) => diags.extend(ds),
        }
    }
    out.sort_by(|a: &Indicator, b: &Indicator| (a.weight, &a.id).cmp(&(b.weight, &b.id)));
    (out, diags)
}

/// Parses and validates one indicator; `csv` is the CSV file beside it, if any.
pub fn parse(
    id: &str,
    src: &str,
    path: &Path,
    csv: Option<&Path>,
    config: &Config,
) -> Result<Indicator, Vec<Diagnostic>> {
    let raw: RawIndicator = yaml::parse(src, path, 1, "indicator").map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    let err =
        |keys: &[&str], msg: String| Diagnostic::error("indicator", path, msg).at(yaml::locate(src, keys, 1), None);
    if crate::slug::slugify(id) != id {
        errors.push(
            Diagnostic::error(
                "indicator",
                path,
                format!("`{id}` cannot be an indicator id: use lowercase letters, digits and hyphens"),
            )
            .hint("the file name is the id and part of the indicator's URL, e.g. victimas-por-anio.yaml"),
        );
    }
    let localized = |errors: &mut Vec<Diagnostic>, map: &Localized, keys: &[&str], required: bool| {
        if map.is_empty() && !required {
            return;
        }
        for lang in &config.languages {
            if map.get(lang).is_none_or(|s| s.trim().is_empty()) {
                errors.push(err(keys, format!("`{}` has no text for language `{lang}`", keys.join("."))));
            }
        }
    };
    localized(&mut errors, &raw.title, &["title"], true);
    localized(&mut errors, &raw.description, &["description"], false);
    localized(&mut errors, &raw.topic, &["topic"], true);
    localized(&mut errors, &raw.unit, &["unit"], true);
    localized(&mut errors, &raw.notes, &["notes"], false);
    let source_name = match raw.source.name {
        Text::Same(s) => config.languages.iter().map(|l| (l.clone(), s.clone())).collect(),
        Text::PerLanguage(m) => m,
    };
    localized(&mut errors, &source_name, &["source", "name"], true);
    for (period, labels) in &raw.period_labels {
        localized(&mut errors, labels, &["period_labels", period], true);
    }
    let licence: Localized = match raw.source.licence {
        Some(Text::Same(s)) => config.languages.iter().map(|l| (l.clone(), s.clone())).collect(),
        Some(Text::PerLanguage(m)) => m,
        None => Localized::new(),
    };
    localized(&mut errors, &licence, &["source", "licence"], false);

    let mut breakdowns = Vec::new();
    for (key, value) in &raw.breakdowns {
        let Some(bid) = key.as_str() else { continue };
        let b: RawBreakdown = match yaml::from_value(value.clone()) {
            Ok(b) => b,
            Err(e) => {
                errors.push(err(&["breakdowns", bid], format!("breakdown `{bid}`: {e}")));
                continue;
            }
        };
        localized(&mut errors, &b.name, &["breakdowns", bid, "name"], true);
        let mut values = Vec::new();
        for (k, labels) in &b.values {
            let k = scalar(k);
            match yaml::from_value::<Localized>(labels.clone()) {
                Ok(labels) => {
                    localized(&mut errors, &labels, &["breakdowns", bid, "values", &k], true);
                    values.push((k, labels));
                }
                Err(_) => errors.push(err(&["breakdowns", bid, "values", &k], format!("the value `{k}` of breakdown `{bid}` needs a label per language, like {{ es: Mujeres, en: Women }}"))),
            }
        }
        breakdowns.push(Breakdown { id: bid.to_string(), name: b.name, values });
    }

    let target = match raw.target {
        Some(RawTarget { year: None, .. }) => {
            errors.push(err(&["target"], "the target has no `year`: say by when it should be reached".into()));
            None
        }
        Some(RawTarget { value, year: Some(year), direction }) => Some(Target { value, year, direction }),
        None => None,
    };
    let baseline = match raw.baseline {
        Some(RawPoint { year: None, .. }) => {
            errors.push(err(&["baseline"], "the baseline has no `year`".into()));
            None
        }
        Some(RawPoint { value, year: Some(year) }) => Some(Point { value, year }),
        None => None,
    };

    let rows = match (csv, raw.series.is_empty()) {
        (Some(csv), true) => read_csv(csv, &breakdowns, &mut errors),
        (Some(csv), false) => {
            errors.push(
                Diagnostic::error(
                    "indicator",
                    path,
                    format!("values are given both in `series` and in {}; keep one", csv.display()),
                )
                .at(yaml::locate(src, &["series"], 1), None),
            );
            Vec::new()
        }
        (None, _) => {
            let lines = yaml::item_lines(src, "series");
            let mut rows = Vec::new();
            for (n, item) in raw.series.iter().enumerate() {
                let line = lines.get(n).copied().unwrap_or(1);
                let fields: Vec<(String, String)> = item.iter().map(|(k, v)| (scalar(k), scalar(v))).collect();
                if let Some(row) = make_row(&fields, line, &breakdowns, path, &mut errors) {
                    rows.push(row);
                }
            }
            rows
        }
    };
    if rows.is_empty() && errors.is_empty() {
        errors.push(err(&["series"], "the indicator has no values: add `series` rows or a CSV file beside it".into()));
    }
    if rows.len() > MAX_ROWS {
        errors.push(
            Diagnostic::error(
                "indicator",
                csv.unwrap_or(path),
                format!("more than {MAX_ROWS} rows: an indicator may have at most {MAX_ROWS}"),
            )
            .hint("publish a summary (per year, per region) rather than individual records"),
        );
    }
    if let Some(date) = raw.source.date.as_deref().filter(|d| !crate::content::is_valid_date(d)) {
        errors.push(err(&["source", "date"], format!("`source.date` must be a date written YYYY-MM-DD, not `{date}`")));
    }
    // Row lines are in the CSV when the values came from there.
    check_rows(&rows, raw.measure, csv.unwrap_or(path), &mut errors);

    if !errors.is_empty() {
        return Err(errors);
    }
    let threshold = (raw.measure == Measure::Count)
        .then(|| raw.suppress_below.unwrap_or(config.statistics.suppress_below))
        .filter(|t| *t > 0.0);
    let mut rows = rows;
    if let Some(t) = threshold {
        suppress(&mut rows, t);
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
        source: Source { name: source_name, url: raw.source.url, date: raw.source.date, licence },
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

fn scalar(v: &Yaml) -> String {
    match v {
        Yaml::String(s) => s.clone(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Null => String::new(),
        other => yaml::to_string(other).trim().to_string(),
    }
}

/// One row from `(column, text)` pairs: `period`, `value` and breakdown columns.
fn make_row(
    fields: &[(String, String)],
    line: usize,
    breakdowns: &[Breakdown],
    path: &Path,
    errors: &mut Vec<Diagnostic>,
) -> Option<Row> {
    let at = |msg: String| Diagnostic::error("indicator", path, msg).at(Some(line), None);
    let mut period = None;
    let mut value = None;
    let mut dims = BTreeMap::new();
    let mut ok = true;
    for (key, text) in fields {
        match key.as_str() {
            "period" => period = Some(text.clone()),
            "value" => match parse_number(text) {
                Some(v) => value = Some(v),
                None => {
                    errors.push(
                        at(format!("`{text}` is not a number"))
                            .hint("write numbers with digits and a decimal point, without units: 79.6, not 79,6 %"),
                    );
                    ok = false;
                }
            },
            "" => {}
            dim => match breakdowns.iter().find(|b| b.id == dim) {
                None => {
                    errors.push(at(format!(
                        "`{dim}` is neither `period`, `value` nor a breakdown declared under `breakdowns`"
                    )));
                    ok = false;
                }
                Some(_) if text.is_empty() => {}
                Some(b) if !b.values.iter().any(|(k, _)| k == text) => {
                    errors.push(
                        at(format!("`{text}` is not a value of breakdown `{dim}`, so it has no label"))
                            .hint(format!("add it under breakdowns.{dim}.values with a label per language")),
                    );
                    ok = false;
                }
                Some(_) => {
                    dims.insert(dim.to_string(), text.clone());
                }
            },
        }
    }
    let Some(period) = period.filter(|p| !p.is_empty()) else {
        errors.push(at("this row has no `period`".into()));
        return None;
    };
    let Some(value) = value else {
        if ok {
            errors.push(at("this row has no `value`".into()));
        }
        return None;
    };
    ok.then_some(Row { period, dims, value, suppressed: false, line })
}

fn parse_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

fn read_csv(path: &Path, breakdowns: &[Breakdown], errors: &mut Vec<Diagnostic>) -> Vec<Row> {
    let text = match crate::content::read_utf8(path) {
        Ok(t) => t,
        Err(d) => {
            errors.push(d);
            return Vec::new();
        }
    };
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            errors.push(
                Diagnostic::error("indicator", path, format!("cannot read the CSV header: {e}")).at(Some(1), None),
            );
            return Vec::new();
        }
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(rec) => {
                let line = rec.position().map_or(1, |p| p.line() as usize);
                let fields: Vec<(String, String)> =
                    headers.iter().cloned().zip(rec.iter().map(str::to_string)).collect();
                if let Some(row) = make_row(&fields, line, breakdowns, path, errors) {
                    rows.push(row);
                }
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                errors.push(
                    Diagnostic::error("indicator", path, format!("cannot read this CSV row: {e}")).at(line, None),
                );
            }
        }
        if rows.len() > MAX_ROWS {
            break;
        }
    }
    rows
}

fn check_rows(rows: &[Row], measure: Measure, path: &Path, errors: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(&str, &BTreeMap<String, String>), usize> = BTreeMap::new();
    for row in rows {
        if let Some(first) = seen.insert((&row.period, &row.dims), row.line) {
            let what = if row.dims.is_empty() {
                String::new()
            } else {
                format!(" ({})", row.dims.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", "))
            };
            errors.push(
                Diagnostic::error(
                    "indicator",
                    path,
                    format!("period `{}`{what} is given twice (first on line {first})", row.period),
                )
                .at(Some(row.line), None),
            );
        }
        if measure == Measure::Percent && !(0.0..=100.0).contains(&row.value) {
            errors.push(
                Diagnostic::error("indicator", path, format!("{} is not a percentage between 0 and 100", row.value))
                    .at(Some(row.line), None),
            );
        }
        if measure == Measure::Count && row.value < 0.0 {
            errors.push(
                Diagnostic::error("indicator", path, format!("{} people cannot be a count", row.value))
                    .at(Some(row.line), None),
            );
        }
    }
}

/// Hides counts below `threshold`, then, wherever a total is published, hides a second cell
/// of the same breakdown so the first cannot be worked out by subtraction.
pub fn suppress(rows: &mut [Row], threshold: f64) {
    for row in rows.iter_mut() {
        row.suppressed = row.value < threshold;
    }
    loop {
        let mut changed = false;
        let dims: BTreeSet<String> = rows.iter().flat_map(|r| r.dims.keys().cloned()).collect();
        for dim in &dims {
            // Groups: same period and same other dimensions, differing only in `dim`.
            let mut groups: BTreeMap<(String, BTreeMap<String, String>), Vec<usize>> = BTreeMap::new();
            for (i, r) in rows.iter().enumerate() {
                if r.dims.contains_key(dim) {
                    let mut rest = r.dims.clone();
                    rest.remove(dim);
                    groups.entry((r.period.clone(), rest)).or_default().push(i);
                }
            }
            for ((period, rest), cells) in groups {
                let has_total = rows.iter().any(|r| r.period == period && r.dims == rest);
                let hidden = cells.iter().filter(|&&i| rows[i].suppressed).count();
                if has_total && hidden == 1 {
                    let next = cells
                        .iter()
                        .copied()
                        .filter(|&i| !rows[i].suppressed)
                        .min_by(|&a, &b| rows[a].value.total_cmp(&rows[b].value));
                    if let Some(i) = next {
                        rows[i].suppressed = true;
                        changed = true;
                    } else if let Some(total) = rows.iter_mut().find(|r| r.period == period && r.dims == rest) {
                        // A single hidden cell equal to the total: hide the total as well.
                        if !total.suppressed {
                            total.suppressed = true;
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Numbers in the language's conventions, from the theme strings `decimal_separator`,
/// `thousands_separator` and `thousands_min_digits` (Spanish writes 2875 but 10 000).
pub struct NumberFormat {
    pub decimal: String,
    pub thousands: String,
    pub min_digits: usize,
}

impl NumberFormat {
    pub fn from_strings(s: &crate::i18n::Strings) -> NumberFormat {
        NumberFormat {
            decimal: s.text("decimal_separator").unwrap_or(".").to_string(),
            thousands: s.text("thousands_separator").unwrap_or(",").to_string(),
            min_digits: s.text("thousands_min_digits").and_then(|d| d.parse().ok()).unwrap_or(4),
        }
    }

    /// At most `decimals` decimals, trailing zeros dropped.
    pub fn format(&self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let frac = frac.trim_end_matches('0');
        let mut grouped = String::new();
        if int.len() >= self.min_digits {
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    grouped.push_str(&self.thousands);
                }
                grouped.push(c);
            }
        } else {
            grouped.push_str(int);
        }
        let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
        if frac.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{}{frac}", self.decimal)
        }
    }
}

/// The YAML as published for download: the source file, with every suppressed value
/// replaced by `"<N"` so the download hides what the page hides.
pub fn published_yaml(ind: &Indicator) -> String {
    let Some(threshold) = ind.threshold else { return ind.yaml.clone() };
    if ind.csv_path.is_some() || !ind.rows.iter().any(|r| r.suppressed) {
        return ind.yaml.clone();
    }
    let mut lines: Vec<String> = ind.yaml.lines().map(str::to_string).collect();
    let item_lines = yaml::item_lines(&ind.yaml, "series");
    for row in ind.rows.iter().filter(|r| r.suppressed) {
        // The value sits on the row's line (flow style) or on a following line of the item.
        let end = item_lines.iter().find(|&&l| l > row.line).copied().unwrap_or(lines.len() + 1);
        for line in lines.iter_mut().take(end - 1).skip(row.line - 1) {
            if let Some(i) = line.find("value:") {
                let rest = &line[i + 6..];
                let len = rest.find([',', '}', '#']).unwrap_or(rest.len());
                *line = format!("{}value: \"<{threshold}\" {}", &line[..i], &rest[len..]);
                break;
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Finds an indicator by id.
pub fn find<'a>(indicators: &'a [Indicator], id: &str) -> Option<&'a Indicator> {
    indicators.iter().find(|i| i.id == id)
}

/// Text for `lang`, or the first language's text.
pub fn text<'a>(map: &'a Localized, lang: &str) -> &'a str {
    map.get(lang).or_else(|| map.values().next()).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        crate::config::test_config()
    }

    const GOOD: &str = "title: { es: Víctimas, en: Victims }
topic: { es: Víctimas, en: Victims }
unit: { es: personas, en: people }
measure: count
chart: bar
source: { name: MIMP, url: \"https://www.gob.pe/mimp\", date: \"2022-06-17\" }
breakdowns:
  sex:
    name: { es: Sexo, en: Sex }
    values:
      women: { es: Mujeres, en: Women }
      men: { es: Hombres, en: Men }
series:
  - { period: 2021, value: 100 }
  - { period: 2021, sex: women, value: 97 }
  - { period: 2021, sex: men, value: 3 }
";

    fn errors(src: &str) -> Vec<Diagnostic> {
        parse("x", src, Path::new("data/indicators/x.yaml"), None, &config()).unwrap_err()
    }

    #[test]
    fn parses_rows_with_their_lines() {
        let ind = parse("x", GOOD, Path::new("x.yaml"), None, &config()).unwrap();
        assert_eq!(ind.rows.len(), 3);
        assert_eq!(ind.rows[1].line, 15);
        assert_eq!(ind.rows[1].dims.get("sex").map(String::as_str), Some("women"));
        assert_eq!(ind.threshold, Some(5.0));
    }

    #[test]
    fn a_small_count_and_a_second_cell_are_suppressed_when_a_total_is_shown() {
        let ind = parse("x", GOOD, Path::new("x.yaml"), None, &config()).unwrap();
        let hidden: Vec<bool> = ind.rows.iter().map(|r| r.suppressed).collect();
        // 3 men is below 5; with the total of 100 shown, women (97) would give it away.
        assert_eq!(hidden, [false, true, true]);
    }

    #[test]
    fn without_a_total_only_the_small_cell_is_hidden() {
        let src = GOOD.replace("  - { period: 2021, value: 100 }\n", "");
        let ind = parse("x", &src, Path::new("x.yaml"), None, &config()).unwrap();
        assert_eq!(ind.rows.iter().map(|r| r.suppressed).collect::<Vec<_>>(), [false, true]);
    }

    #[test]
    fn validation_errors_name_the_line() {
        let e = errors(&GOOD.replace("value: 97", "value: mucho"));
        assert_eq!((e[0].line, e[0].message.as_str()), (Some(15), "`mucho` is not a number"));
        let e = errors(&GOOD.replace("sex: men, value: 3", "sex: women, value: 3"));
        assert!(e[0].message.contains("given twice (first on line 15)"), "{}", e[0].message);
        assert_eq!(e[0].line, Some(16));
        let e = errors(&GOOD.replace("sex: men", "sex: other"));
        assert!(e[0].message.contains("`other` is not a value of breakdown `sex`"), "{}", e[0].message);
        let e = errors(&GOOD.replace("measure: count", "measure: percent").replace("value: 100", "value: 101"));
        assert_eq!((e[0].line, e[0].message.as_str()), (Some(14), "101 is not a percentage between 0 and 100"));
        let e = errors(&GOOD.replace("men: { es: Hombres, en: Men }", "men: { es: Hombres }"));
        assert_eq!(e[0].line, Some(12));
        assert!(e[0].message.contains("language `en`"), "{}", e[0].message);
        let e = errors(&format!("{GOOD}target: {{ value: 100 }}\n"));
        assert!(e[0].message.contains("no `year`"), "{}", e[0].message);
        assert_eq!(e[0].line, Some(17));
        let e = errors(&format!("{GOOD}colour: red\n"));
        assert!(e[0].message.contains("unknown field `colour`"), "{}", e[0].message);
        assert_eq!(e[0].line, Some(17));
    }

    #[test]
    fn formats_numbers_by_language() {
        let es = NumberFormat { decimal: ",".into(), thousands: "\u{a0}".into(), min_digits: 5 };
        let en = NumberFormat { decimal: ".".into(), thousands: ",".into(), min_digits: 4 };
        assert_eq!(es.format(2875.0, 1), "2875");
        assert_eq!(es.format(8842.0, 0), "8842");
        assert_eq!(es.format(12345.6, 1), "12\u{a0}345,6");
        assert_eq!(es.format(79.6, 1), "79,6");
        assert_eq!(en.format(2875.0, 1), "2,875");
        assert_eq!(en.format(1234567.25, 2), "1,234,567.25");
        assert_eq!(en.format(-0.04, 1), "0");
    }
}
