//! The preview's model of a site: the last good build, kept in memory, brought up to date
//! file by file. An edit to one page's Markdown that leaves its place in the site alone
//! (same URL, section order, tags, translations) re-renders that page and what shows it:
//! its sections, its translations, its report, its term lists, the search index, feeds and
//! sitemap. Anything else (a new, renamed or deleted file, site.yaml, data, templates,
//! static files) reloads the site and replaces only the files whose bytes changed. A
//! failed update leaves the last good site being served and is retried on the next change.

use crate::config::Config;
use crate::content::{Content, PageId, Target};
use crate::diagnostics::Diagnostic;
use crate::driver::{self, Options, Updated};
use crate::model::{Site, SiteOptions};
use crate::output::MemoryOutput;
use crate::pages::Prepared;
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
    /// The configuration of the last load that read one, good or not.
    config: Option<Config>,
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

/// What a changed path means for the preview.
#[derive(Debug, PartialEq, Eq)]
enum Change {
    /// A page's Markdown, still there: it can be re-read in place.
    Page(PageId),
    /// Gone, and never part of the site: an editor's temporary file.
    Nothing,
    /// Anything else reloads the whole site.
    Reload,
}

/// `exists` and `is_file` are the path's state on disk now.
fn classify(content: &Content, content_dir: &Path, path: &Path, exists: bool, is_file: bool) -> Change {
    let Ok(rel) = path.strip_prefix(content_dir) else { return Change::Reload };
    let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
    match content.by_source.get(&rel) {
        Some(Target::Page(i)) if is_file => Change::Page(*i),
        None if !exists => Change::Nothing,
        _ => Change::Reload,
    }
}

impl Live {
    /// Builds the site in memory. On failure the preview starts empty, showing the errors.
    pub fn new(root: &Path, opts: SiteOptions) -> (Live, Result<Update, Vec<Diagnostic>>) {
        // Absolute, so the watcher's paths compare equal to the pages' sources.
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let mut live = Live { root, opts, state: None, config: None, files: Files::new(), pending: BTreeSet::new() };
        let result = live.reload(Instant::now());
        (live, result)
    }

    pub fn files(&self) -> &Files {
        &self.files
    }

    pub(crate) fn config(&self) -> Option<&Config> {
        self.state.as_ref().map(|(s, _)| &s.config).or(self.config.as_ref())
    }

    /// Brings the site up to date with `paths` (created, changed or deleted files).
    pub fn apply(&mut self, paths: &[PathBuf]) -> Result<Update, Vec<Diagnostic>> {
        let start = Instant::now();
        self.pending.extend(paths.iter().cloned());
        let result = match self.edited_pages() {
            Some(pages) if pages.is_empty() => Ok(Update { elapsed: start.elapsed(), ..Update::default() }),
            Some(pages) => self.edit_pages(&pages, start),
            None => self.reload(start),
        };
        if result.is_ok() {
            self.pending.clear();
        }
        result
    }

    /// The pages behind the pending paths, when an in-place edit can handle every one.
    fn edited_pages(&self) -> Option<Vec<PageId>> {
        let (site, _) = self.state.as_ref()?;
        let content_dir = self.root.join("content");
        let mut pages = Vec::new();
        for path in &self.pending {
            match classify(&site.content, &content_dir, path, path.exists(), path.is_file()) {
                Change::Page(i) => pages.push(i),
                Change::Nothing => {}
                Change::Reload => return None,
            }
        }
        Some(pages)
    }

    /// Loads and renders everything, then keeps what changed.
    fn reload(&mut self, start: Instant) -> Result<Update, Vec<Diagnostic>> {
        let opts = Options { site: self.opts.clone(), printer: None, keep_going: false };
        let done = match driver::run(&self.root, opts, |_| Ok(MemoryOutput::default())) {
            Ok(done) => done,
            Err(failure) => {
                self.config = failure.config.or(self.config.take());
                return Err(failure.diags);
            }
        };
        let new: Files = done.out.into_files().into_iter().map(|(k, v)| (k, Bytes::from(v))).collect();
        let rendered = new.len();
        let changed = new.iter().filter(|(k, v)| self.files.get(*k) != Some(v)).map(|(k, _)| k.clone()).collect();
        let removed = self.files.keys().filter(|k| !new.contains_key(*k)).cloned().collect();
        self.files = new;
        let warnings = done.diags.report(&self.root);
        self.config = None;
        self.state = Some((done.site, done.prepared));
        Ok(Update { changed, removed, full: true, rendered, warnings, elapsed: start.elapsed() })
    }

    /// Re-reads edited pages in place, or reloads when an edit moves a page.
    fn edit_pages(&mut self, pages: &[PageId], start: Instant) -> Result<Update, Vec<Diagnostic>> {
        let (mut site, mut prepared) = self.state.take().expect("edited_pages found a state");
        let served = |path: &str| self.files.contains_key(path);
        let updated = driver::update(&mut site, &mut prepared, pages, &served);
        self.state = Some((site, prepared));
        let (written, warnings) = match updated {
            Updated::Moved => return self.reload(start),
            Updated::Failed(diags) => return Err(diags),
            Updated::Done(files, warnings) => (files, warnings),
        };
        let rendered = written.len();
        let mut changed = Vec::new();
        for (path, bytes) in written {
            if self.files.get(&path).map(|b| &b[..]) != Some(&bytes[..]) {
                changed.push(path.clone());
                self.files.insert(path, Bytes::from(bytes));
            }
        }
        Ok(Update { changed, removed: Vec::new(), full: false, rendered, warnings, elapsed: start.elapsed() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        let page = |rel: &str| {
            crate::content::parse_page_text(
                "es".into(),
                rel.into(),
                format!("/site/content/{rel}").into(),
                "---\ntitle: a\n---\n",
            )
            .unwrap()
        };
        Content::of_pages(vec![page("es/_index.md"), page("es/a.md")])
    }

    #[test]
    fn an_existing_page_is_edited_in_place_and_anything_else_reloads() {
        let (content, dir) = (content(), Path::new("/site/content"));
        let classify =
            |path: &str, exists: bool, is_file: bool| classify(&content, dir, Path::new(path), exists, is_file);
        assert_eq!(classify("/site/content/es/a.md", true, true), Change::Page(PageId(1)));
        // Deleted, renamed into a folder, or new: the site's shape changes.
        assert_eq!(classify("/site/content/es/a.md", false, false), Change::Reload);
        assert_eq!(classify("/site/content/es/a.md", true, false), Change::Reload);
        assert_eq!(classify("/site/content/es/nueva.md", true, true), Change::Reload);
        // An editor's temporary file that is gone already.
        assert_eq!(classify("/site/content/es/.a.md.swp", false, false), Change::Nothing);
        // Anything outside content/: data, templates, site.yaml.
        assert_eq!(classify("/site/site.yaml", true, true), Change::Reload);
        assert_eq!(classify("/site/data/indicators/x.yaml", true, true), Change::Reload);
    }
}
