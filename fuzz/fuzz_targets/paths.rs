//! Output paths: an accepted alias is a plain path in its language with nothing a server
//! would decode or cut, and the registry never grants two paths a case-insensitive host
//! would serve as one, nor a file where a granted folder is.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let lines: Vec<&str> = s.split('\n').take(64).collect();
    for line in &lines {
        if let Ok(path) = faro::inputs::alias_path("es", line) {
            assert!(path.ends_with('/'), "{line:?} -> {path:?}");
            assert!(!path.chars().any(|c| c.is_control() || "%?#\\".contains(c)), "{line:?} -> {path:?}");
            assert!(!path.split('/').any(|seg| seg == ".." || seg == "."), "{line:?} -> {path:?}");
            assert!(!path.starts_with('/'), "{line:?} -> {path:?}");
        }
    }
    let granted = faro::inputs::claim_paths(&lines);
    let ok: Vec<String> = lines.iter().zip(&granted).filter(|(_, g)| **g).map(|(p, _)| p.to_lowercase()).collect();
    for (i, a) in ok.iter().enumerate() {
        assert!(!a.chars().any(|c| c.is_control() || "%?#\\".contains(c)), "{a:?}");
        for b in &ok[i + 1..] {
            assert_ne!(a, b, "granted twice: {lines:?}");
            assert!(!b.starts_with(&format!("{a}/")) && !a.starts_with(&format!("{b}/")), "file and folder: {lines:?}");
        }
    }
});
