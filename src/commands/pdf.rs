//! `faro pdf`: a report's full view printed to PDF by a headless Chromium. The site is
//! built into a temporary folder with a `file://` base URL, so Chromium reads it from disk
//! and nothing is served or fetched. Before printing, the page's links are pointed at the
//! public site and a stylesheet of running headers and footers in the report's language is
//! added; after, the PDF's document information is set (`print::{links, margins, info}`).

use crate::config::Config;
use crate::content::{PageId, PageKind};
use crate::diagnostics::{Code, Diagnostic};
use crate::driver::{self, Options};
use crate::messages::Said;
use crate::model::{Site, SiteOptions};
use crate::output::DirOutput;
use crate::print::info::{self, Info};
use crate::print::links::{Addresses, Part};
use crate::print::margins::{self, Running};
use crate::print::Chromium;
use std::path::{Path, PathBuf};

/// The printed copy of the full view and its stylesheet, next to it in the build folder.
const PRINTED: &str = "faro-pdf.html";
const STYLESHEET: &str = "faro-pdf.css";

pub struct PdfOptions {
    pub site_dir: PathBuf,
    /// The report: its folder under content/ (`content/es/informes/2025`) or its URL path
    /// (`es/informes/2025`).
    pub report: String,
    /// Defaults to `<report slug>.pdf` in the current folder.
    pub output: Option<PathBuf>,
}

/// Whether a Chromium to print with is installed.
pub fn has_chromium() -> bool {
    Chromium::find().is_some()
}

pub fn pdf(opts: &PdfOptions) -> Result<PathBuf, Vec<Diagnostic>> {
    let chromium = Chromium::find().ok_or_else(|| {
        vec![Diagnostic::error_said(Code::NoChromium, "faro pdf", Said::new("cmd-pdf-no-chromium", &[]))
            .hint_said(Said::new("cmd-pdf-no-chromium-hint", &[]))]
    })?;
    // The addresses the PDF links to: site.yaml's own base_url, not the folder's.
    let public = Config::from_file(&opts.site_dir.join("site.yaml"), None)?.base_url;
    let work = std::env::temp_dir().join(format!("faro-pdf-{}", std::process::id()));
    let site_out = work.join("site");
    let local = format!("{}/", site_out.display());
    let site = SiteOptions { on_disk: Some(local.clone()), ..SiteOptions::default() };
    let mut job = None;
    let open = |site: &Site| {
        job = Some(Job::of(site, find_report(site, &opts.report)?));
        DirOutput::new(&site_out, &[]).map_err(|d| vec![d])
    };
    let done = driver::run(&opts.site_dir, Options { site, printer: None, keep_going: false }, open)
        .map_err(|f| f.diags.into_iter().filter(Diagnostic::is_error).collect::<Vec<_>>())?;
    done.out.commit().map_err(|(d, _)| vec![d])?;
    let job = job.expect("the output was opened for a report");
    let target = opts
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.pdf", job.url.trim_end_matches('/').replace('/', "-"))));
    let target = std::path::absolute(&target).unwrap_or(target);
    let addresses = Addresses { local: &local, public: &public, page: &job.full, parts: &job.parts };
    let printed = print(&chromium, &job, &addresses, &work, &target);
    let _ = std::fs::remove_dir_all(&work);
    printed.map(|_| target).map_err(|d| vec![d])
}

/// What printing a report needs from the site, taken while it is loaded.
struct Job {
    /// Site paths of the report and of its full view.
    url: String,
    full: String,
    /// The chapters, as the full view holds them.
    parts: Vec<Part>,
    title: String,
    description: Option<String>,
    author: String,
    /// The newest `date` or `updated` of the report and its chapters.
    date: Option<String>,
    stylesheet: String,
}

impl Job {
    fn of(site: &Site, report: PageId) -> Job {
        let page = &site.content[report];
        let lang = page.lang.as_str();
        let meta = page.front.report.as_ref().expect("a report");
        let chapters: Vec<PageId> = site.content.chapters(report).collect();
        let date = std::iter::once(report)
            .chain(chapters.iter().copied())
            .flat_map(|i| [&site.content[i].front.date, &site.content[i].front.updated])
            .flatten()
            .max_by_key(|d| crate::content::date_key(d))
            .cloned();
        let in_words = date.as_deref().and_then(|d| Some(site.strings.get(lang)?.format_date(d)));
        let version = in_words.map(|d| site.t(lang, "pdf_version").replace("{date}", &d));
        let draft = (meta.status != crate::content::ReportStatus::Final).then(|| site.t(lang, "report_draft"));
        let stylesheet = margins::stylesheet(&Running {
            title: &page.front.title,
            mark: draft.as_deref(),
            date: version.as_deref(),
            page_of: &site.t(lang, "pdf_page_of"),
        });
        // The ids the full view gives each chapter (report-full.html): `chapter-N`, `cN-…`.
        let parts = (chapters.iter().enumerate())
            .map(|(n, &c)| Part {
                path: site.content[c].url.clone(),
                anchor: format!("chapter-{}", n + 1),
                prefix: format!("c{}-", n + 1),
            })
            .collect();
        Job {
            url: page.url.clone(),
            full: site.paths().report_full(&page.url, lang),
            parts,
            title: page.front.title.clone(),
            description: page.front.description.clone(),
            // The report is the organisation's that publishes it, not necessarily the site's.
            author: meta.organization.clone(),
            date,
            stylesheet,
        }
    }
}

/// Prints the full view built under `work` to `target`, its links public, its margins filled.
fn print(chromium: &Chromium, job: &Job, addresses: &Addresses, work: &Path, target: &Path) -> Result<(), Diagnostic> {
    let io = |path: &Path, e: std::io::Error| Diagnostic::error(Code::Io, path, e.to_string());
    let folder = work.join("site").join(&job.full);
    let page = folder.join("index.html");
    let html = std::fs::read_to_string(&page).map_err(|e| io(&page, e))?;
    let link = format!("<link rel=\"stylesheet\" href=\"{STYLESHEET}\">\n</head>");
    let html = addresses.rewrite(&html).replacen("</head>", &link, 1);
    let (printed, css) = (folder.join(PRINTED), folder.join(STYLESHEET));
    std::fs::write(&css, &job.stylesheet).map_err(|e| io(&css, e))?;
    std::fs::write(&printed, html).map_err(|e| io(&printed, e))?;
    let raw = work.join("report.pdf");
    let failed = |e: String| {
        Diagnostic::error_said(Code::Chromium, chromium.path(), Said::new("cmd-pdf-print-failed", &[("error", &e)]))
    };
    chromium.print(&format!("file://{}", printed.display()), &raw, work, true).map_err(failed)?;
    let bytes = std::fs::read(&raw).map_err(|e| io(&raw, e))?;
    let info = Info {
        title: &job.title,
        author: Some(&job.author),
        subject: job.description.as_deref(),
        date: job.date.as_deref(),
    };
    let bytes = info::set_info(&crate::print::steady_ids(&bytes), &info).map_err(failed)?;
    std::fs::write(target, bytes).map_err(|e| io(target, e))
}

/// The report named by its folder under content/ or its address.
fn find_report(site: &Site, asked: &str) -> Result<PageId, Vec<Diagnostic>> {
    let wanted = asked.trim_matches('/').trim_start_matches("content/").to_string();
    let found = site.content.iter().find(|(_, p)| {
        p.kind == PageKind::Section
            && p.front.report.is_some()
            && (p.dir == wanted || format!("{}/{}", p.lang, p.dir) == wanted || p.url.trim_end_matches('/') == wanted)
    });
    if let Some((id, _)) = found {
        return Ok(id);
    }
    let known: Vec<String> = site
        .content
        .pages
        .iter()
        .filter(|p| p.front.report.is_some())
        .map(|p| p.url.trim_end_matches('/').to_string())
        .collect();
    let hint = match known.is_empty() {
        true => Said::new("cmd-pdf-no-reports-hint", &[]),
        false => Said::new("cmd-pdf-unknown-report-hint", &[("reports", &known.join(", "))]),
    };
    Err(vec![
        Diagnostic::error_said(Code::UnknownReport, asked, Said::new("cmd-pdf-unknown-report", &[])).hint_said(hint)
    ])
}
