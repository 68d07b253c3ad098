//! `faro build`: the site into its output folder, through a staging folder that replaces
//! the previous output only when there were no errors; then the URL record and the frozen
//! editions of final reports seen for the first time.

use crate::config::Lang;
use crate::data::editions;
use crate::diagnostics::{Code, Diagnostic};
use crate::driver::{self, Options};
use crate::messages::Said;
use crate::model::{Site, SiteOptions};
pub use crate::output::Previous;
use crate::output::{self, DirOutput};
use crate::pages::publish::{self, URL_RECORD};
use crate::print::{Chromium, Printer};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site_dir: PathBuf,
    /// Defaults to `<site>/public`.
    pub output_dir: Option<PathBuf>,
    pub site: SiteOptions,
    /// Print campaign kits to PDF when a Chromium is found.
    pub pdf: bool,
    /// Update urls.txt even though this is not the production build (`--record`).
    pub record: bool,
    /// Show a progress line on the terminal during long steps (PDF printing).
    pub progress: bool,
}

/// What became of the kits' PDFs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pdfs {
    /// The site has no kit to print.
    None,
    /// `--no-pdf`.
    NotAsked,
    /// No Chromium or Chrome was found: the kits have their HTML documents only.
    NoChromium,
    Made {
        printed: usize,
        reused: usize,
        chromium: PathBuf,
    },
}

impl BuildOptions {
    /// Whether this build is the site as published: its own output folder and `base_url`,
    /// no drafts. Only that build, or one asked with `--record`, adds to urls.txt; a scratch
    /// build into another folder or for another address is checked against it and leaves it.
    pub fn records_urls(&self) -> bool {
        let default = self.site_dir.join("public");
        let own_output = self.output_dir.as_ref().is_none_or(|o| same_path(o, &default));
        !self.site.drafts && (self.record || (own_output && self.site.base_url.is_none()))
    }
}

/// Whether two paths name the same place, however written (`./public`, `site/public`).
fn same_path(a: &Path, b: &Path) -> bool {
    let full = |p: &Path| std::path::absolute(p).map(|p| p.components().collect::<PathBuf>()).ok();
    a == b || (full(a).is_some() && full(a) == full(b))
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
    /// Things worth knowing that are not problems (robots.txt under a subpath).
    pub notes: Vec<String>,
    pub pdfs: Pdfs,
    /// JPEGs and PNGs beside pages: (made by this build, taken from the cache).
    pub images: (usize, usize),
}

/// Everything found wrong, sorted, errors first, and what became of the previous output.
#[derive(Debug)]
pub struct BuildFailure(pub Vec<Diagnostic>, pub Previous);

fn io(path: &Path, said: crate::messages::Said) -> BuildFailure {
    BuildFailure(vec![Diagnostic::error_said(Code::Io, path, said)], Previous::Replaced)
}

/// Builds the site into its output folder, replacing it only if the build succeeded.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let start = Instant::now();
    let root = &opts.site_dir;
    let output = opts.output_dir.clone().unwrap_or_else(|| root.join("public"));
    let kept = |diags| BuildFailure(diags, Previous::Kept);
    if let Some(d) = output::unsafe_output(root, &output) {
        return Err(kept(vec![d]));
    }
    output::recover_interrupted(&output)
        .map_err(|e| kept(vec![Diagnostic::error(Code::Io, &output, format!("{e:#}"))]))?;
    // Kit PDFs need a Chromium; without one the kits have their HTML posters only.
    let printer = opts.pdf.then(Chromium::find).flatten().map(|chromium| Printer {
        chromium,
        cache: crate::print::cache_in(root),
        counts: Default::default(),
        progress: opts.progress.then(|| {
            // Cleared however the build ends, so only the summary stays on screen.
            let bar = indicatif::ProgressBar::new_spinner().with_finish(indicatif::ProgressFinish::AndClear);
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        }),
    });
    let mut record = None;
    let records = opts.records_urls();
    let opened = |site: &Site| {
        // A preview with drafts neither checks nor updates the record of published URLs.
        if !opts.site.drafts {
            let (text, removed) = url_record(site);
            if !removed.is_empty() {
                return Err(removed);
            }
            record = records.then_some(text);
        }
        DirOutput::new(&output, &site.config.publish.keep).map_err(|d| vec![d])
    };
    let done = driver::run(root, Options { site: opts.site.clone(), printer, keep_going: false }, opened)
        .map_err(|f| kept(f.diags))?;
    let pdfs = match (&done.prepared.printer, opts.pdf) {
        (Some(p), _) => {
            if let Some(bar) = &p.progress {
                bar.finish_and_clear();
            }
            let (printed, reused) = p.counts.get();
            match printed + reused {
                0 => Pdfs::None,
                _ => Pdfs::Made { printed, reused, chromium: p.chromium.path().to_path_buf() },
            }
        }
        (None, _) if !has_kits(&done.site) => Pdfs::None,
        (None, false) => Pdfs::NotAsked,
        (None, true) => Pdfs::NoChromium,
    };
    let files_written = crate::output::Output::files_written(&done.out);
    done.out.commit().map_err(|(d, previous)| BuildFailure(vec![d.relative_to(root)], previous))?;
    let record_file = root.join(URL_RECORD);
    if let Some(record) = record.filter(|r| std::fs::read_to_string(&record_file).ok().as_deref() != Some(r.as_str())) {
        std::fs::write(&record_file, &record)
            .map_err(|e| io(&record_file, Said::new("cmd-build-cannot-update-record", &[("error", &e.to_string())])))?;
    }
    let frozen = freeze(&done.site)?;
    let site = &done.site;
    let pages_per_language =
        site.config.languages.iter().map(|l| (l.clone(), site.content.in_lang(l).count())).collect();
    Ok(BuildReport {
        pages_per_language,
        frozen,
        files_written,
        elapsed: start.elapsed(),
        output,
        warnings: done.diags.report(root),
        notes: publish::notes(site),
        pdfs,
        images: (site.images.made, site.images.reused),
    })
}

/// Whether any page is a campaign kit, whose documents are printed to PDF.
fn has_kits(site: &Site) -> bool {
    site.content.pages.iter().any(|p| p.front.campaign.is_some())
}

/// The new record of published URLs, and an error for each recorded URL this build drops.
fn url_record(site: &Site) -> (String, Vec<Diagnostic>) {
    let entries = publish::entries(site);
    let mut published: std::collections::BTreeSet<String> = entries.iter().map(|e| format!("/{}", e.path)).collect();
    published.extend(publish::aliases(site, &entries).0.into_iter().map(|(p, _)| format!("/{p}")));
    publish::check_url_record(&site.root, &published)
}

/// A final report seen for the first time: write what the build froze and showed.
fn freeze(site: &Site) -> Result<Vec<PathBuf>, BuildFailure> {
    let root = &site.root;
    let mut frozen = Vec::new();
    for year in &site.fresh_editions {
        let Some(edition) = site.editions.get(year) else { continue };
        let file = editions::path(root, *year);
        file.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&file, editions::to_yaml(edition)))
            .map_err(|e| io(&file, Said::new("cmd-build-cannot-freeze", &[("error", &e.to_string())])))?;
        frozen.push(file.strip_prefix(root).unwrap_or(&file).to_path_buf());
    }
    Ok(frozen)
}
