//! Nothing outside the site folder is read or published; special files are skipped.
//! Each test here failed on bf75f1e (run them with `FARO_BIN=<old faro>` to see).

#[allow(unused_imports)]
use crate::support::*;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

const SECRET: &str = "SECRETO-FUERA-DEL-SITIO";
const SECRET_SVG: &str =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>SECRETO-FUERA-DEL-SITIO</title></svg>";
const KIT: &str = "es/campanas/linea-1818/materiales/";

/// A folder beside the site, holding what must never be read: an SVG, an indicator and a
/// page template, each carrying `SECRET`.
fn secret_folder() -> Site {
    let secret = Site::empty();
    secret.write("secreto.svg", SECRET_SVG);
    secret.write(
        "secreto.yaml",
        std::fs::read_to_string(fixture_dir("indicators").join("data/indicators/capacitacion.yaml"))
            .unwrap()
            .replace("Policías capacitados", SECRET),
    );
    secret.write("page.html", format!("{}\n", page_template(SECRET)));
    secret
}

/// `to` as a path relative to the folder `from`: `../../faro-test-x/secreto.svg`.
fn relative(from: &Path, to: &Path) -> String {
    let common = from.components().zip(to.components()).take_while(|(x, y)| x == y).count();
    let up = "../".repeat(from.components().count() - common);
    let down: Vec<_> = to.components().skip(common).map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    format!("{up}{}", down.join("/"))
}

/// The bilingual fixture with its 1818 page a campaign, so it has a kit to put a logo on.
fn campaign_site() -> Site {
    let site = Site::fixture("bilingual");
    let rel = "content/es/campanas/linea-1818.md";
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    let block = "campaign:\n  message: \"Si sospechas de un caso de trata, llama gratis.\"";
    site.write(rel, text.replacen("\n---\n", &format!("\n{block}\n---\n"), 1));
    site
}

fn with_logo(site: &Site, logo: &str) {
    let text = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", text.replacen("languages:", &format!("logo: \"{logo}\"\nlanguages:"), 1));
}

/// Panics if any file written to public/ carries the secret, as text or inlined as base64.
fn assert_nothing_leaked(site: &Site) {
    let b64 = base64_of(SECRET_SVG);
    for (path, bytes) in snapshot(&site.public()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(SECRET) && !text.contains(&b64[..40]), "{path} carries the secret");
    }
}

fn base64_of(text: &str) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn mkfifo(site: &Site, rel: &str) {
    let path = site.path().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(made.success(), "mkfifo {rel}");
}

/// Builds the site with FIFOs at `fifos`: the build ends, succeeds, and names each one.
fn assert_fifos_skipped(site: Site, fifos: &[&str]) {
    for rel in fifos {
        mkfifo(&site, rel);
    }
    let run = build_with_timeout(&site);
    run.assert_success();
    for rel in fifos {
        run.assert_diagnostic(&format!("{rel}: warning[special-file]: skipped: this is a FIFO"));
    }
}

// ----- paths and links that lead out of the site ------------------------------------------

#[test]
fn a_logo_path_that_climbs_out_of_the_site_is_an_error_at_its_line_and_is_not_read() {
    let site = campaign_site();
    let secret = secret_folder();
    // static/ exists, so `static/../..` resolves (it did, and was read, before).
    site.write("static/otro.txt", "x");
    let logo = relative(&site.path().join("static"), &secret.path().join("secreto.svg"));
    let run = break_and_rebuild(&site, |s| with_logo(s, &logo));
    let line = run.diagnostic("site.yaml:3:7: error[logo]: ");
    assert!(line.contains("must be a path inside static/"), "{line}");
    assert_nothing_leaked(&site);
}

#[test]
fn a_logo_linked_from_outside_the_site_is_an_error_and_is_not_inlined() {
    let site = campaign_site();
    let secret = secret_folder();
    let run = break_and_rebuild(&site, |s| {
        std::fs::create_dir_all(s.path().join("static")).unwrap();
        symlink(secret.path().join("secreto.svg"), s.path().join("static/logo.svg")).unwrap();
        with_logo(s, "logo.svg");
    });
    run.assert_diagnostic("site.yaml:3:7: error[logo]: the logo `logo.svg` leads outside the site folder");
    run.assert_diagnostic("static/logo.svg: error[symlink]: this link leads outside the site folder");
    assert_nothing_leaked(&site);
}

#[test]
fn an_indicator_linked_from_outside_the_site_is_an_error_naming_it() {
    let site = Site::fixture("indicators");
    let secret = secret_folder();
    let run = break_and_rebuild(&site, |s| {
        let dir = s.path().join("data/indicators");
        symlink(secret.path().join("secreto.yaml"), dir.join("absoluto.yaml")).unwrap();
        symlink(relative(&dir, &secret.path().join("secreto.yaml")), dir.join("relativo.yaml")).unwrap();
        // A chain: a link inside the site to a link out of it.
        symlink("relativo.yaml", dir.join("cadena.yaml")).unwrap();
    });
    for name in ["absoluto", "cadena", "relativo"] {
        let line = run.diagnostic(&format!("data/indicators/{name}.yaml: error[symlink]: "));
        assert!(line.contains("leads outside the site folder"), "{line}");
    }
    assert_eq!(run.reported_error_count(), 3, "{}", run.stderr);
    assert_nothing_leaked(&site);
}

#[test]
fn a_static_folder_linked_outside_the_site_is_an_error_and_nothing_is_published() {
    let secret = secret_folder();
    // A link to a folder inside static/ (the old build skipped it without a word).
    let site = minimal_site();
    let run = break_and_rebuild(&site, |s| {
        std::fs::create_dir_all(s.path().join("static")).unwrap();
        symlink(secret.path(), s.path().join("static/img")).unwrap();
    });
    run.assert_diagnostic("static/img: error[symlink]: this link leads outside the site folder");
    // static/ itself a link out of the site (the old build published the folder).
    let site = minimal_site();
    let run = break_and_rebuild(&site, |s| symlink(secret.path(), s.path().join("static")).unwrap());
    run.assert_diagnostic("static: error[symlink]: this link leads outside the site folder");
    assert!(!site.public().join("secreto.svg").exists());
    assert_nothing_leaked(&site);
}

/// A change that breaks a site.
type Breakage<'a> = dyn Fn(&Site) + 'a;

#[test]
fn templates_and_a_theme_linked_from_outside_the_site_are_errors() {
    let secret = secret_folder();
    std::fs::create_dir_all(secret.path().join("templates")).unwrap();
    std::fs::copy(secret.path().join("page.html"), secret.path().join("templates/page.html")).unwrap();
    let breakages: [(&str, &Breakage); 3] = [
        ("templates/page.html", &|s| {
            std::fs::create_dir_all(s.path().join("templates")).unwrap();
            symlink(secret.path().join("page.html"), s.path().join("templates/page.html")).unwrap();
        }),
        ("templates", &|s| symlink(secret.path().join("templates"), s.path().join("templates")).unwrap()),
        ("themes/ajeno", &|s| {
            std::fs::create_dir_all(s.path().join("themes")).unwrap();
            symlink(secret.path(), s.path().join("themes/ajeno")).unwrap();
            let text = String::from_utf8(s.read_source("site.yaml")).unwrap();
            s.write("site.yaml", text + "theme: ajeno\n");
        }),
    ];
    for (link, breakage) in breakages {
        let site = minimal_site();
        let run = break_and_rebuild(&site, breakage);
        run.assert_diagnostic(&format!("{link}: error[symlink]: this link leads outside the site folder"));
        assert_nothing_leaked(&site);
    }
}

#[test]
fn links_that_stay_inside_the_site_keep_working() {
    let site = campaign_site();
    site.write("compartido/estilo.css", "body { color: #123456 }\n");
    site.write("compartido/logo.svg", SECRET_SVG.replace(SECRET, "logo-propio"));
    site.write(
        "compartido/capacitacion.yaml",
        std::fs::read(fixture_dir("indicators").join("data/indicators/capacitacion.yaml")).unwrap(),
    );
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::create_dir_all(site.path().join("data/indicators")).unwrap();
    symlink("../compartido/estilo.css", site.path().join("static/estilo.css")).unwrap();
    symlink("../compartido/logo.svg", site.path().join("static/logo.svg")).unwrap();
    symlink("../../compartido/capacitacion.yaml", site.path().join("data/indicators/capacitacion.yaml")).unwrap();
    symlink("../../../compartido/logo.svg", site.path().join("content/es/campanas/marca.svg")).unwrap();
    with_logo(&site, "logo.svg");
    let run = site.build_ok(&["--no-pdf"]);
    assert!(!run.stderr.contains("symlink"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(site.public().join("estilo.css")).unwrap(), "body { color: #123456 }\n");
    assert!(site.public().join("logo.svg").is_file());
    assert!(site.public().join("es/campanas/marca.svg").is_file());
    assert!(site.html("es/indicadores/capacitacion/index.html").contains("Policías capacitados"));
    let poster = site.html(&format!("{KIT}afiche-a4.html"));
    assert!(poster.contains(&format!(
        "data:image/svg+xml;base64,{}",
        &base64_of(&SECRET_SVG.replace(SECRET, "logo-propio"))[..40]
    )));
}

// ----- special files ------------------------------------------------------------------

#[test]
fn a_fifo_in_content_is_skipped_with_a_warning_and_the_build_ends() {
    assert_fifos_skipped(minimal_site(), &["content/es/tubo.md", "content/es/tubo.pdf"]);
}

#[test]
fn a_fifo_in_static_is_skipped_with_a_warning_and_the_theme_file_is_kept() {
    assert_fifos_skipped(Site::fixture("bilingual"), &["static/faro.css", "static/datos.txt"]);
}

#[test]
fn a_fifo_in_data_is_skipped_with_a_warning_and_the_build_ends() {
    assert_fifos_skipped(
        Site::fixture("indicators"),
        &["data/indicators/tubo.yaml", "data/goals.yaml", "data/roadmap.yaml"],
    );
}

#[test]
fn a_fifo_in_templates_or_i18n_is_skipped_with_a_warning() {
    assert_fifos_skipped(minimal_site(), &["templates/page.html", "i18n/es.yaml"]);
}

// ----- NUL characters -----------------------------------------------------------------

#[test]
fn a_nul_escape_in_yaml_is_an_error_at_its_line_not_a_nul_in_the_html() {
    let cases = [
        ("site.yaml", "title: { es: \"Alto a la trata\"", "title: { es: \"Alto\\0 a la trata\"", 5),
        ("data/indicators/capacitacion.yaml", "Policías capacitados", "Policías\\x00 capacitados", 1),
        ("i18n/es.yaml", "", "skip_to_content: \"Saltar\\u0000 al contenido\"\n", 1),
    ];
    for (file, from, to, line) in cases {
        let site = Site::fixture("indicators");
        let run = break_and_rebuild(&site, |s| {
            let text = std::fs::read_to_string(s.path().join(file)).unwrap_or_default();
            assert!(text.contains(from), "{file} has no `{from}`");
            s.write(file, if from.is_empty() { to.to_string() } else { text.replacen(from, to, 1) });
        });
        let diag = run.diagnostic(&format!("{file}:{line}:"));
        assert!(diag.contains("a NUL character (U+0000)"), "{diag}");
    }
}

#[test]
fn a_nul_in_a_template_or_a_csv_is_an_error_at_its_line_and_column() {
    let site = Site::fixture("indicators");
    let run = break_and_rebuild(&site, |s| s.write("templates/page.html", page_template("<b>\0</b>")));
    run.assert_diagnostic("templates/page.html:4:4: error[template]: a NUL character (U+0000)");
    let site = Site::fixture("indicators");
    let run = break_and_rebuild(&site, |s| {
        let csv = "data/indicators/victimas-por-anio.csv";
        let text = String::from_utf8(s.read_source(csv)).unwrap();
        s.write(csv, text.replacen("\n2019,", "\n2019\0,", 1));
    });
    run.assert_diagnostic("data/indicators/victimas-por-anio.csv:2:5: error[indicator]: a NUL character (U+0000)");
}

#[cfg(unix)]
#[test]
fn a_fifo_for_an_indicators_csv_is_an_error_not_a_vanished_indicator() {
    // An outsider's case: the FIFO was skipped with a warning, and the indicator with it.
    let site = Site::fixture("indicators");
    let csv = site.path().join("data/indicators/victimas-por-anio.csv");
    std::fs::remove_file(&csv).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(&csv).status().unwrap().success());
    let run = site.build(&[]);
    run.assert_failure();
    run.assert_diagnostic("data/indicators/victimas-por-anio.csv: error[special-file]");
}

#[cfg(unix)]
#[test]
fn a_pdf_cache_folder_linked_out_of_the_site_is_neither_read_nor_written() {
    // An outsider's case: `.faro -> elsewhere` published whatever was there as kit PDFs, and
    // the build wrote its PDFs there.
    use std::os::unix::fs::PermissionsExt;
    let site = campaign_site();
    let elsewhere = tempfile::tempdir().unwrap();
    let chromium = elsewhere.path().join("chromium");
    std::fs::write(
        &chromium,
        "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4 stand-in\\n' > \"${a#--print-to-pdf=}\";; esac; done\n",
    )
    .unwrap();
    std::fs::set_permissions(&chromium, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cache = elsewhere.path().join("cache");
    std::fs::create_dir_all(&cache).unwrap();
    std::os::unix::fs::symlink(&cache, site.path().join(".faro")).unwrap();
    let out = std::process::Command::new(faro())
        .args(["build", "--site"])
        .arg(site.path())
        .env("FARO_CHROMIUM", &chromium)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdfs: Vec<_> = walk_files(&site.public()).into_iter().filter(|p| p.ends_with(".pdf")).collect();
    assert!(!pdfs.is_empty(), "the kits were printed");
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 0, "nothing written out of the site");
}

fn walk_files(dir: &std::path::Path) -> Vec<String> {
    snapshot(dir).keys().cloned().collect()
}

/// Found by the `indicator` fuzz target (10 minutes): a key the YAML locator searched for was
/// empty, and the search never advanced. bf75f1e hangs on it.
const FUZZ_EMPTY_KEY: &str = r#"title: { es: "Víctimas por sexo, 2021", en: "Victims by sex, 2021" }
topic: { es: "Víctimas", en: "Vicimts" }
unit: { es: "personas", en: "people" }
measure: count
chart: bar
weight: 10
source: { name: "MIMP" }
breakdowns:
  sexo:
    name: { es: "Sexo", en: S"ex" }
    values:
      mujeres: { es: "Mujeres", en: "Women" }
      &otitle: { efalses: "Denu+cias por finalidad de expln iad", en: "Not recor$ded" }
series:
  - { bres,$ value: 4 }
  - { period: .021, sexo: sin-dato, value: 15 }
"#;

#[test]
fn an_indicator_that_hung_the_fuzz_target_is_reported_and_the_build_ends() {
    let site = Site::fixture("indicators");
    site.write("data/indicators/colgado.yaml", FUZZ_EMPTY_KEY);
    let run = build_with_timeout(&site);
    run.assert_failure();
    run.assert_diagnostic("data/indicators/colgado.yaml:");
}
