//! Who writes each output file. The driver claims every file's path in one registry
//! (`urls::Registry`) as the families hand them over, with the family and the file each
//! came from; only when two claims clash, or a path holds a character a server would not
//! serve, are they described here: which page, alias, static file or generated page, at
//! which file and line, so the diagnostic names both sides.

use crate::content::Page;
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::model::Site;
use crate::urls::{Claims, Clash};
use std::path::{Path, PathBuf};

/// The page families, in the order the driver writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Family {
    Statics,
    Content,
    Indicators,
    Kits,
    Publish,
    Search,
    Lists,
    Reports,
    NotFound,
    Root,
}

/// A claim of an output path: the family that made the file and what it was made from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Source {
    pub(crate) family: Family,
    pub(crate) from: PathBuf,
}

/// What a claim is, told from its family and origin: the more of the site's own files it
/// names, the better it locates a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Made by faro from theme strings or configuration only.
    Generated,
    /// Made by faro from a file of the site (an indicator, a campaign page, a report).
    GeneratedFrom,
    /// A static file, a file beside the pages, a page or an alias: the author's own.
    Page,
    Alias,
    File,
}

struct Claimant {
    kind: Kind,
    path: String,
    /// How another diagnostic names it: `content/es/a.md`, `the alias `x` of …`.
    what: What,
    /// Where a diagnostic about it points.
    at: Option<(PathBuf, Option<usize>)>,
}

/// How a claim is named in a message: the `$<side>_kind` the catalogs say it by
/// (`data-claim-subject`, `data-claim-other`), and its values (a path, a language).
#[derive(Debug, Clone)]
struct What {
    kind: &'static str,
    arg: String,
    arg2: String,
}

impl What {
    fn new(kind: &'static str, arg: &str) -> What {
        What { kind, arg: arg.to_string(), arg2: String::new() }
    }

    /// Its values as one side (`subject` or `other`) of a message.
    fn args(&self, side: &str) -> [(&'static str, String); 3] {
        let (kind, arg, arg2) = match side {
            "subject" => ("subject_kind", "subject_arg", "subject_arg2"),
            _ => ("other_kind", "other_arg", "other_arg2"),
        };
        [(kind, self.kind.to_string()), (arg, self.arg.clone()), (arg2, self.arg2.clone())]
    }
}

/// Message `id` with `path` and the sides' values.
fn said(id: &'static str, path: &[(&'static str, &str)], sides: &[[(&'static str, String); 3]]) -> Said {
    let mut said = Said::new(id, path);
    said.args.extend(sides.iter().flatten().cloned());
    said
}

impl Claimant {
    /// How a diagnostic at this claim names it.
    fn subject(&self) -> What {
        match self.kind {
            Kind::Page => What::new("this-page", ""),
            Kind::File => What::new("this-file", ""),
            Kind::Alias | Kind::Generated | Kind::GeneratedFrom => self.what.clone(),
        }
    }

    fn rank(&self) -> u8 {
        match self.kind {
            Kind::Generated => 0,
            Kind::GeneratedFrom => 1,
            _ => 2,
        }
    }
}

/// One diagnostic per clash, at the author's side of it where there is one. Two pages of
/// the same address were reported when the site loaded (`duplicate-url` at their slug).
pub(crate) fn diagnostics(site: &Site, claims: &Claims<Source>) -> Vec<Diagnostic> {
    claims
        .clashes()
        .filter(|(first, (_, second), why)| {
            let pages = |s: &Source| s.family == Family::Content;
            !(*why == Clash::Same && first.is_some_and(|(_, f)| pages(f)) && pages(second))
        })
        .map(|(first, (path, second), why)| {
            let this = describe(site, path, second);
            let Some(other) = first.map(|(p, s)| describe(site, p, s)) else { return unsafe_path(this, why) };
            let (here, there) = if other.rank() > this.rank() { (other, this) } else { (this, other) };
            clash(here, there, why)
        })
        .collect()
}

fn clash(here: Claimant, there: Claimant, why: Clash) -> Diagnostic {
    let sides = [here.subject().args("subject"), there.what.args("other")];
    let paths = [("path", here.path.as_str()), ("other_path", there.path.as_str())];
    let message = match why {
        Clash::Case => said("data-clash-case", &paths, &sides),
        Clash::FileAndFolder => said("data-clash-file-and-folder", &paths, &sides),
        _ => said("data-clash-same", &paths[..1], &sides),
    };
    let (code, hint) = match here.kind {
        Kind::Page => (Code::DuplicateUrl, "data-clash-page-hint"),
        Kind::Alias => (Code::Alias, "data-clash-alias-hint"),
        Kind::File => (Code::DuplicateUrl, "data-clash-file-hint"),
        Kind::Generated | Kind::GeneratedFrom => (Code::DuplicateUrl, "data-clash-generated-hint"),
    };
    located(here, code, message).hint_said(Said::new(hint, &[]))
}

fn unsafe_path(here: Claimant, why: Clash) -> Diagnostic {
    let c = match why {
        Clash::Character(c) if c.is_control() => c.escape_default().to_string(),
        Clash::Character(c) => c.to_string(),
        _ => "?".into(),
    };
    let message =
        said("data-unsafe-output-path", &[("path", &here.path), ("char", &c)], &[here.subject().args("subject")]);
    let code = if here.kind == Kind::Alias { Code::Alias } else { Code::UnsafePath };
    located(here, code, message).hint_said(Said::new("data-unsafe-output-path-hint", &[]))
}

fn located(here: Claimant, code: Code, message: Said) -> Diagnostic {
    match here.at {
        Some((file, line)) => Diagnostic::error_said(code, file, message).at(line, None),
        None => Diagnostic::error_said(code, PathBuf::from(&here.path), message),
    }
}

/// Tells what claimed `path`, from its family and the file it came from.
fn describe(site: &Site, path: &str, source: &Source) -> Claimant {
    let from = source.from.as_path();
    let rel = |p: &Path| p.strip_prefix(&site.root).unwrap_or(p).display().to_string();
    let page = site.content.pages.iter().find(|p| p.source == from);
    let lang = path.split('/').next().unwrap_or_default();
    // The site's own files carry its root (`./static/x` when built from the site folder);
    // the theme's are named by their output path alone.
    let own_file = !site.root.as_os_str().is_empty() && from.starts_with(&site.root);
    let claimant = |kind, what: What, at| Claimant { kind, path: path.to_string(), what, at };
    // Each said with " (generated)" after it.
    let generated = |what: What| {
        let (kind, at) =
            if own_file { (Kind::GeneratedFrom, Some((from.to_path_buf(), None))) } else { (Kind::Generated, None) };
        claimant(kind, what, at)
    };
    let of_page = |p: Option<&Page>| p.map_or_else(|| rel(from), |p| format!("content/{}", p.rel));
    match source.family {
        Family::Statics if own_file => {
            claimant(Kind::File, What::new("file", &rel(from)), Some((from.to_path_buf(), None)))
        }
        Family::Statics => generated(What::new("theme-file", path)),
        Family::Content => match page {
            Some(p) => claimant(Kind::Page, What::new("page", &p.rel), Some((from.to_path_buf(), p.key_line("slug")))),
            None => generated(What::new("generated-file", &rel(from))),
        },
        Family::Publish => match page.and_then(|p| Some((p, crate::pages::publish::alias_at(p, path)?))) {
            Some((p, (alias, line))) => {
                let what = What { kind: "alias", arg: alias.to_string(), arg2: p.rel.clone() };
                claimant(Kind::Alias, what, Some((from.to_path_buf(), line)))
            }
            None if path == crate::urls::SITEMAP => generated(What::new("sitemap", "")),
            None if path == crate::urls::ROBOTS => generated(What::new("generated-file", path)),
            None => generated(What::new("feed", path)),
        },
        Family::Indicators => generated(What::new("indicators", lang)),
        Family::Kits => generated(What::new("kit", &of_page(page))),
        Family::Reports => generated(What::new("full-view", &of_page(page))),
        Family::Search if path.ends_with(".json") => generated(What::new("search-index", lang)),
        Family::Search => generated(What::new("search-page", lang)),
        Family::Lists => {
            let tax = site.taxonomies.iter().find(|t| path.starts_with(&crate::urls::taxonomy(t, lang)));
            let name = tax.map_or("taxonomy", |t| crate::i18n::pick(&t.name, lang));
            generated(What { kind: "lists", arg: name.to_string(), arg2: lang.to_string() })
        }
        Family::NotFound => generated(What::new("not-found", "")),
        Family::Root => generated(What::new("root", "")),
    }
}
