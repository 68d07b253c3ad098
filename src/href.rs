//! The one URL policy. Every address a user writes (Markdown links, site.yaml menus and
//! quick exit, indicator sources, roadmap evidence, `base_url` and `--base-url`) is read
//! here, once, into an `Href`: http(s) with a host, mailto, tel, or a path of the site.
//! Anything else is refused, including the disguises browsers undo for an attacker
//! (hidden characters, backslashes, character references, `//host` without a scheme, a
//! user name before the host). Escaping for where a URL is printed stays in `escape`.

use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use std::fmt;
use std::path::Path;

/// An address that passed the policy, kept as written (so output does not change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Href {
    /// `http:` or `https:` with a host: leaves the site.
    External(String),
    Mailto(String),
    Tel(String),
    /// No scheme: `/es/x/`, `../comision.md`, `#fragment`, `?q=1`.
    Site(String),
}

/// Why an address was refused: a sentence on it (`message` is its English), and what to
/// write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) message: String,
    pub(crate) said: Said,
    pub(crate) hint: Said,
}

impl Refusal {
    /// The refusal of `s`: message `id`, which names it `href` and the values in `more`.
    fn of(s: &str, id: &'static str, more: &[(&'static str, &str)], hint: &'static str) -> Refusal {
        let shown = shown(s);
        let args: Vec<(&'static str, &str)> =
            [("href", shown.as_str())].into_iter().chain(more.iter().copied()).collect();
        let said = Said::new(id, &args);
        Refusal { message: crate::messages::english(&said), said, hint: Said::new(hint, &[]) }
    }
}

const LINK_HINT: &str = "content-href-hint";

impl Href {
    pub(crate) fn parse(s: &str) -> Result<Href, Refusal> {
        let refuse = |id: &'static str, hint: &'static str| Err(Refusal::of(s, id, &[], hint));
        if s.is_empty() {
            return refuse("content-href-empty", LINK_HINT);
        }
        if let Some(c) = s.chars().find(|&c| hidden(c)) {
            let code = format!("{:04X}", c as u32);
            return Err(Refusal::of(s, "content-href-hidden", &[("code", &code)], "content-href-hidden-hint"));
        }
        if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
            return refuse("content-href-spaces", "content-href-spaces-hint");
        }
        if s.contains('\\') {
            return refuse("content-href-backslash", "content-href-backslash-hint");
        }
        if has_char_reference(s) {
            return refuse("content-href-char-reference", "content-href-char-reference-hint");
        }
        if s.starts_with("//") {
            return refuse("content-href-no-scheme", "content-href-no-scheme-hint");
        }
        let Some(end) = s.find([':', '/', '?', '#']).filter(|&i| s[i..].starts_with(':')) else {
            return Ok(Href::Site(s.to_string()));
        };
        let scheme = s[..end].to_ascii_lowercase();
        let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        let rest = &s[end + 1..];
        match scheme.as_str() {
            _ if !is_scheme => {
                Err(Refusal::of(s, "content-href-not-scheme", &[("start", &shown(&s[..end]))], LINK_HINT))
            }
            "http" | "https" => match authority_problem(rest) {
                None => Ok(Href::External(s.to_string())),
                Some(why) => refuse(why, "content-href-authority-hint"),
            },
            "mailto" if !rest.is_empty() => Ok(Href::Mailto(s.to_string())),
            "tel" if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || "+-.() ".contains(c)) => {
                Ok(Href::Tel(s.to_string()))
            }
            "mailto" | "tel" => {
                Err(Refusal::of(s, "content-href-incomplete", &[("scheme", &scheme)], "content-href-incomplete-hint"))
            }
            _ => Err(Refusal::of(s, "content-href-scheme-refused", &[("scheme", &scheme)], LINK_HINT)),
        }
    }

    /// Like `parse`, for a file with no page to be relative to (site.yaml, data/): a path of
    /// the site must start at its root.
    pub(crate) fn parse_rooted(s: &str) -> Result<Href, Refusal> {
        match Href::parse(s)? {
            Href::Site(p) if !p.starts_with('/') => {
                Err(Refusal::of(s, "content-href-relative", &[], "content-href-relative-hint"))
            }
            href => Ok(href),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            Href::External(s) | Href::Mailto(s) | Href::Tel(s) | Href::Site(s) => s,
        }
    }

    pub(crate) fn is_external(&self) -> bool {
        matches!(self, Href::External(_))
    }
}

impl fmt::Display for Href {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Href {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Read back from faro's own files (frozen editions): the same policy, as a serde error.
impl<'de> serde::Deserialize<'de> for Href {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Href, D::Error> {
        let s = String::deserialize(d)?;
        Href::parse_rooted(&s).map_err(|r| serde::de::Error::custom(r.message))
    }
}

impl Refusal {
    /// The refusal as an `unsafe-link` error in `path`.
    pub(crate) fn diagnostic(self, path: &Path, line: Option<usize>, col: Option<usize>) -> Diagnostic {
        Diagnostic::error_said(Code::UnsafeLink, path, self.said).at(line, col).hint_said(self.hint)
    }
}

/// What is wrong with the part after `http:` or `https:`, if anything (the catalogs' id):
/// it must be `//host`, with no user name (`https://bank.example@evil.example` leads to
/// evil.example).
fn authority_problem(rest: &str) -> Option<&'static str> {
    let Some(after) = rest.strip_prefix("//") else {
        return Some("content-href-no-slashes");
    };
    let authority = &after[..after.find(['/', '?', '#']).unwrap_or(after.len())];
    if authority.contains('@') {
        return Some("content-href-user");
    }
    let (host, port) = match authority.rfind(':').filter(|_| !authority.ends_with(']')) {
        Some(i) => (&authority[..i], &authority[i + 1..]),
        None => (authority, ""),
    };
    if !port.chars().all(|c| c.is_ascii_digit()) {
        return Some("content-href-port");
    }
    if !port.is_empty() && port.parse::<u16>().is_err() {
        return Some("content-href-port-range");
    }
    let ipv6 = host.len() > 2
        && host.starts_with('[')
        && host.ends_with(']')
        && host[1..host.len() - 1].chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    let name = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'));
    (!ipv6 && !name).then_some("content-href-host")
}

/// Characters a browser drops or that cannot be seen: controls, and the invisible format
/// characters (zero-width, direction overrides) that make `javascript:` look like something else.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// `&#97;`, `&#x61;` or `&colon;`: text that a browser, or the next tool, would turn into
/// other characters than the ones written.
fn has_char_reference(s: &str) -> bool {
    s.match_indices('&').any(|(i, _)| {
        let after = &s[i + 1..];
        let name = after.len() - after.trim_start_matches(|c: char| c.is_ascii_alphanumeric()).len();
        after.starts_with('#') || (name > 0 && after[name..].starts_with(';'))
    })
}

/// A value as a message shows it: control characters written out, so a hostile value
/// cannot drive the terminal that prints the error.
pub(crate) fn shown(s: &str) -> String {
    s.chars().map(|c| if hidden(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect()
}

/// A checked `base_url`: absolute http(s), a host, no user, query or fragment, nothing
/// that needs escaping anywhere it is printed. Returns it ending in `/`, and its path.
pub(crate) fn base_url(written: &str) -> Result<(String, String), String> {
    let problem = match Href::parse(written) {
        Err(r) => Some(r.message),
        Ok(Href::External(_)) => {
            let bad = written.chars().find(|&c| c.is_whitespace() || "\"'<>`{}|?#".contains(c));
            let bad = bad.map(|c| {
                format!("`{}` contains `{c}`: a base URL has no query, fragment, spaces or quotes", shown(written))
            });
            bad.or_else(|| base_problem(written).map(|why| format!("`{}` {why}", shown(written))))
        }
        Ok(_) => Some(format!("`{}` is not an absolute http(s) URL", shown(written))),
    };
    if let Some(problem) = problem {
        return Err(problem);
    }
    // The scheme in its canonical lower case (`HTTPS://` is valid, and every URL built on it
    // would carry it): what follows is kept as written.
    let end = written.find(':').unwrap_or(0);
    let written = format!("{}{}", written[..end].to_ascii_lowercase(), &written[end..]);
    let base_url = if written.ends_with('/') { written } else { format!("{written}/") };
    let after = &base_url[base_url.find("//").map_or(0, |i| i + 2)..];
    let base_path = after.find('/').map_or("/".to_string(), |i| after[i..].to_string());
    Ok((base_url, base_path))
}

/// What a base URL may not have though a link may: `.` or `..` in its path (browsers
/// resolve them away, so every link built on it would lead elsewhere), or a port that is
/// empty or 0.
fn base_problem(written: &str) -> Option<&'static str> {
    let after = &written[written.find("//").map_or(0, |i| i + 2)..];
    let (authority, path) = after.split_at(after.find('/').unwrap_or(after.len()));
    let dots = path
        .split('/')
        .any(|seg| matches!(seg.to_ascii_lowercase().as_str(), "." | ".." | "%2e" | "%2e%2e" | ".%2e" | "%2e."));
    if dots {
        return Some("has `.` or `..` in its path: write the path a browser would arrive at");
    }
    let port = authority.rsplit_once(':').filter(|(host, _)| !host.ends_with('[')).map(|(_, p)| p);
    match port {
        Some(p) if !p.contains(']') && p.parse::<u16>().map_or(true, |n| n == 0) => Some("has an empty port or port 0"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_addresses_are_typed_and_kept_as_written() {
        for (s, want) in [
            ("https://example.org/a?x=1&y='q\"", Href::External("https://example.org/a?x=1&y='q\"".into())),
            ("HTTP://Example.org", Href::External("HTTP://Example.org".into())),
            ("https://[::1]:8080/", Href::External("https://[::1]:8080/".into())),
            ("https://perú.example/", Href::External("https://perú.example/".into())),
            ("mailto:a@b.pe?subject=hola", Href::Mailto("mailto:a@b.pe?subject=hola".into())),
            ("tel:+51 1818", Href::Tel("tel:+51 1818".into())),
            ("/es/indicadores/", Href::Site("/es/indicadores/".into())),
            ("../comision.md#a:b", Href::Site("../comision.md#a:b".into())),
            ("#arriba", Href::Site("#arriba".into())),
            ("notas/a b.md", Href::Site("notas/a b.md".into())),
            ("?a=1&b=2", Href::Site("?a=1&b=2".into())),
        ] {
            assert_eq!(Href::parse(s), Ok(want), "{s}");
        }
    }

    #[test]
    fn other_schemes_and_disguises_are_refused() {
        for (s, why) in [
            ("javascript:alert(1)", "scheme `javascript:`"),
            ("JaVaScRiPt:alert(1)", "scheme `javascript:`"),
            ("data:text/html,<b>", "scheme `data:`"),
            ("vbscript:msgbox", "scheme `vbscript:`"),
            ("file:///etc/passwd", "scheme `file:`"),
            (" javascript:alert(1)", "space"),
            ("java\tscript:alert(1)", "U+0009"),
            ("\u{1}javascript:alert(1)", "U+0001"),
            ("java\u{200B}script:alert(1)", "U+200B"),
            ("jav&#x61;script:alert(1)", "character reference"),
            ("javascript&colon;alert(1)", "character reference"),
            ("java script:alert(1)", "no scheme"),
            ("//evil.example/", "no scheme"),
            ("/\\evil.example/", "backslash"),
            ("https:evil.example", "`//`"),
            ("https://bank.example@evil.example/", "user"),
            ("https:///x", "no host"),
            ("https://ev\"il/", "no host"),
            ("https://e.org:80x/", "port"),
            ("https://e.org:99999/", "above 65535"),
            ("mailto:", "whole"),
            ("tel:1818;javascript", "whole"),
            ("", "empty"),
        ] {
            let r = Href::parse(s).expect_err(s);
            assert!(r.message.contains(why), "{s:?}: {}", r.message);
        }
    }

    #[test]
    fn rooted_fields_refuse_relative_paths() {
        assert!(Href::parse_rooted("/es/x/").is_ok());
        assert!(Href::parse_rooted("https://e.org/").is_ok());
        assert!(Href::parse_rooted("es/x/").unwrap_err().message.contains("relative"));
    }

    #[test]
    fn messages_show_control_characters_written_out() {
        assert_eq!(shown("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
    }

    #[test]
    fn base_urls_are_absolute_http_without_anything_to_escape() {
        assert_eq!(base_url("https://e.org/sub"), Ok(("https://e.org/sub/".into(), "/sub/".into())));
        assert_eq!(base_url("http://127.0.0.1:1111"), Ok(("http://127.0.0.1:1111/".into(), "/".into())));
        assert_eq!(base_url("https://e.org/a&b/"), Ok(("https://e.org/a&b/".into(), "/a&b/".into())));
        assert_eq!(base_url("HTTPS://perú.example/"), Ok(("https://perú.example/".into(), "/".into())));
        // Found by the href fuzz target: a Unicode space (U+2003) was let through.
        assert!(base_url("http://e.org/a\u{2003}b/").is_err());
        // Found by an outsider: browsers resolve the dots away, and the preview then 404s.
        for bad in [
            "https://e.org/a/../b/",
            "https://e.org/./x/",
            "https://e.org/%2E%2e/x",
            "https://e.org:0/",
            "https://e.org:/",
        ] {
            assert!(base_url(bad).is_err(), "{bad}");
        }
        assert!(base_url("https://[::1]:8080/").is_ok());
        assert!(base_url("https://[::1]/").is_ok());
        for bad in [
            "https://example.org/\"><img src=x onerror=alert(1)>",
            "https://e.org/it's/",
            "https://e.org/?q=1",
            "https://e.org/#top",
            "https://user:pw@e.org/",
            "https://e.org/a b/",
            "example.org/campana",
            "ftp://example.org/",
            "/campana/",
            "file:///tmp/x/",
            " https://e.org/",
        ] {
            assert!(base_url(bad).is_err(), "{bad}");
        }
    }
}
