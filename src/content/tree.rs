//! What the file tree of content/ implies once its pages are parsed: each page's URL, the
//! section that lists it, its place among its siblings, and which pages translate it.

use super::{Content, Page, PageId, PageKind, SortBy, Target};
use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::slug::slugify;
use crate::urls::{folder_url, FolderSlugs};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

fn empty_slug(page: &Page) -> Diagnostic {
    Diagnostic::error_said(Code::EmptySlug, &page.source, Said::new("content-empty-slug", &[]))
        .at_point(page.value_at("slug"))
}

/// A `slug` with a character a web server would decode or cut: folding it to `-` would
/// publish an address the author did not write (`a%20b` as `a-20b`), so it is an error.
fn unsafe_slug(page: &Page) -> Option<Diagnostic> {
    let slug = page.front.slug.as_deref()?;
    let c = slug.chars().find(|&c| crate::urls::unsafe_path_char(c))?;
    let shown = if c.is_control() { c.escape_default().to_string() } else { c.to_string() };
    Some(
        Diagnostic::error_said(
            Code::UnsafePath,
            &page.source,
            Said::new("content-unsafe-slug", &[("slug", slug), ("char", &shown)]),
        )
        .at_point(page.value_at("slug"))
        .hint_said(Said::new("content-unsafe-slug-hint", &[])),
    )
}

/// Gives every page its URL; returns the folder slugs, which files beside pages follow too.
pub(super) fn resolve_urls(content: &mut Content, diags: &mut Vec<Diagnostic>) -> FolderSlugs {
    let mut index_of_dir: HashMap<(String, String), usize> = HashMap::new();
    let mut slugs = FolderSlugs::new();
    for (i, page) in content.pages.iter().enumerate() {
        if page.is_index() {
            let key = (page.lang.clone(), page.dir.clone());
            if let Some(&other) = index_of_dir.get(&key) {
                let said = Said::new("content-duplicate-index", &[("other", &content.pages[other].rel)]);
                diags.push(Diagnostic::error_said(Code::DuplicateIndex, &page.source, said));
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
    diags.extend(content.pages.iter().filter_map(unsafe_slug));
    let urls: Vec<String> = content.pages.iter().map(|page| page_url(page, &slugs, diags)).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, url) in urls.iter().enumerate() {
        if let Some(&first) = seen.get(url.as_str()) {
            let (a, b) = (&content.pages[first], &content.pages[i]);
            diags.push(
                Diagnostic::error_said(
                    Code::DuplicateUrl,
                    &b.source,
                    Said::new("content-duplicate-url", &[("other", &a.rel), ("url", url)]),
                )
                .at_point(b.value_at("slug"))
                .hint_said(Said::new("content-duplicate-url-hint", &[])),
            );
        } else {
            seen.insert(url, i);
        }
    }
    for (page, url) in content.pages.iter_mut().zip(urls) {
        page.url = url;
    }
    for (i, page) in content.pages.iter().enumerate() {
        content.by_source.insert(page.rel.clone(), Target::Page(PageId(i)));
    }
    slugs
}

fn page_url(page: &Page, slugs: &FolderSlugs, diags: &mut Vec<Diagnostic>) -> String {
    if page.is_index() || page.kind == PageKind::Home {
        return folder_url(slugs, &page.lang, &page.dir);
    }
    let stem = page.lang_rel().rsplit('/').next().unwrap_or("").trim_end_matches(".md");
    let slug = slugify(page.front.slug.as_deref().unwrap_or(stem));
    if slug.is_empty() {
        diags.push(empty_slug(page));
    }
    format!("{}{}/", folder_url(slugs, &page.lang, &page.dir), slug)
}

/// Puts every page under the nearest section above it; every language needs a home.
pub(super) fn link_sections(content: &mut Content, config: &Config, diags: &mut Vec<Diagnostic>) {
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
                Diagnostic::error_said(
                    Code::MissingHome,
                    Path::new("content").join(lang),
                    Said::new("content-missing-home", &[("lang", lang)]),
                )
                .hint_said(Said::new("content-missing-home-hint", &[("lang", lang)])),
            );
        }
    }
    for i in 0..content.pages.len() {
        let page = &content.pages[i];
        if page.kind == PageKind::Home {
            continue;
        }
        // A section or bundle starts looking one folder up; a plain page in its own folder.
        let mut dir = if page.is_index() { parent_dir(&page.dir) } else { Some(page.dir.as_str()) };
        while let Some(d) = dir {
            if let Some(&s) = sections.get(&(page.lang.clone(), d.to_string())) {
                content.pages[i].parent = Some(PageId(s));
                content.pages[s].children.push(PageId(i));
                break;
            }
            dir = parent_dir(d);
        }
    }
    for s in content.ids().collect::<Vec<_>>() {
        sort_children(content, s);
    }
}

/// Orders a section's pages as its `sort_by` says.
pub(crate) fn sort_children(content: &mut Content, s: PageId) {
    let sort_by = content[s].front.sort_by;
    let mut children = std::mem::take(&mut content[s].children);
    children.sort_by(|&a, &b| {
        let (a, b) = (&content[a].front, &content[b].front);
        let by_title = || a.title.cmp(&b.title);
        // By instant, so pages dated in different offsets sort as time runs.
        let newest = || b.date.as_deref().map(super::date_key).cmp(&a.date.as_deref().map(super::date_key));
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
    content[s].children = children;
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
pub(super) fn link_translations(content: &mut Content, diags: &mut Vec<Diagnostic>) {
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
        let Some(key) = page.front.translation_key.as_deref() else { continue };
        if let Some(&j) = key_in_lang.get(&(page.lang.as_str(), key)) {
            diags.push(
                Diagnostic::error_said(
                    Code::DuplicateTranslationKey,
                    &page.source,
                    Said::new("content-duplicate-translation-key", &[("key", key), ("other", &content.pages[j].rel)]),
                )
                .at_point(page.value_at("translation_key"))
                .hint_said(Said::new("content-duplicate-translation-key-hint", &[])),
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
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    for members in groups.values() {
        let mut map = BTreeMap::new();
        for &i in members {
            let page = &content.pages[i];
            if let Some(&j) = map.get(&page.lang) {
                let other: &Page = &content[j];
                diags.push(
                    Diagnostic::error_said(
                        Code::AmbiguousTranslation,
                        &page.source,
                        Said::new("content-ambiguous-translation", &[("other", &other.rel), ("lang", &page.lang)]),
                    )
                    .at_point(page.value_at("translation_key"))
                    .hint_said(Said::new("content-ambiguous-translation-hint", &[])),
                );
                continue;
            }
            map.insert(page.lang.clone(), PageId(i));
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
