//! Issue 17, theme: the quick exit on every HTML page a reader can open (the kits' posters
//! and flyers included, which had none), hidden in print; and a main menu that folds behind
//! a `<details>` on a phone, so the help line stays in the first screen.

use crate::support::*;

/// Why an HTML file faro writes carries no quick exit, or None when it must carry one.
fn not_for_readers(path: &str, html: &str) -> Option<&'static str> {
    if html.contains("http-equiv=\"refresh\" content=\"0;") {
        // The root language redirect and alias redirects move on at once, without script.
        return Some("a redirect, shown for no time");
    }
    if path.ends_with("/embed/index.html") {
        // Made to sit in an <iframe> on another organisation's page, whose own exit serves
        // the reader; a button in the frame would move only the frame, not the tab.
        return Some("an embed, shown inside another site's page");
    }
    None
}

/// The first `<a>` after `<body`, the one the Tab key reaches first.
fn first_link(html: &str) -> Tag {
    let body = html.find("<body").expect("a <body>");
    tags(&html[body..], "a").into_iter().next().expect("a link in the body")
}

#[test]
fn every_html_page_a_reader_can_open_has_the_quick_exit_first_posters_and_flyers_included() {
    let site = example_site();
    site.build_ok(&["--no-pdf"]);
    let (mut checked, mut printables, mut skipped) = (0, 0, std::collections::BTreeMap::new());
    for (path, html) in html_files(&snapshot(&site.public())) {
        if let Some(why) = not_for_readers(path, &html) {
            *skipped.entry(why).or_insert(0) += 1;
            continue;
        }
        let exit = first_link(&html);
        assert_eq!(exit.attr("id"), Some("faro-exit"), "{path}: the first link is not the quick exit: {}", exit.raw);
        assert_eq!(exit.attr("href"), Some("https://www.google.com/"), "{path}: the exit is a plain link");
        assert!(html.contains("quick-exit.js?v="), "{path}: no quick-exit script (Escape three times, no Back)");
        checked += 1;
        if path.ends_with("index.html") || path.ends_with("404.html") {
            continue;
        }
        // A printable: self-contained, its exit bar is screen-only and its own print rules hide it.
        printables += 1;
        let bar = element(&html, "nav", |t| t.has_class("exit-bar")).expect("an exit bar");
        assert!(bar.starts_with("<nav class=\"exit-bar screen-only\""), "{path}: {bar}");
        let print = &html[html.find("@media print").expect("print rules")..];
        assert!(print.contains(".screen-only { display: none; }"), "{path}: the exit would print");
        assert!(html.contains("script-src 'self';"), "{path}: the CSP must let the site's own exit script run");
    }
    assert_eq!(printables, 18, "three kits in two languages, three printables each");
    assert!(checked > 80, "only {checked} pages");
    assert_eq!(
        skipped.into_iter().collect::<Vec<_>>(),
        [("a redirect, shown for no time", 3), ("an embed, shown inside another site's page", 28)],
        "the pages without an exit are the root redirect, two aliases and the embeds"
    );
}

#[test]
fn printables_have_no_exit_and_no_script_when_the_quick_exit_is_off() {
    let site = example_site();
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    assert!(yaml.contains("quick_exit:\n  enabled: true\n"), "the example turns the quick exit on");
    site.write("site.yaml", yaml.replace("quick_exit:\n  enabled: true\n", "quick_exit:\n  enabled: false\n"));
    site.build_ok(&["--no-pdf"]);
    let poster = site.html("es/campanas/linea-1818/materiales/afiche-a4.html");
    assert!(!poster.contains("faro-exit") && !poster.contains("<script"), "{poster}");
    assert!(poster.contains("script-src 'none';"), "no script may run in a poster without the exit");
    // With it on (the example's own site.yaml), the same poster has both.
    site.write("site.yaml", yaml);
    site.build_ok(&["--no-pdf"]);
    let poster = site.html("es/campanas/linea-1818/materiales/afiche-a4.html");
    assert_eq!(first_link(&poster).attr("id"), Some("faro-exit"));
    let safety = tags(&poster, "a").into_iter().find(|t| t.has_class("exit-safety")).expect("browse safely");
    assert_eq!(safety.attr("href"), Some("/es/navegar-seguro/"));
}

/// A site with a main menu of eight entries in each language.
fn long_menu_site() -> Site {
    let site = minimal_site();
    let mut yaml = String::from(
        "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: \"Alto a la trata\", en: \"Stop Trafficking\" }\n\
         help_lines:\n  - { name: { es: \"Línea 1818\", en: \"1818 line\" }, phone: \"1818\" }\nmenus:\n",
    );
    for lang in ["es", "en"] {
        yaml.push_str(&format!("  {lang}:\n"));
        for n in 1..=8 {
            yaml.push_str(&format!("    - {{ name: \"Entrada {n}\", url: \"/{lang}/p{n}/\" }}\n"));
            site.write(&format!("content/{lang}/p{n}.md"), format!("---\ntitle: \"Página {n}\"\n---\n\nTexto.\n"));
        }
    }
    site.write("site.yaml", yaml);
    site
}

#[test]
fn a_long_main_menu_folds_behind_a_summary_that_works_without_script() {
    let site = long_menu_site();
    site.build_ok(&[]);
    for (file, label) in [("es/p3/index.html", "Menú"), ("en/index.html", "Menu")] {
        let html = site.html(file);
        let nav = element(&html, "nav", |t| t.has_class("site-nav")).expect("the main menu");
        let details = tags(nav, "details");
        assert_eq!(details.len(), 1, "{file}: the menu folds in one <details>: {nav}");
        assert!(details[0].attr("open").is_none(), "{file}: folded by default, so a phone shows the help line");
        let summary = element(nav, "summary", |_| true).expect("a summary, the control");
        assert!(summary.contains(&format!(">{label}<")), "{file}: the control is named {label}: {summary}");
        let links = tags(nav, "a");
        assert_eq!(links.len(), 8, "{file}: every entry is inside the fold");
        assert!(nav.find("<summary").unwrap() < links[0].at, "{file}: the summary comes first");
        // The help line follows the header, so on a phone it comes right after the summary.
        assert!(html.find("class=\"help-bar\"").unwrap() > html.find("</header>").unwrap(), "{file}");
    }
    assert!(site.html("es/p3/index.html").contains("<li><a href=\"/es/p3/\" aria-current=\"page\">Entrada 3</a></li>"));
    // From 48rem the menu stands unfolded and the summary goes, where browsers can style
    // the fold's content; elsewhere the summary stays, so the menu is never out of reach.
    let css = site.html("faro.css");
    let wide = &css[css.find("@supports selector(::details-content)").expect("the unfold rule")..];
    assert!(wide.contains("@media (min-width: 48rem)"), "{wide}");
    assert!(wide.contains(".menu-toggle { display: none; }"), "{wide}");
    assert!(wide.contains(".menu-fold::details-content { content-visibility: visible;"), "{wide}");
    // Never printed, as before.
    let print = &css[css.find("@media print").unwrap()..];
    assert!(print.contains(".site-nav"), "the menu is hidden in print");
}
