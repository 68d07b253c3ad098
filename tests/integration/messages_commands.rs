//! Issue 18: the commands part of faro speaks the terminal's language: its messages and hints
//! come from the Fluent catalogs (themes/default/messages/<lang>/commands.ftl).

use crate::support::{faro, Run, Site};
use std::path::Path;

/// `faro <args>` with the terminal in `lang` (`es_PE.UTF-8`, `C.UTF-8`), from `dir`.
fn faro_in(lang: &str, dir: &Path, args: &[&str]) -> Run {
    faro_env(lang, dir, args, &[])
}

fn faro_env(lang: &str, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = std::process::Command::new(faro());
    cmd.current_dir(dir).args(args).env("LANG", lang).env_remove("LC_ALL").env_remove("LC_MESSAGES");
    for (k, v) in env {
        cmd.env(k, v);
    }
    Run::of(cmd)
}

const ES: &str = "es_PE.UTF-8";
const EN: &str = "C.UTF-8";

/// A site as `faro init` writes it, in `sitio/` of a new folder.
fn init_site() -> Site {
    let site = Site::empty();
    faro_in(EN, site.path(), &["init", "sitio"]).assert_success_quietly();
    site
}

trait Quietly {
    fn assert_success_quietly(&self) -> &Self;
}

impl Quietly for Run {
    fn assert_success_quietly(&self) -> &Self {
        assert!(self.status.success(), "faro failed\n{}\n{}", self.stdout, self.stderr);
        self
    }
}

#[test]
fn init_and_build_say_what_they_did_in_the_terminals_language() {
    let dir = Site::empty();
    let es = faro_in(ES, dir.path(), &["init", "sitio", "--languages", "es,en"]);
    es.assert_success_quietly();
    assert!(es.stdout.contains("Se creó sitio/site.yaml\n"), "{}", es.stdout);
    assert!(es.stdout.ends_with("Siguiente paso: cd sitio && faro serve --open\n"), "{}", es.stdout);
    let en = faro_in(EN, dir.path(), &["init", "otro"]);
    assert!(en.stdout.contains("Created otro/site.yaml\n"), "{}", en.stdout);
    assert!(en.stdout.ends_with("Next: cd otro && faro serve --open\n"), "{}", en.stdout);

    let es = faro_in(ES, dir.path(), &["build", "--site", "sitio", "--no-pdf", "--verbose"]);
    es.assert_success_quietly();
    assert!(es.stdout.contains("PDF de los kits: no se hicieron (--no-pdf)\n"), "{}", es.stdout);
    assert!(es.stdout.contains("urls.txt: actualizado con las direcciones de este armado (el que se publica)\n"));
    let built = es.stdout.lines().last().unwrap();
    assert!(built.starts_with("Sitio armado: 8 páginas (es 4, en 4), "), "{built}");
    assert!(built.contains(" archivos en ") && built.ends_with(" s, dentro de sitio/public"), "{built}");
    let en = faro_in(EN, dir.path(), &["build", "--site", "sitio", "--no-pdf", "--verbose"]);
    assert!(en.stdout.contains("Kit PDFs: skipped (--no-pdf)\n"), "{}", en.stdout);
    assert!(en.stdout.contains("urls.txt: updated with this build's addresses (the production build)\n"));
    let built = en.stdout.lines().last().unwrap();
    assert!(built.starts_with("Built 8 pages (es 4, en 4), ") && built.ends_with(" s into sitio/public"), "{built}");
    // A `--lang` faro does not speak yields to the terminal's language (outsider: `fr` gave English).
    let fr = faro_in(ES, dir.path(), &["build", "--site", "sitio", "--no-pdf", "--lang", "fr"]);
    assert!(fr.stdout.lines().last().unwrap().starts_with("Sitio armado: "), "{}", fr.stdout);
}

#[test]
fn check_says_its_findings_lists_and_summary_in_the_terminals_language() {
    let site = init_site();
    let root = site.path().join("sitio");
    // A page with no translation, that nothing links to.
    std::fs::write(root.join("content/es/sola.md"), "---\ntitle: \"Sola\"\n---\n\nTexto.\n").unwrap();
    let es = faro_in(ES, &root, &["check"]);
    assert!(es.status.success(), "warnings only\n{}", es.stdout);
    let out = &es.stdout;
    assert!(out.contains("warning[missing-translation]: esta página no tiene traducción en `en`"), "{out}");
    assert!(
        out.contains("= sugerencia: quienes leen en `en` y cambian de idioma llegan a la página de inicio"),
        "{out}"
    );
    assert!(out.contains("warning[orphan-page]: ninguna otra página enlaza a esta"), "{out}");
    assert!(out.contains("= sugerencia: enlázala desde una sección, un menú u otra página"), "{out}");
    assert!(
        out.contains("\nPáginas sin traducción:\nidioma   páginas (archivos de origen)\nen       es/sola.md\n"),
        "{out}"
    );
    assert!(out.contains("\nEnlaces externos (listados, no visitados):\n"), "{out}");
    // What faro init left to replace (check/placeholders.rs).
    assert!(out.contains("`base_url` todavía es https://example.org/, en el dominio de ejemplo example.org"), "{out}");
    assert!(out.contains("= sugerencia: pon la dirección real del sitio"), "{out}");
    assert!(out.contains("las cifras de este indicador son ilustrativas (`illustrative: true`), no datos reales"));
    assert!(out.trim_end().ends_with("faro check: 0 errores, 6 advertencias"), "{out}");

    let en = faro_in(EN, &root, &["check"]);
    let out = &en.stdout;
    assert!(out.contains("warning[missing-translation]: this page has no translation in `en`"), "{out}");
    assert!(out.contains("= hint: readers of `en` who switch language land on that language's home page"), "{out}");
    assert!(out.contains("warning[orphan-page]: no other page links to this page"), "{out}");
    assert!(
        out.contains("\nPages without a translation:\nlanguage pages (source files)\nen       es/sola.md\n"),
        "{out}"
    );
    assert!(out.contains("\nExternal links (listed, not fetched):\n"), "{out}");
    assert!(out.contains("`base_url` is still https://example.org/, at the example host example.org"), "{out}");
    assert!(out.contains("= hint: set it to the site's real address"), "{out}");
    assert!(out.trim_end().ends_with("faro check: 0 errors, 6 warnings"), "{out}");
}

#[test]
fn check_says_duplicate_titles_and_stale_translations_in_the_terminals_language_and_json_stays_english() {
    let site = init_site();
    let root = site.path().join("sitio");
    let write = |rel: &str, text: &str| std::fs::write(root.join(rel), text).unwrap();
    write("content/es/uno.md", "---\ntitle: \"Igual\"\ntranslation_key: uno\n---\n\nTexto.\n");
    write("content/en/uno.md", "---\ntitle: \"One\"\ntranslation_key: uno\n---\n\nText.\n");
    write(
        "content/es/dos.md",
        "---\ntitle: \"Igual\"\ndate: 2025-01-10\nupdated: 2025-03-01\ntranslation_key: dos\n---\n\nTexto.\n",
    );
    write("content/en/dos.md", "---\ntitle: \"Two\"\ndate: 2025-01-20\ntranslation_key: dos\n---\n\nText.\n");
    let es = faro_in(ES, &root, &["check"]);
    let out = &es.stdout;
    assert!(out.contains("warning[duplicate-title]: otra página en `es` tiene el mismo título: content/es/"), "{out}");
    assert!(
        out.contains("content/es/dos.md se actualizó el 2025-03-01, después de esta traducción (2025-01-20)"),
        "{out}"
    );
    assert!(out.contains("= sugerencia: actualiza la traducción y luego cambia su fecha en `updated`"), "{out}");
    let en = faro_in(EN, &root, &["check"]);
    let out = &en.stdout;
    assert!(out.contains("warning[duplicate-title]: another page in `es` has the same title: content/es/"), "{out}");
    assert!(out.contains("content/es/dos.md was updated on 2025-03-01, after this translation (2025-01-20)"), "{out}");
    assert!(out.contains("= hint: update the translation, then set its `updated` date"), "{out}");
    // Machines read English, whatever the terminal's language.
    let json = faro_in(ES, &root, &["check", "--format", "json"]);
    assert!(
        json.stdout.contains("\"hint\":\"update the translation, then set its `updated` date\""),
        "{}",
        json.stdout
    );
}

#[test]
fn init_and_new_refuse_in_the_terminals_language() {
    let dir = Site::empty();
    std::fs::write(dir.path().join("nota.txt"), "x").unwrap();
    let es = faro_in(ES, dir.path(), &["init", "."]);
    assert!(!es.status.success());
    assert!(
        es.stderr.contains("error[init-not-empty]: esta carpeta no está vacía; faro init solo escribe"),
        "{}",
        es.stderr
    );
    assert!(es.stderr.contains("= sugerencia: indica una carpeta que todavía no exista"), "{}", es.stderr);
    let en = faro_in(EN, dir.path(), &["init", "."]);
    assert!(en.stderr.contains("this folder is not empty; faro init only writes into a new or empty folder"));
    assert!(en.stderr.contains("= hint: name a folder that does not exist yet"), "{}", en.stderr);

    let es = faro_in(ES, dir.path(), &["init", "nuevo", "--languages", "es,es"]);
    assert!(es.stderr.contains("el idioma `es` aparece dos veces"), "{}", es.stderr);

    let es = faro_in(ES, dir.path(), &["new", "campanas/escuelas"]);
    assert!(es.stderr.contains("no hay site.yaml en ., así que no es un sitio de faro"), "{}", es.stderr);
    assert!(es
        .stderr
        .contains("= sugerencia: ejecuta el comando en la carpeta del sitio, o indica esa carpeta con --site DIR"));
    let en = faro_in(EN, dir.path(), &["new", "campanas/escuelas"]);
    assert!(en.stderr.contains("there is no site.yaml in ., so it is not a faro site"), "{}", en.stderr);
    assert!(en.stderr.contains("= hint: run the command in the site's folder, or name that folder with --site DIR"));

    let site = init_site();
    let root = site.path().join("sitio");
    let es = faro_in(ES, &root, &["new", "../fuera"]);
    assert!(
        es.stderr.contains("la ruta no puede tener `..`: la página debe quedar dentro de content/"),
        "{}",
        es.stderr
    );
    assert!(es.stderr.contains("= sugerencia: indica la ruta de la página dentro de la carpeta de cada idioma"));
    let en = faro_in(EN, &root, &["new", "../fuera"]);
    assert!(en.stderr.contains("the path may not contain `..`: the page must stay inside content/"), "{}", en.stderr);
    let es = faro_in(ES, &root, &["new", "campanas/escuelas"]);
    assert!(
        es.stdout.contains("Se creó ") && es.stdout.ends_with("Siguiente paso: faro serve --open\n"),
        "{}",
        es.stdout
    );
}

#[test]
fn theme_commands_say_their_errors_and_next_step_in_the_terminals_language() {
    let site = init_site();
    let root = site.path().join("sitio");
    let es = faro_in(ES, &root, &["theme", "strings", "fr"]);
    assert!(es.stderr.contains("`fr` no es un idioma de este sitio (es, en)"), "{}", es.stderr);
    assert!(es.stderr.contains("= sugerencia: primero agrega `fr` a `languages` en site.yaml"), "{}", es.stderr);
    let en = faro_in(EN, &root, &["theme", "strings", "fr"]);
    assert!(en.stderr.contains("`fr` is not a language of this site (es, en)"), "{}", en.stderr);
    assert!(en.stderr.contains("= hint: add `fr` to `languages` in site.yaml first"), "{}", en.stderr);

    let es = faro_in(ES, &root, &["theme", "eject", "page.html"]);
    assert!(es.stdout.ends_with("Siguiente paso: edita las copias; el sitio usa primero sus propios archivos\n"));
    let es = faro_in(ES, &root, &["theme", "eject", "page.html"]);
    assert!(es.stderr.contains("este archivo ya existe; faro theme eject no escribió nada"), "{}", es.stderr);
    assert!(es.stderr.contains("= sugerencia: borra este archivo o cámbiale el nombre"), "{}", es.stderr);
    let en = faro_in(EN, &root, &["theme", "eject", "page.html"]);
    assert!(en.stderr.contains("this file exists already; faro theme eject wrote nothing"), "{}", en.stderr);
    assert!(en.stderr.contains("= hint: delete or rename this file to take the theme's version instead"));
    let es = faro_in(ES, &root, &["theme", "eject", "nada.html"]);
    assert!(es.stderr.contains("el tema no tiene ninguna plantilla con este nombre"), "{}", es.stderr);
    assert!(es.stderr.contains("= sugerencia: las plantillas del tema: "), "{}", es.stderr);
}

#[test]
fn pdf_says_what_it_lacks_in_the_terminals_language() {
    let site = init_site();
    let root = site.path().join("sitio");
    let none = [("FARO_CHROMIUM", "")];
    let es = faro_env(ES, &root, &["pdf", "es/informes/2025"], &none);
    assert!(!es.status.success());
    assert!(es.stderr.contains("para hacer un PDF se necesita un Chromium sin ventana (headless)"), "{}", es.stderr);
    assert!(
        es.stderr.contains("= sugerencia: instálalo (Debian o Ubuntu: `apt-get install chromium`"),
        "{}",
        es.stderr
    );
    let en = faro_env(EN, &root, &["pdf", "es/informes/2025"], &none);
    assert!(en.stderr.contains("making a PDF needs a headless Chromium, and none was found"), "{}", en.stderr);
    assert!(en.stderr.contains("= hint: install it (Debian or Ubuntu: `apt-get install chromium`"), "{}", en.stderr);

    // A Chromium is named, but the report is not there: found before anything is printed.
    let some = [("FARO_CHROMIUM", "/bin/true")];
    let es = faro_env(ES, &root, &["pdf", "informes/1999"], &some);
    assert!(es.stderr.contains("aquí no hay ningún informe con esa carpeta o dirección"), "{}", es.stderr);
    assert!(es.stderr.contains("= sugerencia: informes de este sitio: "), "{}", es.stderr);
    let en = faro_env(EN, &root, &["pdf", "informes/1999"], &some);
    assert!(en.stderr.contains("no report here has that folder or address"), "{}", en.stderr);
    assert!(en.stderr.contains("= hint: reports of this site: "), "{}", en.stderr);
}

#[test]
fn serve_says_why_it_cannot_start_in_the_terminals_language() {
    let dir = Site::empty();
    let es = faro_in(ES, dir.path(), &["serve", "--site", "no-existe", "--port", "0"]);
    assert!(!es.status.success());
    assert!(es.stderr.starts_with("error: no se puede abrir la carpeta del sitio no-existe: "), "{}", es.stderr);
    let en = faro_in(EN, dir.path(), &["serve", "--site", "no-existe", "--port", "0"]);
    assert!(en.stderr.starts_with("error: cannot open the site folder no-existe: "), "{}", en.stderr);
}
