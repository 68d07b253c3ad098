//! The model: a site folder loaded and checked into one `Site` (plain data: configuration,
//! pages, rendered Markdown, indicators, goals, frozen editions, theme and strings). Every
//! later stage reads it; none reaches back to disk. The preview re-reads edited pages in
//! place through `Site::reread`, so the rules of loading live here alone.

mod checks;

pub(crate) use checks::page_checks;

use crate::config::{Config, Lang, Localized, Taxonomy};
use crate::content::{self, Content, LoadOptions, Page, PageId};
use crate::data::editions::{self, Edition};
use crate::data::goals::{ActionStatus, Plan};
use crate::data::indicators::{self, Indicator};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::i18n::{self, Strings};
use crate::markdown::{self, Links, Rendered};
use crate::messages::Said;
use crate::theme::Theme;
use crate::urls::Paths;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How to load a site.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// Replaces `base_url` from site.yaml (`--base-url`).
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`.
    pub drafts: bool,
    /// Serve from this origin (`http://127.0.0.1:1111`) under base_url's own path: the preview.
    pub serve_origin: Option<String>,
    /// Build a copy read from this folder on disk (`faro pdf`): links are `file://` paths into it.
    pub on_disk: Option<String>,
}

pub(crate) struct Site {
    pub(crate) root: PathBuf,
    pub(crate) config: Config,
    pub(crate) content: Content,
    /// From `data/indicators/`, in index order (weight, then id).
    pub(crate) indicators: Vec<Indicator>,
    /// Goals and roadmap from `data/goals.yaml` and `data/roadmap.yaml`.
    pub(crate) plan: Plan,
    /// Frozen editions of final reports, by year (`data/editions/<year>.yaml`), including
    /// those this load froze for the first time (`fresh_editions`, which a build writes).
    pub(crate) editions: BTreeMap<i32, Edition>,
    pub(crate) fresh_editions: Vec<i32>,
    /// What the data gives today for each frozen year, to list revisions.
    pub(crate) current_editions: BTreeMap<i32, Edition>,
    /// The indicators as each report year shows them: frozen, or cut at the year.
    pub(crate) as_of: BTreeMap<i32, Vec<Indicator>>,
    /// `tags` first, then the site's own taxonomies.
    pub(crate) taxonomies: Vec<Taxonomy>,
    /// The Markdown of each page, rendered, by `PageId`.
    pub(crate) markdown: Vec<Rendered>,
    pub(crate) theme: Arc<Theme>,
    /// The ids the theme's templates write, read once from them.
    pub(crate) theme_ids: Arc<markdown::TemplateIds>,
    pub(crate) strings: Arc<BTreeMap<Lang, Strings>>,
    /// The JPEGs and PNGs beside pages, made into sizes without metadata, by asset index.
    pub(crate) images: crate::images::Images,
}

impl Site {
    /// A UI string of the theme in `lang`, or the key itself when the theme lacks it.
    pub(crate) fn t(&self, lang: &str, key: &str) -> String {
        i18n::text_or_key(&self.strings, lang, key)
    }

    pub(crate) fn md(&self, id: PageId) -> &Rendered {
        &self.markdown[id.0]
    }

    /// Where generated pages are published.
    pub(crate) fn paths(&self) -> Paths<'_> {
        Paths { strings: &self.strings }
    }

    pub(crate) fn indicator(&self, id: &str) -> Option<&Indicator> {
        indicators::find(&self.indicators, id)
    }

    /// An indicator as the report of `year` shows it (frozen once the report is final,
    /// and never with periods after its year).
    pub(crate) fn report_indicator(&self, year: i32, id: &str) -> Option<&Indicator> {
        self.as_of.get(&year).and_then(|list| indicators::find(list, id)).or_else(|| self.indicator(id))
    }

    /// The date the report of `year` is as of: its `report.date`, or the year's last day.
    pub(crate) fn report_date(&self, year: i32) -> String {
        self.content
            .pages
            .iter()
            .filter_map(|p| p.front.report.as_ref())
            .filter(|r| r.year == year)
            .find_map(|r| r.date.clone())
            .unwrap_or_else(|| crate::data::goals::year_end(year))
    }

    /// An action's status as the report of `year` states it: frozen once it is final.
    pub(crate) fn action_status(&self, action: &crate::data::goals::Action, year: i32) -> Option<ActionStatus> {
        match self.editions.get(&year) {
            Some(e) => e.roadmap.get(&action.id).copied(),
            None => crate::data::goals::action_status(action, year, &self.report_date(year)),
        }
    }

    /// An action's status in the year before `year`, as the report of `year` shows it: a
    /// frozen report keeps the column it printed, whatever the data now says of that year.
    pub(crate) fn previous_status(&self, action: &crate::data::goals::Action, year: i32) -> Option<ActionStatus> {
        match self.editions.get(&year) {
            Some(e) if e.actions.is_some() => e.before.get(&action.id).copied(),
            _ => self.action_status(action, year - 1),
        }
    }

    /// Whether the report of `year` lists a goal or an action: all of today's, unless its
    /// frozen edition recorded what it listed.
    pub(crate) fn report_lists(&self, year: i32, goal: Option<&str>, action: Option<&str>) -> bool {
        let Some(e) = self.editions.get(&year) else { return true };
        let listed = |ids: &Option<Vec<String>>, id: Option<&str>| match (ids, id) {
            (Some(ids), Some(id)) => ids.iter().any(|x| x == id),
            _ => true,
        };
        listed(&e.goals, goal) && listed(&e.actions, action)
    }

    /// The actions the report of `year` lists: today's, or those its frozen edition listed.
    pub(crate) fn report_actions(&self, year: i32) -> Vec<&crate::data::goals::Action> {
        self.plan.actions.iter().filter(|a| self.report_lists(year, None, Some(&a.id))).collect()
    }

    /// The roadmap's changes as the report of `year` states them: (action, status the year
    /// before, status this year), both as the report shows them.
    pub(crate) fn roadmap_changes(
        &self,
        year: i32,
    ) -> Vec<(&crate::data::goals::Action, Option<ActionStatus>, ActionStatus)> {
        let status = |a: &crate::data::goals::Action, y: i32| {
            if y < year {
                self.previous_status(a, year)
            } else {
                self.action_status(a, y)
            }
        };
        crate::data::goals::roadmap_changes(self.report_actions(year), &status, year)
    }

    /// Years of every report, draft or final, each once.
    fn report_years(&self) -> Vec<i32> {
        let years: std::collections::BTreeSet<i32> =
            self.content.pages.iter().filter_map(|p| p.front.report.as_ref()).map(|r| r.year).collect();
        years.into_iter().collect()
    }

    /// Ids of the indicators the chapters of reports of `year` chart.
    pub(crate) fn charted(&self, year: i32) -> std::collections::BTreeSet<String> {
        self.content
            .ids()
            .filter(|&i| {
                self.content
                    .report_of(i)
                    .and_then(|r| self.content[r].front.report.as_ref())
                    .is_some_and(|m| m.year == year)
            })
            .flat_map(|i| self.md(i).charts.iter().map(|c| c.id.clone()))
            .collect()
    }

    /// Years of the reports marked final, each once.
    pub(crate) fn final_report_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .content
            .pages
            .iter()
            .filter_map(|p| p.front.report.as_ref())
            .filter(|r| r.status == content::ReportStatus::Final)
            .map(|r| r.year)
            .collect();
        years.sort();
        years.dedup();
        years
    }

    fn links(&self) -> Links<'_> {
        Links {
            content: &self.content,
            base_path: &self.config.base_path,
            strings: &self.strings,
            theme_ids: &self.theme_ids,
            images: &self.images,
        }
    }
}

/// Loads and checks a whole site. Returns the site when it could be loaded far enough to
/// render (it may still carry errors) and every diagnostic found on the way.
pub(crate) fn load(root: &Path, opts: &SiteOptions) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::default();
    // site.yaml too is read only from inside the site, and never if it is a FIFO.
    if let Err(mut d) = crate::sources::exists(root, &root.join("site.yaml")) {
        d.severity = crate::diagnostics::Severity::Error;
        diags.push(d);
        return (None, diags);
    }
    let (mut config, config_errors) = match Config::read_file(&root.join("site.yaml"), opts.base_url.as_deref()) {
        Ok(read) => read,
        Err(errs) => {
            diags.extend(errs);
            return (None, diags);
        }
    };
    // A site.yaml with errors is read on as far as it goes (never rendered), so the same run
    // reports the pages' mistakes too; with no language there is nothing to read by.
    let config_failed = !config_errors.is_empty();
    diags.extend(config_errors);
    if config.languages.is_empty() {
        return (None, diags);
    }
    if let Some(origin) = &opts.serve_origin {
        config.serve_from(origin);
    }
    if let Some(dir) = &opts.on_disk {
        config.read_from_disk(dir);
    }
    let theme = match Theme::load(root, &config) {
        Ok((t, ds)) => {
            diags.extend(ds);
            Arc::new(t)
        }
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let (strings, ds) = i18n::load(&theme, &config);
    diags.extend(ds);
    let (content, ds) = content::load(root, &config, &LoadOptions { drafts: opts.drafts });
    diags.extend(ds);
    let images = load_images(root, &content);
    for (asset, made) in content.assets.iter().zip(&images.by_asset) {
        if let Some(Err(why)) = made {
            diags.push(why.diagnostic(&asset.source));
        }
    }
    let (indicators, ds) = indicators::load_all(root, &config);
    diags.extend(ds);
    let (plan, ds) = crate::data::goals::load(root, &config, &indicators);
    diags.extend(ds);
    let mut site = Site {
        root: root.to_path_buf(),
        taxonomies: taxonomies(&config, &strings),
        config,
        content,
        indicators,
        plan,
        editions: BTreeMap::new(),
        fresh_editions: Vec::new(),
        current_editions: BTreeMap::new(),
        as_of: BTreeMap::new(),
        markdown: Vec::new(),
        theme_ids: Arc::new(markdown::TemplateIds::of(&theme)),
        theme,
        strings: Arc::new(strings),
        images,
    };
    diags.extend(site.render_markdown());
    diags.extend(markdown::resolve_fragments(&site.content, &mut site.markdown, &site.theme_ids));
    diags.extend(site.config_targets());
    diags.extend(crate::outline::check_xrefs(&site.content, &site.markdown));
    diags.extend(site.load_editions());
    for id in site.content.ids() {
        diags.extend(page_checks(&site, id));
    }
    if config_failed {
        return (None, diags);
    }
    (Some(site), diags)
}

/// The site's JPEGs and PNGs beside pages, made or taken from `.faro/images/`.
fn load_images(root: &Path, content: &Content) -> crate::images::Images {
    let sources: Vec<&Path> = content.assets.iter().map(|a| a.source.as_path()).collect();
    let cache = crate::sources::cache_folder(root, crate::images::IMAGE_CACHE);
    crate::images::process(&sources, cache.as_deref())
}

/// `tags` first (named by the theme strings), then the site's own taxonomies.
fn taxonomies(config: &Config, strings: &BTreeMap<Lang, Strings>) -> Vec<Taxonomy> {
    let from_strings = |key: &str| -> Localized {
        config.languages.iter().map(|l| (l.clone(), strings[l].text(key).unwrap_or("tags").to_string())).collect()
    };
    let tags = Taxonomy { key: "tags".into(), name: from_strings("tags_label"), slug: from_strings("tags_slug") };
    std::iter::once(tags).chain(config.taxonomies.iter().cloned()).collect()
}

impl Site {
    /// Renders every page's Markdown on all cores; the sources are dropped once rendered
    /// (a preview edit reads the file again).
    fn render_markdown(&mut self) -> Vec<Diagnostic> {
        let links = self.links();
        let results: Vec<(Rendered, Vec<Diagnostic>)> =
            self.content.pages.par_iter().map(|p| markdown::render(p, &links)).collect();
        let mut diags = Vec::new();
        let mut rendered = Vec::with_capacity(results.len());
        for (r, ds) in results {
            rendered.push(r);
            diags.extend(ds);
        }
        self.markdown = rendered;
        for page in &mut self.content.pages {
            page.body = String::new();
        }
        diags
    }

    /// Menu entries whose `url` is a site path that no file written (`written`) answers: a
    /// warning at the entry, once, not on every page that shows the menu (`faro check` makes
    /// it an error). The path may name a file put on the host another way.
    pub(crate) fn unpublished_menu_urls(&self, written: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (_, item) in self.config.menu_entries() {
            let crate::config::MenuTarget::Url(crate::href::Href::Site(url)) = &item.target else { continue };
            let Some(rooted) = url.strip_prefix('/') else { continue };
            if self.content.slashed_page_path(url).is_some() {
                continue;
            }
            let path = crate::urls::percent_decode_lossy(rooted.split(['#', '?']).next().unwrap_or(""));
            if written(&crate::urls::file_at(&path)) {
                continue;
            }
            let (message, hint) = if !path.is_empty() && written(&format!("{path}/index.html")) {
                let slashed = url.replacen(&format!("/{path}"), &format!("/{path}/"), 1);
                (
                    Said::new("data-menu-url-without-slash", &[("url", url), ("name", &item.name)]),
                    Said::new("data-menu-url-without-slash-hint", &[("slashed", &slashed)]),
                )
            } else {
                (
                    Said::new("data-menu-url-to-nothing", &[("url", url), ("name", &item.name)]),
                    Said::new("data-menu-url-to-nothing-hint", &[]),
                )
            };
            let d = Diagnostic::warning_said(Code::BrokenLink, self.root.join("site.yaml"), message).hint_said(hint);
            diags.push(d.at_point(item.at));
        }
        diags
    }

    /// Pages site.yaml names (menu entries, the safety page) must exist in every language.
    fn config_targets(&self) -> Vec<Diagnostic> {
        let (root, c) = (&self.root, &self.config);
        let mut diags = Vec::new();
        for (menu_lang, item) in c.menu_entries() {
            let crate::config::MenuTarget::Page(src) = &item.target else { continue };
            let lang = item.page_lang(menu_lang);
            if self.content.page_at(&crate::urls::source(lang, src)).is_none() {
                let said = Said::new("data-menu-page-missing", &[("name", &item.name), ("lang", lang), ("src", src)]);
                diags.push(Diagnostic::error_said(Code::MenuTarget, root.join("site.yaml"), said).at_point(item.at));
            }
        }
        if let Some(src) = &c.quick_exit.safety_page {
            for lang in &c.languages {
                if self.content.page_at(&crate::urls::source(lang, src)).is_none() {
                    let said = Said::new("data-safety-page-missing", &[("lang", lang), ("src", src)]);
                    diags.push(
                        Diagnostic::error_said(Code::SafetyPage, root.join("site.yaml"), said)
                            .at_point(c.lines.safety_page),
                    );
                }
            }
        }
        diags
    }

    /// The frozen editions of final reports (freezing those seen final for the first
    /// time), where today's data revises them, and the indicators each report shows.
    fn load_editions(&mut self) -> Vec<Diagnostic> {
        let finals = self.final_report_years();
        let (editions, mut diags) = editions::load(&self.root, &finals);
        self.editions = editions;
        for year in self.report_years() {
            // Only what the report uses is cut at its year: charted, or measured by a goal.
            let charted = self.charted(year);
            let measured: std::collections::BTreeSet<&str> =
                self.plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator.as_str())).collect();
            let cut: Vec<Indicator> = (self.indicators.iter())
                .filter(|i| charted.contains(&i.id) || measured.contains(i.id.as_str()))
                .map(|i| editions::as_of(i, year))
                .collect();
            let date = self.report_date(year);
            let before = |a: &crate::data::goals::Action| self.action_status(a, year - 1);
            let now = Edition::compute(&self.plan, &cut, &charted, (year, &date), &before);
            if !self.editions.contains_key(&year) && finals.contains(&year) {
                // Read back from its own text, so this build shows exactly what later ones will.
                match editions::parse(&editions::to_yaml(&now), &editions::path(&self.root, year)) {
                    Ok(e) => {
                        self.editions.insert(year, e);
                        self.fresh_editions.push(year);
                    }
                    Err(d) => diags.push(d),
                }
            }
            let shown = match self.editions.get(&year) {
                Some(frozen) => {
                    diags.extend(editions::revisions(&self.root, frozen, &now));
                    cut.iter().map(|i| frozen.indicator(i).unwrap_or_else(|| i.clone())).collect()
                }
                None => cut,
            };
            self.as_of.insert(year, shown);
            if self.editions.contains_key(&year) {
                self.current_editions.insert(year, now);
            }
        }
        diags
    }

    /// Re-reads edited pages in place. `Moved` when an edit changes a page's place in the
    /// site (its URL, order, tags, translations or kind), which needs a whole reload.
    pub(crate) fn reread(&mut self, ids: &[PageId]) -> Reread {
        let mut parsed = Vec::new();
        let mut diags = Diagnostics::default();
        for &id in ids {
            let old = &self.content[id];
            // Now a link or a special file: the whole reload decides what to do with it.
            if !matches!(crate::sources::place(&self.root, &old.source), Ok((_, crate::sources::Kind::File))) {
                return Reread::Moved;
            }
            match content::parse_page(old.lang.clone(), old.rel.clone(), old.source.clone()) {
                (Some(new), errors) if errors.is_empty() && place(&new.front) == place(&old.front) => {
                    parsed.push((id, new))
                }
                (Some(_), errors) if errors.is_empty() => return Reread::Moved,
                (_, errors) => diags.extend(errors),
            }
        }
        if diags.has_errors() {
            return Reread::Failed(diags);
        }
        let mut saved = Vec::new();
        for (id, new) in parsed {
            let page = &mut self.content[id];
            saved.push((id, page.clone(), self.markdown[id.0].clone()));
            page.front = new.front;
            page.front_src = new.front_src;
            page.body = new.body;
            page.body_line = new.body_line;
        }
        for (id, old, _) in &saved {
            let page = &self.content[*id];
            // Only the title can move a page among its siblings here (the rest is its place).
            if let Some(parent) = page.parent.filter(|_| page.front.title != old.front.title) {
                content::sort_children(&mut self.content, parent);
            }
            let (md, ds) = markdown::render(&self.content[*id], &self.links());
            self.markdown[id.0] = md;
            diags.extend(ds);
        }
        diags.extend(markdown::resolve_fragments(&self.content, &mut self.markdown, &self.theme_ids));
        for (id, ..) in &saved {
            diags.extend(page_checks(self, *id));
        }
        diags.extend(crate::outline::check_xrefs(&self.content, &self.markdown));
        Reread::Done(Edit { saved, diags })
    }

    /// Puts edited pages back as they were, so the last good site stays whole.
    pub(crate) fn undo(&mut self, edit: Edit) {
        for (id, page, md) in edit.saved {
            self.content[id] = page;
            self.markdown[id.0] = md;
            if let Some(parent) = self.content[id].parent {
                content::sort_children(&mut self.content, parent);
            }
        }
    }
}

/// What `Site::reread` made of an edit.
pub(crate) enum Reread {
    Moved,
    Failed(Diagnostics),
    Done(Edit),
}

/// Pages changed in place, with what they were, and what checking them found.
pub(crate) struct Edit {
    saved: Vec<(PageId, Page, Rendered)>,
    pub(crate) diags: Diagnostics,
}

impl Edit {
    pub(crate) fn pages(&self) -> impl Iterator<Item = PageId> + '_ {
        self.saved.iter().map(|(id, ..)| *id)
    }

    /// The front matter a page had before the edit.
    pub(crate) fn before(&self) -> impl Iterator<Item = (PageId, &Page)> + '_ {
        self.saved.iter().map(|(id, page, _)| (*id, page))
    }
}

/// Front matter that decides where a page sits and who lists it; an edit that changes
/// any of it reloads the site. Title, description, dates shown, image and template don't.
fn place(front: &content::FrontMatter) -> String {
    let kept = content::FrontMatter {
        title: String::new(),
        description: None,
        updated: None,
        image: None,
        template: None,
        ..front.clone()
    };
    format!("{kept:?}")
}
