//! faro's own messages in the reader's language: the terminal's (`--lang`, else `LANG`) and
//! the preview panel's (the page's). They come from the theme's Fluent catalogs
//! (`messages/<lang>.ftl`), which handle plurals and grammar; English is the fallback for a
//! language, or a message, a catalog lacks. A diagnostic carries its message's id and
//! values beside its English text, so it can be said in any language with a catalog.

use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource, FluentValue};

/// A value a message names: text or a number (which picks the plural form).
pub type Value<'a> = FluentValue<'a>;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A message of the catalogs: its id and the values it names, and text to keep after it
/// as it is (the YAML reader's own words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub(crate) id: &'static str,
    pub(crate) args: Vec<(&'static str, String)>,
    pub(crate) tail: String,
}

impl Said {
    pub(crate) fn new(id: &'static str, args: &[(&'static str, &str)]) -> Said {
        Said { id, args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(), tail: String::new() }
    }

    pub(crate) fn with_tail(mut self, tail: impl Into<String>) -> Said {
        self.tail = tail.into();
        self
    }

    /// The message in `lang`, or None when no catalog has it.
    pub fn in_lang(&self, lang: &str) -> Option<String> {
        let args: Vec<(&str, FluentValue)> =
            self.args.iter().map(|(k, v)| (*k, FluentValue::from(v.as_str()))).collect();
        say(lang, self.id, &args).map(|s| s + &self.tail)
    }
}

type Bundles = BTreeMap<String, FluentBundle<FluentResource>>;

fn bundles() -> &'static Bundles {
    static BUNDLES: OnceLock<Bundles> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        let mut out = Bundles::new();
        for (rel, bytes) in crate::embedded::DEFAULT_THEME {
            let Some(lang) = rel.strip_prefix("messages/").and_then(|r| r.strip_suffix(".ftl")) else { continue };
            let Ok(id) = lang.parse::<unic_langid::LanguageIdentifier>() else { continue };
            let text = String::from_utf8_lossy(bytes).into_owned();
            // A catalog with a mistake is a fault of faro, found by its tests; its good
            // messages are still used.
            let resource = FluentResource::try_new(text).unwrap_or_else(|(partial, _)| partial);
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            let _ = bundle.add_resource(resource);
            out.insert(lang.to_string(), bundle);
        }
        out
    })
}

/// Message `id` in `lang` (its primary subtag: `es` for `es-PE`), else in English.
pub fn say(lang: &str, id: &str, args: &[(&str, FluentValue)]) -> Option<String> {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    let all = bundles();
    let bundle = all.get(primary).filter(|b| b.has_message(id)).or_else(|| all.get("en"))?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned())
}

/// The languages faro speaks (those with a catalog).
pub fn languages() -> Vec<String> {
    bundles().keys().cloned().collect()
}

/// The terminal's language: `flag` (`--lang`), else the locale of `LC_ALL`, `LC_MESSAGES`
/// or `LANG` (`es_PE.UTF-8` is `es`), when faro has its catalog; else English.
pub fn terminal_language(flag: Option<&str>) -> String {
    let from_env =
        || ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    let wanted = flag.map(str::to_string).or_else(from_env).unwrap_or_default();
    let primary = wanted.split(['_', '.', '-', '@']).next().unwrap_or("").to_ascii_lowercase();
    if bundles().contains_key(&primary) {
        primary
    } else {
        "en".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_parses_and_has_every_english_message() {
        let ids = |lang: &str| -> Vec<String> {
            let (_, bytes) =
                crate::embedded::DEFAULT_THEME.iter().find(|(r, _)| *r == format!("messages/{lang}.ftl")).unwrap();
            let text = String::from_utf8_lossy(bytes).into_owned();
            if let Err((_, e)) = FluentResource::try_new(text.clone()) {
                panic!("messages/{lang}.ftl: {e:?}");
            }
            // A message starts a line with its id and ` =`.
            text.lines()
                .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
                .filter(|id| {
                    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit())
                })
                .map(str::to_string)
                .collect()
        };
        let english = ids("en");
        for lang in languages() {
            let mut theirs = ids(&lang);
            theirs.sort();
            let mut want = english.clone();
            want.sort();
            assert_eq!(theirs, want, "messages/{lang}.ftl has other ids than en.ftl");
        }
    }

    #[test]
    fn plurals_and_values_follow_the_language() {
        let n = |k: i64| [("errors", FluentValue::from(k)), ("previous", FluentValue::from("x"))];
        assert_eq!(say("es", "build-failed", &n(1)).unwrap(), "El sitio no se armó: 1 error; x.");
        assert_eq!(say("es-PE", "build-failed", &n(3)).unwrap(), "El sitio no se armó: 3 errores; x.");
        assert_eq!(say("en", "build-failed", &n(2)).unwrap(), "Build failed with 2 errors; x.");
        assert_eq!(say("qu", "build-failed", &n(1)).unwrap(), "Build failed with 1 error; x.", "English for the rest");
    }
}
