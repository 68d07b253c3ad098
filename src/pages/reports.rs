//! Each report also as one page, every chapter in order, for reading through and printing
//! (`/es/informes/2025/completo/`): what `faro pdf` prints.

use super::{Cx, File};
use crate::content::PageId;
use crate::urls::output_file;
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
        File::text(output_file(&path), page.source.as_path(), html)
    })
}
