//! Each report also as one page, every chapter in order, for reading through and printing
//! (`/es/informes/2025/completo/`): what `faro pdf` prints.

use super::{Cx, File};
use crate::content::PageId;
use crate::model::Site;
use crate::urls::{output_file, site_url};
use rayon::prelude::*;

pub(crate) fn full_views<'a>(cx: Cx<'a>) -> impl ParallelIterator<Item = File<'a>> + 'a {
    let site = cx.site;
    let reports: Vec<PageId> =
        site.content.iter().filter(|(i, p)| p.front.report.is_some() && cx.scope.page(*i)).map(|(i, _)| i).collect();
    reports.into_par_iter().map(move |i| {
        let page = &site.content[i];
        let path = site.paths().report_full(&page.url, &page.lang);
        let context = format!("the full view of {}", cx.source(i));
        let html = cx.renderer.render("report-full.html", cx.views.full_report_context(site, i), &context);
        File::text(output_file(&path), page.source.as_path(), html.map(|h| open_tables(local_links(site, i, h))))
    })
}

/// A link to a chapter of this report, or to a section of one, goes to that place on this
/// page (report-full.html gives chapter N the id `chapter-N` and prefixes its ids `cN-`),
/// so a reader of the whole report, on screen or on paper, stays in it.
fn local_links(site: &Site, report: PageId, html: String) -> String {
    let mut out = html;
    for (n, c) in site.content.chapters(report).enumerate() {
        // As the chapter pages print it: escaped for the attribute.
        let url = crate::escape::html(&site_url(&site.config.base_path, &site.content[c].url));
        out = out
            .replace(&format!("href=\"{url}#"), &format!("href=\"#c{}-", n + 1))
            .replace(&format!("href=\"{url}\""), &format!("href=\"#chapter-{}\"", n + 1));
    }
    out
}

/// A chart's data table is folded away on a chapter page, and open in the whole report: a
/// printed `<details>` shows only its summary, and a signed report must carry its figures.
fn open_tables(html: String) -> String {
    html.replace("<details class=\"indicator-data\">", "<details class=\"indicator-data\" open>")
}
