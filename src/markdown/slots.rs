//! The last steps of a page's HTML: pulldown-cmark's output finished (slot markers in place
//! of tokens, table alignment as classes, scrollable tables, captions), then cut at its
//! markers into pieces and typed slots.

use super::{Block, Caption, Html, Piece, Rendered, Slot};
use crate::content::Page;
use crate::diagnostics::{Code, Diagnostic};
use crate::escape::html as attr;
use crate::messages::Said;

// Markers of slots inside this module only: raw HTML is escaped, so no page text can
// write one, and `split_slots` turns each into a `Slot` before the HTML leaves.
fn chart_marker(n: usize) -> String {
    format!("<!--faro-chart:{n}-->")
}
fn block_marker(block: Block) -> &'static str {
    match block {
        Block::Goals => "<!--faro:goals-->",
        Block::Roadmap => "<!--faro:roadmap-->",
    }
}
fn table_marker(n: usize) -> String {
    format!("<!--faro-tbl:{n}-->")
}
fn ref_marker(n: usize) -> String {
    format!("<!--faro-ref:{n}-->")
}

/// What pulldown-cmark's HTML still needs: slot markers in place of tokens, footnote ids
/// of their own, scrollable tables, and captions.
pub(super) fn finish_html(
    mut html: String,
    out: &Rendered,
    captions: &[(Caption, String)],
    page: &Page,
    diags: &mut Vec<Diagnostic>,
) -> String {
    for n in (0..out.refs.len()).rev() {
        html = html.replace(&format!("FAROREF{n}X"), &ref_marker(n));
    }
    for (n, b) in out.blocks.iter().enumerate() {
        html = html.replace(&format!("<p>FAROBLOCK{n}</p>"), block_marker(b.block));
    }
    for n in 0..out.charts.len() {
        html = html.replace(&format!("<p>FAROCHART{n}</p>"), &chart_marker(n));
    }
    // Alignment as classes: the theme's CSP forbids inline style. Page text cannot hold
    // `style="` (quotes are escaped), so only pulldown-cmark's table cells match.
    if html.contains(" style=\"text-align: ") {
        for side in ["left", "center", "right"] {
            html = html.replace(&format!(" style=\"text-align: {side}\""), &format!(" class=\"align-{side}\""));
        }
    }
    // Wide tables scroll inside a box that keyboard users can focus and scroll too. Markdown
    // tables are the only source of `<table>` here: raw HTML and code are escaped.
    if html.contains("<table>") {
        html = html
            .replace("<table>", "<div class=\"table-scroll\" tabindex=\"0\"><table>")
            .replace("</table>", "</table></div>");
    }
    // A caption line right before a table becomes that table's <caption>, with an id to refer to.
    for (n, (caption, text)) in captions.iter().enumerate() {
        let token = format!("<p>FAROTBL{n}X</p>\n<div class=\"table-scroll\" tabindex=\"0\"><table>");
        let with_caption = format!(
            "<div class=\"table-scroll\" tabindex=\"0\" id=\"tbl-{}\"><table><caption>{}{}</caption>",
            attr(&caption.id),
            table_marker(n),
            attr(text)
        );
        if html.contains(&token) {
            html = html.replace(&token, &with_caption);
        } else {
            html = html.replace(&format!("<p>FAROTBL{n}X</p>"), "");
            diags.push(
                Diagnostic::error_said(
                    Code::TableCaption,
                    &page.source,
                    Said::new("content-caption-without-table", &[("id", &caption.id)]),
                )
                .at(Some(caption.line), None)
                .hint_said(Said::new("content-caption-without-table-hint", &[])),
            );
        }
    }
    html
}

/// Cuts the HTML at its slot markers. Every page's HTML stays alive until the build ends,
/// so each piece is shrunk to its length.
pub(super) fn split_slots(html: &str, charts: usize, refs: usize, tables: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = html;
    let mut text = String::new();
    while let Some(i) = rest.find("<!--faro") {
        let tail = &rest[i..];
        let marker = tail.find("-->").map(|e| &tail[..e + 3]);
        let slot = marker.and_then(|m| parse_marker(m, charts, refs, tables));
        match (slot, marker) {
            (Some(slot), Some(m)) => {
                text.push_str(&rest[..i]);
                if !text.is_empty() {
                    pieces.push(Piece::Html(Html::new(std::mem::take(&mut text))));
                }
                pieces.push(Piece::Slot(slot));
                rest = &tail[m.len()..];
            }
            _ => {
                text.push_str(&rest[..i + 1]);
                rest = &rest[i + 1..];
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() || pieces.is_empty() {
        pieces.push(Piece::Html(Html::new(text)));
    }
    pieces
}

fn parse_marker(marker: &str, charts: usize, refs: usize, tables: usize) -> Option<Slot> {
    let inner = marker.strip_prefix("<!--faro")?.strip_suffix("-->")?;
    let index = |s: &str, len: usize| s.parse::<usize>().ok().filter(|n| *n < len);
    match inner {
        ":goals" => Some(Slot::Block(Block::Goals)),
        ":roadmap" => Some(Slot::Block(Block::Roadmap)),
        _ => {
            let (kind, n) = inner.strip_prefix('-')?.split_once(':')?;
            match kind {
                "chart" => index(n, charts).map(Slot::Chart),
                "tbl" => index(n, tables).map(Slot::TableNumber),
                "ref" => index(n, refs).map(Slot::Ref),
                _ => None,
            }
        }
    }
}
