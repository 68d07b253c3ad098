//! Campaign kits. Every page with a `campaign:` block gets, in its language, a folder of
//! print and social material: an A4 and an A3 poster and a half-page flyer (standalone HTML
//! laid out for print, and PDFs when Chromium is found), a 1200×630 social card in SVG and
//! PNG (also the page's Open Graph image), the key figures as CSV, texts for posts, a README
//! on printing, and one ZIP of it all. The QR codes lead to the page's absolute URL.

use crate::content::CampaignFigure;
use crate::diagnostics::Diagnostic;
use crate::output::Output;
use crate::render::{site_url, Renderer};
use crate::site::{t, Site};
use crate::views::Views;
use base64::Engine;
use minijinja::Value;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// Poster space: more figures than this would not fit an A4 sheet at a readable size.
pub const MAX_FIGURES: usize = 4;
const CARD_WIDTH: u32 = 1200;
const CARD_HEIGHT: u32 = 630;
const FONT_REGULAR: &str = "fonts/DejaVuSans.ttf";
const FONT_BOLD: &str = "fonts/DejaVuSans-Bold.ttf";
const FONT_FAMILY: &str = "DejaVu Sans";
/// Where printed PDFs are kept, by hash of their HTML, so a rebuild does not print again.
pub const PDF_CACHE: &str = ".faro/pdf";

/// The printed documents of a kit: (theme string naming the file, layout).
const DOCS: [(&str, &str); 3] =
    [("kit_file_poster_a4", "a4"), ("kit_file_poster_a3", "a3"), ("kit_file_flyer", "flyer")];

/// One key figure as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: String,
    pub label: String,
    pub source: Option<String>,
}

/// Pages that are campaigns, in site order.
pub fn campaigns(site: &Site) -> impl Iterator<Item = usize> + '_ {
    (0..site.content.pages.len()).filter(|&i| site.content.pages[i].front.campaign.is_some())
}

/// `es/campanas/linea-1818/materiales/`: the kit's folder, under its page.
pub fn kit_path(site: &Site, i: usize) -> String {
    let page = &site.content.pages[i];
    format!("{}{}/", page.url, crate::slug::slugify(&t(site, &page.lang, "kit_slug")))
}

/// A kit file's name in the page's language (`afiche-a4.html`, `tarjeta.png`).
fn file_name(site: &Site, lang: &str, key: &str, ext: &str) -> String {
    format!("{}.{ext}", crate::slug::slugify(&t(site, lang, key)))
}

/// The site path of a campaign's social card PNG, its Open Graph image.
pub fn card_png_path(site: &Site, i: usize) -> String {
    format!("{}{}", kit_path(site, i), file_name(site, &site.content.pages[i].lang, "kit_file_card", "png"))
}

/// The ZIP's name: the page's slug and language, so downloads of two kits never collide.
fn zip_name(site: &Site, i: usize) -> String {
    let page = &site.content.pages[i];
    let slug = page.url.trim_end_matches('/').rsplit('/').next().unwrap_or("kit");
    format!("{slug}-{}.zip", page.lang)
}

/// Errors in a campaign block, at their lines.
pub fn checks(site: &Site, i: usize) -> Vec<Diagnostic> {
    let page = &site.content.pages[i];
    let Some(c) = &page.front.campaign else { return Vec::new() };
    let at = |key: &str| crate::yaml::locate(&page.front_src, &["campaign", key], 2).or(page.key_line("campaign"));
    let mut diags = Vec::new();
    let mut err = |line: Option<usize>, msg: String, hint: &str| {
        diags.push(Diagnostic::error("campaign", &page.source, msg).at(line, None).hint(hint.to_string()));
    };
    if c.message.trim().is_empty() {
        err(at("message"), "the campaign's `message` is empty".into(), "write the key message in one or two sentences");
    }
    if c.figures.len() > MAX_FIGURES {
        err(
            at("figures"),
            format!("a campaign has at most {MAX_FIGURES} key figures; this one has {}", c.figures.len()),
            "keep the strongest figures: a poster is read from a distance",
        );
    }
    let items = crate::yaml::item_lines(&crate::yaml::block_of(&page.front_src, "campaign"), "figures");
    let first = page.key_line("campaign").unwrap_or(2);
    for (n, f) in c.figures.iter().enumerate() {
        let line = items.get(n).map(|l| l + first).or(at("figures"));
        match f {
            CampaignFigure { indicator: Some(id), value: None, .. } => {
                if crate::indicators::find(&site.indicators, id).is_none() {
                    err(
                        line,
                        format!("key figure {} names `{id}`, which is not an indicator", n + 1),
                        "indicators are the files in data/indicators/; the id is the file name without .yaml",
                    );
                } else if figure(site, &page.lang, f).is_none() {
                    err(
                        line,
                        format!("the indicator `{id}` has no total to show as a key figure"),
                        "name an indicator with a total row, or write the figure with `value` and `label`",
                    );
                }
            }
            CampaignFigure { indicator: None, value: Some(v), label: Some(l), .. }
                if !v.trim().is_empty() && !l.trim().is_empty() => {}
            _ => err(
                line,
                format!(
                    "key figure {} needs either `indicator` (and maybe a `label`), or both `value` and `label`",
                    n + 1
                ),
                "for example `{ value: \"83,6 %\", label: \"conocía a su tratante\", source: \"CIES, 2022\" }`",
            ),
        }
    }
    diags
}

/// A figure as printed, in `lang`; None for an indicator with no total.
fn figure(site: &Site, lang: &str, f: &CampaignFigure) -> Option<Figure> {
    if let Some(id) = &f.indicator {
        let ind = crate::indicators::find(&site.indicators, id)?;
        let (value, period) = crate::indicator_pages::latest(site, ind, lang)?;
        let text = crate::indicators::text;
        return Some(Figure {
            value,
            // "(2017-2021)" says when; a label such as "undated" would only add noise.
            label: f.label.clone().unwrap_or_else(|| match period.chars().any(|c| c.is_ascii_digit()) {
                true => format!("{} ({period})", text(&ind.title, lang)),
                false => text(&ind.title, lang).to_string(),
            }),
            source: f.source.clone().or_else(|| Some(text(&ind.source.name, lang).to_string())),
        });
    }
    Some(Figure { value: f.value.clone()?, label: f.label.clone()?, source: f.source.clone() })
}

pub fn figures(site: &Site, i: usize) -> Vec<Figure> {
    let page = &site.content.pages[i];
    let Some(c) = &page.front.campaign else { return Vec::new() };
    c.figures.iter().filter_map(|f| figure(site, &page.lang, f)).collect()
}

/// The QR code of `text` as SVG: dark modules as one path, with the standard quiet zone.
pub fn qr_svg(text: &str, label: &str) -> Result<String, String> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| format!("cannot make a QR code of {text}: {e}"))?;
    let width = code.width();
    let size = width + 8;
    let mut path = String::new();
    for (n, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", n % width + 4, n / width + 4));
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
        crate::render::escape_html(label)
    ))
}

struct Fonts {
    regular_uri: String,
    bold_uri: String,
    /// Parsed once: measuring card text asks for thousands of glyph widths.
    regular_face: Option<ttf_parser::Face<'static>>,
    bold_face: Option<ttf_parser::Face<'static>>,
    db: Arc<resvg::usvg::fontdb::Database>,
}

/// The embedded fonts; a site's theme may replace them, but the card is measured and drawn
/// with the built-in pair so that it looks the same on every machine.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let regular = crate::theme::builtin(FONT_REGULAR).expect("the default theme has its font");
        let bold = crate::theme::builtin(FONT_BOLD).expect("the default theme has its bold font");
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(regular.to_vec());
        db.load_font_data(bold.to_vec());
        Fonts {
            regular_uri: data_uri("font/ttf", regular),
            bold_uri: data_uri("font/ttf", bold),
            regular_face: ttf_parser::Face::parse(regular, 0).ok(),
            bold_face: ttf_parser::Face::parse(bold, 0).ok(),
            db: Arc::new(db),
        }
    })
}

/// Width of `text` in the embedded font at `size` px.
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let face = if bold { &fonts().bold_face } else { &fonts().regular_face };
    let Some(face) = face else { return text.chars().count() as f64 * size * 0.6 };
    let units = f64::from(face.units_per_em());
    let advance: f64 = text
        .chars()
        .map(|c| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).map_or(units * 0.6, f64::from))
        .sum();
    advance * size / units
}

/// `text` broken into lines no wider than `width` at `size`.
fn wrap(text: &str, size: f64, bold: bool, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), size, bold) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The largest of `sizes` at which `text` fits in `max_lines` lines, and those lines; the
/// last size (with an ellipsis on the last line) when none does.
fn fit(text: &str, sizes: &[f64], bold: bool, width: f64, max_lines: usize) -> (f64, Vec<String>) {
    for &size in sizes {
        let lines = wrap(text, size, bold, width);
        if lines.len() <= max_lines {
            return (size, lines);
        }
    }
    let size = *sizes.last().unwrap_or(&20.0);
    let mut lines = wrap(text, size, bold, width);
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        last.push('…');
    }
    (size, lines)
}

fn text_block(text: &str, sizes: &[f64], bold: bool, width: f64, max_lines: usize) -> Value {
    let (size, lines) = fit(text, sizes, bold, width, max_lines);
    let mut m = BTreeMap::new();
    m.insert("size", Value::from(size));
    m.insert("lines", Value::from(lines));
    Value::from(m)
}

/// The card SVG rasterised with the embedded fonts.
pub fn card_png(svg: &str) -> Result<Vec<u8>, String> {
    let options =
        resvg::usvg::Options { font_family: FONT_FAMILY.to_string(), fontdb: fonts().db.clone(), ..Default::default() };
    let tree =
        resvg::usvg::Tree::from_str(svg, &options).map_err(|e| format!("the social card is not valid SVG: {e}"))?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(CARD_WIDTH, CARD_HEIGHT).ok_or_else(|| "cannot allocate the card".to_string())?;
    let size = tree.size();
    let scale =
        resvg::tiny_skia::Transform::from_scale(CARD_WIDTH as f32 / size.width(), CARD_HEIGHT as f32 / size.height());
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("cannot encode the card as PNG: {e}"))
}

fn data_uri(mime: &str, bytes: &[u8]) -> String {
    format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// The logo from static/ (or the theme's static files) as a data URI, so a poster is one
/// self-contained file that prints the same from the site, the ZIP or a USB stick.
fn logo(site: &Site) -> Result<Option<String>, String> {
    let Some(rel) = &site.config.logo else { return Ok(None) };
    let mime = match rel.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => return Err(format!("the logo `{rel}` must be an SVG, PNG or JPEG file")),
    };
    let on_disk = site.root.join("static").join(rel);
    let bytes = match std::fs::read(&on_disk) {
        Ok(b) => b,
        Err(_) => match site.theme.get(&format!("static/{rel}")) {
            Some(f) => f.bytes.to_vec(),
            None => return Err(format!("the logo `{rel}` is not in static/")),
        },
    };
    Ok(Some(data_uri(mime, &bytes)))
}

/// Prints standalone HTML documents to PDF with a headless Chromium, reusing earlier PDFs
/// of the same HTML from a cache, and stamping a fixed date so the same HTML gives the same
/// bytes (Chromium writes the time of printing into every PDF).
pub struct Printer {
    pub chromium: PathBuf,
    pub cache: PathBuf,
}

impl Printer {
    pub fn print(&self, html: &str) -> Result<Vec<u8>, String> {
        let key = format!("{:016x}", crate::render::fnv1a(html.as_bytes()));
        let cached = self.cache.join(format!("{key}.pdf"));
        if let Ok(bytes) = std::fs::read(&cached) {
            return Ok(bytes);
        }
        let work = std::env::temp_dir().join(format!("faro-kit-{}-{key}", std::process::id()));
        std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
        let (src, pdf) = (work.join("doc.html"), work.join("doc.pdf"));
        std::fs::write(&src, html).map_err(|e| format!("cannot write {}: {e}", src.display()))?;
        let run = std::process::Command::new(&self.chromium)
            .args(crate::pdf::CHROMIUM_FLAGS)
            .arg("--no-pdf-header-footer")
            .arg(format!("--user-data-dir={}", work.join("profile").display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", src.display()))
            .output();
        let result = match run {
            Ok(o) if o.status.success() && pdf.is_file() => {
                std::fs::read(&pdf).map(|b| fixed_dates(&b)).map_err(|e| format!("cannot read the PDF: {e}"))
            }
            Ok(o) => Err(format!(
                "Chromium could not print: {}",
                String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("no message")
            )),
            Err(e) => Err(format!("cannot run {}: {e}", self.chromium.display())),
        };
        let _ = std::fs::remove_dir_all(&work);
        let bytes = result?;
        // A cache that cannot be written only costs time on the next build.
        let _ = std::fs::create_dir_all(&self.cache).and_then(|_| std::fs::write(&cached, &bytes));
        Ok(bytes)
    }
}

/// Replaces the digits of `/CreationDate (D:…)` and `/ModDate (D:…)` with a fixed date of
/// the same length, so byte offsets in the PDF stay right.
fn fixed_dates(pdf: &[u8]) -> Vec<u8> {
    let mut out = pdf.to_vec();
    for key in [&b"/CreationDate (D:"[..], &b"/ModDate (D:"[..]] {
        let mut from = 0;
        while let Some(at) = out[from..].windows(key.len()).position(|w| w == key).map(|p| p + from + key.len()) {
            for (n, b) in out[at..].iter_mut().take(14).enumerate() {
                if b.is_ascii_digit() {
                    *b = b"20000101000000"[n];
                }
            }
            from = at;
        }
    }
    out
}

/// Writes the kits of the campaigns `wanted` names.
pub fn write_all(
    site: &Site,
    renderer: &Renderer,
    views: &Views,
    out: &dyn Output,
    printer: Option<&Printer>,
    wanted: &dyn Fn(usize) -> bool,
) -> Vec<Diagnostic> {
    let list: Vec<usize> = campaigns(site).filter(|&i| wanted(i)).collect();
    if list.is_empty() {
        return Vec::new();
    }
    let logo = match logo(site) {
        Ok(l) => l,
        Err(message) => {
            let src = std::fs::read_to_string(site.root.join("site.yaml")).unwrap_or_default();
            let line = crate::yaml::locate(&src, &["logo"], 1);
            return vec![Diagnostic::error("logo", site.root.join("site.yaml"), message)
                .at(line, None)
                .hint("put the file in static/ and write its path there, such as `logo: logo.svg`")];
        }
    };
    list.par_iter().flat_map(|&i| write_kit(site, renderer, views, out, printer, logo.as_deref(), i)).collect()
}

fn write_kit(
    site: &Site,
    renderer: &Renderer,
    views: &Views,
    out: &dyn Output,
    printer: Option<&Printer>,
    logo: Option<&str>,
    i: usize,
) -> Vec<Diagnostic> {
    let page = &site.content.pages[i];
    let lang = page.lang.as_str();
    let campaign = page.front.campaign.as_ref().expect("campaigns() has a campaign");
    let c = &site.config;
    let kit = kit_path(site, i);
    let permalink = site_url(&c.base_url, &page.url);
    let mut diags = Vec::new();
    let fail = |diags: &mut Vec<Diagnostic>, message: String| {
        diags.push(Diagnostic::error("kit", &page.source, message));
    };
    let qr = match qr_svg(&permalink, &t(site, lang, "kit_qr_label").replace("{url}", &permalink)) {
        Ok(q) => q,
        Err(e) => {
            fail(&mut diags, e);
            return diags;
        }
    };
    let figures = figures(site, i);
    let figure_values: Vec<Value> = figures
        .iter()
        .map(|f| {
            let mut m = BTreeMap::new();
            m.insert("value", Value::from(f.value.as_str()));
            m.insert("label", Value::from(f.label.as_str()));
            m.insert("source", f.source.as_deref().into());
            Value::from(m)
        })
        .collect();
    let name = |key: &str, ext: &str| file_name(site, lang, key, ext);
    let mut k = BTreeMap::new();
    k.insert("title", Value::from(page.front.title.as_str()));
    k.insert("message", Value::from(campaign.message.as_str()));
    k.insert("figures", Value::from(figure_values));
    k.insert("permalink", Value::from(permalink.as_str()));
    k.insert("display_url", Value::from(permalink.split_once("://").map_or(permalink.as_str(), |(_, r)| r)));
    k.insert("qr", Value::from_safe_string(qr));
    k.insert("logo", logo.map(|l| Value::from_safe_string(l.to_string())).into());
    k.insert("page_url", Value::from(site_url(&c.base_path, &page.url)));
    k.insert("url", Value::from(site_url(&c.base_path, &kit)));
    // Base64 has no character HTML escaping would change; safe strings skip a 150 KB scan.
    k.insert("font_regular", Value::from_safe_string(fonts().regular_uri.clone()));
    k.insert("font_bold", Value::from_safe_string(fonts().bold_uri.clone()));
    // The card's text, measured with the embedded font so nothing overflows 1200×630.
    k.insert("hashtags", Value::from(campaign.hashtags.clone()));
    k.insert("short_post", Value::from(short_post(site, lang, &campaign.message, &permalink, &campaign.hashtags)));
    let org = c.organization.get(lang).or_else(|| c.title.get(lang)).cloned().unwrap_or_default();
    k.insert("card_org", text_block(&org, &[26.0, 22.0, 19.0], false, 1080.0, 1));
    k.insert("card_title", text_block(&page.front.title, &[64.0, 56.0, 48.0, 42.0], true, 1080.0, 3));
    k.insert("card_message", text_block(&campaign.message, &[34.0, 30.0, 27.0], false, 1080.0, 3));
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut docs = Vec::new();
    for (key, layout) in DOCS {
        let mut doc = k.clone();
        doc.insert("layout", Value::from(layout));
        doc.insert("name", Value::from(t(site, lang, &format!("{key}_title"))));
        let context = format!("the {layout} poster of {}", page.rel);
        match renderer.render("kit/poster.html", views.plain_context(site, lang, Value::from(doc)), &context) {
            Ok(html) => docs.push((key, html)),
            Err(d) => diags.push(d),
        }
    }
    let card =
        renderer.render("kit/card.svg", views.plain_context(site, lang, Value::from(k.clone())), "the social card");
    let posts = renderer.render("kit/posts.txt", views.plain_context(site, lang, Value::from(k.clone())), "the posts");
    let (card, posts) = match (card, posts) {
        (Ok(c), Ok(p)) => (c, p),
        (c, p) => {
            diags.extend(c.err());
            diags.extend(p.err());
            return diags;
        }
    };
    if !diags.is_empty() {
        return diags;
    }
    for (key, html) in &docs {
        files.push((name(key, "html"), html.clone().into_bytes()));
    }
    if let Some(printer) = printer {
        for (key, html) in &docs {
            match printer.print(html) {
                Ok(pdf) => files.push((name(key, "pdf"), pdf)),
                Err(e) => fail(&mut diags, format!("{}: {e}", name(key, "pdf"))),
            }
        }
    }
    match card_png(&card) {
        Ok(png) => files.push((name("kit_file_card", "png"), png)),
        Err(e) => fail(&mut diags, e),
    }
    files.push((name("kit_file_card", "svg"), card.into_bytes()));
    files.push((name("kit_file_figures", "csv"), figures_csv(site, lang, &figures).into_bytes()));
    files.push((name("kit_file_posts", "txt"), format!("{posts}\n").into_bytes()));
    let listing: Vec<Value> = files.iter().map(|(n, b)| file_value(site, lang, &kit, n, b.len())).collect();
    let mut readme_ctx = k.clone();
    readme_ctx.insert("files", Value::from(listing.clone()));
    readme_ctx.insert("pdfs", Value::from(printer.is_some()));
    match renderer.render("kit/readme.txt", views.plain_context(site, lang, Value::from(readme_ctx)), "the kit README")
    {
        Ok(readme) => files.push((name("kit_file_readme", "txt"), (readme + "\n").into_bytes())),
        Err(d) => diags.push(d),
    }
    let zip_name = zip_name(site, i);
    let zip = match crate::output::zip(&files) {
        Ok(z) => z,
        Err(e) => {
            fail(&mut diags, format!("cannot make {zip_name}: {e:#}"));
            return diags;
        }
    };
    // The kit page: previews, each file to download, the posts to copy, and the ZIP.
    let mut value = k.clone();
    value.insert("kind", Value::from("kit"));
    value.insert("title", Value::from(t_title(site, i)));
    value.insert("campaign_title", Value::from(page.front.title.as_str()));
    value.insert("permalink", Value::from(site_url(&c.base_url, &kit)));
    value.insert(
        "files",
        Value::from(files.iter().map(|(n, b)| file_value(site, lang, &kit, n, b.len())).collect::<Vec<_>>()),
    );
    value.insert("zip", file_value(site, lang, &kit, &zip_name, zip.len()));
    value.insert("card_url", Value::from(site_url(&c.base_path, &card_png_path(site, i))));
    value.insert("image", Value::from(site_url(&c.base_url, &card_png_path(site, i))));
    value.insert("posts", Value::from(posts));
    value.insert("pdfs", Value::from(printer.is_some()));
    let tr = crate::views::translations_by(site, lang, &|l| {
        page.translations
            .get(l)
            .filter(|&&t| site.content.pages[t].front.campaign.is_some())
            .map(|&t| (kit_path(site, t), t_title(site, t)))
    });
    let html = renderer.render(
        "kit.html",
        views.generated_context(site, lang, Value::from(value), &kit, tr),
        &format!("the kit of {}", page.rel),
    );
    crate::site::emit(out, &format!("{kit}index.html"), &page.source, html, &mut diags);
    for (n, bytes) in files.iter().chain(std::iter::once(&(zip_name.clone(), zip))) {
        if let Err(e) = out.write(&format!("{kit}{n}"), bytes) {
            fail(&mut diags, format!("{e:#}"));
        }
    }
    diags
}

/// A post that fits X's 280 characters (a link counts as 23): the message, the help line,
/// the link and the hashtags. What does not fit goes in this order: the hashtags, a help
/// line too long to leave the message room, then the end of the message.
fn short_post(site: &Site, lang: &str, message: &str, url: &str, hashtags: &[String]) -> String {
    const LIMIT: usize = 280;
    const LINK: usize = 23;
    let call = site
        .config
        .help_lines
        .iter()
        .find_map(|h| h.phone.as_deref())
        .filter(|p| !message.contains(p))
        .map(|p| format!(" {}", t(site, lang, "kit_post_call").replace("{phone}", p)))
        .unwrap_or_default();
    let tags = if hashtags.is_empty() { String::new() } else { format!(" {}", hashtags.join(" ")) };
    let len =
        |m: &str, call: &str, tags: &str| m.chars().count() + call.chars().count() + 1 + LINK + tags.chars().count();
    let tags = if len(message, &call, &tags) <= LIMIT { tags } else { String::new() };
    let call = if call.chars().count() <= LIMIT / 2 { call } else { String::new() };
    let mut message = message.to_string();
    if len(&message, &call, &tags) > LIMIT {
        let keep = LIMIT.saturating_sub(len("", &call, &tags) + 1);
        message = message.chars().take(keep).collect::<String>().trim_end().to_string() + "…";
    }
    format!("{message}{call} {url}{tags}")
}

fn t_title(site: &Site, i: usize) -> String {
    let page = &site.content.pages[i];
    t(site, &page.lang, "kit_title").replace("{title}", &page.front.title)
}

/// A file of the kit as the kit page and README list it: name, URL, kind and size.
fn file_value(site: &Site, lang: &str, kit: &str, name: &str, len: usize) -> Value {
    let ext = name.rsplit('.').next().unwrap_or("");
    let mut m = BTreeMap::new();
    m.insert("name", Value::from(name));
    m.insert("url", Value::from(site_url(&site.config.base_path, &format!("{kit}{name}"))));
    m.insert("ext", Value::from(ext));
    m.insert("kind", Value::from(t(site, lang, &format!("kit_kind_{ext}"))));
    let kib = (len as f64 / 1024.0).ceil().max(1.0);
    m.insert(
        "size",
        Value::from(format!(
            "{} KB",
            crate::indicators::NumberFormat::from_strings(&site.strings[lang]).format(kib, 0)
        )),
    );
    Value::from(m)
}

/// The key figures as CSV, with headers in the page's language.
fn figures_csv(site: &Site, lang: &str, figures: &[Figure]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        t(site, lang, "kit_csv_value"),
        t(site, lang, "kit_csv_label"),
        t(site, lang, "kit_csv_source"),
    ]);
    for f in figures {
        let _ = w.write_record([f.value.as_str(), f.label.as_str(), f.source.as_deref().unwrap_or("")]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let lines =
            wrap("La trata es un delito que se esconde; denunciar es gratis y confidencial", 34.0, false, 500.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 34.0, false) <= 500.0), "{lines:?}");
    }

    #[test]
    fn a_long_title_gets_a_smaller_size_then_an_ellipsis() {
        let (size, lines) = fit("Corto", &[64.0, 48.0], true, 1080.0, 3);
        assert_eq!((size, lines.len()), (64.0, 1));
        let long = "palabra ".repeat(80);
        let (size, lines) = fit(&long, &[64.0, 48.0], true, 1080.0, 3);
        assert_eq!(size, 48.0);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn pdf_dates_are_fixed_without_moving_bytes() {
        let pdf = b"<</CreationDate (D:20261123141946+00'00')\n/ModDate (D:20261123141947+00'00')>>";
        let fixed = fixed_dates(pdf);
        assert_eq!(fixed.len(), pdf.len());
        let text = String::from_utf8(fixed).unwrap();
        assert!(text.contains("/CreationDate (D:20000101000000+00'00')"), "{text}");
        assert!(text.contains("/ModDate (D:20000101000000+00'00')"), "{text}");
    }

    #[test]
    fn the_qr_svg_has_the_quiet_zone_and_a_label() {
        let svg = qr_svg("https://example.org/es/", "Código QR").unwrap();
        // Version 2 (25 modules) for this length at level M, plus 4 modules on each side.
        assert!(svg.contains("viewBox=\"0 0 33 33\""), "{svg}");
        assert!(svg.contains("aria-label=\"Código QR\""));
    }
}
