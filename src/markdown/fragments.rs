//! `#fragment`s of Markdown links, checked once every page is rendered (a link may lead to
//! a page rendered after it). A fragment names an id the page really has: one its Markdown
//! makes (headings, footnotes, table captions, charts) or one the theme's templates write
//! (`#faro-main`). Written with the heading's own words (`#año-2021-qué-cambió`, also
//! percent-encoded), it is folded as heading ids are, and the href becomes the real id.
//! One that matches nothing is an error at the link, as a link to a missing page is.

use super::Rendered;
use crate::content::{Content, PageId};
use crate::diagnostics::{Code, Diagnostic};
use crate::escape::href as attr_href;
use crate::slug::slugify;
use crate::theme::Theme;
use crate::urls::percent_decode_lossy;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// A Markdown link with a `#fragment` into a page of the site.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fragment {
    /// The page it leads to; None for the linking page itself.
    pub(crate) page: Option<PageId>,
    /// The URL before the `#`.
    pub(crate) prefix: String,
    /// The fragment as written, without the `#`.
    pub(crate) raw: String,
    /// The `href` attribute as it stands in the page's HTML (escaped).
    pub(crate) href: String,
    /// The link as written, for messages.
    pub(crate) dest: String,
    pub(crate) line: Option<usize>,
    pub(crate) col: Option<usize>,
}

/// Ids the theme's templates write on pages: literal ones (`faro-main`), and the literal
/// start of those made from data (`goal-` of `goal-{{ g.id }}`), which any id beginning so
/// may be.
#[derive(Debug, Default)]
pub(crate) struct TemplateIds {
    exact: HashSet<String>,
    prefixes: Vec<String>,
}

impl TemplateIds {
    pub(crate) fn of(theme: &Theme) -> TemplateIds {
        let mut ids = TemplateIds::default();
        for (_, file) in theme.templates() {
            ids.scan(&String::from_utf8_lossy(&file.bytes));
        }
        ids
    }

    fn scan(&mut self, template: &str) {
        for value in template.split(" id=\"").skip(1).filter_map(|rest| rest.split_once('"').map(|(v, _)| v)) {
            match value.split_once("{{") {
                None => {
                    self.exact.insert(value.to_string());
                }
                Some((start, _)) if !start.is_empty() => self.prefixes.push(start.to_string()),
                Some(_) => {} // wholly from data (`{{ figure_id }}`): charts are counted by the page
            }
        }
    }

    /// The literal ids, which no heading may take (a second `id="faro-main"` would be
    /// invalid HTML and steal the skip link).
    pub(crate) fn exact(&self) -> impl Iterator<Item = &String> {
        self.exact.iter()
    }

    fn has(&self, id: &str) -> bool {
        self.exact.contains(id) || self.prefixes.iter().any(|p| id.len() > p.len() && id.starts_with(p.as_str()))
    }
}

/// The id a fragment names on a page with `ids`: as written (or percent-decoded), else folded.
fn find(raw: &str, ids: &HashSet<&str>, made: &TemplateIds) -> Option<String> {
    let decoded = percent_decode_lossy(raw);
    if ids.contains(raw) || made.has(raw) {
        return Some(raw.to_string());
    }
    if ids.contains(decoded.as_str()) || made.has(&decoded) {
        return Some(decoded);
    }
    let folded = slugify(&decoded);
    (ids.contains(folded.as_str()) || made.has(&folded)).then_some(folded)
}

/// The heading a fragment names as Zola folds headings, `ñ` to `n` (`#ano-2021` for
/// "Año 2021", which faro folds to `anio-2021`), so a site moved over keeps its links.
fn as_zola_folds(raw: &str, headings: &[super::Heading]) -> Option<String> {
    let wanted = slugify(&percent_decode_lossy(raw));
    let zola = |text: &str| slugify(&text.replace('ñ', "n").replace('Ñ', "N"));
    headings.iter().find(|h| h.text.contains(['ñ', 'Ñ']) && zola(&h.text) == wanted).map(|h| h.id.clone())
}

/// Checks every page's fragments against the pages they lead to, writes the real id into
/// each href that named it another way, and reports those that name nothing. Running it
/// again changes nothing (the preview runs it after every edit).
pub(crate) fn resolve(content: &Content, markdown: &mut [Rendered], made: &TemplateIds) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut changes: Vec<(usize, usize, String)> = Vec::new();
    {
        // Only the pages that fragments lead to: hashing every page's ids was most of a
        // 50,000-page preview edit.
        let mut ids: HashMap<usize, HashSet<&str>> = HashMap::new();
        for (n, md) in markdown.iter().enumerate() {
            for f in &md.fragments {
                let target = f.page.map_or(n, |p| p.0);
                if let (Some(r), Entry::Vacant(e)) = (markdown.get(target), ids.entry(target)) {
                    e.insert(r.ids.iter().map(String::as_str).collect());
                }
            }
        }
        for (n, md) in markdown.iter().enumerate() {
            for (k, f) in md.fragments.iter().enumerate() {
                let target = f.page.map_or(n, |p| p.0);
                let (Some(ids), Some(page)) = (ids.get(&target), content.pages.get(n)) else { continue };
                let found = find(&f.raw, ids, made).or_else(|| as_zola_folds(&f.raw, &markdown[target].headings));
                match found {
                    Some(id) => {
                        let href = attr_href(&format!("{}#{id}", f.prefix));
                        if href != f.href {
                            changes.push((n, k, href));
                        }
                    }
                    None => diags.push(broken(content, markdown, page, f, target)),
                }
            }
        }
    }
    for (n, k, href) in changes {
        let md = &mut markdown[n];
        let old = std::mem::replace(&mut md.fragments[k].href, href.clone());
        // `href="` cannot come from page text (quotes are escaped there): only from faro's
        // own tags, and every tag with this href leads to the same place.
        let (from, to) = (format!(" href=\"{old}\""), format!(" href=\"{href}\""));
        for piece in &mut md.body {
            if let super::Piece::Html(html) = piece {
                if html.contains(&from) {
                    *html = super::Html::new(html.replace(&from, &to));
                }
            }
        }
    }
    diags
}

fn broken(
    content: &Content,
    markdown: &[Rendered],
    page: &crate::content::Page,
    f: &Fragment,
    target: usize,
) -> Diagnostic {
    use crate::messages::Said;
    let (dest, fragment) = (("dest", f.dest.as_str()), ("fragment", f.raw.as_str()));
    let msg = match f.page {
        None => Said::new("content-anchor-missing", &[dest, fragment]),
        Some(p) => Said::new("content-anchor-missing-on", &[dest, fragment, ("page", &content[p].rel)]),
    };
    let headings: Vec<String> = markdown[target].headings.iter().take(6).map(|h| format!("`#{}`", h.id)).collect();
    let hint = match headings.is_empty() {
        true => Said::new("content-anchor-no-headings-hint", &[]),
        false => Said::new("content-anchor-headings-hint", &[("headings", &headings.join(", "))]),
    };
    Diagnostic::error_said(Code::BrokenAnchor, &page.source, msg).at(f.line, f.col).hint_said(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_is_found_as_written_decoded_or_folded() {
        let ids: HashSet<&str> = ["anio-2021-que-cambio", "fn-1", "Mi_Id"].into_iter().collect();
        let mut made = TemplateIds::default();
        made.scan("<main id=\"faro-main\"><li id=\"goal-{{ g.id }}\"><div id=\"{{ figure_id }}\">");
        let cases = [
            ("anio-2021-que-cambio", Some("anio-2021-que-cambio")),
            ("año-2021-qué-cambió", Some("anio-2021-que-cambio")),
            ("a%C3%B1o-2021-qu%C3%A9-cambi%C3%B3", Some("anio-2021-que-cambio")),
            ("Año 2021: ¿qué cambió?", Some("anio-2021-que-cambio")),
            ("fn-1", Some("fn-1")),
            ("Mi_Id", Some("Mi_Id")),
            ("faro-main", Some("faro-main")),
            ("goal-reducir", Some("goal-reducir")),
            ("goal-", None),
            ("anio-2020", None),
            ("cualquier-cosa", None),
        ];
        for (raw, want) in cases {
            assert_eq!(find(raw, &ids, &made).as_deref(), want, "{raw}");
        }
    }
}
