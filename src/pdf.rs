//! `faro pdf`: a report's full view printed to PDF by a headless Chromium. The site is
//! built into a temporary folder with a `file://` base URL, so Chromium reads it from disk
//! and nothing is served or fetched.

use crate::content::PageKind;
use crate::diagnostics::Diagnostic;
use crate::output::DirOutput;
use crate::site::{self, SiteOptions};
use std::path::PathBuf;
use std::process::Command;

pub struct PdfOptions {
    pub site_dir: PathBuf,
    /// The report: its folder under content/ (`content/es/informes/2025`) or its URL path
    /// (`es/informes/2025`).
    pub report: String,
    /// Defaults to `<report slug>.pdf` in the current folder.
    pub output: Option<PathBuf>,
}

/// Headless, offline, and with nothing of the user's own browser profile.
pub const CHROMIUM_FLAGS: [&str; 7] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// Where Chromium is: `FARO_CHROMIUM`, or the usual names on the PATH.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FARO_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

pub fn pdf(opts: &PdfOptions) -> Result<PathBuf, Vec<Diagnostic>> {
    let chromium = find_chromium().ok_or_else(|| {
        vec![Diagnostic::error("no-chromium", "faro pdf", "making a PDF needs a headless Chromium, and none was found")
            .hint("install it (Debian or Ubuntu: `apt-get install chromium`; macOS: install Google Chrome), or set FARO_CHROMIUM=/path/to/chromium; printing the full-report page from any browser also works")]
    })?;
    let work = std::env::temp_dir().join(format!("faro-pdf-{}", std::process::id()));
    let site_out = work.join("site");
    let base = format!("file://{}/", site_out.display());
    let (loaded, diags) = site::load(&opts.site_dir, &SiteOptions { base_url: Some(base), drafts: false });
    let Some(loaded) = loaded.filter(|_| !diags.has_errors()) else {
        return Err(diags
            .into_sorted()
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| d.relative_to(&opts.site_dir))
            .collect());
    };
    let wanted = opts.report.trim_matches('/').trim_start_matches("content/").to_string();
    let report = loaded.content.pages.iter().position(|p| {
        p.kind == PageKind::Section
            && p.front.report.is_some()
            && (p.dir == wanted || format!("{}/{}", p.lang, p.dir) == wanted || p.url.trim_end_matches('/') == wanted)
    });
    let Some(report) = report else {
        let known: Vec<String> = loaded
            .content
            .pages
            .iter()
            .filter(|p| p.front.report.is_some())
            .map(|p| p.url.trim_end_matches('/').to_string())
            .collect();
        return Err(vec![Diagnostic::error(
            "unknown-report",
            &opts.report,
            "no report here has that folder or address",
        )
        .hint(format!("reports of this site: {}", if known.is_empty() { "none".into() } else { known.join(", ") }))]);
    };
    let out = DirOutput::new(&site_out).map_err(|e| vec![Diagnostic::error("io", &site_out, format!("{e:#}"))])?;
    let errors: Vec<Diagnostic> = site::render(&loaded, &out).into_iter().filter(Diagnostic::is_error).collect();
    if !errors.is_empty() {
        out.discard();
        return Err(errors);
    }
    out.commit().map_err(|e| vec![Diagnostic::error("io", &site_out, format!("{e:#}"))])?;
    let page = &loaded.content.pages[report];
    let full = site_out.join(crate::report_pages::full_path(&loaded, report)).join("index.html");
    let target = opts
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.pdf", page.url.trim_end_matches('/').replace('/', "-"))));
    let target = std::path::absolute(&target).unwrap_or(target);
    let status = Command::new(&chromium)
        .args(CHROMIUM_FLAGS)
        .arg(format!("--user-data-dir={}", work.join("profile").display()))
        .arg(format!("--print-to-pdf={}", target.display()))
        // Chromium's own header and footer: the page title on every page, and page numbers.
        .arg(format!("file://{}", full.display()))
        .output();
    let _ = std::fs::remove_dir_all(&work);
    match status {
        Ok(o) if o.status.success() && target.is_file() => Ok(target),
        Ok(o) => Err(vec![Diagnostic::error(
            "chromium",
            chromium.as_path(),
            format!(
                "Chromium could not print the report: {}",
                String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("no message")
            ),
        )]),
        Err(e) => Err(vec![Diagnostic::error("chromium", chromium.as_path(), format!("cannot run Chromium: {e}"))]),
    }
}
