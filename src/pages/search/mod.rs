//! Search without a server: a JSON index and a search page per language, written at build
//! time; the theme's small `search.js` reads the index in the browser, on the search page
//! only. A page's entry holds the key of every word of the page, each once: the word folded
//! (`fold`: case, accents, `ñ` as `ni` and as `n`) and cut by its language's plural rule
//! (`plural`). `search.js` makes keys of the query by the same rules and finds the entries
//! where each query key starts a key, so `senales` finds `señales` and `leyes` finds `ley`,
//! in any language, also in ones no stemmer knows.

mod fold;
mod plural;
#[cfg(test)]
mod tests;

use super::views::{translations_by, value};
use super::{Cx, File};
use crate::content::PageId;
use crate::escape::json as json_str;
use crate::i18n::Strings;
use crate::model::Site;
use crate::urls::{output_file, search_index, site_url};
use fold::{html_text, spellings};
use serde::Serialize;
use std::path::Path;

/// The index keys of `text` under `rule`, space-separated: each word's key once, sorted,
/// leaving out a key that starts another key (a query finding it finds the longer one).
pub(crate) fn keys(rule: Option<&str>, text: &str) -> String {
    // A page says most words many times: fold and cut each distinct token once.
    let mut tokens: Vec<&str> = text.split_whitespace().collect();
    tokens.sort_unstable();
    tokens.dedup();
    let mut keys: Vec<String> = Vec::with_capacity(tokens.len());
    for token in tokens {
        let (ni, n) = spellings(token);
        for word in ni.split(' ').chain(n.as_deref().unwrap_or("").split(' ')).filter(|w| !w.is_empty()) {
            keys.push(plural::key(rule, word).into_owned());
        }
    }
    keys.sort_unstable();
    keys.dedup();
    let mut out = String::with_capacity(keys.iter().map(|k| k.len() + 1).sum());
    for (n, key) in keys.iter().enumerate() {
        // Sorted, so a longer key starting with this one comes right after it.
        if keys.get(n + 1).is_some_and(|next| next.starts_with(key.as_str())) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(key);
    }
    out
}

/// One page's index entry as JSON, `{"t": title, "u": url, "s": snippet, "x": keys}`, with
/// the keys of the whole page: title, description, tags and body. The preview server keeps these per page, so a one-page edit
/// re-folds one page.
pub(crate) fn page_entry(site: &Site, i: PageId) -> String {
    let page = &site.content[i];
    let md = site.md(i);
    let summary = page.front.description.as_deref().unwrap_or(&md.summary);
    // The description too: it is the result's snippet, so a word shown there must find it.
    let text = format!(
        "{} {} {} {}",
        page.front.title,
        page.front.description.as_deref().unwrap_or(""),
        page.front.tags.join(" "),
        html_text(&md.text_html())
    );
    let keys = keys(plural::rule_for(&page.lang), &text);
    entry(&page.front.title, &site_url(&site.config.base_path, &page.url), summary, &keys)
}

/// Every page's entry, in page order, on all cores.
pub(crate) fn page_entries(site: &Site) -> Vec<String> {
    use rayon::prelude::*;
    (0..site.content.len()).into_par_iter().map(|i| page_entry(site, PageId(i))).collect()
}

fn entry(title: &str, url: &str, summary: &str, keys: &str) -> String {
    let mut entry = format!(
        "{{\"t\":{},\"u\":{},\"s\":{},\"x\":{}}}",
        json_str(title),
        json_str(url),
        json_str(summary),
        json_str(keys)
    );
    // Kept for the whole build (and the preview's life): drop the growth slack.
    entry.shrink_to_fit();
    entry
}

/// The entries of a language's indicators.
fn indicator_entries(site: &Site, lang: &str) -> Vec<String> {
    let t = |m: &crate::config::Localized| crate::i18n::pick(m, lang).to_string();
    site.indicators
        .iter()
        .map(|ind| {
            let summary = ind.description.get(lang).cloned().unwrap_or_else(|| t(&ind.topic));
            let text = format!(
                "{} {} {} {} {}",
                t(&ind.title),
                t(&ind.topic),
                t(&ind.source.name),
                ind.description.get(lang).cloned().unwrap_or_default(),
                ind.notes.get(lang).cloned().unwrap_or_default()
            );
            let url = site_url(&site.config.base_path, &site.paths().indicator(lang, &ind.id));
            entry(&t(&ind.title), &url, &summary, &keys(plural::rule_for(lang), &text))
        })
        .collect()
}

/// The index of one language: the plural rule its keys were cut by (`search.js` cuts the
/// query by it), then the entries of its pages and of the indicators.
fn index(site: &Site, lang: &str, entries: &[String]) -> (String, usize) {
    let mut items: Vec<&str> = site.content.in_lang(lang).map(|(i, _)| entries[i.0].as_str()).collect();
    let indicators = indicator_entries(site, lang);
    items.extend(indicators.iter().map(String::as_str));
    let rule = plural::rule_for(lang).map_or_else(|| "null".to_string(), json_str);
    let mut json = String::with_capacity(items.iter().map(|i| i.len() + 2).sum::<usize>() + 32);
    json.push_str(&format!("{{\"rule\":{rule},\"entries\":[\n"));
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            json.push_str(",\n");
        }
        json.push_str(item);
    }
    json.push_str("]}\n");
    (json, items.len())
}

/// The count line's texts for every number of results an index of `entries` can give, as
/// JSON runs `[[from, text], …]`, e.g. `[[0,"{n} resultados"],[1,"{n} resultado"],[2,"{n} resultados"]]`.
/// faro's plural rule picks each (that of the language a borrowed string is written in), so
/// `search.js` needs no rule of its own. Counted to 100 at least, so that a small site's
/// page does not change with each page added.
fn counts(strings: &Strings, lang: &str, entries: usize) -> String {
    let mut runs: Vec<(usize, &str)> = Vec::new();
    for n in 0..=entries.max(100) {
        let text = strings.plural(lang, "search_count", n as f64).unwrap_or("{n}");
        if runs.last().is_none_or(|(_, last)| *last != text) {
            runs.push((n, text));
        }
    }
    let runs: Vec<String> = runs.iter().map(|(n, text)| format!("[{n},{}]", json_str(text))).collect();
    format!("[{}]", runs.join(","))
}

#[derive(Serialize)]
struct SearchPage<'a> {
    title: String,
    kind: &'static str,
    path: &'a str,
    url: String,
    permalink: String,
    index: String,
    /// The count line's texts by number of results (`counts`), as JSON.
    counts: String,
}

/// The index of every language an edit reaches when a search entry changed, and in a
/// whole build the search page of every language.
pub(crate) fn files(cx: Cx<'_>) -> Vec<File<'_>> {
    let site = cx.site;
    let title = |l: &str| site.strings[l].text("search_title").unwrap_or("Search").to_string();
    let mut files = Vec::new();
    for lang in site.config.languages.iter().filter(|l| cx.scope.touched.search && cx.scope.lang(site, l)) {
        let path = site.paths().search(lang);
        let (index, size) = index(site, lang, cx.search);
        files.push(File::text(search_index(&path), Path::new(&path).to_path_buf(), Ok(index)));
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
            counts: counts(&site.strings[lang], lang, size),
        };
        let tr = translations_by(site, lang, &|l| Some((site.paths().search(l), title(l))));
        let ctx = cx.views.generated_context(site, lang, value(page), &path, tr);
        let html = cx.renderer.render("search.html", ctx, "the search page");
        files.push(File::text(output_file(&path), Path::new(&path).to_path_buf(), html));
    }
    files
}
