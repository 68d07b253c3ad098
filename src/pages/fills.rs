//! The HTML that fills Markdown's slots: the figure of every `{{< chart ID >}}` (numbered in
//! report chapters, 4.1, 4.2, so cross-references can name them) and every report block
//! (`{{< goals >}}`, `{{< roadmap >}}`), rendered with the theme's partials.

use super::views::{indicators, reports, Fills};
use crate::diagnostics::Diagnostic;
use crate::markdown::Block;
use crate::model::Site;
use crate::render::Renderer;
use serde::Serialize;

#[derive(Serialize)]
struct FigureContext<'a> {
    lang: &'a str,
    indicator: indicators::IndicatorView<'a>,
    figure_id: String,
    number: Option<String>,
}

#[derive(Serialize)]
struct BlockContext<'a, D: Serialize> {
    lang: &'a str,
    data: D,
}

pub(crate) fn fills(site: &Site, renderer: &Renderer) -> (Fills, Vec<Diagnostic>) {
    let mut fills = Fills::default();
    let mut diags = Vec::new();
    for (i, page) in site.content.iter() {
        let md = site.md(i);
        let lang = page.lang.as_str();
        let chapter = crate::outline::chapter_number(&site.content, i);
        // A report's chapters chart the indicators as the report shows them.
        let year = site.content.report_of(i).and_then(|r| site.content[r].front.report.as_ref()).map(|m| m.year);
        for (k, chart) in md.charts.iter().enumerate() {
            let found = match year {
                Some(y) => site.report_indicator(y, &chart.id),
                None => site.indicator(&chart.id),
            };
            let Some(ind) = found else { continue };
            let id = &chart.id;
            let l = indicators::Lang::new(site, lang);
            let ctx = FigureContext {
                lang,
                indicator: indicators::view(site, ind, &l, &format!("fig-{id}-chart")),
                figure_id: format!("fig-{id}"),
                number: chapter.map(|n| format!("{n}.{}", k + 1)),
            };
            match renderer.render("_chart_figure.html", ctx, &format!("the chart `{id}`")) {
                Ok(html) => {
                    fills.figures.insert((i, id.clone()), html);
                }
                Err(d) => diags.push(d),
            }
        }
        let Some(report) = site.content.report_of(i) else { continue };
        let Some(meta) = &site.content[report].front.report else { continue };
        for b in &md.blocks {
            let source = page.source.display().to_string();
            let html = match b.block {
                Block::Goals => {
                    let data = reports::goals_view(site, lang, meta.year);
                    renderer.render("_goals.html", BlockContext { lang, data }, &source)
                }
                Block::Roadmap => {
                    let data = reports::roadmap_view(site, lang, meta.year);
                    renderer.render("_roadmap.html", BlockContext { lang, data }, &source)
                }
            };
            match html {
                Ok(html) => {
                    fills.blocks.insert((i, b.block), html);
                }
                Err(d) => diags.push(d),
            }
        }
    }
    (fills, diags)
}
