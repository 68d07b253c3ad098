//! The first layers of reading site.yaml: the YAML value, its keys checked level by level,
//! and each part read as its type on its own. Errors are collected, each at the line and
//! column the YAML reader gives, so one run reports them all and a wrong type in one part
//! does not hide the mistakes of the others.

use super::keys;
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::yaml::{self, Deferred, Mapping, Step, Value};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::Path;

pub(super) struct Reader<'a> {
    pub(super) src: &'a str,
    pub(super) path: &'a Path,
    pub(super) errors: Vec<Diagnostic>,
    /// Top-level keys written under another generator's name: faro key -> name as written.
    written: BTreeMap<&'static str, &'static str>,
}

/// A key as text (YAML allows numbers and booleans as keys).
pub(super) fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        other => yaml::to_string(other).trim().to_string(),
    }
}

impl<'a> Reader<'a> {
    /// The top-level mapping of site.yaml; a file that is not YAML, or not a mapping, stops here.
    pub(super) fn load(src: &'a str, path: &'a Path) -> Result<(Reader<'a>, Mapping), Vec<Diagnostic>> {
        let value: Value = yaml::parse(src, path, 1, Code::SiteConfig).map_err(|d| vec![d])?;
        let map = match value {
            Value::Mapping(map) => map,
            Value::Null => Mapping::new(),
            _ => {
                let msg = Said::new("config-not-a-mapping", &[]);
                return Err(vec![Diagnostic::error_said(Code::SiteConfig, path, msg).at(Some(1), Some(1))]);
            }
        };
        Ok((Reader { src, path, errors: Vec::new(), written: BTreeMap::new() }, map))
    }

    /// Line and column of the node at `steps`.
    pub(super) fn at(&self, steps: &[Step]) -> (Option<usize>, Option<usize>) {
        yaml::position(self.src, steps).map_or((None, None), |(l, c)| (Some(l), Some(c)))
    }

    /// An error at the node `steps` (its line and column).
    pub(super) fn error(&mut self, code: Code, steps: &[Step], msg: Said) -> &mut Diagnostic {
        let (line, col) = self.at(steps);
        self.errors.push(Diagnostic::error_said(code, self.path, msg).at(line, col));
        self.errors.last_mut().expect("just pushed")
    }

    /// The steps to faro's top-level `key` then `rest`, with the key as the file spells it.
    pub(super) fn steps(&self, key: &str, rest: &[Step]) -> Vec<Step> {
        let written = self.written.get(key).copied().unwrap_or(key);
        std::iter::once(yaml::key(written)).chain(rest.iter().cloned()).collect()
    }

    /// Renames the top-level keys written as another generator spells them to faro's;
    /// both spellings at once are an error.
    pub(super) fn aliases(&mut self, map: &mut Mapping) {
        for &(alias, faro, whose) in keys::ALIASES {
            let Some(value) = map.remove(alias) else { continue };
            if map.contains_key(faro) {
                let msg = Said::new("config-alias-and-key", &[("alias", alias), ("whose", whose), ("key", faro)]);
                self.error(Code::SiteConfig, &[yaml::key(alias)], msg);
                continue;
            }
            map.insert(Value::String(faro.into()), value);
            self.written.insert(faro, alias);
        }
    }

    /// Reports every key of `map` (the node at `steps`, a `level` for messages) that is not
    /// in `known`, and takes it out. Returns whether one of them named a `missing` key.
    pub(super) fn unknown_keys(
        &mut self,
        map: &mut Mapping,
        steps: &[Step],
        level: keys::Level,
        known: &[&str],
        missing: &[&str],
    ) -> bool {
        let unknown: Vec<Value> =
            map.keys().filter(|k| !k.as_str().is_some_and(|k| known.contains(&k))).cloned().collect();
        let mut named_missing = false;
        for key in unknown {
            map.remove(&key);
            let text = key_text(&key);
            let about = keys::unknown(level, &text, known, missing);
            named_missing |= about.names_missing;
            let at: Vec<Step> = steps.iter().cloned().chain([yaml::key(&text)]).collect();
            let d = self.error(Code::SiteConfig, &at, about.message);
            if let Some(hint) = about.hint {
                *d = d.clone().hint_said(hint);
            }
        }
        named_missing
    }

    /// The keys of the mapping at faro's top-level `key` (or of each item, when it is a
    /// list and `items`), checked against `known`.
    pub(super) fn section_keys(&mut self, top: &mut Mapping, key: &str, items: bool, known: &[&str]) {
        let steps = self.steps(key, &[]);
        match top.get_mut(key) {
            Some(Value::Mapping(map)) if !items => {
                self.unknown_keys(map, &steps, keys::Level::Section(key), known, &[]);
            }
            Some(Value::Sequence(list)) if items => {
                for (i, item) in list.iter_mut().enumerate() {
                    if let Value::Mapping(map) = item {
                        let at: Vec<Step> = steps.iter().cloned().chain([Step::Index(i)]).collect();
                        self.unknown_keys(map, &at, keys::Level::Entry(key), known, &[]);
                    }
                }
            }
            _ => {}
        }
    }

    /// `part` read as `T`, or None after an error at the place in the file (`steps`) where
    /// the reader stopped.
    pub(super) fn read<T: DeserializeOwned>(&mut self, part: &Deferred<T>, steps: &[Step]) -> Option<T> {
        self.read_value(&part.value, steps)
    }

    /// `value` (the node at `steps`) read as `T`, or None after an error where it is wrong.
    /// It is read again from the text, as all of faro reads YAML (a plain `1818` is text
    /// where text is expected, which a `Value` would refuse), and so with its place.
    pub(super) fn read_value<T: DeserializeOwned>(&mut self, value: &Value, steps: &[Step]) -> Option<T> {
        let (message, line, col) = match yaml::parse_at::<T>(self.src, steps) {
            Ok(Some(read)) => return Some(read),
            Err(e) => (e.message, e.line, e.col),
            // Not found by its path (faro's fault): the value, with no better place than its key.
            Ok(None) => match yaml::from_value::<T>(value.clone()) {
                Ok(read) => return Some(read),
                Err(message) => {
                    let (line, col) = self.at(steps);
                    (message, line, col)
                }
            },
        };
        self.errors.push(Diagnostic::error(Code::SiteConfig, self.path, message).at(line, col));
        None
    }

    /// A top-level part, None when absent or after its error.
    pub(super) fn part<T: DeserializeOwned>(&mut self, part: &Option<Deferred<T>>, key: &str) -> Option<T> {
        let steps = self.steps(key, &[]);
        part.as_ref().and_then(|p| self.read(p, &steps))
    }

    /// A top-level list whose items are read one by one: the items that read, in order.
    pub(super) fn items<T: DeserializeOwned>(
        &mut self,
        part: &Option<Deferred<Vec<Deferred<T>>>>,
        key: &str,
    ) -> Vec<(usize, T)> {
        let before = self.errors.len();
        let list = self.part(part, key).unwrap_or_default();
        if self.errors.len() > before && part.as_ref().is_some_and(|p| matches!(p.value, Value::Mapping(_))) {
            // Hugo writes `taxonomies` as a map (`{ tag: tags }`).
            let d = self.errors.last_mut().expect("just pushed");
            let id = if key == "taxonomies" { "config-taxonomies-is-a-list" } else { "config-is-a-list" };
            *d = d.clone().hint_said(Said::new(id, &[("key", key)]));
        }
        let mut out = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let steps = self.steps(key, &[Step::Index(i)]);
            out.extend(self.read(item, &steps).map(|t| (i, t)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use std::path::Path;

    const HEAD: &str = "base_url: https://e.org/\nlanguages: [es, en]\ntitle: { es: a, en: b }\n";

    #[test]
    fn plain_numbers_stay_text_where_text_is_expected() {
        let src = format!("{HEAD}help_lines:\n  - name: {{ es: 1818, en: 1818 }}\n    phone: 1818\ntheme: 5\n");
        let c = Config::parse(&src, Path::new("site.yaml"), None).unwrap();
        assert_eq!(c.help_lines[0].phone.as_deref(), Some("1818"));
        assert_eq!(c.theme, "5");
    }

    #[test]
    fn extra_is_passed_on_as_written_and_params_is_its_other_name() {
        for key in ["extra", "params"] {
            let src = format!("{HEAD}{key}: {{ a: [1, {{ b: x }}] }}\n");
            let c = Config::parse(&src, Path::new("site.yaml"), None).unwrap();
            assert_eq!(crate::yaml::to_string(&c.extra), "a:\n- 1\n- b: x\n", "{key}");
        }
        let src = format!("{HEAD}params: {{}}\nextra: {{}}\n");
        let errs = Config::parse(&src, Path::new("site.yaml"), None).unwrap_err();
        assert_eq!((errs.len(), errs[0].line), (1, Some(4)), "{errs:?}");
    }

    #[test]
    fn every_mistake_is_reported_once_with_its_place() {
        let src = "base_url: 1\nlanguages: es\ntitel: { es: a }\npublish: { feed_size: x, keeep: [] }\nlogo: []\n";
        let errs = Config::parse(src, Path::new("site.yaml"), None).unwrap_err();
        let mut got: Vec<(usize, usize)> = errs.iter().map(|e| (e.line.unwrap(), e.col.unwrap_or(0))).collect();
        got.sort();
        // base_url's check, languages' type, titel (naming title), keeep, feed_size's type, logo's type.
        assert_eq!(got, [(1, 0), (2, 12), (3, 1), (4, 23), (4, 26), (5, 7)], "{errs:#?}");
    }
}
