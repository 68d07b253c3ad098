//! Every path and URL rule in one place: where each kind of page is published (pages from
//! their folders, and the generated ones: indicators, search, full reports, kits, term
//! lists, feeds, aliases), how a site path becomes a URL under `base_url`, how relative
//! links inside content/ resolve, the one percent-decoder, and the registry every output
//! path is claimed in (a second claim of a path is an error, never a silent overwrite).
//!
//! Site paths have no leading slash and end in `/` for pages: `es/campanas/linea-1818/`.
//! Localized folder names (`indicadores`, `buscar`, `materiales`) come from theme strings.

use crate::config::{Lang, Taxonomy};
use crate::i18n::Strings;
use crate::messages::Said;
use crate::slug::slugify;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// `base` (ending in `/`) joined with a site path; `url("/es/")` under `/campana/` gives `/campana/es/`.
pub(crate) fn site_url(base: &str, path: &str) -> String {
    format!("{base}{}", path.trim_start_matches('/'))
}

/// An address a user wrote, as a page of a site under `base` prints it: a site path written
/// from the site's root (`/docs/x.pdf`, as YAML fields give it) gains the base path.
pub(crate) fn href(base: &str, href: &crate::href::Href) -> String {
    match href {
        crate::href::Href::Site(s) if s.starts_with('/') => site_url(base, s),
        other => other.as_str().to_string(),
    }
}

/// Decodes `%XX` escapes; anything else, a stray `%` included, stays as written.
pub(crate) fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// `percent_decode` as text, with bytes that are not UTF-8 replaced (for looking up files).
pub(crate) fn percent_decode_lossy(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    String::from_utf8_lossy(&percent_decode(s)).into_owned()
}

/// Joins `rel` onto `dir` (both `/`-separated, under content/), resolving `.` and `..`;
/// None when it would leave content/.
pub(crate) fn join_content(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// A relative URL (`../guia/`, `foto.jpg#x`) made absolute against the URL path of the page
/// it is on (`/sub/es/x/`), as a browser does: `..` stops at the host's root.
pub(crate) fn join_url(page_url: &str, value: &str) -> String {
    let (path, tail) = value.find(['?', '#']).map_or((value, ""), |i| value.split_at(i));
    let mut parts: Vec<&str> = page_url.split('/').filter(|p| !p.is_empty()).collect();
    parts.pop_if(|_| !page_url.ends_with('/')); // the page's own file name
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            seg => parts.push(seg),
        }
    }
    let folder = path.is_empty() || path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    let folder = folder || path == "." || path == "..";
    let slash = if folder { "/" } else { "" };
    let joined = if parts.is_empty() { String::new() } else { format!("/{}", parts.join("/")) };
    format!("{joined}{slash}{tail}")
}

/// Folder slugs set by index pages (`_index.md` or `index.md`), keyed by (lang, folder).
pub(crate) type FolderSlugs = HashMap<(String, String), String>;

/// The URL of a folder of `content/<lang>/`: each folder's index page's `slug`, or its name.
pub(crate) fn folder_url(slugs: &FolderSlugs, lang: &str, dir: &str) -> String {
    if dir.is_empty() {
        return format!("{lang}/");
    }
    let parent = dir.rsplit_once('/').map_or("", |(p, _)| p);
    let name = dir.rsplit('/').next().unwrap_or(dir);
    let segment = slugify(slugs.get(&(lang.to_string(), dir.to_string())).map_or(name, String::as_str));
    format!("{}{segment}/", folder_url(slugs, lang, parent))
}

/// Where a page's HTML is written, relative to the output folder.
pub(crate) fn output_file(page_path: &str) -> String {
    format!("{page_path}index.html")
}

/// The file a site path names: a folder's `index.html`, or the file itself.
pub(crate) fn file_at(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        output_file(path)
    } else {
        path.to_string()
    }
}

/// A file in a folder of the site (`es/indicadores/` and `indicadores.zip`).
pub(crate) fn file_in(folder: &str, name: &str) -> String {
    format!("{folder}{name}")
}

/// The source path of a page under content/ (`es/comision.md`), as site.yaml names pages.
pub(crate) fn source(lang: &str, rel: &str) -> String {
    format!("{lang}/{rel}")
}

/// A language's home page: `es/`.
pub(crate) fn home(lang: &str) -> String {
    format!("{lang}/")
}

/// The site's own 404 page (hosts look for it at the root), and each language's.
pub(crate) const NOT_FOUND: &str = "404.html";

pub(crate) fn not_found(lang: &str) -> String {
    format!("{lang}/{NOT_FOUND}")
}

/// The root page, which leads to the default language.
pub(crate) const ROOT: &str = "index.html";

/// Files for crawlers, at the root of the site.
pub(crate) const SITEMAP: &str = "sitemap.xml";
pub(crate) const ROBOTS: &str = "robots.txt";

/// An indicator's embed page, under its page.
pub(crate) fn embed(indicator_path: &str) -> String {
    format!("{indicator_path}embed/")
}

/// A download of an indicator (`.csv`, `.yaml`, `.svg`), beside its page.
pub(crate) fn indicator_file(indicator_path: &str, id: &str, ext: &str) -> String {
    format!("{indicator_path}{id}.{ext}")
}

/// A search page's index: what the shards are, loaded first.
pub(crate) fn search_index(search_path: &str) -> String {
    format!("{search_path}index.json")
}

/// A shard of a search index, by its name (`search.js` makes the same path).
pub(crate) fn search_shard(search_path: &str, name: &str) -> String {
    format!("{search_path}i/{name}.json")
}

/// What a search result shows of a document (title, address, text), by its number.
pub(crate) fn search_fragment(search_path: &str, doc: usize) -> String {
    format!("{search_path}p/{doc}.json")
}

/// A section's Atom feed.
pub(crate) fn feed(section_path: &str) -> String {
    format!("{section_path}atom.xml")
}

/// `es/etiquetas/`
pub(crate) fn taxonomy(tax: &Taxonomy, lang: &str) -> String {
    let slug =
        slugify(tax.slug.get(lang).or_else(|| tax.slug.values().next()).map_or(tax.key.as_str(), String::as_str));
    format!("{lang}/{slug}/")
}

/// `es/etiquetas/1818/`, and `…/page/2/` for later pages of the list.
pub(crate) fn term(tax: &Taxonomy, lang: &str, term: &str, page: usize) -> String {
    let base = format!("{}{}/", taxonomy(tax, lang), slugify(term));
    if page <= 1 {
        base
    } else {
        format!("{base}page/{page}/")
    }
}

/// An alias as written in front matter, as a site path: a full site path (`/es/x/`) or a
/// path under the page's language (`x`), ending in `/`.
pub(crate) fn alias(lang: &str, alias: &str) -> String {
    let path = match alias.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{lang}/{alias}"),
    };
    format!("{}/", path.trim_end_matches('/'))
}

/// A character a web server decodes (`%`), cuts the path at (`?`, `#`), reads as a
/// separator (`\\` on some hosts) or that has no place in an address (controls, NUL): a
/// path holding one is never served as the file faro wrote.
pub(crate) fn unsafe_path_char(c: char) -> bool {
    matches!(c, '%' | '?' | '#' | '\\') || c.is_control()
}

/// File names faro writes itself: an alias folder named so would clash with one of them.
const RESERVED: &[&str] = &[NOT_FOUND, ROOT, SITEMAP, ROBOTS, "index.json", "atom.xml"];

/// What is wrong with an alias as written in the front matter of a page of `lang`, as a
/// message and a hint in English; None when it is a plain path in the language, which a web
/// server hands to the redirect faro writes unchanged.
pub(crate) fn alias_problem(lang: &str, written: &str) -> Option<(String, String)> {
    alias_problem_said(lang, written).map(|(m, h)| (crate::messages::english(&m), crate::messages::english(&h)))
}

/// `alias_problem` as the catalogs say it, in any language.
pub(crate) fn alias_problem_said(lang: &str, written: &str) -> Option<(Said, Said)> {
    if let Some(c) = written.chars().find(|&c| unsafe_path_char(c)) {
        let hint = match c {
            '%' => "site-alias-percent-hint",
            '?' | '#' => "site-alias-query-hint",
            '\\' => "site-alias-backslash-hint",
            _ => "site-alias-invisible-hint",
        };
        let shown = if c.is_control() { c.escape_default().to_string() } else { c.to_string() };
        return Some((
            Said::new("site-alias-unsafe-char", &[("alias", written), ("char", &shown)]),
            Said::new(hint, &[]),
        ));
    }
    let path = alias(lang, written);
    if path.split('/').any(|s| s == ".." || s == ".") || path.contains("//") {
        return Some((
            Said::new("site-alias-not-plain", &[("alias", written)]),
            Said::new("site-alias-not-plain-hint", &[]),
        ));
    }
    if !path.starts_with(&format!("{lang}/")) {
        return Some((
            Said::new("site-alias-other-language", &[("alias", written), ("lang", lang)]),
            Said::new("site-alias-other-language-hint", &[]),
        ));
    }
    if let Some(name) = path.split('/').find(|s| RESERVED.iter().any(|r| r.eq_ignore_ascii_case(s))) {
        return Some((
            Said::new("site-alias-reserved", &[("alias", written), ("name", name)]),
            Said::new("site-alias-reserved-hint", &[]),
        ));
    }
    None
}

/// Why two claims of output paths cannot both be written, or one claim at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clash {
    /// Both write the same file.
    Same,
    /// The paths differ only in case: one file on a host that does not tell case apart.
    Case,
    /// One writes a file where the other needs a folder of that name.
    FileAndFolder,
    /// The path holds a character a web server would decode or cut.
    Character(char),
}

/// Output paths claimed so far, by their lower-cased form (hosts that ignore case see one).
/// `S` says who claimed a path; it is described only when a claim clashes.
#[derive(Debug)]
pub(crate) struct Claims<S> {
    claims: Vec<(String, S)>,
    files: HashMap<String, usize>,
    /// Every folder the files claimed need, with one file inside it.
    folders: HashMap<String, usize>,
    /// (earlier claim, clashing claim, why), by index into `claims`.
    clashes: Vec<(Option<usize>, usize, Clash)>,
}

impl<S> Default for Claims<S> {
    fn default() -> Self {
        Claims { claims: Vec::new(), files: HashMap::new(), folders: HashMap::new(), clashes: Vec::new() }
    }
}

impl<S> Claims<S> {
    /// Claims `path` for `source`; false when it clashes (the clash is recorded; the file
    /// should not be written).
    pub(crate) fn claim(&mut self, path: &str, source: S) -> bool {
        let n = self.claims.len();
        self.claims.push((path.to_string(), source));
        let clash = self.clash_of(path);
        if let Some((first, why)) = clash {
            self.clashes.push((first, n, why));
            return false;
        }
        let lower = path.to_lowercase();
        for (i, _) in lower.match_indices('/') {
            self.folders.entry(lower[..i].to_string()).or_insert(n);
        }
        self.files.insert(lower, n);
        true
    }

    /// Whether `path` was claimed as it is written (a host may tell case apart).
    pub(crate) fn contains(&self, path: &str) -> bool {
        self.files.get(&path.to_lowercase()).is_some_and(|&n| self.claims[n].0 == path)
    }

    fn clash_of(&self, path: &str) -> Option<(Option<usize>, Clash)> {
        if let Some(c) = path.chars().find(|&c| unsafe_path_char(c)) {
            return Some((None, Clash::Character(c)));
        }
        let lower = path.to_lowercase();
        if let Some(&first) = self.files.get(&lower) {
            return Some((Some(first), if self.claims[first].0 == path { Clash::Same } else { Clash::Case }));
        }
        if let Some(&inside) = self.folders.get(&lower) {
            return Some((Some(inside), Clash::FileAndFolder));
        }
        let folder = lower.match_indices('/').find_map(|(i, _)| self.files.get(&lower[..i]));
        folder.map(|&file| (Some(file), Clash::FileAndFolder))
    }

    /// Every clash: (the earlier claim, the clashing one, why), each a path and its source.
    pub(crate) fn clashes(&self) -> impl Iterator<Item = (Option<(&str, &S)>, (&str, &S), Clash)> {
        let at = |i: usize| (self.claims[i].0.as_str(), &self.claims[i].1);
        self.clashes.iter().map(move |&(first, second, why)| (first.map(at), at(second), why))
    }
}

/// `Claims` shared by the threads that write files. The order of claims among threads is
/// not fixed, so `settle` claims everything again in sorted order: what is reported does
/// not depend on which thread came first.
#[derive(Debug)]
pub(crate) struct Registry<S>(Mutex<Claims<S>>);

impl<S> Default for Registry<S> {
    fn default() -> Self {
        Registry(Mutex::new(Claims::default()))
    }
}

impl<S: Ord> Registry<S> {
    /// Claims `path`; false when it must not be written.
    pub(crate) fn claim(&self, path: &str, source: S) -> bool {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).claim(path, source)
    }

    /// The claims made, claimed again in order (source, then path), with their clashes.
    pub(crate) fn settle(self) -> Claims<S> {
        let claims = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        if claims.clashes.is_empty() {
            return claims;
        }
        let mut all = claims.claims;
        all.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
        let mut settled = Claims::default();
        for (path, source) in all {
            settled.claim(&path, source);
        }
        settled
    }
}

/// The paths of generated pages, whose folder names are theme strings of their language.
#[derive(Clone, Copy)]
pub(crate) struct Paths<'a> {
    pub(crate) strings: &'a BTreeMap<Lang, Strings>,
}

impl Paths<'_> {
    fn slug_of(&self, lang: &str, key: &str) -> String {
        slugify(crate::i18n::text_or_key(self.strings, lang, key).as_str())
    }

    /// `es/indicadores/`: the folder of a language's indicators.
    pub(crate) fn indicators(&self, lang: &str) -> String {
        let slug = self.slug_of(lang, "indicators_slug");
        format!("{lang}/{}/", if slug.is_empty() { "indicators".to_string() } else { slug })
    }

    /// `es/indicadores/<id>/`
    pub(crate) fn indicator(&self, lang: &str, id: &str) -> String {
        format!("{}{id}/", self.indicators(lang))
    }

    /// The ZIP of every indicator's CSV, in the indicators folder.
    pub(crate) fn indicators_zip_name(&self, lang: &str) -> String {
        format!("{}.zip", self.slug_of(lang, "indicators_slug"))
    }

    /// `es/buscar/`: a language's search page.
    pub(crate) fn search(&self, lang: &str) -> String {
        let text = self.strings.get(lang).and_then(|s| s.text("search_slug")).unwrap_or("search");
        format!("{lang}/{}/", slugify(text))
    }

    /// The full view of a report: `es/informes/2025/completo/`.
    pub(crate) fn report_full(&self, report_path: &str, lang: &str) -> String {
        format!("{report_path}{}/", self.slug_of(lang, "report_full_slug"))
    }

    /// A campaign's kit, under its page: `es/campanas/linea-1818/materiales/`.
    pub(crate) fn kit(&self, page_path: &str, lang: &str) -> String {
        format!("{page_path}{}/", self.slug_of(lang, "kit_slug"))
    }

    /// A kit file's name in the page's language (`afiche-a4.html`, `tarjeta.png`).
    pub(crate) fn kit_file(&self, lang: &str, key: &str, ext: &str) -> String {
        format!("{}.{ext}", self.slug_of(lang, key))
    }

    /// A campaign's social card PNG, its Open Graph image.
    pub(crate) fn card_png(&self, page_path: &str, lang: &str) -> String {
        format!("{}{}", self.kit(page_path, lang), self.kit_file(lang, "kit_file_card", "png"))
    }
}

/// A kit's ZIP: the page's slug and language, so downloads of two kits never collide.
pub(crate) fn kit_zip_name(page_path: &str, lang: &str) -> String {
    let slug = page_path.trim_end_matches('/').rsplit('/').next().unwrap_or("kit");
    format!("{slug}-{lang}.zip")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_url_joins_the_page_url_as_a_browser_does() {
        let cases = [
            ("/es/recursos/guia/", "../../navegar-seguro/", "/es/navegar-seguro/"),
            ("/sub/es/guia/", "../otra#x", "/sub/es/otra#x"),
            ("/es/guia/", "foto.jpg?v=1", "/es/guia/foto.jpg?v=1"),
            ("/es/guia/", "..", "/es/"),
            ("/es/", "../../../../x", "/x"),
            ("/es/a.html", "b/", "/es/b/"),
        ];
        for (page, rel, want) in cases {
            assert_eq!(join_url(page, rel), want, "{page} + {rel}");
        }
    }

    #[test]
    fn percent_decoding_never_panics_and_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode_lossy("mi%20foto.jpg"), "mi foto.jpg");
        assert_eq!(percent_decode_lossy("100%"), "100%");
        assert_eq!(percent_decode_lossy("a%2"), "a%2");
        assert_eq!(percent_decode_lossy("%zz%41"), "%zzA");
        assert_eq!(percent_decode("%C3%B1"), "ñ".as_bytes());
        // A multi-byte character right after `%` once sliced a string mid-character (issue 14).
        assert_eq!(percent_decode_lossy("/%aé/"), "/%aé/");
        assert_eq!(percent_decode_lossy("%é"), "%é");
        assert_eq!(percent_decode("%ff"), [0xff]);
    }

    #[test]
    fn relative_paths_stay_inside_content() {
        assert_eq!(join_content("es/campanas", "../comision.md").as_deref(), Some("es/comision.md"));
        assert_eq!(join_content("es", "./campanas/_index.md").as_deref(), Some("es/campanas/_index.md"));
        assert_eq!(join_content("es", "../../x.md"), None);
    }

    #[test]
    fn folders_take_their_index_slug() {
        let mut slugs = FolderSlugs::new();
        slugs.insert(("en".into(), "campanas".into()), "Campaigns".into());
        assert_eq!(folder_url(&slugs, "en", "campanas/escuelas"), "en/campaigns/escuelas/");
        assert_eq!(folder_url(&slugs, "es", ""), "es/");
    }

    #[test]
    fn aliases_are_paths_in_the_language() {
        assert_eq!(alias("es", "campanas/vieja"), "es/campanas/vieja/");
        assert_eq!(alias("es", "/es/x/"), "es/x/");
    }

    #[test]
    fn aliases_a_server_would_not_hand_over_unchanged_are_refused() {
        let refused = |a: &str| alias_problem("es", a).map(|(m, _)| m);
        for (alias, says) in [
            ("%2e%2e/admin", "has `%`"),
            ("a%C3%B1o", "has `%`"),
            ("vieja?x=1", "has `?`"),
            ("vieja#arriba", "has `#`"),
            ("campanas\\vieja", "has `\\`"),
            ("vie\0ja", "has `\\u{0}`"),
            ("vie\nja", "has `\\n`"),
            ("vie\u{85}ja", "has `\\u{85}`"),
            ("../x", "not a plain path"),
            ("a//b", "not a plain path"),
            ("/en/x", "outside /es/"),
            ("404.html", "named like `404.html`"),
            ("/es/sitemap.xml", "named like `sitemap.xml`"),
            ("buscar/INDEX.JSON", "named like `INDEX.JSON`"),
            ("x/atom.xml/y", "named like `atom.xml`"),
        ] {
            let got = refused(alias).unwrap_or_else(|| panic!("{alias:?} was accepted"));
            assert!(got.contains(says), "{alias:?}: {got}");
        }
        for ok in ["campanas/vieja", "/es/x/", "año nuevo", "Mayúsculas", "pagina.html"] {
            assert_eq!(refused(ok), None, "{ok:?}");
        }
    }

    #[test]
    fn a_path_is_claimed_once_whatever_its_case_and_never_as_file_and_folder() {
        let clashes = |paths: &[&str]| {
            let mut claims = Claims::default();
            let written: Vec<bool> = paths.iter().enumerate().map(|(i, p)| claims.claim(p, i)).collect();
            let found: Vec<(Option<usize>, usize, Clash)> =
                claims.clashes().map(|(a, b, why)| (a.map(|a| *a.1), *b.1, why)).collect();
            (written, found)
        };
        assert_eq!(clashes(&["es/a/index.html", "es/b/index.html"]), (vec![true, true], vec![]));
        assert_eq!(
            clashes(&["es/buscar/index.html", "es/buscar/index.html"]),
            (vec![true, false], vec![(Some(0), 1, Clash::Same)])
        );
        assert_eq!(clashes(&["es/Foto.png", "es/foto.png"]), (vec![true, false], vec![(Some(0), 1, Clash::Case)]));
        // The file first, then a file inside a folder of its name; and the other way round.
        assert_eq!(
            clashes(&["es/404.html", "es/404.html/index.html"]),
            (vec![true, false], vec![(Some(0), 1, Clash::FileAndFolder)])
        );
        assert_eq!(
            clashes(&["es/x/index.html", "ES/X"]),
            (vec![true, false], vec![(Some(0), 1, Clash::FileAndFolder)])
        );
        assert_eq!(clashes(&["es/a#b.png"]), (vec![false], vec![(None, 0, Clash::Character('#'))]));
        assert_eq!(clashes(&["es/a\nb.png"]), (vec![false], vec![(None, 0, Clash::Character('\n'))]));
    }

    #[test]
    fn a_settled_registry_reports_the_same_whatever_order_threads_claimed_in() {
        let settle = |order: &[(&str, u8)]| {
            let registry = Registry::default();
            for (path, source) in order {
                registry.claim(path, *source);
            }
            let settled = registry.settle();
            settled.clashes().map(|(a, b, why)| (a.map(|a| *a.1), *b.1, why)).collect::<Vec<_>>()
        };
        let forward = settle(&[("x/index.html", 1), ("x/index.html", 2), ("x/index.html", 3)]);
        let backward = settle(&[("x/index.html", 3), ("x/index.html", 2), ("x/index.html", 1)]);
        assert_eq!(forward, backward);
        assert_eq!(forward, [(Some(1), 2, Clash::Same), (Some(1), 3, Clash::Same)]);
    }

    #[test]
    fn site_urls_join_under_the_base() {
        assert_eq!(site_url("/campana/", "/es/"), "/campana/es/");
        assert_eq!(site_url("https://e.org/", "es/a/"), "https://e.org/es/a/");
    }
}
