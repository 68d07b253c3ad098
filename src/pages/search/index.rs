//! One language's search index, split into shards that `search.js` loads on demand. Each
//! key (a folded, plural-cut word) has a posting list: the documents it is in, each with a
//! weight. A shard holds the keys of one prefix; prefixes grow, letter by letter, until a
//! shard's keys fit `SHARD_BUDGET`, so one query loads a few kilobytes whatever the site's
//! size, and a one-page edit rewrites only the shards of that page's words.

use super::fold::spellings;
use super::plural;
use crate::escape::json as json_str;
use crate::hash::fnv1a;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// About how many bytes of JSON one shard holds before its prefix is lengthened. A single
/// key can exceed it (a word on every page); it then has a shard of its own.
const SHARD_BUDGET: usize = 24 * 1024;

/// BM25's constants; the length a document is compared with is fixed rather than the
/// site's average, so that editing one page changes no other page's weights.
const K1: f32 = 1.2;
const B: f32 = 0.75;
const USUAL_LENGTH: f32 = 400.0;

/// How much one occurrence in each part of a page counts, against one in the body.
pub(crate) const TITLE: f32 = 5.0;
pub(crate) const TAGS: f32 = 3.0;
pub(crate) const DESCRIPTION: f32 = 2.0;
pub(crate) const BODY: f32 = 1.0;

/// A document's keys, sorted and each once, with their weights (1–255): what its
/// postings are, kept so an edit can take the old ones out.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DocTerms {
    keys: Box<str>,
    weights: Box<[u8]>,
}

impl DocTerms {
    /// The keys of `parts` (text and how much it counts) under `rule`, weighted by BM25
    /// with the body's word count as the document's length.
    pub(crate) fn new(rule: Option<&'static str>, parts: &[(&str, f32)]) -> DocTerms {
        // A page says most words many times: fold and cut each distinct token once.
        let mut tokens: FxHashMap<&str, f32> = FxHashMap::default();
        let mut length = 0usize;
        for &(text, boost) in parts {
            for token in text.split_whitespace() {
                *tokens.entry(token).or_insert(0.0) += boost;
                length += (boost == BODY) as usize;
            }
        }
        KEYS.with_borrow_mut(|memos| {
            let memo = memos.entry(rule).or_default();
            if memo.len() > MEMO_LIMIT {
                memo.clear();
            }
            for token in tokens.keys() {
                if !memo.contains_key(*token) {
                    memo.insert((*token).into(), token_keys(rule, token));
                }
            }
        });
        KEYS.with_borrow(|memos| DocTerms::weighed(&tokens, &memos[&rule], length))
    }

    fn weighed(tokens: &FxHashMap<&str, f32>, memo: &Memo, length: usize) -> DocTerms {
        let mut counted: FxHashMap<&str, f32> = FxHashMap::default();
        for (token, tf) in tokens {
            for key in memo[*token].iter() {
                *counted.entry(key).or_insert(0.0) += tf;
            }
        }
        let mut counted: Vec<(&str, f32)> = counted.into_iter().collect();
        counted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let norm = K1 * (1.0 - B + B * length as f32 / USUAL_LENGTH);
        let mut keys = String::with_capacity(counted.iter().map(|(k, _)| k.len() + 1).sum());
        let mut weights = Vec::with_capacity(counted.len());
        for (key, tf) in &counted {
            if !keys.is_empty() {
                keys.push(' ');
            }
            keys.push_str(key);
            let w = tf * (K1 + 1.0) / (tf + norm);
            weights.push((w * 100.0).round().clamp(1.0, 255.0) as u8);
        }
        DocTerms { keys: keys.into(), weights: weights.into() }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, u8)> {
        self.keys.split(' ').filter(|k| !k.is_empty()).zip(self.weights.iter().copied())
    }
}

/// A token's keys under a rule: each spelling (`ñ` as `ni` and as `n`), cut by the rule, once.
fn token_keys(rule: Option<&str>, token: &str) -> Box<[Box<str>]> {
    let (ni, alt) = spellings(token);
    let mut keys: Vec<Box<str>> = Vec::new();
    for word in ni.split(' ').chain(alt.as_deref().unwrap_or("").split(' ')).filter(|w| !w.is_empty()) {
        let key = plural::key(rule, word);
        if !keys.iter().any(|k| **k == *key) {
            keys.push(key.into());
        }
    }
    keys.into()
}

type Memo = FxHashMap<Box<str>, Box<[Box<str>]>>;

/// Past this many tokens a thread's memo starts again (a site's vocabulary is far smaller).
const MEMO_LIMIT: usize = 200_000;

thread_local! {
    /// Each token's keys, per rule: a site says the same words on page after page, so each
    /// thread folds and cuts a word once, not once per page.
    static KEYS: std::cell::RefCell<FxHashMap<Option<&'static str>, Memo>> = Default::default();
}

/// A posting: the document's number in the top 24 bits, the weight in the low 8.
fn posting(doc: u32, weight: u8) -> u32 {
    doc << 8 | weight as u32
}

/// The shard of the keys that start with `prefix` and no longer shard prefix.
#[derive(Debug, Clone)]
pub(crate) struct Shard {
    pub(crate) prefix: String,
    /// Its JSON, as written.
    pub(crate) body: String,
    pub(crate) hash: u64,
}

/// A language's postings and shards, and what the last edit changed.
#[derive(Debug, Default)]
pub(crate) struct LangIndex {
    /// Sorted, so a shard's keys are a range.
    postings: Postings,
    /// Sorted by prefix.
    pub(crate) shards: Vec<Shard>,
    /// Shards an edit rewrote since the last `begin_edit`.
    pub(crate) dirty: BTreeSet<usize>,
}

impl LangIndex {
    /// The index of `docs`, numbered in order; shards cut to the budget.
    pub(crate) fn new(docs: &[&DocTerms]) -> LangIndex {
        let mut postings: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        for (n, doc) in docs.iter().enumerate() {
            for (key, weight) in doc.iter() {
                match postings.get_mut(key) {
                    Some(list) => list.push(posting(n as u32, weight)),
                    None => {
                        postings.insert(key.into(), vec![posting(n as u32, weight)]);
                    }
                }
            }
        }
        let postings: Postings = postings.into_iter().collect();
        let shards = shards(&postings);
        LangIndex { postings, shards, dirty: BTreeSet::new() }
    }

    pub(crate) fn begin_edit(&mut self) {
        self.dirty.clear();
    }

    /// Replaces document `doc`'s postings (`old` out, `new` in) and re-encodes the shards
    /// whose keys changed. A key with no shard gets a new one, named by its first letter.
    pub(crate) fn replace(&mut self, doc: u32, old: &DocTerms, new: &DocTerms) {
        if old == new {
            return;
        }
        let mut changed: BTreeSet<String> = BTreeSet::new();
        let new_weights: FxHashMap<&str, u8> = new.iter().collect();
        for (key, weight) in old.iter() {
            if new_weights.get(key) == Some(&weight) {
                continue;
            }
            if let Some(list) = self.postings.get_mut(key) {
                let at = list.partition_point(|p| p >> 8 < doc);
                if list.get(at).is_some_and(|p| p >> 8 == doc) {
                    list.remove(at);
                }
                if list.is_empty() {
                    self.postings.remove(key);
                }
            }
            changed.insert(key.to_string());
        }
        let old_weights: FxHashMap<&str, u8> = old.iter().collect();
        for (key, weight) in new.iter() {
            if old_weights.get(key) == Some(&weight) {
                continue;
            }
            let list = self.postings.entry(key.into()).or_default();
            let at = list.partition_point(|p| p >> 8 < doc);
            list.insert(at, posting(doc, weight));
            changed.insert(key.to_string());
        }
        let mut prefixes: Vec<String> = self.shards.iter().map(|s| s.prefix.clone()).collect();
        for key in &changed {
            if shard_of(&prefixes, key).is_none() {
                let first: String = key.chars().take(1).collect();
                let at = prefixes.partition_point(|p| *p < first);
                prefixes.insert(at, first.clone());
                self.shards.insert(at, Shard { prefix: first, body: String::new(), hash: 0 });
                self.dirty = self.dirty.iter().map(|&d| if d >= at { d + 1 } else { d }).collect();
            }
            self.dirty.insert(shard_of(&prefixes, key).expect("just made"));
        }
        let dirty: Vec<usize> = self.dirty.iter().copied().collect();
        for n in dirty {
            let prefix = prefixes[n].as_str();
            let keys = self
                .postings
                .range::<str, _>((std::ops::Bound::Included(prefix), std::ops::Bound::Unbounded))
                .map(|(k, _)| &**k)
                .take_while(|k| k.starts_with(prefix))
                .filter(|k| shard_of(&prefixes, k) == Some(n));
            let body = encode(&self.postings, keys);
            self.shards[n].hash = fnv1a(body.as_bytes());
            self.shards[n].body = body;
        }
    }
}

type Postings = BTreeMap<Box<str>, Vec<u32>>;

/// The shards of `postings`, cut to the budget, encoded on all cores.
fn shards(postings: &Postings) -> Vec<Shard> {
    use rayon::prelude::*;
    let keys: Vec<&str> = postings.keys().map(|k| &**k).collect();
    let sized: Vec<(&str, usize)> = keys.iter().map(|k| (*k, estimate(k, &postings[*k]))).collect();
    let mut prefixes = Vec::new();
    cut(&sized, 0, "", &mut prefixes);
    // Each key in the shard of its longest prefix: contiguous runs of the sorted keys.
    let mut groups: Vec<Vec<&str>> = vec![Vec::new(); prefixes.len()];
    for key in keys {
        groups[shard_of(&prefixes, key).expect("every key has a shard")].push(key);
    }
    prefixes
        .into_par_iter()
        .zip(groups.into_par_iter())
        .map(|(prefix, keys)| {
            let body = encode(postings, keys.into_iter());
            Shard { hash: fnv1a(body.as_bytes()), prefix, body }
        })
        .collect()
}

/// Which of the sorted `prefixes` holds `key`: the longest that starts it.
fn shard_of(prefixes: &[String], key: &str) -> Option<usize> {
    // A prefix of `key` sorts at or before it; the longest such is the nearest one.
    let end = prefixes.partition_point(|p| p.as_str() <= key);
    (0..end).rev().find(|&n| key.starts_with(prefixes[n].as_str()))
}

/// About how many bytes a key's entry takes in a shard.
fn estimate(key: &str, list: &[u32]) -> usize {
    key.len() + 5 + list.len() * 6
}

/// Cuts `keys` (sorted, all starting with `prefix`, which has `depth` letters) into
/// shard prefixes: one if they fit the budget or cannot be told apart; otherwise the key
/// that is the prefix itself keeps a shard of its own and the rest go by their next letter.
fn cut(keys: &[(&str, usize)], depth: usize, prefix: &str, out: &mut Vec<String>) {
    let size: usize = keys.iter().map(|k| k.1).sum();
    if keys.is_empty() {
        return;
    }
    if size <= SHARD_BUDGET || keys.len() == 1 {
        out.push(prefix.to_string());
        return;
    }
    let mut rest = keys;
    if rest[0].0 == prefix {
        out.push(prefix.to_string());
        rest = &rest[1..];
    }
    while let Some(&(first, _)) = rest.first() {
        let next: String = first.chars().take(depth + 1).collect();
        let n = rest.iter().position(|k| !k.0.starts_with(next.as_str())).unwrap_or(rest.len());
        cut(&rest[..n], depth + 1, &next, out);
        rest = &rest[n..];
    }
}

/// A shard's JSON: `{"key":[doc, weight, doc, weight, …], …}`, each document as the
/// difference from the one before (small numbers, which compress well).
fn encode<'a>(postings: &Postings, keys: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::with_capacity(SHARD_BUDGET + SHARD_BUDGET / 4);
    out.push('{');
    for (n, key) in keys.enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&json_str(key));
        out.push_str(":[");
        let mut last = 0;
        for (m, p) in postings[key].iter().enumerate() {
            let (doc, weight) = (p >> 8, p & 0xff);
            if m > 0 {
                out.push(',');
            }
            push_number(&mut out, doc - last);
            out.push(',');
            push_number(&mut out, weight);
            last = doc;
        }
        out.push(']');
    }
    out.push_str("}\n");
    out
}

/// Writes `n` in decimal, without the formatting machinery (shards are mostly numbers).
fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
}

/// A shard's file name: its prefix's bytes in hex (`se` → `7365`), `_` for the empty one.
pub(crate) fn shard_name(prefix: &str) -> String {
    if prefix.is_empty() {
        return "_".to_string();
    }
    prefix.bytes().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn doc(text: &str) -> DocTerms {
        DocTerms::new(Some("es"), &[(text, BODY)])
    }

    #[test]
    fn a_word_said_more_often_weighs_more_and_a_title_word_most() {
        let d = DocTerms::new(Some("es"), &[("Alerta", TITLE), ("trata trata trata alerta señal", BODY)]);
        let w: HashMap<&str, u8> = d.iter().collect();
        assert!(w["trat"] > w["senial"], "{d:?}");
        assert!(w["alert"] > w["trat"], "{d:?}");
        // Both spellings of ñ are keys.
        assert_eq!(w["senial"], w["senal"]);
    }

    #[test]
    fn shards_are_cut_until_they_fit_and_every_key_has_one() {
        let docs: Vec<DocTerms> = (0..3000).map(|n| doc(&format!("de la trata w{n} x{}", n % 7))).collect();
        let refs: Vec<&DocTerms> = docs.iter().collect();
        let index = LangIndex::new(&refs);
        let prefixes: Vec<String> = index.shards.iter().map(|s| s.prefix.clone()).collect();
        assert!(prefixes.len() > 3, "{prefixes:?}");
        assert!(prefixes.windows(2).all(|w| w[0] < w[1]), "{prefixes:?}");
        for key in index.postings.keys() {
            let n = shard_of(&prefixes, key).unwrap();
            assert!(index.shards[n].body.contains(&format!("\"{key}\":[")), "{key}");
        }
        // `de` is on every page: a shard of its own, over the budget.
        let de = &index.shards[shard_of(&prefixes, "de").unwrap()];
        assert!(de.body.starts_with("{\"de\":[0,") && de.body.matches(":[").count() == 1, "{}", &de.body[..40]);
    }

    #[test]
    fn an_edit_rewrites_only_the_shards_of_its_words() {
        let docs: Vec<DocTerms> = (0..3000).map(|n| doc(&format!("de la trata w{n} x{}", n % 7))).collect();
        let refs: Vec<&DocTerms> = docs.iter().collect();
        let mut index = LangIndex::new(&refs);
        let before: Vec<u64> = index.shards.iter().map(|s| s.hash).collect();
        index.begin_edit();
        // As long as before, so the other words keep their weights.
        let edited = doc("de la trata w5 quetzal");
        index.replace(5, &docs[5], &edited);
        let prefixes: Vec<String> = index.shards.iter().map(|s| s.prefix.clone()).collect();
        let want: BTreeSet<usize> = ["quetzal", "x5"].iter().map(|k| shard_of(&prefixes, k).unwrap()).collect();
        assert_eq!(prefixes[shard_of(&prefixes, "quetzal").unwrap()], "q", "a new first letter gets a shard");
        assert_eq!(index.dirty, want);
        // Shards after the new one moved up by one; compare by prefix.
        let old_hash = |p: &str| before[fresh_prefixes(&refs).iter().position(|q| q == p).unwrap()];
        for (_, s) in index.shards.iter().enumerate().filter(|(n, _)| !want.contains(n)) {
            assert_eq!(s.hash, old_hash(&s.prefix), "{} changed", s.prefix);
        }

        // Back as it was: the same bytes as a fresh index.
        index.begin_edit();
        index.replace(5, &edited, &docs[5]);
        let fresh = LangIndex::new(&refs);
        let live: Vec<&str> = index.shards.iter().filter(|s| s.body != "{}\n").map(|s| s.body.as_str()).collect();
        let want: Vec<&str> = fresh.shards.iter().map(|s| s.body.as_str()).collect();
        assert_eq!(live, want);
    }

    fn fresh_prefixes(docs: &[&DocTerms]) -> Vec<String> {
        LangIndex::new(docs).shards.iter().map(|s| s.prefix.clone()).collect()
    }

    #[test]
    fn shard_names_are_the_prefix_in_hex() {
        assert_eq!(shard_name("se"), "7365");
        assert_eq!(shard_name(""), "_");
        assert_eq!(shard_name("ł"), "c582");
    }
}
