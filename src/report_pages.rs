//! What accountability reports show: the goal status summary and progress bars, and the
//! roadmap per horizon with what changed since the previous year, all computed from the
//! data for the report's year. Also numbering (chapters and their sections) and the
//! single-page full-report view.

use crate::charts;
use crate::content::{Content, PageKind};
use crate::goals::{self, Dimension, Horizon, Status};
use crate::indicators::{text, NumberFormat};
use crate::markdown::Block;
use crate::markdown::Rendered;
use crate::render::{site_url, Renderer};
use crate::site::{t, Site};
use crate::slug::slugify;
use minijinja::value::Value;
use std::collections::{BTreeMap, HashMap};

type Map = BTreeMap<&'static str, Value>;

/// The number of chapter `i` in its report (1-based), or None if it is not a chapter.
pub fn chapter_number(site: &Site, i: usize) -> Option<usize> {
    chapter_number_in(&site.content, i)
}

fn chapter_number_in(content: &Content, i: usize) -> Option<usize> {
    let report = content.report_of(i)?;
    let mut chapters = content.pages[report].children.iter().filter(|&&c| content.pages[c].kind == PageKind::Page);
    chapters.position(|&c| c == i).map(|n| n + 1)
}

/// Section numbers for a chapter's headings: `2.1`, `2.1.1`… keyed by heading id.
pub fn section_numbers(site: &Site, i: usize) -> Vec<(String, String)> {
    section_numbers_in(&site.content, &site.rendered, i)
}

fn section_numbers_in(content: &Content, rendered: &[Rendered], i: usize) -> Vec<(String, String)> {
    let Some(n) = chapter_number_in(content, i) else { return Vec::new() };
    let mut counters = [0usize; 6];
    rendered[i]
        .headings
        .iter()
        .filter(|h| (2..=4).contains(&h.level))
        .map(|h| {
            let depth = (h.level - 2) as usize;
            counters[depth] += 1;
            counters[depth + 1..].iter_mut().for_each(|c| *c = 0);
            let parts: Vec<String> =
                std::iter::once(n.to_string()).chain(counters[..=depth].iter().map(|c| c.to_string())).collect();
            (h.id.clone(), parts.join("."))
        })
        .collect()
}

/// Where a cross-reference leads: the chapter, the anchor and the number to print.
#[derive(Debug, Clone)]
pub struct XTarget {
    pub page: usize,
    pub anchor: String,
    pub number: String,
}

/// Everything a report's chapters can refer to: sections (`sec:<heading id>`) and figures
/// (`fig:<indicator id>`, numbered per chapter in order: 4.1, 4.2).
pub fn xrefs(content: &Content, rendered: &[Rendered], report: usize) -> HashMap<(String, String), XTarget> {
    let mut index = HashMap::new();
    for &c in content.pages[report].children.iter().filter(|&&c| content.pages[c].kind == PageKind::Page) {
        let Some(n) = chapter_number_in(content, c) else { continue };
        for (id, number) in section_numbers_in(content, rendered, c) {
            index.insert(("sec".to_string(), id.clone()), XTarget { page: c, anchor: id, number });
        }
        for (k, (id, _)) in rendered[c].tables.iter().enumerate() {
            index.entry(("tbl".to_string(), id.clone())).or_insert(XTarget {
                page: c,
                anchor: format!("tbl-{id}"),
                number: format!("{n}.{}", k + 1),
            });
        }
        for (k, (id, _)) in rendered[c].charts.iter().enumerate() {
            index.entry(("fig".to_string(), id.clone())).or_insert(XTarget {
                page: c,
                anchor: format!("fig-{id}"),
                number: format!("{n}.{}", k + 1),
            });
        }
    }
    index
}

/// Checks every cross-reference of every chapter; a reference to nothing is an error at
/// its line and column.
pub fn check_xrefs(content: &Content, rendered: &[Rendered]) -> Vec<crate::diagnostics::Diagnostic> {
    let mut diags = Vec::new();
    let mut indexes: HashMap<usize, HashMap<(String, String), XTarget>> = HashMap::new();
    for (i, md) in rendered.iter().enumerate() {
        let page = &content.pages[i];
        for (kind, id, line, col) in &md.refs {
            let at = |msg: String| {
                crate::diagnostics::Diagnostic::error("broken-ref", &page.source, msg).at(Some(*line), Some(*col))
            };
            let Some(report) = content.report_of(i) else {
                diags.push(at(format!("`[@{kind}:{id}]`: cross-references work in the chapters of a report")));
                continue;
            };
            let index = indexes.entry(report).or_insert_with(|| xrefs(content, rendered, report));
            if !index.contains_key(&(kind.clone(), id.clone())) {
                let what = match kind.as_str() {
                    "sec" => "no heading of this report has the id",
                    "fig" => "no chart of this report shows the indicator",
                    _ => "no table caption of this report has the id",
                };
                diags.push(at(format!("`[@{kind}:{id}]` refers to nothing: {what} `{id}`")).hint(
                    "write [@sec:heading-id] for a section (the id is the heading's slug), [@fig:indicator-id] for a chart, or [@tbl:id] for a table captioned `Tabla: text {#tbl:id}`",
                ));
            }
        }
    }
    diags
}

/// Puts section numbers in front of a chapter's headings.
pub fn number_headings(html: &str, numbers: &[(String, String)]) -> String {
    let mut html = html.to_string();
    for (id, num) in numbers {
        for level in 2..=4 {
            let open = format!("<h{level} id=\"{id}\">");
            if html.contains(&open) {
                html = html.replacen(&open, &format!("{open}<span class=\"secnum\">{num}</span> "), 1);
                break;
            }
        }
    }
    html
}

/// The `full` folder of a report, localized: `/es/informes/2025/completo/`.
pub fn full_path(site: &Site, report: usize) -> String {
    let page = &site.content.pages[report];
    format!("{}{}/", page.url, slugify(&t(site, &page.lang, "report_full_slug")))
}

fn status_label(site: &Site, lang: &str, status: Status) -> String {
    t(site, lang, &format!("status_{}", status.key().replace('-', "_")))
}

fn fmt(site: &Site, lang: &str) -> NumberFormat {
    NumberFormat::from_strings(&site.strings[lang])
}

/// The references of a report: the `references` of its front matter, then the source of
/// every indicator its chapters chart or its goals measure, each once.
pub fn references(site: &Site, report: usize) -> Value {
    let page = &site.content.pages[report];
    let lang = page.lang.as_str();
    let mut ids: Vec<&str> = Vec::new();
    for &c in &page.children {
        ids.extend(site.rendered[c].charts.iter().map(|(id, _)| id.as_str()));
        if site.rendered[c].blocks.iter().any(|(b, _)| *b == Block::Goals) {
            ids.extend(site.plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator.as_str())));
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut list: Vec<Value> = Vec::new();
    for text in page.front.report.iter().flat_map(|r| r.references.iter()) {
        if seen.insert(text.clone()) {
            let mut m = Map::new();
            m.insert("name", Value::from(text.as_str()));
            list.push(Value::from(m));
        }
    }
    for id in ids {
        let Some(ind) = crate::indicators::find(&site.indicators, id) else { continue };
        let name = text(&ind.source.name, lang).to_string();
        if !seen.insert(format!("{name}|{:?}", ind.source.url)) {
            continue;
        }
        let mut m = Map::new();
        m.insert("name", Value::from(name));
        m.insert("url", ind.source.url.as_deref().into());
        m.insert("date", ind.source.date.as_deref().into());
        list.push(Value::from(m));
    }
    Value::from(list)
}

/// The progress a report year shows for a target: frozen if that year's report is final
/// and frozen, computed from the data otherwise.
fn shown_progress(
    site: &Site,
    goal: &goals::Goal,
    target: &goals::Target,
    ind: &crate::indicators::Indicator,
    year: i32,
) -> goals::Progress {
    site.editions
        .get(&year)
        .and_then(|e| e.progress(&goal.id, &target.indicator))
        .unwrap_or_else(|| goals::progress(ind, target, site.plan.start_year, year))
}

/// "What changed since the last report", for a report whose language has an earlier one:
/// targets that improved or worsened, roadmap milestones met or missed, and figures of
/// the earlier edition that the data has since revised. None for a first report.
pub fn changes_value(site: &Site, report: usize) -> Option<Value> {
    let page = &site.content.pages[report];
    let year = page.front.report.as_ref()?.year;
    let lang = page.lang.as_str();
    let previous = site
        .content
        .pages
        .iter()
        .filter(|p| p.lang == page.lang)
        .filter_map(|p| p.front.report.as_ref().map(|r| r.year))
        .filter(|y| *y < year)
        .max()?;
    let f = fmt(site, lang);
    let percent_fmt = t(site, lang, "percent_format");
    let pct = |v: Option<f64>| {
        v.map_or_else(|| t(site, lang, "status_no_data"), |v| percent_fmt.replace("{n}", &f.format(v, 0)))
    };
    let (mut improved, mut worsened) = (Vec::new(), Vec::new());
    for goal in &site.plan.goals {
        for target in &goal.targets {
            let Some(ind) = crate::indicators::find(&site.indicators, &target.indicator) else { continue };
            let before = shown_progress(site, goal, target, ind, previous);
            let now = shown_progress(site, goal, target, ind, year);
            let line = format!(
                "{}: {} → {}",
                target.text.get(lang).cloned().unwrap_or_else(|| text(&ind.title, lang).to_string()),
                pct(before.percent),
                pct(now.percent)
            );
            match (before.percent, now.percent) {
                (Some(b), Some(n)) if n > b => improved.push(Value::from(line)),
                (Some(b), Some(n)) if n < b => worsened.push(Value::from(line)),
                _ => {}
            }
        }
    }
    let action_label = |s: goals::ActionStatus| t(site, lang, &format!("action_{}", s.key().replace('-', "_")));
    let (mut met, mut missed) = (Vec::new(), Vec::new());
    for (a, before, after) in goals::roadmap_changes(&site.plan.actions, year) {
        let line = format!(
            "{} ({} → {})",
            text(&a.action, lang),
            before.map_or_else(|| t(site, lang, "roadmap_not_reported"), action_label),
            action_label(after)
        );
        match after {
            goals::ActionStatus::Done => met.push(Value::from(line)),
            goals::ActionStatus::Delayed => missed.push(Value::from(line)),
            _ => {}
        }
    }
    let revised: Vec<Value> = site
        .editions
        .get(&previous)
        .map(|frozen| {
            let now = crate::editions::Edition::compute(&site.plan, &site.indicators, previous);
            frozen
                .targets
                .iter()
                .filter_map(|t0| {
                    let n = now.targets.iter().find(|n| n.goal == t0.goal && n.indicator == t0.indicator)?;
                    (n.latest != t0.latest).then(|| {
                        let ind = crate::indicators::find(&site.indicators, &t0.indicator);
                        let name = ind.map_or(t0.indicator.clone(), |i| text(&i.title, lang).to_string());
                        let num =
                            |v: Option<f64>| v.map_or_else(|| t(site, lang, "status_no_data"), |v| f.format(v, 1));
                        Value::from(format!("{name}: {} → {}", num(t0.latest), num(n.latest)))
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let mut m = Map::new();
    m.insert("previous", Value::from(previous));
    m.insert("year", Value::from(year));
    m.insert("improved", Value::from(improved));
    m.insert("worsened", Value::from(worsened));
    m.insert("met", Value::from(met));
    m.insert("missed", Value::from(missed));
    m.insert("revised", Value::from(revised));
    Some(Value::from(m))
}

/// The goal summary (counts per status, overall and per dimension) and every goal with its
/// targets' progress, for `year`, in `lang`.
pub fn goals_value(site: &Site, lang: &str, year: i32) -> Value {
    let plan = &site.plan;
    let f = fmt(site, lang);
    let percent_fmt = t(site, lang, "percent_format");
    let pct = |v: f64| percent_fmt.replace("{n}", &f.format(v, 0));
    let mut goals = Vec::new();
    let mut statuses: Vec<(Dimension, Status)> = Vec::new();
    for goal in &plan.goals {
        let mut targets = Vec::new();
        let mut goal_statuses = Vec::new();
        for target in &goal.targets {
            let Some(ind) = crate::indicators::find(&site.indicators, &target.indicator) else { continue };
            // A final report shows its frozen values, not whatever the data says today.
            let p = shown_progress(site, goal, target, ind, year);
            goal_statuses.push(p.status);
            let unit = |v: f64| {
                let n = f.format(v, 1);
                if ind.measure == crate::indicators::Measure::Percent {
                    percent_fmt.replace("{n}", &n)
                } else {
                    format!("{n} {}", text(&ind.unit, lang))
                }
            };
            let label = p.percent.map_or_else(|| t(site, lang, "status_no_data"), pct);
            let title = target.text.get(lang).cloned().unwrap_or_else(|| text(&ind.title, lang).to_string());
            let desc = t(site, lang, "goal_bar_desc")
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
            let mut m = Map::new();
            m.insert("text", Value::from(title));
            m.insert("indicator", Value::from(text(&ind.title, lang)));
            m.insert(
                "indicator_url",
                Value::from(site_url(&site.config.base_path, &crate::indicator_pages::page_path(site, lang, &ind.id))),
            );
            m.insert("illustrative", Value::from(ind.illustrative));
            m.insert("baseline", p.baseline.map(|(v, y)| format!("{} ({y})", unit(v))).into());
            // Say the period as the data does: an undated example must not read as this year's.
            let latest = p
                .latest
                .zip(p.latest_period.as_ref())
                .map(|((v, _), period)| format!("{} ({})", unit(v), ind.period_label(period, lang)));
            m.insert("latest", latest.into());
            m.insert("target", Value::from(format!("{} ({})", unit(target.value), target.year)));
            m.insert("percent", Value::from(label));
            m.insert("status", Value::from(p.status.key()));
            m.insert("status_label", Value::from(status_label(site, lang, p.status)));
            m.insert("bar", Value::from_safe_string(bar));
            targets.push(Value::from(m));
        }
        let status = goals::goal_status(&goal_statuses);
        statuses.push((goal.dimension, status));
        let mut m = Map::new();
        m.insert("id", Value::from(goal.id.as_str()));
        m.insert("dimension", Value::from(t(site, lang, &format!("dimension_{}", goal.dimension.key()))));
        m.insert("measure", Value::from(text(&goal.measure, lang)));
        m.insert("objective", Value::from(text(&goal.objective, lang)));
        m.insert("status", Value::from(status.key()));
        m.insert("status_label", Value::from(status_label(site, lang, status)));
        m.insert("targets", Value::from(targets));
        goals.push(Value::from(m));
    }
    let counts = |filter: &dyn Fn(&Dimension) -> bool| -> Vec<Value> {
        Status::ALL
            .iter()
            .map(|s| {
                let mut m = Map::new();
                m.insert("status", Value::from(s.key()));
                m.insert("label", Value::from(status_label(site, lang, *s)));
                m.insert("count", Value::from(statuses.iter().filter(|(d, st)| filter(d) && st == s).count()));
                Value::from(m)
            })
            .collect()
    };
    let dimensions: Vec<Value> = Dimension::ALL
        .iter()
        .filter(|d| statuses.iter().any(|(x, _)| x == *d))
        .map(|d| {
            let mut m = Map::new();
            m.insert("name", Value::from(t(site, lang, &format!("dimension_{}", d.key()))));
            m.insert("counts", Value::from(counts(&|x| x == d)));
            Value::from(m)
        })
        .collect();
    let mut m = Map::new();
    m.insert("year", Value::from(year));
    m.insert("total", Value::from(statuses.len()));
    m.insert("counts", Value::from(counts(&|_| true)));
    m.insert("dimensions", Value::from(dimensions));
    m.insert("goals", Value::from(goals));
    Value::from(m)
}

/// The roadmap per horizon with this year's statuses and last year's, and the changes.
pub fn roadmap_value(site: &Site, lang: &str, year: i32) -> Value {
    let actions = &site.plan.actions;
    let label = |s: goals::ActionStatus| t(site, lang, &format!("action_{}", s.key().replace('-', "_")));
    let horizons: Vec<Value> = Horizon::ALL
        .iter()
        .filter(|h| actions.iter().any(|a| a.horizon == **h))
        .map(|h| {
            let rows: Vec<Value> = actions
                .iter()
                .filter(|a| a.horizon == *h)
                .map(|a| {
                    let now = a.status.get(&year);
                    let frozen = |y: i32| site.editions.get(&y).and_then(|e| e.roadmap.get(&a.id).copied());
                    let before = frozen(year - 1).or_else(|| a.status.get(&(year - 1)).map(|s| s.status));
                    let now_status = frozen(year).or_else(|| now.map(|s| s.status));
                    let mut m = Map::new();
                    m.insert("id", Value::from(a.id.as_str()));
                    m.insert("action", Value::from(text(&a.action, lang)));
                    m.insert("responsible", Value::from(a.responsible.join(", ")));
                    m.insert("status", now_status.map(|s| s.key()).into());
                    m.insert(
                        "status_label",
                        Value::from(now_status.map_or_else(|| t(site, lang, "action_no_report"), label)),
                    );
                    m.insert("before_label", before.map(label).into());
                    m.insert("changed", Value::from(now_status != before && now_status.is_some()));
                    m.insert("evidence", Value::from(now.map(|s| s.evidence.clone()).unwrap_or_default()));
                    m.insert("note", now.and_then(|s| s.note.get(lang).cloned()).into());
                    Value::from(m)
                })
                .collect();
            let mut m = Map::new();
            m.insert("name", Value::from(t(site, lang, &format!("horizon_{}", h.key().replace('-', "_")))));
            m.insert("actions", Value::from(rows));
            Value::from(m)
        })
        .collect();
    let changes: Vec<Value> = goals::roadmap_changes(actions, year)
        .into_iter()
        .map(|(a, before, after)| {
            let mut m = Map::new();
            m.insert("action", Value::from(text(&a.action, lang)));
            m.insert("before", before.map(label).into());
            m.insert("after", Value::from(label(after)));
            Value::from(m)
        })
        .collect();
    let mut m = Map::new();
    m.insert("year", Value::from(year));
    m.insert("previous", Value::from(year - 1));
    m.insert("horizons", Value::from(horizons));
    m.insert("changes", Value::from(changes));
    Value::from(m)
}

/// HTML for every `{{< goals >}}` and `{{< roadmap >}}` in report chapters, keyed by
/// (page index, block), rendered with the theme's `_goals.html` and `_roadmap.html`.
pub fn blocks(
    site: &Site,
    renderer: &Renderer,
) -> (HashMap<(usize, Block), String>, Vec<crate::diagnostics::Diagnostic>) {
    let mut out = HashMap::new();
    let mut diags = Vec::new();
    for (i, md) in site.rendered.iter().enumerate() {
        let Some(report) = site.content.report_of(i) else { continue };
        let Some(meta) = &site.content.pages[report].front.report else { continue };
        let lang = site.content.pages[i].lang.as_str();
        for (block, _) in &md.blocks {
            let (template, value) = match block {
                Block::Goals => ("_goals.html", goals_value(site, lang, meta.year)),
                Block::Roadmap => ("_roadmap.html", roadmap_value(site, lang, meta.year)),
            };
            let mut ctx = Map::new();
            ctx.insert("lang", Value::from(lang));
            ctx.insert("data", value);
            let source = site.content.pages[i].source.display().to_string();
            match renderer.render(template, Value::from(ctx), &source) {
                Ok(html) => {
                    out.insert((i, *block), html);
                }
                Err(d) => diags.push(d),
            }
        }
    }
    (out, diags)
}
