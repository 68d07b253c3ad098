//! Taxonomies: `tags`, plus the groupings a site declares in site.yaml (region, audience…),
//! each with an index of its terms and a paginated list page per term, per language.

use crate::config::Localized;
use crate::site::Site;
use crate::slug::slugify;
use std::collections::BTreeMap;

#[derive(Clone)]
pub struct Tax {
    pub key: String,
    pub name: Localized,
    pub slug: Localized,
}

/// `tags` first (named by the theme strings), then the site's own taxonomies.
pub fn all(site: &Site) -> Vec<Tax> {
    let from_strings = |key: &str| -> Localized {
        site.config
            .languages
            .iter()
            .map(|l| (l.clone(), site.strings[l].text(key).unwrap_or("tags").to_string()))
            .collect()
    };
    let mut out = vec![Tax { key: "tags".into(), name: from_strings("tags_label"), slug: from_strings("tags_slug") }];
    out.extend(site.config.taxonomies.iter().map(|t| Tax {
        key: t.key.clone(),
        name: t.name.clone(),
        slug: t.slug.clone(),
    }));
    out
}

/// The terms a page has in a taxonomy.
pub fn page_terms<'a>(site: &'a Site, tax: &Tax, i: usize) -> &'a [String] {
    let front = &site.content.pages[i].front;
    if tax.key == "tags" {
        &front.tags
    } else {
        front.taxonomies.get(&tax.key).map(Vec::as_slice).unwrap_or_default()
    }
}

/// Terms of a language: term slug -> (the term as written, pages in list order).
pub type Terms = BTreeMap<String, (String, Vec<usize>)>;

/// Terms of a language, computed from every page.
pub fn terms(site: &Site, tax: &Tax, lang: &str) -> Terms {
    let mut out: Terms = BTreeMap::new();
    for (i, _) in site.content.pages.iter().enumerate().filter(|(_, p)| p.lang == lang) {
        for term in page_terms(site, tax, i) {
            let slug = slugify(term);
            if !slug.is_empty() {
                out.entry(slug).or_insert_with(|| (term.clone(), Vec::new())).1.push(i);
            }
        }
    }
    for (_, pages) in out.values_mut() {
        sort(site, pages);
    }
    out
}

/// Newest first, then by title.
fn sort(site: &Site, pages: &mut [usize]) {
    pages.sort_by(|&a, &b| {
        let (a, b) = (&site.content.pages[a].front, &site.content.pages[b].front);
        b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
    });
}

/// The terms of every taxonomy and language, kept between preview edits: an in-place edit
/// cannot change which terms a page has (tags are part of its place), only its title.
#[derive(Default)]
pub struct TermIndex(BTreeMap<(String, String), Terms>);

impl TermIndex {
    pub fn new(site: &Site) -> TermIndex {
        use rayon::prelude::*;
        let keys: Vec<(Tax, String)> = all(site)
            .into_iter()
            .flat_map(|t| site.config.languages.iter().map(move |l| (t.clone(), l.clone())))
            .collect();
        TermIndex(keys.into_par_iter().map(|(t, l)| ((t.key.clone(), l.clone()), terms(site, &t, &l))).collect())
    }

    pub fn get(&self, tax: &Tax, lang: &str) -> Option<&Terms> {
        self.0.get(&(tax.key.clone(), lang.to_string()))
    }

    /// Puts the lists holding `pages` back in order after their titles changed.
    pub fn resort(&mut self, site: &Site, pages: &[usize]) {
        for tax in all(site) {
            for &i in pages {
                let lang = site.content.pages[i].lang.clone();
                let Some(terms) = self.0.get_mut(&(tax.key.clone(), lang)) else { continue };
                for term in page_terms(site, &tax, i) {
                    if let Some((_, list)) = terms.get_mut(&slugify(term)) {
                        sort(site, list);
                    }
                }
            }
        }
    }
}

/// `es/etiquetas/`
pub fn tax_path(tax: &Tax, lang: &str) -> String {
    let slug =
        slugify(tax.slug.get(lang).or_else(|| tax.slug.values().next()).map_or(tax.key.as_str(), String::as_str));
    format!("{lang}/{slug}/")
}

/// `es/etiquetas/1818/`, and `…/page/2/` for later pages of the list.
pub fn term_path(tax: &Tax, lang: &str, term: &str, page: usize) -> String {
    let base = format!("{}{}/", tax_path(tax, lang), slugify(term));
    if page <= 1 {
        base
    } else {
        format!("{base}page/{page}/")
    }
}
