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
        let args: Vec<(&str, FluentValue)> = self.args.iter().map(|(k, v)| (*k, value(v))).collect();
        say(lang, self.id, &args).map(|s| s + &self.tail)
    }
}

/// A value as Fluent reads it: a number when it is one written plainly (`3`, `0.5`), so
/// it picks the plural form; else text.
fn value(v: &str) -> FluentValue<'_> {
    match v.parse::<f64>() {
        Ok(n) if n.is_finite() && n.to_string() == v => FluentValue::from(n),
        _ => FluentValue::from(v),
    }
}

/// The English of a message; its id when the catalog lacks it (a fault the tests find).
pub(crate) fn english(said: &Said) -> String {
    said.in_lang("en").unwrap_or_else(|| said.id.to_string())
}

type Bundles = BTreeMap<String, FluentBundle<FluentResource>>;

/// The catalog files of `lang`'s folder (`messages/<lang>/*.ftl`), by language, in file
/// order: one file per part of faro, so its messages sit beside each other.
fn catalog_files() -> BTreeMap<&'static str, Vec<(&'static str, String)>> {
    let mut out: BTreeMap<&str, Vec<(&str, String)>> = BTreeMap::new();
    for (rel, bytes) in crate::embedded::DEFAULT_THEME {
        let Some((lang, file)) = rel.strip_prefix("messages/").and_then(|r| r.split_once('/')) else { continue };
        if file.ends_with(".ftl") && !file.contains('/') {
            out.entry(lang).or_default().push((rel, String::from_utf8_lossy(bytes).into_owned()));
        }
    }
    out
}

fn bundles() -> &'static Bundles {
    static BUNDLES: OnceLock<Bundles> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        let mut out = Bundles::new();
        for (lang, files) in catalog_files() {
            let Ok(id) = lang.parse::<unic_langid::LanguageIdentifier>() else { continue };
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            for (_, text) in files {
                // A catalog with a mistake is a fault of faro, found by its tests; its good
                // messages are still used.
                let resource = FluentResource::try_new(text).unwrap_or_else(|(partial, _)| partial);
                let _ = bundle.add_resource(resource);
            }
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

/// The terminal's language: `flag` (`--lang`) when faro speaks it, else the locale of `LC_ALL`, `LC_MESSAGES`
/// or `LANG` (`es_PE.UTF-8` is `es`), when faro has its catalog; else English.
pub fn terminal_language(flag: Option<&str>) -> String {
    let from_env =
        || ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    let spoken = |wanted: String| {
        let primary = wanted.split(['_', '.', '-', '@']).next().unwrap_or("").to_ascii_lowercase();
        bundles().contains_key(&primary).then_some(primary)
    };
    // A `--lang` faro has no catalog for yields to the terminal's language, not to English.
    flag.map(str::to_string)
        .and_then(spoken)
        .or_else(|| from_env().and_then(spoken))
        .unwrap_or_else(|| "en".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    use fluent_syntax::ast;

    fn pattern_vars(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for e in &p.elements {
            if let ast::PatternElement::Placeable { expression } = e {
                expression_vars(expression, out);
            }
        }
        out.sort();
    }

    fn expression_vars(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, out);
                for v in variants {
                    pattern_vars(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, out),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline_vars(a, out));
                arguments.named.iter().for_each(|a| inline_vars(&a.value, out));
            }
            _ => {}
        }
    }

    /// The ids and the values each message names, of `lang`'s files; a file that does not
    /// parse, or an id two files give, fails the test.
    fn catalog(lang: &str) -> BTreeMap<String, Vec<String>> {
        let files = catalog_files();
        let mut out = BTreeMap::new();
        for (rel, text) in files.get(lang).unwrap_or_else(|| panic!("no catalog for {lang}")) {
            let resource = match FluentResource::try_new(text.clone()) {
                Ok(r) => r,
                Err((_, e)) => panic!("{rel}: {e:?}"),
            };
            for entry in resource.entries() {
                if let ast::Entry::Message(m) = entry {
                    let mut vars = Vec::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    vars.dedup();
                    vars.sort();
                    let id = m.id.name.to_string();
                    assert!(out.insert(id.clone(), vars).is_none(), "{rel}: `{id}` is given twice for {lang}");
                }
            }
        }
        out
    }

    #[test]
    fn every_catalog_parses_and_has_every_english_message_with_its_values() {
        let english = catalog("en");
        assert!(english.contains_key("build-failed"));
        for lang in languages() {
            let theirs = catalog(&lang);
            let ids = |c: &BTreeMap<String, Vec<String>>| c.keys().cloned().collect::<Vec<_>>();
            assert_eq!(ids(&theirs), ids(&english), "messages/{lang}/ has other ids than messages/en/");
            for (id, vars) in &english {
                assert_eq!(&theirs[id], vars, "messages/{lang}/: `{id}` names other values than in English");
            }
        }
    }

    /// Every id the code names (`Said::new("id"`, `say(…, "id"`) is in the English catalog.
    #[test]
    fn every_message_the_code_names_is_in_the_catalog() {
        let english = catalog("en");
        let mut missing = Vec::new();
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            // The code, not its tests (this one names the patterns it looks for).
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            for pat in ["Said::new(\"", "said(\"", "say(lang(), \""] {
                for (i, _) in text.match_indices(pat) {
                    let id: String = text[i + pat.len()..].chars().take_while(|c| *c != '"').collect();
                    if !english.contains_key(&id) {
                        missing.push(format!("{}: {id}", entry.path().display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "ids the English catalog lacks: {missing:?}");
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
