//! Statistics that protect victims (issue 15): the protection of small counts cannot be
//! turned off, every number is finite and in range, periods are trimmed, secondary cells
//! read "withheld" (not "fewer than N"), and an indicator whose hidden cells would be
//! narrowed by what is published is an error, never a publication.
//!
//! Built on the indicators fixture (`statistics.suppress_below: 10`).

use crate::indicators::{cells, edit, line_of, numbers, parse_csv, strip_tags};
use crate::support::*;

const SEXO: &str = "data/indicators/victimas-por-sexo.yaml";
const CAPACITACION: &str = "data/indicators/capacitacion.yaml";
const REGIONES: &str = "data/indicators/victimas-por-region.yaml";

/// Victims by region in one year, as in the issue: 27 in all, Lima 19 and two regions of 4
/// (two cells under 10 that add up to 8 would both be 4, if nothing else were hidden).
const BY_REGION: &str = "title: { es: Víctimas por región, en: Victims by region }
topic: { es: Víctimas, en: Victims }
unit: { es: personas, en: people }
measure: count
chart: horizontal-bar
suppress_below: 5
source: { name: MIMP }
breakdowns:
  region:
    name: { es: Región, en: Region }
    values:
      lima: { es: Lima, en: Lima }
      cusco: { es: Cusco, en: Cusco }
      puno: { es: Puno, en: Puno }
series:
  - { period: 2023, value: 27 }
  - { period: 2023, region: lima, value: 19 }
  - { period: 2023, region: cusco, value: 4 }
  - { period: 2023, region: puno, value: 4 }
";

#[test]
fn suppression_cannot_be_turned_off_by_nan_a_negative_or_zero_threshold() {
    for bad in [".nan", "-1", "0", "2.5"] {
        let site = Site::fixture("indicators");
        let mut line = 0;
        let run = break_and_rebuild(&site, |s| {
            let text = edit(s, SEXO, "weight: 20\n", &format!("weight: 20\nsuppress_below: {bad}\n"));
            line = line_of(&text, "suppress_below");
        });
        let msg = run.diagnostic(&format!("{SEXO}:{line}:"));
        assert!(msg.contains("suppress_below"), "{bad}: {msg}");
        assert_eq!(run.reported_error_count(), 1, "{bad}: {}", run.stderr);
    }
    for bad in [".nan", "-1", "0"] {
        let site = Site::fixture("indicators");
        let run = break_and_rebuild(&site, |s| {
            let text = String::from_utf8(s.read_source("site.yaml")).unwrap();
            let text = text.replace("suppress_below: 10", &format!("suppress_below: {bad}"));
            s.write("site.yaml", text);
        });
        run.assert_stderr_contains("suppress_below");
        assert!(run.stderr.contains("site.yaml:"), "{bad}: {}", run.stderr);
    }
}

#[test]
fn a_count_must_be_a_whole_number_and_a_target_a_finite_value_in_range() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, SEXO, "value: 41", "value: 40.5");
        line = line_of(&text, "40.5");
    });
    let msg = run.diagnostic(&format!("{SEXO}:{line}: error[indicator]: "));
    assert!(msg.contains("40.5 is not a whole number of people"), "{msg}");

    for (bad, says) in [(".nan", "is not a number"), ("1e308", "is not a percentage between 0 and 100")] {
        let site = Site::fixture("indicators");
        let text = String::from_utf8(site.read_source(CAPACITACION)).unwrap();
        let target = text.lines().find(|l| l.starts_with("target:")).expect("capacitacion has a target").to_string();
        let value = target.split("value:").nth(1).unwrap().split([',', '}']).next().unwrap().trim().to_string();
        let run = break_and_rebuild(&site, |s| {
            edit(s, CAPACITACION, &target, &target.replace(&format!("value: {value}"), &format!("value: {bad}")));
        });
        let msg = run.diagnostic(&format!("{CAPACITACION}:{}: error[indicator]: ", line_of(&text, "target:")));
        assert!(msg.contains(says) && msg.contains("target.value"), "{bad}: {msg}");
        assert!(!run.stderr.contains("NaN%"), "{}", run.stderr);
    }
}

#[test]
fn a_period_with_spaces_around_it_is_the_same_period() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = edit(s, SEXO, "{ period: 2021, sexo: hombres", "{ period: \" 2021 \", sexo: mujeres");
        line = line_of(&text, "\" 2021 \"");
    });
    let msg = run.diagnostic(&format!("{SEXO}:{line}: error[indicator]: "));
    assert!(msg.contains("period `2021` (sexo: mujeres) is given twice"), "{msg}");
}

#[test]
fn two_small_counts_beside_a_published_total_are_protected_by_a_withheld_cell() {
    let site = Site::fixture("indicators");
    site.write(REGIONES, BY_REGION);
    site.build_ok(&[]);
    for (root, fewer, withheld) in
        [("es/indicadores", "menos de 5", "reservado"), ("en/indicators", "fewer than 5", "withheld")]
    {
        let dir = format!("{root}/victimas-por-region");
        let page = site.html(&format!("{dir}/index.html"));
        // Lima's 19 is withheld: with it, 27 - 19 = 8 would make both small regions 4.
        assert_eq!(cells(&page), [withheld, fewer, fewer, "27"], "{root}");
        let visible = strip_tags(&page);
        assert!(!numbers(&visible).contains(&"19") && !numbers(&visible).contains(&"4"), "{visible}");
        let csv = parse_csv(&site.html(&format!("{dir}/victimas-por-region.csv")));
        let values: Vec<&str> = csv[1..].iter().map(|r| r[2].as_str()).collect();
        assert_eq!(values, ["27", withheld, "<5", "<5"], "{root}");
        let yaml = site.html(&format!("{dir}/victimas-por-region.yaml"));
        assert!(!yaml.contains("value: 19") && !yaml.contains("value: 4 "), "{yaml}");
        assert!(yaml.contains("value: withheld") && yaml.contains("value: <5"), "{yaml}");
        let svg = site.html(&format!("{dir}/victimas-por-region.svg"));
        assert!(!numbers(&strip_tags(&svg)).contains(&"19"), "{svg}");
    }
}

#[test]
fn an_indicator_whose_small_counts_give_each_other_away_is_an_error_not_a_leak() {
    // Cusco: 3 women and 2 men. Their total, 5, is not small, so whatever is hidden a
    // reader knows each is at least 1: no choice of withheld cells protects them.
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = BY_REGION
            .replace(
                "breakdowns:\n",
                "breakdowns:\n  sexo:\n    name: { es: Sexo, en: Sex }\n    values:\n      m: { es: Mujeres, en: Women }\n      h: { es: Hombres, en: Men }\n",
            )
            .replace("region: cusco, value: 4", "region: cusco, value: 5")
            .replace("region: puno, value: 4", "region: puno, value: 3")
            + "  - { period: 2023, sexo: m, value: 15 }
  - { period: 2023, sexo: h, value: 12 }
  - { period: 2023, region: lima, sexo: m, value: 10 }
  - { period: 2023, region: lima, sexo: h, value: 9 }
  - { period: 2023, region: cusco, sexo: m, value: 3 }
  - { period: 2023, region: cusco, sexo: h, value: 2 }
  - { period: 2023, region: puno, sexo: m, value: 2 }
  - { period: 2023, region: puno, sexo: h, value: 1 }
";
        s.write(REGIONES, &text);
        line = line_of(&text, "region: cusco, sexo: m");
    });
    run.diagnostic(&format!(
        "{REGIONES}:{line}: error[disclosure]: period `2023` (region: cusco, sexo: m) cannot be protected"
    ));
}

#[test]
fn the_yaml_download_hides_values_in_any_yaml_spelling_and_drops_comments() {
    // An outsider's audit: JSON style, a value on the next line and a comment all leaked.
    let site = Site::fixture("indicators");
    let text = BY_REGION
        .replace(
            "  - { period: 2023, region: cusco, value: 4 }\n",
            "  - {\"period\": 2023, \"region\": \"cusco\", \"value\": 4}  # Cusco is 4\n",
        )
        .replace(
            "  - { period: 2023, region: puno, value: 4 }\n",
            "  - period: 2023\n    region: puno\n    value:\n      4\n",
        );
    site.write(REGIONES, &text);
    site.build_ok(&[]);
    let yaml = site.html("es/indicadores/victimas-por-region/victimas-por-region.yaml");
    assert!(!yaml.contains('#') && !yaml.contains("Cusco is"), "a comment was published:\n{yaml}");
    let doc: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("the download is valid YAML");
    let values: Vec<String> = doc["series"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|r| match &r["value"] {
            serde_yaml::Value::Number(n) => n.to_string(),
            v => v.as_str().unwrap().to_string(),
        })
        .collect();
    assert_eq!(values, ["27", "withheld", "<5", "<5"], "{yaml}");
}

#[test]
fn a_count_baseline_that_is_small_or_a_withheld_total_is_an_error() {
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = BY_REGION.replace("series:\n", "baseline: { value: 3, year: 2022 }\nseries:\n");
        s.write(REGIONES, &text);
        line = line_of(&text, "baseline:");
    });
    let msg = run.diagnostic(&format!("{REGIONES}:{line}: error[indicator]: "));
    assert!(msg.contains("baseline of 3 is fewer than"), "{msg}");
}

#[test]
fn a_breakdown_that_does_not_add_up_as_declared_is_an_error() {
    // Inferring the rule from the data would let the withheld cells tell a reader about the
    // hidden ones: it is declared (`adds_up`), and checked.
    let site = Site::fixture("indicators");
    let mut line = 0;
    let run = break_and_rebuild(&site, |s| {
        let text = BY_REGION.replace("region: lima, value: 19", "region: lima, value: 20");
        s.write(REGIONES, &text);
        line = line_of(&text, "period: 2023, value: 27");
    });
    let msg = run.diagnostic(&format!("{REGIONES}:{line}: error[indicator]: "));
    assert!(msg.contains("add up to 28, not to this total of 27"), "{msg}");
    // Declared as a part of the total, the same data builds.
    let text = BY_REGION.replace("region: lima, value: 19", "region: lima, value: 18").replace(
        "    name: { es: Región, en: Region }\n",
        "    name: { es: Región, en: Region }\n    adds_up: at-most\n",
    );
    site.write(REGIONES, &text);
    site.build_ok(&[]);
}

#[test]
fn spellings_of_one_period_are_the_same_period() {
    for spelling in ["2021.0", "\"2021\\u200B\"", "\"２０２１\""] {
        let site = Site::fixture("indicators");
        let mut line = 0;
        let run = break_and_rebuild(&site, |s| {
            let text = edit(s, SEXO, "{ period: 2021, sexo: hombres", &format!("{{ period: {spelling}, sexo: mujeres"));
            line = line_of(&text, spelling);
        });
        let msg = run.diagnostic(&format!("{SEXO}:{line}: error[indicator]: "));
        assert!(msg.contains("period `2021` (sexo: mujeres) is given twice"), "{spelling}: {msg}");
    }
}
