//! Markdown to HTML (the one home of pulldown-cmark). Adds what the crate leaves out:
//! stable heading ids with accents folded, links written to source files rewritten to
//! page URLs, `rel` on external links, required alt text, and raw HTML shown as text so
//! that content never becomes script.

use crate::config::Lang;
use crate::content::{Content, Page, Target};
use crate::diagnostics::{line_col, Diagnostic};
use crate::i18n::Strings;
use crate::slug::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Plain text of the first paragraph.
    pub summary: String,
    pub word_count: usize,
    /// `{{< chart ID >}}` shortcodes: the indicator id and the line, in order. The HTML holds
    /// `<!--faro-chart:ID-->` where each goes; the render stage puts the figure there.
    pub charts: Vec<(String, usize)>,
    /// `{{< goals >}}` and `{{< roadmap >}}` blocks of report chapters, with their lines.
    pub blocks: Vec<(Block, usize)>,
    /// Table captions `Tabla: text {#tbl:id}` written on the line before a table: (id,
    /// line). The caption holds `<!--faro-tbl:N-->` where its number goes.
    pub tables: Vec<(String, usize)>,
    /// Cross-references `[@sec:id]`, `[@fig:id]`, in order: (kind, id, line, column). The
    /// HTML holds `<!--faro-ref:N-->` for the N-th; the render stage writes the link.
    pub refs: Vec<(String, String, usize, usize)>,
}

/// Marks the place of the N-th cross-reference in the HTML.
pub fn ref_marker(n: usize) -> String {
    format!("<!--faro-ref:{n}-->")
}

/// Marks where the N-th table's number goes in its caption.
pub fn table_marker(n: usize) -> String {
    format!("<!--faro-tbl:{n}-->")
}

/// Finds `Label: caption {#tbl:id}` lines (any single word as the label, so each language
/// writes its own: `Tabla:`, `Table:`) and turns them into tokens; returns the captions.
fn extract_table_captions(src: &str, first_line: usize) -> (String, Vec<(String, String, usize)>) {
    if !src.contains("{#tbl:") {
        return (src.to_string(), Vec::new());
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
                found.push((id, caption, first_line + n));
            }
            None => out.push_str(line),
        }
    }
    (out, found)
}

/// Replaces `[@kind:id]` (outside code) with a token that survives Markdown.
fn extract_refs(src: &str, first_line: usize) -> (String, Vec<(String, String, usize, usize)>) {
    if !src.contains("[@") {
        return (src.to_string(), Vec::new());
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
                let ok = matches!(kind, "sec" | "fig" | "tbl")
                    && !id.is_empty()
                    && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
                ok.then_some((kind, id, after))
            });
            match parsed {
                Some((kind, id, after)) if !in_code => {
                    let col = line[..line.len() - tail.len()].chars().count() + 1;
                    out.push_str(&format!("FAROREF{}X", refs.len()));
                    refs.push((kind.to_string(), id.to_string(), first_line + n, col));
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
    (out, refs)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Block {
    Goals,
    Roadmap,
}

impl Block {
    pub fn marker(self) -> &'static str {
        match self {
            Block::Goals => "<!--faro:goals-->",
            Block::Roadmap => "<!--faro:roadmap-->",
        }
    }
}

/// Marks a chart's place in the HTML until the render stage fills it in.
pub fn chart_marker(id: &str) -> String {
    format!("<!--faro-chart:{id}-->")
}

/// Replaces shortcode lines (outside code blocks) with a token paragraph that survives
/// Markdown, keeping line numbers. Returns the new source and (id, line) per shortcode.
/// The source with shortcodes replaced, the charts (id, line) and the blocks (block, line).
/// The body with markers, chart ids and blocks with their lines, and lines that look like
/// shortcodes but are not one (misspelt or unclosed).
type Shortcodes = (String, Vec<(String, usize)>, Vec<(Block, usize)>, Vec<(usize, String)>);

fn extract_shortcodes(src: &str, first_line: usize) -> Shortcodes {
    let mut out = String::with_capacity(src.len());
    let mut found = Vec::new();
    let mut blocks = Vec::new();
    let mut bad = Vec::new();
    let mut fence: Option<&str> = None;
    for (n, line) in src.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some(code) = trimmed.strip_prefix("{{<").and_then(|r| r.strip_suffix(">}}")).map(str::trim) {
            if let Some(id) = code.strip_prefix("chart ") {
                out.push_str(&format!("FAROCHART{}\n", found.len()));
                found.push((id.trim().to_string(), first_line + n));
                continue;
            }
            let block = match code {
                "goals" => Some(Block::Goals),
                "roadmap" => Some(Block::Roadmap),
                _ => None,
            };
            if let Some(block) = block {
                out.push_str(&format!("FAROBLOCK{}\n", blocks.len()));
                blocks.push((block, first_line + n));
                continue;
            }
            bad.push((first_line + n, format!("`{trimmed}` is not a shortcode")));
        } else if trimmed.starts_with("{{<") {
            bad.push((first_line + n, format!("`{trimmed}` is not closed with `>}}}}` on the same line")));
        }
        out.push_str(line);
    }
    (out, found, blocks, bad)
}

#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// What link rewriting needs to know about the site.
pub struct Links<'a> {
    pub content: &'a Content,
    /// `/` or `/sub/path/`.
    pub base_path: &'a str,
    /// UI strings, for the accessible names Markdown output needs (task list states).
    pub strings: &'a BTreeMap<Lang, Strings>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub fn render(page: &Page, links: &Links) -> (Rendered, Vec<Diagnostic>) {
    let (src, charts, blocks, bad) = extract_shortcodes(&page.body, page.body_line);
    let (src, refs) = extract_refs(&src, page.body_line);
    let (src, captions) = extract_table_captions(&src, page.body_line);
    let src = src.as_str();
    let mut diags: Vec<Diagnostic> = bad
        .into_iter()
        .map(|(line, message)| {
            Diagnostic::error("shortcode", &page.source, message)
                .at(Some(line), Some(1))
                .hint("the shortcodes are {{< chart ID >}}, {{< goals >}} and {{< roadmap >}}, each alone on its line")
        })
        .collect();
    let locate = |range: &Range<usize>| {
        let (line, col) = line_col(src, range.start);
        (Some(line + page.body_line - 1), Some(col))
    };
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(src, options()).into_offset_iter().collect();

    let tables = captions.iter().map(|(id, _, line)| (id.clone(), *line)).collect();
    let mut out = Rendered { charts, blocks, refs, tables, ..Rendered::default() };
    let mut ids = Ids::default();
    let mut i = 0;
    let mut in_first_paragraph = None;
    while i < events.len() {
        let range = events[i].1.clone();
        match &events[i].0 {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let (level, explicit) = (*level, id.clone());
                let text = plain_text(&events[i + 1..], |e| matches!(e, Event::End(TagEnd::Heading(_))));
                let base = explicit.map(|s| s.to_string()).unwrap_or_else(|| match slugify(&text) {
                    s if s.is_empty() => "section".to_string(),
                    s => s,
                });
                let id = ids.unique(base);
                out.headings.push(Heading { level: heading_level(level), id: id.clone(), text });
                if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                    *slot = Some(CowStr::from(id));
                }
            }
            Event::Start(Tag::Paragraph) if in_first_paragraph.is_none() => in_first_paragraph = Some(true),
            Event::End(TagEnd::Paragraph) if in_first_paragraph == Some(true) => in_first_paragraph = Some(false),
            Event::Text(text) => {
                out.word_count += text.split_whitespace().count();
                if in_first_paragraph == Some(true) {
                    out.summary.push_str(text);
                }
            }
            Event::SoftBreak if in_first_paragraph == Some(true) => out.summary.push(' '),
            Event::Start(Tag::Link { dest_url, title, .. }) => {
                let (href, external, _) = resolve(dest_url, page, links, locate(&range), &mut diags);
                let mut tag = format!("<a href=\"{}\"", attr_href(&href));
                if !title.is_empty() {
                    tag.push_str(&format!(" title=\"{}\"", attr(title)));
                }
                if external {
                    tag.push_str(" rel=\"noopener noreferrer\"");
                }
                tag.push('>');
                events[i].0 = Event::Html(tag.into());
            }
            Event::End(TagEnd::Link) => events[i].0 = Event::Html("</a>".into()),
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                let (src_url, _, asset) = resolve(dest_url, page, links, locate(&range), &mut diags);
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::Image)))
                    .map_or(events.len(), |p| i + p);
                let alt = plain_text(&events[i + 1..], |e| matches!(e, Event::End(TagEnd::Image)));
                if alt.trim().is_empty() {
                    let (line, col) = locate(&range);
                    diags.push(
                        Diagnostic::error(
                            "missing-alt",
                            &page.source,
                            format!("the image `{dest_url}` has no alt text"),
                        )
                        .at(line, col)
                        .hint("describe the image between the brackets: ![a girl calls the 1818 line](photo.jpg)"),
                    );
                }
                let mut tag = format!("<img src=\"{}\" alt=\"{}\"", attr_href(&src_url), attr(&alt));
                if !title.is_empty() {
                    tag.push_str(&format!(" title=\"{}\"", attr(title)));
                }
                // Width and height let the browser reserve space before the image arrives.
                if let Some((w, h)) = asset.and_then(|a| image_size(&links.content.assets[a].source)) {
                    tag.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
                }
                tag.push_str(" loading=\"lazy\" decoding=\"async\">");
                events[i].0 = Event::Html(tag.into());
                let last = end.min(events.len() - 1);
                for (e, _) in &mut events[i + 1..=last] {
                    *e = Event::Text("".into());
                }
            }
            Event::TaskListMarker(done) => {
                // pulldown-cmark's bare checkbox has no accessible name; give it the state in words.
                let strings = links.strings.get(&page.lang);
                let label = strings.and_then(|s| s.text(if *done { "task_done" } else { "task_todo" })).unwrap_or("");
                let checked = if *done { " checked" } else { "" };
                events[i].0 = Event::Html(
                    format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{}\"> ", attr(label)).into(),
                );
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                let (line, col) = locate(&range);
                diags.push(
                    Diagnostic::warning("raw-html", &page.source, "raw HTML in Markdown is shown as text, never run")
                        .at(line, col)
                        .hint("use Markdown instead; faro escapes HTML so that page text can never become script"),
                );
                events[i].0 = Event::Text(raw.clone());
            }
            _ => {}
        }
        i += 1;
    }
    out.summary = out.summary.trim().to_string();
    out.html.reserve(src.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter().map(|(e, _)| e));
    for n in (0..out.refs.len()).rev() {
        out.html = out.html.replace(&format!("FAROREF{n}X"), &ref_marker(n));
    }
    for (n, (block, _)) in out.blocks.iter().enumerate() {
        out.html = out.html.replace(&format!("<p>FAROBLOCK{n}</p>"), block.marker());
    }
    for (n, (id, _)) in out.charts.iter().enumerate() {
        out.html = out.html.replace(&format!("<p>FAROCHART{n}</p>"), &chart_marker(id));
    }
    // Footnotes get their own id space: `[^fuente]` and `## Fuente` must not share an id.
    if out.html.contains("footnote-") {
        out.html = out
            .html
            .replace(
                "<sup class=\"footnote-reference\"><a href=\"#",
                "<sup class=\"footnote-reference\"><a href=\"#fn-",
            )
            .replace("<div class=\"footnote-definition\" id=\"", "<div class=\"footnote-definition\" id=\"fn-");
    }
    // Wide tables scroll inside a box that keyboard users can focus and scroll too. Markdown
    // tables are the only source of `<table>` here: raw HTML and code are escaped.
    if out.html.contains("<table>") {
        out.html = out
            .html
            .replace("<table>", "<div class=\"table-scroll\" tabindex=\"0\"><table>")
            .replace("</table>", "</table></div>");
    }
    // A caption line right before a table becomes that table's <caption>, with an id to refer to.
    for (n, (id, caption, line)) in captions.iter().enumerate() {
        let token = format!("<p>FAROTBL{n}X</p>\n<div class=\"table-scroll\" tabindex=\"0\"><table>");
        let with_caption = format!(
            "<div class=\"table-scroll\" tabindex=\"0\" id=\"tbl-{}\"><table><caption>{}{}</caption>",
            attr(id),
            table_marker(n),
            attr(caption)
        );
        if out.html.contains(&token) {
            out.html = out.html.replace(&token, &with_caption);
        } else {
            out.html = out.html.replace(&format!("<p>FAROTBL{n}X</p>"), "");
            diags.push(
                Diagnostic::error(
                    "table-caption",
                    &page.source,
                    format!("the caption of table `{id}` is not followed by a table"),
                )
                .at(Some(*line), None)
                .hint("write the caption line directly above the table"),
            );
        }
    }
    // `replace` leaves up to twice the needed capacity; every page's HTML stays alive until
    // the build ends, so give the excess back (about 14% of a large build's peak memory).
    out.html.shrink_to_fit();
    (out, diags)
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

/// Heading ids of a page: `fuente`, `fuente-1`, `fuente-2`… Each base remembers its next
/// suffix, so a page of thousands of equal headings stays linear.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// The text inside a tag, up to the event `is_end` matches.
fn plain_text(events: &[(Event, Range<usize>)], is_end: impl Fn(&Event) -> bool) -> String {
    let mut text = String::new();
    for (e, _) in events {
        if is_end(e) {
            break;
        }
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Rewrites a link target: source files (`../comision.md`) become page URLs, files beside
/// pages become their copied URLs, site-root paths gain the base path. Returns the URL and
/// whether it leaves the site.
fn resolve(
    dest: &str,
    page: &Page,
    links: &Links,
    at: (Option<usize>, Option<usize>),
    diags: &mut Vec<Diagnostic>,
) -> (String, bool, Option<usize>) {
    if dest.starts_with('#') || dest.is_empty() {
        return (dest.to_string(), false, None);
    }
    if let Some(scheme_end) = dest.find(':') {
        if !dest[..scheme_end].contains('/') {
            let scheme = dest[..scheme_end].trim().to_ascii_lowercase();
            if !matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel") {
                diags.push(
                    Diagnostic::error(
                        "unsafe-link",
                        &page.source,
                        format!("links with the scheme `{scheme}:` are not allowed"),
                    )
                    .at(at.0, at.1)
                    .hint("link with http:, https:, mailto: or tel:, or to a file of the site"),
                );
                return ("#".to_string(), false, None);
            }
            return (dest.to_string(), scheme == "http" || scheme == "https", None);
        }
    }
    if dest.starts_with("//") {
        return (dest.to_string(), true, None);
    }
    if let Some(rest) = dest.strip_prefix('/') {
        return (format!("{}{rest}", links.base_path), false, None);
    }
    let (path, fragment) = match dest.find(['#', '?']) {
        Some(i) => (&dest[..i], &dest[i..]),
        None => (dest, ""),
    };
    let decoded = percent_decode(path);
    let page_dir = page.rel.rsplit_once('/').map_or("", |(d, _)| d);
    let Some(target) = normalize(page_dir, &decoded) else {
        diags.push(
            Diagnostic::error("broken-link", &page.source, format!("the link `{dest}` points outside content/"))
                .at(at.0, at.1),
        );
        return (dest.to_string(), false, None);
    };
    match links.content.by_source.get(&target) {
        Some(Target::Page(i)) => (format!("{}{}{fragment}", links.base_path, links.content.pages[*i].url), false, None),
        Some(Target::Asset(a)) => {
            (format!("{}{}{fragment}", links.base_path, links.content.assets[*a].url), false, Some(*a))
        }
        None if links.content.drafts.contains(&target) => {
            diags.push(
                Diagnostic::error(
                    "link-to-draft",
                    &page.source,
                    format!("the link `{dest}` points to content/{target}, which is a draft and is not published"),
                )
                .at(at.0, at.1)
                .hint("publish that page (remove `draft: true`), remove the link, or preview with --drafts"),
            );
            (dest.to_string(), false, None)
        }
        None if target.ends_with(".md") => {
            diags.push(
                Diagnostic::error(
                    "broken-link",
                    &page.source,
                    format!("the link `{dest}` points to content/{target}, which does not exist"),
                )
                .at(at.0, at.1)
                .hint("link to another page by its file, relative to this one: [text](../campanas/linea-1818.md)"),
            );
            (dest.to_string(), false, None)
        }
        None => {
            diags.push(
                Diagnostic::warning(
                    "broken-link",
                    &page.source,
                    format!("the link `{dest}` points to content/{target}, which does not exist"),
                )
                .at(at.0, at.1),
            );
            (dest.to_string(), false, None)
        }
    }
}

/// Pixel size of a raster image, or of an SVG from its `width`/`height` or `viewBox`.
fn image_size(path: &std::path::Path) -> Option<(u64, u64)> {
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

/// Joins `rel` onto `dir` (both `/`-separated, under content/), resolving `.` and `..`.
fn normalize(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn attr(s: &str) -> String {
    let mut out = String::new();
    escape_html(&mut out, s).expect("writing to a String cannot fail");
    out
}

fn attr_href(s: &str) -> String {
    let mut href = String::new();
    escape_href(&mut href, s).expect("writing to a String cannot fail");
    attr(&href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_relative_paths_inside_content() {
        assert_eq!(normalize("es/campanas", "../comision.md").as_deref(), Some("es/comision.md"));
        assert_eq!(normalize("es", "./campanas/_index.md").as_deref(), Some("es/campanas/_index.md"));
        assert_eq!(normalize("es", "../../x.md"), None);
    }

    #[test]
    fn finds_chart_shortcodes_outside_code_blocks() {
        let src = "Texto\n\n{{< chart victimas >}}\n\n```\n{{< chart no >}}\n```\n  {{<chart otro>}}\n";
        let (out, found, _, _) = extract_shortcodes(src, 5);
        assert_eq!(found, [("victimas".to_string(), 7), ("otro".to_string(), 12)]);
        assert!(out.contains("FAROCHART0\n") && out.contains("{{< chart no >}}"), "{out}");
        assert_eq!(out.lines().count(), src.lines().count());
    }

    #[test]
    fn finds_cross_references_outside_code() {
        let src = "Ver [@fig:victimas] y [@sec:metas].\n`[@sec:no]` y [enlace](x.md)\n```\n[@fig:no]\n```\n";
        let (out, refs) = extract_refs(src, 3);
        let found: Vec<_> = refs.iter().map(|(k, id, line, col)| (k.as_str(), id.as_str(), *line, *col)).collect();
        assert_eq!(found, [("fig", "victimas", 3, 5), ("sec", "metas", 3, 23)]);
        assert!(out.starts_with("Ver FAROREF0X y FAROREF1X.\n`[@sec:no]` y [enlace](x.md)"), "{out}");
        assert!(out.contains("[@fig:no]"));
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("mi%20foto.jpg"), "mi foto.jpg");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
