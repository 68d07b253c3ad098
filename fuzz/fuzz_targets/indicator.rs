//! An indicator file: parsed and validated against a bilingual site.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

mod common;

fuzz_target!(|src: &str| {
    let config = common::bilingual_config();
    let _ = faro::indicators::parse("fuzz", src, Path::new("data/indicators/fuzz.yaml"), None, config);
});
