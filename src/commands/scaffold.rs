//! `faro init` and `faro new`: start a working site in an empty folder, or add a page in
//! every language of a site at once, linked as translations.
//!
//! Every text written comes from the built-in theme's `scaffold/` folder, so the words live
//! in files a translator can edit, not in Rust:
//!
//! - `scaffold/site/`: files for any site (`gitignore`, the `gitkeep`s of `static/` and
//!   `templates/`; those two names get their leading dot when written);
//! - `scaffold/<lang>/site/`: site files written in the main language (`site.yaml`,
//!   `README.md`, the sample indicator);
//! - `scaffold/<lang>/content/`: the pages of each language, written to `content/<lang>/`;
//! - `scaffold/<lang>/strings.yaml`: the per-language texts of `site.yaml` and the indicator;
//! - `scaffold/<lang>/menu.yaml`: that language's menu entries;
//! - `scaffold/<lang>/new.md`: the page `faro new` writes.
//!
//! A language without its own `scaffold/<lang>/strings.yaml` gets the English files.
//! Placeholders are `{{name}}`, filled in one pass (so a title containing `{{date}}` stays
//! as written); anything else between braces, such as `{{< chart id >}}`, is left alone.

pub(super) mod files;
mod languages;

use files::{fill, scaffold_files, scaffold_text};

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Texts for a language that has none of its own and no fallback with texts.
const FALLBACK_LANG: &str = "en";
/// Scaffold files written with a leading dot (a dot file in the theme would be mistaken for
/// the repository's own, or skipped by tools).
const DOTFILES: &[&str] = &["github", "gitignore", "gitkeep"];

/// Creates a new site in `dir` for `languages` (the first is the main one) and returns the
/// files written, in sorted order. `dir` may exist if it is empty.
pub fn init(dir: &Path, languages: &[String]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let mut errors = check_languages(languages);
    if dir.as_os_str().is_empty() {
        errors.push(
            Diagnostic::error_said(Code::InitNotEmpty, "DIR", Said::new("cmd-init-no-folder", &[]))
                .hint_said(Said::new("cmd-init-no-folder-hint", &[])),
        );
    } else if dir.exists() {
        let empty = dir.is_dir() && std::fs::read_dir(dir).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty {
            let msg = if dir.is_dir() {
                Said::new("cmd-init-folder-not-empty", &[])
            } else {
                Said::new("cmd-init-not-a-folder", &[])
            };
            errors.push(
                Diagnostic::error_said(Code::InitNotEmpty, dir, msg)
                    .hint_said(Said::new("cmd-init-folder-not-empty-hint", &[])),
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let plan = languages::plan(languages).map_err(|d| vec![d])?;
    let files = init_files(&plan).map_err(|d| vec![d])?;
    let mut written = write_all(dir, &files).map_err(|d| vec![d])?;
    // A language the theme lacks, with no listed language to fall back on, gets its strings
    // file to translate, so the new site still builds.
    for lang in plan.iter().filter(|l| !l.in_theme && l.fallback.is_none()) {
        match super::theme::strings(dir, &lang.code, false)? {
            super::theme::StringsFile::Written(path) => written.push(path),
            super::theme::StringsFile::Text(_) => {}
        }
    }
    Ok(written)
}

/// Creates the page `path` (relative to `content/<lang>/`, `.md` added when missing) in every
/// language of the site in `site_dir`, with the same `translation_key`, and returns the files
/// written. Writes nothing when the page exists in any language.
pub fn new_page(site_dir: &Path, path: &str, title: Option<&str>) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let config_file = site_dir.join("site.yaml");
    if !config_file.is_file() {
        return Err(vec![no_site(&config_file, site_dir)]);
    }
    let config = Config::from_file(&config_file, None)?;
    let written = page_parts(path, &config.languages).map_err(|d| vec![d])?;
    let parts = slug_safe(&written, &site_dir.join("content").join(config.default_language()));
    let title = match title {
        Some(t) => {
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if t.is_empty() {
                return Err(vec![Diagnostic::error_said(
                    Code::PageTitle,
                    "--title",
                    Said::new("cmd-new-empty-title", &[]),
                )
                .hint_said(Said::new("cmd-new-empty-title-hint", &[]))]);
            }
            t
        }
        // The words as typed (`Año Nuevo`), before the file name was made safe.
        None => humanize(&written),
    };
    let stem = parts.join("/");
    let stem = stem.strip_suffix(".md").unwrap_or(&stem);
    let key = crate::slug::slugify(stem);
    let date = today();

    let mut errors = Vec::new();
    let mut files = Vec::new();
    for lang in &config.languages {
        let rel: PathBuf = ["content", lang.as_str()].into_iter().chain(parts.iter().map(String::as_str)).collect();
        let file = site_dir.join(&rel);
        if file.exists() {
            errors.push(
                Diagnostic::error_said(Code::PageExists, &file, Said::new("cmd-new-page-exists", &[]))
                    .hint_said(Said::new("cmd-new-page-exists-hint", &[])),
            );
        }
        // A section or bundle folder of the same name would publish at the same address.
        let folder = file.with_extension("");
        if let Some(index) = ["_index.md", "index.md"].iter().map(|i| folder.join(i)).find(|i| i.is_file()) {
            errors.push(
                Diagnostic::error_said(
                    Code::PageExists,
                    &file,
                    Said::new("cmd-new-address-taken", &[("index", &index.display().to_string())]),
                )
                .hint_said(Said::new("cmd-new-address-taken-hint", &[("folder", stem)])),
            );
        }
        let src = languages::texts_of(lang, config.fallbacks(lang).first().copied());
        let template = scaffold_text(&format!("{src}/new.md")).map_err(|d| vec![d])?;
        let text = fill(template, &format!("{src}/new.md"), |name| match name {
            "title" => Some(crate::yaml::quote(&title)),
            "date" => Some(date.clone()),
            "translation_key" => Some(key.clone()),
            "lang" => Some(lang.clone()),
            _ => None,
        })
        .map_err(|d| vec![d])?;
        // A language without scaffold texts starts from another's: marked, as `faro init` marks it.
        let text = if src == *lang {
            text
        } else {
            let name = config.language_settings.iter().find(|l| l.code == *lang).and_then(|l| l.name.clone());
            let strings = scaffold_strings(&src).map_err(|d| vec![d])?;
            languages::NewLanguage::of_site(lang, src.clone(), name).awaiting_translation(&text, &strings)
        };
        files.push((rel, text));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    write_all(site_dir, &files).map_err(|d| vec![d])
}

/// Language codes for a new site: those site.yaml accepts (`es`, `qu`, `pt-BR`), each listed once.
fn check_languages(languages: &[String]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if languages.is_empty() {
        errors.push(
            Diagnostic::error_said(Code::LanguageCode, "--languages", Said::new("cmd-init-no-language", &[]))
                .hint_said(Said::new("cmd-init-no-language-hint", &[])),
        );
    }
    for (i, lang) in languages.iter().enumerate() {
        if !crate::config::is_language_code(lang) {
            errors.push(
                Diagnostic::error_said(
                    Code::LanguageCode,
                    "--languages",
                    Said::new("cmd-init-not-a-language-code", &[("lang", lang)]),
                )
                .hint_said(Said::new("cmd-init-not-a-language-code-hint", &[])),
            );
        } else if languages[..i].contains(lang) {
            errors.push(Diagnostic::error_said(
                Code::LanguageCode,
                "--languages",
                Said::new("cmd-init-language-twice", &[("lang", lang)]),
            ));
        }
    }
    errors
}

/// Every file of a new site, as (path relative to the site, text), computed before anything
/// is written so a broken scaffold leaves no half-made site.
fn init_files(plan: &[languages::NewLanguage]) -> Result<Vec<(PathBuf, String)>, Diagnostic> {
    let languages: Vec<String> = plan.iter().map(|l| l.code.clone()).collect();
    let main = &languages[0];
    let date = today();
    let list = languages.join(", ");
    let entries = plan.iter().map(languages::NewLanguage::entry).collect::<Vec<_>>().join(", ");
    let mut strings: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    let mut texts: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    let mut menus = String::new();
    for new in plan {
        let lang = &new.code;
        let src = new.texts.as_str();
        let parsed = scaffold_strings(src)?;
        texts.insert(src, parsed.clone());
        strings.insert(lang, parsed);
        let key = format!("{src}/menu.yaml");
        menus.push_str(&format!("  {lang}:\n"));
        menus.push_str(&fill(scaffold_text(&key)?, &key, |name| (name == "lang").then(|| lang.clone()))?);
    }
    let localized = |key: &str| -> Option<String> {
        let mut out = Vec::new();
        for lang in &languages {
            out.push(format!("{lang}: {}", crate::yaml::quote(strings[lang.as_str()].get(key)?)));
        }
        Some(format!("{{ {} }}", out.join(", ")))
    };

    let mut files = Vec::new();
    for prefix in ["site/".to_string(), format!("{}/site/", plan[0].texts)] {
        for (rel, text) in scaffold_files(&prefix)? {
            let filled = fill(text, &format!("{prefix}{rel}"), |name| match name {
                "lang" => Some(main.clone()),
                "languages" => Some(list.clone()),
                "language_entries" => Some(entries.clone()),
                "date" => Some(date.clone()),
                "menus" => Some(menus.trim_end().to_string()),
                // The publishing workflow downloads the faro that made the site.
                "faro_version" => Some(env!("CARGO_PKG_VERSION").to_string()),
                "faro_repository" => Some(env!("CARGO_PKG_REPOSITORY").to_string()),
                _ => localized(name.strip_prefix("t:")?),
            })?;
            files.push((out_path(rel), filled));
        }
    }
    for new in plan {
        let lang = &new.code;
        let prefix = format!("{}/content/", new.texts);
        for (rel, text) in scaffold_files(&prefix)? {
            let mut filled = fill(text, &format!("{prefix}{rel}"), |name| match name {
                "lang" => Some(lang.clone()),
                "languages" => Some(list.clone()),
                "date" => Some(date.clone()),
                _ => None,
            })?;
            if new.borrows_texts() {
                filled = new.awaiting_translation(&filled, &texts[new.texts.as_str()]);
            }
            files.push((Path::new("content").join(lang).join(out_path(rel)), filled));
        }
    }
    files.sort();
    Ok(files)
}

/// What `faro init` writes for `key` of its strings (`organization`) in any language it has
/// texts for: a sample to replace, which `faro check` recognises.
pub(crate) fn sample_texts(key: &str) -> Vec<String> {
    ["es", "en"].iter().filter_map(|l| scaffold_strings(l).ok()?.remove(key)).collect()
}

/// The texts of the scaffold of language `src` (`es`, `en`): names, notes, menu words.
fn scaffold_strings(src: &str) -> Result<BTreeMap<String, String>, Diagnostic> {
    let key = format!("{src}/strings.yaml");
    let origin = PathBuf::from(format!("(built-in theme)/scaffold/{key}"));
    crate::yaml::parse(scaffold_text(&key)?, &origin, 1, Code::Scaffold)
}

/// `site_dir` has no site.yaml: said by every command that works on a site.
pub(super) fn no_site(config_file: &Path, site_dir: &Path) -> Diagnostic {
    let dir = site_dir.display().to_string();
    Diagnostic::error_said(Code::NoSite, config_file, Said::new("cmd-no-site", &[("dir", &dir)]))
        .hint_said(Said::new("cmd-no-site-hint", &[]))
}

pub(super) fn cannot_create_folder(folder: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error_said(Code::Io, folder, Said::new("cmd-cannot-create-folder", &[("error", &e.to_string())]))
}

pub(super) fn cannot_write(file: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error_said(Code::Io, file, Said::new("cmd-cannot-write", &[("error", &e.to_string())]))
}

/// Writes `files` under `root`, creating folders, and returns their full paths.
fn write_all(root: &Path, files: &[(PathBuf, String)]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot_create_folder(parent, &e))?;
        }
        std::fs::write(&path, text).map_err(|e| cannot_write(&path, &e))?;
        written.push(path);
    }
    Ok(written)
}

/// The page's path below `content/<lang>/` as file and folder names, ending in `.md`.
/// `content/<lang>/` in front is accepted and dropped; anything that would leave that folder
/// or that the build would skip is refused.
fn page_parts(path: &str, languages: &[String]) -> Result<Vec<String>, Diagnostic> {
    let shown = if path.trim().is_empty() { "PATH" } else { path };
    let refuse =
        |msg: Said| Diagnostic::error_said(Code::PagePath, shown, msg).hint_said(Said::new("cmd-new-path-hint", &[]));
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(refuse(Said::new("cmd-new-path-empty", &[])));
    }
    let drive = trimmed.as_bytes().get(1) == Some(&b':');
    if trimmed.starts_with(['/', '\\']) || drive || Path::new(trimmed).is_absolute() {
        return Err(refuse(Said::new("cmd-new-path-absolute", &[])));
    }
    if trimmed.ends_with(['/', '\\']) {
        return Err(refuse(Said::new("cmd-new-path-folder", &[])));
    }
    let mut parts: Vec<&str> = trimmed.split(['/', '\\']).filter(|p| !p.is_empty() && *p != ".").collect();
    if parts.first() == Some(&"content") {
        match parts.get(1) {
            Some(lang) if languages.iter().any(|l| l == lang) && parts.len() > 2 => {
                parts.drain(..2);
            }
            _ => return Err(refuse(Said::new("cmd-new-path-outside", &[]))),
        }
    } else if parts.len() > 1 && languages.iter().any(|l| l == parts[0]) {
        return Err(refuse(Said::new("cmd-new-path-language", &[("lang", parts[0])])));
    }
    if parts.contains(&"..") {
        return Err(refuse(Said::new("cmd-new-path-parent", &[])));
    }
    if let Some(hidden) = parts.iter().find(|p| p.starts_with('.')) {
        return Err(refuse(Said::new("cmd-new-path-hidden", &[("part", hidden)])));
    }
    if parts.iter().any(|p| p.chars().any(char::is_control)) {
        return Err(refuse(Said::new("cmd-new-path-control", &[])));
    }
    let mut parts: Vec<String> = parts.into_iter().map(str::to_string).collect();
    let last = parts.last_mut().expect("a non-empty path has a part");
    if !last.ends_with(".md") {
        last.push_str(".md");
    }
    if crate::slug::slugify(last.trim_end_matches(".md")).is_empty() {
        return Err(refuse(Said::new("cmd-new-path-no-letters", &[("part", last.as_str())])));
    }
    Ok(parts)
}

/// The page's path with each new part that is not plain (ASCII letters, digits, `-`, `_`)
/// made a safe file name (`Año Nuevo` → `anio-nuevo`), as its address will be: no spaces
/// or accents to quote in a shell or a link. A folder that exists in `content` is kept.
fn slug_safe(parts: &[String], content: &Path) -> Vec<String> {
    let mut dir = content.to_path_buf();
    let last = parts.len() - 1;
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let stem = if i == last { part.trim_end_matches(".md") } else { part.as_str() };
            let plain = stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            let keep = plain || (i < last && dir.join(part).is_dir());
            let slug = crate::slug::slugify(stem);
            // "Campañas" typed for the folder `campanas`: the folder whose name has the same
            // address, not a second one beside it (`campanias`).
            let existing = (i < last && !keep).then(|| same_address(&dir, &slug)).flatten();
            let safe = match existing {
                Some(name) => name,
                None if keep => part.clone(),
                None if i == last => format!("{slug}.md"),
                None => slug,
            };
            dir.push(&safe);
            safe
        })
        .collect()
}

/// The folder in `dir` whose name folds to `slug`, or to `slug` written without the `i` that
/// folding adds after `n` for `ñ` (`campanas` for "Campañas").
fn same_address(dir: &Path, slug: &str) -> Option<String> {
    let plain = slug.replace("ni", "n");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    names.into_iter().find(|n| {
        let folded = crate::slug::slugify(n);
        folded == slug || folded.replace("ni", "n") == plain
    })
}

/// A title from the file name: `linea-1818.md` gives "Linea 1818"; an index page is named
/// after its folder.
fn humanize(parts: &[String]) -> String {
    let mut names = parts.iter().rev().map(|p| p.trim_end_matches(".md"));
    let mut name = names.next().unwrap_or("");
    if name == "_index" || name == "index" {
        name = names.next().unwrap_or(name);
    }
    let words = name.replace(['-', '_'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// Where a scaffold file goes: `static/gitkeep` becomes `static/.gitkeep`.
fn out_path(rel: &str) -> PathBuf {
    rel.split('/').map(|part| if DOTFILES.contains(&part) { format!(".{part}") } else { part.to_string() }).collect()
}

/// Today's date (UTC) as YYYY-MM-DD.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn civil_dates_count_from_the_unix_epoch() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        let today = today();
        assert!(crate::content::is_valid_date(&today));
        assert_eq!(today.len(), 10, "{today}");
    }

    #[test]
    fn yaml_quote_escapes_quotes_backslashes_and_control_characters() {
        assert_eq!(crate::yaml::quote(r#"Dijo "no" \ sí"#), r#""Dijo \"no\" \\ sí""#);
        assert_eq!(crate::yaml::quote("a\tb"), "\"a\\u0009b\"");
    }

    #[test]
    fn page_paths_stay_inside_the_language_folder() {
        let l = langs(&["es", "en"]);
        assert_eq!(page_parts("campanas/escuelas", &l).unwrap(), ["campanas", "escuelas.md"]);
        assert_eq!(page_parts("campanas\\escuelas.md", &l).unwrap(), ["campanas", "escuelas.md"]);
        assert_eq!(page_parts("content/es/campanas/x", &l).unwrap(), ["campanas", "x.md"]);
        assert_eq!(page_parts("./x", &l).unwrap(), ["x.md"]);
        for bad in ["", "/etc/x", "../x", "a/../../x", "C:\\x", "campanas/", ".oculto/x", "content/x.md", "es/x", "¡¡"]
        {
            assert!(page_parts(bad, &l).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn default_titles_come_from_the_file_or_folder_name() {
        let parts = |s: &str| page_parts(s, &langs(&["es"])).unwrap();
        assert_eq!(humanize(&parts("campanas/linea-1818")), "Linea 1818");
        assert_eq!(humanize(&parts("campanas/prevencion_en_escuelas.md")), "Prevencion en escuelas");
        assert_eq!(humanize(&parts("campanas/_index")), "Campanas");
        assert_eq!(humanize(&parts("ñandú")), "Ñandú");
    }

    #[test]
    fn language_codes_are_those_site_yaml_accepts_and_listed_once() {
        assert!(check_languages(&langs(&["es", "en", "qu", "pt-br", "pt-BR", "zh-Hant"])).is_empty());
        assert_eq!(check_languages(&[]).len(), 1);
        assert_eq!(check_languages(&langs(&["es", "ES", "e", "es", "en_US"])).len(), 4);
    }

    #[test]
    fn every_language_with_texts_has_the_same_scaffold_files() {
        let names = |lang: &str| -> Vec<&str> {
            crate::theme::DEFAULT_THEME
                .iter()
                .filter_map(|(k, _)| k.strip_prefix(&format!("scaffold/{lang}/") as &str))
                .collect()
        };
        assert!(!names("es").is_empty());
        assert_eq!(names("es"), names("en"));
        for lang in ["es", "en"] {
            let strings: BTreeMap<String, String> = crate::yaml::parse(
                scaffold_text(&format!("{lang}/strings.yaml")).unwrap(),
                Path::new("s"),
                1,
                Code::Scaffold,
            )
            .unwrap();
            let en: BTreeMap<String, String> =
                crate::yaml::parse(scaffold_text("en/strings.yaml").unwrap(), Path::new("s"), 1, Code::Scaffold)
                    .unwrap();
            assert_eq!(strings.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>(), "{lang}");
        }
    }

    #[test]
    fn a_new_site_fills_every_placeholder() {
        let files = init_files(&languages::plan(&langs(&["es", "en", "qu"])).unwrap()).unwrap();
        let site_yaml = &files.iter().find(|(p, _)| p == Path::new("site.yaml")).unwrap().1;
        let entries = "languages: [es, en, { code: qu, name: \"Runasimi\", locale: qu_PE, fallback: es }]";
        assert!(site_yaml.contains(entries), "{site_yaml}");
        // Quechua starts from the texts of its fallback, Spanish.
        assert!(
            site_yaml.contains("title: { es: \"Alto a la trata\", en: \"Stop Trafficking\", qu: \"Alto a la trata\" }")
        );
        Config::parse(site_yaml, Path::new("site.yaml"), None).unwrap();
        assert!(files.iter().any(|(p, _)| p == Path::new("content/qu/_index.md")));
        assert!(files.iter().any(|(p, _)| p == Path::new("static/.gitkeep")));
        for (path, text) in &files {
            // Chart shortcodes and GitHub's `${{ expressions }}` are the file's own.
            let leftover = text
                .match_indices("{{")
                .any(|(i, _)| !text[i + 2..].starts_with("< chart") && !text[..i].ends_with('$'));
            assert!(!leftover, "{} keeps a placeholder:\n{text}", path.display());
        }
    }
}
