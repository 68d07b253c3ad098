//! Indicators (tests/fixtures/indicators/): validation with file and line, numbers in each
//! language's conventions, the accessible SVG, CSV and ZIP downloads, victim-safe
//! suppression of small counts, the `{{< chart ID >}}` shortcode and determinism.
//!
//! The fixture has three indicators: `victimas-por-anio` (counts read from the CSV file
//! beside its YAML), `victimas-por-sexo` (a 2021 total of 60 split by sex, with cells of 4
//! and 15 that `statistics.suppress_below: 10` must hide) and `capacitacion` (illustrative
//! percentages with a target). Both home pages chart `victimas-por-anio` with the shortcode.

use crate::support::*;
use std::path::Path;

/// (language, folder of its indicators in public/)
const LANGS: [(&str, &str); 2] = [("es", "es/indicadores"), ("en", "en/indicators")];
const IDS: [&str; 3] = ["victimas-por-anio", "victimas-por-sexo", "capacitacion"];

const ANIO: &str = "data/indicators/victimas-por-anio.yaml";
const ANIO_CSV: &str = "data/indicators/victimas-por-anio.csv";
const SEXO: &str = "data/indicators/victimas-por-sexo.yaml";
const CAPACITACION: &str = "data/indicators/capacitacion.yaml";

/// The fixture, built into its `public/`.
fn built() -> Site {
    let site = Site::fixture("indicators");
    site.build_ok(&[]);
    site
}

/// Replaces the one occurrence of `from` in a source file and returns the new text.
pub(crate) fn edit(site: &Site, rel: &str, from: &str, to: &str) -> String {
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    assert_eq!(text.matches(from).count(), 1, "`{from}` should occur once in {rel}:\n{text}");
    let text = text.replace(from, to);
    site.write(rel, &text);
    text
}

/// The 1-based line of the one line containing `needle`.
pub(crate) fn line_of(text: &str, needle: &str) -> usize {
    let found: Vec<usize> = text.lines().enumerate().filter(|(_, l)| l.contains(needle)).map(|(n, _)| n + 1).collect();
    assert_eq!(found.len(), 1, "`{needle}` should be on exactly one line of:\n{text}");
    found[0]
}

/// The first `<svg ...>...</svg>` of a document.
fn svg_of(doc: &str) -> &str {
    element(doc, "svg", |_| true).unwrap_or_else(|| panic!("no <svg> in\n{doc}"))
}

/// The text inside the first element named `name` whose start tag matches `is_start`.
fn inner<'a>(doc: &'a str, name: &str, is_start: impl Fn(&Tag) -> bool) -> &'a str {
    let el = element(doc, name, is_start).unwrap_or_else(|| panic!("no matching <{name}> in\n{doc}"));
    let start = el.find('>').unwrap() + 1;
    &el[start..el.len() - name.len() - 3]
}

/// The text of every `<td>`, in order.
pub(crate) fn cells(html: &str) -> Vec<String> {
    tags(html, "td")
        .into_iter()
        .map(|t| {
            let from = t.at + t.raw.len();
            let to = from + html[from..].find("</td>").unwrap();
            html[from..to].to_string()
        })
        .collect()
}

/// The text of a document with every tag left out (what a reader sees or hears).
pub(crate) fn strip_tags(doc: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in doc.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The numbers in `text` as written: digits with any `,`, `.` or no-break space between
/// them, so that `12 345,6` and `329,4` are one number each, not a `4` among others.
pub(crate) fn numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '\u{a0}')))
        .map(|s| s.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|s| !s.is_empty())
        .collect()
}

pub(crate) fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a valid CSV record").iter().map(str::to_string).collect())
        .collect()
}

/// `unzip -p ZIP ENTRY`, or `None` when `unzip` is not installed.
pub(crate) fn unzip_entry(zip: &Path, entry: &str) -> Option<String> {
    let out = match std::process::Command::new("unzip").arg("-p").arg(zip).arg(entry).output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("run unzip: {e}"),
    };
    assert!(out.status.success(), "unzip -p {} {entry}: {}", zip.display(), String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).expect("UTF-8 CSV in the ZIP"))
}

/// An indicator's YAML from the fixture, parsed.
fn fixture_yaml(rel: &str) -> serde_yaml::Value {
    let text = read_text(&fixture_dir("indicators").join(rel));
    serde_yaml::from_str(&text).unwrap()
}

fn yaml_text(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        other => panic!("not a scalar: {other:?}"),
    }
}

/// `href`s of a page that point into the site, as files of public/.
fn internal_targets(html: &str) -> Vec<String> {
    hrefs(html)
        .into_iter()
        .filter(|h| h.starts_with('/') && !h.starts_with("//"))
        .map(|h| {
            let h = h.split(['#', '?']).next().unwrap().trim_start_matches('/').to_string();
            if h.is_empty() || h.ends_with('/') {
                format!("{h}index.html")
            } else {
                h
            }
        })
        .collect()
}

// ----- Validation -----------------------------------------------------------------------

#[test]
fn an_unknown_key_in_an_indicator_is_an_error_at_its_line() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, SEXO, "chart: bar\n", "chart: bar\ncolor: red\n");
        line = line_of(&text, "color: red");
    });
    let msg = run.diagnostic(&format!("{SEXO}:{line}:1: error[indicator]: "));
    assert!(msg.contains("unknown field `color`"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_value_that_is_not_a_number_is_an_error_at_its_row() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, SEXO, "value: 41", "value: cuarenta");
        line = line_of(&text, "cuarenta");
    });
    let msg = run.diagnostic(&format!("{SEXO}:{line}: error[indicator]: "));
    assert!(msg.ends_with("`cuarenta` is not a number"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_period_given_twice_is_an_error_at_the_second_row_naming_the_first() {
    let site = Site::fixture("indicators");
    let (mut first, mut second) = (0, 0);
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, CAPACITACION, "{ period: 2023, value: 79.6 }", "{ value: 79.6, period: 2022 }");
        first = line_of(&text, "period: 2022,");
        second = line_of(&text, "period: 2022 }");
    });
    let msg = run.diagnostic(&format!("{CAPACITACION}:{second}: error[indicator]: "));
    assert!(msg.contains("period `2022` is given twice"), "{msg}");
    assert!(msg.contains(&format!("(first on line {first})")), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_percentage_over_100_is_an_error_at_its_row() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, CAPACITACION, "value: 79.6", "value: 100.5");
        line = line_of(&text, "100.5");
    });
    let msg = run.diagnostic(&format!("{CAPACITACION}:{line}: error[indicator]: "));
    assert!(msg.contains("100.5 is not a percentage between 0 and 100"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_breakdown_value_label_missing_a_declared_language_is_an_error_at_its_line() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, SEXO, "hombres: { es: \"Hombres\", en: \"Men\" }", "hombres: { es: \"Hombres\" }");
        line = line_of(&text, "hombres: {");
    });
    let msg = run.diagnostic(&format!("{SEXO}:{line}: error[indicator]: "));
    assert!(msg.contains("breakdowns.sexo.values.hombres") && msg.contains("language `en`"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_target_without_a_year_is_an_error_at_the_target() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, CAPACITACION, "target: { value: 90, year: 2026 }", "target: { value: 90 }");
        line = line_of(&text, "target:");
    });
    let msg = run.diagnostic(&format!("{CAPACITACION}:{line}: error[indicator]: "));
    assert!(msg.contains("the target has no `year`"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_row_using_an_undeclared_breakdown_value_is_an_error_because_it_has_no_label() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, SEXO, "sexo: sin-dato,", "sexo: otro,");
        line = line_of(&text, "sexo: otro");
    });
    let msg = run.diagnostic(&format!("{SEXO}:{line}: error[indicator]: "));
    assert!(msg.contains("`otro` is not a value of breakdown `sexo`, so it has no label"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_bad_number_in_the_csv_beside_the_yaml_is_an_error_at_the_csv_line() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, ANIO_CSV, "2020,12345.6", "2020,doce mil");
        line = line_of(&text, "doce mil");
    });
    assert_eq!(line, 3);
    let msg = run.diagnostic(&format!("{ANIO_CSV}:{line}: error[indicator]: "));
    assert!(msg.ends_with("`doce mil` is not a number"), "{msg}");
    assert!(!run.stderr.contains(&format!("{ANIO}:")), "the CSV's error was put on the YAML file:\n{}", run.stderr);
}

#[test]

fn a_period_given_twice_in_the_csv_beside_the_yaml_is_an_error_at_the_csv_line() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, ANIO_CSV, "2020,12345.6", "2019,12345.6");
        line = line_of(&text, "2019,12345.6");
    });
    // Today: `data/indicators/victimas-por-anio.yaml:3: error[indicator]: period `2019` is
    // given twice (first on line 2)`; line 3 of the YAML is its `unit`.
    let msg = run.diagnostic(&format!("{ANIO_CSV}:{line}: error[indicator]: "));
    assert!(msg.contains("period `2019` is given twice (first on line 2)"), "{msg}");
}

#[test]

fn an_invalid_indicator_is_reported_once_not_also_as_unknown_where_it_is_charted() {
    let site = Site::fixture("indicators");
    let run = break_and_rebuild(&site, |s| {
        edit(s, ANIO_CSV, "2020,12345.6", "2020,doce mil");
    });
    run.assert_diagnostic(&format!("{ANIO_CSV}:3: error[indicator]: "));
    assert!(
        !run.stderr.contains("error[unknown-indicator]"),
        "follow-up errors for a file that exists:\n{}",
        run.stderr
    );
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_chart_shortcode_naming_an_unknown_indicator_is_an_error_at_the_page_line() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, "content/en/_index.md", "{{< chart victimas-por-anio >}}", "{{< chart victimas-por-ano >}}");
        line = line_of(&text, "victimas-por-ano >}}");
    });
    let msg = run.diagnostic(&format!("content/en/_index.md:{line}: error[unknown-indicator]: "));
    assert!(msg.contains("`victimas-por-ano`"), "{msg}");
    assert_eq!(run.reported_error_count(), 1, "{}", run.stderr);
}

#[test]
fn a_chart_shortcode_inside_a_code_block_is_shown_as_text() {
    let site = Site::fixture("indicators");
    site.write(
        "content/es/ayuda.md",
        "---\ntitle: \"Cómo insertar un gráfico\"\n---\n\nEscribe:\n\n```\n{{< chart no-existe >}}\n```\n",
    );
    site.build_ok(&[]);
    let html = site.html("es/ayuda/index.html");
    assert!(html.contains("{{&lt; chart no-existe &gt;}}"), "{html}");
    assert!(!html.contains("role=\"img\""), "{html}");
}

// ----- Numbers, tables, SVG -------------------------------------------------------------

#[test]
fn numbers_follow_each_languages_conventions_in_pages_tables_and_summaries() {
    let site = built();
    // (language, folder, 2875, 12345.6, 45.5 %, 79.6 %)
    let cases = [
        ("es", "es/indicadores", "2875", "12\u{a0}345,6", "45,5 %", "79,6 %"),
        ("en", "en/indicators", "2,875", "12,345.6", "45.5%", "79.6%"),
    ];
    for (lang, root, small, big, low, high) in cases {
        let page = site.html(&format!("{root}/victimas-por-anio/index.html"));
        assert_eq!(cells(&page), [small, big], "{lang}: the table of victimas-por-anio");
        let lede = inner(&page, "p", |t| t.has_class("lede"));
        assert!(lede.contains(small) && lede.contains(big), "{lang}: {lede}");
        let page = site.html(&format!("{root}/capacitacion/index.html"));
        assert_eq!(cells(&page), [low, high], "{lang}: the table of capacitacion");
        // The figure placed by the shortcode uses the same conventions.
        let home = site.html(&format!("{lang}/index.html"));
        assert_eq!(cells(&home), [small, big], "{lang}: the table of the home page's figure");
    }
    // Spanish groups thousands with a no-break space, and only from five digits on.
    let es = site.html("es/indicadores/victimas-por-anio/index.html");
    assert!(!es.contains("12 345") && !es.contains("12&nbsp;345") && !es.contains("2\u{a0}875"), "{es}");
}

#[test]
fn the_svg_has_role_img_a_title_and_the_computed_summary_as_desc_in_each_language() {
    let site = built();
    for (lang, root) in LANGS {
        for id in IDS {
            let yaml = fixture_yaml(&format!("data/indicators/{id}.yaml"));
            let title = yaml_text(&yaml["title"][lang]);
            let page = site.html(&format!("{root}/{id}/index.html"));
            let summary = inner(&page, "p", |t| t.has_class("lede")).to_string();
            assert!(!summary.trim().is_empty(), "{lang} {id}: no summary");
            let file = site.html(&format!("{root}/{id}/{id}.svg"));
            assert!(file.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), "{lang} {id}: {file}");
            let inline = svg_of(&page);
            assert_eq!(svg_of(&file), inline, "{lang} {id}: the downloadable SVG differs from the page's chart");
            for (what, svg) in [("page", inline), ("file", svg_of(&file))] {
                let open = &tags(svg, "svg")[0];
                assert_eq!(open.attr("role"), Some("img"), "{lang} {id} {what}: {}", open.raw);
                let chart = format!("chart-{id}");
                assert_eq!(
                    open.attr("aria-labelledby"),
                    Some(format!("{chart}-title {chart}-desc").as_str()),
                    "{lang} {id} {what}"
                );
                let svg_title = inner(svg, "title", |t| t.attr("id") == Some(&format!("{chart}-title")));
                assert_eq!(svg_title, title, "{lang} {id} {what}: <title>");
                let desc = inner(svg, "desc", |t| t.attr("id") == Some(&format!("{chart}-desc")));
                assert_eq!(desc, summary, "{lang} {id} {what}: <desc> should be the page's summary");
            }
        }
    }
    let es = site.html("es/indicadores/victimas-por-anio/victimas-por-anio.svg");
    assert!(
        es.contains("<desc id=\"chart-victimas-por-anio-desc\">De 2019 a 2020, pasó de 2875 personas a 12\u{a0}345,6 personas (+329,4 %).</desc>"),
        "{es}"
    );
    let en = site.html("en/indicators/victimas-por-anio/victimas-por-anio.svg");
    assert!(
        en.contains("<desc id=\"chart-victimas-por-anio-desc\">From 2019 to 2020, it went from 2,875 people to 12,345.6 people (+329.4%).</desc>"),
        "{en}"
    );
}

// ----- CSV ------------------------------------------------------------------------------

#[test]
fn the_published_csv_has_the_values_of_the_yaml_series() {
    let site = built();
    for (lang, root) in LANGS {
        // Percentages without breakdowns: (period, value) pairs, in order.
        let yaml = fixture_yaml(CAPACITACION);
        let expected: Vec<(String, f64)> = yaml["series"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|r| (yaml_text(&r["period"]), r["value"].as_f64().unwrap()))
            .collect();
        let csv = parse_csv(&site.html(&format!("{root}/capacitacion/capacitacion.csv")));
        let got: Vec<(String, f64)> = csv[1..].iter().map(|r| (r[0].clone(), r[1].parse().unwrap())).collect();
        assert_eq!(got, expected, "{lang}: capacitacion.csv");

        // Counts by sex: every row of the YAML is in the CSV with its label, exactly or as `<10`.
        let yaml = fixture_yaml(SEXO);
        let csv = parse_csv(&site.html(&format!("{root}/victimas-por-sexo/victimas-por-sexo.csv")));
        let rows = yaml["series"].as_sequence().unwrap();
        assert_eq!(csv.len(), rows.len() + 1, "{lang}: {csv:?}");
        for (row, rec) in rows.iter().zip(&csv[1..]) {
            let label = match row.get("sexo") {
                Some(key) => yaml_text(&yaml["breakdowns"]["sexo"]["values"][yaml_text(key)][lang]),
                None => "Total".to_string(), // the same word in both languages
            };
            assert_eq!((&rec[0], &rec[1]), (&yaml_text(&row["period"]), &label), "{lang}: {rec:?}");
            if rec[2] != "<10" && rec[2] != "reservado" && rec[2] != "withheld" {
                assert_eq!(rec[2].parse::<f64>().unwrap(), row["value"].as_f64().unwrap(), "{lang}: {rec:?}");
            }
        }
    }
}

#[test]
fn values_from_a_csv_beside_the_yaml_reach_the_page_table_and_the_published_csv() {
    let site = built();
    let source = parse_csv(&read_text(&fixture_dir("indicators").join(ANIO_CSV)));
    assert!(!read_text(&fixture_dir("indicators").join(ANIO)).contains("series"), "the YAML should have no series");
    let source_pairs: Vec<(String, f64)> = source[1..].iter().map(|r| (r[0].clone(), r[1].parse().unwrap())).collect();
    assert_eq!(source_pairs, [("2019".to_string(), 2875.0), ("2020".to_string(), 12345.6)]);
    for (lang, root) in LANGS {
        let csv = parse_csv(&site.html(&format!("{root}/victimas-por-anio/victimas-por-anio.csv")));
        let header = if lang == "es" { ["Periodo", "Valor"] } else { ["Period", "Value"] };
        assert_eq!(csv[0], header, "{lang}");
        let pairs: Vec<(String, f64)> = csv[1..].iter().map(|r| (r[0].clone(), r[1].parse().unwrap())).collect();
        assert_eq!(pairs, source_pairs, "{lang}: the published CSV");
        let page = site.html(&format!("{root}/victimas-por-anio/index.html"));
        let periods: Vec<String> = tags(&page, "th")
            .into_iter()
            .filter(|t| t.attr("scope") == Some("row"))
            .map(|t| page[t.at + t.raw.len()..].split("</th>").next().unwrap().to_string())
            .collect();
        assert_eq!(periods, ["2019", "2020"], "{lang}: the rows of the page table");
        assert_eq!(cells(&page).len(), 2, "{lang}");
    }
    // Changing the CSV changes the page: the values really come from it.
    site.write(ANIO_CSV, "period,value\n2019,2875\n2020,3101\n");
    site.build_ok(&[]);
    assert_eq!(cells(&site.html("en/indicators/victimas-por-anio/index.html")), ["2,875", "3,101"]);
}

// ----- Victim-safe statistics -----------------------------------------------------------

/// The 2021 cells for men (4) and not recorded (15): 4 is below 10, and with the total of 60
/// published, 15 (the smallest other cell) must go too or 4 = 60 - 41 - 15.
const HIDDEN: [&str; 2] = ["4", "15"];

fn assert_hidden(what: &str, text: &str) {
    let found = numbers(text);
    for value in HIDDEN {
        assert!(!found.contains(&value), "{what} shows the suppressed value {value}:\n{text}");
    }
}

#[test]
fn small_counts_and_the_cell_that_would_reveal_them_are_never_published() {
    let site = built();
    for (lang, root) in LANGS {
        let dir = format!("{root}/victimas-por-sexo");
        let fewer = if lang == "es" { "menos de 10" } else { "fewer than 10" };
        // Issue 15: 15 is hidden so that 4 cannot be worked out from the total, but 15 is
        // not fewer than 10: it reads "withheld", and the note explains both.
        let withheld = if lang == "es" { "reservado" } else { "withheld" };

        let page = site.html(&format!("{dir}/index.html"));
        assert_eq!(cells(&page), ["41", fewer, withheld, "60"], "{lang}: the table");
        let visible = strip_tags(&page);
        assert!(numbers(&visible).contains(&"41") && numbers(&visible).contains(&"60"), "{visible}");
        assert_hidden(&format!("{lang}: the page"), &visible);
        assert!(page.contains("class=\"note\""), "{lang}: no note explaining the hidden figures");

        let embed = site.html(&format!("{dir}/embed/index.html"));
        assert_eq!(cells(&embed), ["41", fewer, withheld, "60"], "{lang}: the embed's table");
        assert_hidden(&format!("{lang}: the embed"), &strip_tags(&embed));

        let svg = site.html(&format!("{dir}/victimas-por-sexo.svg"));
        assert_hidden(&format!("{lang}: the SVG"), &strip_tags(&svg));
        assert_eq!(svg.matches(&format!(">\n{fewer}\n<")).count(), 1, "{lang}: the SVG's labels\n{svg}");
        assert_eq!(svg.matches(&format!(">\n{withheld}\n<")).count(), 1, "{lang}: the SVG's labels\n{svg}");
        // The hatched bars are drawn at the threshold, so their lengths give nothing away.
        let hatched: Vec<Tag> =
            tags(&svg, "rect").into_iter().filter(|t| t.attr("fill").is_some_and(|f| f.ends_with("-p9)"))).collect();
        assert_eq!(hatched.len(), 2, "{lang}: {svg}");
        assert_eq!(hatched[0].attr("width"), hatched[1].attr("width"), "{lang}: hatched bars of different lengths");

        let csv_text = site.html(&format!("{dir}/victimas-por-sexo.csv"));
        let csv = parse_csv(&csv_text);
        let values: Vec<&str> = csv[1..].iter().map(|r| r[2].as_str()).collect();
        assert_eq!(values, ["60", "41", "<10", withheld], "{lang}: {csv_text}");
        assert_hidden(&format!("{lang}: the CSV"), &csv_text);

        let zip = site.public().join(format!("{root}/{}.zip", root.split('/').nth(1).unwrap()));
        match unzip_entry(&zip, "victimas-por-sexo.csv") {
            Some(zipped) => {
                assert_eq!(zipped, csv_text, "{lang}: the ZIP's CSV differs from the download");
                assert_hidden(&format!("{lang}: the ZIP's CSV"), &zipped);
            }
            None => eprintln!("SKIPPED: `unzip` is not installed, so the ZIP's CSV was not checked"),
        }
    }
    // The indicator index shows the chart and summary of every indicator.
    for (lang, root) in LANGS {
        assert_hidden(&format!("{lang}: the indicator index"), &strip_tags(&site.html(&format!("{root}/index.html"))));
    }
}

#[test]

fn the_yaml_download_does_not_publish_suppressed_counts() {
    let site = built();
    for (lang, root) in LANGS {
        let yaml = site.html(&format!("{root}/victimas-por-sexo/victimas-por-sexo.yaml"));
        // Today the file holds `{ period: 2021, sexo: hombres, value: 4 }`.
        assert_hidden(&format!("{lang}: the YAML download"), &yaml);
    }
}

#[test]
fn an_indicators_suppress_below_overrides_the_sites() {
    let site = Site::fixture("indicators");
    edit(&site, SEXO, "weight: 20\n", "weight: 20\nsuppress_below: 3\n");
    site.build_ok(&[]);
    let page = site.html("en/indicators/victimas-por-sexo/index.html");
    assert_eq!(cells(&page), ["41", "4", "15", "60"]);
    assert!(!page.contains("class=\"note\""), "nothing is hidden, so no note:\n{page}");
    let csv = site.html("en/indicators/victimas-por-sexo/victimas-por-sexo.csv");
    assert!(!csv.contains('<'), "{csv}");
}

// ----- Illustrative values --------------------------------------------------------------

#[test]
fn illustrative_indicators_are_marked_on_the_page_in_the_svg_and_in_the_csv() {
    let site = built();
    for (lang, root) in LANGS {
        let (stamp, column, sentence, title) = if lang == "es" {
            ("ILUSTRATIVO", "nota", "(Valores ilustrativos, no publicados por la fuente.)", "Policías capacitados")
        } else {
            ("ILLUSTRATIVE", "note", "(Illustrative values, not published by the source.)", "Police officers trained")
        };
        let dir = format!("{root}/capacitacion");
        let page = site.html(&format!("{dir}/index.html"));
        let note = inner(&page, "span", |t| t.has_class("illustrative"));
        assert!(!note.trim().is_empty(), "{lang}: empty illustrative note");
        assert!(inner(&page, "p", |t| t.has_class("lede")).ends_with(sentence), "{lang}: the summary");
        assert!(strip_tags(svg_of(&page)).contains(stamp), "{lang}: the page's chart is not stamped");
        let svg = site.html(&format!("{dir}/capacitacion.svg"));
        assert!(svg.contains(&format!(">\n{stamp}\n</text>")), "{lang}: the SVG is not stamped\n{svg}");
        let csv = parse_csv(&site.html(&format!("{dir}/capacitacion.csv")));
        assert_eq!(csv[0].last().map(String::as_str), Some(column), "{lang}: {csv:?}");
        assert!(csv[1..].iter().all(|r| r.last().map(String::as_str) == Some(stamp)), "{lang}: {csv:?}");
        let zip = site.public().join(format!("{root}/{}.zip", root.split('/').nth(1).unwrap()));
        if let Some(readme) = unzip_entry(&zip, "README.txt") {
            assert!(readme.contains(&format!("capacitacion.csv: {title} ({stamp})")), "{readme}");
            assert_eq!(readme.matches(stamp).count(), 1, "only capacitacion is illustrative:\n{readme}");
        } else {
            eprintln!("SKIPPED: `unzip` is not installed, so the ZIP's README was not checked");
        }

        // Published data is not marked.
        let page = site.html(&format!("{root}/victimas-por-anio/index.html"));
        assert!(!page.contains(stamp) && !page.contains("class=\"illustrative\""), "{lang}: {page}");
        let csv = parse_csv(&site.html(&format!("{root}/victimas-por-anio/victimas-por-anio.csv")));
        assert_eq!(csv[0].len(), 2, "{lang}: {csv:?}");
    }
}

// ----- Shortcode ------------------------------------------------------------------------

#[test]
fn the_chart_shortcode_places_the_figure_and_a_link_to_the_indicator_in_each_language() {
    let site = built();
    for (lang, root) in LANGS {
        let home = site.html(&format!("{lang}/index.html"));
        // From `<div class="indicator-embed">` to the end of its closing link paragraph.
        let start = tags(&home, "div")
            .into_iter()
            .find(|t| t.has_class("indicator-embed"))
            .unwrap_or_else(|| panic!("{lang}: no figure from the shortcode\n{home}"))
            .at;
        let link_at = start + home[start..].find("<p class=\"indicator-link\">").expect("a link paragraph");
        let figure = &home[start..link_at + home[link_at..].find("</p>").unwrap() + 4];
        let svg = svg_of(figure);
        assert_eq!(tags(svg, "svg")[0].attr("role"), Some("img"), "{lang}");
        // The figure is the cross-reference target `fig-<id>`; the SVG's own ids hang off it.
        assert!(figure.starts_with("<div class=\"indicator-embed\" id=\"fig-victimas-por-anio\">"), "{lang}: {figure}");
        assert!(svg.contains("<title id=\"fig-victimas-por-anio-chart-title\">"), "{lang}: {svg}");
        // Where the shortcode was: between the two paragraphs around it.
        let (before, after) = if lang == "es" {
            ("Si sabes de un caso de trata", "Las cifras vienen del MIMP.")
        } else {
            ("If you know of a trafficking case", "The figures come from MIMP.")
        };
        let at = home.find(figure).unwrap();
        assert!(home.find(before).unwrap() < at && at < home.find(after).unwrap(), "{lang}: figure out of place");
        assert!(!home.contains("faro-chart:") && !home.contains("FAROCHART"), "{lang}: a marker was left\n{home}");
        let link = format!("/{root}/victimas-por-anio/");
        assert!(hrefs(figure).contains(&link), "{lang}: no link to {link} in\n{figure}");
        assert!(site.public().join(format!("{root}/victimas-por-anio/index.html")).is_file());
    }
}

#[test]
fn every_link_on_indicator_pages_leads_to_a_file_that_exists() {
    let site = built();
    let snap = snapshot(&site.public());
    let mut checked = 0;
    for (path, html) in html_files(&snap) {
        if !(path.starts_with("es/indicadores/") || path.starts_with("en/indicators/")) {
            continue;
        }
        for target in internal_targets(&html) {
            assert!(snap.contains_key(&target), "{path} links to /{target}, which was not written");
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} links");
}

#[test]

fn the_breadcrumb_finds_the_indicator_index_when_the_slug_string_is_not_already_a_slug() {
    let site = Site::fixture("indicators");
    let theme_es = read_text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/es.yaml"));
    let line = theme_es.lines().find(|l| l.starts_with("indicators_slug:")).unwrap();
    site.write("i18n/es.yaml", theme_es.replace(line, "indicators_slug: \"Datos clave\""));
    site.build_ok(&[]);
    let page = site.html("es/datos-clave/victimas-por-anio/index.html");
    let crumbs = element(&page, "nav", |t| t.has_class("breadcrumb")).unwrap();
    // Today the link is `/es/Datos Clave/`.
    assert!(hrefs(crumbs).contains(&"/es/datos-clave/".to_string()), "{crumbs}");
}

// ----- Determinism ----------------------------------------------------------------------

#[test]
fn two_builds_give_identical_bytes_for_every_indicator_file() {
    let site = Site::fixture("indicators");
    let one = site.path().join("out-1");
    let two = site.path().join("out-2");
    site.build_ok(&["--output", one.to_str().unwrap()]);
    site.build_ok(&["--output", two.to_str().unwrap()]);
    let pick = |dir: &Path| -> Snapshot {
        snapshot(dir)
            .into_iter()
            .filter(|(k, _)| {
                k.starts_with("es/indicadores/")
                    || k.starts_with("en/indicators/")
                    || k == "es/index.html"
                    || k == "en/index.html"
            })
            .collect()
    };
    let first = pick(&one);
    for file in [
        "es/indicadores/indicadores.zip",
        "en/indicators/indicators.zip",
        "es/indicadores/index.html",
        "en/indicators/victimas-por-sexo/victimas-por-sexo.svg",
        "en/indicators/victimas-por-sexo/victimas-por-sexo.csv",
        "es/indicadores/capacitacion/embed/index.html",
        "es/indicadores/victimas-por-anio/victimas-por-anio.yaml",
    ] {
        assert!(first.contains_key(file), "{file} was not written");
    }
    assert_eq!(first.len(), 2 * (2 + 3 * 5) + 2, "{:?}", first.keys().collect::<Vec<_>>());
    assert_same_snapshot(&first, &pick(&two), "the indicator files of two builds");
}

// ----- Three languages ------------------------------------------------------------------

#[test]
fn indicator_pages_exist_in_every_language_of_a_three_language_site_and_link_each_other() {
    let site = Site::fixture("trilingual");
    site.write(
        "data/indicators/llamadas.yaml",
        "title: { es: \"Llamadas a la Línea 1818\", en: \"Calls to the 1818 line\", qu: \"Línea 1818 nisqaman waqyakuna\" }\n\
         topic: { es: \"Línea 1818\", en: \"1818 line\", qu: \"Línea 1818\" }\n\
         unit: { es: \"llamadas\", en: \"calls\", qu: \"waqyakuna\" }\n\
         measure: number\n\
         chart: bar\n\
         source: { name: \"MININTER\" }\n\
         series:\n  - { period: 2022, value: 1520 }\n  - { period: 2023, value: 1873 }\n",
    );
    let run = site.build_ok(&[]);
    assert!(run.errors().is_empty(), "{}", run.stderr);
    // The theme has no Quechua strings: `indicators_slug` falls back to the default language's.
    let roots = [("es", "es/indicadores"), ("en", "en/indicators"), ("qu", "qu/indicadores")];
    let expected: Vec<(String, String)> = roots
        .iter()
        .map(|(lang, root)| (lang.to_string(), format!("https://example.org/{root}/llamadas/")))
        .chain([("x-default".to_string(), "https://example.org/es/indicadores/llamadas/".to_string())])
        .collect();
    for (lang, root) in roots {
        for file in ["index.html", "embed/index.html", "llamadas.svg", "llamadas.csv", "llamadas.yaml"] {
            assert!(site.public().join(format!("{root}/llamadas/{file}")).is_file(), "no {root}/llamadas/{file}");
        }
        let zip = format!("{root}/{}.zip", root.split('/').nth(1).unwrap());
        assert!(site.public().join(&zip).is_file(), "no {zip}");
        let page = site.html(&format!("{root}/llamadas/index.html"));
        assert_eq!(html_lang(&page).as_deref(), Some(lang), "{root}");
        assert_eq!(alternates(&page), expected, "{lang}: the alternates of the indicator page");
        let title = match lang {
            "es" => "Llamadas a la Línea 1818",
            "en" => "Calls to the 1818 line",
            _ => "Línea 1818 nisqaman waqyakuna",
        };
        assert!(page.contains(&format!("<h1>{title}</h1>")), "{lang}: {page}");
        for (other, other_root) in roots.iter().filter(|(l, _)| *l != lang) {
            let link = switcher_link(&page, other);
            assert_eq!(link.attr("href"), Some(format!("/{other_root}/llamadas/").as_str()), "{lang} -> {other}");
        }
        let index = site.html(&format!("{root}/index.html"));
        let index_alternates: Vec<(String, String)> =
            expected.iter().map(|(l, u)| (l.clone(), u.trim_end_matches("llamadas/").to_string())).collect();
        assert_eq!(alternates(&index), index_alternates, "{lang}: the alternates of the indicator index");
    }
}
