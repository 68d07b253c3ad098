// Every page type the browser suite checks, with its path in each language (null where the
// page deliberately has no translation). Adding a page type is one line here.
export const PAGES = [
  ["home", "es/", "en/"],
  ["section", "es/campanas/", "en/campaigns/"],
  ["news list", "es/noticias/", "en/news/"],
  ["campaign page", "es/campanas/linea-1818/", "en/campaigns/hotline-1818/"],
  ["page bundle with image", "es/campanas/prevencion-en-escuelas/", "en/campaigns/prevention-in-schools/"],
  ["news item", "es/noticias/2025-02-capacitacion-operadores/", "en/news/2025-02-training-public-officials/"],
  ["browse safely", "es/navegar-seguro/", "en/browse-safely/"],
  ["timeline (tables)", "es/cronologia/", "en/timeline/"],
  ["untranslated page", "es/regiones/", null],
  ["not found", "es/404.html", "en/404.html"],
  ["indicator index", "es/indicadores/", "en/indicators/"],
  ["indicator page (suppression, table)", "es/indicadores/denuncias-por-region-2015-2021/", "en/indicators/denuncias-por-region-2015-2021/"],
  ["indicator page (progress, illustrative)", "es/indicadores/meta-policias-capacitados-2026/", "en/indicators/meta-policias-capacitados-2026/"],
  ["indicator embed", "es/indicadores/victimas-2017-2021/embed/", "en/indicators/victimas-2017-2021/embed/"],
  ["reports index", "es/informes/", "en/reports/"],
  ["report cover", "es/informes/2025/", "en/reports/2025/"],
  ["report chapter (goals)", "es/informes/2025/02-metas/", "en/reports/2025/goals/"],
  ["report chapter (roadmap)", "es/informes/2025/03-hoja-de-ruta/", "en/reports/2025/roadmap/"],
  ["full report", "es/informes/2025/completo/", "en/reports/2025/full/"],
  ["search", "es/buscar/", "en/search/"],
  ["taxonomy index", "es/etiquetas/", "en/tags/"],
  ["taxonomy term", "es/publico/estudiantes/", "en/audience/students/"],
  ["page with a chart shortcode", "es/campanas/captacion-en-redes-sociales/", "en/campaigns/recruitment-on-social-networks/"],
  ["campaign kit", "es/campanas/linea-1818/materiales/", "en/campaigns/hotline-1818/kit/"],
  // Print documents: self-contained (fonts and logo inline), so exempt from the reading-page
  // weight budget; still checked for accessibility, validity and requests.
  ["poster A4", "es/campanas/linea-1818/materiales/afiche-a4.html", "en/campaigns/hotline-1818/kit/poster-a4.html", { document: true }],
  ["poster A3", "es/campanas/prevencion-en-escuelas/materiales/afiche-a3.html", "en/campaigns/prevention-in-schools/kit/poster-a3.html", { document: true }],
  ["flyer", "es/campanas/captacion-en-redes-sociales/materiales/volante.html", "en/campaigns/recruitment-on-social-networks/kit/flyer.html", { document: true }],
];

/** [{type, lang, path, document}] for every page of PAGES. */
export function allPages() {
  const out = [];
  for (const [type, es, en, { document = false } = {}] of PAGES) {
    if (es) out.push({ type, lang: "es", path: es, document });
    if (en) out.push({ type, lang: "en", path: en, document });
  }
  return out;
}
