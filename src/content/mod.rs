//! Content discovery: walks `content/<lang>/`, parses front matter, and resolves what the
//! file tree implies: page kinds, localized URLs, sections and their children, and which
//! pages translate each other. Markdown bodies are kept as text; `markdown` renders them.

mod date;
mod keys;
mod page;
mod tree;

pub(crate) use date::{is_valid_date, rfc3339, sort_key as date_key};
pub(crate) use page::parse_page_text;
pub(crate) use page::{parse_page, CampaignFigure, FrontMatter, Page, PageKind, ReportMeta, ReportStatus, SortBy};
pub(crate) use tree::sort_children;

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A page of the site: its index in `Content::pages`, stable for the life of a loaded site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PageId(pub(crate) usize);

/// A file beside the pages (image, PDF), copied to the folder of its page or section.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    pub(crate) source: PathBuf,
    pub(crate) url: String,
}

/// What a content-relative source path (`es/comision.md`) resolves to, for Markdown links.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    Page(PageId),
    /// Index into `Content::assets`.
    Asset(usize),
}

#[derive(Debug, Default)]
pub(crate) struct Content {
    pub(crate) pages: Vec<Page>,
    pub(crate) assets: Vec<Asset>,
    pub(crate) by_source: HashMap<String, Target>,
    /// What each published URL (`es/guia/`, `es/guia/foto.jpg`, no base path) shows, for
    /// links written as URLs.
    pub(crate) by_url: HashMap<String, Target>,
    /// Source paths of drafts left out of this build, so links to them can say why.
    pub(crate) drafts: HashSet<String>,
    /// Source paths of pages whose front matter has mistakes (already reported; the page is
    /// kept with the wrong keys at their defaults), so checks that depend on them can stay
    /// quiet instead of piling up follow-on errors.
    pub(crate) unreadable: HashSet<String>,
}

impl std::ops::Index<PageId> for Content {
    type Output = Page;
    fn index(&self, id: PageId) -> &Page {
        &self.pages[id.0]
    }
}

impl std::ops::IndexMut<PageId> for Content {
    fn index_mut(&mut self, id: PageId) -> &mut Page {
        &mut self.pages[id.0]
    }
}

impl Content {
    /// A site of the given pages, already placed: for rendering one page on its own.
    pub(crate) fn of_pages(pages: Vec<Page>) -> Content {
        let mut content = Content { pages, ..Content::default() };
        for (i, page) in content.pages.iter().enumerate() {
            content.by_source.insert(page.rel.clone(), Target::Page(PageId(i)));
        }
        content.index_urls();
        content
    }

    /// Fills `by_url` from the pages' and assets' URLs; of two at one URL (an error
    /// reported already), the first.
    fn index_urls(&mut self) {
        let pages = self.pages.iter().enumerate().map(|(i, p)| (&p.url, Target::Page(PageId(i))));
        let assets = self.assets.iter().enumerate().map(|(i, a)| (&a.url, Target::Asset(i)));
        for (url, target) in pages.chain(assets) {
            self.by_url.entry(url.clone()).or_insert(target);
        }
    }

    /// A site path (`/es/guia?x#y`) to a page written without its folder's final slash, with
    /// it (`/es/guia/?x#y`), as a link to the page by its file would be; None otherwise.
    pub(crate) fn slashed_page_path(&self, site_path: &str) -> Option<String> {
        let end = site_path.find(['#', '?']).unwrap_or(site_path.len());
        let (path, tail) = site_path.split_at(end);
        let rooted = path.strip_prefix('/')?;
        if rooted.is_empty() || rooted.ends_with('/') {
            return None;
        }
        let slashed = format!("{}/", crate::urls::percent_decode_lossy(rooted));
        matches!(self.by_url.get(&slashed), Some(Target::Page(_))).then(|| format!("{path}/{tail}"))
    }

    pub(crate) fn ids(&self) -> impl Iterator<Item = PageId> {
        (0..self.pages.len()).map(PageId)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.pages.iter().enumerate().map(|(i, p)| (PageId(i), p))
    }

    pub(crate) fn len(&self) -> usize {
        self.pages.len()
    }

    /// The page a content-relative source path (`es/comision.md`) names.
    pub(crate) fn page_at(&self, rel: &str) -> Option<PageId> {
        match self.by_source.get(rel) {
            Some(Target::Page(p)) => Some(*p),
            _ => None,
        }
    }

    /// The report a page is a chapter of: its parent section, when that is a report.
    pub(crate) fn report_of(&self, id: PageId) -> Option<PageId> {
        let parent = self[id].parent?;
        (self[id].kind == PageKind::Page && self[parent].front.report.is_some()).then_some(parent)
    }

    /// The chapters of a report, in order.
    pub(crate) fn chapters(&self, report: PageId) -> impl Iterator<Item = PageId> + '_ {
        self[report].children.iter().copied().filter(|&c| self[c].kind == PageKind::Page)
    }

    /// Whether the `_index.md` of the page's own folder failed to parse: what the page is
    /// part of (a report, say) is unknown, and was reported there.
    pub(crate) fn section_unreadable(&self, id: PageId) -> bool {
        let rel = &self[id].rel;
        let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
        self.unreadable.contains(&format!("{dir}/_index.md"))
    }

    /// The pages of one language.
    pub(crate) fn in_lang<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = (PageId, &'a Page)> + 'a {
        self.iter().filter(move |(_, p)| p.lang == lang)
    }
}

pub(crate) struct LoadOptions {
    pub(crate) drafts: bool,
}

/// Files found under content/: (language, path under content/, full path).
type Found = Vec<(String, String, PathBuf)>;

/// Walks `content/` and resolves pages, URLs, sections and translations.
pub(crate) fn load(root: &Path, config: &Config, opts: &LoadOptions) -> (Content, Vec<Diagnostic>) {
    let content_dir = root.join("content");
    let mut diags = Vec::new();
    let (md_files, asset_files) = walk(root, &content_dir, config, &mut diags);
    if !content_dir.is_dir() {
        return (Content::default(), diags); // reported by the walk; nothing else to say
    }
    let parsed: Vec<_> =
        md_files.into_par_iter().map(|(lang, rel, path)| (rel.clone(), parse_page(lang, rel, path))).collect();
    let mut content = Content::default();
    for (rel, (page, errors)) in parsed {
        // A page with mistakes stays in the tree, so links to it are not reported as well.
        if !errors.is_empty() {
            diags.extend(errors);
            content.unreadable.insert(rel);
        }
        match page {
            Some(page) if page.front.draft && !opts.drafts => {
                content.drafts.insert(page.rel);
            }
            Some(page) => content.pages.push(page),
            None => {}
        }
    }
    let slugs = tree::resolve_urls(&mut content, &mut diags);
    for (lang, rel, source) in asset_files {
        let (dir, name) = rel[lang.len() + 1..].rsplit_once('/').unwrap_or(("", &rel[lang.len() + 1..]));
        let url = format!("{}{}", crate::urls::folder_url(&slugs, &lang, dir), name);
        content.by_source.insert(rel, Target::Asset(content.assets.len()));
        content.assets.push(Asset { source, url });
    }
    content.index_urls();
    tree::link_sections(&mut content, config, &mut diags);
    tree::link_translations(&mut content, &mut diags);
    (content, diags)
}

/// The Markdown files and the other files of content/, in sorted order; hidden files are
/// skipped, and links and special files as `sources::walk` decides.
fn walk(root: &Path, content_dir: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> (Found, Found) {
    let mut md_files = Vec::new();
    let mut asset_files = Vec::new();
    // A missing content/ is reported by the walk itself.
    if let Err(d) = crate::sources::dir_exists(root, content_dir) {
        diags.push(d);
        return (md_files, asset_files);
    }
    for found in crate::sources::walk(root, content_dir, &|name| name.starts_with('.'), diags) {
        let lang = found.rel.split('/').next().unwrap_or("").to_string();
        if found.depth == 1 {
            diags.extend(language_folder(&found.path, found.is_dir, &lang, config));
            continue;
        }
        if !config.languages.contains(&lang) || found.is_dir {
            continue;
        }
        if found.rel.ends_with(".md") {
            md_files.push((lang, found.rel, found.path));
        } else if !is_clutter(found.rel.rsplit('/').next().unwrap_or("")) {
            asset_files.push((lang, found.rel, found.path));
        }
    }
    (md_files, asset_files)
}

/// Files that keep an empty folder in git or that an operating system leaves behind:
/// never published from static/ or beside pages. Deliberate dotfiles (`.well-known/`,
/// `.nojekyll`) are published. Windows names are matched in any case, as Windows does.
pub(crate) fn is_clutter(name: &str) -> bool {
    const EXACT: &[&str] = &[".gitkeep", ".keep", ".DS_Store"];
    const ANY_CASE: &[&str] = &["Thumbs.db", "ehthumbs.db", "desktop.ini"];
    // `._name`: the resource forks macOS writes beside files on FAT and network drives.
    EXACT.contains(&name) || ANY_CASE.iter().any(|c| c.eq_ignore_ascii_case(name)) || name.starts_with("._")
}

/// What is wrong with an entry at the top of content/, which must be a declared language's folder.
fn language_folder(path: &Path, is_dir: bool, lang: &str, config: &Config) -> Option<Diagnostic> {
    use crate::messages::Said;
    if !is_dir {
        return Some(Diagnostic::error_said(Code::ContentLayout, path, Said::new("content-outside-language", &[])));
    }
    if config.languages.iter().any(|l| l == lang) {
        return None;
    }
    Some(
        Diagnostic::error_said(
            Code::UndeclaredLanguage,
            path,
            Said::new("content-undeclared-language", &[("lang", lang)]),
        )
        .hint_said(Said::new(
            "content-undeclared-language-hint",
            &[("lang", lang), ("languages", &config.languages.join(", "))],
        )),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_and_os_clutter_are_not_published() {
        let cases = [
            (".gitkeep", true),
            (".keep", true),
            (".DS_Store", true),
            ("Thumbs.db", true),
            ("thumbs.db", true),
            ("Desktop.ini", true),
            ("._foto.jpg", true),
            (".nojekyll", false),
            (".well-known", false),
            ("security.txt", false),
            ("foto.jpg", false),
            ("keep", false),
        ];
        for (name, clutter) in cases {
            assert_eq!(super::is_clutter(name), clutter, "{name}");
        }
    }
}
