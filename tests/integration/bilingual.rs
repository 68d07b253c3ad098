//! The two-language fixture (tests/fixtures/bilingual/): languages, translations, URLs,
//! Markdown rewriting, drafts and section order, checked on the files faro writes.

use crate::support::*;

/// The fixture, built into its `public/`.
fn built() -> Site {
    let site = Site::fixture("bilingual");
    site.build_ok(&[]);
    site
}

const ES_LINEA: &str = "es/campanas/linea-1818/index.html";
const EN_HOTLINE: &str = "en/campaigns/hotline-1818/index.html";
const ES_ONLY: &str = "es/campanas/redes-sociales/index.html";

#[test]
fn bilingual_site_builds_and_reports_pages_per_language() {
    let site = Site::fixture("bilingual");
    let run = site.build_ok(&[]);
    let line = run.stdout.lines().find(|l| l.starts_with("Built ")).unwrap();
    // 8 Spanish pages (the draft left out) and 6 English ones.
    assert!(line.starts_with("Built 14 pages (es 8, en 6), "), "unexpected summary: {line}");
    let files: usize = line
        .split(", ")
        .nth(2)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no file count in: {line}"));
    let written = snapshot(&site.public()).len();
    assert_eq!(files, written, "the summary's file count: {line}");
    assert!(line.contains(" s into ") && line.ends_with(&site.public().display().to_string()), "{line}");
    assert_eq!(run.stderr, "", "a clean site builds without diagnostics");
}

#[test]
fn every_page_declares_its_language_in_the_html_tag() {
    let site = built();
    let snap = snapshot(&site.public());
    let mut checked = 0;
    for (path, html) in html_files(&snap) {
        let expected = match path.split('/').next().unwrap() {
            "en" => "en",
            // es/... and the root pages (index.html, 404.html) are in the default language.
            _ => "es",
        };
        assert_eq!(html_lang(&html).as_deref(), Some(expected), "<html lang> of {path}");
        checked += 1;
    }
    assert!(checked >= 17, "only {checked} HTML files");
}

#[test]
fn translated_pages_link_each_other_as_alternates_in_both_directions() {
    let site = built();
    let pair = [
        ("es", "https://example.org/es/campanas/linea-1818/"),
        ("en", "https://example.org/en/campaigns/hotline-1818/"),
    ];
    for file in [ES_LINEA, EN_HOTLINE] {
        let alts = alternates(&site.html(file));
        for (lang, href) in pair {
            assert!(
                alts.contains(&(lang.to_string(), href.to_string())),
                "{file} lacks the `{lang}` alternate {href}: {alts:?}"
            );
        }
        // x-default points to the default language's version, on both pages.
        assert!(alts.contains(&("x-default".into(), pair[0].1.into())), "{file} x-default: {alts:?}");
        assert_eq!(alts.len(), 3, "{file}: {alts:?}");
    }
    // Homes and sections pair up too.
    for file in ["es/index.html", "en/index.html"] {
        let alts = alternates(&site.html(file));
        assert!(alts.contains(&("es".into(), "https://example.org/es/".into())), "{file}: {alts:?}");
        assert!(alts.contains(&("en".into(), "https://example.org/en/".into())), "{file}: {alts:?}");
    }
    let alts = alternates(&site.html("es/campanas/index.html"));
    assert!(alts.contains(&("en".into(), "https://example.org/en/campaigns/".into())), "{alts:?}");
}

#[test]
fn untranslated_page_lists_only_its_own_language_as_alternate() {
    let site = built();
    let alts = alternates(&site.html(ES_ONLY));
    assert_eq!(
        alts,
        vec![
            ("es".to_string(), "https://example.org/es/campanas/redes-sociales/".to_string()),
            ("x-default".to_string(), "https://example.org/es/campanas/redes-sociales/".to_string()),
        ]
    );
}

#[test]
fn canonical_url_is_the_absolute_url_of_the_page() {
    let site = built();
    for (file, url) in [
        (ES_LINEA, "https://example.org/es/campanas/linea-1818/"),
        (EN_HOTLINE, "https://example.org/en/campaigns/hotline-1818/"),
        ("es/index.html", "https://example.org/es/"),
        ("en/campaigns/index.html", "https://example.org/en/campaigns/"),
        ("en/campaigns/schools/index.html", "https://example.org/en/campaigns/schools/"),
    ] {
        assert_eq!(canonical(&site.html(file)).as_deref(), Some(url), "{file}");
    }
}

#[test]
fn language_switcher_links_to_the_translation() {
    let site = built();
    let es = site.html(ES_LINEA);
    let to_en = switcher_link(&es, "en");
    assert_eq!(to_en.attr("href"), Some("/en/campaigns/hotline-1818/"));
    assert!(!to_en.has_class("lang-missing"), "{}", to_en.raw);
    assert_eq!(to_en.attr("lang"), Some("en"));

    let en = site.html(EN_HOTLINE);
    let to_es = switcher_link(&en, "es");
    assert_eq!(to_es.attr("href"), Some("/es/campanas/linea-1818/"));
    assert!(!to_es.has_class("lang-missing"), "{}", to_es.raw);

    // The current language is shown, not linked.
    assert!(tags(lang_switch(&es), "a").iter().all(|a| a.attr("hreflang") != Some("es")));
    assert!(lang_switch(&es).contains("lang-current"));
}

#[test]
fn language_switcher_falls_back_to_the_home_for_untranslated_pages() {
    let site = built();
    let html = site.html(ES_ONLY);
    let to_en = switcher_link(&html, "en");
    assert_eq!(to_en.attr("href"), Some("/en/"), "{}", to_en.raw);
    assert!(to_en.has_class("lang-missing"), "{}", to_en.raw);
    // A note says the page is not translated (in the language of the link).
    let nav = lang_switch(&html);
    let note = element(nav, "span", |t| t.has_class("lang-note")).unwrap_or_else(|| panic!("no lang-note in {nav}"));
    assert!(note.contains("not translated"), "{note}");
}

#[test]
fn localized_slugs_give_localized_urls() {
    let site = built();
    let public = site.public();
    for path in [
        "es/campanas/index.html",
        "es/campanas/linea-1818/index.html",
        "es/campanas/escuelas/index.html",
        "en/campaigns/index.html",
        "en/campaigns/hotline-1818/index.html",
        "en/campaigns/schools/index.html",
        "en/news/index.html",
    ] {
        assert!(public.join(path).is_file(), "missing {path}");
    }
    for path in ["en/campanas", "en/campaigns/linea-1818", "en/noticias"] {
        assert!(!public.join(path).exists(), "{path} should not exist");
    }
    // The English menu links to the localized section URL.
    let en = site.html(EN_HOTLINE);
    assert!(hrefs(&en).contains(&"/en/campaigns/".to_string()), "{:?}", hrefs(&en));
}

#[test]
fn translation_key_pairs_pages_with_different_file_names() {
    let site = built();
    let es_file = "es/noticias/2025-02-capacitacion-operadores/index.html";
    let en_file = "en/news/2025-02-training-public-officials/index.html";
    let es = site.html(es_file);
    let en = site.html(en_file);
    let es_url = "https://example.org/es/noticias/2025-02-capacitacion-operadores/";
    let en_url = "https://example.org/en/news/2025-02-training-public-officials/";
    for (file, html) in [(es_file, &es), (en_file, &en)] {
        let alts = alternates(html);
        assert!(alts.contains(&("es".into(), es_url.into())), "{file}: {alts:?}");
        assert!(alts.contains(&("en".into(), en_url.into())), "{file}: {alts:?}");
    }
    assert_eq!(switcher_link(&es, "en").attr("href"), Some("/en/news/2025-02-training-public-officials/"));
    assert_eq!(switcher_link(&en, "es").attr("href"), Some("/es/noticias/2025-02-capacitacion-operadores/"));
}

#[test]
fn heading_ids_fold_accents_and_deduplicate() {
    let site = built();
    let html = site.html(ES_LINEA);
    let ids: Vec<String> = tags(&html, "h2").iter().filter_map(|t| t.attr("id").map(str::to_string)).collect();
    for id in ["linea-de-ayuda", "anio-2025", "anio-2025-1", "anio-2025-2"] {
        assert!(ids.contains(&id.to_string()), "no heading id `{id}` in {ids:?}");
    }
    assert!(!ids.iter().any(|id| id.starts_with("ano")), "ñ must fold to `ni`: {ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids must be unique: {ids:?}");
}

#[test]
fn bundle_images_are_copied_next_to_their_page() {
    let site = built();
    let public = site.public();
    assert_eq!(
        std::fs::read(public.join("es/campanas/escuelas/aula.svg")).unwrap(),
        site.read_source("content/es/campanas/escuelas/aula.svg")
    );
    // In English the file follows the bundle's localized URL.
    assert_eq!(
        std::fs::read(public.join("en/campaigns/schools/aula.svg")).unwrap(),
        site.read_source("content/en/campanas/escuelas/aula.svg")
    );
    let img = tags(&site.html("es/campanas/escuelas/index.html"), "img")
        .into_iter()
        .find(|t| t.attr("src").is_some_and(|s| s.ends_with("aula.svg")))
        .expect("the bundle's <img>");
    assert_eq!(img.attr("src"), Some("/es/campanas/escuelas/aula.svg"));
    assert_eq!(img.attr("alt"), Some("Una docente conversa con sus estudiantes"));
    let img = tags(&site.html("en/campaigns/schools/index.html"), "img")
        .into_iter()
        .find(|t| t.attr("src").is_some_and(|s| s.ends_with("aula.svg")))
        .expect("the English bundle's <img>");
    assert_eq!(img.attr("src"), Some("/en/campaigns/schools/aula.svg"));
}

#[test]
fn files_beside_plain_pages_are_copied_to_their_sections_folder() {
    let site = built();
    // content/en/campanas/poster-1818.svg sits beside hotline-1818's source file and goes to
    // the (localized) section folder, not into the page's own folder.
    assert_eq!(
        std::fs::read(site.public().join("en/campaigns/poster-1818.svg")).unwrap(),
        site.read_source("content/en/campanas/poster-1818.svg")
    );
    let img = tags(&site.html(EN_HOTLINE), "img")
        .into_iter()
        .find(|t| t.attr("src").is_some_and(|s| s.contains("poster-1818")))
        .expect("the poster's <img>");
    assert_eq!(img.attr("src"), Some("/en/campaigns/poster-1818.svg"));
    assert_eq!(img.attr("alt"), Some("Poster: call 1818, it is free"));
}

#[test]
fn markdown_links_to_source_files_become_page_urls() {
    let site = built();
    let es = hrefs(&site.html(ES_LINEA));
    assert!(es.contains(&"/es/regiones/".to_string()), "{es:?}");
    // A fragment survives the rewrite.
    assert!(es.contains(&"/es/campanas/escuelas/#en-el-aula".to_string()), "{es:?}");
    // The same source path resolves to the localized URL from the English page.
    let en = hrefs(&site.html(EN_HOTLINE));
    assert!(en.contains(&"/en/campaigns/schools/".to_string()), "{en:?}");
    for html in [site.html(ES_LINEA), site.html(EN_HOTLINE)] {
        assert!(!html.contains(".md\""), "a link to a .md file was left as is");
    }
}

#[test]
fn external_links_get_noopener_noreferrer() {
    let site = built();
    let html = site.html(ES_LINEA);
    let ext = tags(&html, "a")
        .into_iter()
        .find(|t| t.attr("href") == Some("https://www.gob.pe/mininter"))
        .expect("the external link");
    assert_eq!(ext.attr("rel"), Some("noopener noreferrer"), "{}", ext.raw);
    // Internal links get no rel.
    let internal =
        tags(&html, "a").into_iter().find(|t| t.attr("href") == Some("/es/regiones/")).expect("the internal link");
    assert_eq!(internal.attr("rel"), None, "{}", internal.raw);
}

#[test]
fn root_index_redirects_to_the_default_language() {
    let site = built();
    let html = site.html("index.html");
    let refresh =
        tags(&html, "meta").into_iter().find(|t| t.attr("http-equiv") == Some("refresh")).expect("a meta refresh");
    assert_eq!(refresh.attr("content"), Some("0; url=/es/"));
    assert_eq!(html_lang(&html).as_deref(), Some("es"));
    // It also offers a plain link to every language.
    let links = hrefs(&html);
    assert!(links.contains(&"/es/".into()) && links.contains(&"/en/".into()), "{links:?}");
}

#[test]
fn not_found_pages_exist_per_language_and_at_the_root() {
    let site = built();
    let es = site.html("es/404.html");
    let en = site.html("en/404.html");
    assert_eq!(html_lang(&es).as_deref(), Some("es"));
    assert_eq!(html_lang(&en).as_deref(), Some("en"));
    assert!(en.contains("Page not found"), "{en}");
    // The root 404 is the default language's.
    assert_eq!(site.html("404.html"), es);
}

#[test]
fn drafts_are_skipped_unless_the_drafts_flag_is_given() {
    let site = built();
    let draft = "es/campanas/borrador/index.html";
    assert!(!site.public().join(draft).exists(), "a draft was published");
    let list = site.html("es/campanas/index.html");
    assert!(!hrefs(&list).contains(&"/es/campanas/borrador/".into()));

    let out = site.path().join("preview");
    let run = site.build_ok(&["--drafts", "--output", out.to_str().unwrap()]);
    assert!(run.stdout.contains("(es 9, en 6)"), "{}", run.stdout);
    let html = read_text(&out.join(draft));
    assert!(html.contains("Borrador: campaña en mercados"));
    // The draft is the newest campaign, so it heads the list.
    let list = read_text(&out.join("es/campanas/index.html"));
    let cards = element(&list, "ul", |t| t.has_class("cards")).expect("the list of pages");
    assert_eq!(hrefs(cards).first().map(String::as_str), Some("/es/campanas/borrador/"));
}

#[test]
fn section_lists_are_ordered_by_date_newest_first() {
    let site = built();
    let list = site.html("es/campanas/index.html");
    let cards = element(&list, "ul", |t| t.has_class("cards")).expect("the list of pages");
    // Weight and title would both give linea-1818, escuelas, redes-sociales.
    assert_eq!(
        hrefs(cards),
        vec!["/es/campanas/redes-sociales/", "/es/campanas/escuelas/", "/es/campanas/linea-1818/",]
    );
    let list = site.html("en/campaigns/index.html");
    let cards = element(&list, "ul", |t| t.has_class("cards")).expect("the list of pages");
    assert_eq!(hrefs(cards), vec!["/en/campaigns/schools/", "/en/campaigns/hotline-1818/"]);
}

#[test]
fn site_static_files_are_copied_and_replace_theme_files() {
    let site = Site::fixture("bilingual");
    site.build_ok(&[]);
    let theme_css = std::fs::read(site.public().join("faro.css")).unwrap();
    let stylesheet = |site: &Site| {
        tags(&site.html("es/index.html"), "link")
            .into_iter()
            .find(|t| t.attr("rel") == Some("stylesheet"))
            .and_then(|t| t.attr("href").map(str::to_string))
            .expect("a stylesheet")
    };
    let theme_href = stylesheet(&site);

    let css = "body { color: #1d4e89; }\n";
    site.write("static/faro.css", css);
    site.write("static/docs/guia-1818.txt", "Llama gratis al 1818.\n");
    site.build_ok(&[]);
    assert_eq!(std::fs::read(site.public().join("faro.css")).unwrap(), css.as_bytes());
    assert_ne!(theme_css, css.as_bytes());
    assert_eq!(std::fs::read(site.public().join("docs/guia-1818.txt")).unwrap(), b"Llama gratis al 1818.\n");
    // The cache-busting version follows the file that is actually served.
    let href = stylesheet(&site);
    assert!(href.starts_with("/faro.css?v="), "{href}");
    assert_ne!(href, theme_href, "the stylesheet URL must change with its content");
}
