//! Footnotes, written by faro rather than pulldown-cmark, whose HTML has no way back from
//! a note to the text and uses the bare label as id (`[^fuente]` would clash with
//! `## Fuente`). Each note gets `fn-…` and each reference `fnref-…`, unique among the
//! page's ids; a note links back to every reference to it with a `↩` whose accessible name
//! is a theme string. Numbers follow pulldown-cmark's (first sight of a label).

use super::Ids;
use crate::escape::{href as attr_href, html as attr};
use crate::slug::slugify;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

#[derive(Default)]
struct Note {
    number: usize,
    id: String,
    refs: Vec<String>,
}

/// The ids of a page's notes and references, given before its headings' so that
/// `fn-fuente` is the note `[^fuente]` as documented, whatever the headings are called.
pub(super) struct Plan {
    notes: HashMap<String, Note>,
    made: Vec<String>,
}

pub(super) fn plan(events: &[(Event, Range<usize>)], ids: &mut Ids) -> Plan {
    let mut notes: HashMap<String, Note> = HashMap::new();
    let mut made = Vec::new();
    for (e, _) in events.iter() {
        match e {
            Event::FootnoteReference(label) => {
                let n = note(&mut notes, label, ids, &mut made);
                let r = ids.unique(n.id.replacen("fn-", "fnref-", 1));
                made.push(r.clone());
                n.refs.push(r);
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                note(&mut notes, label, ids, &mut made);
            }
            _ => {}
        }
    }
    Plan { notes, made }
}

/// Rewrites the footnote events in place with the ids of `plan`; returns them. `back` is
/// the name of a back-link ("Volver al texto").
pub(super) fn apply(events: &mut [(Event, Range<usize>)], plan: Plan, back: &str) -> Vec<String> {
    let Plan { notes, made } = plan;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut open: Option<String> = None;
    for j in 0..events.len() {
        let html = match &events[j].0 {
            Event::FootnoteReference(label) => {
                let n = &notes[label.as_ref()];
                let k = seen.entry(label.to_string()).or_default();
                let r = &n.refs[*k];
                *k += 1;
                format!(
                    "<sup class=\"footnote-reference\" id=\"{}\"><a href=\"#{}\">{}</a></sup>",
                    attr(r),
                    attr_href(&n.id),
                    n.number
                )
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = &notes[label.as_ref()];
                open = Some(label.to_string());
                format!(
                    "<div class=\"footnote-definition\" id=\"{}\"><sup class=\"footnote-definition-label\">{}</sup>",
                    attr(&n.id),
                    n.number
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let links = open.take().map(|l| back_links(&notes[&l].refs, back)).unwrap_or_default();
                // Inside the note's last paragraph, so the arrow follows its text.
                if j > 0 && matches!(events[j - 1].0, Event::End(TagEnd::Paragraph)) {
                    events[j - 1].0 = Event::Html(format!("{links}</p>\n").into());
                    "</div>\n".to_string()
                } else {
                    format!("{links}</div>\n")
                }
            }
            _ => continue,
        };
        events[j].0 = Event::Html(html.into());
    }
    made
}

/// The note of `label`, made at its first sight (reference or definition).
fn note<'a>(notes: &'a mut HashMap<String, Note>, label: &str, ids: &mut Ids, made: &mut Vec<String>) -> &'a mut Note {
    let len = notes.len();
    notes.entry(label.to_string()).or_insert_with(|| {
        let slug = match slugify(label) {
            s if s.is_empty() => (len + 1).to_string(),
            s => s,
        };
        let id = ids.unique(format!("fn-{slug}"));
        made.push(id.clone());
        Note { number: len + 1, id, refs: Vec::new() }
    })
}

/// ` <a …>↩</a>` for each reference; the second and later are numbered in their names.
fn back_links(refs: &[String], back: &str) -> String {
    let mut out = String::new();
    for (k, r) in refs.iter().enumerate() {
        let name = if k == 0 { back.to_string() } else { format!("{back} {}", k + 1) };
        out.push_str(&format!(
            " <a class=\"footnote-back\" href=\"#{}\" aria-label=\"{}\">↩</a>",
            attr_href(r),
            attr(&name)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::back_links;

    #[test]
    fn back_links_are_numbered_after_the_first() {
        let cases: [(&[&str], &str); 3] = [
            (&[], ""),
            (&["fnref-a"], " <a class=\"footnote-back\" href=\"#fnref-a\" aria-label=\"Volver\">↩</a>"),
            (
                &["fnref-a", "fnref-a-1"],
                " <a class=\"footnote-back\" href=\"#fnref-a\" aria-label=\"Volver\">↩</a> \
                 <a class=\"footnote-back\" href=\"#fnref-a-1\" aria-label=\"Volver 2\">↩</a>",
            ),
        ];
        for (refs, want) in cases {
            let refs: Vec<String> = refs.iter().map(|s| s.to_string()).collect();
            assert_eq!(back_links(&refs, "Volver"), want);
        }
    }
}
