//! Markdown to HTML (the one home of pulldown-cmark). Adds what the crate leaves out:
//! stable heading ids with accents folded, links written to source files rewritten to
//! page URLs, `rel` on external links, required alt text, and raw HTML shown as text so
//! that content never becomes script.
//!
//! What only the site can fill in (a chart, the goals or roadmap of a report, a table's
//! number, a cross-reference) comes back as a typed `Slot` between pieces of HTML.

mod footnotes;
mod fragments;
mod links;
mod shortcodes;
mod slots;

pub(crate) use fragments::{resolve as resolve_fragments, Fragment, TemplateIds};
pub(crate) use links::unpublished;

use crate::config::Lang;
use crate::content::{Content, Page};
use crate::diagnostics::{line_col, Code, Diagnostic};
use crate::escape::{href as attr_href, html as attr};
use crate::i18n::Strings;
use crate::messages::Said;
use crate::slug::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// A page's Markdown, rendered.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rendered {
    /// The HTML, in pieces around the slots the render stage fills.
    pub(crate) body: Vec<Piece>,
    pub(crate) headings: Vec<Heading>,
    /// Plain text of the first paragraph.
    pub(crate) summary: String,
    pub(crate) word_count: usize,
    /// `{{< chart ID >}}` shortcodes, in order.
    pub(crate) charts: Vec<Chart>,
    /// `{{< goals >}}` and `{{< roadmap >}}` blocks of report chapters.
    pub(crate) blocks: Vec<BlockUse>,
    /// Table captions `Tabla: text {#tbl:id}` written on the line before a table.
    pub(crate) tables: Vec<Caption>,
    /// Cross-references `[@sec:id]`, `[@fig:id]`, `[@tbl:id]`, in order.
    pub(crate) refs: Vec<XRef>,
    /// Every id the page's Markdown makes: headings, footnotes, table captions, charts.
    pub(crate) ids: Vec<String>,
    /// Links with a `#fragment` into a page of the site, checked by `resolve_fragments`.
    pub(crate) fragments: Vec<Fragment>,
    /// Links to paths of the site that name no page and no file beside pages, checked by
    /// `unpublished` against the files written.
    pub(crate) unresolved: Vec<Unresolved>,
    /// Every link and image into the site: its `href` as written in the HTML and its place,
    /// so what `faro check` finds in the HTML is reported at the line.
    pub(crate) hrefs: Vec<(String, Option<usize>, Option<usize>)>,
}

/// A link to a path of the site (`es/buscar/`, `datos/x.csv`) that no page and no file
/// beside pages has: a file of static/ or one faro makes, or nothing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unresolved {
    /// Under the base path, percent-decoded, without query or fragment.
    pub(crate) path: String,
    /// The link as written.
    pub(crate) dest: String,
    /// The file under content/ a relative link names when read from the page's source.
    pub(crate) source: Option<String>,
    pub(crate) line: Option<usize>,
    pub(crate) col: Option<usize>,
}

impl Rendered {
    /// The HTML as text, with each slot as a space: what search indexes.
    pub(crate) fn text_html(&self) -> String {
        let mut out = String::new();
        for piece in &self.body {
            match piece {
                Piece::Html(html) => out.push_str(html),
                Piece::Slot(_) => out.push(' '),
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Html(Html),
    Slot(Slot),
}

/// A run of a page's HTML, held as the template value that shows it: a page without slots
/// is one run, and its view shares it instead of holding a second copy of the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Html(minijinja::Value);

impl Html {
    pub(crate) fn new(html: String) -> Html {
        Html(minijinja::Value::from_safe_string(html))
    }

    /// The run as a safe template value (a reference count, not a copy).
    pub(crate) fn value(&self) -> minijinja::Value {
        self.0.clone()
    }
}

impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str().unwrap_or_default()
    }
}

/// A place in a page's HTML that the render stage fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// The N-th chart shortcode's figure.
    Chart(usize),
    Block(Block),
    /// The number of the N-th captioned table (`Tabla 2.1. `), empty outside chapters.
    TableNumber(usize),
    /// The link of the N-th cross-reference.
    Ref(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chart {
    pub(crate) id: String,
    pub(crate) line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Block {
    Goals,
    Roadmap,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BlockUse {
    pub(crate) block: Block,
    pub(crate) line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Caption {
    pub(crate) id: String,
    pub(crate) line: usize,
}

/// What a cross-reference names: a section, a figure (chart) or a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum RefKind {
    Sec,
    Fig,
    Tbl,
}

impl RefKind {
    fn parse(s: &str) -> Option<RefKind> {
        match s {
            "sec" => Some(RefKind::Sec),
            "fig" => Some(RefKind::Fig),
            "tbl" => Some(RefKind::Tbl),
            _ => None,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RefKind::Sec => "sec",
            RefKind::Fig => "fig",
            RefKind::Tbl => "tbl",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct XRef {
    pub(crate) kind: RefKind,
    pub(crate) id: String,
    pub(crate) line: usize,
    pub(crate) col: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub(crate) level: u8,
    pub(crate) id: String,
    pub(crate) text: String,
}

/// What link rewriting needs to know about the site.
pub(crate) struct Links<'a> {
    pub(crate) content: &'a Content,
    /// `/` or `/sub/path/`.
    pub(crate) base_path: &'a str,
    /// UI strings, for the accessible names Markdown output needs (task list states).
    pub(crate) strings: &'a BTreeMap<Lang, Strings>,
    /// The ids the theme writes, which headings must not take.
    pub(crate) theme_ids: &'a TemplateIds,
    /// The sizes made of the JPEGs and PNGs beside pages.
    pub(crate) images: &'a crate::images::Images,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub(crate) fn render(page: &Page, links: &Links) -> (Rendered, Vec<Diagnostic>) {
    let found = shortcodes::extract_shortcodes(&page.body, page.body_line);
    let (src, refs) = shortcodes::extract_refs(found.src, page.body_line);
    let (src, captions) = shortcodes::extract_table_captions(src, page.body_line);
    let src = src.as_str();
    let mut diags: Vec<Diagnostic> = found
        .bad
        .into_iter()
        .map(|(line, col, said)| {
            Diagnostic::error_said(Code::Shortcode, &page.source, said)
                .at(Some(line), Some(col))
                .hint_said(Said::new("content-shortcode-hint", &[]))
        })
        .collect();
    let mut out = Rendered {
        charts: found.charts,
        blocks: found.blocks,
        refs,
        tables: captions.iter().map(|(c, _)| c.clone()).collect(),
        ..Rendered::default()
    };
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(src, options()).into_offset_iter().collect();
    // The theme's ids, captions' and charts' first, so that no heading or footnote can take one.
    let mut ids = Ids::default();
    ids.used.extend(links.theme_ids.exact().cloned());
    let made: Vec<String> = (out.tables.iter().map(|c| format!("tbl-{}", c.id)))
        .chain(out.charts.iter().flat_map(|c| [format!("fig-{}", c.id), format!("fig-{}-chart", c.id)]))
        .collect();
    for id in &made {
        ids.used.insert(id.clone());
    }
    let notes = footnotes::plan(&events, &mut ids);
    let mut pass = Pass { page, links, src, out: &mut out, diags: &mut diags, ids, first: None };
    pass.rewrite(&mut events);
    let back = links.strings.get(&page.lang).and_then(|s| s.text("footnote_back")).unwrap_or("");
    let notes = footnotes::apply(&mut events, notes, back);
    out.ids = out.headings.iter().map(|h| h.id.clone()).chain(made).chain(notes).collect();
    out.summary = out.summary.trim().to_string();
    let mut html = String::with_capacity(src.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    let html = slots::finish_html(html, &out, &captions, page, &mut diags);
    out.body = slots::split_slots(&html, out.charts.len(), out.refs.len(), out.tables.len());
    (out, diags)
}

/// One walk over a page's events: heading ids, links, images, task lists, raw HTML, and
/// the words and first paragraph.
struct Pass<'a, 'b> {
    page: &'a Page,
    links: &'a Links<'a>,
    src: &'a str,
    out: &'b mut Rendered,
    diags: &'b mut Vec<Diagnostic>,
    ids: Ids,
    /// Inside the first paragraph (Some(true)), after it (Some(false)), before it (None).
    first: Option<bool>,
}

impl Pass<'_, '_> {
    fn locate(&self, range: &Range<usize>) -> (Option<usize>, Option<usize>) {
        let (line, col) = line_col(self.src, range.start);
        (Some(line + self.page.body_line - 1), Some(col))
    }

    fn rewrite(&mut self, events: &mut Vec<(Event, Range<usize>)>) {
        // Before headings read their text, so a heading and its table-of-contents entry agree.
        for (e, range) in events.iter_mut() {
            if matches!(e, Event::Text(t) if t.as_ref() == "’") && between_letters(self.src, range) {
                *e = Event::Text("'".into());
            }
        }
        let mut i = 0;
        while i < events.len() {
            let range = events[i].1.clone();
            let replacement = match &events[i].0 {
                Event::Start(Tag::Heading { level, id, .. }) => {
                    let (level, explicit) = (*level, id.clone());
                    let id = self.heading(level, explicit.as_deref(), &events[i + 1..]);
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                        *slot = Some(CowStr::from(id));
                    }
                    None
                }
                // A paragraph that is only a shortcode's token is a slot, not the first paragraph.
                Event::Start(Tag::Paragraph)
                    if self.first.is_none() && !shortcodes::slot_paragraph(&events[i + 1..]) =>
                {
                    self.first = Some(true);
                    None
                }
                Event::End(TagEnd::Paragraph) if self.first == Some(true) => {
                    self.first = Some(false);
                    None
                }
                Event::Text(text) => {
                    // Tokens of slots are not words of the page.
                    let words = text.split_whitespace().filter(|w| !shortcodes::is_token(w));
                    self.out.word_count += words.count();
                    if self.first == Some(true) {
                        self.out.summary.push_str(&shortcodes::without_ref_tokens(text));
                    }
                    None
                }
                Event::SoftBreak if self.first == Some(true) => {
                    self.out.summary.push(' ');
                    None
                }
                Event::Start(Tag::Link { link_type, dest_url, title, .. }) => {
                    Some(self.link(*link_type, dest_url, title, &range))
                }
                Event::End(TagEnd::Link) => Some(Event::Html("</a>".into())),
                Event::Start(Tag::Image { .. }) => {
                    self.image(events, i, &range);
                    None
                }
                Event::TaskListMarker(done) => Some(self.task(*done)),
                Event::Html(raw) | Event::InlineHtml(raw) => {
                    let (line, col) = self.locate(&range);
                    self.diags.push(
                        Diagnostic::warning_said(Code::RawHtml, &self.page.source, Said::new("content-raw-html", &[]))
                            .at(line, col)
                            .hint_said(Said::new("content-raw-html-hint", &[])),
                    );
                    Some(Event::Text(raw.clone()))
                }
                _ => None,
            };
            if let Some(event) = replacement {
                events[i].0 = event;
            }
            i += 1;
        }
    }

    /// Records a heading and returns its id: the one written (`{#id}`) or its folded text.
    fn heading(&mut self, level: HeadingLevel, explicit: Option<&str>, rest: &[(Event, Range<usize>)]) -> String {
        let text = plain_text(rest, |e| matches!(e, Event::End(TagEnd::Heading(_))));
        let base = explicit.map(str::to_string).unwrap_or_else(|| match slugify(&text) {
            s if s.is_empty() => "section".to_string(),
            s => s,
        });
        let id = self.ids.unique(base);
        self.out.headings.push(Heading { level: level as u8, id: id.clone(), text });
        id
    }

    fn link(&mut self, kind: LinkType, dest: &str, title: &str, range: &Range<usize>) -> Event<'static> {
        let at = self.locate(range);
        // `<name@example.org>` comes without its scheme, which would make it a relative path.
        let mailto = format!("mailto:{dest}");
        let dest = if kind == LinkType::Email { mailto.as_str() } else { dest };
        let to = links::resolve(dest, self.page, self.links, at, self.diags);
        let href = attr_href(&to.url);
        self.record(&to, &href, at);
        let mut tag = format!("<a href=\"{href}\"");
        if !title.is_empty() {
            tag.push_str(&format!(" title=\"{}\"", attr(title)));
        }
        if to.external {
            tag.push_str(" rel=\"noopener noreferrer\"");
        }
        if let Some(lang) = &to.lang {
            tag.push_str(&format!(" hreflang=\"{}\"", attr(lang)));
        }
        let into_site = !to.external && (dest.starts_with('#') || to.page.is_some());
        if let Some((prefix, raw)) = to.url.split_once('#').filter(|(_, raw)| into_site && !raw.is_empty()) {
            let (prefix, raw, dest) = (prefix.to_string(), raw.to_string(), dest.to_string());
            let page = to.page;
            self.out.fragments.push(Fragment { page, prefix, raw, href, dest, line: at.0, col: at.1 });
        }
        tag.push('>');
        Event::Html(tag.into())
    }

    /// Keeps what `faro check` and `unpublished` need of a link into the site.
    fn record(&mut self, to: &links::Resolved, href: &str, at: (Option<usize>, Option<usize>)) {
        if !to.external {
            self.out.hrefs.push((href.to_string(), at.0, at.1));
        }
        if let Some(u) = &to.unresolved {
            self.out.unresolved.push(u.clone());
        }
    }

    /// An image with required alt text and, for files of the site, its size.
    fn image(&mut self, events: &mut [(Event, Range<usize>)], i: usize, range: &Range<usize>) {
        let Event::Start(Tag::Image { dest_url, title, .. }) = &events[i].0 else { return };
        let (dest_url, title) = (dest_url.to_string(), title.to_string());
        let at = self.locate(range);
        let to = links::resolve(&dest_url, self.page, self.links, at, self.diags);
        self.record(&to, &attr_href(&to.url), at);
        let end = events[i..]
            .iter()
            .position(|(e, _)| matches!(e, Event::End(TagEnd::Image)))
            .map_or(events.len(), |p| i + p);
        let alt = plain_text(&events[i + 1..], |e| matches!(e, Event::End(TagEnd::Image)));
        if alt.trim().is_empty() {
            self.diags.push(
                Diagnostic::error_said(
                    Code::MissingAlt,
                    &self.page.source,
                    Said::new("missing-alt", &[("src", &dest_url)]),
                )
                .at(at.0, at.1)
                .hint_said(Said::new("missing-alt-hint", &[])),
            );
        }
        let made = to.asset.and_then(|a| self.links.images.get(a).map(|m| (a, m)));
        let tag = match made {
            Some((a, Ok(made))) => {
                let (src, html) = self.picture(&self.links.content.assets[a].url, made, &alt, &title);
                // `faro check` finds the `src` in the HTML: it is reported at this line too.
                self.out.hrefs.push((attr_href(&src), at.0, at.1));
                html
            }
            Some((_, Err(_))) => {
                let said = Said::new("image-unreadable-here", &[("src", &dest_url)]);
                self.diags.push(Diagnostic::error_said(Code::Io, &self.page.source, said).at(at.0, at.1));
                img_tag(&to.url, &alt, &title, None)
            }
            None => {
                // Width and height let the browser reserve space before the image arrives.
                let size = to.asset.and_then(|a| links::image_size(&self.links.content.assets[a].source));
                img_tag(&to.url, &alt, &title, size)
            }
        };
        events[i].0 = Event::Html(tag.into());
        let last = end.min(events.len() - 1);
        for (e, _) in &mut events[i + 1..=last] {
            *e = Event::Text("".into());
        }
    }

    /// A JPEG or PNG in every width made of it: WebP first, when it has it, then its own
    /// format, for the browser to pick the smallest that fills the column.
    /// Returns the `<img>`'s `src` and the HTML.
    fn picture(&self, url: &str, made: &crate::images::Made, alt: &str, title: &str) -> (String, String) {
        use crate::images::{size_url, SIZES};
        let base = self.links.base_path;
        // A space or comma in a URL would split a srcset candidate.
        let v = &made.version;
        let srcset_url = |u: String| attr_href(&format!("{base}{u}?v={v}")).replace(' ', "%20").replace(',', "%2C");
        let srcset = |webp: bool| {
            let candidates =
                made.sizes.iter().map(|s| format!("{} {}w", srcset_url(size_url(url, s.width, webp)), s.width));
            candidates.collect::<Vec<_>>().join(", ")
        };
        let largest = made.sizes.last().expect("an image is made in one width at least");
        let mut html = String::from("<picture>");
        if made.has_webp() {
            html.push_str(&format!("<source type=\"image/webp\" srcset=\"{}\" sizes=\"{SIZES}\">", srcset(true)));
        }
        let src = format!("{base}{}?v={v}", size_url(url, largest.width, false));
        let mut img = img_tag(&src, alt, title, Some((largest.width as u64, largest.height as u64)));
        img.insert_str(img.len() - 1, &format!(" srcset=\"{}\" sizes=\"{SIZES}\"", srcset(false)));
        html.push_str(&img);
        html.push_str("</picture>");
        (src, html)
    }

    /// pulldown-cmark's bare checkbox has no accessible name; give it the state in words.
    fn task(&self, done: bool) -> Event<'static> {
        let strings = self.links.strings.get(&self.page.lang);
        let label = strings.and_then(|s| s.text(if done { "task_done" } else { "task_todo" })).unwrap_or("");
        let checked = if done { " checked" } else { "" };
        Event::Html(format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{}\"> ", attr(label)).into())
    }
}

/// An `<img>` with its alt text, title and size, loaded lazily.
fn img_tag(src: &str, alt: &str, title: &str, size: Option<(u64, u64)>) -> String {
    let mut tag = format!("<img src=\"{}\" alt=\"{}\"", attr_href(src), attr(alt));
    if !title.is_empty() {
        tag.push_str(&format!(" title=\"{}\"", attr(title)));
    }
    if let Some((w, h)) = size {
        tag.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
    }
    tag.push_str(" loading=\"lazy\" decoding=\"async\">");
    tag
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

/// Whether the character at `range` is a straight apostrophe between two letters
/// (`hark'asun`, `don't`): it stays as written, in every language, as titles keep it.
fn between_letters(src: &str, range: &Range<usize>) -> bool {
    let before = src.get(..range.start).and_then(|s| s.chars().next_back());
    let after = src.get(range.end..).and_then(|s| s.chars().next());
    src.get(range.clone()) == Some("'")
        && before.is_some_and(char::is_alphabetic)
        && after.is_some_and(char::is_alphabetic)
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

/// Renders one page's Markdown body alone, as a page of a one-page site (for fuzzing).
pub(crate) fn render_alone(page: Page) -> (Rendered, Vec<Diagnostic>) {
    let content = Content::of_pages(vec![page]);
    let strings = BTreeMap::new();
    let theme_ids = TemplateIds::default();
    let images = crate::images::Images::default();
    let links = Links { content: &content, base_path: "/", strings: &strings, theme_ids: &theme_ids, images: &images };
    let (md, mut diags) = render(&content.pages[0], &links);
    let mut markdown = [md];
    diags.extend(resolve_fragments(&content, &mut markdown, &theme_ids));
    let [md] = markdown;
    (md, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> Page {
        let src = format!("---\ntitle: x\n---\n{body}");
        let mut page =
            crate::content::parse_page_text("es".into(), "es/x.md".into(), "content/es/x.md".into(), &src).unwrap();
        page.url = "es/x/".into();
        page
    }

    #[test]
    fn an_image_with_sizes_is_a_picture_with_a_webp_source_when_it_has_one() {
        use crate::images::{Images, Made, Size, Stored};
        let mut content = Content::of_pages(vec![page("![Un mapa](mapa.png)\n")]);
        content.assets.push(crate::content::Asset { source: "content/es/mapa.png".into(), url: "es/mapa.png".into() });
        content.by_source.insert("es/mapa.png".into(), crate::content::Target::Asset(0));
        let stored = || Stored::Memory(Default::default());
        let size = |width, height, webp: bool| Size { width, height, main: stored(), webp: webp.then(stored) };
        let made = |webp| Made {
            version: "0123abcd".into(),
            original: stored(),
            sizes: vec![size(360, 144, webp), size(1000, 400, webp)],
        };
        let (strings, theme_ids) = (BTreeMap::new(), TemplateIds::default());
        for (webp, base) in [(true, "/"), (false, "/sub/")] {
            let images = Images { by_asset: vec![Some(Ok(made(webp)))], ..Default::default() };
            let links =
                Links { content: &content, base_path: base, strings: &strings, theme_ids: &theme_ids, images: &images };
            let (md, diags) = render(&content.pages[0], &links);
            assert!(diags.is_empty(), "{diags:?}");
            let html = md.text_html();
            let sizes = crate::images::SIZES;
            let source = format!(
                "<picture><source type=\"image/webp\" srcset=\"{base}es/mapa-360w.png.webp?v=0123abcd 360w, {base}es/mapa-1000w.png.webp?v=0123abcd 1000w\" sizes=\"{sizes}\">"
            );
            assert_eq!(html.contains(&source), webp, "{html}");
            let img = format!(
                "<img src=\"{base}es/mapa-1000w.png?v=0123abcd\" alt=\"Un mapa\" width=\"1000\" height=\"400\" loading=\"lazy\" decoding=\"async\" \
                 srcset=\"{base}es/mapa-360w.png?v=0123abcd 360w, {base}es/mapa-1000w.png?v=0123abcd 1000w\" sizes=\"{sizes}\"></picture>"
            );
            assert!(html.contains(&img), "{html}");
        }
    }

    #[test]
    fn slots_come_back_typed_between_pieces_of_html() {
        let (md, diags) = render_alone(page("Ver [@fig:v].\n\n{{< chart v >}}\n\n{{< goals >}}\n"));
        let slots: Vec<&Slot> =
            md.body.iter().filter_map(|p| if let Piece::Slot(s) = p { Some(s) } else { None }).collect();
        assert_eq!(slots, [&Slot::Ref(0), &Slot::Chart(0), &Slot::Block(Block::Goals)]);
        assert!(md.body.iter().all(|p| !matches!(p, Piece::Html(h) if h.contains("<!--"))), "{:?}", md.body);
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn a_table_caption_holds_the_slot_of_its_number() {
        let (md, _) = render_alone(page("Tabla: Casos {#tbl:casos}\n| a |\n|---|\n| 1 |\n"));
        let html = md.text_html();
        assert!(html.contains("<caption> Casos</caption>"), "{html}");
        assert!(md.body.contains(&Piece::Slot(Slot::TableNumber(0))));
    }

    #[test]
    fn raw_html_and_its_markers_stay_text() {
        let (md, _) = render_alone(page("<!--faro-chart:0--> <script>x</script>\n"));
        assert_eq!(md.body.len(), 1, "{:?}", md.body);
        assert!(md.text_html().contains("&lt;!--faro-chart:0--&gt;"));
    }

    #[test]
    fn the_summary_and_word_count_leave_out_the_tokens_of_slots() {
        let (md, _) = render_alone(page("{{< goals >}}\n\nVer [@sec:metas] y la tabla.\n\n{{< chart v >}}\n"));
        assert_eq!(md.summary, "Ver y la tabla.");
        assert_eq!(md.word_count, 4);
    }

    #[test]
    fn heading_ids_fold_accents_and_stay_unique() {
        let (md, _) = render_alone(page("## Año 2021\n\n## Año 2021\n\n## ¿?\n"));
        let ids: Vec<&str> = md.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["anio-2021", "anio-2021-1", "section"]);
    }

    #[test]
    fn apostrophes_between_letters_stay_as_written_and_the_rest_curls() {
        let cases = [
            ("hark'asun", "hark'asun"),
            ("don't", "don't"),
            ("hark’asun", "hark’asun"),
            ("'no'", "‘no’"),
            ("\"sí\"", "“sí”"),
            ("a -- b", "a – b"),
            ("años '90", "años ’90"),
        ];
        for (src, want) in cases {
            let (md, _) = render_alone(page(&format!("{src}\n")));
            assert_eq!(md.text_html(), format!("<p>{want}</p>\n"), "{src}");
        }
    }

    #[test]
    fn markdown_writes_no_inline_style_and_email_autolinks_are_mailto() {
        let cases = [
            ("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n", "<td class=\"align-right\">3</td>"),
            ("<a@example.org>\n", "<a href=\"mailto:a@example.org\">a@example.org</a>"),
            ("[x](#año)\n\n## Año\n", "<a href=\"#anio\">x</a>"),
        ];
        for (src, want) in cases {
            let (md, diags) = render_alone(page(src));
            let html = md.text_html();
            assert!(html.contains(want) && !html.contains(" style="), "{src}: {html}");
            assert!(diags.is_empty(), "{diags:?}");
        }
    }

    #[test]
    fn footnote_and_heading_ids_never_clash() {
        let (md, _) = render_alone(page("Dato[^fuente].\n\n## Fuente\n\n## Fn fuente\n\n[^fuente]: Nota.\n"));
        let mut ids = md.ids.clone();
        ids.sort();
        // The note keeps the documented `fn-fuente`; the heading that folds the same gives way.
        assert_eq!(ids, ["fn-fuente", "fn-fuente-1", "fnref-fuente", "fuente"]);
        let html = md.text_html();
        assert!(
            html.contains("<h2 id=\"fn-fuente-1\">") && html.contains("id=\"fnref-fuente\"><a href=\"#fn-fuente\">"),
            "{html}"
        );
    }
}
