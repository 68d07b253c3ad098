//! The shared table (`cases.txt`) run through the Rust side; `search.js` runs it too.

use super::fold::word_forms;
use super::{keys, plural};

fn rule(field: &str) -> Option<&str> {
    (field != "-").then_some(field)
}

/// Whether every word of `query` has a form whose key starts a key of `text`: what
/// `search.js` does with an index entry.
fn finds(rule: Option<&str>, query: &str, text: &str) -> bool {
    let keys = format!(" {}", keys(rule, text));
    let words = word_forms(query);
    !words.is_empty()
        && words.iter().all(|forms| forms.iter().any(|f| keys.contains(&format!(" {}", plural::key(rule, f)))))
}

#[test]
fn the_shared_table_of_search_cases_holds_in_rust() {
    let table = include_str!("cases.txt");
    let mut checked = 0;
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        match f.as_slice() {
            ["words", text, want] => {
                let got: Vec<String> = word_forms(text).iter().map(|forms| forms.join("/")).collect();
                assert_eq!(got.join(" "), *want, "{line}");
            }
            ["key", r, word, want] => assert_eq!(plural::key(rule(r), word), *want, "{line}"),
            ["find", r, query, text] => assert!(finds(rule(r), query, text), "{line}"),
            ["miss", r, query, text] => assert!(!finds(rule(r), query, text), "{line}"),
            _ => panic!("not a case: {line}"),
        }
        checked += 1;
    }
    assert!(checked > 50, "{checked}");
}

#[test]
fn keys_are_unique_sorted_and_skip_a_key_that_starts_another() {
    assert_eq!(keys(Some("es"), "la ley, las leyes; la LEY de 2025"), "2025 de las ley");
    assert_eq!(keys(Some("es"), "de del derecho"), "del derech");
    assert_eq!(keys(None, ""), "");
}
