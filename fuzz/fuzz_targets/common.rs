//! What the fuzz targets share: the bilingual site their data is checked against.

use std::path::Path;

/// A minimal valid site.yaml with Spanish and English, parsed once for all inputs.
pub fn bilingual_config() -> &'static faro::config::Config {
    static CONFIG: std::sync::OnceLock<faro::config::Config> = std::sync::OnceLock::new();
    CONFIG.get_or_init(|| {
        faro::config::Config::parse(
            "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: a, en: b }\n",
            Path::new("site.yaml"),
            None,
        )
        .expect("a valid site.yaml")
    })
}
