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
