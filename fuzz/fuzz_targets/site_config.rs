//! site.yaml: any text is a Config or diagnostics, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let _ = faro::inputs::parse_site_config(src);
});
