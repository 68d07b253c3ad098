//! What the fuzz targets share: the bilingual site their data is checked against.

/// A minimal valid site.yaml with Spanish and English, parsed once for all inputs.
pub fn bilingual_config() -> &'static faro::inputs::Config {
    static CONFIG: std::sync::OnceLock<faro::inputs::Config> = std::sync::OnceLock::new();
    CONFIG.get_or_init(faro::inputs::bilingual_config)
}
