//! Page families: everything a site publishes, each family in its own file, each turning the
//! model into output files. A family never writes; it returns `File`s (a path, and the
//! bytes or the diagnostic of why they could not be made), and the driver writes them
//! through the output. A family that only some pages feed makes only what its `Scope`
//! names, so a preview edit redoes only what shows the edited pages.
//!
//! The families, in the order the driver runs them: static files, pages and sections,
//! indicators, kits, publishing (sitemap, robots, feeds, the redirects of aliases), search,
//! lists (taxonomies), full reports, and for a whole build the 404 pages and the root page.
//! No two files may share a path: the driver claims each (`claims`), and a clash is an error.

pub(crate) mod claims;
pub(crate) mod content;
mod fills;
pub(crate) mod indicators;
pub(crate) mod kits;
pub(crate) mod lists;
pub(crate) mod publish;
pub(crate) mod reports;
pub(crate) mod search;
pub(crate) mod statics;
pub(crate) mod views;

use crate::content::PageId;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::print::Printer;
use crate::render::{Renderer, Urls};
use crate::taxonomy::TermIndex;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use views::{Fills, Views};

/// One output file: where it goes, the file it comes from (named if writing it fails), and
/// its bytes, or the diagnostic of why it could not be made.
pub(crate) struct File<'a> {
    pub(crate) path: String,
    pub(crate) from: Cow<'a, Path>,
    pub(crate) body: Result<Body<'a>, Diagnostic>,
}

pub(crate) enum Body<'a> {
    Text(String),
    Bytes(Vec<u8>),
    Borrowed(&'a [u8]),
    /// A file copied as it is.
    Copy(Cow<'a, Path>),
}

impl<'a> File<'a> {
    pub(crate) fn text(path: String, from: impl Into<Cow<'a, Path>>, text: Result<String, Diagnostic>) -> File<'a> {
        File { path, from: from.into(), body: text.map(Body::Text) }
    }

    pub(crate) fn bytes(path: String, from: impl Into<Cow<'a, Path>>, bytes: Vec<u8>) -> File<'a> {
        File { path, from: from.into(), body: Ok(Body::Bytes(bytes)) }
    }

    pub(crate) fn failed(path: String, d: Diagnostic) -> File<'a> {
        File { path, from: Cow::Owned(Default::default()), body: Err(d) }
    }
}

/// What rendering needs besides the site: the template environment, the HTML of slots,
/// the page values, and each page's search entry. The preview keeps one between edits and
/// refreshes only what an edit touched.
pub(crate) struct Prepared {
    pub(crate) renderer: Renderer,
    pub(crate) fills: Fills,
    pub(crate) views: Views,
    pub(crate) search: search::Search,
    pub(crate) terms: TermIndex,
    /// Prints campaign kits to PDF; only `faro build` sets one (the preview never prints).
    pub(crate) printer: Option<Printer>,
}

pub(crate) fn prepare(site: &Site, printer: Option<Printer>) -> (Prepared, Vec<Diagnostic>) {
    let renderer = Renderer::new(
        site.theme.clone(),
        site.strings.clone(),
        Urls {
            base_url: site.config.base_url.clone(),
            base_path: site.config.base_path.clone(),
            static_dir: site.root.join("static"),
        },
    );
    let (fills, diags) = fills::fills(site, &renderer);
    let views = Views::new(site, &fills);
    let search = search::Search::new(site);
    let terms = TermIndex::new(site);
    (Prepared { renderer, fills, views, search, terms, printer }, diags)
}

impl Prepared {
    /// Brings the slots, the values of `affected` pages and the search entries of `edited`
    /// up to date after an edit; says what changed besides the pages themselves.
    pub(crate) fn refresh(
        &mut self,
        site: &Site,
        affected: &BTreeSet<PageId>,
        edited: &[PageId],
        fills: Fills,
    ) -> bool {
        self.fills = fills;
        self.views.refresh(site, affected, &self.fills);
        self.search.refresh(site, edited)
    }

    /// The slots of every page, rendered again (an edit can change any report's numbering).
    pub(crate) fn fills(&self, site: &Site) -> (Fills, Vec<Diagnostic>) {
        fills::fills(site, &self.renderer)
    }
}

/// Which files a render makes: the whole site, or what depends on some pages (their own
/// HTML, report full views, term lists, search indexes, feeds and the sitemap).
#[derive(Debug, Clone)]
pub(crate) struct Scope {
    pages: Option<BTreeSet<PageId>>,
    pub(crate) touched: Touched,
}

/// What an in-place edit changed besides its pages' HTML, so lists it cannot affect are
/// left alone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Touched {
    /// A search entry (title, description or the words).
    pub(crate) search: bool,
    /// A date the sitemap shows (`updated`).
    pub(crate) sitemap: bool,
    /// A title, which orders term lists: all their pages, not only the edited page's.
    pub(crate) order: bool,
}

impl Scope {
    pub(crate) fn all() -> Scope {
        Scope { pages: None, touched: Touched { search: true, sitemap: true, order: true } }
    }

    pub(crate) fn pages(pages: BTreeSet<PageId>, touched: Touched) -> Scope {
        Scope { pages: Some(pages), touched }
    }

    pub(crate) fn everything(&self) -> bool {
        self.pages.is_none()
    }

    pub(crate) fn page(&self, i: PageId) -> bool {
        self.pages.as_ref().is_none_or(|p| p.contains(&i))
    }

    pub(crate) fn lang(&self, site: &Site, lang: &str) -> bool {
        self.pages.as_ref().is_none_or(|p| p.iter().any(|&i| site.content[i].lang == lang))
    }
}

/// What every family reads: the site, what was prepared for rendering it, and the scope.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub(crate) site: &'a Site,
    pub(crate) renderer: &'a Renderer,
    pub(crate) views: &'a Views,
    pub(crate) search: &'a search::Search,
    pub(crate) terms: &'a TermIndex,
    pub(crate) printer: Option<&'a Printer>,
    pub(crate) scope: &'a Scope,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(site: &'a Site, prepared: &'a Prepared, scope: &'a Scope) -> Cx<'a> {
        Cx {
            site,
            renderer: &prepared.renderer,
            views: &prepared.views,
            search: &prepared.search,
            terms: &prepared.terms,
            printer: prepared.printer.as_ref(),
            scope,
        }
    }

    /// A page's source, relative to the site, as diagnostics name it.
    pub(crate) fn source(&self, i: PageId) -> String {
        let page = &self.site.content[i];
        format!("{}", page.source.strip_prefix(&self.site.root).unwrap_or(&page.source).display())
    }
}
