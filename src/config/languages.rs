//! The settings of each site language: `languages:` in site.yaml lists codes (`[es, en, qu]`)
//! or entries with settings (`{ code: qu, name: "Runasimi", locale: qu_PE, fallback: es }`),
//! in any mix. The code is what URLs and `lang`/`hreflang` use; the name is shown in the
//! language switcher; the locale is Open Graph's `og:locale`; the direction sets `<html dir>`;
//! the fallback is the language whose interface strings fill what the theme lacks.
//!
//! Two layers, as everywhere: `RawLanguage` (either form, unknown keys refused) and the
//! checked `Language`. Values left out are resolved later, from the theme's strings
//! (`language_name`, `og_locale`), since site.yaml is read before the theme.

use super::{Config, Lang};
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::yaml::{self, Step};
use serde::Deserialize;
use std::path::Path;

/// One entry of `languages:` as written: a bare code or a mapping with settings.
#[derive(Debug)]
pub(crate) enum RawLanguage {
    Code(String),
    Entry(RawEntry),
}

/// Unknown keys are reported and taken out by site.yaml's key check, so the known fields of
/// an entry are still checked when it has an unknown one.
#[derive(Debug, Deserialize)]
pub(crate) struct RawEntry {
    code: String,
    name: Option<String>,
    locale: Option<String>,
    direction: Option<String>,
    fallback: Option<String>,
}

// By hand, not `untagged`: an untagged enum says only "did not match any variant", where
// this passes on the entry's own error (an unknown key, a missing `code`).
impl<'de> Deserialize<'de> for RawLanguage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RawLanguage, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawLanguage;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a language code such as `es`, or { code: qu, name: \"Runasimi\", locale: qu_PE, direction: ltr, fallback: es }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawLanguage, E> {
                Ok(RawLanguage::Code(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawLanguage, A::Error> {
                RawEntry::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(RawLanguage::Entry)
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl RawLanguage {
    pub(crate) fn code(&self) -> &str {
        match self {
            RawLanguage::Code(c) => c,
            RawLanguage::Entry(e) => &e.code,
        }
    }
}

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A checked language entry. `name` and `locale` are `None` when site.yaml leaves them out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Language {
    pub(crate) code: Lang,
    pub(crate) name: Option<String>,
    /// Open Graph's form, `qu_PE` (a `qu-PE` written in site.yaml is given its underscore).
    pub(crate) locale: Option<String>,
    pub(crate) direction: Direction,
    /// A declared language whose strings fill the ones this language's theme file lacks.
    pub(crate) fallback: Option<Lang>,
    /// Where the language is written in site.yaml, for errors about it found later.
    pub(crate) line: Option<usize>,
}

/// Languages written right to left, for a site that does not say: the primary subtags of
/// the scripts the Unicode bidi algorithm runs right to left in common use.
const RTL: &[&str] = &["ar", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"];

/// The checked entries of `languages:`, in order, and one error per bad value at its line.
/// Codes themselves (form, repeats) are checked with the rest of site.yaml.
pub(crate) fn resolve(raw: Vec<RawLanguage>, src: &str, path: &Path) -> (Vec<Language>, Vec<Diagnostic>) {
    let codes: Vec<String> = raw.iter().map(|r| r.code().to_string()).collect();
    let mut errors = Vec::new();
    // Each entry by its index, each field by its key: a text search found the first
    // `fallback: de` for every entry that wrote it.
    let item = |i: usize| [yaml::key("languages"), Step::Index(i)];
    let mut err = |i: usize, field: &str, msg: Said| {
        let steps: Vec<Step> = item(i).into_iter().chain([yaml::key(field)]).collect();
        let (line, col) = yaml::value_position(src, &steps)
            .map(|(l, c)| (l, c + usize::from(quoted_at(src, l, c))))
            .or_else(|| yaml::position(src, &item(i)))
            .map_or((None, None), |(l, c)| (Some(l), Some(c)));
        errors.push(Diagnostic::error_said(Code::SiteConfig, path, msg).at(line, col));
    };
    let line_of = |i: usize| yaml::position(src, &item(i)).map(|(l, _)| l);
    let mut out = Vec::new();
    for (i, entry) in raw.into_iter().enumerate() {
        let e = match entry {
            RawLanguage::Code(code) => {
                let direction = default_direction(&code);
                let line = line_of(i);
                out.push(Language { code, name: None, locale: None, direction, fallback: None, line });
                continue;
            }
            RawLanguage::Entry(e) => e,
        };
        let code = e.code;
        if let Some(name) = &e.name {
            if name.trim().is_empty() || name.chars().any(char::is_control) {
                err(i, "name", Said::new("config-language-bad-name", &[("code", &code)]));
            }
        }
        let locale = e.locale.as_deref().and_then(|l| match og_locale(l) {
            Some(ok) => Some(ok),
            None => {
                let shown = crate::diagnostics::one_line(l);
                err(i, "locale", Said::new("config-language-bad-locale", &[("code", &code), ("locale", &shown)]));
                None
            }
        });
        let direction = match e.direction.as_deref() {
            None => default_direction(&code),
            Some("ltr") => Direction::Ltr,
            Some("rtl") => Direction::Rtl,
            Some(other) => {
                let shown = crate::diagnostics::one_line(other);
                let msg = Said::new("config-language-bad-direction", &[("code", &code), ("direction", &shown)]);
                err(i, "direction", msg);
                Direction::Ltr
            }
        };
        if let Some(fb) = &e.fallback {
            if fb == &code {
                err(i, "fallback", Said::new("config-language-own-fallback", &[("code", &code)]));
            } else if !codes.contains(fb) {
                let msg = Said::new(
                    "config-language-unknown-fallback",
                    &[("code", &code), ("codes", &codes.join(", ")), ("fallback", fb)],
                );
                err(i, "fallback", msg);
            }
        }
        let line = line_of(i);
        out.push(Language { code, name: e.name, locale, direction, fallback: e.fallback, line });
    }
    for (i, lang) in out.iter().enumerate() {
        if let Some(fb) = &lang.fallback {
            if fb != &lang.code && chain(&out, &lang.code).last() != Some(&None) {
                let msg = Said::new("config-language-fallback-loop", &[("code", &lang.code), ("fallback", fb)]);
                err(i, "fallback", msg);
            }
        }
    }
    (out, errors)
}

/// The fallbacks of `code` in order, ending with `None` when the chain ends, or cut short
/// (without `None`) where it would loop.
fn chain<'a>(langs: &'a [Language], code: &str) -> Vec<Option<&'a str>> {
    let mut seen = vec![code];
    let mut out = Vec::new();
    let mut at = code;
    while let Some(fb) = langs.iter().find(|l| l.code == at).and_then(|l| l.fallback.as_deref()) {
        if seen.contains(&fb) {
            return out;
        }
        seen.push(fb);
        out.push(Some(fb));
        at = fb;
    }
    out.push(None);
    out
}

fn default_direction(code: &str) -> Direction {
    let primary = code.split('-').next().unwrap_or(code);
    if RTL.contains(&primary) {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// `qu_PE`, `qu-PE`, `es_419` or a bare `qu` in Open Graph's form (`language_TERRITORY`),
/// or `None` for anything else.
pub(crate) fn og_locale(written: &str) -> Option<String> {
    let (lang, region) = match written.split_once(['_', '-']) {
        Some((l, r)) => (l, Some(r)),
        None => (written, None),
    };
    let lang_ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok = region.is_none_or(|r| {
        (r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
            || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
    });
    (lang_ok && region_ok).then(|| region.map_or_else(|| lang.to_string(), |r| format!("{lang}_{r}")))
}

/// Whether a quote opens at `line`:`col` (1-based), so a column can point at the text inside.
fn quoted_at(src: &str, line: usize, col: usize) -> bool {
    src.lines().nth(line - 1).and_then(|l| l.chars().nth(col - 1)).is_some_and(|c| c == '"' || c == '\'')
}

impl Config {
    /// The settings of the site language `code` (every declared language has them).
    pub(crate) fn language(&self, code: &str) -> Option<&Language> {
        self.language_settings.iter().find(|l| l.code == code)
    }

    /// The languages whose strings fill `code`'s gaps, nearest first (no loop: site.yaml
    /// refuses one).
    pub(crate) fn fallbacks(&self, code: &str) -> Vec<&str> {
        chain(&self.language_settings, code).into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(languages: &str) -> Result<Config, Vec<Diagnostic>> {
        let src = format!("base_url: https://e.org/\nlanguages:\n{languages}title: {{ es: a, en: b, qu: c }}\n");
        Config::parse(&src, Path::new("site.yaml"), None)
    }

    #[test]
    fn codes_and_entries_mix_and_keep_their_order() {
        let c = parse("  - es\n  - en\n  - { code: qu, name: \"Runasimi\", locale: qu-PE, fallback: es }\n").unwrap();
        assert_eq!(c.languages, ["es", "en", "qu"]);
        let qu = c.language("qu").unwrap();
        assert_eq!(qu.name.as_deref(), Some("Runasimi"));
        assert_eq!(qu.locale.as_deref(), Some("qu_PE"));
        assert_eq!(qu.direction, Direction::Ltr);
        assert_eq!(c.fallbacks("qu"), ["es"]);
        assert_eq!(c.language("es").unwrap().name, None);
        assert!(c.fallbacks("es").is_empty());
        assert_eq!([c.language("es").unwrap().line, qu.line], [Some(3), Some(5)]);
    }

    #[test]
    fn each_bad_value_is_an_error_at_its_line_and_column() {
        let table: [(&str, &str, usize, usize); 6] = [
            ("  - es\n  - en\n  - { code: qu, direction: down }\n", "`direction` is `ltr`", 5, 28),
            ("  - es\n  - en\n  - code: qu\n    locale: \"Peru\"\n", "`locale` must be", 6, 14),
            ("  - es\n  - en\n  - { code: qu, fallback: de }\n", "not `de`", 5, 27),
            ("  - es\n  - en\n  - { code: qu, fallback: qu }\n", "names itself", 5, 27),
            ("  - es\n  - en\n  - { code: qu, name: \"  \" }\n", "`name` must be", 5, 24),
            ("  - { code: es, fallback: qu }\n  - en\n  - { code: qu, fallback: es }\n", "comes back", 3, 27),
        ];
        for (langs, message, line, col) in table {
            let errs = parse(langs).unwrap_err();
            assert_eq!(errs.len(), if message == "comes back" { 2 } else { 1 }, "{langs}: {errs:?}");
            assert!(errs[0].message.contains(message), "{langs}: {}", errs[0].message);
            assert_eq!((errs[0].line, errs[0].col), (Some(line), Some(col)), "{langs}: {}", errs[0].message);
        }
    }

    #[test]
    fn an_unknown_key_in_an_entry_is_named() {
        let errs = parse("  - es\n  - en\n  - { code: qu, nombre: Runasimi }\n").unwrap_err();
        assert!(errs[0].message.contains("unknown field `nombre`"), "{}", errs[0].message);
    }

    #[test]
    fn locales_take_open_graphs_form() {
        let table = [
            ("qu_PE", Some("qu_PE")),
            ("qu-PE", Some("qu_PE")),
            ("es_419", Some("es_419")),
            ("qu", Some("qu")),
            ("QU_pe", None),
            ("qu_PER", None),
            ("Peru", None),
            ("", None),
        ];
        for (written, expected) in table {
            assert_eq!(og_locale(written).as_deref(), expected, "{written}");
        }
    }

    #[test]
    fn right_to_left_languages_default_to_rtl() {
        assert_eq!(default_direction("ar"), Direction::Rtl);
        assert_eq!(default_direction("he-IL"), Direction::Rtl);
        assert_eq!(default_direction("qu"), Direction::Ltr);
    }
}
