//! `faro theme strings <lang>` and `faro theme eject [template…]`: copy what the theme
//! holds into the site, where it can be translated or changed. Both read the theme alone
//! (never the site's own `templates/` or `i18n/`), check every target first and write
//! nothing when any file exists already, so a site's own work is never overwritten.

use super::scaffold::files;
use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::theme::Theme;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What `faro theme strings` made: the file written, or the text for standard output.
pub enum StringsFile {
    Written(PathBuf),
    Text(String),
}

/// Writes `i18n/<lang>.yaml` in the site (or returns its text when `stdout`): every string of
/// the theme, each with the text the language shows today (its own, else its fallback's or the
/// default language's) as the value to translate. A copied value keeps the plural forms of the
/// language it is copied from, which picks among them while it is a copy; the file says that
/// language (`copied_from`, see `i18n::Copied`) and its header says which forms it holds. A
/// language with every string its own (`en`, `es`) gets a header for changing the text, not
/// translating it.
pub fn strings(site_dir: &Path, lang: &str, stdout: bool) -> Result<StringsFile, Vec<Diagnostic>> {
    let config = site_config(site_dir)?;
    if !config.languages.iter().any(|l| l == lang) {
        let languages = config.languages.join(", ");
        return Err(vec![Diagnostic::error_said(
            Code::LanguageCode,
            "LANG",
            Said::new("cmd-theme-not-a-site-language", &[("lang", lang), ("languages", &languages)]),
        )
        .hint_said(Said::new("cmd-theme-not-a-site-language-hint", &[("lang", lang)]))]);
    }
    let target = site_dir.join("i18n").join(format!("{lang}.yaml"));
    if !stdout && target.exists() {
        let exists = Diagnostic::error_said(Code::ThemeFileExists, &target, Said::new("cmd-theme-strings-exists", &[]));
        return Err(vec![exists.hint_said(Said::new("cmd-theme-strings-exists-hint", &[("lang", lang)]))]);
    }
    let (theme, diags) = Theme::load(site_dir, &config).map_err(|d| vec![d])?;
    let (all, diags2) = crate::i18n::load(&theme, &config);
    // The missing strings of `lang` are what this command is for; anything else stops it.
    let errors: Vec<Diagnostic> =
        diags.into_iter().chain(diags2).filter(|d| d.is_error() && d.code != Code::MissingUiStrings).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let text = strings_text(&theme, &config, lang, &all[lang])?;
    if stdout {
        return Ok(StringsFile::Text(text));
    }
    write(&target, &text)?;
    Ok(StringsFile::Written(target))
}

/// The strings file of `lang`: a header, its name and locale, the language its copies come
/// from, then every key in the order of the theme's file for the language the texts come from.
fn strings_text(
    theme: &Theme,
    config: &Config,
    lang: &str,
    strings: &crate::i18n::Strings,
) -> Result<String, Vec<Diagnostic>> {
    let entries = strings.entries();
    let copies = entries.keys().any(|k| !strings.is_own(k));
    // The language that lends first (see `i18n::load`): the file's own `copied_from` when it
    // has one, else the first fallback, the default language or English that is not `lang`.
    let chain = config.fallbacks(lang).into_iter().chain([config.default_language(), "en"]);
    let from = match strings.copied() {
        Some(c) => c.from.clone(),
        None => chain.into_iter().find(|l| *l != lang).unwrap_or(lang).to_string(),
    };
    // A language with every string of its own (es, en) is copied as it is.
    let from = if copies { from } else { lang.to_string() };
    let name = crate::i18n::language_name(config, strings, lang).to_string();
    let locale = crate::i18n::og_locale(config, strings, lang);
    let scaffold_lang =
        if files::scaffold_bytes(&format!("{from}/strings-file.yaml")).is_some() { from.as_str() } else { "en" };
    // A form the language would ignore is left out of its own strings; a copy keeps the forms
    // of the language it is written in, whose rule picks among them while it is a copy.
    let forms = crate::i18n::tells_plural_forms(config, lang);
    let shown = |key: &str, entry: &crate::i18n::Entry| {
        if forms || !strings.is_own(key) {
            entry.clone()
        } else {
            entry.other_only()
        }
    };
    let plurals: Vec<bool> = entries
        .iter()
        .filter(|(_, e)| matches!(e, crate::i18n::Entry::Plural(_)))
        .map(|(k, e)| shown(k, e).has_forms())
        .collect();
    let rule = crate::i18n::rule_language(config, lang).unwrap_or_else(|| lang.to_string());
    let mut notes = Vec::new();
    if copies {
        notes.push("strings_file_copied");
    }
    if forms && !plurals.is_empty() {
        notes.push(if copies { "strings_file_forms" } else { "strings_file_forms_own" });
    } else if plurals.contains(&true) {
        notes.push("strings_file_forms_copied");
    } else if !plurals.is_empty() {
        notes.push("strings_file_other_only");
    }
    // The language's own text (es, en, or a site file with no copies) is there to be changed,
    // not translated: a header that says so, and that a string left out shows the theme's.
    if !copies && theme.get(&format!("i18n/{lang}.yaml")).is_some() {
        notes.push("strings_file_follow_theme");
    }
    let texts = scaffold_strings(scaffold_lang)?;
    let notes: String = notes
        .iter()
        .map(|k| {
            let text = texts.get(*k).map_or("", String::as_str);
            comment(&crate::i18n::fill(text, &[("lang", lang), ("from", &from), ("rule", &rule)]))
        })
        .collect();
    let key = format!("{scaffold_lang}/strings-file{}.yaml", if copies { "" } else { "-own" });
    let header = files::scaffold_text(&key).map_err(|d| vec![d])?;
    let header = files::fill(header, &key, |n| match n {
        "lang" => Some(lang.to_string()),
        "name" => Some(name.clone()),
        "from" => Some(from.clone()),
        "notes" => Some(notes.clone()),
        _ => None,
    })
    .map_err(|d| vec![d])?;
    // The notes may end the header, and may be none.
    let header = format!("{}\n", header.trim_end());
    let quote = crate::yaml::quote;
    let mut out = format!("{header}language_name: {}\nog_locale: {}\n", quote(&name), quote(&locale));
    if copies {
        out.push_str(&format!("{}: {}\n", crate::i18n::COPIED_FROM, quote(&from)));
    }
    let order = theme.get(&format!("i18n/{from}.yaml")).map(|f| keys_in_order(&f.bytes)).unwrap_or_default();
    let rest = entries.keys().filter(|k| !order.contains(k)).cloned().collect::<Vec<_>>();
    for key in order.iter().chain(&rest) {
        if key == "language_name" || key == "og_locale" || key == crate::i18n::COPIED_FROM {
            continue;
        }
        if let Some(entry) = entries.get(key) {
            out.push_str(&format!("{key}: {}\n", shown(key, entry).to_yaml()));
        }
    }
    Ok(out)
}

/// The scaffold's texts in `lang` (`scaffold/<lang>/strings.yaml`).
fn scaffold_strings(lang: &str) -> Result<BTreeMap<String, String>, Vec<Diagnostic>> {
    let key = format!("{lang}/strings.yaml");
    let origin = PathBuf::from(format!("(built-in theme)/scaffold/{key}"));
    let text = files::scaffold_text(&key).map_err(|d| vec![d])?;
    crate::yaml::parse(text, &origin, 1, Code::Scaffold).map_err(|d| vec![d])
}

/// `text` as YAML comment lines of at most 96 characters.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() > 1 && line.chars().count() + 1 + word.chars().count() > 96 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    if line.len() > 1 {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The top-level keys of a strings file, in the order written.
fn keys_in_order(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter_map(|l| {
            let (key, _) = l.split_once(':')?;
            let ok = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            ok.then(|| key.to_string())
        })
        .collect()
}

/// Copies the theme's templates (all, or those named) into the site's `templates/`, and,
/// when none is named, its strings files into `i18n/`. Returns the files written.
pub fn eject(site_dir: &Path, names: &[String]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let config = site_config(site_dir)?;
    let (theme, diags) = Theme::without_site(site_dir, &config).map_err(|d| vec![d])?;
    let mut errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
    let chosen: Vec<(String, &[u8])> = if names.is_empty() {
        theme
            .files()
            .filter(|(k, _)| k.starts_with("templates/") || k.starts_with("i18n/"))
            .map(|(k, f)| (k.to_string(), &*f.bytes))
            .collect()
    } else {
        let mut chosen = Vec::new();
        for name in names {
            let rel = name.trim_start_matches("templates/");
            match theme.template(rel) {
                Some(f) => chosen.push((format!("templates/{rel}"), &*f.bytes)),
                None => errors.push(unknown_template(&theme, name)),
            }
        }
        chosen
    };
    let targets: Vec<(PathBuf, &[u8])> = chosen.iter().map(|(k, b)| (site_dir.join(k), *b)).collect();
    let hint = eject_hint(site_dir, &theme, &chosen);
    for (path, _) in targets.iter().filter(|(p, _)| p.exists()) {
        let exists = Diagnostic::error_said(Code::ThemeFileExists, path, Said::new("cmd-theme-eject-exists", &[]));
        errors.push(exists.hint_said(hint.clone()));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut written = Vec::new();
    for (path, bytes) in targets {
        write(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// What to do when files to eject exist: delete or rename them, or eject only what the site
/// lacks (of the templates asked for, else of the theme's), in a command to run.
fn eject_hint(site_dir: &Path, theme: &Theme, chosen: &[(String, &[u8])]) -> Said {
    fn lacking<'a>(site_dir: &Path, keys: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
        keys.filter(|k| !site_dir.join(k).exists()).filter_map(|k| k.strip_prefix("templates/")).collect()
    }
    let mut rest = lacking(site_dir, chosen.iter().map(|(k, _)| k.as_str()));
    if rest.is_empty() {
        rest = lacking(site_dir, theme.files().map(|(k, _)| k));
    }
    match rest.len() {
        0 => Said::new("cmd-theme-eject-exists-hint", &[]),
        1..=4 => Said::new("cmd-theme-eject-exists-hint-lacking", &[("templates", &rest.join(" "))]),
        n => Said::new(
            "cmd-theme-eject-exists-hint-lacking-many",
            &[("first", rest[0]), ("count", &n.to_string()), ("templates", &rest.join(", "))],
        ),
    }
}

fn unknown_template(theme: &Theme, name: &str) -> Diagnostic {
    let known: Vec<&str> = theme.files().filter_map(|(k, _)| k.strip_prefix("templates/")).collect();
    Diagnostic::error_said(Code::UnknownTemplate, name, Said::new("cmd-theme-unknown-template", &[]))
        .hint_said(Said::new("cmd-theme-unknown-template-hint", &[("templates", &known.join(", "))]))
}

fn site_config(site_dir: &Path) -> Result<Config, Vec<Diagnostic>> {
    let file = site_dir.join("site.yaml");
    if !file.is_file() {
        return Err(vec![super::scaffold::no_site(&file, site_dir)]);
    }
    Config::from_file(&file, None)
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), Vec<Diagnostic>> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| vec![super::scaffold::cannot_create_folder(parent, &e)])?;
    }
    std::fs::write(path, bytes).map_err(|e| vec![super::scaffold::cannot_write(path, &e)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_the_order_of_the_file_and_skip_comments_and_lists() {
        let src = b"# c\nb_key: \"x\"\na: [\"1\"]\n  - nested: y\nc: { one: \"a\", other: \"b\" }\n";
        assert_eq!(keys_in_order(src), ["b_key", "a", "c"]);
    }
}
