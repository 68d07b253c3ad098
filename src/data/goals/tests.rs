use super::*;
use crate::config::Config;
use crate::data::indicators::period_year;

fn config() -> Config {
    crate::config::test_config()
}

fn indicator(rows: &str, extra: &str) -> Indicator {
    let src = format!("title: {{ es: T, en: T }}\ntopic: {{ es: T, en: T }}\nunit: {{ es: '%', en: '%' }}\nmeasure: percent\nchart: progress\nsource: {{ name: S }}\n{extra}series:\n{rows}");
    crate::data::indicators::parse("x", &src, Path::new("x.yaml"), None, &config()).unwrap()
}

fn target(value: f64, year: i32, direction: Direction) -> Target {
    Target { indicator: "x".into(), value, year, direction, text: Localized::new() }
}

#[test]
fn a_met_target_is_achieved_in_both_directions() {
    let up = indicator("  - { period: '2024', value: 95 }\n", "");
    assert_eq!(progress(&up, &target(90.0, 2026, Direction::Up), 2022, 2025).status, Status::Achieved);
    let down = indicator("  - { period: '2024', value: 10 }\n", "baseline: { value: 40, year: 2022 }\n");
    let p = progress(&down, &target(20.0, 2026, Direction::Down), 2022, 2025);
    assert_eq!(p.status, Status::Achieved);
    assert_eq!(p.percent, Some(150.0));
}

#[test]
fn progress_is_weighed_against_the_time_elapsed() {
    // 2022 to 2026, report 2025: 75 % of the time has passed.
    let ind = indicator("  - { period: '2025', value: 70 }\n", "");
    let p = progress(&ind, &target(100.0, 2026, Direction::Up), 2022, 2025);
    assert_eq!((p.status, p.percent, p.elapsed), (Status::OnTrack, Some(70.0), 75.0));
    let ind = indicator("  - { period: '2025', value: 50 }\n", "");
    assert_eq!(progress(&ind, &target(100.0, 2026, Direction::Up), 2022, 2025).status, Status::Behind);
    // Going down from a baseline of 40 toward 20: 35 is only a quarter of the way.
    let ind = indicator("  - { period: '2025', value: 35 }\n", "baseline: { value: 40, year: 2022 }\n");
    let p = progress(&ind, &target(20.0, 2026, Direction::Down), 2022, 2025);
    assert_eq!((p.status, p.percent), (Status::Behind, Some(25.0)));
    let ind = indicator("  - { period: '2025', value: 26 }\n", "baseline: { value: 40, year: 2022 }\n");
    assert_eq!(progress(&ind, &target(20.0, 2026, Direction::Down), 2022, 2025).status, Status::OnTrack);
}

#[test]
fn a_target_equal_to_its_baseline_is_all_the_way_when_met_and_none_when_not() {
    // Issue 15: it read "No data" while its status said "Achieved".
    let base = "baseline: { value: 40, year: 2022 }\n";
    let met = indicator("  - { period: '2025', value: 38 }\n", base);
    let p = progress(&met, &target(40.0, 2026, Direction::Down), 2022, 2025);
    assert_eq!((p.status, p.percent), (Status::Achieved, Some(100.0)));
    let missed = indicator("  - { period: '2025', value: 45 }\n", base);
    let p = progress(&missed, &target(40.0, 2026, Direction::Down), 2022, 2025);
    assert_eq!((p.status, p.percent), (Status::Behind, Some(0.0)));
}

#[test]
fn a_roadmap_note_needs_every_language() {
    let src = "actions:\n  - id: a\n    horizon: 100-days\n    action: { es: a, en: a }\n    status:\n      2024: { status: done, note: { es: hecho } }\n";
    let errs = parse_roadmap(src, Path::new("r.yaml"), &config(), Some(&[])).unwrap_err();
    assert!(errs[0].message.contains("language `en`"), "{}", errs[0].message);
    assert_eq!(errs[0].line, Some(6));
}

#[test]
fn an_action_past_due_is_delayed_unless_done() {
    let src = "actions:\n  - id: a\n    horizon: 100-days\n    due: 2024-04-10\n    action: { es: a, en: a }\n    status:\n      2024: { status: in-progress }\n      2025: { status: done }\n";
    let actions = parse_roadmap(src, Path::new("r.yaml"), &config(), Some(&[])).unwrap();
    let a = &actions[0];
    assert_eq!(action_status(a, 2024, "2024-03-31"), Some(ActionStatus::InProgress));
    assert_eq!(action_status(a, 2024, "2024-12-31"), Some(ActionStatus::Delayed));
    assert_eq!(action_status(a, 2025, "2025-12-31"), Some(ActionStatus::Done));
    // Not reported for 2026, but done in 2025: nothing to say.
    assert_eq!(action_status(a, 2026, "2026-12-31"), None);
}

#[test]
fn progress_is_exact_where_binary_arithmetic_is_not() {
    // 29 of 200 is 14.5 %, which reads 15 %; trailing by exactly 10 points is on track.
    let ind = indicator("  - { period: '2025', value: 29 }\n", "");
    assert_eq!(progress(&ind, &target(200.0, 2026, Direction::Up), 2022, 2025).percent, Some(14.5));
    let ind = indicator("  - { period: '2024', value: 4.6 }\n", "baseline: { value: 3, year: 2022 }\n");
    let p = progress(&ind, &target(7.0, 2026, Direction::Up), 2022, 2024);
    assert_eq!((p.percent, p.elapsed, p.status), (Some(40.0), 50.0, Status::OnTrack));
}

#[test]
fn a_passed_target_year_without_the_target_is_behind() {
    let ind = indicator("  - { period: '2026', value: 99 }\n", "");
    assert_eq!(progress(&ind, &target(100.0, 2026, Direction::Up), 2022, 2026).status, Status::Behind);
    assert_eq!(progress(&ind, &target(100.0, 2026, Direction::Up), 2022, 2027).status, Status::Behind);
}

#[test]
fn suppressed_or_missing_values_give_no_data() {
    let src = "title: { es: T, en: T }\ntopic: { es: T, en: T }\nunit: { es: p, en: p }\nmeasure: count\nchart: bar\nsource: { name: S }\nseries:\n  - { period: '2024', value: 3 }\n";
    let ind = crate::data::indicators::parse("x", src, Path::new("x.yaml"), None, &config()).unwrap();
    let p = progress(&ind, &target(100.0, 2026, Direction::Up), 2022, 2025);
    assert_eq!((p.status, p.latest), (Status::NoData, None));
}

#[test]
fn a_goal_is_as_good_as_its_worst_target() {
    assert_eq!(goal_status(&[Status::Achieved, Status::OnTrack]), Status::OnTrack);
    assert_eq!(goal_status(&[Status::Achieved, Status::Behind, Status::NoData]), Status::Behind);
    assert_eq!(goal_status(&[]), Status::NoData);
}

#[test]
fn periods_give_their_last_year() {
    assert_eq!(period_year("2015-2021"), Some(2021));
    assert_eq!(period_year("2021-S1"), Some(2021));
    assert_eq!(period_year("sin-fecha"), None);
}

#[test]
fn targets_must_name_existing_indicators() {
    let src = "start_year: 2022\ngoals:\n  - id: g1\n    dimension: prevention\n    measure: { es: m, en: m }\n    objective: { es: o, en: o }\n    targets:\n      - { indicator: nope, value: 100, year: 2026 }\n";
    let errs = parse_goals(src, Path::new("data/goals.yaml"), &config(), &[]).unwrap_err();
    assert_eq!(errs[0].line, Some(8));
    assert!(errs[0].message.contains("`nope`, which does not exist"), "{}", errs[0].message);
}

#[test]
fn roadmap_changes_compare_with_the_previous_year() {
    let src = "actions:\n  - id: a\n    horizon: 100-days\n    action: { es: a, en: a }\n    status:\n      2024: { status: in-progress }\n      2025: { status: done }\n  - id: b\n    horizon: 1-year\n    action: { es: b, en: b }\n    status:\n      2024: { status: delayed }\n      2025: { status: delayed }\n  - id: c\n    horizon: 4-years\n    action: { es: c, en: c }\n    status:\n      2025: { status: not-started }\n";
    let actions = parse_roadmap(src, Path::new("r.yaml"), &config(), Some(&[])).unwrap();
    let status = |a: &Action, y: i32| action_status(a, y, &year_end(y));
    let changes = roadmap_changes(&actions, &status, 2025);
    let ids: Vec<_> = changes.iter().map(|(a, before, after)| (a.id.as_str(), *before, *after)).collect();
    assert_eq!(ids, [("a", Some(ActionStatus::InProgress), ActionStatus::Done), ("c", None, ActionStatus::NotStarted)]);
}
