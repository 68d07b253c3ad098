//! Issue 17: content_search. Search as a writer of a three-language site uses it: the whole
//! page indexed, queries folded as the text is (`senales`, `seniales`, `señales`), plurals
//! found from singulars and back in Spanish, English and Quechua, and a count line in the
//! language's plural forms. Each test runs the built site's own `search.js` on its own
//! index in node, as the browser would (skipped, saying so, where node is not installed).

use crate::publishing::{parse_json, Json};
#[allow(unused_imports)]
use crate::support::*;
use std::path::Path;
use std::process::Command;

/// Loads a built `search.js` as the browser would (no DOM: it only hands out its functions)
/// and, with files read from the index's folder for fetches, runs each query and prints the
/// titles of every result, best first; or `countText(runs, n)` for each number.
const RUNNER: &str = r#"
const fs = require("fs"), vm = require("vm"), path = require("path");
const [mode, js, data, ...args] = process.argv.slice(1);
const module = { exports: {} };
vm.runInNewContext(fs.readFileSync(js, "utf8"), { module });
const s = module.exports;
if (typeof s.Index !== "function" || typeof s.countText !== "function") {
  console.error(js + ": search.js hands out no Index(load) or countText(runs, n)");
  process.exit(2);
}
if (mode === "search") {
  const dir = path.dirname(data);
  const load = (rel) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, rel.split("?")[0]), "utf8")));
  (async () => {
    for (const q of args) {
      const index = new s.Index(load);
      const found = await index.search(q);
      const results = await index.page(found, 0, found.hits.length);
      console.log(JSON.stringify(results.map((r) => r.t)));
    }
  })().catch((e) => { console.error(e); process.exit(3); });
} else {
  const runs = JSON.parse(data);
  for (const n of args) console.log(JSON.stringify([s.countText(runs, Number(n))]));
}
"#;

fn has_node() -> bool {
    let found = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: these tests run search.js in node, which is not installed");
    }
    found
}

/// Each line node printed, as the list of texts it holds.
fn node(mode: &str, js: &Path, data: &str, args: &[&str]) -> Vec<Vec<String>> {
    let out = Command::new("node").args(["-e", RUNNER, mode]).arg(js).arg(data).args(args).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "node failed:\n{stderr}");
    stdout.lines().map(|l| parse_json(l).arr().iter().map(|t| Json::str(t).unwrap().to_string()).collect()).collect()
}

/// The titles each query finds in the built index at `index_rel` (`es/buscar/index.json`).
fn search(site: &Site, index_rel: &str, queries: &[&str]) -> Vec<Vec<String>> {
    let index = site.public().join(index_rel);
    node("search", &site.public().join("search.js"), index.to_str().unwrap(), queries)
}

fn finds(found: &[String], title: &str) -> bool {
    found.iter().any(|t| t == title)
}

/// A site in es, en and qu; each `(path, title, body)` becomes a page.
fn trilingual(pages: &[(&str, &str, &str)]) -> Site {
    let site = Site::from_files(&[(
        "site.yaml",
        "base_url: \"https://example.org/\"\nlanguages: [es, en, { code: qu, fallback: es }]\n\
         title: { es: \"Alto a la trata\", en: \"Stop Trafficking\", qu: \"Yanapay 1818\" }\n",
    )]);
    for (lang, title) in [("es", "Alto a la trata"), ("en", "Stop Trafficking"), ("qu", "Yanapay 1818")] {
        site.write(&format!("content/{lang}/_index.md"), format!("---\ntitle: \"{title}\"\n---\n\n1818.\n"));
    }
    for (path, title, body) in pages {
        site.write(path, format!("---\ntitle: \"{title}\"\n---\n\n{body}\n"));
    }
    site
}

/// The index of a language whose search page's slug the theme may lack (Quechua): found
/// from the search link of its home page.
fn index_of(site: &Site, lang: &str) -> String {
    let home = site.html(&format!("{lang}/index.html"));
    let link = tags(&home, "a").into_iter().find(|a| a.has_class("search-link")).expect("a search link");
    format!("{}index.json", link.attr("href").unwrap().trim_start_matches('/'))
}

/// The keys of the document titled `title` in the built index at `index_rel`.
fn keys_of(site: &Site, index_rel: &str, title: &str) -> String {
    let docs = crate::publishing::search_index(site, index_rel);
    let doc = docs.into_iter().find(|d| d.0 == title).unwrap_or_else(|| panic!("{index_rel}: no document `{title}`"));
    doc.2
}

#[test]
fn a_word_from_the_last_paragraph_of_a_3000_word_page_is_found() {
    // 3,200 words, the same 16 over and over, then a last paragraph with words of its own.
    let filler = "la trata de personas es un delito que se denuncia gratis en la linea de ayuda ";
    let mut body = String::new();
    for n in 0..200 {
        body.push_str(filler);
        body.push_str(if n % 10 == 9 { "\n\n" } else { "" });
    }
    body.push_str("\n\nAl final, el quetzal vuela sobre la selva.");
    let site = trilingual(&[("content/es/larga.md", "Una página larga", &body)]);
    site.build_ok(&[]);
    let keys = keys_of(&site, "es/buscar/index.json", "Una página larga");
    let tail: String = keys.chars().rev().take(100).collect::<Vec<_>>().into_iter().rev().collect();
    assert!(keys.split(' ').any(|k| k == "quetcal"), "no key of `quetzal`, the index ends: …{tail}");
    // Compact: each key once, not the text (3,200 words, some 16 kB).
    let unique: std::collections::BTreeSet<&str> = keys.split(' ').collect();
    assert_eq!(unique.len(), keys.split(' ').count(), "{keys}");
    assert!(keys.len() < 300, "{} bytes: {keys}", keys.len());
    // Only the search page loads the index and its script.
    let page = site.html("es/larga/index.html");
    assert!(!page.contains("search.js") && !page.contains("index.json"), "{page}");
    if !has_node() {
        return;
    }
    let found = search(&site, "es/buscar/index.json", &["quetzal", "selva", "denuncia"]);
    for (query, hits) in ["quetzal", "selva", "denuncia"].iter().zip(&found) {
        assert!(finds(hits, "Una página larga"), "{query}: {hits:?}");
    }
}

#[test]
fn queries_find_words_written_with_or_without_the_tilde() {
    if !has_node() {
        return;
    }
    let site = trilingual(&[
        ("content/es/senales.md", "Señales de alerta", "Conoce las señales de captación."),
        ("content/es/sin-tilde.md", "Escrito sin tilde", "Las senales de la captacion, escritas sin tilde."),
        ("content/es/trafico.md", "Tráfico", "El tráfico ilícito de migrantes."),
    ]);
    site.build_ok(&[]);
    let found =
        search(&site, "es/buscar/index.json", &["senales", "seniales", "señales", "SEÑALES", "trafico", "Ilícito"]);
    let (with, without) = ("Señales de alerta", "Escrito sin tilde");
    assert!(finds(&found[0], with) && finds(&found[0], without), "senales: {:?}", found[0]);
    assert!(finds(&found[1], with) && !finds(&found[1], without), "seniales: {:?}", found[1]);
    assert!(finds(&found[2], with) && finds(&found[2], without), "señales: {:?}", found[2]);
    assert!(finds(&found[3], with) && finds(&found[3], without), "SEÑALES: {:?}", found[3]);
    assert!(finds(&found[4], "Tráfico") && finds(&found[5], "Tráfico"), "{found:?}");
}

#[test]
fn plural_queries_find_singulars_and_back_in_spanish_english_and_quechua() {
    if !has_node() {
        return;
    }
    let site = trilingual(&[
        ("content/es/campanas.md", "Campañas", "Nuestras campañas en colegios."),
        ("content/es/derecho.md", "Derecho", "El derecho a la identidad."),
        ("content/es/leyes.md", "Leyes", "Las leyes del Perú contra la trata."),
        ("content/es/ley.md", "La ley", "La ley 28950."),
        ("content/en/victim.md", "Help", "Help for a victim of trafficking."),
        ("content/en/victims.md", "Many", "Victims of trafficking."),
        ("content/qu/wasikuna.md", "Wasikuna", "Wasikuna llaqtapi."),
        ("content/qu/wasi.md", "Wasi", "Huk wasi."),
    ]);
    site.build_ok(&[]);
    let es = search(&site, "es/buscar/index.json", &["campaña", "campañas", "derechos", "ley", "leyes"]);
    assert!(finds(&es[0], "Campañas") && finds(&es[1], "Campañas"), "{es:?}");
    assert!(finds(&es[2], "Derecho"), "derechos: {:?}", es[2]);
    assert!(finds(&es[3], "Leyes") && finds(&es[3], "La ley"), "ley: {:?}", es[3]);
    assert!(finds(&es[4], "Leyes") && finds(&es[4], "La ley"), "leyes: {:?}", es[4]);
    let en = search(&site, "en/search/index.json", &["victims", "victim"]);
    assert!(finds(&en[0], "Help") && finds(&en[0], "Many"), "victims: {:?}", en[0]);
    assert!(finds(&en[1], "Help") && finds(&en[1], "Many"), "victim: {:?}", en[1]);
    let qu = search(&site, &index_of(&site, "qu"), &["wasi", "wasikuna"]);
    assert!(finds(&qu[0], "Wasikuna") && finds(&qu[0], "Wasi"), "wasi: {:?}", qu[0]);
    assert!(finds(&qu[1], "Wasikuna") && finds(&qu[1], "Wasi"), "wasikuna: {:?}", qu[1]);
    // A language's rule cuts only its own index: English has no -kuna.
    assert!(!finds(&en[0], "Wasi"), "{en:?}");
}

/// The count texts a search page hands its script (`data-counts`), decoded from the HTML.
fn counts(site: &Site, page: &str) -> String {
    let html = site.html(page);
    let form = tags(&html, "form").into_iter().find(|f| f.has_class("search-form")).expect("the search form");
    let raw = form.attr("data-counts").unwrap_or_else(|| panic!("{page}: no data-counts in {}", form.raw)).to_string();
    raw.replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[test]
fn the_result_count_uses_the_languages_plural_forms() {
    if !has_node() {
        return;
    }
    let site = trilingual(&[]);
    // A site's own strings win: its plural forms are used as they are written.
    site.write("i18n/en.yaml", "search_count: { one: \"one match\", other: \"{n} matches\" }\n");
    site.build_ok(&[]);
    let js = site.public().join("search.js");
    let es = node("count", &js, &counts(&site, "es/buscar/index.html"), &["1", "2", "3"]);
    assert_eq!(es, [["1 resultado"], ["2 resultados"], ["3 resultados"]]);
    let en = node("count", &js, &counts(&site, "en/search/index.html"), &["1", "2"]);
    assert_eq!(en, [["one match"], ["2 matches"]]);
    // The page is CSP-clean: the script is a file, the counts are data, no inline style.
    let html = site.html("es/buscar/index.html");
    for script in tags(&html, "script") {
        assert!(script.attr("src").is_some(), "inline script: {}", script.raw);
    }
    assert!(!html.contains("<style") && !html.contains(" style="), "inline style in the search page");
    assert!(html.contains("<noscript>"), "no word for readers without JavaScript");
}

#[test]
fn search_js_holds_the_shared_table_of_search_cases() {
    if !has_node() {
        return;
    }
    let site = trilingual(&[]);
    site.build_ok(&[]);
    let test = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/search.test.mjs");
    let out = Command::new("node")
        .arg("--test")
        .arg(&test)
        .env("SEARCH_JS", site.public().join("search.js"))
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
}

#[test]
fn words_of_a_pages_description_are_found() {
    // Issue 17: a folded `description: >` was the result's snippet, but neither `resumen` nor
    // `lucha` found the page: only the title, tags and body were indexed.
    let site = trilingual(&[]);
    site.write(
        "content/es/informe.md",
        "---\ntitle: \"Informe anual\"\ndescription: >\n  Un resumen del año\n  en la lucha contra la trata.\n---\n\nCifras de 2024.\n",
    );
    site.build_ok(&[]);
    let keys = keys_of(&site, "es/buscar/index.json", "Informe anual");
    for key in ["resumen", "luch", "cifr"] {
        assert!(keys.split(' ').any(|k| k == key), "no key `{key}`: {keys}");
    }
    if !has_node() {
        return;
    }
    let found = search(&site, "es/buscar/index.json", &["resumen", "lucha", "resumen cifras"]);
    for (query, hits) in ["resumen", "lucha", "resumen cifras"].iter().zip(&found) {
        assert!(finds(hits, "Informe anual"), "{query}: {hits:?}");
    }
}

#[test]
fn theme_strings_for_a_language_with_a_fallback_leaves_the_built_site_as_it_was() {
    // Issue 17: qu (no plural rule of its own, `fallback: es`) counted "1 resultado" with
    // es's borrowed string; once `faro theme strings qu` made the string qu's own, its `one`
    // form was ignored and the page said "1 resultados". It now takes its fallback's rule.
    let site = trilingual(&[("content/qu/wasi.md", "Wasikuna", "Wasikunapi.")]);
    site.build_ok(&[]);
    let before = snapshot(&site.public());
    let qu_search = index_of(&site, "qu").replace("index.json", "index.html");
    assert!(counts(&site, &qu_search).contains("[1,\"{n} resultado\"]"), "{}", counts(&site, &qu_search));
    match faro::theme_strings(site.path(), "qu", false) {
        Ok(faro::StringsFile::Written(path)) => assert!(path.ends_with("i18n/qu.yaml"), "{}", path.display()),
        Ok(_) => panic!("faro theme strings wrote no file"),
        Err(d) => panic!("faro theme strings failed: {d:?}"),
    }
    let file = read_text(&site.path().join("i18n/qu.yaml"));
    assert!(file.contains("search_count: { one: \"{n} resultado\", other: \"{n} resultados\" }"), "{file}");
    site.build_ok(&[]);
    assert_same_snapshot(&before, &snapshot(&site.public()), "the build after faro theme strings qu");
    if !has_node() {
        return;
    }
    let qu = node("count", &site.public().join("search.js"), &counts(&site, &qu_search), &["1", "2"]);
    assert_eq!(qu, [["1 resultado"], ["2 resultados"]]);
}

#[test]
fn a_copied_count_string_keeps_its_languages_forms_until_translated_for_a_language_without_a_rule() {
    // Quechua with no fallback: faro has no rule for it, so `other` serves 1 too once it is
    // translated; but the file `faro theme strings` writes starts as English's text, whose
    // `one` form must read "1 result" while it is a copy (issue 17: it read "1 results").
    let site = Site::from_files(&[
        ("site.yaml", "base_url: \"https://example.org/\"\nlanguages: [qu]\ntitle: { qu: \"Yanapay\" }\n"),
        ("content/qu/_index.md", "---\ntitle: \"Yanapay\"\n---\n\n1818.\n"),
    ]);
    let written = faro::theme_strings(site.path(), "qu", true);
    let Ok(faro::StringsFile::Text(text)) = written else { panic!("faro theme strings --stdout failed") };
    assert!(text.contains("\nsearch_count: { one: \"{n} result\", other: \"{n} results\" }\n"), "{text}");
    assert!(text.contains("\ncopied_from: \"en\"\n"), "{text}");
    site.write("i18n/qu.yaml", &text);
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let qu_search = index_of(&site, "qu").replace("index.json", "index.html");
    assert!(
        counts(&site, &qu_search).starts_with("[[0,\"{n} results\"],[1,\"{n} result\"],"),
        "{}",
        counts(&site, &qu_search)
    );
    site.write("i18n/qu.yaml", text.replace("{n} results", "{n} tarisqa"));
    site.build_ok(&[]);
    assert_eq!(counts(&site, &qu_search), "[[0,\"{n} tarisqa\"]]");
}
