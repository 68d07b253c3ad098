//! Issue 18: the data part of faro speaks the terminal's language: its messages and hints
//! come from the Fluent catalogs (themes/default/messages/<lang>/data.ftl).

use crate::support::*;

fn run_in(site: &Site, command: &str, lang: &str) -> Run {
    site.run_in(lang, &[command])
}

/// Both runs' standard error: in Spanish, then in English.
fn both(site: &Site, command: &str) -> (String, String) {
    (run_in(site, command, "es_PE.UTF-8").stderr, run_in(site, command, "C.UTF-8").stderr)
}

fn has(stderr: &str, text: &str) {
    assert!(stderr.contains(text), "missing `{text}` in:\n{stderr}");
}

/// src/data/indicators/mod.rs and rows.rs: an indicator's file and its rows.
#[test]
fn an_indicators_errors_and_hints_are_in_the_terminals_language() {
    let site = Site::fixture("indicators");
    site.write(
        "data/indicators/capacitacion.yaml",
        "title: { es: \"Policías capacitados\", en: \"Police officers trained\" }\n\
         topic: { es: \"Prevención\", en: \"Prevention\" }\n\
         unit: { es: \"%\", en: \"%\" }\n\
         measure: percent\n\
         chart: bar\n\
         source: { name: { es: \"Ejemplo\", en: \"Example\" } }\n\
         series:\n  - { period: 2022, value: \"79,6 %\" }\n  - { period: 2023, value: 79.6 }\n\
         target: { value: 190, year: 2026 }\n",
    );
    site.write("data/indicators/huerfano.csv", "period,value\n2021,3\n");
    site.write(
        "data/indicators/bajo.yaml",
        "title: { es: \"Bajo\", en: \"Low\" }\ntopic: { es: \"T\", en: \"T\" }\nunit: { es: \"personas\", en: \"people\" }\nmeasure: count\nchart: bar\nsource: { name: \"MIMP\" }\n\
         series:\n  - { period: 2021, value: 60 }\nbaseline: { value: 5, year: 2020 }\n",
    );
    let (es, en) = both(&site, "build");
    has(&es, "capacitacion.yaml:8: error[indicator]: `79,6 %` no es un número");
    has(&es, "= sugerencia: escribe los números con dígitos y punto decimal, sin unidades: 79.6, no 79,6 %");
    has(&es, "error[indicator]: `target.value`: 190 no es un porcentaje entre 0 y 100");
    has(&es, "huerfano.csv: error[indicator]: este archivo CSV no tiene al lado un archivo YAML con el mismo nombre");
    has(&es, "error[indicator]: la línea de base de 5 es menor que `suppress_below` (10): publicaría un conteo pequeño de personas");
    has(&es, "= sugerencia: da la línea de base como porcentaje (measure: percent), o quítala");
    has(&en, "capacitacion.yaml:8: error[indicator]: `79,6 %` is not a number");
    has(&en, "= hint: write numbers with digits and a decimal point, without units: 79.6, not 79,6 %");
    has(&en, "error[indicator]: `target.value`: 190 is not a percentage between 0 and 100");
    has(&en, "huerfano.csv: error[indicator]: this CSV file has no YAML file of the same name beside it");
    has(&en, "error[indicator]: the baseline of 5 is fewer than `suppress_below` (10): it would publish a small count of people");
    has(&en, "= hint: give the baseline as a share (measure: percent), or leave it out");
}

/// src/data/indicators/mod.rs: disclosure control that cannot protect a cell.
#[test]
fn a_count_that_cannot_be_protected_is_said_in_the_terminals_language() {
    let site = Site::fixture("indicators");
    site.write(
        "data/indicators/victimas-por-sexo.yaml",
        "title: { es: \"Por sexo\", en: \"By sex\" }\ntopic: { es: \"T\", en: \"T\" }\nunit: { es: \"personas\", en: \"people\" }\nmeasure: count\nchart: bar\nsource: { name: \"MIMP\" }\n\
         breakdowns:\n  sexo:\n    name: { es: \"Sexo\", en: \"Sex\" }\n    values:\n      mujeres: { es: \"Mujeres\", en: \"Women\" }\n      hombres: { es: \"Hombres\", en: \"Men\" }\n\
         series:\n  - { period: 2021, value: 60 }\n  - { period: 2021, sexo: mujeres, value: 41 }\n  - { period: 2021, sexo: hombres, value: 4 }\n",
    );
    let (es, en) = both(&site, "build");
    has(&es, "error[indicator]: los valores del desglose `sexo` en el período `2021` suman 45, no este total de 60");
    has(&es, "= sugerencia: si una parte del total no está desglosada, pon `adds_up: at-most` en breakdowns.sexo");
    has(
        &en,
        "error[indicator]: the values of breakdown `sexo` for period `2021` add up to 45, not to this total of 60",
    );
    has(&en, "= hint: if part of the total is not broken down, say `adds_up: at-most` under breakdowns.sexo");
}

/// src/data/goals.rs: data/goals.yaml naming an indicator that does not exist.
#[test]
fn a_goals_errors_and_hints_are_in_the_terminals_language() {
    let site = Site::fixture("reports");
    let goals = String::from_utf8(site.read_source("data/goals.yaml")).unwrap();
    site.write("data/goals.yaml", goals.replacen("indicator: comision", "indicator: comisiones", 1));
    let (es, en) = both(&site, "build");
    has(&es, "error[goals]: la meta `comision-regional` tiene un objetivo en el indicador `comisiones`, que no existe");
    has(&es, "= sugerencia: los indicadores son los archivos de data/indicators/; el identificador es el nombre del archivo sin .yaml");
    has(&en, "error[goals]: goal `comision-regional` has a target on indicator `comisiones`, which does not exist");
    has(&en, "= hint: indicators are the files in data/indicators/; the id is the file name without .yaml");
}

/// src/data/editions.rs: a final report's frozen value that the data now revises.
#[test]
fn a_revision_of_a_frozen_report_is_said_in_the_terminals_language() {
    let site = Site::fixture("reports");
    for lang in ["es", "en"] {
        let path = format!("content/{lang}/informes/2025/_index.md");
        let text = String::from_utf8(site.read_source(&path)).unwrap().replace("status: draft", "status: final");
        site.write(&path, text);
    }
    site.build_ok(&[]);
    let path = "data/indicators/capacitacion.yaml";
    let text = String::from_utf8(site.read_source(path)).unwrap();
    site.write(path, text.replacen("{ period: 2025, value: 70", "{ period: 2025, value: 50", 1));
    let (es, en) = both(&site, "build");
    has(&es, "warning[revision]: el informe 2025 congeló la meta `capacitar-policias` / indicador `capacitacion` en 70 (2025), en camino; los datos ahora dan 50 (2025), atrasada");
    has(&es, "= sugerencia: el informe publicado conserva sus valores congelados");
    has(&en, "warning[revision]: the 2025 report froze goal `capacitar-policias` / indicator `capacitacion` at 70 (2025), on-track; the data now gives 50 (2025), behind");
    has(&en, "= hint: the published report keeps its frozen values");
}

/// src/model/checks.rs and src/model/mod.rs: what pages and site.yaml ask of the site.
#[test]
fn a_pages_and_menus_checks_are_in_the_terminals_language() {
    let site = Site::fixture("indicators");
    site.write("content/es/cifras.md", "---\ntitle: \"Cifras\"\ntext_lang: es\n---\n\n{{< chart no-existe >}}\n");
    site.write("content/es/campana.md", "---\ntitle: \"Campaña\"\ncampaign:\n  message: \"\"\n---\n\nTexto.\n");
    let config = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", format!("{config}menus:\n  main:\n    es:\n      - {{ name: \"Guía\", page: guia.md }}\n"));
    let (es, en) = both(&site, "build");
    has(&es, "error[unknown-indicator]: el shortcode del gráfico nombra `no-existe`, que no es un indicador");
    has(&es, "error[text-lang]: `text_lang: es` es el idioma de la propia página");
    has(&es, "= sugerencia: text_lang indica el idioma en que el texto sigue escrito mientras espera su traducción");
    has(&es, "error[campaign]: el `message` de la campaña está vacío");
    has(&es, "= sugerencia: escribe el mensaje clave en una o dos oraciones");
    has(&es, "error[menu-target]: la entrada de menú `Guía` lleva a content/es/guia.md, que no existe");
    has(&en, "error[unknown-indicator]: the chart shortcode names `no-existe`, which is not an indicator");
    has(&en, "error[text-lang]: `text_lang: es` is the page's own language");
    has(&en, "= hint: text_lang names the language the text is still in, while it awaits translation");
    has(&en, "error[campaign]: the campaign's `message` is empty");
    has(&en, "= hint: write the key message in one or two sentences");
    has(&en, "error[menu-target]: menu entry `Guía` points to content/es/guia.md, which does not exist");
}

/// src/pages/publish.rs: an alias to the page itself and a URL a build would drop.
#[test]
fn aliases_and_dropped_urls_are_said_in_the_terminals_language() {
    let site = Site::fixture("indicators");
    site.write("content/es/guia.md", "---\ntitle: \"Guía\"\naliases: [\"guia\"]\n---\n\nTexto.\n");
    let (es, en) = both(&site, "build");
    has(&es, "error[alias]: el alias `guia` es la dirección de esta misma página, así que se redirigiría a sí mismo");
    has(&en, "error[alias]: the alias `guia` is this page's own address, so it would redirect to itself");
    let site = Site::fixture("indicators");
    site.write("urls.txt", "/es/antes/\n");
    let (es, en) = both(&site, "build");
    has(&es, "urls.txt:1: error[url-removed]: /es/antes/ se publicó antes y este armado la quitaría");
    has(&es, "= sugerencia: agrega `aliases: [\"/es/antes/\"]` a los datos de la página (front matter)");
    has(&en, "urls.txt:1: error[url-removed]: /es/antes/ was published before and this build would drop it");
    has(&en, "= hint: add `aliases: [\"/es/antes/\"]` to the front matter of the page that replaces it");
}

/// src/pages/kits/: a logo a kit cannot use.
#[test]
fn a_kits_logo_error_is_in_the_terminals_language() {
    let site = Site::fixture("indicators");
    site.write(
        "content/es/campana.md",
        "---\ntitle: \"Campaña\"\ncampaign:\n  message: \"Llama gratis.\"\n---\n\nTexto.\n",
    );
    let config = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", config.replacen("languages:", "logo: \"logo.gif\"\nlanguages:", 1));
    let (es, en) = both(&site, "build");
    has(&es, "error[logo]: el logo `logo.gif` debe ser un archivo SVG, PNG o JPEG");
    has(&es, "= sugerencia: pon el archivo en static/ y escribe ahí su ruta, por ejemplo `logo: logo.svg`");
    has(&en, "error[logo]: the logo `logo.gif` must be an SVG, PNG or JPEG file");
    has(&en, "= hint: put the file in static/ and write its path there, such as `logo: logo.svg`");
}

/// src/pages/claims.rs: two outputs at one address, each side named in the language.
#[test]
fn two_outputs_at_one_address_are_said_in_the_terminals_language() {
    let site = Site::fixture("indicators");
    site.write("content/es/foto.png", "png");
    site.write("static/es/foto.png", "png");
    site.write("static/sitemap.xml", "<urlset/>");
    let (es, en) = both(&site, "build");
    has(
        &es,
        "static/es/foto.png: error[duplicate-url]: este archivo y content/es/foto.png escriben los dos /es/foto.png",
    );
    has(&es, "= sugerencia: cambia el nombre del archivo o muévelo: esa dirección ya está ocupada");
    has(&es, "el mapa del sitio (generado) escriben los dos /sitemap.xml");
    has(&en, "static/es/foto.png: error[duplicate-url]: this file and content/es/foto.png both write /es/foto.png");
    has(&en, "= hint: rename or move the file: that address is taken");
    has(&en, "the sitemap (generated) both write /sitemap.xml");
}

/// src/print.rs: a kit's PDF that Chromium could not print.
#[test]
fn a_kit_pdf_chromium_cannot_print_is_said_in_the_terminals_language() {
    let site = Site::fixture("indicators");
    site.write(
        "content/es/campana.md",
        "---\ntitle: \"Campaña\"\ncampaign:\n  message: \"Llama gratis.\"\n---\n\nTexto.\n",
    );
    let run = |lang: &str| {
        let mut cmd = std::process::Command::new(faro());
        cmd.arg("build").arg("--site").arg(site.path()).env("FARO_CHROMIUM", "/nonexistent/chromium");
        cmd.env("LANG", lang).env_remove("LC_ALL").env_remove("LC_MESSAGES");
        Run::of(cmd).stderr
    };
    let (es, en) = (run("es_PE.UTF-8"), run("C.UTF-8"));
    has(&es, "content/es/campana.md: error[kit]: ");
    has(&es, ".pdf: Chromium no pudo imprimir: cannot run /nonexistent/chromium");
    has(&en, ".pdf: Chromium could not print: cannot run /nonexistent/chromium");
}
