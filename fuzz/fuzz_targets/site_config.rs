//! site.yaml: any text is a Config or diagnostics, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let _ = faro::config::Config::parse(src, std::path::Path::new("site.yaml"), None);
});
