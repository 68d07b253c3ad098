//! Focused snapshots: the `<main>` of one page of each kind, one chart SVG and the
//! `faro check` report, each compared with its file in tests/snapshots/. A change to what a
//! page shows fails here with the first line that differs. When the change is meant,
//! `UPDATE_SNAPSHOTS=1 cargo test snapshots` writes the new files; review them and commit.

use crate::support::*;
use std::path::PathBuf;
use std::process::Command;

fn snapshot_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name)
}

fn assert_snapshot(name: &str, actual: &str) {
    let file = snapshot_file(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e}; UPDATE_SNAPSHOTS=1 cargo test snapshots writes it", file.display()));
    if expected == actual {
        return;
    }
    let (n, (want, got)) = expected
        .lines()
        .chain(std::iter::repeat(""))
        .zip(actual.lines().chain(std::iter::repeat("")))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .expect("texts that differ have a line that differs");
    panic!("{name} differs from its snapshot at line {}:\n  snapshot: {want}\n  now:      {got}", n + 1);
}

/// The page's `<main>` element, or its `<body>` when it has none (redirects).
fn main_of(html: &str) -> &str {
    let (open, close) = if html.contains("<main") { ("<main", "</main>") } else { ("<body", "</body>") };
    let start = html.find(open).unwrap_or_else(|| panic!("no {open} in\n{html}"));
    let end = html[start..].find(close).map_or(html.len(), |e| start + e + close.len());
    &html[start..end]
}

/// Builds a copy of a fixture and snapshots the `<main>` of the pages given as
/// (snapshot name, output file).
fn snapshot_pages(site: &Site, pages: &[(&str, &str)]) {
    site.build_ok(&["--no-pdf"]);
    for (name, file) in pages {
        assert_snapshot(&format!("{name}.html"), main_of(&site.html(file)));
    }
}

#[test]
fn pages_and_sections_lists_search_and_404_look_as_before() {
    snapshot_pages(
        &Site::fixture("bilingual"),
        &[
            ("home", "es/index.html"),
            ("section", "es/campanas/index.html"),
            ("page", "es/campanas/linea-1818/index.html"),
            ("taxonomy", "es/etiquetas/index.html"),
            ("term", "es/etiquetas/1818/index.html"),
            ("search", "en/search/index.html"),
            ("not-found", "en/404.html"),
            ("root-redirect", "index.html"),
        ],
    );
}

#[test]
fn report_cover_chapter_and_full_view_look_as_before() {
    snapshot_pages(
        &Site::fixture("reports"),
        &[
            ("report", "es/informes/2025/index.html"),
            ("chapter", "es/informes/2025/metas/index.html"),
            ("report-full", "en/reports/2025/full/index.html"),
        ],
    );
}

#[test]
fn indicator_pages_and_a_chart_look_as_before() {
    let site = Site::fixture("indicators");
    snapshot_pages(
        &site,
        &[
            ("indicator", "es/indicadores/victimas-por-sexo/index.html"),
            ("indicators", "en/indicators/index.html"),
            ("embed", "es/indicadores/victimas-por-anio/embed/index.html"),
        ],
    );
    assert_snapshot("chart.svg", &site.html("es/indicadores/victimas-por-sexo/victimas-por-sexo.svg"));
}

#[test]
fn a_campaign_kit_page_looks_as_before() {
    let site = Site::fixture("bilingual");
    let rel = "content/es/campanas/linea-1818.md";
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    let block = "campaign:\n  message: \"Si sospechas de un caso de trata, llama gratis.\"\n  figures:\n    - { value: \"83,6 %\", label: \"conocía a su tratante\", source: \"CIES y PROMSEX\" }";
    site.write(rel, text.replacen("\n---\n", &format!("\n{block}\n---\n"), 1));
    snapshot_pages(&site, &[("kit", "es/campanas/linea-1818/materiales/index.html")]);
}

#[test]
fn an_alias_redirect_looks_as_before() {
    let site = Site::fixture("publishing");
    let rel = "content/es/campanas/redes-sociales.md";
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    site.write(rel, text.replacen("\n---\n", "\naliases: [\"campanas/antigua\"]\n---\n", 1));
    snapshot_pages(&site, &[("alias-redirect", "es/campanas/antigua/index.html")]);
}

#[test]
fn the_check_report_reads_as_before() {
    let site = Site::fixture("publishing");
    site.write("content/es/campanas/roto.md", "---\ntitle: \"Roto\"\n---\n\nVer [la nota](nada.md) y ![](foto.png).\n");
    let out = Command::new(faro()).arg("check").arg("--site").arg(site.path()).output().expect("run faro check");
    assert_eq!(out.status.code(), Some(1), "a broken link is an error");
    assert_snapshot("check.txt", &String::from_utf8(out.stdout).unwrap());
}
