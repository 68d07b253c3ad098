//! Accountability reports (tests/fixtures/reports/): goal statuses computed from the data,
//! chapter and section numbering, the roadmap and what changed, the one-page full view,
//! validation with file and line, and the links between languages.
//!
//! The fixture's goals start in 2022 and its targets are for 2026, so the 2025 report finds
//! 75 % of the time elapsed; a target counts as on track down to 65 % of the way (10 points
//! of tolerance). Its three goals are `capacitar-policias` (indicator `capacitacion` at 70 of
//! 100: on track), `comision-regional` (indicator `comision` at 95 of 90: achieved) and
//! `dimensionar-trata` (no target: no data). Its roadmap has four actions: one went from in
//! progress to done, one stayed done, one went from not started to in progress, and one has
//! a 2025 status but none for 2024. The report's chapter files sort by name as hoja-de-ruta,
//! introduccion, metas, but their weights put them as introduccion, metas, hoja-de-ruta.

use crate::support::*;
use std::collections::BTreeSet;

const GOALS: &str = "data/goals.yaml";
const ROADMAP: &str = "data/roadmap.yaml";
const CAPACITACION: &str = "data/indicators/capacitacion.yaml";

/// Status keys in the order of the summary table's columns.
const KEYS: [&str; 4] = ["achieved", "on-track", "behind", "no-data"];

/// What the fixture's report is called and says in one language.
struct Lang {
    code: &'static str,
    /// The reports section, the report (cover) and its full view, under public/.
    reports: &'static str,
    report: &'static str,
    full: &'static str,
    /// Chapter folders and titles, in weight order.
    chapters: [&'static str; 3],
    titles: [&'static str; 3],
    /// Labels of `KEYS`.
    statuses: [&'static str; 4],
    chapter_label: &'static str,
}

const ES: Lang = Lang {
    code: "es",
    reports: "es/informes/",
    report: "es/informes/2025/",
    full: "es/informes/2025/completo/",
    chapters: ["introduccion", "metas", "hoja-de-ruta"],
    titles: ["Introducción", "Metas al 2026", "Hoja de ruta"],
    statuses: ["Lograda", "En camino", "Atrasada", "Sin datos"],
    chapter_label: "Capítulo",
};

const EN: Lang = Lang {
    code: "en",
    reports: "en/reports/",
    report: "en/reports/2025/",
    full: "en/reports/2025/full/",
    chapters: ["introduction", "goals", "roadmap"],
    titles: ["Introduction", "Goals to 2026", "Roadmap"],
    statuses: ["Achieved", "On track", "Behind", "No data"],
    chapter_label: "Chapter",
};

const LANGS: [&Lang; 2] = [&ES, &EN];

impl Lang {
    /// Site path of chapter `n` (1-based).
    fn chapter_path(&self, n: usize) -> String {
        format!("{}{}/", self.report, self.chapters[n - 1])
    }

    fn chapter(&self, n: usize) -> String {
        format!("{}index.html", self.chapter_path(n))
    }

    /// The chapter with `{{< goals >}}`.
    fn goals_page(&self) -> String {
        self.chapter(2)
    }

    /// The chapter with `{{< roadmap >}}`.
    fn roadmap_page(&self) -> String {
        self.chapter(3)
    }

    fn cover(&self) -> String {
        format!("{}index.html", self.report)
    }

    fn full_page(&self) -> String {
        format!("{}index.html", self.full)
    }

    fn label(&self, key: &str) -> &'static str {
        self.statuses[KEYS.iter().position(|k| *k == key).unwrap_or_else(|| panic!("no status `{key}`"))]
    }
}

fn built() -> Site {
    let site = Site::fixture("reports");
    site.build_ok(&[]);
    site
}

/// Replaces the one occurrence of `from` in a source file and returns the new text.
fn edit(site: &Site, rel: &str, from: &str, to: &str) -> String {
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    assert_eq!(text.matches(from).count(), 1, "`{from}` should occur once in {rel}:\n{text}");
    let text = text.replace(from, to);
    site.write(rel, &text);
    text
}

/// The 1-based line of the one line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let found: Vec<usize> = text.lines().enumerate().filter(|(_, l)| l.contains(needle)).map(|(n, _)| n + 1).collect();
    assert_eq!(found.len(), 1, "`{needle}` should be on exactly one line of:\n{text}");
    found[0]
}

/// The text between a start tag and the next `</name>`.
fn text_after<'a>(doc: &'a str, tag: &Tag) -> &'a str {
    let from = tag.at + tag.raw.len();
    let close = format!("</{}>", tag.name);
    let to = from + doc[from..].find(&close).unwrap_or_else(|| panic!("no {close} after {}", tag.raw));
    &doc[from..to]
}

/// A fragment with its tags left out and its whitespace collapsed.
fn plain(doc: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in doc.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_element<'a>(doc: &'a str, name: &str, is_start: impl Fn(&Tag) -> bool, what: &str) -> &'a str {
    element(doc, name, is_start).unwrap_or_else(|| panic!("no {what} in\n{doc}"))
}

/// (status key, label) of the goal whose `<article>` has `id`: the `status` badge of its title.
fn goal_status(doc: &str, id: &str) -> (String, String) {
    let article = first_element(doc, "article", |t| t.attr("id") == Some(id), &format!("<article id=\"{id}\">"));
    let badge = tags(article, "span")
        .into_iter()
        .find(|t| t.has_class("status"))
        .unwrap_or_else(|| panic!("no status badge in\n{article}"));
    let key = badge
        .attr("class")
        .unwrap()
        .split_whitespace()
        .find_map(|c| c.strip_prefix("status-"))
        .unwrap_or_else(|| panic!("no status-* class on {}", badge.raw))
        .to_string();
    (key, text_after(article, &badge).to_string())
}

/// The counts of the goals summary table per row: (row header, counts in `KEYS` order).
fn summary_rows(doc: &str) -> Vec<(String, Vec<usize>)> {
    let table = first_element(doc, "table", |t| t.has_class("status-summary"), "status summary table");
    let heads: Vec<String> = tags(table, "span").iter().map(|t| text_after(table, t).to_string()).collect();
    assert_eq!(heads.len(), 4, "the summary should have one column per status:\n{table}");
    let body = &table[table.find("<tbody>").expect("a <tbody>")..];
    tags(body, "tr")
        .iter()
        .map(|tr| {
            let row = &body[tr.at..tr.at + body[tr.at..].find("</tr>").unwrap()];
            let name = tags(row, "th").first().map(|th| text_after(row, th).to_string()).unwrap_or_default();
            let counts = tags(row, "td")
                .iter()
                .map(|td| text_after(row, td).trim().parse::<usize>().expect("a count"))
                .collect();
            (name, counts)
        })
        .collect()
}

/// The summary table's column labels, in order.
fn summary_labels(doc: &str) -> Vec<String> {
    let table = first_element(doc, "table", |t| t.has_class("status-summary"), "status summary table");
    let head = &table[..table.find("</thead>").unwrap()];
    tags(head, "span").iter().map(|t| text_after(head, t).to_string()).collect()
}

/// The cover's "at a glance" list: (status key, count, label).
fn glance(doc: &str) -> Vec<(String, usize, String)> {
    let list = first_element(doc, "ul", |t| t.has_class("glance"), "<ul class=\"glance\">");
    tags(list, "li")
        .iter()
        .map(|li| {
            let item = &list[li.at..li.at + list[li.at..].find("</li>").unwrap()];
            let spans = tags(item, "span");
            let count = spans.iter().find(|s| s.has_class("count")).expect("a count");
            let status = spans.iter().find(|s| s.has_class("status")).expect("a status");
            let key = status.attr("class").unwrap().split_whitespace().find_map(|c| c.strip_prefix("status-")).unwrap();
            (key.to_string(), text_after(item, count).parse().unwrap(), text_after(item, status).to_string())
        })
        .collect()
}

/// The checks every status test makes: the goal's badge in both languages' goals chapter
/// and in the full view.
fn assert_goal_status(site: &Site, goal: &str, key: &str) {
    for lang in LANGS {
        let expected = (key.to_string(), lang.label(key).to_string());
        let page = site.html(&lang.goals_page());
        assert_eq!(goal_status(&page, &format!("goal-{goal}")), expected, "{}: goal `{goal}`", lang.code);
        let full = site.html(&lang.full_page());
        assert_eq!(
            goal_status(&full, &format!("c2-goal-{goal}")),
            expected,
            "{}: goal `{goal}` in the full view",
            lang.code
        );
    }
}

/// Every `id="..."` of a document, in order.
fn ids(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(i) = rest.find("id=\"") {
        let preceded_by_space = rest[..i].ends_with(char::is_whitespace);
        let value_start = i + 4;
        let end = value_start + rest[value_start..].find('"').unwrap();
        if preceded_by_space {
            out.push(rest[value_start..end].to_string());
        }
        rest = &rest[end..];
    }
    out
}

/// Targets of in-page links (`href="#..."`), in order.
fn in_page_targets(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(i) = rest.find("href=\"#") {
        let start = i + 7;
        let end = start + rest[start..].find('"').unwrap();
        out.push(rest[start..end].to_string());
        rest = &rest[end..];
    }
    out
}

/// `<span class="secnum">` numbers inside `<main>`, in order.
fn section_numbers(doc: &str) -> Vec<String> {
    let main = first_element(doc, "main", |_| true, "<main>");
    tags(main, "span").iter().filter(|t| t.has_class("secnum")).map(|t| text_after(main, t).to_string()).collect()
}

/// Headings that carry an id and a section number: (level, id, number, text).
fn numbered_headings(doc: &str) -> Vec<(u8, String, String, String)> {
    let mut out = Vec::new();
    for level in 2..=5u8 {
        for h in tags(doc, &format!("h{level}")) {
            let inner = text_after(doc, &h);
            let Some(id) = h.attr("id") else { continue };
            let Some(rest) = inner.strip_prefix("<span class=\"secnum\">") else { continue };
            let (num, text) = rest.split_once("</span>").unwrap();
            out.push((h.at, level, id.to_string(), num.to_string(), text.trim().to_string()));
        }
    }
    out.sort();
    out.into_iter().map(|(_, l, id, n, t)| (l, id, n, t)).collect()
}

/// `href` of the `<a rel="...">` of a chapter's navigation, if any.
fn rel_link(doc: &str, rel: &str) -> Option<String> {
    tags(doc, "a").into_iter().find(|t| t.attr("rel") == Some(rel)).map(|t| t.attr("href").unwrap().to_string())
}

/// One row of a roadmap table: (action, responsible, last year, this year, marked changed).
type RoadmapRow = (String, String, String, String, bool);
/// The same row, borrowed, for comparing with expected literals.
type RoadmapRowRef<'a> = (&'a str, &'a str, &'a str, &'a str, bool);
/// Horizon tables, "what changed" heading, and its items.
type Roadmap = (Vec<(String, Vec<RoadmapRow>)>, String, Vec<String>);

/// The roadmap block's tables: (horizon heading, rows), and the "what changed" heading and
/// items (plain text), read from the `<section class="roadmap">` of a page.
fn roadmap(doc: &str) -> Roadmap {
    let section = first_element(doc, "section", |t| t.has_class("roadmap"), "<section class=\"roadmap\">");
    let headings: Vec<Tag> = tags(section, "h3").into_iter().chain(tags(section, "h4")).collect();
    let mut headings = headings;
    headings.sort_by_key(|h| h.at);
    let (last, horizons) = headings.split_last().expect("horizon headings and a changes heading");
    let mut out = Vec::new();
    for (n, h) in horizons.iter().enumerate() {
        let end = headings[n + 1].at;
        let part = &section[h.at..end];
        let body = &part[part.find("<tbody>").expect("a table body")..];
        let rows = tags(body, "tr")
            .iter()
            .map(|tr| {
                let row = &body[tr.at..tr.at + body[tr.at..].find("</tr>").unwrap()];
                let th = tags(row, "th");
                let action = text_after(row, &th[0]);
                let action = action.split("<br>").next().unwrap().split(" <a ").next().unwrap().trim().to_string();
                let tds: Vec<String> = tags(row, "td").iter().map(|td| plain(text_after(row, td))).collect();
                assert_eq!(tds.len(), 3, "{row}");
                let now = tds[2].split(" (").next().unwrap().to_string();
                (action, tds[0].clone(), tds[1].clone(), now, tr.has_class("changed"))
            })
            .collect();
        out.push((plain(text_after(section, h)), rows));
    }
    let after = &section[last.at..];
    let changes = match element(after, "ul", |_| true) {
        Some(list) => tags(list, "li").iter().map(|li| plain(text_after(list, li))).collect(),
        None => Vec::new(),
    };
    (out, plain(text_after(section, last)), changes)
}

// ----- Goal statuses, computed from the data ---------------------------------------------

#[test]
fn the_goal_status_and_its_counts_follow_the_indicator_value_in_both_languages() {
    let site = built();
    // (value of `capacitacion`, its goal's status, totals by status, the Prevention row)
    let cases = [
        ("70", "on-track", [1, 1, 0, 1], [0, 1, 0, 0]),
        ("50", "behind", [1, 0, 1, 1], [0, 0, 1, 0]),
        ("100", "achieved", [2, 0, 0, 1], [1, 0, 0, 0]),
    ];
    let mut previous = "70";
    for (value, key, totals, prevention) in cases {
        if value != previous {
            edit(&site, CAPACITACION, &format!("value: {previous} }}"), &format!("value: {value} }}"));
            site.build_ok(&[]);
            previous = value;
        }
        assert_goal_status(&site, "capacitar-policias", key);
        assert_goal_status(&site, "comision-regional", "achieved");
        for lang in LANGS {
            let what = format!("{}: capacitacion at {value}", lang.code);
            let page = site.html(&lang.goals_page());
            assert_eq!(summary_labels(&page), lang.statuses, "{what}");
            let rows = summary_rows(&page);
            let (prevention_name, institutional_name) = if lang.code == "es" {
                ("Prevención", "Gestión institucional")
            } else {
                ("Prevention", "Institutional management")
            };
            assert_eq!(
                rows,
                [
                    (institutional_name.to_string(), vec![1, 0, 0, 1]),
                    (prevention_name.to_string(), prevention.to_vec()),
                    ("Total".to_string(), totals.to_vec()),
                ],
                "{what}: the summary table"
            );
            // The bar says the status to those who cannot see its colour.
            let article = first_element(&page, "article", |t| t.attr("id") == Some("goal-capacitar-policias"), "goal");
            let desc = first_element(article, "desc", |_| true, "<desc>");
            let status_word = if lang.code == "es" { "Estado" } else { "Status" };
            assert!(desc.contains(&format!("{status_word}: {}.", lang.label(key))), "{what}: {desc}");
            // The cover's at-a-glance counts are the same numbers.
            let cover = site.html(&lang.cover());
            let expected: Vec<(String, usize, String)> =
                KEYS.iter().zip(totals).map(|(k, n)| (k.to_string(), n, lang.label(k).to_string())).collect();
            assert_eq!(glance(&cover), expected, "{what}: the cover's counts");
        }
    }
}

#[test]
fn a_value_exactly_at_the_target_is_achieved() {
    let site = Site::fixture("reports");
    edit(&site, CAPACITACION, "value: 70 }", "value: 100 }");
    site.build_ok(&[]);
    assert_goal_status(&site, "capacitar-policias", "achieved");
}

#[test]
fn progress_at_most_ten_points_behind_the_time_elapsed_is_on_track_and_further_behind_is_behind() {
    // 75 % of the time has passed: 65 % of the way is the last value on track.
    let site = Site::fixture("reports");
    edit(&site, CAPACITACION, "value: 70 }", "value: 65 }");
    site.build_ok(&[]);
    assert_goal_status(&site, "capacitar-policias", "on-track");
    edit(&site, CAPACITACION, "value: 65 }", "value: 64.9 }");
    site.build_ok(&[]);
    assert_goal_status(&site, "capacitar-policias", "behind");
}

#[test]
fn a_target_not_met_when_the_report_year_is_the_target_year_is_behind() {
    let site = Site::fixture("reports");
    edit(&site, CAPACITACION, "value: 70 }", "value: 99 }");
    site.build_ok(&[]);
    // In 2025, 99 % of the way is ahead of the 75 % of the time elapsed.
    assert_goal_status(&site, "capacitar-policias", "on-track");
    // The 2026 report is in the target's year: 99 is not 100.
    for lang in ["es", "en"] {
        edit(&site, &format!("content/{lang}/informes/2025/_index.md"), "  year: 2025\n", "  year: 2026\n");
    }
    site.build_ok(&[]);
    assert_goal_status(&site, "capacitar-policias", "behind");
    let page = site.html(&ES.goals_page());
    let caption = first_element(&page, "caption", |_| true, "<caption>");
    assert!(caption.contains("en 2026"), "{caption}");
}

#[test]
fn a_goal_without_targets_has_no_data_and_says_why() {
    let site = built();
    assert_goal_status(&site, "dimensionar-trata", "no-data");
    let page = site.html(&ES.goals_page());
    let article = first_element(&page, "article", |t| t.attr("id") == Some("goal-dimensionar-trata"), "goal");
    assert!(article.contains("Esta meta aún no tiene un indicador que permita medirla."), "{article}");
    assert!(!article.contains("<svg"), "a goal without targets has no bar:\n{article}");
}

#[test]
fn a_target_whose_only_value_is_suppressed_has_no_data_and_does_not_show_it() {
    let site = Site::fixture("reports");
    // 4 reports is under the fixture's `suppress_below: 10`.
    site.write(
        "data/indicators/denuncias.yaml",
        "title: { es: \"Denuncias\", en: \"Reports\" }\ntopic: { es: \"Metas\", en: \"Goals\" }\n\
         unit: { es: \"denuncias\", en: \"reports\" }\nmeasure: count\nchart: bar\nsource: { name: \"Ejemplo\" }\n\
         series:\n  - { period: 2025, value: 4 }\n",
    );
    edit(&site, GOALS, "      - indicator: capacitacion\n", "      - indicator: denuncias\n");
    site.build_ok(&[]);
    assert_goal_status(&site, "capacitar-policias", "no-data");
    for lang in LANGS {
        let page = site.html(&lang.goals_page());
        let article = first_element(&page, "article", |t| t.attr("id") == Some("goal-capacitar-policias"), "goal");
        let latest = if lang.code == "es" { "Último dato: Sin datos" } else { "Latest value: No data" };
        assert!(plain(article).contains(latest), "{}: {}", lang.code, plain(article));
        assert!(!plain(article).contains(" 4 "), "{}: the suppressed value shows:\n{}", lang.code, plain(article));
        let totals = summary_rows(&page).pop().unwrap().1;
        assert_eq!(totals, [1, 0, 0, 2], "{}", lang.code);
    }
}

#[test]

fn the_latest_value_is_the_newest_period_not_the_last_row_written() {
    let site = Site::fixture("reports");
    // An older value listed after the newer one, as a file kept newest-first would have it.
    edit(
        &site,
        CAPACITACION,
        "  - { period: 2025, value: 70 }\n",
        "  - { period: 2025, value: 70 }\n  - { period: 2022, value: 20 }\n",
    );
    site.build_ok(&[]);
    let page = site.html(&ES.goals_page());
    let article = first_element(&page, "article", |t| t.attr("id") == Some("goal-capacitar-policias"), "goal");
    // Today: "Último dato: 20 % (2022)" and the goal is behind.
    assert!(plain(article).contains("Último dato: 70 % (2025)"), "{}", plain(article));
    assert_goal_status(&site, "capacitar-policias", "on-track");
}

#[test]

fn a_report_measures_progress_with_the_data_up_to_its_year() {
    let site = Site::fixture("reports");
    edit(
        &site,
        CAPACITACION,
        "  - { period: 2025, value: 70 }\n",
        "  - { period: 2025, value: 70 }\n  - { period: 2026, value: 100 }\n",
    );
    site.build_ok(&[]);
    let page = site.html(&ES.goals_page());
    let article = first_element(&page, "article", |t| t.attr("id") == Some("goal-capacitar-policias"), "goal");
    // Today: the 2025 report shows "Último dato: 100 % (2026)" and the goal achieved.
    assert!(plain(article).contains("Último dato: 70 % (2025)"), "{}", plain(article));
    assert_goal_status(&site, "capacitar-policias", "on-track");
}

// ----- Chapters and sections ---------------------------------------------------------------

#[test]
fn chapters_are_numbered_in_weight_order_with_numbered_sections_and_prev_next_links() {
    let site = built();
    for lang in LANGS {
        for n in 1..=3 {
            let page = site.html(&lang.chapter(n));
            let what = format!("{} chapter {n}", lang.code);
            let header = first_element(&page, "header", |t| t.has_class("page-header"), "chapter header");
            assert!(header.contains(&format!("<p class=\"meta\">{} {n}</p>", lang.chapter_label)), "{what}: {header}");
            let h1 = first_element(header, "h1", |_| true, "<h1>");
            assert_eq!(plain(h1), format!("{n}. {}", lang.titles[n - 1]), "{what}");
            let prev = (n > 1).then(|| format!("/{}", lang.chapter_path(n - 1)));
            let next = (n < 3).then(|| format!("/{}", lang.chapter_path(n + 1)));
            assert_eq!(rel_link(&page, "prev"), prev, "{what}: rel=prev");
            assert_eq!(rel_link(&page, "next"), next, "{what}: rel=next");
        }
        let page = site.html(&lang.chapter(2));
        let headings: Vec<(u8, String)> =
            numbered_headings(&page).into_iter().map(|(level, _, num, _)| (level, num)).collect();
        assert_eq!(
            headings,
            [(2, "2.1".into()), (3, "2.1.1".into()), (3, "2.1.2".into()), (2, "2.2".into())],
            "{}: the goals chapter's headings",
            lang.code
        );
        // The chapter's own contents list its numbered sections.
        let toc = first_element(&page, "nav", |t| t.has_class("toc"), "the chapter's contents");
        let entries: Vec<String> = tags(toc, "a").iter().map(|a| text_after(toc, a).to_string()).collect();
        let sections: Vec<(u8, String, String, String)> = numbered_headings(&page);
        let expected: Vec<String> =
            sections.iter().filter(|s| s.0 == 2).map(|(_, _, num, text)| format!("{num} {text}")).collect();
        assert_eq!(entries, expected, "{}: the chapter's contents", lang.code);
    }
}

#[test]
fn the_report_contents_list_the_chapters_in_order_with_their_numbered_sections() {
    let site = built();
    let sections: [(&str, [&str; 4]); 2] = [
        ("es", ["1.1 Contexto", "1.2 Alcance", "2.1 Estado de las metas", "2.2 Próximos pasos"]),
        ("en", ["1.1 Context", "1.2 Scope", "2.1 Status of the goals", "2.2 Next steps"]),
    ];
    for (lang, (code, first_sections)) in LANGS.iter().zip(sections) {
        assert_eq!(lang.code, code);
        let cover = site.html(&lang.cover());
        let toc = first_element(&cover, "nav", |t| t.has_class("report-toc"), "the report's contents");
        let links: Vec<(String, String)> =
            tags(toc, "a").iter().map(|a| (a.attr("href").unwrap().to_string(), plain(text_after(toc, a)))).collect();
        let chapters: Vec<&(String, String)> = links.iter().filter(|(h, _)| !h.contains('#')).collect();
        let expected: Vec<(String, String)> = (1..=3)
            .map(|n| (format!("/{}", lang.chapter_path(n)), lang.titles[n - 1].to_string()))
            .chain([(format!("/{}", lang.full), plain(text_after(toc, tags(toc, "a").last().unwrap())))])
            .collect();
        assert_eq!(chapters.into_iter().cloned().collect::<Vec<_>>(), expected, "{code}: chapters in the contents");
        let subs: Vec<&str> = links.iter().filter(|(h, _)| h.contains('#')).map(|(_, t)| t.as_str()).collect();
        assert_eq!(subs[..4], first_sections, "{code}: numbered sections in the contents");
        // Each section link leads to a heading of that chapter with that number.
        for (href, text) in links.iter().filter(|(h, _)| h.contains('#')) {
            let (path, anchor) = href.split_once('#').unwrap();
            let chapter = site.html(&format!("{}index.html", path.trim_start_matches('/')));
            let found = numbered_headings(&chapter).into_iter().find(|(_, id, _, _)| id == anchor);
            let (_, _, num, title) = found.unwrap_or_else(|| panic!("{code}: {href} leads to no numbered heading"));
            assert_eq!(format!("{num} {title}"), *text, "{code}: {href}");
        }
    }
}

#[test]
fn changing_the_weights_renumbers_the_chapters_and_their_sections() {
    let site = Site::fixture("reports");
    for lang in ["es", "en"] {
        edit(&site, &format!("content/{lang}/informes/2025/hoja-de-ruta.md"), "weight: 3\n", "weight: 0\n");
    }
    site.build_ok(&[]);
    let roadmap = site.html("es/informes/2025/hoja-de-ruta/index.html");
    assert!(roadmap.contains("<p class=\"meta\">Capítulo 1</p>"), "{roadmap}");
    assert_eq!(section_numbers(&roadmap), ["1.", "1.1"]);
    assert_eq!(rel_link(&roadmap, "prev"), None);
    assert_eq!(rel_link(&roadmap, "next").as_deref(), Some("/es/informes/2025/introduccion/"));
    let goals = site.html("en/reports/2025/goals/index.html");
    assert_eq!(section_numbers(&goals), ["3.", "3.1", "3.1.1", "3.1.2", "3.2"]);
    assert_eq!(rel_link(&goals, "next"), None);
}

// ----- Roadmap -----------------------------------------------------------------------------

#[test]
fn the_roadmap_lists_actions_per_horizon_with_both_years_and_what_changed() {
    let site = built();
    let expected_es = (
        vec![
            (
                "A 100 días",
                vec![
                    ("Convocar a la Comisión Regional", "GORE, PNP", "En curso", "Cumplida", true),
                    ("Publicar los compromisos de gestión", "GORE", "Cumplida", "Cumplida", false),
                ],
            ),
            ("A 1 año", vec![("Aprobar un protocolo de atención", "DIRESA", "No iniciada", "En curso", true)]),
            (
                "A 4 años",
                vec![("Crear un registro regional de casos", "GORE, Ministerio Público", "–", "No iniciada", true)],
            ),
        ],
        "Qué cambió entre 2024 y 2025",
        vec![
            "Convocar a la Comisión Regional: En curso → Cumplida",
            "Aprobar un protocolo de atención: No iniciada → En curso",
            "Crear un registro regional de casos: sin reporte → No iniciada",
        ],
    );
    let expected_en = (
        vec![
            (
                "Within 100 days",
                vec![
                    ("Convene the Regional Commission", "GORE, PNP", "In progress", "Done", true),
                    ("Publish the management commitments", "GORE", "Done", "Done", false),
                ],
            ),
            ("Within 1 year", vec![("Approve a care protocol", "DIRESA", "Not started", "In progress", true)]),
            (
                "Within 4 years",
                vec![("Set up a regional case register", "GORE, Ministerio Público", "–", "Not started", true)],
            ),
        ],
        "What changed between 2024 and 2025",
        vec![
            "Convene the Regional Commission: In progress → Done",
            "Approve a care protocol: Not started → In progress",
            "Set up a regional case register: not reported → Not started",
        ],
    );
    for (lang, (horizons, heading, changes)) in LANGS.iter().zip([expected_es, expected_en]) {
        for page in [site.html(&lang.roadmap_page()), site.html(&lang.full_page())] {
            let (got, got_heading, got_changes) = roadmap(&page);
            let got: Vec<(&str, Vec<RoadmapRowRef>)> = got
                .iter()
                .map(|(h, rows)| {
                    (
                        h.as_str(),
                        rows.iter().map(|r| (r.0.as_str(), r.1.as_str(), r.2.as_str(), r.3.as_str(), r.4)).collect(),
                    )
                })
                .collect();
            assert_eq!(got, horizons, "{}: the roadmap tables", lang.code);
            assert_eq!(got_heading, heading, "{}", lang.code);
            assert_eq!(got_changes, changes, "{}: what changed", lang.code);
        }
        // The columns are last year and this year.
        let page = site.html(&lang.roadmap_page());
        let section = first_element(&page, "section", |t| t.has_class("roadmap"), "roadmap");
        let head = first_element(section, "thead", |_| true, "<thead>");
        let cols: Vec<String> = tags(head, "th").iter().map(|t| text_after(head, t).to_string()).collect();
        assert_eq!(cols[2..], ["2024", "2025"], "{}", lang.code);
        // The note and evidence of this year's status go with the action.
        assert!(section.contains("href=\"https://example.org/acta.pdf\""), "{}: {section}", lang.code);
    }
}

#[test]
fn when_no_action_changed_status_the_roadmap_says_so() {
    let site = Site::fixture("reports");
    edit(&site, ROADMAP, "      2024: { status: in-progress }\n", "      2024: { status: done }\n");
    edit(&site, ROADMAP, "      2024: { status: not-started }\n", "      2024: { status: in-progress }\n");
    edit(
        &site,
        ROADMAP,
        "    status:\n      2025: { status: not-started }\n",
        "    status:\n      2024: { status: not-started }\n      2025: { status: not-started }\n",
    );
    site.build_ok(&[]);
    for (lang, text) in LANGS.iter().zip(["Ninguna acción cambió de estado.", "No action changed status."]) {
        let page = site.html(&lang.roadmap_page());
        let (horizons, _, changes) = roadmap(&page);
        assert_eq!(changes, Vec::<String>::new(), "{}", lang.code);
        assert!(horizons.iter().flat_map(|(_, rows)| rows).all(|r| !r.4), "{}: a row is marked changed", lang.code);
        let section = first_element(&page, "section", |t| t.has_class("roadmap"), "roadmap");
        assert!(section.contains(text), "{}: {section}", lang.code);
    }
}

// ----- The full report on one page ---------------------------------------------------------

#[test]
fn the_full_view_holds_every_chapter_in_order_with_unique_ids_and_working_anchors() {
    let site = built();
    for lang in LANGS {
        let cover = site.html(&lang.cover());
        let link = tags(&cover, "a").into_iter().find(|a| a.has_class("full-report")).expect("a link to the full view");
        assert_eq!(link.attr("href"), Some(format!("/{}", lang.full).as_str()), "{}", lang.code);

        let full = site.html(&lang.full_page());
        // Chapter titles and every section number, in order.
        assert_eq!(
            section_numbers(&full),
            ["1.", "1.1", "1.2", "2.", "2.1", "2.1.1", "2.1.2", "2.2", "3.", "3.1"],
            "{}",
            lang.code
        );
        let titles: Vec<String> = tags(&full, "section")
            .into_iter()
            .filter(|s| s.has_class("full-chapter"))
            .map(|s| {
                let rest = &full[s.at..];
                plain(first_element(rest, "h2", |_| true, "chapter title"))
            })
            .collect();
        let expected: Vec<String> = (1..=3).map(|n| format!("{n}. {}", lang.titles[n - 1])).collect();
        assert_eq!(titles, expected, "{}: chapters of the full view", lang.code);
        // Each chapter's body is there: the goals, the roadmap and the footnotes.
        for needle in ["id=\"c2-goal-capacitar-policias\"", "class=\"roadmap\"", "footnote-definition"] {
            assert!(full.contains(needle), "{}: no `{needle}` in the full view", lang.code);
        }
    }
}

#[test]
fn report_pages_have_unique_ids_and_in_page_links_that_lead_somewhere() {
    let site = built();
    for lang in LANGS {
        let pages = [lang.cover(), lang.chapter(1), lang.chapter(2), lang.chapter(3), lang.full_page()];
        for rel in pages {
            let doc = site.html(&rel);
            let ids = ids(&doc);
            let mut seen = BTreeSet::new();
            let dups: Vec<&String> = ids.iter().filter(|id| !seen.insert(id.as_str())).collect();
            assert!(dups.is_empty(), "{rel}: ids used more than once: {dups:?}");
            let targets = in_page_targets(&doc);
            let broken: Vec<&String> = targets.iter().filter(|t| !seen.contains(t.as_str())).collect();
            assert!(broken.is_empty(), "{rel}: in-page links to no id: {broken:?}");
            if rel == lang.full_page() {
                // Headings, footnotes, the goals and their bars: plenty of ids to clash.
                assert!(ids.len() > 20 && targets.len() >= 6, "{rel}: {ids:?} {targets:?}");
            }
        }
    }
}

// ----- Validation --------------------------------------------------------------------------

#[test]
fn a_goal_target_on_an_indicator_that_does_not_exist_is_an_error_at_the_target() {
    let site = Site::fixture("reports");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, GOALS, "      - indicator: capacitacion\n", "      - indicator: capacitacion-pnp\n");
        line = line_of(&text, "capacitacion-pnp");
    });
    let msg = run.diagnostic(&format!("{GOALS}:{line}: error[goals]: "));
    assert!(
        msg.contains("goal `capacitar-policias` has a target on indicator `capacitacion-pnp`, which does not exist"),
        "{msg}"
    );
}

#[test]
fn an_unknown_key_in_goals_yaml_is_an_error_at_its_line() {
    let site = Site::fixture("reports");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, GOALS, "    dimension: prevention\n", "    dimension: prevention\n    owner: GORE\n");
        line = line_of(&text, "owner: GORE");
    });
    let msg = run.diagnostic(&format!("{GOALS}:{line}:"));
    assert!(msg.contains(": error[goals]: ") && msg.contains("unknown field `owner`"), "{msg}");
}

#[test]
fn an_action_whose_goal_is_not_in_goals_yaml_is_an_error_at_the_action() {
    let site = Site::fixture("reports");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, ROADMAP, "    goal: comision-regional\n", "    goal: comision\n");
        line = line_of(&text, "- id: convocar-comision");
    });
    let msg = run.diagnostic(&format!("{ROADMAP}:{line}: error[roadmap]: "));
    assert!(
        msg.contains("action `convocar-comision` belongs to goal `comision`, which is not in data/goals.yaml"),
        "{msg}"
    );
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_goals_block_in_a_page_that_is_not_a_report_chapter_is_an_error_at_its_line() {
    let site = Site::fixture("reports");
    let text = "---\ntitle: \"Línea 1818\"\n---\n\nLlama gratis a la Línea 1818.\n\n{{< goals >}}\n";
    let run = break_and_rebuild(&site, |s| s.write("content/es/linea-1818.md", text));
    let line = line_of(text, "{{< goals >}}");
    let msg = run.diagnostic(&format!("content/es/linea-1818.md:{line}: error[report-block]: "));
    assert!(msg.contains("`{{< goals >}}` only works in a chapter of a report"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_roadmap_block_on_the_report_cover_is_an_error_at_its_line() {
    let site = Site::fixture("reports");
    let rel = "content/en/informes/2025/_index.md";
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(
            s,
            rel,
            "This report reviews the year 2025.\n",
            "This report reviews the year 2025.\n\n{{< roadmap >}}\n",
        );
        line = line_of(&text, "{{< roadmap >}}");
    });
    let msg = run.diagnostic(&format!("{rel}:{line}: error[report-block]: "));
    assert!(msg.contains("`{{< roadmap >}}` only works in a chapter of a report"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_goals_block_inside_a_code_fence_is_shown_as_text() {
    let site = Site::fixture("reports");
    site.write(
        "content/es/ayuda.md",
        "---\ntitle: \"Cómo escribir un informe\"\n---\n\nEscribe:\n\n```\n{{< goals >}}\n```\n",
    );
    site.build_ok(&[]);
    let html = site.html("es/ayuda/index.html");
    assert!(html.contains("{{&lt; goals &gt;}}"), "{html}");
    assert!(!html.contains("class=\"goals\""), "{html}");
}

#[test]
fn a_report_block_in_a_regular_page_is_an_error_at_the_report_key() {
    let site = Site::fixture("reports");
    let rel = "content/es/informes/2025/anexo.md";
    let text = "---\ntitle: \"Anexo\"\nweight: 4\nreport:\n  year: 2025\n  period: \"2025\"\n  organization: \"Comisión\"\n---\n\nTablas.\n";
    let run = break_and_rebuild(&site, |s| s.write(rel, text));
    let line = line_of(text, "report:");
    let msg = run.diagnostic(&format!("{rel}:{line}:1: error[front-matter]: "));
    assert!(msg.contains("`report` belongs in the `_index.md` of a report's folder"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]

fn an_error_in_goals_yaml_is_not_also_reported_on_every_action_of_the_roadmap() {
    let site = Site::fixture("reports");
    let run = break_and_rebuild(&site, |s| {
        edit(s, GOALS, "    dimension: prevention\n", "    dimension: prevention\n    owner: GORE\n");
    });
    // Today: 4 errors, 3 of them `data/roadmap.yaml:N: error[roadmap]: action ... belongs to
    // goal `comision-regional`, which is not in data/goals.yaml` for goals that are there.
    assert!(!run.stderr.contains("error[roadmap]"), "follow-up errors for goals that exist:\n{}", run.stderr);
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]

fn an_invalid_indicator_is_reported_once_not_also_as_unknown_in_goals_yaml() {
    let site = Site::fixture("reports");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, CAPACITACION, "value: 70 }", "value: 170 }");
        line = line_of(&text, "value: 170");
    });
    run.assert_diagnostic(&format!("{CAPACITACION}:{line}: error[indicator]: "));
    // Today: also `data/goals.yaml:13: error[goals]: goal `capacitar-policias` has a target on
    // indicator `capacitacion`, which does not exist`, and 3 roadmap errors after it.
    assert!(!run.stderr.contains("which does not exist"), "{}", run.stderr);
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]

fn a_missing_translation_in_a_later_goal_is_an_error_at_that_goal() {
    let site = Site::fixture("reports");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, GOALS, "      en: \"Governments acting together against trafficking\"\n", "");
        line = line_of(&text, "es: \"Gobiernos que actúan juntos contra la trata\"") - 1;
    });
    // Today: `data/goals.yaml:9: error[goals]: `goals.objective` has no text for language
    // `en``, line 9 being the objective of the first goal, which has both languages.
    run.assert_diagnostic(&format!("{GOALS}:{line}: error[goals]: "));
}

#[test]

fn a_missing_indicator_named_like_its_goal_is_an_error_at_the_target_line() {
    let site = Site::fixture("reports");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, GOALS, "      - indicator: comision\n", "      - indicator: comision-regional\n");
        line = line_of(&text, "- indicator: comision-regional");
    });
    // Today: `data/goals.yaml:18`, the `- id: comision-regional` line of the goal.
    run.assert_diagnostic(&format!("{GOALS}:{line}: error[goals]: "));
}

// ----- Languages ---------------------------------------------------------------------------

#[test]
fn report_pages_exist_in_both_languages_and_link_each_other_with_hreflang() {
    let site = built();
    let mut pairs =
        vec![(ES.reports.to_string(), EN.reports.to_string()), (ES.report.to_string(), EN.report.to_string())];
    pairs.extend((1..=3).map(|n| (ES.chapter_path(n), EN.chapter_path(n))));
    for (es, en) in &pairs {
        let permalink = |path: &str| format!("https://example.org/{path}");
        let expected = vec![
            ("es".to_string(), permalink(es)),
            ("en".to_string(), permalink(en)),
            ("x-default".to_string(), permalink(es)),
        ];
        for (own, other, other_lang) in [(es, en, "en"), (en, es, "es")] {
            let doc = site.html(&format!("{own}index.html"));
            assert_eq!(alternates(&doc), expected, "{own}: hreflang alternates");
            assert_eq!(canonical(&doc), Some(permalink(own)), "{own}");
            let link = switcher_link(&doc, other_lang);
            assert_eq!(link.attr("href"), Some(format!("/{other}").as_str()), "{own}: the language switcher");
            assert!(!link.has_class("lang-missing"), "{own}: {}", link.raw);
        }
    }
}

#[test]

fn the_full_views_link_each_other_with_hreflang() {
    let site = built();
    let permalink = |path: &str| format!("https://example.org/{path}");
    let expected = vec![
        ("es".to_string(), permalink(ES.full)),
        ("en".to_string(), permalink(EN.full)),
        ("x-default".to_string(), permalink(ES.full)),
    ];
    for (own, other, other_lang) in [(ES.full, EN.full, "en"), (EN.full, ES.full, "es")] {
        let doc = site.html(&format!("{own}index.html"));
        // Today: canonical https://example.org/en/reports/2025/ and alternates to the covers.
        assert_eq!(canonical(&doc), Some(permalink(own)), "{own}");
        assert_eq!(alternates(&doc), expected, "{own}: hreflang alternates");
        assert_eq!(switcher_link(&doc, other_lang).attr("href"), Some(format!("/{other}").as_str()), "{own}");
    }
}

#[test]
fn tables_sections_and_figures_are_numbered_and_cross_referenced() {
    let site = Site::fixture("reports");
    site.write(
        "content/es/informes/2025/introduccion.md",
        "---\ntitle: \"Introducción\"\nweight: 1\n---\n\nVer la [@tbl:casos], la [@sec:alcance] y la [@sec:estado-de-las-metas].\n\n## Contexto\n\nTabla: Casos por año {#tbl:casos}\n| Año | Casos |\n|---|---:|\n| 2024 | 10 |\n\n## Alcance\n\nTexto.\n",
    );
    site.build_ok(&[]);
    let intro = site.html("es/informes/2025/introduccion/index.html");
    assert!(intro.contains("<caption>Tabla 1.1. Casos por año</caption>"), "{intro}");
    assert!(intro.contains("id=\"tbl-casos\""), "{intro}");
    assert!(intro.contains("<a class=\"xref\" href=\"#tbl-casos\">tabla 1.1</a>"), "{intro}");
    assert!(intro.contains("<a class=\"xref\" href=\"#alcance\">sección 1.2</a>"), "{intro}");
    // A section of another chapter links to that chapter's page.
    let link = intro.split("<a class=\"xref\" href=\"").nth(3).expect("a third reference");
    assert!(link.starts_with("/es/informes/2025/metas/#estado-de-las-metas\">sección 2."), "{link}");
}

#[test]
fn a_cross_reference_to_nothing_is_an_error_at_its_line_and_column() {
    let run = break_and_rebuild(&Site::fixture("reports"), |s| {
        s.write(
            "content/es/informes/2025/introduccion.md",
            "---\ntitle: \"Introducción\"\nweight: 1\n---\n\nTexto.\n\nComo muestra la [@tbl:no-existe], y la [@fig:tampoco].\n",
        );
    });
    run.assert_diagnostic(
        "content/es/informes/2025/introduccion.md:8:17: error[broken-ref]: `[@tbl:no-existe]` refers to nothing",
    );
    run.assert_diagnostic(
        "content/es/informes/2025/introduccion.md:8:40: error[broken-ref]: `[@fig:tampoco]` refers to nothing",
    );
}

#[test]
fn links_between_chapters_stay_on_the_page_in_the_full_view() {
    // Issue 15: a section cross-reference in the full view led out to the chapter's page.
    let site = Site::fixture("reports");
    let path = "content/es/informes/2025/hoja-de-ruta.md";
    let text = String::from_utf8(site.read_source(path)).unwrap();
    site.write(
        path,
        text.replace(
            "Las acciones previstas",
            "Ver [@sec:como-se-calcula] y [las metas](metas.md). Las acciones previstas",
        ),
    );
    site.build_ok(&[]);
    let chapter = site.html("es/informes/2025/hoja-de-ruta/index.html");
    assert!(chapter.contains("href=\"/es/informes/2025/metas/#como-se-calcula\""), "{chapter}");
    let full = site.html("es/informes/2025/completo/index.html");
    assert!(full.contains("href=\"#c2-como-se-calcula\""), "{full}");
    assert!(full.contains("href=\"#chapter-2\""), "{full}");
    assert!(full.contains("id=\"c2-como-se-calcula\""), "the anchor exists");
    assert!(!full.contains("href=\"/es/informes/2025/metas/"), "{full}");
}

#[test]
fn the_full_view_prints_the_data_table_of_every_chart() {
    // An outsider's reading of the PDF: values not written on a chart were nowhere in it.
    let site = Site::fixture("reports");
    let path = "content/es/informes/2025/introduccion.md";
    let text = String::from_utf8(site.read_source(path)).unwrap();
    site.write(path, text.replace("\n## Contexto", "\n{{< chart capacitacion >}}\n\n## Contexto"));
    site.build_ok(&[]);
    let chapter = site.html("es/informes/2025/introduccion/index.html");
    assert!(chapter.contains("<details class=\"indicator-data\">"), "folded on the chapter page");
    let full = site.html("es/informes/2025/completo/index.html");
    assert!(full.contains("<details class=\"indicator-data\" open>"), "{full}");
    assert!(!full.contains("<details class=\"indicator-data\">"), "{full}");
}
