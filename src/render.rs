//! The template engine (the one home of minijinja): loads templates from the theme,
//! autoescapes HTML, XML and SVG, and gives templates `t()` for UI strings, `url()` and
//! `abs_url()` that respect a `base_url` with a path, `asset()` with a cache-busting hash,
//! and a `date` filter in the page's language.
//!
//! A UI string a language borrows (from its `fallback`, or a `copied_from` copy) is another
//! language's text, so the page marks it: `tx()` (a span), `lang_attr()` (on the element
//! that holds only that string) or the `marked` filter give `lang` (and `dir`) only then, so
//! a page whose strings are all its own is unchanged.

use crate::config::Lang;
use crate::diagnostics::{Code, Diagnostic};
use crate::i18n::Strings;
use crate::theme::Theme;
use crate::urls::site_url;
use minijinja::value::{Kwargs, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Bounds the work of one render so a template that loops forever fails instead of hanging.
const FUEL_PER_RENDER: u64 = 50_000_000;

pub(crate) struct Renderer {
    env: Environment<'static>,
    theme: Arc<Theme>,
}

pub(crate) struct Urls {
    pub(crate) base_url: String,
    pub(crate) base_path: String,
    /// The site's `static/`, whose files replace the theme's of the same path.
    pub(crate) static_dir: PathBuf,
}

impl Renderer {
    pub(crate) fn new(theme: Arc<Theme>, strings: Arc<BTreeMap<Lang, Strings>>, urls: Urls) -> Renderer {
        let mut env = Environment::new();
        env.set_debug(true);
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_fuel(Some(FUEL_PER_RENDER));
        env.set_auto_escape_callback(|name| match name.rsplit('.').next() {
            Some("html" | "htm" | "xml" | "svg") => AutoEscape::Html,
            _ => AutoEscape::None,
        });
        // minijinja's default also escapes `/` as `&#x2f;`: valid but it bloats every URL.
        env.set_formatter(|out, state, value| {
            if let (AutoEscape::Html, false, Some(s)) = (state.auto_escape(), value.is_safe(), value.as_str()) {
                return out.write_str(&crate::escape::html(s)).map_err(|_| Error::from(ErrorKind::WriteFailure));
            }
            minijinja::escape_formatter(out, state, value)
        });
        let loader_theme = theme.clone();
        env.set_loader(move |name| {
            Ok(loader_theme.template(name).map(|f| String::from_utf8_lossy(&f.bytes).into_owned()))
        });

        let urls = Arc::new(urls);
        let u = urls.clone();
        env.add_function("url", move |path: &str| site_url(&u.base_path, path));
        let u = urls.clone();
        env.add_function("abs_url", move |path: &str| site_url(&u.base_url, path));
        let (u, t) = (urls.clone(), theme.clone());
        let hashes: Mutex<HashMap<String, u32>> = Mutex::default();
        env.add_function("asset", move |path: &str| -> Result<String, Error> {
            let rel = path.trim_start_matches('/');
            let mut cache =
                hashes.lock().map_err(|_| Error::new(ErrorKind::InvalidOperation, "asset cache poisoned"))?;
            let hash = match cache.get(rel) {
                Some(h) => *h,
                None => {
                    let bytes = match site_asset(&u.static_dir, rel)? {
                        Some(b) => b,
                        None => t.get(&format!("static/{rel}")).map(|f| f.bytes.to_vec()).ok_or_else(|| {
                            Error::new(
                                ErrorKind::InvalidOperation,
                                format!("asset `{rel}` is in neither static/ nor the theme's static/"),
                            )
                        })?,
                    };
                    let h = crate::hash::fnv1a(&bytes) as u32;
                    cache.insert(rel.to_string(), h);
                    h
                }
            };
            Ok(format!("{}?v={hash:08x}", site_url(&u.base_path, rel)))
        });
        let s = strings.clone();
        env.add_function("t", move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, Error> {
            Ok(ui_text(&s, state, key, &kwargs)?.0)
        });
        let s = strings.clone();
        // `t()` as markup for a text position: in `<span lang>` when the string is borrowed, so
        // a screen reader reads Spanish as Spanish on a Quechua page (WCAG 3.1.2).
        env.add_function("tx", move |state: &State, key: &str, kwargs: Kwargs| -> Result<Value, Error> {
            let (text, written) = ui_text(&s, state, key, &kwargs)?;
            mark(state, Value::from(text), &written)
        });
        let s = strings.clone();
        // The language a string is written in: a fallback's when borrowed, so a template can
        // mark it with `lang=` rather than let it claim the page's language.
        env.add_function("t_lang", move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, Error> {
            let lang = match kwargs.get::<Option<String>>("lang")? {
                Some(l) => l,
                None => current_lang(state)?,
            };
            kwargs.assert_all_used()?;
            Ok(s.get(&lang).map_or(lang.as_str(), |st| st.written_in(key, &lang)).to_string())
        });
        let s = strings.clone();
        // For an element whose whole text is one string: its ` lang=".."` when borrowed, so
        // no span is needed (`<button{{ lang_attr("search_button") }}>`).
        env.add_function("lang_attr", move |state: &State, key: &str, kwargs: Kwargs| -> Result<Value, Error> {
            let written = written_in(&s, state, key, kwargs.get("lang")?)?;
            kwargs.assert_all_used()?;
            Ok(Value::from_safe_string(lang_marks(state, &written)?))
        });
        let s = strings.clone();
        // `t()`'s text changed by another filter (`t("xref_fig") | capitalize | marked("xref_fig")`).
        env.add_filter("marked", move |state: &State, text: Value, key: &str| -> Result<Value, Error> {
            mark(state, text, &written_in(&s, state, key, None)?)
        });
        let s = strings;
        env.add_filter("date", move |state: &State, date: Option<String>| -> Result<String, Error> {
            let lang = current_lang(state)?;
            Ok(date.map(|d| s.get(&lang).map_or(d.clone(), |s| s.format_date(&d))).unwrap_or_default())
        });
        env.add_filter("demote", |html: Value, prefix: Option<String>| -> Value {
            Value::from_safe_string(demote(&html.to_string(), prefix.as_deref().unwrap_or("s")))
        });
        Renderer { env, theme }
    }

    pub(crate) fn has_template(&self, name: &str) -> bool {
        self.theme.template(name).is_some()
    }

    /// Renders `name`; errors name the template file and line, and `context` (the page
    /// being rendered) goes into the hint.
    pub(crate) fn render(&self, name: &str, ctx: impl serde::Serialize, context: &str) -> Result<String, Diagnostic> {
        let ctx = Value::from(minijinja::value::Serde(ctx));
        let result = self.env.get_template(name).and_then(|t| t.render(ctx));
        result.map_err(|err| self.diagnostic(&err, context))
    }

    fn diagnostic(&self, err: &Error, context: &str) -> Diagnostic {
        let name = err.name().unwrap_or("?");
        let path =
            self.theme.template(name).map_or_else(|| PathBuf::from(format!("templates/{name}")), |f| f.origin.clone());
        let mut message = match err.detail() {
            Some(detail) => format!("{}: {detail}", err.kind()),
            None => err.kind().to_string(),
        };
        // A template that includes itself nests the same error dozens of times: say each
        // distinct cause once, and the innermost last.
        let mut causes: Vec<String> = Vec::new();
        let mut source = std::error::Error::source(err);
        while let Some(inner) = source {
            let text = inner.to_string();
            if !causes.contains(&text) {
                causes.push(text);
            }
            source = inner.source();
        }
        for cause in causes {
            message.push_str(&format!("; {cause}"));
        }
        Diagnostic::error(Code::Template, path, message)
            .at(err.line(), None)
            .hint_said(crate::messages::Said::new("site-template-while-rendering", &[("page", context)]))
    }
}

/// The bytes of `static/<rel>` for an asset's version hash; None when the site has no such
/// file to publish (the theme's is used). Read through `sources`: never from outside the site.
fn site_asset(static_dir: &std::path::Path, rel: &str) -> Result<Option<Vec<u8>>, Error> {
    use crate::sources::{place, Kind, Refusal};
    let path = static_dir.join(rel);
    let root = static_dir.parent().unwrap_or(static_dir);
    let refused =
        |r: Refusal| Error::new(ErrorKind::InvalidOperation, format!("asset `{rel}`: {}", r.diagnostic(&path).message));
    match place(root, &path) {
        Ok((real, Kind::File)) => std::fs::read(real).map(Some).map_err(|e| refused(Refusal::Missing(e))),
        // Skipped by the static files too, so the theme's file is the one published.
        Ok((_, Kind::Dir)) | Err(Refusal::Missing(_) | Refusal::Special(_)) => Ok(None),
        Err(r) => Err(refused(r)),
    }
}

fn current_lang(state: &State) -> Result<String, Error> {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_string))
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "`lang` is not set in this template's context"))
}

/// The text of UI string `key` (`lang=` another language's, `n=` a plural form, the other
/// arguments its placeholders) and the language that text is written in.
fn ui_text(
    strings: &BTreeMap<Lang, Strings>,
    state: &State,
    key: &str,
    kwargs: &Kwargs,
) -> Result<(String, String), Error> {
    let lang = match kwargs.get::<Option<String>>("lang")? {
        Some(l) => l,
        None => current_lang(state)?,
    };
    let strings = strings
        .get(&lang)
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, format!("no strings for language `{lang}`")))?;
    let mut args = Vec::new();
    for arg in kwargs.args().filter(|a| *a != "lang") {
        let value: Value = kwargs.get(arg)?;
        args.push((arg, value.to_string()));
    }
    let n = args.iter().find(|(k, _)| *k == "n").and_then(|(_, v)| v.parse::<f64>().ok());
    let text = match n {
        Some(n) => strings.plural(&lang, key, n),
        None => strings.text(key),
    }
    .ok_or_else(|| missing(Some(strings), key, &lang))?;
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Ok((crate::i18n::fill(text, &args), strings.written_in(key, &lang).to_string()))
}

/// The language UI string `key` is written in for the page (or for `lang`); an error for a
/// key no strings file has, so a misspelt mark does not silently mark nothing.
fn written_in(
    strings: &BTreeMap<Lang, Strings>,
    state: &State,
    key: &str,
    lang: Option<String>,
) -> Result<String, Error> {
    let lang = match lang {
        Some(l) => l,
        None => current_lang(state)?,
    };
    match strings.get(&lang) {
        Some(s) if s.text(key).is_some() || s.list(key).is_some() => Ok(s.written_in(key, &lang).to_string()),
        s => Err(missing(s, key, &lang)),
    }
}

fn missing(strings: Option<&Strings>, key: &str, lang: &str) -> Error {
    Error::new(ErrorKind::InvalidOperation, crate::i18n::no_string(strings, key, lang))
}

/// ` lang="es"`, with ` dir=".."` when that language runs the other way, for text written in
/// `written` on a page of another language; empty on a page of that language, so pages whose
/// strings are all their own are unchanged.
fn lang_marks(state: &State, written: &str) -> Result<String, Error> {
    if written == current_lang(state)? {
        return Ok(String::new());
    }
    let mut marks = format!(" lang=\"{}\"", crate::escape::html(written));
    let site = state.lookup("site");
    let attr = |v: &Value, name: &str| v.get_attr(name).ok().and_then(|d| d.as_str().map(str::to_string));
    let page_dir = site.as_ref().and_then(|s| attr(&s.get_attr("language").ok()?, "direction"));
    // The lender is a site language (or English, which runs left to right).
    let dir = site
        .and_then(|s| s.get_attr("languages").ok())
        .and_then(|ls| ls.try_iter().ok()?.find(|l| attr(l, "code").as_deref() == Some(written)))
        .and_then(|l| attr(&l, "direction"));
    let (page_dir, dir) = (page_dir.as_deref().unwrap_or("ltr"), dir.as_deref().unwrap_or("ltr"));
    if dir != page_dir {
        marks.push_str(&format!(" dir=\"{}\"", crate::escape::html(dir)));
    }
    Ok(marks)
}

/// `text` escaped (unless it is markup already), in `<span lang>` when it is written in
/// another language than the page's. Plain text in a template that is not HTML.
fn mark(state: &State, text: Value, written: &str) -> Result<Value, Error> {
    if *state.auto_escape() != AutoEscape::Html {
        return Ok(text);
    }
    let html = if text.is_safe() { text.to_string() } else { crate::escape::html(&text.to_string()) };
    let marks = lang_marks(state, written)?;
    Ok(Value::from_safe_string(if marks.is_empty() { html } else { format!("<span{marks}>{html}</span>") }))
}

/// Moves a page's HTML one heading level down (h2 becomes h3) and scopes its ids with
/// `prefix`, so several chapters can share one page (the full report) without clashing ids.
pub(crate) fn demote(html: &str, prefix: &str) -> String {
    let mut out = html.to_string();
    for level in (2..=5).rev() {
        out = out
            .replace(&format!("<h{level}"), &format!("<h{}", level + 1))
            .replace(&format!("</h{level}>"), &format!("</h{}>", level + 1));
    }
    out = out
        .replace(" id=\"", &format!(" id=\"{prefix}-"))
        .replace("href=\"#", &format!("href=\"#{prefix}-"))
        .replace("url(#", &format!("url(#{prefix}-"));
    let mut scoped = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find("aria-labelledby=\"") {
        let start = i + "aria-labelledby=\"".len();
        let end = start + rest[start..].find('"').unwrap_or(0);
        scoped.push_str(&rest[..start]);
        let ids: Vec<String> = rest[start..end].split_whitespace().map(|id| format!("{prefix}-{id}")).collect();
        scoped.push_str(&ids.join(" "));
        rest = &rest[end..];
    }
    scoped.push_str(rest);
    scoped
}

#[cfg(test)]
mod tests {
    /// Issue 17 (marks): a `{{ t("key") }}` in a text position of the theme must be marked for
    /// a page borrowing it: `tx()`, `| marked()`, or `lang_attr()` / `lang=` on the element it
    /// starts. Attributes take their element's language and are not checked.
    #[test]
    fn every_ui_string_in_a_text_position_of_the_theme_is_marked() {
        // In <title>, which holds no markup; and inside a <nav> that carries the mark.
        let left = [("report-full.html", "report_full_title"), ("kit/poster.html", "kit_poster_back")];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut unmarked = Vec::new();
        for name in ["", "kit/"].iter().flat_map(|sub| {
            std::fs::read_dir(dir.join(sub))
                .unwrap()
                .map(move |e| format!("{sub}{}", e.unwrap().file_name().to_string_lossy()))
        }) {
            if !(name.ends_with(".html") || name.ends_with(".svg")) {
                continue;
            }
            let src = std::fs::read_to_string(dir.join(&name)).unwrap();
            for (at, _) in src.match_indices("{{ t(") {
                let key = src[at + 6..].split(['"', '\'']).next().unwrap_or("");
                let (open, close) = (src[..at].rfind('<'), src[..at].rfind('>'));
                if open > close {
                    continue; // an attribute
                }
                let tag = open.map_or("", |o| &src[o..close.map_or(o, |c| c + 1)]);
                let call = &src[at..at + src[at..].find("}}").unwrap_or(0)];
                let marked = tag.contains("lang_attr(") || tag.contains(" lang=\"") || call.contains("| marked(");
                if !marked && !left.contains(&(name.as_str(), key)) {
                    unmarked.push(format!("{name}:{}: {key}", src[..at].lines().count()));
                }
            }
        }
        assert_eq!(unmarked, Vec::<String>::new(), "interface strings shown unmarked on a page that borrows them");
    }
}
