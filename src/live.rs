//! The preview's model of a site: the last good build, kept in memory, brought up to date
//! file by file. An edit to one page's Markdown that leaves its place in the site alone
//! (same URL, section order, tags, translations) re-renders that page and what shows it:
//! its sections, its translations, its report, its term lists, the search index, feeds and
//! sitemap. Anything else (a new, renamed or deleted file, site.yaml, data, templates,
//! static files) reloads the site and replaces only the files whose bytes changed. A
//! failed update leaves the last good site being served and is retried on the next change.

use crate::content::{self, Target};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{self, Links};
use crate::output::{DiscardOutput, MemoryOutput};
use crate::site::{self, Prepared, Scope, Site, SiteOptions};
use hyper::body::Bytes;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The served files: site path (`es/index.html`) to bytes (shared, never copied to serve).
pub type Files = BTreeMap<String, Bytes>;

pub struct Live {
    root: PathBuf,
    opts: SiteOptions,
    state: Option<(Site, Prepared)>,
    files: Files,
    /// Changed paths not applied yet, because the update that saw them failed.
    pending: BTreeSet<PathBuf>,
}

#[derive(Debug, Default)]
pub struct Update {
    /// Files whose bytes changed or that are new.
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// Whether the whole site was reloaded (false: only the edited pages and what shows them).
    pub full: bool,
    /// Files rendered to find the changes.
    pub rendered: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

impl Live {
    /// Builds the site in memory. On failure the preview starts empty, showing the errors.
    pub fn new(root: &Path, opts: SiteOptions) -> (Live, Result<Update, Vec<Diagnostic>>) {
        // Absolute, so the watcher's paths compare equal to the pages' sources.
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let mut live = Live { root, opts, state: None, files: Files::new(), pending: BTreeSet::new() };
        let result = live.reload(Instant::now());
        (live, result)
    }

    pub fn files(&self) -> &Files {
        &self.files
    }

    pub fn config(&self) -> Option<&crate::config::Config> {
        self.state.as_ref().map(|(s, _)| &s.config)
    }

    /// Brings the site up to date with `paths` (created, changed or deleted files).
    pub fn apply(&mut self, paths: &[PathBuf]) -> Result<Update, Vec<Diagnostic>> {
        let start = Instant::now();
        self.pending.extend(paths.iter().cloned());
        let pages = self.edited_pages();
        let result = match pages {
            Some(pages) if pages.is_empty() => Ok(Update { elapsed: start.elapsed(), ..Update::default() }),
            Some(pages) => self.edit_pages(&pages, start),
            None => self.reload(start),
        };
        if result.is_ok() {
            self.pending.clear();
        }
        result
    }

    /// The pages behind the pending paths, when every one is an existing page's Markdown
    /// that is still a file: the cases an in-place edit can handle.
    fn edited_pages(&self) -> Option<Vec<usize>> {
        let (site, _) = self.state.as_ref()?;
        let content_dir = self.root.join("content");
        self.pending
            .iter()
            .map(|path| {
                let rel = path.strip_prefix(&content_dir).ok()?;
                let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                match site.content.by_source.get(&rel) {
                    Some(Target::Page(i)) if path.is_file() => Some(Some(*i)),
                    // Gone, and never part of the site: an editor's temporary file.
                    None if !path.exists() => Some(None),
                    _ => None,
                }
            })
            .collect::<Option<Vec<Option<usize>>>>()
            .map(|pages| pages.into_iter().flatten().collect())
    }

    fn finish(&self, diags: Diagnostics) -> Vec<Diagnostic> {
        diags.into_sorted().into_iter().map(|d| d.relative_to(&self.root)).collect()
    }

    /// Loads and renders everything, then keeps what changed.
    fn reload(&mut self, start: Instant) -> Result<Update, Vec<Diagnostic>> {
        let (site, mut diags) = site::load(&self.root, &self.opts);
        let Some(site) = site else { return Err(self.finish(diags)) };
        if diags.has_errors() {
            diags.extend(site::render(&site, &DiscardOutput));
            return Err(self.finish(diags));
        }
        let (prepared, ds) = site::prepare(&site);
        diags.extend(ds);
        let out = MemoryOutput::default();
        diags.extend(site::render_with(&site, &prepared, &out, &Scope::all()));
        if diags.has_errors() {
            return Err(self.finish(diags));
        }
        let new: Files = out.into_files().into_iter().map(|(k, v)| (k, Bytes::from(v))).collect();
        let rendered = new.len();
        let changed = new.iter().filter(|(k, v)| self.files.get(*k) != Some(v)).map(|(k, _)| k.clone()).collect();
        let removed = self.files.keys().filter(|k| !new.contains_key(*k)).cloned().collect();
        self.files = new;
        self.state = Some((site, prepared));
        Ok(Update { changed, removed, full: true, rendered, warnings: self.finish(diags), elapsed: start.elapsed() })
    }

    /// Re-reads edited pages in place. Falls back to a reload when an edit moves a page
    /// (its URL, order, tags, translations or kind of page change).
    fn edit_pages(&mut self, pages: &[usize], start: Instant) -> Result<Update, Vec<Diagnostic>> {
        let (site, _) = self.state.as_ref().expect("edited_pages found a state");
        let mut parsed = Vec::new();
        let mut diags = Diagnostics::default();
        for &i in pages {
            let old = &site.content.pages[i];
            match content::parse_page(old.lang.clone(), old.rel.clone(), old.source.clone()) {
                Ok(new) if place(&new.front) == place(&old.front) => parsed.push((i, new)),
                Ok(_) => return self.reload(start),
                Err(d) => diags.push(d),
            }
        }
        if diags.has_errors() {
            return Err(self.finish(diags));
        }
        let (mut site, mut prepared) = self.state.take().expect("checked above");
        let mut saved = Vec::new();
        for (i, new) in parsed {
            let page = &mut site.content.pages[i];
            saved.push((i, page.clone(), site.rendered[i].clone()));
            page.front = new.front;
            page.front_src = new.front_src;
            page.body = new.body;
            page.body_line = new.body_line;
        }
        for (i, old, _) in &saved {
            let i = *i;
            // Only the title can move a page among its siblings here (the rest is its place).
            if let Some(parent) =
                site.content.pages[i].parent.filter(|_| site.content.pages[i].front.title != old.front.title)
            {
                content::sort_children(&mut site.content, parent);
            }
            let links = Links { content: &site.content, base_path: &site.config.base_path, strings: &site.strings };
            let (md, ds) = markdown::render(&site.content.pages[i], &links);
            site.rendered[i] = md;
            diags.extend(ds);
        }
        for &(i, ..) in &saved {
            diags.extend(site::page_checks(&site, i));
        }
        diags.extend(crate::report_pages::check_xrefs(&site.content, &site.rendered));
        let (fills, ds) = site::fills(&site, &prepared.renderer);
        diags.extend(ds);
        let affected = affected(&site, saved.iter().map(|(i, ..)| *i));
        let out = MemoryOutput::default();
        if !diags.has_errors() {
            prepared.fills = fills;
            prepared.views.refresh(&site, &affected, &prepared.fills);
            let mut touched = site::Touched { search: false, sitemap: false, order: false };
            for (i, old, _) in &saved {
                let entry = crate::search::page_entry(&site, *i);
                touched.search |= entry != prepared.search[*i];
                prepared.search[*i] = entry;
                let new = &site.content.pages[*i].front;
                touched.sitemap |= new.updated != old.front.updated;
                touched.order |= new.title != old.front.title;
            }
            if touched.order {
                prepared.terms.resort(&site, pages);
            }
            diags.extend(site::render_with(&site, &prepared, &out, &Scope::pages(affected.clone(), touched)));
        }
        if diags.has_errors() {
            // Put the pages back as they were, so the last good site stays whole.
            for (i, page, md) in saved {
                site.content.pages[i] = page;
                site.rendered[i] = md;
                if let Some(parent) = site.content.pages[i].parent {
                    content::sort_children(&mut site.content, parent);
                }
            }
            for &i in pages {
                prepared.search[i] = crate::search::page_entry(&site, i);
            }
            prepared.terms.resort(&site, pages);
            let (fills, _) = site::fills(&site, &prepared.renderer);
            prepared.fills = fills;
            prepared.views.refresh(&site, &affected, &prepared.fills);
            self.state = Some((site, prepared));
            return Err(self.finish(diags));
        }
        let written = out.into_files();
        let rendered = written.len();
        let mut changed = Vec::new();
        for (path, bytes) in written {
            if self.files.get(&path).map(|b| &b[..]) != Some(&bytes[..]) {
                changed.push(path.clone());
                self.files.insert(path, Bytes::from(bytes));
            }
        }
        self.state = Some((site, prepared));
        Ok(Update {
            changed,
            removed: Vec::new(),
            full: false,
            rendered,
            warnings: self.finish(diags),
            elapsed: start.elapsed(),
        })
    }
}

/// Front matter that decides where a page sits and who lists it; an edit that changes
/// any of it reloads the site. Title, description, dates shown, image and template don't.
fn place(front: &content::FrontMatter) -> String {
    let kept = content::FrontMatter {
        title: String::new(),
        description: None,
        updated: None,
        image: None,
        template: None,
        ..front.clone()
    };
    format!("{kept:?}")
}

/// The pages that show something of `edited`: themselves, their sections up to the home
/// page, their translations (the switcher names them), and every page of their report
/// (numbering and cross-references span chapters).
fn affected(site: &Site, edited: impl Iterator<Item = usize>) -> BTreeSet<usize> {
    let pages = &site.content.pages;
    let mut set = BTreeSet::new();
    for i in edited {
        set.insert(i);
        set.extend(pages[i].translations.values().copied());
        let report = if pages[i].front.report.is_some() { Some(i) } else { site.content.report_of(i) };
        if let Some(r) = report {
            set.insert(r);
            set.extend(pages[r].children.iter().copied());
        }
    }
    let mut up: Vec<usize> = set.iter().copied().collect();
    while let Some(i) = up.pop() {
        if let Some(p) = pages[i].parent {
            if set.insert(p) {
                up.push(p);
            }
        }
    }
    set
}
