//! Plural rules for search, one small rule per language, so a query in the singular finds
//! the plural and back (`campaña` ↔ `campañas`, `victims` ↔ `victim`, `wasi` ↔ `wasikuna`).
//! Each rule cuts a folded word down to a key that the singular and the plural share; the
//! index holds keys and the query is cut the same way, by `search.js`'s copy of these rules.
//! Queries match keys by their start, so a rule that cuts a little too much costs nothing
//! but a few more results. A language without a rule is only folded.

use std::borrow::Cow;

/// The rule for `lang` (`es-PE` uses `es`'s), or none.
pub(crate) fn rule_for(lang: &str) -> Option<&'static str> {
    match lang.split(['-', '_']).next().unwrap_or(lang) {
        "es" => Some("es"),
        "en" => Some("en"),
        "qu" => Some("qu"),
        _ => None,
    }
}

/// The key of a folded `word` under `rule`.
pub(crate) fn key<'a>(rule: Option<&str>, word: &'a str) -> Cow<'a, str> {
    match rule {
        Some("es") => spanish(word),
        Some("en") => english(word),
        Some("qu") => Cow::Borrowed(quechua(word)),
        _ => Cow::Borrowed(word),
    }
}

/// Spanish (after Savoy's light stemmer): `z` is written `c` (`luz`, `luces`); then `-as`,
/// `-es`, `-os` lose both letters (`leyes` → `ley`, `meses` → `mes`), or a final `a`, `e`,
/// `o` goes (`campaña` and `campañas` → `campani`). A key keeps at least two letters.
fn spanish(word: &str) -> Cow<'_, str> {
    let w = if word.contains('z') { Cow::Owned(word.replace('z', "c")) } else { Cow::Borrowed(word) };
    let cut = if ["as", "es", "os"].iter().any(|e| w.ends_with(e)) {
        2
    } else if w.ends_with(['a', 'e', 'o']) {
        1
    } else {
        0
    };
    // The cut letters are ASCII, so byte offsets are safe; the two kept are counted in chars.
    if cut == 0 || w.chars().count() < cut + 2 {
        return w;
    }
    match w {
        Cow::Borrowed(w) => Cow::Borrowed(&w[..w.len() - cut]),
        Cow::Owned(mut w) => {
            w.truncate(w.len() - cut);
            Cow::Owned(w)
        }
    }
}

/// English (Harman's S stemmer, as Lucene's `EnglishMinimalStemmer` writes it): a word of
/// three letters or more ending in `s` loses it (`victims` → `victim`), except after `u` or
/// `s` (`virus`, `class`); `-ies` becomes `-y` (`countries`), except `-aies`, `-eies`; and
/// `-aes`, `-ees`, `-oes` stay as they are.
fn english(word: &str) -> Cow<'_, str> {
    // The letters looked at are ASCII (`s`, `e`, …), so cutting them is at a char boundary.
    let c: Vec<char> = word.chars().rev().take(4).collect();
    if c.len() < 3 || c[0] != 's' || matches!(c[1], 'u' | 's') {
        return Cow::Borrowed(word);
    }
    if c[1] == 'e' {
        if c.len() > 3 && c[2] == 'i' && !matches!(c[3], 'a' | 'e') {
            return Cow::Owned(format!("{}y", &word[..word.len() - 3]));
        }
        if matches!(c[2], 'i' | 'a' | 'o' | 'e') {
            return Cow::Borrowed(word);
        }
    }
    Cow::Borrowed(&word[..word.len() - 1])
}

/// Quechua: the plural suffix `-kuna` goes (`wasikuna` → `wasi`). A key keeps two letters.
fn quechua(word: &str) -> &str {
    match word.strip_suffix("kuna") {
        Some(stem) if stem.chars().count() >= 2 => stem,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The keys themselves are in the shared table, cases.txt, which search.js runs too.
    #[test]
    fn a_language_uses_the_rule_of_its_base_language() {
        let cases =
            [("es", Some("es")), ("es-PE", Some("es")), ("en_GB", Some("en")), ("qu", Some("qu")), ("ay", None)];
        for (lang, want) in cases {
            assert_eq!(rule_for(lang), want, "{lang}");
        }
    }
}
