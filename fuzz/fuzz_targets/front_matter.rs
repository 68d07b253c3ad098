//! A page file: front matter split and parsed, whatever the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let _ = faro::inputs::parse_page(src);
});
