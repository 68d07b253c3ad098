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

    // The 2024 figure is revised after the 2024 report was frozen.
    let text = String::from_utf8(site.read_source(path)).unwrap();
    site.write(path, text.replace("period: 2024, value: 40", "period: 2024, value: 45"));
    let run = site.build_ok(&[]);
    run.assert_diagnostic("data/editions/2024.yaml: warning[revision]: ");
    let cover = site.html("es/informes/2025/index.html");
    assert!(cover.contains("40 → 45"), "the revised figure is listed:\n{cover}");
}
