//! A `base_url` with a path (a site published under https://example.org/campana/): every
//! internal URL must carry the path, whether it comes from `--base-url` or from site.yaml.

use crate::support::*;

/// Checks the bilingual fixture's output in `public/` for the `/campana/` prefix.
fn assert_prefixed_with_campana(site: &Site) {
    let public = site.public();
    // The files themselves stay at the top of the output folder.
    assert!(public.join("es/campanas/linea-1818/index.html").is_file());
    assert!(!public.join("campana").exists());

    let snap = snapshot(&public);
    let mut internal = 0;
    for (file, html) in html_files(&snap) {
        for name in ["a", "link", "img", "script"] {
            for tag in tags(&html, name) {
                for attr in ["href", "src"] {
                    let Some(url) = tag.attr(attr) else { continue };
                    if url.starts_with('/') && !url.starts_with("//") {
                        internal += 1;
                        assert!(
                            url.starts_with("/campana/"),
                            "{file}: internal URL without the base path: {}",
                            tag.raw
                        );
                    }
                    if url.starts_with("https://example.org/") {
                        assert!(
                            url.starts_with("https://example.org/campana/"),
                            "{file}: absolute URL without the base path: {}",
                            tag.raw
                        );
                    }
                }
            }
        }
        if let Some(link) = tags(&html, "link").into_iter().find(|t| t.attr("rel") == Some("stylesheet")) {
            assert!(link.attr("href").is_some_and(|h| h.starts_with("/campana/")), "{file}: stylesheet {}", link.raw);
        }
    }
    assert!(internal > 100, "only {internal} internal URLs checked");

    let page = site.html("es/campanas/linea-1818/index.html");
    assert_eq!(canonical(&page).as_deref(), Some("https://example.org/campana/es/campanas/linea-1818/"));
    let alts = alternates(&page);
    assert!(alts.contains(&("en".into(), "https://example.org/campana/en/campaigns/hotline-1818/".into())), "{alts:?}");
    let links = hrefs(&page);
    for expected in [
        "/campana/es/regiones/", // Markdown link to ../regiones.md
        "/campana/es/campanas/escuelas/#en-el-aula",
        "/campana/es/",                        // brand / breadcrumb
        "/campana/es/campanas/",               // menu
        "/campana/en/campaigns/hotline-1818/", // language switcher
    ] {
        assert!(links.contains(&expected.to_string()), "no link to {expected}: {links:?}");
    }
    let stylesheet =
        tags(&page, "link").into_iter().find(|t| t.attr("rel") == Some("stylesheet")).expect("a stylesheet");
    assert!(stylesheet.attr("href").unwrap().starts_with("/campana/faro.css"), "{}", stylesheet.raw);
    let img = tags(&site.html("es/campanas/escuelas/index.html"), "img");
    assert_eq!(img[0].attr("src"), Some("/campana/es/campanas/escuelas/aula.svg"));
    // The untranslated page's switcher falls back to the prefixed home.
    let es_only = site.html("es/campanas/redes-sociales/index.html");
    assert_eq!(switcher_link(&es_only, "en").attr("href"), Some("/campana/en/"));

    let root = site.html("index.html");
    let refresh =
        tags(&root, "meta").into_iter().find(|t| t.attr("http-equiv") == Some("refresh")).expect("a meta refresh");
    assert_eq!(refresh.attr("content"), Some("0; url=/campana/es/"));
}

#[test]
fn base_url_flag_with_a_path_prefixes_every_internal_url() {
    let site = Site::fixture("bilingual");
    site.build_ok(&["--base-url", "https://example.org/campana/"]);
    assert_prefixed_with_campana(&site);
}

#[test]
fn base_url_with_a_path_in_site_yaml_prefixes_every_internal_url() {
    let site = Site::fixture("bilingual");
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    let old = "base_url: \"https://example.org/\"";
    assert!(yaml.contains(old));
    // Without the trailing slash: faro adds it.
    site.write("site.yaml", yaml.replace(old, "base_url: \"https://example.org/campana\""));
    site.build_ok(&[]);
    assert_prefixed_with_campana(&site);
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let site = Site::fixture("bilingual");
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", yaml.replace("https://example.org/", "https://staging.example.net/otra/"));
    site.build_ok(&["--base-url", "https://example.org/campana/"]);
    assert_prefixed_with_campana(&site);
    let snap = snapshot(&site.public());
    for (file, html) in html_files(&snap) {
        assert!(!html.contains("staging.example.net"), "{file} uses site.yaml's base_url");
        assert!(!html.contains("/otra/"), "{file} uses site.yaml's base path");
    }
}

#[test]
fn site_paths_in_indicator_sources_and_roadmap_evidence_follow_the_base_path() {
    // `/docs/…` in YAML is a path of the site: under /campana/ it must lead to /campana/docs/….
    let site = Site::fixture("reports");
    let edit = |rel: &str, from: &str, to: &str| {
        let text = read_text(&site.path().join(rel));
        assert!(text.contains(from), "{rel} has no `{from}`");
        site.write(rel, text.replacen(from, to, 1));
    };
    edit(
        "data/indicators/capacitacion.yaml",
        "source: { name: { es: \"Ejemplo\", en: \"Example\" } }",
        "source: { name: { es: \"Ejemplo\", en: \"Example\" }, url: \"/docs/fuente.pdf\" }",
    );
    edit("data/roadmap.yaml", "evidence: [\"https://example.org/acta.pdf\"]", "evidence: [\"/docs/acta.pdf\"]");
    site.write("static/docs/fuente.pdf", "%PDF");
    site.write("static/docs/acta.pdf", "%PDF");
    site.build_ok(&["--base-url", "https://example.org/campana/"]);
    let html: String = snapshot(&site.public())
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    assert!(html.contains("href=\"/campana/docs/fuente.pdf\""), "the source leads under the base path");
    assert!(html.contains("href=\"/campana/docs/acta.pdf\""), "the evidence leads under the base path");
    assert!(!html.contains("href=\"/docs/"), "no link leaves the base path");
}

#[test]
fn a_base_url_with_an_upper_case_scheme_is_written_in_lower_case() {
    // Found by the `href` fuzz target: `HTTPS://…` was accepted and kept in every absolute URL.
    let site = minimal_site();
    site.build_ok(&["--base-url", "HTTPS://Campana.example.pe/sub/"]);
    let sitemap = site.html("sitemap.xml");
    assert!(sitemap.contains("<loc>https://Campana.example.pe/sub/es/</loc>"), "{sitemap}");
    assert!(!sitemap.contains("HTTPS://"), "{sitemap}");
}

/// Issue 18: the short flags of Hugo and Zola users (`-s`, `-o`, `-b`, `-D`), and shell
/// completions written from the same command definition.
#[test]
fn short_flags_build_where_and_as_the_long_ones_say_and_completions_name_them() {
    let site = Site::fixture("bilingual");
    site.write("content/es/borrador.md", "---\ntitle: \"Borrador\"\ndraft: true\n---\n\nAún no.\n");
    let out = site.path().join("elsewhere");
    let run = Run::of({
        let mut cmd = std::process::Command::new(faro());
        cmd.args(["build", "-s"]).arg(site.path()).arg("-o").arg(&out).args([
            "-b",
            "https://example.org/campana/",
            "-D",
        ]);
        cmd
    });
    run.assert_success();
    let home = std::fs::read_to_string(out.join("es/index.html")).unwrap();
    assert!(home.contains("href=\"/campana/es/"), "{home}");
    assert!(out.join("es/borrador/index.html").is_file(), "-D builds drafts");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = std::process::Command::new(faro()).args(["completions", shell]).output().unwrap();
        assert!(script.status.success());
        let text = String::from_utf8_lossy(&script.stdout);
        assert!(text.contains("base-url") && text.contains("serve"), "{shell}: {text}");
    }
}
