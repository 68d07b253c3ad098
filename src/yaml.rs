//! The one home of the YAML crate (`serde_yaml`, provided by the maintained `yaml_serde`).
//! Upstream `serde_yaml` is deprecated; keeping it behind this module means a future swap
//! touches one file. Its errors become diagnostics with file, line and column.

use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use serde::de::DeserializeOwned;
/// YAML values for data whose keys are the user's (breakdown values), kept in file order.
pub(crate) use serde_yaml::{Mapping, Value};
use std::path::Path;

mod at;
mod fields;
mod only;
pub(crate) use at::{key, parse_at, position, value_position, Step};
pub(crate) use fields::field_names;
pub(crate) use only::{parse_only, top_keys};

/// An error of the YAML reader: its message and where it is, as far as known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    pub(crate) message: String,
    pub(crate) line: Option<usize>,
    pub(crate) col: Option<usize>,
}

fn located(err: serde_yaml::Error) -> Located {
    let loc = err.location();
    Located {
        message: clean_message(&err.to_string()),
        line: loc.as_ref().map(|l| l.line()),
        col: loc.as_ref().map(|l| l.column()),
    }
}

/// A part of a document kept as a YAML value and read as `T` only when asked, so a wrong
/// type in one part is one error and the other parts are still read and checked.
#[derive(Debug, Clone)]
pub(crate) struct Deferred<T> {
    pub(crate) value: Value,
    /// What the value is to be read as.
    of: std::marker::PhantomData<T>,
}

impl<'de, T> serde::Deserialize<'de> for Deferred<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Deferred { value: Value::deserialize(d)?, of: std::marker::PhantomData })
    }
}

/// Parses `src` (which starts at line `first_line` of `path`) into `T`.
pub(crate) fn parse<T: DeserializeOwned>(
    src: &str,
    path: &Path,
    first_line: usize,
    code: Code,
) -> Result<T, Diagnostic> {
    // An empty document is an empty mapping, so "missing field" errors name the field.
    let src = if src.trim().is_empty() { "{}" } else { src };
    if let Some((line, col)) = nul_at(src) {
        return Err(Diagnostic::error_said(code, path, Said::new("content-nul", &[]))
            .at(Some(line + first_line - 1), Some(col))
            .hint_said(Said::new("yaml-nul-hint", &[])));
    }
    serde_yaml::from_str(src).map_err(|err| diagnostic(&err, src, path, first_line, code))
}

/// A reader's error on `src` (line `first_line` of `path`) as a diagnostic at its place.
fn diagnostic(err: &serde_yaml::Error, src: &str, path: &Path, first_line: usize, code: Code) -> Diagnostic {
    let message = clean_message(&err.to_string());
    // The reader stops where the text stopped making sense, often lines after the cause:
    // an unclosed quote is named at the quote.
    if let Some(loc) = err.location().filter(|_| SYNTAX.iter().any(|m| message.contains(m))) {
        if let Some((line, col, quote)) = unclosed_quote(src, loc.line()) {
            let said = Said::new("yaml-unclosed-quote", &[("quote", &quote.to_string())]);
            return Diagnostic::error_said(code, path, said).at(Some(line + first_line - 1), Some(col));
        }
    }
    let (message, said) = in_plain_words(&message);
    let (line, col) = match (repeated_key(src, &message), err.location()) {
        (Some((l, c)), _) => (Some(l + first_line - 1), Some(c)),
        (None, Some(loc)) => (Some(loc.line() + first_line - 1), Some(loc.column())),
        (None, None) => (Some(first_line), None),
    };
    let d = Diagnostic::error(code, path, message).at(line, col);
    match said {
        Some(said) => d.said(said),
        None => d,
    }
}

/// The reader's messages for text that is not YAML at all (rather than a wrong value).
const SYNTAX: &[&str] = &[
    "did not find expected key",
    "found unexpected end of stream",
    "while scanning a quoted scalar",
    "did not find expected ',' or '}'",
    "did not find expected ',' or ']'",
    "mapping values are not allowed",
    "could not find expected ':'",
];

/// The last line up to `upto` (1-based) whose value opens a quote it does not close:
/// (line, column of the quote, the quote).
fn unclosed_quote(src: &str, upto: usize) -> Option<(usize, usize, char)> {
    let mut found = None;
    for (n, line) in src.lines().enumerate().take(upto) {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        // The value after `key: ` or `- `.
        let value_at = match trimmed.strip_prefix("- ") {
            Some(_) => Some(line.len() - trimmed.len() + 2),
            None => line.find(": ").map(|i| i + 2),
        };
        let Some(at) = value_at else { continue };
        let value = line[at..].trim_start();
        let start = line.len() - value.len();
        let Some(quote) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        let closed = match quote {
            // `\"` is a quote inside the text; the rest of the line after the close may hold a comment.
            '"' => value[1..].replace("\\\\", "").replace("\\\"", "").contains('"'),
            // Inside single quotes, `''` writes one.
            _ => value[1..].replace("''", "").contains('\''),
        };
        if !closed {
            found = Some((n + 1, line[..start].chars().count() + 1, quote));
        }
    }
    found
}

/// The reader's words for text that is not YAML, said as what to check (its own words kept
/// after, in parentheses), and the catalogs' id for them.
fn in_plain_words(message: &str) -> (String, Option<crate::messages::Said>) {
    let plain = [
        ("did not find expected key", "yaml-no-key"),
        ("mapping values are not allowed", "yaml-colon-in-value"),
        ("found character that cannot start any token", "yaml-bad-start"),
        ("did not find expected '-' indicator", "yaml-list-indent"),
        ("found unknown escape character", "yaml-bad-escape"),
        ("found unexpected end of stream", "yaml-cut-short"),
    ];
    match plain.iter().find(|(raw, _)| message.contains(raw)) {
        Some((raw, id)) => {
            let said = crate::messages::Said::new(id, &[]).with_tail(format!(" ({raw})"));
            (crate::messages::english(&said), Some(said))
        }
        None => (message.to_string(), None),
    }
}

/// Where a NUL character is written, raw or as an escape in a double-quoted value (which
/// YAML allows and would pass on into HTML, feeds and SVG). An escape is confirmed by
/// parsing, so `\0` in a comment or a plain value is left alone.
fn nul_at(src: &str) -> Option<(usize, usize)> {
    if let Some(i) = src.find('\0') {
        return Some(crate::diagnostics::line_col(src, i));
    }
    let at = ["\\0", "\\x00", "\\u0000", "\\U00000000"].iter().filter_map(|e| src.find(e)).min()?;
    let value: Value = serde_yaml::from_str(src).ok()?;
    holds_nul(&value).then(|| crate::diagnostics::line_col(src, at))
}

fn holds_nul(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::Sequence(items) => items.iter().any(holds_nul),
        Value::Mapping(m) => m.iter().any(|(k, v)| holds_nul(k) || holds_nul(v)),
        Value::Tagged(t) => holds_nul(&t.value),
        _ => false,
    }
}

/// For "duplicate field `x`", which the parser places at the start of the mapping: the
/// line and column where `x:` is written the second time, at the first one's indentation.
fn repeated_key(src: &str, message: &str) -> Option<(usize, usize)> {
    // A struct names the field, a plain mapping the entry (`duplicate entry with key "x"`).
    let key = match message.strip_prefix("duplicate field `") {
        Some(rest) => rest.split('`').next()?,
        None => message.split("duplicate entry with key \"").nth(1)?.split('"').next()?,
    };
    let mut first_indent = None;
    for (n, line) in src.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let rest = line.trim_start().strip_prefix(key).map(str::trim_start);
        if rest.is_some_and(|r| r.starts_with(':')) {
            match first_indent {
                None => first_indent = Some(indent),
                Some(i) if i == indent => return Some((n + 1, indent + 1)),
                Some(_) => {}
            }
        }
    }
    None
}

/// `src` with each key written a second time in a block mapping turned into a comment (its
/// lines kept, so every other position stays right), and an error at each: the rest of the
/// file can then still be read and checked. A repeat inside a flow mapping (`{a: 1, a: 2}`)
/// is left for the parser to report.
pub(crate) fn without_repeated_keys<'s>(
    src: &'s str,
    path: &Path,
    code: Code,
) -> (std::borrow::Cow<'s, str>, Vec<Diagnostic>) {
    let mut text = std::borrow::Cow::Borrowed(src);
    let mut errors = Vec::new();
    while errors.len() < 100 {
        let Err(err) = serde_yaml::from_str::<Value>(&text) else { break };
        let message = clean_message(&err.to_string());
        let Some((line, col)) = repeated_key(&text, &message) else { break };
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let indent = col - 1;
        let body = |l: &str| l.trim().is_empty() || l.len() - l.trim_start().len() > indent;
        let end = line + lines[line..].iter().take_while(|l| body(l)).count();
        // The parser places the error at the start of the mapping: the repeat must be one of
        // its own keys, at its indentation, not a key of a flow mapping elsewhere.
        let in_mapping = err.location().is_some_and(|l| l.column() == col && l.line() <= line);
        if !in_mapping {
            break;
        }
        errors.push(diagnostic(&err, &text, path, 1, code).hint_said(Said::new("yaml-repeated-key-hint", &[])));
        let mut fixed = String::with_capacity(text.len() + end - line + 1);
        for (n, l) in lines.iter().enumerate() {
            let cut = (line - 1..end).contains(&n) && !l.trim().is_empty();
            let at = if n == line - 1 { indent } else { l.len() - l.trim_start().len() };
            if cut {
                fixed.push_str(&l[..at]);
                fixed.push('#');
                fixed.push_str(&l[at..]);
            } else {
                fixed.push_str(l);
            }
        }
        text = std::borrow::Cow::Owned(fixed);
    }
    (text, errors)
}

/// Converts an already-parsed value (part of a mapping with user-defined keys).
pub(crate) fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_yaml::from_value(value).map_err(|e| clean_message(&e.to_string()))
}

/// Writes a value as YAML (for files faro itself keeps, such as frozen editions).
pub(crate) fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

/// Drops the " at line N column M" suffix: the location is already in the diagnostic.
fn clean_message(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Finds the line of a key in block- or flow-style YAML by following `path` (mapping keys)
/// down the document. Used to point at a value that parsed but failed validation.
/// Returns the line of the deepest key found, offset by `first_line - 1`.
pub(crate) fn locate(src: &str, path: &[&str], first_line: usize) -> Option<usize> {
    let mut found = None;
    let mut start = 0;
    let lines: Vec<&str> = src.lines().collect();
    'keys: for key in path {
        for (i, line) in lines.iter().enumerate().skip(start) {
            if has_key(line, key) {
                found = Some(i + first_line);
                start = i;
                continue 'keys;
            }
        }
        break;
    }
    found
}

/// Lines of the items of the top-level list `key` (`- ...` entries), in order, so rows that
/// parsed can still be pointed at.
pub(crate) fn item_lines(src: &str, key: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut inside = false;
    let mut indent = None;
    for (i, line) in src.lines().enumerate() {
        let trimmed = line.trim_start();
        let depth = line.len() - trimmed.len();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if depth == 0 && !trimmed.starts_with('-') {
            inside = has_key(line, key);
            continue;
        }
        if inside && trimmed.starts_with("- ") && *indent.get_or_insert(depth) == depth {
            lines.push(i + 1);
        }
    }
    lines
}

fn has_key(line: &str, key: &str) -> bool {
    // An empty key (a YAML key written as `""`, or a path to one) is found everywhere and
    // nowhere: searching for it never advanced, and the fuzz target hung on it.
    if key.is_empty() {
        return false;
    }
    let line = line.split(" #").next().unwrap_or("");
    let mut from = 0;
    while let Some(i) = line[from..].find(key).map(|i| i + from) {
        let before_text = &line[..i];
        // Text inside a quoted string (`title: "a, date: b"`) is a value, not a key.
        let quoted_key = before_text.ends_with(['"', '\'']);
        let quotes = before_text.matches('"').count() + before_text.matches('\'').count();
        let inside_string = !quotes.is_multiple_of(2) && !quoted_key || quoted_key && quotes.is_multiple_of(2);
        let before = before_text.trim_end_matches(['"', '\'']).trim_end().chars().last();
        let after = line[i + key.len()..].trim_start_matches(['"', '\'']).trim_start();
        let bounded = matches!(before, None | Some('{' | ',' | '-'));
        if bounded && !inside_string && after.starts_with(':') {
            return true;
        }
        from = i + key.len();
    }
    false
}

/// A YAML double-quoted string, safe for any text.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde::Deserialize;

    #[test]
    fn an_empty_key_is_never_found_and_never_hangs() {
        assert!(!has_key("a: b", ""));
        assert_eq!(locate("a: 1\nb:\n  \"\": 2\n", &["b", ""], 1), Some(2));
    }

    #[test]
    fn a_nul_character_is_found_raw_or_escaped_but_not_in_plain_text() {
        let cases: &[(&str, Option<(usize, usize)>)] = &[
            ("a: \"x\"\nb: \"y\0z\"\n", Some((2, 6))),
            ("a: \"x\\0\"\n", Some((1, 6))),
            ("a: \"x\"\nb: \"\\x00\"\n", Some((2, 5))),
            ("a: [\"\\u0000\"]\n", Some((1, 6))),
            ("a: 'x\\0'\n", None),
            ("a: C:\\0x # \\0\n", None),
            ("a: \"\\\\0\"\n", None),
            ("a: b\n", None),
        ];
        for (src, want) in cases {
            assert_eq!(nul_at(src), *want, "{src:?}");
        }
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
    }

    #[test]
    fn errors_carry_the_line_in_the_file() {
        let err = parse::<T>("title: a\ntitel: b\n", Path::new("x.md"), 2, Code::FrontMatter).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("unknown field `titel`"), "{}", err.message);
    }

    #[test]
    fn locate_follows_nested_keys() {
        let src = "title:\n  es: a\nmenus:\n  es:\n    - x\n  en: []\n";
        assert_eq!(locate(src, &["menus", "en"], 1), Some(6));
        assert_eq!(locate(src, &["title"], 1), Some(1));
        assert_eq!(locate("t: { es: a, en: b }", &["t", "en"], 5), Some(5));
        assert_eq!(locate("\"date\": x", &["date"], 1), Some(1));
    }

    #[test]
    fn locate_skips_keys_inside_quoted_values() {
        let src = "title: \"Talks, date: soon\"\ndate: \"2025-13-01\"\n";
        assert_eq!(locate(src, &["date"], 2), Some(3));
    }
}
