//! What a published site offers beyond its pages (tests/fixtures/publishing/): sitemap.xml
//! with hreflang alternates, Atom feeds, robots.txt, redirects from old addresses
//! (`aliases`), the record of published URLs (`urls.txt`) and the search index.
//!
//! No XML or JSON crate is available to the tests, so this file carries a small
//! well-formedness checker for XML and a small JSON parser (also used by `check.rs`).

use crate::support::*;
use std::collections::{BTreeMap, BTreeSet};

/// The fixture, built into its `public/`.
fn built() -> Site {
    let site = Site::fixture("publishing");
    site.build_ok(&[]);
    site
}

const ES_LINEA: &str = "content/es/campanas/linea-1818.md";
const EN_LINEA: &str = "content/en/campanas/linea-1818.md";

// ----- XML ----------------------------------------------------------------------------

/// Panics unless `xml` is well-formed: an optional declaration, one root element, balanced
/// and properly nested tags, quoted and unique attributes, known entities only. Returns the
/// root element's name. Not a validating parser, but enough to catch unescaped text,
/// unclosed or crossed tags and stray markup.
pub(crate) fn assert_well_formed_xml(xml: &str, what: &str) -> String {
    let fail = |at: usize, msg: &str| -> ! {
        let from = xml[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
        let to = xml[at..].char_indices().nth(60).map_or(xml.len(), |(i, _)| at + i);
        panic!("{what} is not well-formed XML at byte {at}: {msg}\n…{}…", &xml[from..to]);
    };
    let check_entities = |text: &str, at: usize| {
        let mut rest = text;
        while let Some(i) = rest.find('&') {
            let after = &rest[i + 1..];
            let Some(end) = after.find(';') else { fail(at, "`&` without `;`") };
            let name = &after[..end];
            let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                || name.strip_prefix("#x").is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                || name.strip_prefix('#').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
            if !ok {
                fail(at, &format!("unknown entity `&{name};`"));
            }
            rest = &after[end + 1..];
        }
    };
    let is_name_char = |c: char| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.');
    let mut pos = 0;
    if xml.starts_with("<?xml") {
        pos = xml.find("?>").unwrap_or_else(|| fail(0, "unterminated declaration")) + 2;
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut root: Option<String> = None;
    while pos < xml.len() {
        let next = xml[pos..].find('<').map_or(xml.len(), |i| pos + i);
        let text = &xml[pos..next];
        if stack.is_empty() && !text.trim().is_empty() {
            fail(pos, "text outside the root element");
        }
        check_entities(text, pos);
        if next == xml.len() {
            break;
        }
        let rest = &xml[next..];
        if let Some(r) = rest.strip_prefix("<!--") {
            pos = next + 4 + r.find("-->").unwrap_or_else(|| fail(next, "unterminated comment")) + 3;
        } else if let Some(r) = rest.strip_prefix("<![CDATA[") {
            if stack.is_empty() {
                fail(next, "CDATA outside the root element");
            }
            pos = next + 9 + r.find("]]>").unwrap_or_else(|| fail(next, "unterminated CDATA")) + 3;
        } else if rest.starts_with("<?") {
            pos = next + rest.find("?>").unwrap_or_else(|| fail(next, "unterminated processing instruction")) + 2;
        } else if rest.starts_with("<!") {
            fail(next, "unexpected `<!` (no DOCTYPE expected)");
        } else if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').unwrap_or_else(|| fail(next, "unterminated end tag"));
            let name = r[..end].trim_end();
            match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => fail(next, &format!("`</{name}>` closes `<{open}>`")),
                None => fail(next, &format!("`</{name}>` closes nothing")),
            }
            pos = next + 2 + end + 1;
        } else {
            let r = &rest[1..];
            let name_len = r.find(|c: char| !is_name_char(c)).unwrap_or(r.len());
            let name = &r[..name_len];
            if name.is_empty() {
                fail(next, "`<` that starts no tag (unescaped text?)");
            }
            if stack.is_empty() {
                if root.is_some() {
                    fail(next, "a second root element");
                }
                root = Some(name.to_string());
            }
            let mut i = 1 + name_len;
            let mut seen = BTreeSet::new();
            loop {
                let ws = rest[i..].len() - rest[i..].trim_start().len();
                i += ws;
                let r = &rest[i..];
                if r.starts_with("/>") {
                    i += 2;
                    break;
                }
                if r.starts_with('>') {
                    stack.push(name);
                    i += 1;
                    break;
                }
                if r.is_empty() {
                    fail(next, "unterminated start tag");
                }
                if ws == 0 {
                    fail(next + i, "attributes must be separated by white space");
                }
                let an_len = r.find(|c: char| !is_name_char(c)).unwrap_or(r.len());
                if an_len == 0 {
                    fail(next + i, "expected an attribute name");
                }
                let an = &r[..an_len];
                if !seen.insert(an) {
                    fail(next + i, &format!("attribute `{an}` repeated"));
                }
                let r2 = r[an_len..].trim_start();
                let Some(r2) = r2.strip_prefix('=') else { fail(next + i, "attribute without a value") };
                let r2 = r2.trim_start();
                let quote = r2.chars().next().filter(|q| *q == '"' || *q == '\'');
                let Some(quote) = quote else { fail(next + i, "unquoted attribute value") };
                let value_start = rest.len() - r2.len() + 1;
                let value_len = rest[value_start..].find(quote).unwrap_or_else(|| fail(next + i, "unterminated value"));
                let value = &rest[value_start..value_start + value_len];
                if value.contains('<') {
                    fail(next + value_start, "`<` in an attribute value");
                }
                check_entities(value, next + value_start);
                i = value_start + value_len + 1;
            }
            pos = next + i;
        }
    }
    if let Some(open) = stack.last() {
        fail(xml.len(), &format!("`<{open}>` is never closed"));
    }
    root.unwrap_or_else(|| fail(0, "no root element"))
}

/// The inner text of every `<name ...>...</name>` element (elements of that name must not
/// nest), in document order.
pub(crate) fn xml_elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    tags(xml, name)
        .into_iter()
        .filter(|t| !t.raw.ends_with("/>"))
        .map(|t| {
            let start = t.at + t.raw.len();
            let end = xml[start..].find(&format!("</{name}>")).unwrap_or_else(|| panic!("`{}` is never closed", t.raw));
            &xml[start..start + end]
        })
        .collect()
}

/// The text of the first `<name>` child, entities undone.
fn xml_text(xml: &str, name: &str) -> Option<String> {
    xml_elements(xml, name).first().map(|t| unescape_xml(t))
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

#[test]
fn the_xml_checker_rejects_what_it_should() {
    assert_eq!(assert_well_formed_xml("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/><c>t &amp; u</c></a>\n", "ok"), "a");
    for bad in [
        "<a><b></a></b>",
        "<a>",
        "<a></a><b></b>",
        "<a>x & y</a>",
        "<a x=1></a>",
        "<a x=\"1\" x=\"2\"></a>",
        "<a>&nbsp;</a>",
        "text<a></a>",
        "<a>1 < 2</a>",
    ] {
        assert!(std::panic::catch_unwind(|| assert_well_formed_xml(bad, "bad")).is_err(), "accepted: {bad}");
    }
}

// ----- JSON ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(crate) fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            other => panic!("not a JSON array: {other:?}"),
        }
    }
}

/// Parses a whole JSON text (RFC 8259), panicking with the position of the first error.
pub(crate) fn parse_json(text: &str) -> Json {
    struct P<'a> {
        s: &'a [u8],
        i: usize,
        text: &'a str,
    }
    impl P<'_> {
        fn fail(&self, msg: &str) -> ! {
            let from = self.i.saturating_sub(40);
            let to = (self.i + 40).min(self.s.len());
            panic!("invalid JSON at byte {}: {msg}\n…{}…", self.i, String::from_utf8_lossy(&self.s[from..to]));
        }
        fn ws(&mut self) {
            while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            }
        }
        fn eat(&mut self, lit: &str) -> bool {
            if self.s[self.i..].starts_with(lit.as_bytes()) {
                self.i += lit.len();
                true
            } else {
                false
            }
        }
        fn value(&mut self) -> Json {
            self.ws();
            let v = match self.s.get(self.i) {
                Some(b'{') => {
                    self.i += 1;
                    let mut members = Vec::new();
                    self.ws();
                    if !self.eat("}") {
                        loop {
                            self.ws();
                            let Json::Str(key) = self.string() else { unreachable!() };
                            self.ws();
                            if !self.eat(":") {
                                self.fail("expected `:`");
                            }
                            let v = self.value();
                            members.push((key, v));
                            self.ws();
                            if self.eat("}") {
                                break;
                            }
                            if !self.eat(",") {
                                self.fail("expected `,` or `}`");
                            }
                        }
                    }
                    Json::Obj(members)
                }
                Some(b'[') => {
                    self.i += 1;
                    let mut items = Vec::new();
                    self.ws();
                    if !self.eat("]") {
                        loop {
                            items.push(self.value());
                            self.ws();
                            if self.eat("]") {
                                break;
                            }
                            if !self.eat(",") {
                                self.fail("expected `,` or `]`");
                            }
                        }
                    }
                    Json::Arr(items)
                }
                Some(b'"') => self.string(),
                Some(b't') if self.eat("true") => Json::Bool(true),
                Some(b'f') if self.eat("false") => Json::Bool(false),
                Some(b'n') if self.eat("null") => Json::Null,
                Some(c) if *c == b'-' || c.is_ascii_digit() => {
                    let start = self.i;
                    self.eat("-");
                    if self.eat("0") {
                    } else if self.s.get(self.i).is_some_and(|c| (b'1'..=b'9').contains(c)) {
                        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
                            self.i += 1;
                        }
                    } else {
                        self.fail("bad number");
                    }
                    if self.eat(".") {
                        let d = self.i;
                        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
                            self.i += 1;
                        }
                        if d == self.i {
                            self.fail("bad fraction");
                        }
                    }
                    if self.eat("e") || self.eat("E") {
                        let _ = self.eat("+") || self.eat("-");
                        let d = self.i;
                        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
                            self.i += 1;
                        }
                        if d == self.i {
                            self.fail("bad exponent");
                        }
                    }
                    Json::Num(self.text[start..self.i].parse().unwrap())
                }
                _ => self.fail("expected a value"),
            };
            v
        }
        fn string(&mut self) -> Json {
            if !self.eat("\"") {
                self.fail("expected a string");
            }
            let mut out = String::new();
            loop {
                let Some(&c) = self.s.get(self.i) else { self.fail("unterminated string") };
                match c {
                    b'"' => {
                        self.i += 1;
                        return Json::Str(out);
                    }
                    b'\\' => {
                        self.i += 1;
                        let Some(&e) = self.s.get(self.i) else { self.fail("unterminated escape") };
                        self.i += 1;
                        match e {
                            b'"' => out.push('"'),
                            b'\\' => out.push('\\'),
                            b'/' => out.push('/'),
                            b'b' => out.push('\u{8}'),
                            b'f' => out.push('\u{c}'),
                            b'n' => out.push('\n'),
                            b'r' => out.push('\r'),
                            b't' => out.push('\t'),
                            b'u' => {
                                let hex = self.text.get(self.i..self.i + 4).unwrap_or_else(|| self.fail("short \\u"));
                                let n = u32::from_str_radix(hex, 16).unwrap_or_else(|_| self.fail("bad \\u"));
                                self.i += 4;
                                // Surrogate pairs are not expected in faro's output; keep them replaced.
                                out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                            }
                            _ => self.fail("unknown escape"),
                        }
                    }
                    c if c < 0x20 => self.fail("raw control character in a string"),
                    _ => {
                        let ch = self.text[self.i..].chars().next().unwrap();
                        out.push(ch);
                        self.i += ch.len_utf8();
                    }
                }
            }
        }
    }
    let mut p = P { s: text.as_bytes(), i: 0, text };
    let v = p.value();
    p.ws();
    if p.i != p.s.len() {
        p.fail("trailing characters");
    }
    v
}

#[test]
fn the_json_parser_reads_what_faro_writes_and_rejects_garbage() {
    let v = parse_json("{\"a\":[1,-2.5e3,true,null],\"b\":\"x\\\"\\u003c\\n\"}\n");
    assert_eq!(v.get("b").and_then(Json::str), Some("x\"<\n"));
    assert_eq!(v.get("a").unwrap().arr().len(), 4);
    for bad in ["{\"a\":1,}", "[1 2]", "{a:1}", "\"x", "[01]", "{} {}"] {
        assert!(std::panic::catch_unwind(|| parse_json(bad)).is_err(), "accepted: {bad}");
    }
}

// ----- helpers ------------------------------------------------------------------------

/// The file of `public/` that serves `url` (an absolute URL under `base`).
fn file_of(url: &str, base: &str) -> String {
    let rel = url.strip_prefix(base).unwrap_or_else(|| panic!("{url} is not under {base}"));
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

fn is_redirect(html: &str) -> bool {
    tags(html, "meta").iter().any(|t| t.attr("http-equiv") == Some("refresh"))
}

/// The page HTML files a search engine should know about: no redirects, no 404 pages.
fn indexable_pages(snap: &Snapshot) -> Vec<(String, String)> {
    html_files(snap)
        .into_iter()
        .filter(|(path, html)| !path.ends_with("404.html") && !is_redirect(html))
        .map(|(p, h)| (p.to_string(), h))
        .collect()
}

/// A page's language alternates from its `<head>` (hreflang, href), x-default left out, sorted.
fn language_alternates(html: &str) -> Vec<(String, String)> {
    let mut alts: Vec<_> =
        alternates(html).into_iter().filter(|(lang, _)| !lang.is_empty() && lang != "x-default").collect();
    alts.sort();
    alts
}

struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
    /// (hreflang, href), sorted.
    alternates: Vec<(String, String)>,
}

fn sitemap(site: &Site) -> Vec<SitemapUrl> {
    let xml = site.html("sitemap.xml");
    assert_eq!(assert_well_formed_xml(&xml, "sitemap.xml"), "urlset");
    let urlset = &tags(&xml, "urlset")[0];
    assert_eq!(urlset.attr("xmlns"), Some("http://www.sitemaps.org/schemas/sitemap/0.9"));
    assert_eq!(urlset.attr("xmlns:xhtml"), Some("http://www.w3.org/1999/xhtml"));
    xml_elements(&xml, "url")
        .into_iter()
        .map(|block| {
            let mut alternates: Vec<(String, String)> = tags(block, "xhtml:link")
                .into_iter()
                .map(|t| {
                    assert_eq!(t.attr("rel"), Some("alternate"), "{}", t.raw);
                    (t.attr("hreflang").unwrap().to_string(), unescape_xml(t.attr("href").unwrap()))
                })
                .collect();
            alternates.sort();
            SitemapUrl {
                loc: xml_text(block, "loc").unwrap_or_else(|| panic!("a <url> without <loc>: {block}")),
                lastmod: xml_text(block, "lastmod"),
                alternates,
            }
        })
        .collect()
}

/// Writes `content/...` with the given front matter lines and a one-line body.
fn write_page(site: &Site, rel: &str, front: &[&str], body: &str) {
    site.write(rel, format!("---\n{}\n---\n\n{body}\n", front.join("\n")));
}

/// The `content` of a redirect page's meta refresh and its canonical URL.
fn redirect_of(html: &str) -> (String, String) {
    let refresh = tags(html, "meta")
        .into_iter()
        .find(|t| t.attr("http-equiv") == Some("refresh"))
        .unwrap_or_else(|| panic!("not a redirect page:\n{html}"));
    (refresh.attr("content").unwrap().to_string(), canonical(html).expect("a canonical link"))
}

fn recorded_urls(site: &Site) -> Vec<String> {
    read_text(&site.path().join("urls.txt"))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

// ----- sitemap.xml --------------------------------------------------------------------

#[test]
fn sitemap_lists_every_page_of_both_languages_with_absolute_urls() {
    let site = built();
    let urls = sitemap(&site);
    let locs: Vec<&str> = urls.iter().map(|u| u.loc.as_str()).collect();
    let unique: BTreeSet<&str> = locs.iter().copied().collect();
    assert_eq!(unique.len(), locs.len(), "a URL is listed twice: {locs:?}");
    for loc in &locs {
        assert!(loc.starts_with("https://example.org/") && loc.ends_with('/'), "not an absolute page URL: {loc}");
    }
    let snap = snapshot(&site.public());
    let pages: BTreeSet<String> = indexable_pages(&snap)
        .into_iter()
        .map(|(p, _)| format!("https://example.org/{}", p.trim_end_matches("index.html")))
        .collect();
    let listed: BTreeSet<String> = unique.iter().map(|s| s.to_string()).collect();
    assert_eq!(listed, pages, "the sitemap's URLs vs the pages written");
    // Both languages, sections and the untranslated page included.
    for url in [
        "https://example.org/es/",
        "https://example.org/en/",
        "https://example.org/es/campanas/redes-sociales/",
        "https://example.org/en/news/operation/",
        "https://example.org/es/buscar/",
        "https://example.org/en/search/",
    ] {
        assert!(listed.contains(url), "{url} missing from {listed:?}");
    }
    // Redirects (the root page) and 404 pages are not pages to index.
    assert!(!listed.contains("https://example.org/"), "{listed:?}");
    assert!(listed.iter().all(|u| !u.contains("404")), "{listed:?}");
}

#[test]
fn sitemap_alternates_match_each_pages_own_hreflang_links() {
    let site = built();
    let mut translated = 0;
    for url in sitemap(&site) {
        let file = file_of(&url.loc, "https://example.org/");
        let own = language_alternates(&site.html(&file));
        if own.len() <= 1 {
            // Only itself: no alternates in the sitemap either.
            assert_eq!(url.alternates, vec![], "{}: the page has no translation", url.loc);
            assert!(own.iter().all(|(_, href)| href == &url.loc), "{file}: {own:?}");
        } else {
            translated += 1;
            assert_eq!(url.alternates, own, "alternates of {} in the sitemap vs in {file}", url.loc);
            assert!(url.alternates.iter().any(|(_, href)| href == &url.loc), "{}: lists itself", url.loc);
        }
    }
    assert!(translated >= 12, "only {translated} translated pages checked");

    // Both directions for a translated page; none for the untranslated one.
    let urls = sitemap(&site);
    let find = |loc: &str| urls.iter().find(|u| u.loc == loc).unwrap_or_else(|| panic!("no {loc}"));
    let pair = vec![
        ("en".to_string(), "https://example.org/en/campaigns/hotline-1818/".to_string()),
        ("es".to_string(), "https://example.org/es/campanas/linea-1818/".to_string()),
    ];
    assert_eq!(find("https://example.org/es/campanas/linea-1818/").alternates, pair);
    assert_eq!(find("https://example.org/en/campaigns/hotline-1818/").alternates, pair);
    assert_eq!(find("https://example.org/es/campanas/redes-sociales/").alternates, vec![]);
}

#[test]
fn sitemap_lastmod_comes_from_updated_then_date() {
    let site = built();
    let urls = sitemap(&site);
    let lastmod = |loc: &str| {
        urls.iter()
            .find(|u| u.loc == format!("https://example.org/{loc}"))
            .unwrap_or_else(|| panic!("no {loc}"))
            .lastmod
            .clone()
    };
    // `updated` wins over `date`.
    assert_eq!(lastmod("es/noticias/operativo/").as_deref(), Some("2025-03-05"));
    assert_eq!(lastmod("en/news/training/").as_deref(), Some("2025-02-20"));
    // Only a `date`.
    assert_eq!(lastmod("es/noticias/balance/").as_deref(), Some("2024-12-30"));
    assert_eq!(lastmod("en/campaigns/hotline-1818/").as_deref(), Some("2023-09-18"));
    // Neither: no <lastmod>.
    assert_eq!(lastmod("es/noticias/"), None);
    assert_eq!(lastmod("en/"), None);
    for u in &urls {
        if let Some(d) = &u.lastmod {
            let b = d.as_bytes();
            assert!(d.len() == 10 && b[4] == b'-' && b[7] == b'-', "{}: lastmod `{d}` is not YYYY-MM-DD", u.loc);
        }
    }
}

#[test]
fn sitemap_urls_carry_the_base_path() {
    let site = Site::fixture("publishing");
    site.build_ok(&["--base-url", "https://example.org/campana/"]);
    let urls = sitemap(&site);
    assert!(!urls.is_empty());
    for u in &urls {
        assert!(u.loc.starts_with("https://example.org/campana/"), "{}", u.loc);
        for (_, href) in &u.alternates {
            assert!(href.starts_with("https://example.org/campana/"), "{}: {href}", u.loc);
        }
    }
    assert!(urls.iter().any(|u| u.loc == "https://example.org/campana/es/campanas/linea-1818/"));
}

// ----- Atom feeds ---------------------------------------------------------------------

struct Feed {
    lang: String,
    title: String,
    self_href: String,
    /// (title, id, link href, updated), in document order.
    entries: Vec<(String, String, String, String)>,
}

fn feed(site: &Site, rel: &str) -> Feed {
    let xml = site.html(rel);
    assert_eq!(assert_well_formed_xml(&xml, rel), "feed");
    let root = &tags(&xml, "feed")[0];
    assert_eq!(root.attr("xmlns"), Some("http://www.w3.org/2005/Atom"), "{rel}");
    let head = &xml[..xml.find("<entry").unwrap_or(xml.len())];
    assert!(xml_text(head, "id").is_some_and(|id| id.starts_with("https://")), "{rel}: feed <id>");
    assert!(xml_text(head, "updated").is_some(), "{rel}: feed <updated>");
    let self_href = tags(head, "link")
        .into_iter()
        .find(|t| t.attr("rel") == Some("self"))
        .and_then(|t| t.attr("href").map(unescape_xml))
        .unwrap_or_else(|| panic!("{rel}: no self link"));
    let entries = xml_elements(&xml, "entry")
        .into_iter()
        .map(|e| {
            let link = tags(e, "link")
                .into_iter()
                .find(|t| t.attr("rel").is_none_or(|r| r == "alternate"))
                .and_then(|t| t.attr("href").map(unescape_xml))
                .unwrap_or_else(|| panic!("{rel}: an entry without a link: {e}"));
            (
                xml_text(e, "title").expect("entry title"),
                xml_text(e, "id").expect("entry id"),
                link,
                xml_text(e, "updated").expect("entry updated"),
            )
        })
        .collect();
    Feed {
        lang: root.attr("xml:lang").unwrap_or("").to_string(),
        title: xml_text(head, "title").unwrap_or_default(),
        self_href,
        entries,
    }
}

#[test]
fn atom_feed_per_language_lists_the_sections_pages_newest_first() {
    let site = built();
    for (rel, lang, titles) in [
        (
            "es/noticias/atom.xml",
            "es",
            ["Operativo contra el tráfico de personas", "Capacitación de operadores", "Balance del año 2024"],
        ),
        (
            "en/news/atom.xml",
            "en",
            ["Operation against people smuggling", "Training for operators", "The year 2024 in review"],
        ),
    ] {
        let f = feed(&site, rel);
        assert_eq!(f.lang, lang, "{rel}: xml:lang");
        assert!(f.title.starts_with(if lang == "es" { "Noticias" } else { "News" }), "{rel}: {}", f.title);
        assert_eq!(f.self_href, format!("https://example.org/{rel}"));
        let got: Vec<&str> = f.entries.iter().map(|e| e.0.as_str()).collect();
        // Newest first by `updated`, else `date`: operativo was updated in 2025-03.
        assert_eq!(got, titles, "{rel}: entry order");
        let dates: Vec<&str> = f.entries.iter().map(|e| e.3.as_str()).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{rel}: {dates:?}");
        assert_eq!(dates[0], "2025-03-05T00:00:00Z", "{rel}");
        for (title, id, link, _) in &f.entries {
            assert_eq!(id, link, "{rel}: {title}: id and link");
            let html = site.html(&file_of(link, "https://example.org/"));
            assert_eq!(canonical(&html).as_deref(), Some(link.as_str()), "{rel}: {title}: the link is the permalink");
            assert!(html.contains(&format!("<h1>{title}</h1>")), "{rel}: {link} is not the page `{title}`");
        }
    }
}

#[test]
fn every_page_of_a_language_links_its_feed_and_sections_without_feed_have_none() {
    let site = built();
    let snap = snapshot(&site.public());
    let feeds: Vec<&String> = snap.keys().filter(|k| k.ends_with(".xml") && *k != "sitemap.xml").collect();
    assert_eq!(feeds, vec!["en/news/atom.xml", "es/noticias/atom.xml"], "only the sections with `feed: true`");
    let mut checked = 0;
    for (path, html) in html_files(&snap) {
        let lang = path.split('/').next().unwrap();
        let (own, other) = match lang {
            "es" => ("/es/noticias/atom.xml", "/en/news/atom.xml"),
            "en" => ("/en/news/atom.xml", "/es/noticias/atom.xml"),
            _ => continue, // the root redirect and 404 page
        };
        if is_redirect(&html) {
            continue;
        }
        let head = &html[..html.find("</head>").unwrap_or_else(|| panic!("{path}: no </head>"))];
        let feed_links: Vec<Tag> = tags(head, "link")
            .into_iter()
            .filter(|t| t.attr("rel") == Some("alternate") && t.attr("type") == Some("application/atom+xml"))
            .collect();
        assert_eq!(feed_links.len(), 1, "{path}: {feed_links:?}");
        assert_eq!(feed_links[0].attr("href"), Some(own), "{path}");
        assert!(!html.contains(other), "{path} links the other language's feed");
        checked += 1;
    }
    assert!(checked >= 16, "only {checked} pages checked");
}

#[test]
fn feed_links_and_entries_carry_the_base_path() {
    let site = Site::fixture("publishing");
    site.build_ok(&["--base-url", "https://example.org/campana/"]);
    let f = feed(&site, "es/noticias/atom.xml");
    assert_eq!(f.self_href, "https://example.org/campana/es/noticias/atom.xml");
    assert!(f.entries.iter().all(|e| e.1.starts_with("https://example.org/campana/es/noticias/")), "{:?}", f.entries);
    let html = site.html("es/campanas/index.html");
    let link = tags(&html, "link").into_iter().find(|t| t.attr("type") == Some("application/atom+xml")).unwrap();
    assert_eq!(link.attr("href"), Some("/campana/es/noticias/atom.xml"));
}

#[test]

fn feed_true_on_a_plain_page_publishes_no_feed() {
    let site = Site::fixture("publishing");
    write_page(
        &site,
        "content/es/campanas/redes-sociales.md",
        &["title: \"Redes sociales seguras\"", "date: \"2025-02-10\"", "feed: true"],
        "Consejos para no caer en ofertas de trabajo falsas.",
    );
    let run = site.build(&[]);
    if run.status.success() {
        assert!(
            !site.public().join("es/campanas/redes-sociales/atom.xml").exists(),
            "a feed was written for a page, which has no pages to list"
        );
    } else {
        run.assert_stderr_contains("feed");
    }
}

// ----- robots.txt ---------------------------------------------------------------------

#[test]
fn robots_txt_allows_indexing_and_names_the_sitemap_by_default() {
    let site = built();
    let robots = site.html("robots.txt");
    let lines: Vec<&str> = robots.lines().map(str::trim).collect();
    assert!(lines.contains(&"User-agent: *"), "{robots}");
    assert!(lines.contains(&"Allow: /"), "{robots}");
    assert!(!lines.iter().any(|l| l.starts_with("Disallow: /")), "{robots}");
    assert!(lines.contains(&"Sitemap: https://example.org/sitemap.xml"), "{robots}");
    let snap = snapshot(&site.public());
    for (path, html) in html_files(&snap) {
        assert!(!tags(&html, "meta").iter().any(|t| t.attr("name") == Some("robots")), "{path} asks not to be indexed");
    }
}

/// The fixture as a staging copy: `publish: { index: false }`.
fn staging() -> Site {
    let site = Site::fixture("publishing");
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", format!("{yaml}publish: {{ index: false }}\n"));
    site.build_ok(&[]);
    site
}

fn robots_meta(html: &str) -> Option<String> {
    tags(html, "meta")
        .into_iter()
        .find(|t| t.attr("name") == Some("robots"))
        .map(|t| t.attr("content").unwrap_or("").to_string())
}

#[test]
fn staging_copy_disallows_everything_and_every_page_asks_not_to_be_indexed() {
    let site = staging();
    let robots = site.html("robots.txt");
    let lines: Vec<&str> = robots.lines().map(str::trim).collect();
    assert!(lines.contains(&"User-agent: *"), "{robots}");
    assert!(lines.contains(&"Disallow: /"), "{robots}");
    assert!(!lines.contains(&"Allow: /"), "{robots}");
    let snap = snapshot(&site.public());
    let mut checked = 0;
    for (path, html) in html_files(&snap) {
        if is_redirect(&html) {
            continue; // see redirect_pages_of_a_staging_copy_ask_not_to_be_indexed_too
        }
        let content = robots_meta(&html).unwrap_or_else(|| panic!("{path}: no <meta name=\"robots\">"));
        assert!(content.starts_with("noindex"), "{path}: {content}");
        let head_end = html.find("</head>").unwrap();
        assert!(html.find("name=\"robots\"").unwrap() < head_end, "{path}: the robots meta is not in <head>");
        checked += 1;
    }
    assert!(checked >= 19, "only {checked} pages checked");
}

#[test]

fn redirect_pages_of_a_staging_copy_ask_not_to_be_indexed_too() {
    let site = Site::fixture("publishing");
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", format!("{yaml}publish: {{ index: false }}\n"));
    write_page(
        &site,
        ES_LINEA,
        &["title: \"Línea 1818\"", "date: \"2023-09-18\"", "aliases: [\"campanas/linea-gratuita\"]"],
        "La Línea 1818 es gratuita.",
    );
    site.build_ok(&[]);
    for file in ["index.html", "es/campanas/linea-gratuita/index.html"] {
        let html = site.html(file);
        assert!(is_redirect(&html), "{file}");
        assert!(robots_meta(&html).is_some_and(|c| c.starts_with("noindex")), "{file} has no noindex meta:\n{html}");
    }
}

// ----- aliases ------------------------------------------------------------------------

/// The fixture with an old address on the Spanish line page (relative) and on the English
/// one (absolute). `aliases` is on line 4 of both files.
fn with_aliases() -> Site {
    let site = Site::fixture("publishing");
    write_page(
        &site,
        ES_LINEA,
        &["title: \"Línea 1818\"", "date: \"2023-09-18\"", "aliases: [\"campanas/linea-gratuita\"]"],
        "La Línea 1818 es gratuita.",
    );
    write_page(
        &site,
        EN_LINEA,
        &[
            "title: \"The 1818 hotline\"",
            "slug: \"hotline-1818\"",
            "aliases: [\"/en/campaigns/free-line/\"]",
            "date: \"2023-09-18\"",
        ],
        "The 1818 line is free.",
    );
    site
}

#[test]
fn spanish_and_english_pages_keep_their_old_paths_as_redirects() {
    let site = with_aliases();
    site.build_ok(&[]);
    for (file, lang, target) in [
        ("es/campanas/linea-gratuita/index.html", "es", "es/campanas/linea-1818/"),
        ("en/campaigns/free-line/index.html", "en", "en/campaigns/hotline-1818/"),
    ] {
        let html = site.html(file);
        let (refresh, canonical) = redirect_of(&html);
        assert_eq!(refresh, format!("0; url=/{target}"), "{file}");
        assert_eq!(canonical, format!("https://example.org/{target}"), "{file}");
        assert_eq!(html_lang(&html).as_deref(), Some(lang), "{file}");
        // The page itself is still there, and is what the sitemap lists.
        assert!(site.public().join(target).join("index.html").is_file(), "{target}");
    }
    let locs: Vec<String> = sitemap(&site).into_iter().map(|u| u.loc).collect();
    assert!(
        locs.iter().all(|l| !l.contains("linea-gratuita") && !l.contains("free-line")),
        "redirects in the sitemap: {locs:?}"
    );
    let recorded = recorded_urls(&site);
    for url in ["/es/campanas/linea-gratuita/", "/en/campaigns/free-line/"] {
        assert!(recorded.iter().any(|u| u == url), "{url} is not in urls.txt: {recorded:?}");
    }
}

#[test]
fn alias_redirects_carry_the_base_path() {
    let site = with_aliases();
    site.build_ok(&["--base-url", "https://example.org/campana/"]);
    for (file, target) in [
        ("es/campanas/linea-gratuita/index.html", "es/campanas/linea-1818/"),
        ("en/campaigns/free-line/index.html", "en/campaigns/hotline-1818/"),
    ] {
        let (refresh, canonical) = redirect_of(&site.html(file));
        assert_eq!(refresh, format!("0; url=/campana/{target}"), "{file}");
        assert_eq!(canonical, format!("https://example.org/campana/{target}"), "{file}");
    }
    // The files stay at the top of public/.
    assert!(!site.public().join("campana").exists());
}

/// Builds the fixture, then gives the Spanish line page `aliases` on line 4 and checks
/// that the build fails there, with `message` in the error, leaving public/ as it was.
fn assert_bad_alias(alias: &str, message: &str) {
    let site = Site::fixture("publishing");
    let run = break_and_rebuild(&site, |s| {
        write_page(
            s,
            ES_LINEA,
            &["title: \"Línea 1818\"", "date: \"2023-09-18\"", &format!("aliases: [\"{alias}\"]")],
            "La Línea 1818 es gratuita.",
        )
    });
    let line = run.diagnostic(&format!("{ES_LINEA}:4:11: error[alias]: "));
    assert!(line.contains(alias) && line.contains(message), "alias `{alias}`: {line}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn alias_that_is_its_own_pages_url_is_an_error() {
    assert_bad_alias("campanas/linea-1818", "this page's own address");
    assert_bad_alias("/es/campanas/linea-1818/", "this page's own address");
}

#[test]
fn alias_that_clashes_with_another_page_is_an_error() {
    assert_bad_alias("campanas/redes-sociales", "another page");
    assert_bad_alias("/es/noticias/", "another page");
}

#[test]
fn alias_outside_the_pages_language_is_an_error() {
    assert_bad_alias("/en/campaigns/free-line/", "outside /es/");
}

#[test]
fn alias_shared_by_two_pages_is_an_error() {
    let site = Site::fixture("publishing");
    let run = break_and_rebuild(&site, |s| {
        for (rel, title) in
            [(ES_LINEA, "Línea 1818"), ("content/es/campanas/redes-sociales.md", "Redes sociales seguras")]
        {
            write_page(
                s,
                rel,
                &[&format!("title: \"{title}\""), "date: \"2023-09-18\"", "aliases: [\"vieja\"]"],
                "Texto.",
            );
        }
    });
    assert_eq!(run.errors().len(), 1, "{}", run.stderr);
    assert!(run.errors()[0].contains("error[alias]") && run.errors()[0].contains("also an alias"), "{}", run.stderr);
}

#[test]

fn alias_that_clashes_with_the_search_page_is_an_error() {
    let site = Site::fixture("publishing");
    let run = break_and_rebuild(&site, |s| {
        write_page(
            s,
            ES_LINEA,
            &["title: \"Línea 1818\"", "date: \"2023-09-18\"", "aliases: [\"buscar\"]"],
            "La Línea 1818 es gratuita.",
        )
    });
    run.assert_diagnostic(&format!("{ES_LINEA}:4:11: error[alias]: "));
}

// ----- urls.txt -----------------------------------------------------------------------

#[test]
fn first_build_records_every_published_url_in_urls_txt() {
    let site = Site::fixture("publishing");
    assert!(!site.path().join("urls.txt").exists());
    site.build_ok(&[]);
    let recorded = recorded_urls(&site);
    let mut sorted = recorded.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(recorded, sorted, "urls.txt is sorted with no repeats");
    let from_sitemap: Vec<String> = sitemap(&site)
        .into_iter()
        .map(|u| format!("/{}", u.loc.strip_prefix("https://example.org/").unwrap()))
        .collect();
    assert_eq!(recorded, from_sitemap, "every page URL, site-relative");
    assert!(recorded.contains(&"/es/campanas/linea-1818/".to_string()));
    // A second build of the same site leaves the record as it is.
    let before = site.read_source("urls.txt");
    site.build_ok(&[]);
    assert_eq!(site.read_source("urls.txt"), before);
}

/// Issue 18: only the production build (the site's own output folder and base_url, or
/// `--record`) adds to urls.txt; a scratch build is checked against it and leaves it.
#[test]
fn only_the_production_build_records_urls_and_a_scratch_build_leaves_urls_txt_untouched() {
    let site = Site::fixture("publishing");
    let scratch = site.path().join("scratch");
    let scratch = scratch.to_str().unwrap();
    site.build_ok(&["--output", scratch]);
    site.build_ok(&["--base-url", "https://staging.example.net/prueba/", "--output", scratch]);
    site.build_ok(&["--base-url", "https://staging.example.net/prueba/"]);
    assert!(!site.path().join("urls.txt").exists(), "a scratch build wrote urls.txt");
    // So a page renamed before it was ever published does not fail on its first name.
    write_page(
        &site,
        ES_LINEA,
        &["title: \"Línea 1818\"", "slug: \"linea-gratuita\"", "date: \"2023-09-18\""],
        "Texto.",
    );
    site.build_ok(&["--output", scratch]);
    // The production build records; written another way (`./public`) it is the same folder.
    site.build_ok(&["--output", site.public().to_str().unwrap()]);
    let recorded = recorded_urls(&site);
    assert!(recorded.contains(&"/es/campanas/linea-gratuita/".to_string()), "{recorded:?}");
    assert!(!recorded.contains(&"/es/campanas/linea-1818/".to_string()), "{recorded:?}");
    // A scratch build reads the record: dropping a published URL fails it too, untouched.
    let before = site.read_source("urls.txt");
    write_page(&site, ES_LINEA, &["title: \"Línea 1818\"", "slug: \"otra\"", "date: \"2023-09-18\""], "Texto.");
    let run = site.build(&["--output", scratch]);
    run.assert_failure();
    assert!(
        run.stderr.contains("error[url-removed]") && run.stderr.contains("/es/campanas/linea-gratuita/"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read_source("urls.txt"), before);
    // `--record` makes a build elsewhere the one that records.
    write_page(
        &site,
        ES_LINEA,
        &["title: \"Línea 1818\"", "slug: \"linea-gratuita\"", "date: \"2023-09-18\""],
        "Texto.",
    );
    site.write("content/es/nueva.md", "---\ntitle: \"Nueva\"\n---\n\nTexto.\n");
    site.build_ok(&["--output", scratch, "--record"]);
    assert!(recorded_urls(&site).contains(&"/es/nueva/".to_string()));
}

#[test]
fn renaming_a_page_fails_on_its_recorded_url_until_an_alias_keeps_it() {
    let site = Site::fixture("publishing");
    let old = "/es/campanas/linea-1818/";
    let run = break_and_rebuild(&site, |s| {
        write_page(
            s,
            ES_LINEA,
            &["title: \"Línea 1818\"", "slug: \"linea-gratuita\"", "date: \"2023-09-18\""],
            "Texto.",
        );
    });
    let record = read_text(&site.path().join("urls.txt"));
    let n = record.lines().position(|l| l == old).expect("the old URL is recorded") + 1;
    let line = run.diagnostic(&format!("urls.txt:{n}: error[url-removed]: "));
    assert!(line.contains(old), "{line}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
    let hint = format!("aliases: [\"{old}\"]");
    run.assert_stderr_contains(&hint);
    // The failed build did not touch the record either.
    assert!(recorded_urls(&site).contains(&old.to_string()));

    // Doing what the hint says makes the build pass, and the old URL redirects.
    write_page(
        &site,
        ES_LINEA,
        &["title: \"Línea 1818\"", "slug: \"linea-gratuita\"", "date: \"2023-09-18\"", &hint],
        "Texto.",
    );
    site.build_ok(&[]);
    let (refresh, canonical) = redirect_of(&site.html("es/campanas/linea-1818/index.html"));
    assert_eq!(refresh, "0; url=/es/campanas/linea-gratuita/");
    assert_eq!(canonical, "https://example.org/es/campanas/linea-gratuita/");
    let recorded = recorded_urls(&site);
    assert!(recorded.contains(&old.to_string()) && recorded.contains(&"/es/campanas/linea-gratuita/".to_string()));
}

#[test]

fn previewing_drafts_does_not_record_their_urls() {
    let site = Site::fixture("publishing");
    site.build_ok(&[]);
    write_page(&site, "content/es/campanas/borrador.md", &["title: \"Borrador\"", "draft: true"], "Aún no.");
    let preview = site.path().join("preview");
    site.build_ok(&["--drafts", "--output", preview.to_str().unwrap()]);
    assert!(preview.join("es/campanas/borrador/index.html").is_file());
    site.build_ok(&[]);
}

// ----- search -------------------------------------------------------------------------

/// The search index of a language at `rel` (`es/buscar/index.json`): (title, url, keys)
/// for each document, in document order, the keys sorted and space-separated. Titles and
/// addresses come from the documents' fragments, the keys from every shard the index lists.
pub(crate) fn search_index(site: &Site, rel: &str) -> Vec<(String, String, String)> {
    let dir = rel.trim_end_matches("index.json");
    let meta = parse_json(&site.html(rel));
    let Some(Json::Num(n)) = meta.get("n") else { panic!("{rel}: no document count") };
    let mut keys: Vec<Vec<String>> = vec![Vec::new(); *n as usize];
    for shard in meta.get("shards").unwrap_or_else(|| panic!("{rel}: no shards")).arr() {
        let prefix = shard.arr()[0].str().unwrap();
        let name: String =
            if prefix.is_empty() { "_".into() } else { prefix.bytes().map(|b| format!("{b:02x}")).collect() };
        let Json::Obj(entries) = parse_json(&site.html(&format!("{dir}i/{name}.json"))) else {
            panic!("{rel}: shard {name} is not an object")
        };
        for (key, list) in entries {
            assert!(key.starts_with(prefix), "{rel}: `{key}` in the shard of `{prefix}`");
            let mut doc = 0;
            for pair in list.arr().chunks(2) {
                let (Json::Num(delta), Json::Num(weight)) = (&pair[0], &pair[1]) else { panic!("{key}: {pair:?}") };
                assert!((1.0..=255.0).contains(weight), "{key}: weight {weight}");
                doc += *delta as usize;
                keys[doc].push(key.clone());
            }
        }
    }
    keys.into_iter()
        .enumerate()
        .map(|(d, mut k)| {
            let f = parse_json(&site.html(&format!("{dir}p/{d}.json")));
            let field =
                |k: &str| f.get(k).and_then(Json::str).unwrap_or_else(|| panic!("{rel}: no `{k}` in {d}")).to_string();
            let _ = (field("d"), field("x"));
            k.sort();
            (field("t"), field("u"), k.join(" "))
        })
        .collect()
}

#[test]
fn search_index_per_language_holds_folded_text() {
    let site = built();
    let es = search_index(&site, "es/buscar/index.json");
    let en = search_index(&site, "en/search/index.json");
    assert_eq!(es.len(), 8, "{es:?}");
    assert_eq!(en.len(), 7, "{en:?}");
    let by_title: BTreeMap<&str, &(String, String, String)> = es.iter().map(|e| (e.0.as_str(), e)).collect();
    let trafico = by_title["Operativo contra el tráfico de personas"];
    assert_eq!(trafico.1, "/es/noticias/operativo/");
    // Keys: folded words cut by the plural rule (src/pages/search/cases.txt), each once.
    let keys = |e: &(String, String, String)| e.2.split(' ').map(str::to_string).collect::<Vec<_>>();
    for key in ["operativ", "contr", "trafic", "person"] {
        assert!(keys(trafico).iter().any(|k| k == key), "{key}: {}", trafico.2);
    }
    let anio = by_title["Balance del año 2024"];
    for key in ["balanc", "del", "ani", "2024"] {
        assert!(keys(anio).iter().any(|k| k == key), "{key}: {}", anio.2);
    }
    assert!(by_title["Capacitación de operadores"].2.contains("capacitacion"), "{es:?}");
    for (title, url, text) in es.iter().chain(&en) {
        assert_eq!(text, &text.to_lowercase(), "{title}: not lower case");
        assert!(
            !text.chars().any(|c| "áéíóúñü".contains(c) || (c.is_ascii_punctuation())),
            "{title}: not folded: {text}"
        );
        assert!(url.starts_with('/') && site.public().join(file_of(url, "/")).is_file(), "{title}: {url}");
    }
    // Each language indexes only its own pages.
    assert!(es.iter().all(|e| e.1.starts_with("/es/")), "{es:?}");
    assert!(en.iter().all(|e| e.1.starts_with("/en/")), "{en:?}");
}

#[test]
fn search_index_urls_carry_the_base_path() {
    let site = Site::fixture("publishing");
    site.build_ok(&["--base-url", "https://example.org/campana/"]);
    for rel in ["es/buscar/index.json", "en/search/index.json"] {
        let index = search_index(&site, rel);
        assert!(!index.is_empty());
        for (title, url, _) in &index {
            assert!(url.starts_with("/campana/"), "{rel}: {title}: {url}");
            assert!(site.public().join(file_of(url, "/campana/")).is_file(), "{rel}: {url}");
        }
    }
}

#[test]
fn three_language_site_has_a_search_index_for_quechua() {
    let site = Site::from_files(&[
        (
            "site.yaml",
            "base_url: \"https://example.org/\"\nlanguages: [es, en, { code: qu, fallback: es }]\n\
             title: { es: \"Alto a la trata\", en: \"Stop Trafficking\", qu: \"Yanapay 1818\" }\n",
        ),
        ("content/es/_index.md", "---\ntitle: \"Alto a la trata\"\n---\n\nLlama a la Línea 1818.\n"),
        ("content/en/_index.md", "---\ntitle: \"Stop Trafficking\"\n---\n\nCall the 1818 line.\n"),
        ("content/qu/_index.md", "---\ntitle: \"Yanapay 1818\"\n---\n\nWillakuy 1818 yupiman.\n"),
        ("content/qu/linea-1818.md", "---\ntitle: \"Ñawpa willakuy\"\n---\n\nMana qullqiyuq.\n"),
    ]);
    site.build_ok(&[]);
    // The theme has no Quechua strings, so the search page's slug comes from a fallback
    // language: find it from the search link of the Quechua home.
    let home = site.html("qu/index.html");
    let link = tags(&home, "a").into_iter().find(|a| a.has_class("search-link")).expect("a search link");
    let search = link.attr("href").unwrap().to_string();
    assert!(search.starts_with("/qu/") && search.ends_with('/'), "{search}");
    let qu = search_index(&site, &format!("{}index.json", &search[1..]));
    let titles: Vec<&str> = qu.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(titles, vec!["Yanapay 1818", "Ñawpa willakuy"], "{qu:?}");
    assert!(qu[1].2.contains("niawp") && qu[1].2.contains("willakuy"), "{:?}", qu[1]);
    assert!(qu.iter().all(|e| e.1.starts_with("/qu/")), "{qu:?}");
    assert!(site.public().join("es/buscar/index.json").is_file());
    assert!(site.public().join("en/search/index.json").is_file());
    assert!(site.public().join(&search[1..]).join("index.html").is_file(), "{search}");
    let locs: Vec<String> = sitemap(&site).into_iter().map(|u| u.loc).collect();
    assert!(locs.contains(&format!("https://example.org{search}")), "{locs:?}");
}

#[test]
fn a_sites_own_static_robots_txt_replaces_faros_and_under_a_subpath_the_note_says_where_it_went() {
    let site = minimal_site();
    site.write("static/robots.txt", "User-agent: *\nDisallow: /privado/\n");
    site.build_ok(&[]);
    assert_eq!(read_text(&site.public().join("robots.txt")), "User-agent: *\nDisallow: /privado/\n");

    let run = site.build_ok(&["--base-url", "https://example.org/campana/"]);
    let notes: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("note: ")).collect();
    assert_eq!(notes.len(), 1, "{}", run.stdout);
    assert!(
        notes[0].contains("static/robots.txt is published as /campana/robots.txt, where no crawler reads it"),
        "{}",
        notes[0]
    );
    assert!(!notes[0].contains("was not written"), "{}", notes[0]);
}
