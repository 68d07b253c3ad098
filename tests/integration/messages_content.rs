//! Issue 18: the content part of faro speaks the terminal's language: its messages and hints
//! come from the Fluent catalogs (themes/default/messages/<lang>/content.ftl).

use crate::support::*;

/// The stderr of `faro build` on `site` in Spanish (`LANG=es_PE.UTF-8`) and in English.
fn both(site: &Site, args: &[&str]) -> (String, String) {
    let args: Vec<&str> = ["build"].into_iter().chain(args.iter().copied()).collect();
    let run_in = |lang: &str| site.run_in(lang, &args).stderr;
    (run_in("es_PE.UTF-8"), run_in("C.UTF-8"))
}

fn has(stderr: &str, texts: &[&str]) {
    for text in texts {
        assert!(stderr.contains(text), "stderr lacks `{text}`\n{stderr}");
    }
}

#[test]
fn markdown_raw_html_shortcodes_and_captions_are_said_in_spanish() {
    let site = Site::fixture("bilingual");
    site.write(
        "content/es/prueba.md",
        "---\ntitle: Prueba\n---\n\nTexto <b>fuerte</b>.\n\n{{< youtube x >}}\n\n{{< chart x\n\nTabla: Víctimas {#tbl:v}\n\nSin tabla.\n",
    );
    let (es, en) = both(&site, &[]);
    has(
        &es,
        &[
            "warning[raw-html]: el HTML escrito en Markdown se muestra como texto, nunca se ejecuta",
            "= sugerencia: usa Markdown en su lugar; faro escapa el HTML",
            "error[shortcode]: `{{< youtube x >}}` no es un shortcode",
            "= sugerencia: los shortcodes de faro son {{< chart ID >}}, {{< goals >}} y {{< roadmap >}}, cada uno solo en su línea",
            "error[shortcode]: `{{< chart x` no se cierra con `>}}` en la misma línea",
            "error[table-caption]: el título de la tabla `v` no va seguido de una tabla",
            "= sugerencia: escribe la línea del título justo encima de la tabla",
        ],
    );
    has(
        &en,
        &[
            "warning[raw-html]: raw HTML in Markdown is shown as text, never run",
            "= hint: use Markdown instead; faro escapes HTML so that page text can never become script",
            "error[shortcode]: `{{< youtube x >}}` is not a shortcode",
            "= hint: faro's shortcodes are {{< chart ID >}}, {{< goals >}} and {{< roadmap >}}, each alone on its line; to link to a page (Hugo's ref), write [text](page.md)",
            "error[shortcode]: `{{< chart x` is not closed with `>}}` on the same line",
            "error[table-caption]: the caption of table `v` is not followed by a table",
            "= hint: write the caption line directly above the table",
        ],
    );
}

#[test]
fn links_anchors_addresses_and_cross_references_are_said_in_spanish() {
    let site = Site::fixture("bilingual");
    site.write("content/es/borrador.md", "---\ntitle: Borrador\ndraft: true\n---\n\nTexto.\n");
    site.write(
        "content/es/prueba.md",
        concat!(
            "---\ntitle: Prueba\n---\n\n## Uno\n\n",
            "[a](borrador.md) [b](/es/nada/) [c](#dos) [d](javascript:alert(1)) [e](https://yo@example.org/)\n\n",
            "Ver [@sec:x].\n",
        ),
    );
    let (es, en) = both(&site, &[]);
    has(
        &es,
        &[
            "error[link-to-draft]: el enlace `borrador.md` lleva a content/es/borrador.md, que es un borrador y no se publica",
            "= sugerencia: publica esa página (quita `draft: true`), quita el enlace, o revisa la vista previa con --drafts",
            "warning[broken-link]: el enlace `/es/nada/` no lleva a nada que este sitio publique",
            "= sugerencia: una ruta del sitio es la dirección de una página sin la ruta base",
            "error[broken-anchor]: el enlace `#dos` lleva a `#dos`, que no está en esta página",
            "= sugerencia: escribe las palabras de un título o su id: `#uno`",
            "error[unsafe-link]: `javascript:alert(1)` se rechaza: no se permiten enlaces con el esquema `javascript:`",
            "= sugerencia: enlaza con http:, https:, mailto: o tel:, o a un archivo del sitio",
            "error[unsafe-link]: `https://yo@example.org/` nombra un usuario antes del servidor",
            "= sugerencia: escribe una dirección como https://example.org/pagina",
            "error[broken-ref]: `[@sec:x]`: las referencias cruzadas funcionan en los capítulos de un informe",
        ],
    );
    has(
        &en,
        &[
            "error[link-to-draft]: the link `borrador.md` points to content/es/borrador.md, which is a draft and is not published",
            "= hint: publish that page (remove `draft: true`), remove the link, or preview with --drafts",
            "warning[broken-link]: the link `/es/nada/` leads to nothing this site publishes",
            "= hint: a site path is a page's URL without the base path (`/es/guia/`), or a file of static/",
            "error[broken-anchor]: the link `#dos` points to `#dos`, which is not on this page",
            "= hint: write a heading's words or its id: `#uno`",
            "error[unsafe-link]: `javascript:alert(1)` is refused: links with the scheme `javascript:` are not allowed",
            "= hint: link with http:, https:, mailto: or tel:, or to a file of the site",
            "error[unsafe-link]: `https://yo@example.org/` names a user before the host, which hides where it leads",
            "= hint: write an address such as https://example.org/page",
            "error[broken-ref]: `[@sec:x]`: cross-references work in the chapters of a report",
        ],
    );
}

#[test]
fn a_cross_reference_to_nothing_in_a_report_is_said_in_spanish() {
    let site = Site::fixture("reports");
    site.write("content/es/informes/2025/capitulo-prueba.md", "---\ntitle: Capítulo\n---\n\nVer [@fig:nada].\n");
    let (es, en) = both(&site, &[]);
    has(
        &es,
        &[
            "error[broken-ref]: `[@fig:nada]` no lleva a nada: ningún gráfico de este informe muestra el indicador `nada`",
            "= sugerencia: escribe [@sec:id-del-titulo] para una sección",
        ],
    );
    has(
        &en,
        &[
            "error[broken-ref]: `[@fig:nada]` refers to nothing: no chart of this report shows the indicator `nada`",
            "= hint: write [@sec:heading-id] for a section (the id is the heading's slug), [@fig:indicator-id] for a chart, or [@tbl:id] for a table captioned `Tabla: text {#tbl:id}`",
        ],
    );
}

#[test]
fn front_matter_mistakes_are_said_in_spanish_and_the_readers_words_kept() {
    let site = Site::fixture("bilingual");
    site.write("content/es/toml.md", "+++\ntitle = \"Guía\"\n+++\n\nTexto.\n");
    site.write("content/es/typo.md", "---\ntitel: Hola\nlayout: x\nautor: Ana\n---\n\nTexto.\n");
    site.write("content/es/fecha.md", "---\ntitle: Fecha\ndate: 2025-02-10T10:00\nsort_by: date\n---\n\nTexto.\n");
    site.write("content/es/vacio.md", "---\ntitle: \"\"\nupdated: ayer\n---\n\nTexto.\n");
    let (es, en) = both(&site, &[]);
    has(
        &es,
        &[
            "content/es/toml.md:1: error[front-matter]: los datos de la página (front matter) están en TOML, entre líneas `+++`",
            // serde's words are the reader's; the hint around them is faro's.
            "error[front-matter]: unknown field `titel`",
            "= sugerencia: ¿quisiste decir `title`?",
            "= sugerencia: indica la plantilla con `template: page.html`",
            "= sugerencia: pon tus propios campos dentro de `extra:` (`extra: { autor: ... }`), donde las plantillas los leen como `page.extra.autor`",
            "error[front-matter]: `date` debe ser una hora con su diferencia respecto a UTC",
            "no `2025-02-10T10:00`",
            "error[front-matter]: `sort_by` solo sirve en el `_index.md` de una sección",
            "error[front-matter]: `title` está vacío",
            "error[front-matter]: `updated` debe ser una fecha escrita AAAA-MM-DD, o una fecha y hora RFC 3339 como 2025-02-10T10:00:00-05:00, no `ayer`",
        ],
    );
    has(
        &en,
        &[
            "content/es/toml.md:1: error[front-matter]: the front matter is TOML, between `+++` lines (Zola's and Hugo's), which faro does not read: write it as YAML between `---` lines (`title = \"Guía\"` becomes `title: \"Guía\"`)",
            "error[front-matter]: unknown field `titel`",
            "= hint: did you mean `title`?",
            "= hint: name the template with `template: page.html`",
            "= hint: put fields of your own under `extra:` (`extra: { autor: ... }`), where templates read them as `page.extra.autor`",
            "error[front-matter]: `date` must be a time with its offset from UTC (2025-02-10T10:00:00-05:00 in Peru, or …Z), or only the day: a time alone names no instant, not `2025-02-10T10:00`",
            "error[front-matter]: `sort_by` only applies to a section's `_index.md`",
            "error[front-matter]: `title` is empty",
            "error[front-matter]: `updated` must be a date written YYYY-MM-DD, or an RFC 3339 date and time such as 2025-02-10T10:00:00-05:00, not `ayer`",
        ],
    );
    // A misspelt title is not reported again as a missing one, in any language.
    assert!(!es.contains("falta el campo `title`") && !en.contains("missing field `title`"), "{en}");
}

#[test]
fn a_missing_title_and_a_key_in_both_spellings_are_said_in_spanish() {
    let site = Site::fixture("bilingual");
    site.write("content/es/sin.md", "---\ndescription: Algo\n---\n\nTexto.\n");
    site.write("content/es/dos.md", "---\ntitle: Dos\nlastmod: 2025-01-01\nupdated: 2025-01-02\n---\n\nTexto.\n");
    let (es, en) = both(&site, &[]);
    has(
        &es,
        &[
            "content/es/sin.md:2:1: error[front-matter]: falta el campo `title`",
            "= sugerencia: toda página necesita un título: agrega una línea `title: \"...\"` entre las líneas `---`",
            "content/es/dos.md:4: error[front-matter]: `lastmod` es otra forma de escribir `updated`, y esta página escribe las dos; deja una",
        ],
    );
    has(
        &en,
        &[
            "content/es/sin.md:2:1: error[front-matter]: missing field `title`",
            "= hint: every page needs a title: add a line `title: \"...\"` between the `---` lines",
            "content/es/dos.md:4: error[front-matter]: `lastmod` is another spelling of `updated`, and this page writes both; keep one",
        ],
    );
}

#[test]
fn the_content_tree_is_said_in_spanish() {
    let site = Site::fixture("bilingual");
    site.write("content/suelto.md", "---\ntitle: Suelto\n---\n");
    site.write("content/fr/_index.md", "---\ntitle: Accueil\n---\n");
    let (es, en) = both(&site, &[]);
    has(
        &es,
        &[
            "content/suelto.md: error[content-layout]: los archivos de content/ deben estar dentro de una carpeta de idioma, como content/es/",
            "error[undeclared-language]: la carpeta content/fr/ es para el idioma `fr`, que site.yaml no declara",
            "= sugerencia: agrega `fr` a `languages` en site.yaml, o cambia el nombre de la carpeta a uno de: es, en",
        ],
    );
    has(
        &en,
        &[
            "content/suelto.md: error[content-layout]: files in content/ must be inside a language folder such as content/es/",
            "error[undeclared-language]: the folder content/fr/ is for language `fr`, which site.yaml does not declare",
            "= hint: add `fr` to `languages` in site.yaml, or rename the folder to one of: es, en",
        ],
    );
}

#[test]
fn slugs_urls_and_translation_keys_are_said_in_spanish() {
    let site = Site::fixture("bilingual");
    site.remove("content/en/_index.md");
    site.write("content/es/a.md", "---\ntitle: A\nslug: \"!!\"\n---\n");
    site.write("content/es/b.md", "---\ntitle: B\nslug: mismo\ntranslation_key: k\n---\n");
    site.write("content/es/c.md", "---\ntitle: C\nslug: mismo\ntranslation_key: k\n---\n");
    site.write("content/es/d.md", "---\ntitle: D\nslug: \"a%20b\"\n---\n");
    let (es, en) = both(&site, &[]);
    has(
        &es,
        &[
            "error[empty-slug]: el slug está vacío: dale a la página un `slug` hecho de letras o números",
            "error[duplicate-url]: esta página y content/es/b.md escriben las dos la dirección /es/mismo/",
            "= sugerencia: dale a una de ellas otro `slug`",
            "error[duplicate-translation-key]: el translation_key `k` también lo usa content/es/b.md en el mismo idioma",
            "= sugerencia: cada idioma puede tener una sola página por translation_key",
            "error[unsafe-path]: el slug `a%20b` tiene `%`, que un servidor web decodificaría o cortaría",
            "= sugerencia: escribe el slug como debe leerse, con letras, números y `-`",
            "error[missing-home]: el idioma `en` no tiene página de inicio; cada idioma de site.yaml necesita una",
            "= sugerencia: crea content/en/_index.md con un `title`",
        ],
    );
    has(
        &en,
        &[
            "error[empty-slug]: the slug is empty: give the page a `slug` made of letters or digits",
            "error[duplicate-url]: this page and content/es/b.md both write the URL /es/mismo/",
            "= hint: give one of them a different `slug`",
            "error[duplicate-translation-key]: translation_key `k` is also used by content/es/b.md in the same language",
            "= hint: each language may have one page per translation_key",
            "error[unsafe-path]: the slug `a%20b` has `%`, which a web server would decode or cut",
            "= hint: write the slug as it should read, with letters, digits and `-`",
            "error[missing-home]: language `en` has no home page; every language in site.yaml needs one",
            "= hint: create content/en/_index.md with a `title`",
        ],
    );
}

#[test]
fn unreadable_text_and_yaml_are_said_in_spanish() {
    let site = Site::fixture("bilingual");
    site.write("content/es/latin1.md", b"---\ntitle: Caf\xe9\n---\n".as_slice());
    site.write("content/es/nul.md", "---\ntitle: \"a\\0b\"\n---\n");
    // site.yaml that cannot be read stops the build before content/: a site of its own.
    let config = Site::fixture("bilingual");
    let yaml = std::fs::read_to_string(config.path().join("site.yaml")).unwrap();
    config.write("site.yaml", format!("{yaml}\ntitle: {{ es: Otra, en: Other }}\nfooter: \"a\\0b\"\n"));
    let (es, en) = both(&site, &[]);
    let (config_es, config_en) = both(&config, &[]);
    let (es, en) = (es + &config_es, en + &config_en);
    has(
        &es,
        &[
            "content/es/latin1.md:2:11: error[not-utf8]: el archivo no es texto UTF-8",
            "= sugerencia: guarda el archivo como UTF-8 en tu editor (\"Guardar con codificación\" > UTF-8)",
            "content/es/nul.md:2:10: error[front-matter]: un carácter NUL (U+0000), que un texto publicado no puede tener",
            "= sugerencia: los datos de la página (front matter) son YAML: revisa comillas, dos puntos y sangría",
            "site.yaml:28:11: error[site-config]: un carácter NUL (U+0000), que un texto publicado no puede tener",
            "= sugerencia: bórralo (o el `\\0` que lo escribe)",
            "= sugerencia: escribe cada clave una sola vez en su bloque",
        ],
    );
    has(
        &en,
        &[
            "content/es/latin1.md:2:11: error[not-utf8]: the file is not UTF-8 text",
            "= hint: save the file as UTF-8 in your editor (\"Save with encoding\" > UTF-8)",
            "content/es/nul.md:2:10: error[front-matter]: a NUL character (U+0000), which published text may not hold",
            "= hint: front matter is YAML: check quotes, colons and indentation",
            "site.yaml:28:11: error[site-config]: a NUL character (U+0000), which published text may not hold",
            "= hint: delete it (or the `\\0` escape that writes it)",
            "= hint: write each key once in its mapping; until then the first one is read and this one is left out",
        ],
    );
}

#[cfg(unix)]
#[test]
fn links_out_of_the_site_and_special_files_are_said_in_spanish() {
    let site = Site::fixture("bilingual");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("x.md"), "---\ntitle: Fuera\n---\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("x.md"), site.path().join("content/es/fuera.md")).unwrap();
    std::os::unix::fs::symlink(site.path().join("no-existe.md"), site.path().join("content/es/roto.md")).unwrap();
    let fifo = site.path().join("content/es/tubo.md");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (es, en) = both(&site, &[]);
    has(
        &es,
        &[
            "error[symlink]: este enlace (symlink) lleva fuera de la carpeta del sitio; nada fuera del sitio se lee ni se publica",
            "= sugerencia: copia el archivo dentro de la carpeta del sitio en vez de enlazarlo",
            "warning[symlink]: este enlace (symlink) se omitió: está roto",
            "= sugerencia: copia el archivo aquí en vez de enlazarlo",
            "warning[special-file]: se omitió: es un FIFO (tubería con nombre), no un archivo, y nunca se abre",
            "= sugerencia: sácalo de la carpeta del sitio, o cámbialo por un archivo común",
        ],
    );
    has(
        &en,
        &[
            "error[symlink]: this link leads outside the site folder; nothing outside the site is read or published",
            "= hint: copy the file into the site folder instead of linking to it",
            "warning[symlink]: this link was skipped: it is broken",
            "= hint: copy the file here instead of linking to it",
            "warning[special-file]: skipped: this is a FIFO (named pipe), not a file, and is never opened",
            "= hint: remove it from the site folder, or replace it with a regular file",
        ],
    );
}
