//! Lists of pages by taxonomy: per language, an index of each taxonomy's terms and a
//! paginated list of each term's pages (`/es/etiquetas/1818/`, `…/page/2/`).

use super::views::{translations_by, value};
use super::{Cx, File};
use crate::config::Taxonomy;
use crate::content::PageId;
use crate::i18n::pick;
use crate::taxonomy::Terms;
use crate::urls::{output_file, site_url, taxonomy as tax_path, term as term_path};
use minijinja::value::Value;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Serialize)]
struct TaxonomyPage {
    title: String,
    kind: &'static str,
    terms: Vec<TermLink>,
    url: String,
    permalink: String,
}

#[derive(Serialize)]
struct TermLink {
    name: String,
    count: usize,
    url: String,
}

#[derive(Serialize)]
struct TermPage {
    title: String,
    term: String,
    taxonomy: String,
    taxonomy_url: String,
    kind: &'static str,
    pages: Vec<Value>,
    pager: Pager,
    url: String,
    permalink: String,
}

#[derive(Serialize)]
struct Pager {
    number: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
}

/// One list page to make: a taxonomy's index, or page `number` of a term's list.
enum List<'a> {
    Index { tax: &'a Taxonomy, lang: &'a str, by_lang: BTreeMap<&'a str, &'a Terms> },
    Term { tax: &'a Taxonomy, lang: &'a str, term: &'a str, chunk: &'a [PageId], number: usize, total: usize },
}

/// The lists in scope: every index in a whole build; a term's pages when they hold an
/// edited page, or all of them when a title changed their order.
pub(crate) fn files<'a>(cx: Cx<'a>) -> impl ParallelIterator<Item = File<'a>> + 'a {
    let site = cx.site;
    let (all, size) = (cx.scope.everything(), site.config.publish.page_size.max(1));
    let mut lists = Vec::new();
    for tax in &site.taxonomies {
        let by_lang: BTreeMap<&str, &Terms> =
            site.config.languages.iter().filter_map(|l| cx.terms.get(tax, l).map(|t| (l.as_str(), t))).collect();
        for lang in site.config.languages.iter().filter(|l| cx.scope.lang(site, l)) {
            let Some(terms) = by_lang.get(lang.as_str()).filter(|t| !t.is_empty()) else { continue };
            // The index of terms: only a full render writes it (an edit changes no counts).
            if all {
                lists.push(List::Index { tax, lang, by_lang: by_lang.clone() });
            }
            for (term, pages) in terms.values().filter(|(_, pages)| all || pages.iter().any(|&p| cx.scope.page(p))) {
                let chunks: Vec<&[PageId]> = pages.chunks(size).collect();
                for (n, chunk) in chunks.iter().enumerate() {
                    if !all && !cx.scope.touched.order && !chunk.iter().any(|&p| cx.scope.page(p)) {
                        continue;
                    }
                    lists.push(List::Term { tax, lang, term, chunk, number: n + 1, total: chunks.len() });
                }
            }
        }
    }
    lists.into_par_iter().map(move |list| render(cx, list))
}

fn render<'a>(cx: Cx<'a>, list: List<'a>) -> File<'a> {
    let site = cx.site;
    let c = &site.config;
    match list {
        List::Index { tax, lang, by_lang } => {
            let (name, path) = (pick(&tax.name, lang).to_string(), tax_path(tax, lang));
            let terms = by_lang[lang]
                .values()
                .map(|(term, pages)| TermLink {
                    name: term.clone(),
                    count: pages.len(),
                    url: site_url(&c.base_path, &term_path(tax, lang, term, 1)),
                })
                .collect();
            let tr = translations_by(site, lang, &|l| {
                by_lang.get(l).filter(|t| !t.is_empty()).map(|_| (tax_path(tax, l), pick(&tax.name, l).to_string()))
            });
            let page = TaxonomyPage {
                title: name.clone(),
                kind: "taxonomy",
                terms,
                url: site_url(&c.base_path, &path),
                permalink: site_url(&c.base_url, &path),
            };
            let ctx = cx.views.generated_context(site, lang, value(page), &path, tr);
            let html = cx.renderer.render("taxonomy.html", ctx, &format!("the {name} index"));
            File::text(output_file(&path), Path::new(&path).to_path_buf(), html)
        }
        List::Term { tax, lang, term, chunk, number, total } => {
            let (name, path) = (pick(&tax.name, lang).to_string(), tax_path(tax, lang));
            let here = term_path(tax, lang, term, number);
            let link = |k: usize| site_url(&c.base_path, &term_path(tax, lang, term, k));
            let page = TermPage {
                title: format!("{name}: {term}"),
                term: term.to_string(),
                taxonomy: name.clone(),
                taxonomy_url: site_url(&c.base_path, &path),
                kind: "term",
                pages: chunk.iter().map(|&i| cx.views.page(i)).collect(),
                pager: Pager {
                    number,
                    total,
                    prev: (number > 1).then(|| link(number - 1)),
                    next: (number < total).then(|| link(number + 1)),
                },
                url: site_url(&c.base_path, &here),
                permalink: site_url(&c.base_url, &here),
            };
            let tr = translations_by(site, lang, &|l| (l == lang).then(|| (here.clone(), String::new())));
            let ctx = cx.views.generated_context(site, lang, value(page), &here, tr);
            let html = cx.renderer.render("term.html", ctx, &format!("the {name} page of `{term}`"));
            File::text(output_file(&here), Path::new(&here).to_path_buf(), html)
        }
    }
}
