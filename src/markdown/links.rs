//! Link and image targets as written in Markdown, resolved against the site: source files
//! (`../comision.md`) become page URLs, files beside pages their copied URLs, site-root
//! paths gain the base path; what the URL policy (`href`) refuses, drafts and missing
//! files are reported.

use super::Links;
use crate::config::Lang;
use crate::content::{Page, PageId, Target};
use crate::diagnostics::{Code, Diagnostic};
use crate::href::Href;
use crate::urls::{join_content, percent_decode_lossy};

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
}

impl Resolved {
    fn internal(url: String) -> Resolved {
        Resolved { url, external: false, asset: None, page: None, lang: None }
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
    if let Some(rest) = dest.strip_prefix('/') {
        // A site path starts with its language (`/en/…`): one of another language gets hreflang.
        let first = rest.split(['/', '?', '#']).next().unwrap_or("");
        let lang = Some(first.to_string()).filter(|l| *l != page.lang && links.strings.contains_key(l));
        return Resolved { lang, ..Resolved::internal(format!("{}{rest}", links.base_path)) };
    }
    let (path, fragment) = match dest.find(['#', '?']) {
        Some(i) => (&dest[..i], &dest[i..]),
        None => (dest, ""),
    };
    let page_dir = page.rel.rsplit_once('/').map_or("", |(d, _)| d);
    let Some(target) = join_content(page_dir, &percent_decode_lossy(path)) else {
        diags.push(
            Diagnostic::error(Code::BrokenLink, &page.source, format!("the link `{dest}` points outside content/"))
                .at(at.0, at.1),
        );
        return Resolved::internal(dest.to_string());
    };
    let content = links.content;
    match content.by_source.get(&target) {
        Some(Target::Page(i)) => {
            let lang = Some(content[*i].lang.clone()).filter(|l| *l != page.lang);
            let url = format!("{}{}{fragment}", links.base_path, content[*i].url);
            Resolved { page: Some(*i), lang, ..Resolved::internal(url) }
        }
        Some(Target::Asset(a)) => Resolved {
            asset: Some(*a),
            ..Resolved::internal(format!("{}{}{fragment}", links.base_path, content.assets[*a].url))
        },
        None => {
            diags.push(missing(dest, &target, page, content.drafts.contains(&target)).at(at.0, at.1));
            Resolved::internal(dest.to_string())
        }
    }
}

/// A link to a file that is not published: a draft, a page that does not exist (an error),
/// or another file that does not exist (a warning: it may be made by other means).
fn missing(dest: &str, target: &str, page: &Page, draft: bool) -> Diagnostic {
    if draft {
        return Diagnostic::error(
            Code::LinkToDraft,
            &page.source,
            format!("the link `{dest}` points to content/{target}, which is a draft and is not published"),
        )
        .hint("publish that page (remove `draft: true`), remove the link, or preview with --drafts");
    }
    let message = format!("the link `{dest}` points to content/{target}, which does not exist");
    if target.ends_with(".md") {
        Diagnostic::error(Code::BrokenLink, &page.source, message)
            .hint("link to another page by its file, relative to this one: [text](../campanas/linea-1818.md)")
    } else {
        Diagnostic::warning(Code::BrokenLink, &page.source, message)
    }
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
