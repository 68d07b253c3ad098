//! Issue 5: `faro pdf` prints a report through headless Chromium, or says how to get one.

use crate::support::*;
use std::process::Command;

fn faro_pdf(site: &Site, args: &[&str], path_env: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_faro"))
        .arg("pdf")
        .args(args)
        .arg("--site")
        .arg(site.path())
        .env("PATH", path_env)
        .env_remove("FARO_CHROMIUM")
        .output()
        .expect("faro runs")
}

#[test]
fn without_chromium_faro_pdf_says_how_to_get_one() {
    let site = Site::fixture("reports");
    let out = faro_pdf(&site, &["es/informes/2025"], "/nonexistent");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("error[no-chromium]") && stderr.contains("apt-get install chromium"), "{stderr}");
}

#[test]
fn faro_pdf_prints_the_full_report_when_chromium_is_installed() {
    let path = std::env::var("PATH").unwrap_or_default();
    if !faro::has_chromium() {
        eprintln!("skipped: no Chromium on this machine (CI installs it)");
        return;
    }
    let site = Site::fixture("reports");
    let pdf = site.path().join("informe.pdf");
    let out = faro_pdf(&site, &["content/es/informes/2025", "--output", pdf.to_str().unwrap()], &path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&pdf).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    // One page per chapter at least: the full view breaks before each of the three.
    let pages = bytes
        .windows(b"/Type /Page\n".len())
        .filter(|w| w.starts_with(b"/Type /Page") && !w.starts_with(b"/Type /Pages"))
        .count();
    assert!(pages >= 3, "{pages} pages");
    let unknown = faro_pdf(&site, &["es/informes/1999"], &path);
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(stderr.contains("error[unknown-report]") && stderr.contains("es/informes/2025"), "{stderr}");
}
