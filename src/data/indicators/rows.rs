//! Rows of values, from `series` in the YAML or from the CSV file beside it: each checked
//! (period, value, known breakdown values) with its line, and the whole set checked for
//! repeated periods and values out of range.

use super::{Breakdown, Cell, Measure, Row, MAX_ROWS};
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::yaml::{self, Value as Yaml};
use std::collections::BTreeMap;
use std::path::Path;

pub(super) fn scalar(v: &Yaml) -> String {
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
    let at = |said: Said| Diagnostic::error_said(Code::Indicator, path, said).at(Some(line), None);
    let mut period = None;
    let mut value = None;
    let mut dims = BTreeMap::new();
    let mut ok = true;
    for (key, text) in fields {
        match key.as_str() {
            "period" => period = Some(normalize_period(text)),
            "value" => match parse_number(text) {
                Some(v) => value = Some(v),
                None => {
                    errors.push(
                        at(Said::new("data-not-a-number", &[("text", text)]))
                            .hint_said(Said::new("data-not-a-number-hint", &[])),
                    );
                    ok = false;
                }
            },
            "" => {}
            dim => match breakdowns.iter().find(|b| b.id == dim) {
                None => {
                    errors.push(at(Said::new("data-unknown-column", &[("column", dim)])));
                    ok = false;
                }
                Some(_) if text.is_empty() => {}
                Some(b) if !b.values.iter().any(|(k, _)| k == text) => {
                    errors.push(
                        at(Said::new("data-unknown-breakdown-value", &[("text", text), ("dim", dim)]))
                            .hint_said(Said::new("data-unknown-breakdown-value-hint", &[("dim", dim)])),
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
        errors.push(at(Said::new("data-row-without-period", &[])));
        return None;
    };
    let Some(value) = value else {
        if ok {
            errors.push(at(Said::new("data-row-without-value", &[])));
        }
        return None;
    };
    ok.then_some(Row { period, dims, cell: Cell::Shown(value), line })
}

/// The rows of `series` in the YAML, each at the line of its item.
pub(super) fn series_rows(
    src: &str,
    series: &[yaml::Mapping],
    breakdowns: &[Breakdown],
    path: &Path,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Row> {
    let lines = yaml::item_lines(src, "series");
    let mut rows = Vec::new();
    for (n, item) in series.iter().enumerate() {
        let line = lines.get(n).copied().unwrap_or(1);
        let fields: Vec<(String, String)> = item.iter().map(|(k, v)| (scalar(k), scalar(v))).collect();
        if let Some(row) = make_row(&fields, line, breakdowns, path, errors) {
            rows.push(row);
        }
    }
    rows
}

fn parse_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

pub(super) fn read_csv(path: &Path, breakdowns: &[Breakdown], errors: &mut Vec<Diagnostic>) -> Vec<Row> {
    let text = match crate::text::read_utf8(path)
        .and_then(|t| crate::sources::nul_free(t.as_bytes(), path, Code::Indicator).map(|_| t))
    {
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
                Diagnostic::error_said(
                    Code::Indicator,
                    path,
                    Said::new("data-csv-bad-header", &[("error", &e.to_string())]),
                )
                .at(Some(1), None),
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
                    Diagnostic::error_said(
                        Code::Indicator,
                        path,
                        Said::new("data-csv-bad-row", &[("error", &e.to_string())]),
                    )
                    .at(line, None),
                );
            }
        }
        if rows.len() > MAX_ROWS {
            break;
        }
    }
    rows
}

pub(super) fn check_rows(rows: &[Row], measure: Measure, path: &Path, errors: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(&str, &BTreeMap<String, String>), usize> = BTreeMap::new();
    for row in rows {
        let value = row.shown().unwrap_or(0.0);
        if let Some(first) = seen.insert((&row.period, &row.dims), row.line) {
            let first = first.to_string();
            let said = if row.dims.is_empty() {
                Said::new("data-period-twice", &[("period", &row.period), ("first", &first)])
            } else {
                let what = row.dims.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", ");
                Said::new("data-cell-twice", &[("period", &row.period), ("what", &what), ("first", &first)])
            };
            errors.push(Diagnostic::error_said(Code::Indicator, path, said).at(Some(row.line), None));
        }
        if let Err(out) = in_range(measure, value) {
            errors.push(
                Diagnostic::error_said(Code::Indicator, path, out.said("data-out-of-range", &[]))
                    .at(Some(row.line), None),
            );
        }
    }
}

/// A value its measure cannot have, and why (`$why` of the `data-out-of-range` message).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OutOfRange {
    why: &'static str,
    value: f64,
}

impl OutOfRange {
    /// Message `id`, which says `data-out-of-range` after its own `extra` values.
    pub(crate) fn said(&self, id: &'static str, extra: &[(&'static str, &str)]) -> Said {
        let mut said = Said::new(id, extra);
        said.args.push(("why", self.why.to_string()));
        said.args.push(("value", self.value.to_string()));
        said
    }
}

/// Whether a value fits its measure: a share from 0 to 100, a count of whole people.
pub(crate) fn in_range(measure: Measure, value: f64) -> Result<(), OutOfRange> {
    let why = if !value.is_finite() {
        "not-a-number"
    } else {
        match measure {
            Measure::Percent if !(0.0..=100.0).contains(&value) => "percent",
            Measure::Count if value < 0.0 => "negative",
            Measure::Count if value.fract() != 0.0 => "fraction",
            Measure::Count if value > 1e12 => "too-many",
            Measure::Number if value.abs() > 1e15 => "too-large",
            _ => return Ok(()),
        }
    };
    Err(OutOfRange { why, value })
}

/// A period as one text however it was typed: compatibility forms folded (full-width
/// digits), invisible characters dropped (zero-width spaces, soft hyphens), spaces trimmed,
/// and `2023.0` read as `2023`. Two spellings of one period must not publish twice: the
/// difference of their totals would give a hidden count away.
pub(super) fn normalize_period(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let invisible = |c: &char| matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
    let folded: String = text.nfkc().filter(|c| !invisible(c)).collect();
    let trimmed = folded.trim();
    match trimmed.strip_suffix(".0").filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
        Some(whole) => whole.to_string(),
        None => trimmed.to_string(),
    }
}
