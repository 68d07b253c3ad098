//! The words of a chart: values as a reader sees them (with units, "fewer than 5" for a
//! hidden count) and the plain-language summary that is the chart's description, computed
//! from the data in the page's language. Every sentence comes from a theme string, filled
//! by `i18n::fill` (which never prints "..") and picked by plural rule where it counts.

use super::layout::Periods;
use super::{split, Split};
use crate::data::indicators::{Breakdown, Cell, Direction, Indicator, Measure, Row};
use crate::i18n::{fill, NumberFormat, Strings};

/// Words the chart needs, in the page's language.
pub(crate) struct Words<'a> {
    pub(crate) fmt: &'a NumberFormat,
    pub(crate) lang: &'a str,
    strings: &'a Strings,
    /// "fewer than {n}"
    pub(crate) fewer_than: &'a str,
    /// "withheld": a count hidden so that a small one cannot be worked out.
    pub(crate) withheld: &'a str,
    /// "target {year}"
    pub(crate) target: &'a str,
    /// "{n} %" or "{n}%"
    pub(crate) percent: &'a str,
    /// Stamped on charts of illustrative data, so a copied SVG still says so.
    pub(crate) illustrative: &'a str,
}

impl<'a> Words<'a> {
    /// The words of `lang` from its theme strings (a missing string reads as its key).
    pub(crate) fn new(fmt: &'a NumberFormat, lang: &'a str, strings: &'a Strings) -> Words<'a> {
        let t = |key: &'static str| strings.text(key).unwrap_or(key);
        Words {
            fmt,
            lang,
            strings,
            fewer_than: t("fewer_than"),
            withheld: t("withheld"),
            target: t("target_label"),
            percent: t("percent_format"),
            illustrative: t("chart_illustrative"),
        }
    }

    /// A theme string, or its key when the theme lacks it.
    pub(crate) fn t<'k>(&self, key: &'k str) -> &'k str
    where
        'a: 'k,
    {
        self.strings.text(key).unwrap_or(key)
    }

    /// A theme string in the plural form for `n`.
    pub(crate) fn tn<'k>(&self, key: &'k str, n: f64) -> &'k str
    where
        'a: 'k,
    {
        self.strings.plural(self.lang, key, n).unwrap_or(key)
    }

    /// "by sex": the breakdown's name in the theme's `chart_by`, with its first letter
    /// lowercased as `{name}` (unless it is an acronym) and as written as `{Name}`.
    pub(crate) fn by(&self, b: &Breakdown) -> String {
        let name = crate::i18n::pick(&b.name, self.lang);
        let mut chars = name.chars();
        let lower = match (chars.next(), chars.next()) {
            (Some(first), second) if !second.is_some_and(char::is_uppercase) => {
                first.to_lowercase().chain(name.chars().skip(1)).collect()
            }
            _ => name.to_string(),
        };
        fill(self.t("chart_by"), &[("name", &lower), ("Name", name)])
    }

    pub(crate) fn value(&self, ind: &Indicator, row: &Row) -> String {
        match (row.cell, ind.threshold) {
            (Cell::Shown(v), _) => self.number(ind, v),
            (Cell::Below, Some(t)) => fill(self.fewer_than, &[("n", &self.fmt.format(f64::from(t), 0))]),
            _ => self.withheld.to_string(),
        }
    }

    /// The value with the indicator's unit ("41 personas", "menos de 5 personas"); a
    /// withheld cell is a word with no unit.
    pub(crate) fn with_unit(&self, ind: &Indicator, row: &Row) -> String {
        match row.cell {
            Cell::Withheld => self.withheld.to_string(),
            _ => unit_text(ind, self, &self.value(ind, row)),
        }
    }

    pub(crate) fn number(&self, ind: &Indicator, v: f64) -> String {
        let n = self.fmt.format(v, 1);
        if ind.measure == Measure::Percent {
            fill(self.percent, &[("n", &n)])
        } else {
            n
        }
    }

    /// "target 2026: 90 %"
    pub(crate) fn target_label(&self, ind: &Indicator) -> Option<String> {
        let target = ind.target?;
        let name = fill(self.target, &[("year", &target.year.to_string())]);
        Some(format!("{name}: {}", self.number(ind, target.value)))
    }

    /// The words for the hidden values among `rows`, as a legend says them:
    /// "fewer than 5 / withheld".
    pub(crate) fn hidden<'r>(&self, ind: &Indicator, rows: impl Iterator<Item = &'r Row>) -> Option<String> {
        let mut words: Vec<String> = Vec::new();
        for row in rows.filter(|r| r.hidden()) {
            let w = self.value(ind, row);
            if !words.contains(&w) {
                words.push(w);
            }
        }
        words.sort_by_key(|w| w == self.withheld);
        (!words.is_empty()).then(|| words.join(" / "))
    }

    /// "a", "a and b", "a, b and c", with the theme's `list_and`.
    pub(crate) fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{}{}{last}", init.join(", "), self.t("list_and")),
        }
    }
}

/// A plain-language summary computed from the data, in the page's language: the change
/// between the first and last period, the groups of the breakdown drawn (the chart's, named)
/// in the latest period, the years without data, the distance to the target, and which
/// other breakdowns the tables hold.
pub(crate) fn summary(ind: &Indicator, words: &Words) -> String {
    let periods = Periods::of(ind);
    let split = split(ind, &periods, words.lang);
    let mut totals: Vec<&Row> = ind.totals().collect();
    totals.sort_by_key(|r| periods.index(&r.period));
    // A trend runs through time: an undated total ("sin fecha") has no place in it.
    if totals.iter().any(|r| crate::data::indicators::period_year(&r.period).is_some()) {
        totals.retain(|r| crate::data::indicators::period_year(&r.period).is_some());
    }
    let mut parts = trend(ind, words, &periods, &split, &totals);
    let missing: Vec<i32> = periods.missing_years().into_iter().map(|(y, _)| y).collect();
    if !missing.is_empty() {
        parts.push(fill(words.t("summary_missing"), &[("periods", &years(words, &missing))]));
    }
    if let Some(goal) = target(ind, words, totals.last().copied()) {
        parts.push(goal);
    }
    let others: Vec<String> = ind
        .breakdowns
        .iter()
        .filter(|b| split.breakdown.is_none_or(|d| d.id != b.id))
        .filter(|b| ind.rows.iter().any(|r| r.dims.contains_key(&b.id)))
        .map(|b| words.by(b))
        .collect();
    if !others.is_empty() {
        parts.push(fill(words.t("summary_also_by"), &[("list", &words.list(&others))]));
    }
    if ind.illustrative {
        parts.push(words.t("summary_illustrative").to_string());
    }
    // Sentences may open with a period label ("first half of 2021: …").
    parts.iter().map(|p| capitalize(p)).collect::<Vec<_>>().join(" ")
}

/// The change of the totals over time, and the groups drawn in the latest period.
fn trend(ind: &Indicator, words: &Words, periods: &Periods, split: &Split, totals: &[&Row]) -> Vec<String> {
    let with_unit = |row: &Row| words.with_unit(ind, row);
    let label = |p: &str| ind.period_label(p, words.lang);
    let mut parts = Vec::new();
    if let [first, .., last] = totals {
        let key = if split.breakdown.is_some() { "summary_change_total" } else { "summary_change" };
        parts.push(fill(
            words.t(key),
            &[
                ("from", &label(&first.period)),
                ("to", &label(&last.period)),
                ("a", &with_unit(first)),
                ("b", &with_unit(last)),
                ("change", &change(ind, words, first, last)),
            ],
        ));
    }
    let Some(b) = split.breakdown else {
        match totals {
            [only] => parts.push(fill(
                words.t("summary_single"),
                &[("period", &label(&only.period)), ("value", &with_unit(only))],
            )),
            [] => parts.push(words.t("summary_in_tables").to_string()),
            _ => {}
        }
        return parts;
    };
    // The groups as given: a breakdown may be partial (two regions of 25), so no "largest".
    // Rows are in period order, so the latest period is the last row of some series.
    let latest = split.series.iter().filter_map(|s| s.rows.last()).max_by_key(|r| periods.index(&r.period));
    let Some(latest) = latest.map(|r| r.period.as_str()) else { return parts };
    let groups: Vec<String> = split
        .series
        .iter()
        .filter_map(|s| {
            let row = s.rows.iter().rev().find(|r| r.period == latest)?;
            Some(format!("{} {}", s.label.as_deref().unwrap_or(""), with_unit(row)))
        })
        .collect();
    parts.push(fill(
        words.t("summary_groups"),
        &[("period", &label(latest)), ("by", &words.by(b)), ("groups", &groups.join("; "))],
    ));
    if totals.len() < 2 {
        if let Some(total) = totals.iter().find(|r| r.period == latest) {
            parts.push(fill(words.t("summary_total"), &[("value", &with_unit(total))]));
        }
    }
    parts
}

/// " (+12.5%)" between two counts or numbers; " (+42 points)" between two shares, whose
/// difference is in percentage points, not percent.
fn change(ind: &Indicator, words: &Words, first: &Row, last: &Row) -> String {
    let (Some(a), Some(b)) = (first.shown(), last.shown()) else { return String::new() };
    let signed = |d: f64| {
        let sign = if words.fmt.format(d, 1) != "0" && d > 0.0 { "+" } else { "" };
        format!("{sign}{}", words.fmt.format(d, 1))
    };
    if ind.measure == Measure::Percent {
        let d = b - a;
        let shown = (d.abs() * 10.0).round() / 10.0;
        format!(" ({})", fill(words.tn("summary_points", shown), &[("n", &signed(d))]))
    } else if a > 0.0 && b >= 0.0 {
        // A change in percent means nothing from or across zero.
        let pct = (b - a) / a * 100.0;
        format!(" ({})", fill(words.percent, &[("n", &signed(pct))]))
    } else {
        String::new()
    }
}

/// "2016, 2019–2021 and 2024": runs of three or more years as a range.
fn years(words: &Words, years: &[i32]) -> String {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == y => *end = y,
            _ => runs.push((y, y)),
        }
    }
    let items: Vec<String> = runs
        .into_iter()
        .flat_map(|(a, b)| match b - a {
            0 => vec![a.to_string()],
            1 => vec![a.to_string(), b.to_string()],
            _ => vec![format!("{a}–{b}")],
        })
        .collect();
    words.list(&items)
}

/// The target, and how far the latest total is from it.
fn target(ind: &Indicator, words: &Words, latest: Option<&Row>) -> Option<String> {
    let target = ind.target?;
    let gap = match latest.and_then(|r| r.shown()) {
        Some(value) => {
            let remaining = match target.direction {
                Direction::Up => target.value - value,
                Direction::Down => value - target.value,
            };
            let shown = (remaining * 10.0).round() / 10.0;
            if remaining <= 0.0 {
                words.t("summary_reached").to_string()
            } else if ind.measure == Measure::Percent {
                // A gap between two shares is in percentage points, not percent.
                fill(words.tn("summary_gap_points", shown), &[("gap", &words.fmt.format(remaining, 1))])
            } else {
                let gap = unit_text(ind, words, &words.number(ind, remaining));
                fill(words.tn("summary_gap", shown), &[("gap", &gap)])
            }
        }
        None => String::new(),
    };
    let year = target.year.to_string();
    let goal = unit_text(ind, words, &words.number(ind, target.value));
    let text = fill(words.t("summary_target"), &[("year", &year), ("target", &goal), ("gap", &gap)]);
    // "The target for 2026 is 90 %; ." when there is no gap to say.
    Some(if gap.is_empty() { text.trim_end_matches(['.', ';', ' ']).to_string() + "." } else { text })
}

pub(crate) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A formatted number with the indicator's unit, unless the unit is already in it (%).
pub(crate) fn unit_text(ind: &Indicator, words: &Words, number: &str) -> String {
    let unit = crate::i18n::pick(&ind.unit, words.lang);
    if ind.measure == Measure::Percent || unit == "%" || unit.is_empty() {
        number.to_string()
    } else {
        format!("{number} {unit}")
    }
}
