//! Markdown bodies with shortcodes, cross-references, table captions, links and images,
//! rendered as a page of a one-page site.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    let _ = faro::inputs::render_markdown(body);
});
