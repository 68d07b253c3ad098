//! The languages of a new site. A language the theme has strings for is written as its code;
//! one it lacks gets an entry naming a `fallback` (the first listed language the theme has),
//! with its name and locale when `scaffold/languages.yaml` knows them, so the new site builds
//! without a warning and says nothing in a language it is not written in. Its pages start
//! from the fallback's texts, with a comment saying they await translation.

use super::files::scaffold_bytes;
use crate::diagnostics::Diagnostic;
use crate::yaml::quote as yaml_quote;
use std::collections::BTreeMap;

/// One language of a new site.
#[derive(Debug)]
pub(super) struct NewLanguage {
    pub(super) code: String,
    /// The scaffold folder its pages and texts come from (`es`, `en`).
    pub(super) texts: String,
    /// Set when the theme has no strings for it and another listed language does.
    pub(super) fallback: Option<String>,
    /// Whether the theme has its interface strings.
    pub(super) in_theme: bool,
    name: Option<String>,
    locale: Option<String>,
}

pub(super) fn plan(languages: &[String]) -> Result<Vec<NewLanguage>, Diagnostic> {
    let in_theme = |l: &str| crate::i18n::builtin_strings(l).is_some();
    let fallback = languages.iter().find(|l| in_theme(l)).cloned();
    Ok(languages
        .iter()
        .map(|code| {
            let own = in_theme(code);
            let fallback = if own { None } else { fallback.clone() };
            let k = crate::i18n::known_language(code);
            NewLanguage {
                texts: texts_of(code, fallback.as_deref()),
                code: code.clone(),
                fallback,
                in_theme: own,
                name: k.and_then(|k| k.name.clone()).filter(|_| !own),
                locale: k.and_then(|k| k.locale.clone()).filter(|_| !own),
            }
        })
        .collect())
}

/// The scaffold folder whose texts a language gets: its own, its fallback's, or English.
pub(super) fn texts_of(code: &str, fallback: Option<&str>) -> String {
    let has = |l: &str| scaffold_bytes(&format!("{l}/strings.yaml")).is_some();
    [Some(code), fallback].into_iter().flatten().find(|l| has(l)).unwrap_or(super::FALLBACK_LANG).to_string()
}

impl NewLanguage {
    /// A language of an existing site, whose new pages start from the scaffold texts of `texts`.
    pub(super) fn of_site(code: &str, texts: String, name: Option<String>) -> NewLanguage {
        NewLanguage { code: code.to_string(), texts, fallback: None, in_theme: false, name, locale: None }
    }

    /// Its entry in site.yaml's `languages: […]`.
    pub(super) fn entry(&self) -> String {
        if self.in_theme || (self.fallback.is_none() && self.name.is_none() && self.locale.is_none()) {
            return self.code.clone();
        }
        let mut parts = vec![format!("code: {}", self.code)];
        parts.extend(self.name.as_ref().map(|n| format!("name: {}", yaml_quote(n))));
        parts.extend(self.locale.as_ref().map(|l| format!("locale: {l}")));
        parts.extend(self.fallback.as_ref().map(|f| format!("fallback: {f}")));
        format!("{{ {} }}", parts.join(", "))
    }

    /// Whether its pages are another language's texts.
    pub(super) fn borrows_texts(&self) -> bool {
        self.texts != self.code
    }

    /// `page` (Markdown with front matter) with a comment at the top of its front matter
    /// saying it is a copy awaiting translation, in the words of the language it is written in.
    pub(super) fn awaiting_translation(&self, page: &str, strings: &BTreeMap<String, String>) -> String {
        let Some(rest) = page.strip_prefix("---\n") else {
            return page.to_string();
        };
        let name = self.name.as_deref().unwrap_or(&self.code);
        let from = strings.get("from_name").map_or(self.texts.as_str(), String::as_str);
        let note = strings.get("page_awaits_translation").map_or("", String::as_str);
        let note = crate::i18n::fill(note, &[("name", name), ("from_name", from)]);
        format!("---\n# {note}\ntext_lang: {}\n{rest}", self.texts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_language_the_theme_lacks_falls_back_to_the_first_it_has() {
        let table: [(&[&str], &[&str]); 4] = [
            (&["es", "en"], &["es", "en"]),
            (&["es", "en", "qu"], &["es", "en", "{ code: qu, name: \"Runasimi\", locale: qu_PE, fallback: es }"]),
            (&["en", "xx"], &["en", "{ code: xx, fallback: en }"]),
            (&["qu", "xx"], &["{ code: qu, name: \"Runasimi\", locale: qu_PE }", "xx"]),
        ];
        for (list, entries) in table {
            let plan = plan(&langs(list)).unwrap();
            assert_eq!(plan.iter().map(NewLanguage::entry).collect::<Vec<_>>(), entries, "{list:?}");
        }
        let plan = plan(&langs(&["en", "es", "qu"])).unwrap();
        assert_eq!((plan[2].texts.as_str(), plan[2].borrows_texts()), ("en", true));
        assert!(!plan[1].borrows_texts());
    }

    #[test]
    fn a_borrowed_page_says_in_its_front_matter_that_it_awaits_translation() {
        let plan = plan(&langs(&["es", "qu"])).unwrap();
        let strings: BTreeMap<String, String> = crate::yaml::parse(
            super::super::files::scaffold_text("es/strings.yaml").unwrap(),
            std::path::Path::new("s"),
            1,
            crate::diagnostics::Code::Scaffold,
        )
        .unwrap();
        let page = plan[1].awaiting_translation("---\ntitle: \"Inicio\"\n---\n\nTexto.\n", &strings);
        assert!(
            page.starts_with("---\n# Esta página es una copia del texto en español: espera su traducción al Runasimi."),
            "{page}"
        );
        assert!(page.ends_with("title: \"Inicio\"\n---\n\nTexto.\n"), "{page}");
    }
}
