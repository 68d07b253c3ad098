//! The default theme's files, compiled into the binary (the list build.rs writes), so
//! `faro` works from any folder. A module of its own, below everything that reads them:
//! the theme, the message catalogs, the scaffold.

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// A file of the built-in theme, such as the preview server's `serve/live.js`.
pub(crate) fn builtin(rel: &str) -> Option<&'static [u8]> {
    DEFAULT_THEME.iter().find(|(r, _)| *r == rel).map(|(_, b)| *b)
}
