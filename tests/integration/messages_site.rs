//! Issue 18: the site part of faro speaks the terminal's language: its messages and hints
//! come from the Fluent catalogs (themes/default/messages/<lang>/site.ftl).

use crate::support::{minimal_site, page_template, Run, Site};

fn run_in(site: &Site, lang: &str, args: &[&str]) -> Run {
    site.run_in(lang, args)
}

/// The build's stderr in Spanish and in English, after it failed in both.
fn both(site: &Site, args: &[&str]) -> (String, String) {
    let es = run_in(site, "es_PE.UTF-8", args);
    let en = run_in(site, "C.UTF-8", args);
    assert!(!es.status.success() && !en.status.success(), "{}\n{}", es.stderr, en.stderr);
    (es.stderr.clone(), en.stderr.clone())
}

fn has(stderr: &str, texts: &[&str]) {
    for t in texts {
        assert!(stderr.contains(t), "lacks {t:?}:\n{stderr}");
    }
}

const HEAD: &str = "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: \"Alto a la trata\", en: \"Stop Trafficking\" }\n";

#[test]
fn site_yaml_checks_speak_the_terminals_language() {
    // config.rs
    let site = minimal_site();
    site.write(
        "site.yaml",
        "base_url: \"ftp://example.org/\"\nlanguages: [es, en]\ntitle: { es: \"Alto\", en: \"Stop\" }\ncontact: { email: \"sin arroba\" }\nhelp_lines:\n  - name: { es: Línea, en: Line }\n    phone: \"1818 (opción 1)\"\n",
    );
    let (es, en) = both(&site, &["build"]);
    has(
        &es,
        &[
            "error[site-config]: `base_url` debe ser una dirección http(s) completa",
            "= sugerencia: codifica con % lo que la ruta necesite (un espacio es %20)",
            "`sin arroba` no es una dirección de correo",
            "`1818 (opción 1)` no es un número de teléfono que se pueda marcar: tiene algo más que un número; escribe un solo número",
        ],
    );
    has(
        &en,
        &[
            "error[site-config]: `base_url` must be an absolute http(s) URL with a host and no user, query or fragment",
            "= hint: percent-encode what a path needs (a space is %20); leave out `?…` and `#…`",
            "`sin arroba` is not an email address (one `@`, no spaces or `<>\"?:` signs)",
            "`1818 (opción 1)` is not a phone number to dial: it holds more than a number; write one number",
        ],
    );
}

#[test]
fn unknown_keys_of_site_yaml_are_named_where_they_are_in_the_terminals_language() {
    // config/keys.rs and config/read.rs
    let site = minimal_site();
    site.write(
        "site.yaml",
        format!("{HEAD}contact: {{ emial: a@b.org }}\npaginate: 10\nlanguages2: x\nhelp_lines: {{ a: b }}\n"),
    );
    let (es, en) = both(&site, &["build"]);
    has(
        &es,
        &[
            "site.yaml:4:12: error[site-config]: la clave `emial` no existe en `contact`: ¿quisiste decir `email`?",
            "la clave `paginate` no existe: la cantidad de páginas por página de lista es `publish.page_size`",
            "= sugerencia: `help_lines` es una lista, con cada elemento en una línea que empieza con `- `",
        ],
    );
    has(
        &en,
        &[
            "site.yaml:4:12: error[site-config]: unknown field `emial` in `contact`: did you mean `email`?",
            "unknown field `paginate`: the number of pages per list page is `publish.page_size`",
            "= hint: `help_lines` is a list, each entry on a line starting with `- `",
        ],
    );
}

#[test]
fn menus_and_languages_of_site_yaml_speak_the_terminals_language() {
    // config/menus.rs and config/languages.rs
    let site = minimal_site();
    site.write(
        "site.yaml",
        "base_url: \"https://example.org/\"\nlanguages:\n  - es\n  - { code: en, direction: down }\ntitle: { es: a, en: b }\nmenus:\n  es: []\n  footer: { es: [] }\n",
    );
    let (es, en) = both(&site, &["build"]);
    has(
        &es,
        &[
            "idioma `en`: `direction` es `ltr` (de izquierda a derecha) o `rtl` (de derecha a izquierda), no `down`",
            "`menus` mezcla sus dos formas: `es` tiene una lista",
            "= sugerencia: escribe `menus: { main: { es: [...] }, footer: { ... } }`, moviendo la lista de cada idioma dentro de `main`",
        ],
    );
    has(
        &en,
        &[
            "language `en`: `direction` is `ltr` (left to right) or `rtl` (right to left), not `down`",
            "`menus` mixes its two forms: `es` holds a list (the main menu of language `es`) and `footer` a map",
            "= hint: write `menus: { main: { es: [...] }, footer: { ... } }`, moving each language's list under `main`",
        ],
    );
}

#[test]
fn a_language_without_interface_strings_is_said_in_the_terminals_language() {
    // i18n.rs
    let site = minimal_site();
    site.write(
        "site.yaml",
        "base_url: \"https://example.org/\"\nlanguages: [es, en, ay]\ntitle: { es: a, en: b, ay: c }\n",
    );
    site.write("content/ay/_index.md", "---\ntitle: \"Aymara\"\n---\n\nAski.\n");
    let (es, en) = both(&site, &["build"]);
    has(
        &es,
        &[
            "error[missing-ui-strings]: el tema no tiene textos de la interfaz para `ay` y no se indica un `fallback`: faltan ",
            " y ",
            " más)",
            "= sugerencia: ejecuta `faro theme strings ay` para escribir i18n/ay.yaml con todos los textos que hay que traducir, o deja que otro idioma los complete: `- { code: ay, fallback: es }` en `languages`",
        ],
    );
    has(
        &en,
        &[
            "error[missing-ui-strings]: the theme has no interface strings for `ay` and it names no `fallback`: ",
            " interface strings missing (",
            " more)",
            "= hint: run `faro theme strings ay` to write i18n/ay.yaml with every string to translate, or let another language fill them: `- { code: ay, fallback: es }` in `languages`",
        ],
    );
}

#[test]
fn a_sites_strings_file_is_checked_in_the_terminals_language() {
    // i18n/site_file.rs: an unknown key, a key twice, months with 2 entries
    let site = minimal_site();
    site.write(
        "i18n/es.yaml",
        "search_titl: \"Buscar\"\nmonths: [enero, febrero]\nmonths: [enero, febrero]\nxyzzy_plugh: \"x\"\n",
    );
    site.write("i18n/en.yaml", "months: [January, February]\n");
    let (es, en) = both(&site, &["build"]);
    has(
        &es,
        &[
            "i18n/es.yaml:1:1: error[i18n]: `search_titl` no es un texto de la interfaz del tema: ¿quisiste decir `search_title`?",
            "= sugerencia: el archivo puede tener los textos del tema (`faro theme strings es --stdout` los muestra todos)",
            "i18n/es.yaml:3:1: error[i18n]: `months` está escrita por segunda vez (la primera, en la línea 2)",
            "= sugerencia: en un archivo de textos cada clave va una sola vez: borra la que no quieres",
            "`xyzzy_plugh` no es un texto de la interfaz del tema, y ninguna plantilla de este sitio lo usa",
            "i18n/en.yaml:1:9: error[i18n]: `months` tiene 2 elementos y la del tema tiene 12: pon los 12",
            "= sugerencia: faro toma los elementos de una lista por su posición, en el orden del tema",
        ],
    );
    has(
        &en,
        &[
            "i18n/es.yaml:1:1: error[i18n]: `search_titl` is not an interface string of the theme: did you mean `search_title`?",
            "i18n/es.yaml:3:1: error[i18n]: `months` is written a second time (first at line 2)",
            "= hint: a key may be given once in a strings file: delete the one you do not mean",
            "`xyzzy_plugh` is not an interface string of the theme, and no template of this site names it",
            "i18n/en.yaml:1:9: error[i18n]: `months` has 2 entries where the theme's has 12: give all 12",
            "= hint: faro takes a list's entries by position, in the theme's order (`faro theme strings en --stdout` prints it)",
        ],
    );
}

#[test]
fn an_unknown_theme_and_a_failing_template_speak_the_terminals_language() {
    // theme.rs
    let site = minimal_site();
    site.write("site.yaml", format!("{HEAD}theme: nada\n"));
    let (es, en) = both(&site, &["build"]);
    has(&es, &["error[unknown-theme]: no se encontró el tema `nada`: no hay una carpeta themes/nada/"]);
    has(&en, &["error[unknown-theme]: theme `nada` not found: there is no folder themes/nada/"]);
    // render.rs: minijinja's own words, the hint around them in the terminal's language
    let site = minimal_site();
    site.write("templates/page.html", page_template("{{ nada.x.y }}"));
    let (es, en) = both(&site, &["build"]);
    has(&es, &["error[template]: undefined value", "= sugerencia: al armar content/"]);
    has(&en, &["error[template]: undefined value", "= hint: while rendering content/"]);
}

#[test]
fn an_output_folder_faro_may_not_replace_is_refused_in_the_terminals_language() {
    // output/mod.rs
    let site = minimal_site();
    let content = site.path().join("content");
    let (es, en) = both(&site, &["build", "--output", content.to_str().unwrap()]);
    has(
        &es,
        &[
            "error[unsafe-output]: la carpeta de salida reemplazaría los archivos propios del sitio",
            "= sugerencia: elige una carpeta de salida fuera de content/",
        ],
    );
    has(
        &en,
        &[
            "error[unsafe-output]: the output folder would replace the site's own files",
            "= hint: choose an output folder outside content/, static/, templates/, themes/ and i18n/",
        ],
    );
    // output/dir.rs
    let site = minimal_site();
    site.write("public/notas.txt", "mías");
    let (es, en) = both(&site, &["build"]);
    has(
        &es,
        &[
            "tiene archivos que faro no escribió (`notas.txt`): al armar el sitio solo se reemplaza una carpeta vacía o escrita por faro",
            "= sugerencia: muévelos a otro lugar (a static/ para publicarlos con el sitio)",
        ],
    );
    has(
        &en,
        &[
            "holds files faro did not write (`notas.txt`): a build replaces only a folder that is empty or that faro wrote",
            "= hint: move them away (into static/ to publish them with the site), list them under `publish.keep`",
        ],
    );
}
