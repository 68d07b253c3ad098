//! Content discovery: walks `content/<lang>/`, parses front matter, and resolves what the
//! file tree implies: page kinds, localized URLs, sections and their children, and which
//! pages translate each other. Markdown bodies are kept as text; `markdown` renders them.

use crate::config::{Config, Lang};
use crate::diagnostics::Diagnostic;
use crate::slug::slugify;
use crate::yaml;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub date: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub tags: Vec<String>,
    pub template: Option<String>,
    pub translation_key: Option<String>,
    pub sort_by: Option<SortBy>,
    /// Makes a section an accountability report; its pages are the chapters.
    pub report: Option<ReportMeta>,
    /// Last substantive change (YYYY-MM-DD), for the sitemap and feeds.
    pub updated: Option<String>,
    /// Old addresses of this page, kept working as redirects: paths under the page's
    /// language (`campanas/linea-gratuita`) or full site paths (`/es/campanas/linea-gratuita/`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// On a section's `_index.md`: publish an Atom feed of its pages.
    #[serde(default)]
    pub feed: bool,
    /// The image shown when the page is shared: a site path such as `/es/campanas/afiche.png`.
    pub image: Option<String>,
    /// Terms of the site's taxonomies: `{ region: [Piura], audience: [docentes] }`.
    #[serde(default)]
    pub taxonomies: BTreeMap<String, Vec<String>>,
    /// Makes the page a campaign with a printable kit (posters, flyer, social card).
    pub campaign: Option<Campaign>,
}

/// `campaign:` in front matter: what the kit prints besides the page title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// The key message, one or two sentences.
    pub message: String,
    /// Key figures, at most four: written out, or the latest value of an indicator.
    #[serde(default)]
    pub figures: Vec<CampaignFigure>,
    /// Added to the ready-to-paste posts: `["#1818", "#NoALaTrata"]`.
    #[serde(default)]
    pub hashtags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignFigure {
    pub value: Option<String>,
    pub label: Option<String>,
    pub source: Option<String>,
    /// An indicator id: its latest total, title and source.
    pub indicator: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    pub year: i32,
    /// The period covered, in the page's language: "enero a diciembre de 2025".
    pub period: String,
    pub organization: String,
    #[serde(default)]
    pub status: ReportStatus,
    /// Documents the report cites besides the sources of its indicators.
    #[serde(default)]
    pub references: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportStatus {
    #[default]
    Draft,
    Final,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Newest first.
    Date,
    Weight,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `content/<lang>/_index.md`
    Home,
    /// `_index.md` in a folder: a list page for the folder.
    Section,
    Page,
}

impl PageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::Home => "home",
            PageKind::Section => "section",
            PageKind::Page => "page",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    /// Absolute path of the Markdown file.
    pub source: PathBuf,
    /// Path under `content/`, `/`-separated: `es/campanas/linea-1818.md`.
    pub rel: String,
    /// Folder of the file under `content/<lang>/`, `/`-separated, `""` at the top.
    pub dir: String,
    pub kind: PageKind,
    pub front: FrontMatter,
    /// The front matter text, kept to locate keys for later diagnostics.
    pub front_src: String,
    pub body: String,
    /// Line of the file where `body` starts.
    pub body_line: usize,
    /// Site-relative URL path, no leading slash, ending in `/`: `es/campanas/linea-1818/`.
    pub url: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Every page in this page's translation group, this one included.
    pub translations: BTreeMap<Lang, usize>,
}

impl Page {
    pub fn key_line(&self, key: &str) -> Option<usize> {
        yaml::locate(&self.front_src, &[key], 2)
    }

    /// Where this page's HTML is written, relative to the output folder.
    pub fn output_path(&self) -> String {
        format!("{}index.html", self.url)
    }

    /// The folder this page's relative links and bundled files resolve against.
    fn lang_rel(&self) -> &str {
        &self.rel[self.lang.len() + 1..]
    }
}

/// A file beside the pages (image, PDF), copied to the folder of its page or section.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    pub url: String,
}

/// What a content-relative source path (`es/comision.md`) resolves to, for Markdown links.
#[derive(Debug, Clone)]
pub enum Target {
    Page(usize),
    /// Index into `Content::assets`.
    Asset(usize),
}

#[derive(Debug, Default)]
pub struct Content {
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
    pub by_source: HashMap<String, Target>,
    /// Source paths of drafts left out of this build, so links to them can say why.
    pub drafts: HashSet<String>,
    /// Source paths of pages that failed to parse (already reported), so checks that
    /// depend on them can stay quiet instead of piling up follow-on errors.
    pub unreadable: HashSet<String>,
}

impl Content {
    /// The report a page is a chapter of: its parent section, when that is a report.
    pub fn report_of(&self, i: usize) -> Option<usize> {
        let parent = self.pages[i].parent?;
        (self.pages[i].kind == PageKind::Page && self.pages[parent].front.report.is_some()).then_some(parent)
    }

    /// Whether the `_index.md` of the page's own folder failed to parse: what the page is
    /// part of (a report, say) is unknown, and was reported there.
    pub fn section_unreadable(&self, i: usize) -> bool {
        let rel = &self.pages[i].rel;
        let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
        self.unreadable.contains(&format!("{dir}/_index.md"))
    }

    pub fn home(&self, lang: &str) -> Option<usize> {
        self.pages.iter().position(|p| p.lang == lang && p.kind == PageKind::Home)
    }
}

/// Reads a text file: BOM stripped, CRLF turned into LF, invalid UTF-8 reported with its line.
pub fn read_utf8(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::error("io", path, format!("cannot read: {e}")))?;
    utf8_text(bytes, path)
}

/// `read_utf8` for bytes already in memory (theme files); `path` names them in diagnostics.
pub fn utf8_text(bytes: Vec<u8>, path: &Path) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let good = e.utf8_error().valid_up_to();
            let (line, col) = crate::diagnostics::line_col(std::str::from_utf8(&bytes[..good]).unwrap_or(""), good);
            return Err(Diagnostic::error("not-utf8", path, "the file is not UTF-8 text")
                .at(Some(line), Some(col))
                .hint("save the file as UTF-8 in your editor (\"Save with encoding\" > UTF-8)"));
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    Ok(if text.contains('\r') { text.replace("\r\n", "\n") } else { text })
}

/// Splits `---` front matter from the body. Returns (front matter, body, body's first line).
pub fn split_front_matter(src: &str) -> Result<(&str, &str, usize), (usize, String)> {
    let rest = src
        .strip_prefix("---\n")
        .or_else(|| (src.trim_end() == "---").then_some(""))
        .ok_or((1, "the file must begin with front matter between `---` lines, with at least a `title`".to_string()))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let body = &rest[offset + line.len()..];
            return Ok((&rest[..offset], body, i + 3));
        }
        offset += line.len();
    }
    Err((1, "the front matter opened on line 1 is never closed by a `---` line".to_string()))
}

pub struct LoadOptions {
    pub drafts: bool,
}

/// Walks `content/` and resolves pages, URLs, sections and translations.
pub fn load(root: &Path, config: &Config, opts: &LoadOptions) -> (Content, Vec<Diagnostic>) {
    let content_dir = root.join("content");
    let mut diags = Vec::new();
    let mut md_files = Vec::new();
    let mut asset_files = Vec::new();

    let walker = walkdir::WalkDir::new(&content_dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| content_dir.clone());
                diags.push(Diagnostic::error("io", path, format!("cannot read: {e}")));
                continue;
            }
        };
        if entry.path_is_symlink() {
            // A link may lead anywhere on the machine: publish it only if it stays in the site.
            let site_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
            let inside = std::fs::canonicalize(entry.path()).is_ok_and(|t| t.starts_with(&site_root));
            if !inside || entry.path().is_dir() {
                diags.push(
                    Diagnostic::warning(
                        "symlink",
                        entry.path(),
                        "this link was skipped: it is broken, leads to a folder, or leads outside the site folder",
                    )
                    .hint("copy the file into content/ instead of linking to it"),
                );
                continue;
            }
        }
        let rel = rel_path(&content_dir, entry.path());
        let lang = rel.split('/').next().unwrap_or("").to_string();
        if entry.depth() == 1 {
            if !entry.file_type().is_dir() {
                diags.push(Diagnostic::error(
                    "content-layout",
                    entry.path(),
                    "files in content/ must be inside a language folder such as content/es/",
                ));
            } else if !config.languages.contains(&lang) {
                diags.push(
                    Diagnostic::error(
                        "undeclared-language",
                        entry.path(),
                        format!(
                            "the folder content/{lang}/ is for language `{lang}`, which site.yaml does not declare"
                        ),
                    )
                    .hint(format!(
                        "add `{lang}` to `languages` in site.yaml, or rename the folder to one of: {}",
                        config.languages.join(", ")
                    )),
                );
            }
            continue;
        }
        if !config.languages.contains(&lang) || entry.file_type().is_dir() {
            continue;
        }
        if rel.ends_with(".md") {
            md_files.push((lang, rel, entry.into_path()));
        } else {
            asset_files.push((lang, rel, entry.into_path()));
        }
    }

    if !content_dir.is_dir() {
        return (Content::default(), diags); // reported by the walk; nothing else to say
    }
    let parsed: Vec<(String, Result<Page, Diagnostic>)> =
        md_files.into_par_iter().map(|(lang, rel, path)| (rel.clone(), parse_page(lang, rel, path))).collect();
    let mut pages = Vec::new();
    let mut drafts = HashSet::new();
    let mut unreadable = HashSet::new();
    for (rel, p) in parsed {
        match p {
            Ok(page) if page.front.draft && !opts.drafts => {
                drafts.insert(page.rel);
            }
            Ok(page) => pages.push(page),
            Err(d) => {
                diags.push(d);
                unreadable.insert(rel);
            }
        }
    }

    let mut content = Content { pages, drafts, unreadable, ..Content::default() };
    let slugs = resolve_urls(&mut content, &mut diags);
    for (lang, rel, source) in asset_files {
        let (dir, name) = rel[lang.len() + 1..].rsplit_once('/').unwrap_or(("", &rel[lang.len() + 1..]));
        let url = format!("{}{}", dir_url(&slugs, &lang, dir), name);
        content.by_source.insert(rel, Target::Asset(content.assets.len()));
        content.assets.push(Asset { source, url });
    }
    link_sections(&mut content, config, &mut diags);
    link_translations(&mut content, &mut diags);
    (content, diags)
}

fn rel_path(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Reads one Markdown file; URL, section and translations are resolved by `load`.
pub fn parse_page(lang: Lang, rel: String, source: PathBuf) -> Result<Page, Diagnostic> {
    let src = read_utf8(&source)?;
    parse_page_text(lang, rel, source, &src)
}

/// `parse_page` on text already read (`source` only names the file in diagnostics).
pub fn parse_page_text(lang: Lang, rel: String, source: PathBuf, src: &str) -> Result<Page, Diagnostic> {
    let (fm, body, body_line) = split_front_matter(src)
        .map_err(|(line, msg)| Diagnostic::error("front-matter", &source, msg).at(Some(line), None))?;
    let front: FrontMatter = yaml::parse(fm, &source, 2, "front-matter").map_err(|d| {
        let hint = if d.message.starts_with("missing field `title`") {
            "every page needs a title: add a line `title: \"...\"` between the `---` lines"
        } else {
            "front matter is YAML: check quotes, colons and indentation; allowed keys are title, description, date, updated, draft, slug, weight, tags, taxonomies, image, template, translation_key, sort_by, report, aliases, feed"
        };
        d.hint(hint)
    })?;
    let locate = |key: &str| yaml::locate(fm, &[key], 2);
    if front.title.trim().is_empty() {
        return Err(Diagnostic::error("front-matter", &source, "`title` is empty").at(locate("title"), None));
    }
    for (key, value) in [("date", &front.date), ("updated", &front.updated)] {
        if let Some(date) = value.as_ref().filter(|d| !is_valid_date(d)) {
            return Err(Diagnostic::error(
                "front-matter",
                &source,
                format!("`{key}` must be a date written YYYY-MM-DD, not `{date}`"),
            )
            .at(locate(key), None));
        }
    }
    let lang_rel = &rel[lang.len() + 1..];
    let (dir, file) = lang_rel.rsplit_once('/').unwrap_or(("", lang_rel));
    let kind = match (file, dir) {
        ("_index.md", "") => PageKind::Home,
        ("_index.md", _) => PageKind::Section,
        _ => PageKind::Page,
    };
    if front.report.is_some() && kind != PageKind::Section {
        return Err(Diagnostic::error(
            "front-matter",
            &source,
            "`report` belongs in the `_index.md` of a report's folder; its other pages are the chapters",
        )
        .at(locate("report"), None));
    }
    if front.sort_by.is_some() && kind == PageKind::Page {
        return Err(Diagnostic::error("front-matter", &source, "`sort_by` only applies to a section's `_index.md`")
            .at(locate("sort_by"), None));
    }
    Ok(Page {
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
    })
}

/// A calendar date written YYYY-MM-DD: `2025-02-30` is not one.
pub fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let [y, m, d] = parts[..] else { return false };
    let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else { return false };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Folder slugs set by index pages (`_index.md` or `index.md`), keyed by (lang, folder).
type DirSlugs = HashMap<(String, String), String>;

/// The URL segment a folder contributes: its index page's `slug`, or its folder name.
fn dir_segment(slugs: &DirSlugs, lang: &str, dir: &str) -> String {
    let name = dir.rsplit('/').next().unwrap_or(dir);
    slugify(slugs.get(&(lang.to_string(), dir.to_string())).map_or(name, String::as_str))
}

fn is_index(p: &Page) -> bool {
    p.rel.ends_with("/_index.md") || p.rel.ends_with("/index.md")
}

fn dir_url(slugs: &DirSlugs, lang: &str, dir: &str) -> String {
    if dir.is_empty() {
        return format!("{lang}/");
    }
    let parent = dir.rsplit_once('/').map_or("", |(p, _)| p);
    format!("{}{}/", dir_url(slugs, lang, parent), dir_segment(slugs, lang, dir))
}

fn empty_slug(page: &Page) -> Diagnostic {
    Diagnostic::error("empty-slug", &page.source, "the slug is empty: give the page a `slug` made of letters or digits")
        .at(page.key_line("slug"), None)
}

fn resolve_urls(content: &mut Content, diags: &mut Vec<Diagnostic>) -> DirSlugs {
    let mut urls = Vec::with_capacity(content.pages.len());
    let mut index_of_dir: HashMap<(String, String), usize> = HashMap::new();
    let mut slugs = DirSlugs::new();
    for (i, page) in content.pages.iter().enumerate() {
        if is_index(page) {
            let key = (page.lang.clone(), page.dir.clone());
            if let Some(&other) = index_of_dir.get(&key) {
                diags.push(Diagnostic::error("duplicate-index", &page.source, format!("this folder already has content/{}; a folder is either a section (`_index.md`) or a page bundle (`index.md`), not both", content.pages[other].rel)));
            }
            if let Some(slug) = &page.front.slug {
                if slugify(slug).is_empty() {
                    diags.push(empty_slug(page));
                } else {
                    slugs.insert(key.clone(), slug.clone());
                }
            }
            index_of_dir.insert(key, i);
        }
    }
    for page in &content.pages {
        let url = if is_index(page) || page.kind == PageKind::Home {
            dir_url(&slugs, &page.lang, &page.dir)
        } else {
            let stem = page.lang_rel().rsplit('/').next().unwrap_or("").trim_end_matches(".md");
            let slug = slugify(page.front.slug.as_deref().unwrap_or(stem));
            if slug.is_empty() {
                diags.push(empty_slug(page));
            }
            format!("{}{}/", dir_url(&slugs, &page.lang, &page.dir), slug)
        };
        urls.push(url);
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, url) in urls.iter().enumerate() {
        if let Some(&first) = seen.get(url.as_str()) {
            let (a, b) = (&content.pages[first], &content.pages[i]);
            diags.push(
                Diagnostic::error(
                    "duplicate-url",
                    &b.source,
                    format!("this page and content/{} both write the URL /{url}", a.rel),
                )
                .at(b.key_line("slug"), None)
                .hint("give one of them a different `slug`"),
            );
        } else {
            seen.insert(url, i);
        }
    }
    for (page, url) in content.pages.iter_mut().zip(urls) {
        page.url = url;
    }
    for (i, page) in content.pages.iter().enumerate() {
        content.by_source.insert(page.rel.clone(), Target::Page(i));
    }
    slugs
}

fn link_sections(content: &mut Content, config: &Config, diags: &mut Vec<Diagnostic>) {
    let sections: HashMap<(String, String), usize> = content
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.kind, PageKind::Home | PageKind::Section))
        .map(|(i, p)| ((p.lang.clone(), p.dir.clone()), i))
        .collect();
    for lang in &config.languages {
        if !sections.contains_key(&(lang.clone(), String::new())) {
            diags.push(
                Diagnostic::error(
                    "missing-home",
                    Path::new("content").join(lang),
                    format!("language `{lang}` has no home page; every language in site.yaml needs one"),
                )
                .hint(format!("create content/{lang}/_index.md with a `title`")),
            );
        }
    }
    for i in 0..content.pages.len() {
        let page = &content.pages[i];
        if page.kind == PageKind::Home {
            continue;
        }
        // A section or bundle starts looking one folder up; a plain page in its own folder.
        let mut dir = if is_index(page) { parent_dir(&page.dir) } else { Some(page.dir.as_str()) };
        while let Some(d) = dir {
            if let Some(&s) = sections.get(&(page.lang.clone(), d.to_string())) {
                content.pages[i].parent = Some(s);
                content.pages[s].children.push(i);
                break;
            }
            dir = parent_dir(d);
        }
    }
    for s in 0..content.pages.len() {
        sort_children(content, s);
    }
}

/// Orders a section's pages as its `sort_by` says.
pub fn sort_children(content: &mut Content, s: usize) {
    let sort_by = content.pages[s].front.sort_by;
    let mut children = std::mem::take(&mut content.pages[s].children);
    let pages = &content.pages;
    children.sort_by(|&a, &b| {
        let (a, b) = (&pages[a].front, &pages[b].front);
        let by_title = || a.title.cmp(&b.title);
        let newest = || b.date.cmp(&a.date);
        // Reports list newest year first, whatever else the section sorts by.
        if let (Some(ra), Some(rb)) = (&a.report, &b.report) {
            return rb.year.cmp(&ra.year).then_with(by_title);
        }
        match sort_by {
            Some(SortBy::Date) => newest().then_with(by_title),
            Some(SortBy::Title) => by_title(),
            Some(SortBy::Weight) | None => a.weight.cmp(&b.weight).then_with(newest).then_with(by_title),
        }
    });
    content.pages[s].children = children;
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(p, _)| p))
    }
}

/// Groups pages that translate each other: same path under their language folders, or the
/// same `translation_key`. A group may hold at most one page per language.
fn link_translations(content: &mut Content, diags: &mut Vec<Diagnostic>) {
    let n = content.pages.len();
    let mut uf = UnionFind::new(n);
    let mut by_path: HashMap<&str, usize> = HashMap::new();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    let mut key_in_lang: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, page) in content.pages.iter().enumerate() {
        if let Some(&j) = by_path.get(page.lang_rel()) {
            uf.union(i, j);
        } else {
            by_path.insert(page.lang_rel(), i);
        }
        if let Some(key) = page.front.translation_key.as_deref() {
            if let Some(&j) = key_in_lang.get(&(page.lang.as_str(), key)) {
                diags.push(
                    Diagnostic::error(
                        "duplicate-translation-key",
                        &page.source,
                        format!(
                            "translation_key `{key}` is also used by content/{} in the same language",
                            content.pages[j].rel
                        ),
                    )
                    .at(page.key_line("translation_key"), None)
                    .hint("each language may have one page per translation_key"),
                );
                continue;
            }
            key_in_lang.insert((page.lang.as_str(), key), i);
            match by_key.get(key) {
                Some(&j) => uf.union(i, j),
                None => {
                    by_key.insert(key, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    for members in groups.values() {
        let mut map = BTreeMap::new();
        for &i in members {
            let page = &content.pages[i];
            if let Some(&j) = map.get(&page.lang) {
                let other: &Page = &content.pages[j];
                diags.push(
                    Diagnostic::error(
                        "ambiguous-translation",
                        &page.source,
                        format!(
                            "this page and content/{} are both translations of the same page in `{}`",
                            other.rel, page.lang
                        ),
                    )
                    .at(page.key_line("translation_key"), None)
                    .hint("give each page its own translation_key, or remove one"),
                );
                continue;
            }
            map.insert(page.lang.clone(), i);
        }
        for &i in members {
            content.pages[i].translations = map.clone();
        }
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
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
        assert!(split_front_matter("---\ntitle: a\n").unwrap_err().1.contains("never closed"));
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_valid_date("2022-06-01"));
        assert!(!is_valid_date("2022-13-01"));
        assert!(!is_valid_date("1 de junio"));
    }
}
