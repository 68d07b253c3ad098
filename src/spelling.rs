//! "Did you mean …?": the known name closest in spelling to one a user wrote, shared by
//! site.yaml and front matter so both suggest by the same rule.

/// The name in `known` closest to `key`, if it looks like a misspelling of it: other case,
/// `-` for `_`, or one or two edits away (one when either is four letters or fewer, which
/// two edits would make into any other word).
pub(crate) fn closest<'a>(key: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace('-', "_");
    let key = norm(key);
    let key_len = key.chars().count();
    known
        .into_iter()
        .filter_map(|k| {
            let (n, d) = (norm(k), distance(&key, &norm(k)));
            let limit = if key_len.min(n.chars().count()) <= 4 { 1 } else { 2 };
            (d <= limit).then_some((d, k))
        })
        .min()
        .map(|(_, k)| k)
}

/// Edits (insert, delete, replace, swap two neighbours) between two words.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits_and_swaps() {
        let cases =
            [("title", "title", 0), ("titel", "title", 1), ("ur", "url", 1), ("menu", "menus", 1), ("a", "xyz", 3)];
        for (a, b, want) in cases {
            assert_eq!(distance(a, b), want, "{a} {b}");
        }
    }

    #[test]
    fn a_close_name_is_suggested_and_a_far_one_is_not() {
        let known = ["base_url", "languages", "title", "menus", "publish", "date", "tags", "feed", "slug"];
        let cases = [
            ("titel", Some("title")),
            ("baseUrl", Some("base_url")),
            ("base-url", Some("base_url")),
            ("lenguages", Some("languages")),
            ("Slug", Some("slug")),
            ("dat", Some("date")),
            ("tag", Some("tags")),
            ("feeds", Some("feed")),
            ("footer", None),
            ("lugar", None),
            ("x", None),
        ];
        for (key, want) in cases {
            assert_eq!(closest(key, known), want, "{key}");
        }
    }
}
