//! Which requests the preview answers at all. DNS rebinding: a page on evil.example whose
//! name re-resolves to 127.0.0.1 reaches the preview with `Host: evil.example`, so only
//! names that cannot belong to anyone else are served: `localhost` and `*.localhost`
//! (always loopback, RFC 6761), loopback addresses, the address given to `--bind` and the
//! address the connection reached (the LAN address under `--bind 0.0.0.0`), with the bound
//! port or none. A request sent by a page of another site (`Origin`), and an event stream
//! asked for by anything but the preview's own pages (`Sec-Fetch-Site`), are refused too:
//! either could otherwise push the user's open tabs off the capped event streams.

use hyper::header::{AsHeaderName, HeaderMap, HeaderValue, HOST, ORIGIN};
use hyper::Request;
use std::net::IpAddr;

/// What the preview listens on.
#[derive(Clone, Copy, Debug)]
pub(super) struct Names {
    pub port: u16,
    pub bound: IpAddr,
}

impl Names {
    /// Whether `authority` (`host` or `host:port`) names this preview. `local` is the
    /// address the request's connection reached.
    pub(super) fn allows(&self, authority: &str, local: IpAddr) -> bool {
        let Some((host, port)) = split(authority) else { return false };
        if port.is_some_and(|p| p != self.port) {
            return false;
        }
        match host {
            Host::Ip(ip) => {
                let ip = ip.to_canonical();
                ip.is_loopback() || ip == self.bound.to_canonical() || ip == local.to_canonical()
            }
            Host::Name(name) => name == "localhost" || name.ends_with(".localhost"),
        }
    }

    /// Why a request is refused, or None when it is answered. `events` for the live-reload stream.
    pub(super) fn refuse<B>(&self, req: &Request<B>, local: IpAddr, events: bool) -> Option<String> {
        let headers = req.headers();
        let (Ok(host), Ok(origin), Ok(site)) =
            (one(headers, &HOST), one(headers, &ORIGIN), one(headers, "sec-fetch-site"))
        else {
            return Some("This request repeated a header that may appear once, or sent one that is not text.".into());
        };
        // An absolute-form target (`GET http://host/ HTTP/1.1`) names the host instead of Host.
        match req.uri().authority().map(|a| a.as_str()).or(host) {
            // HTTP/1.0 may omit Host; browsers never do, and no request of the preview needs to.
            None => return Some("This request named no host.".into()),
            Some(host) if !self.allows(host, local) => {
                return Some(format!("This request named the host \"{}\".", shown(host)));
            }
            _ => {}
        }
        if let Some(origin) = origin {
            if !origin.strip_prefix("http://").is_some_and(|a| self.allows(a, local)) {
                return Some(format!("This request came from a page of another site, \"{}\".", shown(origin)));
            }
        }
        if events && site.is_some_and(|s| s != "same-origin" && s != "none") {
            return Some("Live reload is only for the preview's own pages.".into());
        }
        None
    }

    /// The words of a 403: which names are served, then why this request was not.
    pub(super) fn refusal(&self, why: &str) -> String {
        let bound = match self.bound {
            ip if ip.is_loopback() => String::new(),
            IpAddr::V6(ip) => format!(", [{ip}]"),
            IpAddr::V4(ip) => format!(", {ip}"),
        };
        format!(
            "faro serve answers only requests for localhost, *.localhost, 127.0.0.1 or [::1]{bound}, \
             on port {} or with no port. {why} Open the address faro serve printed.\n",
            self.port
        )
    }
}

/// A header that may appear at most once; Err when repeated or not text.
fn one(headers: &HeaderMap, name: impl AsHeaderName) -> Result<Option<&str>, ()> {
    let mut values = headers.get_all(name).iter();
    let first = values.next();
    if values.next().is_some() {
        return Err(());
    }
    first.map(HeaderValue::to_str).transpose().map_err(|_| ())
}

/// A client's text, short and printable, for the 403 body.
fn shown(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_graphic() || *c == ' ').take(120).collect()
}

#[derive(Debug, PartialEq)]
enum Host {
    Ip(IpAddr),
    /// Lowercased; only letters, digits, `-` and `.` between non-empty labels.
    Name(String),
}

/// `host[:port]` or `[v6][:port]`; None for anything else (user info, empty parts, zones).
fn split(authority: &str) -> Option<(Host, Option<u16>)> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (inside, after) = rest.split_once(']')?;
            (Host::Ip(IpAddr::V6(inside.parse().ok()?)), after)
        }
        None => {
            let host = authority.split_once(':').map_or(authority, |(h, _)| h);
            let port = &authority[host.len()..];
            let host = match host.parse() {
                Ok(ip @ IpAddr::V4(_)) => Host::Ip(ip),
                _ => Host::Name(name(host)?),
            };
            (host, port)
        }
    };
    let port = match port.strip_prefix(':') {
        None if port.is_empty() => None,
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => Some(digits.parse().ok()?),
        _ => return None,
    };
    Some((host, port))
}

fn name(host: &str) -> Option<String> {
    let ok = |label: &str| !label.is_empty() && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    host.split('.').all(ok).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::Version;

    #[test]
    fn only_loopback_names_and_the_bound_address_on_the_bound_port_are_served() {
        let on_loopback = Names { port: 1111, bound: "127.0.0.1".parse().unwrap() };
        let on_all = Names { port: 1111, bound: "0.0.0.0".parse().unwrap() };
        let on_lan = Names { port: 1111, bound: "192.168.1.5".parse().unwrap() };
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        let cases: &[(&Names, IpAddr, &str, bool)] = &[
            (&on_loopback, loopback, "localhost", true),
            (&on_loopback, loopback, "localhost:1111", true),
            (&on_loopback, loopback, "LocalHost:1111", true),
            (&on_loopback, loopback, "campana.localhost:1111", true),
            (&on_loopback, loopback, "127.0.0.1", true),
            (&on_loopback, loopback, "127.0.0.1:1111", true),
            (&on_loopback, loopback, "127.0.0.2:1111", true),
            (&on_loopback, loopback, "[::1]:1111", true),
            (&on_loopback, loopback, "[::ffff:127.0.0.1]:1111", true),
            (&on_loopback, loopback, "[0:0:0:0:0:0:0:1]", true),
            // Rebinding: a name the attacker's DNS answers for.
            (&on_loopback, loopback, "evil.example", false),
            (&on_loopback, loopback, "evil.example:1111", false),
            (&on_loopback, loopback, "localhost.evil.example:1111", false),
            (&on_loopback, loopback, "evillocalhost:1111", false),
            (&on_loopback, loopback, "localhost.:1111", false),
            (&on_loopback, loopback, ".localhost:1111", false),
            (&on_loopback, loopback, "a..localhost", false),
            (&on_loopback, loopback, "evil@localhost:1111", false),
            (&on_loopback, loopback, "x_y.localhost", false),
            // Another port, a bad port, no host.
            (&on_loopback, loopback, "localhost:80", false),
            (&on_loopback, loopback, "localhost:", false),
            (&on_loopback, loopback, "localhost:11x1", false),
            (&on_loopback, loopback, "localhost:99999", false),
            (&on_loopback, loopback, "localhost:1111:1111", false),
            (&on_loopback, loopback, "", false),
            (&on_loopback, loopback, ":1111", false),
            (&on_loopback, loopback, "[::1", false),
            (&on_loopback, loopback, "::1", false),
            (&on_loopback, loopback, "[fe80::1%25eth0]:1111", false),
            // Other addresses only when bound to them or reached through them.
            (&on_loopback, loopback, "192.168.1.5:1111", false),
            (&on_lan, lan, "192.168.1.5:1111", true),
            (&on_lan, lan, "192.168.1.6:1111", false),
            (&on_all, lan, "192.168.1.5:1111", true),
            (&on_all, loopback, "192.168.1.5:1111", false),
            (&on_all, loopback, "0.0.0.0:1111", true),
            (&on_all, lan, "mi-pc.lan:1111", false),
        ];
        for (names, local, authority, expected) in cases {
            assert_eq!(names.allows(authority, *local), *expected, "{authority} via {local} to {names:?}");
        }
    }

    fn request(target: &str, version: Version, headers: &[(&str, &str)]) -> Request<()> {
        let mut req = Request::builder().uri(target).version(version);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.body(()).unwrap()
    }

    #[test]
    fn foreign_hosts_origins_and_cross_site_streams_are_refused() {
        let names = Names { port: 1111, bound: "127.0.0.1".parse().unwrap() };
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        let h11 = Version::HTTP_11;
        // Target, version, headers, whether it asks for the event stream, whether it is answered.
        type Case<'a> = (&'a str, Version, &'a [(&'a str, &'a str)], bool, bool);
        let cases: &[Case] = &[
            ("/es/", h11, &[("host", "localhost:1111")], false, true),
            ("/es/", h11, &[], false, false),
            ("/es/", Version::HTTP_10, &[], false, false),
            ("/es/", Version::HTTP_10, &[("host", "evil.example")], false, false),
            ("/es/", h11, &[("host", "localhost:1111"), ("host", "evil.example")], false, false),
            ("http://evil.example/es/", h11, &[("host", "localhost:1111")], false, false),
            ("http://localhost:1111/es/", h11, &[("host", "evil.example")], false, true),
            ("/es/", h11, &[("host", "localhost:1111"), ("origin", "http://localhost:1111")], false, true),
            ("/es/", h11, &[("host", "localhost:1111"), ("origin", "https://evil.example")], false, false),
            ("/es/", h11, &[("host", "localhost:1111"), ("origin", "null")], false, false),
            ("/es/", h11, &[("host", "localhost:1111"), ("sec-fetch-site", "cross-site")], false, true),
            ("/e", h11, &[("host", "localhost:1111"), ("sec-fetch-site", "cross-site")], true, false),
            ("/e", h11, &[("host", "localhost:1111"), ("sec-fetch-site", "same-site")], true, false),
            ("/e", h11, &[("host", "localhost:1111"), ("sec-fetch-site", "same-origin")], true, true),
            ("/e", h11, &[("host", "localhost:1111")], true, true),
        ];
        for (target, version, headers, events, answered) in cases {
            let req = request(target, *version, headers);
            let why = names.refuse(&req, local, *events);
            assert_eq!(why.is_none(), *answered, "{target} {headers:?}: {why:?}");
        }
    }

    #[test]
    fn the_refusal_says_which_names_are_served() {
        let names = Names { port: 1111, bound: "192.168.1.5".parse().unwrap() };
        let text = names.refusal("This request named the host \"evil.example\".");
        assert!(text.contains("localhost, *.localhost, 127.0.0.1 or [::1], 192.168.1.5, on port 1111"), "{text}");
        assert!(text.contains("evil.example"));
        assert_eq!(shown("a\u{7}b\r\nc"), "abc");
    }
}
