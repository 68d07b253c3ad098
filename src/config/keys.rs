//! The keys of site.yaml, checked level by level before anything is read as a type, so
//! every unknown key is reported in one run (serde stops at the first). The known keys of
//! a level are the fields of its raw struct, asked from serde itself, so the two cannot
//! drift apart. A key a Hugo or Zola site would use is named with the faro key that does
//! the same; a close misspelling with the key meant.

/// Keys that mean a faro key exactly, as another generator spells it: (alias, faro key,
/// whose). Either spelling is accepted, never both.
use crate::messages::Said;

pub(super) const ALIASES: &[(&str, &str, &str)] = &[("baseURL", "base_url", "Hugo"), ("params", "extra", "Hugo")];

/// Where an unknown key is: the top of site.yaml, a section (`contact`), an entry of a
/// list (`languages`), or a menu entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Level<'a> {
    Top,
    Section(&'a str),
    Entry(&'a str),
    MenuEntry,
}

impl Level<'_> {
    /// The values the catalogs' `config-unknown-key` names for the place.
    fn values(&self) -> (&'static str, &str) {
        match self {
            Level::Top => ("top", ""),
            Level::Section(s) => ("section", s),
            Level::Entry(s) => ("entry", s),
            Level::MenuEntry => ("menu-entry", ""),
        }
    }
}

/// Keys of Hugo's and Zola's site configuration that faro does not take, with the message
/// that says what to write instead: (in a menu entry, else at the top; key; message id).
const PEER_KEYS: &[(bool, &str, &str)] = &[
    (false, "languageCode", "config-peer-language-code"),
    (false, "defaultContentLanguage", "config-peer-default-content-language"),
    (false, "default_language", "config-peer-default-language"),
    (false, "menu", "config-peer-menu"),
    (false, "copyright", "config-peer-copyright"),
    (false, "paginate", "config-peer-paginate"),
    (false, "pagination", "config-peer-paginate"),
    (false, "paginate_by", "config-peer-paginate"),
    (false, "enableRobotsTXT", "config-peer-robots"),
    (false, "generate_feeds", "config-peer-feeds"),
    (false, "generate_feed", "config-peer-feeds"),
    (false, "feed_limit", "config-peer-feed-limit"),
    (false, "build_search_index", "config-peer-search-index"),
    (false, "permalinks", "config-peer-permalinks"),
    (false, "translations", "config-peer-translations"),
    (false, "author", "config-peer-author"),
    (true, "pageRef", "config-peer-page-ref"),
    (true, "weight", "config-peer-weight"),
    (true, "identifier", "config-peer-identifier"),
    (true, "parent", "config-peer-parent"),
];

/// What to say about an unknown key.
#[derive(Debug)]
pub(super) struct Unknown {
    pub(super) message: Said,
    pub(super) hint: Option<Said>,
    /// The message names a required key that is missing, which then needs no error of its own.
    pub(super) names_missing: bool,
}

/// The message for `key`, unknown at `level` whose known keys are `known`; `missing` are
/// required keys not given, which a misspelling may be.
pub(super) fn unknown(level: Level, key: &str, known: &[&str], missing: &[&str]) -> Unknown {
    let (kind, section) = level.values();
    let said = |id: &'static str, more: &[(&'static str, &str)]| {
        let base = [("key", key), ("level", kind), ("section", section)];
        Said::new(id, &[&base[..], more].concat())
    };
    let list = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    let hint = Some(Said::new("config-unknown-key-hint", &[("keys", &list)]));
    let peer_level = match level {
        Level::Top => Some(false),
        Level::MenuEntry => Some(true),
        _ => None,
    };
    if let Some((_, _, id)) = PEER_KEYS.iter().find(|(m, k, _)| Some(*m) == peer_level && *k == key) {
        return Unknown { message: said(id, &[]), hint: None, names_missing: false };
    }
    if let Some(near) = crate::spelling::closest(key, known.iter().copied()) {
        let message = said("config-unknown-key-near", &[("near", near)]);
        return Unknown { message, hint: None, names_missing: missing.contains(&near) };
    }
    if missing.is_empty() {
        return Unknown { message: said("config-unknown-key", &[]), hint, names_missing: false };
    }
    let lacks = missing.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    Unknown { message: said("config-unknown-key-lacks", &[("lacks", &lacks)]), hint, names_missing: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_keys_are_answered_with_the_faro_key() {
        let en = |s: &Said| crate::messages::english(s);
        let u = unknown(Level::Top, "default_language", &["languages"], &[]);
        assert_eq!(
            en(&u.message),
            "unknown field `default_language`: faro's default language (Zola's `default_language`) is the first one in `languages`"
        );
        let u = unknown(Level::MenuEntry, "pageRef", &["name", "page"], &[]);
        assert!(en(&u.message).starts_with("unknown field `pageRef` in a menu entry: "), "{}", en(&u.message));
        assert!(en(&u.message).contains("`page`"), "{}", en(&u.message));
        let u = unknown(Level::Top, "nombre", &["title"], &["title"]);
        assert!(en(&u.message).contains("lacks `title`") && u.names_missing, "{}", en(&u.message));
        assert!(en(&u.hint.unwrap()).contains("`title`"));
        let u = unknown(Level::Top, "titel", &["title"], &["title"]);
        assert!(en(&u.message).ends_with("did you mean `title`?") && u.names_missing, "{}", en(&u.message));
        let u = unknown(Level::Entry("languages"), "cod", &["code"], &[]);
        assert_eq!(en(&u.message), "unknown field `cod` in an entry of `languages`: did you mean `code`?");
        let u = unknown(Level::Section("contact"), "x", &["email"], &[]);
        assert_eq!(en(&u.message), "unknown field `x` in `contact`");
    }
}
