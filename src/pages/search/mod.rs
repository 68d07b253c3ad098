//! Search without a server, loading kilobytes whatever the site's size. For each language
//! faro writes, at build time, a small `index.json` (the plural rule, the number of documents
//! and the list of shards), the shards (`index::LangIndex`: each key's documents and weights)
//! and one fragment per document (its title, address and text, for the result's excerpt).
//! The theme's `search.js`, on the search page only, folds the query into keys by the same
//! rules (`fold`: case, accents, `ñ` as `ni` and as `n`; `plural`: each language's plural
//! cut), loads the shards of those keys, ranks the documents that have every word (BM25,
//! title words first) and loads the fragments of the results it shows. A key of three
//! letters or more finds the keys it starts (`senal` finds `senales`); a shorter one only
//! itself, so that `de` does not load every shard of `d`.

mod fold;
mod index;
mod plural;
#[cfg(test)]
mod tests;

use super::views::{translations_by, value};
use super::{Body, Cx, File};
use crate::content::PageId;
use crate::escape::json as json_str;
use crate::hash::fnv1a;
use crate::i18n::Strings;
use crate::model::Site;
use crate::urls::{output_file, search_fragment, search_index, search_shard, site_url};
use fold::html_text;
use index::{DocTerms, LangIndex, BODY, DESCRIPTION, TAGS, TITLE};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;

/// The search indexes of every language, kept by the preview so a one-page edit updates
/// the shards of that page's words only.
pub(crate) struct Search {
    langs: Vec<Lang>,
    /// Each page's language (its place in `langs`) and document number.
    of_page: Vec<Option<(usize, u32)>>,
}

struct Lang {
    code: String,
    /// The documents: the language's pages, in page order, then its indicators.
    pages: Vec<PageId>,
    docs: Vec<Doc>,
    index: LangIndex,
    /// Documents whose fragment the last edit changed.
    dirty_docs: BTreeSet<u32>,
}

struct Doc {
    terms: DocTerms,
    /// The fragment's hash, for the version that tells browsers a cached copy is stale.
    fragment: u64,
}

/// A page's keys and the hash of its fragment.
fn page_doc(site: &Site, i: PageId) -> (DocTerms, u64) {
    let page = &site.content[i];
    let md = site.md(i);
    let body = html_text(&md.text_html());
    let tags = page.front.tags.join(" ");
    // The description too: it is the result's text when no body word matched.
    let parts = [
        (page.front.title.as_str(), TITLE),
        (page.front.description.as_deref().unwrap_or(""), DESCRIPTION),
        (tags.as_str(), TAGS),
        (body.as_str(), BODY),
    ];
    let terms = DocTerms::new(plural::rule_for(&page.lang), &parts);
    let (url, summary) = page_fragment_fields(site, i);
    (terms, fragment_hash(&[&url, &page.front.title, summary, &body]))
}

fn page_fragment_fields(site: &Site, i: PageId) -> (String, &str) {
    let page = &site.content[i];
    let summary = page.front.description.as_deref().unwrap_or(&site.md(i).summary);
    (site_url(&site.config.base_path, &page.url), summary)
}

/// A page's fragment: `{"u": address, "t": title, "d": description, "x": text}`.
fn page_fragment(site: &Site, i: PageId) -> String {
    let (url, summary) = page_fragment_fields(site, i);
    fragment(&url, &site.content[i].front.title, summary, &html_text(&site.md(i).text_html()))
}

/// What a fragment is made of, hashed (cheaper than making it).
fn fragment_hash(fields: &[&str]) -> u64 {
    let mut hash = 0xcbf29ce484222325u64;
    for field in fields {
        hash = (hash ^ fnv1a(field.as_bytes())).wrapping_mul(0x100000001b3);
    }
    hash
}

/// An indicator's keys and its fragment.
fn indicator_doc(site: &Site, lang: &str, n: usize) -> (DocTerms, String) {
    let ind = &site.indicators[n];
    let t = |m: &crate::config::Localized| crate::i18n::pick(m, lang).to_string();
    let title = t(&ind.title);
    let description = ind.description.get(lang).cloned().unwrap_or_default();
    let summary = if description.is_empty() { t(&ind.topic) } else { description.clone() };
    // What it says first, so an excerpt reads as a sentence; the source is found too.
    let text = format!("{} {} {}", description, ind.notes.get(lang).cloned().unwrap_or_default(), t(&ind.source.name));
    let topic = t(&ind.topic);
    let parts = [(title.as_str(), TITLE), (topic.as_str(), TAGS), (text.as_str(), BODY)];
    let terms = DocTerms::new(plural::rule_for(lang), &parts);
    let url = site_url(&site.config.base_path, &site.paths().indicator(lang, &ind.id));
    (terms, fragment(&url, &title, &summary, &text))
}

fn fragment(url: &str, title: &str, summary: &str, text: &str) -> String {
    let mut words = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(word);
    }
    format!(
        "{{\"u\":{},\"t\":{},\"d\":{},\"x\":{}}}\n",
        json_str(url),
        json_str(title),
        json_str(summary),
        json_str(&words)
    )
}

impl Search {
    /// Every language's index, the pages folded on all cores.
    pub(crate) fn new(site: &Site) -> Search {
        let mut pages: Vec<Option<Doc>> = (0..site.content.len())
            .into_par_iter()
            .map(|i| {
                let (terms, fragment) = page_doc(site, PageId(i));
                Some(Doc { terms, fragment })
            })
            .collect();
        let mut of_page = vec![None; site.content.len()];
        let langs = site
            .config
            .languages
            .iter()
            .enumerate()
            .map(|(l, code)| {
                let ids: Vec<PageId> = site.content.in_lang(code).map(|(i, _)| i).collect();
                let mut docs: Vec<Doc> = Vec::with_capacity(ids.len() + site.indicators.len());
                for (n, i) in ids.iter().enumerate() {
                    of_page[i.0] = Some((l, n as u32));
                    docs.extend(pages[i.0].take());
                }
                docs.par_extend((0..site.indicators.len()).into_par_iter().map(|n| {
                    let (terms, frag) = indicator_doc(site, code, n);
                    Doc { terms, fragment: fnv1a(frag.as_bytes()) }
                }));
                let terms: Vec<&DocTerms> = docs.iter().map(|d| &d.terms).collect();
                let index = LangIndex::new(&terms);
                Lang { code: code.clone(), pages: ids, docs, index, dirty_docs: BTreeSet::new() }
            })
            .collect();
        Search { langs, of_page }
    }

    /// Brings the documents of `pages` up to date; says whether any shard or fragment
    /// changed. What changed is what `files` writes for an edit.
    pub(crate) fn refresh(&mut self, site: &Site, pages: &[PageId]) -> bool {
        for lang in &mut self.langs {
            lang.index.begin_edit();
            lang.dirty_docs.clear();
        }
        let mut changed = false;
        for &i in pages {
            let Some((l, d)) = self.of_page.get(i.0).copied().flatten() else { continue };
            let (terms, fragment) = page_doc(site, i);
            let lang = &mut self.langs[l];
            let doc = &mut lang.docs[d as usize];
            if doc.fragment != fragment {
                doc.fragment = fragment;
                lang.dirty_docs.insert(d);
                changed = true;
            }
            if doc.terms != terms {
                lang.index.replace(d, &doc.terms, &terms);
                doc.terms = terms;
                changed = true;
            }
        }
        changed
    }
}

impl Lang {
    /// The index file: the plural rule `search.js` cuts the query by, the number of
    /// documents, a version for the fragments, and each shard's prefix and hash (`?h=` in
    /// its address, so a browser never mixes an old shard with a new index).
    fn meta(&self) -> String {
        let rule = plural::rule_for(&self.code).map_or_else(|| "null".to_string(), json_str);
        let mut version = 0xcbf29ce484222325u64;
        let mut shards = String::new();
        for (n, shard) in self.index.shards.iter().enumerate() {
            if n > 0 {
                shards.push(',');
            }
            let hash = short(shard.hash);
            shards.push_str(&format!("[{},{}]", json_str(&shard.prefix), json_str(&hash)));
            version = (version ^ shard.hash).wrapping_mul(0x100000001b3);
        }
        for doc in &self.docs {
            version = (version ^ doc.fragment).wrapping_mul(0x100000001b3);
        }
        format!("{{\"rule\":{rule},\"n\":{},\"v\":\"{}\",\"shards\":[{shards}]}}\n", self.docs.len(), short(version))
    }
}

/// Eight hex digits of a hash: enough to tell versions of one file apart.
fn short(hash: u64) -> String {
    format!("{:08x}", hash >> 32)
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

/// In a whole build, every language's index, shards, fragments and search page; for an
/// edit, the index and what the edit changed of it. Fragments are made as they are
/// written, so they are never all in memory at once.
pub(crate) fn files(cx: Cx<'_>) -> impl ParallelIterator<Item = File<'_>> {
    let site = cx.site;
    let search = cx.search;
    let title = |l: &str| site.strings[l].text("search_title").unwrap_or("Search").to_string();
    let everything = cx.scope.everything();
    let mut files = Vec::new();
    let mut fragments: Vec<(usize, u32)> = Vec::new();
    for (l, lang) in search.langs.iter().enumerate() {
        let dirty = !lang.index.dirty.is_empty() || !lang.dirty_docs.is_empty();
        if !(everything || cx.scope.touched.search && dirty) {
            continue;
        }
        let path = site.paths().search(&lang.code);
        let from = Path::new(&path);
        files.push(File::text(search_index(&path), from.to_path_buf(), Ok(lang.meta())));
        let shards: Vec<usize> = if everything {
            (0..lang.index.shards.len()).collect()
        } else {
            lang.index.dirty.iter().copied().collect()
        };
        for n in shards {
            let shard = &lang.index.shards[n];
            let name = index::shard_name(&shard.prefix);
            let body = Ok(Body::Borrowed(shard.body.as_bytes()));
            files.push(File { path: search_shard(&path, &name), from: from.to_path_buf().into(), body });
        }
        if everything {
            fragments.extend((0..lang.docs.len() as u32).map(|d| (l, d)));
        } else {
            fragments.extend(lang.dirty_docs.iter().map(|&d| (l, d)));
        }
        if !everything {
            continue;
        }
        let page = SearchPage {
            title: title(&lang.code),
            kind: "search",
            path: &path,
            url: site_url(&site.config.base_path, &path),
            permalink: site_url(&site.config.base_url, &path),
            index: site_url(&site.config.base_path, &search_index(&path)),
            counts: counts(&site.strings[&lang.code], &lang.code, lang.docs.len()),
        };
        let tr = translations_by(site, &lang.code, &|l| Some((site.paths().search(l), title(l))));
        let ctx = cx.views.generated_context(site, &lang.code, value(page), &path, tr);
        let html = cx.renderer.render("search.html", ctx, "the search page");
        files.push(File::text(output_file(&path), from.to_path_buf(), html));
    }
    let fragments = fragments.into_par_iter().map(move |(l, d)| {
        let lang = &search.langs[l];
        let path = site.paths().search(&lang.code);
        let body = match lang.pages.get(d as usize) {
            Some(&i) => page_fragment(site, i),
            None => indicator_doc(site, &lang.code, d as usize - lang.pages.len()).1,
        };
        File::text(search_fragment(&path, d as usize), Path::new(&path).to_path_buf(), Ok(body))
    });
    files.into_par_iter().chain(fragments)
}
