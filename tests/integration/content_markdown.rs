//! Issue 17, Markdown: what writers of a Hugo- or Zola-style site hit every day. Email
//! autolinks, table alignment without inline style (the CSP blocks it), links to headings
//! by their own words and broken fragments as build errors, footnotes with back-links,
//! apostrophes kept as written, and `hreflang` on links into another language.

use crate::support::*;

/// The minimal bilingual site with `content/<rel>` added (front matter `title: x` + body).
fn site_with(pages: &[(&str, &str)]) -> Site {
    let site = minimal_site();
    for (rel, body) in pages {
        site.write(&format!("content/{rel}"), format!("---\ntitle: \"{rel}\"\n---\n\n{body}"));
    }
    site
}

/// The hrefs of the `<a>` tags inside the page's `<main>`.
fn main_links(html: &str) -> Vec<Tag> {
    let main = element(html, "main", |_| true).unwrap_or(html);
    tags(main, "a")
}

fn ids(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["a", "div", "sup", "h2", "h3", "section", "main", "li", "p", "table", "figure", "span", "nav"] {
        out.extend(tags(html, name).into_iter().filter_map(|t| t.attr("id").map(str::to_string)));
    }
    out
}

#[test]
fn an_email_autolink_becomes_a_mailto_link() {
    let site = site_with(&[("es/contacto.md", "Escríbenos a <contacto@example.org>.\n")]);
    site.build_ok(&[]);
    let html = site.html("es/contacto/index.html");
    let hrefs: Vec<String> = main_links(&html).iter().filter_map(|a| a.attr("href").map(str::to_string)).collect();
    assert!(hrefs.contains(&"mailto:contacto@example.org".to_string()), "{hrefs:?}");
    assert!(!html.contains("href=\"contacto@"), "a relative link to the address is left");
}

#[test]
fn table_alignment_is_a_class_and_no_markdown_writes_an_inline_style() {
    let table = "| Región | Casos | Nota |\n|:---|---:|:---:|\n| Lima | 1 204 | a |\n| Puno | 87 | b |\n";
    let site = site_with(&[("es/tabla.md", table)]);
    site.build_ok(&[]);
    let html = site.html("es/tabla/index.html");
    assert!(!html.contains(" style=\""), "inline style in the page:\n{html}");
    let cells: Vec<Tag> = tags(&html, "th").into_iter().chain(tags(&html, "td")).collect();
    assert_eq!(cells.len(), 9);
    for (n, cell) in cells.iter().enumerate() {
        let want = ["align-left", "align-right", "align-center"][n % 3];
        assert!(cell.has_class(want), "cell {n}: {}", cell.raw);
    }
    let css = site.html("faro.css");
    for side in ["left", "center", "right"] {
        assert!(css.contains(&format!("td.align-{side}")), "faro.css has no rule for align-{side}");
    }
}

#[test]
fn the_example_sites_right_aligned_number_columns_use_classes_not_style() {
    let site = example_site();
    site.build_ok(&["--no-pdf"]);
    let snap = snapshot(&site.public());
    let pages = html_files(&snap);
    for (path, html) in &pages {
        assert!(!html.contains(" style=\""), "{path} carries an inline style");
    }
    let (_, report) =
        pages.iter().find(|(p, _)| p.starts_with("es/informes/2025/") && p.contains("indicadores")).unwrap();
    assert!(tags(report, "td").iter().any(|td| td.has_class("align-right")), "no right-aligned cell");
}

#[test]
fn a_link_written_with_a_headings_own_words_leads_to_its_folded_id() {
    let site = site_with(&[
        (
            "es/informe.md",
            "Ver [el cambio](#año-2021-qué-cambió) y [otra vez](#a%C3%B1o-2021-qu%C3%A9-cambi%C3%B3).\n\n\
             ## Año 2021: ¿qué cambió?\n\nMucho.\n",
        ),
        (
            "es/otra.md",
            "Ver [el informe](informe.md#año-2021-qué-cambió) y [su id](informe.md#anio-2021-que-cambio).\n",
        ),
    ]);
    site.build_ok(&[]);
    let informe = site.html("es/informe/index.html");
    assert!(informe.contains("id=\"anio-2021-que-cambio\""), "{informe}");
    let hrefs = |html: &str| -> Vec<String> {
        main_links(html).iter().filter_map(|a| a.attr("href").map(str::to_string)).filter(|h| h.contains('#')).collect()
    };
    assert_eq!(hrefs(&informe), ["#anio-2021-que-cambio", "#anio-2021-que-cambio"]);
    let otra = site.html("es/otra/index.html");
    assert_eq!(hrefs(&otra), ["/es/informe/#anio-2021-que-cambio", "/es/informe/#anio-2021-que-cambio"]);
}

#[test]
fn a_fragment_that_matches_no_heading_is_a_build_error_at_its_line() {
    let site = site_with(&[("es/informe.md", "## Año 2021\n\nTexto.\n"), ("es/otra.md", "Texto.\n")]);
    let run = break_and_rebuild(&site, |site| {
        site.write("content/es/informe.md", "---\ntitle: x\n---\n\n## Año 2021\n\nVer [abajo](#anio-2020).\n");
        site.write(
            "content/es/otra.md",
            "---\ntitle: y\n---\n\nTexto.\n\nVer [el informe](informe.md#conclusiones).\n",
        );
    });
    run.assert_diagnostic("content/es/informe.md:7:5: error[broken-anchor]: the link `#anio-2020`");
    run.assert_diagnostic("content/es/otra.md:7:5: error[broken-anchor]: the link `informe.md#conclusiones`");
    run.assert_stderr_contains("`#anio-2021`");
    assert_eq!(run.reported_error_count(), 2, "{}", run.stderr);
}

#[test]
fn fragments_naming_ids_faro_makes_keep_working_in_build_and_check() {
    let body = "Una nota[^1] y [la nota](#fn-1), [la llamada](#fnref-1), [la tabla](#tbl-casos), \
                [el contenido](#faro-main), [arriba](#resumen).\n\n## Resumen\n\n\
                Tabla: Casos {#tbl:casos}\n| a |\n|---|\n| 1 |\n\n[^1]: Fuente.\n";
    let site = site_with(&[("es/notas.md", body)]);
    let run = site.build_ok(&[]);
    assert!(run.errors().is_empty(), "{}", run.stderr);
    let checked = site.check(&[]);
    assert!(!checked.stdout.contains("broken-anchor"), "{}", checked.stdout);
}

#[test]
fn faro_check_reports_a_broken_markdown_fragment_once_at_its_line() {
    let site = site_with(&[("es/informe.md", "## Año 2021\n\nVer [abajo](#anio-2020).\n")]);
    let run = site.check(&[]);
    assert_eq!(run.status.code(), Some(1), "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().filter(|l| l.contains("broken-anchor")).collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(lines[0].starts_with("content/es/informe.md:7:5: error[broken-anchor]"), "{}", lines[0]);
}

#[test]
fn footnotes_link_back_to_each_of_their_references_with_unique_ids() {
    let es =
        "Dato[^fuente] y otra vez[^fuente], y otro[^2].\n\n## Fuente\n\n[^fuente]: Ministerio Público.\n[^2]: INEI.\n";
    let en = "A fact[^a].\n\n[^a]: A source.\n";
    let site = site_with(&[("es/notas.md", es), ("en/notas.md", en)]);
    site.build_ok(&[]);
    let html = site.html("es/notas/index.html");
    let refs: Vec<Tag> = tags(&html, "sup").into_iter().filter(|t| t.has_class("footnote-reference")).collect();
    let ref_ids: Vec<&str> = refs.iter().filter_map(|t| t.attr("id")).collect();
    assert_eq!(ref_ids, ["fnref-fuente", "fnref-fuente-1", "fnref-2"], "{html}");
    let backs: Vec<Tag> = tags(&html, "a").into_iter().filter(|t| t.has_class("footnote-back")).collect();
    let targets: Vec<&str> = backs.iter().filter_map(|a| a.attr("href")).collect();
    assert_eq!(targets, ["#fnref-fuente", "#fnref-fuente-1", "#fnref-2"]);
    assert_eq!(backs[0].attr("aria-label"), Some("Volver al texto"));
    assert_eq!(backs[1].attr("aria-label"), Some("Volver al texto 2"));
    let notes: Vec<Tag> = tags(&html, "div").into_iter().filter(|d| d.has_class("footnote-definition")).collect();
    assert_eq!(notes.iter().filter_map(|d| d.attr("id")).collect::<Vec<_>>(), ["fn-fuente", "fn-2"]);
    assert!(html.contains("id=\"fn-fuente\"") && html.contains("id=\"fuente\""), "{html}");
    let mut all = ids(&html);
    let count = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), count, "duplicate ids: {all:?}");
    let en = site.html("en/notas/index.html");
    let back = tags(&en, "a").into_iter().find(|t| t.has_class("footnote-back")).expect("a back-link");
    assert_eq!(back.attr("aria-label"), Some("Back to text"));
}

#[test]
fn an_apostrophe_between_letters_stays_as_written_while_quotes_and_dashes_curl() {
    let site = minimal_site();
    site.write("content/es/qu.md", "---\ntitle: \"Hark'asun\"\n---\n\nChay hark'asun. Dijo \"basta\" -- y 'no' más.\n");
    site.build_ok(&[]);
    let html = site.html("es/qu/index.html");
    let main = element(&html, "main", |_| true).unwrap();
    assert!(main.contains("hark'asun") || main.contains("hark&#39;asun"), "{main}");
    assert!(!main.contains("hark’asun"), "{main}");
    assert!(main.contains("“basta”") && main.contains("–") && main.contains("‘no’"), "{main}");
}

#[test]
fn a_link_to_a_page_in_another_language_carries_hreflang_not_lang() {
    let site = site_with(&[
        ("es/comision.md", "Ver [English](../en/comision.md), [la línea](linea-1818.md) y [EN](/en/).\n"),
        ("en/comision.md", "See [Spanish](../es/comision.md).\n"),
    ]);
    site.build_ok(&[]);
    let es = main_links(&site.html("es/comision/index.html"));
    let english = es.iter().find(|a| a.attr("href") == Some("/en/comision/")).expect("the link to English");
    // `lang` would say the words "English" are English; the link text is the page's own language.
    assert_eq!((english.attr("hreflang"), english.attr("lang")), (Some("en"), None), "{}", english.raw);
    let same = es.iter().find(|a| a.attr("href") == Some("/es/linea-1818/")).expect("the link in Spanish");
    assert_eq!(same.attr("hreflang"), None, "{}", same.raw);
    let root = es.iter().find(|a| a.attr("href") == Some("/en/")).expect("the site path in English");
    assert_eq!(root.attr("hreflang"), Some("en"), "{}", root.raw);
    let en = main_links(&site.html("en/comision/index.html"));
    let spanish = en.iter().find(|a| a.attr("href") == Some("/es/comision/")).expect("the link to Spanish");
    assert_eq!(spanish.attr("hreflang"), Some("es"), "{}", spanish.raw);
}

#[test]
fn a_heading_never_takes_an_id_the_theme_writes() {
    let site = site_with(&[(
        "es/ids.md",
        "## Faro main\n\n## Faro exit\n\n## Section pages\n\nIr al [contenido](#faro-main) o a [la sección](#faro-main-1).\n",
    )]);
    site.build_ok(&[]);
    let html = site.html("es/ids/index.html");
    let all = ids(&html);
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(all.len(), unique.len(), "an id is written twice: {all:?}");
    let headings: Vec<String> =
        tags(&html, "h2").into_iter().filter_map(|t| t.attr("id").map(str::to_string)).collect();
    assert_eq!(headings, ["faro-main-1", "faro-exit-1", "section-pages-1"]);
    let main = element(&html, "main", |_| true).unwrap();
    assert!(main.starts_with("<main id=\"faro-main\""), "the skip link's target moved: {}", &main[..40]);
    let hrefs: Vec<_> = main_links(&html).into_iter().filter_map(|t| t.attr("href").map(str::to_string)).collect();
    assert!(hrefs.contains(&"#faro-main".to_string()) && hrefs.contains(&"#faro-main-1".to_string()), "{hrefs:?}");
}

/// Issue 17: what a Zola site writes keeps working: `@/` names a file from content/, and a
/// fragment folded as Zola folds (`ñ` to `n`) finds its heading.
#[test]
fn zola_links_from_content_and_zola_folded_fragments_lead_to_the_page_and_heading() {
    let site = site_with(&[
        ("es/informe.md", "## Año 2021: ¿qué cambió?\n\nTexto.\n\n## Niños y niñas\n\nMás.\n"),
        (
            "es/guia/uso.md",
            "Ver [el informe](@/es/informe.md#ano-2021-que-cambio) y [niñez](@/es/informe.md#ninos-y-ninas).\n",
        ),
    ]);
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("warning") && !run.stderr.contains("error"), "{}", run.stderr);
    let hrefs: Vec<String> = main_links(&site.html("es/guia/uso/index.html"))
        .iter()
        .filter_map(|a| a.attr("href").map(str::to_string))
        .collect();
    assert!(hrefs.contains(&"/es/informe/#anio-2021-que-cambio".to_string()), "{hrefs:?}");
    assert!(hrefs.contains(&"/es/informe/#ninios-y-ninias".to_string()), "{hrefs:?}");
    // A Zola path to nothing is the same error as a relative one.
    site.write("content/es/guia/uso.md", "---\ntitle: \"Uso\"\n---\n\n[x](@/es/nada.md)\n");
    let run = site.build(&[]);
    run.assert_diagnostic(
        "content/es/guia/uso.md:5:1: error[broken-link]: the link `@/es/nada.md` points to content/es/nada.md",
    );
}
