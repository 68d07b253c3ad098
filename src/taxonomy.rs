//! Taxonomies: `tags`, plus the groupings a site declares in site.yaml (region, audience…),
//! each with its terms per language and the pages of each term in list order.

use crate::config::Taxonomy;
use crate::content::PageId;
use crate::model::Site;
use crate::slug::slugify;
use std::collections::BTreeMap;

/// The terms a page has in a taxonomy.
pub(crate) fn page_terms<'a>(site: &'a Site, tax: &Taxonomy, id: PageId) -> &'a [String] {
    let front = &site.content[id].front;
    if tax.key == "tags" {
        &front.tags
    } else {
        front.taxonomies.get(&tax.key).map(Vec::as_slice).unwrap_or_default()
    }
}

/// Terms of a language: term slug -> (the term as written, pages in list order).
pub(crate) type Terms = BTreeMap<String, (String, Vec<PageId>)>;

/// Terms of a language, computed from every page.
pub(crate) fn terms(site: &Site, tax: &Taxonomy, lang: &str) -> Terms {
    let mut out: Terms = BTreeMap::new();
    for (id, _) in site.content.in_lang(lang) {
        for term in page_terms(site, tax, id) {
            let slug = slugify(term);
            if !slug.is_empty() {
                out.entry(slug).or_insert_with(|| (term.clone(), Vec::new())).1.push(id);
            }
        }
    }
    for (_, pages) in out.values_mut() {
        sort(site, pages);
    }
    out
}

/// Newest first, then by title.
fn sort(site: &Site, pages: &mut [PageId]) {
    pages.sort_by(|&a, &b| {
        let (a, b) = (&site.content[a].front, &site.content[b].front);
        b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
    });
}

/// The terms of every taxonomy and language, kept between preview edits: an in-place edit
/// cannot change which terms a page has (tags are part of its place), only its title.
#[derive(Default)]
pub(crate) struct TermIndex(BTreeMap<(String, String), Terms>);

impl TermIndex {
    pub(crate) fn new(site: &Site) -> TermIndex {
        use rayon::prelude::*;
        let keys: Vec<(Taxonomy, String)> = site
            .taxonomies
            .iter()
            .cloned()
            .flat_map(|t| site.config.languages.iter().map(move |l| (t.clone(), l.clone())))
            .collect();
        TermIndex(keys.into_par_iter().map(|(t, l)| ((t.key.clone(), l.clone()), terms(site, &t, &l))).collect())
    }

    pub(crate) fn get(&self, tax: &Taxonomy, lang: &str) -> Option<&Terms> {
        self.0.get(&(tax.key.clone(), lang.to_string()))
    }

    /// Puts the lists holding `pages` back in order after their titles changed.
    pub(crate) fn resort(&mut self, site: &Site, pages: &[PageId]) {
        for tax in &site.taxonomies {
            for &i in pages {
                let lang = site.content[i].lang.clone();
                let Some(terms) = self.0.get_mut(&(tax.key.clone(), lang)) else { continue };
                for term in page_terms(site, tax, i) {
                    if let Some((_, list)) = terms.get_mut(&slugify(term)) {
                        sort(site, list);
                    }
                }
            }
        }
    }
}
