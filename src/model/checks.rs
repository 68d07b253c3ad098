//! What can be wrong with one page beyond its own Markdown, found once the whole site is
//! loaded: shortcodes naming what does not exist, report blocks outside reports, unknown
//! taxonomies and templates, campaign blocks a kit cannot be made from, aliases that are
//! not plain paths, and terms whose slug is empty.

use super::Site;
use crate::content::{CampaignFigure, PageId};
use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::Block;
use crate::messages::Said;

/// Poster space: more figures than this would not fit an A4 sheet at a readable size.
pub(crate) const MAX_FIGURES: usize = 4;

pub(crate) fn page_checks(site: &Site, id: PageId) -> Vec<Diagnostic> {
    let mut diags = campaign_checks(site, id);
    diags.extend(text_lang_check(site, id));
    diags.extend(alias_checks(site, id));
    diags.extend(term_checks(site, id));
    let (page, md) = (&site.content[id], site.md(id));
    for chart in &md.charts {
        // An indicator that failed validation was reported already; say nothing more here.
        let dir = site.root.join("data/indicators");
        let exists = ["yaml", "yml"].iter().any(|ext| dir.join(format!("{}.{ext}", chart.id)).is_file());
        if site.indicator(&chart.id).is_none() && !exists {
            diags.push(
                Diagnostic::error_said(
                    Code::UnknownIndicator,
                    &page.source,
                    Said::new("data-chart-unknown-indicator", &[("id", &chart.id)]),
                )
                .at(Some(chart.line), None)
                .hint_said(Said::new("data-indicator-files-hint", &[])),
            );
        }
    }
    if let Some(b) = md.blocks.first() {
        if site.content.report_of(id).is_none() && !site.content.section_unreadable(id) {
            let name = if b.block == Block::Goals { "goals" } else { "roadmap" };
            diags.push(
                Diagnostic::error_said(
                    Code::ReportBlock,
                    &page.source,
                    Said::new("report-block-outside-report", &[("name", name)]),
                )
                .at(Some(b.line), None)
                .hint_said(Said::new("report-block-outside-report-hint", &[])),
            );
        }
    }
    for key in page.front.taxonomies.keys() {
        if !site.config.taxonomies.iter().any(|t| &t.key == key) {
            diags.push(
                Diagnostic::error_said(
                    Code::UnknownTaxonomy,
                    &page.source,
                    Said::new("data-unknown-taxonomy", &[("key", key)]),
                )
                .at_point(page.value_at("taxonomies"))
                .hint_said(Said::new("data-unknown-taxonomy-hint", &[])),
            );
        }
    }
    if let Some(t) = &page.front.template {
        if site.theme.template(t).is_none() {
            diags.push(
                Diagnostic::error_said(
                    Code::UnknownTemplate,
                    &page.source,
                    Said::new("data-unknown-template", &[("template", t)]),
                )
                .at_point(page.value_at("template")),
            );
        }
    }
    diags
}

/// Errors in a campaign block, at their lines.
fn campaign_checks(site: &Site, id: PageId) -> Vec<Diagnostic> {
    let page = &site.content[id];
    let Some(c) = &page.front.campaign else { return Vec::new() };
    let at = |key: &str| page.value_below("campaign", &[crate::yaml::key(key)]);
    let mut diags = Vec::new();
    let mut err = |at: Option<(usize, usize)>, said: Said, hint: &'static str| {
        let hint = Said::new(hint, &[]);
        diags.push(Diagnostic::error_said(Code::Campaign, &page.source, said).at_point(at).hint_said(hint));
    };
    if c.message.trim().is_empty() {
        err(at("message"), Said::new("kit-empty-message", &[]), "kit-empty-message-hint");
    }
    if c.figures.len() > MAX_FIGURES {
        let (max, has) = (MAX_FIGURES.to_string(), c.figures.len().to_string());
        err(
            at("figures"),
            Said::new("kit-too-many-figures", &[("max", &max), ("figures", &has)]),
            "kit-too-many-figures-hint",
        );
    }
    for (n, f) in c.figures.iter().enumerate() {
        let line = page.value_below("campaign", &[crate::yaml::key("figures"), crate::yaml::Step::Index(n)]);
        match f {
            CampaignFigure { indicator: Some(id), value: None, .. } => match site.indicator(id) {
                None => err(
                    line,
                    Said::new("kit-figure-unknown-indicator", &[("n", &(n + 1).to_string()), ("id", id)]),
                    "data-indicator-files-hint",
                ),
                Some(ind) if ind.totals().next().is_none() => {
                    err(line, Said::new("kit-figure-without-total", &[("id", id)]), "kit-figure-without-total-hint")
                }
                Some(_) => {}
            },
            CampaignFigure { indicator: None, value: Some(v), label: Some(l), .. }
                if !v.trim().is_empty() && !l.trim().is_empty() => {}
            _ => err(
                line,
                Said::new("kit-figure-incomplete", &[("n", &(n + 1).to_string())]),
                "kit-figure-incomplete-hint",
            ),
        }
    }
    diags
}

/// Aliases a web server would not hand to their redirect unchanged, at their lines (those
/// that clash with other addresses are found when the redirects are made).
fn alias_checks(site: &Site, id: PageId) -> Vec<Diagnostic> {
    let page = &site.content[id];
    let problems = page.front.aliases.iter().enumerate();
    let problems = problems.filter_map(|(n, a)| Some((n, crate::urls::alias_problem_said(&page.lang, a)?)));
    problems
        .map(|(n, (msg, hint))| {
            Diagnostic::error_said(Code::Alias, &page.source, msg).at_point(page.item_at("aliases", n)).hint_said(hint)
        })
        .collect()
}

/// A term that folds to an empty slug (`!!!`, an emoji) would have no list page: it is an
/// error, as an empty page slug is, rather than a tag the page silently lacks.
/// `text_lang` names the language a copy is still written in: another language, one of the
/// site's or one faro can name (a typo such as `text_lang: Spanish` is caught).
fn text_lang_check(site: &Site, id: PageId) -> Option<Diagnostic> {
    let page = &site.content[id];
    let lang = page.front.text_lang.as_deref()?;
    if lang != page.lang && crate::i18n::text_language_name(&site.config, &site.strings, lang).is_some() {
        return None;
    }
    let id = if lang == page.lang { "data-text-lang-own" } else { "data-text-lang-unknown" };
    Some(
        Diagnostic::error_said(Code::TextLang, &page.source, Said::new(id, &[("lang", lang)]))
            .at_point(page.value_at("text_lang"))
            .hint_said(Said::new("data-text-lang-hint", &[])),
    )
}

fn term_checks(site: &Site, id: PageId) -> Vec<Diagnostic> {
    let page = &site.content[id];
    let tags = page.front.tags.iter().enumerate().map(|(n, t)| (t, page.item_at("tags", n)));
    let others = page.front.taxonomies.iter().flat_map(|(key, terms)| {
        let term = |n| page.value_below("taxonomies", &[crate::yaml::key(key), crate::yaml::Step::Index(n)]);
        terms.iter().enumerate().map(move |(n, t)| (t, term(n)))
    });
    tags.chain(others)
        .filter(|(term, _)| crate::slug::slugify(term).is_empty())
        .map(|(term, line)| {
            Diagnostic::error_said(
                Code::EmptySlug,
                &page.source,
                Said::new("data-term-without-slug", &[("term", term)]),
            )
            .at_point(line)
            .hint_said(Said::new("data-term-without-slug-hint", &[]))
        })
        .collect()
}
