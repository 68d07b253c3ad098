//! Checks a site's strings file (`i18n/<lang>.yaml`) against the theme's, so a misspelt key,
//! a key written twice, a misspelt placeholder or a value of another form than the theme's (a
//! list for a text, two `months` for twelve) is an error at its place, not a string that
//! silently never shows or shows wrong.
//!
//! A site may add strings, but only for its own templates, so a key is known when a strings
//! file of the theme has it or a template of the site (not the built-in theme's) names it:
//! as a quoted text, `t("donate")`, or as the start of one it builds, `t("donate_" ~ kind)`.
//! Taking any key of the default language's file instead would let a typo there (`homme`
//! beside the theme's `home`) pass as the site's own string that nothing reads.

use super::{Entry, COPIED_FROM};
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::theme::{Theme, ThemeFile};
use crate::yaml::{self, Step};
use std::collections::{BTreeMap, BTreeSet};

/// What a site's strings files may say.
pub(super) struct Reference {
    /// Every key of the theme's strings files, with the placeholders its text takes in any of
    /// them (any form).
    theme: BTreeMap<String, BTreeSet<String>>,
    /// Keys of the site's strings files that the theme lacks and the site's templates name.
    site: BTreeSet<String>,
    /// The form of each of the theme's values (in the first of its files that has the key).
    shapes: BTreeMap<String, Shape>,
}

/// What a value is: a text (with plural forms or not), or a list of so many texts, which faro
/// reads by position (`months`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    List(usize),
}

impl Reference {
    pub(super) fn of(theme: &Theme) -> Reference {
        let mut keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut shapes = BTreeMap::new();
        for (_, file) in theme.files().filter(|(k, _)| k.starts_with("i18n/") && k.ends_with(".yaml")) {
            let src = String::from_utf8_lossy(&file.bytes);
            // A fault in a theme file is reported where its language is loaded.
            let Ok(map) = yaml::parse::<BTreeMap<String, Entry>>(&src, &file.origin, 1, Code::I18n) else {
                continue;
            };
            for (key, entry) in map {
                shapes.entry(key.clone()).or_insert(entry.shape());
                let names = entry.texts().into_iter().flat_map(placeholders).map(str::to_string);
                keys.entry(key).or_default().extend(names);
            }
        }
        let templates: Vec<String> = theme
            .templates()
            .filter(|(_, f)| !f.origin.starts_with("(built-in theme)"))
            .map(|(_, f)| String::from_utf8_lossy(&f.bytes).into_owned())
            .collect();
        let mut site = BTreeSet::new();
        for (_, file) in theme.files().filter(|(k, _)| k.starts_with("site-i18n/")) {
            for key in yaml::top_keys(&String::from_utf8_lossy(&file.bytes)).unwrap_or_default() {
                if !keys.contains_key(&key) && templates.iter().any(|t| names_key(t, &key)) {
                    site.insert(key);
                }
            }
        }
        Reference { theme: keys, site, shapes }
    }

    /// The placeholders the theme's `key` takes: those of its text and of its `_named` form,
    /// which is what a language borrows (`faro theme strings` writes it under `key`).
    fn takes(&self, key: &str) -> Option<BTreeSet<&str>> {
        let own = self.theme.get(key)?;
        let named = self.theme.get(&format!("{key}_named")).into_iter().flatten();
        Some(own.iter().chain(named).map(String::as_str).collect())
    }
}

/// Checks the site file `file` of `lang`, read as `strings`: every finding is an error of its
/// own. Returns the keys to be left out: those no one knows and values of the wrong form.
pub(super) fn check(
    file: &ThemeFile,
    strings: &BTreeMap<String, Entry>,
    lang: &str,
    reference: &Reference,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let src = String::from_utf8_lossy(&file.bytes);
    let keys = yaml::top_keys(&src).unwrap_or_default();
    let mut seen = BTreeSet::new();
    let mut left_out = Vec::new();
    for key in &keys {
        if !seen.insert(key.as_str()) || key == COPIED_FROM {
            continue;
        }
        let at = yaml::position(&src, &[yaml::key(key)]);
        let repeats = repeats(&src, key, at);
        for (n, place) in repeats.iter().enumerate() {
            let first = at.map_or("none".to_string(), |(line, _)| line.to_string());
            let again = if n == 0 { "second" } else { "more" };
            let said = Said::new("strings-key-twice", &[("key", key), ("again", again), ("first", &first)]);
            diags.push(
                Diagnostic::error_said(Code::I18n, &file.origin, said)
                    .at_point(Some(*place))
                    .hint_said(Said::new("strings-key-twice-hint", &[])),
            );
        }
        let Some(takes) = reference.takes(key) else {
            if !reference.site.contains(key) {
                diags.push(unknown_key(file, key, at, lang, reference));
                left_out.push(key.clone());
            }
            continue;
        };
        // Which of two values would count is unclear, so only the repeat is reported.
        if let (Some(entry), true) = (strings.get(key), repeats.is_empty()) {
            for (step, text) in entry.steps() {
                let bad: Vec<&str> = placeholders(text).filter(|p| !takes.contains(p)).collect();
                if !bad.is_empty() {
                    let mut path = vec![yaml::key(key)];
                    path.extend(step);
                    let place = yaml::value_position(&src, &path).or(at);
                    diags.push(wrong_placeholders(file, key, &bad, &takes).at_point(place));
                }
            }
            let want = reference.shapes.get(key).copied();
            if let Some(d) = want.and_then(|want| wrong_shape(file, key, entry.shape(), want, lang)) {
                diags.push(d.at_point(yaml::value_position(&src, &[yaml::key(key)]).or(at)));
                left_out.push(key.clone());
            }
        }
    }
    left_out
}

/// The error for a value whose form is not the theme's: a list for a text, a text for a list
/// or a list of another length (two months would print "3 de 12" for March).
fn wrong_shape(file: &ThemeFile, key: &str, got: Shape, want: Shape, lang: &str) -> Option<Diagnostic> {
    let (message, hint) = match (got, want) {
        (Shape::List(got), Shape::List(want)) if got != want => (
            Said::new("strings-list-length", &[("key", key), ("got", &got.to_string()), ("want", &want.to_string())]),
            Said::new("strings-list-length-hint", &[("lang", lang)]),
        ),
        (Shape::Text, Shape::List(want)) => (
            Said::new("strings-text-not-list", &[("key", key), ("want", &want.to_string())]),
            Said::new("strings-text-not-list-hint", &[("key", key), ("lang", lang)]),
        ),
        (Shape::List(_), Shape::Text) => (
            Said::new("strings-list-not-text", &[("key", key)]),
            Said::new("strings-list-not-text-hint", &[("key", key)]),
        ),
        _ => return None,
    };
    Some(Diagnostic::error_said(Code::I18n, &file.origin, message).hint_said(hint))
}

fn unknown_key(file: &ThemeFile, key: &str, at: Option<(usize, usize)>, lang: &str, r: &Reference) -> Diagnostic {
    let known = r.theme.keys().chain(&r.site).map(String::as_str);
    let message = match crate::spelling::closest(key, known) {
        Some(near) => Said::new("strings-unknown-key-near", &[("key", key), ("near", near)]),
        None => Said::new("strings-unknown-key", &[("key", key)]),
    };
    Diagnostic::error_said(Code::I18n, &file.origin, message)
        .at_point(at)
        .hint_said(Said::new("strings-unknown-key-hint", &[("key", key), ("lang", lang)]))
}

fn wrong_placeholders(file: &ThemeFile, key: &str, bad: &[&str], takes: &BTreeSet<&str>) -> Diagnostic {
    let shown = braces(bad.iter().copied());
    let n = bad.len().to_string();
    let message = match takes.is_empty() {
        true => Said::new("strings-wrong-placeholders-none", &[("shown", &shown), ("n", &n), ("key", key)]),
        false => {
            let takes = braces(takes.iter().copied());
            Said::new("strings-wrong-placeholders", &[("shown", &shown), ("n", &n), ("key", key), ("takes", &takes)])
        }
    };
    let near = bad.iter().find_map(|b| crate::spelling::closest(b, takes.iter().copied()));
    let hint = match near {
        Some(near) => Said::new("strings-wrong-placeholders-hint-near", &[("near", near)]),
        None => Said::new("strings-wrong-placeholders-hint", &[]),
    };
    Diagnostic::error_said(Code::I18n, &file.origin, message).hint_said(hint)
}

/// `{a}`, `{b}`.
fn braces<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.map(|n| format!("`{{{n}}}`")).collect::<Vec<_>>().join(", ")
}

/// The `{name}`s of a text (a name: letters, digits and `_`, not starting with a digit).
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|part| {
        let name = part.split_once('}')?.0;
        let ok = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        ok.then_some(name)
    })
}

/// Whether a template names `key`: as a quoted text, or as a quoted start joined on with `~`.
fn names_key(template: &str, key: &str) -> bool {
    if ['"', '\''].iter().any(|q| template.contains(&format!("{q}{key}{q}"))) {
        return true;
    }
    template.match_indices('~').any(|(i, _)| {
        let before = template[..i].trim_end();
        let Some(q) = before.chars().last().filter(|c| *c == '"' || *c == '\'') else { return false };
        let inner = &before[..before.len() - 1];
        let start = inner.rfind(q).map_or(0, |j| j + 1);
        let prefix = &inner[start..];
        !prefix.is_empty() && key.starts_with(prefix)
    })
}

/// Where `key` is written again as a top-level key after its first place `first`: a line
/// starting at the same column with the key, plain or quoted, then `:`.
fn repeats(src: &str, key: &str, first: Option<(usize, usize)>) -> Vec<(usize, usize)> {
    let Some((line, col)) = first else { return Vec::new() };
    let written = [key.to_string(), format!("\"{key}\""), format!("'{key}'")];
    src.lines()
        .enumerate()
        .skip(line)
        .filter(|(_, l)| {
            let Some((indent, rest)) = l.split_at_checked(col - 1) else { return false };
            let rest = written.iter().find_map(|w| rest.strip_prefix(w.as_str()));
            indent.trim().is_empty() && rest.is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map(|(n, _)| (n + 1, col))
        .collect()
}

impl Entry {
    fn shape(&self) -> Shape {
        match self {
            Entry::List(l) => Shape::List(l.len()),
            Entry::Text(_) | Entry::Plural(_) => Shape::Text,
        }
    }

    /// Its texts: the text, the list's items or the plural forms.
    fn texts(&self) -> Vec<&str> {
        self.steps().into_iter().map(|(_, t)| t).collect()
    }

    /// Each of its texts with the step from the key down to it.
    fn steps(&self) -> Vec<(Option<Step>, &str)> {
        match self {
            Entry::Text(t) => vec![(None, t.as_str())],
            Entry::List(l) => l.iter().enumerate().map(|(i, t)| (Some(Step::Index(i)), t.as_str())).collect(),
            Entry::Plural(p) => p.forms.iter().map(|(c, t)| (Some(yaml::key(c)), t.as_str())).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_names_in_braces() {
        let got: Vec<&str> = placeholders("{a} de {b_2}, {} {1x} { c} {d").collect();
        assert_eq!(got, ["a", "b_2"]);
    }

    #[test]
    fn a_template_names_a_key_quoted_or_as_the_start_it_builds_on() {
        let t = "{{ t(\"donate\") }} {{ t('way_' ~ kind) }} {{ home }}";
        assert!(names_key(t, "donate") && names_key(t, "way_card"));
        assert!(!names_key(t, "home") && !names_key(t, "donat") && !names_key(t, "wa"));
    }

    #[test]
    fn a_repeated_key_is_found_at_its_first_ones_column() {
        let src = "home: a\nx: { home: b }\n\"home\": c\nhome : d\nhomes: e\n";
        assert_eq!(repeats(src, "home", Some((1, 1))), [(3, 1), (4, 1)]);
        assert!(repeats(src, "home", None).is_empty());
    }
}
