//! goals.yaml and roadmap.yaml: parsed and validated against a bilingual site.
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
    let goals = faro::goals::parse_goals(src, Path::new("data/goals.yaml"), &config, &[]).ok();
    let ids = goals.as_ref().map(|(_, g)| g.as_slice());
    let _ = faro::goals::parse_roadmap(src, Path::new("data/roadmap.yaml"), &config, ids);
});
