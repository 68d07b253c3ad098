//! The URL policy: whatever a user writes as an address, what is accepted is one of the
//! allowed kinds, holds nothing a browser would skip, and escapes to a safe attribute;
//! an accepted base_url has nothing to escape.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(kind) = faro::inputs::parse_href(s) {
        assert!(!s.chars().any(char::is_control), "a control character accepted: {s:?}");
        assert!(!s.contains('\\') && !s.starts_with("//"), "{s:?}");
        let lower = s.to_ascii_lowercase();
        match kind {
            "external" => assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{s:?}"),
            "mailto" => assert!(lower.starts_with("mailto:"), "{s:?}"),
            "tel" => assert!(lower.starts_with("tel:"), "{s:?}"),
            _ => {
                let end = s.find(['/', '?', '#']).unwrap_or(s.len());
                assert!(!s[..end].contains(':'), "a scheme in a site path: {s:?}");
            }
        }
        let escaped = faro::inputs::escape_href(s);
        assert!(!escaped.contains(['"', '<', '>', '\'']), "{s:?} escaped as {escaped:?}");
    }
    if let Ok(base) = faro::inputs::parse_base_url(s) {
        assert!(base.starts_with("http://") || base.starts_with("https://"), "{s:?}");
        assert!(base.ends_with('/'), "{s:?}");
        assert!(!base.chars().any(|c| c.is_control() || c.is_whitespace() || "\"'<>\\`".contains(c)), "{s:?}");
    }
});
