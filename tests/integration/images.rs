//! Responsive images (issue 19, "light for the reader"): JPEGs and PNGs beside pages are
//! published in the widths 360, 720 and 1200 (as far as the original reaches), as WebP too
//! when that is smaller, behind `<picture>` and `srcset`; and never with their metadata: a
//! reader must not get the GPS position of a photo. Made once, kept in `.faro/images/`.

use crate::support::*;
use std::collections::BTreeMap;
use std::path::Path;

/// Where the test photo says it was taken: its GPS latitude as TIFF rationals (12° 2'
/// 34.56"), which no published file may hold.
const GPS_LATITUDE: [(u32, u32); 3] = [(12, 1), (2, 1), (3456, 100)];
const GPS_LONGITUDE: [(u32, u32); 3] = [(77, 1), (1, 1), (2345, 100)];

fn rationals(values: &[(u32, u32); 3]) -> Vec<u8> {
    values.iter().flat_map(|(n, d)| n.to_le_bytes().into_iter().chain(d.to_le_bytes())).collect()
}

/// An APP1 segment: `Exif\0\0`, a little-endian TIFF header, IFD0 with an orientation and
/// a GPSInfo pointer, and a GPS IFD with latitude and longitude.
fn exif_segment(orientation: u16) -> Vec<u8> {
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend(kind.to_le_bytes());
        e.extend(count.to_le_bytes());
        e.extend(value);
        e
    };
    let (ifd0, gps): (u32, u32) = (8, 8 + 2 + 2 * 12 + 4);
    let data = gps + 2 + 4 * 12 + 4;
    let mut tiff = b"II\x2a\x00".to_vec();
    tiff.extend(ifd0.to_le_bytes());
    tiff.extend(2u16.to_le_bytes());
    let o = orientation.to_le_bytes();
    tiff.extend(entry(0x0112, 3, 1, [o[0], o[1], 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, gps.to_le_bytes()));
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(4u16.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"S\0\0\0"));
    tiff.extend(entry(0x0002, 5, 3, data.to_le_bytes()));
    tiff.extend(entry(0x0003, 2, 2, *b"W\0\0\0"));
    tiff.extend(entry(0x0004, 5, 3, (data + 24).to_le_bytes()));
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(rationals(&GPS_LATITUDE));
    tiff.extend(rationals(&GPS_LONGITUDE));
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(tiff);
    let mut seg = vec![0xFF, 0xE1];
    seg.extend(((payload.len() + 2) as u16).to_be_bytes());
    seg.extend(payload);
    seg
}

/// A `width`×`height` photo-like JPEG (a gradient with grain) carrying GPS EXIF and a comment.
fn photo_with_gps(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let grain = ((x * 7919 + y * 104729) % 23) as u8;
        image::Rgb([(x * 255 / width) as u8 ^ grain, (y * 255 / height) as u8, 128u8.wrapping_add(grain)])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&img)
        .expect("encode the test photo");
    let mut comment = vec![0xFF, 0xFE];
    comment.extend(((b"taken at the shelter".len() + 2) as u16).to_be_bytes());
    comment.extend(b"taken at the shelter");
    // After SOI: the EXIF, then a comment, then the encoder's own segments.
    [&jpeg[..2], &exif_segment(orientation), &comment, &jpeg[2..]].concat()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A flat-coloured PNG (a map, a chart) with a `tEXt` chunk naming a place.
fn map_png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(width, height, |x, y| {
        if (x / 50 + y / 50) % 2 == 0 {
            image::Rgba([20, 90, 160, 255])
        } else {
            image::Rgba([240, 240, 230, 255])
        }
    });
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgba8)
        .expect("encode the test map");
    let text = b"tEXtLocation\0Casa refugio, Jr. Secreto 123";
    let mut chunk = ((text.len() - 4) as u32).to_be_bytes().to_vec();
    chunk.extend(text);
    chunk.extend(crc32(text).to_be_bytes());
    let iend = png.len() - 12;
    [&png[..iend], &chunk, &png[iend..]].concat()
}

use image::ImageEncoder;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every image file under `public/`, by path.
fn published_images(site: &Site) -> BTreeMap<String, Vec<u8>> {
    snapshot(&site.public())
        .into_iter()
        .filter(|(p, _)| [".jpg", ".png", ".webp"].iter().any(|e| p.ends_with(e)))
        .collect()
}

/// The HTML without the `?v=` of image addresses (the start of the image's cache key,
/// checked on its own below), so that addresses can be compared as written.
fn unversioned(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("?v=") {
        out.push_str(&rest[..i]);
        let hex = rest[i + 3..].chars().take_while(char::is_ascii_hexdigit).count();
        assert_eq!(hex, 8, "an image version is 8 hex digits: {}", &rest[i..]);
        rest = &rest[i + 3 + hex..];
    }
    out.push_str(rest);
    out
}

fn pixel_width(bytes: &[u8]) -> (u32, u32) {
    let img = image::load_from_memory(bytes).expect("a published image decodes");
    (img.width(), img.height())
}

/// A page with one photo beside it in content/es/.
fn site_with_photo(photo: &[u8]) -> Site {
    let site = minimal_site();
    site.write(
        "content/es/taller.md",
        "---\ntitle: \"Taller\"\n---\n\nAsí fue el taller.\n\n![Personas en el taller de la Línea 1818](taller.jpg)\n",
    );
    site.write("content/es/taller.jpg", photo);
    site
}

#[test]
fn a_photo_is_published_in_its_sizes_without_exif_or_gps() {
    let site = site_with_photo(&photo_with_gps(800, 400, 1));
    site.build_ok(&[]);
    let images = published_images(&site);
    let names: Vec<&str> = images.keys().map(String::as_str).collect();
    for want in ["es/taller.jpg", "es/taller-360w.jpg", "es/taller-720w.jpg", "es/taller-800w.jpg"] {
        assert!(names.contains(&want), "{want} not published: {names:?}");
    }
    let (lat, lon) = (rationals(&GPS_LATITUDE), rationals(&GPS_LONGITUDE));
    for (path, bytes) in &images {
        assert!(!contains(bytes, b"Exif\0\0"), "{path} holds EXIF");
        assert!(!contains(bytes, &lat) && !contains(bytes, &lon), "{path} holds the GPS position");
        assert!(!contains(bytes, b"taken at the shelter"), "{path} holds the comment");
        let want = match path.rsplit_once('-').and_then(|(_, w)| w.split_once("w.")) {
            Some((w, _)) => w.parse().unwrap(),
            None => 800,
        };
        assert_eq!(pixel_width(bytes).0, want, "{path}");
    }
    // The original keeps its pixels: stripped of segments, not re-encoded.
    assert_eq!(pixel_width(&images["es/taller.jpg"]), (800, 400));
    let html = unversioned(&site.html("es/taller/index.html"));
    let img = &tags(&html, "img")[0];
    assert_eq!(img.attr("alt"), Some("Personas en el taller de la Línea 1818"));
    assert_eq!(
        img.attr("srcset"),
        Some("/es/taller-360w.jpg 360w, /es/taller-720w.jpg 720w, /es/taller-800w.jpg 800w")
    );
    assert_eq!((img.attr("width"), img.attr("height")), (Some("800"), Some("400")));
    assert_eq!(img.attr("src"), Some("/es/taller-800w.jpg"));
    assert!(img.attr("sizes").is_some_and(|s| s.contains("42rem")), "{html}");
    assert_eq!((img.attr("loading"), img.attr("decoding")), (Some("lazy"), Some("async")));
    assert!(html.contains("<picture>") && html.contains("</picture>"), "{html}");
    // A WebP is offered only when every width of it is smaller than the JPEG.
    for source in tags(&html, "source") {
        let srcset = source.attr("srcset").unwrap();
        assert!(srcset.contains("360w") && srcset.contains("720w") && srcset.contains("800w"), "{srcset}");
        for w in [360, 720, 800] {
            let (webp, jpeg) = (&images[&format!("es/taller-{w}w.jpg.webp")], &images[&format!("es/taller-{w}w.jpg")]);
            assert!(webp.len() <= jpeg.len(), "a {w} WebP larger than its JPEG is offered");
        }
    }
}

#[test]
fn a_photo_is_turned_upright_by_its_exif_orientation_before_it_is_stripped() {
    // Orientation 6: the camera was held sideways; the photo shows 40 wide once turned.
    let site = site_with_photo(&photo_with_gps(400, 200, 6));
    site.build_ok(&[]);
    let images = published_images(&site);
    assert_eq!(pixel_width(&images["es/taller.jpg"]), (200, 400));
    assert!(!contains(&images["es/taller.jpg"], b"Exif\0\0"));
    let html = site.html("es/taller/index.html");
    let img = &tags(&html, "img")[0];
    assert_eq!((img.attr("width"), img.attr("height")), (Some("200"), Some("400")));
}

#[test]
fn a_png_in_a_page_bundle_gets_its_sizes_without_its_text() {
    let site = minimal_site();
    site.write(
        "content/es/noticias/visita/index.md",
        "---\ntitle: \"Visita\"\n---\n\nEl recorrido:\n\n![Mapa del recorrido por tres distritos](mapa.png)\n",
    );
    site.write("content/es/noticias/visita/mapa.png", map_png(1500, 600));
    site.build_ok(&[]);
    let images = published_images(&site);
    let dir = "es/noticias/visita";
    for (path, bytes) in &images {
        assert!(!contains(bytes, b"Jr. Secreto") && !contains(bytes, b"tEXt"), "{path} holds the text chunk");
    }
    for w in [360, 720, 1200] {
        assert_eq!(pixel_width(&images[&format!("{dir}/mapa-{w}w.png")]).0, w);
    }
    assert_eq!(pixel_width(&images[&format!("{dir}/mapa.png")]), (1500, 600));
    let html = unversioned(&site.html(&format!("{dir}/index.html")));
    let img = &tags(&html, "img")[0];
    assert_eq!((img.attr("width"), img.attr("height")), (Some("1200"), Some("480")));
    assert_eq!(
        img.attr("srcset"),
        Some("/es/noticias/visita/mapa-360w.png 360w, /es/noticias/visita/mapa-720w.png 720w, /es/noticias/visita/mapa-1200w.png 1200w")
    );
    // The lossless WebP encoder rarely beats a PNG at its best compression: a WebP is
    // offered only in every width, each smaller than its PNG, or not at all.
    let webps: Vec<&String> = images.keys().filter(|p| p.ends_with(".webp")).collect();
    match tags(&html, "source").first() {
        Some(source) => {
            assert_eq!(source.attr("type"), Some("image/webp"));
            assert_eq!(webps.len(), 3, "{webps:?}");
            for w in [360, 720, 1200] {
                let (webp, png) =
                    (&images[&format!("{dir}/mapa-{w}w.png.webp")], &images[&format!("{dir}/mapa-{w}w.png")]);
                assert!(webp.len() <= png.len() && pixel_width(webp).0 == w);
            }
        }
        None => assert!(webps.is_empty(), "WebP files published but not offered: {webps:?}"),
    }
}

#[test]
fn a_jpeg_and_a_png_of_the_same_name_in_one_folder_each_get_their_own_sizes() {
    // A 1-pixel image: its lossless WebP is smaller than either, so both get one.
    let site = minimal_site();
    let one_pixel = |format| {
        let mut bytes = std::io::Cursor::new(Vec::new());
        image::RgbImage::from_pixel(1, 1, image::Rgb([200, 30, 40])).write_to(&mut bytes, format).unwrap();
        bytes.into_inner()
    };
    site.write("content/es/punto.jpg", one_pixel(image::ImageFormat::Jpeg));
    site.write("content/es/punto.png", one_pixel(image::ImageFormat::Png));
    site.write(
        "content/es/puntos.md",
        "---\ntitle: \"Puntos\"\n---\n\n![Un punto](punto.jpg) ![Otro punto](punto.png)\n",
    );
    site.build_ok(&[]);
    let images = published_images(&site);
    let html = unversioned(&site.html("es/puntos/index.html"));
    for ext in ["jpg", "png"] {
        let webp = format!("es/punto-1w.{ext}.webp");
        assert!(images.contains_key(&webp), "{webp} not published: {:?}", images.keys());
        assert!(html.contains(&format!("/{webp} 1w")), "{html}");
    }
}

#[test]
fn a_photo_replaced_under_the_same_name_gets_new_addresses() {
    // A browser or proxy that kept the old photo must not show it once it is replaced (a face
    // taken out of a picture has to be gone for everyone).
    let site = site_with_photo(&photo_with_gps(800, 400, 1));
    site.build_ok(&[]);
    let versions = |site: &Site| {
        let html = site.html("es/taller/index.html");
        let img = &tags(&html, "img")[0];
        let mut found: Vec<String> = img.attr("srcset").unwrap().split(", ").map(String::from).collect();
        found.push(img.attr("src").unwrap().to_string());
        let v: Vec<String> = found.iter().map(|u| u.split("?v=").nth(1).unwrap()[..8].to_string()).collect();
        assert!(v.iter().all(|x| *x == v[0]), "one version for every size: {found:?}");
        v[0].clone()
    };
    let before = versions(&site);
    site.write("content/es/taller.jpg", photo_with_gps(800, 400, 3));
    site.build_ok(&[]);
    assert_ne!(versions(&site), before, "the same addresses for another photo");
}

/// The cache's files and when each was last written.
fn cache_state(site: &Site) -> BTreeMap<String, std::time::SystemTime> {
    let dir = site.path().join(".faro/images");
    let mut out = BTreeMap::new();
    for entry in walk(&dir) {
        let modified = std::fs::metadata(&entry).unwrap().modified().unwrap();
        out.insert(entry.strip_prefix(&dir).unwrap().display().to_string(), modified);
    }
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        if e.is_dir() {
            out.extend(walk(&e));
        } else {
            out.push(e);
        }
    }
    out.sort();
    out
}

#[test]
fn a_rebuild_takes_every_image_from_the_cache_and_writes_the_same_bytes() {
    let site = site_with_photo(&photo_with_gps(800, 400, 1));
    site.write("content/es/mapa.png", map_png(500, 300));
    let first = site.build_ok(&[]);
    assert!(first.stdout.contains("Images: 2 (2 made, 0 from the cache)"), "{}", first.stdout);
    let cache = cache_state(&site);
    assert!(cache.keys().any(|k| k.ends_with("meta")), "{cache:?}");
    let before = snapshot(&site.public());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = site.build_ok(&[]);
    assert!(second.stdout.contains("Images: 2 (0 made, 2 from the cache)"), "{}", second.stdout);
    assert_eq!(cache_state(&site), cache, "the cache was rewritten");
    assert_same_snapshot(&before, &snapshot(&site.public()), "public/ after a rebuild from the cache");
    // Without the cache the same bytes are made again: the output does not depend on it.
    site.remove(".faro/images");
    site.build_ok(&[]);
    assert_same_snapshot(&before, &snapshot(&site.public()), "public/ after a rebuild without the cache");
}

#[test]
fn a_corrupt_image_fails_the_build_naming_it_and_leaves_the_output_as_it_was() {
    let site = site_with_photo(&photo_with_gps(800, 400, 1));
    let run = break_and_rebuild(&site, |s| {
        let png = map_png(300, 200);
        s.write("content/es/taller.jpg", &png[..png.len() / 2]);
    });
    run.assert_diagnostic("content/es/taller.jpg: error[io]");
    let at_line = run.diagnostic("content/es/taller.md:7:1: error[io]");
    assert!(at_line.contains("taller.jpg"), "{at_line}");
}

#[test]
fn under_a_subpath_the_sizes_carry_the_base_path() {
    let site = site_with_photo(&photo_with_gps(800, 400, 1));
    site.build_ok(&["--base-url", "http://x/sub/"]);
    let html = unversioned(&site.html("es/taller/index.html"));
    let img = &tags(&html, "img")[0];
    assert_eq!(
        img.attr("srcset"),
        Some("/sub/es/taller-360w.jpg 360w, /sub/es/taller-720w.jpg 720w, /sub/es/taller-800w.jpg 800w")
    );
    assert_eq!(img.attr("src"), Some("/sub/es/taller-800w.jpg"));
}

#[test]
fn a_photo_in_static_is_published_without_its_exif() {
    let site = minimal_site();
    site.write("static/img/portada.jpg", photo_with_gps(300, 200, 1));
    site.write("static/img/girada.jpg", photo_with_gps(300, 200, 8));
    site.build_ok(&[]);
    let images = published_images(&site);
    for (path, width) in [("img/portada.jpg", 300), ("img/girada.jpg", 200)] {
        let bytes = &images[path];
        assert!(!contains(bytes, b"Exif\0\0") && !contains(bytes, &rationals(&GPS_LATITUDE)), "{path} holds EXIF");
        assert_eq!(pixel_width(bytes).0, width, "{path}");
    }
}

#[test]
fn the_preview_serves_the_sizes_before_and_after_an_edit_of_the_page() {
    let site = site_with_photo(&photo_with_gps(800, 400, 1));
    let opts = || faro::SiteOptions { base_url: Some("http://127.0.0.1:1111/".into()), ..Default::default() };
    let (mut live, first) = faro::Live::new(site.path(), opts());
    first.unwrap();
    let page = |live: &faro::Live| unversioned(std::str::from_utf8(&live.files()["es/taller/index.html"]).unwrap());
    for w in [360, 720, 800] {
        let served = &live.files()[&format!("es/taller-{w}w.jpg")];
        assert_eq!(pixel_width(served).0, w);
    }
    assert!(!contains(&live.files()["es/taller.jpg"], b"Exif\0\0"));
    assert!(page(&live).contains("srcset=\"/es/taller-360w.jpg 360w,"), "{}", page(&live));
    let rel = "content/es/taller.md";
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    site.write(rel, text.replace("Así fue el taller.", "Así fue el taller de marzo."));
    let update = live.apply(&[std::fs::canonicalize(site.path().join(rel)).unwrap()]).unwrap();
    assert!(!update.full, "a body edit is made in place");
    assert!(page(&live).contains("de marzo") && page(&live).contains("srcset=\"/es/taller-360w.jpg 360w,"));
    let (fresh, _) = faro::Live::new(site.path(), opts());
    assert_eq!(page(&live), page(&fresh));
}

#[test]
fn a_jpeg_logo_is_printed_on_posters_without_its_exif() {
    use base64::Engine;
    let site = Site::fixture("indicators");
    site.write(
        "content/es/campana.md",
        "---\ntitle: \"Campaña\"\ncampaign:\n  message: \"Llama gratis.\"\n---\n\nTexto.\n",
    );
    site.write("static/logo.jpg", photo_with_gps(120, 60, 1));
    let config = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", config.replacen("languages:", "logo: \"logo.jpg\"\nlanguages:", 1));
    site.build_ok(&["--no-pdf"]);
    let poster = site.html("es/campana/materiales/afiche-a4.html");
    let uri = tags(&poster, "img")
        .iter()
        .find_map(|t| t.attr("src").filter(|s| s.starts_with("data:image/jpeg")))
        .map(str::to_string);
    let uri = uri.unwrap_or_else(|| panic!("no JPEG logo in the poster"));
    let logo = base64::engine::general_purpose::STANDARD.decode(uri.split_once(',').unwrap().1).unwrap();
    assert_eq!(pixel_width(&logo), (120, 60));
    assert!(
        !contains(&logo, b"Exif\0\0") && !contains(&logo, &rationals(&GPS_LATITUDE)),
        "the poster's logo holds EXIF"
    );
    assert!(!contains(&published_images(&site)["logo.jpg"], b"Exif\0\0"), "static/logo.jpg is published with EXIF");
}
