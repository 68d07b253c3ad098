//! The shared table (`cases.txt`) run through the Rust side; `search.js` runs it too.

use super::fold::word_forms;
use super::index::{DocTerms, BODY};
use super::plural;

fn rule(field: &str) -> Option<&str> {
    (field != "-").then_some(field)
}

/// Whether a query key finds an index key: by its start from three letters on, whole below.
fn key_finds(query: &str, key: &str) -> bool {
    if query.chars().count() >= 3 {
        key.starts_with(query)
    } else {
        key == query
    }
}

/// Whether every word of `query` has a form whose key finds a key of `text`: what
/// `search.js` does with the shards.
fn finds(rule: Option<&'static str>, query: &str, text: &str) -> bool {
    let doc = DocTerms::new(rule, &[(text, BODY)]);
    let words = word_forms(query);
    !words.is_empty()
        && words.iter().all(|forms| {
            forms.iter().any(|f| {
                let q = plural::key(rule, f);
                doc.iter().any(|(key, _)| key_finds(&q, key))
            })
        })
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
fn a_documents_keys_are_sorted_and_each_once() {
    let doc = DocTerms::new(Some("es"), &[("la ley, las leyes; la LEY de 2025", BODY)]);
    let keys: Vec<&str> = doc.iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["2025", "de", "la", "las", "ley"]);
    assert_eq!(DocTerms::new(None, &[("", BODY)]).iter().count(), 0);
}
