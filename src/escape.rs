//! The one home of escaping: text for HTML and XML (content and quoted attributes), link
//! targets, JSON string literals that may sit inside a `<script>`, and CSV cells that a
//! spreadsheet must not run.

/// Escapes text for HTML or XML content and quoted attributes.
pub(crate) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A JSON string literal that also cannot close an HTML `<script>` it may be put in.
pub(crate) fn json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    // Copies the runs between the bytes to escape (all ASCII, so every cut is on a char).
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'<' => "\\u003c",
            b if b < 0x20 => "",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        if escaped.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escaped);
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
    out
}

/// A link target as pulldown-cmark writes it, ready for a quoted attribute: percent-encoded
/// where a URL needs it, `&` and `'` as entities. (Escaping it again as text made
/// `?a=1&b=2` arrive as `?a=1&amp;b=2`.)
pub(crate) fn href(s: &str) -> String {
    let mut href = String::new();
    pulldown_cmark_escape::escape_href(&mut href, s).expect("writing to a String cannot fail");
    href
}

/// A text cell of a CSV, safe to open in a spreadsheet: one that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be read as a formula (`=HYPERLINK(…)`), so it
/// gets a leading `'`, as OWASP advises; the rest is kept. A plain number (`-3`, `-0.5`)
/// is no formula and stays a number. Quoting is the CSV writer's.
pub(crate) fn csv_cell(s: &str) -> String {
    let number = {
        let digits = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
        [int, frac].iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if !number && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_all_five_characters() {
        assert_eq!(
            html(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn json_strings_are_escaped_and_cannot_close_a_script() {
        assert_eq!(json("a \"b\" </script>\n"), "\"a \\\"b\\\" \\u003c/script>\\n\"");
        assert_eq!(json("\u{1}"), "\"\\u0001\"");
    }

    #[test]
    fn csv_cells_that_would_be_formulas_are_neutralised_and_numbers_kept() {
        for (cell, want) in [
            ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("-3", "-3"),
            ("-0.5", "-0.5"),
            ("2875", "2875"),
            ("83,6 %", "83,6 %"),
            ("<10", "<10"),
            (" =1", " =1"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn escaping_matches_what_pulldown_cmark_writes() {
        let mut theirs = String::new();
        let text = "<a href=\"x\">Tom & Jerry's</a>";
        pulldown_cmark_escape::escape_html(&mut theirs, text).unwrap();
        assert_eq!(html(text), theirs);
        assert_eq!(href("/es/año/?q=a b&x\"'"), "/es/a%C3%B1o/?q=a%20b&amp;x%22&#x27;");
    }
}
