//! Campaign kits: a page with a `campaign:` block gets posters, a flyer, a social card, key
//! figures, posts, a README and a ZIP in its language, with a QR code that really decodes
//! to the page's absolute URL.

use crate::support::*;
use std::io::Read;

const ES: &str = "content/es/campanas/linea-1818.md";
const EN: &str = "content/en/campanas/linea-1818.md";
const ES_KIT: &str = "es/campanas/linea-1818/materiales/";
const EN_KIT: &str = "en/campaigns/hotline-1818/kit/";

fn add_campaign(site: &Site, rel: &str, block: &str) {
    let text = String::from_utf8(site.read_source(rel)).unwrap();
    site.write(rel, text.replacen("\n---\n", &format!("\n{block}\n---\n"), 1));
}

/// The bilingual fixture with its 1818 page a campaign in both languages, one figure
/// written out and one from an indicator.
fn campaign_site() -> Site {
    let site = Site::fixture("bilingual");
    let ind = fixture_dir("indicators").join("data/indicators");
    for f in ["victimas-por-anio.yaml", "victimas-por-anio.csv"] {
        site.write(&format!("data/indicators/{f}"), std::fs::read(ind.join(f)).unwrap());
    }
    add_campaign(
        &site,
        ES,
        "campaign:\n  message: \"Si sospechas de un caso de trata, llama gratis.\"\n  figures:\n    - { value: \"83,6 %\", label: \"conocía a su tratante\", source: \"CIES y PROMSEX\" }\n    - { indicator: victimas-por-anio }\n  hashtags: [\"#NoALaTrata\"]",
    );
    add_campaign(
        &site,
        EN,
        "campaign:\n  message: \"If you suspect trafficking, call for free.\"\n  figures:\n    - { value: \"83.6 %\", label: \"knew their trafficker\", source: \"CIES and PROMSEX\" }\n    - { indicator: victimas-por-anio }",
    );
    site
}

fn read(site: &Site, rel: &str) -> Vec<u8> {
    std::fs::read(site.public().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn text(site: &Site, rel: &str) -> String {
    String::from_utf8(read(site, rel)).unwrap()
}

fn zip_names(bytes: Vec<u8>) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().to_string()).collect()
}

/// Decodes the QR code in a poster: its inline SVG is rasterised and read back by rqrr,
/// an independent decoder.
fn decode_qr(poster_html: &str) -> String {
    let start = poster_html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"").expect("a QR code");
    let end = start + poster_html[start..].find("</svg>").unwrap() + "</svg>".len();
    let svg = &poster_html[start..end];
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap();
    let side = 400u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(side, side).unwrap();
    let scale = side as f32 / tree.size().width();
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(side as usize, side as usize, |x, y| {
        pixmap.pixel(x as u32, y as u32).map_or(255, |p| p.red())
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the poster");
    grids[0].decode().expect("the QR code decodes").1
}

#[test]
fn every_campaign_has_its_kit_in_each_language() {
    let site = campaign_site();
    site.build_ok(&["--no-pdf"]);
    for (kit, lang, files, zip) in [
        (
            ES_KIT,
            "es",
            [
                "afiche-a4.html",
                "afiche-a3.html",
                "volante.html",
                "imagen-para-redes.png",
                "imagen-para-redes.svg",
                "cifras-clave.csv",
                "textos-para-redes.txt",
                "leeme.txt",
            ],
            "linea-1818-es.zip",
        ),
        (
            EN_KIT,
            "en",
            [
                "poster-a4.html",
                "poster-a3.html",
                "flyer.html",
                "social-card.png",
                "social-card.svg",
                "key-figures.csv",
                "social-posts.txt",
                "readme.txt",
            ],
            "hotline-1818-en.zip",
        ),
    ] {
        let page = site.html(&format!("{kit}index.html"));
        assert_eq!(html_lang(&page).as_deref(), Some(lang), "{kit}");
        for f in files {
            assert!(site.public().join(kit).join(f).is_file(), "{kit}{f} is missing");
            assert!(page.contains(&format!("href=\"/{kit}{f}\"")), "the kit page does not link {f}");
        }
        for f in files.iter().filter(|f| f.ends_with(".html")) {
            assert_eq!(html_lang(&text(&site, &format!("{kit}{f}"))).as_deref(), Some(lang), "{kit}{f}");
        }
        // The ZIP holds the kit's files, with the README last.
        let names = zip_names(read(&site, &format!("{kit}{zip}")));
        let mut want: Vec<String> = files.iter().map(|f| f.to_string()).collect();
        let readme = want.remove(want.len() - 1);
        want.push(readme);
        assert_eq!(names, want, "{zip}");
        assert!(page.contains(&format!("href=\"/{kit}{zip}\"")), "the kit page does not offer the ZIP");
    }
    // Each language's texts are in that language.
    let es_csv = text(&site, &format!("{ES_KIT}cifras-clave.csv"));
    assert!(es_csv.starts_with("valor,dato,fuente\n"), "{es_csv}");
    assert!(es_csv.contains("\"83,6 %\",conocía a su tratante,CIES y PROMSEX"), "{es_csv}");
    // The indicator figure is its latest total, with its unit, period and source.
    // (victimas-por-anio ends with 12345.6 in 2020, shown with the Spanish number format.)
    assert!(es_csv.contains("345,6 personas\",Víctimas de trata por año (2020),MIMP\n"), "{es_csv}");
    let en_csv = text(&site, &format!("{EN_KIT}key-figures.csv"));
    assert!(en_csv.starts_with("value,figure,source\n"), "{en_csv}");
    assert!(text(&site, &format!("{ES_KIT}leeme.txt")).contains("Cómo imprimir"));
    assert!(text(&site, &format!("{EN_KIT}readme.txt")).contains("How to print"));
    let posts = text(&site, &format!("{ES_KIT}textos-para-redes.txt"));
    assert!(posts.contains("https://example.org/es/campanas/linea-1818/"), "{posts}");
    assert!(posts.contains("#NoALaTrata"), "{posts}");
}

#[test]
fn the_qr_code_leads_to_the_absolute_page_url_also_under_a_subpath() {
    let site = campaign_site();
    site.build_ok(&["--no-pdf"]);
    assert_eq!(
        decode_qr(&text(&site, &format!("{ES_KIT}afiche-a4.html"))),
        "https://example.org/es/campanas/linea-1818/"
    );
    assert_eq!(
        decode_qr(&text(&site, &format!("{EN_KIT}flyer.html"))),
        "https://example.org/en/campaigns/hotline-1818/"
    );

    site.build_ok(&["--no-pdf", "--base-url", "https://gob.example.pe/campana/"]);
    let poster = text(&site, &format!("{ES_KIT}afiche-a3.html"));
    assert_eq!(decode_qr(&poster), "https://gob.example.pe/campana/es/campanas/linea-1818/");
    let page = site.html(&format!("{ES_KIT}index.html"));
    assert!(page.contains(&format!("href=\"/campana/{ES_KIT}linea-1818-es.zip\"")), "ZIP link under the subpath");
}

#[test]
fn the_social_card_is_1200_by_630_and_is_the_pages_sharing_image() {
    let site = campaign_site();
    site.build_ok(&["--no-pdf"]);
    let png = read(&site, &format!("{ES_KIT}imagen-para-redes.png"));
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let size = imagesize::blob_size(&png).unwrap();
    assert_eq!((size.width, size.height), (1200, 630));
    // Not a blank image: the card's background and its text are both there.
    assert!(png.len() > 20_000, "a {} byte card is suspiciously small", png.len());
    let svg = text(&site, &format!("{ES_KIT}imagen-para-redes.svg"));
    assert!(svg.contains("width=\"1200\" height=\"630\"") && svg.contains("<title id=\"card-title\">"), "{svg}");
    assert!(svg.contains("role=\"img\"") && svg.contains("<desc id=\"card-desc\">Si sospechas"), "{svg}");

    let page = site.html("es/campanas/linea-1818/index.html");
    let want = format!("https://example.org/{ES_KIT}imagen-para-redes.png");
    assert!(page.contains(&format!("<meta property=\"og:image\" content=\"{want}\">")), "og:image");
    assert!(page.contains(&format!("href=\"/{ES_KIT}\"")), "the campaign page links to its kit");
    // A page that is not a campaign keeps the site's default (none here) and has no kit link.
    let other = site.html("es/campanas/redes-sociales/index.html");
    assert!(!other.contains("og:image") && !other.contains("materiales/"));
}

#[test]
fn kits_are_the_same_bytes_on_every_build() {
    let site = campaign_site();
    site.build_ok(&["--no-pdf"]);
    let first = snapshot(&site.public().join("es/campanas/linea-1818/materiales"));
    std::fs::remove_dir_all(site.public()).unwrap();
    site.build_ok(&["--no-pdf"]);
    let second = snapshot(&site.public().join("es/campanas/linea-1818/materiales"));
    assert_same_snapshot(&first, &second, "two builds of the same kit");
}

#[test]
fn a_broken_campaign_block_is_reported_at_its_lines() {
    let site = campaign_site();
    site.build_ok(&["--no-pdf"]);
    let run = break_and_rebuild(&site, |s| {
        let text = String::from_utf8(s.read_source(ES)).unwrap();
        let text = text
            .replace("{ indicator: victimas-por-anio }", "{ indicator: no-existe }\n    - { value: \"12\" }")
            .replace("message: \"Si sospechas de un caso de trata, llama gratis.\"", "message: \"\"");
        s.write(ES, text);
    });
    let src = String::from_utf8(site.read_source(ES)).unwrap();
    // The line and column of the value at fault (a key figure's is its `{`).
    let at = |needle: &str| {
        let n = src.lines().position(|l| l.contains(needle)).unwrap();
        let l = src.lines().nth(n).unwrap();
        format!("{}:{}", n + 1, l[..l.find(needle).unwrap()].chars().count() + 1)
    };
    run.assert_diagnostic(&format!("{ES}:{}: error[campaign]: the campaign's `message` is empty", at("\"\"")));
    run.assert_diagnostic(&format!(
        "{ES}:{}: error[campaign]: key figure 2 names `no-existe`",
        at("{ indicator: no-existe")
    ));
    run.assert_diagnostic(&format!("{ES}:{}: error[campaign]: key figure 3 needs either", at("{ value: \"12\"")));
    assert_eq!(run.reported_error_count(), 3, "{}", run.stderr);
}

#[test]
fn an_unknown_key_in_a_campaign_block_is_an_error_at_the_key() {
    let site = campaign_site();
    let run = break_and_rebuild(&site, |s| {
        let text = String::from_utf8(s.read_source(EN)).unwrap();
        s.write(EN, text.replace("  message:", "  mesage: \"typo\"\n  message:"));
    });
    let src = String::from_utf8(site.read_source(EN)).unwrap();
    let at = src.lines().position(|l| l.contains("mesage:")).unwrap() + 1;
    run.assert_diagnostic(&format!("{EN}:{at}:"));
    run.assert_stderr_contains("unknown field `mesage`");
}

#[test]
fn a_logo_that_is_not_in_static_is_an_error_in_site_yaml() {
    let site = campaign_site();
    let run = break_and_rebuild(&site, |s| {
        let text = String::from_utf8(s.read_source("site.yaml")).unwrap();
        s.write("site.yaml", text.replacen("languages:", "logo: \"falta.svg\"\nlanguages:", 1));
    });
    run.assert_diagnostic("site.yaml:3:7: error[logo]: the logo `falta.svg` is not in static/");
}

#[test]
fn the_logo_is_inlined_so_a_poster_is_one_file() {
    let site = campaign_site();
    site.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>",
    );
    let text_yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", text_yaml.replacen("languages:", "logo: \"logo.svg\"\nlanguages:", 1));
    site.build_ok(&["--no-pdf"]);
    let poster = text(&site, &format!("{ES_KIT}afiche-a4.html"));
    assert!(poster.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,"), "logo not inlined");
    // Nothing in a poster is fetched: no src or href leaves the file except links to read.
    for tag in tags(&poster, "img").iter().chain(tags(&poster, "link").iter()) {
        let url = tag.attr("src").or(tag.attr("href")).unwrap_or("");
        assert!(url.starts_with("data:") || tag.attr("rel") == Some("canonical"), "poster fetches {url}");
    }
    // The one script is the site's quick exit (issue 17); the exit works as a link without it.
    let scripts: Vec<_> =
        tags(&poster, "script").into_iter().filter_map(|t| t.attr("src").map(str::to_string)).collect();
    assert!(
        scripts.len() == 1 && scripts[0].starts_with("/quick-exit.js?v="),
        "a poster runs no other script: {scripts:?}"
    );
    // The logo is decorative beside the organisation's name, and `faro check` agrees; the
    // indicator a campaign cites is not reported as unused.
    let check = std::process::Command::new(faro()).args(["check", "--site"]).arg(site.path()).output().unwrap();
    let out = String::from_utf8_lossy(&check.stdout).to_string() + &String::from_utf8_lossy(&check.stderr);
    assert!(!out.contains("missing-alt"), "{out}");
    assert!(!out.contains("victimas-por-anio.yaml: warning[unused-indicator]"), "{out}");
}

#[test]
fn kit_pdfs_are_printed_by_chromium_with_fixed_dates_and_reused() {
    if !faro::has_chromium() {
        // .ci/run installs Chromium, so this runs there; say so where it cannot.
        eprintln!("skipped: no Chromium on this machine");
        return;
    }
    let site = campaign_site();
    site.build_ok(&[]);
    for f in ["afiche-a4.pdf", "afiche-a3.pdf", "volante.pdf"] {
        let pdf = read(&site, &format!("{ES_KIT}{f}"));
        assert!(pdf.starts_with(b"%PDF-"), "{f}");
        let raw = String::from_utf8_lossy(&pdf);
        assert!(raw.contains("/CreationDate (D:20000101000000"), "{f}: the printing time was left in");
        let pages = raw.matches("/Type /Page").count() - raw.matches("/Type /Pages").count();
        assert_eq!(pages, 1, "{f} is one page");
    }
    // Turned into an image the way a print shop's proof would be (pdftoppm, from poppler):
    // an A4 page with the organisation's band at the top and the help box at the bottom,
    // both in colour (backgrounds must print).
    let pdf_path = site.public().join(format!("{ES_KIT}afiche-a4.pdf"));
    let out = site.path().join("proof");
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "30", "-png", "-singlefile"])
        .arg(&pdf_path)
        .arg(&out)
        .status()
        .expect("pdftoppm (poppler-utils) is installed where Chromium is");
    assert!(status.success());
    let proof = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(out.with_extension("png")).unwrap()).unwrap();
    assert_eq!((proof.width(), proof.height()), (248, 351), "A4 at 30 dpi");
    let rgb = |x: u32, y: u32| {
        let p = proof.pixel(x, y).unwrap();
        (p.red(), p.green(), p.blue())
    };
    let near = |(r, g, b): (u8, u8, u8), (wr, wg, wb): (u8, u8, u8)| {
        r.abs_diff(wr) < 24 && g.abs_diff(wg) < 24 && b.abs_diff(wb) < 24
    };
    assert!(near(rgb(200, 8), (0x0b, 0x4f, 0x6c)), "top band is {:?}", rgb(200, 8));
    assert!(near(rgb(12, 340), (0xff, 0xe8, 0xa3)), "help box is {:?}", rgb(12, 340));
    let mut names = zip_names(read(&site, &format!("{ES_KIT}linea-1818-es.zip")));
    names.sort();
    assert!(names.contains(&"afiche-a4.pdf".to_string()) && names.contains(&"volante.pdf".to_string()), "{names:?}");
    assert!(text(&site, &format!("{ES_KIT}leeme.txt")).contains("Los PDF ya tienen el tamaño justo"));
    // A second build prints nothing: with a Chromium that cannot run, the PDFs still come,
    // from the cache, byte for byte.
    let before = read(&site, &format!("{EN_KIT}poster-a4.pdf"));
    let run = std::process::Command::new(faro())
        .args(["build", "--site"])
        .arg(site.path())
        .env("FARO_CHROMIUM", "/nonexistent/chromium")
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(read(&site, &format!("{EN_KIT}poster-a4.pdf")), before);
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(read(&site, &format!("{EN_KIT}hotline-1818-en.zip")))).unwrap();
    let mut inside = Vec::new();
    zip.by_name("poster-a4.pdf").unwrap().read_to_end(&mut inside).unwrap();
    assert_eq!(inside, before, "the ZIP holds the same PDF");
}

#[test]
fn the_short_post_fits_280_characters_however_long_the_message() {
    let site = campaign_site();
    let source = String::from_utf8(site.read_source(ES)).unwrap();
    let long = "Una oferta de trabajo demasiado buena puede ser una trampa. ".repeat(8);
    site.write(ES, source.replace("Si sospechas de un caso de trata, llama gratis.", long.trim()));
    // A call to action whose words alone are longer than a post must not break the build either.
    site.write("i18n/es.yaml", format!("kit_post_call: \"{} {{phone}}\"\n", "Llama ya. ".repeat(20).trim()));
    site.build_ok(&["--no-pdf"]);
    let posts = text(&site, &format!("{ES_KIT}textos-para-redes.txt"));
    let short = posts.lines().nth(2).unwrap();
    let url = "https://example.org/es/campanas/linea-1818/";
    assert!(short.contains(url), "{short}");
    // X counts a link as 23 characters.
    let counted = short.chars().count() - url.chars().count() + 23;
    assert!(counted <= 280, "{counted}: {short}");
    assert!(short.starts_with("Una oferta de trabajo") && short.contains("…"), "{short}");
    assert!(!short.contains("Llama ya."), "the overlong call should have been left out: {short}");
}

/// Issue 18: the build says what became of the kits' PDFs, and `-q` and `-v` say less and more.
#[test]
fn the_build_says_what_became_of_the_kit_pdfs_and_quiet_says_nothing() {
    let site = campaign_site();
    let without = |args: &[&str]| {
        let mut cmd = std::process::Command::new(faro());
        cmd.arg("build").arg("--site").arg(site.path()).args(args).env("FARO_CHROMIUM", "");
        Run::of(cmd)
    };
    let run = without(&[]);
    run.assert_success();
    assert!(run.stdout.contains("Kit PDFs: skipped, no Chromium or Chrome was found"), "{}", run.stdout);
    let run = without(&["--no-pdf", "-v"]);
    assert!(run.stdout.contains("Kit PDFs: skipped (--no-pdf)"), "{}", run.stdout);
    assert!(run.stdout.contains("urls.txt: updated"), "{}", run.stdout);
    let run = without(&["-q", "-o", site.path().join("elsewhere").to_str().unwrap()]);
    assert!(run.status.success() && site.path().join("elsewhere/es/index.html").is_file(), "{}", run.stderr);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""), "quiet");
    // A site without kits says nothing of PDFs.
    let plain = Site::fixture("bilingual");
    assert!(!plain.build_ok(&[]).stdout.contains("Kit PDFs"));
    if faro::has_chromium() {
        let run = site.build_ok(&[]);
        assert!(run.stdout.contains(" from the cache)") && run.stdout.contains("Kit PDFs: "), "{}", run.stdout);
    }
}
