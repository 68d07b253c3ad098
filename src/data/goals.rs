//! Goals and roadmap of an accountability report: `data/goals.yaml` (goals per policy
//! dimension, with targets tied to indicators) and `data/roadmap.yaml` (actions per horizon
//! with a status per report year). Also the rule that turns data into a goal's status, so a
//! report's progress is computed, never typed by hand.

use crate::config::{Config, Localized};
use crate::data::indicators::{period_year, Direction, Indicator};
use crate::diagnostics::{Code, Diagnostic};
use crate::href::Href;
use crate::messages::Said;
use crate::yaml;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Dimension {
    Institutional,
    Prevention,
    Prosecution,
    Reintegration,
}

impl Dimension {
    pub(crate) const ALL: [Dimension; 4] =
        [Dimension::Institutional, Dimension::Prevention, Dimension::Prosecution, Dimension::Reintegration];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Dimension::Institutional => "institutional",
            Dimension::Prevention => "prevention",
            Dimension::Prosecution => "prosecution",
            Dimension::Reintegration => "reintegration",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub(crate) enum Horizon {
    #[serde(rename = "100-days")]
    Days100,
    #[serde(rename = "1-year")]
    Year1,
    #[serde(rename = "4-years")]
    Years4,
}

impl Horizon {
    pub(crate) const ALL: [Horizon; 3] = [Horizon::Days100, Horizon::Year1, Horizon::Years4];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Horizon::Days100 => "100-days",
            Horizon::Year1 => "1-year",
            Horizon::Years4 => "4-years",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ActionStatus {
    NotStarted,
    InProgress,
    Done,
    Delayed,
}

impl ActionStatus {
    pub(crate) fn key(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not-started",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Delayed => "delayed",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoals {
    /// The year the goals were set: progress is measured against the time since then.
    start_year: i32,
    goals: Vec<RawGoal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoal {
    id: String,
    dimension: Dimension,
    measure: Localized,
    objective: Localized,
    #[serde(default)]
    targets: Vec<RawTarget>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    indicator: String,
    value: f64,
    year: i32,
    #[serde(default)]
    direction: Option<Direction>,
    /// What the target says, when the indicator's title is not enough.
    #[serde(default)]
    text: Localized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoadmap {
    actions: Vec<RawAction>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAction {
    id: String,
    horizon: Horizon,
    action: Localized,
    #[serde(default)]
    responsible: Vec<String>,
    goal: Option<String>,
    /// The date the action is due (YYYY-MM-DD): past it and not done, it counts as delayed.
    due: Option<String>,
    #[serde(default)]
    status: BTreeMap<i32, RawYearStatus>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYearStatus {
    status: ActionStatus,
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    note: Localized,
}

#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub(crate) indicator: String,
    pub(crate) value: f64,
    pub(crate) year: i32,
    /// From the target, else from the indicator's own target, else up.
    pub(crate) direction: Direction,
    pub(crate) text: Localized,
}

#[derive(Debug, Clone)]
pub(crate) struct Goal {
    pub(crate) id: String,
    pub(crate) dimension: Dimension,
    pub(crate) measure: Localized,
    pub(crate) objective: Localized,
    pub(crate) targets: Vec<Target>,
}

#[derive(Debug, Clone)]
pub(crate) struct YearStatus {
    pub(crate) status: ActionStatus,
    pub(crate) evidence: Vec<Href>,
    pub(crate) note: Localized,
}

#[derive(Debug, Clone)]
pub(crate) struct Action {
    pub(crate) id: String,
    pub(crate) horizon: Horizon,
    pub(crate) action: Localized,
    pub(crate) responsible: Vec<String>,
    pub(crate) due: Option<String>,
    pub(crate) status: BTreeMap<i32, YearStatus>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub(crate) start_year: i32,
    pub(crate) goals: Vec<Goal>,
    pub(crate) actions: Vec<Action>,
}

/// Checks text per language; `item` is the line of the list item it belongs to, so the
/// error points into that item and not at the first item with the same key.
fn check_localized(
    map: &Localized,
    config: &Config,
    path: &Path,
    src: &str,
    keys: &[&str],
    item: Option<usize>,
    errors: &mut Vec<Diagnostic>,
) {
    let key = keys.last().copied().unwrap_or("");
    for lang in &config.languages {
        if map.get(lang).is_none_or(|s| s.trim().is_empty()) {
            let line = find_line_after(src, item.unwrap_or(1), &format!("{key}:")).or(item);
            errors.push(
                Diagnostic::error_said(
                    Code::Goals,
                    path,
                    Said::new("data-no-text-for-language", &[("key", &keys.join(".")), ("lang", lang)]),
                )
                .at(line, None),
            );
        }
    }
}

/// Loads `data/goals.yaml` and `data/roadmap.yaml` if present; targets must name indicators.
pub(crate) fn load(root: &Path, config: &Config, indicators: &[Indicator]) -> (Plan, Vec<Diagnostic>) {
    let mut plan = Plan::default();
    let mut errors = Vec::new();
    let goals_path = root.join("data").join("goals.yaml");
    let goals_errors = errors.len();
    if readable(root, &goals_path, &mut errors) {
        match crate::sources::read_text(root, &goals_path) {
            Ok(src) => match parse_goals(&src, &goals_path, config, indicators) {
                Ok((start, goals)) => {
                    plan.start_year = start;
                    plan.goals = goals;
                }
                Err(ds) => errors.extend(ds),
            },
            Err(d) => errors.push(d),
        }
    }
    // When goals.yaml failed, its goal ids are unknown: do not call roadmap links to them wrong.
    let goals_ok = errors.len() == goals_errors;
    let roadmap_path = root.join("data").join("roadmap.yaml");
    if readable(root, &roadmap_path, &mut errors) {
        match crate::sources::read_text(root, &roadmap_path) {
            Ok(src) => match parse_roadmap(&src, &roadmap_path, config, goals_ok.then_some(plan.goals.as_slice())) {
                Ok(actions) => plan.actions = actions,
                Err(ds) => errors.extend(ds),
            },
            Err(d) => errors.push(d),
        }
    }
    (plan, errors)
}

/// Whether a data file is there to read; one that is refused (outside the site, a FIFO)
/// is reported.
fn readable(root: &Path, path: &Path, errors: &mut Vec<Diagnostic>) -> bool {
    crate::sources::exists(root, path).unwrap_or_else(|d| {
        errors.push(d);
        false
    })
}

pub(crate) fn parse_goals(
    src: &str,
    path: &Path,
    config: &Config,
    indicators: &[Indicator],
) -> Result<(i32, Vec<Goal>), Vec<Diagnostic>> {
    let raw: RawGoals = yaml::parse(src, path, 1, Code::Goals).map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    let lines = yaml::item_lines(src, "goals");
    let mut goals: Vec<Goal> = Vec::new();
    for (n, g) in raw.goals.into_iter().enumerate() {
        let line = lines.get(n).copied();
        if goals.iter().any(|other| other.id == g.id) {
            errors.push(
                Diagnostic::error_said(Code::Goals, path, Said::new("data-goal-twice", &[("id", &g.id)]))
                    .at(line, None),
            );
        }
        check_localized(&g.measure, config, path, src, &["goals", "measure"], line, &mut errors);
        check_localized(&g.objective, config, path, src, &["goals", "objective"], line, &mut errors);
        let mut targets = Vec::new();
        for t in g.targets {
            let Some(ind) = crate::data::indicators::find(indicators, &t.indicator) else {
                // An indicator that failed its own validation was reported already.
                let file = path.parent().map(|d| d.join("indicators").join(format!("{}.yaml", t.indicator)));
                if file.is_some_and(|f| f.is_file()) {
                    continue;
                }
                let target_line = find_line_after(src, line.unwrap_or(1), &format!("indicator: {}", t.indicator))
                    .or_else(|| find_line_after(src, line.unwrap_or(1), &t.indicator));
                errors.push(
                    Diagnostic::error_said(
                        Code::Goals,
                        path,
                        Said::new("data-goal-unknown-indicator", &[("goal", &g.id), ("indicator", &t.indicator)]),
                    )
                    .at(target_line.or(line), None)
                    .hint_said(Said::new("data-indicator-files-hint", &[])),
                );
                continue;
            };
            if let Err(out) = crate::data::indicators::in_range(ind.measure, t.value) {
                let target_line = find_line_after(src, line.unwrap_or(1), &format!("indicator: {}", t.indicator));
                errors.push(
                    Diagnostic::error_said(
                        Code::Goals,
                        path,
                        out.said("data-goal-target-out-of-range", &[("goal", &g.id), ("indicator", &t.indicator)]),
                    )
                    .at(target_line.or(line), None),
                );
            }
            let direction = t.direction.or(ind.target.map(|it| it.direction)).unwrap_or(Direction::Up);
            if direction == Direction::Down && ind.baseline.is_none() {
                errors.push(
                    Diagnostic::error_said(
                        Code::Goals,
                        path,
                        Said::new("data-goal-down-needs-baseline", &[("indicator", &t.indicator)]),
                    )
                    .at(line, None),
                );
            }
            targets.push(Target { indicator: t.indicator, value: t.value, year: t.year, direction, text: t.text });
        }
        goals.push(Goal { id: g.id, dimension: g.dimension, measure: g.measure, objective: g.objective, targets });
    }
    if errors.is_empty() {
        Ok((raw.start_year, goals))
    } else {
        Err(errors)
    }
}

fn find_line_after(src: &str, from: usize, needle: &str) -> Option<usize> {
    src.lines().enumerate().skip(from.saturating_sub(1)).find(|(_, l)| l.contains(needle)).map(|(i, _)| i + 1)
}

/// An action's evidence, each address through the URL policy (a report links it), each
/// refusal at the line that writes it.
fn evidence(
    written: Vec<String>,
    (src, path, action_line): (&str, &Path, Option<usize>),
    errors: &mut Vec<Diagnostic>,
) -> Vec<Href> {
    let from = action_line.unwrap_or(1);
    let mut kept = Vec::new();
    for url in written {
        match Href::parse_rooted(&url) {
            Ok(href) => kept.push(href),
            Err(refusal) => {
                let line = find_line_after(src, from, &url).or_else(|| find_line_after(src, from, "evidence"));
                errors.push(refusal.diagnostic(path, line.or(action_line), None));
            }
        }
    }
    kept
}

/// `goals` is None when data/goals.yaml failed, so its goal ids are not all known.
pub(crate) fn parse_roadmap(
    src: &str,
    path: &Path,
    config: &Config,
    goals: Option<&[Goal]>,
) -> Result<Vec<Action>, Vec<Diagnostic>> {
    let raw: RawRoadmap = yaml::parse(src, path, 1, Code::Roadmap).map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    let lines = yaml::item_lines(src, "actions");
    let mut actions: Vec<Action> = Vec::new();
    for (n, a) in raw.actions.into_iter().enumerate() {
        let line = lines.get(n).copied();
        if actions.iter().any(|other| other.id == a.id) {
            errors.push(
                Diagnostic::error_said(Code::Roadmap, path, Said::new("data-action-twice", &[("id", &a.id)]))
                    .at(line, None),
            );
        }
        check_localized(&a.action, config, path, src, &["actions", "action"], line, &mut errors);
        if let (Some(goal), Some(goals)) = (&a.goal, goals) {
            if !goals.iter().any(|g| &g.id == goal) {
                errors.push(
                    Diagnostic::error_said(
                        Code::Roadmap,
                        path,
                        Said::new("data-action-unknown-goal", &[("action", &a.id), ("goal", goal)]),
                    )
                    .at(line, None),
                );
            }
        }
        if let Some(due) = a.due.as_deref().filter(|d| !crate::content::is_valid_date(d)) {
            let due_line = find_line_after(src, line.unwrap_or(1), "due:").or(line);
            errors.push(
                Diagnostic::error_said(
                    Code::Roadmap,
                    path,
                    Said::new("data-action-bad-due", &[("action", &a.id), ("due", due)]),
                )
                .at(due_line, None),
            );
        }
        for s in a.status.values().filter(|s| !s.note.is_empty()) {
            check_localized(&s.note, config, path, src, &["actions", "note"], line, &mut errors);
        }
        let mut status = BTreeMap::new();
        for (year, s) in a.status {
            let evidence = evidence(s.evidence, (src, path, line), &mut errors);
            status.insert(year, YearStatus { status: s.status, evidence, note: s.note });
        }
        actions.push(Action {
            id: a.id,
            horizon: a.horizon,
            action: a.action,
            responsible: a.responsible,
            due: a.due,
            status,
        });
    }
    if errors.is_empty() {
        Ok(actions)
    } else {
        Err(errors)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Status {
    Achieved,
    OnTrack,
    Behind,
    NoData,
}

impl Status {
    pub(crate) const ALL: [Status; 4] = [Status::Achieved, Status::OnTrack, Status::Behind, Status::NoData];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on-track",
            Status::Behind => "behind",
            Status::NoData => "no-data",
        }
    }
}

/// Progress of one target in a report year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Progress {
    pub(crate) baseline: Option<(f64, i32)>,
    /// The latest published value and the year it refers to (the report year when its
    /// period names none).
    pub(crate) latest: Option<(f64, i32)>,
    /// The period of the latest value, as written in the data.
    pub(crate) latest_period: Option<String>,
    /// Share of the way from the baseline to the target, 0 to 100 (may exceed 100).
    pub(crate) percent: Option<f64>,
    /// Share of the time from the start year to the target year that has passed.
    pub(crate) elapsed: f64,
    pub(crate) status: Status,
}

/// How far behind the share of time elapsed a target may be and still count as on track.
pub(crate) const TOLERANCE_POINTS: f64 = 10.0;

/// The status rule, documented in the README:
/// - no data: no published (unsuppressed) value to compare;
/// - achieved: the latest value meets the target (at least it when up is good, at most
///   it when down is good);
/// - behind: the target year has come and the target is not met; or progress from the
///   baseline trails the share of time elapsed since `start_year` by more than 10 points;
/// - on track: otherwise.
pub(crate) fn progress(ind: &Indicator, target: &Target, start_year: i32, report_year: i32) -> Progress {
    // The newest published value up to the report's year, so a published report never
    // changes when later data arrives; undated values count as the report's year.
    let newest = |rows: &mut dyn Iterator<Item = &crate::data::indicators::Row>| {
        rows.filter(|r| !r.hidden() && period_year(&r.period).is_none_or(|y| y <= report_year))
            .enumerate()
            .max_by_key(|(n, r)| (period_year(&r.period).unwrap_or(report_year), *n))
            .map(|(_, r)| r.clone())
    };
    let latest_row = newest(&mut ind.totals()).or_else(|| newest(&mut ind.rows.iter()));
    let latest_row = latest_row.as_ref();
    let latest = latest_row.and_then(|r| Some((r.shown()?, period_year(&r.period).unwrap_or(report_year))));
    let latest_period = latest_row.map(|r| r.period.clone());
    let baseline = ind.baseline.map(|b| (b.value, b.year));
    let start = baseline.map_or(start_year, |(_, y)| y.max(start_year));
    let span = (target.year - start).max(1) as f64;
    let elapsed = clean((((report_year - start) as f64 / span) * 100.0).clamp(0.0, 100.0));
    let Some((value, _)) = latest else {
        return Progress { baseline, latest, latest_period, percent: None, elapsed, status: Status::NoData };
    };
    let base = baseline.map_or(0.0, |(v, _)| v);
    let met = match target.direction {
        Direction::Up => value >= target.value,
        Direction::Down => value <= target.value,
    };
    // A target equal to its baseline is all of the way there when met, none when not.
    let percent = if target.value == base {
        Some(if met { 100.0 } else { 0.0 })
    } else {
        Some(clean((value - base) / (target.value - base) * 100.0))
    };
    let status = if met {
        Status::Achieved
    } else if report_year >= target.year {
        Status::Behind
    } else if percent.is_some_and(|p| p >= elapsed - TOLERANCE_POINTS - 1e-9) {
        Status::OnTrack
    } else {
        Status::Behind
    };
    Progress { baseline, latest, latest_period, percent, elapsed, status }
}

/// A computed share without the noise of binary arithmetic (29 of 200 is 14.499999999999998
/// in f64, and must read as the 14.5 it is): kept to nine decimals.
fn clean(share: f64) -> f64 {
    (share * 1e9).round() / 1e9
}

/// A goal's status is its worst target's: one target behind makes the goal behind.
pub(crate) fn goal_status(statuses: &[Status]) -> Status {
    if statuses.is_empty() {
        return Status::NoData;
    }
    let rank = |s: &Status| match s {
        Status::Behind => 0,
        Status::NoData => 1,
        Status::OnTrack => 2,
        Status::Achieved => 3,
    };
    *statuses.iter().min_by_key(|s| rank(s)).expect("not empty")
}

/// An action's status in a report year, as the report of `date` (YYYY-MM-DD) states it:
/// the status reported for the year, except that an action past its `due` date and not
/// done is delayed, reported or not (unless it was done in an earlier year).
pub(crate) fn action_status(action: &Action, year: i32, date: &str) -> Option<ActionStatus> {
    let reported = action.status.get(&year).map(|s| s.status);
    let overdue = action.due.as_deref().is_some_and(|due| due < date);
    let done_before = action.status.range(..year).any(|(_, s)| s.status == ActionStatus::Done);
    match reported {
        Some(ActionStatus::Done) => reported,
        Some(_) if overdue => Some(ActionStatus::Delayed),
        None if overdue && !done_before => Some(ActionStatus::Delayed),
        other => other,
    }
}

/// The date a report of `year` is as of, when it gives none: the year's last day.
pub(crate) fn year_end(year: i32) -> String {
    format!("{year}-12-31")
}

/// Actions whose status changed between the two years, each year's status given by
/// `status` (so a frozen edition's statuses are compared, not today's data):
/// (action, before, after).
pub(crate) fn roadmap_changes<'a>(
    actions: impl IntoIterator<Item = &'a Action>,
    status: &dyn Fn(&Action, i32) -> Option<ActionStatus>,
    year: i32,
) -> Vec<(&'a Action, Option<ActionStatus>, ActionStatus)> {
    actions
        .into_iter()
        .filter_map(|a| {
            let now = status(a, year)?;
            let before = status(a, year - 1);
            (before != Some(now)).then_some((a, before, now))
        })
        .collect()
}

#[cfg(test)]
mod tests;
