//! CSV cells: no text cell a spreadsheet would run as a formula leaves faro, and the text
//! itself is kept.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let cell = faro::inputs::csv_cell(s);
    assert!(cell.ends_with(s), "{s:?} -> {cell:?}");
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        assert!(s.parse::<f64>().is_ok(), "a formula left as it was: {s:?}");
    }
});
