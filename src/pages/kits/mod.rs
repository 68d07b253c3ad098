//! Campaign kits. Every page with a `campaign:` block gets, in its language, a folder of
//! print and social material: an A4 and an A3 poster and a half-page flyer (standalone HTML
//! laid out for print, and PDFs when Chromium is found), a 1200×630 social card in SVG and
//! PNG (also the page's Open Graph image), the key figures as CSV, texts for posts, a README
//! on printing, and one ZIP of it all. The QR codes lead to the page's absolute URL.

mod card;

use super::views::{breadcrumb_to, safe, translations_by, value};
use super::{Cx, File};
use crate::content::{CampaignFigure, PageId};
use crate::diagnostics::{Code, Diagnostic};
use crate::escape::csv_cell;
use crate::i18n::{pick, NumberFormat};
use crate::messages::Said;
use crate::model::Site;
use crate::urls::{file_in, kit_zip_name, output_file, site_url};
use card::{card_png, data_uri, fonts, qr_svg, text_block, TextBlock};
use minijinja::Value;
use rayon::prelude::*;
use serde::Serialize;

/// The printed documents of a kit: (theme string naming the file, layout).
const DOCS: [(&str, &str); 3] =
    [("kit_file_poster_a4", "a4"), ("kit_file_poster_a3", "a3"), ("kit_file_flyer", "flyer")];

/// One key figure as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct Figure {
    value: String,
    label: String,
    source: Option<String>,
}

/// What a kit's templates see, the kit page included: the campaign, its figures, the QR
/// code, the fonts, the card's fitted text. Each document adds what it alone needs.
#[derive(Serialize, Clone)]
struct KitView {
    title: String,
    message: String,
    figures: Vec<Figure>,
    permalink: String,
    display_url: String,
    qr: Value,
    logo: Option<Value>,
    page_url: String,
    url: String,
    font_regular: Value,
    font_bold: Value,
    hashtags: Vec<String>,
    short_post: String,
    card_org: TextBlock,
    card_title: TextBlock,
    card_message: TextBlock,
    // Each of the following belongs to some of the documents only.
    #[serde(skip_serializing_if = "Option::is_none")]
    layout: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    campaign_title: Option<String>,
    /// The kit page's: every section above the campaign, then the campaign.
    #[serde(skip_serializing_if = "Option::is_none")]
    breadcrumb: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    files: Option<Vec<FileView>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    zip: Option<FileView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    card_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    posts: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pdfs: Option<bool>,
}

/// A file of the kit as the kit page and README list it: name, URL, kind and size.
#[derive(Serialize, Clone)]
struct FileView {
    name: String,
    url: String,
    ext: String,
    kind: String,
    size: String,
}

/// The kits of the campaigns in scope; a kit page shows its campaign's title, so a preview
/// edit of a campaign page redoes its kit.
pub(crate) fn files<'a>(cx: Cx<'a>) -> impl ParallelIterator<Item = File<'a>> + 'a {
    let site = cx.site;
    let mut list: Vec<PageId> =
        site.content.iter().filter(|(i, p)| p.front.campaign.is_some() && cx.scope.page(*i)).map(|(i, _)| i).collect();
    // The logo is read only when there are kits to print it on; without it there are none.
    let (logo, failed) = match if list.is_empty() { Ok(None) } else { logo(site) } {
        Ok(logo) => (logo, None),
        Err(said) => {
            list.clear();
            let d = Diagnostic::error_said(Code::Logo, site.root.join("site.yaml"), said)
                .at_point(site.config.lines.logo)
                .hint_said(Said::new("kit-logo-hint", &[]));
            (None, Some(File::failed("logo".into(), d)))
        }
    };
    list.into_par_iter().flat_map_iter(move |i| kit(cx, logo.as_deref(), i)).chain(failed.into_par_iter())
}

/// The logo from static/ (or the theme's static files) as a data URI, so a poster is one
/// self-contained file that prints the same from the site, the ZIP or a USB stick.
fn logo(site: &Site) -> Result<Option<String>, Said> {
    let Some(rel) = &site.config.logo else { return Ok(None) };
    let mime = match rel.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => return Err(Said::new("kit-logo-bad-type", &[("logo", rel)])),
    };
    // A path below static/, read only from inside the site (a link out is refused).
    if std::path::Path::new(rel)
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_) | std::path::Component::CurDir))
    {
        return Err(Said::new("kit-logo-bad-path", &[("logo", rel)]));
    }
    let on_disk = site.root.join("static").join(rel);
    let bytes = match crate::sources::place(&site.root, &on_disk) {
        Ok((real, crate::sources::Kind::File)) => std::fs::read(real)
            .map_err(|e| Said::new("kit-logo-unreadable", &[("logo", rel), ("error", &e.to_string())]))?,
        Err(crate::sources::Refusal::Outside) => return Err(Said::new("kit-logo-outside", &[("logo", rel)])),
        Err(crate::sources::Refusal::Special(what)) => {
            // Said by kind in the catalogs: `sources` names it in English.
            let kind = match what {
                "a FIFO (named pipe)" => "fifo",
                "a socket" => "socket",
                "a device" => "device",
                _ => "other",
            };
            return Err(Said::new("kit-logo-special", &[("logo", rel), ("kind", kind)]));
        }
        _ => match site.theme.get(&format!("static/{rel}")) {
            Some(f) => f.bytes.to_vec(),
            None => return Err(Said::new("kit-logo-missing", &[("logo", rel)])),
        },
    };
    // Printed on every poster: without the metadata a photo of the logo may carry.
    let bytes = match mime {
        "image/svg+xml" => bytes,
        _ => crate::images::stripped_bytes(&bytes).map_err(|why| why.said())?,
    };
    Ok(Some(data_uri(mime, &bytes)))
}

/// A figure as printed, in `lang`; None for an indicator with no total.
fn figure(site: &Site, lang: &str, f: &CampaignFigure) -> Option<Figure> {
    if let Some(id) = &f.indicator {
        let ind = site.indicator(id)?;
        let (value, period) = super::views::indicators::latest(site, ind, lang)?;
        return Some(Figure {
            value,
            // "(2017-2021)" says when; a label such as "undated" would only add noise.
            label: f.label.clone().unwrap_or_else(|| match period.chars().any(|c| c.is_ascii_digit()) {
                true => format!("{} ({period})", pick(&ind.title, lang)),
                false => pick(&ind.title, lang).to_string(),
            }),
            source: f.source.clone().or_else(|| Some(pick(&ind.source.name, lang).to_string())),
        });
    }
    Some(Figure { value: f.value.clone()?, label: f.label.clone()?, source: f.source.clone() })
}

fn base_view(site: &Site, i: PageId, logo: Option<&str>, qr: String, figures: Vec<Figure>) -> KitView {
    let page = &site.content[i];
    let (lang, c) = (page.lang.as_str(), &site.config);
    let campaign = page.front.campaign.as_ref().expect("kits are made for campaigns");
    let permalink = site_url(&c.base_url, &page.url);
    let org = c.organization.get(lang).or_else(|| c.title.get(lang)).cloned().unwrap_or_default();
    KitView {
        title: page.front.title.clone(),
        message: campaign.message.clone(),
        figures,
        display_url: permalink.split_once("://").map_or(permalink.as_str(), |(_, r)| r).to_string(),
        qr: safe(qr),
        logo: logo.map(|l| safe(l.to_string())),
        page_url: site_url(&c.base_path, &page.url),
        url: site_url(&c.base_path, &site.paths().kit(&page.url, lang)),
        // Base64 has no character HTML escaping would change; safe strings skip a 150 KB scan.
        font_regular: safe(fonts().regular_uri.clone()),
        font_bold: safe(fonts().bold_uri.clone()),
        hashtags: campaign.hashtags.clone(),
        short_post: short_post(site, lang, &campaign.message, &permalink, &campaign.hashtags),
        // The card's text, measured with the embedded font so nothing overflows 1200×630.
        card_org: text_block(&org, &[26.0, 22.0, 19.0], false, 1080.0, 1),
        card_title: text_block(&page.front.title, &[64.0, 56.0, 48.0, 42.0], true, 1080.0, 3),
        card_message: text_block(&campaign.message, &[34.0, 30.0, 27.0], false, 1080.0, 3),
        permalink,
        layout: None,
        name: None,
        kind: None,
        campaign_title: None,
        breadcrumb: None,
        files: None,
        zip: None,
        card_url: None,
        image: None,
        posts: None,
        pdfs: None,
    }
}

/// The files of one campaign's kit, or why it could not be made.
fn kit<'a>(cx: Cx<'a>, logo: Option<&str>, i: PageId) -> Vec<File<'a>> {
    let site = cx.site;
    let page = &site.content[i];
    let lang = page.lang.as_str();
    let kit = site.paths().kit(&page.url, lang);
    let fail = |said: Said| File::failed(kit.clone(), Diagnostic::error_said(Code::Kit, &page.source, said));
    let permalink = site_url(&site.config.base_url, &page.url);
    let qr = match qr_svg(&permalink, &site.t(lang, "kit_qr_label").replace("{url}", &permalink)) {
        Ok(q) => q,
        Err(e) => return vec![fail(e)],
    };
    let figures = page
        .front
        .campaign
        .iter()
        .flat_map(|c| c.figures.iter().filter_map(|f| figure(site, lang, f)))
        .collect::<Vec<_>>();
    let k = base_view(site, i, logo, qr, figures.clone());
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (key, layout) in DOCS {
        let doc = KitView { layout: Some(layout), name: Some(site.t(lang, &format!("{key}_title"))), ..k.clone() };
        let context = format!("the {layout} poster of {}", page.rel);
        match cx.renderer.render("kit/poster.html", cx.views.plain_context(site, lang, doc), &context) {
            Ok(html) => docs.push((key, html)),
            Err(d) => errors.push(d),
        }
    }
    let card = cx.renderer.render("kit/card.svg", cx.views.plain_context(site, lang, k.clone()), "the social card");
    let posts = cx.renderer.render("kit/posts.txt", cx.views.plain_context(site, lang, k.clone()), "the posts");
    let (card, posts) = match (card, posts) {
        (Ok(c), Ok(p)) if errors.is_empty() => (c, p),
        (c, p) => {
            errors.extend(c.err());
            errors.extend(p.err());
            return errors.into_iter().map(|d| File::failed(kit.clone(), d)).collect();
        }
    };
    let name = |key: &str, ext: &str| site.paths().kit_file(lang, key, ext);
    let mut out = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> =
        docs.iter().map(|(key, html)| (name(key, "html"), html.clone().into_bytes())).collect();
    if let Some(printer) = cx.printer {
        for (key, html) in &docs {
            match printer.print(html) {
                Ok(pdf) => files.push((name(key, "pdf"), pdf)),
                Err(mut said) => {
                    said.args.insert(0, ("file", name(key, "pdf")));
                    out.push(fail(said))
                }
            }
        }
    }
    match card_png(&card) {
        Ok(png) => files.push((name("kit_file_card", "png"), png)),
        Err(e) => out.push(fail(e)),
    }
    files.push((name("kit_file_card", "svg"), card.into_bytes()));
    files.push((name("kit_file_figures", "csv"), figures_csv(site, lang, &figures).into_bytes()));
    files.push((name("kit_file_posts", "txt"), format!("{posts}\n").into_bytes()));
    let listing: Vec<FileView> = files.iter().map(|(n, b)| file_view(site, lang, &kit, n, b.len())).collect();
    let readme = KitView { files: Some(listing), pdfs: Some(cx.printer.is_some()), ..k.clone() };
    match cx.renderer.render("kit/readme.txt", cx.views.plain_context(site, lang, readme), "the kit README") {
        Ok(readme) => files.push((name("kit_file_readme", "txt"), (readme + "\n").into_bytes())),
        Err(d) => out.push(File::failed(kit.clone(), d)),
    }
    let zip_name = kit_zip_name(&page.url, lang);
    let zip = match crate::output::zip(&files) {
        Ok(z) => z,
        Err(e) => {
            out.push(fail(Said::new("kit-zip-failed", &[("zip", &zip_name), ("error", &format!("{e:#}"))])));
            return out;
        }
    };
    out.push(kit_page(cx, i, k, &files, (&zip_name, zip.len()), posts));
    out.extend(files.into_iter().map(|(n, bytes)| File::bytes(file_in(&kit, &n), page.source.as_path(), bytes)));
    out.push(File::bytes(file_in(&kit, &zip_name), page.source.as_path(), zip));
    out
}

/// The kit page: previews, each file to download, the posts to copy, and the ZIP.
fn kit_page<'a>(
    cx: Cx<'a>,
    i: PageId,
    k: KitView,
    files: &[(String, Vec<u8>)],
    zip: (&str, usize),
    posts: String,
) -> File<'a> {
    let site = cx.site;
    let page = &site.content[i];
    let lang = page.lang.as_str();
    let (c, paths) = (&site.config, site.paths());
    let kit = paths.kit(&page.url, lang);
    let card = paths.card_png(&page.url, lang);
    let view = KitView {
        kind: Some("kit"),
        title: t_title(site, i),
        campaign_title: Some(page.front.title.clone()),
        breadcrumb: Some(value(breadcrumb_to(site, i))),
        permalink: site_url(&c.base_url, &kit),
        files: Some(files.iter().map(|(n, b)| file_view(site, lang, &kit, n, b.len())).collect()),
        zip: Some(file_view(site, lang, &kit, zip.0, zip.1)),
        card_url: Some(site_url(&c.base_path, &card)),
        image: Some(site_url(&c.base_url, &card)),
        posts: Some(posts),
        pdfs: Some(cx.printer.is_some()),
        ..k
    };
    let tr = translations_by(site, lang, &|l| {
        page.translations
            .get(l)
            .filter(|&&t| site.content[t].front.campaign.is_some())
            .map(|&t| (paths.kit(&site.content[t].url, &site.content[t].lang), t_title(site, t)))
    });
    let ctx = cx.views.generated_context(site, lang, view, &kit, tr);
    let html = cx.renderer.render("kit.html", ctx, &format!("the kit of {}", page.rel));
    File::text(output_file(&kit), page.source.as_path(), html)
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
        .map(|p| format!(" {}", site.t(lang, "kit_post_call").replace("{phone}", p)))
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

fn t_title(site: &Site, i: PageId) -> String {
    let page = &site.content[i];
    site.t(&page.lang, "kit_title").replace("{title}", &page.front.title)
}

fn file_view(site: &Site, lang: &str, kit: &str, name: &str, len: usize) -> FileView {
    let ext = name.rsplit('.').next().unwrap_or("");
    let kib = (len as f64 / 1024.0).ceil().max(1.0);
    FileView {
        name: name.to_string(),
        url: site_url(&site.config.base_path, &file_in(kit, name)),
        ext: ext.to_string(),
        kind: site.t(lang, &format!("kit_kind_{ext}")),
        size: format!("{} KB", NumberFormat::from_strings(&site.strings[lang]).format(kib, 0)),
    }
}

/// The key figures as CSV, with headers in the page's language, every cell safe to open
/// in a spreadsheet (a value that is a plain number stays one).
fn figures_csv(site: &Site, lang: &str, figures: &[Figure]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let head = [site.t(lang, "kit_csv_value"), site.t(lang, "kit_csv_label"), site.t(lang, "kit_csv_source")];
    let _ = w.write_record(head.iter().map(|h| csv_cell(h)));
    for f in figures {
        let cells = [f.value.as_str(), f.label.as_str(), f.source.as_deref().unwrap_or("")];
        let _ = w.write_record(cells.map(csv_cell));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
