//! Markdown bodies with shortcodes, cross-references, table captions, links and images,
//! rendered as a page of a one-page site.
#![no_main]
use faro::content::{Content, Target};
use faro::markdown::{render, Links};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

fuzz_target!(|body: &str| {
    let src = format!("---\ntitle: \"x\"\n---\n{body}");
    let Ok(mut page) = faro::content::parse_page_text("es".into(), "es/x.md".into(), "content/es/x.md".into(), &src)
    else {
        return;
    };
    page.url = "es/x/".into();
    let mut content = Content::default();
    content.pages.push(page);
    content.by_source.insert("es/x.md".into(), Target::Page(0));
    let strings = BTreeMap::new();
    let links = Links { content: &content, base_path: "/", strings: &strings };
    let _ = render(&content.pages[0], &links);
});
