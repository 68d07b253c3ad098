//! The preview's in-place updates must give exactly the site a fresh build gives: after
//! each edit, every file `Live` serves is compared byte for byte with a new `Live` of the
//! same folder.

use crate::support::*;
use faro::Live;
use faro::SiteOptions;

fn opts() -> SiteOptions {
    SiteOptions { base_url: Some("http://127.0.0.1:1111/".into()), ..SiteOptions::default() }
}

fn assert_same_as_fresh(live: &Live, site: &Site, what: &str) {
    let (fresh, result) = Live::new(site.path(), opts());
    result.unwrap_or_else(|d| panic!("{what}: the fresh build failed: {d:?}"));
    let (got, want) = (live.files(), fresh.files());
    let differ: Vec<&String> = want.keys().chain(got.keys()).filter(|k| got.get(*k) != want.get(*k)).collect();
    assert!(differ.is_empty(), "{what}: served files differ from a fresh build: {differ:?}");
}

/// Edits one file and applies it, returning whether the update was in place.
fn edit(live: &mut Live, site: &Site, rel: &str, change: impl Fn(String) -> String) -> bool {
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    site.write(rel, change(text));
    let path = std::fs::canonicalize(site.path().join(rel)).unwrap();
    let update = live.apply(&[path]).unwrap_or_else(|d| panic!("{rel}: {d:?}"));
    !update.full
}

#[test]
fn in_place_edits_give_the_same_site_as_a_fresh_build() {
    let site = Site::fixture("bilingual");
    let (mut live, first) = Live::new(site.path(), opts());
    first.unwrap();

    let rel = "content/es/campanas/linea-1818.md";
    assert!(edit(&mut live, &site, rel, |t| t.replacen("\n\n", "\n\nUn párrafo nuevo al comienzo.\n\n", 1)));
    assert_same_as_fresh(&live, &site, "a body edit");

    assert!(edit(&mut live, &site, rel, |t| t.replacen("title: \"", "title: \"Zeta ", 1)));
    assert_same_as_fresh(&live, &site, "a title edit (which reorders its section)");

    let news = "content/es/noticias/2025-02-capacitacion-operadores.md";
    assert!(edit(&mut live, &site, news, |t| t + "\nOtra línea para el feed y la búsqueda.\n"));
    assert_same_as_fresh(&live, &site, "a news edit");

    // Dates the sitemap shows, and titles that order the tag pages, are in place too.
    assert!(edit(&mut live, &site, rel, |t| t.replacen("---\n", "---\nupdated: 2026-11-20\n", 1)));
    assert_same_as_fresh(&live, &site, "an `updated` date");
    for n in 0..12 {
        site.write(
            &format!("content/es/campanas/extra-{n:02}.md"),
            format!("---\ntitle: \"Extra {n:02}\"\ntags: [\"1818\"]\n---\n\nTexto {n}.\n"),
        );
    }
    let paths: Vec<_> = (0..12).map(|n| site.path().join(format!("content/es/campanas/extra-{n:02}.md"))).collect();
    live.apply(&paths).unwrap();
    assert_same_as_fresh(&live, &site, "twelve new tagged pages (two pages of the tag)");
    assert!(edit(&mut live, &site, "content/es/campanas/extra-03.md", |t| t.replace("Extra 03", "Aaa primero")));
    assert_same_as_fresh(&live, &site, "a title that moves a page between pages of its tag");
    assert!(edit(&mut live, &site, "content/es/campanas/extra-11.md", |t| t + "\nMás texto.\n"));
    assert_same_as_fresh(&live, &site, "a body edit on the second page of a tag");

    // A page with no translation: only its own language's lists are touched.
    assert!(edit(&mut live, &site, "content/es/regiones.md", |t| t + "\nSolo en castellano.\n"));
    assert_same_as_fresh(&live, &site, "an untranslated page");

    // Moving a page (a new slug) is not in place, and still right.
    assert!(!edit(&mut live, &site, rel, |t| t.replacen("---\n", "---\nslug: linea-gratuita\n", 1)));
    assert_same_as_fresh(&live, &site, "a slug edit");
}

#[test]
fn in_place_edits_of_report_chapters_renumber_the_whole_report() {
    let site = Site::fixture("reports");
    let (mut live, first) = Live::new(site.path(), opts());
    first.unwrap();
    let rel = "content/es/informes/2025/introduccion.md";
    assert!(edit(&mut live, &site, rel, |t| t + "\n## Una sección nueva {#nueva}\n\nTexto.\n"));
    assert_same_as_fresh(&live, &site, "a new heading in a chapter");
    assert!(edit(&mut live, &site, rel, |t| t.replace("## Una sección nueva {#nueva}", "## Otra sección {#otra}")));
    assert_same_as_fresh(&live, &site, "a renamed heading");
}

#[test]
fn a_failed_edit_keeps_the_last_good_files_and_the_fix_applies() {
    let site = Site::fixture("bilingual");
    let (mut live, first) = Live::new(site.path(), opts());
    first.unwrap();
    let before = live.files().clone();
    let rel = "content/es/campanas/linea-1818.md";
    let good = String::from_utf8(site.read_source(rel)).unwrap();
    // A link to a page that does not exist: an error with the file and line.
    site.write(rel, format!("{good}\nVer [la página](no-existe.md).\n"));
    let path = std::fs::canonicalize(site.path().join(rel)).unwrap();
    let errors = live.apply(std::slice::from_ref(&path)).expect_err("a broken link fails");
    assert!(errors.iter().any(|d| d.is_error() && d.path.ends_with("linea-1818.md") && d.line.is_some()), "{errors:?}");
    assert!(*live.files() == before, "the served files are untouched");
    site.write(rel, format!("{good}\nArreglado.\n"));
    live.apply(&[path]).expect("the fix applies");
    assert!(String::from_utf8_lossy(&live.files()["es/campanas/linea-1818/index.html"]).contains("Arreglado."));
    assert_same_as_fresh(&live, &site, "after a fix");
}

#[test]
fn a_save_through_a_temporary_file_is_still_an_in_place_edit() {
    let site = Site::fixture("bilingual");
    let (mut live, first) = Live::new(site.path(), opts());
    first.unwrap();
    // As `sed -i` and some editors save: write a temporary file, then rename it over the page.
    let rel = "content/es/campanas/linea-1818.md";
    let text = String::from_utf8(site.read_source(rel)).unwrap() + "\nGuardado con un archivo temporal.\n";
    let tmp = site.path().join("content/es/campanas/sedAb12Cd");
    std::fs::write(&tmp, text).unwrap();
    let tmp_seen = std::fs::canonicalize(&tmp).unwrap();
    std::fs::rename(&tmp, site.path().join(rel)).unwrap();
    let page = std::fs::canonicalize(site.path().join(rel)).unwrap();
    let update = live.apply(&[tmp_seen, page]).unwrap();
    assert!(!update.full, "the vanished temporary file does not force a reload");
    assert!(update.changed.contains(&"es/campanas/linea-1818/index.html".to_string()));
    assert_same_as_fresh(&live, &site, "a rename-over save");
}

#[test]
fn an_in_place_edit_of_a_campaign_page_redoes_its_kit() {
    let site = Site::fixture("bilingual");
    let rel = "content/es/campanas/linea-1818.md";
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    site.write(rel, text.replacen("\n---\n", "\ncampaign:\n  message: \"Llama gratis.\"\n---\n", 1));
    let (mut live, first) = Live::new(site.path(), opts());
    first.unwrap();
    assert!(live.files().contains_key("es/campanas/linea-1818/materiales/afiche-a4.html"));
    assert!(edit(&mut live, &site, rel, |t| t.replacen("title: \"", "title: \"Nuevo: ", 1)));
    assert!(
        String::from_utf8_lossy(&live.files()["es/campanas/linea-1818/materiales/afiche-a4.html"]).contains("Nuevo: ")
    );
    assert_same_as_fresh(&live, &site, "a title edit on a campaign page (its posters and card)");
}

#[test]
fn in_place_edits_reach_breadcrumbs_below_a_retitled_section_and_links_to_a_changed_heading() {
    let site = Site::fixture("bilingual");
    site.write("content/es/campanas/escuelas/guia.md", "---\ntitle: \"Guía\"\n---\n\n## La charla {#año}\n\nTexto.\n");
    site.write("content/es/regiones.md", {
        let text = String::from_utf8(site.read_source("content/es/regiones.md")).unwrap();
        text + "\nVer [el año](campanas/escuelas/guia.md#año).\n"
    });
    let (mut live, first) = Live::new(site.path(), opts());
    first.unwrap();

    // A section's new title shows in the breadcrumb of every page below it, its kits' too.
    assert!(edit(&mut live, &site, "content/es/campanas/_index.md", |t| t.replacen(
        "title: \"",
        "title: \"Nuevas ",
        1
    )));
    assert_same_as_fresh(&live, &site, "a section title (the breadcrumbs below it)");

    // A link to `#año` named the id `año`; when the heading becomes "Año" (id `anio`), the
    // link is found by folding, and the page that links there gets the new href.
    assert!(
        edit(&mut live, &site, "content/es/campanas/escuelas/guia.md", |t| t.replace("## La charla {#año}", "## Año"))
    );
    assert_same_as_fresh(&live, &site, "a heading another page links to");
}

/// Issue 19: a one-page edit rewrites the search index's list, the page's fragment and the
/// shards of the words it changed, not the whole index; and the index stays the one a
/// fresh build writes.
#[test]
fn a_one_page_edit_rewrites_only_the_search_shards_of_its_words() {
    let site = Site::from_files(&[(
        "site.yaml",
        "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: \"Alto\", en: \"Stop\" }\n",
    )]);
    site.write("content/es/_index.md", "---\ntitle: \"Inicio\"\n---\n\nHola.\n");
    site.write("content/en/_index.md", "---\ntitle: \"Home\"\n---\n\nHello.\n");
    // Enough pages and words that the index is cut into many shards.
    let words = ["alerta", "barco", "campaña", "denuncia", "escuela", "frontera", "gratis", "hogar", "isla", "joven"];
    for n in 0..400 {
        let body: Vec<String> = (0..60).map(|w| format!("{}{}", words[(n + w) % 10], (n * 7 + w) % 90)).collect();
        site.write(
            &format!("content/es/p{n:03}.md"),
            format!("---\ntitle: \"Página {n}\"\n---\n\n{}\n", body.join(" ")),
        );
    }
    let (mut live, first) = Live::new(site.path(), opts());
    first.unwrap();
    let shards = live.files().keys().filter(|k| k.starts_with("es/buscar/i/")).count();
    assert!(shards > 20, "{shards} shards");
    let text = String::from_utf8(site.read_source("content/es/p007.md")).unwrap();
    site.write("content/es/p007.md", text.replacen("alerta", "quetzal", 1));
    let path = std::fs::canonicalize(site.path().join("content/es/p007.md")).unwrap();
    let update = live.apply(&[path]).unwrap();
    assert!(!update.full);
    let search: Vec<&String> = update.changed.iter().filter(|f| f.starts_with("es/buscar/")).collect();
    let rewritten = search.iter().filter(|f| f.starts_with("es/buscar/i/")).count();
    assert!(search.iter().any(|f| *f == "es/buscar/index.json"), "{search:?}");
    assert_eq!(search.iter().filter(|f| f.starts_with("es/buscar/p/")).count(), 1, "{search:?}");
    assert!((1..=4).contains(&rewritten), "{rewritten} of {shards} shards rewritten: {search:?}");
    assert!(!update.changed.iter().any(|f| f.starts_with("en/search/")), "{:?}", update.changed);
    assert_same_as_fresh(&live, &site, "a one-word edit");
}
