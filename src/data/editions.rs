//! Editions: once a report is final, the values it shows are frozen in
//! `data/editions/<year>.yaml`, written by the first build that sees the report final and
//! read by every later build. Updating the data for next year then never changes a
//! published report; where current data differs from a frozen edition, the build lists
//! the difference as a revision.

use crate::data::goals::{self, ActionStatus, Plan, Progress, Status};
use crate::data::indicators::Indicator;
use crate::diagnostics::{Code, Diagnostic};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Edition {
    pub(crate) year: i32,
    pub(crate) targets: Vec<FrozenTarget>,
    /// Action id -> its status in the report's year.
    pub(crate) roadmap: BTreeMap<String, ActionStatus>,
}

impl Edition {
    /// The values the report shows now, computed from the data.
    pub(crate) fn compute(plan: &Plan, indicators: &[Indicator], year: i32) -> Edition {
        let mut targets = Vec::new();
        for goal in &plan.goals {
            for t in &goal.targets {
                let Some(ind) = crate::data::indicators::find(indicators, &t.indicator) else { continue };
                let p = goals::progress(ind, t, plan.start_year, year);
                targets.push(FrozenTarget {
                    goal: goal.id.clone(),
                    indicator: t.indicator.clone(),
                    latest: p.latest.map(|(v, _)| v),
                    period: p.latest_period.clone(),
                    percent: p.percent.map(|p| (p * 10.0).round() / 10.0),
                    elapsed: (p.elapsed * 10.0).round() / 10.0,
                    status: p.status,
                });
            }
        }
        let roadmap = plan.actions.iter().filter_map(|a| Some((a.id.clone(), a.status.get(&year)?.status))).collect();
        Edition { year, targets, roadmap }
    }

    /// The frozen progress of a target, in the shape the report pages use.
    pub(crate) fn progress(&self, goal: &str, indicator: &str) -> Option<Progress> {
        let t = self.targets.iter().find(|t| t.goal == goal && t.indicator == indicator)?;
        Some(Progress {
            baseline: None,
            latest: t.latest.map(|v| (v, goals::period_year(t.period.as_deref().unwrap_or("")).unwrap_or(self.year))),
            latest_period: t.period.clone(),
            percent: t.percent,
            elapsed: t.elapsed,
            status: t.status,
        })
    }
}

pub(crate) fn path(root: &Path, year: i32) -> PathBuf {
    root.join("data").join("editions").join(format!("{year}.yaml"))
}

/// Reads the frozen editions of the given report years (those that have a file).
pub(crate) fn load(root: &Path, years: &[i32]) -> (BTreeMap<i32, Edition>, Vec<Diagnostic>) {
    let mut out = BTreeMap::new();
    let mut diags = Vec::new();
    for &year in years {
        let file = path(root, year);
        if !file.is_file() {
            continue;
        }
        match crate::text::read_utf8(&file).map_err(|d| vec![d]).and_then(|src| {
            let body: String = src.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
            crate::yaml::parse::<Edition>(&body, &file, 1, Code::Edition).map_err(|d| vec![d])
        }) {
            Ok(e) => {
                out.insert(year, e);
            }
            Err(ds) => diags.extend(ds),
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
        let changed = current.is_none_or(|c| c.latest != t.latest || c.period != t.period || c.status != t.status);
        if changed {
            let now_text = current.map_or("no longer in the data".to_string(), |c| {
                format!("{} ({}), {}", fmt(c.latest), c.period.as_deref().unwrap_or("-"), c.status.key())
            });
            out.push(
                Diagnostic::warning(
                    Code::Revision,
                    &file,
                    format!(
                        "the {} report froze goal `{}` / indicator `{}` at {} ({}), {}; the data now gives {now_text}",
                        frozen.year,
                        t.goal,
                        t.indicator,
                        fmt(t.latest),
                        t.period.as_deref().unwrap_or("-"),
                        t.status.key()
                    ),
                )
                .hint("the published report keeps its frozen values; say so in next year's report if the figure was revised"),
            );
        }
    }
    for (id, status) in &frozen.roadmap {
        let current = now.roadmap.get(id);
        if current != Some(status) {
            out.push(Diagnostic::warning(
                Code::Revision,
                &file,
                format!(
                    "the {} report froze action `{id}` as {}; the data now says {}",
                    frozen.year,
                    status.key(),
                    current.map_or("nothing", |s| s.key())
                ),
            ));
        }
    }
    out
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("no value".to_string(), |v| v.to_string())
}

/// The text written to `data/editions/<year>.yaml`.
pub(crate) fn to_yaml(edition: &Edition) -> String {
    let body = crate::yaml::to_string(edition);
    format!(
        "# The values the {} report showed when it was first built as final. faro reads this file\n# instead of the current data for that report; commit it, and do not edit it by hand.\n{body}",
        edition.year
    )
}
