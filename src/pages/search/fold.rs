//! Folding for search: page text and queries become the same plain words, so a reader who
//! types without accents, or with them, finds the page. `search.js` folds the query by the
//! same rule; `cases.json` holds the cases both sides are tested on.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The folded words of `text`, each with its forms: one, or two for a word with `ñ`, which
/// is also written `n` (`señales` is typed `seniales` and `senales`). What `search.js` does
/// to a query; the index needs only `spellings`, so here it serves the tests.
#[cfg(test)]
pub(crate) fn word_forms(text: &str) -> Vec<Vec<String>> {
    let (ni, n) = spellings(text);
    let Some(n) = n else {
        return ni.split(' ').filter(|w| !w.is_empty()).map(|w| vec![w.to_string()]).collect();
    };
    // Both spellings split at the same places: `ñ` becomes letters either way.
    ni.split(' ')
        .zip(n.split(' '))
        .filter(|(a, _)| !a.is_empty())
        .map(|(a, b)| if a == b { vec![a.to_string()] } else { vec![a.to_string(), b.to_string()] })
        .collect()
}

/// `text` folded with `ñ` as `ni`, and again with `ñ` as `n` when it has one.
pub(crate) fn spellings(text: &str) -> (String, Option<String>) {
    (fold_with(text, "ni"), has_enye(text).then(|| fold_with(text, "n")))
}

fn has_enye(text: &str) -> bool {
    !text.is_ascii() && text.nfc().any(|c| c == 'ñ' || c == 'Ñ')
}

/// Lower case, accents removed, `ñ` as `enye` (`ni` is the slug rule: `año` → `anio`),
/// anything but letters and digits as a space.
fn fold_with(text: &str, enye: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Spaces collapse as they are written: one between words, none at either end.
    let mut gap = false;
    let mut push = |out: &mut String, c: char| {
        if c == ' ' {
            gap = !out.is_empty();
            return;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        out.push(c);
    };
    // Most text is ASCII: fold it directly and leave Unicode normalisation to the rest.
    if text.is_ascii() {
        for c in text.chars() {
            push(&mut out, if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' });
        }
        return out;
    }
    for c in text.nfc().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            push(&mut out, if c.is_ascii_alphanumeric() { c } else { ' ' });
            continue;
        }
        if c == 'ñ' {
            enye.chars().for_each(|e| push(&mut out, e));
            continue;
        }
        for d in std::iter::once(c).nfd().filter(|c| !is_combining_mark(*c)) {
            push(&mut out, if d.is_alphanumeric() { d } else { ' ' });
        }
    }
    out
}

/// Plain text of rendered HTML: tags dropped, entities for the escaped characters undone,
/// in one pass (the index reads every page's whole text).
pub(crate) fn html_text(html: &str) -> String {
    const ENTITIES: [(&str, char); 5] =
        [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\'')];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) => {
                    out.push(' ');
                    rest = &rest[end + 1..];
                }
                None => return out, // an unclosed tag: the rest is inside it
            }
        } else if let Some((name, c)) = ENTITIES.iter().find(|(name, _)| rest.starts_with(name)) {
            out.push(*c);
            rest = &rest[name.len()..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_drops_tags_and_undoes_entities_once() {
        assert_eq!(html_text("<p>A &amp;lt; b</p>x&amp;y &copy;<br>"), " A &lt; b x&y &copy; ");
        assert_eq!(html_text("<p>Tom &quot;y&quot; &#39;Ana&#39; &gt; 1</p>"), " Tom \"y\" 'Ana' > 1 ");
        assert_eq!(html_text("sin <etiqueta"), "sin ");
    }

    #[test]
    fn folds_like_slugs_but_keeps_spaces() {
        assert_eq!(fold_with("Tráfico de PERSONAS, año 2025", "ni"), "trafico de personas anio 2025");
        assert_eq!(fold_with("Ch'aska ñawi", "ni"), "ch aska niawi");
    }

    #[test]
    fn a_word_with_enye_has_both_spellings() {
        let cases: [(&str, &[&[&str]]); 4] = [
            ("Señales", &[&["seniales", "senales"]]),
            ("año 2025", &[&["anio", "ano"], &["2025"]]),
            // Decomposed (n + combining tilde) is the same letter.
            ("an\u{303}o", &[&["anio", "ano"]]),
            ("Tráfico", &[&["trafico"]]),
        ];
        for (text, want) in cases {
            let want: Vec<Vec<String>> = want.iter().map(|w| w.iter().map(|s| s.to_string()).collect()).collect();
            assert_eq!(word_forms(text), want, "{text}");
        }
    }
}
