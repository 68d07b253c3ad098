//! Diagnostics as values: every stage reports problems as `Diagnostic`s, collected and
//! printed together, so one build shows all of a site's errors, not just the first. Every
//! diagnostic carries a `Code` from the one table below; the README lists it, and a test
//! keeps the two the same.

mod render;

pub use render::{render, use_color};
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident $name:literal $about:literal,)*) => {
        /// What kind of problem a diagnostic is: a stable kebab-case name and a line saying
        /// what it is about.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in the order of the table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// One line on what the code is about, as the README lists it.
            pub fn about(self) -> &'static str {
                match self { $(Code::$variant => $about,)* }
            }
        }
    };
}

codes! {
    Alias "alias" "an `aliases` entry that is not a plain path in the page's language, or that clashes with a page or another alias",
    AmbiguousTranslation "ambiguous-translation" "two pages of one language claim to translate the same page",
    AwaitingTranslation "awaiting-translation" "`faro check`: a page whose text is still in another language (`text_lang`), or interface strings still the text they were copied from (`copied_from`)",
    BrokenAnchor "broken-anchor" "a link to a `#fragment` that is not on the page it leads to",
    BrokenLink "broken-link" "a link to a page or file that does not exist, or that leaves the site",
    BrokenRef "broken-ref" "a cross-reference (`[@sec:id]`, `[@fig:id]`, `[@tbl:id]`) to nothing, or outside a report",
    Campaign "campaign" "a `campaign:` block that a kit cannot be made from (no message, too many or unknown figures)",
    Chromium "chromium" "Chromium ran but could not print",
    ContentLayout "content-layout" "a file in content/ outside a language folder",
    Disclosure "disclosure" "counts whose small values cannot be protected: what is published would narrow a hidden one",
    DuplicateIndex "duplicate-index" "a folder with both `_index.md` and `index.md`",
    DuplicateIndicator "duplicate-indicator" "two indicator files with the same id (`x.yml` beside `x.yaml`)",
    DuplicateTitle "duplicate-title" "`faro check`: two pages of one language with the same title",
    DuplicateTranslationKey "duplicate-translation-key" "one `translation_key` used twice in one language",
    DuplicateUrl "duplicate-url" "two files that would be written at the same address (pages, aliases, static files, faro's own pages), or at addresses that differ only in case",
    Edition "edition" "a frozen edition file (data/editions/) that cannot be read",
    EmptySlug "empty-slug" "a page or folder whose slug has no letters or digits",
    ExternalResource "external-resource" "`faro check`: a page that loads a script, style, font, image or frame from another site",
    FrontMatter "front-matter" "front matter that is not valid YAML or breaks a rule (unknown key, bad date, misplaced `report`)",
    Goals "goals" "data/goals.yaml that cannot be read or names what does not exist",
    I18n "i18n" "a strings file (i18n/<lang>.yaml) that is not valid",
    Indicator "indicator" "an indicator file (data/indicators/) that cannot be read or breaks a rule",
    InitNotEmpty "init-not-empty" "`faro init` into a folder that is not new or empty",
    Internal "internal" "a fault of faro itself while updating the preview",
    Io "io" "a file or folder that cannot be read or written",
    Kit "kit" "a campaign kit that cannot be made (QR code, social card, ZIP, PDF)",
    LanguageCode "language-code" "`faro init --languages` with a code that is not one, or listed twice",
    LinkToDraft "link-to-draft" "a link to a page marked `draft: true`, which is not published",
    Logo "logo" "`logo` in site.yaml that is not an SVG, PNG or JPEG file in static/",
    MenuTarget "menu-target" "a menu entry pointing to a page that does not exist",
    MissingAlt "missing-alt" "an image without alt text",
    MissingHome "missing-home" "a language of site.yaml without a home page (content/<lang>/_index.md)",
    MissingTranslation "missing-translation" "`faro check`: a page of the default language without a translation",
    MissingUiStrings "missing-ui-strings" "a language missing interface strings: an error when the theme lacks the language and no `fallback` fills them, a warning for keys a site gave only other languages",
    NoChromium "no-chromium" "`faro pdf` without a Chromium or Chrome to print with",
    NoSite "no-site" "`faro new` in a folder without site.yaml",
    NotUtf8 "not-utf8" "a text file that is not UTF-8",
    OrphanPage "orphan-page" "`faro check`: a page no other page, section or menu links to",
    PageExists "page-exists" "`faro new` for a page that exists already",
    PagePath "page-path" "`faro new` with a path outside the language folders",
    PageTitle "page-title" "`faro new --title` with an empty title",
    Placeholder "placeholder" "`faro check`: a value `faro init` left to change (an example `base_url`, the sample organisation name, illustrative figures) or a report still a draft",
    RawHtml "raw-html" "raw HTML in Markdown, which is shown as text",
    ReportBlock "report-block" "`{{< goals >}}` or `{{< roadmap >}}` outside a report chapter",
    Revision "revision" "data that now differs from what a final report froze",
    Roadmap "roadmap" "data/roadmap.yaml that cannot be read or names what does not exist",
    SafetyPage "safety-page" "`quick_exit.safety_page` pointing to a page that does not exist",
    Scaffold "scaffold" "a fault in faro's own scaffold files",
    Shortcode "shortcode" "a shortcode faro does not read: misspelt, unclosed, or Hugo's or Zola's (`{{< ref >}}`, `{{ youtube() }}`)",
    SiteConfig "site-config" "site.yaml that is not valid or breaks a rule",
    SpecialFile "special-file" "a FIFO, socket or device in the site folder, which is skipped and never opened",
    StaleTranslation "stale-translation" "`faro check`: a translation older than the page it translates",
    Symlink "symlink" "a link (symlink) or path in the site folder that is broken, leads to a folder where a file is read, or leads outside the site",
    TableCaption "table-caption" "a table caption not followed by a table",
    Template "template" "a template that fails to render",
    TextLang "text-lang" "front matter `text_lang` that is not another language, of the site or one faro knows",
    ThemeFileExists "theme-file-exists" "`faro theme strings` or `faro theme eject` for a file the site has already",
    UncommittedRecord "uncommitted-record" "`faro check`, in a site kept in git: urls.txt or a frozen edition (data/editions/) not committed",
    UndeclaredLanguage "undeclared-language" "a content/<lang>/ folder for a language site.yaml does not declare",
    UnknownIndicator "unknown-indicator" "a chart shortcode naming an indicator that does not exist",
    UnknownReport "unknown-report" "`faro pdf` for a report that does not exist",
    UnknownTaxonomy "unknown-taxonomy" "front matter using a taxonomy site.yaml does not declare",
    UnknownTemplate "unknown-template" "front matter or `faro theme eject` naming a template that does not exist",
    UnknownTheme "unknown-theme" "`theme` in site.yaml naming a theme that is not in themes/",
    UnsafeLink "unsafe-link" "an address (link, menu `url`, `source.url`, `evidence`) other than http(s) with a host, mailto, tel or a site path, or one in disguise",
    UnsafeOutput "unsafe-output" "an output faro may not replace: the site itself, a file, or a folder holding files faro did not write",
    UnsafePath "unsafe-path" "a file name or `slug` with a character a web server would decode or cut (`%`, `?`, `#`, `\\`, a control character)",
    UnusedIndicator "unused-indicator" "`faro check`: an indicator no page, goal or campaign uses",
    UrlRemoved "url-removed" "a build that would drop a URL published before (urls.txt)",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, located as precisely as the stage that found it could.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub path: PathBuf,
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    /// The message and hint as the catalogs say them, for other languages (`message` and
    /// `hint` are their English).
    pub said: Option<crate::messages::Said>,
    pub hint_said: Option<crate::messages::Said>,
}

impl Diagnostic {
    pub(crate) fn error(code: Code, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: path.into(),
            line: None,
            col: None,
            message: message.into(),
            hint: None,
            said: None,
            hint_said: None,
        }
    }

    /// An error whose message is the catalogs' (`message` is its English).
    pub(crate) fn error_said(code: Code, path: impl Into<PathBuf>, said: crate::messages::Said) -> Self {
        Diagnostic::error(code, path, String::new()).said(said)
    }

    /// A warning whose message is the catalogs'.
    pub(crate) fn warning_said(code: Code, path: impl Into<PathBuf>, said: crate::messages::Said) -> Self {
        Diagnostic::warning(code, path, String::new()).said(said)
    }

    /// The message from the catalogs: its English becomes `message`, and its id says it in
    /// other languages.
    pub(crate) fn said(mut self, said: crate::messages::Said) -> Self {
        self.message = crate::messages::english(&said);
        self.said = Some(said);
        self
    }

    /// A hint from the catalogs: its English, and the id to say it in other languages.
    pub(crate) fn hint_said(mut self, said: crate::messages::Said) -> Self {
        self.hint = Some(crate::messages::english(&said));
        self.hint_said = Some(said);
        self
    }

    /// The message in `lang`, from the catalogs when it has an id there; else the English.
    pub fn message_in(&self, lang: &str) -> String {
        self.said
            .as_ref()
            .filter(|_| lang != "en")
            .and_then(|s| s.in_lang(lang))
            .unwrap_or_else(|| self.message.clone())
    }

    pub fn hint_in(&self, lang: &str) -> Option<String> {
        let said = self.hint_said.as_ref().filter(|_| lang != "en").and_then(|s| s.in_lang(lang));
        said.or_else(|| self.hint.clone())
    }

    pub(crate) fn warning(code: Code, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, path, message) }
    }

    /// The same finding as an error: where what a warning would skip cannot be done without.
    pub(crate) fn into_error(self) -> Self {
        Diagnostic { severity: Severity::Error, ..self }
    }

    pub(crate) fn at(mut self, line: Option<usize>, col: Option<usize>) -> Self {
        self.line = line;
        self.col = col;
        self
    }

    /// `at` for a (line, column) found together, or neither.
    pub(crate) fn at_point(self, at: Option<(usize, usize)>) -> Self {
        self.at(at.map(|a| a.0), at.map(|a| a.1))
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        // A hint written here replaces a catalog's one in every language.
        self.hint_said = None;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Shows the path relative to the site folder, which is what the author sees in their editor.
    pub(crate) fn relative_to(mut self, root: &Path) -> Self {
        if let Ok(rel) = self.path.strip_prefix(root) {
            self.path = rel.to_path_buf();
        }
        self
    }

    /// `path:line:col`, as far as they are known; control characters of the path escaped.
    pub fn location(&self) -> String {
        let path = one_line(&self.path.display().to_string());
        match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
            (Some(l), None) => format!("{path}:{l}"),
            _ => path,
        }
    }
}

impl Diagnostic {
    /// `path:line:col: error[code]: message`, the message said in `lang`.
    pub(crate) fn headline(&self, lang: &str) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!("{}: {sev}[{}]: {}", self.location(), self.code, one_line(&self.message_in(lang)))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline("en"))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {}", one_line(hint))?;
        }
        Ok(())
    }
}

/// `text` with what could break a diagnostic's line or forge terminal output escaped: C0
/// and C1 controls (a newline in a file name, ESC), line separators and bidi overrides,
/// each written as Rust writes it (`\n`, `\u{1b}`). Everything else is left as it is.
pub(crate) fn one_line(text: &str) -> String {
    let unsafe_char = |c: char| {
        c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return text.to_string();
    }
    text.chars().map(|c| if unsafe_char(c) { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// Collects diagnostics from all stages; sorted on output so reports are stable.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub(crate) fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The first diagnostic `is` picks, to sharpen what a later stage learned about it.
    pub(crate) fn find_mut(&mut self, is: impl Fn(&Diagnostic) -> bool) -> Option<&mut Diagnostic> {
        self.0.iter_mut().find(|d| is(d))
    }

    /// Sorted (errors first, then by place), duplicates dropped, paths relative to `root`.
    pub(crate) fn report(self, root: &Path) -> Vec<Diagnostic> {
        self.into_sorted().into_iter().map(|d| d.relative_to(root)).collect()
    }

    pub(crate) fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| {
            (a.severity, &a.path, a.line, a.col, &a.message).cmp(&(b.severity, &b.path, b.line, b.col, &b.message))
        });
        self.0.dedup();
        self.0
    }
}

/// A broken template fails every page that uses it: report each distinct error once,
/// naming the first page and how many others hit it.
pub(crate) fn merge_repeated(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut merged: Vec<(Diagnostic, usize)> = Vec::new();
    for d in diags {
        match merged.iter_mut().find(|(m, _)| (&m.path, m.line, &m.message) == (&d.path, d.line, &d.message)) {
            Some((_, n)) => *n += 1,
            None => merged.push((d, 0)),
        }
    }
    merged
        .into_iter()
        .map(|(mut d, n)| {
            if n > 0 {
                d.hint = d.hint.map(|h| format!("{h} and {n} other page{}", if n == 1 { "" } else { "s" }));
            }
            d
        })
        .collect()
}

/// Line and column (1-based, column in characters) of a byte offset in `src`.
pub(crate) fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..floor_char_boundary(src, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one_in_characters() {
        let src = "ab\nñé x";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 3), (2, 1));
        assert_eq!(line_col(src, src.find('x').unwrap()), (2, 4));
    }

    #[test]
    fn display_is_file_line_col_code_message() {
        let d = Diagnostic::error(Code::FrontMatter, "content/es/a.md", "missing field `title`").at(Some(2), Some(1));
        assert_eq!(d.to_string(), "content/es/a.md:2:1: error[front-matter]: missing field `title`");
    }

    #[test]
    fn a_diagnostic_stays_one_line_whatever_its_path_or_message_holds() {
        let cases = [
            ("content/es/a\nb.md", "content/es/a\\nb.md"),
            ("a\tb\rc", "a\\tb\\rc"),
            ("\u{1b}[31mrojo", "\\u{1b}[31mrojo"),
            ("c1\u{85}x\u{9b}", "c1\\u{85}x\\u{9b}"),
            ("bidi\u{202e}gpj.md", "bidi\\u{202e}gpj.md"),
            ("sep\u{2028}x", "sep\\u{2028}x"),
            ("nul\0", "nul\\u{0}"),
            ("año ñandú", "año ñandú"),
        ];
        for (raw, shown) in cases {
            assert_eq!(one_line(raw), shown, "{raw:?}");
        }
        let d =
            Diagnostic::error(Code::FrontMatter, "content/es/a\nb.md", "bad\nline").at(Some(1), Some(1)).hint("h\x1b");
        assert_eq!(d.to_string(), "content/es/a\\nb.md:1:1: error[front-matter]: bad\\nline\n  = hint: h\\u{1b}");
    }

    #[test]
    fn codes_are_kebab_case_unique_and_sorted() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted, "the table is kept in alphabetical order, each code once");
        assert!(names.iter().all(|n| n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
    }

    #[test]
    fn the_readme_lists_every_code() {
        let readme = include_str!("../README.md");
        for code in Code::ALL {
            let row = format!("| `{}` | {} |", code.as_str(), code.about());
            assert!(readme.contains(&row), "README.md lacks the row\n{row}");
        }
    }

    #[test]
    fn repeated_template_errors_are_reported_once() {
        let d = |page: &str| {
            Diagnostic::error(Code::Template, "templates/page.html", "undefined value")
                .at(Some(3), None)
                .hint(format!("while rendering {page}"))
        };
        let merged = merge_repeated(vec![d("a.md"), d("b.md"), d("c.md")]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].hint.as_deref(), Some("while rendering a.md and 2 other pages"));
    }
}
