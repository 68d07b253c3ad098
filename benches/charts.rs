//! Renders 1,000 indicator charts (bar, line, stacked, horizontal and progress, each with
//! a summary) and prints the time per chart. Run: `cargo bench --bench charts`.

use faro::inputs::{bilingual_config, parse_indicator};
use std::time::Instant;

fn main() {
    let config = bilingual_config();
    let kinds = ["bar", "line", "stacked-bar", "horizontal-bar", "progress"];
    let indicators: Vec<_> = (0..1000)
        .map(|n| {
            let kind = kinds[n % kinds.len()];
            let mut src = format!(
                "title: {{ es: \"Indicador {n}\", en: \"Indicator {n}\" }}\ntopic: {{ es: T, en: T }}\nunit: {{ es: personas, en: people }}\nmeasure: count\nchart: {kind}\nsource: {{ name: MIMP }}\ntarget: {{ value: 5000, year: 2026 }}\nbreakdowns:\n  sex:\n    name: {{ es: Sexo, en: Sex }}\n    values:\n      w: {{ es: Mujeres, en: Women }}\n      m: {{ es: Hombres, en: Men }}\nseries:\n"
            );
            for year in 2015..2022 {
                let v = 1000 + (n * 37 + year as usize * 11) % 2000;
                if kind == "progress" || kind == "line" && n % 2 == 0 {
                    src.push_str(&format!("  - {{ period: \"{year}\", value: {v} }}\n"));
                } else {
                    src.push_str(&format!("  - {{ period: \"{year}\", sex: w, value: {} }}\n", v * 4 / 5));
                    src.push_str(&format!("  - {{ period: \"{year}\", sex: m, value: {} }}\n", v / 5 + (n % 7)));
                }
            }
            parse_indicator(&format!("i{n}"), &src, &config).expect("a valid indicator")
        })
        .collect();
    let mut bytes = 0;
    let start = Instant::now();
    for (n, ind) in indicators.iter().enumerate() {
        bytes += ind.chart(&format!("c{n}")).len();
    }
    let elapsed = start.elapsed();
    println!(
        "rendered {} charts in {:.1} ms: {:.3} ms per chart, one core ({} KB of SVG)",
        indicators.len(),
        elapsed.as_secs_f64() * 1000.0,
        elapsed.as_secs_f64() * 1000.0 / indicators.len() as f64,
        bytes / 1024
    );
}
