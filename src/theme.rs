//! The theme: templates, static assets and UI strings. The default theme is compiled into
//! the binary; a theme folder on disk (`themes/<name>/`) and the site's own `templates/`
//! and `i18n/` replace its files one by one, so a site overrides only what it changes.

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// A file of the built-in theme, such as the preview server's `serve/live.js`.
pub(crate) fn builtin(rel: &str) -> Option<&'static [u8]> {
    DEFAULT_THEME.iter().find(|(r, _)| *r == rel).map(|(_, b)| *b)
}

#[derive(Debug, Clone)]
pub(crate) struct ThemeFile {
    pub(crate) bytes: Cow<'static, [u8]>,
    /// Where the file came from, as shown in diagnostics.
    pub(crate) origin: PathBuf,
}

#[derive(Debug, Default)]
pub(crate) struct Theme {
    /// Keyed by path inside the theme: `templates/page.html`, `static/faro.css`, `i18n/es.yaml`.
    files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    pub(crate) fn load(root: &Path, config: &Config) -> Result<Theme, Diagnostic> {
        let mut theme = Theme::default();
        if config.theme == "default" {
            for (rel, bytes) in DEFAULT_THEME {
                let origin = PathBuf::from(format!("(built-in theme)/{rel}"));
                theme.files.insert(rel.to_string(), ThemeFile { bytes: Cow::Borrowed(bytes), origin });
            }
        }
        let theme_dir = root.join("themes").join(&config.theme);
        if theme_dir.is_dir() {
            theme.overlay(&theme_dir, "", root)?;
        } else if config.theme != "default" {
            return Err(Diagnostic::error(
                Code::UnknownTheme,
                root.join("site.yaml"),
                format!("theme `{}` not found: there is no folder themes/{}/", config.theme, config.theme),
            ));
        }
        let templates = root.join("templates");
        if templates.is_dir() {
            theme.overlay(&templates, "templates", root)?;
        }
        // Kept apart from the theme's strings: i18n merges them key by key.
        let strings = root.join("i18n");
        if strings.is_dir() {
            theme.overlay(&strings, "site-i18n", root)?;
        }
        Ok(theme)
    }

    fn overlay(&mut self, dir: &Path, prefix: &str, root: &Path) -> Result<(), Diagnostic> {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Diagnostic::error(Code::Io, dir, format!("cannot read: {e}")))?;
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let rel: Vec<_> = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect();
            let key = if prefix.is_empty() { rel.join("/") } else { format!("{prefix}/{}", rel.join("/")) };
            let bytes = std::fs::read(entry.path())
                .map_err(|e| Diagnostic::error(Code::Io, entry.path(), format!("cannot read: {e}")))?;
            let origin = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
            self.files.insert(key, ThemeFile { bytes: Cow::Owned(bytes), origin });
        }
        Ok(())
    }

    pub(crate) fn get(&self, key: &str) -> Option<&ThemeFile> {
        self.files.get(key)
    }

    pub(crate) fn template(&self, name: &str) -> Option<&ThemeFile> {
        self.files.get(&format!("templates/{name}"))
    }

    /// Files under `static/`, keyed by their path below it.
    pub(crate) fn static_files(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files.iter().filter_map(|(k, f)| k.strip_prefix("static/").map(|rel| (rel, f)))
    }
}
