//! The keys of site.yaml, checked level by level before anything is read as a type, so
//! every unknown key is reported in one run (serde stops at the first). The known keys of
//! a level are the fields of its raw struct, asked from serde itself, so the two cannot
//! drift apart. A key a Hugo or Zola site would use is named with the faro key that does
//! the same; a close misspelling with the key meant.

/// Keys that mean a faro key exactly, as another generator spells it: (alias, faro key,
/// whose). Either spelling is accepted, never both.
pub(super) const ALIASES: &[(&str, &str, &str)] = &[("baseURL", "base_url", "Hugo"), ("params", "extra", "Hugo")];

/// Keys of Hugo's and Zola's site configuration that faro does not take, with what to write
/// instead: (level, key, advice). Level `""` is the top of site.yaml, `a menu entry` an entry.
const PEER_KEYS: &[(&str, &str, &str)] = &[
    ("", "languageCode", "Hugo's `languageCode` is faro's `languages` list (codes such as `es`, `en`, `qu`)"),
    ("", "defaultContentLanguage", "faro's default language is the first one in `languages`"),
    ("", "default_language", "faro's default language (Zola's `default_language`) is the first one in `languages`"),
    ("", "menu", "faro's menus are under `menus`"),
    ("", "copyright", "faro prints `organization` in the footer; there is no copyright line"),
    ("", "paginate", "the number of pages per list page is `publish.page_size`"),
    ("", "pagination", "the number of pages per list page is `publish.page_size`"),
    ("", "paginate_by", "the number of pages per list page is `publish.page_size`"),
    ("", "enableRobotsTXT", "faro writes robots.txt at a host's root (under a subpath crawlers never read it, so it is left out); `publish.index: false` asks not to be indexed"),
    ("", "generate_feeds", "a section has a feed when its `_index.md` says `feed: true`"),
    ("", "generate_feed", "a section has a feed when its `_index.md` says `feed: true`"),
    ("", "feed_limit", "the number of entries per feed is `publish.feed_size`"),
    ("", "build_search_index", "faro always builds the search index"),
    ("", "permalinks", "faro's URLs follow the folders of content/ and each page's `slug`"),
    ("", "translations", "interface strings are in i18n/<lang>.yaml (see `faro theme strings <lang>`)"),
    ("", "author", "faro names the publisher in `organization`"),
    ("a menu entry", "pageRef", "Hugo's `pageRef` is faro's `page`, a file under content/<lang>/"),
    ("a menu entry", "weight", "menu entries are shown in the order they are written"),
    ("a menu entry", "identifier", "faro's menus are one level: entries have no identifier"),
    ("a menu entry", "parent", "faro's menus are one level: entries have no parent"),
];

/// What to say about an unknown key.
#[derive(Debug)]
pub(super) struct Unknown {
    pub(super) message: String,
    pub(super) hint: Option<String>,
    /// The message names a required key that is missing, which then needs no error of its own.
    pub(super) names_missing: bool,
}

/// The message for `key`, unknown at `level` (`""` for the top, else its name) whose known
/// keys are `known`; `missing` are required keys not given, which a misspelling may be.
pub(super) fn unknown(level: &str, key: &str, known: &[&str], missing: &[&str]) -> Unknown {
    let place = if level.is_empty() { String::new() } else { format!(" in {level}") };
    let head = format!("unknown field `{key}`{place}");
    let list = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    let hint = Some(format!("the keys here are {list}"));
    if let Some((_, _, advice)) = PEER_KEYS.iter().find(|(l, k, _)| *l == level && *k == key) {
        return Unknown { message: format!("{head}: {advice}"), hint: None, names_missing: false };
    }
    if let Some(near) = crate::spelling::closest(key, known.iter().copied()) {
        let message = format!("{head}: did you mean `{near}`?");
        return Unknown { message, hint: None, names_missing: missing.contains(&near) };
    }
    if missing.is_empty() {
        return Unknown { message: head, hint, names_missing: false };
    }
    let lacks = missing.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    Unknown { message: format!("{head}: site.yaml lacks {lacks}; is this it?"), hint, names_missing: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_keys_are_answered_with_the_faro_key() {
        let u = unknown("", "default_language", &["languages"], &[]);
        assert!(u.message.contains("first one in `languages`"), "{}", u.message);
        let u = unknown("a menu entry", "pageRef", &["name", "page"], &[]);
        assert!(u.message.contains("`page`"), "{}", u.message);
        let u = unknown("", "nombre", &["title"], &["title"]);
        assert!(u.message.contains("lacks `title`") && u.names_missing, "{}", u.message);
        assert!(u.hint.unwrap().contains("`title`"));
        let u = unknown("", "titel", &["title"], &["title"]);
        assert!(u.message.ends_with("did you mean `title`?") && u.names_missing, "{}", u.message);
    }
}
