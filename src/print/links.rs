//! The links of a printed report, pointed where a reader of the paper can follow them.
//! `faro pdf` builds the site into a temporary folder, so the page Chromium prints links
//! to `/tmp/faro-pdf-…/site/es/…`; a PDF must carry the public addresses instead. And a
//! link to a chapter whose text the printed page holds goes to that place in the document.
//!
//! Only `href`s of `<a>` change: stylesheets and images keep loading from the folder.

use crate::urls::join_content;
use std::collections::BTreeSet;

/// A page whose text the printed page holds: its site path and where it starts there.
pub(crate) struct Part {
    /// `es/informes/2025/02-metas/`.
    pub(crate) path: String,
    /// The id of the place it starts: `chapter-2`.
    pub(crate) anchor: String,
    /// What its own ids are prefixed with on the printed page: `c2-`.
    pub(crate) prefix: String,
}

/// Where the printed page is, on disk and on the web.
pub(crate) struct Addresses<'a> {
    /// The site folder as the pages' links name it: `/tmp/faro-pdf-1/site/`.
    pub(crate) local: &'a str,
    /// The site's `base_url`: `https://example.org/`.
    pub(crate) public: &'a str,
    /// The printed page's site path: `es/informes/2025/completo/`.
    pub(crate) page: &'a str,
    pub(crate) parts: &'a [Part],
}

impl Addresses<'_> {
    /// `html` with every `<a href>` public or internal (`#id`). faro's HTML quotes its
    /// attributes with `"`; raw HTML from Markdown may use `'`.
    pub(crate) fn rewrite(&self, html: &str) -> String {
        let ids = ids(html);
        let mut out = String::with_capacity(html.len() + html.len() / 8);
        let mut rest = html;
        while let Some(at) = rest.find("<a") {
            let (before, tag) = rest.split_at(at);
            out.push_str(before);
            let end = tag.find('>').map_or(tag.len(), |e| e + 1);
            let (tag, after) = tag.split_at(end);
            if tag[2..].starts_with(|c: char| c.is_ascii_whitespace()) {
                out.push_str(&self.rewrite_tag(tag, &ids));
            } else {
                out.push_str(tag);
            }
            rest = after;
        }
        out.push_str(rest);
        out
    }

    fn rewrite_tag(&self, tag: &str, ids: &BTreeSet<&str>) -> String {
        let Some((start, quote)) = ["href=\"", "href='"]
            .iter()
            .filter_map(|a| tag.find(a).map(|i| (i, a)))
            .find(|(i, _)| tag[..*i].ends_with(|c: char| c.is_ascii_whitespace()))
            .map(|(i, a)| (i + a.len(), a.as_bytes()[5] as char))
        else {
            return tag.to_string();
        };
        let Some(len) = tag[start..].find(quote) else { return tag.to_string() };
        match self.target(&tag[start..start + len], ids) {
            Some(href) => format!("{}{href}{}", &tag[..start], &tag[start + len..]),
            None => tag.to_string(),
        }
    }

    /// Where `href` should go in the PDF, or None to keep it as it is.
    fn target(&self, href: &str, ids: &BTreeSet<&str>) -> Option<String> {
        if href.starts_with('#') {
            return None;
        }
        let in_site = if let Some(rest) = href.strip_prefix("file://").and_then(|h| h.strip_prefix(self.local)) {
            rest.to_string()
        } else if let Some(rest) = href.strip_prefix(self.local) {
            rest.to_string()
        } else if href.starts_with("//") || has_scheme(href) {
            return None;
        } else if href.starts_with('/') {
            // A root-relative link outside the site folder: where it goes on the public host.
            let origin = self.public.find("://").and_then(|s| self.public[s + 3..].find('/').map(|p| s + 3 + p));
            return Some(format!("{}{href}", &self.public[..origin.unwrap_or(self.public.len())]));
        } else {
            relative(self.page, href)
        };
        let (path, fragment) = in_site.split_once('#').map_or((in_site.as_str(), None), |(p, f)| (p, Some(f)));
        if let Some(fragment) = fragment.filter(|_| path == self.page) {
            return Some(format!("#{fragment}"));
        }
        if let Some(part) = self.parts.iter().find(|p| p.path == path && ids.contains(p.anchor.as_str())) {
            let inner = fragment.map(|f| format!("{}{f}", part.prefix)).filter(|id| ids.contains(id.as_str()));
            return Some(format!("#{}", inner.as_deref().unwrap_or(&part.anchor)));
        }
        Some(format!("{}{in_site}", self.public))
    }
}

/// `mailto:`, `https:`, `tel:`: a scheme before any `/`, `?` or `#`.
fn has_scheme(href: &str) -> bool {
    let end = href.find(['/', '?', '#']).unwrap_or(href.len());
    href[..end]
        .find(':')
        .is_some_and(|c| c > 0 && href[..c].chars().all(|ch| ch.is_ascii_alphanumeric() || "+-.".contains(ch)))
}

/// A relative link from the page at `page` (a folder path), as a site path; a link out of
/// the site's root stays at the root, as a browser would have it.
fn relative(page: &str, href: &str) -> String {
    let (path, tail) = href.find(['?', '#']).map_or((href, ""), |i| href.split_at(i));
    let joined = join_content(page, path).unwrap_or_default();
    let folder = path.is_empty() || path.ends_with('/') || path.ends_with("..") || path.ends_with('.');
    let slash = if folder && !joined.is_empty() { "/" } else { "" };
    format!("{joined}{slash}{tail}")
}

/// Every `id="…"` of the page.
fn ids(html: &str) -> BTreeSet<&str> {
    html.match_indices(" id=\"")
        .filter_map(|(at, m)| {
            let from = at + m.len();
            html[from..].find('"').map(|len| &html[from..from + len])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(html: &str) -> String {
        let parts = [Part { path: "es/informe/02-metas/".into(), anchor: "chapter-2".into(), prefix: "c2-".into() }];
        let at = Addresses {
            local: "/tmp/f/site/",
            public: "https://e.org/sub/",
            page: "es/informe/completo/",
            parts: &parts,
        };
        at.rewrite(html)
    }

    #[test]
    fn links_into_the_temporary_folder_become_public_addresses() {
        let html =
            r#"<a href="/tmp/f/site/es/comision/">x</a> <a class="b" href="file:///tmp/f/site/es/?q=1&amp;r=2">y</a>"#;
        assert_eq!(
            rewrite(html),
            r#"<a href="https://e.org/sub/es/comision/">x</a> <a class="b" href="https://e.org/sub/es/?q=1&amp;r=2">y</a>"#
        );
    }

    #[test]
    fn relative_and_root_relative_links_resolve_against_the_public_page() {
        assert_eq!(rewrite(r#"<a href="../01-intro/#a">"#), r#"<a href="https://e.org/sub/es/informe/01-intro/#a">"#);
        assert_eq!(rewrite(r#"<a href='datos.csv'>"#), r#"<a href='https://e.org/sub/es/informe/completo/datos.csv'>"#);
        assert_eq!(rewrite(r#"<a href="..">"#), r#"<a href="https://e.org/sub/es/informe/">"#);
        assert_eq!(rewrite(r#"<a href="/otro/">"#), r#"<a href="https://e.org/otro/">"#);
    }

    #[test]
    fn chapters_of_the_printed_report_become_internal_links() {
        let html = r#"<section id="chapter-2"><h3 id="c2-avance"></h3></section>"#;
        let links = r#"<a href="/tmp/f/site/es/informe/02-metas/#avance">a</a><a href="/tmp/f/site/es/informe/02-metas/">b</a><a href="/tmp/f/site/es/informe/02-metas/#nada">c</a><a href="/tmp/f/site/es/informe/completo/#c2-avance">d</a>"#;
        assert_eq!(
            rewrite(&format!("{html}{links}")),
            format!(
                r##"{html}<a href="#c2-avance">a</a><a href="#chapter-2">b</a><a href="#chapter-2">c</a><a href="#c2-avance">d</a>"##
            )
        );
        // Without its section on the page (a theme that prints it otherwise), a chapter is a public page.
        assert_eq!(
            rewrite(r#"<a href="/tmp/f/site/es/informe/02-metas/">"#),
            r#"<a href="https://e.org/sub/es/informe/02-metas/">"#
        );
    }

    #[test]
    fn anchors_other_schemes_and_other_tags_stay_as_they_are() {
        let html = r##"<a href="#c1-x"><a href="https://x.org/"><a href="mailto:a@b.pe"><a href="tel:1818"><a href="//cdn.org/"><abbr title="/tmp/f/site/"><link href="/tmp/f/site/faro.css"><img src="/tmp/f/site/a.png"><a id="n">"##;
        assert_eq!(rewrite(html), html);
    }
}
