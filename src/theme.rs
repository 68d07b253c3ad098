//! The theme: templates, static assets and UI strings. The default theme is compiled into
//! the binary; a theme folder on disk (`themes/<name>/`) and the site's own `templates/`
//! and `i18n/` replace its files one by one, so a site overrides only what it changes.

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(crate) use crate::embedded::{builtin, DEFAULT_THEME};

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
    /// The theme and what its folders gave to report (files refused are left out, so the
    /// rest of the site is still checked); `Err` for a theme that is not there.
    pub(crate) fn load(root: &Path, config: &Config) -> Result<(Theme, Vec<Diagnostic>), Diagnostic> {
        let (mut theme, mut diags) = Theme::without_site(root, config)?;
        theme.overlay(&root.join("templates"), "templates", root, &mut diags);
        // Kept apart from the theme's strings: i18n merges them key by key.
        theme.overlay(&root.join("i18n"), "site-i18n", root, &mut diags);
        Ok((theme, diags))
    }

    /// The theme alone (built in, or its folder on disk over it), without the site's own
    /// `templates/` and `i18n/`: what `faro theme` copies into a site.
    pub(crate) fn without_site(root: &Path, config: &Config) -> Result<(Theme, Vec<Diagnostic>), Diagnostic> {
        let mut theme = Theme::default();
        if config.theme == "default" {
            for (rel, bytes) in DEFAULT_THEME {
                let origin = PathBuf::from(format!("(built-in theme)/{rel}"));
                theme.files.insert(rel.to_string(), ThemeFile { bytes: Cow::Borrowed(bytes), origin });
            }
        }
        let mut diags = Vec::new();
        let theme_dir = root.join("themes").join(&config.theme);
        match crate::sources::dir_exists(root, &theme_dir) {
            Ok(true) => theme.overlay(&theme_dir, "", root, &mut diags),
            Ok(false) if config.theme != "default" => {
                let said = crate::messages::Said::new("theme-not-found", &[("theme", &config.theme)]);
                return Err(Diagnostic::error_said(Code::UnknownTheme, root.join("site.yaml"), said));
            }
            Ok(false) => {}
            Err(d) => diags.push(d),
        }
        Ok((theme, diags))
    }

    /// Lays the files of `dir`, if there is one, over the theme's; hidden files are skipped.
    fn overlay(&mut self, dir: &Path, prefix: &str, root: &Path, diags: &mut Vec<Diagnostic>) {
        match crate::sources::dir_exists(root, dir) {
            Ok(true) => {}
            Ok(false) => return,
            Err(d) => return diags.push(d),
        }
        for found in crate::sources::walk(root, dir, &|_| false, diags) {
            let hidden = found.path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if found.is_dir || hidden {
                continue;
            }
            let key = if prefix.is_empty() { found.rel } else { format!("{prefix}/{}", found.rel) };
            let read = crate::sources::read(root, &found.path);
            // A template with a NUL character would copy it into every page.
            let text_ok = |b: Vec<u8>| match key.starts_with("templates/") {
                true => crate::sources::nul_free(&b, &found.path, Code::Template).map(|_| b),
                false => Ok(b),
            };
            match read.and_then(text_ok) {
                Ok(bytes) => {
                    let origin = found.path.strip_prefix(root).unwrap_or(&found.path).to_path_buf();
                    self.files.insert(key, ThemeFile { bytes: Cow::Owned(bytes), origin });
                }
                Err(d) => diags.push(d),
            }
        }
    }

    /// Every file, keyed by its path inside the theme (`templates/page.html`, `i18n/es.yaml`).
    pub(crate) fn files(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files.iter().map(|(k, f)| (k.as_str(), f))
    }

    pub(crate) fn get(&self, key: &str) -> Option<&ThemeFile> {
        self.files.get(key)
    }

    pub(crate) fn template(&self, name: &str) -> Option<&ThemeFile> {
        self.files.get(&format!("templates/{name}"))
    }

    /// Templates, keyed by their path below `templates/`.
    pub(crate) fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files.iter().filter_map(|(k, f)| k.strip_prefix("templates/").map(|rel| (rel, f)))
    }

    /// Files under `static/`, keyed by their path below it.
    pub(crate) fn static_files(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files.iter().filter_map(|(k, f)| k.strip_prefix("static/").map(|rel| (rel, f)))
    }
}
