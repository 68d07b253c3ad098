//! Issue 17, front matter and small output fixes: what a writer coming from Hugo or Zola
//! writes every day. `extra:` for fields of one's own, RFC 3339 dates, the peers' spellings
//! of keys, folded descriptions, the full breadcrumb, robots.txt under a subpath, alias
//! redirect pages, and placeholder files left out of the output.

use crate::support::*;

const SITE_YAML: &str = "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: \"Alto a la trata\", en: \"Stop Trafficking\" }\n";

/// A bilingual site with homes, plus `files`.
fn site_with(files: &[(&str, &str)]) -> Site {
    let site = Site::from_files(&[
        ("site.yaml", SITE_YAML),
        ("content/es/_index.md", "---\ntitle: \"Alto a la trata\"\n---\nInicio.\n"),
        ("content/en/_index.md", "---\ntitle: \"Stop Trafficking\"\n---\nHome.\n"),
    ]);
    for (path, text) in files {
        site.write(path, text);
    }
    site
}

/// The `content` of `<meta name="…">` (or `property`) in `html`.
fn meta(html: &str, name: &str) -> Option<String> {
    tags(html, "meta")
        .into_iter()
        .find(|t| t.attr("name") == Some(name) || t.attr("property") == Some(name))
        .map(|t| t.attr("content").unwrap_or("").to_string())
}

fn breadcrumb(html: &str) -> Vec<(String, String)> {
    let nav = element(html, "nav", |t| t.has_class("breadcrumb")).expect("a breadcrumb");
    let texts: Vec<String> = nav.split("</a>").filter_map(|s| s.rsplit_once('>').map(|(_, t)| t.to_string())).collect();
    hrefs(nav).into_iter().zip(texts).collect()
}

// ----- extra -----------------------------------------------------------------------------

#[test]
fn extra_in_front_matter_reaches_templates_as_page_extra_also_on_list_items() {
    let site = site_with(&[
        ("content/es/notas/_index.md", "---\ntitle: \"Notas\"\ntemplate: lista.html\n---\n"),
        (
            "content/es/notas/una.md",
            "---\ntitle: \"Una\"\ntemplate: extra.html\nextra:\n  color: \"rojo\"\n  tallas: [s, m]\n  autor: { nombre: \"Ana <b>\" }\n---\nTexto.\n",
        ),
        ("content/es/notas/otra.md", "---\ntitle: \"Otra\"\n---\nTexto.\n"),
        (
            "templates/extra.html",
            "{% extends \"base.html\" %}\n{% block main %}<p id=\"extra\">{{ page.extra.color }}|{{ page.extra.tallas[1] }}|{{ page.extra.autor.nombre }}|{{ page.extra | length }}</p>{% endblock %}\n",
        ),
        (
            "templates/lista.html",
            "{% extends \"base.html\" %}\n{% block main %}{% for p in page.pages %}<p class=\"item\">{{ p.title }}={{ p.extra.color | default(\"-\") }}/{{ p.extra | length }}</p>{% endfor %}{% endblock %}\n",
        ),
    ]);
    site.build_ok(&[]);
    let una = site.html("es/notas/una/index.html");
    assert!(una.contains("<p id=\"extra\">rojo|m|Ana &lt;b&gt;|3</p>"), "{una}");
    let list = site.html("es/notas/index.html");
    assert!(list.contains("<p class=\"item\">Otra=-/0</p>"), "{list}");
    assert!(list.contains("<p class=\"item\">Una=rojo/3</p>"), "{list}");
}

#[test]
fn an_unknown_front_matter_key_stays_an_error_with_a_hint_to_use_extra() {
    let site = site_with(&[("content/es/a.md", "---\ntitle: \"A\"\nautor: \"Ana\"\n---\nTexto.\n")]);
    let run = site.build(&[]);
    run.assert_failure();
    run.assert_diagnostic("content/es/a.md:3:1: error[front-matter]: unknown field `autor`");
    run.assert_stderr_contains("hint: put fields of your own under `extra:`");
    // A peer's key faro does without says what faro does instead.
    site.write("content/es/a.md", "---\ntitle: \"A\"\nsummary: \"Resumen\"\n---\nTexto.\n");
    let run = site.build(&[]);
    run.assert_diagnostic("content/es/a.md:3:1: error[front-matter]: unknown field `summary`");
    run.assert_stderr_contains("`description` is what lists, feeds, search and search engines show");
    // A typo of a known key is named as one.
    site.write("content/es/a.md", "---\ntitle: \"A\"\ntranslation_kye: a\n---\nTexto.\n");
    let run = site.build(&[]);
    run.assert_diagnostic("content/es/a.md:3:1: error[front-matter]: unknown field `translation_kye`");
    run.assert_stderr_contains("hint: did you mean `translation_key`?");
}

// ----- dates -----------------------------------------------------------------------------

/// A news section with a feed: `tarde` is later in time than `medianoche`, though its text
/// sorts first, and is still the 10th in Lima while already the 11th in UTC.
fn dated_site() -> Site {
    site_with(&[
        ("content/es/noticias/_index.md", "---\ntitle: \"Noticias\"\nsort_by: date\nfeed: true\n---\n"),
        ("content/es/noticias/tarde.md", "---\ntitle: \"Tarde\"\ndate: 2025-02-10T22:00:00-05:00\n---\nTexto.\n"),
        (
            "content/es/noticias/medianoche.md",
            "---\ntitle: \"Medianoche\"\ndate: \"2025-02-11T01:00:00+01:00\"\n---\nTexto.\n",
        ),
        ("content/es/noticias/antes.md", "---\ntitle: \"Antes\"\ndate: 2025-02-09\n---\nTexto.\n"),
    ])
}

#[test]
fn rfc3339_dates_are_sorted_by_instant_shown_as_their_own_day_and_keep_their_offset() {
    let site = dated_site();
    site.build_ok(&[]);
    let list = site.html("es/noticias/index.html");
    let at = |url: &str| list.find(&format!("href=\"/es/noticias/{url}/\"")).unwrap_or_else(|| panic!("{url}\n{list}"));
    assert!(at("tarde") < at("medianoche") && at("medianoche") < at("antes"), "newest instant first\n{list}");
    let page = site.html("es/noticias/tarde/index.html");
    assert!(page.contains("<time datetime=\"2025-02-10T22:00:00-05:00\">"), "{page}");
    assert!(page.contains("10 de febrero de 2025"), "the day in Lima, not in UTC\n{page}");
    assert!(page.contains("\"datePublished\": \"2025-02-10T22:00:00-05:00\""), "JSON-LD\n{page}");
    let sitemap = site.html("sitemap.xml");
    assert!(sitemap.contains("<lastmod>2025-02-10T22:00:00-05:00</lastmod>"), "{sitemap}");
    assert!(sitemap.contains("<lastmod>2025-02-09</lastmod>"), "{sitemap}");
    let feed = site.html("es/noticias/atom.xml");
    assert!(feed.contains("<updated>2025-02-10T22:00:00-05:00</updated>"), "{feed}");
    assert!(feed.contains("<updated>2025-02-11T01:00:00+01:00</updated>"), "{feed}");
    assert!(feed.contains("<updated>2025-02-09T00:00:00Z</updated>"), "{feed}");
    let first_entry = feed.find("<entry>").unwrap();
    assert!(feed[first_entry..].find("Tarde") < feed[first_entry..].find("Medianoche"), "{feed}");
}

#[test]
fn a_time_without_offset_an_impossible_date_and_a_number_are_errors_at_their_lines() {
    let site = site_with(&[
        ("content/es/a.md", "---\ntitle: \"A\"\ndate: 2025-02-10 10:00\n---\nTexto.\n"),
        ("content/es/b.md", "---\ntitle: \"B\"\nslug: b\nupdated: 2025-02-30T10:00:00Z\n---\nTexto.\n"),
        ("content/es/c.md", "---\ntitle: \"C\"\nupdated: 2025\n---\nTexto.\n"),
    ]);
    let run = site.build(&[]);
    run.assert_failure();
    assert!(run.diagnostic("content/es/a.md:3:7: error[front-matter]: `date` must be").contains("offset"));
    run.assert_diagnostic(
        "content/es/b.md:4:10: error[front-matter]: `updated` must be a date written YYYY-MM-DD, or an RFC 3339",
    );
    run.assert_diagnostic("content/es/c.md:3:10: error[front-matter]: `updated` must be");
    assert_eq!(run.reported_error_count(), 3);
}

// ----- the peers' spellings -----------------------------------------------------------------

#[test]
fn hugo_spellings_translationkey_lastmod_and_params_are_accepted() {
    let site = site_with(&[
        (
            "content/es/linea.md",
            "---\ntitle: \"Línea\"\ntranslationKey: linea\nlastmod: 2025-03-01T08:00:00-05:00\nparams: { color: rojo }\n---\nTexto.\n",
        ),
        ("content/en/hotline.md", "---\ntitle: \"Hotline\"\ntranslation_key: linea\n---\nText.\n"),
    ]);
    site.build_ok(&[]);
    let es = site.html("es/linea/index.html");
    assert!(alternates(&es).contains(&("en".to_string(), "https://example.org/en/hotline/".to_string())), "{es}");
    let sitemap = site.html("sitemap.xml");
    assert!(sitemap.contains("<lastmod>2025-03-01T08:00:00-05:00</lastmod>"), "{sitemap}");
}

#[test]
fn a_key_written_in_both_spellings_is_an_error_at_the_later_line() {
    let site = site_with(&[(
        "content/es/linea.md",
        "---\ntitle: \"Línea\"\ntranslation_key: linea\nweight: 2\ntranslationKey: linea\n---\nTexto.\n",
    )]);
    let run = site.build(&[]);
    run.assert_failure();
    assert!(run
        .diagnostic("content/es/linea.md:5: error[front-matter]: ")
        .contains("`translationKey` is another spelling of `translation_key`"));
}

// ----- single-line texts -----------------------------------------------------------------

#[test]
fn a_folded_description_and_a_padded_title_lose_their_surrounding_whitespace() {
    let site = site_with(&[(
        "content/es/a.md",
        "---\ntitle: \"  Línea 1818 \"\ndescription: >\n  Una línea\n  doblada.\n---\nTexto.\n",
    )]);
    site.build_ok(&[]);
    let page = site.html("es/a/index.html");
    assert_eq!(meta(&page, "description").as_deref(), Some("Una línea doblada."), "{page}");
    assert_eq!(meta(&page, "og:description").as_deref(), Some("Una línea doblada."), "{page}");
    assert!(page.contains("<h1>Línea 1818</h1>"), "{page}");
}

// ----- breadcrumb ------------------------------------------------------------------------

#[test]
fn the_breadcrumb_of_a_deep_page_lists_every_ancestor_section_in_order() {
    let site = site_with(&[
        ("content/es/a/_index.md", "---\ntitle: \"Sección A\"\n---\n"),
        ("content/es/a/b/_index.md", "---\ntitle: \"Sección B\"\nslug: be\n---\n"),
        ("content/es/a/b/c/_index.md", "---\ntitle: \"Sección C\"\n---\n"),
        ("content/es/a/b/c/pagina.md", "---\ntitle: \"Página\"\n---\nTexto.\n"),
    ]);
    site.build_ok(&[]);
    let crumbs = |html: &str| breadcrumb(html);
    let home = ("/es/".to_string(), "Inicio".to_string());
    let a = ("/es/a/".to_string(), "Sección A".to_string());
    let b = ("/es/a/be/".to_string(), "Sección B".to_string());
    let c = ("/es/a/be/c/".to_string(), "Sección C".to_string());
    let page = site.html("es/a/be/c/pagina/index.html");
    assert_eq!(crumbs(&page), vec![home.clone(), a.clone(), b.clone(), c], "{page}");
    let section = site.html("es/a/be/c/index.html");
    assert_eq!(crumbs(&section), vec![home, a, b], "{section}");
}

#[test]
fn a_kits_breadcrumb_lists_every_section_above_its_campaign_then_the_campaign() {
    let site = site_with(&[
        ("content/es/a/_index.md", "---\ntitle: \"Sección A\"\n---\n"),
        ("content/es/a/b/_index.md", "---\ntitle: \"Sección B\"\n---\n"),
        (
            "content/es/a/b/linea.md",
            "---\ntitle: \"Línea 1818\"\ncampaign:\n  message: \"Llama gratis.\"\n---\nTexto.\n",
        ),
    ]);
    site.build_ok(&["--no-pdf"]);
    let kit = site.html("es/a/b/linea/materiales/index.html");
    let want =
        [("/es/", "Inicio"), ("/es/a/", "Sección A"), ("/es/a/b/", "Sección B"), ("/es/a/b/linea/", "Línea 1818")];
    let want: Vec<(String, String)> = want.iter().map(|(u, t)| (u.to_string(), t.to_string())).collect();
    assert_eq!(breadcrumb(&kit), want);
}

// ----- robots.txt ------------------------------------------------------------------------

#[test]
fn under_a_subpath_robots_txt_is_not_written_and_the_build_names_the_sitemap_once() {
    let site = site_with(&[("content/es/a.md", "---\ntitle: \"A\"\n---\nTexto.\n")]);
    site.write("site.yaml", SITE_YAML.replace("https://example.org/", "https://example.org/campana/"));
    let run = site.build_ok(&[]);
    assert!(!site.public().join("robots.txt").exists(), "robots.txt under /campana/ is never read by crawlers");
    assert!(site.public().join("sitemap.xml").exists());
    let notes: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("note: ")).collect();
    assert_eq!(notes.len(), 1, "{}", run.stdout);
    assert!(
        notes[0].contains("robots.txt") && notes[0].contains("https://example.org/campana/sitemap.xml"),
        "{}",
        notes[0]
    );
    // A staging copy under a subpath stays unindexed through its pages' meta tags.
    site.write(
        "site.yaml",
        format!(
            "{}publish: {{ index: false }}\n",
            SITE_YAML.replace("https://example.org/", "https://example.org/campana/")
        ),
    );
    let run = site.build_ok(&[]);
    assert!(!site.public().join("robots.txt").exists());
    assert!(run.stdout.contains("note: robots.txt"), "{}", run.stdout);
    let page = site.html("es/a/index.html");
    assert!(meta(&page, "robots").is_some_and(|c| c.starts_with("noindex")), "{page}");
}

// ----- alias redirect pages --------------------------------------------------------------

#[test]
fn an_alias_page_is_noindex_links_its_target_visibly_and_names_it_canonical() {
    let site = site_with(&[(
        "content/es/linea-1818.md",
        "---\ntitle: \"Línea 1818\"\naliases: [\"linea-gratuita\"]\n---\nTexto.\n",
    )]);
    site.build_ok(&[]);
    let html = site.html("es/linea-gratuita/index.html");
    assert_eq!(meta(&html, "robots").as_deref(), Some("noindex"), "{html}");
    assert_eq!(canonical(&html).as_deref(), Some("https://example.org/es/linea-1818/"));
    let main = element(&html, "main", |_| true).expect("a <main>");
    let link = tags(main, "a").into_iter().find(|t| t.attr("href") == Some("/es/linea-1818/"));
    assert!(link.is_some(), "no visible link to the page itself\n{main}");
    assert!(main.contains(">Línea 1818</a>"), "{main}");
    // CSP-clean: no inline script or style; the quick exit is a plain link.
    assert!(!html.contains("style="), "{html}");
    assert!(tags(&html, "script").iter().all(|t| t.attr("src").is_some()), "{html}");
    assert!(tags(&html, "a").iter().any(|t| t.attr("id") == Some("faro-exit")), "{html}");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"), "{html}");
}

// ----- placeholder files -----------------------------------------------------------------

#[test]
fn placeholder_and_os_clutter_files_are_not_published_but_deliberate_dotfiles_are() {
    let site = site_with(&[
        ("static/.gitkeep", ""),
        ("static/img/.keep", ""),
        ("static/.DS_Store", "x"),
        ("static/img/Thumbs.db", "x"),
        ("static/desktop.ini", "x"),
        ("static/.well-known/security.txt", "Contact: mailto:a@example.org\n"),
        ("static/img/logo.txt", "logo"),
        ("content/es/linea/index.md", "---\ntitle: \"Línea\"\n---\nTexto.\n"),
        ("content/es/linea/Thumbs.db", "x"),
        ("content/es/linea/desktop.ini", "x"),
        ("content/es/linea/folleto.pdf", "%PDF-1.4\n"),
    ]);
    site.build_ok(&[]);
    let out = site.public();
    for clutter in [
        ".gitkeep",
        "img/.keep",
        ".DS_Store",
        "img/Thumbs.db",
        "desktop.ini",
        "es/linea/Thumbs.db",
        "es/linea/desktop.ini",
    ] {
        assert!(!out.join(clutter).exists(), "{clutter} was published");
    }
    for kept in [".well-known/security.txt", "img/logo.txt", "es/linea/folleto.pdf"] {
        assert!(out.join(kept).exists(), "{kept} was not published");
    }
}

// ----- every mistake of a page in one run --------------------------------------------------

#[test]
fn every_mistake_of_one_page_is_reported_in_one_run_each_at_its_line() {
    // Issue 17: this page took four builds, one error each.
    let site = site_with(&[(
        "content/es/a.md",
        "---\ntitle: \"A\"\ndate: 2024-13-45\nupdated: \"2024-02-10 10:00\"\ntitel: x\nslug: \"a?b\"\n---\nTexto.\n",
    )]);
    let run = site.build(&[]);
    run.assert_failure();
    run.assert_diagnostic("content/es/a.md:3:7: error[front-matter]: `date` must be a date written YYYY-MM-DD");
    assert!(run.diagnostic("content/es/a.md:4:10: error[front-matter]: `updated` must be").contains("offset"));
    run.assert_diagnostic("content/es/a.md:5:1: error[front-matter]: unknown field `titel`");
    run.assert_stderr_contains("did you mean `title`?");
    run.assert_diagnostic("content/es/a.md:6:7: error[unsafe-path]: the slug `a?b` has `?`");
    assert_eq!(run.reported_error_count(), 4, "{:#?}", run.errors());
    // A misspelt title is not reported a second time as a missing one.
    site.write("content/es/a.md", "---\ntitel: x\nweight: pesado\n---\nTexto.\n");
    let run = site.build(&[]);
    run.assert_diagnostic("content/es/a.md:2:1: error[front-matter]: unknown field `titel`");
    run.assert_diagnostic("content/es/a.md:3:9: error[front-matter]: ");
    assert_eq!(run.reported_error_count(), 2, "{:#?}", run.errors());
}

#[test]
fn ten_hugo_keys_are_ten_errors_in_one_run_each_with_its_hint() {
    let keys = [
        ("summary", "`description` is what lists"),
        ("publishDate", "faro does not schedule pages"),
        ("url", "keep old addresses with `aliases`"),
        ("layout", "template: page.html"),
        ("type", "template: page.html"),
        ("images", "faro shares one picture"),
        ("keywords", "list them as `tags`"),
        ("authors", "put it under `extra:`"),
        ("menus", "menus are written in site.yaml"),
        ("categories", "group pages with `tags`"),
    ];
    let mut page = String::from("---\ntitle: \"Hugo\"\n");
    for (key, _) in keys {
        page.push_str(&format!("{key}: x\n"));
    }
    page.push_str("---\nTexto.\n");
    let site = site_with(&[("content/es/hugo.md", &page)]);
    let run = site.build(&[]);
    run.assert_failure();
    for (i, (key, hint)) in keys.iter().enumerate() {
        let line =
            run.diagnostic(&format!("content/es/hugo.md:{}:1: error[front-matter]: unknown field `{key}`", i + 3));
        assert!(line.contains(hint) || run.stderr.contains(hint), "{key}: {line}");
    }
    assert_eq!(run.reported_error_count(), 10, "{:#?}", run.errors());
}

#[test]
fn a_page_with_a_front_matter_error_still_exists_for_the_links_to_it() {
    // Issue 17: the bad date was reported, then every link to the page as broken.
    let site = site_with(&[
        (
            "content/es/guia/_index.md",
            "---\ntitle: \"Guía\"\n---\nVer [la larga](larga.md#pasos) y [otra](../otra.md).\n",
        ),
        ("content/es/guia/larga.md", "---\ntitle: \"Larga\"\ndate: \"2025-02-10 10:00\"\n---\n## Pasos\n\nTexto.\n"),
        ("content/es/otra.md", "---\ntitle: \"Otra\"\ntitle: \"Dos veces\"\n---\nVolver a [la guía](guia/larga.md).\n"),
    ]);
    let run = site.build(&[]);
    run.assert_failure();
    assert!(run.diagnostic("content/es/guia/larga.md:3:7: error[front-matter]: `date` must be").contains("offset"));
    run.assert_diagnostic("content/es/otra.md:3:1: error[front-matter]: duplicate field `title`");
    assert!(!run.stderr.contains("broken-link"), "{}", run.stderr);
    assert_eq!(run.reported_error_count(), 2, "{:#?}", run.errors());
}

/// Issue 17: front matter in another generator's format says which it is and what to write.
#[test]
fn toml_and_json_front_matter_are_errors_that_name_the_format() {
    let site = site_with(&[
        ("content/es/zola.md", "+++\ntitle = \"Guía\"\n+++\n\nTexto.\n"),
        ("content/es/hugo.md", "{\n  \"title\": \"Guía\"\n}\n\nTexto.\n"),
    ]);
    let run = site.build(&[]);
    let toml = run.diagnostic("content/es/zola.md:1: error[front-matter]: ");
    assert!(toml.contains("TOML") && toml.contains("`title: \"Guía\"`"), "{toml}");
    let json = run.diagnostic("content/es/hugo.md:1: error[front-matter]: ");
    assert!(json.contains("JSON"), "{json}");
}

/// Issue 17: Zola writes the built-in tags under `taxonomies`; faro takes them as `tags`.
#[test]
fn zolas_taxonomies_tags_are_the_built_in_tags() {
    let site = site_with(&[(
        "content/es/linea.md",
        "---\ntitle: \"Línea\"\ntaxonomies:\n  tags: [\"denuncia\"]\n---\nTexto.\n",
    )]);
    site.build_ok(&[]);
    let term = site.html("es/etiquetas/denuncia/index.html");
    assert!(term.contains("href=\"/es/linea/\""), "{term}");
    site.write(
        "content/es/linea.md",
        "---\ntitle: \"Línea\"\ntags: [\"a\"]\ntaxonomies:\n  tags: [\"b\"]\n---\nTexto.\n",
    );
    let run = site.build(&[]);
    run.assert_diagnostic("content/es/linea.md:3:7: error[front-matter]: `tags` is written twice");
}
