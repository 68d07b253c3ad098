//! `site.yaml`: the raw serde layer (unknown keys are errors) and the resolved `Config`
//! the rest of faro reads. Per-language text is a `Localized` map checked against the
//! declared languages, so a missing translation is caught where it is written.

use crate::diagnostics::{Code, Diagnostic};
use crate::href::Href;
use crate::messages::Said;
use crate::yaml::{self, Deferred, Value};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

mod keys;
mod languages;
mod menus;
mod read;

pub(crate) use menus::{MenuTarget, Menus, MAIN};
use read::Reader;

pub(crate) type Lang = String;
/// Text per language code.
pub(crate) type Localized = BTreeMap<Lang, String>;

/// The keys of site.yaml. Each part is read as its type on its own (`Deferred`), so one
/// wrong part is one error and the others are still checked; unknown keys are found by
/// `keys`, level by level, from the fields of these structs (which therefore do not deny
/// unknown fields themselves: the key check has reported and removed them first).
#[derive(Debug, Deserialize)]
struct RawConfig {
    base_url: Option<Deferred<String>>,
    languages: Option<Deferred<Vec<languages::RawLanguage>>>,
    theme: Option<Deferred<String>>,
    title: Option<Deferred<Localized>>,
    description: Option<Deferred<Localized>>,
    organization: Option<Deferred<Localized>>,
    /// The organisation's logo, a file in static/ (SVG or PNG), printed on campaign kits.
    logo: Option<Deferred<String>>,
    /// Read by `menus`, which tells its two forms apart.
    menus: Option<Deferred<Value>>,
    contact: Option<Deferred<Contact>>,
    help_lines: Option<Deferred<Vec<Deferred<RawHelpLine>>>>,
    quick_exit: Option<Deferred<RawQuickExit>>,
    statistics: Option<Deferred<Statistics>>,
    publish: Option<Deferred<Publish>>,
    /// Groupings of pages besides `tags`: region, audience… each with list pages.
    taxonomies: Option<Deferred<Vec<Deferred<RawTaxonomy>>>>,
    /// Anything the site's templates want (`site.extra`), passed on as written.
    extra: Option<Deferred<Value>>,
}

/// Keys site.yaml cannot do without.
const REQUIRED: &[&str] = &["base_url", "languages", "title"];

#[derive(Debug, Deserialize)]
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
struct RawQuickExit {
    // Read one by one, so a wrong `enabled` does not hide a bad `url`.
    enabled: Option<Deferred<bool>>,
    url: Option<Deferred<String>>,
    safety_page: Option<Deferred<String>>,
}

#[derive(Debug, Deserialize)]
struct RawHelpLine {
    name: Localized,
    /// Optional: some channels are places (a police station), not numbers.
    phone: Option<String>,
    #[serde(default)]
    description: Localized,
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
pub(crate) struct Contact {
    pub(crate) email: Option<String>,
    pub(crate) phone: Option<String>,
    /// The `tel:` form of `phone`, made by faro.
    #[serde(skip_deserializing)]
    pub(crate) tel: Option<String>,
    #[serde(default)]
    pub(crate) address: Localized,
}

/// One-line texts without the spaces and newlines around them (a folded `>` ends in one).
fn trimmed(mut map: Localized) -> Localized {
    for text in map.values_mut() {
        if text.trim() != text {
            *text = text.trim().to_string();
        }
    }
    map
}

/// An address a `mailto:` link can carry as it is.
fn is_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else { return false };
    let plain = |p: &str| {
        !p.is_empty() && !p.contains(|c: char| c.is_whitespace() || c.is_control() || "<>\"?:@,;()[]\\".contains(c))
    };
    plain(user) && plain(host) && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
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
    pub(crate) language_settings: Vec<languages::Language>,
    pub(crate) theme: String,
    pub(crate) title: Localized,
    pub(crate) description: Localized,
    pub(crate) organization: Localized,
    /// Path under static/ of the logo (`logo.svg`), checked to exist when the kits are made.
    pub(crate) logo: Option<String>,
    /// Menu name (`main`, `footer`…) -> language -> entries.
    pub(crate) menus: Menus,
    pub(crate) contact: Contact,
    pub(crate) help_lines: Vec<HelpLine>,
    pub(crate) quick_exit: QuickExit,
    pub(crate) statistics: Statistics,
    pub(crate) publish: Publish,
    pub(crate) taxonomies: Vec<Taxonomy>,
    /// `extra:` as written (an empty map when absent), for templates as `site.extra`.
    pub(crate) extra: Value,
    /// Where the values are of keys whose values are checked against other files later (the safety page
    /// against content/, the logo against static/), so those errors point into site.yaml.
    pub(crate) lines: KeyLines,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct KeyLines {
    pub(crate) safety_page: Option<(usize, usize)>,
    pub(crate) logo: Option<(usize, usize)>,
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
        match Config::read_file(path, base_url_override)? {
            (config, errors) if errors.is_empty() => Ok(config),
            (_, errors) => Err(errors),
        }
    }

    /// site.yaml read as far as it can be, with its errors: a site reads on past them, so one
    /// build reports the pages' mistakes too.
    pub(crate) fn read_file(
        path: &Path,
        base_url_override: Option<&str>,
    ) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
        let src = crate::text::read_utf8(path).map_err(|d| vec![d])?;
        Config::read(&src, path, base_url_override)
    }

    pub fn parse(src: &str, path: &Path, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let (config, errors) = Config::read(src, path, base_url_override)?;
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// site.yaml read as far as it can be, and every error found on the way; `Err` only
    /// when it is not a YAML mapping at all.
    fn read(
        src: &str,
        path: &Path,
        base_url_override: Option<&str>,
    ) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
        let (src, repeated) = yaml::without_repeated_keys(src, path, Code::SiteConfig);
        let src = src.as_ref();
        let (mut r, map) = Reader::load(src, path).map_err(|e| [repeated.clone(), e].concat())?;
        r.errors.extend(repeated);
        let raw = match check_keys(&mut r, map) {
            Ok(raw) => raw,
            Err(d) => return Err(r.errors.into_iter().chain([d]).collect()),
        };
        let raw_languages = r.part(&raw.languages, "languages");
        let known = raw_languages.is_some();
        let (language_settings, errors) = languages::resolve(raw_languages.unwrap_or_default(), src, path);
        let languages: Vec<Lang> = language_settings.iter().map(|l| l.code.clone()).collect();
        let mut check = Check { src, path, known, languages, errors };
        check.languages();
        let (base_url, base_path) = match base_url_override {
            Some(flag) => check.base_url(flag, true),
            None => r
                .part(&raw.base_url, "base_url")
                .map_or_else(|| ("/".into(), "/".into()), |u| check.base_url(&u, false)),
        };
        let mut text = |part: &Option<Deferred<Localized>>, key: &str, required: bool| {
            let map = r.part(part, key).map(trimmed);
            map.inspect(|m| check.localized(m, &[key], required)).unwrap_or_default()
        };
        let (title, description, organization) = (
            text(&raw.title, "title", true),
            text(&raw.description, "description", false),
            text(&raw.organization, "organization", false),
        );
        let mut contact: Contact = r.part(&raw.contact, "contact").unwrap_or_default();
        contact.address = trimmed(contact.address);
        check.localized(&contact.address, &["contact", "address"], false);
        contact.tel = contact.phone.as_deref().and_then(|p| check.tel(p, &[yaml::key("contact"), yaml::key("phone")]));
        if let Some(email) = &contact.email {
            if !is_email(email) {
                check.err(&["contact", "email"], Said::new("config-not-an-email", &[("email", email)]));
            }
        }
        let help_lines =
            r.items(&raw.help_lines, "help_lines").into_iter().map(|(i, line)| check.help_line(i, line)).collect();
        let mut taxonomies = Vec::new();
        for (_, t) in r.items(&raw.taxonomies, "taxonomies") {
            check.localized(&t.name, &["taxonomies", "name"], true);
            check.localized(&t.slug, &["taxonomies", "slug"], true);
            taxonomies.push(Taxonomy { key: t.key, name: trimmed(t.name), slug: t.slug });
        }
        let exit = r.part(&raw.quick_exit, "quick_exit");
        let quick_exit = check.quick_exit(exit.map(|q| {
            let mut field = |d: &Option<Deferred<String>>, key: &str| {
                let steps = r.steps("quick_exit", &[yaml::key(key)]);
                d.as_ref().and_then(|d| r.read(d, &steps))
            };
            let (url, safety_page) = (field(&q.url, "url"), field(&q.safety_page, "safety_page"));
            let steps = r.steps("quick_exit", &[yaml::key("enabled")]);
            let enabled = q.enabled.as_ref().and_then(|d| r.read(d, &steps));
            (enabled, url, safety_page)
        }));
        let menus = menus::read(&mut r, raw.menus.map(|m| m.value), known.then_some(&check.languages[..]));
        let statistics: Statistics = r.part(&raw.statistics, "statistics").unwrap_or_default();
        let publish: Publish = r.part(&raw.publish, "publish").unwrap_or_default();
        check.numbers(&statistics, &publish);
        let (theme, logo) = (r.part(&raw.theme, "theme"), r.part(&raw.logo, "logo"));
        let extra = raw.extra.map_or_else(|| Value::Mapping(Default::default()), |e| e.value);
        let errors: Vec<Diagnostic> = r.errors.into_iter().chain(check.errors).collect();
        let config = Config {
            base_url,
            base_path,
            languages: check.languages,
            language_settings,
            theme: theme.unwrap_or_else(|| "default".into()),
            title,
            description,
            organization,
            logo: logo.map(|l| l.trim_start_matches('/').to_string()),
            menus,
            contact,
            help_lines,
            quick_exit,
            statistics,
            publish,
            taxonomies,
            extra,
            lines: KeyLines {
                safety_page: yaml::value_position(src, &[yaml::key("quick_exit"), yaml::key("safety_page")]),
                logo: yaml::value_position(src, &[yaml::key("logo")]),
            },
        };
        Ok((config, errors))
    }
}

/// Renames peer spellings (`params`) to faro's, reports every unknown key at every level
/// whose keys are fixed (and takes it out) and the required keys that are missing, then
/// splits the file into its parts. Only a fault of faro's own can fail the last step.
fn check_keys(r: &mut Reader, mut map: yaml::Mapping) -> Result<RawConfig, Diagnostic> {
    r.aliases(&mut map);
    let missing: Vec<&str> = REQUIRED.iter().copied().filter(|k| map.get(*k).is_none_or(Value::is_null)).collect();
    let named = r.unknown_keys(&mut map, &[], keys::Level::Top, yaml::field_names::<RawConfig>(), &missing);
    if let (Some(first), false) = (missing.first(), named) {
        let said = match missing.len() {
            1 => Said::new("config-missing-key", &[("key", first)]),
            _ => {
                let rest: Vec<String> = missing[1..].iter().map(|k| format!("`{k}`")).collect();
                Said::new("config-missing-keys", &[("key", first), ("others", &rest.join(" and "))])
            }
        };
        r.errors.push(Diagnostic::error_said(Code::SiteConfig, r.path, said).at(Some(1), Some(1)));
    }
    let sections = [
        ("contact", false, yaml::field_names::<Contact>()),
        ("quick_exit", false, yaml::field_names::<RawQuickExit>()),
        ("statistics", false, yaml::field_names::<Statistics>()),
        ("publish", false, yaml::field_names::<Publish>()),
        ("help_lines", true, yaml::field_names::<RawHelpLine>()),
        ("taxonomies", true, yaml::field_names::<RawTaxonomy>()),
        ("languages", true, yaml::field_names::<languages::RawEntry>()),
    ];
    for (key, items, known) in sections {
        r.section_keys(&mut map, key, items, known);
    }
    yaml::from_value(Value::Mapping(map)).map_err(|m| Diagnostic::error(Code::Internal, r.path, m))
}

/// The checks of site.yaml, each error at the line of its key.
struct Check<'a> {
    src: &'a str,
    path: &'a Path,
    /// Whether `languages` could be read: the checks against it are skipped otherwise.
    known: bool,
    languages: Vec<Lang>,
    errors: Vec<Diagnostic>,
}

impl Check<'_> {
    /// An error at the value of `keys`; at the line of the last key when a list is on the way.
    fn err(&mut self, keys: &[&str], msg: Said) {
        let steps: Vec<yaml::Step> = keys.iter().map(|k| yaml::key(k)).collect();
        self.err_at(&steps, msg);
    }

    /// `err` for a path through list items.
    fn err_at(&mut self, steps: &[yaml::Step], msg: Said) {
        let keys: Vec<&str> =
            steps.iter().filter_map(|s| if let yaml::Step::Key(k) = s { Some(k.as_str()) } else { None }).collect();
        let keys = keys.as_slice();
        // The value when it is written beside its key; a block below it is named by its key.
        let key = yaml::position(self.src, steps);
        let at = match (key, yaml::value_position(self.src, steps)) {
            (Some((kl, _)), Some((vl, vc))) if vl == kl => Some((vl, vc)),
            (key, _) => key,
        };
        let (line, col) = match at {
            Some((line, col)) => (Some(line), Some(col)),
            None => (yaml::locate(self.src, keys, 1), None),
        };
        self.errors.push(Diagnostic::error_said(Code::SiteConfig, self.path, msg).at(line, col));
    }

    fn languages(&mut self) {
        if !self.known {
            return;
        }
        if self.languages.is_empty() {
            self.err(&["languages"], Said::new("config-no-languages", &[]));
        }
        for (i, lang) in self.languages.clone().iter().enumerate() {
            if !is_language_code(lang) {
                self.err(&["languages"], Said::new("config-not-a-language-code", &[("lang", lang)]));
            }
            if self.languages[..i].contains(lang) {
                self.err(&["languages"], Said::new("config-language-twice", &[("lang", lang)]));
            }
        }
    }

    /// `base_url` ending in `/`, and its path, from site.yaml or from `--base-url` (`flag`).
    fn base_url(&mut self, written: &str, flag: bool) -> (String, String) {
        crate::href::base_url(written).unwrap_or_else(|problem| {
            let name = if flag { "--base-url" } else { "base_url" };
            let msg = Said::new("config-bad-base-url", &[("name", name), ("problem", &problem)]);
            let d = match flag {
                true => Diagnostic::error_said(Code::SiteConfig, "--base-url", msg),
                false => Diagnostic::error_said(Code::SiteConfig, self.path, msg)
                    .at(yaml::locate(self.src, &["base_url"], 1), None),
            };
            self.errors.push(d.hint_said(Said::new("config-bad-base-url-hint", &[])));
            ("/".to_string(), "/".to_string())
        })
    }

    /// Text for every declared language (when `required`, or when any is given), and none
    /// for an undeclared one.
    fn localized(&mut self, map: &Localized, keys: &[&str], required: bool) {
        if !self.known || !required && map.is_empty() {
            return;
        }
        for lang in self.languages.clone() {
            if !map.contains_key(&lang) {
                let said = Said::new("config-no-text-for-language", &[("key", &keys.join(".")), ("lang", &lang)]);
                self.err(keys, said);
            }
        }
        for key in map.keys() {
            if !self.languages.contains(key) {
                let said = Said::new("config-text-for-undeclared-language", &[("key", &keys.join(".")), ("lang", key)]);
                self.err(keys, said);
            }
        }
    }

    fn help_line(&mut self, i: usize, mut line: RawHelpLine) -> HelpLine {
        (line.name, line.description) = (trimmed(line.name), trimmed(line.description));
        self.localized(&line.name, &["help_lines", "name"], true);
        self.localized(&line.description, &["help_lines", "description"], false);
        let at = [yaml::key("help_lines"), yaml::Step::Index(i), yaml::key("phone")];
        let tel = line.phone.as_deref().and_then(|p| self.tel(p, &at));
        HelpLine { name: line.name, phone: line.phone, tel, description: line.description }
    }

    /// The `tel:` form of a phone number (digits and a leading `+`), or an error at `at` when
    /// the text holds more than a number: a reader who taps "1818 (opción 1)" must not dial 18181.
    fn tel(&mut self, phone: &str, at: &[yaml::Step]) -> Option<String> {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let plus_first = phone.trim_start().strip_prefix('+').unwrap_or(phone.trim_start());
        // Parentheses hold an area code, with the number after it: "1818 (1)" is an option,
        // and "1818 / 100" two numbers, which one link cannot dial.
        let after_group =
            plus_first.rsplit_once(')').is_none_or(|(_, rest)| rest.contains(|c: char| c.is_ascii_digit()));
        let signs_ok = after_group
            && plus_first.matches('(').count() == plus_first.matches(')').count()
            && plus_first.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'));
        if signs_ok && (3..=15).contains(&digits) && phone.chars().count() <= 30 {
            return Some(phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect());
        }
        let why = if !signs_ok {
            "signs"
        } else if (3..=15).contains(&digits) {
            "long"
        } else {
            "digits"
        };
        self.err_at(at, Said::new("config-not-a-phone", &[("phone", phone), ("why", why)]));
        None
    }

    /// `quick_exit` from its fields as read (enabled, url, safety page), each None when
    /// absent or after its error.
    fn quick_exit(&mut self, raw: Option<(Option<bool>, Option<String>, Option<String>)>) -> QuickExit {
        let (enabled, url, safety_page) = raw.unwrap_or_default();
        let quick_exit = QuickExit {
            enabled: enabled.unwrap_or(true),
            url: url.unwrap_or_else(|| DEFAULT_EXIT_URL.into()),
            safety_page,
        };
        if !matches!(Href::parse(&quick_exit.url), Ok(Href::External(_))) {
            let url = crate::href::shown(&quick_exit.url);
            self.err(&["quick_exit", "url"], Said::new("config-bad-quick-exit-url", &[("url", &url)]));
        }
        quick_exit
    }

    /// The numbers of `statistics` and `publish` that parse but cannot be used.
    fn numbers(&mut self, statistics: &Statistics, publish: &Publish) {
        if statistics.suppress_below == 0 {
            self.err(&["statistics", "suppress_below"], Said::new("config-suppress-below-zero", &[]));
        }
        for keep in publish.keep.iter().filter(|k| !crate::output::is_keepable(k)) {
            self.err(&["publish", "keep"], Said::new("config-bad-keep", &[("keep", keep)]));
        }
    }
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

/// A BCP 47-like tag: a 2-3 letter primary code, then optional subtags (`pt-BR`); `faro
/// init` checks `--languages` by it too, so a new site never lists a code site.yaml refuses.
pub(crate) fn is_language_code(code: &str) -> bool {
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
