//! What a published site offers beyond its pages: `sitemap.xml` with hreflang alternates,
//! `robots.txt`, an Atom feed for each section that asks for one, redirect pages for old
//! addresses (`aliases`), and the record of every URL ever published (`urls.txt`), so a
//! rename that would break a cited link fails the build instead.

use crate::content::PageKind;
use crate::diagnostics::Diagnostic;
use crate::render::{escape_html as esc, site_url};
use crate::site::Site;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One published HTML page: its path, its versions in other languages, and its date.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: String,
    pub alternates: Vec<(String, String)>,
    pub lastmod: Option<String>,
}

/// Every HTML page of the site with its alternates, sorted by path.
pub fn entries(site: &Site) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, page) in site.content.pages.iter().enumerate() {
        // The page's translations, in language order, each at the path `at` gives it.
        let alternates = |at: &dyn Fn(usize) -> Option<String>| -> Vec<(String, String)> {
            site.config
                .languages
                .iter()
                .filter_map(|l| page.translations.get(l).and_then(|&t| Some((l.clone(), at(t)?))))
                .collect()
        };
        let lastmod = page.front.updated.clone().or_else(|| page.front.date.clone());
        out.push(Entry {
            path: page.url.clone(),
            alternates: alternates(&|t| Some(site.content.pages[t].url.clone())),
            lastmod: lastmod.clone(),
        });
        if page.front.report.is_some() {
            out.push(Entry {
                path: crate::report_pages::full_path(site, i),
                alternates: alternates(&|t| Some(crate::report_pages::full_path(site, t))),
                lastmod: lastmod.clone(),
            });
        }
        if page.front.campaign.is_some() {
            let kit = |t: usize| site.content.pages[t].front.campaign.is_some().then(|| crate::kit::kit_path(site, t));
            out.push(Entry { path: crate::kit::kit_path(site, i), alternates: alternates(&kit), lastmod });
        }
    }
    if !site.indicators.is_empty() {
        let langs = &site.config.languages;
        let all = |f: &dyn Fn(&str) -> String| langs.iter().map(|l| (l.clone(), f(l))).collect::<Vec<_>>();
        for lang in langs {
            out.push(Entry {
                path: crate::indicator_pages::root_path(site, lang),
                alternates: all(&|l| crate::indicator_pages::root_path(site, l)),
                lastmod: None,
            });
            for ind in &site.indicators {
                let date = ind.source.date.clone();
                out.push(Entry {
                    path: crate::indicator_pages::page_path(site, lang, &ind.id),
                    alternates: all(&|l| crate::indicator_pages::page_path(site, l, &ind.id)),
                    lastmod: date.clone(),
                });
            }
        }
    }
    let size = site.config.publish.page_size.max(1);
    for tax in crate::taxonomy::all(site) {
        let with_terms: Vec<(&String, _)> = site
            .config
            .languages
            .iter()
            .map(|l| (l, crate::taxonomy::terms(site, &tax, l)))
            .filter(|(_, terms)| !terms.is_empty())
            .collect();
        for (lang, terms) in &with_terms {
            let alternates =
                with_terms.iter().map(|(l, _)| ((*l).clone(), crate::taxonomy::tax_path(&tax, l))).collect();
            out.push(Entry { path: crate::taxonomy::tax_path(&tax, lang), alternates, lastmod: None });
            for (term, pages) in terms.values() {
                for n in 1..=pages.len().div_ceil(size) {
                    out.push(Entry {
                        path: crate::taxonomy::term_path(&tax, lang, term, n),
                        alternates: Vec::new(),
                        lastmod: None,
                    });
                }
            }
        }
    }
    let langs = &site.config.languages;
    for lang in langs {
        let alternates = langs.iter().map(|l| (l.clone(), crate::search::page_path(site, l))).collect();
        out.push(Entry { path: crate::search::page_path(site, lang), alternates, lastmod: None });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

pub fn sitemap(site: &Site, entries: &[Entry]) -> String {
    let c = &site.config;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for e in entries {
        xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", esc(&site_url(&c.base_url, &e.path))));
        if let Some(date) = &e.lastmod {
            xml.push_str(&format!("    <lastmod>{}</lastmod>\n", esc(date)));
        }
        if e.alternates.len() > 1 {
            for (lang, path) in &e.alternates {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    esc(lang),
                    esc(&site_url(&c.base_url, path))
                ));
            }
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(site: &Site) -> String {
    if site.config.publish.index {
        format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", site_url(&site.config.base_url, "sitemap.xml"))
    } else {
        "# A staging copy: please do not index it.\nUser-agent: *\nDisallow: /\n".to_string()
    }
}

/// The feeds of a language: (title, site path) of every section with `feed: true`.
pub fn feeds_of(site: &Site, lang: &str) -> Vec<(String, String)> {
    site.content
        .pages
        .iter()
        .filter(|p| p.lang == lang && p.front.feed && matches!(p.kind, PageKind::Section | PageKind::Home))
        .map(|p| (p.front.title.clone(), format!("{}atom.xml", p.url)))
        .collect()
}

/// Atom feeds: (site path, XML) for each section with `feed: true` that `wanted` names
/// (a preview edit rewrites only its own sections' feeds), newest entries first.
pub fn feeds(site: &Site, wanted: &dyn Fn(usize) -> bool) -> Vec<(String, String)> {
    let c = &site.config;
    let mut out = Vec::new();
    for (_, section) in site
        .content
        .pages
        .iter()
        .enumerate()
        .filter(|(i, p)| p.front.feed && matches!(p.kind, PageKind::Section | PageKind::Home) && wanted(*i))
    {
        let mut items: Vec<usize> =
            section.children.iter().copied().filter(|&i| site.content.pages[i].kind == PageKind::Page).collect();
        let date = |i: usize| -> &str {
            let f = &site.content.pages[i].front;
            f.updated.as_deref().or(f.date.as_deref()).unwrap_or_default()
        };
        items.sort_by(|&a, &b| {
            date(b).cmp(date(a)).then_with(|| site.content.pages[a].url.cmp(&site.content.pages[b].url))
        });
        items.truncate(c.publish.feed_size);
        let updated = items.iter().map(|&i| date(i)).max().filter(|d| !d.is_empty()).unwrap_or("2000-01-01");
        let title =
            format!("{} · {}", section.front.title, c.title.get(&section.lang).map(String::as_str).unwrap_or(""));
        let self_url = site_url(&c.base_url, &format!("{}atom.xml", section.url));
        let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{}T00:00:00Z</updated>\n  <author><name>{}</name></author>\n",
            esc(&section.lang),
            esc(&title),
            esc(&site_url(&c.base_url, &section.url)),
            esc(&self_url),
            esc(&site_url(&c.base_url, &section.url)),
            esc(updated),
            esc(c.organization.get(&section.lang).or_else(|| c.title.get(&section.lang)).map(String::as_str).unwrap_or("")),
        );
        for &i in &items {
            let p = &site.content.pages[i];
            let link = site_url(&c.base_url, &p.url);
            let d = date(i);
            let d = if d.is_empty() { updated } else { d };
            let summary = p.front.description.as_deref().unwrap_or(&site.rendered[i].summary);
            xml.push_str(&format!(
                "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
                esc(&p.front.title),
                esc(&link),
                esc(&link),
                esc(d),
                esc(summary)
            ));
        }
        xml.push_str("</feed>\n");
        out.push((format!("{}atom.xml", section.url), xml));
    }
    out
}

/// Redirects from old addresses: (old site path, index of the page it leads to). Aliases
/// live in their page's language; one that clashes with a page, another alias or itself
/// is an error.
pub fn aliases(site: &Site) -> (Vec<(String, usize)>, Vec<Diagnostic>) {
    // Every published page, generated ones included (search, indicators, full reports).
    let published = entries(site);
    let pages: BTreeSet<&str> = published.iter().map(|e| e.path.as_str()).collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut diags = Vec::new();
    for (i, page) in site.content.pages.iter().enumerate() {
        // Each alias of a block list is pointed at on its own line; a flow list at `aliases:`.
        let items = crate::yaml::item_lines(&page.front_src, "aliases");
        for (n, alias) in page.front.aliases.iter().enumerate() {
            let line = items.get(n).map(|l| l + 1).or_else(|| page.key_line("aliases"));
            let at = |msg: String| Diagnostic::error("alias", &page.source, msg).at(line, None);
            let path = match alias.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("{}/{alias}", page.lang),
            };
            let path = format!("{}/", path.trim_end_matches('/'));
            if path.split('/').any(|s| s == ".." || s == ".") || path.contains("//") {
                diags.push(at(format!("the alias `{alias}` is not a plain path")));
                continue;
            }
            if !path.starts_with(&format!("{}/", page.lang)) {
                diags
                    .push(at(format!("the alias `{alias}` is outside /{}/, this page's language", page.lang)).hint(
                        "each language keeps its own old addresses: put this alias on the page in that language",
                    ));
                continue;
            }
            if path == page.url {
                diags.push(at(format!(
                    "the alias `{alias}` is this page's own address, so it would redirect to itself"
                )));
                continue;
            }
            if pages.contains(path.as_str()) {
                diags.push(at(format!("the alias `{alias}` is the address of another page, /{path}")));
                continue;
            }
            if let Some(&other) = seen.get(&path) {
                diags.push(at(format!(
                    "the alias `{alias}` is also an alias of content/{}",
                    site.content.pages[other].rel
                )));
                continue;
            }
            seen.insert(path, i);
        }
    }
    (seen.into_iter().collect(), diags)
}

pub const URL_RECORD: &str = "urls.txt";

/// Compares the published URLs with `urls.txt`: a recorded URL that this build would drop,
/// with no alias keeping it, is an error. Returns the new record's text.
pub fn check_url_record(root: &Path, published: &BTreeSet<String>) -> (String, Vec<Diagnostic>) {
    let file = root.join(URL_RECORD);
    let previous = std::fs::read_to_string(&file).unwrap_or_default();
    let mut diags = Vec::new();
    for (n, line) in previous.lines().enumerate() {
        let url = line.trim();
        if url.is_empty() || url.starts_with('#') || published.contains(url) {
            continue;
        }
        diags.push(
            Diagnostic::error("url-removed", &file, format!("{url} was published before and this build would drop it"))
                .at(Some(n + 1), None)
                .hint(format!("add `aliases: [\"{url}\"]` to the front matter of the page that replaces it, so links to it keep working")),
        );
    }
    let mut text = String::from("# Every URL this site has published; faro adds new ones and fails a build that would drop one.\n# Commit this file. To retire a URL on purpose, give its successor an alias (or delete the line).\n");
    for url in published {
        text.push_str(url);
        text.push('\n');
    }
    (text, diags)
}
