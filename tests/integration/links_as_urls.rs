//! Issue 17, links written as URLs (Hugo-style): a site path (`/es/guia/`) or a relative
//! URL read from the published page (`../../navegar-seguro/`) that names a page is resolved
//! at build like a link to its file: canonical URL with the slash, fragment checked at the
//! link's line, `hreflang` into another language. One naming nothing published is a warning
//! at its line, an error in `faro check`; static/ files and faro's own files are known.
//! Every case at the root and under a subpath.

use crate::support::*;

const SUB: &str = "https://example.org/sub/";

/// The minimal site with `content/<rel>` pages (title + body from line 5), and
/// `base_url` in site.yaml set to `base` (for `faro check`, which reads only site.yaml).
fn site_with(base: &str, pages: &[(&str, &str)]) -> Site {
    let site = minimal_site();
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", yaml.replace("https://example.org/", base));
    for (rel, body) in pages {
        site.write(&format!("content/{rel}"), format!("---\ntitle: \"{rel}\"\n---\n\n{body}\n"));
    }
    site
}

/// `line:col` of `needle` in a page body written by `site_with` (the body starts at line 5).
fn at(body: &str, needle: &str) -> String {
    let i = body.find(needle).unwrap_or_else(|| panic!("`{needle}` not in the body"));
    let line = body[..i].matches('\n').count() + 5;
    let col = body[..i].rfind('\n').map_or(i, |n| i - n - 1) + 1;
    format!("{line}:{col}")
}

/// The base path of `base`: `/` or `/sub/`.
fn path_of(base: &str) -> &'static str {
    if base == SUB {
        "/sub/"
    } else {
        "/"
    }
}

/// The finding lines of a `faro check` report.
fn findings(run: &Run) -> Vec<&str> {
    run.stdout.lines().filter(|l| l.contains(": error[") || l.contains(": warning[")).collect()
}

/// The `<a>` tags of the page's `<main>`.
fn main_links(site: &Site, file: &str) -> Vec<Tag> {
    let html = site.html(file);
    let main = element(&html, "main", |_| true).unwrap_or(&html).to_string();
    tags(&main, "a")
}

/// The hrefs of the `<a>` tags of the page's `<main>`, in order.
fn hrefs_of(links: &[Tag]) -> Vec<&str> {
    links.iter().filter_map(|a| a.attr("href")).collect()
}

const GUIA: (&str, &str) = ("es/guia.md", "## Año 2021\n\nTexto.");
const NAVEGAR: (&str, &str) = ("es/navegar-seguro.md", "## Pasos\n\nTexto.");
const LISTA: &str = "content/es/recursos/lista.md";

#[test]
fn a_site_path_to_a_page_has_its_fragment_checked_at_build_at_the_links_line() {
    let body = "Ver [la guía](/es/guia/#año-2021).\n\nY [otra](/es/guia/#no-such-heading).";
    for base in ["https://example.org/", SUB] {
        let site = site_with(base, &[GUIA, ("es/recursos/lista.md", body)]);
        let args = ["--base-url", base];
        let run = site.build(&args);
        run.assert_failure();
        let line = run.diagnostic(&format!("{LISTA}:{}: error[broken-anchor]: ", at(body, "[otra]")));
        assert!(line.contains("`#no-such-heading`") && line.contains("content/es/guia.md"), "{line}");
        assert_eq!(run.errors().len(), 1, "{}", run.stderr);
        // faro check reports it once, at its line too.
        let report = site.check(&[]);
        let found = findings(&report);
        assert_eq!(found.iter().filter(|l| l.contains("[broken-anchor]")).count(), 1, "{}", report.stdout);
        assert!(
            found.iter().any(|l| l.starts_with(&format!("{LISTA}:{}: error[broken-anchor]", at(body, "[otra]")))),
            "{}",
            report.stdout
        );
        // Fixed, the good one gets the heading's real id, under the base path.
        site.write(
            "content/es/recursos/lista.md",
            "---\ntitle: \"Lista\"\n---\n\nVer [la guía](/es/guia/#año-2021).\n",
        );
        site.build_ok(&args);
        let links = main_links(&site, "es/recursos/lista/index.html");
        assert!(hrefs_of(&links).contains(&format!("{}es/guia/#anio-2021", path_of(base)).as_str()), "{links:?}");
    }
}

#[test]
fn a_relative_url_that_works_from_the_published_page_links_to_that_page() {
    // content/es/recursos/guia.md is published at /es/recursos/guia/: from there
    // `../../navegar-seguro/` is /es/navegar-seguro/, though no source file has that name.
    let body = "Ver [seguro](../../navegar-seguro/), [sin barra](../../navegar-seguro)\n\
                y [los pasos](../../navegar-seguro/#pasos).";
    for base in ["https://example.org/", SUB] {
        let site = site_with(base, &[NAVEGAR, ("es/recursos/guia.md", body)]);
        let run = site.build_ok(&["--base-url", base]);
        assert!(!run.stderr.contains("broken-link"), "{}", run.stderr);
        let links = main_links(&site, "es/recursos/guia/index.html");
        let p = path_of(base);
        let hrefs = hrefs_of(&links);
        let (page, pasos) = (format!("{p}es/navegar-seguro/"), format!("{p}es/navegar-seguro/#pasos"));
        // With and without the slash, both to the page's canonical URL.
        assert_eq!(hrefs.iter().filter(|h| **h == page).count(), 2, "{hrefs:?}");
        assert!(hrefs.contains(&pasos.as_str()), "{hrefs:?}");
        let report = site.check(&[]);
        assert_eq!(report.status.code(), Some(0), "{}", report.stdout);
        assert!(!report.stdout.contains("[broken-"), "{}", report.stdout);
        // Its fragment is checked like a file link's, at the link's line.
        let bad = "Ver [los pasos](../../navegar-seguro/#nada).";
        site.write("content/es/recursos/guia.md", format!("---\ntitle: \"Guía\"\n---\n\n{bad}\n"));
        let run = site.build(&["--base-url", base]);
        run.assert_failure();
        run.assert_diagnostic(&format!("content/es/recursos/guia.md:{}: error[broken-anchor]: ", at(bad, "[los")));
    }
}

#[test]
fn a_site_path_without_its_slash_gets_the_canonical_url_and_hreflang() {
    let body = "Ver [seguro](/es/navegar-seguro) y [English](/en/hotline-1818#faro-main).";
    for base in ["https://example.org/", SUB] {
        let site = site_with(base, &[NAVEGAR, ("es/enlaces.md", body)]);
        let run = site.build_ok(&["--base-url", base]);
        assert!(!run.stderr.contains("broken-link"), "{}", run.stderr);
        let links = main_links(&site, "es/enlaces/index.html");
        let p = path_of(base);
        assert!(hrefs_of(&links).contains(&format!("{p}es/navegar-seguro/").as_str()), "{links:?}");
        let english = links.iter().find(|a| a.attr("href").is_some_and(|h| h.contains("hotline"))).expect("English");
        assert_eq!(english.attr("href"), Some(format!("{p}en/hotline-1818/#faro-main").as_str()), "{english:?}");
        assert_eq!(english.attr("hreflang"), Some("en"), "{english:?}");
        // That page has no heading `#arriba`: its fragment is checked like a file link's.
        site.write("content/es/enlaces.md", "---\ntitle: \"Enlaces\"\n---\n\n[English](/en/hotline-1818#arriba)\n");
        let run = site.build(&["--base-url", base]);
        run.assert_failure();
        run.assert_diagnostic("content/es/enlaces.md:5:1: error[broken-anchor]: ");
    }
}

#[test]
fn a_site_path_to_nothing_published_is_a_warning_at_its_line_and_an_error_in_check() {
    // static/ files and faro's own (search page, sitemap) are published too: never reported.
    let body = "Ver [nada](/es/no-existe/), [el PDF](/docs/guia.pdf), [buscar](/es/buscar/?q=1818)\n\
                y [el mapa](/sitemap.xml).";
    for base in ["https://example.org/", SUB] {
        let site = site_with(base, &[("es/enlaces.md", body)]);
        site.write("static/docs/guia.pdf", "%PDF-1.4\n");
        let run = site.build_ok(&["--base-url", base]);
        let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.contains("warning[broken-link]")).collect();
        assert_eq!(warnings.len(), 1, "{}", run.stderr);
        let prefix = format!("content/es/enlaces.md:{}: warning[broken-link]: ", at(body, "[nada]"));
        assert!(warnings[0].starts_with(&prefix) && warnings[0].contains("`/es/no-existe/`"), "{warnings:?}");
        let report = site.check(&[]);
        assert_eq!(report.status.code(), Some(1), "{}", report.stdout);
        let found: Vec<&str> = findings(&report).into_iter().filter(|l| l.contains("[broken-link]")).collect();
        let prefix = format!("content/es/enlaces.md:{}: error[broken-link]: ", at(body, "[nada]"));
        assert_eq!(found.len(), 1, "{}", report.stdout);
        assert!(found[0].starts_with(&prefix), "{found:?}");
    }
}

#[test]
fn a_site_path_written_with_the_base_path_is_linked_once_with_a_warning() {
    let body = "Ver [seguro](/sub/es/navegar-seguro/).";
    let site = site_with(SUB, &[NAVEGAR, ("es/enlaces.md", body)]);
    let run = site.build_ok(&[]);
    let line = run.diagnostic(&format!("content/es/enlaces.md:{}: warning[broken-link]: ", at(body, "[seguro]")));
    assert!(line.contains("carries the base path /sub/"), "{line}");
    assert!(run.stderr.contains("write `/es/navegar-seguro/`"), "{}", run.stderr);
    let links = main_links(&site, "es/enlaces/index.html");
    assert!(hrefs_of(&links).contains(&"/sub/es/navegar-seguro/"), "{links:?}");
}

#[test]
fn a_link_to_a_folder_without_its_slash_is_a_warning_in_check_not_an_error() {
    // The search page is made by faro, after the Markdown: the href stays as written.
    let body = "Ver [buscar](/es/buscar).";
    for base in ["https://example.org/", SUB] {
        let site = site_with(base, &[("es/enlaces.md", body)]);
        let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
        site.write("site.yaml", format!("{yaml}menus:\n  es:\n    - {{ name: \"Buscar\", url: \"/es/buscar\" }}\n"));
        let run = site.build_ok(&[]);
        let line = run.diagnostic(&format!("content/es/enlaces.md:{}: warning[broken-link]: ", at(body, "[buscar]")));
        assert!(line.contains("without its final slash"), "{line}");
        let report = site.check(&[]);
        assert_eq!(report.status.code(), Some(0), "{}", report.stdout);
        let found: Vec<&str> = findings(&report).into_iter().filter(|l| l.contains("[broken-link]")).collect();
        assert!(found.iter().all(|l| l.contains(": warning[") && l.contains("without its final slash")), "{found:?}");
        // Each once, at its place: the Markdown link at its line, the menu's at its entry.
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|l| l.starts_with("content/es/enlaces.md:")), "{found:?}");
        assert!(found.iter().any(|l| l.starts_with("site.yaml:6:30: ")), "{found:?}");
        // Both hints as the path is written: from the site's root, without the base path.
        assert_eq!(report.stdout.matches("write `/es/buscar/`").count(), 2, "{}", report.stdout);
    }
}

#[test]
fn a_menu_url_to_nothing_published_is_a_warning_at_its_entry_and_an_error_in_check_said_once() {
    for base in ["https://example.org/", SUB] {
        let site = site_with(base, &[NAVEGAR]);
        let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
        let yaml = format!(
            "{yaml}menus:\n  es:\n    - {{ name: \"Nada\", url: \"/es/nada/\" }}\n    - {{ name: \"Seguro\", url: \"/es/navegar-seguro/\" }}\n"
        );
        site.write("site.yaml", &yaml);
        let run = site.build_ok(&[]);
        let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.contains("[broken-link]")).collect();
        let at = yaml.lines().position(|l| l.contains("/es/nada/")).unwrap() + 1;
        assert_eq!(warnings.len(), 1, "{}", run.stderr);
        assert!(warnings[0].starts_with(&format!("site.yaml:{at}:28: warning[broken-link]: ")), "{warnings:?}");
        assert!(warnings[0].contains("`/es/nada/` of menu entry `Nada`"), "{warnings:?}");
        let report = site.check(&[]);
        assert_eq!(report.status.code(), Some(1), "{}", report.stdout);
        let found: Vec<&str> = findings(&report).into_iter().filter(|l| l.contains("[broken-link]")).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with(&format!("site.yaml:{at}:28: error[broken-link]: ")), "{found:?}");
    }
}

#[test]
fn a_menu_url_to_a_page_without_its_final_slash_is_linked_with_it_as_markdown_is() {
    for base in ["https://example.org/", SUB] {
        let site = site_with(base, &[NAVEGAR]);
        let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
        site.write(
            "site.yaml",
            format!("{yaml}menus:\n  es:\n    - {{ name: \"Seguro\", url: \"/es/navegar-seguro#pasos\" }}\n"),
        );
        let run = site.build_ok(&[]);
        assert!(!run.stderr.contains("[broken-link]"), "{}", run.stderr);
        let base_path = base.trim_start_matches("https://").split_once('/').unwrap().1;
        let want = format!("href=\"/{base_path}es/navegar-seguro/#pasos\"");
        let home = site.html("es/index.html");
        assert!(home.contains(&want), "{want} not in\n{home}");
        let report = site.check(&[]);
        assert!(!report.stdout.contains("[broken-link]"), "{}", report.stdout);
    }
}
