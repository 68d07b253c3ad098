//! `menus:` in site.yaml, in its two forms. The rule that tells them apart is the shape of
//! each value under `menus`: a list is the main menu of the language named by its key
//! (`menus: { es: [...] }`, the form faro always had); a map is a named menu whose keys
//! are languages (`menus: { main: { es: [...] }, footer: { es: [...] } }`). A site writes one
//! form or the other, never both. An entry may lead into another language (`lang: en`).

use super::read::{key_text, Reader};
use super::{Config, Lang};
use crate::diagnostics::{Code, Diagnostic};
use crate::href::Href;
use crate::messages::Said;
use crate::yaml::field_names;
use crate::yaml::{self, Mapping, Step, Value};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The name of the menu templates see as `menu`, and the one the short form writes.
pub(crate) const MAIN: &str = "main";

/// Menu name -> language -> entries.
pub(crate) type Menus = BTreeMap<String, BTreeMap<Lang, Vec<MenuItem>>>;

#[derive(Debug, Deserialize)]
struct RawMenuItem {
    name: String,
    page: Option<String>,
    url: Option<String>,
    /// The language the entry leads into, when not the menu's own.
    lang: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) enum MenuTarget {
    /// A source path under `content/<lang>/`, resolved to that page's URL.
    Page(String),
    /// An address of another site, or a path of this one (`/es/indicadores/`).
    Url(Href),
}

#[derive(Debug, Clone)]
pub(crate) struct MenuItem {
    pub(crate) name: String,
    pub(crate) target: MenuTarget,
    /// Set only when the entry leads into another language than its menu's.
    pub(crate) lang: Option<Lang>,
    /// Where its `page` value is (or the entry), for errors found once content is known.
    pub(crate) at: Option<(usize, usize)>,
}

impl MenuItem {
    /// The language whose content/ a `page` entry names.
    pub(crate) fn page_lang<'a>(&'a self, menu_lang: &'a str) -> &'a str {
        self.lang.as_deref().unwrap_or(menu_lang)
    }
}

impl Config {
    /// The entries of menu `name` in `lang` (none when the site has no such menu).
    pub(crate) fn menu(&self, name: &str, lang: &str) -> &[MenuItem] {
        self.menus.get(name).and_then(|m| m.get(lang)).map(Vec::as_slice).unwrap_or_default()
    }

    /// Every entry of every menu, with the language of the menu it is in.
    pub(crate) fn menu_entries(&self) -> impl Iterator<Item = (&str, &MenuItem)> {
        self.menus.values().flatten().flat_map(|(lang, items)| items.iter().map(move |i| (lang.as_str(), i)))
    }
}

/// Reads `menus` (`value`, taken from the top of site.yaml). `languages` is None when
/// that list could not be read, and languages are then not checked.
pub(super) fn read(r: &mut Reader, value: Option<Value>, languages: Option<&[Lang]>) -> Menus {
    let mut menus = Menus::new();
    let top = r.steps("menus", &[]);
    let Some(value) = value.filter(|v| !v.is_null()) else { return menus };
    let Value::Mapping(map) = value else {
        r.error(Code::SiteConfig, &top, Said::new("config-menus-not-a-map", &[]));
        return menus;
    };
    let lists: Vec<String> = map.iter().filter(|(_, v)| v.is_sequence()).map(|(k, _)| key_text(k)).collect();
    let named: Vec<String> = map.iter().filter(|(_, v)| v.is_mapping()).map(|(k, _)| key_text(k)).collect();
    if let (Some(list), Some(name)) = (lists.first(), named.first()) {
        let msg = Said::new("config-menus-mixed", &[("list", list), ("name", name)]);
        // With a map named `main` already, the list moves into it: naming `main` twice is not YAML.
        let hint = match named.iter().any(|n| n == MAIN) {
            true => Said::new("config-menus-mixed-hint-into-main", &[("list", list), ("main", MAIN)]),
            false => Said::new("config-menus-mixed-hint", &[("list", list), ("name", name), ("main", MAIN)]),
        };
        let d = r.error(Code::SiteConfig, &top, msg);
        *d = d.clone().hint_said(hint);
        return menus;
    }
    for (key, v) in map {
        let key = key_text(&key);
        let at: Vec<Step> = top.iter().cloned().chain([yaml::key(&key)]).collect();
        match v {
            Value::Sequence(items) => {
                let entries = menu_of(r, MAIN, &key, items, &at, languages);
                menus.entry(MAIN.to_string()).or_default().insert(key, entries);
            }
            Value::Mapping(by_lang) => {
                let menu = named_menu(r, &key, by_lang, &at, languages);
                menus.insert(key, menu);
            }
            _ => {
                r.error(Code::SiteConfig, &at, Said::new("config-menu-not-a-list-or-map", &[("key", &key)]));
            }
        }
    }
    menus
}

/// A named menu: language -> list of entries.
fn named_menu(
    r: &mut Reader,
    name: &str,
    by_lang: Mapping,
    at: &[Step],
    languages: Option<&[Lang]>,
) -> BTreeMap<Lang, Vec<MenuItem>> {
    let mut menu = BTreeMap::new();
    for (lang, v) in by_lang {
        let lang = key_text(&lang);
        let at: Vec<Step> = at.iter().cloned().chain([yaml::key(&lang)]).collect();
        match v {
            Value::Sequence(items) => {
                let entries = menu_of(r, name, &lang, items, &at, languages);
                menu.insert(lang, entries);
            }
            Value::Null => {}
            _ => {
                let msg = Said::new("config-menu-not-a-list", &[("name", name), ("lang", &lang)]);
                r.error(Code::SiteConfig, &at, msg);
            }
        }
    }
    menu
}

/// The entries of menu `name` in `lang`, written at `at`.
fn menu_of(
    r: &mut Reader,
    name: &str,
    lang: &str,
    items: Vec<Value>,
    at: &[Step],
    languages: Option<&[Lang]>,
) -> Vec<MenuItem> {
    let declared = |l: &str| languages.is_none_or(|ls| ls.iter().any(|x| x == l));
    if !declared(lang) {
        let msg = match name {
            MAIN => Said::new("config-main-menu-undeclared-language", &[("lang", lang)]),
            _ => Said::new("config-menu-undeclared-language", &[("name", name), ("lang", lang)]),
        };
        r.error(Code::SiteConfig, at, msg);
    }
    let known = field_names::<RawMenuItem>();
    let mut entries = Vec::new();
    for (i, mut item) in items.into_iter().enumerate() {
        let at: Vec<Step> = at.iter().cloned().chain([Step::Index(i)]).collect();
        if let Value::Mapping(map) = &mut item {
            r.unknown_keys(map, &at, super::keys::Level::MenuEntry, known, &[]);
        }
        let Some(raw) = r.read_value::<RawMenuItem>(&item, &at) else { continue };
        // Where the value of `key` is written, else the entry: what to change.
        let src = r.src;
        let value_of = |key: &str| {
            let steps: Vec<Step> = at.iter().cloned().chain([yaml::key(key)]).collect();
            yaml::value_position(src, &steps).or_else(|| yaml::position(src, &at))
        };
        let other = raw.lang.filter(|l| l != lang);
        if let Some(l) = other.as_deref().filter(|l| !declared(l)) {
            let msg = Said::new("config-menu-entry-undeclared-language", &[("name", &raw.name), ("lang", l)]);
            let steps: Vec<Step> = at.iter().cloned().chain([yaml::key("lang")]).collect();
            r.error(Code::SiteConfig, &steps, msg);
            continue;
        }
        let target = match (raw.page, raw.url) {
            (Some(page), None) => MenuTarget::Page(page),
            (None, Some(url)) => match Href::parse_rooted(&url) {
                Ok(href) => MenuTarget::Url(href),
                Err(refusal) => {
                    let (line, col) = value_of("url").unzip();
                    r.errors.push(refusal.diagnostic(r.path, line, col));
                    continue;
                }
            },
            _ => {
                let content = other.as_deref().unwrap_or(lang);
                let msg = Said::new("config-menu-entry-page-or-url", &[("name", &raw.name), ("lang", content)]);
                let (line, _) = r.at(&at);
                r.errors.push(Diagnostic::error_said(Code::SiteConfig, r.path, msg).at(line, None));
                continue;
            }
        };
        let at = match target {
            MenuTarget::Page(_) => value_of("page"),
            MenuTarget::Url(_) => value_of("url"),
        };
        entries.push(MenuItem { name: raw.name, target, lang: other, at });
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const HEAD: &str = "base_url: https://e.org/\nlanguages: [es, en]\ntitle: { es: a, en: b }\n";

    fn parse(menus: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(&format!("{HEAD}{menus}"), Path::new("site.yaml"), None)
    }

    /// A menu of one language as a test expects it: (menu name, language, entry names).
    type Expected<'a> = (&'a str, &'a str, &'a [&'a str]);

    /// (menu name, language) -> entry names.
    fn names(c: &Config) -> Vec<(String, String, Vec<String>)> {
        let mut out = Vec::new();
        for (name, by_lang) in &c.menus {
            for (lang, items) in by_lang {
                out.push((name.clone(), lang.clone(), items.iter().map(|i| i.name.clone()).collect()));
            }
        }
        out
    }

    #[test]
    fn a_list_is_a_languages_main_menu_and_a_map_a_named_menu() {
        let own = |v: &[Expected]| -> Vec<(String, String, Vec<String>)> {
            v.iter()
                .map(|(m, l, n)| (m.to_string(), l.to_string(), n.iter().map(|s| s.to_string()).collect()))
                .collect()
        };
        let cases: &[(&str, &[Expected])] = &[
            ("menus: { es: [{ name: A, url: /es/ }] }\n", &[("main", "es", &["A"])]),
            (
                "menus: { main: { en: [{ name: B, url: /en/ }] }, footer: { es: [{ name: C, url: /es/ }] } }\n",
                &[("footer", "es", &["C"]), ("main", "en", &["B"])],
            ),
            ("menus: { es: [] }\n", &[("main", "es", &[])]),
            ("", &[]),
        ];
        for (src, want) in cases {
            let c = parse(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
            assert_eq!(names(&c), own(want), "{src}");
        }
    }

    #[test]
    fn mixed_forms_and_odd_values_are_errors_at_their_keys() {
        let cases = [
            ("menus: { es: [], footer: { es: [] } }\n", "mixes its two forms", (4, 1)),
            ("menus: [a]\n", "must be a map", (4, 1)),
            ("menus: { es: 3 }\n", "`menus.es` must be a list", (4, 10)),
            ("menus: { footer: { es: x } }\n", "`menus.footer.es` must be a list", (4, 20)),
            ("menus: { fr: [] }\n", "`fr`, which is not in `languages`", (4, 10)),
            ("menus: { es: [{ name: E, url: /en/, lang: fr }] }\n", "language `fr`", (4, 37)),
        ];
        for (src, want, (line, col)) in cases {
            let errs = parse(src).unwrap_err();
            assert_eq!(errs.len(), 1, "{src}: {errs:?}");
            assert!(errs[0].message.contains(want), "{src}: {}", errs[0].message);
            assert_eq!((errs[0].line, errs[0].col), (Some(line), Some(col)), "{src}");
        }
    }

    #[test]
    fn an_entry_into_another_language_keeps_it_and_one_into_its_own_does_not() {
        let c =
            parse("menus: { es: [{ name: E, page: a.md, lang: en }, { name: S, page: b.md, lang: es }] }\n").unwrap();
        let items = c.menu(MAIN, "es");
        assert_eq!(items.iter().map(|i| i.lang.as_deref()).collect::<Vec<_>>(), [Some("en"), None]);
        assert_eq!(items[0].page_lang("es"), "en");
    }
}
