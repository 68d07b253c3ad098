//! The running header and footer of a printed report, as CSS `@page` margin boxes.
//! Chromium's own header and footer show the time of printing in US form and the page's
//! temporary file path, in no language of the site; margin boxes carry the theme's words.
//!
//! The words (and the report's title) make a stylesheet of their own, linked from the
//! printed page, because the site's Content-Security-Policy allows no inline style; the
//! look of the boxes (font, size, colour) is the theme's, in the print rules of faro.css.

/// What the margins of every page say.
pub(crate) struct Running<'a> {
    /// Top left, from the second page on (the cover shows it large).
    pub(crate) title: &'a str,
    /// Top right on every page, such as "Borrador" for a draft.
    pub(crate) mark: Option<&'a str>,
    /// Bottom left: the date of the report, in words.
    pub(crate) date: Option<&'a str>,
    /// Bottom right, from the theme's strings: `página {page} de {pages}`.
    pub(crate) page_of: &'a str,
}

/// The stylesheet that fills the margin boxes.
pub(crate) fn stylesheet(r: &Running) -> String {
    let mut boxes = format!("  @top-left {{ content: {}; }}\n", string(r.title));
    if let Some(mark) = r.mark {
        boxes.push_str(&format!("  @top-right {{ content: {}; }}\n", string(mark)));
    }
    if let Some(date) = r.date {
        boxes.push_str(&format!("  @bottom-left {{ content: {}; }}\n", string(date)));
    }
    boxes.push_str(&format!("  @bottom-right {{ content: {}; }}\n", counters(r.page_of)));
    format!(
        "/* The running header and footer of `faro pdf`, in the report's language. */\n\
         @page {{\n{boxes}}}\n@page :first {{\n  @top-left {{ content: none; }}\n}}\n"
    )
}

/// `página {page} de {pages}` as CSS content: `"página " counter(page) " de " counter(pages)`.
fn counters(words: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = words;
    while !rest.is_empty() {
        let next = ["{pages}", "{page}"].iter().filter_map(|k| rest.find(k).map(|at| (at, *k))).min();
        let Some((at, key)) = next else {
            parts.push(string(rest));
            break;
        };
        if at > 0 {
            parts.push(string(&rest[..at]));
        }
        parts.push(format!("counter({})", &key[1..key.len() - 1]));
        rest = &rest[at + key.len()..];
    }
    if parts.is_empty() {
        parts.push("counter(page)".into());
    }
    parts.join(" ")
}

/// A CSS string: quotes, backslashes and line breaks escaped.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_the_themes_words_around_css_counters() {
        assert_eq!(counters("página {page} de {pages}"), r#""página " counter(page) " de " counter(pages)"#);
        assert_eq!(counters("{page}/{pages}"), r#"counter(page) "/" counter(pages)"#);
        assert_eq!(counters(""), "counter(page)");
    }

    #[test]
    fn titles_are_escaped_and_the_cover_has_no_running_title() {
        let css = stylesheet(&Running {
            title: "El \"informe\" \\ 2025\n",
            mark: Some("Borrador"),
            date: None,
            page_of: "p. {page}",
        });
        assert!(css.contains(r#"@top-left { content: "El \"informe\" \\ 2025\a "; }"#), "{css}");
        assert!(css.contains(r#"@top-right { content: "Borrador"; }"#), "{css}");
        assert!(css.contains(r#"@bottom-right { content: "p. " counter(page); }"#), "{css}");
        assert!(!css.contains("@bottom-left"), "{css}");
        assert!(css.contains("@page :first {\n  @top-left { content: none; }"), "{css}");
    }
}
