//! What templates see, as typed `Serialize` views. The site (per language) and every page
//! are turned into template values once and shared (minijinja values are reference-counted),
//! so a section listing thousands of pages costs a pointer copy per render, not a
//! re-serialisation. Each template context is a `Context` of these values.

pub(crate) mod indicators;
pub(crate) mod reports;
mod site;

use crate::content::{PageId, PageKind};
use crate::markdown::{Block, Piece, Slot};
use crate::model::Site;
use crate::urls::site_url;
use minijinja::value::{Serde, Value};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub(crate) use site::{menus, translations_by, MenuEntry, Translation};

/// A view as a template value.
pub(crate) fn value(view: impl Serialize) -> Value {
    Value::from(Serde(view))
}

/// HTML faro made itself, escaped where it had to be: templates print it as it is.
pub(crate) fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

/// HTML made elsewhere that goes into pages where Markdown left a slot.
#[derive(Default)]
pub(crate) struct Fills {
    /// (page, indicator id) -> a chart shortcode's figure.
    pub(crate) figures: HashMap<(PageId, String), String>,
    /// (page, block) -> a report's goals or roadmap block.
    pub(crate) blocks: HashMap<(PageId, Block), String>,
}

/// The template values of the site per language and of every page.
pub(crate) struct Views {
    site: HashMap<String, Value>,
    pages: Vec<Value>,
}

/// What every template is given.
#[derive(Serialize)]
pub(crate) struct Context<'a, P: Serialize> {
    pub(crate) site: &'a Value,
    pub(crate) lang: &'a str,
    pub(crate) page: P,
    pub(crate) section: Option<&'a Value>,
    pub(crate) translations: Vec<Translation>,
    pub(crate) menu: Vec<MenuEntry>,
    /// Every menu of the language by name; `menu` is its `main`.
    pub(crate) menus: BTreeMap<String, Vec<MenuEntry>>,
    /// The full view of a report names its own canonical URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) canonical: Option<String>,
}

impl Views {
    pub(crate) fn new(site: &Site, fills: &Fills) -> Views {
        let site_values = site.config.languages.iter().map(|l| (l.clone(), value(site::view(site, l)))).collect();
        let mut views = Views { site: site_values, pages: vec![Value::UNDEFINED; site.content.len()] };
        views.refresh(site, &site.content.ids().collect(), fills);
        views
    }

    /// Recomputes the values of `changed` pages, children before parents, so a section's
    /// list holds finished page values.
    pub(crate) fn refresh(&mut self, site: &Site, changed: &BTreeSet<PageId>, fills: &Fills) {
        let mut order: Vec<PageId> = changed.iter().copied().collect();
        order.sort_by_key(|&i| std::cmp::Reverse(site.content[i].url.matches('/').count()));
        for i in order {
            self.pages[i.0] = value(page_view(site, i, &self.pages, fills));
        }
    }

    /// The value of page `i`, as templates see it in lists.
    pub(crate) fn page(&self, i: PageId) -> Value {
        self.pages[i.0].clone()
    }

    /// The context of page `i`.
    pub(crate) fn page_context<'a>(&'a self, site: &'a Site, i: PageId) -> Context<'a, Value> {
        let page = &site.content[i];
        let lang = page.lang.as_str();
        let translations = translations_by(site, lang, &|l| {
            page.translations.get(l).map(|&t| (site.content[t].url.clone(), site.content[t].front.title.clone()))
        });
        self.context(site, lang, self.page(i), &page.url, translations, page.parent)
    }

    /// The full-report view of report `i`: its own canonical URL, and alternates that lead
    /// to the full view of each translation.
    pub(crate) fn full_report_context<'a>(&'a self, site: &'a Site, i: PageId) -> Context<'a, Value> {
        let page = &site.content[i];
        let paths = site.paths();
        let full = paths.report_full(&page.url, &page.lang);
        let translations = translations_by(site, &page.lang, &|l| {
            page.translations.get(l).map(|&t| {
                let other = &site.content[t];
                (paths.report_full(&other.url, &other.lang), other.front.title.clone())
            })
        });
        let mut ctx = self.context(site, &page.lang, self.page(i), &page.url, translations, page.parent);
        ctx.canonical = Some(site_url(&site.config.base_url, &full));
        ctx
    }

    /// Context for a generated page (indicators, search, lists, kits): its own translations
    /// and menu.
    pub(crate) fn generated_context<'a, P: Serialize>(
        &'a self,
        site: &Site,
        lang: &'a str,
        page: P,
        path: &str,
        translations: Vec<Translation>,
    ) -> Context<'a, P> {
        self.context(site, lang, page, path, translations, None)
    }

    /// Context for pages that have no Markdown source (404, redirects, kit documents).
    pub(crate) fn plain_context<'a, P: Serialize>(&'a self, site: &Site, lang: &'a str, page: P) -> Context<'a, P> {
        let translations = translations_by(site, lang, &|l| Some((crate::urls::home(l), String::new())));
        self.context(site, lang, page, "", translations, None)
    }

    fn context<'a, P: Serialize>(
        &'a self,
        site: &Site,
        lang: &'a str,
        page: P,
        path: &str,
        translations: Vec<Translation>,
        section: Option<PageId>,
    ) -> Context<'a, P> {
        let menus = menus(site, lang, path);
        Context {
            menu: menus.get(crate::config::MAIN).cloned().unwrap_or_default(),
            menus,
            site: &self.site[lang],
            lang,
            page,
            section: section.map(|p| &self.pages[p.0]),
            translations,
            canonical: None,
        }
    }
}

/// A page with no Markdown source: 404, and redirects.
#[derive(Serialize)]
pub(crate) struct Plain<'a> {
    pub(crate) title: &'a str,
    pub(crate) kind: &'static str,
    pub(crate) url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) permalink: Option<String>,
}

/// A page of the site as templates see it.
#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    summary: String,
    date: Option<&'a str>,
    updated: Option<&'a str>,
    /// The picture shown when the page is shared: its own, its campaign's social card, or
    /// the site's default.
    image: Option<String>,
    kit: Option<String>,
    /// Pages of a section with a feed are articles (news) for feeds and JSON-LD.
    article: bool,
    tags: &'a [String],
    terms: Vec<TermGroup<'a>>,
    weight: i64,
    kind: &'static str,
    lang: &'a str,
    path: &'a str,
    url: String,
    permalink: String,
    source: &'a str,
    content: Value,
    headings: Vec<HeadingView<'a>>,
    word_count: usize,
    reading_minutes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<reports::ReportView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    chapter: Option<ChapterView>,
    /// Front matter `extra:` as written (an empty map when there is none).
    extra: std::borrow::Cow<'a, crate::yaml::Value>,
    /// The language the text is still in, and that language's name, for a copy awaiting
    /// translation (`text_lang`).
    #[serde(skip_serializing_if = "Option::is_none")]
    text_lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text_lang_name: Option<String>,
    /// Every section above the page, the top one first; the home page is not among them.
    breadcrumb: Vec<Crumb<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<Vec<Value>>,
    /// Subsections apart, so a home page over thousands of pages need not scan them all.
    #[serde(skip_serializing_if = "Option::is_none")]
    sections: Option<Vec<Value>>,
}

#[derive(Serialize)]
pub(crate) struct Crumb<'a> {
    title: &'a str,
    url: String,
}

/// The sections above page `i`, outermost first, the home page left out (templates link
/// it with its own label).
pub(crate) fn breadcrumb(site: &Site, i: PageId) -> Vec<Crumb<'_>> {
    let mut crumbs = Vec::new();
    let mut at = site.content[i].parent;
    while let Some(p) = at.filter(|&p| site.content[p].kind != PageKind::Home) {
        let page = &site.content[p];
        crumbs.push(Crumb { title: &page.front.title, url: site_url(&site.config.base_path, &page.url) });
        at = page.parent;
    }
    crumbs.reverse();
    crumbs
}

/// The breadcrumb of a page made from page `i` (its kit): every section above `i`, then `i`.
pub(crate) fn breadcrumb_to(site: &Site, i: PageId) -> Vec<Crumb<'_>> {
    let page = &site.content[i];
    let mut crumbs = breadcrumb(site, i);
    crumbs.push(Crumb { title: &page.front.title, url: site_url(&site.config.base_path, &page.url) });
    crumbs
}

#[derive(Serialize)]
struct HeadingView<'a> {
    level: u8,
    id: &'a str,
    text: &'a str,
    number: Option<String>,
}

/// Every term of the page in one taxonomy, linked to its list page.
#[derive(Serialize)]
struct TermGroup<'a> {
    name: String,
    terms: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Link<'a> {
    name: &'a str,
    url: String,
}

/// A chapter's place in its report.
#[derive(Serialize)]
struct ChapterView {
    number: usize,
    report: ChapterLink,
    prev: Option<ChapterLink>,
    next: Option<ChapterLink>,
}

#[derive(Serialize)]
struct ChapterLink {
    title: String,
    url: String,
    number: Option<usize>,
}

fn page_view<'a>(site: &'a Site, i: PageId, done: &[Value], fills: &Fills) -> PageView<'a> {
    let page = &site.content[i];
    let md = site.md(i);
    let c = &site.config;
    let numbers = crate::outline::section_numbers(&site.content, &site.markdown, i);
    let headings = md
        .headings
        .iter()
        .map(|h| HeadingView {
            level: h.level,
            id: &h.id,
            text: &h.text,
            number: numbers.iter().find(|(id, _)| *id == h.id).map(|(_, n)| n.clone()),
        })
        .collect();
    let paths = site.paths();
    let card = page.front.campaign.is_some().then(|| format!("/{}", paths.card_png(&page.url, &page.lang)));
    let image = page.front.image.as_deref().or(card.as_deref()).or(c.publish.image.as_deref());
    let lists = matches!(page.kind, PageKind::Home | PageKind::Section);
    let listed = |only_sections: bool| {
        let kids = page.children.iter().filter(|&&k| !only_sections || site.content[k].kind == PageKind::Section);
        kids.map(|&k| done[k.0].clone()).collect::<Vec<_>>()
    };
    // Only a valid one (another language faro can name; `faro build` refuses the rest).
    let text_lang_name = page
        .front
        .text_lang
        .as_deref()
        .filter(|l| *l != page.lang)
        .and_then(|l| crate::i18n::text_language_name(&site.config, &site.strings, l).map(|name| (l, name)));
    let (text_lang, text_lang_name) = (text_lang_name.as_ref().map(|(l, _)| *l), text_lang_name.map(|(_, n)| n));
    PageView {
        title: &page.front.title,
        description: page.front.description.as_deref(),
        summary: page.front.description.clone().unwrap_or_else(|| truncate_words(&md.summary, 40)),
        date: page.front.date.as_deref(),
        updated: page.front.updated.as_deref(),
        image: image.map(|p| site_url(&c.base_url, p)),
        kit: page.front.campaign.is_some().then(|| site_url(&c.base_path, &paths.kit(&page.url, &page.lang))),
        article: page.parent.is_some_and(|p| site.content[p].front.feed) && page.kind == PageKind::Page,
        tags: &page.front.tags,
        terms: term_groups(site, i),
        weight: page.front.weight,
        kind: page.kind.as_str(),
        lang: &page.lang,
        path: &page.url,
        url: site_url(&c.base_path, &page.url),
        permalink: site_url(&c.base_url, &page.url),
        source: &page.rel,
        content: content_html(site, i, &numbers, fills),
        headings,
        word_count: md.word_count,
        reading_minutes: md.word_count.div_ceil(200).max(1),
        report: page.front.report.as_ref().map(|meta| reports::report_view(site, i, meta)),
        chapter: chapter_view(site, i),
        extra: match &page.front.extra {
            crate::yaml::Value::Null => std::borrow::Cow::Owned(crate::yaml::Value::Mapping(Default::default())),
            extra => std::borrow::Cow::Borrowed(extra),
        },
        breadcrumb: breadcrumb(site, i),
        text_lang,
        text_lang_name,
        pages: lists.then(|| listed(false)),
        sections: lists.then(|| listed(true)),
    }
}

fn term_groups(site: &Site, i: PageId) -> Vec<TermGroup<'_>> {
    let page = &site.content[i];
    site.taxonomies
        .iter()
        .filter_map(|tax| {
            let list = crate::taxonomy::page_terms(site, tax, i);
            if list.is_empty() {
                return None;
            }
            let terms = list
                .iter()
                .filter(|t| !crate::slug::slugify(t).is_empty())
                .map(|t| Link {
                    name: t,
                    url: site_url(&site.config.base_path, &crate::urls::term(tax, &page.lang, t, 1)),
                })
                .collect();
            Some(TermGroup { name: crate::i18n::pick(&tax.name, &page.lang).to_string(), terms })
        })
        .collect()
}

/// The page's HTML with its slots filled: chart figures, report blocks, section numbers,
/// table numbers and cross-reference links.
fn content_html(site: &Site, i: PageId, numbers: &[(String, String)], fills: &Fills) -> Value {
    let page = &site.content[i];
    let md = site.md(i);
    if let ([Piece::Html(html)], true) = (md.body.as_slice(), numbers.is_empty()) {
        return html.value();
    }
    let mut pieces: Vec<String> = Vec::with_capacity(md.body.len());
    let chapter = crate::outline::chapter_number(&site.content, i);
    let xrefs = site
        .content
        .report_of(i)
        .filter(|_| !md.refs.is_empty())
        .map(|report| (report, crate::outline::xrefs(&site.content, &site.markdown, report)));
    let mut html_pieces = Vec::new();
    for piece in &md.body {
        let text = match piece {
            Piece::Html(html) => {
                html_pieces.push(pieces.len());
                html.to_string()
            }
            Piece::Slot(Slot::Chart(n)) => {
                fills.figures.get(&(i, md.charts[*n].id.clone())).cloned().unwrap_or_default()
            }
            Piece::Slot(Slot::Block(b)) => fills.blocks.get(&(i, *b)).cloned().unwrap_or_default(),
            Piece::Slot(Slot::TableNumber(n)) => match chapter {
                // Tables are numbered in chapters (Tabla 2.1.); elsewhere their captions stand alone.
                Some(c) => {
                    let label = site.strings[&page.lang].text("xref_tbl").unwrap_or("table");
                    format!("{} {c}.{}. ", crate::charts::capitalize(label), n + 1)
                }
                None => String::new(),
            },
            Piece::Slot(Slot::Ref(n)) => xrefs.as_ref().map_or_else(String::new, |(_, index)| {
                let r = &md.refs[*n];
                index.get(&(r.kind, r.id.clone())).map_or_else(String::new, |target| {
                    let label =
                        site.strings[&page.lang].text(&format!("xref_{}", r.kind.as_str())).unwrap_or(r.kind.as_str());
                    let href = if target.page == i {
                        String::new()
                    } else {
                        // Built here, not by a template: escaped here (pages/reports.rs matches it).
                        crate::escape::html(&site_url(&site.config.base_path, &site.content[target.page].url))
                    };
                    format!("<a class=\"xref\" href=\"{href}#{}\">{label} {}</a>", target.anchor, target.number)
                })
            }),
        };
        pieces.push(text);
    }
    if !numbers.is_empty() {
        let mut html: Vec<String> = html_pieces.iter().map(|&k| std::mem::take(&mut pieces[k])).collect();
        crate::outline::number_headings(&mut html, numbers);
        for (k, text) in html_pieces.into_iter().zip(html) {
            pieces[k] = text;
        }
    }
    safe(pieces.concat())
}

fn chapter_view(site: &Site, i: PageId) -> Option<ChapterView> {
    let (report, number) = (site.content.report_of(i)?, crate::outline::chapter_number(&site.content, i)?);
    let link = |j: PageId| {
        let p = &site.content[j];
        ChapterLink {
            title: p.front.title.clone(),
            url: site_url(&site.config.base_path, &p.url),
            number: crate::outline::chapter_number(&site.content, j),
        }
    };
    let siblings: Vec<PageId> = site.content.chapters(report).collect();
    let pos = siblings.iter().position(|&c| c == i).unwrap_or(0);
    Some(ChapterView {
        number,
        report: link(report),
        prev: pos.checked_sub(1).map(|p| link(siblings[p])),
        next: siblings.get(pos + 1).map(|&n| link(n)),
    })
}

fn truncate_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{}…", words[..n].join(" "))
    }
}
