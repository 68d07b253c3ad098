//! Renders 1,000 indicator charts (bar, line, stacked, horizontal and progress, each with
//! a summary) and prints the time per chart. Run: `cargo bench --bench charts`.

use faro::charts::{self, Words};
use faro::config::Config;
use faro::indicators::{parse, NumberFormat};
use std::path::Path;
use std::time::Instant;

fn main() {
    let config = Config::parse(
        "base_url: https://e.org/\nlanguages: [es, en]\ntitle: { es: a, en: b }\n",
        Path::new("site.yaml"),
        None,
    )
    .expect("a valid config");
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
            parse(&format!("i{n}"), &src, Path::new("bench.yaml"), None, &config).expect("a valid indicator")
        })
        .collect();
    let fmt = NumberFormat { decimal: ",".into(), thousands: "\u{a0}".into(), min_digits: 5 };
    let words = Words {
        fmt: &fmt,
        lang: "es",
        fewer_than: "menos de {n}",
        target: "meta {year}",
        percent: "{n} %",
        illustrative: "ILUSTRATIVO",
    };
    let strings = |key: &str| key.to_string();
    let mut bytes = 0;
    let start = Instant::now();
    for (n, ind) in indicators.iter().enumerate() {
        let summary = charts::summary(ind, &words, &strings);
        bytes += charts::render(ind, &words, "t", &summary, &format!("c{n}")).len();
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
