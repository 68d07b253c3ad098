//! `site.yaml`: the raw serde layer (unknown keys are errors) and the resolved `Config`
//! the rest of faro reads. Per-language text is a `Localized` map checked against the
//! declared languages, so a missing translation is caught where it is written.

use crate::diagnostics::{Code, Diagnostic};
use crate::href::Href;
use crate::yaml;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub(crate) type Lang = String;
/// Text per language code.
pub(crate) type Localized = BTreeMap<Lang, String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    languages: Vec<crate::languages::RawLanguage>,
    theme: Option<String>,
    title: Localized,
    #[serde(default)]
    description: Localized,
    #[serde(default)]
    organization: Localized,
    /// The organisation's logo, a file in static/ (SVG or PNG), printed on campaign kits.
    logo: Option<String>,
    #[serde(default)]
    menus: BTreeMap<Lang, Vec<RawMenuItem>>,
    #[serde(default)]
    contact: Contact,
    #[serde(default)]
    help_lines: Vec<RawHelpLine>,
    quick_exit: Option<RawQuickExit>,
    #[serde(default)]
    statistics: Statistics,
    #[serde(default)]
    publish: Publish,
    /// Groupings of pages besides `tags`: region, audience… each with list pages.
    #[serde(default)]
    taxonomies: Vec<RawTaxonomy>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    key: String,
    name: Localized,
    slug: Localized,
}

/// A way of grouping pages (`tags`, `region`), with its name and URL folder per language.
#[derive(Debug, Clone)]
pub(crate) struct Taxonomy {
    pub(crate) key: String,
    pub(crate) name: Localized,
    pub(crate) slug: Localized,
}

/// How the site presents itself to search engines and feed readers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Publish {
    /// false for a staging copy: robots.txt and every page ask not to be indexed.
    #[serde(default = "yes")]
    pub(crate) index: bool,
    /// Entries per feed.
    #[serde(default = "feed_size")]
    pub(crate) feed_size: usize,
    /// The image shared pages show when they have none of their own (a path in static/).
    pub(crate) image: Option<String>,
    /// Pages per list page (taxonomy terms); longer lists continue on /page/2/, /page/3/…
    #[serde(default = "page_size")]
    pub(crate) page_size: usize,
    /// Paths in the output folder that a build keeps though faro did not write them (a
    /// gh-pages checkout's `.git`, a host's `CNAME`); a folder keeps everything under it.
    #[serde(default = "default_keep")]
    pub(crate) keep: Vec<String>,
}

fn default_keep() -> Vec<String> {
    [".git", "CNAME", ".nojekyll", ".well-known"].map(String::from).to_vec()
}

fn page_size() -> usize {
    10
}

impl Default for Publish {
    fn default() -> Self {
        Publish { index: true, feed_size: feed_size(), page_size: page_size(), image: None, keep: default_keep() }
    }
}

fn yes() -> bool {
    true
}

fn feed_size() -> usize {
    20
}

/// How published statistics protect the people behind them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Statistics {
    /// Counts of people below this are shown as "fewer than N": a whole number, at least 1
    /// (protection cannot be turned off).
    #[serde(default = "default_suppress_below")]
    pub(crate) suppress_below: u32,
}

impl Default for Statistics {
    fn default() -> Self {
        Statistics { suppress_below: default_suppress_below() }
    }
}

fn default_suppress_below() -> u32 {
    5
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuickExit {
    enabled: Option<bool>,
    url: Option<String>,
    safety_page: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMenuItem {
    name: String,
    page: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelpLine {
    name: Localized,
    /// Optional: some channels are places (a police station), not numbers.
    phone: Option<String>,
    #[serde(default)]
    description: Localized,
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    pub(crate) email: Option<String>,
    pub(crate) phone: Option<String>,
    #[serde(default)]
    pub(crate) address: Localized,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Always ends with `/`.
    pub(crate) base_url: String,
    /// The path part of `base_url`, `/` or `/sub/path/`.
    pub(crate) base_path: String,
    /// Ordered; the first is the default language.
    pub(crate) languages: Vec<Lang>,
    /// Name, locale, direction and fallback of each language, in the same order.
    pub(crate) language_settings: Vec<crate::languages::Language>,
    pub(crate) theme: String,
    pub(crate) title: Localized,
    pub(crate) description: Localized,
    pub(crate) organization: Localized,
    /// Path under static/ of the logo (`logo.svg`), checked to exist when the kits are made.
    pub(crate) logo: Option<String>,
    pub(crate) menus: BTreeMap<Lang, Vec<MenuItem>>,
    pub(crate) contact: Contact,
    pub(crate) help_lines: Vec<HelpLine>,
    pub(crate) quick_exit: QuickExit,
    pub(crate) statistics: Statistics,
    pub(crate) publish: Publish,
    pub(crate) taxonomies: Vec<Taxonomy>,
    /// Lines of keys whose values are checked against other files later (the safety page
    /// against content/, the logo against static/), so those errors point into site.yaml.
    pub(crate) lines: KeyLines,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct KeyLines {
    pub(crate) safety_page: Option<usize>,
    pub(crate) logo: Option<usize>,
}

/// The quick-exit button: on unless a site turns it off.
#[derive(Debug, Clone)]
pub(crate) struct QuickExit {
    pub(crate) enabled: bool,
    /// A neutral site that replaces the page.
    pub(crate) url: String,
    /// A source path under `content/<lang>/` explaining how to browse safely.
    pub(crate) safety_page: Option<String>,
}

/// Neutral enough not to draw attention in a browser's history or on a screen.
pub(crate) const DEFAULT_EXIT_URL: &str = "https://www.google.com/";

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
    pub(crate) line: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct HelpLine {
    pub(crate) name: Localized,
    pub(crate) phone: Option<String>,
    /// The `tel:` form: digits and a leading `+` only.
    pub(crate) tel: Option<String>,
    pub(crate) description: Localized,
}

impl Config {
    pub(crate) fn default_language(&self) -> &str {
        &self.languages[0]
    }

    /// Serves the site from `origin` (`http://127.0.0.1:1111`) under base_url's own path, so
    /// links in the preview work as they will once published.
    pub(crate) fn serve_from(&mut self, origin: &str) {
        self.base_url = format!("{}{}", origin.trim_end_matches('/'), self.base_path);
    }

    /// Builds a copy to be read from `dir` on disk (what `faro pdf` prints): every link is
    /// a `file://` path into it. Not open to users, whose base URL is always http(s).
    pub(crate) fn read_from_disk(&mut self, dir: &str) {
        let dir = if dir.ends_with('/') { dir.to_string() } else { format!("{dir}/") };
        self.base_url = format!("file://{dir}");
        self.base_path = dir;
    }

    pub(crate) fn from_file(path: &Path, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let src = crate::text::read_utf8(path).map_err(|d| vec![d])?;
        Config::parse(&src, path, base_url_override)
    }

    pub fn parse(src: &str, path: &Path, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = yaml::parse(src, path, 1, Code::SiteConfig).map_err(|d| vec![d])?;
        let (language_settings, errors) = crate::languages::resolve(raw.languages, src, path);
        let languages: Vec<Lang> = language_settings.iter().map(|l| l.code.clone()).collect();
        let mut check = Check { src, path, languages: languages.clone(), errors };
        check.languages();
        let (base_url, base_path) = match base_url_override {
            Some(flag) => check.base_url(flag, true),
            None => check.base_url(&raw.base_url, false),
        };
        check.localized(&raw.title, &["title"], true);
        check.localized(&raw.description, &["description"], false);
        check.localized(&raw.organization, &["organization"], false);
        check.localized(&raw.contact.address, &["contact", "address"], false);
        let help_lines = raw.help_lines.into_iter().map(|line| check.help_line(line)).collect();
        let mut taxonomies = Vec::new();
        for t in raw.taxonomies {
            check.localized(&t.name, &["taxonomies", "name"], true);
            check.localized(&t.slug, &["taxonomies", "slug"], true);
            taxonomies.push(Taxonomy { key: t.key, name: t.name, slug: t.slug });
        }
        let quick_exit = check.quick_exit(raw.quick_exit);
        let menus = check.menus(raw.menus);
        if raw.statistics.suppress_below == 0 {
            let msg = "`statistics.suppress_below` must be at least 1: protection of small counts cannot be turned off"
                .into();
            check.err(&["statistics", "suppress_below"], msg);
        }
        for keep in raw.publish.keep.iter().filter(|k| !crate::output::is_keepable(k)) {
            let msg = format!(
                "`publish.keep` lists `{keep}`: give paths inside the output folder, such as `.git` or `CNAME`"
            );
            check.err(&["publish", "keep"], msg);
        }
        if !check.errors.is_empty() {
            return Err(check.errors);
        }
        Ok(Config {
            base_url,
            base_path,
            languages,
            language_settings,
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            title: raw.title,
            description: raw.description,
            organization: raw.organization,
            logo: raw.logo.map(|l| l.trim_start_matches('/').to_string()),
            menus,
            contact: raw.contact,
            help_lines,
            quick_exit,
            statistics: raw.statistics,
            publish: raw.publish,
            taxonomies,
            lines: KeyLines {
                safety_page: yaml::locate(src, &["quick_exit", "safety_page"], 1),
                logo: yaml::locate(src, &["logo"], 1),
            },
        })
    }
}

/// The checks of site.yaml, each error at the line of its key.
struct Check<'a> {
    src: &'a str,
    path: &'a Path,
    languages: Vec<Lang>,
    errors: Vec<Diagnostic>,
}

impl Check<'_> {
    fn err(&mut self, keys: &[&str], msg: String) {
        let d = Diagnostic::error(Code::SiteConfig, self.path, msg).at(yaml::locate(self.src, keys, 1), None);
        self.errors.push(d);
    }

    fn languages(&mut self) {
        if self.languages.is_empty() {
            self.err(&["languages"], "`languages` must list at least one language".into());
        }
        for (i, lang) in self.languages.clone().iter().enumerate() {
            if !is_language_code(lang) {
                let msg = format!("`{lang}` is not a language code (use codes such as `es`, `en`, `qu`, `pt-BR`)");
                self.err(&["languages"], msg);
            }
            if self.languages[..i].contains(lang) {
                self.err(&["languages"], format!("language `{lang}` is listed twice"));
            }
        }
    }

    /// `base_url` ending in `/`, and its path, from site.yaml or from `--base-url` (`flag`).
    fn base_url(&mut self, written: &str, flag: bool) -> (String, String) {
        crate::href::base_url(written).unwrap_or_else(|problem| {
            let name = if flag { "--base-url" } else { "base_url" };
            let msg = format!("`{name}` must be an absolute http(s) URL with a host and no user, query or fragment, such as `https://example.org/campana/`: {problem}");
            let d = match flag {
                true => Diagnostic::error(Code::SiteConfig, "--base-url", msg),
                false => Diagnostic::error(Code::SiteConfig, self.path, msg).at(yaml::locate(self.src, &["base_url"], 1), None),
            };
            self.errors.push(d.hint("percent-encode what a path needs (a space is %20); leave out `?…` and `#…`"));
            ("/".to_string(), "/".to_string())
        })
    }

    /// Text for every declared language (when `required`, or when any is given), and none
    /// for an undeclared one.
    fn localized(&mut self, map: &Localized, keys: &[&str], required: bool) {
        if !required && map.is_empty() {
            return;
        }
        for lang in self.languages.clone() {
            if !map.contains_key(&lang) {
                self.err(keys, format!("`{}` has no text for language `{lang}`", keys.join(".")));
            }
        }
        for key in map.keys() {
            if !self.languages.contains(key) {
                self.err(keys, format!("`{}` has text for `{key}`, which is not in `languages`", keys.join(".")));
            }
        }
    }

    fn help_line(&mut self, line: RawHelpLine) -> HelpLine {
        self.localized(&line.name, &["help_lines", "name"], true);
        self.localized(&line.description, &["help_lines", "description"], false);
        let tel = line.phone.as_ref().map(|p| p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect());
        HelpLine { name: line.name, phone: line.phone, tel, description: line.description }
    }

    fn quick_exit(&mut self, raw: Option<RawQuickExit>) -> QuickExit {
        let quick_exit =
            raw.map_or(QuickExit { enabled: true, url: DEFAULT_EXIT_URL.into(), safety_page: None }, |q| QuickExit {
                enabled: q.enabled.unwrap_or(true),
                url: q.url.unwrap_or_else(|| DEFAULT_EXIT_URL.into()),
                safety_page: q.safety_page,
            });
        if !matches!(Href::parse(&quick_exit.url), Ok(Href::External(_))) {
            let msg = format!(
                "`quick_exit.url` must be an http(s) address of a neutral site, not `{}`",
                crate::href::shown(&quick_exit.url)
            );
            self.err(&["quick_exit", "url"], msg);
        }
        quick_exit
    }

    fn menus(&mut self, raw: BTreeMap<Lang, Vec<RawMenuItem>>) -> BTreeMap<Lang, Vec<MenuItem>> {
        let mut menus = BTreeMap::new();
        for (lang, items) in raw {
            if !self.languages.contains(&lang) {
                self.err(&["menus", &lang], format!("`menus` has a menu for `{lang}`, which is not in `languages`"));
            }
            let mut resolved = Vec::new();
            for item in items {
                let line = yaml::locate(self.src, &["menus", &lang, &item.name], 1);
                let target = match (item.page, item.url) {
                    (Some(page), None) => MenuTarget::Page(page),
                    (None, Some(url)) => match Href::parse_rooted(&url) {
                        Ok(href) => MenuTarget::Url(href),
                        Err(refusal) => {
                            let name = line_after(self.src, line.unwrap_or(1), &item.name);
                            let at = name.and_then(|n| line_after(self.src, n, "url")).or(line);
                            self.errors.push(refusal.diagnostic(self.path, at, None));
                            continue;
                        }
                    },
                    _ => {
                        let msg = format!(
                            "menu entry `{}` needs exactly one of `page` (a file under content/{lang}/) or `url`",
                            item.name
                        );
                        self.errors.push(Diagnostic::error(Code::SiteConfig, self.path, msg).at(line, None));
                        continue;
                    }
                };
                resolved.push(MenuItem { name: item.name, target, line });
            }
            menus.insert(lang, resolved);
        }
        menus
    }
}

/// The first line from line `from` on that contains `needle`.
fn line_after(src: &str, from: usize, needle: &str) -> Option<usize> {
    src.lines().enumerate().skip(from.saturating_sub(1)).find(|(_, l)| l.contains(needle)).map(|(i, _)| i + 1)
}

/// A two-language (es, en) configuration for unit tests of other modules.
#[cfg(test)]
pub(crate) fn test_config() -> Config {
    Config::parse(
        "base_url: https://e.org/\nlanguages: [es, en]\ntitle: { es: a, en: b }\n",
        Path::new("site.yaml"),
        None,
    )
    .expect("a valid test configuration")
}

/// A BCP 47-like tag: a 2-3 letter primary code, then optional subtags.
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: &str = "base_url: https://example.org/campana\nlanguages: [es, en]\ntitle: { es: Hola, en: Hello }\n";

    #[test]
    fn base_path_comes_from_base_url() {
        let c = Config::parse(MIN, Path::new("site.yaml"), None).unwrap();
        assert_eq!(c.base_url, "https://example.org/campana/");
        assert_eq!(c.base_path, "/campana/");
        let c = Config::parse(MIN, Path::new("site.yaml"), Some("http://localhost:1111")).unwrap();
        assert_eq!(c.base_path, "/");
    }

    #[test]
    fn unknown_keys_and_missing_languages_are_errors_with_lines() {
        let src = format!("{MIN}titel: x\n");
        let errs = Config::parse(&src, Path::new("site.yaml"), None).unwrap_err();
        assert_eq!(errs[0].line, Some(4));
        let src = "base_url: https://e.org/\nlanguages: [es, en, qu]\ntitle:\n  es: Hola\n  en: Hello\n";
        let errs = Config::parse(src, Path::new("site.yaml"), None).unwrap_err();
        assert!(errs[0].message.contains("`qu`"), "{}", errs[0].message);
        assert_eq!(errs[0].line, Some(3));
    }

    #[test]
    fn language_codes_are_checked() {
        assert!(is_language_code("qu"));
        assert!(is_language_code("pt-BR"));
        assert!(!is_language_code("Spanish"));
        assert!(!is_language_code("e"));
    }
}
