//! Issue 17, languages: `languages:` entries with settings, the rule for a language the
//! theme lacks (a fallback or an error listing its missing strings), the "not translated"
//! note, `faro init` with Quechua, and `faro theme strings` / `faro theme eject`. Every test
//! runs the binary (so `FARO_BIN` can show what faro 16 got wrong).

use crate::support::*;
use std::path::Path;
use std::process::Command;

/// `faro <args>` run in no particular folder.
fn faro_run(args: &[&str]) -> Run {
    let out = Command::new(faro()).args(args).output().expect("run faro");
    Run {
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn site_arg(site: &Site) -> &str {
    site.path().to_str().unwrap()
}

const HOMES: [(&str, &str); 3] = [
    ("content/es/_index.md", "---\ntitle: \"Inicio\"\n---\n\nTexto.\n"),
    ("content/en/_index.md", "---\ntitle: \"Home\"\n---\n\nText.\n"),
    ("content/qu/_index.md", "---\ntitle: \"Qallariy\"\n---\n\nWillakuy.\n"),
];

/// A site in es, en and qu whose `languages:` block is `languages` (after line 1).
fn site_with(languages: &str, extra: &[(&str, &str)]) -> Site {
    let yaml = format!(
        "base_url: \"https://example.org/\"\n{languages}title: {{ es: \"Alto a la trata\", en: \"Stop Trafficking\", qu: \"Yanapay 1818\" }}\n"
    );
    let site = Site::from_files(&HOMES);
    site.write("site.yaml", yaml);
    site.write("content/es/acerca.md", "---\ntitle: \"Acerca\"\n---\n\nSolo en español.\n");
    for (path, text) in extra {
        site.write(path, text);
    }
    site
}

/// The keys of a strings file, in order.
fn keys(yaml: &str) -> Vec<String> {
    yaml.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.to_string()))
        .collect()
}

fn theme_file(rel: &str) -> String {
    read_text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default").join(rel))
}

#[test]
fn language_entries_give_the_switcher_name_the_og_locale_and_the_direction() {
    let site = site_with(
        "languages:\n  - es\n  - en\n  - { code: qu, name: \"Runasimi\", locale: qu_PE, fallback: es }\n",
        &[],
    );
    site.build_ok(&[]);
    let qu = site.html("qu/index.html");
    assert!(qu.contains("<meta property=\"og:locale\" content=\"qu_PE\">"), "qu declares another locale");
    assert!(!qu.contains("content=\"es_PE\">\n<meta property=\"og:locale:alternate\" content=\"en_US\">\n<meta property=\"og:locale:alternate\" content=\"es_PE\""));
    let es = site.html("es/index.html");
    assert!(es.contains("<meta property=\"og:locale\" content=\"es_PE\">"));
    assert!(es.contains("<meta property=\"og:locale:alternate\" content=\"qu_PE\">"), "no qu_PE alternate");
    let current = element(lang_switch(&qu), "span", |t| t.has_class("lang-current")).unwrap();
    assert!(current.contains(">Runasimi<"), "{current}");
    let to_qu = switcher_link(&es, "qu");
    assert!(element(&es[to_qu.at..], "a", |_| true).unwrap().contains(">Runasimi<"));
    // hreflang stays the code, a valid BCP 47 tag, as in the URL.
    assert!(alternates(&es).contains(&("qu".into(), "https://example.org/qu/".into())));

    // A right-to-left language sets <html dir>, and only there.
    let rtl = site_with("languages:\n  - es\n  - en\n  - { code: qu, direction: rtl, fallback: es }\n", &[]);
    rtl.build_ok(&[]);
    assert!(rtl.html("qu/index.html").contains("<html lang=\"qu\" dir=\"rtl\">"));
    assert!(rtl.html("es/index.html").contains("<html lang=\"es\">"));
    let link = switcher_link(&rtl.html("es/index.html"), "qu");
    assert_eq!(link.attr("dir"), Some("rtl"), "{}", link.raw);
}

#[test]
fn each_bad_language_setting_is_an_error_at_its_line_and_column() {
    let site = site_with(
        "languages:\n  - es\n  - code: en\n    direction: sideways\n  - { code: qu, locale: \"Peru\", fallback: de }\n",
        &[],
    );
    let run = site.build(&[]);
    run.assert_failure();
    run.assert_diagnostic("site.yaml:5:16: error[site-config]: language `en`: `direction` is `ltr`");
    run.assert_diagnostic("site.yaml:6:26: error[site-config]: language `qu`: `locale` must be");
    run.assert_diagnostic("site.yaml:6:43: error[site-config]: language `qu`: `fallback` must be another language");
    assert_eq!(run.reported_error_count(), 3, "{}", run.stderr);
    assert!(!site.public().exists(), "a failed build wrote output");
}

#[test]
fn a_language_the_theme_lacks_and_that_names_no_fallback_is_an_error_listing_its_missing_strings() {
    let site = site_with("languages: [es, en, qu]\n", &[]);
    let run = site.build(&[]);
    run.assert_failure();
    let line = run.diagnostic("site.yaml:2: error[missing-ui-strings]: ");
    assert!(line.contains("no interface strings for `qu`"), "{line}");
    assert!(line.contains("interface strings missing (action_delayed, "), "{line}");
    run.assert_stderr_contains("hint: run `faro theme strings qu` to write i18n/qu.yaml");
    // The hint never sends the writer to a file that exists only in faro's source tree.
    assert!(!run.stderr.contains("copy the theme"), "{}", run.stderr);

    // A site strings file that lacks a few keys: the error is at that file, with every key.
    let es = theme_file("i18n/es.yaml");
    let partial: String = es
        .lines()
        .filter(|l| !l.starts_with("quick_exit") && !l.starts_with("help_title"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("i18n/qu.yaml", partial);
    let run = site.build(&[]);
    run.assert_failure();
    let line = run.diagnostic("i18n/qu.yaml:1: error[missing-ui-strings]: ");
    assert!(line.contains("help_title, quick_exit, quick_exit_hint"), "{line}");
}

#[test]
fn the_untranslated_note_names_quechua_in_the_language_it_is_written_in() {
    let site = site_with("languages: [es, en, { code: qu, name: \"Runasimi\", fallback: es }]\n", &[]);
    site.build_ok(&[]);
    // es/acerca has no Quechua page: the link leads to the Quechua home with a note.
    let html = site.html("es/acerca/index.html");
    let link = switcher_link(&html, "qu");
    assert!(link.has_class("lang-missing"), "{}", link.raw);
    let title = link.attr("title").unwrap();
    assert!(title.contains("Runasimi"), "the note does not name Quechua: {title}");
    assert!(!title.contains("español"), "the note says Spanish: {title}");
    // Quechua falls back to Spanish, so the note is Spanish and says so; the name is Quechua.
    assert_eq!(link.attr("lang"), Some("es"), "{}", link.raw);
    let a = element(&html[link.at..], "a", |_| true).unwrap();
    assert!(a.contains("<span lang=\"qu\" dir=\"ltr\">Runasimi</span>"), "{a}");
    // Languages with their own strings keep their own note, unchanged.
    let en = switcher_link(&html, "en");
    assert_eq!(en.attr("lang"), Some("en"));
    let en_page = site.html("en/index.html");
    let note = element(&en_page[switcher_link(&en_page, "qu").at..], "a", |_| true).unwrap();
    assert!(!note.contains("English"), "{note}");
}

#[test]
fn init_with_quechua_builds_with_no_warning_and_its_pages_await_translation() {
    let root = Site::empty();
    let dir = root.path().join("sitio");
    let init = faro_run(&["init", dir.to_str().unwrap(), "--languages", "es,en,qu"]);
    assert!(init.status.success(), "{}", init.stderr);
    let yaml = read_text(&dir.join("site.yaml"));
    assert!(yaml.contains("{ code: qu, name: \"Runasimi\", locale: qu_PE, fallback: es }"), "{yaml}");
    let home = read_text(&dir.join("content/qu/_index.md"));
    assert!(
        home.starts_with("---\n# Esta página es una copia del texto en español: espera su traducción al Runasimi."),
        "{home}"
    );
    let out = Command::new(faro()).args(["build", "--no-pdf", "--site", dir.to_str().unwrap()]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let qu = read_text(&dir.join("public/qu/index.html"));
    assert!(qu.contains("<meta property=\"og:locale\" content=\"qu_PE\">"));
    assert!(element(lang_switch(&qu), "span", |t| t.has_class("lang-current")).unwrap().contains(">Runasimi<"));
    // `faro new` starts the Quechua page from the Spanish text too.
    let new = faro_run(&["new", "campanas/escuelas", "--title", "Escuelas", "--site", dir.to_str().unwrap()]);
    assert!(new.status.success(), "{}", new.stderr);
    // marked as the copy it is, as faro init marks its pages.
    let qu = read_text(&dir.join("content/qu/campanas/escuelas.md"));
    let (head, rest) = qu.split_once("\ntext_lang: es\n").expect("marked text_lang: es");
    assert!(head.starts_with("---\n# ") && head.contains("Runasimi"), "{qu}");
    assert_eq!(format!("---\n{rest}"), read_text(&dir.join("content/es/campanas/escuelas.md")));
}

#[test]
fn theme_strings_writes_every_key_to_translate_and_the_site_then_builds_with_no_warning() {
    let site = site_with("languages: [es, en, { code: qu, name: \"Runasimi\", locale: qu_PE }]\n", &[]);
    site.build(&[]).assert_failure();
    let printed = faro_run(&["theme", "strings", "qu", "--site", site_arg(&site), "--stdout"]);
    assert!(printed.status.success(), "{}", printed.stderr);
    let written = faro_run(&["theme", "strings", "qu", "--site", site_arg(&site)]);
    assert!(written.status.success(), "{}", written.stderr);
    let file = read_text(&site.path().join("i18n/qu.yaml"));
    assert_eq!(file, printed.stdout, "--stdout prints what the command writes");
    assert!(file.starts_with("# "), "no header comment:\n{file}");
    assert!(file.contains("language_name: \"Runasimi\"\nog_locale: \"qu_PE\"\n"), "{file}");
    // Every key of the theme, each with the default language's (Spanish) text.
    let mut theme_keys = keys(&theme_file("i18n/es.yaml"));
    // And `copied_from`, which says the values are copies of Spanish.
    assert!(file.contains("\ncopied_from: \"es\"\n"), "{file}");
    let mut got: Vec<String> = keys(&file).into_iter().filter(|k| k != "copied_from").collect();
    theme_keys.sort();
    got.sort();
    assert_eq!(got, theme_keys);
    assert!(file.contains("quick_exit: \"Salir rápido\"\n"), "{file}");
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    // It never overwrites: an error naming the file, which is left as it was.
    site.write("i18n/qu.yaml", "quick_exit: \"Lluqsiy\"\n");
    let again = faro_run(&["theme", "strings", "qu", "--site", site_arg(&site)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(again.stderr.contains("i18n/qu.yaml: error[theme-file-exists]"), "{}", again.stderr);
    assert_eq!(read_text(&site.path().join("i18n/qu.yaml")), "quick_exit: \"Lluqsiy\"\n");
}

#[test]
fn theme_eject_copies_the_theme_and_the_site_builds_to_the_same_bytes() {
    let site = Site::fixture("trilingual");
    site.build_ok(&[]);
    let before = snapshot(&site.public());
    let eject = faro_run(&["theme", "eject", "--site", site_arg(&site)]);
    assert!(eject.status.success(), "{}", eject.stderr);
    for rel in
        ["templates/base.html", "templates/page.html", "templates/kit/poster.html", "i18n/es.yaml", "i18n/en.yaml"]
    {
        assert!(site.path().join(rel).is_file(), "eject wrote no {rel}");
    }
    assert_eq!(read_text(&site.path().join("templates/base.html")), theme_file("templates/base.html"));
    site.build_ok(&[]);
    assert_same_snapshot(&before, &snapshot(&site.public()), "the build after faro theme eject");

    // A second eject finds every file there: one error each, nothing written.
    site.write("templates/page.html", "{% extends \"base.html\" %}");
    let again = faro_run(&["theme", "eject", "--site", site_arg(&site)]);
    assert_eq!(again.status.code(), Some(1));
    let exists = again.stderr.lines().filter(|l| l.contains("error[theme-file-exists]")).count();
    assert_eq!(exists, eject.stdout.lines().filter(|l| l.starts_with("Created ")).count(), "{}", again.stderr);
    assert_eq!(read_text(&site.path().join("templates/page.html")), "{% extends \"base.html\" %}");

    // Named templates: only those, and an unknown name is refused with nothing written.
    let fresh = Site::fixture("trilingual");
    let one = faro_run(&["theme", "eject", "page.html", "--site", site_arg(&fresh)]);
    assert!(one.status.success(), "{}", one.stderr);
    assert!(fresh.path().join("templates/page.html").is_file());
    assert!(!fresh.path().join("templates/base.html").exists() && !fresh.path().join("i18n").exists());
    let bad = faro_run(&["theme", "eject", "section.html", "nope.html", "--site", site_arg(&fresh)]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(bad.stderr.contains("nope.html: error[unknown-template]"), "{}", bad.stderr);
    assert!(!fresh.path().join("templates/section.html").exists());
}

#[test]
fn a_right_to_left_language_sets_dir_on_every_html_page_it_writes_embeds_redirects_and_posters_included() {
    let site = example_site();
    let yaml = read_text(&site.path().join("site.yaml"));
    site.write("site.yaml", yaml.replacen("languages: [es, en]", "languages: [es, { code: en, direction: rtl }]", 1));
    site.build_ok(&["--no-pdf"]);
    let (mut kinds, mut count) = (std::collections::BTreeSet::new(), 0);
    for (path, html) in html_files(&snapshot(&site.public())) {
        let Some(tag) = tags(&html, "html").into_iter().next() else { continue };
        let rtl = tag.attr("lang") == Some("en");
        assert_eq!(tag.attr("dir"), rtl.then_some("rtl"), "{path}: {}", tag.raw);
        if rtl {
            count += 1;
            kinds.extend(["/embed/", "/kit/poster-", "/kit/flyer"].into_iter().filter(|k| path.contains(k)));
            kinds.extend(html.contains("http-equiv=\"refresh\"").then_some("redirect"));
        }
    }
    assert!(count > 40, "only {count} English pages");
    assert_eq!(kinds.len(), 4, "embeds, posters, flyers and a redirect among the English pages: {kinds:?}");
}

#[test]
fn a_copy_awaiting_translation_is_marked_with_the_language_its_text_is_in_and_says_so() {
    let site = Site::empty();
    let root = site.path().to_path_buf();
    let init = faro_run(&["init", site_arg(&site), "--languages", "es,en,qu"]);
    assert!(init.status.success(), "{}", init.stderr);
    let qu_home = read_text(&root.join("content/qu/_index.md"));
    assert!(qu_home.contains("\ntext_lang: es\n"), "{qu_home}");
    site.build_ok(&["--no-pdf"]);
    let html = site.html("qu/index.html");
    let main = tags(&html, "main").into_iter().next().unwrap();
    assert_eq!(main.attr("lang"), Some("es"), "the Spanish text of a qu page is marked Spanish: {}", main.raw);
    let note = element(&html, "p", |t| t.has_class("text-lang-note")).expect("a visible note");
    assert!(note.contains("Idioma del texto: Español"), "{note}");
    let es = site.html("es/index.html");
    assert_eq!(tags(&es, "main").into_iter().next().unwrap().attr("lang"), None);
    assert!(!es.contains("text-lang-note"));

    let out = Command::new(faro()).arg("check").arg("--site").arg(&root).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let awaiting = report.lines().filter(|l| l.contains("warning[awaiting-translation]")).count();
    assert_eq!(awaiting, 4, "each qu copy is listed: {report}");

    // A text_lang that is the page's own language, or names no language faro knows, is an
    // error at its line.
    site.write("content/qu/_index.md", qu_home.replace("text_lang: es", "text_lang: qu"));
    site.write(
        "content/qu/navegar-seguro.md",
        read_text(&root.join("content/qu/navegar-seguro.md")).replace("text_lang: es", "text_lang: Spanish"),
    );
    let run = site.build(&["--no-pdf"]);
    run.assert_failure();
    run.assert_diagnostic("content/qu/_index.md:3:12: error[text-lang]: `text_lang: qu` is the page's own language");
    run.assert_diagnostic(
        "content/qu/navegar-seguro.md:3:12: error[text-lang]: `text_lang: Spanish` is not a language of the site or one faro knows",
    );
}

/// A site of languages the theme has no text in starts from its English pages: they say so,
/// marked English, though English is not one of the site's languages.
#[test]
fn init_with_only_languages_the_theme_lacks_builds_and_marks_the_english_copies() {
    let site = Site::empty();
    let init = faro_run(&["init", site_arg(&site), "--languages", "qu,ay"]);
    assert!(init.status.success(), "{}", init.stderr);
    let ay_home = read_text(&site.path().join("content/ay/_index.md"));
    assert!(ay_home.contains("\ntext_lang: en\n"), "{ay_home}");
    let run = site.build_ok(&["--no-pdf"]);
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    for lang in ["qu", "ay"] {
        let html = site.html(&format!("{lang}/index.html"));
        assert_eq!(tags(&html, "html").into_iter().next().unwrap().attr("lang"), Some(lang));
        let main = tags(&html, "main").into_iter().next().unwrap();
        assert_eq!(main.attr("lang"), Some("en"), "{}", main.raw);
        let note = element(&html, "p", |t| t.has_class("text-lang-note")).expect("a visible note");
        assert!(note.contains("English"), "{note}");
    }
}

/// Issue 17: each entry's errors are at its own line (a text search put every `fallback: de`
/// at the first one).
#[test]
fn each_language_entrys_error_is_at_its_own_line() {
    let site = site_with("languages:\n  - es\n  - { code: qu, fallback: de }\n  - { code: en, fallback: de }\n", &[]);
    let run = site.build(&[]);
    run.assert_diagnostic("site.yaml:4:27: error[site-config]: language `qu`");
    run.assert_diagnostic("site.yaml:5:27: error[site-config]: language `en`");
    assert_eq!(run.reported_error_count(), 2, "{}", run.stderr);
}

/// Issue 17: a bare code's error is at its own item, not at an earlier line that holds the
/// same letters.
#[test]
fn a_bare_codes_missing_strings_error_is_at_its_item() {
    let site = site_with("languages:\n  - { code: es, name: \"Castellano (antes qu)\" }\n  - en\n  - qu\n", &[]);
    let run = site.build(&[]);
    let line = run.stderr.lines().find(|l| l.contains("`qu`")).unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(line.starts_with("site.yaml:5"), "{}", run.stderr);
}

#[test]
fn a_bare_code_faro_knows_is_shown_by_its_name() {
    let site = site_with("languages:\n  - es\n  - en\n  - { code: qu, fallback: es }\n", &[]);
    site.build_ok(&[]);
    let es = site.html("es/index.html");
    let to_qu = switcher_link(&es, "qu");
    assert!(element(&es[to_qu.at..], "a", |_| true).unwrap().contains(">Runasimi<"), "{}", to_qu.raw);
    assert!(site.html("qu/index.html").contains("<meta property=\"og:locale\" content=\"qu_PE\">"));
}

/// What `faro theme strings qu` shows once built, and after a translator changed three values:
/// the lang of the "not translated" note and of the switcher's link to a missing qu page, and
/// the search page's count line for 1 result.
struct Shown {
    note: String,
    switcher: String,
    counts: String,
}

fn shown(site: &Site) -> Shown {
    let run = site.build_ok(&["--no-pdf"]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let qu = site.html("qu/copia/index.html");
    let note = tags(&qu, "p").into_iter().find(|t| t.has_class("text-lang-note")).expect("the note");
    let es = site.html("es/acerca/index.html");
    let search = site.html("qu/buscar/index.html");
    let at = search.find("[[0,").expect("the count line's texts");
    let counts = search[at..].split("]]").next().unwrap().to_string();
    Shown {
        note: note.attr("lang").unwrap_or("").to_string(),
        switcher: switcher_link(&es, "qu").attr("lang").unwrap_or("").to_string(),
        counts,
    }
}

/// `faro theme strings qu`, then the site's qu.yaml with three values translated.
fn generate_then_translate(languages: &str) -> (Site, String, Shown, Shown) {
    let copy = ("content/qu/copia.md", "---\ntitle: \"Copia\"\ntext_lang: es\n---\n\nTexto.\n");
    let site = site_with(languages, &[copy]);
    let written = faro_run(&["theme", "strings", "qu", "--site", site_arg(&site)]);
    assert!(written.status.success(), "{}", written.stderr);
    let file = read_text(&site.path().join("i18n/qu.yaml"));
    let copied = shown(&site);
    let translated = file
        .replace(
            "text_lang_note: \"Esta página aún no está traducida. Idioma del texto: {language}.\"",
            "text_lang_note: \"Kay p'anqaqa manaraq t'ikrasqachu. Qillqap simin: {language}.\"",
        )
        .replace("untranslated_title: \"Esta página no está disponible en {language}; el enlace lleva a la portada en {language}.\"", "untranslated_title: \"Kay p'anqaqa manam {language} simipichu kan.\"")
        .replace(
            "search_count: { one: \"{n} resultado\", other: \"{n} resultados\" }",
            "search_count: { one: \"{n} tarisqa\", other: \"{n} tarisqakuna\" }",
        );
    assert_eq!(translated.matches("Kay p'anqa").count(), 2, "the test's replacements missed:\n{file}");
    assert!(translated.contains("tarisqakuna"), "{file}");
    site.write("i18n/qu.yaml", &translated);
    let own = shown(&site);
    (site, file, copied, own)
}

/// Issue 17 (strings): once `faro theme strings qu` wrote the file, every copied Spanish
/// string claimed to be Quechua (lang="qu"), and with no fallback the file held only `other`,
/// so one result read "1 resultados"; its header said "only `other`" whatever the file held.
#[test]
fn a_copied_string_stays_marked_as_the_language_it_was_copied_from_until_translated() {
    let (site, file, copied, own) =
        generate_then_translate("languages: [es, en, { code: qu, name: \"Runasimi\", locale: qu_PE }]\n");
    assert!(file.contains("\ncopied_from: \"es\"\n"), "{file}");
    // The copy keeps Spanish's forms, and the header says so (not "only `other`").
    assert!(file.contains("\nsearch_count: { one: \"{n} resultado\", other: \"{n} resultados\" }\n"), "{file}");
    let header: String = file.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join(" ");
    assert!(header.contains("son las de `es`") && header.contains("`qu` no distingue el singular"), "{header}");
    assert!(!header.contains("usa solo `other`"), "{header}");
    // While copies: Spanish text, marked Spanish, counted by Spanish's rule.
    assert_eq!((copied.note.as_str(), copied.switcher.as_str()), ("es", "es"));
    assert!(copied.counts.contains("[1,&quot;{n} resultado&quot;]"), "{}", copied.counts);
    // Translated: Quechua's own, and Quechua's rule (no fallback: `other` for every number).
    assert_eq!((own.note.as_str(), own.switcher.as_str()), ("qu", "qu"));
    assert_eq!(own.counts, "[[0,&quot;{n} tarisqakuna&quot;", "one text for every number");

    // `faro check` counts the copies left, at `copied_from`'s line; es and en have none.
    let out = Command::new(faro()).args(["check", "--site", site_arg(&site)]).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let line = report.lines().find(|l| l.starts_with("i18n/qu.yaml:")).unwrap_or_else(|| panic!("{report}"));
    assert!(
        line.contains(
            ":15: warning[awaiting-translation]: 218 of the 223 interface strings of `qu` are still the `es` text"
        ),
        "{line}"
    );
    assert!(!report.contains("i18n/es.yaml") && !report.contains("i18n/en.yaml"), "{report}");
}

#[test]
fn a_copied_string_of_a_language_with_a_fallback_is_the_fallbacks_until_translated() {
    let (_, file, copied, own) =
        generate_then_translate("languages: [es, en, { code: qu, name: \"Runasimi\", locale: qu_PE, fallback: es }]\n");
    let header: String = file.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join(" ");
    assert!(header.contains("siguen la regla de plural de `es`"), "{header}");
    assert!(!header.contains("solo `other`") && !header.contains("solo esa forma"), "{header}");
    assert_eq!((copied.note.as_str(), copied.switcher.as_str()), ("es", "es"));
    assert!(copied.counts.contains("[1,&quot;{n} resultado&quot;]"), "{}", copied.counts);
    // Quechua's own strings follow its fallback's rule (it has none of its own).
    assert_eq!((own.note.as_str(), own.switcher.as_str()), ("qu", "qu"));
    assert!(own.counts.contains("[1,&quot;{n} tarisqa&quot;]"), "{}", own.counts);
}

#[test]
fn a_copied_from_that_names_no_other_language_is_an_error_at_its_line() {
    let site = site_with(
        "languages: [es, en, { code: qu, fallback: es }]\n",
        &[("i18n/qu.yaml", "quick_exit: \"Lluqsiy\"\ncopied_from: qu\n")],
    );
    site.build(&[])
        .assert_failure()
        .assert_diagnostic("i18n/qu.yaml:2: error[i18n]: `copied_from` is not another language's code");
    site.write("i18n/qu.yaml", "copied_from: fr\nquick_exit: \"Lluqsiy\"\n");
    site.build(&[]).assert_failure().assert_diagnostic("i18n/qu.yaml:1: error[i18n]: `copied_from` names `fr`");
}

/// The line of `faro check`'s report that starts with `prefix`.
fn reported<'a>(check: &'a Run, prefix: &str) -> &'a str {
    check
        .stdout
        .lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no `{prefix}` in:\n{}", check.stdout))
}

const QU_FALLBACK: &str = "languages: [es, en, { code: qu, name: \"Runasimi\", fallback: es }]\n";

/// Issue 17 (outsider's report): a site strings file took typos silently. `homme` beside
/// `home`, `home` twice and `{fono}` for `help_call`'s `{phone}` built, and `faro check`
/// said nothing; each is now an error at its place, all in one run, the output untouched.
#[test]
fn a_misspelt_key_a_repeated_key_and_a_wrong_placeholder_in_a_strings_file_are_errors_at_each() {
    let site = site_with(QU_FALLBACK, &[]);
    let qu = "home: \"Qallariy\"\nhomme: \"x\"\nhelp_call: \"Waqyay {fono}\"\n\
              search_count: { one: \"huk tarisqa\", other: \"{count} tarisqakuna\" }\n\
              untranslated_title: \"Manam {language} simipichu.\"\nmonths: [a, \"{b}\", c, d, e, f, g, h, i, j, k, l]\n\
              home: \"Wasi\"\n";
    let run = break_and_rebuild(&site, |s| s.write("i18n/qu.yaml", qu));
    let at = |needle: &str| format!("i18n/qu.yaml:{}: error[i18n]: ", pos(qu, needle));
    let line = run.diagnostic(&at("homme"));
    assert!(line.ends_with("`homme` is not an interface string of the theme: did you mean `home`?"), "{line}");
    let line = run.diagnostic(&at("\"Waqyay"));
    assert!(line.ends_with("`{fono}` is not a placeholder of `help_call`, which takes `{phone}`"), "{line}");
    // A plural form is checked on its own; `one` may leave `{n}` out.
    let line = run.diagnostic(&at("\"{count}"));
    assert!(line.ends_with("`{count}` is not a placeholder of `search_count`, which takes `{n}`"), "{line}");
    let line = run.diagnostic(&at("\"{b}\""));
    assert!(line.ends_with("`{b}` is not a placeholder of `months`, which takes none"), "{line}");
    let line = run.diagnostic(&at("home: \"Wasi\""));
    assert!(line.ends_with("`home` is written a second time (first at line 1)"), "{line}");
    // `untranslated_title` takes the `{language}` of the form a language borrows.
    assert_eq!(run.reported_error_count(), 5, "{}", run.stderr);

    // `faro check` says the same, and a corrected file builds.
    let check = site.check(&[]);
    assert!(!check.status.success(), "{}", check.stdout);
    let errors = check.stdout.lines().filter(|l| l.starts_with("i18n/qu.yaml:") && l.contains(": error[i18n]: "));
    assert_eq!(errors.count(), 5, "{}", check.stdout);
    site.write("i18n/qu.yaml", "home: \"Qallariy\"\nhelp_call: \"Waqyay {phone}\"\n");
    site.build_ok(&[]);
}

/// A site may add strings for its own templates: a key the theme lacks is known when a
/// template of the site asks for it. The default language's file is checked too, so a typo
/// there is caught rather than taken as the site's own string.
#[test]
fn a_sites_own_key_is_one_its_templates_ask_for_and_a_typo_in_the_default_languages_file_is_caught() {
    let base = theme_file("templates/base.html");
    let own = base.replacen("</footer>", "<p>{{ t(\"donate\") }} {{ t(\"way_\" ~ \"card\") }}</p></footer>", 1);
    assert_ne!(own, base, "the test's template change missed");
    let site = site_with(
        QU_FALLBACK,
        &[
            ("templates/base.html", own.as_str()),
            ("i18n/es.yaml", "donate: \"Dona\"\nway_card: \"Con tarjeta\"\n"),
            ("i18n/en.yaml", "donate: \"Donate\"\nway_card: \"By card\"\n"),
            ("i18n/qu.yaml", "donate: \"Quy\"\n"),
        ],
    );
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    assert!(site.html("qu/index.html").contains("<p>Quy Con tarjeta</p>"), "{}", site.html("qu/index.html"));

    let run =
        break_and_rebuild(&site, |s| s.write("i18n/es.yaml", "donate: \"Dona\"\nway_card: \"T\"\nhomme: \"P\"\n"));
    run.assert_diagnostic(
        "i18n/es.yaml:3:1: error[i18n]: `homme` is not an interface string of the theme: did you mean `home`?",
    );
    run.assert_stderr_contains("as `t(\"homme\")` in templates/");
    // A misspelling of the site's own key is named with it.
    site.write("i18n/es.yaml", "donate: \"Dona\"\nway_card: \"T\"\n");
    site.write("i18n/qu.yaml", "donat: \"Quy\"\n");
    site.build(&[]).assert_failure().assert_diagnostic(
        "i18n/qu.yaml:1:1: error[i18n]: `donat` is not an interface string of the theme: did you mean `donate`?",
    );
}

/// Issue 17 (outsider's report): with `fallback: es`, keys deleted from qu.yaml are shown in
/// Spanish but `faro check` left them out ("216 of the 220"); it now counts every string a
/// Quechua reader sees in Spanish, copied or filled, of all the strings qu shows.
#[test]
fn awaiting_translation_counts_the_copies_and_the_keys_the_fallback_fills() {
    let site = site_with(QU_FALLBACK, &[]);
    let written = faro_run(&["theme", "strings", "qu", "--site", site_arg(&site)]);
    assert!(written.status.success(), "{}", written.stderr);
    let file = read_text(&site.path().join("i18n/qu.yaml"));
    let theme_keys = keys(&theme_file("i18n/es.yaml")).len();
    let check = site.check(&[]);
    let line = file.lines().position(|l| l.starts_with("copied_from:")).unwrap() + 1;
    let at = format!("i18n/qu.yaml:{line}: warning[awaiting-translation]: ");
    let copies = theme_keys - 2; // all but language_name and og_locale
    assert_eq!(
        reported(&check, &at),
        format!(
            "{at}{copies} of the {theme_keys} interface strings of `qu` are still the `es` text they were copied from"
        )
    );
    // Three keys deleted, one translated: 3 filled from Spanish, copies - 4 still copied.
    let edited: String = file
        .lines()
        .filter(|l| !["home:", "help_call:", "back_home:"].iter().any(|k| l.starts_with(k)))
        .map(|l| if l.starts_with("quick_exit:") { "quick_exit: \"Lluqsiy\"".to_string() } else { l.to_string() })
        .map(|l| l + "\n")
        .collect();
    assert_eq!(keys(&edited).len(), keys(&file).len() - 3);
    site.write("i18n/qu.yaml", &edited);
    let check = site.check(&[]);
    assert_eq!(
        reported(&check, &at),
        format!(
            "{at}{} of the {theme_keys} interface strings of `qu` are still in `es`: {} copied into this file and not yet translated, 3 missing from it and filled from `es`",
            copies - 1,
            copies - 4
        )
    );
    assert!(check.stdout.contains("and add those missing (`faro theme strings qu --stdout` prints every string)"));
    // Every copy translated, the three still missing: they are what is left.
    let translated: String = edited
        .lines()
        .map(|l| match l.split_once(": ") {
            Some((k, _)) if l.starts_with('#') || ["copied_from", "language_name", "og_locale"].contains(&k) => {
                format!("{l}\n")
            }
            Some((k, v)) if v.starts_with('[') => {
                format!("{k}: [{}]\n", vec!["\"killa\""; v.matches(',').count() + 1].join(", "))
            }
            Some((k, _)) => format!("{k}: \"Runasimipi\"\n"),
            None => format!("{l}\n"),
        })
        .collect();
    site.write("i18n/qu.yaml", &translated);
    let check = site.check(&[]);
    assert_eq!(
        reported(&check, &at),
        format!("{at}3 of the {theme_keys} interface strings of `qu` are still in `es`, since this file lacks them")
    );
}

/// Issue 17 (outsider's report): `faro theme strings en` wrote a header asking to translate
/// English into English. For a language the theme ships, the file is there to change the
/// theme's text, and its header says that.
#[test]
fn theme_strings_for_a_language_the_theme_ships_writes_a_header_for_changing_its_text() {
    let site = site_with(QU_FALLBACK, &[]);
    for (lang, says, never) in [
        ("en", ["text pages show today, copied here for you to change", "is shown as the theme has it"], "translate"),
        ("es", ["que muestran hoy las páginas, copiado aquí para que lo", "como lo trae el tema"], "tradúce"),
    ] {
        let printed = faro_run(&["theme", "strings", lang, "--site", site_arg(&site), "--stdout"]);
        assert!(printed.status.success(), "{}", printed.stderr);
        let header: String = printed.stdout.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join(" ");
        for part in says {
            assert!(header.contains(part), "`{part}` is not in the {lang} header: {header}");
        }
        assert!(!header.to_lowercase().contains(never) && !header.contains("copied_from"), "{header}");
        assert!(!printed.stdout.contains("\ncopied_from:"), "{}", printed.stdout);
        // What it writes builds as it is, with no warning.
        site.write(&format!("i18n/{lang}.yaml"), &printed.stdout);
    }
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    // A language to translate keeps the header that asks for it.
    let qu = faro_run(&["theme", "strings", "qu", "--site", site_arg(&site), "--stdout"]);
    assert!(qu.stdout.contains("tradúcelo entre las comillas"), "{}", qu.stdout);
}

/// Issue 17 (outsider's report): when `faro theme eject page.html` found the file there, its
/// hint said to run `faro theme eject page.html`. It now says to delete or rename the file,
/// and names what the site can still eject.
#[test]
fn an_eject_that_finds_the_file_there_hints_at_what_can_be_done_instead() {
    let site = Site::fixture("trilingual");
    let eject = |names: &[&str]| {
        let mut args = vec!["theme", "eject"];
        args.extend(names);
        args.extend(["--site", site_arg(&site)]);
        faro_run(&args)
    };
    assert!(eject(&["page.html"]).status.success());
    let again = eject(&["page.html"]);
    assert_eq!(again.status.code(), Some(1));
    let hint = again.stderr.lines().find(|l| l.contains("hint:")).unwrap_or_else(|| panic!("{}", again.stderr));
    assert!(!hint.contains("`faro theme eject page.html`"), "{hint}");
    assert!(
        hint.contains("delete or rename this file") && hint.contains("such as `faro theme eject 404.html`"),
        "{hint}"
    );
    assert!(hint.contains("base.html, chapter.html") && !hint.contains(" page.html"), "{hint}");
    // Of what was asked for, what the site lacks.
    let some = eject(&["page.html", "section.html"]);
    assert!(
        some.stderr.contains("or eject only what the site lacks: `faro theme eject section.html`"),
        "{}",
        some.stderr
    );
    assert!(!site.path().join("templates/section.html").exists());
    // Everything there already: nothing to suggest but the file.
    assert!(eject(&[]).status.code() == Some(1));
    site.remove("templates/page.html");
    assert!(eject(&[]).status.success());
    let all = eject(&[]);
    assert!(all.stderr.contains("the site has its own copy of every template of the theme already"), "{}", all.stderr);
}

/// Issue 17 (outsider's report): a strings file's wrong values were reported one per run (a
/// number, then a misspelt plural category, then...), and `months` with 2 entries built and
/// printed "3 de 12 de 2026" for March. Each value is now read on its own, so every wrong one
/// is an error at its value in the same run; a list needs as many entries as the theme's.
#[test]
fn every_wrong_value_of_a_strings_file_is_an_error_at_it_in_one_run_and_a_list_needs_the_themes_length() {
    let site = site_with(QU_FALLBACK, &[]);
    let qu = "home: \"Qallariy\"\nbreadcrumb_label: 42\nsearch_count: { one: \"huk\", otro: \"achka\" }\n\
              months: [\"a\", \"b\"]\nquick_exit: \"Lluqsiy\"\n";
    let run = break_and_rebuild(&site, |s| s.write("i18n/qu.yaml", qu));
    let at = |needle: &str| format!("i18n/qu.yaml:{}: error[i18n]: ", pos(qu, needle));
    let line = run.diagnostic(&at("42"));
    assert!(line.contains("`42` is read as a number, not a text: write it in quotes"), "{line}");
    let line = run.diagnostic(&at("otro"));
    assert!(line.contains("`otro` is not a plural category: use zero, one, two, few, many, other"), "{line}");
    let line = run.diagnostic(&at("[\"a\""));
    assert!(line.ends_with("`months` has 2 entries where the theme's has 12: give all 12"), "{line}");
    assert_eq!(run.reported_error_count(), 3, "{}", run.stderr);
    let check = site.check(&[]);
    assert!(!check.status.success());
    assert_eq!(check.stdout.matches(": error[i18n]: ").count(), 3, "{}", check.stdout);

    // A list for a text and a text for a list are errors at the value too.
    let qu = "home: [\"Qallariy\"]\nmonths: \"killa\"\n";
    site.write("i18n/qu.yaml", qu);
    let run = site.build(&[]);
    run.assert_failure();
    run.assert_diagnostic(&format!("{}`home` is a single text in the theme, not a list", at_in(qu, "[")));
    run.assert_diagnostic(&format!(
        "{}`months` is a list of 12 texts in the theme, not a single text",
        at_in(qu, "\"killa")
    ));
    assert_eq!(run.reported_error_count(), 2, "{}", run.stderr);

    // Twelve months build, and a date reads in them.
    let months: Vec<String> = (1..=12).map(|m| format!("\"killa {m}\"")).collect();
    site.write("i18n/qu.yaml", format!("months: [{}]\n", months.join(", ")));
    site.write("content/qu/willay.md", "---\ntitle: \"Willay\"\ndate: 2026-03-03\n---\n\nWillakuy.\n");
    site.build_ok(&[]);
    assert!(
        site.html("qu/willay/index.html").contains("3 de killa 3 de 2026"),
        "{}",
        site.html("qu/willay/index.html")
    );
}

/// `i18n/qu.yaml:line:col: error[i18n]: ` for the one occurrence of `needle` in `text`.
fn at_in(text: &str, needle: &str) -> String {
    format!("i18n/qu.yaml:{}: error[i18n]: ", pos(text, needle))
}

/// Issue 17 (outsider's report): a value counted as a copy only while it equalled the site's
/// current Spanish. Once the site reworded its own `skip_to_content`, the untouched Quechua copy
/// of the theme's Spanish passed as Quechua: unmarked, and left out of `faro check`'s count.
#[test]
fn a_copy_stays_a_copy_when_the_site_rewords_the_text_it_was_copied_from() {
    let site = site_with(QU_FALLBACK, &[]);
    let written = faro_run(&["theme", "strings", "qu", "--site", site_arg(&site)]);
    assert!(written.status.success(), "{}", written.stderr);
    let file = read_text(&site.path().join("i18n/qu.yaml"));
    assert!(file.contains("\nskip_to_content: \"Saltar al contenido\"\n"), "{file}");
    let line = file.lines().position(|l| l.starts_with("copied_from:")).unwrap() + 1;
    let at = format!("i18n/qu.yaml:{line}: warning[awaiting-translation]: ");
    let theme_keys = keys(&theme_file("i18n/es.yaml")).len();
    let all_copies = format!(
        "{at}{} of the {theme_keys} interface strings of `qu` are still the `es` text they were copied from",
        theme_keys - 2
    );
    assert_eq!(reported(&site.check(&[]), &at), all_copies);
    let skip = |lang: &str| {
        let html = site.html(&format!("{lang}/index.html"));
        let tag = tags(&html, "a").into_iter().find(|t| t.has_class("skip-link")).expect("the skip link");
        let text = element(&html[tag.at..], "a", |_| true).unwrap().to_string();
        (tag.attr("lang").map(str::to_string), text)
    };

    site.write("i18n/es.yaml", "skip_to_content: \"Ir al contenido\"\n");
    assert_eq!(reported(&site.check(&[]), &at), all_copies, "the copy of the theme's text is still a copy");
    site.build_ok(&[]);
    let (lang, text) = skip("qu");
    assert_eq!(lang.as_deref(), Some("es"), "the Spanish copy is marked Spanish: {text}");
    assert!(text.contains(">Saltar al contenido<"), "{text}");
    assert!(skip("es").1.contains(">Ir al contenido<"));

    // Translated, it is Quechua's own, and one fewer awaits translation.
    site.write(
        "i18n/qu.yaml",
        file.replace("skip_to_content: \"Saltar al contenido\"", "skip_to_content: \"Willakuyman\""),
    );
    let fewer = format!(
        "{at}{} of the {theme_keys} interface strings of `qu` are still the `es` text they were copied from",
        theme_keys - 3
    );
    assert_eq!(reported(&site.check(&[]), &at), fewer);
    site.build_ok(&[]);
    assert_eq!(skip("qu").0, None);
    // A copy of the site's current Spanish is a copy too.
    site.write(
        "i18n/qu.yaml",
        file.replace("skip_to_content: \"Saltar al contenido\"", "skip_to_content: \"Ir al contenido\""),
    );
    assert_eq!(reported(&site.check(&[]), &at), all_copies);
}

/// Issue 17 (outsider's report): a template asking for a string no file has said "no UI string
/// `donate_cta` in i18n/es.yaml" of a site with no such file. It now says where the string can
/// go: the site's file, which does not exist yet, or that file when it does.
#[test]
fn a_string_no_file_has_is_an_error_that_says_where_it_can_be_added() {
    let base = theme_file("templates/base.html");
    let own = base.replacen("</footer>", "<p>{{ t(\"donate_cta\") }}</p></footer>", 1);
    assert_ne!(own, base, "the test's template change missed");
    let site = site_with(QU_FALLBACK, &[("templates/base.html", own.as_str())]);
    let run = site.build(&[]);
    run.assert_failure();
    run.assert_stderr_contains(
        "no UI string `donate_cta` for `es` in the theme or the site: add `donate_cta: \"…\"` to the site's i18n/es.yaml, which does not exist yet",
    );
    assert!(!run.stderr.contains("in i18n/es.yaml"), "{}", run.stderr);
    site.write("i18n/es.yaml", "home: \"Portada\"\n");
    let run = site.build(&[]);
    run.assert_failure();
    let line = run.stderr.lines().find(|l| l.contains("no UI string `donate_cta` for `es`")).unwrap_or_default();
    assert!(
        line.ends_with("no UI string `donate_cta` for `es`: add `donate_cta: \"…\"` to i18n/es.yaml"),
        "{}",
        run.stderr
    );
    site.write("i18n/es.yaml", "home: \"Portada\"\ndonate_cta: \"Dona\"\n");
    site.write("i18n/en.yaml", "donate_cta: \"Donate\"\n");
    site.build_ok(&[]);
    assert!(site.html("qu/index.html").contains("<p>Dona</p>"));
}
