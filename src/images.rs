//! Responsive images, the one home of the `image` crate. Every JPEG and PNG beside the pages
//! is published without its metadata (EXIF with its GPS position, XMP, IPTC, comments: a
//! photo must never tell a reader where it was taken), turned upright by its EXIF
//! orientation first, and in the widths of `WIDTHS` that are narrower than it, each also as
//! WebP, so a phone on a slow connection loads the smallest that fills its column.
//!
//! Made once per source: the results are kept in `.faro/images/` of the site by a hash of
//! the source's bytes and the settings, so a rebuild decodes and encodes nothing. SVG and
//! GIF files are published as they are (`process` is never asked about them).

mod strip;

use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader};
use rayon::prelude::*;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;

/// Where made images are kept between builds, beside the PDF cache.
pub(crate) const IMAGE_CACHE: &str = ".faro/images";

/// The widths published, in CSS pixels at 1x and 2x of the theme's content column.
pub(crate) const WIDTHS: [u32; 3] = [360, 720, 1200];

/// The `sizes` of every image: the theme's content column (`.wrap`, `max-width: 44rem`
/// with 1rem of padding each side, in faro.css).
pub(crate) const SIZES: &str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

const JPEG_QUALITY: u8 = 80;
/// The original re-encoded only when it must be turned upright (else its bytes are kept).
const JPEG_QUALITY_ORIGINAL: u8 = 90;

const PNG_COMPRESSION: image::codecs::png::CompressionType = image::codecs::png::CompressionType::Best;

/// Changes whenever the same source would be made into other bytes: part of each cache key.
const VERSION: &str = "faro-images 1";

/// A made file: in the cache folder, or in memory when there is no cache to use.
#[derive(Debug, Clone)]
pub(crate) enum Stored {
    Cached(PathBuf),
    Memory(Arc<Vec<u8>>),
}

/// One published width of an image: in its own format, and as WebP when every WebP of the
/// image is smaller than its counterpart (the WebP encoder is lossless: for photos it is
/// often larger than the JPEG, and a `<source>` must offer every width or none).
#[derive(Debug, Clone)]
pub(crate) struct Size {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) main: Stored,
    pub(crate) webp: Option<Stored>,
}

/// An image made: the original without metadata, and its widths.
#[derive(Debug, Clone)]
pub(crate) struct Made {
    /// The start of the cache key, for the addresses' `?v=`: a photo replaced under the same
    /// name gets new addresses, so no browser or proxy keeps showing the old one.
    pub(crate) version: String,
    pub(crate) original: Stored,
    /// Narrowest first; the last is the original's width capped at the widest of `WIDTHS`.
    pub(crate) sizes: Vec<Size>,
}

impl Made {
    pub(crate) fn has_webp(&self) -> bool {
        self.sizes.iter().all(|s| s.webp.is_some())
    }
}

/// The images of a site's files beside pages, by index into `Content::assets`: `None` for
/// files that are no JPEG or PNG, `Err` with why for one that cannot be read.
#[derive(Debug, Default)]
pub(crate) struct Images {
    pub(crate) by_asset: Vec<Option<Result<Made, Unreadable>>>,
    /// How many were made and how many taken from the cache.
    pub(crate) made: usize,
    pub(crate) reused: usize,
}

impl Images {
    pub(crate) fn get(&self, asset: usize) -> Option<&Result<Made, Unreadable>> {
        self.by_asset.get(asset).and_then(Option::as_ref)
    }
}

/// Why an image is not published.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Unreadable {
    /// Named `.jpg`, `.jpeg` or `.png`, but neither.
    NotJpegOrPng,
    /// Cut short, or its structure broken.
    Damaged,
    /// What the decoder or the file system said.
    Broken(String),
}

impl From<String> for Unreadable {
    fn from(error: String) -> Unreadable {
        Unreadable::Broken(error)
    }
}

/// A decoder's error: a file that ends early or breaks its format is damaged; the rest
/// (too large for the memory limit, an unsupported variant) is said as the decoder says it.
fn decoding(e: image::ImageError) -> Unreadable {
    match e {
        image::ImageError::Decoding(_) => Unreadable::Damaged,
        image::ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => Unreadable::Damaged,
        other => Unreadable::Broken(other.to_string()),
    }
}

impl Unreadable {
    /// The error at the image's file, with what to do about it.
    pub(crate) fn diagnostic(&self, path: &Path) -> crate::diagnostics::Diagnostic {
        use crate::diagnostics::{Code, Diagnostic};
        let hint = crate::messages::Said::new("image-unreadable-hint", &[]);
        Diagnostic::error_said(Code::Io, path, self.said()).hint_said(hint)
    }

    pub(crate) fn said(&self) -> crate::messages::Said {
        use crate::messages::Said;
        match self {
            Unreadable::NotJpegOrPng => Said::new("image-not-jpeg-or-png", &[]),
            Unreadable::Damaged => Said::new("image-damaged", &[]),
            Unreadable::Broken(error) => Said::new("image-unreadable", &[("error", error)]),
        }
    }
}

/// Whether a file is one this module makes sizes of, by its name.
pub(crate) fn is_raster(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["jpg", "jpeg", "png"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The URL of a width of the image at `url` (`es/foto.jpg` → `es/foto-360w.jpg`), in its
/// own format, or WebP with the source's extension kept (`es/foto-360w.jpg.webp`), so that
/// `foto.jpg` and `foto.png` in one folder do not both write `foto-360w.webp`.
pub(crate) fn size_url(url: &str, width: u32, webp: bool) -> String {
    let (stem, ext) = url.rsplit_once('.').filter(|(s, _)| !s.ends_with('/')).unwrap_or((url, ""));
    let webp = if webp { ".webp" } else { "" };
    format!("{stem}-{width}w.{ext}{webp}")
}

/// The widths an image of `width` is published in: those of `WIDTHS` narrower than it,
/// then its own width capped at the widest.
pub(crate) fn widths(width: u32) -> Vec<u32> {
    let top = width.min(WIDTHS[WIDTHS.len() - 1]);
    WIDTHS.iter().copied().filter(|&w| w < top).chain(std::iter::once(top)).collect()
}

/// Makes (or takes from `cache`) every JPEG and PNG among `sources`, on all cores.
pub(crate) fn process(sources: &[&Path], cache: Option<&Path>) -> Images {
    let (made, reused) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let by_asset = sources
        .par_iter()
        .map(|path| {
            if !is_raster(path) {
                return None;
            }
            Some(one(path, cache, (&made, &reused)))
        })
        .collect();
    Images { by_asset, made: made.into_inner(), reused: reused.into_inner() }
}

fn one(path: &Path, cache: Option<&Path>, counts: (&AtomicUsize, &AtomicUsize)) -> Result<Made, Unreadable> {
    let bytes = std::fs::read(path).map_err(|e| Unreadable::Broken(e.to_string()))?;
    let key = key(&bytes);
    let mut made = match cache.and_then(|c| cached(&c.join(&key))) {
        Some(hit) => {
            counts.1.fetch_add(1, Relaxed);
            hit
        }
        None => {
            let fresh = make(&bytes)?;
            counts.0.fetch_add(1, Relaxed);
            // A cache that cannot be written only costs time on the next build.
            match cache.map(|c| save(c, &key, &fresh)) {
                Some(Ok(hit)) => hit,
                _ => in_memory(fresh),
            }
        }
    };
    made.version = key[..8].to_string();
    Ok(made)
}

/// The cache key: the settings and the source's bytes, hashed, and their length.
fn key(bytes: &[u8]) -> String {
    let settings = format!("{VERSION} {WIDTHS:?} q{JPEG_QUALITY} q{JPEG_QUALITY_ORIGINAL} png-best webp-lossless\n");
    let mut all = settings.into_bytes();
    all.extend_from_slice(bytes);
    format!("{:016x}-{}", crate::hash::fnv1a(&all), bytes.len())
}

/// What `make` gives before it is stored.
struct Fresh {
    width: u32,
    height: u32,
    ext: &'static str,
    original: Vec<u8>,
    sizes: Vec<FreshSize>,
}

/// Width, height, the image in its own format, and as WebP when that is kept.
type FreshSize = (u32, u32, Vec<u8>, Option<Vec<u8>>);

/// An image read as far as its header: its kind (`jpg` or `png`, by its bytes, not its
/// name), its EXIF orientation, its colour profile and the decoder of its pixels.
struct Opened<D> {
    ext: &'static str,
    orientation: image::metadata::Orientation,
    icc: Option<Vec<u8>>,
    decoder: D,
}

fn open(bytes: &[u8]) -> Result<Opened<impl ImageDecoder + '_>, Unreadable> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| e.to_string())?;
    let ext = match reader.format() {
        Some(ImageFormat::Jpeg) => "jpg",
        Some(ImageFormat::Png) => "png",
        _ => return Err(Unreadable::NotJpegOrPng),
    };
    let mut decoder = reader.into_decoder().map_err(decoding)?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    Ok(Opened { ext, orientation, icc, decoder })
}

/// Decodes, turns upright, strips and resizes one image.
fn make(bytes: &[u8]) -> Result<Fresh, Unreadable> {
    let Opened { ext, orientation, icc, decoder } = open(bytes)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(decoding)?;
    let upright = orientation == image::metadata::Orientation::NoTransforms;
    img.apply_orientation(orientation);
    let (width, height) = (img.width(), img.height());
    let original = original(bytes, ext, (!upright).then_some(&img), icc.clone())?;
    let mut sizes = Vec::new();
    for w in widths(width) {
        let h = ((height as u64 * w as u64 + width as u64 / 2) / width as u64).max(1) as u32;
        let resized;
        let at = if w == width {
            &img
        } else {
            resized = img.resize_exact(w, h, image::imageops::FilterType::Lanczos3);
            &resized
        };
        let main =
            if ext == "jpg" { encode_jpeg(at, JPEG_QUALITY, icc.clone())? } else { encode_png(at, icc.clone())? };
        let webp = encode_webp(at, icc.clone())?;
        sizes.push((w, h, main, Some(webp)));
    }
    if sizes.iter().any(|(_, _, main, webp)| webp.as_ref().is_some_and(|v| v.len() > main.len())) {
        for s in &mut sizes {
            s.3 = None;
        }
    }
    Ok(Fresh { width, height, ext, original, sizes })
}

/// The original kept as it is, less its metadata; re-encoded only when `upright` (the
/// image turned by its EXIF orientation) is given, since without EXIF the tag is gone.
fn original(
    bytes: &[u8],
    ext: &str,
    upright: Option<&DynamicImage>,
    icc: Option<Vec<u8>>,
) -> Result<Vec<u8>, Unreadable> {
    match (upright, ext) {
        (None, "jpg") => strip::jpeg(bytes),
        (None, _) => strip::png(bytes),
        (Some(img), "jpg") => Ok(encode_jpeg(img, JPEG_QUALITY_ORIGINAL, icc)?),
        (Some(img), _) => Ok(encode_png(img, icc)?),
    }
}

/// A JPEG or PNG of static/ without its metadata, turned upright if its EXIF says so.
/// Only a turned one is decoded; the rest costs a read and a copy on each build.
pub(crate) fn stripped(path: &Path) -> Result<Vec<u8>, Unreadable> {
    stripped_bytes(&std::fs::read(path).map_err(|e| Unreadable::Broken(e.to_string()))?)
}

/// `stripped`, of bytes read already (a kit's logo).
pub(crate) fn stripped_bytes(bytes: &[u8]) -> Result<Vec<u8>, Unreadable> {
    let Opened { ext, orientation, icc, decoder } = open(bytes)?;
    if orientation == image::metadata::Orientation::NoTransforms {
        return original(bytes, ext, None, None);
    }
    let mut img = DynamicImage::from_decoder(decoder).map_err(decoding)?;
    img.apply_orientation(orientation);
    original(bytes, ext, Some(&img), icc)
}

fn encode_jpeg(img: &DynamicImage, quality: u8, icc: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
    let img = match img {
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => std::borrow::Cow::Borrowed(img),
        other => std::borrow::Cow::Owned(DynamicImage::ImageRgb8(other.to_rgb8())),
    };
    let mut out = Vec::new();
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
    write(enc, &img, icc)?;
    Ok(out)
}

fn encode_png(img: &DynamicImage, icc: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    // The crate's default is its fastest level; a PNG is made once and downloaded often.
    let enc = image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        PNG_COMPRESSION,
        image::codecs::png::FilterType::Adaptive,
    );
    write(enc, img, icc)?;
    Ok(out)
}

fn encode_webp(img: &DynamicImage, icc: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
    // The encoder takes 8-bit RGB or RGBA only.
    let img = if img.color().has_alpha() {
        DynamicImage::ImageRgba8(img.to_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.to_rgb8())
    };
    let mut out = Vec::new();
    let enc = image::codecs::webp::WebPEncoder::new_lossless(&mut out);
    write(enc, &img, icc)?;
    Ok(out)
}

/// Writes the pixels alone: the colour profile, so colours stay right, and nothing else.
fn write(mut enc: impl ImageEncoder, img: &DynamicImage, icc: Option<Vec<u8>>) -> Result<(), String> {
    if let Some(icc) = icc {
        let _ = enc.set_icc_profile(icc); // an encoder without profiles writes sRGB
    }
    enc.write_image(img.as_bytes(), img.width(), img.height(), img.color().into()).map_err(|e| e.to_string())
}

/// The file names of an entry of the cache, beside its `meta`.
fn names(ext: &str, sizes: &[(u32, bool)]) -> (String, Vec<(String, Option<String>)>) {
    let sized = sizes.iter().map(|&(w, webp)| (format!("{w}.{ext}"), webp.then(|| format!("{w}.webp")))).collect();
    (format!("original.{ext}"), sized)
}

/// An entry of the cache, if it is whole: `meta` (written last) says what it holds, and
/// every file it names is a plain file (a link could lead out of the site).
fn cached(entry: &Path) -> Option<Made> {
    let meta = entry.join("meta");
    if !crate::sources::is_plain_file(&meta) {
        return None;
    }
    let text = std::fs::read_to_string(&meta).ok()?;
    let mut lines = text.lines();
    if lines.next()? != VERSION {
        return None;
    }
    let head: Vec<&str> = lines.next()?.split(' ').collect();
    let [ext, width, height] = head[..] else { return None };
    // The upright size, for whoever reads the cache; the sizes say what is published.
    let _: (u32, u32) = (width.parse().ok()?, height.parse().ok()?);
    let mut sizes = Vec::new();
    for line in lines {
        let parts: Vec<&str> = line.split(' ').collect();
        let [w, h, webp] = parts[..] else { return None };
        sizes.push((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?, webp == "webp"));
    }
    let (original, sized) = names(ext, &sizes.iter().map(|&(w, _, webp)| (w, webp)).collect::<Vec<_>>());
    let file = |name: &str| Some(entry.join(name)).filter(|p| crate::sources::is_plain_file(p)).map(Stored::Cached);
    let mut made = Made { version: String::new(), original: file(&original)?, sizes: Vec::new() };
    for ((w, h, _), (main, webp)) in sizes.into_iter().zip(sized) {
        let webp = match webp {
            Some(name) => Some(file(&name)?),
            None => None,
        };
        made.sizes.push(Size { width: w, height: h, main: file(&main)?, webp });
    }
    (!made.sizes.is_empty()).then_some(made)
}

/// Writes a made image into the cache: into a folder of its own first, renamed into place
/// once whole, so a build stopped half-way leaves no entry that looks complete.
fn save(cache: &Path, key: &str, fresh: &Fresh) -> std::io::Result<Made> {
    let entry = cache.join(key);
    let work = cache.join(format!(".{key}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let sizes: Vec<(u32, bool)> = fresh.sizes.iter().map(|s| (s.0, s.3.is_some())).collect();
    let (original, sized) = names(fresh.ext, &sizes);
    std::fs::write(work.join(&original), &fresh.original)?;
    let mut meta = format!("{VERSION}\n{} {} {}\n", fresh.ext, fresh.width, fresh.height);
    for ((w, h, main, webp), (main_name, webp_name)) in fresh.sizes.iter().zip(&sized) {
        std::fs::write(work.join(main_name), main)?;
        if let (Some(webp), Some(name)) = (webp, webp_name) {
            std::fs::write(work.join(name), webp)?;
        }
        meta.push_str(&format!("{w} {h} {}\n", if webp.is_some() { "webp" } else { "-" }));
    }
    std::fs::write(work.join("meta"), meta)?;
    // Another build may have made the same entry meanwhile: theirs is as good as ours.
    if std::fs::rename(&work, &entry).is_err() {
        let _ = std::fs::remove_dir_all(&work);
    }
    cached(&entry).ok_or_else(|| std::io::Error::other("cache entry unreadable"))
}

fn in_memory(fresh: Fresh) -> Made {
    let stored = |b: Vec<u8>| Stored::Memory(Arc::new(b));
    Made {
        version: String::new(),
        original: stored(fresh.original),
        sizes: fresh
            .sizes
            .into_iter()
            .map(|(width, height, main, webp)| Size { width, height, main: stored(main), webp: webp.map(stored) })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_stop_at_the_original_capped_at_the_widest() {
        assert_eq!(widths(2000), [360, 720, 1200]);
        assert_eq!(widths(1200), [360, 720, 1200]);
        assert_eq!(widths(1000), [360, 720, 1000]);
        assert_eq!(widths(720), [360, 720]);
        assert_eq!(widths(300), [300]);
    }

    #[test]
    fn sizes_are_named_beside_the_original() {
        assert_eq!(size_url("es/noticias/foto.jpg", 360, false), "es/noticias/foto-360w.jpg");
        assert_eq!(size_url("es/noticias/foto.JPG", 720, true), "es/noticias/foto-720w.JPG.webp");
        assert_eq!(size_url("es/a.b/foto.png", 1200, false), "es/a.b/foto-1200w.png");
    }
}
