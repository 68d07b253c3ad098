//! `faro check`: builds the site in memory and reports what is broken or missing before
//! publishing: broken internal links and anchors, images without alt text, external
//! scripts, styles, fonts or frames, pages missing a translation or whose translation has
//! fallen behind its source, pages nothing links to, duplicate titles, and indicators no
//! page uses. Errors make the command fail; warnings do not. External links are listed,
//! never fetched.

mod placeholders;

use crate::content::{Page, PageKind};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::driver::{self, Options};
use crate::messages::Said;
use crate::model::{Site, SiteOptions};
use crate::output::MemoryOutput;
use crate::urls::output_file;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
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

pub fn check(opts: &CheckOptions) -> Result<CheckReport, Vec<Diagnostic>> {
    let root = &opts.site_dir;
    let options = Options { site: SiteOptions::default(), printer: None, keep_going: true };
    let done = driver::run(root, options, |_| Ok(MemoryOutput::default())).map_err(|f| f.diags)?;
    let (site, mut diags) = (done.site, done.diags);
    let files = done.out.into_files();
    let html: BTreeMap<&str, &str> = files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .filter_map(|(k, v)| std::str::from_utf8(v).ok().map(|s| (k.as_str(), s)))
        .collect();
    // Which source each output page comes from, so findings name the file to edit.
    let source_of = site.content.pages.iter().map(|p| (output_file(&p.url), p.source.clone())).collect();
    // The fragments of Markdown links were checked by the build itself, at their lines.
    let built = site.content.ids().flat_map(|i| {
        let file = output_file(&site.content[i].url);
        site.md(i).fragments.iter().map(move |f| (file.clone(), unescape(&f.href)))
    });
    let checked = built.collect();
    // Where each Markdown link is written, so a finding in the HTML names its line.
    let mut lines = HashMap::new();
    for i in site.content.ids() {
        let file = output_file(&site.content[i].url);
        let md = site.md(i);
        let fragments = md.fragments.iter().map(|f| (&f.href, f.line, f.col));
        for (href, line, col) in md.hrefs.iter().map(|(h, l, c)| (h, *l, *c)).chain(fragments) {
            lines.entry((file.clone(), unescape(href))).or_insert((line, col));
        }
    }
    // A menu's site paths are written by the theme on every page: found there, they are
    // named at their entry in site.yaml, once.
    let menus = site
        .config
        .menu_entries()
        .filter_map(|(_, m)| match &m.target {
            crate::config::MenuTarget::Url(h @ crate::href::Href::Site(_)) => {
                Some((crate::urls::href(&site.config.base_path, h), m.at.unzip()))
            }
            _ => None,
        })
        .collect();
    let menus = (root.join("site.yaml"), menus);
    let mut pages =
        Pages { site: &site, files: &files, html: &html, source_of, checked, lines, menus, diags: &mut diags };
    let mut external = BTreeSet::new();
    let mut linked = BTreeSet::new();
    for (file, text) in &html {
        pages.links(file, text, &mut external, &mut linked);
        pages.images(file, text);
    }
    let missing = translations(&site, &mut diags);
    diags.extend(duplicate_titles(&site));
    for page in &site.content.pages {
        diags.extend(orphan(&site, page, &linked));
    }
    diags.extend(unused_indicators(&site));
    diags.extend(placeholders::findings(&site));
    Ok(CheckReport { diagnostics: diags.report(root), missing_translations: missing, external_links: external })
}

type At = (Option<usize>, Option<usize>);

/// The rendered site and where its pages come from.
struct Pages<'a> {
    site: &'a Site,
    files: &'a BTreeMap<String, Vec<u8>>,
    html: &'a BTreeMap<&'a str, &'a str>,
    source_of: HashMap<String, PathBuf>,
    /// (output file, href) of links whose fragment the build checked.
    checked: HashSet<(String, String)>,
    /// (output file, href) of Markdown links: their (line, column) in the page's source.
    lines: HashMap<(String, String), At>,
    /// site.yaml, and the menu entries' site paths (as pages write them) with their place.
    menus: (PathBuf, HashMap<String, At>),
    diags: &'a mut Diagnostics,
}

impl Pages<'_> {
    fn where_(&self, file: &str) -> PathBuf {
        self.source_of.get(file).cloned().unwrap_or_else(|| PathBuf::from(format!("(output) {file}")))
    }

    /// The file and place to name for a link of `file`: its Markdown line, or its menu
    /// entry in site.yaml, else the page.
    fn place(&self, file: &str, href: &str) -> (PathBuf, At) {
        if let Some(at) = self.lines.get(&(file.to_string(), href.to_string())) {
            return (self.where_(file), *at);
        }
        match self.menus.1.get(href) {
            Some(at) => (self.menus.0.clone(), *at),
            None => (self.where_(file), (None, None)),
        }
    }

    /// Every link and source of one page: what it loads from other sites (an error),
    /// external links (listed), and internal links and anchors that lead nowhere.
    fn links(&mut self, file: &str, text: &str, external: &mut BTreeSet<String>, linked: &mut BTreeSet<String>) {
        let is_redirect = text.contains("http-equiv=\"refresh\"");
        for (tag, whole, raw) in attributes(text, "href").into_iter().chain(attributes(text, "src")) {
            let value = unescape(raw);
            if value.starts_with("http://") || value.starts_with("https://") || value.starts_with("//") {
                if !value.starts_with(&self.site.config.base_url) {
                    self.external(file, tag, whole, value, external);
                }
                continue;
            }
            let (source, at) = self.place(file, &value);
            let shown = value.clone();
            let value = if value.starts_with('/') || value.starts_with('#') {
                value
            } else {
                // A relative link (a writer's `[x](informes/2021)`) leads where the browser takes it.
                match self.relative(file, &value) {
                    Some(abs) => abs,
                    None => continue, // mailto:, tel:, data:
                }
            };
            let Some(target) = self.target(file, &value, &shown, (&source, at)) else { continue };
            if !is_redirect && tag == "a" && target != file {
                linked.insert(target.clone());
            }
            if !self.checked.contains(&(file.to_string(), shown.clone())) {
                self.anchor(&value, &shown, &target, (&source, at));
            }
        }
    }

    /// What the browser fetches on its own from another site is an error (readers at risk);
    /// a link the reader may follow is listed.
    fn external(&mut self, file: &str, tag: &str, whole: &str, value: String, external: &mut BTreeSet<String>) {
        let loads = matches!(tag, "script" | "iframe" | "img" | "source" | "video" | "audio" | "embed" | "object")
            || (tag == "link"
                && ["stylesheet", "preload", "icon", "modulepreload"]
                    .iter()
                    .any(|r| whole.contains(&format!("rel=\"{r}"))));
        if loads {
            self.diags.push(
                Diagnostic::error_said(
                    Code::ExternalResource,
                    self.where_(file),
                    Said::new("cmd-check-external-resource", &[("value", &value), ("tag", tag)]),
                )
                .hint_said(Said::new("cmd-check-external-resource-hint", &[])),
            );
        } else if tag == "a" {
            external.insert(value);
        }
    }

    /// A relative URL made absolute against the page's own URL, as a browser does (`..`
    /// stops at the host's root); None for one with a scheme (`mailto:`, `tel:`).
    fn relative(&self, file: &str, value: &str) -> Option<String> {
        let scheme = value.find(':').is_some_and(|i| !value[..i].contains(['/', '?', '#']));
        if scheme {
            return None;
        }
        let page_url = format!("{}{}", self.site.config.base_path, file.strip_suffix("index.html").unwrap_or(file));
        Some(crate::urls::join_url(&page_url, value))
    }

    /// The output file an internal link leads to, or None (reported) when it leads nowhere.
    /// `shown` is the link as the page writes it, `place` the file and place to name.
    fn target(&mut self, file: &str, value: &str, shown: &str, place: (&Path, At)) -> Option<String> {
        let path = value.split_once('#').map_or(value, |(p, _)| p);
        let path = path.split('?').next().unwrap_or("");
        let base = &self.site.config.base_path;
        let (source, at) = place;
        // What the build said of this link, at its line (a warning: it may lead to a file made
        // another way, or to a folder without its slash).
        let reported = |d: &Diagnostic| {
            d.code == Code::BrokenLink
                && d.path == source
                && at.0.is_some()
                && (d.line, d.col) == at
                && d.message.starts_with("the link `")
        };
        let target = if path.is_empty() {
            file.to_string()
        } else {
            let Some(rel) = path.strip_prefix(base.as_str()) else {
                if let Some(d) = self.diags.find_mut(reported) {
                    d.severity = crate::diagnostics::Severity::Error;
                    return None;
                }
                let msg = Said::new("cmd-check-link-leaves-base", &[("link", shown), ("base", base)]);
                self.diags.push(Diagnostic::error_said(Code::BrokenLink, source, msg).at(at.0, at.1));
                return None;
            };
            crate::urls::file_at(&crate::urls::percent_decode_lossy(rel))
        };
        if self.files.contains_key(&target) {
            return Some(target);
        }
        let folder = format!("{target}/index.html");
        if !path.is_empty() && !path.ends_with('/') && self.files.contains_key(&folder) {
            // Every host redirects a folder to its slash: a warning, said once.
            if self.diags.find_mut(reported).is_none() {
                let (written, tail) = shown.find(['?', '#']).map_or((shown, ""), |i| shown.split_at(i));
                let slashed = format!("{written}/{tail}");
                let msg = Said::new("cmd-check-link-no-slash", &[("link", shown)]);
                let hint = Said::new("cmd-check-link-no-slash-hint", &[("slashed", &slashed)]);
                self.diags.push(Diagnostic::warning_said(Code::BrokenLink, source, msg).at(at.0, at.1).hint_said(hint));
            }
            return Some(folder);
        }
        // The build warned at the link's line: now it is known to lead nowhere, so that
        // warning becomes the error.
        if let Some(d) = self.diags.find_mut(reported) {
            if !d.is_error() {
                d.severity = crate::diagnostics::Severity::Error;
                if d.hint.is_none() && shown != value {
                    *d = d.clone().hint_said(Said::new("cmd-check-link-unpublished-hint", &[("target", value)]));
                }
            }
            return None;
        }
        let msg = if shown == value {
            Said::new("cmd-check-link-to-nothing", &[("link", value)])
        } else {
            Said::new("cmd-check-relative-link-to-nothing", &[("link", shown), ("target", value)])
        };
        self.diags.push(Diagnostic::error_said(Code::BrokenLink, source, msg).at(at.0, at.1));
        None
    }

    fn anchor(&mut self, value: &str, shown: &str, target: &str, (source, at): (&Path, At)) {
        let Some(id) = value.split_once('#').map(|(_, f)| f).filter(|f| !f.is_empty()) else { return };
        let Some(target_html) = self.html.get(target) else { return };
        if !ids(target_html).contains(crate::urls::percent_decode_lossy(id).as_str()) {
            let msg = Said::new("cmd-check-broken-anchor", &[("link", shown), ("id", id)]);
            // Said once: `report` drops the same finding of every page that shows the menu.
            self.diags.push(Diagnostic::error_said(Code::BrokenAnchor, source, msg).at(at.0, at.1));
        }
    }

    /// An empty alt is allowed only where a template marks the image decorative with
    /// `data-decorative` (Markdown cannot write attributes: raw HTML in pages is escaped).
    fn images(&mut self, file: &str, text: &str) {
        let mut rest = text;
        while let Some(i) = rest.find("<img") {
            let tag = &rest[i..i + rest[i..].find('>').unwrap_or(rest.len() - i)];
            let decorative = tag.contains(" alt=\"\"") && tag.contains(" data-decorative");
            if !decorative && (!tag.contains(" alt=\"") || tag.contains(" alt=\"\"")) {
                let msg = Said::new("cmd-check-image-no-alt", &[("tag", &format!("{tag}>"))]);
                self.diags.push(Diagnostic::error_said(Code::MissingAlt, self.where_(file), msg));
            }
            rest = &rest[i + 4..];
        }
    }
}

/// Pages of the default language missing a translation, and translations fallen behind.
fn translations(site: &Site, diags: &mut Diagnostics) -> BTreeMap<String, Vec<String>> {
    let mut missing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let default = site.config.default_language();
    for lang in &site.config.languages {
        if let Some(d) = site.strings.get(lang).and_then(|s| crate::i18n::awaiting_translation(s, lang)) {
            diags.push(d);
        }
    }
    for page in &site.content.pages {
        if let Some(text) = page.front.text_lang.as_deref() {
            diags.push(
                Diagnostic::warning_said(
                    Code::AwaitingTranslation,
                    &page.source,
                    Said::new("cmd-check-text-lang", &[("text", text), ("lang", &page.lang)]),
                )
                .at_point(page.value_at("text_lang"))
                .hint_said(Said::new("cmd-check-text-lang-hint", &[])),
            );
        }
        for lang in &site.config.languages {
            if !page.translations.contains_key(lang) && page.lang == default {
                missing.entry(lang.clone()).or_default().push(page.rel.clone());
                diags.push(
                    Diagnostic::warning_said(
                        Code::MissingTranslation,
                        &page.source,
                        Said::new("cmd-check-missing-translation", &[("lang", lang)]),
                    )
                    .hint_said(Said::new("cmd-check-missing-translation-hint", &[("lang", lang)])),
                );
            }
        }
        // A translation is behind when its source (default language) was updated after it.
        let Some(&src) = page.translations.get(default).filter(|_| page.lang != default) else { continue };
        let source = &site.content[src];
        let date = |p: &Page| p.front.updated.clone().or_else(|| p.front.date.clone());
        if let (Some(s), Some(t)) = (date(source), date(page)) {
            if crate::content::date_key(&s) > crate::content::date_key(&t) {
                diags.push(
                    Diagnostic::warning_said(
                        Code::StaleTranslation,
                        &page.source,
                        Said::new(
                            "cmd-check-stale-translation",
                            &[("source", &source.rel), ("updated", &s), ("translated", &t)],
                        ),
                    )
                    .hint_said(Said::new("cmd-check-stale-translation-hint", &[])),
                );
            }
        } else if date(source).is_some() && date(page).is_none() && source.front.updated.is_some() {
            diags.push(Diagnostic::warning_said(
                Code::StaleTranslation,
                &page.source,
                Said::new("cmd-check-translation-undated", &[("source", &source.rel)]),
            ));
        }
    }
    missing
}

/// A title that another page of the same language had before it.
fn duplicate_titles(site: &Site) -> Vec<Diagnostic> {
    let mut titles: HashMap<(&str, &str), &Path> = HashMap::new();
    let mut diags = Vec::new();
    for page in &site.content.pages {
        if let Some(other) = titles.insert((page.lang.as_str(), page.front.title.as_str()), &page.source) {
            let other = other.strip_prefix(&site.root).unwrap_or(other).display().to_string();
            diags.push(Diagnostic::warning_said(
                Code::DuplicateTitle,
                &page.source,
                Said::new("cmd-check-duplicate-title", &[("lang", &page.lang), ("other", &other)]),
            ));
        }
    }
    diags
}

/// A page nothing links to: no section, menu or other page.
fn orphan(site: &Site, page: &Page, linked: &BTreeSet<String>) -> Option<Diagnostic> {
    let file = output_file(&page.url);
    let in_menu = site.config.menu_entries().any(|(lang, m)| {
        matches!(&m.target, crate::config::MenuTarget::Page(p) if format!("{}/{p}", m.page_lang(lang)) == page.rel)
    });
    (page.kind != PageKind::Home && !in_menu && !linked.contains(&file)).then(|| {
        Diagnostic::warning_said(Code::OrphanPage, &page.source, Said::new("cmd-check-orphan", &[]))
            .hint_said(Said::new("cmd-check-orphan-hint", &[]))
    })
}

/// Indicators no page charts, no goal measures and no campaign cites.
fn unused_indicators(site: &Site) -> Vec<Diagnostic> {
    let used: BTreeSet<&str> = site
        .markdown
        .iter()
        .flat_map(|r| r.charts.iter().map(|c| c.id.as_str()))
        .chain(site.plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator.as_str())))
        .chain(
            site.content
                .pages
                .iter()
                .filter_map(|p| p.front.campaign.as_ref())
                .flat_map(|c| c.figures.iter().filter_map(|f| f.indicator.as_deref())),
        )
        .collect();
    site.indicators
        .iter()
        .filter(|ind| !used.contains(ind.id.as_str()))
        .map(|ind| {
            Diagnostic::warning_said(Code::UnusedIndicator, &ind.path, Said::new("cmd-check-unused-indicator", &[]))
                .hint_said(Said::new("cmd-check-unused-indicator-hint", &[]))
        })
        .collect()
}

/// The report as JSON, for CI and editors.
pub fn to_json(report: &CheckReport) -> String {
    let s = crate::escape::json;
    let items: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{{\"severity\":{},\"code\":{},\"path\":{},\"line\":{},\"column\":{},\"message\":{},\"hint\":{}}}",
                s(if d.is_error() { "error" } else { "warning" }),
                s(d.code.as_str()),
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
