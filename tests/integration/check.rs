//! `faro check`: the publishing fixture (tests/fixtures/publishing/) as it is, then seeded
//! with one problem at a time. Errors make the command exit 1; warnings do not.

use crate::publishing::{parse_json, Json};
use crate::support::*;

fn describe(run: &Run) -> String {
    format!("exit: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}", run.status.code(), run.stdout, run.stderr)
}

/// The finding lines of the text report (`path[:line]: severity[code]: message`), but the
/// `placeholder` warnings: the fixtures live at example.org, which check rightly names (the
/// placeholder tests read `all_findings`).
fn findings(run: &Run) -> Vec<&str> {
    all_findings(run).into_iter().filter(|l| !l.contains("warning[placeholder]")).collect()
}

fn all_findings(run: &Run) -> Vec<&str> {
    run.stdout.lines().filter(|l| l.contains(": error[") || l.contains(": warning[")).collect()
}

/// Panics unless some finding line starts with `prefix`; returns it.
fn finding<'a>(run: &'a Run, prefix: &str) -> &'a str {
    run.stdout
        .lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no finding starts with `{prefix}`\n{}", describe(run)))
}

fn count(run: &Run, code: &str) -> usize {
    findings(run).iter().filter(|l| l.contains(&format!("[{code}]: "))).count()
}

/// The `N errors, M warnings` of the last line.
fn summary(run: &Run) -> (usize, usize) {
    let last = run.stdout.lines().last().unwrap_or("");
    let rest = last.strip_prefix("faro check: ").unwrap_or_else(|| panic!("no summary line\n{}", describe(run)));
    let nums: Vec<usize> = rest.split(", ").map(|p| p.split(' ').next().unwrap().parse().unwrap()).collect();
    let placeholders = all_findings(run).len() - findings(run).len();
    (nums[0], nums[1] - placeholders)
}

fn assert_exit(run: &Run, code: i32) {
    assert_eq!(run.status.code(), Some(code), "exit code\n{}", describe(run));
}

/// Writes `content/...` with the given front matter lines and body.
fn write_page(site: &Site, rel: &str, front: &[&str], body: &str) {
    site.write(rel, format!("---\n{}\n---\n\n{body}\n", front.join("\n")));
}

/// The fixture plus a Spanish page in the campaigns section (so it is listed, not an
/// orphan) whose body is `body`.
fn with_links(body: &str) -> Site {
    let site = Site::fixture("publishing");
    write_page(&site, "content/es/campanas/enlaces.md", &["title: \"Enlaces útiles\""], body);
    site
}

const ENLACES: &str = "content/es/campanas/enlaces.md";

// ----- the clean fixture --------------------------------------------------------------

#[test]
fn clean_site_passes_and_lists_the_untranslated_page() {
    let site = Site::fixture("publishing");
    let run = site.check(&[]);
    assert_exit(&run, 0);
    assert_eq!(run.stderr, "", "{}", describe(&run));
    // The only finding: the Spanish page without an English version.
    assert_eq!(
        findings(&run),
        vec![
            "content/es/campanas/redes-sociales.md: warning[missing-translation]: this page has no translation in `en`"
        ],
        "{}",
        describe(&run)
    );
    assert_eq!(summary(&run), (0, 1));
    // And in the table of pages without a translation.
    let table = run
        .stdout
        .split("Pages without a translation:")
        .nth(1)
        .unwrap_or_else(|| panic!("no table\n{}", describe(&run)));
    let rows: Vec<&str> = table.lines().skip(1).take_while(|l| !l.trim().is_empty()).collect();
    assert!(rows[0].starts_with("language"), "{table}");
    assert_eq!(rows[1].split_whitespace().collect::<Vec<_>>(), vec!["en", "es/campanas/redes-sociales.md"], "{table}");
    assert_eq!(rows.len(), 2, "{table}");
    // A check writes nothing.
    assert!(!site.public().exists(), "faro check wrote public/");
    assert!(!site.path().join("urls.txt").exists(), "faro check wrote urls.txt");
}

#[test]
fn clean_site_as_json() {
    let site = Site::fixture("publishing");
    let run = site.check(&["--format", "json"]);
    assert_exit(&run, 0);
    assert!(run.stdout.starts_with("{\"errors\":"), "{}", run.stdout);
    let json = parse_json(&run.stdout);
    assert_eq!(json.get("errors"), Some(&Json::Num(0.0)));
    // The page without its translation, and the fixture's example.org address.
    assert_eq!(json.get("warnings"), Some(&Json::Num(2.0)));
    let d = &json.get("diagnostics").unwrap().arr()[0];
    assert_eq!(d.get("severity").and_then(Json::str), Some("warning"));
    assert_eq!(d.get("code").and_then(Json::str), Some("missing-translation"));
    assert_eq!(d.get("path").and_then(Json::str), Some("content/es/campanas/redes-sociales.md"));
    let missing = json.get("missing_translations").and_then(|m| m.get("en")).expect("missing_translations.en");
    assert_eq!(missing.arr(), &[Json::Str("es/campanas/redes-sociales.md".into())]);
}

// ----- errors: exit 1 -----------------------------------------------------------------

#[test]
fn broken_link_written_as_a_site_path_is_an_error() {
    let site = with_links("Ver [la página](/es/no-existe/) y [la línea](/es/campanas/linea-1818/).");
    let run = site.check(&[]);
    assert_exit(&run, 1);
    // Issue 17: at the link's line, where the build warned of it.
    let line = finding(&run, &format!("{ENLACES}:5:5: error[broken-link]: "));
    assert!(line.contains("/es/no-existe/"), "{line}");
    assert_eq!(count(&run, "broken-link"), 1, "the good link is not reported\n{}", describe(&run));
    assert_eq!(summary(&run).0, 1);
    // The build only warns (check is the gate), at the same place.
    site.build_ok(&[]).assert_diagnostic(&format!("{ENLACES}:5:5: warning[broken-link]: "));
}

#[test]
fn a_relative_link_or_image_that_leads_nowhere_from_the_published_page_is_an_error_at_its_line() {
    // Hugo-style links without `.md` are left as written, so the browser resolves them
    // against the page's URL (/es/campanas/enlaces/): check follows them there.
    let site = with_links(
        "Ver [el informe](informes/informe-2021), ![una foto](foto.jpg),\n[la línea](../linea-1818/) y [llamar](tel:1818).",
    );
    let run = site.check(&[]);
    assert_exit(&run, 1);
    let lines: Vec<&str> = findings(&run).into_iter().filter(|l| l.contains("[broken-link]")).collect();
    assert_eq!(lines.len(), 2, "one finding per broken link, the good ones not reported\n{}", describe(&run));
    assert!(lines.iter().all(|l| l.starts_with(&format!("{ENLACES}:5:")) && l.contains(": error[")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("`informes/informe-2021`")) && lines.iter().any(|l| l.contains("`foto.jpg`"))
    );
    assert!(
        run.stdout.contains("it leads to /es/campanas/enlaces/foto.jpg, which is not published either"),
        "{}",
        describe(&run)
    );
    assert_eq!(summary(&run).0, 2);
    assert!(!run.stdout.contains("`../linea-1818/`"), "a relative link that works is not reported\n{}", describe(&run));
}

#[test]
fn broken_anchor_through_a_markdown_file_is_an_error() {
    let site = with_links("Ver [otra](../otra.md#no-existe) y [cómo llamar](linea-1818.md#como-llamar).");
    write_page(&site, "content/es/otra.md", &["title: \"Otra página\""], "## Existe\n\nTexto.");
    let run = site.check(&[]);
    assert_exit(&run, 1);
    // Issue 17: the build itself finds it, at the link's line and column, once.
    let line = finding(&run, &format!("{ENLACES}:5:5: error[broken-anchor]: "));
    assert!(line.contains("../otra.md#no-existe") && line.contains("`#no-existe`"), "{line}");
    // The anchor that exists is fine.
    assert_eq!(count(&run, "broken-anchor"), 1, "{}", describe(&run));
    assert_eq!(summary(&run).0, 1, "{}", describe(&run));
}

#[test]
fn broken_anchor_on_a_site_path_is_an_error() {
    let site = with_links("Ver [otra](/es/otra/#no-existe) y [bien](/es/otra/#existe).");
    write_page(&site, "content/es/otra.md", &["title: \"Otra página\""], "## Existe\n\nTexto.");
    let run = site.check(&[]);
    assert_exit(&run, 1);
    // Issue 17: the build resolves the site path to content/es/otra.md and checks the
    // fragment there, at the link's line and column, as for a link to the file.
    let line = finding(&run, &format!("{ENLACES}:5:5: error[broken-anchor]: "));
    assert!(line.contains("/es/otra/#no-existe") && line.contains("content/es/otra.md"), "{line}");
    assert_eq!(count(&run, "broken-anchor"), 1, "{}", describe(&run));
    assert_eq!(count(&run, "broken-link"), 0, "{}", describe(&run));
}

#[test]
fn image_without_alt_in_a_site_template_is_an_error() {
    let site = Site::fixture("publishing");
    site.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<img src=\"{{ asset('logo.svg') }}\">\n<h1>{{ page.title }}</h1>\n{{ page.content }}\n{% endblock %}\n",
    );
    let run = site.check(&[]);
    assert_exit(&run, 1);
    let line = finding(&run, &format!("{}: error[missing-alt]: ", "content/es/campanas/linea-1818.md"));
    assert!(line.contains("logo.svg"), "{line}");
    // Every page that uses the template, none that does not (sections, homes).
    assert_eq!(count(&run, "missing-alt"), 9, "{}", describe(&run));
    assert_eq!(count(&run, "broken-link"), 0, "{}", describe(&run));
}

#[test]
fn external_script_in_a_site_template_is_an_error() {
    let site = Site::fixture("publishing");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block head %}<script src=\"https://cdn.example/x.js\"></script>{% endblock %}\n{% block main %}\n<h1>{{ page.title }}</h1>\n{{ page.content }}\n{% endblock %}\n",
    );
    let run = site.check(&[]);
    assert_exit(&run, 1);
    let line = finding(&run, "content/es/noticias/operativo.md: error[external-resource]: ");
    assert!(line.contains("https://cdn.example/x.js") && line.contains("<script>"), "{line}");
    assert_eq!(count(&run, "external-resource"), 9, "{}", describe(&run));
}

#[test]
fn external_links_are_listed_not_reported() {
    let site =
        with_links("Ver [el ministerio](https://www.gob.pe/mininter) y [otra vez](https://www.gob.pe/mininter).");
    let run = site.check(&[]);
    assert_exit(&run, 0);
    let list = run
        .stdout
        .split("External links (listed, not fetched):")
        .nth(1)
        .unwrap_or_else(|| panic!("{}", describe(&run)));
    let links: Vec<&str> =
        list.lines().skip(1).map(str::trim).take_while(|l| !l.is_empty() && !l.starts_with("faro check")).collect();
    assert!(links.contains(&"https://www.gob.pe/mininter"), "{list}");
    assert_eq!(links.iter().filter(|l| **l == "https://www.gob.pe/mininter").count(), 1, "{list}");
    assert_eq!(summary(&run).0, 0);
}

// ----- warnings: exit 0 ---------------------------------------------------------------

#[test]
fn translation_older_than_its_source_is_a_stale_translation_warning() {
    let site = Site::fixture("publishing");
    write_page(
        &site,
        "content/es/noticias/capacitacion.md",
        &["title: \"Capacitación de operadores\"", "date: \"2025-01-10\"", "updated: \"2025-04-01\""],
        "Cuarenta y cinco operadores recibieron capacitación.",
    );
    let run = site.check(&[]);
    assert_exit(&run, 0);
    let line = finding(&run, "content/en/noticias/capacitacion.md: warning[stale-translation]: ");
    assert!(line.contains("2025-04-01") && line.contains("2025-02-20"), "{line}");
    assert!(line.contains("content/es/noticias/capacitacion.md"), "{line}");
    assert_eq!(count(&run, "stale-translation"), 1, "{}", describe(&run));
    assert_eq!(summary(&run), (0, 2));
}

#[test]
fn translation_updated_after_its_source_is_not_stale() {
    let site = Site::fixture("publishing");
    write_page(
        &site,
        "content/en/noticias/capacitacion.md",
        &["title: \"Training for operators\"", "slug: \"training\"", "date: \"2025-01-10\"", "updated: \"2025-06-01\""],
        "Forty operators were trained.",
    );
    let run = site.check(&[]);
    assert_exit(&run, 0);
    assert_eq!(count(&run, "stale-translation"), 0, "{}", describe(&run));
}

#[test]
fn page_nothing_links_to_is_an_orphan_warning() {
    let site = Site::fixture("publishing");
    // At the top of content/es/: the home lists sections, not loose pages.
    write_page(&site, "content/es/suelta.md", &["title: \"Página suelta\""], "Nadie enlaza aquí.");
    let run = site.check(&[]);
    assert_exit(&run, 0);
    finding(&run, "content/es/suelta.md: warning[orphan-page]: ");
    assert_eq!(count(&run, "orphan-page"), 1, "{}", describe(&run));
    // Linking it from another page makes it no orphan.
    write_page(
        &site,
        "content/es/campanas/linea-1818.md",
        &["title: \"Línea 1818\"", "date: \"2023-09-18\""],
        "Ver también [la página suelta](../suelta.md).",
    );
    let run = site.check(&[]);
    assert_exit(&run, 0);
    assert_eq!(count(&run, "orphan-page"), 0, "{}", describe(&run));
}

#[test]
fn two_pages_with_the_same_title_is_a_duplicate_title_warning() {
    let site = Site::fixture("publishing");
    write_page(
        &site,
        "content/es/campanas/otra-linea.md",
        &["title: \"Línea 1818\""],
        "Otra página con el mismo título.",
    );
    let run = site.check(&[]);
    assert_exit(&run, 0);
    let line = findings(&run)
        .into_iter()
        .find(|l| l.contains("warning[duplicate-title]"))
        .unwrap_or_else(|| panic!("no duplicate-title\n{}", describe(&run)));
    assert!(
        line.starts_with("content/es/campanas/otra-linea.md: ") && line.contains("content/es/campanas/linea-1818.md")
            || line.starts_with("content/es/campanas/linea-1818.md: ")
                && line.contains("content/es/campanas/otra-linea.md"),
        "{line}"
    );
    assert_eq!(count(&run, "duplicate-title"), 1, "{}", describe(&run));
    // The same title in another language is no duplicate.
    let site = Site::fixture("publishing");
    write_page(
        &site,
        "content/en/campanas/redes.md",
        &["title: \"Redes sociales seguras\""],
        "Same title as the Spanish page.",
    );
    let run = site.check(&[]);
    assert_eq!(count(&run, "duplicate-title"), 0, "{}", describe(&run));
}

#[test]
fn indicator_no_page_charts_is_an_unused_indicator_warning() {
    let site = Site::fixture("publishing");
    site.write(
        "data/indicators/capacitacion.yaml",
        "title: { es: \"Policías capacitados\", en: \"Police officers trained\" }\n\
         topic: { es: \"Prevención\", en: \"Prevention\" }\n\
         unit: { es: \"%\", en: \"%\" }\n\
         measure: percent\n\
         chart: bar\n\
         illustrative: true\n\
         source: { name: { es: \"Ejemplo\", en: \"Example\" } }\n\
         series:\n  - { period: 2022, value: 45.5 }\n  - { period: 2023, value: 79.6 }\n",
    );
    let run = site.check(&[]);
    assert_exit(&run, 0);
    finding(&run, "data/indicators/capacitacion.yaml: warning[unused-indicator]: ");
    assert_eq!(summary(&run).0, 0, "{}", describe(&run));
    // Charting it on a page clears the warning.
    write_page(
        &site,
        "content/es/campanas/linea-1818.md",
        &["title: \"Línea 1818\"", "date: \"2023-09-18\""],
        "{{< chart capacitacion >}}",
    );
    let run = site.check(&[]);
    assert_eq!(count(&run, "unused-indicator"), 0, "{}", describe(&run));
}

// ----- JSON ---------------------------------------------------------------------------

#[test]
fn json_report_of_a_site_with_errors_and_warnings() {
    let site = with_links("Ver [nada](/es/no-existe/) y [otra](/es/otra/#no-existe).");
    write_page(&site, "content/es/otra.md", &["title: \"Otra página\""], "Texto.");
    write_page(&site, "content/es/suelta.md", &["title: \"Página suelta\""], "Nadie enlaza aquí.");
    let text = site.check(&[]);
    let run = site.check(&["--format", "json"]);
    assert_exit(&run, 1);
    assert!(run.stdout.starts_with("{\"errors\":"), "{}", run.stdout);
    for code in ["broken-link", "broken-anchor", "orphan-page", "missing-translation"] {
        assert!(run.stdout.contains(&format!("\"code\":\"{code}\"")), "no {code} in {}", run.stdout);
    }
    let json = parse_json(&run.stdout);
    let diags = json.get("diagnostics").unwrap().arr();
    let errors = diags.iter().filter(|d| d.get("severity").and_then(Json::str) == Some("error")).count();
    let (text_errors, _) = summary(&text);
    let text_warnings = all_findings(&text).len() - text_errors;
    assert_eq!(json.get("errors"), Some(&Json::Num(errors as f64)));
    assert_eq!(errors, text_errors);
    assert_eq!(json.get("warnings"), Some(&Json::Num((diags.len() - errors) as f64)));
    assert_eq!(diags.len() - errors, text_warnings);
    // Errors come first.
    let severities: Vec<&str> = diags.iter().map(|d| d.get("severity").and_then(Json::str).unwrap()).collect();
    assert!(severities.windows(2).all(|w| !(w[0] == "warning" && w[1] == "error")), "{severities:?}");
    for d in diags {
        for key in ["severity", "code", "path", "line", "column", "message", "hint"] {
            assert!(d.get(key).is_some(), "no `{key}` in {d:?}");
        }
    }
    let missing = json.get("missing_translations").and_then(|m| m.get("en")).unwrap().arr();
    assert!(missing.contains(&Json::Str("es/suelta.md".into())), "{missing:?}");
}

/// Issue 14: a menu URL with `%` before a multi-byte character (`/%aé/`) built, then made
/// `faro check` panic with exit 101 while decoding it. It is a broken link like any other.
#[test]
fn a_menu_url_with_a_stray_percent_is_a_broken_link_not_a_crash() {
    let site = Site::fixture("publishing");
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    let menu = "    - { name: \"Noticias\", page: \"noticias/_index.md\" }\n";
    assert!(yaml.contains(menu));
    site.write("site.yaml", yaml.replacen(menu, &format!("{menu}    - {{ name: \"Roto\", url: \"/%aé/\" }}\n"), 1));
    site.build_ok(&[]);
    let run = site.check(&[]);
    assert_exit(&run, 1);
    assert!(!run.stderr.contains("panicked"), "{}", describe(&run));
    assert!(count(&run, "broken-link") > 0, "{}", describe(&run));
    // Named once, at the menu entry, not on every page that shows the menu.
    let line = yaml.lines().position(|l| l == menu.trim_end()).unwrap() + 2;
    let at = format!("{line}:{}", "    - { name: \"Roto\", url: ".len() + 1);
    assert!(finding(&run, &format!("site.yaml:{at}: error[broken-link]")).contains("`/%aé/` of menu entry `Roto`"));
    assert_eq!(count(&run, "broken-link"), 1, "{}", describe(&run));
}

/// Issue 18: what `faro init` left to change is named before it is published, each at its
/// place; a site kept in git is told when its record of addresses is not committed.
#[test]
fn check_on_an_unedited_scaffold_warns_about_each_placeholder() {
    let site = Site::empty();
    faro::init(site.path(), &["es".to_string(), "en".to_string()]).unwrap();
    let report = site.check(&[]);
    assert_eq!(report.status.code(), Some(0), "{}", report.stdout);
    let found: Vec<&str> = all_findings(&report).into_iter().filter(|l| l.contains("[placeholder]")).collect();
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    let line = |needle: &str| yaml.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let expect = [
        format!("site.yaml:{}:11: warning[placeholder]: `base_url` is still https://example.org/", line("base_url:")),
        format!("site.yaml:{}:", line("organization:")),
        "data/indicators/ejemplo-llamadas-1818.yaml:".to_string(),
    ];
    for e in &expect {
        assert!(found.iter().any(|f| f.starts_with(e.as_str())), "no finding starts with {e}: {found:?}");
    }
    assert!(found.iter().any(|f| f.contains("\"Nombre de tu organización\"")), "{found:?}");
    assert!(found.iter().any(|f| f.contains("\"Your organization's name\"")), "{found:?}");
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(!report.stdout.contains("uncommitted-record"), "not a git repository: {}", report.stdout);

    // Edited, they go quiet; kept in git with urls.txt not committed, that is said.
    site.write(
        "site.yaml",
        yaml.replace("https://example.org/", "https://alto.org.pe/")
            .replace("Nombre de tu organización", "Red Alto")
            .replace("Your organization's name", "Alto Network"),
    );
    site.remove("data/indicators/ejemplo-llamadas-1818.yaml");
    for page in ["content/es/campanas/linea-1818.md", "content/en/campanas/linea-1818.md"] {
        let text = String::from_utf8(site.read_source(page)).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.contains("{{< chart")).collect();
        site.write(page, kept.join("\n") + "\n");
    }
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(site.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@e.org"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    site.build_ok(&["--no-pdf"]);
    let report = site.check(&[]);
    let found: Vec<&str> = all_findings(&report)
        .into_iter()
        .filter(|l| l.contains("[placeholder]") || l.contains("[uncommitted-record]"))
        .collect();
    assert_eq!(found, ["urls.txt: warning[uncommitted-record]: urls.txt is not committed"], "{}", report.stdout);
    git(&["add", "."]);
    git(&["commit", "-qm", "site"]);
    assert!(!site.check(&[]).stdout.contains("uncommitted-record"));
}

#[test]
fn check_warns_about_a_draft_report() {
    let site = Site::fixture("reports");
    let report = site.check(&[]);
    assert!(
        report.stdout.contains("warning[placeholder]: the") && report.stdout.contains("report is still a draft"),
        "{}",
        report.stdout
    );
}
