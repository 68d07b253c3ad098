//! Issue 16, paths: what an attacker found about where faro writes files. Pages, aliases
//! and static files at addresses faro's own pages use, aliases a web server would decode
//! or cut, NUL bytes, control characters in file names, tags with no letters, and HTML
//! files without the safety head. Each test here failed on bf75f1e (run them with
//! `FARO_BIN=<old faro>` to see).

use crate::support::*;

/// The minimal site with a campaign page (a kit) and a tagged page (tag lists).
fn site() -> Site {
    let site = minimal_site();
    site.write(
        "content/es/campanas/afiche.md",
        "---\ntitle: \"Afiche\"\ntags: [\"1818\"]\ncampaign:\n  message: \"Llama a la 1818.\"\n---\n\nTexto.\n",
    );
    site
}

/// `break_and_rebuild` without printing kits to PDF (a campaign page is in every site here).
fn break_and_rebuild(site: &Site, breakage: impl FnOnce(&Site)) -> Run {
    site.build_ok(&["--no-pdf"]);
    let before = snapshot(&site.public());
    breakage(site);
    let run = site.build(&["--no-pdf"]);
    run.assert_failure();
    assert_same_snapshot(&before, &snapshot(&site.public()), "public/ after a failed build");
    assert_eq!(site.leftovers(), Vec::<String>::new(), "staging folders left behind");
    run
}

#[test]
fn pages_at_the_address_of_a_generated_page_are_errors_naming_both() {
    let run = break_and_rebuild(&site(), |s| {
        s.write("content/es/buscar.md", "---\ntitle: \"Buscar\"\n---\n");
        s.write("content/es/x.md", "---\ntitle: \"Etiquetas\"\nslug: \"etiquetas\"\n---\n");
        s.write("content/es/etiquetas/1818.md", "---\ntitle: \"1818\"\n---\n");
        s.write("content/es/campanas/afiche/materiales.md", "---\ntitle: \"Materiales\"\n---\n");
    });
    let search = run.diagnostic("content/es/buscar.md: error[duplicate-url]");
    assert!(
        search.contains("the search page of es (generated)") && search.contains("/es/buscar/index.html"),
        "{search}"
    );
    let index = run.diagnostic("content/es/x.md:3: error[duplicate-url]");
    assert!(index.contains("lists of es (generated)") && index.contains("/es/etiquetas/index.html"), "{index}");
    let term = run.diagnostic("content/es/etiquetas/1818.md: error[duplicate-url]");
    assert!(term.contains("/es/etiquetas/1818/index.html"), "{term}");
    let kit = run.diagnostic("content/es/campanas/afiche/materiales.md: error[duplicate-url]");
    assert!(kit.contains("the campaign kit of content/es/campanas/afiche.md (generated)"), "{kit}");
    assert_eq!(run.reported_error_count(), 4, "{}", run.stderr);
}

#[test]
fn static_files_and_files_beside_pages_may_not_take_an_address_that_is_taken() {
    let run = break_and_rebuild(&site(), |s| {
        // The same file as a page, as a file beside a page, as faro's sitemap.
        s.write("static/es/linea-1818/index.html", "<p>otra</p>");
        s.write("content/es/foto.pdf", "png");
        s.write("static/es/foto.pdf", "png");
        s.write("static/sitemap.xml", "<urlset/>");
        // A file where a page needs a folder, and two files that differ only in case (PDFs:
        // a JPEG or PNG that is none would be an error of its own).
        s.write("static/en/hotline-1818", "x");
        s.write("content/es/Mapa.pdf", "png");
        s.write("content/es/mapa.pdf", "png");
    });
    let page = run.diagnostic("content/es/linea-1818.md: error[duplicate-url]");
    assert!(page.contains("static/es/linea-1818/index.html both write /es/linea-1818/index.html"), "{page}");
    run.assert_diagnostic("static/es/foto.pdf: error[duplicate-url]: this file and content/es/foto.pdf both write");
    let sitemap = run.diagnostic("static/sitemap.xml: error[duplicate-url]");
    assert!(sitemap.contains("the sitemap (generated) both write /sitemap.xml"), "{sitemap}");
    let folder = run.diagnostic("content/en/linea-1818.md:3: error[duplicate-url]");
    assert!(folder.contains("static/en/hotline-1818 writes /en/hotline-1818") && folder.contains("folder"), "{folder}");
    let case = run.diagnostic("content/es/mapa.pdf: error[duplicate-url]");
    assert!(case.contains("/es/Mapa.pdf") && case.contains("differ only in case"), "{case}");
    assert_eq!(run.reported_error_count(), 5, "{}", run.stderr);
}

#[test]
fn aliases_a_server_would_decode_or_cut_are_errors_at_their_lines() {
    let run = break_and_rebuild(&site(), |s| {
        s.write(
            "content/es/vieja.md",
            "---\ntitle: \"Vieja\"\naliases:\n  - \"%2e%2e/%2e%2e/admin\"\n  - \"vieja?x=1\"\n  - \"vieja#arriba\"\n  - \"campanas\\\\vieja\"\n  - \"vie\\x1bja\"\n  - \"404.html\"\n  - \"buscar/index.json\"\n---\n",
        );
    });
    for (line, shown) in [
        (4, "has `%`"),
        (5, "has `?`"),
        (6, "has `#`"),
        (7, "has `\\`"),
        // A NUL (`\0` in YAML) is refused by the YAML reader itself, with its line.
        (8, "has `\\u{1b}`"),
        (9, "named like `404.html`"),
        (10, "named like `index.json`"),
    ] {
        let d = run.diagnostic(&format!("content/es/vieja.md:{line}:5: error[alias]"));
        assert!(d.contains(shown), "line {line}: {d}");
    }
    assert_eq!(run.reported_error_count(), 7, "{}", run.stderr);
    assert!(!run.stderr.contains("error[io]"), "{}", run.stderr);
}

#[test]
fn an_alias_that_differs_only_in_case_from_a_page_or_an_alias_is_an_error() {
    let run = break_and_rebuild(&site(), |s| {
        s.write(
            "content/es/vieja.md",
            "---\ntitle: \"Vieja\"\naliases:\n  - \"/es/Linea-1818/\"\n  - \"Antigua\"\n---\n",
        );
        s.write("content/es/otra.md", "---\ntitle: \"Otra\"\naliases: [\"antigua\"]\n---\n");
    });
    let page = run.diagnostic("content/es/vieja.md:4:5: error[alias]");
    assert!(page.contains("another page, /es/linea-1818/, but for the case"), "{page}");
    let alias = run.errors().into_iter().find(|l| l.contains("`antigua`") || l.contains("`Antigua`")).unwrap_or("");
    assert!(alias.contains("also an alias of") && alias.contains("case"), "{}", run.stderr);
    assert_eq!(run.reported_error_count(), 2, "{}", run.stderr);
}

#[test]
fn an_alias_at_an_address_only_faro_writes_is_an_error_at_its_line() {
    // Not a page, so not caught among the pages: the embed page of an indicator.
    let site = Site::fixture("indicators");
    site.build_ok(&["--no-pdf"]);
    let home = std::fs::read_to_string(site.path().join("content/es/_index.md")).unwrap();
    let (front, body) = home.split_once("\n---\n").unwrap();
    let id = std::fs::read_dir(site.path().join("data/indicators"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap();
    let line = front.lines().count() + 1;
    site.write("content/es/_index.md", format!("{front}\naliases: [\"indicadores/{id}/embed\"]\n---\n{body}"));
    let run = site.build(&["--no-pdf"]);
    run.assert_failure();
    let d = run.diagnostic(&format!("content/es/_index.md:{line}: error[alias]"));
    assert!(d.contains("the indicator pages of es (generated)"), "{d}");
}

#[test]
fn a_nul_in_a_page_becomes_the_replacement_character() {
    let site = site();
    site.write("content/es/nul.md", "---\ntitle: \"Uno\0dos\"\n---\n\nTres\0cuatro `cinco\0seis`\n\n    siete\0ocho\n");
    site.build_ok(&["--no-pdf"]);
    let html = site.html("es/nul/index.html");
    assert!(!html.contains('\0'), "a NUL reached the HTML");
    for text in ["Uno\u{fffd}dos", "Tres\u{fffd}cuatro", "cinco\u{fffd}seis", "siete\u{fffd}ocho"] {
        assert!(html.contains(text), "no `{text}` in\n{html}");
    }
    let index = site.html("es/buscar/index.json");
    assert!(!index.contains('\0') && !index.contains("\\u0000"), "a NUL reached the search index");
}

#[test]
fn control_characters_in_file_names_are_escaped_so_each_diagnostic_is_one_line() {
    let run = break_and_rebuild(&site(), |s| {
        s.write("content/es/a\nb.md", "---\ntitel: \"x\"\n---\n");
        s.write("content/es/c\u{1b}[31md.png", "png");
    });
    run.assert_diagnostic("content/es/a\\nb.md:2:1: error[front-matter]");
    let png = run.diagnostic("content/es/c\\u{1b}[31md.png: error[unsafe-path]");
    assert!(png.contains("/es/c\\u{1b}[31md.png"), "{png}");
    assert!(!run.stderr.contains('\u{1b}'), "an ESC reached the terminal: {:?}", run.stderr);
    for line in run.stderr.lines() {
        // The source line under a diagnostic: `  |`, `2 | titel: "x"`, `  |  ^^^`.
        let snippet = line.trim_start().starts_with('|')
            || line
                .split_once(" |")
                .is_some_and(|(n, _)| !n.is_empty() && n.trim().bytes().all(|b| b.is_ascii_digit()));
        let known = line.starts_with("content/")
            || line.starts_with("  = hint: ")
            || line.starts_with("Build failed")
            || snippet;
        assert!(known, "a diagnostic was split over lines: {line:?}\n{}", run.stderr);
    }
}

#[test]
fn a_tag_that_folds_to_nothing_is_an_error_at_its_line() {
    let run = break_and_rebuild(&site(), |s| {
        s.write("content/es/a.md", "---\ntitle: \"A\"\ntags: [\"!!!\"]\n---\n");
        s.write("content/es/b.md", "---\ntitle: \"B\"\ntags:\n  - \"1818\"\n  - \"🚨\"\n---\n");
    });
    let a = run.diagnostic("content/es/a.md:3:8: error[empty-slug]");
    assert!(a.contains("`!!!`"), "{a}");
    run.assert_diagnostic("content/es/b.md:5:5: error[empty-slug]");
    assert_eq!(run.reported_error_count(), 2, "{}", run.stderr);
}

#[test]
fn every_html_file_faro_writes_carries_the_content_security_policy_and_no_referrer() {
    let sites = ["bilingual", "indicators", "publishing", "reports", "trilingual"].map(Site::fixture);
    let example = example_site();
    let mut checked = 0;
    let mut kinds = std::collections::BTreeSet::new();
    for site in sites.iter().chain([&example]) {
        site.build_ok(&["--no-pdf"]);
        for (path, html) in html_files(&snapshot(&site.public())) {
            let metas = tags(&html, "meta");
            let csp = metas.iter().find(|m| m.attr("http-equiv") == Some("Content-Security-Policy"));
            let policy = csp.and_then(|m| m.attr("content")).unwrap_or("");
            assert!(policy.starts_with("default-src 'self'"), "{path}: no Content-Security-Policy meta");
            assert!(policy.contains("object-src 'none'"), "{path}: {policy}");
            let referrer = metas.iter().find(|m| m.attr("name") == Some("referrer"));
            assert_eq!(referrer.and_then(|m| m.attr("content")), Some("no-referrer"), "{path}: no referrer meta");
            if html.contains("http-equiv=\"refresh\"") {
                kinds.insert(if path == "index.html" { "root" } else { "alias" });
            }
            kinds.extend(
                ["404.html", "embed/index.html", "completo/index.html", "materiales/index.html"]
                    .into_iter()
                    .filter(|k| path.ends_with(k)),
            );
            checked += 1;
        }
    }
    let want = ["404.html", "alias", "completo/index.html", "embed/index.html", "materiales/index.html", "root"];
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), want, "every kind of HTML file was walked");
    assert!(checked > 100, "only {checked} HTML files");
}

#[test]
fn a_slug_with_a_character_a_server_would_decode_is_an_error_at_its_line() {
    let run = break_and_rebuild(&site(), |s| {
        s.write("content/es/a.md", "---\ntitle: \"A\"\nslug: \"mi%20pagina\"\n---\n");
        s.write("content/es/b/_index.md", "---\ntitle: \"B\"\nslug: \"b?c\"\n---\n");
    });
    let a = run.diagnostic("content/es/a.md:3:7: error[unsafe-path]");
    assert!(a.contains("`mi%20pagina` has `%`"), "{a}");
    run.assert_diagnostic("content/es/b/_index.md:3:7: error[unsafe-path]");
    assert_eq!(run.reported_error_count(), 2, "{}", run.stderr);
}

#[test]
fn a_clash_names_the_sites_own_static_file_when_built_from_the_site_folder() {
    // An outsider's case: run as `faro build` in the site folder, static/sitemap.xml was
    // called "the theme's file sitemap.xml (generated)".
    let site = site();
    site.write("static/sitemap.xml", "<urlset/>");
    let out = std::process::Command::new(faro()).arg("build").current_dir(site.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    let line = stderr.lines().find(|l| l.contains("error[duplicate-url]")).unwrap_or_else(|| panic!("{stderr}"));
    assert!(line.starts_with("static/sitemap.xml: error[duplicate-url]"), "{line}");
    assert!(!line.contains("theme's file"), "{line}");
}
