use super::*;

fn config() -> Config {
    crate::config::test_config()
}

const GOOD: &str = "title: { es: Víctimas, en: Victims }
topic: { es: Víctimas, en: Victims }
unit: { es: personas, en: people }
measure: count
chart: bar
source: { name: MIMP, url: \"https://www.gob.pe/mimp\", date: \"2022-06-17\" }
breakdowns:
  sex:
    name: { es: Sexo, en: Sex }
    values:
      women: { es: Mujeres, en: Women }
      men: { es: Hombres, en: Men }
series:
  - { period: 2021, value: 100 }
  - { period: 2021, sex: women, value: 97 }
  - { period: 2021, sex: men, value: 3 }
";

fn errors(src: &str) -> Vec<Diagnostic> {
    parse("x", src, Path::new("data/indicators/x.yaml"), None, &config()).unwrap_err()
}

#[test]
fn parses_rows_with_their_lines() {
    let ind = parse("x", GOOD, Path::new("x.yaml"), None, &config()).unwrap();
    assert_eq!(ind.rows.len(), 3);
    assert_eq!(ind.rows[1].line, 15);
    assert_eq!(ind.rows[1].dims.get("sex").map(String::as_str), Some("women"));
    assert_eq!(ind.threshold, Some(5));
}

#[test]
fn a_small_count_and_a_second_cell_are_suppressed_when_a_total_is_shown() {
    let ind = parse("x", GOOD, Path::new("x.yaml"), None, &config()).unwrap();
    let cells: Vec<Cell> = ind.rows.iter().map(|r| r.cell).collect();
    // 3 men is below 5; with the total of 100 shown, women (97) would give it away.
    assert_eq!(cells, [Cell::Shown(100.0), Cell::Withheld, Cell::Below]);
}

#[test]
fn without_a_total_only_the_small_cell_is_hidden() {
    let src = GOOD.replace("  - { period: 2021, value: 100 }\n", "");
    let ind = parse("x", &src, Path::new("x.yaml"), None, &config()).unwrap();
    assert_eq!(ind.rows.iter().map(|r| r.cell).collect::<Vec<_>>(), [Cell::Shown(97.0), Cell::Below]);
}

#[test]
fn validation_errors_name_the_line() {
    let e = errors(&GOOD.replace("value: 97", "value: mucho"));
    assert_eq!((e[0].line, e[0].message.as_str()), (Some(15), "`mucho` is not a number"));
    let e = errors(&GOOD.replace("sex: men, value: 3", "sex: women, value: 3"));
    assert!(e[0].message.contains("given twice (first on line 15)"), "{}", e[0].message);
    assert_eq!(e[0].line, Some(16));
    let e = errors(&GOOD.replace("sex: men", "sex: other"));
    assert!(e[0].message.contains("`other` is not a value of breakdown `sex`"), "{}", e[0].message);
    let e = errors(&GOOD.replace("measure: count", "measure: percent").replace("value: 100", "value: 101"));
    assert_eq!((e[0].line, e[0].message.as_str()), (Some(14), "101 is not a percentage between 0 and 100"));
    let e = errors(&GOOD.replace("men: { es: Hombres, en: Men }", "men: { es: Hombres }"));
    assert_eq!(e[0].line, Some(12));
    assert!(e[0].message.contains("language `en`"), "{}", e[0].message);
    let e = errors(&format!("{GOOD}target: {{ value: 100 }}\n"));
    assert!(e[0].message.contains("no `year`"), "{}", e[0].message);
    assert_eq!(e[0].line, Some(17));
    let e = errors(&format!("{GOOD}colour: red\n"));
    assert!(e[0].message.contains("unknown field `colour`"), "{}", e[0].message);
    assert_eq!(e[0].line, Some(17));
}
