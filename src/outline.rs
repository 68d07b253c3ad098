//! The outline of a report: its chapters in order and their numbers, section numbers for
//! the chapters' headings (`2.1`, `2.1.1`), figures and tables numbered per chapter, and the
//! index of everything a cross-reference can name, with the check that each one does.

use crate::content::{Content, PageId};
use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::{RefKind, Rendered};
use crate::messages::Said;
use std::collections::HashMap;

/// The number of chapter `id` in its report (1-based), or None if it is not a chapter.
pub(crate) fn chapter_number(content: &Content, id: PageId) -> Option<usize> {
    let report = content.report_of(id)?;
    content.chapters(report).position(|c| c == id).map(|n| n + 1)
}

/// Section numbers for a chapter's headings: `2.1`, `2.1.1`… keyed by heading id.
pub(crate) fn section_numbers(content: &Content, markdown: &[Rendered], id: PageId) -> Vec<(String, String)> {
    let Some(n) = chapter_number(content, id) else { return Vec::new() };
    let mut counters = [0usize; 6];
    markdown[id.0]
        .headings
        .iter()
        .filter(|h| (2..=4).contains(&h.level))
        .map(|h| {
            let depth = (h.level - 2) as usize;
            counters[depth] += 1;
            counters[depth + 1..].iter_mut().for_each(|c| *c = 0);
            let parts: Vec<String> =
                std::iter::once(n.to_string()).chain(counters[..=depth].iter().map(|c| c.to_string())).collect();
            (h.id.clone(), parts.join("."))
        })
        .collect()
}

/// Puts section numbers in front of a chapter's headings, in the first piece of HTML that
/// holds each heading.
pub(crate) fn number_headings(html: &mut [String], numbers: &[(String, String)]) {
    for (id, num) in numbers {
        'found: for level in 2..=4 {
            let open = format!("<h{level} id=\"{id}\">");
            for piece in html.iter_mut() {
                if piece.contains(&open) {
                    *piece = piece.replacen(&open, &format!("{open}<span class=\"secnum\">{num}</span> "), 1);
                    break 'found;
                }
            }
        }
    }
}

/// Where a cross-reference leads: the chapter, the anchor and the number to print.
#[derive(Debug, Clone)]
pub(crate) struct XTarget {
    pub(crate) page: PageId,
    pub(crate) anchor: String,
    pub(crate) number: String,
}

pub(crate) type XIndex = HashMap<(RefKind, String), XTarget>;

/// Everything a report's chapters can refer to: sections (`sec:<heading id>`), tables
/// (`tbl:<id>`) and figures (`fig:<indicator id>`), numbered per chapter in order: 4.1, 4.2.
pub(crate) fn xrefs(content: &Content, markdown: &[Rendered], report: PageId) -> XIndex {
    let mut index = HashMap::new();
    for c in content.chapters(report) {
        let Some(n) = chapter_number(content, c) else { continue };
        for (id, number) in section_numbers(content, markdown, c) {
            index.insert((RefKind::Sec, id.clone()), XTarget { page: c, anchor: id, number });
        }
        for (k, t) in markdown[c.0].tables.iter().enumerate() {
            index.entry((RefKind::Tbl, t.id.clone())).or_insert(XTarget {
                page: c,
                anchor: format!("tbl-{}", t.id),
                number: format!("{n}.{}", k + 1),
            });
        }
        for (k, chart) in markdown[c.0].charts.iter().enumerate() {
            index.entry((RefKind::Fig, chart.id.clone())).or_insert(XTarget {
                page: c,
                anchor: format!("fig-{}", chart.id),
                number: format!("{n}.{}", k + 1),
            });
        }
    }
    index
}

/// Checks every cross-reference of every page; a reference to nothing is an error at its
/// line and column.
pub(crate) fn check_xrefs(content: &Content, markdown: &[Rendered]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut indexes: HashMap<PageId, XIndex> = HashMap::new();
    for (i, page) in content.iter() {
        for r in &markdown[i.0].refs {
            let (kind, id) = (r.kind.as_str(), &r.id);
            let at = |id: &'static str| {
                let said = Said::new(id, &[("kind", kind), ("id", &r.id)]);
                Diagnostic::error_said(Code::BrokenRef, &page.source, said).at(Some(r.line), Some(r.col))
            };
            let Some(report) = content.report_of(i) else {
                diags.push(at("content-xref-outside-report"));
                continue;
            };
            let index = indexes.entry(report).or_insert_with(|| xrefs(content, markdown, report));
            // What is missing follows from `kind` (`sec`, `fig`, `tbl`), which the message picks by.
            if !index.contains_key(&(r.kind, id.clone())) {
                diags.push(at("content-xref-to-nothing").hint_said(Said::new("content-xref-hint", &[])));
            }
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_numbered_once_in_the_first_piece_that_has_them() {
        let mut html = vec!["<p>a</p>".to_string(), "<h2 id=\"x\">X</h2><h3 id=\"y\">Y</h3>".into()];
        number_headings(&mut html, &[("x".into(), "2.1".into()), ("y".into(), "2.1.1".into())]);
        assert_eq!(
            html[1],
            "<h2 id=\"x\"><span class=\"secnum\">2.1</span> X</h2><h3 id=\"y\"><span class=\"secnum\">2.1.1</span> Y</h3>"
        );
    }
}
