//! What faro adds to Markdown, found in the source before pulldown-cmark sees it:
//! shortcode lines (`{{< chart ID >}}`, `{{< goals >}}`, `{{< roadmap >}}`), cross-references
//! (`[@sec:id]`) and table captions (`Tabla: text {#tbl:id}`). Each becomes a plain token
//! that survives Markdown, on the same line, so line numbers stay right.

use super::{Block, BlockUse, Caption, Chart, RefKind, XRef};
use crate::messages::Said;
use pulldown_cmark::{Event, TagEnd};
use std::ops::Range;

/// The source with shortcodes replaced, what they were, and lines that look like
/// shortcodes but are not one (misspelt or unclosed).
pub(super) struct Shortcodes {
    pub(super) src: String,
    pub(super) charts: Vec<Chart>,
    pub(super) blocks: Vec<BlockUse>,
    pub(super) bad: Vec<(usize, usize, Said)>,
}

/// Replaces shortcode lines (outside code blocks) with a token paragraph.
pub(super) fn extract_shortcodes(src: &str, first_line: usize) -> Shortcodes {
    let mut out = Shortcodes { src: String::with_capacity(src.len()), charts: vec![], blocks: vec![], bad: vec![] };
    let mut fence: Option<&str> = None;
    for (n, line) in src.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        let at = first_line + n;
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some(code) = trimmed.strip_prefix("{{<").and_then(|r| r.strip_suffix(">}}")).map(str::trim) {
            if let Some(id) = code.strip_prefix("chart ") {
                out.src.push_str(&format!("FAROCHART{}\n", out.charts.len()));
                out.charts.push(Chart { id: id.trim().to_string(), line: at });
                continue;
            }
            let block = match code {
                "goals" => Some(Block::Goals),
                "roadmap" => Some(Block::Roadmap),
                _ => None,
            };
            if let Some(block) = block {
                out.src.push_str(&format!("FAROBLOCK{}\n", out.blocks.len()));
                out.blocks.push(BlockUse { block, line: at });
                continue;
            }
            out.bad.push((at, 1, Said::new("content-shortcode-unknown", &[("code", trimmed)])));
        } else if trimmed.starts_with("{{<") {
            out.bad.push((at, 1, Said::new("content-shortcode-unclosed", &[("code", trimmed)])));
        } else {
            // A Hugo or Zola shortcode inside a line would come out as its own text.
            for (col, code) in foreign_shortcodes(line) {
                out.bad.push((at, col, Said::new("content-shortcode-foreign", &[("code", code)])));
            }
        }
        out.src.push_str(line);
    }
    out
}

/// Each Hugo (`{{< x >}}`, `{{% x %}}`) or Zola (`{{ x(..) }}`, `{% x(..) %}`) shortcode in
/// a line, outside code spans and indented code: its column and text.
fn foreign_shortcodes(line: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    if line.starts_with("    ") || line.starts_with('\t') || !line.contains('{') {
        return found;
    }
    let (mut in_code, mut after) = (false, 0);
    for (i, c) in line.char_indices() {
        if c == '`' {
            in_code = !in_code;
        }
        if in_code || c != '{' || i < after {
            continue;
        }
        let tail = &line[i..];
        let close = if tail.starts_with("{{<") {
            ">}}"
        } else if tail.starts_with("{{%") {
            "%}}"
        } else if zola_call(tail) {
            if tail.starts_with("{%") {
                "%}"
            } else {
                "}}"
            }
        } else {
            continue;
        };
        let end = tail.find(close).map_or(tail.trim_end().len(), |e| e + close.len());
        found.push((line[..i].chars().count() + 1, &tail[..end]));
        after = i + end;
    }
    found
}

/// `{{ name(` or `{% name(`: how a Zola shortcode opens.
fn zola_call(tail: &str) -> bool {
    let Some(rest) = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("{%")) else { return false };
    let rest = rest.trim_start_matches(' ');
    let name = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    name > 0 && rest[name..].starts_with('(')
}

/// Replaces `[@kind:id]` (outside code) with a token that survives Markdown.
pub(super) fn extract_refs(src: String, first_line: usize) -> (String, Vec<XRef>) {
    if !src.contains("[@") {
        return (src, Vec::new());
    }
    let mut out = String::with_capacity(src.len());
    let mut refs = Vec::new();
    let mut fence = false;
    for (n, line) in src.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = !fence;
        }
        if fence || !line.contains("[@") {
            out.push_str(line);
            continue;
        }
        refs_in_line(line, first_line + n, &mut out, &mut refs);
    }
    (out, refs)
}

fn refs_in_line(line: &str, at: usize, out: &mut String, refs: &mut Vec<XRef>) {
    let mut rest = line;
    let mut in_code = false;
    while let Some(i) = rest.find(['[', '`']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('`') {
            in_code = !in_code;
            out.push('`');
            rest = tail.strip_prefix('`').unwrap_or(tail);
            continue;
        }
        let parsed = tail.strip_prefix("[@").and_then(|t| t.split_once(']')).and_then(|(inner, after)| {
            let (kind, id) = inner.split_once(':')?;
            let kind = RefKind::parse(kind)?;
            let ok = !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            ok.then_some((kind, id, after))
        });
        match parsed {
            Some((kind, id, after)) if !in_code => {
                let col = line[..line.len() - tail.len()].chars().count() + 1;
                out.push_str(&format!("FAROREF{}X", refs.len()));
                refs.push(XRef { kind, id: id.to_string(), line: at, col });
                rest = after;
            }
            _ => {
                out.push('[');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Finds `Label: caption {#tbl:id}` lines (any single word as the label, so each language
/// writes its own: `Tabla:`, `Table:`) and turns them into tokens; returns the captions
/// and their texts.
pub(super) fn extract_table_captions(src: String, first_line: usize) -> (String, Vec<(Caption, String)>) {
    if !src.contains("{#tbl:") {
        return (src, Vec::new());
    }
    let mut out = String::with_capacity(src.len());
    let mut found = Vec::new();
    for (n, line) in src.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        let parsed = trimmed.strip_suffix('}').and_then(|t| t.rsplit_once("{#tbl:")).and_then(|(head, id)| {
            let (label, caption) = head.split_once(':')?;
            let ok = !label.contains(' ')
                && !id.is_empty()
                && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            ok.then(|| (id.to_string(), caption.trim().to_string()))
        });
        match parsed {
            Some((id, caption)) => {
                out.push_str(&format!("FAROTBL{}X\n", found.len()));
                found.push((Caption { id, line: first_line + n }, caption));
            }
            None => out.push_str(line),
        }
    }
    (out, found)
}

/// The tokens this module puts in the source: `FAROCHART0`, `FAROBLOCK0`, `FAROTBL0X`, `FAROREF0X`.
pub(super) fn is_token(word: &str) -> bool {
    let digits = |rest: &str| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    let numbered = |prefix: &str, x: bool| {
        word.strip_prefix(prefix).and_then(|r| if x { r.strip_suffix('X') } else { Some(r) }).is_some_and(digits)
    };
    numbered("FAROCHART", false)
        || numbered("FAROBLOCK", false)
        || numbered("FAROTBL", true)
        || numbered("FAROREF", true)
}

/// Whether the paragraph these events start holds nothing but a token.
pub(super) fn slot_paragraph(events: &[(Event, Range<usize>)]) -> bool {
    matches!(events, [(Event::Text(t), _), (Event::End(TagEnd::Paragraph), _), ..] if is_token(t.trim()))
}

/// Text with the tokens of cross-references taken out (their words come from the report).
pub(super) fn without_ref_tokens(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("FAROREF") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("FAROREF") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 7..];
        let n = tail.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 && tail[n..].starts_with('X') {
            rest = &tail[n + 1..];
            // "see [@sec:x] and" reads "see and", not "see  and".
            if out.ends_with(' ') && rest.starts_with(' ') {
                rest = &rest[1..];
            }
        } else {
            out.push_str("FAROREF");
            rest = tail;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_chart_shortcodes_outside_code_blocks() {
        let src = "Texto\n\n{{< chart victimas >}}\n\n```\n{{< chart no >}}\n```\n  {{<chart otro>}}\n";
        let found = extract_shortcodes(src, 5);
        let charts: Vec<_> = found.charts.iter().map(|c| (c.id.as_str(), c.line)).collect();
        assert_eq!(charts, [("victimas", 7), ("otro", 12)]);
        assert!(found.src.contains("FAROCHART0\n") && found.src.contains("{{< chart no >}}"), "{}", found.src);
        assert_eq!(found.src.lines().count(), src.lines().count());
    }

    #[test]
    fn finds_hugo_and_zola_shortcodes_inside_lines_but_not_in_code() {
        let src = concat!(
            "Ver [esto]({{< ref \"otro.md\" >}}) y [eso]({{< relref \"b.md\" >}})\n",
            "{{% nota %}}\n",
            "Un video: {{ youtube(id=\"x\") }}.\n",
            "Se escribe `{{< chart x >}}` así, y {{ no es }} una llamada.\n",
            "```\n{{% nota %}}\n```\n",
            "    x = {{% codigo %}}\n",
        );
        let bad: Vec<(usize, usize, String)> = (extract_shortcodes(src, 1).bad.into_iter())
            .map(|(l, c, said)| (l, c, crate::messages::english(&said)))
            .collect();
        let at: Vec<_> = bad.iter().map(|(l, c, _)| (*l, *c)).collect();
        assert_eq!(at, [(1, 12), (1, 43), (2, 1), (3, 11)], "{bad:?}");
        assert!(bad[0].2.starts_with("`{{< ref \"otro.md\" >}}` is not"), "{}", bad[0].2);
        assert!(bad[1].2.starts_with("`{{< relref \"b.md\" >}}` is not"), "{}", bad[1].2);
        assert!(bad[3].2.starts_with("`{{ youtube(id=\"x\") }}` is not"), "{}", bad[3].2);
    }

    #[test]
    fn finds_cross_references_outside_code() {
        let src = "Ver [@fig:victimas] y [@sec:metas].\n`[@sec:no]` y [enlace](x.md)\n```\n[@fig:no]\n```\n";
        let (out, refs) = extract_refs(src.to_string(), 3);
        let found: Vec<_> = refs.iter().map(|r| (r.kind.as_str(), r.id.as_str(), r.line, r.col)).collect();
        assert_eq!(found, [("fig", "victimas", 3, 5), ("sec", "metas", 3, 23)]);
        assert!(out.starts_with("Ver FAROREF0X y FAROREF1X.\n`[@sec:no]` y [enlace](x.md)"), "{out}");
        assert!(out.contains("[@fig:no]"));
    }

    #[test]
    fn finds_table_captions_in_any_language() {
        let (out, found) = extract_table_captions("Tabla: Víctimas {#tbl:v}\n| a |\n".to_string(), 4);
        assert_eq!(found[0].0.id, "v");
        assert_eq!((found[0].0.line, found[0].1.as_str()), (4, "Víctimas"));
        assert!(out.starts_with("FAROTBL0X\n"));
    }
}
