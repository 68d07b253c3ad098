//! Slugs for URLs and heading ids.
//!
//! The rule: lowercase; `ñ` becomes `ni` (so `año` gives `anio`, never `ano`, which in
//! Spanish is a different and unfortunate word); other accents and diacritics are removed
//! (`Línea` gives `linea`, `pingüino` gives `pinguino`); letters and digits of any script
//! are kept; everything else becomes a single `-`, trimmed at both ends.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    // Most slugs are ASCII already: skip Unicode normalisation for them.
    if text.is_ascii() {
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(c.to_ascii_lowercase());
            } else {
                pending_dash = true;
            }
        }
        return out;
    }
    for c in text.nfc().flat_map(char::to_lowercase) {
        // Handled before decomposition: NFD would split `ñ` into `n` + tilde.
        let folded: &mut dyn Iterator<Item = char> = match c {
            'ñ' => &mut "ni".chars(),
            _ => &mut std::iter::once(c).nfd().filter(|c| !is_combining_mark(*c)),
        };
        for c in folded {
            if c.is_alphanumeric() {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(c);
            } else {
                pending_dash = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn folds_accents_but_keeps_the_n_with_tilde_distinct() {
        assert_eq!(slugify("Línea 1818"), "linea-1818");
        assert_eq!(slugify("Año 2025"), "anio-2025");
        assert_eq!(slugify("NIÑAS, niños y adolescentes"), "ninias-ninios-y-adolescentes");
        assert_eq!(slugify("Pingüino ¿qué?"), "pinguino-que");
    }

    #[test]
    fn keeps_other_scripts_and_trims_separators() {
        assert_eq!(slugify("  --Hello, World!--  "), "hello-world");
        assert_eq!(slugify("Ch'aska ñawi"), "ch-aska-niawi");
        assert_eq!(slugify("Привет мир"), "привет-мир");
        assert_eq!(slugify("¿?"), "");
    }

    #[test]
    fn decomposed_input_gives_the_same_slug() {
        assert_eq!(slugify("an\u{303}o"), "anio");
    }
}
