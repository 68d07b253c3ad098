//! Editions: once a report is final, everything it shows is frozen in
//! `data/editions/<year>.yaml`: each goal target's progress and status (with the target
//! and baseline as stated then), the rows of every indicator it charts or measures, up to
//! the report's year, and the roadmap's statuses. The first build that sees the report
//! final writes the file; that build and every later one render the report from it, so
//! the report never changes when next year's data arrives. Values are stored exact and
//! rounded only when shown. Where current data differs from a frozen edition, the build
//! lists the difference as a revision.

use crate::data::goals::{self, ActionStatus, Plan, Progress, Status};
use crate::data::indicators::{Cell, Direction, Indicator, Point, Row, Target};
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One target as a final report showed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrozenTarget {
    pub(crate) goal: String,
    pub(crate) indicator: String,
    pub(crate) latest: Option<f64>,
    pub(crate) period: Option<String>,
    pub(crate) percent: Option<f64>,
    pub(crate) elapsed: f64,
    pub(crate) status: Status,
    /// The target as goals.yaml stated it then (absent in editions of faro before 0.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) target: Option<FrozenPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) baseline: Option<FrozenPoint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrozenPoint {
    pub(crate) value: f64,
    pub(crate) year: i32,
}

/// An indicator as a final report showed it: its rows up to the report's year, and its
/// own target and baseline. Titles, labels and sources still come from the data files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrozenIndicator {
    pub(crate) rows: Vec<FrozenRow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) target: Option<FrozenPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) baseline: Option<FrozenPoint>,
    /// The `suppress_below` its hidden counts were shown with ("fewer than 5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) threshold: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrozenRow {
    pub(crate) period: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) dims: BTreeMap<String, String>,
    pub(crate) value: FrozenValue,
}

/// A published number, or the word for a hidden one: hidden values are never frozen.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum FrozenValue {
    Number(f64),
    Hidden(Hidden),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Hidden {
    Below,
    Withheld,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Edition {
    pub(crate) year: i32,
    pub(crate) targets: Vec<FrozenTarget>,
    /// Action id -> its status in the report's year (due dates applied).
    pub(crate) roadmap: BTreeMap<String, ActionStatus>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) indicators: BTreeMap<String, FrozenIndicator>,
    /// The goals and actions the report listed, in order (absent in older editions: then
    /// today's lists stand in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) goals: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) actions: Option<Vec<String>>,
    /// Action id -> its status in the year before, as the report showed it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) before: BTreeMap<String, ActionStatus>,
    /// Action id -> the evidence and note the report gave for the year, where it gave any.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) notes: BTreeMap<String, FrozenNote>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrozenNote {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) evidence: Vec<crate::href::Href>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) note: crate::config::Localized,
}

impl Edition {
    /// What the report of `year` shows now, computed from the data: `indicators` are as
    /// the report sees them (cut at its year), `charted` the ids its chapters chart, and
    /// `date` the report's date, against which roadmap due dates are checked.
    /// `before` gives each action's status the year before, as the report shows it.
    pub(crate) fn compute(
        plan: &Plan,
        indicators: &[Indicator],
        charted: &BTreeSet<String>,
        (year, date): (i32, &str),
        before: &dyn Fn(&goals::Action) -> Option<ActionStatus>,
    ) -> Edition {
        let mut targets = Vec::new();
        let mut used: BTreeSet<&str> = charted.iter().map(String::as_str).collect();
        for goal in &plan.goals {
            for t in &goal.targets {
                let Some(ind) = crate::data::indicators::find(indicators, &t.indicator) else { continue };
                used.insert(&ind.id);
                let p = goals::progress(ind, t, plan.start_year, year);
                targets.push(FrozenTarget {
                    goal: goal.id.clone(),
                    indicator: t.indicator.clone(),
                    latest: p.latest.map(|(v, _)| v),
                    period: p.latest_period.clone(),
                    percent: p.percent,
                    elapsed: p.elapsed,
                    status: p.status,
                    target: Some(FrozenPoint { value: t.value, year: t.year }),
                    baseline: p.baseline.map(|(value, year)| FrozenPoint { value, year }),
                });
            }
        }
        let roadmap =
            plan.actions.iter().filter_map(|a| Some((a.id.clone(), goals::action_status(a, year, date)?))).collect();
        let notes = plan
            .actions
            .iter()
            .filter_map(|a| {
                let s = a.status.get(&year)?;
                let note = FrozenNote { evidence: s.evidence.clone(), note: s.note.clone() };
                (!note.evidence.is_empty() || !note.note.is_empty()).then(|| (a.id.clone(), note))
            })
            .collect();
        let indicators = used
            .into_iter()
            .filter_map(|id| crate::data::indicators::find(indicators, id))
            .map(|ind| (ind.id.clone(), freeze_indicator(ind)))
            .collect();
        let goals = Some(plan.goals.iter().map(|g| g.id.clone()).collect());
        let actions = Some(plan.actions.iter().map(|a| a.id.clone()).collect());
        let before = plan.actions.iter().filter_map(|a| Some((a.id.clone(), before(a)?))).collect();
        Edition { year, targets, roadmap, indicators, goals, actions, before, notes }
    }

    /// The frozen progress of a target, in the shape the report pages use.
    pub(crate) fn progress(&self, goal: &str, indicator: &str) -> Option<Progress> {
        let t = self.targets.iter().find(|t| t.goal == goal && t.indicator == indicator)?;
        Some(Progress {
            baseline: t.baseline.map(|b| (b.value, b.year)),
            latest: t.latest.map(|v| {
                (v, crate::data::indicators::period_year(t.period.as_deref().unwrap_or("")).unwrap_or(self.year))
            }),
            latest_period: t.period.clone(),
            percent: t.percent,
            elapsed: t.elapsed,
            status: t.status,
        })
    }

    /// The target a frozen goal target stated, when the edition recorded it.
    pub(crate) fn target(&self, goal: &str, indicator: &str) -> Option<FrozenPoint> {
        self.targets.iter().find(|t| t.goal == goal && t.indicator == indicator)?.target
    }

    /// `current` as this edition froze it: its frozen rows, target and baseline; None when
    /// the edition did not freeze it (an edition written before indicators were frozen).
    pub(crate) fn indicator(&self, current: &Indicator) -> Option<Indicator> {
        let f = self.indicators.get(&current.id)?;
        let rows = f
            .rows
            .iter()
            .map(|r| Row {
                period: r.period.clone(),
                dims: r.dims.clone(),
                cell: match r.value {
                    FrozenValue::Number(v) => Cell::Shown(v),
                    FrozenValue::Hidden(Hidden::Below) => Cell::Below,
                    FrozenValue::Hidden(Hidden::Withheld) => Cell::Withheld,
                },
                line: 0,
            })
            .collect();
        let direction = f.direction.unwrap_or(Direction::Up);
        Some(Indicator {
            rows,
            threshold: f.threshold.or(current.threshold),
            target: f.target.map(|t| Target { value: t.value, year: t.year, direction }),
            baseline: f.baseline.map(|b| Point { value: b.value, year: b.year }),
            ..current.clone()
        })
    }
}

fn freeze_indicator(ind: &Indicator) -> FrozenIndicator {
    let rows = ind
        .rows
        .iter()
        .map(|r| FrozenRow {
            period: r.period.clone(),
            dims: r.dims.clone(),
            value: match r.cell {
                Cell::Shown(v) => FrozenValue::Number(v),
                Cell::Below => FrozenValue::Hidden(Hidden::Below),
                Cell::Withheld => FrozenValue::Hidden(Hidden::Withheld),
            },
        })
        .collect();
    FrozenIndicator {
        rows,
        target: ind.target.map(|t| FrozenPoint { value: t.value, year: t.year }),
        direction: ind.target.map(|t| t.direction),
        baseline: ind.baseline.map(|b| FrozenPoint { value: b.value, year: b.year }),
        threshold: ind.threshold,
    }
}

/// An indicator as a report of `year` sees it: rows of periods after the year left out
/// (undated periods kept). Periods are independent for disclosure control, so leaving
/// some out cannot expose a hidden cell.
pub(crate) fn as_of(ind: &Indicator, year: i32) -> Indicator {
    let rows = ind
        .rows
        .iter()
        .filter(|r| crate::data::indicators::period_year(&r.period).is_none_or(|y| y <= year))
        .cloned()
        .collect();
    Indicator { rows, ..ind.clone() }
}

/// An edition from its text (`to_yaml`'s, with its comment lines), errors at their lines.
pub(crate) fn parse(text: &str, file: &Path) -> Result<Edition, Diagnostic> {
    crate::yaml::parse::<Edition>(text, file, 1, Code::Edition)
}

pub(crate) fn path(root: &Path, year: i32) -> PathBuf {
    root.join("data").join("editions").join(format!("{year}.yaml"))
}

/// Reads the frozen editions of the given report years (those that have a file).
pub(crate) fn load(root: &Path, years: &[i32]) -> (BTreeMap<i32, Edition>, Vec<Diagnostic>) {
    let mut out = BTreeMap::new();
    let mut diags = Vec::new();
    // Through `sources`: a link out of the site or a FIFO is refused, never read. Refusing
    // is an error here, as a build writes a missing edition where it looked for it.
    let refuse = |mut d: Diagnostic| {
        d.severity = crate::diagnostics::Severity::Error;
        d
    };
    if let Err(d) = crate::sources::dir_exists(root, &root.join("data").join("editions")) {
        return (out, vec![refuse(d)]);
    }
    for &year in years {
        let file = path(root, year);
        match crate::sources::exists(root, &file) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(d) => {
                diags.push(refuse(d));
                continue;
            }
        }
        match crate::sources::read_text(root, &file).and_then(|src| parse(&src, &file)) {
            Ok(e) => {
                out.insert(year, e);
            }
            Err(d) => diags.push(d),
        }
    }
    (out, diags)
}

/// Where current data differs from a frozen edition: one warning per revised value.
pub(crate) fn revisions(root: &Path, frozen: &Edition, now: &Edition) -> Vec<Diagnostic> {
    let file = path(root, frozen.year);
    let mut out = Vec::new();
    for t in &frozen.targets {
        let current = now.targets.iter().find(|c| c.goal == t.goal && c.indicator == t.indicator);
        let changed = current.is_none_or(|c| {
            c.latest != t.latest
                || c.period != t.period
                || c.status != t.status
                || c.target != t.target
                || c.baseline != t.baseline
        });
        if changed {
            let year = frozen.year.to_string();
            let (latest, period) = (fmt(t.latest), t.period.as_deref().unwrap_or("-"));
            let then: [(&str, &str); 6] = [
                ("year", &year),
                ("goal", &t.goal),
                ("indicator", &t.indicator),
                ("latest", &latest),
                ("period", period),
                ("status", t.status.key()),
            ];
            let said = match current {
                None => Said::new("data-revised-target-gone", &then),
                Some(c) => {
                    let now_latest = fmt(c.latest);
                    let now = [
                        ("now_latest", now_latest.as_str()),
                        ("now_period", c.period.as_deref().unwrap_or("-")),
                        ("now_status", c.status.key()),
                    ];
                    Said::new("data-revised-target", &[&then[..], &now[..]].concat())
                }
            };
            out.push(
                Diagnostic::warning_said(Code::Revision, &file, said)
                    .hint_said(Said::new("data-revised-target-hint", &[])),
            );
        }
    }
    for (id, shown) in &frozen.indicators {
        let changed = now.indicators.get(id).is_none_or(|n| n != shown);
        if changed {
            out.push(
                Diagnostic::warning_said(
                    Code::Revision,
                    &file,
                    Said::new("data-revised-figures", &[("year", &frozen.year.to_string()), ("indicator", id)]),
                )
                .hint_said(Said::new("data-revised-figures-hint", &[])),
            );
        }
    }
    for (what, then, today) in [("goals", &frozen.goals, &now.goals), ("actions", &frozen.actions, &now.actions)] {
        if let (Some(then), Some(today)) = (then, today) {
            let added: Vec<&str> = today.iter().filter(|id| !then.contains(id)).map(String::as_str).collect();
            if !added.is_empty() {
                out.push(Diagnostic::warning_said(
                    Code::Revision,
                    &file,
                    Said::new(
                        "data-revised-list",
                        &[("year", &frozen.year.to_string()), ("what", what), ("added", &added.join(", "))],
                    ),
                ));
            }
        }
    }
    for (id, status) in &frozen.roadmap {
        let current = now.roadmap.get(id);
        if current != Some(status) {
            let year = frozen.year.to_string();
            let then: [(&str, &str); 3] = [("year", &year), ("action", id), ("status", status.key())];
            let said = match current {
                Some(now) => Said::new("data-revised-action", &[&then[..], &[("now_status", now.key())]].concat()),
                None => Said::new("data-revised-action-gone", &then),
            };
            out.push(Diagnostic::warning_said(Code::Revision, &file, said));
        }
    }
    out
}

fn fmt(v: Option<f64>) -> String {
    // `none` is the catalogs' word for no value.
    v.map_or("none".to_string(), |v| v.to_string())
}

/// The text written to `data/editions/<year>.yaml`.
pub(crate) fn to_yaml(edition: &Edition) -> String {
    let body = crate::yaml::to_string(edition);
    format!(
        "# What the {} report showed when it was first built as final. faro reads this file\n# instead of the current data for that report; commit it, and do not edit it by hand.\n{body}",
        edition.year
    )
}
