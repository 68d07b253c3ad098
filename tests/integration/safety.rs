//! Issue 3: quick exit, help lines and privacy headers, as the HTML carries them.

use crate::support::*;

const SITE_YAML: &str = "base_url: \"https://example.org/\"\n\
     languages: [es, en]\n\
     title: { es: \"Alto a la trata\", en: \"Stop Trafficking\" }\n\
     help_lines:\n\
     \x20 - name: { es: \"Línea 1818\", en: \"1818 line\" }\n\
     \x20   phone: \"1818\"\n\
     \x20 - name: { es: \"Comisaría\", en: \"Police station\" }\n";

fn site_with(extra_yaml: &str) -> Site {
    let site = minimal_site();
    site.write("site.yaml", format!("{SITE_YAML}{extra_yaml}"));
    site
}

#[test]
fn quick_exit_is_on_by_default_and_first_on_the_page() {
    let site = site_with("");
    site.build_ok(&[]);
    for file in ["es/index.html", "en/hotline-1818/index.html", "es/404.html"] {
        let html = site.html(file);
        let body = &html[html.find("<body").unwrap()..];
        let first_link = tags(body, "a").into_iter().next().expect("a link");
        assert_eq!(first_link.attr("id"), Some("faro-exit"), "{file}: the quick exit is not the first link");
        assert_eq!(first_link.attr("href"), Some("https://www.google.com/"), "{file}");
        assert!(html.contains("<script src=\"/quick-exit.js?v="), "{file}: no quick-exit script");
    }
    assert!(site.public().join("quick-exit.js").is_file());
}

#[test]
fn quick_exit_takes_its_neutral_site_and_safety_page_from_site_yaml() {
    let site = site_with("quick_exit:\n  url: \"https://weather.example/\"\n  safety_page: \"linea-1818.md\"\n");
    site.build_ok(&[]);
    let es = site.html("es/index.html");
    assert!(es.contains("href=\"https://weather.example/\""), "{es}");
    assert!(es.contains("<a class=\"exit-safety\" href=\"/es/linea-1818/\">Navegar seguro</a>"), "{es}");
    let en = site.html("en/index.html");
    assert!(en.contains("<a class=\"exit-safety\" href=\"/en/hotline-1818/\">Browse safely</a>"), "{en}");
}

#[test]
fn quick_exit_can_be_turned_off() {
    let site = site_with("quick_exit: { enabled: false }\n");
    site.build_ok(&[]);
    let html = site.html("es/index.html");
    assert!(!html.contains("faro-exit"), "{html}");
    let runnable = html.matches("<script").count() - html.matches("<script type=\"application/ld+json\">").count();
    assert_eq!(runnable, 0, "no script to run when the quick exit is off: {html}");
    assert!(html.contains("class=\"skip-link\""), "the skip link stays: {html}");
}

#[test]
fn errors_on_a_safety_page_missing_in_one_language() {
    let run = break_and_rebuild(&site_with(""), |s| {
        s.write("site.yaml", format!("{SITE_YAML}quick_exit:\n  safety_page: \"solo-es.md\"\n"));
        s.write("content/es/solo-es.md", "---\ntitle: \"Navegar seguro\"\n---\n");
    });
    let line = run.diagnostic("site.yaml:9:16: error[safety-page]: ");
    assert!(line.contains("content/en/solo-es.md"), "{line}");
}

#[test]
fn help_lines_show_on_every_page_with_tel_links_only_where_there_is_a_phone() {
    let site = site_with("");
    site.build_ok(&[]);
    let html = site.html("en/hotline-1818/index.html");
    let tel: Vec<String> = hrefs(&html).into_iter().filter(|h| h.starts_with("tel:")).collect();
    assert!(tel.iter().all(|h| h == "tel:1818"), "{tel:?}");
    assert!(tel.len() >= 2, "help bar and footer both link the line: {tel:?}");
    assert!(html.contains("<strong>Police station</strong>"), "the channel without a phone is listed: {html}");
}

#[test]
fn every_page_sets_a_content_security_policy_and_no_referrer() {
    let site = site_with("");
    site.build_ok(&[]);
    for (file, html) in html_files(&snapshot(&site.public())) {
        if file == "index.html" {
            continue; // the root redirect carries no content of its own
        }
        assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';"), "{file}");
        assert!(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "{file}");
    }
}
