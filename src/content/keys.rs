//! Front-matter keys as Hugo and Zola writers spell them. Where a peer's name is as good as
//! faro's, it is accepted as another spelling (a serde alias on `FrontMatter`); a page may
//! use one spelling of a key, not both. For peer keys faro has no use for, the unknown-key
//! error says what faro does instead. README's "Front matter keys in Hugo and Zola" is the
//! table of all this.

use crate::messages::Said;
use crate::yaml;

/// (faro's key, the peer's spelling faro also accepts).
pub(crate) const SPELLINGS: &[(&str, &str)] =
    &[("translation_key", "translationKey"), ("updated", "lastmod"), ("extra", "params")];

/// Peer keys faro does not take, and the catalogs' id of what to write instead.
const PEER_KEYS: &[(&str, &str)] = &[
    ("summary", "content-peer-summary"),
    ("layout", "content-peer-template"),
    ("type", "content-peer-template"),
    ("categories", "content-peer-categories"),
    ("keywords", "content-peer-keywords"),
    ("images", "content-peer-images"),
    ("url", "content-peer-address"),
    ("path", "content-peer-address"),
    ("publishDate", "content-peer-publish-date"),
    ("expiryDate", "content-peer-expiry-date"),
    ("generate_feeds", "content-peer-generate-feeds"),
    ("menu", "content-peer-menus"),
    ("menus", "content-peer-menus"),
    ("authors", "content-peer-authors"),
];

/// faro's name of a top-level key written in a peer's spelling; any other key as it is.
pub(crate) fn canonical(key: &str) -> &str {
    SPELLINGS.iter().find(|(_, peer)| *peer == key).map_or(key, |(ours, _)| ours)
}

/// Every front-matter key, in faro's spelling, in the order `FrontMatter` declares them.
pub(crate) fn front_matter_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = Vec::new();
    for k in yaml::field_names::<super::page::FrontMatter>().iter().map(|k| canonical(k)) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

/// The line (from `first_line`) of a top-level key, written in either of its spellings.
pub(crate) fn line_of(src: &str, key: &str, first_line: usize) -> Option<usize> {
    yaml::locate(src, &[key], first_line).or_else(|| {
        let peer = SPELLINGS.iter().find(|(k, _)| *k == key)?.1;
        yaml::locate(src, &[peer], first_line)
    })
}

/// Where the value of a top-level key starts (line from `first_line`, column), in either of
/// its spellings, then down `below` (keys, list items): a check on a value points at it.
pub(crate) fn value_at(src: &str, key: &str, below: &[yaml::Step], first_line: usize) -> Option<(usize, usize)> {
    let peer = SPELLINGS.iter().find(|(k, _)| *k == key).map(|(_, p)| *p);
    let at = |key: &str| {
        let steps: Vec<yaml::Step> = std::iter::once(yaml::key(key)).chain(below.iter().cloned()).collect();
        yaml::value_position(src, &steps).map(|(line, col)| (line + first_line - 1, col))
    };
    at(key).or_else(|| at(peer?))
}

/// Where a top-level key itself is written (line from `first_line`, column), in either
/// spelling: for a key that does not belong on the page at all.
pub(crate) fn key_at(src: &str, key: &str, first_line: usize) -> Option<(usize, usize)> {
    let peer = SPELLINGS.iter().find(|(k, _)| *k == key).map(|(_, p)| *p);
    let at = |key: &str| yaml::position(src, &[yaml::key(key)]).map(|(line, col)| (line + first_line - 1, col));
    at(key).or_else(|| at(peer?))
}

/// For a "duplicate field" error on a key with two spellings that are both written: a
/// clearer message, at the line of the later one.
pub(crate) fn both_spellings(src: &str, message: &str, first_line: usize) -> Option<(Said, usize)> {
    let key = message.strip_prefix("duplicate field `")?.split('`').next()?;
    let &(ours, peer) = SPELLINGS.iter().find(|(k, _)| *k == key)?;
    let (a, b) = (yaml::locate(src, &[ours], first_line)?, yaml::locate(src, &[peer], first_line)?);
    Some((Said::new("content-both-spellings", &[("peer", peer), ("key", ours)]), a.max(b)))
}

/// The hint for an unknown key: what faro does instead, for a peer's key, or where custom
/// fields go.
pub(crate) fn unknown_key_hint(message: &str) -> Option<Said> {
    let key = message.strip_prefix("unknown field `")?.split('`').next()?;
    if let Some((_, hint)) = PEER_KEYS.iter().find(|(k, _)| *k == key) {
        return Some(Said::new(hint, &[]));
    }
    // A typo of a key faro knows (serde lists them after "expected one of").
    let known = message.split_once("expected")?.1.split('`').skip(1).step_by(2);
    let typo = crate::spelling::closest(key, known);
    Some(match typo {
        Some(k) => Said::new("content-did-you-mean", &[("key", k)]),
        None => Said::new("content-extra-hint", &[("key", key)]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_in_either_spelling() {
        let src = "title: a\ntranslationKey: x\nupdated: 2025-01-01\n";
        assert_eq!(line_of(src, "translation_key", 2), Some(3));
        assert_eq!(line_of(src, "updated", 2), Some(4));
        assert_eq!(line_of(src, "slug", 2), None);
        assert_eq!((canonical("lastmod"), canonical("updated"), canonical("autor")), ("updated", "updated", "autor"));
    }

    #[test]
    fn both_spellings_point_at_the_later_one() {
        let src = "title: a\nlastmod: 2025-01-01\nupdated: 2025-01-02\n";
        let (msg, line) = both_spellings(src, "duplicate field `updated`", 2).unwrap();
        assert_eq!(line, 4);
        assert!(crate::messages::english(&msg).contains("`lastmod` is another spelling of `updated`"));
        assert_eq!(both_spellings(src, "duplicate field `title`", 2), None);
    }

    #[test]
    fn unknown_keys_get_a_hint() {
        let cases = [
            ("unknown field `summary`, expected one of", "`description`"),
            ("unknown field `autor`, expected one of", "`extra: { autor: ... }`"),
            ("unknown field `layout`, expected", "template: page.html"),
            ("unknown field `titel`, expected one of `title`, `date`", "did you mean `title`?"),
            ("unknown field `Slug`, expected one of `title`, `slug`", "did you mean `slug`?"),
            ("unknown field `dat`, expected one of `title`, `date`", "did you mean `date`?"),
            ("unknown field `tag`, expected one of `title`, `date`, `tags`", "did you mean `tags`?"),
            ("unknown field `feeds`, expected one of `feed`, `tags`", "did you mean `feed`?"),
            ("unknown field `lugar`, expected one of `title`, `date`, `tags`", "`extra: { lugar: ... }`"),
        ];
        for (msg, part) in cases {
            assert!(crate::messages::english(&unknown_key_hint(msg).unwrap()).contains(part), "{msg}");
        }
        assert_eq!(unknown_key_hint("missing field `title`"), None);
    }
}
