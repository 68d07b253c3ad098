//! Reading one node of a YAML document by its path (`publish`, `help_lines[2]`), straight
//! from the text. A parsed `Value` has no positions; going down the text with serde seeds
//! gives the parser's own line and column, for a key or for an error inside the node, so
//! checks made on values can still point where the author wrote the thing.

use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// One step down a document: a mapping key as written, or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// The path as steps, from keys (`"menus"`) and indices (`3`).
pub(crate) fn key(k: &str) -> Step {
    Step::Key(k.to_string())
}

/// The message of the error a probe raises on purpose, never shown.
const PROBE: &str = "faro: the probed node";

/// Deserializes the node at `steps` of `src` as `T`: `Ok(None)` when the path is not there,
/// an error (message, line, column) from inside the node otherwise.
pub(crate) fn parse_at<T: DeserializeOwned>(src: &str, steps: &[Step]) -> Result<Option<T>, super::Located> {
    let seed = Nav::<T> { steps, probe: Probe::No, leaf: PhantomData };
    seed.deserialize(serde_yaml::Deserializer::from_str(src)).map_err(super::located)
}

/// Line and column (1-based) where the last step is written: a key itself, or the start
/// of a list item.
pub(crate) fn position(src: &str, steps: &[Step]) -> Option<(usize, usize)> {
    probe(src, steps, Probe::Key)
}

/// Line and column (1-based) where the value at `steps` starts (for a list item, the item).
pub(crate) fn value_position(src: &str, steps: &[Step]) -> Option<(usize, usize)> {
    probe(src, steps, Probe::Value)
}

fn probe(src: &str, steps: &[Step], probe: Probe) -> Option<(usize, usize)> {
    let seed = Nav::<IgnoredAny> { steps, probe, leaf: PhantomData };
    match seed.deserialize(serde_yaml::Deserializer::from_str(src)) {
        Err(e) if e.to_string().contains(PROBE) => e.location().map(|l| (l.line(), l.column())),
        _ => None,
    }
}

/// Whether to fail on purpose at the last step, so the error carries its position: at the
/// key, or at the value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Probe {
    No,
    Key,
    Value,
}

struct Nav<'s, T> {
    steps: &'s [Step],
    probe: Probe,
    leaf: PhantomData<T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Nav<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        match self.steps.first() {
            None => T::deserialize(d).map(Some),
            Some(_) => d.deserialize_any(self),
        }
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Nav<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping or a list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
        let (wanted, rest) = (&self.steps[0], &self.steps[1..]);
        let mut found = None;
        let last = rest.is_empty();
        let probe = self.probe == Probe::Key && last;
        while let Some(hit) = map.next_key_seed(KeySeed { wanted, probe })? {
            if hit && self.probe == Probe::Value && last {
                map.next_value_seed(Fail)?;
            }
            if hit && found.is_none() {
                found = map.next_value_seed(Nav::<T> { steps: rest, probe: self.probe, leaf: PhantomData })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        let (wanted, rest) = (&self.steps[0], &self.steps[1..]);
        let mut found = None;
        let mut i = 0;
        loop {
            let item = if *wanted == Step::Index(i) {
                if self.probe != Probe::No && rest.is_empty() {
                    seq.next_element_seed(Fail)?;
                }
                seq.next_element_seed(Nav::<T> { steps: rest, probe: self.probe, leaf: PhantomData })?.map(|v| {
                    found = v;
                })
            } else {
                seq.next_element::<IgnoredAny>()?.map(|_| ())
            };
            if item.is_none() {
                return Ok(found);
            }
            i += 1;
        }
    }
}

/// Reads a key and says whether it is the wanted one (failing there when probing).
struct KeySeed<'s> {
    wanted: &'s Step,
    probe: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<bool, E> {
        let hit = matches!(self.wanted, Step::Key(k) if k == s);
        if hit && self.probe {
            return Err(E::custom(PROBE));
        }
        Ok(hit)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

/// Fails at whatever node it is given, so the error carries that node's position.
struct Fail;

impl<'de> DeserializeSeed<'de> for Fail {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Fail {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(PROBE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(path: &str) -> Vec<Step> {
        path.split('.').map(|s| s.parse().map_or_else(|_| key(s), Step::Index)).collect()
    }

    #[test]
    fn position_finds_keys_and_items_in_block_and_flow_style() {
        let src =
            "a: 1\nmenus:\n  es:\n    - { name: x, url: y }\n    - name: z\n      page: p.md\nt: { es: a, en: b }\n";
        let cases = [
            ("a", Some((1, 1))),
            ("menus.es", Some((3, 3))),
            ("menus.es.0.url", Some((4, 18))),
            ("menus.es.1", Some((5, 7))),
            ("menus.es.1.page", Some((6, 7))),
            ("t.en", Some((7, 13))),
            ("nothing", None),
            ("menus.en", None),
        ];
        for (path, want) in cases {
            assert_eq!(position(src, &steps(path)), want, "{path}");
        }
        let values = [
            ("a", Some((1, 4))),
            ("menus.es.0.url", Some((4, 23))),
            ("menus.es.1", Some((5, 7))),
            ("t.en", Some((7, 17))),
        ];
        for (path, want) in values {
            assert_eq!(value_position(src, &steps(path)), want, "{path}");
        }
    }

    #[test]
    fn parse_at_reads_one_node_and_locates_its_errors() {
        let src = "publish:\n  feed_size: 3\nhelp: [1, \"dos\"]\n";
        assert_eq!(parse_at::<usize>(src, &steps("publish.feed_size")).unwrap(), Some(3));
        assert_eq!(parse_at::<usize>(src, &steps("publish.page_size")).unwrap(), None);
        let err = parse_at::<usize>(src, &steps("help.1")).unwrap_err();
        assert_eq!((err.line, err.col), (Some(3), Some(11)));
        assert!(err.message.contains("dos"), "{}", err.message);
    }
}
