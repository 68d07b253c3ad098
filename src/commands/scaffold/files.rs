//! The built-in theme's `scaffold/` files and the `{{name}}` placeholders in them: what
//! `faro init`, `faro new` and `faro theme strings` write from.

use crate::diagnostics::{Code, Diagnostic};
use crate::theme::DEFAULT_THEME;

pub(crate) fn scaffold_bytes(rel: &str) -> Option<&'static [u8]> {
    crate::theme::builtin(&format!("scaffold/{rel}"))
}

pub(crate) fn scaffold_text(rel: &str) -> Result<&'static str, Diagnostic> {
    let bytes = scaffold_bytes(rel).ok_or_else(|| broken(rel, "is missing from the built-in theme"))?;
    std::str::from_utf8(bytes).map_err(|_| broken(rel, "is not UTF-8 text"))
}

/// The scaffold files under `prefix`, keyed by their path below it, in sorted order.
pub(super) fn scaffold_files(prefix: &str) -> Result<Vec<(&'static str, &'static str)>, Diagnostic> {
    let full = format!("scaffold/{prefix}");
    DEFAULT_THEME
        .iter()
        .filter_map(|(k, bytes)| k.strip_prefix(full.as_str()).map(|rel| (rel, *bytes)))
        .map(|(rel, bytes)| {
            std::str::from_utf8(bytes)
                .map(|text| (rel, text))
                .map_err(|_| broken(&format!("{prefix}{rel}"), "is not UTF-8 text"))
        })
        .collect()
}

/// A fault in faro's own scaffold files, not in anything the user wrote.
fn broken(rel: &str, what: &str) -> Diagnostic {
    Diagnostic::error(Code::Scaffold, format!("(built-in theme)/scaffold/{rel}"), format!("this file {what}"))
        .hint("this is a bug in faro; please report it")
}

/// Replaces each `{{name}}` (lowercase letters, digits, `_` and `:`) with `value(name)` in
/// one pass; other `{{…}}` text is kept. An unknown name is a fault of the scaffold.
pub(crate) fn fill(template: &str, origin: &str, value: impl Fn(&str) -> Option<String>) -> Result<String, Diagnostic> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let name = after.find("}}").map(|end| &after[..end]).filter(|n| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b':')
        });
        match name {
            Some(name) => {
                let v =
                    value(name).ok_or_else(|| broken(origin, &format!("has an unknown placeholder {{{{{name}}}}}")))?;
                out.push_str(&v);
                rest = &after[name.len() + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_placeholders_in_one_pass_and_keeps_shortcodes() {
        let out = fill("{{title}} {{< chart x >}} {{date}}", "t", |n| match n {
            "title" => Some("a {{date}}".into()),
            "date" => Some("2025-01-02".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(out, "a {{date}} {{< chart x >}} 2025-01-02");
        assert!(fill("{{nope}}", "t", |_| None).unwrap_err().message.contains("{{nope}}"));
        assert_eq!(fill("{{ unclosed", "t", |_| None).unwrap(), "{{ unclosed");
    }
}
