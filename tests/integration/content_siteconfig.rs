//! Issue 17: content_siteconfig. site.yaml as an outsider coming from Hugo or Zola writes
//! it: every mistake reported in one run, named menus (a footer menu), menu entries that
//! lead into another language, `extra:` for templates, and peer key names.

use crate::support::*;

const HEAD: &str = "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: \"Alto a la trata\", en: \"Stop Trafficking\" }\n";

fn line_of(text: &str, needle: &str) -> String {
    pos(text, needle).split(':').next().unwrap().to_string()
}

/// The error line at `site.yaml:<at>: error[<code>]: `, which must hold every part.
fn assert_error(run: &Run, at: &str, code: &str, parts: &[&str]) {
    let line = run.diagnostic(&format!("site.yaml:{at}: error[{code}]: "));
    for part in parts {
        assert!(line.contains(part), "`{part}` is not in: {line}");
    }
}

#[test]
fn every_mistake_in_site_yaml_is_reported_in_one_run_at_its_line_and_column() {
    let text = format!(
        "{HEAD}descripton: {{ es: \"Campaña\", en: \"Campaign\" }}\n\
         copyright: \"© 2025\"\n\
         default_language: es\n\
         theme: [5]\n\
         publish:\n  feed_sise: 10\n\
         statistics: {{ suppress_below: \"cinco\" }}\n\
         help_lines:\n  - name: {{ es: \"Línea 1818\", en: \"1818 line\" }}\n    phone: \"1818\"\n  - name: \"Policía\"\n\
         quick_exit: {{ enabled: \"sí\" }}\n\
         menus:\n  es:\n    - {{ name: \"Inicio\", pageRef: \"_index.md\" }}\n"
    );
    let run = break_and_rebuild(&minimal_site(), |s| s.write("site.yaml", &text));
    assert_error(
        &run,
        &pos(&text, "descripton"),
        "site-config",
        &["unknown field `descripton`", "did you mean `description`?"],
    );
    assert_error(&run, &pos(&text, "copyright"), "site-config", &["unknown field `copyright`", "`organization`"]);
    assert_error(&run, &pos(&text, "default_language"), "site-config", &["first one in `languages`"]);
    assert_error(&run, &pos(&text, "[5]"), "site-config", &["sequence", "string"]);
    assert_error(&run, &pos(&text, "feed_sise"), "site-config", &["in `publish`", "did you mean `feed_size`?"]);
    assert_error(&run, &pos(&text, "\"cinco\""), "site-config", &["suppress_below", "cinco"]);
    assert_error(&run, &pos(&text, "\"Policía\""), "site-config", &["help_lines[1].name", "Policía"]);
    assert_error(&run, &pos(&text, "\"sí\""), "site-config", &["quick_exit.enabled", "sí"]);
    assert_error(&run, &pos(&text, "pageRef"), "site-config", &["unknown field `pageRef`", "faro's `page`"]);
    assert_error(&run, &line_of(&text, "pageRef"), "site-config", &["`Inicio` needs exactly one of `page`"]);
    assert_eq!(run.reported_error_count(), 10, "{}", run.stderr);
}

#[test]
fn a_misspelt_required_key_is_one_error_that_names_it() {
    let text = "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitel: { es: a, en: b }\nlogo: { file: x }\n";
    let run = break_and_rebuild(&minimal_site(), |s| s.write("site.yaml", text));
    assert_error(&run, &pos(text, "titel"), "site-config", &["did you mean `title`?"]);
    assert_error(&run, &pos(text, "{ file"), "site-config", &["logo", "map"]);
    assert_eq!(run.reported_error_count(), 2, "{}", run.stderr);
}

#[test]
fn named_menus_give_the_header_its_main_menu_and_the_footer_its_own() {
    let site = minimal_site();
    site.write(
        "site.yaml",
        format!(
            "{HEAD}menus:\n  main:\n    es:\n      - {{ name: \"Línea 1818\", page: \"linea-1818.md\" }}\n    en:\n      - {{ name: \"Hotline\", page: \"linea-1818.md\" }}\n  footer:\n    es:\n      - {{ name: \"Privacidad\", url: \"/es/\" }}\n      - {{ name: \"Fuente\", url: \"https://example.net/\" }}\n    en:\n      - {{ name: \"Privacy\", url: \"/en/\" }}\n"
        ),
    );
    site.build_ok(&[]);
    let es = site.html("es/linea-1818/index.html");
    let header = element(&es, "nav", |t| t.has_class("site-nav")).expect("a main menu");
    assert!(header.contains("href=\"/es/linea-1818/\" aria-current=\"page\">Línea 1818</a>"), "{header}");
    let footer = element(&es, "nav", |t| t.has_class("footer-nav")).expect("a footer menu");
    assert!(footer.contains("aria-label=\"Menú del pie de página\""), "{footer}");
    assert!(footer.contains("<a href=\"/es/\">Privacidad</a>") && footer.contains(">Fuente</a>"), "{footer}");
    assert!(!header.contains("Privacidad"), "{header}");
    let en = site.html("en/index.html");
    let footer = element(&en, "nav", |t| t.has_class("footer-nav")).expect("a footer menu in English");
    assert!(footer.contains("aria-label=\"Footer menu\"") && footer.contains(">Privacy</a>"), "{footer}");
}

#[test]
fn mixing_the_two_menu_forms_is_an_error_that_states_the_rule() {
    let text = format!(
        "{HEAD}menus:\n  es:\n    - {{ name: \"Línea\", page: \"linea-1818.md\" }}\n  footer:\n    es:\n      - {{ name: \"Inicio\", url: \"/es/\" }}\n"
    );
    let run = break_and_rebuild(&minimal_site(), |s| s.write("site.yaml", &text));
    assert_error(
        &run,
        &pos(&text, "menus"),
        "site-config",
        &["mixes its two forms", "a list is a language's main menu and a map is a named menu"],
    );
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

/// Its name is written in the menu's language ("English" in a Spanish menu may as well be
/// "Versión en inglés"), so the link says where it leads (`hreflang`), not that it is English.
#[test]
fn a_menu_entry_into_another_language_links_there_with_hreflang() {
    let site = minimal_site();
    site.write(
        "site.yaml",
        format!("{HEAD}menus:\n  main:\n    es:\n      - {{ name: \"English\", page: \"linea-1818.md\", lang: en }}\n      - {{ name: \"Inicio\", url: \"/es/\" }}\n"),
    );
    site.build_ok(&[]);
    let es = site.html("es/index.html");
    let nav = element(&es, "nav", |t| t.has_class("site-nav")).unwrap();
    let link = tags(nav, "a").into_iter().find(|a| a.raw.contains("hotline-1818")).expect("a link to the English page");
    assert_eq!(link.attr("href"), Some("/en/hotline-1818/"), "{nav}");
    assert_eq!((link.attr("hreflang"), link.attr("lang")), (Some("en"), None), "{nav}");
    let home = tags(nav, "a").into_iter().find(|a| a.attr("href") == Some("/es/")).unwrap();
    assert_eq!((home.attr("hreflang"), home.attr("lang")), (None, None), "{nav}");
}

#[test]
fn a_menu_entry_into_another_language_must_name_a_page_there_and_a_declared_language() {
    let text = format!(
        "{HEAD}menus:\n  main:\n    es:\n      - {{ name: \"English\", page: \"falta.md\", lang: en }}\n      - {{ name: \"Runasimi\", page: \"_index.md\", lang: qu }}\n"
    );
    let run = break_and_rebuild(&minimal_site(), |s| s.write("site.yaml", &text));
    assert_error(&run, &pos(&text, "lang: qu"), "site-config", &["`Runasimi`", "`qu`", "not in `languages`"]);
    // Both in the same run (the missing page used to wait for the next one).
    assert_error(&run, &pos(&text, "\"falta.md\""), "menu-target", &["content/en/falta.md"]);
    assert_eq!(run.reported_error_count(), 2, "{}", run.stderr);
}

const EXTRA_TEMPLATE: &str = "{% extends \"base.html\" %}{% block main %}<p id=\"tag\">{{ site.extra.campaign.hashtag }}</p><ul id=\"partners\">{% for p in site.extra.partners %}<li>{{ p.name }}</li>{% endfor %}</ul><p id=\"year\">{{ site.extra.campaign.since + 1 }}</p>{% endblock %}";

fn extra_site(extra: &str) -> Site {
    let site = minimal_site();
    site.write("site.yaml", format!("{HEAD}{extra}"));
    site.write("templates/extra.html", EXTRA_TEMPLATE);
    site.write("content/es/socios.md", "---\ntitle: \"Socios\"\ntemplate: extra.html\n---\n\nTexto.\n");
    site
}

#[test]
fn site_extra_reaches_templates_as_written() {
    let extra = "extra:\n  campaign: { hashtag: \"#AltoALaTrata\", since: 2024 }\n  partners:\n    - name: \"CHS <Alternativo>\"\n    - name: \"Capital Humano\"\n";
    let site = extra_site(extra);
    site.build_ok(&[]);
    let html = site.html("es/socios/index.html");
    assert!(html.contains("<p id=\"tag\">#AltoALaTrata</p>"), "{html}");
    assert!(html.contains("<li>CHS &lt;Alternativo&gt;</li><li>Capital Humano</li>"), "{html}");
    assert!(html.contains("<p id=\"year\">2025</p>"), "{html}");
}

#[test]
fn hugo_params_is_accepted_for_extra_but_not_both_at_once() {
    let params = "params:\n  campaign: { hashtag: \"#Hugo\", since: 1 }\n  partners: []\n";
    let site = extra_site(params);
    site.build_ok(&[]);
    assert!(site.html("es/socios/index.html").contains("<p id=\"tag\">#Hugo</p>"));

    let text = format!("{HEAD}{params}extra: {{ partners: [] }}\n");
    let run = break_and_rebuild(&site, |s| s.write("site.yaml", &text));
    assert_error(&run, &pos(&text, "params"), "site-config", &["`params`", "`extra`", "keep one"]);
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn hugo_base_url_is_accepted_and_its_errors_point_at_it() {
    let site = minimal_site();
    let text = format!("{}menus: {{ es: [] }}\n", HEAD.replace("base_url:", "baseURL:"));
    site.write("site.yaml", &text);
    site.build_ok(&[]);
    let run = break_and_rebuild(&site, |s| s.write("site.yaml", text.replace("\"https://example.org/\"", "[1]")));
    assert_error(&run, "1:10", "site-config", &["sequence"]);
}

/// Issue 17 (an outsider's three runs): unknown keys, a bad quick-exit address, menu targets
/// and a language entry's own values are all reported by the first run, each at its place.
#[test]
fn unknown_keys_do_not_hold_back_the_checks_of_values_and_targets() {
    let text = "base_url: \"https://example.org/\"\n\
         languages:\n  - es\n  - en\n  - { code: ay, name: Aymara, locale: \"ay-BO x\", direction: sideways, fallback: ay, nombre: x }\n\
         title: { es: a, en: b, ay: c }\n\
         titel: x\n\
         quick_exit: { url: \"javascript:alert(1)\" }\n\
         menus:\n  es:\n    - { name: \"Falta\", page: \"no-existe.md\" }\n    - { name: \"French\", url: \"/fr/\", lang: fr }\n    - { name: \"English\", page: \"nada.md\", lang: en }\n";
    let run = break_and_rebuild(&minimal_site(), |s| s.write("site.yaml", text));
    assert_error(&run, &pos(text, "titel"), "site-config", &["unknown field `titel`"]);
    assert_error(&run, &pos(text, "nombre"), "site-config", &["unknown field `nombre`", "languages"]);
    assert_error(&run, &pos(text, "ay-BO x"), "site-config", &["`locale` must be", "ay-BO x"]);
    assert_error(&run, &pos(text, "sideways"), "site-config", &["`direction` is `ltr`"]);
    assert_error(&run, &pos(text, "ay, nombre"), "site-config", &["`ay` names itself"]);
    assert_error(&run, &pos(text, "\"javascript"), "site-config", &["`quick_exit.url` must be"]);
    assert_error(&run, &pos(text, "lang: fr"), "site-config", &["`French`", "`fr`", "not in `languages`"]);
    assert_error(&run, &pos(text, "\"no-existe.md\""), "menu-target", &["content/es/no-existe.md"]);
    assert_error(&run, &pos(text, "\"nada.md\""), "menu-target", &["content/en/nada.md"]);
    // The pages are checked in the same run: `ay` has no home page and no interface strings.
    run.assert_diagnostic("content/ay: error[missing-home]: ");
    run.assert_diagnostic("site.yaml:5: error[missing-ui-strings]: ");
    assert_eq!(run.reported_error_count(), 11, "{}", run.stderr);
}

/// Issue 17: the hint for mixed menu forms beside a `main:` map is YAML that can be written.
#[test]
fn the_hint_for_mixed_menu_forms_never_repeats_a_key() {
    let text = format!("{HEAD}menus:\n  es: []\n  main:\n    en: []\n");
    let run = break_and_rebuild(&minimal_site(), |s| s.write("site.yaml", &text));
    assert!(run.stderr.contains("move `es: [...]` under `main:`"), "{}", run.stderr);
    assert!(!run.stderr.contains("main: { ... }"), "{}", run.stderr);
}

#[test]
fn a_phone_with_more_than_a_number_is_an_error_not_a_wrong_number_to_dial() {
    let text = format!(
        "{HEAD}help_lines:\n  - name: {{ es: \"Línea 1818\", en: \"1818 line\" }}\n    phone: \"1818 (opción 1)\"\n\
         \x20 - name: {{ es: \"Central\", en: \"Switchboard\" }}\n    phone: \"(01) 234-5678 ext. 9\"\n\
         \x20 - name: {{ es: \"Policía\", en: \"Police\" }}\n    phone: \"+51 1 234 5678\"\n\
         \x20 - name: {{ es: \"Dos líneas\", en: \"Two lines\" }}\n    phone: \"1818 / 100\"\n\
         \x20 - name: {{ es: \"Opción\", en: \"Option\" }}\n    phone: \"1818 (1)\"\n\
         contact:\n  email: \"javascript:alert(1)\"\n  phone: \"javascript:alert(1)\"\n"
    );
    let run = break_and_rebuild(&minimal_site(), |s| s.write("site.yaml", &text));
    assert_error(&run, &pos(&text, "\"1818 (opción 1)\""), "site-config", &["`1818 (opción 1)` is not a phone number"]);
    assert_error(
        &run,
        &pos(&text, "\"(01) 234-5678 ext. 9\""),
        "site-config",
        &["more than a number", "`description`"],
    );
    let contact = text.rfind("phone: \"javascript").unwrap();
    let at = format!("{}:10", text[..contact].matches('\n').count() + 1);
    assert_error(&run, &at, "site-config", &["`javascript:alert(1)` is not a phone number"]);
    assert_error(&run, &format!("{}:10", line_of(&text, "email:")), "site-config", &["not an email address"]);
    assert_error(&run, &pos(&text, "\"1818 / 100\""), "site-config", &["more than a number"]);
    assert_error(&run, &pos(&text, "\"1818 (1)\""), "site-config", &["more than a number"]);
    assert_eq!(run.reported_error_count(), 6, "{}", run.stderr);

    // Written as a number, with the usual signs, it is dialled as written: digits and `+` only.
    let good = format!(
        "{HEAD}help_lines:\n  - name: {{ es: \"Policía\", en: \"Police\" }}\n    phone: \"+51 (1) 234-5678\"\n\
         contact:\n  email: \"info@example.org\"\n  phone: \"01 234.5678\"\n"
    );
    let site = minimal_site();
    site.write("site.yaml", &good);
    site.build_ok(&[]);
    let home = site.html("es/index.html");
    assert!(home.contains("href=\"tel:+5112345678\""), "{home}");
    assert!(home.contains("<a href=\"tel:012345678\">01 234.5678</a>"), "{home}");
}

/// The README's `contact` takes an email, a phone and an address by language: the footer
/// shows each one given, the phone and the address without an email too (an address needs
/// every language, as other texts by language do).
#[test]
fn the_footer_shows_each_contact_detail_given_in_the_pages_language() {
    let site = minimal_site();
    site.write(
        "site.yaml",
        format!(
            "{HEAD}contact:\n  phone: \"(01) 419-0000\"\n  address: {{ es: \"Jr. Carabaya 141, Lima\", en: \"141 Carabaya St., Lima\" }}\n"
        ),
    );
    site.build_ok(&[]);
    let es = site.html("es/index.html");
    assert!(es.contains("<a href=\"tel:014190000\">(01) 419-0000</a> · Jr. Carabaya 141, Lima</p>"), "{es}");
    assert!(!es.contains("mailto:"), "{es}");
    let en = site.html("en/index.html");
    assert!(en.contains("(01) 419-0000</a> · 141 Carabaya St., Lima</p>"), "{en}");
    site.write(
        "site.yaml",
        format!("{HEAD}contact:\n  address: {{ es: \"Jr. Carabaya 141\", en: \"141 Carabaya St.\" }}\n"),
    );
    site.build_ok(&[]);
    assert!(site.html("es/index.html").contains(": Jr. Carabaya 141</p>"), "an address alone is shown");
}

#[test]
fn a_folded_site_description_ends_in_no_newline_in_meta_tags_or_json_ld() {
    let text = format!(
        "{HEAD}description:\n  es: >\n    Campañas e información\n    para prevenir la trata.\n  en: >\n    Campaigns and facts.\n"
    );
    let site = minimal_site();
    site.write("site.yaml", &text);
    site.build_ok(&[]);
    let home = site.html("es/index.html");
    assert!(home.contains("content=\"Campañas e información para prevenir la trata.\""), "{home}");
    assert!(home.contains("\"description\": \"Campañas e información para prevenir la trata.\""), "{home}");
    assert!(!home.contains("trata.\n\"") && !home.contains("trata.\\n"), "{home}");
}

#[test]
fn a_key_written_twice_is_an_error_at_the_second_that_holds_back_nothing_else() {
    let text = format!(
        "{HEAD}quick_exit:\n  url: \"https://www.google.com/\"\n  url:\n    - \"https://a.org/\"\n\
         title: {{ es: \"Otra vez\", en: \"Again\" }}\n\
         organizaton: x\n"
    );
    let run = break_and_rebuild(&minimal_site(), |s| {
        s.write("site.yaml", &text);
        s.write("content/es/a.md", "---\ntitle: \"A\"\ndate: 2025-13-45\n---\n\n![](foto.png)\n");
    });
    let second_url = format!("{}:3", text.lines().position(|l| l == "  url:").unwrap() + 1);
    assert_error(&run, &second_url, "site-config", &["duplicate entry with key \"url\""]);
    assert_error(
        &run,
        &format!("{}:1", line_of(&text, "Otra vez")),
        "site-config",
        &["duplicate entry with key \"title\""],
    );
    // The rest of site.yaml and the pages are checked in the same run.
    assert_error(&run, &pos(&text, "organizaton"), "site-config", &["did you mean `organization`?"]);
    run.assert_diagnostic("content/es/a.md:3:7: error[front-matter]: ");
    run.assert_diagnostic("content/es/a.md:6:1: error[missing-alt]: ");
    assert_eq!(run.reported_error_count(), 5, "{}", run.stderr);
}

#[test]
fn hugos_taxonomies_map_is_an_error_whose_hint_shows_faros_list() {
    let text = format!("{HEAD}taxonomies:\n  tag: tags\n  region: regions\n");
    let run = break_and_rebuild(&minimal_site(), |s| s.write("site.yaml", &text));
    let line = run.diagnostic("site.yaml:");
    assert!(line.contains("error[site-config]") && line.contains("sequence"), "{line}");
    assert!(
        run.stderr.contains("hint: `taxonomies` is a list") && run.stderr.contains("`{ tag: tags }`"),
        "{}",
        run.stderr
    );
}
