//! Reading a mapping as a struct with some of its top-level keys left out. serde stops at
//! the first wrong key; read one key at a time, a document reports every wrong key, each
//! at the reader's own line and column, and the rest is read without the wrong ones.

use super::{diagnostic, nul_at, Value};
use crate::diagnostics::{Code, Diagnostic};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use std::fmt;
use std::path::Path;

/// `parse`, reading only the top-level entries whose key (as text) `keep` accepts.
pub(crate) fn parse_only<T: DeserializeOwned>(
    src: &str,
    path: &Path,
    first_line: usize,
    code: Code,
    keep: &dyn Fn(&str) -> bool,
) -> Result<T, Diagnostic> {
    let src = if src.trim().is_empty() { "{}" } else { src };
    if nul_at(src).is_some() {
        return super::parse(src, path, first_line, code); // its error, with its hint
    }
    let only = Only { inner: serde_yaml::Deserializer::from_str(src), keep };
    T::deserialize(only).map_err(|err| diagnostic(&err, src, path, first_line, code))
}

/// The top-level keys of a mapping as text, in file order and repeats included; None for
/// a document that does not parse or is not a mapping.
pub(crate) fn top_keys(src: &str) -> Option<Vec<String>> {
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a mapping")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some(key) = map.next_key::<Value>()? {
                map.next_value::<IgnoredAny>()?;
                keys.push(key_text(&key));
            }
            Ok(keys)
        }
    }
    let src = if src.trim().is_empty() { "{}" } else { src };
    de::Deserializer::deserialize_map(serde_yaml::Deserializer::from_str(src), Keys).ok()
}

/// A key as text (YAML allows numbers and booleans as keys).
fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        other => super::to_string(other).trim().to_string(),
    }
}

struct Only<'k, D> {
    inner: D,
    keep: &'k dyn Fn(&str) -> bool,
}

impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Only<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(OnlyVisitor { inner: visitor, keep: self.keep })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

struct OnlyVisitor<'k, V> {
    inner: V,
    keep: &'k dyn Fn(&str) -> bool,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for OnlyVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(OnlyMap { inner: map, keep: self.keep })
    }
}

struct OnlyMap<'k, A> {
    inner: A,
    keep: &'k dyn Fn(&str) -> bool,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for OnlyMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.inner.next_key::<Value>()? {
            let text = key_text(&key);
            if (self.keep)(&text) {
                return seed.deserialize(de::value::StringDeserializer::<A::Error>::new(text)).map(Some);
            }
            self.inner.next_value::<IgnoredAny>()?;
        }
        Ok(None)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        #[serde(default)]
        a: u8,
        #[serde(default)]
        b: u8,
    }

    #[test]
    fn left_out_keys_are_neither_read_nor_reported() {
        let src = "a: 1\nb: x\nc: 3\n";
        let read = |keep: &dyn Fn(&str) -> bool| parse_only::<T>(src, Path::new("x.md"), 2, Code::FrontMatter, keep);
        assert_eq!(read(&|k| k == "a").unwrap().a, 1);
        let err = read(&|k| k == "b").unwrap_err();
        assert_eq!((err.line, err.col), (Some(3), Some(4)), "{err:?}");
        assert!(read(&|k| k == "c").unwrap_err().message.starts_with("unknown field `c`"));
        assert_eq!(top_keys(src).unwrap(), ["a", "b", "c"]);
        assert_eq!(top_keys("a: 1\na: 2\n1: x\n").unwrap(), ["a", "a", "1"]);
        assert_eq!(top_keys("- a\n"), None);
        assert_eq!(top_keys(""), Some(vec![]));
    }
}
