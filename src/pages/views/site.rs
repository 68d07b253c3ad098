//! The parts of every context that come from the site rather than the page: the site in
//! one language, the menus with the current entry marked, and the language switcher.

use crate::config::{Localized, MenuTarget};
use crate::content::PageKind;
use crate::href::Href;
use crate::model::Site;
use crate::urls::{home, site_url};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    title: Option<&'a str>,
    description: Option<&'a str>,
    organization: Option<&'a str>,
    base_url: &'a str,
    default_language: &'a str,
    home_url: String,
    indicators_url: Option<String>,
    /// The page's language: `code`, `name`, `url` (its home), `locale`, `direction`.
    language: Language<'a>,
    languages: Vec<Language<'a>>,
    help_lines: Vec<HelpLine<'a>>,
    quick_exit: QuickExit<'a>,
    noindex: bool,
    share_image: Option<String>,
    search_url: String,
    feeds: Vec<Feed>,
    contact: Contact<'a>,
    /// site.yaml's `extra:`, as written.
    extra: &'a crate::yaml::Value,
}

#[derive(Serialize)]
struct Language<'a> {
    code: &'a str,
    name: &'a str,
    url: String,
    locale: String,
    direction: &'static str,
}

impl<'a> Language<'a> {
    fn of(site: &'a Site, code: &'a str) -> Language<'a> {
        let url = site_url(&site.config.base_path, &home(code));
        Language {
            code,
            name: language_name(site, code),
            url,
            locale: locale(site, code),
            direction: direction(site, code),
        }
    }
}

#[derive(Serialize)]
struct HelpLine<'a> {
    name: Option<&'a str>,
    phone: Option<&'a str>,
    tel: Option<&'a str>,
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct QuickExit<'a> {
    enabled: bool,
    url: &'a str,
    safety_url: Option<String>,
}

#[derive(Serialize)]
struct Feed {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct Contact<'a> {
    email: Option<&'a str>,
    phone: Option<&'a str>,
    /// `phone` as a `tel:` link carries it.
    tel: Option<&'a str>,
    address: Option<&'a str>,
}

fn localized<'a>(map: &'a Localized, lang: &str) -> Option<&'a str> {
    map.get(lang).map(String::as_str)
}

pub(super) fn language_name<'a>(site: &'a Site, lang: &'a str) -> &'a str {
    crate::i18n::language_name(&site.config, &site.strings[lang], lang)
}

fn locale(site: &Site, lang: &str) -> String {
    crate::i18n::og_locale(&site.config, &site.strings[lang], lang)
}

fn direction(site: &Site, lang: &str) -> &'static str {
    site.config.language(lang).map_or("ltr", |l| l.direction.as_str())
}

pub(super) fn view<'a>(site: &'a Site, lang: &str) -> SiteView<'a> {
    let c = &site.config;
    let paths = site.paths();
    let safety_url = c.quick_exit.safety_page.as_ref().and_then(|src| {
        let page = site.content.page_at(&crate::urls::source(lang, src))?;
        Some(site_url(&c.base_path, &site.content[page].url))
    });
    SiteView {
        title: localized(&c.title, lang),
        description: localized(&c.description, lang),
        organization: localized(&c.organization, lang),
        base_url: &c.base_url,
        default_language: c.default_language(),
        home_url: site_url(&c.base_path, &home(lang)),
        indicators_url: (!site.indicators.is_empty()).then(|| site_url(&c.base_path, &paths.indicators(lang))),
        language: Language::of(site, c.languages.iter().find(|l| *l == lang).map_or(c.default_language(), |l| l)),
        languages: c.languages.iter().map(|l| Language::of(site, l)).collect(),
        help_lines: c
            .help_lines
            .iter()
            .map(|h| HelpLine {
                name: localized(&h.name, lang),
                phone: h.phone.as_deref(),
                tel: h.tel.as_deref(),
                description: localized(&h.description, lang),
            })
            .collect(),
        quick_exit: QuickExit { enabled: c.quick_exit.enabled, url: &c.quick_exit.url, safety_url },
        noindex: !c.publish.index,
        share_image: c.publish.image.as_deref().map(|p| site_url(&c.base_url, p)),
        search_url: site_url(&c.base_path, &paths.search(lang)),
        feeds: feeds_of(site, lang)
            .into_iter()
            .map(|(title, path)| Feed { title, url: site_url(&c.base_path, &path) })
            .collect(),
        contact: Contact {
            email: c.contact.email.as_deref(),
            phone: c.contact.phone.as_deref(),
            tel: c.contact.tel.as_deref(),
            address: localized(&c.contact.address, lang),
        },
        extra: &c.extra,
    }
}

/// The feeds of a language: (title, site path) of every section with `feed: true`.
fn feeds_of(site: &Site, lang: &str) -> Vec<(String, String)> {
    site.content
        .in_lang(lang)
        .filter(|(_, p)| p.front.feed && matches!(p.kind, PageKind::Section | PageKind::Home))
        .map(|(_, p)| (p.front.title.clone(), crate::urls::feed(&p.url)))
        .collect()
}

/// One entry of the language switcher and of the hreflang alternates.
#[derive(Serialize)]
pub(crate) struct Translation {
    lang: String,
    name: String,
    url: String,
    permalink: String,
    exists: bool,
    current: bool,
    title: Option<String>,
    locale: String,
    direction: &'static str,
}

/// One entry per site language, in site.yaml's order, from `path_in(lang)`: (site path,
/// title) of the page in that language, or None when it does not exist there, and the
/// switcher then leads to that language's home with `exists: false`.
pub(crate) fn translations_by(
    site: &Site,
    current: &str,
    path_in: &dyn Fn(&str) -> Option<(String, String)>,
) -> Vec<Translation> {
    let c = &site.config;
    c.languages
        .iter()
        .map(|lang| {
            let found = path_in(lang);
            let path = found.as_ref().map_or_else(|| home(lang), |(p, _)| p.clone());
            Translation {
                lang: lang.clone(),
                name: language_name(site, lang).to_string(),
                url: site_url(&c.base_path, &path),
                permalink: site_url(&c.base_url, &path),
                exists: found.is_some(),
                current: lang == current,
                title: found.map(|(_, t)| t).filter(|t| !t.is_empty()),
                locale: locale(site, lang),
                direction: direction(site, lang),
            }
        })
        .collect()
}

/// One menu entry as templates see it. `lang` is set only for an entry that leads into
/// another language, whose link then carries `hreflang` (no `lang`: the name is in the menu's language).
#[derive(Serialize, Clone)]
pub(crate) struct MenuEntry {
    name: String,
    url: String,
    current: bool,
    active: bool,
    lang: Option<String>,
}

/// Every menu of a language by name (`main`, `footer`…), with the entry of `current_path`
/// marked current, and entries whose section holds it marked active.
pub(crate) fn menus(site: &Site, lang: &str, current_path: &str) -> BTreeMap<String, Vec<MenuEntry>> {
    site.config
        .menus
        .iter()
        .filter(|(_, by_lang)| by_lang.contains_key(lang))
        .map(|(name, _)| (name.clone(), menu(site, name, lang, current_path)))
        .collect()
}

/// Menu `name` of a language.
fn menu(site: &Site, name: &str, lang: &str, current_path: &str) -> Vec<MenuEntry> {
    let c = &site.config;
    c.menu(name, lang)
        .iter()
        .map(|item| {
            let target_lang = item.page_lang(lang);
            let slashed = match &item.target {
                MenuTarget::Url(Href::Site(u)) => site.content.slashed_page_path(u),
                _ => None,
            };
            let (url, path) = match &item.target {
                // A site path (`/es/indicadores/`) can be current or active like a page.
                MenuTarget::Url(Href::Site(u)) => {
                    let u = slashed.as_deref().unwrap_or(u);
                    (site_url(&c.base_path, u), Some(u.trim_start_matches('/')))
                }
                MenuTarget::Url(u) => (u.to_string(), None),
                MenuTarget::Page(src) => match site.content.page_at(&crate::urls::source(target_lang, src)) {
                    Some(p) => {
                        let path = site.content[p].url.as_str();
                        (site_url(&c.base_path, path), Some(path))
                    }
                    None => (String::new(), None),
                },
            };
            MenuEntry {
                name: item.name.clone(),
                url,
                current: path == Some(current_path),
                active: path.is_some_and(|p| current_path.starts_with(p) && p != home(target_lang)),
                lang: item.lang.clone(),
            }
        })
        .collect()
}
