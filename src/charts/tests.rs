//! Chart tests: every kind is accessible, deterministic and hides what is hidden; lines
//! break at missing periods and hidden values; shares are on a 0–100 scale; bars with a
//! breakdown are grouped; labels stay inside the chart and apart.

use super::*;
use crate::i18n::{NumberFormat, Strings};
use std::path::Path;

fn indicator(extra: &str, chart: &str) -> Indicator {
    indicator_of("count", extra, chart)
}

fn indicator_of(measure: &str, extra: &str, chart: &str) -> Indicator {
    let config = crate::config::test_config();
    let src = format!(
        "title: {{ es: Víctimas, en: Victims }}\ntopic: {{ es: V, en: V }}\nunit: {{ es: personas, en: people }}\nmeasure: {measure}\nchart: {chart}\nsource: {{ name: MIMP }}\n{extra}"
    );
    crate::data::indicators::parse("x", &src, Path::new("x.yaml"), None, &config).unwrap()
}

fn strings(lang: &str) -> Strings {
    crate::i18n::builtin_strings(lang).unwrap()
}

/// The chart and its summary in `lang`, from the built-in theme's words.
fn draw(ind: &Indicator, lang: &str) -> (String, String) {
    let strings = strings(lang);
    let fmt = NumberFormat::from_strings(&strings);
    let words = Words::new(&fmt, lang, &strings);
    let summary = summary(ind, &words);
    (render(ind, &words, "t", &summary, "c1"), summary)
}

const SEX: &str = "breakdowns:\n  sex:\n    name: { es: Sexo, en: Sex }\n    values:\n      w: { es: Mujeres, en: Women }\n      m: { es: Hombres, en: Men }\n";

#[test]
fn svg_has_role_title_and_desc_and_no_sentinel_colours() {
    for chart in ["bar", "line", "stacked-bar", "horizontal-bar"] {
        let ind = indicator(
            &format!("{SEX}series:\n  - {{ period: 2020, sex: w, value: 1200 }}\n  - {{ period: 2020, sex: m, value: 3 }}\n  - {{ period: 2021, sex: w, value: 1300 }}\n  - {{ period: 2021, sex: m, value: 40 }}\n"),
            chart,
        );
        let strings = strings("es");
        let fmt = NumberFormat::from_strings(&strings);
        let words = Words::new(&fmt, "es", &strings);
        let svg = render(&ind, &words, "Víctimas <2021>", "Resumen", "c1");
        assert!(svg.starts_with("<svg width=\"400\""), "{chart}: {svg}");
        assert!(svg.contains("role=\"img\" aria-labelledby=\"c1-title c1-desc\""), "{chart}");
        assert!(svg.contains("<title id=\"c1-title\">Víctimas &lt;2021&gt;</title>"), "{chart}");
        assert!(!svg.contains("#0102"), "{chart}: a sentinel colour was left: {svg}");
        if chart != "line" {
            assert!(svg.contains("fill=\"url(#c1-p9)\""), "{chart}: the suppressed count is not hatched: {svg}");
        }
        assert!(svg.contains("menos de 5"), "{chart}: the suppressed count is not labelled: {svg}");
        assert!(!svg.contains(">\n3\n<"), "{chart}: the suppressed count is shown: {svg}");
        assert_eq!(svg, render(&ind, &words, "Víctimas <2021>", "Resumen", "c1"), "{chart}: not deterministic");
    }
}

#[test]
fn progress_shows_latest_value_and_target() {
    let ind = indicator("target: { value: 100, year: 2026 }\nseries:\n  - { period: 2024, value: 45 }\n", "progress");
    let (svg, _) = draw(&ind, "es");
    assert!(svg.contains("2024: 45"), "{svg}");
    assert!(svg.contains("meta 2026: 100"), "{svg}");
}

#[test]
fn the_summary_of_a_breakdown_over_time_says_the_groups_of_the_latest_period_not_a_random_row() {
    let ind = indicator(
        &format!("{SEX}series:\n  - {{ period: 2022, sex: w, value: 80 }}\n  - {{ period: 2022, sex: m, value: 20 }}\n  - {{ period: 2023, sex: w, value: 95 }}\n  - {{ period: 2023, sex: m, value: 9 }}\n"),
        "stacked-bar",
    );
    assert_eq!(draw(&ind, "es").1, "2023, por sexo: Mujeres 95 personas; Hombres 9 personas.");
    assert_eq!(draw(&ind, "en").1, "2023, by sex: Women 95 people; Men 9 people.");
}

#[test]
fn years_without_data_are_listed_with_runs_as_ranges() {
    let rows: String =
        [2014, 2015, 2019, 2021, 2025].iter().map(|y| format!("  - {{ period: {y}, value: 100 }}\n")).collect();
    let ind = indicator(&format!("series:\n{rows}"), "line");
    let summary = draw(&ind, "es").1;
    assert!(summary.ends_with("Sin datos para 2016–2018, 2020 y 2022–2024."), "{summary}");
    let periods = Periods::of(&ind);
    let gaps: Vec<bool> = (0..4).map(|i| periods.gap_after(i)).collect();
    assert_eq!(gaps, [false, true, true, true]);
}

#[test]
fn the_breakdown_is_named_in_lowercase_unless_it_is_an_acronym() {
    let strings = strings("es");
    let fmt = NumberFormat::from_strings(&strings);
    let words = Words::new(&fmt, "es", &strings);
    let named = |name: &str| {
        let b = crate::data::indicators::Breakdown {
            id: "b".into(),
            name: [("es".to_string(), name.to_string())].into_iter().collect(),
            values: Vec::new(),
            adds_up: Default::default(),
        };
        words.by(&b)
    };
    assert_eq!(named("Región"), "por región");
    assert_eq!(named("UGEL"), "por UGEL");
}

#[test]
fn a_hidden_bar_is_a_stub_of_the_same_size_whatever_it_hides() {
    let ind = indicator(
        &format!("{SEX}series:\n  - {{ period: 2021, value: 495 }}\n  - {{ period: 2021, sex: w, value: 493 }}\n  - {{ period: 2021, sex: m, value: 2 }}\n  - {{ period: 2022, value: 593 }}\n  - {{ period: 2022, sex: w, value: 590 }}\n  - {{ period: 2022, sex: m, value: 3 }}\n"),
        "bar",
    );
    let (svg, _) = draw(&ind, "es");
    let stubs: Vec<&str> = svg.lines().filter(|l| l.contains("url(#c1-p9)") && l.starts_with("<rect")).collect();
    // Women are withheld (with the total published, they would give men away), men are fewer than 5.
    assert_eq!(stubs.len(), 5, "four bars and the legend's swatch: {svg}");
    let height = |l: &str| l.split("height=\"").nth(1).and_then(|h| h.split('"').next()).unwrap().to_string();
    assert!(stubs[..4].iter().all(|l| height(l) == height(stubs[0])), "{stubs:?}");
}
