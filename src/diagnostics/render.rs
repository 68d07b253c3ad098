//! A diagnostic as the terminal shows it: its one line (`path:line:col: error[code]: …`,
//! which editors and CI logs read), the source line under it with a caret at the column,
//! as rustc shows them, and its hint. In colour on a terminal, unless `NO_COLOR` is set.

use super::{Diagnostic, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::path::Path;

/// Whether to colour what goes to a stream that `is_terminal`: `NO_COLOR` (set and not
/// empty) turns colour off, `CLICOLOR_FORCE` turns it on, else a terminal gets it.
pub fn use_color(is_terminal: bool) -> bool {
    let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty() && v != "0");
    if set("NO_COLOR") {
        return false;
    }
    set("CLICOLOR_FORCE") || (is_terminal && std::env::var_os("TERM").is_none_or(|t| t != "dumb"))
}

/// `d` with the line of its file it points at (read from `root`), a caret under the column,
/// and its hint; the line alone when the file or the line cannot be read.
pub fn render(d: &Diagnostic, root: &Path, color: bool, lang: &str) -> String {
    let mut out = headline(d, color, lang);
    if let Some(snippet) = d.line.and_then(|line| source_line(root, &d.path, line)).map(|text| excerpt(d, &text, color))
    {
        out.push('\n');
        out.push_str(snippet.trim_end());
    }
    if let Some(hint) = d.hint_in(lang) {
        let word = crate::messages::say(lang, "hint", &[]).unwrap_or_else(|| "hint".into());
        let label = if color { format!("\x1b[1;36m{word}\x1b[0m") } else { word };
        out.push_str(&format!("\n  = {label}: {}", super::one_line(&hint)));
    }
    out
}

fn headline(d: &Diagnostic, color: bool, lang: &str) -> String {
    let first = d.headline(lang);
    if !color {
        return first;
    }
    let (word, paint) = match d.severity {
        Severity::Error => ("error", "\x1b[1;31m"),
        Severity::Warning => ("warning", "\x1b[1;33m"),
    };
    let tag = format!(": {word}[{}]", d.code);
    first.replacen(&tag, &format!(": {paint}{word}[{}]\x1b[0m\x1b[1m", d.code), 1) + "\x1b[0m"
}

/// Line `line` (1-based) of the file, when it is a readable text file under `root`.
fn source_line(root: &Path, path: &Path, line: usize) -> Option<String> {
    let file = if path.is_absolute() { path.to_path_buf() } else { root.join(path) };
    let meta = std::fs::metadata(&file).ok()?;
    if !meta.is_file() || meta.len() > 8 << 20 {
        return None;
    }
    let text = std::fs::read_to_string(&file).ok()?;
    let shown = text.lines().nth(line - 1)?;
    // Tabs shift the caret; control characters could forge terminal output.
    Some(shown.chars().map(|c| if c == '\t' { ' ' } else { c }).filter(|c| !c.is_control()).collect())
}

/// The source line with the span from the column to the end of its word underlined.
fn excerpt(d: &Diagnostic, text: &str, color: bool) -> String {
    let col = d.col.unwrap_or(1).max(1);
    let start = text.char_indices().nth(col - 1).map_or(text.len(), |(i, _)| i);
    let word = text[start..].find(char::is_whitespace).unwrap_or(text.len() - start);
    // What the message quotes (`nada.md`), where the line has it from the column on: the
    // link's target rather than the `[` it starts with.
    let quoted = d.message.split('`').skip(1).step_by(2).filter(|q| !q.is_empty());
    let named = quoted.filter_map(|q| text[start..].find(q).map(|i| (start + i, start + i + q.len()))).next();
    // A quoted value at the column is what is meant, whatever the message quotes after it.
    let value = text[start..]
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')
        .and_then(|q| text[start + 1..].find(q).map(|i| (start, start + 1 + i + 1)));
    let (start, end) = match (d.col, value.or(named)) {
        (Some(_), Some(span)) => span,
        (Some(_), None) => (start, start + word.max(1).min(text.len() - start)),
        (None, _) => (text.len() - text.trim_start().len(), text.len()),
    };
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let group = Group::with_level(level).element(
        Snippet::source(text)
            .line_start(d.line.unwrap_or(1))
            .annotation(AnnotationKind::Primary.span(start..end.max(start))),
    );
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    renderer.render(&[group]).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    /// A quoted value at the column is underlined, not a later word the message also quotes
    /// (`organization` (es) at its value, not under the English one's).
    #[test]
    fn a_quoted_value_at_the_column_is_what_the_caret_marks() {
        let text = r#"organization: { es: "Nombre de tu organización", en: "Your organization's name" }"#;
        let d = Diagnostic::warning(Code::Placeholder, "site.yaml", "`organization` (es) is still the sample")
            .at(Some(1), Some(21));
        let shown = excerpt(&d, text, false);
        let caret = shown.lines().find(|l| l.contains('^')).unwrap();
        let from = caret.find('^').unwrap() - shown.lines().nth(1).unwrap().find('|').unwrap();
        let line = shown.lines().find(|l| l.contains("organization:")).unwrap();
        let at = line.find("\"Nombre").unwrap() - line.find('|').unwrap();
        assert_eq!(from, at, "{shown}");
        assert_eq!(caret.matches('^').count(), "\"Nombre de tu organización\"".chars().count(), "{shown}");
    }

    #[test]
    fn the_source_line_and_a_caret_follow_the_line_of_the_diagnostic() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "---\ntitle: x\ndate: 2025-13-45\n---\n").unwrap();
        let d = Diagnostic::error(Code::FrontMatter, "a.md", "bad date").at(Some(3), Some(7)).hint("write a real day");
        let shown = render(&d, dir.path(), false, "en");
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], "a.md:3:7: error[front-matter]: bad date");
        let source = lines.iter().position(|l| l.ends_with("| date: 2025-13-45")).expect(&shown);
        assert!(lines[source].trim_start().starts_with('3'), "{shown}");
        let caret = lines[source + 1];
        assert_eq!(caret.find('^'), lines[source].find("2025"), "{shown}");
        assert_eq!(caret.matches('^').count(), "2025-13-45".len(), "{shown}");
        assert_eq!(*lines.last().unwrap(), "  = hint: write a real day");
        // No file to read: the line alone.
        let gone = Diagnostic::error(Code::Io, "nada.md", "cannot read").at(Some(1), Some(1));
        assert_eq!(render(&gone, dir.path(), false, "en"), "nada.md:1:1: error[io]: cannot read");
    }

    #[test]
    fn colour_only_on_a_terminal_and_never_with_no_color() {
        let dir = tempfile::tempdir().unwrap();
        let d = Diagnostic::warning(Code::MissingAlt, "x.md", "no alt");
        assert!(render(&d, dir.path(), true, "en").contains("\x1b[1;33mwarning[missing-alt]"));
        assert!(!render(&d, dir.path(), false, "en").contains('\x1b'));
    }
}
