//! Page text can never become script: markup in front matter and raw HTML in Markdown
//! come out as text.

use crate::support::*;

fn site_with(page: &str) -> Site {
    let site = minimal_site();
    site.write("content/es/campanas/_index.md", "---\ntitle: \"Campañas\"\n---\n\nNuestras campañas.\n");
    site.write("content/es/campanas/alerta.md", page);
    site
}

#[test]
fn script_in_title_description_tags_and_body_is_escaped() {
    let site = site_with(
        "---\n\
         title: \"<script>alert(1)</script> Línea 1818\"\n\
         description: \"Llama gratis <script>alert(2)</script> al 1818\"\n\
         tags: [\"<script>alert(3)</script>\"]\n\
         ---\n\
         \n\
         <script>alert(4)</script>\n\
         \n\
         Texto con <script>alert(5)</script> en medio y <img src=x onerror=alert(6)>.\n\
         \n\
         ## Ayuda <script>alert(7)</script>\n\
         \n\
         [enlace <b onmouseover=alert(8)>aquí</b>](../linea-1818.md)\n",
    );
    let run = site.build_ok(&[]);
    // Raw HTML is reported, but does not stop the build.
    run.assert_diagnostic("content/es/campanas/alerta.md:7:1: warning[raw-html]");

    let snap = snapshot(&site.public());
    for (file, html) in html_files(&snap) {
        let lower = html.to_ascii_lowercase();
        // The only scripts allowed are the theme's own files: quick exit, and search on its page.
        // JSON-LD data blocks are not run; tojson escapes `<` inside them.
        let scripts = lower.matches("<script").count() - lower.matches("<script type=\"application/ld+json\">").count();
        let theme_scripts = lower.matches("<script src=\"/quick-exit.js?v=").count()
            + lower.matches("<script src=\"/search.js?v=").count();
        assert_eq!(scripts, theme_scripts, "{file} contains a <script> tag:\n{html}");
        assert!(!lower.contains("<img src=x"), "{file} contains the raw <img>:\n{html}");
        assert!(!lower.contains("<b onmouseover"), "{file} contains the raw <b>:\n{html}");
    }
    let page = site.html("es/campanas/alerta/index.html");
    for n in 1..=8 {
        assert!(page.contains(&format!("alert({n})")), "alert({n}) should be shown as text:\n{page}");
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Línea 1818"), "{page}");
    assert!(page.contains("&lt;img src=x onerror=alert(6)&gt;"), "{page}");
    // The description lands in an attribute, escaped there too.
    let meta =
        tags(&page, "meta").into_iter().find(|t| t.attr("name") == Some("description")).expect("meta description");
    assert_eq!(meta.attr("content"), Some("Llama gratis &lt;script&gt;alert(2)&lt;/script&gt; al 1818"));
    // The section list shows the title and description escaped as well.
    let list = site.html("es/campanas/index.html");
    assert!(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{list}");
}

#[test]

fn javascript_links_in_markdown_never_become_clickable_script() {
    let site = site_with(
        "---\ntitle: \"Enlaces\"\n---\n\n\
         [Llama aquí](javascript:alert(1)) o [aquí](JavaScript:alert(2)).\n\n\
         <javascript:alert(3)>\n",
    );
    let run = site.build(&[]);
    if run.status.success() {
        let page = site.html("es/campanas/alerta/index.html");
        for a in tags(&page, "a") {
            let href = a.attr("href").unwrap_or("").trim().to_ascii_lowercase();
            assert!(!href.starts_with("javascript:"), "clickable script: {}", a.raw);
        }
    } else {
        // Refusing the link is fine too, as long as the author is told where it is.
        run.assert_diagnostic("content/es/campanas/alerta.md:5:");
    }
}
