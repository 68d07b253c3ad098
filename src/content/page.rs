//! One Markdown file: its front matter (the raw serde layer, where an unknown key is an
//! error) and the page it makes before the tree gives it a URL, a section and translations.
//! Front matter is read key by key when it has mistakes, so one run reports all of them,
//! and a page with mistakes is still a page (its wrong keys at their defaults): links to
//! it are not reported as broken as well.

use super::PageId;
use crate::config::Lang;
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::yaml;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    /// Required; its absence is reported by `read_front`, so the other keys still read.
    #[serde(default)]
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    /// A day or an RFC 3339 instant, normalised by `date::normalize` once parsed.
    #[serde(default, deserialize_with = "scalar_text")]
    pub(crate) date: Option<String>,
    #[serde(default)]
    pub(crate) draft: bool,
    pub(crate) slug: Option<String>,
    #[serde(default)]
    pub(crate) weight: i64,
    #[serde(default)]
    pub(crate) tags: Vec<String>,
    pub(crate) template: Option<String>,
    #[serde(alias = "translationKey")]
    pub(crate) translation_key: Option<String>,
    pub(crate) sort_by: Option<SortBy>,
    /// Makes a section an accountability report; its pages are the chapters.
    pub(crate) report: Option<ReportMeta>,
    /// Last substantive change (a date like `date`), for the sitemap and feeds.
    #[serde(default, alias = "lastmod", deserialize_with = "scalar_text")]
    pub(crate) updated: Option<String>,
    /// Old addresses of this page, kept working as redirects: paths under the page's
    /// language (`campanas/linea-gratuita`) or full site paths (`/es/campanas/linea-gratuita/`).
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    /// On a section's `_index.md`: publish an Atom feed of its pages.
    #[serde(default)]
    pub(crate) feed: bool,
    /// The image shown when the page is shared: a site path such as `/es/campanas/afiche.png`.
    pub(crate) image: Option<String>,
    /// Terms of the site's taxonomies: `{ region: [Piura], audience: [docentes] }`.
    #[serde(default)]
    pub(crate) taxonomies: BTreeMap<String, Vec<String>>,
    /// Makes the page a campaign with a printable kit (posters, flyer, social card).
    pub(crate) campaign: Option<Campaign>,
    /// The language the text is still written in, when it is not the page's own (a copy
    /// awaiting translation): the text is marked with it, and a note tells the reader.
    pub(crate) text_lang: Option<String>,
    /// The writer's own fields, any YAML, given to templates as they are (`page.extra`).
    #[serde(default, alias = "params")]
    pub(crate) extra: yaml::Value,
}

/// A scalar as text: an unquoted `2025` is a number to YAML, and is then reported as a bad
/// date at its line rather than as a type error.
fn scalar_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    match yaml::Value::deserialize(d)? {
        yaml::Value::Null => Ok(None),
        yaml::Value::String(s) => Ok(Some(s)),
        yaml::Value::Number(n) => Ok(Some(n.to_string())),
        yaml::Value::Tagged(t) => match t.value {
            yaml::Value::String(s) => Ok(Some(s)),
            _ => Err(D::Error::custom("a date is written as text, such as 2025-02-10")),
        },
        _ => Err(D::Error::custom("a date is written as text, such as 2025-02-10")),
    }
}

/// `campaign:` in front matter: what the kit prints besides the page title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Campaign {
    /// The key message, one or two sentences.
    pub(crate) message: String,
    /// Key figures, at most four: written out, or the latest value of an indicator.
    #[serde(default)]
    pub(crate) figures: Vec<CampaignFigure>,
    /// Added to the ready-to-paste posts: `["#1818", "#NoALaTrata"]`.
    #[serde(default)]
    pub(crate) hashtags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CampaignFigure {
    pub(crate) value: Option<String>,
    pub(crate) label: Option<String>,
    pub(crate) source: Option<String>,
    /// An indicator id: its latest total, title and source.
    pub(crate) indicator: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReportMeta {
    pub(crate) year: i32,
    /// The period covered, in the page's language: "enero a diciembre de 2025".
    pub(crate) period: String,
    pub(crate) organization: String,
    /// The date the report is as of (YYYY-MM-DD): roadmap due dates are checked against
    /// it. Defaults to the last day of `year`.
    pub(crate) date: Option<String>,
    #[serde(default)]
    pub(crate) status: ReportStatus,
    /// Documents the report cites besides the sources of its indicators.
    #[serde(default)]
    pub(crate) references: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ReportStatus {
    #[default]
    Draft,
    Final,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum SortBy {
    /// Newest first.
    Date,
    Weight,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageKind {
    /// `content/<lang>/_index.md`
    Home,
    /// `_index.md` in a folder: a list page for the folder.
    Section,
    Page,
}

impl PageKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            PageKind::Home => "home",
            PageKind::Section => "section",
            PageKind::Page => "page",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub(crate) lang: Lang,
    /// Absolute path of the Markdown file.
    pub(crate) source: PathBuf,
    /// Path under `content/`, `/`-separated: `es/campanas/linea-1818.md`.
    pub(crate) rel: String,
    /// Folder of the file under `content/<lang>/`, `/`-separated, `""` at the top.
    pub(crate) dir: String,
    pub(crate) kind: PageKind,
    pub(crate) front: FrontMatter,
    /// The front matter text, kept to locate keys for later diagnostics.
    pub(crate) front_src: String,
    pub(crate) body: String,
    /// Line of the file where `body` starts.
    pub(crate) body_line: usize,
    /// Site-relative URL path, no leading slash, ending in `/`: `es/campanas/linea-1818/`.
    pub(crate) url: String,
    pub(crate) parent: Option<PageId>,
    pub(crate) children: Vec<PageId>,
    /// Every page in this page's translation group, this one included.
    pub(crate) translations: BTreeMap<Lang, PageId>,
}

impl Page {
    /// The line of a top-level key, in whichever of its spellings the page wrote it.
    pub(crate) fn key_line(&self, key: &str) -> Option<usize> {
        super::keys::line_of(&self.front_src, key, 2)
    }

    /// Where the value of a top-level key starts (line, column), in whichever spelling.
    pub(crate) fn value_at(&self, key: &str) -> Option<(usize, usize)> {
        super::keys::value_at(&self.front_src, key, &[], 2)
    }

    /// Where the value below a top-level key starts (`campaign` → `message`), else the key's.
    pub(crate) fn value_below(&self, key: &str, below: &[yaml::Step]) -> Option<(usize, usize)> {
        super::keys::value_at(&self.front_src, key, below, 2).or_else(|| self.value_at(key))
    }

    /// The path below the language folder, which translations share.
    pub(crate) fn lang_rel(&self) -> &str {
        &self.rel[self.lang.len() + 1..]
    }

    /// Where item `n` of a front-matter list (`aliases`, `tags`) starts, block or flow list.
    pub(crate) fn item_at(&self, key: &str, n: usize) -> Option<(usize, usize)> {
        self.value_below(key, &[yaml::Step::Index(n)])
    }

    /// `_index.md` or `index.md`: the page of its folder.
    pub(crate) fn is_index(&self) -> bool {
        self.rel.ends_with("/_index.md") || self.rel.ends_with("/index.md")
    }
}

/// Splits `---` front matter from the body. Returns (front matter, body, body's first line).
pub(crate) fn split_front_matter(src: &str) -> Result<(&str, &str, usize), (usize, Said)> {
    let rest = src.strip_prefix("---\n").or_else(|| (src.trim_end() == "---").then_some("")).ok_or_else(|| {
        let written = if src.starts_with("+++") {
            "content-toml-front-matter"
        } else if src.starts_with('{') {
            "content-json-front-matter"
        } else {
            "content-no-front-matter"
        };
        (1, Said::new(written, &[]))
    })?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let body = &rest[offset + line.len()..];
            return Ok((&rest[..offset], body, i + 3));
        }
        offset += line.len();
    }
    Err((1, Said::new("content-front-matter-unclosed", &[])))
}

/// Reads one Markdown file; URL, section and translations are resolved by `content::load`.
/// The page comes back even when its front matter has mistakes, which are all in the list.
pub(crate) fn parse_page(lang: Lang, rel: String, source: PathBuf) -> (Option<Page>, Vec<Diagnostic>) {
    match crate::text::read_utf8(&source) {
        Ok(src) => {
            let (page, errors) = read_page_text(lang, rel, source, &src);
            (Some(page), errors)
        }
        Err(d) => (None, vec![d]),
    }
}

/// `read_page_text` for callers that need a page without mistakes: the first one otherwise.
pub(crate) fn parse_page_text(lang: Lang, rel: String, source: PathBuf, src: &str) -> Result<Page, Diagnostic> {
    let (page, errors) = read_page_text(lang, rel, source, src);
    errors.into_iter().next().map_or(Ok(page), Err)
}

/// A page from text already read (`source` only names the file in diagnostics), and every
/// mistake of its front matter, in file order.
pub(crate) fn read_page_text(lang: Lang, rel: String, source: PathBuf, src: &str) -> (Page, Vec<Diagnostic>) {
    // CommonMark: a NUL is replaced by U+FFFD, so none reaches HTML or YAML; done here, the
    // one place page text is parsed, so front matter, body and the fuzz targets all see it.
    let src: std::borrow::Cow<str> = if src.contains('\0') { src.replace('\0', "\u{fffd}").into() } else { src.into() };
    let mut errors = Vec::new();
    let (fm, body, body_line) = split_front_matter(&src).unwrap_or_else(|(line, msg)| {
        errors.push(Diagnostic::error_said(Code::FrontMatter, &source, msg).at(Some(line), None));
        ("", "", 1)
    });
    let front = if errors.is_empty() { read_front(fm, &source, &mut errors) } else { None };
    let lang_rel = &rel[lang.len() + 1..];
    let (dir, file) = lang_rel.rsplit_once('/').unwrap_or(("", lang_rel));
    let kind = match (file, dir) {
        ("_index.md", "") => PageKind::Home,
        ("_index.md", _) => PageKind::Section,
        _ => PageKind::Page,
    };
    let front = front.map_or_else(FrontMatter::default, |(mut front, wrong)| {
        // A title that did not read, or is not written, is reported already.
        let title_read = !wrong.iter().any(|w| w == "title") && super::keys::line_of(fm, "title", 2).is_some();
        check_values(&mut front, kind, title_read, fm, &source, &mut errors);
        front
    });
    errors.sort_by_key(|d| (d.line, d.col));
    let page = Page {
        dir: dir.to_string(),
        lang,
        rel,
        source,
        kind,
        front,
        front_src: fm.to_string(),
        body: body.to_string(),
        body_line,
        url: String::new(),
        parent: None,
        children: Vec::new(),
        translations: BTreeMap::new(),
    };
    (page, errors)
}

/// The front matter `fm` (line 2 of the file on), read as far as it goes: each mistake
/// goes to `errors` and leaves its key at the default. serde stops at the first wrong key,
/// so a front matter that does not read whole is read again one key at a time. Returns it
/// with the keys that did not read; None when it has no keys (not YAML, or not a mapping).
fn read_front(fm: &str, source: &Path, errors: &mut Vec<Diagnostic>) -> Option<(FrontMatter, Vec<String>)> {
    let read = |keep: &dyn Fn(&str) -> bool| read_keys(fm, source, keep);
    // The usual case, a front matter without mistakes, is read once.
    let saw_title = std::cell::Cell::new(false);
    let whole = read(&|k| {
        saw_title.set(saw_title.get() || k == "title");
        true
    });
    let (front, wrong) = match whole {
        Ok(front) => (front, Vec::new()),
        Err(d) => {
            // Not YAML, or not a mapping: there are no keys to read one by one.
            let Some(keys) = yaml::top_keys(fm) else {
                errors.push(front_matter_error(fm, d));
                return None;
            };
            saw_title.set(keys.iter().any(|k| k == "title"));
            by_key(fm, source, &keys, errors)
        }
    };
    // A misspelt title (`titel`) is reported as such, not again as a missing one.
    let misspelt = errors.iter().any(|d| d.hint.as_deref() == Some("did you mean `title`?"));
    if !saw_title.get() && !misspelt {
        let first = yaml::top_keys(fm).and_then(|keys| keys.first().cloned());
        let at = first.and_then(|k| yaml::position(fm, &[yaml::key(&k)])).unwrap_or((1, 1));
        let d = Diagnostic::error_said(Code::FrontMatter, source, Said::new("content-missing-title", &[]))
            .at(Some(at.0 + 1), Some(at.1));
        errors.push(front_matter_error(fm, d));
    }
    Some((front, wrong))
}

/// The front matter `fm` with only the top-level keys `keep` accepts.
fn read_keys(fm: &str, source: &Path, keep: &dyn Fn(&str) -> bool) -> Result<FrontMatter, Diagnostic> {
    yaml::parse_only(fm, source, 2, Code::FrontMatter, keep)
}

/// Reads each of `keys` (the top-level keys of `fm`, as written) on its own, then the
/// front matter without the wrong ones; returns it and the wrong keys.
fn by_key(fm: &str, source: &Path, keys: &[String], errors: &mut Vec<Diagnostic>) -> (FrontMatter, Vec<String>) {
    let read = |keep: &dyn Fn(&str) -> bool| read_keys(fm, source, keep);
    let mut wrong: Vec<String> = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for written in keys {
        // A key and its other spelling are read together, so writing both is caught.
        let key = super::keys::canonical(written);
        if done.contains(&key) {
            continue;
        }
        done.push(key);
        if let Err(mut d) = read(&|k| super::keys::canonical(k) == key) {
            // Raised on the key itself, not by the reader: the key's own place.
            if d.message.starts_with("unknown field") {
                if let Some((line, col)) = yaml::position(fm, &[yaml::key(written)]) {
                    d = d.at(Some(line + 1), Some(col));
                }
            }
            errors.push(front_matter_error(fm, d));
            wrong.push(key.to_string());
        }
    }
    let front = read(&|k| !wrong.iter().any(|w| w == super::keys::canonical(k))).unwrap_or_else(|d| {
        errors.push(front_matter_error(fm, d));
        FrontMatter::default()
    });
    (front, wrong)
}

/// The checks on values that read as their type, each mistake reported and its value
/// left at the default, so the page can still be linked to and the other checks run.
fn check_values(
    front: &mut FrontMatter,
    kind: PageKind,
    title_read: bool,
    fm: &str,
    source: &Path,
    errors: &mut Vec<Diagnostic>,
) {
    let locate = |key: &str| super::keys::value_at(fm, key, &[], 2);
    let mut fail = |msg: Said, at: Option<(usize, usize)>| {
        errors.push(Diagnostic::error_said(Code::FrontMatter, source, msg).at_point(at));
    };
    trim_texts(front);
    // Zola writes the built-in tags as a taxonomy: `taxonomies: { tags: [...] }`.
    if let Some(tags) = front.taxonomies.remove("tags") {
        if front.tags.is_empty() {
            front.tags = tags;
        } else {
            fail(Said::new("content-tags-twice", &[]), locate("tags"));
        }
    }
    if front.title.is_empty() && title_read {
        fail(Said::new("content-title-empty", &[]), locate("title"));
    }
    for (key, value) in [("date", &mut front.date), ("updated", &mut front.updated)] {
        if let Some(date) = value.as_deref() {
            match super::date::normalize(date) {
                Ok(normal) => *value = Some(normal),
                Err(want) => {
                    fail(Said::new("bad-date", &[("key", key), ("want", want), ("value", date)]), locate(key));
                    *value = None;
                }
            }
        }
    }
    if front.report.is_some() && kind != PageKind::Section {
        fail(Said::new("content-report-not-section", &[]), super::keys::key_at(fm, "report", 2));
        front.report = None;
    }
    if let Some(report) = front.report.as_mut() {
        if let Some(date) = report.date.take() {
            // A report is as of a day, which roadmap due dates are compared with.
            match super::date::normalize(&date) {
                Ok(normal) => report.date = Some(normal[..10].to_string()),
                Err(want) => {
                    let msg = Said::new("bad-date", &[("key", "report.date"), ("want", want), ("value", &date)]);
                    fail(msg, super::keys::value_at(fm, "report", &[yaml::key("date")], 2));
                }
            }
        }
    }
    if front.sort_by.is_some() && kind == PageKind::Page {
        fail(Said::new("content-sort-by-on-page", &[]), super::keys::key_at(fm, "sort_by", 2));
        front.sort_by = None;
    }
}

/// The error of front matter that did not parse, with a hint on what to do: a missing
/// title, a key written in both its spellings, or an unknown key.
fn front_matter_error(fm: &str, d: Diagnostic) -> Diagnostic {
    if let Some((msg, line)) = super::keys::both_spellings(fm, &d.message, 2) {
        return d.said(msg).at(Some(line), None);
    }
    if let Some(hint) = super::keys::unknown_key_hint(&d.message) {
        return d.hint_said(hint);
    }
    let said = if d.message.starts_with("missing field `title`") {
        Said::new("front-matter-needs-title", &[])
    } else {
        Said::new("front-matter-is-yaml", &[("keys", &super::keys::front_matter_keys().join(", "))])
    };
    d.hint_said(said)
}

/// Texts shown on one line (titles, meta tags, kit posters) lose the whitespace around them:
/// a folded `description: >` ends in a newline, which would reach every meta tag.
fn trim_texts(front: &mut FrontMatter) {
    let trim = |s: &mut String| *s = s.trim().to_string();
    trim(&mut front.title);
    front.description = front.description.take().map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    // A kit's figures are cells of its CSV, kept as written so that export guards them.
    if let Some(c) = front.campaign.as_mut() {
        trim(&mut c.message);
    }
    if let Some(r) = front.report.as_mut() {
        trim(&mut r.period);
        trim(&mut r.organization);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_body_lines() {
        let (fm, body, line) = split_front_matter("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!((fm, body, line), ("title: a\n", "body\n", 4));
        assert_eq!(split_front_matter("title: a\n").unwrap_err().0, 1);
        let unclosed = split_front_matter("---\ntitle: a\n").unwrap_err().1;
        assert!(crate::messages::english(&unclosed).contains("never closed"));
    }

    #[test]
    fn a_nul_becomes_the_replacement_character_in_front_matter_and_body() {
        let src = "---\ntitle: \"a\0b\"\ntags: [\"x\0\"]\n---\nuno\0dos\n";
        let page = parse_page_text("es".into(), "es/a.md".into(), "a.md".into(), src).unwrap();
        assert_eq!(page.front.title, "a\u{fffd}b");
        assert_eq!(page.front.tags, ["x\u{fffd}"]);
        assert_eq!((page.body.as_str(), page.body_line), ("uno\u{fffd}dos\n", 5));
    }

    #[test]
    fn front_matter_errors_point_at_their_key() {
        let err = parse_page_text("es".into(), "es/a.md".into(), "a.md".into(), "---\ntitle: a\ndate: ayer\n---\n")
            .unwrap_err();
        assert_eq!((err.code, err.line), (Code::FrontMatter, Some(3)));
        let page = parse_page_text("es".into(), "es/x/_index.md".into(), "a.md".into(), "---\ntitle: a\n---\nb\n");
        assert_eq!(page.unwrap().kind, PageKind::Section);
    }

    #[test]
    fn a_page_with_mistakes_comes_back_with_all_of_them_and_its_wrong_keys_at_their_defaults() {
        let src = "---\ntitle: a\nweight: x\ndate: ayer\nlastmod: 2025-01-01\nupdated: 2025-01-02\ndescripcion: b\ntags: [t]\n---\n";
        let (page, errors) = read_page_text("es".into(), "es/a.md".into(), "a.md".into(), src);
        let lines: Vec<Option<usize>> = errors.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(6), Some(7)], "{errors:#?}");
        assert!(errors[2].message.contains("`lastmod` is another spelling of `updated`"), "{errors:#?}");
        assert_eq!(errors[3].hint.as_deref(), Some("did you mean `description`?"));
        let f = &page.front;
        assert_eq!((f.title.as_str(), f.weight, f.date.as_deref(), f.updated.as_deref()), ("a", 0, None, None));
        assert_eq!(f.tags, ["t"]);
    }
}
