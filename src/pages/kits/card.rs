//! The drawn parts of a kit: the QR code, and the social card's text measured with the
//! embedded font so nothing overflows 1200×630, then rasterised to PNG with resvg (never
//! with system fonts, so the card looks the same on every machine).

use crate::messages::Said;
use base64::Engine;
use serde::Serialize;
use std::sync::{Arc, OnceLock};

const CARD_WIDTH: u32 = 1200;
const CARD_HEIGHT: u32 = 630;
const FONT_REGULAR: &str = "fonts/DejaVuSans.ttf";
const FONT_BOLD: &str = "fonts/DejaVuSans-Bold.ttf";
const FONT_FAMILY: &str = "DejaVu Sans";

/// The QR code of `text` as SVG: dark modules as one path, with the standard quiet zone.
pub(crate) fn qr_svg(text: &str, label: &str) -> Result<String, Said> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| Said::new("kit-qr-failed", &[("text", text), ("error", &e.to_string())]))?;
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
        crate::escape::html(label)
    ))
}

pub(crate) struct Fonts {
    pub(crate) regular_uri: String,
    pub(crate) bold_uri: String,
    /// Parsed once: measuring card text asks for thousands of glyph widths.
    regular_face: Option<ttf_parser::Face<'static>>,
    bold_face: Option<ttf_parser::Face<'static>>,
    db: Arc<resvg::usvg::fontdb::Database>,
}

/// The embedded fonts; a site's theme may replace them, but the card is measured and drawn
/// with the built-in pair so that it looks the same on every machine.
pub(crate) fn fonts() -> &'static Fonts {
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
    crate::text::wrap(text, width, &|s| text_width(s, size, bold))
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

/// Text fitted to a box of the card: the size chosen and the lines.
#[derive(Serialize, Clone)]
pub(crate) struct TextBlock {
    size: f64,
    lines: Vec<String>,
}

pub(crate) fn text_block(text: &str, sizes: &[f64], bold: bool, width: f64, max_lines: usize) -> TextBlock {
    let (size, lines) = fit(text, sizes, bold, width, max_lines);
    TextBlock { size, lines }
}

/// The card SVG rasterised with the embedded fonts.
pub(crate) fn card_png(svg: &str) -> Result<Vec<u8>, Said> {
    let options =
        resvg::usvg::Options { font_family: FONT_FAMILY.to_string(), fontdb: fonts().db.clone(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|e| Said::new("kit-card-bad-svg", &[("error", &e.to_string())]))?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(CARD_WIDTH, CARD_HEIGHT).ok_or_else(|| Said::new("kit-card-no-memory", &[]))?;
    let size = tree.size();
    let scale =
        resvg::tiny_skia::Transform::from_scale(CARD_WIDTH as f32 / size.width(), CARD_HEIGHT as f32 / size.height());
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Said::new("kit-card-png-failed", &[("error", &e.to_string())]))
}

pub(crate) fn data_uri(mime: &str, bytes: &[u8]) -> String {
    format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
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
    fn the_qr_svg_has_the_quiet_zone_and_a_label() {
        let svg = qr_svg("https://example.org/es/", "Código QR").unwrap();
        // Version 2 (25 modules) for this length at level M, plus 4 modules on each side.
        assert!(svg.contains("viewBox=\"0 0 33 33\""), "{svg}");
        assert!(svg.contains("aria-label=\"Código QR\""));
    }
}
