//! An indicator file: parsed and validated against a bilingual site.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|src: &str| {
    let config = faro::config::Config::parse(
        "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: a, en: b }\n",
        Path::new("site.yaml"),
        None,
    )
    .expect("a valid site.yaml");
    let _ = faro::indicators::parse("fuzz", src, Path::new("data/indicators/fuzz.yaml"), None, &config);
});
