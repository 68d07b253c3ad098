//! The one driver: load → render → report. `run` loads a site, renders every page family
//! into an output that its caller opens once the site has loaded, and hands back the site
//! with what it found; `build`, `check`, `pdf` and the preview all go through it, and
//! `update` is its in-place form for a preview edit. Only the driver writes the families'
//! files, and only through `output`.

use crate::config::Config;
use crate::content::{Content, PageId};
use crate::diagnostics::{merge_repeated, Code, Diagnostic, Diagnostics};
use crate::markdown::Rendered;
use crate::model::{self, Reread, Site, SiteOptions};
use crate::output::{DiscardOutput, MemoryOutput, Output};
use crate::pages::claims::{Family, Source};
use crate::pages::{self, Body, Cx, File, Prepared, Scope, Touched};
use crate::print::Printer;
use crate::urls::Registry;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// How to run the pipeline.
pub(crate) struct Options {
    pub(crate) site: SiteOptions,
    /// Prints campaign kits to PDF (only `faro build`).
    pub(crate) printer: Option<Printer>,
    /// Render a site that has errors too, to report what its pages show (`faro check`).
    pub(crate) keep_going: bool,
}

/// A site rendered: the model, what rendering prepared (the preview keeps both), the
/// output, and every diagnostic found.
pub(crate) struct Done<O> {
    pub(crate) site: Site,
    pub(crate) prepared: Prepared,
    pub(crate) out: O,
    pub(crate) diags: Diagnostics,
}

/// A run that did not get through: every diagnostic, reported, and the configuration when
/// site.yaml could be read (the preview keeps serving under its base path).
pub(crate) struct Failure {
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) config: Option<Config>,
}

/// Loads the site at `root`, asks `open` for the output once it loaded cleanly, renders
/// everything into it and returns the lot. A site that loads with errors is still rendered,
/// into nowhere, so template errors show in the same run.
pub(crate) fn run<O: Output>(
    root: &Path,
    opts: Options,
    open: impl FnOnce(&Site) -> Result<O, Vec<Diagnostic>>,
) -> Result<Done<O>, Failure> {
    let (site, mut diags) = model::load(root, &opts.site);
    let Some(site) = site else { return Err(Failure { diags: diags.report(root), config: None }) };
    let fail = |diags: Diagnostics, site: Site| Err(Failure { diags: diags.report(root), config: Some(site.config) });
    if diags.has_errors() && !opts.keep_going {
        let (prepared, ds) = pages::prepare(&site, None);
        diags.extend(ds);
        diags.extend(render(&site, &prepared, &DiscardOutput, &Scope::all()));
        return fail(diags, site);
    }
    let out = match open(&site) {
        Ok(out) => out,
        Err(ds) => {
            diags.extend(ds);
            return fail(diags, site);
        }
    };
    let (prepared, ds) = pages::prepare(&site, opts.printer);
    diags.extend(ds);
    diags.extend(render(&site, &prepared, &out, &Scope::all()));
    if diags.has_errors() && !opts.keep_going {
        return fail(diags, site);
    }
    Ok(Done { site, prepared, out, diags })
}

/// Writes what `scope` names, family by family. Every path is claimed in one registry as
/// it is written: a second claim (in any case), a file where a folder is needed, or a path
/// a server would not serve is an error naming both sides, and is not written.
pub(crate) fn render(site: &Site, prepared: &Prepared, out: &dyn Output, scope: &Scope) -> Vec<Diagnostic> {
    use pages::claims::Family::*;
    let cx = Cx::new(site, prepared, scope);
    let w = Writer { out, registry: Registry::default() };
    let mut diags = w.write(Statics, pages::statics::files(cx));
    // A broken template fails every page that uses it: each distinct error once.
    diags.extend(merge_repeated(w.write(Content, pages::content::pages(cx))));
    diags.extend(merge_repeated(w.write(Indicators, pages::indicators::files(cx))));
    diags.extend(w.write(Kits, pages::kits::files(cx)));
    diags.extend(w.write(Publish, pages::publish::files(cx).into_par_iter()));
    diags.extend(w.write(Search, pages::search::files(cx)));
    diags.extend(w.write(Lists, pages::lists::files(cx)));
    diags.extend(w.write(Reports, pages::reports::full_views(cx)));
    if scope.everything() {
        diags.extend(w.write(NotFound, pages::content::not_found_pages(cx).into_par_iter()));
        diags.extend(w.write(Root, rayon::iter::once(pages::content::root(cx))));
    }
    let claims = w.registry.settle();
    diags.extend(pages::claims::diagnostics(site, &claims));
    if scope.everything() {
        // Only now is every file known that a site path may name (static/, feeds, charts).
        let written = |path: &str| claims.contains(path);
        let base = &site.config.base_path;
        diags.extend(crate::markdown::unpublished(&site.content, &site.markdown, base, site.content.ids(), written));
        diags.extend(site.unpublished_menu_urls(written));
    }
    diags
}

/// The output and the registry of the paths written to it.
struct Writer<'o> {
    out: &'o dyn Output,
    registry: Registry<Source>,
}

impl Writer<'_> {
    /// Writes each file as it is made, on all cores, once its path is claimed; returns,
    /// in order, why files could not be made or written.
    fn write<'a>(&self, family: Family, files: impl ParallelIterator<Item = File<'a>>) -> Vec<Diagnostic> {
        files
            .filter_map(|f| {
                let body = match f.body {
                    Err(d) => return Some(d),
                    Ok(body) => body,
                };
                if !self.registry.claim(&f.path, Source { family, from: f.from.to_path_buf() }) {
                    return None; // reported once every claim is in
                }
                let written = match body {
                    Body::Text(text) => self.out.write_string(&f.path, text),
                    Body::Bytes(bytes) => self.out.write(&f.path, &bytes),
                    Body::Borrowed(bytes) => self.out.write(&f.path, bytes),
                    Body::Copy(source) => self.out.copy(&f.path, &source),
                };
                written.err().map(|e| Diagnostic::error(Code::Io, f.from.as_ref(), format!("{e:#}")))
            })
            .collect()
    }
}

/// What an in-place preview edit came to.
pub(crate) enum Updated {
    /// The edit moved a page; reload the whole site.
    Moved,
    Failed(Vec<Diagnostic>),
    /// The files the edit reaches, rendered, and the warnings.
    Done(BTreeMap<String, Vec<u8>>, Vec<Diagnostic>),
}

/// Re-reads edited pages and renders into memory what shows them; on errors, the site and
/// what was prepared are put back as they were. `served` says which files the preview has,
/// for the edited pages' links to paths of the site.
pub(crate) fn update(
    site: &mut Site,
    prepared: &mut Prepared,
    ids: &[PageId],
    served: &dyn Fn(&str) -> bool,
) -> Updated {
    let mut edit = match site.reread(ids) {
        Reread::Moved => return Updated::Moved,
        Reread::Failed(diags) => return Updated::Failed(diags.report(&site.root)),
        Reread::Done(edit) => edit,
    };
    let edited: Vec<PageId> = edit.pages().collect();
    let mut touched = Touched { search: false, sitemap: false, order: false };
    for (i, old) in edit.before() {
        touched.sitemap |= site.content[i].front.updated != old.front.updated;
        touched.order |= site.content[i].front.title != old.front.title;
    }
    let mut diags = std::mem::take(&mut edit.diags);
    let (fills, ds) = prepared.fills(site);
    diags.extend(ds);
    let retitled: Vec<PageId> =
        edit.before().filter(|(i, old)| site.content[*i].front.title != old.front.title).map(|(i, _)| i).collect();
    let mut affected = affected(&site.content, edited.iter().copied());
    affected.extend(reached(&site.content, &site.markdown, &edited, &retitled));
    let out = MemoryOutput::default();
    if !diags.has_errors() {
        touched.search = prepared.refresh(site, &affected, &edited, fills);
        if touched.order {
            prepared.terms.resort(site, ids);
        }
        diags.extend(render(site, prepared, &out, &Scope::pages(affected.clone(), touched)));
    }
    if diags.has_errors() {
        site.undo(edit);
        prepared.search.refresh(site, ids);
        prepared.terms.resort(site, ids);
        let (fills, _) = prepared.fills(site);
        prepared.refresh(site, &affected, &[], fills);
        return Updated::Failed(diags.report(&site.root));
    }
    let files = out.into_files();
    let written = |path: &str| files.contains_key(path) || served(path);
    let base = &site.config.base_path;
    diags.extend(crate::markdown::unpublished(&site.content, &site.markdown, base, edited.iter().copied(), written));
    Updated::Done(files, diags.report(&site.root))
}

/// The pages that show something of `edited`: themselves, their sections up to the home
/// page, their translations (the switcher names them), and every page of their report
/// (numbering and cross-references span chapters).
pub(crate) fn affected(content: &Content, edited: impl Iterator<Item = PageId>) -> BTreeSet<PageId> {
    let mut set = BTreeSet::new();
    for i in edited {
        set.insert(i);
        set.extend(content[i].translations.values().copied());
        let report = if content[i].front.report.is_some() { Some(i) } else { content.report_of(i) };
        if let Some(r) = report {
            set.insert(r);
            set.extend(content[r].children.iter().copied());
        }
    }
    let mut up: Vec<PageId> = set.iter().copied().collect();
    while let Some(i) = up.pop() {
        if let Some(p) = content[i].parent {
            if set.insert(p) {
                up.push(p);
            }
        }
    }
    set
}

/// The pages away from `edited` that still show something of them: every page below a
/// retitled one (breadcrumbs name it) and every page with a link to a `#fragment` of an
/// edited page (its href is the heading's id, which the edit may have changed).
fn reached(content: &Content, markdown: &[Rendered], edited: &[PageId], retitled: &[PageId]) -> BTreeSet<PageId> {
    let mut set = BTreeSet::new();
    let mut down: Vec<PageId> = retitled.iter().flat_map(|&i| content[i].children.iter().copied()).collect();
    while let Some(i) = down.pop() {
        if set.insert(i) {
            down.extend(content[i].children.iter().copied());
        }
    }
    let edited: BTreeSet<PageId> = edited.iter().copied().collect();
    for (n, md) in markdown.iter().enumerate() {
        if md.fragments.iter().any(|f| f.page.is_some_and(|p| edited.contains(&p))) {
            set.insert(PageId(n));
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_page_text;

    /// A home, a report with two chapters, a page and its translation.
    fn content() -> Content {
        let page = |lang: &str, rel: &str, front: &str| {
            let src = format!("---\ntitle: x\n{front}---\n");
            parse_page_text(lang.into(), rel.into(), rel.into(), &src).unwrap()
        };
        let mut content = Content::of_pages(vec![
            page("es", "es/_index.md", ""),
            page("es", "es/informes/2025/_index.md", "report: { year: 2025, period: p, organization: o }\n"),
            page("es", "es/informes/2025/a.md", ""),
            page("es", "es/informes/2025/b.md", ""),
            page("es", "es/acerca.md", ""),
            page("en", "en/acerca.md", ""),
        ]);
        let link = |content: &mut Content, parent: usize, child: usize| {
            content[PageId(child)].parent = Some(PageId(parent));
            content[PageId(parent)].children.push(PageId(child));
        };
        link(&mut content, 0, 1);
        link(&mut content, 1, 2);
        link(&mut content, 1, 3);
        link(&mut content, 0, 4);
        for i in [4, 5] {
            content[PageId(i)].translations = [("es".into(), PageId(4)), ("en".into(), PageId(5))].into();
        }
        content
    }

    fn ids(set: BTreeSet<PageId>) -> Vec<usize> {
        set.into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn an_edit_reaches_its_sections_its_report_and_its_translations() {
        let content = content();
        // A chapter: itself, the whole report (numbering spans chapters) and the home above.
        assert_eq!(ids(affected(&content, [PageId(2)].into_iter())), [0, 1, 2, 3]);
        // A page: itself, its section and its translation (the switcher names it).
        assert_eq!(ids(affected(&content, [PageId(4)].into_iter())), [0, 4, 5]);
        // A translation with no section of its own: itself and the page it translates.
        assert_eq!(ids(affected(&content, [PageId(5)].into_iter())), [0, 4, 5]);
    }
}
