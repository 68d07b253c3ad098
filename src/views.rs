//! What templates see. Values for the site (per language) and for every page are built
//! once and shared (minijinja values are reference-counted), so a section listing
//! thousands of pages costs a pointer copy per render, not a re-serialisation.

use crate::config::MenuTarget;
use crate::content::{PageKind, Target};
use crate::markdown::Block;
use crate::render::site_url;
use crate::site::Site;
use minijinja::value::Value;
use std::collections::{BTreeMap, HashMap};

/// HTML made elsewhere that goes into pages in place of shortcode markers.
pub struct Fills {
    /// (page index, indicator id) -> a chart shortcode's figure.
    pub figures: HashMap<(usize, String), String>,
    /// (page index, block) -> a report's goals or roadmap block.
    pub blocks: HashMap<(usize, Block), String>,
}

pub struct Views {
    site: BTreeMap<String, Value>,
    pages: Vec<Value>,
}

type Map = BTreeMap<&'static str, Value>;

impl Views {
    pub fn new(site: &Site, fills: &Fills) -> Views {
        let site_values = site.config.languages.iter().map(|lang| (lang.clone(), site_value(site, lang))).collect();
        let mut pages = vec![Value::UNDEFINED; site.content.pages.len()];
        // Children before parents, so a section's list holds finished page values.
        let mut order: Vec<usize> = (0..site.content.pages.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(site.content.pages[i].url.matches('/').count()));
        for i in order {
            pages[i] = page_value(site, i, &pages, fills);
        }
        Views { site: site_values, pages }
    }

    /// Recomputes the values of `changed` pages after an edit, children before parents.
    pub fn refresh(&mut self, site: &Site, changed: &std::collections::BTreeSet<usize>, fills: &Fills) {
        let mut order: Vec<usize> = changed.iter().copied().collect();
        order.sort_by_key(|&i| std::cmp::Reverse(site.content.pages[i].url.matches('/').count()));
        for i in order {
            self.pages[i] = page_value(site, i, &self.pages, fills);
        }
    }

    /// The context of page `i`: `site`, `lang`, `page`, `section`, `translations`, `menu`.
    pub fn page_context(&self, site: &Site, i: usize) -> Value {
        let page = &site.content.pages[i];
        let lang = page.lang.as_str();
        let mut ctx = Map::new();
        ctx.insert("site", self.site[lang].clone());
        ctx.insert("lang", Value::from(lang));
        ctx.insert("page", self.pages[i].clone());
        ctx.insert("section", page.parent.map(|p| self.pages[p].clone()).into());
        ctx.insert("translations", translations(site, Some(i), lang));
        ctx.insert("menu", menu(site, lang, &page.url));
        Value::from(ctx)
    }

    /// The full-report view of report `i`: its own canonical URL, and alternates that lead
    /// to the full view of each translation.
    pub fn full_report_context(&self, site: &Site, i: usize) -> Value {
        let page = &site.content.pages[i];
        let full = crate::report_pages::full_path(site, i);
        let translations = translations_by(site, &page.lang, &|l| {
            page.translations
                .get(l)
                .map(|&t| (crate::report_pages::full_path(site, t), site.content.pages[t].front.title.clone()))
        });
        let mut ctx = Map::new();
        ctx.insert("site", self.site[page.lang.as_str()].clone());
        ctx.insert("lang", Value::from(page.lang.as_str()));
        ctx.insert("page", self.pages[i].clone());
        ctx.insert("section", page.parent.map(|p| self.pages[p].clone()).into());
        ctx.insert("translations", translations);
        ctx.insert("menu", menu(site, &page.lang, &page.url));
        ctx.insert("canonical", Value::from(site_url(&site.config.base_url, &full)));
        Value::from(ctx)
    }

    /// The value of page `i`, as templates see it in lists.
    pub fn page(&self, i: usize) -> Value {
        self.pages[i].clone()
    }

    /// Context for a generated page (indicator pages): its own translations and menu.
    pub fn generated_context(&self, site: &Site, lang: &str, page: Value, path: &str, translations: Value) -> Value {
        let mut ctx = Map::new();
        ctx.insert("site", self.site[lang].clone());
        ctx.insert("lang", Value::from(lang));
        ctx.insert("page", page);
        ctx.insert("section", Value::from(()));
        ctx.insert("translations", translations);
        ctx.insert("menu", menu(site, lang, path));
        Value::from(ctx)
    }

    /// Context for pages that have no Markdown source (404, the root redirect).
    pub fn plain_context(&self, site: &Site, lang: &str, page: Value) -> Value {
        let mut ctx = Map::new();
        ctx.insert("site", self.site[lang].clone());
        ctx.insert("lang", Value::from(lang));
        ctx.insert("page", page);
        ctx.insert("section", Value::from(()));
        ctx.insert("translations", translations(site, None, lang));
        ctx.insert("menu", menu(site, lang, ""));
        Value::from(ctx)
    }
}

fn localized(map: &BTreeMap<String, String>, lang: &str) -> Value {
    map.get(lang).map(String::as_str).into()
}

fn site_value(site: &Site, lang: &str) -> Value {
    let c = &site.config;
    let languages: Vec<Value> = c
        .languages
        .iter()
        .map(|l| {
            let mut m = Map::new();
            m.insert("code", Value::from(l.as_str()));
            m.insert("name", Value::from(site.strings[l].text("language_name").unwrap_or(l)));
            m.insert("url", Value::from(site_url(&c.base_path, &format!("{l}/"))));
            Value::from(m)
        })
        .collect();
    let help_lines: Vec<Value> = c
        .help_lines
        .iter()
        .map(|h| {
            let mut m = Map::new();
            m.insert("name", localized(&h.name, lang));
            m.insert("phone", h.phone.as_deref().into());
            m.insert("tel", h.tel.as_deref().into());
            m.insert("description", localized(&h.description, lang));
            Value::from(m)
        })
        .collect();
    let mut contact = Map::new();
    contact.insert("email", c.contact.email.as_deref().into());
    contact.insert("phone", c.contact.phone.as_deref().into());
    contact.insert("address", localized(&c.contact.address, lang));
    let mut m = Map::new();
    m.insert("title", localized(&c.title, lang));
    m.insert("description", localized(&c.description, lang));
    m.insert("organization", localized(&c.organization, lang));
    m.insert("base_url", Value::from(c.base_url.as_str()));
    m.insert("default_language", Value::from(c.default_language()));
    m.insert("home_url", Value::from(site_url(&c.base_path, &format!("{lang}/"))));
    let indicators =
        (!site.indicators.is_empty()).then(|| site_url(&c.base_path, &crate::indicator_pages::root_path(site, lang)));
    m.insert("indicators_url", indicators.into());
    m.insert("languages", Value::from(languages));
    m.insert("help_lines", Value::from(help_lines));
    let q = &c.quick_exit;
    let mut quick_exit = Map::new();
    quick_exit.insert("enabled", Value::from(q.enabled));
    quick_exit.insert("url", Value::from(q.url.as_str()));
    let safety = q.safety_page.as_ref().and_then(|src| match site.content.by_source.get(&format!("{lang}/{src}")) {
        Some(Target::Page(p)) => Some(site_url(&c.base_path, &site.content.pages[*p].url)),
        _ => None,
    });
    quick_exit.insert("safety_url", safety.into());
    m.insert("quick_exit", Value::from(quick_exit));
    m.insert("noindex", Value::from(!c.publish.index));
    m.insert("share_image", c.publish.image.as_deref().map(|p| site_url(&c.base_url, p)).into());
    m.insert("search_url", Value::from(site_url(&c.base_path, &crate::search::page_path(site, lang))));
    let feeds: Vec<Value> = crate::publish::feeds_of(site, lang)
        .into_iter()
        .map(|(title, path)| {
            let mut f = Map::new();
            f.insert("title", Value::from(title));
            f.insert("url", Value::from(site_url(&c.base_path, &path)));
            Value::from(f)
        })
        .collect();
    m.insert("feeds", Value::from(feeds));
    m.insert("contact", Value::from(contact));
    Value::from(m)
}

fn page_value(site: &Site, i: usize, done: &[Value], fills: &Fills) -> Value {
    let page = &site.content.pages[i];
    let md = &site.rendered[i];
    let c = &site.config;
    let numbers = crate::report_pages::section_numbers(site, i);
    let headings: Vec<Value> = md
        .headings
        .iter()
        .map(|h| {
            let mut m = Map::new();
            m.insert("level", Value::from(h.level));
            m.insert("id", Value::from(h.id.as_str()));
            m.insert("text", Value::from(h.text.as_str()));
            m.insert("number", numbers.iter().find(|(id, _)| *id == h.id).map(|(_, n)| n.as_str()).into());
            Value::from(m)
        })
        .collect();
    let mut m = Map::new();
    m.insert("title", Value::from(page.front.title.as_str()));
    m.insert("description", page.front.description.as_deref().into());
    m.insert("summary", Value::from(page.front.description.clone().unwrap_or_else(|| truncate_words(&md.summary, 40))));
    m.insert("date", page.front.date.as_deref().into());
    m.insert("updated", page.front.updated.as_deref().into());
    // The picture shown when the page is shared: its own, its campaign's social card, or
    // the site's default.
    let card = page.front.campaign.is_some().then(|| format!("/{}", crate::kit::card_png_path(site, i)));
    let image = page.front.image.as_deref().or(card.as_deref()).or(c.publish.image.as_deref());
    m.insert("image", image.map(|p| site_url(&c.base_url, p)).into());
    m.insert(
        "kit",
        page.front.campaign.is_some().then(|| site_url(&c.base_path, &crate::kit::kit_path(site, i))).into(),
    );
    // Pages of a section with a feed are articles (news) for feeds and JSON-LD.
    m.insert(
        "article",
        Value::from(page.parent.is_some_and(|p| site.content.pages[p].front.feed) && page.kind == PageKind::Page),
    );
    m.insert("tags", Value::from(page.front.tags.clone()));
    // Every taxonomy term of the page, linked to its list page.
    let terms: Vec<Value> = crate::taxonomy::all(site)
        .iter()
        .filter_map(|tax| {
            let list = crate::taxonomy::page_terms(site, tax, i);
            if list.is_empty() {
                return None;
            }
            let items: Vec<Value> = list
                .iter()
                .filter(|t| !crate::slug::slugify(t).is_empty())
                .map(|t| {
                    let mut l = Map::new();
                    l.insert("name", Value::from(t.as_str()));
                    l.insert(
                        "url",
                        Value::from(site_url(&c.base_path, &crate::taxonomy::term_path(tax, &page.lang, t, 1))),
                    );
                    Value::from(l)
                })
                .collect();
            let mut g = Map::new();
            g.insert("name", Value::from(crate::indicators::text(&tax.name, &page.lang)));
            g.insert("terms", Value::from(items));
            Some(Value::from(g))
        })
        .collect();
    m.insert("terms", Value::from(terms));
    m.insert("weight", Value::from(page.front.weight));
    m.insert("kind", Value::from(page.kind.as_str()));
    m.insert("lang", Value::from(page.lang.as_str()));
    m.insert("path", Value::from(page.url.as_str()));
    m.insert("url", Value::from(site_url(&c.base_path, &page.url)));
    m.insert("permalink", Value::from(site_url(&c.base_url, &page.url)));
    m.insert("source", Value::from(page.rel.as_str()));
    let mut html = md.html.clone();
    for (id, _) in &md.charts {
        if let Some(figure) = fills.figures.get(&(i, id.clone())) {
            html = html.replace(&crate::markdown::chart_marker(id), figure);
        }
    }
    for (block, _) in &md.blocks {
        if let Some(fill) = fills.blocks.get(&(i, *block)) {
            html = html.replace(block.marker(), fill);
        }
    }
    if !numbers.is_empty() {
        html = crate::report_pages::number_headings(&html, &numbers);
    }
    // Tables are numbered in chapters (Tabla 2.1.); elsewhere their captions stand alone.
    let chapter = crate::report_pages::chapter_number(site, i);
    for n in 0..md.tables.len() {
        let number = match chapter {
            Some(c) => {
                let label = site.strings[&page.lang].text("xref_tbl").unwrap_or("table");
                format!("{} {c}.{}. ", crate::charts::capitalize(label), n + 1)
            }
            None => String::new(),
        };
        html = html.replace(&crate::markdown::table_marker(n), &number);
    }
    if let (false, Some(report)) = (md.refs.is_empty(), site.content.report_of(i)) {
        let index = crate::report_pages::xrefs(&site.content, &site.rendered, report);
        let strings = &site.strings[&page.lang];
        for (n, (kind, id, _, _)) in md.refs.iter().enumerate() {
            if let Some(target) = index.get(&(kind.clone(), id.clone())) {
                let label = strings.text(&format!("xref_{kind}")).unwrap_or(kind);
                let href = if target.page == i {
                    String::new()
                } else {
                    site_url(&c.base_path, &site.content.pages[target.page].url)
                };
                let link = format!("<a class=\"xref\" href=\"{href}#{}\">{label} {}</a>", target.anchor, target.number);
                html = html.replace(&crate::markdown::ref_marker(n), &link);
            }
        }
    }
    m.insert("content", Value::from_safe_string(html));
    m.insert("headings", Value::from(headings));
    m.insert("word_count", Value::from(md.word_count));
    m.insert("reading_minutes", Value::from(md.word_count.div_ceil(200).max(1)));
    if let Some(meta) = &page.front.report {
        let mut r = Map::new();
        r.insert("year", Value::from(meta.year));
        r.insert("period", Value::from(meta.period.as_str()));
        r.insert("organization", Value::from(meta.organization.as_str()));
        r.insert("final", Value::from(meta.status == crate::content::ReportStatus::Final));
        r.insert("full_url", Value::from(site_url(&c.base_path, &crate::report_pages::full_path(site, i))));
        r.insert("goals", crate::report_pages::goals_value(site, &page.lang, meta.year));
        r.insert("references", crate::report_pages::references(site, i));
        r.insert("changes", crate::report_pages::changes_value(site, i).into());
        m.insert("report", Value::from(r));
    }
    if let (Some(report), Some(number)) = (site.content.report_of(i), crate::report_pages::chapter_number(site, i)) {
        let link = |j: usize| {
            let p = &site.content.pages[j];
            let mut l = Map::new();
            l.insert("title", Value::from(p.front.title.as_str()));
            l.insert("url", Value::from(site_url(&c.base_path, &p.url)));
            l.insert("number", crate::report_pages::chapter_number(site, j).into());
            Value::from(l)
        };
        let siblings: Vec<usize> = site.content.pages[report]
            .children
            .iter()
            .copied()
            .filter(|&c| site.content.pages[c].kind == PageKind::Page)
            .collect();
        let pos = siblings.iter().position(|&c| c == i).unwrap_or(0);
        let mut ch = Map::new();
        ch.insert("number", Value::from(number));
        ch.insert("report", link(report));
        ch.insert("prev", pos.checked_sub(1).map(|p| link(siblings[p])).into());
        ch.insert("next", siblings.get(pos + 1).map(|&n| link(n)).into());
        m.insert("chapter", Value::from(ch));
    }
    if matches!(page.kind, PageKind::Home | PageKind::Section) {
        m.insert("pages", Value::from(page.children.iter().map(|&c| done[c].clone()).collect::<Vec<_>>()));
        // Subsections apart, so a home page over thousands of pages need not scan them all.
        let sections = page.children.iter().filter(|&&c| site.content.pages[c].kind == PageKind::Section);
        m.insert("sections", Value::from(sections.map(|&c| done[c].clone()).collect::<Vec<_>>()));
    }
    Value::from(m)
}

fn truncate_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{}…", words[..n].join(" "))
    }
}

/// One entry per site language, in site.yaml's order: the translation when there is one,
/// otherwise that language's home with `exists: false`, so the switcher can say so.
fn translations(site: &Site, page: Option<usize>, current: &str) -> Value {
    translations_by(site, current, &|lang| match page {
        Some(i) => site.content.pages[i].translations.get(lang).map(|&t| {
            let p = &site.content.pages[t];
            (p.url.clone(), p.front.title.clone())
        }),
        None => Some((format!("{lang}/"), String::new())),
    })
}

/// The switcher and hreflang entries from `path_in(lang)`: (site path, title) of the
/// page in that language, or None when it does not exist there.
pub fn translations_by(site: &Site, current: &str, path_in: &dyn Fn(&str) -> Option<(String, String)>) -> Value {
    let c = &site.config;
    let list: Vec<Value> = c
        .languages
        .iter()
        .map(|lang| {
            let found = path_in(lang);
            let path = found.as_ref().map_or_else(|| format!("{lang}/"), |(p, _)| p.clone());
            let mut m = Map::new();
            m.insert("lang", Value::from(lang.as_str()));
            m.insert("name", Value::from(site.strings[lang].text("language_name").unwrap_or(lang)));
            m.insert("url", Value::from(site_url(&c.base_path, &path)));
            m.insert("permalink", Value::from(site_url(&c.base_url, &path)));
            m.insert("exists", Value::from(found.is_some()));
            m.insert("current", Value::from(lang == current));
            m.insert("title", found.map(|(_, t)| t).filter(|t| !t.is_empty()).into());
            Value::from(m)
        })
        .collect();
    Value::from(list)
}

fn menu(site: &Site, lang: &str, current_path: &str) -> Value {
    let c = &site.config;
    let items = c.menus.get(lang).map(Vec::as_slice).unwrap_or_default();
    let list: Vec<Value> = items
        .iter()
        .map(|item| {
            let (url, path) = match &item.target {
                // A site path (`/es/indicadores/`) can be current or active like a page.
                MenuTarget::Url(u) if u.starts_with('/') => {
                    (site_url(&c.base_path, u), Some(u.trim_start_matches('/')))
                }
                MenuTarget::Url(u) => (u.clone(), None),
                MenuTarget::Page(src) => match site.content.by_source.get(&format!("{lang}/{src}")) {
                    Some(Target::Page(p)) => {
                        let path = site.content.pages[*p].url.as_str();
                        (site_url(&c.base_path, path), Some(path))
                    }
                    _ => (String::new(), None),
                },
            };
            let mut m = Map::new();
            m.insert("name", Value::from(item.name.as_str()));
            m.insert("url", Value::from(url));
            m.insert("current", Value::from(path == Some(current_path)));
            m.insert(
                "active",
                Value::from(path.is_some_and(|p| current_path.starts_with(p) && p != format!("{lang}/"))),
            );
            Value::from(m)
        })
        .collect();
    Value::from(list)
}
