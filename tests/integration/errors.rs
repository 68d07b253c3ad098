//! Bad input: each test builds a good site, breaks it, builds again and checks that faro
//! exits with 1, points at the right file, line and column, and leaves `public/` exactly
//! as the good build wrote it (see `support::break_and_rebuild`).

use crate::support::*;

const LINEA: &str = "content/es/linea-1818.md";

#[test]
fn errors_on_broken_front_matter_yaml() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write(LINEA, "---\ntitle: \"Línea 1818\"\ndescription: Campaña: llama al 1818\n---\n\nTexto.\n")
    });
    // The second `:` of line 3, counted in characters (ñ is one).
    run.assert_diagnostic("content/es/linea-1818.md:3:21: error[front-matter]: ");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn errors_on_front_matter_that_is_never_closed() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write(LINEA, "---\ntitle: \"Línea 1818\"\n\nLa Línea 1818 es gratuita.\n")
    });
    let line = run.diagnostic("content/es/linea-1818.md:1: error[front-matter]: ");
    assert!(line.contains("never closed"), "{line}");
}

#[test]
fn errors_on_missing_title() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write(LINEA, "---\ndescription: \"La línea gratuita contra la trata\"\n---\n\nTexto.\n")
    });
    let line = run.diagnostic("content/es/linea-1818.md:2:1: error[front-matter]: ");
    assert!(line.contains("`title`"), "{line}");
}

#[test]
fn errors_on_unknown_front_matter_key() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write(LINEA, "---\ntitle: \"Línea 1818\"\nautor: \"Equipo de campaña\"\n---\n\nTexto.\n")
    });
    let line = run.diagnostic("content/es/linea-1818.md:3:1: error[front-matter]: ");
    assert!(line.contains("unknown field `autor`"), "{line}");
}

#[test]
fn errors_on_unknown_template_at_the_template_key_line() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write(LINEA, "---\ntitle: \"Línea 1818\"\ndescription: \"Gratis\"\ntemplate: nope.html\n---\n\nTexto.\n")
    });
    let line = run.diagnostic("content/es/linea-1818.md:4:11: error[unknown-template]: ");
    assert!(line.contains("nope.html"), "{line}");
}

#[test]
fn errors_on_unknown_filter_in_a_site_template() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("templates/page.html", page_template("<p>{{ page.title | nosuchfilter }}</p>"))
    });
    let line = run.diagnostic("templates/page.html:4: error[template]: ");
    assert!(line.contains("nosuchfilter"), "{line}");
    // One line for the broken template, naming a page it broke and how many others.
    run.assert_stderr_contains("while rendering content/en/linea-1818.md and 1 other page");
    assert_eq!(run.stderr.matches("error[template]").count(), 1, "{}", run.stderr);
}

#[test]
fn errors_on_undefined_variable_in_a_site_template() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("templates/page.html", page_template("<p>{{ missing.attr }}</p>"))
    });
    let line = run.diagnostic("templates/page.html:4: error[template]: ");
    assert!(line.contains("missing"), "{line}");
}

#[test]
fn errors_on_two_pages_writing_the_same_url() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("content/es/linea.md", "---\ntitle: \"Otra página de la línea\"\nslug: \"linea-1818\"\n---\n\nTexto.\n")
    });
    // Reported on the second file, at its `slug`, naming the first one.
    let line = run.diagnostic("content/es/linea.md:3:7: error[duplicate-url]: ");
    assert!(line.contains("es/linea-1818.md"), "both files must be named: {line}");
    assert!(line.contains("/es/linea-1818/"), "{line}");
}

#[test]
fn errors_on_two_pages_whose_names_fold_to_the_same_url() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("content/es/campaña.md", "---\ntitle: \"Campaña\"\n---\n\nTexto.\n");
        s.write("content/es/campania.md", "---\ntitle: \"Campania\"\n---\n\nTexto.\n");
    });
    let line = run
        .errors()
        .into_iter()
        .find(|l| l.contains("error[duplicate-url]"))
        .unwrap_or_else(|| panic!("no duplicate-url error:\n{}", run.stderr))
        .to_string();
    assert!(line.contains("campaña.md") && line.contains("campania.md"), "{line}");
    assert!(line.contains("/es/campania/"), "{line}");
}

#[test]
fn errors_on_duplicate_translation_key_in_one_language() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write(
            "content/es/denuncia-en-linea.md",
            "---\ntitle: \"Denuncia en línea\"\ntranslation_key: \"report\"\n---\n\nTexto.\n",
        );
        s.write(
            "content/es/denuncia.md",
            "---\ntitle: \"Cómo denunciar\"\ndescription: \"Llama al 1818\"\ntranslation_key: \"report\"\n---\n\nTexto.\n",
        );
    });
    let line = run.diagnostic("content/es/denuncia.md:4:18: error[duplicate-translation-key]: ");
    assert!(line.contains("es/denuncia-en-linea.md"), "{line}");
    assert!(line.contains("report"), "{line}");
}

#[test]
fn errors_on_language_folder_not_declared_in_site_yaml() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("content/fr/_index.md", "---\ntitle: \"Halte à la traite\"\n---\n\nAppelez le 1818.\n")
    });
    let line = run.diagnostic("content/fr: error[undeclared-language]: ");
    assert!(line.contains("`fr`"), "{line}");
}

#[test]
fn errors_on_file_that_is_not_utf8_at_the_first_bad_byte() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        // Latin-1 `ñ` (0xF1) on line 5, after 8 characters; the UTF-8 `í` above is fine.
        s.write(LINEA, b"---\ntitle: \"L\xc3\xadnea 1818\"\n---\n\nLa campa\xf1a es gratuita.\n")
    });
    run.assert_diagnostic("content/es/linea-1818.md:5:9: error[not-utf8]: ");
}

#[test]
fn errors_on_unknown_key_in_site_yaml() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        let mut yaml = String::from_utf8(s.read_source("site.yaml")).unwrap();
        yaml.push_str("footer: \"Llama al 1818\"\n");
        s.write("site.yaml", yaml);
    });
    let line = run.diagnostic("site.yaml:4:1: error[site-config]: ");
    assert!(line.contains("unknown field `footer`"), "{line}");
}

#[test]
fn errors_on_site_yaml_text_missing_a_declared_language() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        let yaml = String::from_utf8(s.read_source("site.yaml")).unwrap();
        s.write("site.yaml", yaml.replace("languages: [es, en]", "languages: [es, en, qu]"));
    });
    let line = run.diagnostic("site.yaml:3:8: error[site-config]: ");
    assert!(line.contains("`title`") && line.contains("`qu`"), "{line}");
}

#[test]
fn errors_on_image_without_alt_text() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("content/es/afiche.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        s.write(LINEA, "---\ntitle: \"Línea 1818\"\n---\n\nLa campaña ![](afiche.svg) es gratuita.\n");
    });
    let line = run.diagnostic("content/es/linea-1818.md:5:12: error[missing-alt]: ");
    assert!(line.contains("afiche.svg"), "{line}");
}

#[test]
fn errors_on_link_to_a_missing_markdown_file() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write(
            LINEA,
            "---\ntitle: \"Línea 1818\"\n---\n\nPrimer párrafo.\n\nLee sobre la [comisión](../comision.md) y la línea.\n",
        )
    });
    let line = run.diagnostic("content/es/linea-1818.md:7:14: error[broken-link]: ");
    assert!(line.contains("../comision.md"), "{line}");
}

#[test]
fn all_errors_are_reported_together() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("content/es/a-yaml-roto.md", "---\ntitle: \"Campaña\"\ndescription: Campaña: 1818\n---\n\nTexto.\n");
        s.write("content/es/b-sin-alt.md", "---\ntitle: \"Afiche\"\n---\n\n![](afiche.svg)\n");
        s.write("content/es/afiche.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        s.write(
            "content/en/c-enlace-roto.md",
            "---\ntitle: \"Broken link\"\n---\n\nSee [the commission](comision.md).\n",
        );
    });
    run.assert_diagnostic("content/es/a-yaml-roto.md:3:21: error[front-matter]: ");
    run.assert_diagnostic("content/es/b-sin-alt.md:5:1: error[missing-alt]: ");
    run.assert_diagnostic("content/en/c-enlace-roto.md:5:5: error[broken-link]: ");
    assert_eq!(run.errors().len(), 3, "{}", run.stderr);
    assert_eq!(run.reported_error_count(), 3, "{}", run.stderr);
}

#[test]
fn content_and_template_errors_are_reported_in_the_same_run() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("content/es/sin-titulo.md", "---\ndescription: \"Falta el título\"\n---\n\nTexto.\n");
        s.write("templates/home.html", page_template("{{ page.title | nosuchfilter }}"));
    });
    run.assert_diagnostic("content/es/sin-titulo.md:2:1: error[front-matter]: ");
    run.assert_diagnostic("templates/home.html:4: error[template]: ");
}

#[test]
fn a_failed_first_build_creates_no_output_folder() {
    let site = minimal_site();
    site.write(LINEA, "---\ntitle: \"Línea 1818\"\nautor: \"Equipo\"\n---\n\nTexto.\n");
    site.build(&[]).assert_failure();
    assert!(!site.public().exists(), "public/ was created by a failed build");
    assert_eq!(site.leftovers(), Vec::<String>::new());
}

#[test]

fn errors_on_section_slug_that_slugifies_to_nothing() {
    // A plain page with such a slug is an `empty-slug` error; a section's `_index.md` (or a
    // bundle's `index.md`) is not, and its URL becomes `es//`, i.e. the Spanish home.
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("content/es/informes/_index.md", "---\ntitle: \"Informes\"\nslug: \"¿?\"\n---\n\nInformes anuales.\n");
        s.write("content/es/informes/anual.md", "---\ntitle: \"Informe anual\"\n---\n\nTexto.\n");
    });
    run.assert_diagnostic("content/es/informes/_index.md:3:7: error[");
}

#[test]

fn invalid_date_error_points_at_the_date_line_even_when_the_title_mentions_date() {
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write(
            "content/en/talks.md",
            "---\ntitle: \"School talks, date: to be announced\"\ndate: \"2025-13-01\"\n---\n\nText.\n",
        )
    });
    run.assert_diagnostic("content/en/talks.md:3:7: error[front-matter]: ");
}

#[test]
fn bom_and_windows_line_endings_do_not_shift_lines() {
    let site = minimal_site();
    site.write(
        LINEA,
        "\u{feff}---\r\ntitle: \"Línea 1818\"\r\n---\r\n\r\nPrimer párrafo.\r\n\r\nVer la [comisión](comision.md).\r\n",
    );
    let run = site.build(&[]);
    run.assert_failure();
    run.assert_diagnostic("content/es/linea-1818.md:7:8: error[broken-link]: ");

    site.write(LINEA, "\u{feff}---\r\ntitle: \"Línea 1818\"\r\n---\r\n\r\nPrimer párrafo.\r\n");
    site.build_ok(&[]);
    let html = site.html("es/linea-1818/index.html");
    assert!(html.contains("<h1>Línea 1818</h1>"), "{html}");
    assert!(!html.contains('\u{feff}'), "the BOM leaked into the page");
}

#[test]

fn refuses_an_output_folder_that_holds_the_sites_sources() {
    for output in ["content", ""] {
        let site = minimal_site();
        let target = site.path().join(output);
        let run = site.build(&["--output", target.to_str().unwrap()]);
        let sources_left =
            site.path().join("site.yaml").is_file() && site.path().join("content/es/linea-1818.md").is_file();
        assert!(
            sources_left,
            "`--output {}` deleted the site's sources (exit {:?})",
            target.display(),
            run.status.code()
        );
        run.assert_failure();
    }
}
