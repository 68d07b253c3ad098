//! Link and image targets as written in Markdown, resolved against the site: source files
//! (`../comision.md`) become page URLs, files beside pages their copied URLs. A link
//! written as a URL, Hugo-style (a site path `/es/guia/`, or `../guia/` read from the page's
//! published URL when no source file has that name), that names a page or a file beside
//! pages links to it the same way: its canonical URL (with the final slash), its fragment
//! checked, `hreflang` for another language. One that names neither is checked against the
//! files written (`unpublished`): static/ files, feeds, the search page, charts. What the URL
//! policy (`href`) refuses, drafts and missing files are reported.

use super::{Links, Rendered, Unresolved};
use crate::config::Lang;
use crate::content::{Content, Page, PageId, Target};
use crate::diagnostics::{Code, Diagnostic};
use crate::href::Href;
use crate::messages::Said;
use crate::urls::{file_at, join_content, join_url, percent_decode_lossy};

/// Where a link leads once resolved.
pub(super) struct Resolved {
    pub(super) url: String,
    /// Leaves the site (gets `rel="noopener noreferrer"`).
    pub(super) external: bool,
    /// A file beside the pages (index into `Content::assets`), for image sizes.
    pub(super) asset: Option<usize>,
    /// The page of the site it leads to, when another one: its `#fragment` is checked
    /// against that page's ids once every page is rendered.
    pub(super) page: Option<PageId>,
    /// The language of that page, when it is not the linking page's (`hreflang`).
    pub(super) lang: Option<Lang>,
    /// A path of the site that names no page and no file beside pages.
    pub(super) unresolved: Option<Unresolved>,
}

impl Resolved {
    fn internal(url: String) -> Resolved {
        Resolved { url, external: false, asset: None, page: None, lang: None, unresolved: None }
    }
}

/// `at` is the (line, column) of the link in the page's file.
pub(super) fn resolve(
    dest: &str,
    page: &Page,
    links: &Links,
    at: (Option<usize>, Option<usize>),
    diags: &mut Vec<Diagnostic>,
) -> Resolved {
    if dest.starts_with('#') || dest.is_empty() {
        return Resolved::internal(dest.to_string());
    }
    let rest = match Href::parse(dest) {
        Err(refusal) => {
            diags.push(refusal.diagnostic(&page.source, at.0, at.1));
            return Resolved::internal("#".to_string());
        }
        Ok(Href::Site(path)) => path,
        Ok(href) => return Resolved { external: href.is_external(), ..Resolved::internal(href.to_string()) },
    };
    let dest = rest.as_str();
    let (path, tail) = match dest.find(['#', '?']) {
        Some(i) => (&dest[..i], &dest[i..]),
        None => (dest, ""),
    };
    let base = links.base_path;
    let unresolved = |path: String, source: Option<String>| Unresolved {
        path,
        dest: dest.to_string(),
        source,
        line: at.0,
        col: at.1,
    };
    if let Some(rest) = path.strip_prefix('/') {
        if let Some(to) = published(links, page, rest, tail) {
            return to;
        }
        // Written with the base path (`/sub/es/guia/`), which faro adds: taken for what it means.
        let inner = rest.strip_prefix(base.trim_start_matches('/')).filter(|_| base != "/");
        if let Some((inner, to)) = inner.and_then(|i| published(links, page, i, tail).map(|to| (i, to))) {
            diags.push(with_base(dest, base, &format!("/{inner}{tail}"), page).at(at.0, at.1));
            return to;
        }
        // A site path starts with its language (`/en/…`): one of another language gets hreflang.
        let first = rest.split('/').next().unwrap_or("");
        let lang = Some(first.to_string()).filter(|l| *l != page.lang && links.strings.contains_key(l));
        let pending = Some(unresolved(percent_decode_lossy(rest), None));
        return Resolved { lang, unresolved: pending, ..Resolved::internal(format!("{base}{rest}{tail}")) };
    }
    let page_dir = page.rel.rsplit_once('/').map_or("", |(d, _)| d);
    let decoded = percent_decode_lossy(path);
    // Zola names a page from content/ (`@/es/informe.md`): the same file as `../informe.md`.
    let source = match decoded.strip_prefix("@/") {
        Some(rooted) => join_content("", rooted),
        None => join_content(page_dir, &decoded),
    };
    let content = links.content;
    if let Some(target) = &source {
        match content.by_source.get(target) {
            Some(Target::Page(i)) => return to_page(links, page, *i, tail),
            Some(Target::Asset(a)) => return to_asset(links, *a, tail),
            None if content.drafts.contains(target) || target.ends_with(".md") => {
                diags.push(missing(dest, target, page, content.drafts.contains(target)).at(at.0, at.1));
                return Resolved::internal(dest.to_string());
            }
            None => {}
        }
    }
    // Written as a URL, Hugo-style: where the browser takes it from the published page.
    let from_page = join_url(&format!("{base}{}", page.url), path);
    // The base path as the join writes it (`faro pdf`'s is a folder on disk, as given).
    let Some(site) = from_page.strip_prefix(join_url(base, "").as_str()) else {
        // Neither reading works: a warning, as for any link to a missing file (`faro check`
        // makes it the error), unless it also climbs out of content/.
        let d = match &source {
            Some(target) => Diagnostic::warning_said(
                Code::BrokenLink,
                &page.source,
                Said::new("link-to-missing-file", &[("dest", dest), ("target", target)]),
            ),
            None => Diagnostic::error_said(
                Code::BrokenLink,
                &page.source,
                Said::new("content-link-outside-content", &[("dest", dest)]),
            ),
        };
        let hint = Said::new("content-link-outside-base-hint", &[("url", &from_page), ("base", base)]);
        diags.push(d.at(at.0, at.1).hint_said(hint));
        return Resolved::internal(dest.to_string());
    };
    if let Some(to) = published(links, page, site, tail) {
        return to;
    }
    Resolved {
        unresolved: Some(unresolved(percent_decode_lossy(site), source)),
        ..Resolved::internal(dest.to_string())
    }
}

/// The page or file beside pages a site path (no base path, `es/guia/`) names, also
/// without its final slash (`es/guia`: every host redirects it, the link gets it).
fn published(links: &Links, page: &Page, path: &str, tail: &str) -> Option<Resolved> {
    let path = percent_decode_lossy(path);
    let by_url = &links.content.by_url;
    let slashed = (!path.is_empty() && !path.ends_with('/')).then(|| format!("{path}/"));
    let page_at = |p: String| by_url.get(&p).filter(|t| matches!(t, Target::Page(_)));
    let target = by_url.get(&path).or_else(|| slashed.and_then(page_at))?;
    Some(match target {
        Target::Page(i) => to_page(links, page, *i, tail),
        Target::Asset(a) => to_asset(links, *a, tail),
    })
}

fn to_page(links: &Links, page: &Page, to: PageId, tail: &str) -> Resolved {
    let target = &links.content[to];
    let lang = Some(target.lang.clone()).filter(|l| *l != page.lang);
    let url = format!("{}{}{tail}", links.base_path, target.url);
    Resolved { page: Some(to), lang, ..Resolved::internal(url) }
}

fn to_asset(links: &Links, a: usize, tail: &str) -> Resolved {
    let url = format!("{}{}{tail}", links.base_path, links.content.assets[a].url);
    Resolved { asset: Some(a), ..Resolved::internal(url) }
}

fn with_base(dest: &str, base: &str, plain: &str, page: &Page) -> Diagnostic {
    Diagnostic::warning_said(
        Code::BrokenLink,
        &page.source,
        Said::new("content-link-with-base", &[("dest", dest), ("base", base)]),
    )
    .hint_said(Said::new("content-link-with-base-hint", &[("plain", plain)]))
}

/// Links to paths of the site that name no page and no file beside pages, checked against
/// the files written (`written`): one that names none is a warning at its line (`faro check`
/// makes it an error; an error already when read from its source it leaves content/), one to a folder without its final slash a warning too (the href was
/// written before the folder was known).
pub(crate) fn unpublished(
    content: &Content,
    markdown: &[Rendered],
    base_path: &str,
    pages: impl Iterator<Item = PageId>,
    written: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let with_base_path = |u: &Unresolved| {
        let inner = u.path.strip_prefix(base_path.trim_start_matches('/'))?;
        (base_path != "/" && u.dest.starts_with('/')).then(|| inner.to_string())
    };
    let mut diags = Vec::new();
    for (page, md) in pages.filter_map(|i| Some((&content[i], markdown.get(i.0)?))) {
        for u in &md.unresolved {
            if written(&file_at(&u.path)) {
                continue;
            }
            let d = if !u.path.is_empty() && written(&format!("{}/index.html", u.path)) {
                let path = u.dest.find(['#', '?']).map_or(u.dest.as_str(), |i| &u.dest[..i]);
                let slashed = u.dest.replacen(path, &format!("{path}/"), 1);
                Diagnostic::warning_said(
                    Code::BrokenLink,
                    &page.source,
                    Said::new("content-link-no-slash", &[("dest", &u.dest)]),
                )
                .hint_said(Said::new("content-link-no-slash-hint", &[("slashed", &slashed)]))
            } else if let Some(inner) = with_base_path(u).filter(|inner| written(&file_at(inner))) {
                with_base(&u.dest, base_path, &format!("/{inner}"), page)
            } else if u.dest.starts_with('/') {
                let message = Said::new("content-link-to-nothing", &[("dest", &u.dest)]);
                Diagnostic::warning_said(Code::BrokenLink, &page.source, message)
                    .hint_said(Said::new("content-link-to-nothing-hint", &[]))
            } else {
                let url = format!("{base_path}{}", u.path);
                let hint = Said::new("content-link-unpublished-hint", &[("url", &url)]);
                match &u.source {
                    Some(target) => Diagnostic::warning_said(
                        Code::BrokenLink,
                        &page.source,
                        Said::new("link-to-missing-file", &[("dest", &u.dest), ("target", target)]),
                    ),
                    // Read from its source it climbs out of content/ (`../../../site.yaml`).
                    None => Diagnostic::error_said(
                        Code::BrokenLink,
                        &page.source,
                        Said::new("content-link-outside-content", &[("dest", &u.dest)]),
                    ),
                }
                .hint_said(hint)
            };
            diags.push(d.at(u.line, u.col));
        }
    }
    diags
}

/// A link to a file that is not published: a draft, or a page that does not exist.
fn missing(dest: &str, target: &str, page: &Page, draft: bool) -> Diagnostic {
    if draft {
        return Diagnostic::error_said(
            Code::LinkToDraft,
            &page.source,
            Said::new("content-link-to-draft", &[("dest", dest), ("target", target)]),
        )
        .hint_said(Said::new("content-link-to-draft-hint", &[]));
    }
    let said = Said::new("link-to-missing-file", &[("dest", dest), ("target", target)]);
    Diagnostic::error_said(Code::BrokenLink, &page.source, said).hint_said(Said::new("link-to-missing-file-hint", &[]))
}

/// Pixel size of a raster image, or of an SVG from its `width`/`height` or `viewBox`.
pub(super) fn image_size(path: &std::path::Path) -> Option<(u64, u64)> {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg")) {
        let text = std::fs::read_to_string(path).ok()?;
        let tag = &text[text.find("<svg")?..];
        let tag = &tag[..tag.find('>')?];
        let attr = |name: &str| -> Option<f64> {
            let i = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            let v = &tag[i..i + tag[i..].find('"')?];
            v.trim_end_matches("px").trim().parse().ok()
        };
        if let (Some(w), Some(h)) = (attr("width"), attr("height")) {
            return Some((w.round() as u64, h.round() as u64));
        }
        let i = tag.find(" viewBox=\"")? + 10;
        let nums: Vec<f64> = tag[i..i + tag[i..].find('"')?].split([' ', ',']).filter_map(|n| n.parse().ok()).collect();
        return (nums.len() == 4).then(|| (nums[2].round() as u64, nums[3].round() as u64));
    }
    let size = imagesize::size(path).ok()?;
    Some((size.width as u64, size.height as u64))
}
