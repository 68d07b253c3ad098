//! Every path and URL rule in one place: where each kind of page is published (pages from
//! their folders, and the generated ones: indicators, search, full reports, kits, term
//! lists, feeds, aliases), how a site path becomes a URL under `base_url`, how relative
//! links inside content/ resolve, and the one percent-decoder.
//!
//! Site paths have no leading slash and end in `/` for pages: `es/campanas/linea-1818/`.
//! Localized folder names (`indicadores`, `buscar`, `materiales`) come from theme strings.

use crate::config::{Lang, Taxonomy};
use crate::i18n::Strings;
use crate::slug::slugify;
use std::collections::{BTreeMap, HashMap};

/// `base` (ending in `/`) joined with a site path; `url("/es/")` under `/campana/` gives `/campana/es/`.
pub(crate) fn site_url(base: &str, path: &str) -> String {
    format!("{base}{}", path.trim_start_matches('/'))
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

/// A search page's index.
pub(crate) fn search_index(search_path: &str) -> String {
    format!("{search_path}index.json")
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
    fn site_urls_join_under_the_base() {
        assert_eq!(site_url("/campana/", "/es/"), "/campana/es/");
        assert_eq!(site_url("https://e.org/", "es/a/"), "https://e.org/es/a/");
    }
}
