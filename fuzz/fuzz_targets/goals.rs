//! goals.yaml and roadmap.yaml: parsed and validated against a bilingual site.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

mod common;

fuzz_target!(|src: &str| {
    let config = common::bilingual_config();
    let goals = faro::goals::parse_goals(src, Path::new("data/goals.yaml"), config, &[]).ok();
    let ids = goals.as_ref().map(|(_, g)| g.as_slice());
    let _ = faro::goals::parse_roadmap(src, Path::new("data/roadmap.yaml"), config, ids);
});
