//! `faro pdf`: a report's full view printed to PDF by a headless Chromium. The site is
//! built into a temporary folder with a `file://` base URL, so Chromium reads it from disk
//! and nothing is served or fetched.

use crate::content::PageKind;
use crate::diagnostics::{Code, Diagnostic};
use crate::driver::{self, Options};
use crate::model::{Site, SiteOptions};
use crate::output::DirOutput;
use crate::print::Chromium;
use std::path::PathBuf;

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
        vec![Diagnostic::error(Code::NoChromium, "faro pdf", "making a PDF needs a headless Chromium, and none was found")
            .hint("install it (Debian or Ubuntu: `apt-get install chromium`; macOS: install Google Chrome), or set FARO_CHROMIUM=/path/to/chromium; printing the full-report page from any browser also works")]
    })?;
    let work = std::env::temp_dir().join(format!("faro-pdf-{}", std::process::id()));
    let site_out = work.join("site");
    let base = format!("file://{}/", site_out.display());
    let site = SiteOptions { base_url: Some(base), ..SiteOptions::default() };
    let mut full = None;
    let open = |site: &Site| {
        let report = find_report(site, &opts.report)?;
        let page = &site.content[report];
        full = Some((site.paths().report_full(&page.url, &page.lang), page.url.clone()));
        DirOutput::new(&site_out).map_err(|e| vec![Diagnostic::error(Code::Io, &site_out, format!("{e:#}"))])
    };
    let done = driver::run(&opts.site_dir, Options { site, printer: None, keep_going: false }, open)
        .map_err(|f| f.diags.into_iter().filter(Diagnostic::is_error).collect::<Vec<_>>())?;
    done.out.commit().map_err(|e| vec![Diagnostic::error(Code::Io, &site_out, format!("{e:#}"))])?;
    let (full, url) = full.expect("the output was opened for a report");
    let target = opts
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.pdf", url.trim_end_matches('/').replace('/', "-"))));
    let target = std::path::absolute(&target).unwrap_or(target);
    // Bookmarks from the headings; no header or footer of Chromium's own, which showed the
    // time of printing in US form and the temporary file's path.
    let page = format!("file://{}", site_out.join(full).join("index.html").display());
    let printed = chromium.print(&page, &target, &work, true);
    let _ = std::fs::remove_dir_all(&work);
    printed.map(|_| target).map_err(|e| {
        vec![Diagnostic::error(Code::Chromium, chromium.path(), format!("Chromium could not print the report: {e}"))]
    })
}

/// The report named by its folder under content/ or its address.
fn find_report(site: &Site, asked: &str) -> Result<crate::content::PageId, Vec<Diagnostic>> {
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
    Err(vec![Diagnostic::error(Code::UnknownReport, asked, "no report here has that folder or address")
        .hint(format!("reports of this site: {}", if known.is_empty() { "none".into() } else { known.join(", ") }))])
}
