//! Issue 5: `faro pdf` prints a report through headless Chromium, or says how to get one.
//! Issue 15: the PDF is fit to sign: page numbers and dates in its language, public links,
//! bookmarks, document information, and the same bytes each time.

use crate::support::*;
use std::process::Command;

fn faro_pdf(site: &Site, args: &[&str], path_env: &str) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_faro"));
    cmd.arg("pdf").args(args).arg("--site").arg(site.path()).env("PATH", path_env);
    match path_env {
        // Set but empty, faro looks nowhere: not even where Chromium installs itself.
        NO_CHROMIUM => cmd.env("FARO_CHROMIUM", ""),
        _ => cmd.env_remove("FARO_CHROMIUM"),
    };
    cmd.output().expect("faro runs")
}

/// The PATH of a machine without Chromium.
const NO_CHROMIUM: &str = "/nonexistent";

#[test]
fn without_chromium_faro_pdf_says_how_to_get_one() {
    let site = Site::fixture("reports");
    let out = faro_pdf(&site, &["es/informes/2025"], NO_CHROMIUM);
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

/// Poppler's tools read the PDFs back. Without them, or without Chromium, a test says so
/// and passes.
fn can_print_and_read() -> bool {
    if !faro::has_chromium() {
        eprintln!("SKIPPED: no Chromium on this machine (CI installs it)");
        return false;
    }
    let poppler = ["pdfinfo", "pdftotext", "pdftohtml"].iter().all(|t| Command::new(t).arg("-v").output().is_ok());
    if !poppler {
        eprintln!("SKIPPED: poppler-utils (pdfinfo, pdftotext, pdftohtml) is not installed");
    }
    poppler
}

/// What a poppler tool writes to stdout about `pdf` (pdftotext's `-` says where).
fn poppler(tool: &str, args: &[&str], pdf: &std::path::Path) -> String {
    let stdout: &[&str] = if tool == "pdftotext" { &["-"] } else { &[] };
    let out = Command::new(tool).args(args).arg(pdf).args(stdout).output().expect("poppler runs");
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The fixture's report with what a signed copy shows: the site's organisation, a date,
/// and references from one chapter to another.
fn report_to_sign() -> Site {
    let site = Site::fixture("reports");
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        format!(
            "{yaml}organization: {{ es: \"Observatorio ciudadano (prueba)\", en: \"Citizens' observatory (test)\" }}\n"
        ),
    );
    for (lang, section) in [("es", "como-se-calcula"), ("en", "how-it-is-computed")] {
        let index = format!("content/{lang}/informes/2025/_index.md");
        let text =
            String::from_utf8(site.read_source(&index)).unwrap().replacen("report:", "date: 2026-12-01\nreport:", 1);
        site.write(&index, text);
        let intro = format!("content/{lang}/informes/2025/introduccion.md");
        let text = String::from_utf8(site.read_source(&intro)).unwrap();
        site.write(&intro, format!("{text}\nVer [@sec:{section}] y [las metas](metas.md).\n"));
    }
    site
}

struct Words {
    lang: &'static str,
    report: &'static str,
    title: &'static str,
    author: &'static str,
    page_of: fn(usize, usize) -> String,
    version: &'static str,
    draft: &'static str,
    chapters: [&'static str; 3],
    /// The id, in the full view, of the section the introduction refers to.
    section: &'static str,
}

const SPANISH: Words = Words {
    lang: "es",
    report: "content/es/informes/2025",
    title: "Informe de rendición de cuentas 2025",
    author: "Comisión Regional contra la Trata (ejemplo)",
    page_of: |i, n| format!("página {i} de {n}"),
    version: "Versión del 1 de diciembre de 2026",
    draft: "Borrador",
    chapters: ["1. Introducción", "2. Metas al 2026", "3. Hoja de ruta"],
    section: "c2-como-se-calcula",
};

const ENGLISH: Words = Words {
    lang: "en",
    report: "content/en/informes/2025",
    title: "Accountability report 2025",
    author: "Regional Commission against Trafficking (example)",
    page_of: |i, n| format!("page {i} of {n}"),
    version: "Version of December 1, 2026",
    draft: "Draft",
    chapters: ["1. Introduction", "2. Goals to 2026", "3. Roadmap"],
    section: "c2-how-it-is-computed",
};

/// A date such as `12/1/26`, as Chromium's own footer prints it.
fn us_date(text: &str) -> Option<&str> {
    text.split_whitespace().find(|w| {
        let parts: Vec<&str> = w.trim_end_matches(',').split('/').collect();
        parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    })
}

fn assert_fit_to_sign(site: &Site, words: &Words) {
    let pdf = site.path().join(format!("{}.pdf", words.lang));
    let path = std::env::var("PATH").unwrap_or_default();
    let out = faro_pdf(site, &[words.report, "--output", pdf.to_str().unwrap()], &path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    let temp = std::env::temp_dir().display().to_string();
    assert!(!raw.contains("file:") && !raw.contains("faro-pdf-") && !raw.contains(&temp), "a local path in the PDF");
    // Document information and language.
    let info = poppler("pdfinfo", &["-isodates"], &pdf);
    assert!(info.contains(&format!("Title:           {}\n", words.title)), "{info}");
    assert!(info.contains(&format!("Author:          {}\n", words.author)), "{info}");
    assert!(
        info.contains("CreationDate:    2026-12-01T00:00:00Z")
            && info.contains("ModDate:         2026-12-01T00:00:00Z"),
        "{info}"
    );
    assert!(raw.contains(&format!("/Lang ({})", words.lang)), "no /Lang {}", words.lang);
    // The running header and footer, in the report's language, and no browser's own.
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 3, "{pages} pages");
    for i in 1..=pages {
        let n = i.to_string();
        let text = poppler("pdftotext", &["-f", &n, "-l", &n, "-layout"], &pdf).replace('\u{a0}', " ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&(words.page_of)(i, pages)), "page {i}: {text}");
        assert!(text.contains(words.version) && text.contains(words.draft), "page {i}: {text}");
        assert!(i == 1 || text.contains(words.title), "page {i} has no running title: {text}");
        assert_eq!(us_date(&text), None, "page {i}: {text}");
        assert!(!text.contains("/tmp/") && !text.contains(&temp), "page {i}: {text}");
    }
    // Links go to the public site, or stay inside the document.
    let urls = poppler("pdfinfo", &["-url"], &pdf);
    let urls: Vec<&str> = urls.lines().skip(1).filter_map(|l| l.split_whitespace().nth(2)).collect();
    assert!(urls.iter().any(|u| u.starts_with(&format!("https://example.org/{}/", words.lang))), "{urls:?}");
    assert!(
        urls.iter().all(|u| u.starts_with("https://") || u.starts_with("mailto:") || u.starts_with("tel:")),
        "{urls:?}"
    );
    let internal = [format!("/Dest /{}", words.section), "/Dest /chapter-2".to_string()];
    assert!(internal.iter().all(|d| raw.contains(d.as_str())), "cross-references are not internal links");
    // Bookmarks follow the chapters.
    let xml = poppler("pdftohtml", &["-xml", "-i", "-stdout"], &pdf);
    let outline = &xml[xml.find("<outline>").expect("an outline")..];
    for chapter in words.chapters {
        assert!(outline.contains(&format!(">{chapter}</item>")), "{chapter} not in {outline}");
    }
}

#[test]
fn the_report_pdf_is_fit_to_sign_in_both_languages() {
    // Issue 15: Chromium's own header and footer printed a US date and a temporary path,
    // and every link pointed into the temporary folder.
    if !can_print_and_read() {
        return;
    }
    let site = report_to_sign();
    assert_fit_to_sign(&site, &SPANISH);
    assert_fit_to_sign(&site, &ENGLISH);
}

#[test]
fn the_same_report_prints_to_the_same_bytes() {
    if !can_print_and_read() {
        return;
    }
    let site = report_to_sign();
    let path = std::env::var("PATH").unwrap_or_default();
    let print = |name: &str| {
        let pdf = site.path().join(name);
        let out = faro_pdf(&site, &["es/informes/2025", "--output", pdf.to_str().unwrap()], &path);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::fs::read(pdf).unwrap()
    };
    assert!(print("a.pdf") == print("b.pdf"), "two printings differ");
}
