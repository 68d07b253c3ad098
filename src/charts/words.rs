//! The words of a chart: values as a reader sees them (with units, "fewer than 5" for a
//! hidden count) and the plain-language summary that is the chart's description, computed
//! from the data in the page's language.

use super::series;
use crate::data::indicators::{Cell, Indicator, Row};
use crate::i18n::NumberFormat;

/// Words the chart needs, in the page's language.
pub(crate) struct Words<'a> {
    pub(crate) fmt: &'a NumberFormat,
    pub(crate) lang: &'a str,
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

impl Words<'_> {
    pub(crate) fn value(&self, ind: &Indicator, row: &Row) -> String {
        match (row.cell, ind.threshold) {
            (Cell::Shown(v), _) => self.number(ind, v),
            (Cell::Below, Some(t)) => self.fewer_than.replace("{n}", &self.fmt.format(f64::from(t), 0)),
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
        if ind.measure == crate::data::indicators::Measure::Percent {
            self.percent.replace("{n}", &n)
        } else {
            n
        }
    }
}

/// A plain-language summary computed from the data, in the page's language: the change
/// between the first and last period, the largest group, and the distance to the target.
/// `t` looks up a theme string.
pub(crate) fn summary(ind: &Indicator, words: &Words, t: &dyn Fn(&str) -> String) -> String {
    let with_unit = |row: &Row| words.with_unit(ind, row);
    let mut parts = Vec::new();
    let totals: Vec<&Row> = ind.totals().collect();
    let series = series(ind, words.lang);
    if let (Some(_), [only]) = (ind.main_breakdown(), ind.periods().as_slice()) {
        // The groups as given: a breakdown may be partial (two regions of 25), so no "largest".
        let groups: Vec<String> = series
            .iter()
            .filter_map(|s| s.rows.first().map(|r| format!("{} {}", s.label.as_deref().unwrap_or(""), with_unit(r))))
            .collect();
        let mut sentence = t("summary_groups")
            .replace("{period}", &ind.period_label(only, words.lang))
            .replace("{groups}", &groups.join("; "));
        if let Some(total) = totals.iter().find(|r| r.period == *only) {
            sentence = format!("{} {}", sentence, t("summary_total").replace("{value}", &with_unit(total)));
        }
        parts.push(sentence);
    } else if totals.len() >= 2 || (series.len() == 1 && series[0].rows.len() >= 2) {
        let rows = if totals.len() >= 2 { totals.clone() } else { series[0].rows.clone() };
        let (first, last) = (rows[0], rows[rows.len() - 1]);
        let change = if let (Some(a), Some(b)) = (first.shown().filter(|a| *a != 0.0), last.shown()) {
            let pct = (b - a) / a * 100.0;
            let sign = if pct > 0.0 { "+" } else { "" };
            format!(" ({sign}{})", words.percent.replace("{n}", &words.fmt.format(pct, 1)))
        } else {
            String::new()
        };
        parts.push(
            t("summary_change")
                .replace("{from}", &ind.period_label(&first.period, words.lang))
                .replace("{to}", &ind.period_label(&last.period, words.lang))
                .replace("{a}", &with_unit(first))
                .replace("{b}", &with_unit(last))
                .replace("{change}", &change),
        );
    } else if let Some(row) = totals.last().copied().or(ind.rows.last()) {
        parts.push(
            t("summary_single")
                .replace("{period}", &ind.period_label(&row.period, words.lang))
                .replace("{value}", &with_unit(row)),
        );
    }
    if let Some(target) = ind.target {
        let latest = totals.last().copied().or(ind.rows.last());
        let gap = match latest {
            Some(row) if !row.hidden() => {
                let value = row.shown().unwrap_or_default();
                let remaining = match target.direction {
                    crate::data::indicators::Direction::Up => target.value - value,
                    crate::data::indicators::Direction::Down => value - target.value,
                };
                if remaining <= 0.0 {
                    t("summary_reached")
                } else if ind.measure == crate::data::indicators::Measure::Percent {
                    // A gap between two shares is in percentage points, not percent.
                    t("summary_gap_points").replace("{gap}", &words.fmt.format(remaining, 1))
                } else {
                    t("summary_gap").replace("{gap}", &unit_text(ind, words, &words.number(ind, remaining)))
                }
            }
            _ => String::new(),
        };
        let goal = t("summary_target")
            .replace("{year}", &target.year.to_string())
            .replace("{target}", &unit_text(ind, words, &words.number(ind, target.value)));
        parts.push(if gap.is_empty() {
            goal.replace("{gap}", "").trim_end_matches(['.', ';', ' ']).to_string() + "."
        } else {
            goal.replace("{gap}", &gap)
        });
    }
    if ind.illustrative {
        parts.push(t("summary_illustrative"));
    }
    // Sentences may open with a period label ("first half of 2021: …").
    parts.iter().map(|p| capitalize(p)).collect::<Vec<_>>().join(" ")
}

pub(crate) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A formatted number with the indicator's unit, unless the unit is already in it (%).
pub(crate) fn unit_text(ind: &Indicator, words: &Words, number: &str) -> String {
    let unit = crate::i18n::pick(&ind.unit, words.lang);
    if ind.measure == crate::data::indicators::Measure::Percent || unit == "%" || unit.is_empty() {
        number.to_string()
    } else {
        format!("{number} {unit}")
    }
}
