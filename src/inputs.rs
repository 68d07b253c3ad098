//! Single inputs parsed and rendered on their own, outside a site: what the fuzz targets
//! and the chart bench call. Each takes text and gives back only what a caller can check.

pub use crate::config::Config;
use crate::data::{goals, indicators};
use crate::diagnostics::Diagnostic;
use crate::i18n::NumberFormat;
use std::path::Path;

/// A two-language (es, en) configuration, as a minimal site.yaml gives it.
pub fn bilingual_config() -> Config {
    Config::parse(
        "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: a, en: b }\n",
        Path::new("site.yaml"),
        None,
    )
    .expect("a valid site.yaml")
}

/// Parses `src` as a site's site.yaml.
pub fn parse_site_config(src: &str) -> Result<Config, Vec<Diagnostic>> {
    Config::parse(src, Path::new("site.yaml"), None)
}

/// Parses a Markdown file's front matter and body as `content/es/x.md`.
pub fn parse_page(src: &str) -> Result<(), Diagnostic> {
    crate::content::parse_page_text("es".into(), "es/x.md".into(), "content/es/x.md".into(), src).map(|_| ())
}

/// Renders a Markdown body as the one page of a site; returns the length of its HTML and
/// what it reported.
pub fn render_markdown(body: &str) -> Option<(usize, Vec<Diagnostic>)> {
    let src = format!("---\ntitle: \"x\"\n---\n{body}");
    let mut page =
        crate::content::parse_page_text("es".into(), "es/x.md".into(), "content/es/x.md".into(), &src).ok()?;
    page.url = "es/x/".into();
    let (md, diags) = crate::markdown::render_alone(page);
    Some((md.text_html().len(), diags))
}

/// Parses `src` as `data/goals.yaml` and as `data/roadmap.yaml` of a site with no
/// indicators; whether each parsed.
pub fn parse_plan(src: &str, config: &Config) -> (bool, bool) {
    let goals = goals::parse_goals(src, Path::new("data/goals.yaml"), config, &[]).ok();
    let ids = goals.as_ref().map(|(_, g)| g.as_slice());
    let roadmap = goals::parse_roadmap(src, Path::new("data/roadmap.yaml"), config, ids).is_ok();
    (goals.is_some(), roadmap)
}

/// An indicator file, parsed and checked.
pub struct ParsedIndicator(indicators::Indicator);

/// Parses `src` as `data/indicators/<id>.yaml`.
pub fn parse_indicator(id: &str, src: &str, config: &Config) -> Result<ParsedIndicator, Vec<Diagnostic>> {
    indicators::parse(id, src, Path::new("data/indicators/x.yaml"), None, config).map(ParsedIndicator)
}

impl ParsedIndicator {
    /// The indicator's chart in Spanish, with its computed summary as the description, in
    /// the built-in theme's words; `id` scopes the SVG's element ids.
    pub fn chart(&self, id: &str) -> String {
        static STRINGS: std::sync::OnceLock<crate::i18n::Strings> = std::sync::OnceLock::new();
        let strings = STRINGS.get_or_init(|| crate::i18n::builtin_strings("es").unwrap_or_default());
        let fmt = NumberFormat::from_strings(strings);
        let words = crate::charts::Words::new(&fmt, "es", strings);
        let summary = crate::charts::summary(&self.0, &words);
        crate::charts::render(&self.0, &words, "t", &summary, id)
    }
}

/// An address as a user writes it (a link, a menu `url`): its kind (`external`, `mailto`,
/// `tel`, `site`), or why the URL policy refuses it.
pub fn parse_href(s: &str) -> Result<&'static str, String> {
    use crate::href::Href;
    match Href::parse(s) {
        Ok(Href::External(_)) => Ok("external"),
        Ok(Href::Mailto(_)) => Ok("mailto"),
        Ok(Href::Tel(_)) => Ok("tel"),
        Ok(Href::Site(_)) => Ok("site"),
        Err(refusal) => Err(refusal.message),
    }
}

/// `base_url` as site.yaml or `--base-url` gives it: the URL ending in `/`, or why not.
pub fn parse_base_url(s: &str) -> Result<String, String> {
    crate::href::base_url(s).map(|(url, _)| url)
}

/// The URL escaped for an HTML attribute, as faro prints an address.
pub fn escape_href(s: &str) -> String {
    crate::escape::href(s)
}

/// An alias of a page of `lang` as written in front matter: the site path it redirects
/// from, or what is wrong with it.
pub fn alias_path(lang: &str, written: &str) -> Result<String, String> {
    match crate::urls::alias_problem(lang, written) {
        Some((message, _)) => Err(message),
        None => Ok(crate::urls::alias(lang, written)),
    }
}

/// A CSV text cell as faro writes it, neutralised for spreadsheets.
pub fn csv_cell(s: &str) -> String {
    crate::escape::csv_cell(s)
}

/// Claims output paths in order, as the driver does; whether each was granted.
pub fn claim_paths(paths: &[&str]) -> Vec<bool> {
    let mut claims = crate::urls::Claims::default();
    paths.iter().map(|p| claims.claim(p, ())).collect()
}
