//! Issue 5, editions: a final report freezes the values it shows; later data does not
//! change it, and the build lists the difference as a revision.

use crate::support::*;

fn final_report() -> Site {
    let site = Site::fixture("reports");
    for lang in ["es", "en"] {
        let path = format!("content/{lang}/informes/2025/_index.md");
        let text = String::from_utf8(site.read_source(&path)).unwrap().replace("status: draft", "status: final");
        site.write(&path, text);
    }
    site
}

fn set_capacitacion(site: &Site, value: u32) {
    let path = "data/indicators/capacitacion.yaml";
    let text = String::from_utf8(site.read_source(path)).unwrap();
    let start = text.find("{ period: 2025, value: ").expect("the 2025 row");
    let end = start + text[start..].find('}').unwrap();
    site.write(path, format!("{}{{ period: 2025, value: {value} {}", &text[..start], &text[end..]));
}

#[test]
fn a_final_report_freezes_its_values_on_the_first_build() {
    let site = final_report();
    let run = site.build_ok(&[]);
    assert!(run.stdout.contains("Froze the values of a final report in data/editions/2025.yaml"), "{}", run.stdout);
    let edition = String::from_utf8(site.read_source("data/editions/2025.yaml")).unwrap();
    assert!(edition.contains("indicator: capacitacion\n  latest: 70.0\n  period: '2025'"), "{edition}");
    // A second build reads the file and writes nothing.
    let again = site.build_ok(&[]);
    assert!(!again.stdout.contains("Froze"), "{}", again.stdout);
}

#[test]
fn later_data_does_not_change_a_final_report_and_is_listed_as_a_revision() {
    let site = final_report();
    site.build_ok(&[]);
    let before = site.html("es/informes/2025/metas/index.html");
    assert!(before.contains("70 % (2025)"), "{before}");
    set_capacitacion(&site, 50);
    let run = site.build_ok(&[]);
    let after = site.html("es/informes/2025/metas/index.html");
    assert!(after.contains("70 % (2025)") && !after.contains("50 % (2025)"), "the frozen value must stay:\n{after}");
    let warning = run.diagnostic("data/editions/2025.yaml: warning[revision]: ");
    assert!(
        warning.contains("`capacitacion` at 70 (2025), on-track; the data now gives 50 (2025), behind"),
        "{warning}"
    );
}

#[test]
fn a_draft_report_follows_the_data() {
    let site = Site::fixture("reports");
    site.build_ok(&[]);
    assert!(!site.path().join("data/editions").exists(), "a draft must not be frozen");
    set_capacitacion(&site, 50);
    site.build_ok(&[]);
    assert!(site.html("es/informes/2025/metas/index.html").contains("50 % (2025)"));
}

#[test]
fn a_report_after_the_first_says_what_changed_since_the_last_one() {
    let site = final_report();
    // A first report for 2024, final, and a 2024 value of the indicator.
    site.write(
        "content/es/informes/2024/_index.md",
        "---\ntitle: \"Informe 2024\"\nreport:\n  year: 2024\n  period: \"2024\"\n  organization: \"Comisión (ejemplo)\"\n  status: final\n---\n",
    );
    site.write("content/es/informes/2024/resumen.md", "---\ntitle: \"Resumen\"\n---\n\nUn año de trabajo.\n");
    let path = "data/indicators/capacitacion.yaml";
    let text = String::from_utf8(site.read_source(path)).unwrap();
    site.write(
        path,
        text.replace(
            "  - { period: 2025, value: 70 }",
            "  - { period: 2024, value: 40 }\n  - { period: 2025, value: 70 }",
        ),
    );
    let run = site.build_ok(&[]);
    assert!(
        run.stdout.contains("data/editions/2024.yaml") && run.stdout.contains("data/editions/2025.yaml"),
        "{}",
        run.stdout
    );

    let first = site.html("es/informes/2024/index.html");
    assert!(!first.contains("report-changes"), "the first report has nothing to compare with");
    let cover = site.html("es/informes/2025/index.html");
    let changes = &cover[cover.find("<section class=\"report-changes\"").expect("a changes section")..];
    let changes = &changes[..changes.find("</section>").unwrap()];
    assert!(changes.contains("Qué cambió desde el informe 2024"), "{changes}");
    assert!(changes.contains("40 % → 70 %"), "the target moved forward:\n{changes}");
    assert!(changes.contains("Convocar a la Comisión Regional (En curso → Cumplida)"), "a milestone met:\n{changes}");
    // An empty list agrees with its heading: "Metas que retrocedieron: Ninguna."
    let worsened = &changes[changes.find("Metas que retrocedieron").unwrap()..];
    assert!(worsened[..worsened.find("</p>").unwrap()].ends_with("<p>Ninguna."), "{changes}");

    // The 2024 figure is revised after the 2024 report was frozen.
    let text = String::from_utf8(site.read_source(path)).unwrap();
    site.write(path, text.replace("period: 2024, value: 40", "period: 2024, value: 45"));
    let run = site.build_ok(&[]);
    run.assert_diagnostic("data/editions/2024.yaml: warning[revision]: ");
    let cover = site.html("es/informes/2025/index.html");
    assert!(cover.contains("40 → 45"), "the revised figure is listed:\n{cover}");
}

/// Every file of the 2025 report, both languages (cover, chapters, full view).
fn report_files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let snap = snapshot(&site.public());
    snap.into_iter()
        .filter(|(path, _)| path.starts_with("es/informes/2025/") || path.starts_with("en/reports/2025/"))
        .collect()
}

fn edit_source(site: &Site, path: &str, from: &str, to: &str) {
    let text = String::from_utf8(site.read_source(path)).unwrap();
    assert!(text.contains(from), "`{from}` is not in {path}");
    site.write(path, text.replacen(from, to, 1));
}

/// Issue 15: the report charts capacitacion in a chapter, and the data has a 2026 value.
fn charted_final_report() -> Site {
    let site = final_report();
    for lang in ["es", "en"] {
        edit_source(
            &site,
            &format!("content/{lang}/informes/2025/introduccion.md"),
            "\n## ",
            "\n{{< chart capacitacion >}}\n\n## ",
        );
    }
    edit_source(
        &site,
        "data/indicators/capacitacion.yaml",
        "  - { period: 2025, value: 70 }",
        "  - { period: 2024, value: 40 }\n  - { period: 2025, value: 70 }\n  - { period: 2026, value: 85 }",
    );
    site
}

#[test]
fn a_final_report_is_frozen_whole_and_its_charts_stop_at_its_year() {
    let site = charted_final_report();
    site.build_ok(&[]);
    let frozen = report_files(&site);
    assert!(frozen.len() >= 10, "{:?}", frozen.iter().map(|(p, _)| p).collect::<Vec<_>>());
    let chapter = site.html("es/informes/2025/introduccion/index.html");
    let svg = &chapter[chapter.find("<svg").expect("the chart")..];
    assert!(!svg.contains("2026: 85") && !svg.contains("85 %"), "a 2025 report must not chart 2026:\n{svg}");
    let edition = String::from_utf8(site.read_source("data/editions/2025.yaml")).unwrap();
    assert!(edition.contains("indicators:") && !edition.contains("'2026'"), "{edition}");

    // The build that froze the report and the next one give the same bytes.
    site.build_ok(&[]);
    assert_eq!(report_files(&site), frozen, "a second build changed the frozen report");

    // Revise every figure it shows: values, the indicator's target, the goal's target.
    edit_source(&site, "data/indicators/capacitacion.yaml", "period: 2025, value: 70", "period: 2025, value: 55");
    edit_source(&site, "data/indicators/capacitacion.yaml", "period: 2024, value: 40", "period: 2024, value: 35");
    edit_source(&site, "data/indicators/capacitacion.yaml", "target: { value: 100", "target: { value: 95");
    edit_source(&site, "data/indicators/comision.yaml", "value: 95", "value: 60");
    edit_source(&site, "data/goals.yaml", "        value: 100\n", "        value: 98\n");
    edit_source(&site, "data/roadmap.yaml", "2025: { status: in-progress }", "2025: { status: delayed }");
    edit_source(&site, "data/roadmap.yaml", "Acta firmada", "Acta firmada y publicada");
    // The year before, new goals and new actions: none may enter the frozen report.
    edit_source(&site, "data/roadmap.yaml", "2024: { status: in-progress }", "2024: { status: delayed }");
    let roadmap = String::from_utf8(site.read_source("data/roadmap.yaml")).unwrap();
    site.write(
        "data/roadmap.yaml",
        roadmap + "\n  - id: nueva-accion\n    horizon: 1-year\n    action: { es: \"Acción nueva\", en: \"New action\" }\n    status:\n      2025: { status: done }\n",
    );
    let goals = String::from_utf8(site.read_source("data/goals.yaml")).unwrap();
    site.write(
        "data/goals.yaml",
        goals + "\n  - id: meta-nueva\n    dimension: prevention\n    measure: { es: \"Meta nueva\", en: \"New goal\" }\n    objective: { es: \"o\", en: \"o\" }\n",
    );
    edit_source(&site, "data/roadmap.yaml", "https://example.org/acta.pdf", "https://example.org/acta-2.pdf");
    let run = site.build_ok(&[]);
    let after = report_files(&site);
    for ((path, a), (_, b)) in frozen.iter().zip(&after) {
        assert!(a == b, "{path} changed after the data was revised:\n{}", String::from_utf8_lossy(b));
    }
    assert_eq!(frozen.len(), after.len());
    run.assert_diagnostic("data/editions/2025.yaml: warning[revision]: ");
}

#[test]
fn the_build_that_freezes_a_report_shows_the_figures_later_builds_show() {
    // Issue 15: 570 of 2150 is 26.51 %: 27 % on every build, never 27 then 26.
    let site = final_report();
    edit_source(&site, "data/indicators/capacitacion.yaml", "measure: percent", "measure: number");
    edit_source(&site, "data/indicators/capacitacion.yaml", "period: 2025, value: 70", "period: 2025, value: 570");
    edit_source(&site, "data/indicators/capacitacion.yaml", "target: { value: 100", "target: { value: 2150");
    edit_source(&site, "data/goals.yaml", "        value: 100\n", "        value: 2150\n");
    site.build_ok(&[]);
    let first = report_files(&site);
    let goals = site.html("es/informes/2025/metas/index.html");
    assert!(goals.contains("27 %") && !goals.contains("26 %"), "{goals}");
    site.build_ok(&[]);
    assert_eq!(report_files(&site), first);
}

#[test]
fn an_action_past_its_due_date_and_not_done_is_delayed() {
    let site = Site::fixture("reports");
    edit_source(&site, "data/roadmap.yaml", "    horizon: 1-year\n", "    horizon: 1-year\n    due: 2025-06-30\n");
    site.build_ok(&[]);
    let roadmap = site.html("es/informes/2025/hoja-de-ruta/index.html");
    let row = &roadmap[roadmap.find("Aprobar un protocolo de atención").unwrap()..];
    let row = &row[..row.find("</tr>").or_else(|| row.find("</li>")).unwrap()];
    assert!(row.contains("Retrasada") || row.contains("retrasada"), "{row}");
    // Not yet due on the report's date: as reported.
    for lang in ["es", "en"] {
        let path = format!("content/{lang}/informes/2025/_index.md");
        edit_source(&site, &path, "  year: 2025\n", "  year: 2025\n  date: 2025-06-01\n");
    }
    site.build_ok(&[]);
    let roadmap = site.html("es/informes/2025/hoja-de-ruta/index.html");
    let row = &roadmap[roadmap.find("Aprobar un protocolo de atención").unwrap()..];
    let row = &row[..row.find("</tr>").or_else(|| row.find("</li>")).unwrap()];
    assert!(row.contains("En curso") || row.contains("en curso"), "{row}");
    // A due date that is not a date is an error at its line.
    edit_source(&site, "data/roadmap.yaml", "due: 2025-06-30", "due: junio");
    let run = site.build(&[]);
    run.assert_failure();
    run.assert_diagnostic("data/roadmap.yaml:");
    run.assert_stderr_contains("`due` must be a date");
}

#[test]
fn what_changed_compares_with_the_frozen_roadmap_not_todays_data() {
    let site = final_report();
    site.write(
        "content/es/informes/2024/_index.md",
        "---\ntitle: \"Informe 2024\"\nreport:\n  year: 2024\n  period: \"2024\"\n  organization: \"Comisión (ejemplo)\"\n  status: final\n---\n",
    );
    site.write("content/es/informes/2024/resumen.md", "---\ntitle: \"Resumen\"\n---\n\nUn año de trabajo.\n");
    site.build_ok(&[]);
    // After both were frozen, the 2024 status of an action is rewritten as done.
    edit_source(&site, "data/roadmap.yaml", "2024: { status: in-progress }", "2024: { status: done }");
    site.build_ok(&[]);
    let cover = site.html("es/informes/2025/index.html");
    assert!(
        cover.contains("Convocar a la Comisión Regional (En curso → Cumplida)"),
        "the 2024 report said in progress, so the change is from in progress:\n{cover}"
    );
}

#[test]
fn a_reference_ending_in_a_full_stop_is_not_given_a_second_one() {
    let site = Site::fixture("reports");
    edit_source(
        &site,
        "content/es/informes/2025/_index.md",
        "  year: 2025\n",
        "  year: 2025\n  references:\n    - \"Patiño, P. (2022). Documento de política. Lima: CIES.\"\n",
    );
    site.build_ok(&[]);
    let cover = site.html("es/informes/2025/index.html");
    assert!(cover.contains("Lima: CIES.</li>"), "{cover}");
    assert!(!cover.contains(".."), "doubled punctuation:\n{cover}");
}
