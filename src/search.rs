//! Search without a server: a JSON index per language, written at build time, that the
//! theme's small `search.js` reads in the browser. Text is folded the way slugs are (lower
//! case, accents removed, `ñ` as `ni`), so `trafico` finds `tráfico` in any language,
//! including ones no stemmer knows.

use crate::render::site_url;
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

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Item {
    title: String,
    url: String,
    summary: String,
    text: String,
}

/// The index of one language as JSON: `[{"t": title, "u": url, "s": snippet, "x": folded text}]`.
pub fn index(site: &Site, lang: &str) -> String {
    let c = &site.config;
    use rayon::prelude::*;
    let pages: Vec<usize> = (0..site.content.pages.len()).filter(|&i| site.content.pages[i].lang == lang).collect();
    let mut items: Vec<Item> = pages
        .par_iter()
        .map(|&i| {
            let page = &site.content.pages[i];
            let md = &site.rendered[i];
            let body = html_text(&md.html);
            let words: Vec<&str> = body.split_whitespace().take(MAX_WORDS).collect();
            let summary = page.front.description.clone().unwrap_or_else(|| md.summary.clone());
            Item {
                title: page.front.title.clone(),
                url: site_url(&c.base_path, &page.url),
                summary,
                text: fold(&format!("{} {} {}", page.front.title, page.front.tags.join(" "), words.join(" "))),
            }
        })
        .collect();
    for ind in &site.indicators {
        let t = |m: &crate::config::Localized| crate::indicators::text(m, lang).to_string();
        items.push(Item {
            title: t(&ind.title),
            url: site_url(&c.base_path, &crate::indicator_pages::page_path(site, lang, &ind.id)),
            summary: ind.description.get(lang).cloned().unwrap_or_else(|| t(&ind.topic)),
            text: fold(&format!(
                "{} {} {} {} {}",
                t(&ind.title),
                t(&ind.topic),
                t(&ind.source.name),
                ind.description.get(lang).cloned().unwrap_or_default(),
                ind.notes.get(lang).cloned().unwrap_or_default()
            )),
        });
    }
    let mut json = String::from("[");
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            json.push_str(",\n");
        }
        json.push_str(&format!(
            "{{\"t\":{},\"u\":{},\"s\":{},\"x\":{}}}",
            json_str(&item.title),
            json_str(&item.url),
            json_str(&item.summary),
            json_str(&item.text)
        ));
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
