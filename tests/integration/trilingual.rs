//! A three-language site (es, en, qu), where the theme has no strings for Quechua and
//! site.yaml lets Spanish fill them in.

use crate::support::*;

fn built() -> (Site, Run) {
    let site = Site::fixture("trilingual");
    let run = site.build_ok(&[]);
    (site, run)
}

#[test]
fn three_language_site_builds_without_a_warning_when_quechua_falls_back_to_spanish() {
    let (site, run) = built();
    assert!(run.stdout.contains("Built 11 pages (es 4, en 4, qu 3), "), "{}", run.stdout);
    // Issue 17: `fallback: es` is the site's choice, so the borrowed strings are not warned about.
    assert!(!run.stderr.contains("missing-ui-strings"), "{}", run.stderr);
    assert!(run.errors().is_empty(), "{}", run.stderr);
    for (file, lang) in [
        ("qu/index.html", "qu"),
        ("qu/denuncia/index.html", "qu"),
        ("qu/404.html", "qu"),
        ("en/press/index.html", "en"),
    ] {
        assert_eq!(html_lang(&site.html(file)).as_deref(), Some(lang), "{file}");
    }
}

#[test]
fn each_page_lists_only_the_alternates_that_exist() {
    let (site, _) = built();
    let url = |lang: &str, slug: &str| format!("https://example.org/{lang}/{slug}/");
    // (slug, languages it exists in, the language x-default points to)
    let cases: [(&str, &[&str], &str); 4] = [
        ("linea-1818", &["es", "en", "qu"], "es"),
        ("denuncia", &["es", "qu"], "es"),
        ("acerca", &["es", "en"], "es"),
        ("press", &["en"], "en"),
    ];
    for (slug, langs, default) in cases {
        for lang in langs.iter() {
            let file = format!("{lang}/{slug}/index.html");
            let html = site.html(&file);
            let mut expected: Vec<(String, String)> = langs.iter().map(|l| (l.to_string(), url(l, slug))).collect();
            expected.push(("x-default".into(), url(default, slug)));
            let mut got = alternates(&html);
            got.sort();
            expected.sort();
            assert_eq!(got, expected, "alternates of {file}");

            // The switcher: a real link where the translation exists, the home otherwise.
            for other in ["es", "en", "qu"].into_iter().filter(|o| o != lang) {
                let a = switcher_link(&html, other);
                if langs.contains(&other) {
                    assert_eq!(a.attr("href"), Some(format!("/{other}/{slug}/").as_str()), "{file}");
                    assert!(!a.has_class("lang-missing"), "{file}: {}", a.raw);
                } else {
                    assert_eq!(a.attr("href"), Some(format!("/{other}/").as_str()), "{file}");
                    assert!(a.has_class("lang-missing"), "{file}: {}", a.raw);
                }
            }
        }
    }
}

#[test]
fn language_without_theme_strings_is_not_labelled_with_another_languages_name() {
    let (site, _) = built();
    let html = site.html("es/linea-1818/index.html");
    let to_qu = switcher_link(&html, "qu");
    let label = element(&html[to_qu.at..], "a", |_| true).unwrap();
    assert!(!label.contains("Español"), "the link to the Quechua page is labelled as Spanish: {label}");
    let html = site.html("qu/linea-1818/index.html");
    let current = element(lang_switch(&html), "span", |t| t.has_class("lang-current")).unwrap();
    assert!(!current.contains("Español"), "the current language, qu, shows as: {current}");
}

#[test]
fn site_i18n_file_supplies_the_strings_of_a_language_the_theme_lacks() {
    let site = Site::fixture("trilingual");
    // A complete qu.yaml: the theme's English strings with a Quechua language name.
    let en = read_text(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/en.yaml"));
    let qu: String =
        en.lines()
            .map(|l| {
                if l.starts_with("language_name:") {
                    "language_name: \"Runasimi\"".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
    site.write("i18n/qu.yaml", qu);
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("missing-ui-strings"), "{}", run.stderr);
    let html = site.html("es/linea-1818/index.html");
    let to_qu = switcher_link(&html, "qu");
    let link = element(&html[to_qu.at..], "a", |_| true).unwrap();
    assert!(link.contains(">Runasimi<"), "{link}");
}

/// The fixture with a quick exit, help lines, a contact, an organization and menus, so every
/// part of the frame shows; the Spanish and Quechua menus lead into English.
fn framed_site(qu_fallback: &str) -> Site {
    let site = Site::fixture("trilingual");
    site.write(
        "site.yaml",
        format!(
            "base_url: \"https://example.org/\"\n\
             languages: [es, en, {{ code: qu{qu_fallback} }}]\n\
             title: {{ es: \"Alto a la trata\", en: \"Stop Trafficking\", qu: \"Yanapay 1818\" }}\n\
             organization: {{ es: \"Observatorio\", en: \"Observatory\", qu: \"Qhawana\" }}\n\
             contact: {{ email: \"contacto@example.org\" }}\n\
             quick_exit: {{ enabled: true, url: \"https://www.google.com/\" }}\n\
             help_lines:\n  - {{ name: {{ es: \"Línea 1818\", en: \"1818 line\", qu: \"1818 waqyana\" }}, phone: \"1818\" }}\n\
             menus:\n\
             \x20 es: [{{ name: \"Versión en inglés\", page: \"linea-1818.md\", lang: en }}]\n\
             \x20 en: [{{ name: \"Home\", page: \"_index.md\" }}]\n\
             \x20 qu: [{{ name: \"Inglés simipi\", page: \"linea-1818.md\", lang: en }}]\n"
        ),
    );
    site
}

/// The start tags of `html`'s body that carry `lang`, outside the language switcher (whose
/// entries are each marked with their own language).
fn marked_tags(html: &str) -> Vec<String> {
    let body = &html[html.find("<body").expect("a body")..];
    let switcher = element(body, "nav", |t| t.has_class("lang-switch")).unwrap_or("");
    let body = body.replacen(switcher, "", 1);
    let names = ["a", "span", "p", "h1", "h2", "strong", "label", "button", "nav", "summary", "time", "li"];
    let mut out: Vec<String> =
        names.iter().flat_map(|n| tags(&body, n)).filter(|t| t.attr("lang").is_some()).map(|t| t.raw).collect();
    out.sort();
    out
}

fn exit_button(html: &str) -> &str {
    element(html, "a", |t| t.attr("id") == Some("faro-exit")).expect("the quick exit")
}

/// Issue 17 (marks): a Quechua page borrowing Spanish interface strings ("Salir rápido",
/// "¿Necesitas ayuda?", "Buscar", "Inicio") left them unmarked, so a screen reader read
/// Spanish with Quechua rules (WCAG 2.1 SC 3.1.2): each is now marked `lang="es"`.
#[test]
fn borrowed_interface_strings_are_marked_with_the_language_they_are_written_in() {
    let site = framed_site(", fallback: es");
    // A string the site rewrote is still text, never markup, when marked.
    site.write("i18n/es.yaml", "footer_contact: \"Contacto <correo> & teléfono\"\n");
    site.build_ok(&[]);
    let qu = site.html("qu/linea-1818/index.html");
    assert_eq!(html_lang(&qu).as_deref(), Some("qu"));
    assert!(
        exit_button(&qu).contains("><span lang=\"es\">Salir rápido</span><span class=\"exit-hint\" lang=\"es\">"),
        "{}",
        exit_button(&qu)
    );
    let marked = marked_tags(&qu);
    for tag in [
        "<a class=\"skip-link\" href=\"#faro-main\" lang=\"es\">",
        "<a class=\"search-link\" href=\"/qu/buscar/\" lang=\"es\">",
        "<strong lang=\"es\">",
        "<a href=\"/qu/\" lang=\"es\">",
        "<h2 id=\"footer-help-title\" lang=\"es\">",
        "<p lang=\"es\">",
    ] {
        assert!(marked.iter().any(|m| m == tag), "{tag} is not among the marked tags of the qu page: {marked:#?}");
    }
    assert!(qu.contains("<strong lang=\"es\">¿Necesitas ayuda?</strong>"), "the help bar");
    assert!(qu.contains("<a href=\"/qu/\" lang=\"es\">Inicio</a>"), "the breadcrumb");
    assert!(
        qu.contains("<p><span lang=\"es\">Contacto &lt;correo&gt; &amp; teléfono</span>: <a href=\"mailto:"),
        "{qu}"
    );
    // The site's own text on the same page (its help line) is Quechua: unmarked.
    assert!(qu.contains("<a class=\"help-line\" href=\"tel:1818\">1818 waqyana</a>"), "{qu}");

    let search = site.html("qu/buscar/index.html");
    for text in [
        "<h1 lang=\"es\">Buscar</h1>",
        "<label for=\"search-q\" lang=\"es\">Buscar en el sitio</label>",
        "<button type=\"submit\" lang=\"es\">Buscar</button>",
        "<p class=\"search-status\" role=\"status\" aria-live=\"polite\" lang=\"es\"></p>",
    ] {
        assert!(search.contains(text), "{text} in the qu search page:\n{search}");
    }
    let not_found = site.html("qu/404.html");
    assert!(not_found.contains("<h1 lang=\"es\">Página no encontrada</h1>"), "{not_found}");
    assert!(not_found.contains("<a href=\"/qu/\" lang=\"es\">Volver a la portada</a>"), "{not_found}");

    // A Spanish page's strings are its own: nothing is marked, not even its menu entry into
    // English, whose name is Spanish ("Versión en inglés").
    for file in ["es/linea-1818/index.html", "es/buscar/index.html", "es/404.html", "en/index.html"] {
        assert_eq!(marked_tags(&site.html(file)), Vec::<String>::new(), "{file}");
    }
}

/// `faro theme strings qu` copies the Spanish text with `copied_from: es`: each copy is marked
/// Spanish until translated; a translated string is Quechua, unmarked. Values stay text.
#[test]
fn a_translated_string_is_unmarked_and_a_copy_stays_marked() {
    let site = framed_site("");
    let out = std::process::Command::new(faro())
        .args(["theme", "strings", "qu", "--site"])
        .arg(site.path())
        .output()
        .expect("run faro");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = read_text(&site.path().join("i18n/qu.yaml"));
    assert!(file.contains("\ncopied_from: \"es\"\n"), "{file}");
    site.build_ok(&[]);
    let copied = site.html("qu/linea-1818/index.html");
    assert!(exit_button(&copied).contains("<span lang=\"es\">Salir rápido</span>"), "{}", exit_button(&copied));

    let translated = file.replace("quick_exit: \"Salir rápido\"", "quick_exit: \"Usqhaylla <lluqsiy> & ripuy\"");
    assert_ne!(translated, file, "the test's replacement missed:\n{file}");
    site.write("i18n/qu.yaml", translated);
    site.build_ok(&[]);
    let qu = site.html("qu/linea-1818/index.html");
    let exit = exit_button(&qu);
    assert!(exit.contains(">Usqhaylla &lt;lluqsiy&gt; &amp; ripuy<span class=\"exit-hint\" lang=\"es\">"), "{exit}");
    // The other strings are still copies.
    assert!(qu.contains("<strong lang=\"es\">¿Necesitas ayuda?</strong>"), "{qu}");
}

/// A string borrowed from a language that runs the other way also says its direction.
#[test]
fn a_borrowed_string_on_a_right_to_left_page_says_its_direction() {
    let site = Site::from_files(&[
        (
            "site.yaml",
            "base_url: \"https://example.org/\"\nlanguages: [en, { code: ar, fallback: en }]\n\
             title: { en: \"Stop Trafficking\", ar: \"أوقفوا الاتجار\" }\n",
        ),
        ("content/en/_index.md", "---\ntitle: \"Home\"\n---\n\nText.\n"),
        ("content/ar/_index.md", "---\ntitle: \"الرئيسية\"\n---\n\nنص.\n"),
        ("content/en/about.md", "---\ntitle: \"About\"\n---\n\nText.\n"),
        ("content/ar/about.md", "---\ntitle: \"حول\"\n---\n\nنص.\n"),
    ]);
    site.build_ok(&[]);
    let ar = site.html("ar/about/index.html");
    assert!(ar.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
    assert!(ar.contains("<a href=\"/ar/\" lang=\"en\" dir=\"ltr\">Home</a>"), "{ar}");
    assert_eq!(marked_tags(&site.html("en/about/index.html")), Vec::<String>::new());
}
