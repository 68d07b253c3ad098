//! `faro check`: builds the site in memory and reports what is broken or missing before
//! publishing: broken internal links and anchors, images without alt text, external
//! scripts, styles, fonts or frames, pages missing a translation or whose translation has
//! fallen behind its source, pages nothing links to, duplicate titles, and indicators no
//! page uses. Errors make the command fail; warnings do not. External links are listed,
//! never fetched.

use crate::content::PageKind;
use crate::diagnostics::Diagnostic;
use crate::output::MemoryOutput;
use crate::site::{self, SiteOptions};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

pub struct CheckOptions {
    pub site_dir: PathBuf,
}

pub struct CheckReport {
    /// Every finding, errors first, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Language -> pages (source paths under content/) that have no translation in it.
    pub missing_translations: BTreeMap<String, Vec<String>>,
    /// External links found in the pages, not fetched.
    pub external_links: BTreeSet<String>,
}

impl CheckReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Values of attribute `name` in an HTML text, each with its tag's name and whole text.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<(&'a str, &'a str, &'a str)> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&needle).map(|i| i + from) {
        let start = i + needle.len();
        let Some(len) = html[start..].find('"') else { break };
        let tag_start = html[..i].rfind('<').unwrap_or(0);
        let tag_end = html[start..].find('>').map_or(html.len(), |e| start + e);
        let name = html[tag_start + 1..i].split_whitespace().next().unwrap_or("");
        out.push((name, &html[tag_start..tag_end], &html[start..start + len]));
        from = start + len;
    }
    out
}

fn ids(html: &str) -> BTreeSet<&str> {
    attributes(html, "id").into_iter().map(|(_, _, v)| v).collect()
}

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn check(opts: &CheckOptions) -> Result<CheckReport, Vec<Diagnostic>> {
    let root = &opts.site_dir;
    let (loaded, mut diags) = site::load(root, &SiteOptions::default());
    let Some(site) = loaded else {
        return Err(diags.into_sorted().into_iter().map(|d| d.relative_to(root)).collect());
    };
    let out = MemoryOutput::default();
    diags.extend(site::render(&site, &out));
    let files = out.files.into_inner().unwrap_or_default();
    let base = site.config.base_path.clone();
    let html: BTreeMap<&str, &str> = files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .filter_map(|(k, v)| std::str::from_utf8(v).ok().map(|s| (k.as_str(), s)))
        .collect();
    // Which source each output page comes from, so findings name the file to edit.
    let source_of: HashMap<String, PathBuf> =
        site.content.pages.iter().map(|p| (format!("{}index.html", p.url), p.source.clone())).collect();
    let where_ = |file: &str| source_of.get(file).cloned().unwrap_or_else(|| PathBuf::from(format!("(output) {file}")));
    let mut external = BTreeSet::new();
    let mut linked: BTreeSet<String> = BTreeSet::new();

    for (file, text) in &html {
        let is_redirect = text.contains("http-equiv=\"refresh\"");
        for (tag, whole, raw) in attributes(text, "href").into_iter().chain(attributes(text, "src")) {
            let value = unescape(raw);
            if value.starts_with("http://") || value.starts_with("https://") || value.starts_with("//") {
                if value.starts_with(&site.config.base_url) {
                    continue; // our own absolute URLs (canonical, alternates)
                }
                // What the browser fetches on its own, as opposed to a link the reader may follow.
                let loads =
                    matches!(tag, "script" | "iframe" | "img" | "source" | "video" | "audio" | "embed" | "object")
                        || (tag == "link"
                            && ["stylesheet", "preload", "icon", "modulepreload"]
                                .iter()
                                .any(|r| whole.contains(&format!("rel=\"{r}"))));
                if loads {
                    diags.push(
                        Diagnostic::error(
                            "external-resource",
                            where_(file),
                            format!("the page loads `{value}` from another site (a <{tag}>)"),
                        )
                        .hint("readers at risk must not be exposed to third parties: copy the file into static/"),
                    );
                } else if tag == "a" {
                    external.insert(value);
                }
                continue;
            }
            if !value.starts_with('/') && !value.starts_with('#') {
                continue; // mailto:, tel:, relative links (none in faro's own output)
            }
            let (path, fragment) = match value.split_once('#') {
                Some((p, f)) => (p.to_string(), Some(f.to_string())),
                None => (value.clone(), None),
            };
            let path = path.split('?').next().unwrap_or("").to_string();
            let target = if path.is_empty() {
                file.to_string()
            } else {
                let Some(rel) = path.strip_prefix(&base) else {
                    diags.push(Diagnostic::error(
                        "broken-link",
                        where_(file),
                        format!("the link `{value}` leaves the site's base path {base}"),
                    ));
                    continue;
                };
                let rel = percent_decode(rel);
                if rel.is_empty() || rel.ends_with('/') {
                    format!("{rel}index.html")
                } else {
                    rel
                }
            };
            if !files.contains_key(&target) {
                diags.push(Diagnostic::error(
                    "broken-link",
                    where_(file),
                    format!("the link `{value}` leads to nothing"),
                ));
                continue;
            }
            if !is_redirect && tag == "a" && &target != file {
                linked.insert(target.clone());
            }
            if let (Some(id), Some(target_html)) = (fragment.filter(|f| !f.is_empty()), html.get(target.as_str())) {
                if !ids(target_html).contains(percent_decode(&id).as_str()) {
                    diags.push(Diagnostic::error(
                        "broken-anchor",
                        where_(file),
                        format!("the link `{value}` points to `#{id}`, which is not on that page"),
                    ));
                }
            }
        }
        let mut rest = *text;
        while let Some(i) = rest.find("<img") {
            let tag = &rest[i..i + rest[i..].find('>').unwrap_or(rest.len() - i)];
            // An empty alt is allowed only where a template marks the image decorative with
            // `data-decorative` (Markdown cannot write attributes: raw HTML in pages is escaped).
            let decorative = tag.contains(" alt=\"\"") && tag.contains(" data-decorative");
            if !decorative && (!tag.contains(" alt=\"") || tag.contains(" alt=\"\"")) {
                diags.push(Diagnostic::error(
                    "missing-alt",
                    where_(file),
                    format!("an image has no alt text: `{tag}>`"),
                ));
            }
            rest = &rest[i + 4..];
        }
    }

    let mut missing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let default = site.config.default_language();
    let mut titles: HashMap<(&str, &str), &Path> = HashMap::new();
    for page in &site.content.pages {
        for lang in &site.config.languages {
            if !page.translations.contains_key(lang) && page.lang == default {
                missing.entry(lang.clone()).or_default().push(page.rel.clone());
                diags.push(
                    Diagnostic::warning(
                        "missing-translation",
                        &page.source,
                        format!("this page has no translation in `{lang}`"),
                    )
                    .hint(format!("readers of `{lang}` who switch language land on that language's home page")),
                );
            }
        }
        // A translation is behind when its source (default language) was updated after it.
        if page.lang != default {
            if let Some(&src) = page.translations.get(default) {
                let source = &site.content.pages[src];
                let date = |p: &crate::content::Page| p.front.updated.clone().or_else(|| p.front.date.clone());
                if let (Some(s), Some(t)) = (date(source), date(page)) {
                    if s > t {
                        diags.push(
                            Diagnostic::warning(
                                "stale-translation",
                                &page.source,
                                format!("content/{} was updated on {s}, after this translation ({t})", source.rel),
                            )
                            .hint("update the translation, then set its `updated` date"),
                        );
                    }
                } else if date(source).is_some() && date(page).is_none() && source.front.updated.is_some() {
                    diags.push(Diagnostic::warning(
                        "stale-translation",
                        &page.source,
                        format!("content/{} has an `updated` date and this translation has none", source.rel),
                    ));
                }
            }
        }
        if let Some(other) = titles.insert((page.lang.as_str(), page.front.title.as_str()), &page.source) {
            diags.push(Diagnostic::warning(
                "duplicate-title",
                &page.source,
                format!(
                    "another page in `{}` has the same title: {}",
                    page.lang,
                    other.strip_prefix(root).unwrap_or(other).display()
                ),
            ));
        }
        let file = format!("{}index.html", page.url);
        let in_menu = site.config.menus.get(&page.lang).is_some_and(|items| {
            items.iter().any(
                |m| matches!(&m.target, crate::config::MenuTarget::Page(p) if format!("{}/{p}", page.lang) == page.rel),
            )
        });
        if page.kind != PageKind::Home && !in_menu && !linked.contains(&file) {
            diags.push(
                Diagnostic::warning("orphan-page", &page.source, "no other page links to this page")
                    .hint("link it from a section, a menu or another page"),
            );
        }
    }
    let used: BTreeSet<&str> = site
        .rendered
        .iter()
        .flat_map(|r| r.charts.iter().map(|(id, _)| id.as_str()))
        .chain(site.plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator.as_str())))
        .chain(
            site.content
                .pages
                .iter()
                .filter_map(|p| p.front.campaign.as_ref())
                .flat_map(|c| c.figures.iter().filter_map(|f| f.indicator.as_deref())),
        )
        .collect();
    for ind in &site.indicators {
        if !used.contains(ind.id.as_str()) {
            diags.push(
                Diagnostic::warning(
                    "unused-indicator",
                    &ind.path,
                    "no page charts this indicator, no goal measures it and no campaign cites it",
                )
                .hint("it is still published on the indicators index; chart it with {{< chart id >}} where it helps"),
            );
        }
    }
    let diagnostics = diags.into_sorted().into_iter().map(|d| d.relative_to(root)).collect();
    Ok(CheckReport { diagnostics, missing_translations: missing, external_links: external })
}

/// The report as JSON, for CI and editors.
pub fn to_json(report: &CheckReport) -> String {
    let s = crate::render::json_str;
    let items: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{{\"severity\":{},\"code\":{},\"path\":{},\"line\":{},\"column\":{},\"message\":{},\"hint\":{}}}",
                s(if d.is_error() { "error" } else { "warning" }),
                s(d.code),
                s(&d.path.display().to_string()),
                d.line.map_or("null".into(), |l| l.to_string()),
                d.col.map_or("null".into(), |c| c.to_string()),
                s(&d.message),
                d.hint.as_deref().map_or("null".into(), s)
            )
        })
        .collect();
    let missing: Vec<String> = report
        .missing_translations
        .iter()
        .map(|(lang, pages)| format!("{}:[{}]", s(lang), pages.iter().map(|p| s(p)).collect::<Vec<_>>().join(",")))
        .collect();
    let external: Vec<String> = report.external_links.iter().map(|l| s(l)).collect();
    format!(
        "{{\"errors\":{},\"warnings\":{},\"diagnostics\":[{}],\"missing_translations\":{{{}}},\"external_links\":[{}]}}\n",
        report.diagnostics.iter().filter(|d| d.is_error()).count(),
        report.diagnostics.iter().filter(|d| !d.is_error()).count(),
        items.join(","),
        missing.join(","),
        external.join(",")
    )
}
