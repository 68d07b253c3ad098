//! The pages written in Markdown (pages, sections, home pages and report chapters, each
//! with the template of its kind), the 404 page of every language, and the root page that
//! leads to the default language.

use super::views::{value, Plain};
use super::{Cx, File};
use crate::content::{PageId, PageKind};
use crate::model::Site;
use crate::urls::{self, output_file, site_url, NOT_FOUND, ROOT};
use rayon::prelude::*;
use std::path::Path;

/// The template a page gets when its front matter names none.
fn template_for(site: &Site, i: PageId) -> &'static str {
    let page = &site.content[i];
    match page.kind {
        PageKind::Home => "home.html",
        PageKind::Section if page.front.report.is_some() => "report.html",
        PageKind::Section => "section.html",
        PageKind::Page if site.content.report_of(i).is_some() => "chapter.html",
        PageKind::Page => "page.html",
    }
}

/// Every page in scope, rendered on all cores.
pub(crate) fn pages<'a>(cx: Cx<'a>) -> impl ParallelIterator<Item = File<'a>> + 'a {
    (0..cx.site.content.len()).into_par_iter().map(PageId).filter(move |&i| cx.scope.page(i)).filter_map(move |i| {
        let page = &cx.site.content[i];
        let template = page.front.template.as_deref().unwrap_or(template_for(cx.site, i));
        if !cx.renderer.has_template(template) {
            return None; // reported by `load`
        }
        let html = cx.renderer.render(template, cx.views.page_context(cx.site, i), &cx.source(i));
        Some(File::text(output_file(&page.url), page.source.as_path(), html))
    })
}

/// A 404 page per language; the default language's also serves the whole site (hosts look
/// for /404.html).
pub(crate) fn not_found_pages(cx: Cx<'_>) -> Vec<File<'_>> {
    let site = cx.site;
    let mut files = Vec::new();
    for (n, lang) in site.config.languages.iter().enumerate() {
        let page = Plain {
            title: site.strings[lang].text("not_found_title").unwrap_or("404"),
            kind: "404",
            url: site_url(&site.config.base_path, &urls::not_found(lang)),
            target: None,
            permalink: None,
        };
        let ctx = cx.views.plain_context(site, lang, page);
        let html = cx.renderer.render("404.html", ctx, &format!("the 404 page for `{lang}`"));
        if let (0, Ok(html)) = (n, &html) {
            files.push(File::text(NOT_FOUND.into(), Path::new(NOT_FOUND), Ok(html.clone())));
        }
        files.push(File::text(urls::not_found(lang), Path::new(NOT_FOUND), html));
    }
    files
}

/// The root page, which leads to the default language's home.
pub(crate) fn root(cx: Cx<'_>) -> File<'_> {
    let site = cx.site;
    let c = &site.config;
    let lang = c.default_language();
    let page = Plain {
        title: c.title.get(lang).map(String::as_str).unwrap_or(""),
        kind: "redirect",
        url: c.base_path.clone(),
        target: Some(format!("{}{lang}/", c.base_path)),
        permalink: Some(format!("{}{lang}/", c.base_url)),
    };
    let html = cx.renderer.render("redirect.html", cx.views.plain_context(site, lang, value(page)), "the root page");
    File::text(ROOT.into(), Path::new(ROOT), html)
}
