//! UI strings per language, from the theme's `i18n/<lang>.yaml` (overridable by the
//! site's `i18n/`). A language the theme does not know, such as `qu`, builds when site.yaml
//! gives it a `fallback` (its missing strings come from that language) or the site has its
//! strings file; otherwise the missing strings are an error that lists them.
//!
//! A string that holds a count may give one text per plural category (CLDR's names), for
//! example `goals_summary_caption: { one: "…", other: "…" }`; `other` is required. The
//! category for a number comes from the language's rule in `plural_category` (Spanish and
//! English tell `one` from `other`). A language faro has no rule for (Quechua) takes the rule
//! of the first language of its `fallback` chain that has one, since its file starts as that
//! language's text (`faro theme strings`) and must show what it showed; with none, `other`
//! only, so a Quechua translation may give `{ other: "…" }` or a plain text. A string
//! borrowed from another language keeps that language's rule, since it is that language's text.
//!
//! A site file that says `copied_from: es` (as `faro theme strings` writes it) counts each
//! value still exactly the Spanish text it was copied from (the site's Spanish, or the
//! theme's) as Spanish, borrowed, until the writer changes it (`Copied`).
//!
//! A file's values are read one by one when it does not read whole, so each wrong value is an
//! error at its place and the rest are still read and checked.

use crate::config::{Config, Lang, Localized};
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::theme::Theme;
use crate::yaml;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod site_file;

#[derive(Debug, Clone)]
pub(crate) enum Entry {
    Text(String),
    List(Vec<String>),
    /// One text per plural category.
    Plural(Plural),
}

/// The plural forms of a string: category (`one`, `other`, …) to text.
#[derive(Debug, Clone)]
pub(crate) struct Plural {
    forms: BTreeMap<String, String>,
    /// The language whose rule picks the form, when the text was borrowed from it.
    rules: Option<Lang>,
}

impl Plural {
    fn other(&self) -> &str {
        self.forms.get("other").map_or("", String::as_str)
    }
}

/// CLDR's plural categories, the keys a plural string may use.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

// By hand, not `untagged`: an untagged enum loses the value's line and says only that no
// variant matched; a visitor gets the YAML error at the value, naming the key.
impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Entry, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Entry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, a list of texts or plural forms like { one: \"…\", other: \"…\" }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Entry, E> {
                Ok(Entry::Text(v.to_string()))
            }
            // A number or `true` is most likely a text left unquoted: say how to write it.
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Entry, E> {
                Err(unquoted(&v.to_string(), "a number"))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Entry, E> {
                Err(unquoted(&v.to_string(), "a number"))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Entry, E> {
                Err(unquoted(&v.to_string(), "a number"))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Entry, E> {
                Err(unquoted(&v.to_string(), "yes or no"))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Entry, E> {
                Err(E::custom("no text: write it in quotes, or delete the key to show the theme's"))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
                let mut list = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    list.push(item);
                }
                Ok(Entry::List(list))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
                use serde::de::Error;
                let mut forms = BTreeMap::new();
                while let Some(category) = map.next_key_seed(Category)? {
                    forms.insert(category, map.next_value::<String>()?);
                }
                if !forms.contains_key("other") {
                    return Err(A::Error::custom("plural forms need `other`, the form for any number"));
                }
                Ok(Entry::Plural(Plural { forms, rules: None }))
            }
        }
        d.deserialize_any(Visitor)
    }
}

fn unquoted<E: serde::de::Error>(written: &str, kind: &str) -> E {
    E::custom(format!("`{written}` is read as {kind}, not a text: write it in quotes, \"{written}\""))
}

/// A plural category, checked as the key is read so that an error is at the key.
struct Category;

impl<'de> serde::de::DeserializeSeed<'de> for Category {
    type Value = String;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl serde::de::Visitor<'_> for Category {
    type Value = String;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a plural category")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        if !CATEGORIES.contains(&v) {
            return Err(E::custom(format!("`{v}` is not a plural category: use {}", CATEGORIES.join(", "))));
        }
        Ok(v.to_string())
    }
}

impl Entry {
    /// The entry as a YAML value, read back as the same entry.
    pub(crate) fn to_yaml(&self) -> String {
        let q = crate::yaml::quote;
        match self {
            Entry::Text(t) => q(t),
            Entry::List(l) => format!("[{}]", l.iter().map(|t| q(t)).collect::<Vec<_>>().join(", ")),
            Entry::Plural(p) => {
                let forms = CATEGORIES.iter().filter_map(|c| Some(format!("{c}: {}", q(p.forms.get(*c)?))));
                format!("{{ {} }}", forms.collect::<Vec<_>>().join(", "))
            }
        }
    }
}

impl Entry {
    /// The entry as a language with `other` only uses it: a plural string keeps that form.
    pub(crate) fn other_only(&self) -> Entry {
        match self {
            Entry::Plural(p) => {
                let forms = p.forms.iter().filter(|(c, _)| *c == "other").map(|(c, t)| (c.clone(), t.clone()));
                Entry::Plural(Plural { forms: forms.collect(), rules: p.rules.clone() })
            }
            other => other.clone(),
        }
    }
}

impl Entry {
    /// Whether the two say the same, whichever rule picks their forms.
    fn same_text(&self, other: &Entry) -> bool {
        match (self, other) {
            (Entry::Text(a), Entry::Text(b)) => a == b,
            (Entry::List(a), Entry::List(b)) => a == b,
            (Entry::Plural(a), Entry::Plural(b)) => a.forms == b.forms,
            _ => false,
        }
    }

    /// Whether it is a plural string with a form besides `other`.
    pub(crate) fn has_forms(&self) -> bool {
        matches!(self, Entry::Plural(p) if p.forms.keys().any(|c| c != "other"))
    }
}

/// One language's UI strings, the language each borrowed one is written in, and what its
/// site file says of copies (`copied_from`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Strings(pub BTreeMap<String, Entry>, BTreeMap<String, Lang>, Option<Copied>, Files);

/// The files a language's strings are read from, for an error that says where a string the
/// templates ask for can be added.
#[derive(Debug, Clone, Default)]
pub(crate) struct Files {
    /// The site's `i18n/<lang>.yaml`, when there is one.
    site: Option<PathBuf>,
    /// The theme's, when it is a file on disk (the built-in theme's cannot be edited).
    theme: Option<PathBuf>,
}

/// A site strings file that says, with `copied_from: es`, which language its values were
/// copied from (`faro theme strings` writes it).
///
/// How faro tells a copy from a translation: a value still exactly the text the lender gives
/// (the first language with the key of `copied_from`, then the file language's own `fallback`
/// chain, the default language and English, with a `_named` form where the lender has one),
/// now or as the theme has it (what `faro theme strings` copied, before the site reworded its
/// own), is a copy. It is shown as the lender's text (`t_lang` names the lender, so pages mark
/// it with `lang=`) and its plural forms are picked by the lender's rule; a value the writer changed is the file language's own. The file names the
/// language rather than faro guessing it from site.yaml, so changing a `fallback` later, or
/// ejecting es and en (which have no `copied_from`), never turns Spanish into Quechua.
#[derive(Debug, Clone)]
pub(crate) struct Copied {
    pub(crate) from: Lang,
    /// The site's strings file and the line of `copied_from` in it.
    pub(crate) file: PathBuf,
    pub(crate) line: Option<usize>,
    /// The keys the file gives, and how many of them are still copies.
    pub(crate) keys: Vec<String>,
    pub(crate) copies: usize,
}

/// The key of a site strings file that names the language its values were copied from.
pub(crate) const COPIED_FROM: &str = "copied_from";

impl Strings {
    pub(crate) fn new(entries: BTreeMap<String, Entry>) -> Strings {
        Strings(entries, BTreeMap::new(), None, Files::default())
    }

    /// What the language's site file says of copies, when it names `copied_from`.
    pub(crate) fn copied(&self) -> Option<&Copied> {
        self.2.as_ref()
    }

    /// The language `key`'s text is written in, for strings of `lang`: `lang` itself unless
    /// it was borrowed from a fallback.
    pub(crate) fn written_in<'a>(&'a self, key: &str, lang: &'a str) -> &'a str {
        self.1.get(key).map_or(lang, String::as_str)
    }

    /// Whether `key` is this language's own text (from its theme or site file).
    pub(crate) fn is_own(&self, key: &str) -> bool {
        self.0.contains_key(key) && !self.1.contains_key(key)
    }

    /// Every key with its text, for writing a strings file (`faro theme strings`).
    pub(crate) fn entries(&self) -> &BTreeMap<String, Entry> {
        &self.0
    }

    /// The text of `key`; for a string with plural forms, its `other` form.
    pub(crate) fn text(&self, key: &str) -> Option<&str> {
        match self.0.get(key) {
            Some(Entry::Text(s)) => Some(s),
            Some(Entry::Plural(p)) => Some(p.other()),
            _ => None,
        }
    }

    /// The text of `key` for the number `n` in language `lang`: the form of `n`'s plural
    /// category, or `other` when the string lacks it. A plain text serves every number.
    pub(crate) fn plural(&self, lang: &str, key: &str, n: f64) -> Option<&str> {
        match self.0.get(key) {
            Some(Entry::Plural(p)) => {
                let category = plural_category(p.rules.as_deref().unwrap_or(lang), n);
                Some(p.forms.get(category).map_or_else(|| p.other(), String::as_str))
            }
            _ => self.text(key),
        }
    }

    /// Makes every plural string of the language's own without a rule pick its form by
    /// `lang`'s rule.
    fn follow_rule_of(&mut self, lang: &str) {
        for entry in self.0.values_mut() {
            if let Entry::Plural(p) = entry {
                p.rules.get_or_insert_with(|| lang.to_string());
            }
        }
    }

    pub(crate) fn list(&self, key: &str) -> Option<&[String]> {
        match self.0.get(key) {
            Some(Entry::List(l)) => Some(l),
            _ => None,
        }
    }

    /// `2022-06-01` in the language's words, from `date_format` and `months`.
    pub(crate) fn format_date(&self, date: &str) -> String {
        let mut parts = date.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return date.to_string();
        };
        let month = m
            .parse::<usize>()
            .ok()
            .and_then(|m| self.list("months")?.get(m.checked_sub(1)?))
            .cloned()
            .unwrap_or_else(|| m.to_string());
        let day = d.get(..2).unwrap_or(d).trim_start_matches('0');
        self.text("date_format")
            .unwrap_or("{year}-{month}-{day}")
            .replace("{year}", y)
            .replace("{month}", &month)
            .replace("{day}", day)
    }
}

/// A string of the built-in theme, in `lang` or else English: for the preview server's
/// own messages, which must work even when the site cannot be loaded.
pub(crate) fn builtin_text(lang: &str, key: &str) -> Option<String> {
    [lang, "en"].iter().find_map(|l| builtin_strings(l)?.text(key).map(str::to_string))
}

/// A language's name as readers see it: site.yaml's `name`, its strings' `language_name`,
/// the name faro knows (`known_language`), or the code.
pub(crate) fn language_name<'a>(config: &'a Config, strings: &'a Strings, lang: &'a str) -> &'a str {
    let set = config.language(lang).and_then(|l| l.name.as_deref());
    let known = || known_language(lang).and_then(|k| k.name.as_deref());
    set.or_else(|| strings.text("language_name")).or_else(known).unwrap_or(lang)
}

/// The name of the language a page's text is still in (`text_lang`), when faro can name it:
/// one of the site's, or one it knows (the theme's languages, `scaffold/languages.yaml`),
/// since `faro init --languages qu,ay` copies the theme's English into a site without English.
pub(crate) fn text_language_name(config: &Config, strings: &BTreeMap<Lang, Strings>, lang: &str) -> Option<String> {
    if let Some(own) = strings.get(lang) {
        return Some(language_name(config, own, lang).to_string());
    }
    let theme = builtin_strings(lang).and_then(|s| s.text("language_name").map(str::to_string));
    theme.or_else(|| known_language(lang).and_then(|k| k.name.clone()))
}

/// Open Graph's locale: site.yaml's `locale`, the language's own `og_locale` (never a
/// fallback's: a Quechua page is not `es_PE`), the one faro knows, or the code in that form.
pub(crate) fn og_locale(config: &Config, strings: &Strings, lang: &str) -> String {
    let set = config.language(lang).and_then(|l| l.locale.clone());
    let own = strings.is_own("og_locale").then(|| strings.text("og_locale")).flatten().map(str::to_string);
    let known = || known_language(lang).and_then(|k| k.locale.clone());
    set.or(own).or_else(known).unwrap_or_else(|| lang.replace('-', "_"))
}

/// What faro knows of a language the theme has no strings for (`scaffold/languages.yaml`):
/// the name its speakers use and its Open Graph locale.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct KnownLanguage {
    pub(crate) name: Option<String>,
    pub(crate) locale: Option<String>,
}

/// The known languages, read once from the built-in theme (a fault there is faro's own,
/// caught by the tests: it reads as an empty table).
pub(crate) fn known_language(code: &str) -> Option<&'static KnownLanguage> {
    static KNOWN: std::sync::OnceLock<BTreeMap<String, KnownLanguage>> = std::sync::OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        let text = crate::theme::builtin("scaffold/languages.yaml").and_then(|b| std::str::from_utf8(b).ok());
        text.and_then(|t| yaml::parse(t, Path::new("scaffold/languages.yaml"), 1, Code::Scaffold).ok())
            .unwrap_or_default()
    });
    known.get(code)
}

/// The built-in theme's strings of `lang`, as they are (no site, no fallback).
pub(crate) fn builtin_strings(lang: &str) -> Option<Strings> {
    let src = std::str::from_utf8(crate::theme::builtin(&format!("i18n/{lang}.yaml"))?).ok()?;
    yaml::parse(src, Path::new("i18n"), 1, Code::I18n).ok().map(Strings::new)
}

/// Loads every site language's strings. Gaps are filled from the language's `fallback`
/// chain (silently: the site chose it), then from the default language and English, the
/// theme's reference languages; a language without a fallback that needs them is an error
/// listing what is missing.
pub(crate) fn load(theme: &Theme, config: &Config) -> (BTreeMap<Lang, Strings>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut own: BTreeMap<Lang, Strings> = BTreeMap::new();
    let mut site_files: BTreeMap<Lang, PathBuf> = BTreeMap::new();
    let mut in_theme: Vec<Lang> = Vec::new();
    // The theme's own text of each language, which `faro theme strings` copied.
    let mut theme_own: BTreeMap<Lang, Strings> = BTreeMap::new();
    // Read only for a site with strings files of its own.
    let reference = std::cell::OnceCell::new();
    for lang in config.languages.iter().map(String::as_str).chain(["en"]) {
        if own.contains_key(lang) {
            continue;
        }
        // The site's file overrides the theme's key by key.
        let theme_strings = parse_file(theme, &format!("i18n/{lang}.yaml"), &mut diags);
        if let Some(t) = &theme_strings {
            in_theme.push(lang.to_string());
            theme_own.insert(lang.to_string(), t.clone());
        }
        let site_key = format!("site-i18n/{lang}.yaml");
        let mut site_strings = parse_file(theme, &site_key, &mut diags);
        if let Some(file) = theme.get(&site_key) {
            site_files.insert(lang.to_string(), file.origin.clone());
            if let Some(s) = site_strings.as_mut() {
                let reference = reference.get_or_init(|| site_file::Reference::of(theme));
                for key in site_file::check(file, &s.0, lang, reference, &mut diags) {
                    s.0.remove(&key);
                }
                match take_copied_from(s, file, lang) {
                    Ok(c) => s.2 = c,
                    Err(d) => diags.push(d),
                }
            }
        }
        let merged = match (theme_strings, site_strings) {
            (Some(mut t), Some(s)) => {
                t.0.extend(s.0);
                t.2 = s.2;
                Some(t)
            }
            (t, s) => t.or(s),
        };
        if let Some(mut s) = merged {
            let on_disk = |key: &str| theme.get(key).map(|f| f.origin.clone()).filter(|o| !o.starts_with(BUILT_IN));
            s.3 = Files { site: site_files.get(lang).cloned(), theme: on_disk(&format!("i18n/{lang}.yaml")) };
            own.insert(lang.to_string(), s);
        }
    }
    for lang in &config.languages {
        if let (Some(strings), Some(rules)) = (own.get_mut(lang), rule_language(config, lang)) {
            strings.follow_rule_of(&rules);
        }
    }
    mark_copies(config, &mut own, &theme_own, &mut diags);
    let mut out = BTreeMap::new();
    for lang in &config.languages {
        let chosen = config.fallbacks(lang);
        let mut strings = own.get(lang).cloned().unwrap_or_default();
        borrow_from(&mut strings, lang, &chosen, &own);
        let reference = [config.default_language(), "en"];
        let missing = borrow_from(&mut strings, lang, &reference, &own);
        if chosen.is_empty() && !missing.is_empty() {
            // A language the theme has lacks only keys a site added elsewhere (perhaps
            // misspelt): a warning, as before; one the theme lacks would show another
            // language's whole interface: an error.
            let d = missing_strings(config, lang, &missing, site_files.get(lang));
            diags.push(if in_theme.contains(lang) { extra_keys_warning(lang, &missing) } else { d });
        }
        out.insert(lang.clone(), strings);
    }
    (out, diags)
}

/// The language whose plural rule `lang`'s own strings follow when faro has none for `lang`:
/// the first of its `fallback` chain that has one (none when `lang` has its own, or no
/// language of the chain has one).
pub(crate) fn rule_language(config: &Config, lang: &str) -> Option<Lang> {
    if rule(lang).is_some() {
        return None;
    }
    config.fallbacks(lang).into_iter().find(|fb| rule(fb).is_some()).map(str::to_string)
}

/// Whether `lang`'s own plural strings tell one form from another: false for a language faro
/// has no rule for and whose `fallback` chain has none, which uses `other` only.
pub(crate) fn tells_plural_forms(config: &Config, lang: &str) -> bool {
    rule(lang).is_some() || rule_language(config, lang).is_some()
}

/// Keys a site gave other languages but not `lang`, which the theme has.
fn extra_keys_warning(lang: &str, missing: &[String]) -> Diagnostic {
    let (n, keys) = (missing.len().to_string(), missing.join(", "));
    let said = Said::new("strings-extra-keys-missing", &[("n", &n), ("lang", lang), ("keys", &keys)]);
    Diagnostic::warning_said(Code::MissingUiStrings, format!("i18n/{lang}.yaml"), said)
        .hint_said(Said::new("strings-extra-keys-missing-hint", &[("lang", lang)]))
}

/// Parses the theme file `key` (`i18n/es.yaml`, `site-i18n/qu.yaml`), if there is one.
fn parse_file(theme: &Theme, key: &str, diags: &mut Vec<Diagnostic>) -> Option<Strings> {
    let file = theme.get(key)?;
    let origin: PathBuf = file.origin.clone();
    let src = match crate::text::utf8_text(file.bytes.to_vec(), &origin) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    match yaml::parse::<BTreeMap<String, Entry>>(&src, &origin, 1, Code::I18n) {
        Ok(map) => Some(Strings::new(map)),
        // The reader stops at the first wrong value: read each on its own for all of them.
        // A file that is not YAML, or holds a NUL, stays one error.
        Err(d) => match (yaml::parse::<serde::de::IgnoredAny>(&src, &origin, 1, Code::I18n), yaml::top_keys(&src)) {
            (Ok(_), Some(keys)) => Some(Strings::new(key_by_key(&src, &origin, &keys, diags))),
            _ => {
                diags.push(d);
                None
            }
        },
    }
}

/// Each key of a strings file that reads, and an error at each value that does not.
fn key_by_key(src: &str, origin: &Path, keys: &[String], diags: &mut Vec<Diagnostic>) -> BTreeMap<String, Entry> {
    let mut map = BTreeMap::new();
    for key in keys {
        if map.contains_key(key) {
            continue;
        }
        match yaml::parse_at::<Entry>(src, &[yaml::key(key)]) {
            Ok(Some(entry)) => {
                map.insert(key.clone(), entry);
            }
            Ok(None) => {}
            Err(e) => diags.push(Diagnostic::error(Code::I18n, origin, e.message).at(e.line, e.col)),
        }
    }
    map
}

/// Fills the keys `strings` (of `lang`) lacks from each of `from` in turn, recording the
/// language each borrowed text is written in; returns the keys borrowed, sorted.
fn borrow_from(strings: &mut Strings, lang: &str, from: &[&str], own: &BTreeMap<Lang, Strings>) -> Vec<String> {
    let mut missing = Vec::new();
    for fb in from.iter().filter(|fb| **fb != lang) {
        let Some(fb_strings) = own.get(*fb) else {
            continue;
        };
        for k in fb_strings.0.keys() {
            if strings.0.contains_key(k) {
                continue;
            }
            if let Some((entry, written)) = lent(fb_strings, fb, k) {
                strings.0.insert(k.clone(), entry);
                strings.1.insert(k.clone(), written);
                missing.push(k.clone());
            }
        }
    }
    missing.sort();
    missing
}

/// What `fb`'s strings lend another language for `key`, and the language it is written in.
fn lent(fb_strings: &Strings, fb: &str, key: &str) -> Option<(Entry, Lang)> {
    // A language is never labelled with another language's name; views fall back to its code.
    if key == "language_name" {
        return None;
    }
    // A text that names its own language ("not available in Spanish") has a `_named`
    // form with a `{language}` placeholder, which is what another language borrows.
    let v = fb_strings.0.get(&format!("{key}_named")).or_else(|| fb_strings.0.get(key))?;
    Some((borrowed(v, fb), fb_strings.written_in(key, fb).to_string()))
}

/// Takes `copied_from` out of a site strings file of `lang` (it is no UI string), with its
/// line; an error when it is not a language code.
fn take_copied_from(
    strings: &mut Strings,
    file: &crate::theme::ThemeFile,
    lang: &str,
) -> Result<Option<Copied>, Diagnostic> {
    let Some(entry) = strings.0.remove(COPIED_FROM) else {
        return Ok(None);
    };
    let line = yaml::locate(&String::from_utf8_lossy(&file.bytes), &[COPIED_FROM], 1);
    let keys = strings.0.keys().cloned().collect();
    match entry {
        Entry::Text(from) if from != lang && !from.is_empty() => {
            Ok(Some(Copied { from, file: file.origin.clone(), line, keys, copies: 0 }))
        }
        _ => Err(copied_from_error(
            &file.origin,
            line,
            lang,
            Said::new("strings-copied-from-not-a-code", &[("key", COPIED_FROM)]),
        )),
    }
}

fn copied_from_error(file: &Path, line: Option<usize>, lang: &str, why: Said) -> Diagnostic {
    Diagnostic::error_said(Code::I18n, file, why)
        .at(line, None)
        .hint_said(Said::new("strings-copied-from-hint", &[("key", COPIED_FROM), ("lang", lang)]))
}

/// Marks each value of a site file with `copied_from` that is still the text its language
/// lent (see `Copied`) as that language's, with that language's plural rule. The lender's
/// text is its current one or the theme's: a site that rewords its own Spanish after the
/// copy was made leaves the Quechua copy of the theme's Spanish still Spanish.
fn mark_copies(
    config: &Config,
    own: &mut BTreeMap<Lang, Strings>,
    theme: &BTreeMap<Lang, Strings>,
    diags: &mut Vec<Diagnostic>,
) {
    let with_copies: Vec<Lang> = own.iter().filter(|(_, s)| s.2.is_some()).map(|(l, _)| l.clone()).collect();
    // A copy of a copy (ay from qu, qu from es) is written in the first one's language: one
    // pass per file, so each sees the marks of the files it copies from, in any order.
    let passes = with_copies.iter().cycle().take(with_copies.len() * with_copies.len());
    for lang in passes.cloned() {
        let Some(copied) = own[&lang].2.clone() else { continue };
        if !own.contains_key(&copied.from) {
            let known = own.keys().filter(|l| **l != lang).cloned().collect::<Vec<_>>().join(", ");
            diags.push(copied_from_error(
                &copied.file,
                copied.line,
                &lang,
                Said::new(
                    "strings-copied-from-unknown",
                    &[("key", COPIED_FROM), ("from", &copied.from), ("known", &known)],
                ),
            ));
            if let Some(s) = own.get_mut(&lang) {
                s.2 = None;
            }
            continue;
        }
        let reference = [config.default_language(), "en"];
        let chain: Vec<&str> = std::iter::once(copied.from.as_str())
            .chain(config.fallbacks(&lang))
            .chain(reference)
            .filter(|l| **l != *lang)
            .collect();
        let mut marks = Vec::new();
        for key in &copied.keys {
            let Some(value) = own[&lang].0.get(key) else { continue };
            let Some((fb, current)) = chain.iter().find_map(|fb| Some((*fb, lent(own.get(*fb)?, fb, key)?))) else {
                continue;
            };
            let built_in = || lent(theme.get(fb)?, fb, key);
            let source = Some(current)
                .filter(|(e, _)| e.same_text(value))
                .or_else(|| built_in().filter(|(e, _)| e.same_text(value)));
            if let Some((entry, written)) = source {
                marks.push((key.clone(), entry, written));
            }
        }
        let Some(strings) = own.get_mut(&lang) else { continue };
        if let Some(c) = strings.2.as_mut() {
            c.copies = marks.len();
        }
        for (key, entry, written) in marks {
            strings.0.insert(key.clone(), entry);
            strings.1.insert(key, written);
        }
    }
}

/// For `faro check`: how many strings of `lang`, whose site file says `copied_from`, its
/// readers still see in another language. That is the copies not yet translated and the
/// keys missing from the file, which its fallback (or the default language) fills: to a
/// translator both are work left.
pub(crate) fn awaiting_translation(strings: &Strings, lang: &str) -> Option<Diagnostic> {
    let c = strings.copied()?;
    let in_file: std::collections::BTreeSet<&str> = c.keys.iter().map(String::as_str).collect();
    // The languages shown instead, of the copies and of the keys filled.
    let (mut copied, mut filled) = (BTreeMap::<&str, usize>::new(), BTreeMap::<&str, usize>::new());
    for (key, written) in &strings.1 {
        let counts = if in_file.contains(key.as_str()) { &mut copied } else { &mut filled };
        *counts.entry(written.as_str()).or_default() += 1;
    }
    let (copies, fills): (usize, usize) = (copied.values().sum(), filled.values().sum());
    if copies + fills == 0 {
        return None;
    }
    let named = |langs: &BTreeMap<&str, usize>| {
        let names: Vec<String> = langs.keys().map(|l| format!("`{l}`")).collect();
        match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        }
    };
    let mut all = copied.clone();
    for (l, n) in &filled {
        *all.entry(l).or_default() += n;
    }
    let (n, total) = ((copies + fills).to_string(), strings.0.len().to_string());
    let (copies, fills) = (copies.to_string(), fills.to_string());
    let (all, filled_from) = (named(&all), named(&filled));
    let head = [("n", n.as_str()), ("total", total.as_str()), ("lang", lang)];
    let said = |id, langs: &str, more: &[(&'static str, &str)]| {
        Said::new(id, &[&head[..], &[("langs", langs)], more].concat())
    };
    let message = match (copies.as_str(), fills.as_str()) {
        (_, "0") if copied.len() == 1 => said("strings-awaiting-copied-from-one", &named(&copied), &[]),
        (_, "0") => said("strings-awaiting-copied", &named(&copied), &[]),
        ("0", _) => said("strings-awaiting-filled", &filled_from, &[]),
        _ => said(
            "strings-awaiting-copied-and-filled",
            &all,
            &[("copies", &copies), ("fills", &fills), ("filled", &filled_from)],
        ),
    };
    let hint = match fills.as_str() {
        "0" => Said::new("strings-awaiting-hint", &[("langs", &all)]),
        _ => Said::new("strings-awaiting-hint-missing", &[("langs", &all), ("lang", lang)]),
    };
    Some(Diagnostic::warning_said(Code::AwaitingTranslation, &c.file, message).at(c.line, None).hint_said(hint))
}

/// The error for a language that lacks strings and names no fallback: at the site's own
/// strings file when it has one, else at the language in site.yaml.
fn missing_strings(config: &Config, lang: &str, missing: &[String], site_file: Option<&PathBuf>) -> Diagnostic {
    let (shown, more) = match missing.len() {
        n if n <= 12 => (missing.join(", "), 0),
        n => (missing[..8].join(", "), n - 8),
    };
    let (n, more) = (missing.len().to_string(), more.to_string());
    let fallback = config.languages.iter().find(|l| *l != lang).map_or("es", String::as_str);
    let values = [("n", n.as_str()), ("lang", lang), ("shown", &shown), ("more", &more)];
    let hint_values = [("lang", lang), ("fallback", fallback)];
    match site_file {
        Some(file) => Diagnostic::error_said(Code::MissingUiStrings, file, Said::new("strings-missing", &values))
            .at(Some(1), None)
            .hint_said(Said::new("strings-missing-hint", &hint_values)),
        None => {
            Diagnostic::error_said(Code::MissingUiStrings, "site.yaml", Said::new("strings-missing-no-file", &values))
                .at(config.language(lang).and_then(|l| l.line), None)
                .hint_said(Said::new("strings-missing-no-file-hint", &hint_values))
        }
    }
}

/// A string one language borrows from `from`: its plural forms keep the rule of the language
/// they are written in.
fn borrowed(entry: &Entry, from: &str) -> Entry {
    match entry {
        Entry::Plural(p) => {
            Entry::Plural(Plural { rules: Some(p.rules.clone().unwrap_or_else(|| from.to_string())), ..p.clone() })
        }
        other => other.clone(),
    }
}

/// How the built-in theme's files are named in diagnostics.
const BUILT_IN: &str = "(built-in theme)";

/// The error for a template's UI string `key` that `lang` has no text for (`strings`, none
/// when `lang` is not a site language), saying where it can be added: the site's strings file,
/// which may not exist yet, or the theme's when it is a file on disk.
pub(crate) fn no_string(strings: Option<&Strings>, key: &str, lang: &str) -> String {
    let Some(strings) = strings else {
        return format!("no UI string `{key}` for `{lang}`, which is not a language of this site");
    };
    let line = format!("`{key}: \"…\"`");
    let theme = match &strings.3.theme {
        Some(file) => format!(", or to the theme's {}", file.display()),
        None => String::new(),
    };
    match &strings.3.site {
        Some(file) => format!("no UI string `{key}` for `{lang}`: add {line} to {}{theme}", file.display()),
        None => format!(
            "no UI string `{key}` for `{lang}` in the theme or the site: add {line} to the site's i18n/{lang}.yaml, which does not exist yet{theme}"
        ),
    }
}

/// A UI string of the theme in `lang`, or the key itself when the theme lacks it.
pub(crate) fn text_or_key(strings: &BTreeMap<Lang, Strings>, lang: &str, key: &str) -> String {
    strings.get(lang).and_then(|s| s.text(key)).unwrap_or(key).to_string()
}

/// The plural category of the number `n` in `lang` (CLDR's rules for integers and for
/// decimals as written: pass the number as shown, rounded). Spanish: `one` for 1 (CLDR's
/// `many`, for a round million as in "1 millón de", is left to `other`: faro writes numbers
/// in digits). English: `one` for 1 written without decimals. Quechua has no CLDR plural
/// data, so, like every language not listed, it has `other` only.
pub(crate) fn plural_category(lang: &str, n: f64) -> &'static str {
    rule(lang).map_or("other", |rule| rule(n))
}

/// faro's plural rule for `lang` (`es-PE` uses `es`'s), if it has one.
fn rule(lang: &str) -> Option<fn(f64) -> &'static str> {
    match lang.split(['-', '_']).next().unwrap_or(lang) {
        "es" => Some(|n| if n.abs() == 1.0 { "one" } else { "other" }),
        "en" => Some(|n| if n.fract() == 0.0 && n.abs() == 1.0 { "one" } else { "other" }),
        _ => None,
    }
}

/// `template` with each `{name}` replaced by its value. A value that ends a sentence
/// (`.`, `?`, `!`, `…`) swallows a `.` the template puts right after it, so a unit or a
/// label written "etc." does not print "etc..".
pub(crate) fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut ends_sentence = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('{') {
            let found = after.find('}').and_then(|end| {
                let name = &after[..end];
                args.iter().find(|(k, _)| *k == name).map(|(_, v)| (end, *v))
            });
            if let Some((end, value)) = found {
                out.push_str(value);
                if !value.is_empty() {
                    ends_sentence = value.ends_with(['.', '?', '!', '…']);
                }
                rest = &after[end + 1..];
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        if !(c == '.' && ends_sentence) {
            out.push(c);
        }
        ends_sentence = false;
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Text of a per-language map for `lang`, or the first language's text.
pub(crate) fn pick<'a>(map: &'a Localized, lang: &str) -> &'a str {
    map.get(lang).or_else(|| map.values().next()).map_or("", String::as_str)
}

/// Numbers in the language's conventions, from the theme strings `decimal_separator`,
/// `thousands_separator` and `thousands_min_digits` (Spanish writes 2875 but 10 000).
pub(crate) struct NumberFormat {
    pub(crate) decimal: String,
    pub(crate) thousands: String,
    pub(crate) min_digits: usize,
}

impl NumberFormat {
    pub(crate) fn from_strings(s: &Strings) -> NumberFormat {
        NumberFormat {
            decimal: s.text("decimal_separator").unwrap_or(".").to_string(),
            thousands: s.text("thousands_separator").unwrap_or(",").to_string(),
            min_digits: s.text("thousands_min_digits").and_then(|d| d.parse().ok()).unwrap_or(4),
        }
    }

    /// At most `decimals` decimals, trailing zeros dropped. The one place a figure is
    /// rounded for display: half away from zero, on the number as written in the data.
    pub(crate) fn format(&self, value: f64, decimals: usize) -> String {
        let text = round_half_up(value.abs(), decimals);
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let frac = frac.trim_end_matches('0');
        let mut grouped = String::new();
        if int.len() >= self.min_digits {
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    grouped.push_str(&self.thousands);
                }
                grouped.push(c);
            }
        } else {
            grouped.push_str(int);
        }
        let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
        if frac.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{}{frac}", self.decimal)
        }
    }
}

/// `value` (not negative) with `decimals` decimals, rounded half up on its shortest
/// decimal form (26.5 gives 27, 26.45 gives 26.5): binary rounding of `{:.0}` would give
/// 26, and a figure must not depend on how a float happens to be stored.
fn round_half_up(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return format!("{value}");
    }
    // Display never uses an exponent for f64, so this is plain digits and a point.
    let shortest = format!("{value}");
    let (int, frac) = shortest.split_once('.').unwrap_or((&shortest, ""));
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().chain(std::iter::repeat(b'0')).take(decimals)).collect();
    if frac.as_bytes().get(decimals).is_some_and(|&d| d >= b'5') {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let (i, f) = digits.split_at(split);
    let (i, f) = (String::from_utf8_lossy(i), String::from_utf8_lossy(f));
    if decimals == 0 {
        i.into_owned()
    } else {
        format!("{i}.{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_rounded_half_up_on_the_number_as_written() {
        let f = NumberFormat { decimal: ",".into(), thousands: ".".into(), min_digits: 4 };
        // Issue 15: 570 of 2150 is 26.51 %, and a frozen 26.5 must not read 26.
        assert_eq!(f.format(570.0 / 2150.0 * 100.0, 0), "27");
        assert_eq!(f.format(26.5, 0), "27");
        assert_eq!(f.format(26.45, 1), "26,5");
        assert_eq!(f.format(0.125, 2), "0,13");
        assert_eq!(f.format(99.96, 1), "100");
        assert_eq!(f.format(9999.5, 0), "10.000");
        assert_eq!(f.format(-2.5, 0), "-3");
        assert_eq!(f.format(1e21, 0), "1.000.000.000.000.000.000.000");
        assert_eq!(f.format(0.0000001, 1), "0");
    }

    #[test]
    fn formats_dates_in_the_language() {
        let mut s = Strings::default();
        s.0.insert("date_format".into(), Entry::Text("{day} de {month} de {year}".into()));
        s.0.insert(
            "months".into(),
            Entry::List(["enero", "febrero", "marzo", "abril", "mayo", "junio"].map(String::from).to_vec()),
        );
        assert_eq!(s.format_date("2022-06-01"), "1 de junio de 2022");
    }

    fn strings(src: &str) -> Result<Strings, Diagnostic> {
        yaml::parse::<BTreeMap<String, Entry>>(src, Path::new("i18n/es.yaml"), 1, Code::I18n).map(Strings::new)
    }

    #[test]
    fn a_string_with_plural_forms_picks_the_form_by_the_languages_rule() {
        let s = strings("goals: { one: \"Estado de la meta\", other: \"Estado de las {n} metas\" }\n").unwrap();
        assert_eq!(s.plural("es", "goals", 1.0), Some("Estado de la meta"));
        assert_eq!(s.plural("es", "goals", 3.0), Some("Estado de las {n} metas"));
        assert_eq!(s.plural("es", "goals", 0.0), Some("Estado de las {n} metas"));
        // Without a number, and in a language with `other` only, the `other` form.
        assert_eq!(s.text("goals"), Some("Estado de las {n} metas"));
        assert_eq!(s.plural("qu", "goals", 1.0), Some("Estado de las {n} metas"));
    }

    #[test]
    fn plural_rules_follow_cldr_for_spanish_english_and_quechua() {
        let table = [
            ("es", 1.0, "one"),
            ("es", 0.0, "other"),
            ("es", 2.0, "other"),
            ("es", 1.5, "other"),
            ("es-PE", 1.0, "one"),
            ("en", 1.0, "one"),
            ("en", 1.5, "other"),
            ("en", 0.0, "other"),
            ("en", 21.0, "other"),
            ("qu", 1.0, "other"),
            ("xx", 1.0, "other"),
        ];
        for (lang, n, category) in table {
            assert_eq!(plural_category(lang, n), category, "{lang} {n}");
        }
    }

    #[test]
    fn a_language_borrowing_a_plural_string_keeps_the_rule_of_the_language_it_is_written_in() {
        let config = Config::parse(
            "base_url: https://e.org/\nlanguages: [es, qu]\ntitle: { es: a, qu: b }\n",
            Path::new("site.yaml"),
            None,
        )
        .unwrap();
        let root = std::env::temp_dir().join("faro-i18n-no-site");
        let (theme, _) = Theme::load(&root, &config).unwrap();
        let (strings, diags) = load(&theme, &config);
        // Quechua has `other` only, but the text it is shown is Spanish: Spanish picks.
        let one = strings["qu"].plural("qu", "goals_summary_caption", 1.0);
        assert_eq!(one, strings["es"].plural("es", "goals_summary_caption", 1.0));
        assert_eq!(one, Some("Estado de la meta en {year}, por dimensión"));
        // No fallback named: the missing strings are an error at qu in site.yaml, with the keys.
        let d = diags.iter().find(|d| d.code == Code::MissingUiStrings).expect("an error for qu");
        assert!(d.is_error() && d.line == Some(2), "{d:?}");
        assert!(d.message.contains("no interface strings for `qu`") && d.message.contains("more"), "{d:?}");
        assert!(d.hint.as_deref().unwrap_or("").contains("faro theme strings qu"), "{d:?}");
        assert_eq!(strings["qu"].written_in("goals_summary_caption", "qu"), "es");
    }

    #[test]
    fn a_language_without_a_rule_takes_that_of_its_nearest_fallback_with_one() {
        let config = Config::parse(
            "base_url: https://e.org/\nlanguages: [en, es, { code: qu, fallback: es }, { code: ay, fallback: qu }, xx]\n\
             title: { en: a, es: b, qu: c, ay: d, xx: e }\n",
            Path::new("site.yaml"),
            None,
        )
        .unwrap();
        let got: Vec<Option<Lang>> = ["en", "es", "qu", "ay", "xx"].map(|l| rule_language(&config, l)).to_vec();
        assert_eq!(got, [None, None, Some("es".into()), Some("es".into()), None]);
    }

    #[test]
    fn a_copy_of_a_copy_is_marked_with_the_language_it_is_written_in_in_any_order() {
        let config = Config::parse(
            "base_url: https://e.org/\nlanguages: [es, { code: ay, fallback: qu }, { code: qu, fallback: es }]\n\
             title: { es: a, qu: b, ay: c }\n",
            Path::new("site.yaml"),
            None,
        )
        .unwrap();
        let root = std::env::temp_dir().join(format!("faro-i18n-copies-{}", std::process::id()));
        std::fs::create_dir_all(root.join("i18n")).unwrap();
        let copy = "copied_from: {from}\nquick_exit: \"Salir rápido\"\nhome: \"{home}\"\n";
        std::fs::write(root.join("i18n/qu.yaml"), copy.replace("{from}", "es").replace("{home}", "Qallariy")).unwrap();
        std::fs::write(root.join("i18n/ay.yaml"), copy.replace("{from}", "qu").replace("{home}", "Qallariy")).unwrap();
        let (theme, _) = Theme::load(&root, &config).unwrap();
        let (strings, diags) = load(&theme, &config);
        std::fs::remove_dir_all(&root).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        // ay (sorted first) copies qu's copy of Spanish: Spanish, not Quechua.
        assert_eq!(strings["ay"].written_in("quick_exit", "ay"), "es");
        assert_eq!(strings["qu"].written_in("quick_exit", "qu"), "es");
        // qu's own translation, copied by ay, is Quechua there.
        assert!(strings["qu"].is_own("home"));
        assert_eq!(strings["ay"].written_in("home", "ay"), "qu");
        assert_eq!(strings["ay"].copied().map(|c| c.copies), Some(2));
        assert!(strings["es"].copied().is_none());
    }

    #[test]
    fn a_missing_string_says_where_it_can_be_added() {
        let mut s = Strings::default();
        let none = "no UI string `x` for `es` in the theme or the site: add `x: \"…\"` to the site's i18n/es.yaml, which does not exist yet";
        assert_eq!(no_string(Some(&s), "x", "es"), none);
        s.3 = Files { site: Some("i18n/es.yaml".into()), theme: Some("themes/t/i18n/es.yaml".into()) };
        let both = "no UI string `x` for `es`: add `x: \"…\"` to i18n/es.yaml, or to the theme's themes/t/i18n/es.yaml";
        assert_eq!(no_string(Some(&s), "x", "es"), both);
        assert!(no_string(None, "x", "fr").contains("`fr`, which is not a language of this site"));
    }

    #[test]
    fn each_wrong_value_is_an_error_at_it_and_the_others_are_read() {
        let src = "a: \"x\"\nb: 42\nc: { one: \"y\", uno: \"z\" }\nd: [\"p\", [3]]\ne:\nf: \"w\"\n";
        let keys = yaml::top_keys(src).unwrap();
        let mut diags = Vec::new();
        let map = key_by_key(src, Path::new("i18n/qu.yaml"), &keys, &mut diags);
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "f"]);
        let got: Vec<(Option<usize>, Option<usize>)> = diags.iter().map(|d| (d.line, d.col)).collect();
        assert_eq!(
            got,
            [(Some(2), Some(4)), (Some(3), Some(16)), (Some(4), Some(10)), (Some(5), Some(3))],
            "{diags:#?}"
        );
        assert!(diags[3].message.contains("no text"), "{diags:#?}");
    }

    #[test]
    fn plural_forms_need_other_and_known_categories() {
        let e = strings("k: { one: \"a\" }\n").unwrap_err();
        assert!(e.message.contains("need `other`"), "{}", e.message);
        let e = strings("k: { uno: \"a\", other: \"b\" }\n").unwrap_err();
        assert!(e.message.contains("`uno` is not a plural category"), "{}", e.message);
    }

    #[test]
    fn the_known_languages_table_reads_and_names_quechua_and_aymara() {
        assert_eq!(known_language("qu").and_then(|k| k.name.as_deref()), Some("Runasimi"));
        assert_eq!(known_language("qu").and_then(|k| k.locale.as_deref()), Some("qu_PE"));
        assert_eq!(known_language("ay").and_then(|k| k.name.as_deref()), Some("Aymar aru"));
        assert!(known_language("xx").is_none());
    }

    #[test]
    fn fill_replaces_names_and_never_doubles_a_full_stop() {
        assert_eq!(fill("{a} de {b}.", &[("a", "1"), ("b", "2")]), "1 de 2.");
        assert_eq!(fill("Fuente: {name}.", &[("name", "MIMP, 2022.")]), "Fuente: MIMP, 2022.");
        assert_eq!(fill("¿{q}?.", &[("q", "x")]), "¿x?.", "the template's own text is kept");
        assert_eq!(fill("{a}{b}.", &[("a", "41 pers."), ("b", "")]), "41 pers.");
        assert_eq!(fill("{a}, {b}.", &[("a", "etc."), ("b", "y")]), "etc., y.");
        assert_eq!(fill("{unknown} {a}", &[("a", "x")]), "{unknown} x");
    }

    #[test]
    fn formats_numbers_by_language() {
        let es = NumberFormat { decimal: ",".into(), thousands: "\u{a0}".into(), min_digits: 5 };
        let en = NumberFormat { decimal: ".".into(), thousands: ",".into(), min_digits: 4 };
        assert_eq!(es.format(2875.0, 1), "2875");
        assert_eq!(es.format(8842.0, 0), "8842");
        assert_eq!(es.format(12345.6, 1), "12\u{a0}345,6");
        assert_eq!(es.format(79.6, 1), "79,6");
        assert_eq!(en.format(2875.0, 1), "2,875");
        assert_eq!(en.format(1234567.25, 2), "1,234,567.25");
        assert_eq!(en.format(-0.04, 1), "0");
    }
}
