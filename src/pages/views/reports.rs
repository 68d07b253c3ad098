//! What accountability reports show: the goal status summary and progress bars, the
//! roadmap per horizon, "what changed" since the previous report, and the references, all
//! computed from the data for the report's year (or from its frozen edition).

use super::safe;
use crate::charts;
use crate::content::{PageId, ReportMeta, ReportStatus};
use crate::data::goals::{self, ActionStatus, Dimension, Horizon, Status};
use crate::data::indicators::{Indicator, Measure};
use crate::i18n::{pick, NumberFormat};
use crate::markdown::Block;
use crate::model::Site;
use crate::urls::site_url;
use minijinja::value::Value;
use serde::Serialize;

/// `page.report` of a report's cover.
#[derive(Serialize)]
pub(crate) struct ReportView {
    year: i32,
    period: String,
    organization: String,
    #[serde(rename = "final")]
    is_final: bool,
    full_url: String,
    goals: GoalsView,
    references: Vec<Reference>,
    changes: Option<ChangesView>,
}

pub(crate) fn report_view(site: &Site, i: PageId, meta: &ReportMeta) -> ReportView {
    let page = &site.content[i];
    ReportView {
        year: meta.year,
        period: meta.period.clone(),
        organization: meta.organization.clone(),
        is_final: meta.status == ReportStatus::Final,
        full_url: site_url(&site.config.base_path, &site.paths().report_full(&page.url, &page.lang)),
        goals: goals_view(site, &page.lang, meta.year),
        references: references(site, i),
        changes: changes_view(site, i),
    }
}

#[derive(Serialize)]
struct Reference {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Option<String>>,
}

fn status_label(site: &Site, lang: &str, status: Status) -> String {
    site.t(lang, &format!("status_{}", status.key().replace('-', "_")))
}

fn action_label(site: &Site, lang: &str, s: ActionStatus) -> String {
    site.t(lang, &format!("action_{}", s.key().replace('-', "_")))
}

fn fmt(site: &Site, lang: &str) -> NumberFormat {
    NumberFormat::from_strings(&site.strings[lang])
}

/// The references of a report: the `references` of its front matter, then the source of
/// every indicator its chapters chart or its goals measure, each once.
fn references(site: &Site, report: PageId) -> Vec<Reference> {
    let page = &site.content[report];
    let lang = page.lang.as_str();
    let mut ids: Vec<&str> = Vec::new();
    for &c in &page.children {
        ids.extend(site.md(c).charts.iter().map(|chart| chart.id.as_str()));
        if site.md(c).blocks.iter().any(|b| b.block == Block::Goals) {
            ids.extend(site.plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator.as_str())));
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut list = Vec::new();
    // The template ends each reference with a full stop: one the writer typed is not doubled.
    let name_of = |text: &str| text.trim_end().trim_end_matches('.').to_string();
    for text in page.front.report.iter().flat_map(|r| r.references.iter()) {
        if seen.insert(text.clone()) {
            list.push(Reference { name: name_of(text), url: None, date: None });
        }
    }
    for id in ids {
        let Some(ind) = site.indicator(id) else { continue };
        let name = name_of(pick(&ind.source.name, lang));
        if !seen.insert(format!("{name}|{:?}", ind.source.url)) {
            continue;
        }
        list.push(Reference {
            name,
            url: Some(ind.source.url.as_ref().map(|h| crate::urls::href(&site.config.base_path, h))),
            date: Some(ind.source.date.clone()),
        });
    }
    list
}

/// The progress a report year shows for a target: frozen if that year's report is final
/// and frozen, computed from the data otherwise.
fn shown_progress(
    site: &Site,
    goal: &goals::Goal,
    target: &goals::Target,
    ind: &Indicator,
    year: i32,
) -> goals::Progress {
    site.editions
        .get(&year)
        .and_then(|e| e.progress(&goal.id, &target.indicator))
        .unwrap_or_else(|| goals::progress(ind, target, site.plan.start_year, year))
}

/// "What changed since the last report".
#[derive(Serialize)]
struct ChangesView {
    previous: i32,
    year: i32,
    improved: Vec<String>,
    worsened: Vec<String>,
    met: Vec<String>,
    missed: Vec<String>,
    revised: Vec<String>,
}

/// For a report whose language has an earlier one: targets that improved or worsened,
/// roadmap milestones met or missed, and figures of the earlier edition that the data has
/// since revised. None for a first report.
fn changes_view(site: &Site, report: PageId) -> Option<ChangesView> {
    let page = &site.content[report];
    let year = page.front.report.as_ref()?.year;
    let lang = page.lang.as_str();
    let previous = site
        .content
        .in_lang(lang)
        .filter_map(|(_, p)| p.front.report.as_ref().map(|r| r.year))
        .filter(|y| *y < year)
        .max()?;
    let f = fmt(site, lang);
    let percent_fmt = site.t(lang, "percent_format");
    let pct = |v: Option<f64>| {
        v.map_or_else(|| site.t(lang, "status_no_data"), |v| percent_fmt.replace("{n}", &f.format(v, 0)))
    };
    let mut view = ChangesView {
        previous,
        year,
        improved: vec![],
        worsened: vec![],
        met: vec![],
        missed: vec![],
        revised: revised(site, lang, previous, &f),
    };
    for goal in &site.plan.goals {
        for target in &goal.targets {
            let (Some(ind_before), Some(ind)) =
                (site.report_indicator(previous, &target.indicator), site.report_indicator(year, &target.indicator))
            else {
                continue;
            };
            let before = shown_progress(site, goal, target, ind_before, previous);
            let now = shown_progress(site, goal, target, ind, year);
            let name = target.text.get(lang).cloned().unwrap_or_else(|| pick(&ind.title, lang).to_string());
            let line = format!("{name}: {} → {}", pct(before.percent), pct(now.percent));
            match (before.percent, now.percent) {
                (Some(b), Some(n)) if n > b => view.improved.push(line),
                (Some(b), Some(n)) if n < b => view.worsened.push(line),
                _ => {}
            }
        }
    }
    for (a, before, after) in site.roadmap_changes(year) {
        let line = format!(
            "{} ({} → {})",
            pick(&a.action, lang),
            before.map_or_else(|| site.t(lang, "roadmap_not_reported"), |s| action_label(site, lang, s)),
            action_label(site, lang, after)
        );
        match after {
            ActionStatus::Done => view.met.push(line),
            ActionStatus::Delayed => view.missed.push(line),
            _ => {}
        }
    }
    Some(view)
}

/// Figures of the `previous` edition that the data has revised since it was frozen.
fn revised(site: &Site, lang: &str, previous: i32, f: &NumberFormat) -> Vec<String> {
    let (Some(frozen), Some(now)) = (site.editions.get(&previous), site.current_editions.get(&previous)) else {
        return Vec::new();
    };
    let num = |v: Option<f64>| v.map_or_else(|| site.t(lang, "status_no_data"), |v| f.format(v, 1));
    frozen
        .targets
        .iter()
        .filter_map(|t0| {
            let n = now.targets.iter().find(|n| n.goal == t0.goal && n.indicator == t0.indicator)?;
            (n.latest != t0.latest).then(|| {
                let name =
                    site.indicator(&t0.indicator).map_or(t0.indicator.clone(), |i| pick(&i.title, lang).to_string());
                format!("{name}: {} → {}", num(t0.latest), num(n.latest))
            })
        })
        .collect()
}

/// The goal summary and every goal with its targets' progress, for a year, in a language.
#[derive(Serialize)]
pub(crate) struct GoalsView {
    year: i32,
    total: usize,
    counts: Vec<StatusCount>,
    dimensions: Vec<DimensionView>,
    goals: Vec<GoalView>,
}

#[derive(Serialize)]
struct StatusCount {
    status: &'static str,
    label: String,
    count: usize,
}

#[derive(Serialize)]
struct DimensionView {
    name: String,
    counts: Vec<StatusCount>,
}

#[derive(Serialize)]
struct GoalView {
    id: String,
    dimension: String,
    measure: String,
    objective: String,
    status: &'static str,
    status_label: String,
    targets: Vec<TargetView>,
}

#[derive(Serialize)]
struct TargetView {
    text: String,
    indicator: String,
    indicator_url: String,
    illustrative: bool,
    baseline: Option<String>,
    latest: Option<String>,
    target: String,
    percent: String,
    status: &'static str,
    status_label: String,
    bar: Value,
}

pub(crate) fn goals_view(site: &Site, lang: &str, year: i32) -> GoalsView {
    let mut goals = Vec::new();
    let mut statuses: Vec<(Dimension, Status)> = Vec::new();
    for goal in site.plan.goals.iter().filter(|g| site.report_lists(year, Some(&g.id), None)) {
        let mut targets = Vec::new();
        let mut goal_statuses = Vec::new();
        for target in &goal.targets {
            let Some(ind) = site.report_indicator(year, &target.indicator) else { continue };
            // A final report shows its frozen values, not whatever the data says today.
            let p = shown_progress(site, goal, target, ind, year);
            goal_statuses.push(p.status);
            let stated = site.editions.get(&year).and_then(|e| e.target(&goal.id, &target.indicator));
            let stated = stated.map_or((target.value, target.year), |t| (t.value, t.year));
            targets.push(target_view(site, lang, goal, (target, stated), ind, &p));
        }
        let status = goals::goal_status(&goal_statuses);
        statuses.push((goal.dimension, status));
        goals.push(GoalView {
            id: goal.id.clone(),
            dimension: site.t(lang, &format!("dimension_{}", goal.dimension.key())),
            measure: pick(&goal.measure, lang).to_string(),
            objective: pick(&goal.objective, lang).to_string(),
            status: status.key(),
            status_label: status_label(site, lang, status),
            targets,
        });
    }
    let counts = |filter: &dyn Fn(&Dimension) -> bool| -> Vec<StatusCount> {
        Status::ALL
            .iter()
            .map(|s| StatusCount {
                status: s.key(),
                label: status_label(site, lang, *s),
                count: statuses.iter().filter(|(d, st)| filter(d) && st == s).count(),
            })
            .collect()
    };
    let dimensions = Dimension::ALL
        .iter()
        .filter(|d| statuses.iter().any(|(x, _)| x == *d))
        .map(|d| DimensionView { name: site.t(lang, &format!("dimension_{}", d.key())), counts: counts(&|x| x == d) })
        .collect();
    GoalsView { year, total: statuses.len(), counts: counts(&|_| true), dimensions, goals }
}

/// `stated` is the target's (value, year) as the report states it (frozen, or today's).
fn target_view(
    site: &Site,
    lang: &str,
    goal: &goals::Goal,
    (target, stated): (&goals::Target, (f64, i32)),
    ind: &Indicator,
    p: &goals::Progress,
) -> TargetView {
    let f = fmt(site, lang);
    let percent_fmt = site.t(lang, "percent_format");
    let pct = |v: f64| percent_fmt.replace("{n}", &f.format(v, 0));
    let unit = |v: f64| {
        let n = f.format(v, 1);
        if ind.measure == Measure::Percent {
            percent_fmt.replace("{n}", &n)
        } else {
            format!("{n} {}", pick(&ind.unit, lang))
        }
    };
    let label = p.percent.map_or_else(|| site.t(lang, "status_no_data"), pct);
    let title = target.text.get(lang).cloned().unwrap_or_else(|| pick(&ind.title, lang).to_string());
    let desc = site
        .t(lang, "goal_bar_desc")
        .replace("{progress}", &label)
        .replace("{elapsed}", &pct(p.elapsed))
        .replace("{status}", &status_label(site, lang, p.status));
    let bar = charts::goal_bar(
        p.percent,
        p.elapsed,
        &label,
        &title,
        &desc,
        &format!("goal-{}-{}", goal.id, target.indicator),
    );
    // Say the period as the data does: an undated example must not read as this year's.
    let latest = p
        .latest
        .zip(p.latest_period.as_ref())
        .map(|((v, _), period)| format!("{} ({})", unit(v), ind.period_label(period, lang)));
    TargetView {
        text: title,
        indicator: pick(&ind.title, lang).to_string(),
        indicator_url: site_url(&site.config.base_path, &site.paths().indicator(lang, &ind.id)),
        illustrative: ind.illustrative,
        baseline: p.baseline.map(|(v, y)| format!("{} ({y})", unit(v))),
        latest,
        target: format!("{} ({})", unit(stated.0), stated.1),
        percent: label,
        status: p.status.key(),
        status_label: status_label(site, lang, p.status),
        bar: safe(bar),
    }
}

/// The roadmap per horizon with this year's statuses and last year's, and the changes.
#[derive(Serialize)]
pub(crate) struct RoadmapView {
    year: i32,
    previous: i32,
    horizons: Vec<HorizonView>,
    changes: Vec<ChangeView>,
}

#[derive(Serialize)]
struct HorizonView {
    name: String,
    actions: Vec<ActionView>,
}

#[derive(Serialize)]
struct ActionView {
    id: String,
    action: String,
    responsible: String,
    status: Option<&'static str>,
    status_label: String,
    before_label: Option<String>,
    changed: bool,
    evidence: Vec<String>,
    note: Option<String>,
}

#[derive(Serialize)]
struct ChangeView {
    action: String,
    before: Option<String>,
    after: String,
}

pub(crate) fn roadmap_view(site: &Site, lang: &str, year: i32) -> RoadmapView {
    // A frozen report lists the actions it listed, none added since.
    let actions = site.report_actions(year);
    let label = |s: ActionStatus| action_label(site, lang, s);
    let horizons = Horizon::ALL
        .iter()
        .filter(|h| actions.iter().any(|a| a.horizon == **h))
        .map(|h| HorizonView {
            name: site.t(lang, &format!("horizon_{}", h.key().replace('-', "_"))),
            actions: actions
                .iter()
                .filter(|a| a.horizon == *h)
                .map(|a| {
                    let now = a.status.get(&year);
                    // A frozen report keeps the evidence and notes it gave (none, if it gave none).
                    let frozen_note = site.editions.get(&year).map(|e| e.notes.get(&a.id).cloned().unwrap_or_default());
                    let frozen_note = frozen_note.as_ref();
                    let before = site.previous_status(a, year);
                    let now_status = site.action_status(a, year);
                    ActionView {
                        id: a.id.clone(),
                        action: pick(&a.action, lang).to_string(),
                        responsible: a.responsible.join(", "),
                        status: now_status.map(|s| s.key()),
                        status_label: now_status.map_or_else(|| site.t(lang, "action_no_report"), label),
                        before_label: before.map(label),
                        changed: now_status != before && now_status.is_some(),
                        evidence: frozen_note
                            .map_or_else(|| now.map(|s| s.evidence.as_slice()).unwrap_or_default(), |n| &n.evidence)
                            .iter()
                            .map(|h| crate::urls::href(&site.config.base_path, h))
                            .collect(),
                        note: frozen_note
                            .map_or_else(|| now.and_then(|s| s.note.get(lang).cloned()), |n| n.note.get(lang).cloned()),
                    }
                })
                .collect(),
        })
        .collect();
    let changes = site
        .roadmap_changes(year)
        .into_iter()
        .map(|(a, before, after)| ChangeView {
            action: pick(&a.action, lang).to_string(),
            before: before.map(label),
            after: label(after),
        })
        .collect();
    RoadmapView { year, previous: year - 1, horizons, changes }
}
