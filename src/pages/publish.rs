//! What a published site offers beyond its pages: `sitemap.xml` with hreflang alternates,
//! `robots.txt`, an Atom feed for each section that asks for one, redirect pages for old
//! addresses (`aliases`), and the record of every URL ever published (`urls.txt`), so a
//! rename that would break a cited link fails the build instead.

use super::views::Plain;
use super::{Cx, File};
use crate::content::{date_key, rfc3339, PageId, PageKind};
use crate::diagnostics::{Code, Diagnostic};
use crate::escape::html as esc;
use crate::messages::Said;
use crate::model::Site;
use crate::urls::{feed, site_url, ROBOTS, SITEMAP};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One published HTML page: its path, its versions in other languages, and its date.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) path: String,
    pub(crate) alternates: Vec<(String, String)>,
    pub(crate) lastmod: Option<String>,
}

/// Every HTML page of the site with its alternates, sorted by path.
pub(crate) fn entries(site: &Site) -> Vec<Entry> {
    let paths = site.paths();
    let mut out = Vec::new();
    for (_, page) in site.content.iter() {
        // The page's translations, in language order, each at the path `at` gives it.
        let alternates = |at: &dyn Fn(PageId) -> Option<String>| -> Vec<(String, String)> {
            site.config
                .languages
                .iter()
                .filter_map(|l| page.translations.get(l).and_then(|&t| Some((l.clone(), at(t)?))))
                .collect()
        };
        let lastmod = page.front.updated.clone().or_else(|| page.front.date.clone());
        out.push(Entry {
            path: page.url.clone(),
            alternates: alternates(&|t| Some(site.content[t].url.clone())),
            lastmod: lastmod.clone(),
        });
        let full = |t: PageId| paths.report_full(&site.content[t].url, &site.content[t].lang);
        if page.front.report.is_some() {
            out.push(Entry {
                path: paths.report_full(&page.url, &page.lang),
                alternates: alternates(&|t| Some(full(t))),
                lastmod: lastmod.clone(),
            });
        }
        if page.front.campaign.is_some() {
            let kit = |t: PageId| {
                let p = &site.content[t];
                p.front.campaign.is_some().then(|| paths.kit(&p.url, &p.lang))
            };
            out.push(Entry { path: paths.kit(&page.url, &page.lang), alternates: alternates(&kit), lastmod });
        }
    }
    out.extend(generated_entries(site));
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The pages faro makes itself: indicators, term lists and search.
fn generated_entries(site: &Site) -> Vec<Entry> {
    let paths = site.paths();
    let langs = &site.config.languages;
    let all = |f: &dyn Fn(&str) -> String| langs.iter().map(|l| (l.clone(), f(l))).collect::<Vec<_>>();
    let mut out = Vec::new();
    if !site.indicators.is_empty() {
        for lang in langs {
            out.push(Entry { path: paths.indicators(lang), alternates: all(&|l| paths.indicators(l)), lastmod: None });
            for ind in &site.indicators {
                out.push(Entry {
                    path: paths.indicator(lang, &ind.id),
                    alternates: all(&|l| paths.indicator(l, &ind.id)),
                    lastmod: ind.source.date.clone(),
                });
            }
        }
    }
    let size = site.config.publish.page_size.max(1);
    for tax in &site.taxonomies {
        let with_terms: Vec<(&String, _)> = langs
            .iter()
            .map(|l| (l, crate::taxonomy::terms(site, tax, l)))
            .filter(|(_, terms)| !terms.is_empty())
            .collect();
        for (lang, terms) in &with_terms {
            let alternates = with_terms.iter().map(|(l, _)| ((*l).clone(), crate::urls::taxonomy(tax, l))).collect();
            out.push(Entry { path: crate::urls::taxonomy(tax, lang), alternates, lastmod: None });
            for (term, pages) in terms.values() {
                for n in 1..=pages.len().div_ceil(size) {
                    out.push(Entry {
                        path: crate::urls::term(tax, lang, term, n),
                        alternates: Vec::new(),
                        lastmod: None,
                    });
                }
            }
        }
    }
    for lang in langs {
        out.push(Entry { path: paths.search(lang), alternates: all(&|l| paths.search(l)), lastmod: None });
    }
    out
}

fn sitemap(site: &Site, entries: &[Entry]) -> String {
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

fn robots(site: &Site) -> String {
    if site.config.publish.index {
        format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", site_url(&site.config.base_url, SITEMAP))
    } else {
        "# A staging copy: please do not index it.\nUser-agent: *\nDisallow: /\n".to_string()
    }
}

/// Crawlers read robots.txt only at the root of a host (RFC 9309), so under a subpath one
/// would be ignored and mislead whoever reads it; pages keep their robots meta tags. A
/// site's own `static/robots.txt` replaces faro's, as any static file replaces the theme's.
fn writes_robots(site: &Site) -> bool {
    site.config.base_path == "/" && !own_robots(site)
}

fn own_robots(site: &Site) -> bool {
    crate::sources::exists(&site.root, &site.root.join("static").join(ROBOTS)).unwrap_or(false)
}

/// What a build tells about publishing besides its errors and warnings: under a subpath,
/// that robots.txt is not written (or, the site's own, is published where no crawler reads
/// it), and which sitemap to name instead.
pub(crate) fn notes(site: &Site) -> Vec<String> {
    let c = &site.config;
    if c.base_path == "/" {
        return Vec::new();
    }
    let sitemap = site_url(&c.base_url, SITEMAP);
    let ask = if c.publish.index {
        format!("submit {sitemap} to search engines, or add `Sitemap: {sitemap}` to the host's /robots.txt")
    } else {
        "every page asks not to be indexed with its robots meta tag".to_string()
    };
    let what = if own_robots(site) {
        format!("static/robots.txt is published as {}, where no crawler reads it", site_url(&c.base_path, ROBOTS))
    } else {
        "robots.txt was not written".to_string()
    };
    vec![format!(
        "{what}: the site lives under {}, and crawlers read robots.txt only at the root of a host; {ask}",
        c.base_path
    )]
}

/// Atom feeds: (site path, XML) for each section with `feed: true` that `wanted` names
/// (a preview edit rewrites only its own sections' feeds), newest entries first.
fn feeds(site: &Site, wanted: &dyn Fn(PageId) -> bool) -> Vec<(String, String)> {
    site.content
        .iter()
        .filter(|(i, p)| p.front.feed && matches!(p.kind, PageKind::Section | PageKind::Home) && wanted(*i))
        .map(|(i, section)| (feed(&section.url), feed_xml(site, i)))
        .collect()
}

fn feed_xml(site: &Site, s: PageId) -> String {
    let c = &site.config;
    let section = &site.content[s];
    let mut items: Vec<PageId> =
        section.children.iter().copied().filter(|&i| site.content[i].kind == PageKind::Page).collect();
    let date = |i: PageId| -> &str {
        let f = &site.content[i].front;
        f.updated.as_deref().or(f.date.as_deref()).unwrap_or_default()
    };
    // Newest instant first; a day alone counts as its midnight in UTC, as it is written.
    let key = |i: PageId| date_key(date(i));
    items.sort_by(|&a, &b| key(b).cmp(&key(a)).then_with(|| site.content[a].url.cmp(&site.content[b].url)));
    items.truncate(c.publish.feed_size);
    let updated =
        items.iter().map(|&i| date(i)).max_by_key(|d| date_key(d)).filter(|d| !d.is_empty()).unwrap_or("2000-01-01");
    let title = format!("{} · {}", section.front.title, c.title.get(&section.lang).map(String::as_str).unwrap_or(""));
    let self_url = site_url(&c.base_url, &feed(&section.url));
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{}</updated>\n  <author><name>{}</name></author>\n",
        esc(&section.lang),
        esc(&title),
        esc(&site_url(&c.base_url, &section.url)),
        esc(&self_url),
        esc(&site_url(&c.base_url, &section.url)),
        esc(&rfc3339(updated)),
        esc(c.organization.get(&section.lang).or_else(|| c.title.get(&section.lang)).map(String::as_str).unwrap_or("")),
    );
    for &i in &items {
        let p = &site.content[i];
        let link = site_url(&c.base_url, &p.url);
        let d = date(i);
        let d = if d.is_empty() { updated } else { d };
        let summary = p.front.description.as_deref().unwrap_or(&site.md(i).summary);
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            esc(&p.front.title),
            esc(&link),
            esc(&link),
            esc(&rfc3339(d)),
            esc(summary)
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// The sitemap (when an edit changed a date it shows), the feeds in scope, and in a whole
/// build robots.txt and the redirects of aliases. Aliases cannot share a path with a
/// published page, so where they come in the order of writing does not matter.
pub(crate) fn files(cx: Cx<'_>) -> Vec<File<'_>> {
    let entries = (cx.scope.touched.sitemap || cx.scope.everything()).then(|| entries(cx.site));
    let mut files = Vec::new();
    if let Some(entries) = entries.as_ref().filter(|_| cx.scope.touched.sitemap) {
        files.push((SITEMAP.to_string(), sitemap(cx.site, entries)));
    }
    if cx.scope.everything() && writes_robots(cx.site) {
        files.push((ROBOTS.to_string(), robots(cx.site)));
    }
    files.extend(feeds(cx.site, &|i| cx.scope.page(i)));
    let mut out: Vec<File> = files
        .into_iter()
        .map(|(path, text)| File::text(path.clone(), Path::new(&path).to_path_buf(), Ok(text)))
        .collect();
    if let Some(entries) = entries.filter(|_| cx.scope.everything()) {
        out.extend(redirects(cx, &entries));
    }
    out
}

/// A redirect page for every alias, and the errors of aliases that cannot be one.
fn redirects<'a>(cx: Cx<'a>, entries: &[Entry]) -> Vec<File<'a>> {
    let site = cx.site;
    let c = &site.config;
    let (aliases, diags) = aliases(site, entries);
    let mut files: Vec<File> = diags.into_iter().map(|d| File::failed("aliases".into(), d)).collect();
    for (path, target) in aliases {
        let page = &site.content[target];
        let view = Plain {
            title: &page.front.title,
            kind: "alias",
            url: site_url(&c.base_path, &path),
            target: Some(site_url(&c.base_path, &page.url)),
            permalink: Some(site_url(&c.base_url, &page.url)),
        };
        let html = cx.renderer.render(
            "redirect.html",
            cx.views.plain_context(site, &page.lang, super::views::value(view)),
            &format!("the alias /{path}"),
        );
        files.push(File::text(crate::urls::output_file(&path), page.source.as_path(), html));
    }
    files
}

/// Redirects from old addresses: (old site path, index of the page it leads to). Aliases
/// live in their page's language; one that clashes with a page, another alias or itself,
/// also in case only (many hosts do not tell case apart), is an error. An alias that is
/// not a plain path was reported when the page was checked (`urls::alias_problem`).
/// `published` is every published page, generated ones included (`entries`).
pub(crate) fn aliases(site: &Site, published: &[Entry]) -> (Vec<(String, PageId)>, Vec<Diagnostic>) {
    let pages: BTreeMap<String, &str> = published.iter().map(|e| (e.path.to_lowercase(), e.path.as_str())).collect();
    let mut seen: BTreeMap<String, (String, PageId)> = BTreeMap::new();
    let mut diags = Vec::new();
    for (i, page) in site.content.iter() {
        for (n, alias) in page.front.aliases.iter().enumerate() {
            if crate::urls::alias_problem(&page.lang, alias).is_some() {
                continue;
            }
            let at = |said: Said| {
                Diagnostic::error_said(Code::Alias, &page.source, said).at_point(page.item_at("aliases", n))
            };
            let path = crate::urls::alias(&page.lang, alias);
            let key = path.to_lowercase();
            if key == page.url.to_lowercase() {
                diags.push(at(Said::new("data-alias-to-itself", &[("alias", alias)])));
                continue;
            }
            if let Some(other) = pages.get(&key) {
                let case = if *other == path { "same" } else { "other" };
                let said = Said::new("data-alias-is-a-page", &[("alias", alias), ("other", other), ("case", case)]);
                diags.push(at(said));
                continue;
            }
            if let Some((other_path, other)) = seen.get(&key) {
                let case = if *other_path == path { "same" } else { "other" };
                let rel = &site.content[*other].rel;
                let said = Said::new("data-alias-twice", &[("alias", alias), ("rel", rel), ("case", case)]);
                diags.push(at(said));
                continue;
            }
            seen.insert(key, (path, i));
        }
    }
    (seen.into_values().collect(), diags)
}

/// The alias of `page` whose redirect is written at `file`, and its front-matter line.
pub(crate) fn alias_at<'a>(page: &'a crate::content::Page, file: &str) -> Option<(&'a str, Option<usize>)> {
    let n =
        page.front.aliases.iter().position(|a| crate::urls::output_file(&crate::urls::alias(&page.lang, a)) == file)?;
    Some((page.front.aliases[n].as_str(), page.item_at("aliases", n).map(|a| a.0)))
}

pub(crate) const URL_RECORD: &str = "urls.txt";

/// Compares the published URLs with `urls.txt`: a recorded URL that this build would drop,
/// with no alias keeping it, is an error. Returns the new record's text.
pub(crate) fn check_url_record(root: &Path, published: &BTreeSet<String>) -> (String, Vec<Diagnostic>) {
    let file = root.join(URL_RECORD);
    let mut diags = Vec::new();
    // Read as every source is: a link out of the site or a FIFO (which would block) is an error.
    let previous = match crate::sources::exists(root, &file) {
        Ok(false) => String::new(),
        Ok(true) => crate::sources::read_text(root, &file).unwrap_or_else(|d| {
            diags.push(d);
            String::new()
        }),
        Err(d) => {
            diags.push(d.into_error());
            String::new()
        }
    };
    for (n, line) in previous.lines().enumerate() {
        let url = line.trim();
        if url.is_empty() || url.starts_with('#') || published.contains(url) {
            continue;
        }
        diags.push(
            Diagnostic::error_said(Code::UrlRemoved, &file, Said::new("data-url-removed", &[("url", url)]))
                .at(Some(n + 1), None)
                .hint_said(Said::new("data-url-removed-hint", &[("url", url)])),
        );
    }
    let mut text = String::from("# Every URL this site has published; faro adds new ones and fails a build that would drop one.\n# Commit this file. To retire a URL on purpose, give its successor an alias (or delete the line).\n");
    for url in published {
        text.push_str(url);
        text.push('\n');
    }
    (text, diags)
}
