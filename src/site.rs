//! Orchestration: `load` reads a site folder into a `Site` (plain data), `render` writes
//! it through an `Output`, and `build` ties them to a staging folder that replaces the
//! previous output only when there were no errors.

use crate::config::{Config, Lang, MenuTarget};
use crate::content::{self, Content, LoadOptions, PageKind, Target};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{self, Strings};
use crate::indicators::Indicator;
use crate::markdown::{self, Links, Rendered};
use crate::output::{DirOutput, Output};
use crate::render::{Renderer, Urls};
use crate::theme::Theme;
use crate::views::{Fills, Views};
use minijinja::value::Value;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub content: Content,
    /// From `data/indicators/`, sorted by id.
    pub indicators: Vec<Indicator>,
    /// Goals and roadmap from `data/goals.yaml` and `data/roadmap.yaml`.
    pub plan: crate::goals::Plan,
    /// Frozen editions of final reports, by year (`data/editions/<year>.yaml`).
    pub editions: BTreeMap<i32, crate::editions::Edition>,
    /// Markdown of `content.pages[i]`, rendered.
    pub rendered: Vec<Rendered>,
    pub theme: Arc<Theme>,
    pub strings: Arc<BTreeMap<Lang, Strings>>,
}

/// A UI string of the theme in `lang`, or the key itself when the theme lacks it.
pub fn t(site: &Site, lang: &str, key: &str) -> String {
    site.strings.get(lang).and_then(|s| s.text(key)).unwrap_or(key).to_string()
}

#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    pub base_url: Option<String>,
    pub drafts: bool,
}

/// Loads and checks a whole site. Returns the site when it could be loaded far enough to
/// render (it may still carry errors) and every diagnostic found on the way.
pub fn load(root: &Path, opts: &SiteOptions) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let config = match Config::from_file(&root.join("site.yaml"), opts.base_url.as_deref()) {
        Ok(c) => c,
        Err(errs) => {
            diags.extend(errs);
            return (None, diags);
        }
    };
    let theme = match Theme::load(root, &config) {
        Ok(t) => Arc::new(t),
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let (strings, ds) = i18n::load(&theme, &config);
    diags.extend(ds);
    let (mut content, ds) = content::load(root, &config, &LoadOptions { drafts: opts.drafts });
    diags.extend(ds);
    let (indicators, ds) = crate::indicators::load_all(root, &config);
    diags.extend(ds);
    let (plan, ds) = crate::goals::load(root, &config, &indicators);
    diags.extend(ds);

    let links = Links { content: &content, base_path: &config.base_path, strings: &strings };
    let results: Vec<(Rendered, Vec<Diagnostic>)> =
        content.pages.par_iter().map(|p| markdown::render(p, &links)).collect();
    let mut rendered = Vec::with_capacity(results.len());
    for (r, ds) in results {
        rendered.push(r);
        diags.extend(ds);
    }
    // The Markdown has served its purpose; a preview edit reads the file again.
    for page in &mut content.pages {
        page.body = String::new();
    }

    for (lang, items) in &config.menus {
        for item in items {
            if let MenuTarget::Page(src) = &item.target {
                if !matches!(content.by_source.get(&format!("{lang}/{src}")), Some(Target::Page(_))) {
                    diags.push(
                        Diagnostic::error(
                            "menu-target",
                            root.join("site.yaml"),
                            format!("menu entry `{}` points to content/{lang}/{src}, which does not exist", item.name),
                        )
                        .at(item.line, None),
                    );
                }
            }
        }
    }
    if let Some(src) = &config.quick_exit.safety_page {
        for lang in &config.languages {
            if !matches!(content.by_source.get(&format!("{lang}/{src}")), Some(Target::Page(_))) {
                diags.push(
                    Diagnostic::error(
                        "safety-page",
                        root.join("site.yaml"),
                        format!("`quick_exit.safety_page` points to content/{lang}/{src}, which does not exist"),
                    )
                    .at(
                        crate::yaml::locate(
                            &std::fs::read_to_string(root.join("site.yaml")).unwrap_or_default(),
                            &["quick_exit", "safety_page"],
                            1,
                        ),
                        None,
                    ),
                );
            }
        }
    }
    diags.extend(crate::report_pages::check_xrefs(&content, &rendered));
    let final_years = final_report_years(&content);
    let (editions, ds) = crate::editions::load(root, &final_years);
    diags.extend(ds);
    for frozen in editions.values() {
        let now = crate::editions::Edition::compute(&plan, &indicators, frozen.year);
        diags.extend(crate::editions::revisions(root, frozen, &now));
    }
    let site = Site {
        root: root.to_path_buf(),
        config,
        content,
        indicators,
        plan,
        editions,
        rendered,
        theme,
        strings: Arc::new(strings),
    };
    for i in 0..site.content.pages.len() {
        diags.extend(page_checks(&site, i));
    }
    (Some(site), diags)
}

/// What can be wrong with one page beyond its own Markdown: shortcodes naming what does
/// not exist, report blocks outside reports, unknown taxonomies and templates.
pub fn page_checks(site: &Site, i: usize) -> Vec<Diagnostic> {
    let mut diags = crate::kit::checks(site, i);
    let (page, md) = (&site.content.pages[i], &site.rendered[i]);
    for (id, line) in &md.charts {
        // An indicator that failed validation was reported already; say nothing more here.
        let dir = site.root.join("data/indicators");
        let exists = ["yaml", "yml"].iter().any(|ext| dir.join(format!("{id}.{ext}")).is_file());
        if crate::indicators::find(&site.indicators, id).is_none() && !exists {
            diags.push(
                Diagnostic::error(
                    "unknown-indicator",
                    &page.source,
                    format!("the chart shortcode names `{id}`, which is not an indicator"),
                )
                .at(Some(*line), None)
                .hint("indicators are the files in data/indicators/; the id is the file name without .yaml"),
            );
        }
    }
    if let Some((block, line)) = md.blocks.first() {
        if site.content.report_of(i).is_none() && !site.content.section_unreadable(i) {
            let name = if *block == crate::markdown::Block::Goals { "goals" } else { "roadmap" };
            diags.push(
                Diagnostic::error(
                    "report-block",
                    &page.source,
                    format!("`{{{{< {name} >}}}}` only works in a chapter of a report"),
                )
                .at(Some(*line), None)
                .hint("a report is a folder whose _index.md has a `report:` block; its pages are the chapters"),
            );
        }
    }
    for key in page.front.taxonomies.keys() {
        if !site.config.taxonomies.iter().any(|t| &t.key == key) {
            diags.push(
                Diagnostic::error("unknown-taxonomy", &page.source, format!("`{key}` is not a taxonomy of this site"))
                    .at(page.key_line("taxonomies"), None)
                    .hint(
                        "declare it under `taxonomies` in site.yaml (key, name and slug per language), or use `tags`",
                    ),
            );
        }
    }
    if let Some(t) = &page.front.template {
        if site.theme.template(t).is_none() {
            diags.push(
                Diagnostic::error(
                    "unknown-template",
                    &page.source,
                    format!("template `{t}` does not exist in the theme or in templates/"),
                )
                .at(page.key_line("template"), None),
            );
        }
    }
    diags
}

/// Years of the reports marked final, each once.
fn final_report_years(content: &Content) -> Vec<i32> {
    let mut years: Vec<i32> = content
        .pages
        .iter()
        .filter_map(|p| p.front.report.as_ref())
        .filter(|r| r.status == crate::content::ReportStatus::Final)
        .map(|r| r.year)
        .collect();
    years.sort();
    years.dedup();
    years
}

fn template_for(site: &Site, i: usize) -> &'static str {
    let page = &site.content.pages[i];
    match page.kind {
        PageKind::Home => "home.html",
        PageKind::Section if page.front.report.is_some() => "report.html",
        PageKind::Section => "section.html",
        PageKind::Page if site.content.report_of(i).is_some() => "chapter.html",
        PageKind::Page => "page.html",
    }
}

/// What rendering needs besides the site: the template environment, the HTML of chart
/// shortcodes and report blocks, the page values, and each page's search entry. The
/// preview server keeps one between edits and refreshes only what an edit touched.
pub struct Prepared {
    pub renderer: Renderer,
    pub fills: Fills,
    pub views: Views,
    pub search: Vec<String>,
    pub terms: crate::taxonomy::TermIndex,
    /// Prints campaign kits to PDF; only `faro build` sets one (the preview never prints).
    pub printer: Option<crate::kit::Printer>,
}

pub fn prepare(site: &Site) -> (Prepared, Vec<Diagnostic>) {
    let renderer = Renderer::new(
        site.theme.clone(),
        site.strings.clone(),
        Urls {
            base_url: site.config.base_url.clone(),
            base_path: site.config.base_path.clone(),
            static_dir: site.root.join("static"),
        },
    );
    let (fills, diags) = fills(site, &renderer);
    let views = Views::new(site, &fills);
    let search = crate::search::page_entries(site);
    let terms = crate::taxonomy::TermIndex::new(site);
    (Prepared { renderer, fills, views, search, terms, printer: None }, diags)
}

/// Chart figures and report blocks for every page that has them.
pub fn fills(site: &Site, renderer: &Renderer) -> (Fills, Vec<Diagnostic>) {
    let (figures, mut diags) = crate::indicator_pages::figures(site, renderer);
    let (blocks, block_diags) = crate::report_pages::blocks(site, renderer);
    diags.extend(block_diags);
    (Fills { figures, blocks }, diags)
}

/// Which files a render writes: the whole site, or what depends on some pages (their own
/// HTML, report full views, term lists, search indexes, feeds and the sitemap).
#[derive(Debug, Clone)]
pub struct Scope {
    pages: Option<std::collections::BTreeSet<usize>>,
    touched: Touched,
}

/// What an in-place edit changed besides its pages' HTML, so lists it cannot affect are
/// left alone.
#[derive(Debug, Clone, Copy)]
pub struct Touched {
    /// A search entry (title, description or the first words).
    pub search: bool,
    /// A date the sitemap shows (`updated`).
    pub sitemap: bool,
    /// A title, which orders term lists: all their pages, not only the edited page's.
    pub order: bool,
}

impl Scope {
    pub fn all() -> Scope {
        Scope { pages: None, touched: Touched { search: true, sitemap: true, order: true } }
    }

    pub fn pages(pages: std::collections::BTreeSet<usize>, touched: Touched) -> Scope {
        Scope { pages: Some(pages), touched }
    }

    fn everything(&self) -> bool {
        self.pages.is_none()
    }

    fn page(&self, i: usize) -> bool {
        self.pages.as_ref().is_none_or(|p| p.contains(&i))
    }

    fn lang(&self, site: &Site, lang: &str) -> bool {
        self.pages.as_ref().is_none_or(|p| p.iter().any(|&i| site.content.pages[i].lang == lang))
    }
}

/// Writes the whole site: theme and site static files, files beside pages, every page,
/// a 404 page per language and a root page that leads to the default language.
pub fn render(site: &Site, out: &dyn Output) -> Vec<Diagnostic> {
    let (prepared, mut diags) = prepare(site);
    diags.extend(render_with(site, &prepared, out, &Scope::all()));
    diags
}

/// Writes what `scope` names.
pub fn render_with(site: &Site, prepared: &Prepared, out: &dyn Output, scope: &Scope) -> Vec<Diagnostic> {
    let Prepared { renderer, views, .. } = prepared;
    let all = scope.everything();
    let io_error = |path: &Path, e: anyhow::Error| Diagnostic::error("io", path, format!("{e:#}"));

    let mut diags = Vec::new();
    // Static files: the site's replace the theme's of the same path.
    let mut statics: BTreeMap<String, Result<PathBuf, &[u8]>> = BTreeMap::new();
    for (rel, file) in site.theme.static_files() {
        statics.insert(rel.to_string(), Err(&file.bytes));
    }
    let static_dir = site.root.join("static");
    if static_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&static_dir).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let rel: Vec<_> = e
                        .path()
                        .strip_prefix(&static_dir)
                        .unwrap_or(e.path())
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect();
                    statics.insert(rel.join("/"), Ok(e.into_path()));
                }
                Ok(_) => {}
                Err(e) => diags.push(Diagnostic::error("io", &static_dir, format!("cannot read: {e}"))),
            }
        }
    }
    let statics: Vec<_> = if all { statics.into_iter().collect() } else { Vec::new() };
    diags.extend(
        statics
            .par_iter()
            .filter_map(|(rel, src)| match src {
                Ok(path) => out.copy(rel, path).err().map(|e| io_error(path, e)),
                Err(bytes) => out.write(rel, bytes).err().map(|e| io_error(Path::new(rel), e)),
            })
            .collect::<Vec<_>>(),
    );
    diags.extend(
        site.content
            .assets
            .par_iter()
            .filter(|_| all)
            .filter_map(|a| out.copy(&a.url, &a.source).err().map(|e| io_error(&a.source, e)))
            .collect::<Vec<_>>(),
    );

    let page_diags: Vec<Diagnostic> = (0..site.content.pages.len())
        .into_par_iter()
        .filter(|&i| scope.page(i))
        .filter_map(|i| {
            let page = &site.content.pages[i];
            let template = page.front.template.as_deref().unwrap_or(template_for(site, i));
            if !renderer.has_template(template) {
                return None; // reported by `load`
            }
            let context = format!("{}", page.source.strip_prefix(&site.root).unwrap_or(&page.source).display());
            match renderer.render(template, views.page_context(site, i), &context) {
                Ok(html) => out.write_string(&page.output_path(), html).err().map(|e| io_error(&page.source, e)),
                Err(d) => Some(d),
            }
        })
        .collect();
    diags.extend(merge_repeated(page_diags));
    if all {
        diags.extend(merge_repeated(crate::indicator_pages::write_all(site, renderer, views, out)));
    }
    // Kits show their page's title: a preview edit of a campaign page redoes its kit.
    diags.extend(crate::kit::write_all(site, renderer, views, out, prepared.printer.as_ref(), &|i| scope.page(i)));
    // Sitemap, robots.txt, feeds, and redirects from old addresses.
    let mut files = Vec::new();
    if scope.touched.sitemap {
        files.push(("sitemap.xml".to_string(), crate::publish::sitemap(site, &crate::publish::entries(site))));
    }
    if all {
        files.push(("robots.txt".to_string(), crate::publish::robots(site)));
    }
    files.extend(crate::publish::feeds(site, &|i| scope.page(i)));
    for (path, text) in files {
        diags.extend(out.write(&path, text.as_bytes()).err().map(|e| io_error(Path::new(&path), e)));
    }
    // Search: an index and a page per language.
    for lang in site.config.languages.iter().filter(|l| scope.touched.search && scope.lang(site, l)) {
        let path = crate::search::page_path(site, lang);
        diags.extend(
            out.write_string(&format!("{path}index.json"), crate::search::index(site, lang, &prepared.search))
                .err()
                .map(|e| io_error(Path::new(&path), e)),
        );
        if !all {
            continue;
        }
        let mut value = BTreeMap::new();
        let title = site.strings[lang].text("search_title").unwrap_or("Search").to_string();
        value.insert("title", Value::from(title));
        value.insert("kind", Value::from("search"));
        value.insert("path", Value::from(path.as_str()));
        value.insert("url", Value::from(crate::render::site_url(&site.config.base_path, &path)));
        value.insert("permalink", Value::from(crate::render::site_url(&site.config.base_url, &path)));
        value.insert(
            "index",
            Value::from(crate::render::site_url(&site.config.base_path, &format!("{path}index.json"))),
        );
        let tr = crate::views::translations_by(site, lang, &|l| {
            Some((
                crate::search::page_path(site, l),
                site.strings[l].text("search_title").unwrap_or("Search").to_string(),
            ))
        });
        let html = renderer.render(
            "search.html",
            views.generated_context(site, lang, Value::from(value), &path, tr),
            "the search page",
        );
        emit(out, &format!("{path}index.html"), Path::new(&path), html, &mut diags);
    }
    // Taxonomies: an index of terms and a paginated list per term, per language.
    let size = site.config.publish.page_size.max(1);
    let empty = crate::taxonomy::Terms::new();
    for tax in crate::taxonomy::all(site) {
        let by_lang: BTreeMap<&str, &crate::taxonomy::Terms> =
            site.config.languages.iter().map(|l| (l.as_str(), prepared.terms.get(&tax, l).unwrap_or(&empty))).collect();
        for lang in site.config.languages.iter().filter(|l| scope.lang(site, l)) {
            let terms = &by_lang[lang.as_str()];
            if terms.is_empty() {
                continue;
            }
            let name = crate::indicators::text(&tax.name, lang).to_string();
            let path = crate::taxonomy::tax_path(&tax, lang);
            // The index of terms: only a full render writes it (an edit changes no counts).
            if all {
                let term_values: Vec<Value> = terms
                    .values()
                    .map(|(term, pages)| {
                        let mut m = BTreeMap::new();
                        m.insert("name", Value::from(term.as_str()));
                        m.insert("count", Value::from(pages.len()));
                        m.insert(
                            "url",
                            Value::from(crate::render::site_url(
                                &site.config.base_path,
                                &crate::taxonomy::term_path(&tax, lang, term, 1),
                            )),
                        );
                        Value::from(m)
                    })
                    .collect();
                let tr = crate::views::translations_by(site, lang, &|l| {
                    (!by_lang[l].is_empty()).then(|| {
                        (crate::taxonomy::tax_path(&tax, l), crate::indicators::text(&tax.name, l).to_string())
                    })
                });
                let mut value = BTreeMap::new();
                value.insert("title", Value::from(name.as_str()));
                value.insert("kind", Value::from("taxonomy"));
                value.insert("terms", Value::from(term_values));
                value.insert("url", Value::from(crate::render::site_url(&site.config.base_path, &path)));
                value.insert("permalink", Value::from(crate::render::site_url(&site.config.base_url, &path)));
                let html = renderer.render(
                    "taxonomy.html",
                    views.generated_context(site, lang, Value::from(value), &path, tr),
                    &format!("the {name} index"),
                );
                emit(out, &format!("{path}index.html"), Path::new(&path), html, &mut diags);
            }
            for (term, pages) in terms.values().filter(|(_, pages)| all || pages.iter().any(|&p| scope.page(p))) {
                let chunks: Vec<&[usize]> = pages.chunks(size).collect();
                for (n, chunk) in chunks.iter().enumerate() {
                    if !all && !scope.touched.order && !chunk.iter().any(|&p| scope.page(p)) {
                        continue;
                    }
                    let number = n + 1;
                    let here = crate::taxonomy::term_path(&tax, lang, term, number);
                    let link = |k: usize| {
                        Value::from(crate::render::site_url(
                            &site.config.base_path,
                            &crate::taxonomy::term_path(&tax, lang, term, k),
                        ))
                    };
                    let mut pager = BTreeMap::new();
                    pager.insert("number", Value::from(number));
                    pager.insert("total", Value::from(chunks.len()));
                    pager.insert("prev", if number > 1 { link(number - 1) } else { Value::from(()) });
                    pager.insert("next", if number < chunks.len() { link(number + 1) } else { Value::from(()) });
                    let mut value = BTreeMap::new();
                    value.insert("title", Value::from(format!("{name}: {term}")));
                    value.insert("term", Value::from(term.as_str()));
                    value.insert("taxonomy", Value::from(name.as_str()));
                    value.insert("taxonomy_url", Value::from(crate::render::site_url(&site.config.base_path, &path)));
                    value.insert("kind", Value::from("term"));
                    value.insert("pages", Value::from(chunk.iter().map(|&i| views.page(i)).collect::<Vec<_>>()));
                    value.insert("pager", Value::from(pager));
                    value.insert("url", Value::from(crate::render::site_url(&site.config.base_path, &here)));
                    value.insert("permalink", Value::from(crate::render::site_url(&site.config.base_url, &here)));
                    let tr = crate::views::translations_by(site, lang, &|l| {
                        (l == lang.as_str()).then(|| (here.clone(), String::new()))
                    });
                    let html = renderer.render(
                        "term.html",
                        views.generated_context(site, lang, Value::from(value), &here, tr),
                        &format!("the {name} page of `{term}`"),
                    );
                    emit(out, &format!("{here}index.html"), Path::new(&here), html, &mut diags);
                }
            }
        }
    }
    // Each report also as one page, for reading through and printing.
    for (i, page) in site.content.pages.iter().enumerate().filter(|(i, p)| p.front.report.is_some() && scope.page(*i)) {
        let path = crate::report_pages::full_path(site, i);
        let context =
            format!("the full view of {}", page.source.strip_prefix(&site.root).unwrap_or(&page.source).display());
        let html = renderer.render("report-full.html", views.full_report_context(site, i), &context);
        emit(out, &format!("{path}index.html"), &page.source, html, &mut diags);
    }
    if !all {
        return diags;
    }
    let (aliases, alias_diags) = crate::publish::aliases(site);
    diags.extend(alias_diags);
    for (path, target) in &aliases {
        let page = &site.content.pages[*target];
        let mut value = BTreeMap::new();
        value.insert("title", Value::from(page.front.title.as_str()));
        value.insert("kind", Value::from("redirect"));
        value.insert("target", Value::from(crate::render::site_url(&site.config.base_path, &page.url)));
        value.insert("permalink", Value::from(crate::render::site_url(&site.config.base_url, &page.url)));
        value.insert("url", Value::from(crate::render::site_url(&site.config.base_path, path)));
        let html = renderer.render(
            "redirect.html",
            views.plain_context(site, &page.lang, Value::from(value)),
            &format!("the alias /{path}"),
        );
        emit(out, &format!("{path}index.html"), &page.source, html, &mut diags);
    }
    for (n, lang) in site.config.languages.iter().enumerate() {
        let strings = &site.strings[lang];
        let mut page = BTreeMap::new();
        page.insert("title", Value::from(strings.text("not_found_title").unwrap_or("404")));
        page.insert("kind", Value::from("404"));
        page.insert("url", Value::from(format!("{}{lang}/404.html", site.config.base_path)));
        let ctx = views.plain_context(site, lang, Value::from(page));
        let html = renderer.render("404.html", ctx, &format!("the 404 page for `{lang}`"));
        // The default language's 404 page also serves the whole site (hosts look for /404.html).
        if let (0, Ok(html)) = (n, &html) {
            emit(out, "404.html", Path::new("404.html"), Ok(html.clone()), &mut diags);
        }
        emit(out, &format!("{lang}/404.html"), Path::new("404.html"), html, &mut diags);
    }

    let lang = site.config.default_language();
    let mut page = BTreeMap::new();
    page.insert("title", Value::from(site.config.title.get(lang).map(String::as_str).unwrap_or("")));
    page.insert("kind", Value::from("redirect"));
    page.insert("target", Value::from(format!("{}{lang}/", site.config.base_path)));
    page.insert("permalink", Value::from(format!("{}{lang}/", site.config.base_url)));
    page.insert("url", Value::from(site.config.base_path.as_str()));
    let html = renderer.render("redirect.html", views.plain_context(site, lang, Value::from(page)), "the root page");
    emit(out, "index.html", Path::new("index.html"), html, &mut diags);
    diags
}

/// Writes a rendered file at `rel`, or keeps the render's error; `source` names the file
/// an I/O error is about.
pub fn emit(
    out: &dyn Output,
    rel: &str,
    source: &Path,
    rendered: Result<String, Diagnostic>,
    diags: &mut Vec<Diagnostic>,
) {
    match rendered {
        Ok(html) => {
            diags.extend(out.write_string(rel, html).err().map(|e| Diagnostic::error("io", source, format!("{e:#}"))))
        }
        Err(d) => diags.push(d),
    }
}

/// A broken template fails every page that uses it: report each distinct error once,
/// naming the first page and how many others hit it.
fn merge_repeated(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut merged: Vec<(Diagnostic, usize)> = Vec::new();
    for d in diags {
        match merged.iter_mut().find(|(m, _)| (&m.path, m.line, &m.message) == (&d.path, d.line, &d.message)) {
            Some((_, n)) => *n += 1,
            None => merged.push((d, 0)),
        }
    }
    merged
        .into_iter()
        .map(|(mut d, n)| {
            if n > 0 {
                d.hint = d.hint.map(|h| format!("{h} and {n} other page{}", if n == 1 { "" } else { "s" }));
            }
            d
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site_dir: PathBuf,
    /// Defaults to `<site>/public`.
    pub output_dir: Option<PathBuf>,
    pub site: SiteOptions,
    /// Print campaign kits to PDF when a Chromium is found.
    pub pdf: bool,
}

#[derive(Debug)]
pub struct BuildReport {
    pub pages_per_language: Vec<(Lang, usize)>,
    /// Editions frozen by this build: final reports seen for the first time.
    pub frozen: Vec<PathBuf>,
    pub files_written: usize,
    pub elapsed: Duration,
    pub output: PathBuf,
    pub warnings: Vec<Diagnostic>,
}

/// Everything found wrong, sorted, errors first. The previous output is untouched.
#[derive(Debug)]
pub struct BuildFailure(pub Vec<Diagnostic>);

/// The output folder is replaced wholesale, so it must not be, or contain, the site's sources.
fn unsafe_output(root: &Path, output: &Path) -> Option<Diagnostic> {
    let abs = |p: &Path| std::path::absolute(p).map(|p| normalize(&p)).unwrap_or_else(|_| p.to_path_buf());
    let (root, out) = (abs(root), abs(output));
    let sources = ["content", "static", "templates", "themes", "i18n", "data", "site.yaml"].map(|s| root.join(s));
    let clash = root.starts_with(&out) || sources.iter().any(|s| out.starts_with(s));
    clash.then(|| {
        Diagnostic::error("unsafe-output", output, "the output folder would replace the site's own files").hint(
            "choose an output folder outside content/, static/, templates/, themes/ and i18n/ that does not contain the site, such as public/",
        )
    })
}

/// Resolves `.` and `..` without touching the disk (the output may not exist yet).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Builds the site into its output folder, replacing it only if the build succeeded.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let start = Instant::now();
    let root = &opts.site_dir;
    let output = opts.output_dir.clone().unwrap_or_else(|| root.join("public"));
    let finish = |diags: Diagnostics| diags.into_sorted().into_iter().map(|d| d.relative_to(root)).collect::<Vec<_>>();

    if let Some(d) = unsafe_output(root, &output) {
        return Err(BuildFailure(vec![d]));
    }
    if let Err(e) = crate::output::recover_interrupted(&output) {
        return Err(BuildFailure(vec![Diagnostic::error("io", &output, format!("{e:#}"))]));
    }
    let (site, mut diags) = load(root, &opts.site);
    let Some(site) = site else {
        return Err(BuildFailure(finish(diags)));
    };
    if diags.has_errors() {
        // Render anyway, into nowhere, so template errors are reported in the same run.
        diags.extend(render(&site, &crate::output::DiscardOutput));
        return Err(BuildFailure(finish(diags)));
    }
    // Every URL this build publishes, to compare with the record of URLs published before.
    let mut published: std::collections::BTreeSet<String> =
        crate::publish::entries(&site).into_iter().map(|e| format!("/{}", e.path)).collect();
    published.extend(crate::publish::aliases(&site).0.into_iter().map(|(p, _)| format!("/{p}")));
    let (record, removed) = crate::publish::check_url_record(root, &published);
    // A preview with drafts neither checks nor updates the record of published URLs.
    let record = (!opts.site.drafts).then_some(record);
    let removed = if opts.site.drafts { Vec::new() } else { removed };
    if !removed.is_empty() {
        diags.extend(removed);
        return Err(BuildFailure(finish(diags)));
    }
    let out = match DirOutput::new(&output) {
        Ok(o) => o,
        Err(e) => return Err(BuildFailure(vec![Diagnostic::error("io", &output, format!("{e:#}"))])),
    };
    let (mut prepared, ds) = prepare(&site);
    diags.extend(ds);
    // Kit PDFs need a Chromium; without one the kits have their HTML posters only.
    prepared.printer = opts
        .pdf
        .then(crate::pdf::find_chromium)
        .flatten()
        .map(|chromium| crate::kit::Printer { chromium, cache: root.join(crate::kit::PDF_CACHE) });
    diags.extend(render_with(&site, &prepared, &out, &Scope::all()));
    if diags.has_errors() {
        out.discard();
        return Err(BuildFailure(finish(diags)));
    }
    let files_written = out.files_written();
    if let Err(e) = out.commit() {
        return Err(BuildFailure(vec![Diagnostic::error("io", &output, format!("{e:#}"))]));
    }
    let record_file = root.join(crate::publish::URL_RECORD);
    if let Some(record) = record.filter(|r| std::fs::read_to_string(&record_file).ok().as_deref() != Some(r.as_str())) {
        if let Err(e) = std::fs::write(&record_file, &record) {
            return Err(BuildFailure(vec![Diagnostic::error(
                "io",
                &record_file,
                format!("cannot update the URL record: {e}"),
            )]));
        }
    }
    // A final report seen for the first time: freeze what it shows.
    let mut frozen = Vec::new();
    for year in final_report_years(&site.content) {
        if site.editions.contains_key(&year) {
            continue;
        }
        let edition = crate::editions::Edition::compute(&site.plan, &site.indicators, year);
        let file = crate::editions::path(root, year);
        let written = file
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&file, crate::editions::to_yaml(&edition)));
        match written {
            Ok(()) => frozen.push(file.strip_prefix(root).unwrap_or(&file).to_path_buf()),
            Err(e) => {
                return Err(BuildFailure(vec![Diagnostic::error(
                    "io",
                    &file,
                    format!("cannot write the frozen edition: {e}"),
                )]))
            }
        }
    }
    let pages_per_language = site
        .config
        .languages
        .iter()
        .map(|l| (l.clone(), site.content.pages.iter().filter(|p| &p.lang == l).count()))
        .collect();
    Ok(BuildReport {
        pages_per_language,
        frozen,
        files_written,
        elapsed: start.elapsed(),
        output,
        warnings: finish(diags),
    })
}
