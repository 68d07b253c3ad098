//! The one home of escaping: text for HTML and XML (content and quoted attributes), link
//! targets, and JSON string literals that may sit inside a `<script>`.

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
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
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
    fn escaping_matches_what_pulldown_cmark_writes() {
        let mut theirs = String::new();
        let text = "<a href=\"x\">Tom & Jerry's</a>";
        pulldown_cmark_escape::escape_html(&mut theirs, text).unwrap();
        assert_eq!(html(text), theirs);
        assert_eq!(href("/es/año/?q=a b&x\"'"), "/es/a%C3%B1o/?q=a%20b&amp;x%22&#x27;");
    }
}
