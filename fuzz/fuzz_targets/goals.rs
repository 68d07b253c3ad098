//! goals.yaml and roadmap.yaml: parsed and validated against a bilingual site.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|src: &str| {
    let _ = faro::inputs::parse_plan(src, common::bilingual_config());
});
