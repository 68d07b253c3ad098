//! Who writes each output file. The driver claims every file's path in one registry
//! (`urls::Registry`) as the families hand them over, with the family and the file each
//! came from; only when two claims clash, or a path holds a character a server would not
//! serve, are they described here: which page, alias, static file or generated page, at
//! which file and line, so the diagnostic names both sides.

use crate::content::Page;
use crate::diagnostics::{Code, Diagnostic};
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
    what: String,
    /// Where a diagnostic about it points.
    at: Option<(PathBuf, Option<usize>)>,
}

impl Claimant {
    /// How a diagnostic at this claim names it.
    fn subject(&self) -> String {
        match self.kind {
            Kind::Page => "this page".into(),
            Kind::File => "this file".into(),
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
    let (subject, other) = (here.subject(), there.what.clone());
    let message = match why {
        Clash::Case => format!(
            "{subject} writes /{} and {other} writes /{}: the two differ only in case, which many hosts do not tell apart",
            here.path, there.path
        ),
        Clash::FileAndFolder => format!(
            "{subject} writes /{} and {other} writes /{}: one would be a file where the other needs a folder",
            here.path, there.path
        ),
        _ => format!("{subject} and {other} both write /{}", here.path),
    };
    let (code, hint) = match here.kind {
        Kind::Page => (Code::DuplicateUrl, "give the page a different `slug`, or another file or folder name"),
        Kind::Alias => (Code::Alias, "change or remove the alias: that address is taken"),
        Kind::File => (Code::DuplicateUrl, "rename or move the file: that address is taken"),
        Kind::Generated | Kind::GeneratedFrom => (
            Code::DuplicateUrl,
            "two generated pages share an address: check the `*_slug` strings in i18n/ and the taxonomy slugs in site.yaml",
        ),
    };
    located(here, code, message).hint(hint)
}

fn unsafe_path(here: Claimant, why: Clash) -> Diagnostic {
    let c = match why {
        Clash::Character(c) if c.is_control() => c.escape_default().to_string(),
        Clash::Character(c) => c.to_string(),
        _ => "?".into(),
    };
    let message = format!(
        "{} would be published at /{}, whose `{c}` a web server would decode or cut",
        here.subject(),
        here.path
    );
    let code = if here.kind == Kind::Alias { Code::Alias } else { Code::UnsafePath };
    located(here, code, message).hint("rename it without `%`, `?`, `#`, `\\` or control characters")
}

fn located(here: Claimant, code: Code, message: String) -> Diagnostic {
    match here.at {
        Some((file, line)) => Diagnostic::error(code, file, message).at(line, None),
        None => Diagnostic::error(code, PathBuf::from(&here.path), message),
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
    let claimant = |kind, what: String, at| Claimant { kind, path: path.to_string(), what, at };
    let generated = |what: String| {
        let (kind, at) =
            if own_file { (Kind::GeneratedFrom, Some((from.to_path_buf(), None))) } else { (Kind::Generated, None) };
        claimant(kind, format!("{what} (generated)"), at)
    };
    let of_page = |p: Option<&Page>| p.map_or_else(|| rel(from), |p| format!("content/{}", p.rel));
    match source.family {
        Family::Statics if own_file => claimant(Kind::File, rel(from), Some((from.to_path_buf(), None))),
        Family::Statics => generated(format!("the theme's file {path}")),
        Family::Content => match page {
            Some(p) => {
                claimant(Kind::Page, format!("content/{}", p.rel), Some((from.to_path_buf(), p.key_line("slug"))))
            }
            None => generated(rel(from)),
        },
        Family::Publish => match page.and_then(|p| Some((p, crate::pages::publish::alias_at(p, path)?))) {
            Some((p, (alias, line))) => claimant(
                Kind::Alias,
                format!("the alias `{alias}` of content/{}", p.rel),
                Some((from.to_path_buf(), line)),
            ),
            None if path == crate::urls::SITEMAP => generated("the sitemap".into()),
            None if path == crate::urls::ROBOTS => generated(path.into()),
            None => generated(format!("the Atom feed /{path}")),
        },
        Family::Indicators => generated(format!("the indicator pages of {lang}")),
        Family::Kits => generated(format!("the campaign kit of {}", of_page(page))),
        Family::Reports => generated(format!("the full view of {}", of_page(page))),
        Family::Search if path.ends_with(".json") => generated(format!("the search index of {lang}")),
        Family::Search => generated(format!("the search page of {lang}")),
        Family::Lists => {
            let tax = site.taxonomies.iter().find(|t| path.starts_with(&crate::urls::taxonomy(t, lang)));
            let name = tax.map_or("taxonomy", |t| crate::i18n::pick(&t.name, lang));
            generated(format!("the {name} lists of {lang}"))
        }
        Family::NotFound => generated("the 404 page".into()),
        Family::Root => generated("the root page, which leads to the default language".into()),
    }
}
