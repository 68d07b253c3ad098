//! What can be wrong with one page beyond its own Markdown, found once the whole site is
//! loaded: shortcodes naming what does not exist, report blocks outside reports, unknown
//! taxonomies and templates, campaign blocks a kit cannot be made from, aliases that are
//! not plain paths, and terms whose slug is empty.

use super::Site;
use crate::content::{CampaignFigure, PageId};
use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::Block;

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
                Diagnostic::error(
                    Code::UnknownIndicator,
                    &page.source,
                    format!("the chart shortcode names `{}`, which is not an indicator", chart.id),
                )
                .at(Some(chart.line), None)
                .hint("indicators are the files in data/indicators/; the id is the file name without .yaml"),
            );
        }
    }
    if let Some(b) = md.blocks.first() {
        if site.content.report_of(id).is_none() && !site.content.section_unreadable(id) {
            let name = if b.block == Block::Goals { "goals" } else { "roadmap" };
            diags.push(
                Diagnostic::error(
                    Code::ReportBlock,
                    &page.source,
                    format!("`{{{{< {name} >}}}}` only works in a chapter of a report"),
                )
                .at(Some(b.line), None)
                .hint("a report is a folder whose _index.md has a `report:` block; its pages are the chapters"),
            );
        }
    }
    for key in page.front.taxonomies.keys() {
        if !site.config.taxonomies.iter().any(|t| &t.key == key) {
            diags.push(
                Diagnostic::error(
                    Code::UnknownTaxonomy,
                    &page.source,
                    format!("`{key}` is not a taxonomy of this site"),
                )
                .at_point(page.value_at("taxonomies"))
                .hint("declare it under `taxonomies` in site.yaml (key, name and slug per language), or use `tags`"),
            );
        }
    }
    if let Some(t) = &page.front.template {
        if site.theme.template(t).is_none() {
            diags.push(
                Diagnostic::error(
                    Code::UnknownTemplate,
                    &page.source,
                    format!("template `{t}` does not exist in the theme or in templates/"),
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
    let mut err = |at: Option<(usize, usize)>, msg: String, hint: &str| {
        diags.push(Diagnostic::error(Code::Campaign, &page.source, msg).at_point(at).hint(hint.to_string()));
    };
    if c.message.trim().is_empty() {
        err(at("message"), "the campaign's `message` is empty".into(), "write the key message in one or two sentences");
    }
    if c.figures.len() > MAX_FIGURES {
        err(
            at("figures"),
            format!("a campaign has at most {MAX_FIGURES} key figures; this one has {}", c.figures.len()),
            "keep the strongest figures: a poster is read from a distance",
        );
    }
    for (n, f) in c.figures.iter().enumerate() {
        let line = page.value_below("campaign", &[crate::yaml::key("figures"), crate::yaml::Step::Index(n)]);
        match f {
            CampaignFigure { indicator: Some(id), value: None, .. } => match site.indicator(id) {
                None => err(
                    line,
                    format!("key figure {} names `{id}`, which is not an indicator", n + 1),
                    "indicators are the files in data/indicators/; the id is the file name without .yaml",
                ),
                Some(ind) if ind.totals().next().is_none() => err(
                    line,
                    format!("the indicator `{id}` has no total to show as a key figure"),
                    "name an indicator with a total row, or write the figure with `value` and `label`",
                ),
                Some(_) => {}
            },
            CampaignFigure { indicator: None, value: Some(v), label: Some(l), .. }
                if !v.trim().is_empty() && !l.trim().is_empty() => {}
            _ => err(
                line,
                format!(
                    "key figure {} needs either `indicator` (and maybe a `label`), or both `value` and `label`",
                    n + 1
                ),
                "for example `{ value: \"83,6 %\", label: \"conocía a su tratante\", source: \"CIES, 2022\" }`",
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
    let problems = problems.filter_map(|(n, a)| Some((n, crate::urls::alias_problem(&page.lang, a)?)));
    problems
        .map(|(n, (msg, hint))| {
            Diagnostic::error(Code::Alias, &page.source, msg).at_point(page.item_at("aliases", n)).hint(hint)
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
    let why =
        if lang == page.lang { "the page's own language" } else { "not a language of the site or one faro knows" };
    Some(
        Diagnostic::error(Code::TextLang, &page.source, format!("`text_lang: {lang}` is {why}"))
            .at_point(page.value_at("text_lang"))
            .hint("text_lang names the language the text is still in, while it awaits translation; delete it once translated"),
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
            Diagnostic::error(
                Code::EmptySlug,
                &page.source,
                format!("the term `{term}` has no letters or digits, so it has no address to be listed at"),
            )
            .at_point(line)
            .hint("write the term with at least one letter or digit, or remove it")
        })
        .collect()
}
