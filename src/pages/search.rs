//! Search without a server: a JSON index and a search page per language, written at build
//! time; the theme's small `search.js` reads the index in the browser. Text is folded the way slugs are (lower
//! case, accents removed, `ñ` as `ni`), so `trafico` finds `tráfico` in any language,
//! including ones no stemmer knows.

use super::views::{translations_by, value};
use super::{Cx, File};
use crate::content::PageId;
use crate::escape::json as json_str;
use crate::model::Site;
use crate::urls::{output_file, search_index, site_url};
use serde::Serialize;
use std::path::Path;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Words of a page kept in the index: enough to find it, small enough for a slow phone.
const MAX_WORDS: usize = 400;

/// Lower case, accents removed, `ñ` as `ni`, anything but letters and digits as a space.
/// `search.js` does the same to the query.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Most text is ASCII: fold it directly and leave Unicode normalisation to the rest.
    if text.is_ascii() {
        for c in text.chars() {
            out.push(if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' });
        }
        return out.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    for c in text.nfc().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            out.push(if c.is_ascii_alphanumeric() { c } else { ' ' });
            continue;
        }
        if c == 'ñ' {
            out.push_str("ni");
            continue;
        }
        for d in std::iter::once(c).nfd().filter(|c| !is_combining_mark(*c)) {
            out.push(if d.is_alphanumeric() { d } else { ' ' });
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text of rendered HTML: tags dropped, entities for the escaped characters undone.
pub(crate) fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
}

/// One page's index entry as JSON: `{"t": title, "u": url, "s": snippet, "x": folded text}`.
/// The preview server keeps these per page, so a one-page edit re-folds one page.
pub(crate) fn page_entry(site: &Site, i: PageId) -> String {
    let page = &site.content[i];
    let md = site.md(i);
    let body = html_text(&md.text_html());
    let words: Vec<&str> = body.split_whitespace().take(MAX_WORDS).collect();
    let summary = page.front.description.as_deref().unwrap_or(&md.summary);
    let text = fold(&format!("{} {} {}", page.front.title, page.front.tags.join(" "), words.join(" ")));
    entry(&page.front.title, &site_url(&site.config.base_path, &page.url), summary, &text)
}

/// Every page's entry, in page order, on all cores.
pub(crate) fn page_entries(site: &Site) -> Vec<String> {
    use rayon::prelude::*;
    (0..site.content.len()).into_par_iter().map(|i| page_entry(site, PageId(i))).collect()
}

fn entry(title: &str, url: &str, summary: &str, text: &str) -> String {
    let mut entry = format!(
        "{{\"t\":{},\"u\":{},\"s\":{},\"x\":{}}}",
        json_str(title),
        json_str(url),
        json_str(summary),
        json_str(text)
    );
    // Kept for the whole build (and the preview's life): drop the growth slack.
    entry.shrink_to_fit();
    entry
}

/// The index of one language: the entries of its pages, then of the indicators.
fn index(site: &Site, lang: &str, entries: &[String]) -> String {
    let c = &site.config;
    let mut items: Vec<&str> = site.content.in_lang(lang).map(|(i, _)| entries[i.0].as_str()).collect();
    let indicators: Vec<String> = site
        .indicators
        .iter()
        .map(|ind| {
            let t = |m: &crate::config::Localized| crate::i18n::pick(m, lang).to_string();
            let summary = ind.description.get(lang).cloned().unwrap_or_else(|| t(&ind.topic));
            let text = fold(&format!(
                "{} {} {} {} {}",
                t(&ind.title),
                t(&ind.topic),
                t(&ind.source.name),
                ind.description.get(lang).cloned().unwrap_or_default(),
                ind.notes.get(lang).cloned().unwrap_or_default()
            ));
            let url = site_url(&c.base_path, &site.paths().indicator(lang, &ind.id));
            entry(&t(&ind.title), &url, &summary, &text)
        })
        .collect();
    items.extend(indicators.iter().map(String::as_str));
    let mut json = String::with_capacity(items.iter().map(|i| i.len() + 2).sum::<usize>() + 2);
    json.push('[');
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            json.push_str(",\n");
        }
        json.push_str(item);
    }
    json.push_str("]\n");
    json
}

#[derive(Serialize)]
struct SearchPage<'a> {
    title: String,
    kind: &'static str,
    path: &'a str,
    url: String,
    permalink: String,
    index: String,
}

/// The index of every language an edit reaches when a search entry changed, and in a
/// whole build the search page of every language.
pub(crate) fn files(cx: Cx<'_>) -> Vec<File<'_>> {
    let site = cx.site;
    let title = |l: &str| site.strings[l].text("search_title").unwrap_or("Search").to_string();
    let mut files = Vec::new();
    for lang in site.config.languages.iter().filter(|l| cx.scope.touched.search && cx.scope.lang(site, l)) {
        let path = site.paths().search(lang);
        files.push(File::text(search_index(&path), Path::new(&path).to_path_buf(), Ok(index(site, lang, cx.search))));
        if !cx.scope.everything() {
            continue;
        }
        let page = SearchPage {
            title: title(lang),
            kind: "search",
            path: &path,
            url: site_url(&site.config.base_path, &path),
            permalink: site_url(&site.config.base_url, &path),
            index: site_url(&site.config.base_path, &search_index(&path)),
        };
        let tr = translations_by(site, lang, &|l| Some((site.paths().search(l), title(l))));
        let ctx = cx.views.generated_context(site, lang, value(page), &path, tr);
        let html = cx.renderer.render("search.html", ctx, "the search page");
        files.push(File::text(output_file(&path), Path::new(&path).to_path_buf(), html));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_slugs_but_keeps_spaces() {
        assert_eq!(fold("Tráfico de PERSONAS, año 2025"), "trafico de personas anio 2025");
        assert_eq!(fold("Ch'aska ñawi"), "ch aska niawi");
    }
}
