//! Search without a server: a JSON index per language, written at build time, that the
//! theme's small `search.js` reads in the browser. Text is folded the way slugs are (lower
//! case, accents removed, `ñ` as `ni`), so `trafico` finds `tráfico` in any language,
//! including ones no stemmer knows.

use crate::render::{json_str, site_url};
use crate::site::Site;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Words of a page kept in the index: enough to find it, small enough for a slow phone.
const MAX_WORDS: usize = 400;

/// Lower case, accents removed, `ñ` as `ni`, anything but letters and digits as a space.
/// `search.js` does the same to the query.
pub fn fold(text: &str) -> String {
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
pub fn html_text(html: &str) -> String {
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
pub fn page_entry(site: &Site, i: usize) -> String {
    let page = &site.content.pages[i];
    let md = &site.rendered[i];
    let body = html_text(&md.html);
    let words: Vec<&str> = body.split_whitespace().take(MAX_WORDS).collect();
    let summary = page.front.description.as_deref().unwrap_or(&md.summary);
    let text = fold(&format!("{} {} {}", page.front.title, page.front.tags.join(" "), words.join(" ")));
    entry(&page.front.title, &site_url(&site.config.base_path, &page.url), summary, &text)
}

/// Every page's entry, in page order, on all cores.
pub fn page_entries(site: &Site) -> Vec<String> {
    use rayon::prelude::*;
    (0..site.content.pages.len()).into_par_iter().map(|i| page_entry(site, i)).collect()
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
pub fn index(site: &Site, lang: &str, entries: &[String]) -> String {
    let c = &site.config;
    let mut items: Vec<&str> = (0..site.content.pages.len())
        .filter(|&i| site.content.pages[i].lang == lang)
        .map(|i| entries[i].as_str())
        .collect();
    let indicators: Vec<String> = site
        .indicators
        .iter()
        .map(|ind| {
            let t = |m: &crate::config::Localized| crate::indicators::text(m, lang).to_string();
            let summary = ind.description.get(lang).cloned().unwrap_or_else(|| t(&ind.topic));
            let text = fold(&format!(
                "{} {} {} {} {}",
                t(&ind.title),
                t(&ind.topic),
                t(&ind.source.name),
                ind.description.get(lang).cloned().unwrap_or_default(),
                ind.notes.get(lang).cloned().unwrap_or_default()
            ));
            let url = site_url(&c.base_path, &crate::indicator_pages::page_path(site, lang, &ind.id));
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

/// `es/buscar/`: where a language's search page lives, from the theme string `search_slug`.
pub fn page_path(site: &Site, lang: &str) -> String {
    let slug = crate::slug::slugify(site.strings.get(lang).and_then(|s| s.text("search_slug")).unwrap_or("search"));
    format!("{lang}/{slug}/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_slugs_but_keeps_spaces() {
        assert_eq!(fold("Tráfico de PERSONAS, año 2025"), "trafico de personas anio 2025");
        assert_eq!(fold("Ch'aska ñawi"), "ch aska niawi");
    }

    #[test]
    fn json_strings_are_escaped_and_cannot_close_a_script() {
        assert_eq!(json_str("a \"b\" </script>\n"), "\"a \\\"b\\\" \\u003c/script>\\n\"");
    }
}
