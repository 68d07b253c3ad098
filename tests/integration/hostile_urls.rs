//! One URL policy: text a user writes never becomes a live script link or markup; spreadsheet-safe CSV.
//! Each test here failed on bf75f1e (run them with `FARO_BIN=<old faro>` to see).

use crate::support::*;
use std::io::Read;
use std::path::Path;

/// An http URL the policy allows, with what HTML attributes must escape in its query.
const QUOTED: &str = "https://e.example/informe?a=1&b='x\"";
/// The same, as a YAML double-quoted string.
const QUOTED_YAML: &str = "\"https://e.example/informe?a=1&b='x\\\"\"";
/// The same, as an HTML attribute must print it.
const QUOTED_ATTR: &str = "href=\"https://e.example/informe?a=1&amp;b=&#39;x&quot;\"";

fn replace(site: &Site, rel: &str, old: &str, new: &str) {
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    assert!(text.contains(old), "{rel} has no `{old}`");
    site.write(rel, text.replacen(old, new, 1));
}

fn append(site: &Site, rel: &str, more: &str) {
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    site.write(rel, format!("{text}{more}"));
}

/// Every file under `dir` whose name ends with `ext`, as (path, text).
fn files_ending(dir: &Path, ext: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_ending(&path, ext));
        } else if path.to_string_lossy().ends_with(ext) {
            out.push((path.display().to_string(), read_text(&path)));
        }
    }
    out
}

fn zip_entry(zip: &Path, name: &str) -> String {
    let bytes = std::fs::read(zip).unwrap_or_else(|e| panic!("{}: {e}", zip.display()));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|e| panic!("{name} in {}: {e}", zip.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

const MENUS: &str =
    "menus:\n  es:\n    - { name: \"Fuente\", url: URL }\n  en:\n    - { name: \"Source\", url: \"/en/\" }\n";

#[test]
fn a_javascript_menu_url_is_an_error_at_its_line_and_an_http_one_with_quotes_is_escaped() {
    let site = minimal_site();
    let run = break_and_rebuild(&site, |s| append(s, "site.yaml", &MENUS.replace("URL", "\"javascript:alert(1)\"")));
    let line = run.diagnostic("site.yaml:6:30: error[unsafe-link]: ");
    assert!(line.contains("`javascript:`"), "{line}");
    assert!(!site.html("es/index.html").contains("javascript:"));

    replace(&site, "site.yaml", "\"javascript:alert(1)\"", QUOTED_YAML);
    site.build_ok(&[]);
    assert!(site.html("es/index.html").contains(QUOTED_ATTR), "{}", site.html("es/index.html"));
}

#[test]
fn disguised_script_and_off_site_addresses_in_menus_are_each_an_error_at_their_line() {
    let disguised = [
        "\" javascript:alert(1)\"",
        "\"java\\tscript:alert(1)\"",
        "\"\\u0001javascript:alert(1)\"",
        "\"java\\u200Bscript:alert(1)\"",
        "\"jav&#x61;script:alert(1)\"",
        "\"javascript&colon;alert(1)\"",
        "\"VBScript:msgbox(1)\"",
        "\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"",
        "\"file:///etc/passwd\"",
        "\"//evil.example/\"",
        "\"/\\\\evil.example/\"",
        "\"https://bank.example@evil.example/\"",
        "\"https:evil.example\"",
    ];
    let items: String =
        disguised.iter().enumerate().map(|(n, url)| format!("    - {{ name: \"E{n}\", url: {url} }}\n")).collect();
    let run = break_and_rebuild(&minimal_site(), |s| {
        append(s, "site.yaml", &format!("menus:\n  es:\n{items}"));
    });
    for n in 0..disguised.len() {
        // The column of the address: after `    - { name: "E<n>", url: `.
        let col = 24 + format!("E{n}").len();
        run.assert_diagnostic(&format!("site.yaml:{}:{col}: error[unsafe-link]: ", n + 6));
    }
    assert_eq!(run.errors().len(), disguised.len(), "{}", run.stderr);
}

#[test]
fn a_data_url_as_an_indicator_source_is_an_error_and_a_quoted_http_one_is_escaped_on_the_embed_page() {
    let site = Site::fixture("indicators");
    let file = "data/indicators/victimas-por-sexo.yaml";
    let run = break_and_rebuild(&site, |s| {
        replace(
            s,
            file,
            "source: { name: \"MIMP\" }",
            "source: { name: \"MIMP\", url: \"data:text/html,<script>alert(1)</script>\" }",
        );
    });
    let line = run.diagnostic(&format!("{file}:7: error[unsafe-link]: "));
    assert!(line.contains("`data:`"), "{line}");

    replace(&site, file, "\"data:text/html,<script>alert(1)</script>\"", QUOTED_YAML);
    site.build_ok(&[]);
    for page in ["es/indicadores/victimas-por-sexo/index.html", "es/indicadores/victimas-por-sexo/embed/index.html"] {
        assert!(site.html(page).contains(QUOTED_ATTR), "{page}:\n{}", site.html(page));
    }
    // The ZIP's README is plain text: the address as written.
    let readme = zip_entry(&site.public().join("es/indicadores/indicadores.zip"), "README.txt");
    assert!(readme.contains(QUOTED), "{readme}");
}

#[test]
fn mixed_case_javascript_as_roadmap_evidence_is_an_error_at_its_line_and_a_quoted_http_one_is_escaped() {
    let site = Site::fixture("reports");
    let run = break_and_rebuild(&site, |s| {
        replace(s, "data/roadmap.yaml", "\"https://example.org/acta.pdf\"", "\"JaVaScRiPt:alert(document.domain)\"");
    });
    let line = run.diagnostic("data/roadmap.yaml:10: error[unsafe-link]: ");
    assert!(line.contains("`javascript:`"), "{line}");

    replace(&site, "data/roadmap.yaml", "\"JaVaScRiPt:alert(document.domain)\"", QUOTED_YAML);
    site.build_ok(&[]);
    let pages = files_ending(&site.public().join("es/informes"), ".html");
    assert!(pages.iter().any(|(_, html)| html.contains(QUOTED_ATTR)), "no page links the evidence, escaped");
    assert!(pages.iter().all(|(_, html)| !html.to_lowercase().contains("javascript:")));
}

#[test]
fn a_base_url_with_markup_is_an_error_at_its_line_and_the_output_is_left_alone() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        replace(
            s,
            "site.yaml",
            "base_url: \"https://example.org/\"",
            "base_url: \"https://example.org/\\\"><img src=x onerror=alert(1)>\"",
        );
    });
    let line = run.diagnostic("site.yaml:1: error[site-config]: ");
    assert!(line.contains("base_url"), "{line}");
}

#[test]
fn a_base_url_flag_with_markup_is_an_error_naming_the_flag() {
    let site = minimal_site();
    site.build_ok(&[]);
    let before = snapshot(&site.public());
    let run = site.build(&["--base-url", "https://example.org/\"><img src=x onerror=alert(1)>"]);
    run.assert_failure();
    run.assert_diagnostic("--base-url: error[site-config]: `--base-url` must be");
    assert_same_snapshot(&before, &snapshot(&site.public()), "public/ after a refused --base-url");
}

#[test]
fn a_base_url_with_a_user_query_fragment_or_quote_is_an_error() {
    let site = minimal_site();
    for bad in [
        "https://user:secret@example.org/",
        "https://example.org/?utm_source=x",
        "https://example.org/#top",
        "https://example.org/it's/",
        "https://example.org/a b/",
        "javascript:alert(1)//",
        // An outsider's case: a port no URL can have was written into every page.
        "https://example.org:99999/",
    ] {
        let run = site.build(&["--base-url", bad]);
        run.assert_failure();
        run.assert_diagnostic("--base-url: error[site-config]: ");
    }
}

/// `&` is allowed in a base URL's path: every place that prints it must escape it for its
/// own context (HTML built in Rust or by templates, XML, JSON, plain text).
#[test]
fn an_ampersand_in_base_url_is_escaped_in_every_context() {
    let site = Site::fixture("reports");
    append(&site, "content/es/informes/2025/introduccion.md", "\nVer [@sec:estado-de-las-metas].\n");
    let run = site.build_ok(&["--base-url", "https://example.org/a&b/"]);
    let public = site.public();
    // HTML, XML and SVG: never a bare `&` before the rest of the path.
    for ext in [".html", ".xml", ".svg"] {
        for (path, text) in files_ending(&public, ext) {
            assert!(!text.contains("a&b/"), "{path} prints the base path unescaped");
        }
    }
    // The cross-reference, which Rust writes, and the same link kept inside the full report.
    let intro = site.html("es/informes/2025/introduccion/index.html");
    let xref = tags(&intro, "a").into_iter().find(|t| t.has_class("xref")).expect("a cross-reference");
    assert_eq!(xref.attr("href"), Some("/a&amp;b/es/informes/2025/metas/#estado-de-las-metas"));
    let full = files_ending(&public.join("es/informes/2025"), ".html")
        .into_iter()
        .find(|(p, _)| p.contains("completo"))
        .expect("the full report")
        .1;
    let xref = tags(&full, "a").into_iter().find(|t| t.has_class("xref")).expect("a cross-reference");
    assert_eq!(xref.attr("href"), Some("#c2-estado-de-las-metas"));
    // The embed snippet, HTML that Rust writes and the page shows as text.
    let ind = site.html("es/indicadores/comision/index.html");
    assert!(
        ind.contains("&lt;iframe src=&quot;https://example.org/a&amp;amp;b/es/indicadores/comision/embed/&quot;"),
        "{ind}"
    );
    // XML, JSON and plain text.
    assert!(site.html("sitemap.xml").contains("<loc>https://example.org/a&amp;b/es/</loc>"));
    assert!(site.html("es/buscar/p/0.json").contains("\"u\":\"/a&b/es/"));
    // Under a subpath robots.txt is not written (issue 17); the build's note names the sitemap.
    assert!(run.stdout.contains("`Sitemap: https://example.org/a&b/sitemap.xml`"), "{}", run.stdout);
}

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"clic\")";

#[test]
fn formula_cells_in_an_indicator_csv_and_its_zip_are_neutralised_and_negative_numbers_kept() {
    let site = Site::fixture("indicators");
    let yaml_formula = FORMULA.replace('"', "\\\"");
    site.write(
        "data/indicators/saldo.yaml",
        format!(
            "title: {{ es: \"Saldo\", en: \"Balance\" }}\ntopic: {{ es: \"Otros\", en: \"Other\" }}\n\
             unit: {{ es: \"puntos\", en: \"points\" }}\nmeasure: number\nchart: line\nsource: {{ name: \"X\" }}\n\
             breakdowns:\n  zona:\n    name: {{ es: \"@zona\", en: \"@zone\" }}\n    values:\n      \
             a: {{ es: \"{yaml_formula}\", en: \"{yaml_formula}\" }}\n      b: {{ es: \"-2+3\", en: \"-2+3\" }}\n\
             series:\n  - {{ period: 2021, value: -3 }}\n  - {{ period: 2021, zona: a, value: -0.5 }}\n  \
             - {{ period: 2021, zona: b, value: -2.5 }}\n"
        ),
    );
    site.build_ok(&[]);
    let csv = site.html("es/indicadores/saldo/saldo.csv");
    let rows = csv_rows(&csv);
    assert_eq!(rows[0][1], "'@zona", "{csv}");
    let row = |label: &str| rows.iter().find(|r| r[1] == label).unwrap_or_else(|| panic!("no row {label}\n{csv}"));
    assert_eq!(row(&format!("'{FORMULA}"))[2], "-0.5");
    assert_eq!(row("'-2+3")[2], "-2.5");
    assert!(rows.iter().any(|r| r[2] == "-3"), "{csv}");
    assert!(rows.iter().flatten().all(|c| !c.starts_with(['=', '+', '@']) && !c.starts_with("-2+")), "{csv}");
    assert_eq!(zip_entry(&site.public().join("es/indicadores/indicadores.zip"), "saldo.csv"), csv);
}

#[test]
fn formula_cells_in_a_kit_csv_and_its_zip_are_neutralised() {
    let site = Site::fixture("bilingual");
    let yaml_formula = FORMULA.replace('"', "\\\"");
    replace(
        &site,
        "content/es/campanas/linea-1818.md",
        "\n---\n",
        &format!(
            "\ncampaign:\n  message: \"Llama gratis.\"\n  figures:\n    - {{ value: \"-3\", label: \"{yaml_formula}\", source: \"+cmd|' /C calc'!A0\" }}\n    - {{ value: \"=1+1\", label: \"@x\", source: \"\\tsrc\" }}\n---\n"
        ),
    );
    site.build_ok(&["--no-pdf"]);
    let kit = site.public().join("es/campanas/linea-1818/materiales");
    let csv = read_text(&kit.join("cifras-clave.csv"));
    let rows = csv_rows(&csv);
    assert_eq!(rows[1], ["-3".to_string(), format!("'{FORMULA}"), "'+cmd|' /C calc'!A0".to_string()], "{csv}");
    assert_eq!(rows[2], ["'=1+1", "'@x", "'\tsrc"], "{csv}");
    assert_eq!(zip_entry(&kit.join("linea-1818-es.zip"), "cifras-clave.csv"), csv);
}
