// Writes a deterministic bilingual (es, en) site of 2,000 pages for the search budget test:
// 1,000 Spanish pages in four sections and their English translations, 4 to 12 paragraphs of
// varied text each, with place names made of syllables so the index has thousands of words,
// as a real site does. One Spanish page carries a word found nowhere else, only in its last
// paragraph, after more than 600 words, so an index of each page's first words would miss it.
// Usage: node tests/browser/gen-site.mjs OUT_DIR [PAIRS]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const UNIQUE = { word: "zumbayllu", page: "informes/informe-0779" };
export const FREQUENT = "campaña";

// mulberry32: a small seeded generator, so every run writes the same site.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ES = {
  subj: ["la campaña", "el equipo", "la comunidad", "cada escuela", "la red de promotoras", "el municipio",
    "la fiscalía", "una familia", "el comité vecinal", "la radio local", "cada docente", "la defensoría",
    "el mercado", "la terminal de buses", "una estudiante", "el centro de salud", "la policía", "el colegio"],
  verb: ["organiza", "recoge", "explica", "publica", "revisa", "acompaña", "prepara", "denuncia", "comparte",
    "registra", "visita", "coordina", "difunde", "protege", "escucha", "mide", "compara", "anuncia"],
  obj: ["los talleres de prevención", "las cifras del año", "una guía para familias", "los casos reportados",
    "el mapa de riesgos", "las rutas de atención", "un informe trimestral", "la línea gratuita",
    "los materiales impresos", "las ofertas de trabajo falsas", "los avisos en redes sociales",
    "la capacitación de docentes", "el protocolo de denuncia", "las charlas en quechua", "los refugios temporales"],
  tail: ["en la provincia de", "junto con vecinos de", "desde la plaza de", "con apoyo de la radio de",
    "para las escuelas de", "cerca del mercado de", "en el distrito de"],
  link: ["además", "sin embargo", "por eso", "mientras tanto", "en cambio", "al mismo tiempo", "según el informe"],
  sections: { campanas: "Campaña", guias: "Guía", noticias: "Noticia", informes: "Informe" },
  title: ["sobre", "en", "para", "desde"],
};
// A section's folder and the slug of one of its pages.
const SLUG = { campanas: "campana", guias: "guia", noticias: "noticia", informes: "informe" };
const EN = {
  subj: ["the campaign", "the team", "the community", "each school", "the promoters' network", "the council",
    "the prosecutor's office", "a family", "the neighbourhood committee", "the local radio", "each teacher",
    "the ombudsman", "the market", "the bus terminal", "a student", "the health centre", "the police", "the college"],
  verb: ["organises", "gathers", "explains", "publishes", "reviews", "supports", "prepares", "reports", "shares",
    "records", "visits", "coordinates", "spreads", "protects", "listens to", "measures", "compares", "announces"],
  obj: ["the prevention workshops", "the year's figures", "a guide for families", "the reported cases",
    "the risk map", "the care pathways", "a quarterly report", "the free hotline", "the printed materials",
    "the fake job offers", "the social media ads", "the teacher training", "the reporting protocol",
    "the talks in Quechua", "the temporary shelters"],
  tail: ["in the province of", "with neighbours from", "from the square of", "with help from the radio of",
    "for the schools of", "near the market of", "in the district of"],
  link: ["also", "however", "so", "meanwhile", "instead", "at the same time", "according to the report"],
  sections: { campanas: "Campaign", guias: "Guide", noticias: "News", informes: "Report" },
  title: ["on", "in", "for", "from"],
};
// No "z" in these, so no place name can be the unique word.
const SYLLABLES = ["pa", "ta", "ka", "ma", "wa", "qu", "chi", "lla", "ri", "yu", "hua", "cha", "ne", "so",
  "lo", "mi", "ru", "pi", "co", "ya", "tu", "sa", "ni", "ca"];

function pick(r, list) { return list[Math.floor(r() * list.length)]; }
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function place(r) {
  // Skewed towards a few common names, with a long tail of rare ones.
  const k = Math.floor(Math.pow(r(), 3) * 4000);
  const p = rng(k + 7);
  let w = "";
  for (let i = 0, n = 2 + Math.floor(p() * 3); i < n; i++) w += pick(p, SYLLABLES);
  return cap(w);
}

function sentence(r, v) {
  let s = `${pick(r, v.subj)} ${pick(r, v.verb)} ${pick(r, v.obj)} ${pick(r, v.tail)} ${place(r)}`;
  if (r() < 0.4) s = `${pick(r, v.link)}, ${s}`;
  return cap(s) + ".";
}

function paragraph(r, v) {
  const out = [];
  for (let i = 0, n = 3 + Math.floor(r() * 5); i < n; i++) out.push(sentence(r, v));
  return out.join(" ");
}

const words = (s) => s.split(/\s+/).filter(Boolean).length;

function page(pair, lang, section, seed) {
  const v = lang === "es" ? ES : EN;
  const r = rng(seed);
  const name = `${v.sections[section]} ${pair + 1} ${pick(r, v.title)} ${place(r)}`;
  const paragraphs = [];
  for (let i = 0, n = 4 + Math.floor(r() * 9); i < n; i++) {
    if (i > 0 && r() < 0.3) paragraphs.push(`## ${cap(pick(r, v.obj))}`);
    paragraphs.push(paragraph(r, v));
  }
  const rel = `${section}/${SLUG[section]}-${String(pair).padStart(4, "0")}`;
  if (lang === "es" && rel === UNIQUE.page) {
    while (words(paragraphs.join(" ")) < 700) paragraphs.push(paragraph(r, v));
    paragraphs.push(`${paragraph(r, v)} Al final, la ronda terminó con un ${UNIQUE.word} girando en el patio.`);
  }
  const description = sentence(r, v).replace(/"/g, "");
  return { rel, text: `---\ntitle: "${name}"\ndate: 2025-${String(1 + (pair % 12)).padStart(2, "0")}-${String(1 + (pair % 28)).padStart(2, "0")}\ndescription: "${description}"\n---\n\n${paragraphs.join("\n\n")}\n` };
}

export function generate(out, pairs = 1000) {
  const sections = Object.keys(ES.sections);
  const write = (rel, text) => {
    mkdirSync(join(out, rel, ".."), { recursive: true });
    writeFileSync(join(out, rel), text);
  };
  write("site.yaml", 'base_url: "https://example.org/presupuesto/"\nlanguages: [es, en]\n'
    + 'title: { es: "Prevenir juntas", en: "Preventing together" }\n');
  write("content/es/_index.md", '---\ntitle: "Inicio"\n---\n\nCampañas, guías, noticias e informes.\n');
  write("content/en/_index.md", '---\ntitle: "Home"\n---\n\nCampaigns, guides, news and reports.\n');
  for (const s of sections) {
    write(`content/es/${s}/_index.md`, `---\ntitle: "${ES.sections[s]}s"\n---\n`);
    write(`content/en/${s}/_index.md`, `---\ntitle: "${EN.sections[s]}s"\n---\n`);
  }
  let unique = 0;
  for (let pair = 0; pair < pairs; pair++) {
    const section = sections[pair % sections.length];
    for (const lang of ["es", "en"]) {
      const p = page(pair, lang, section, pair * 2 + (lang === "es" ? 1 : 2));
      if (p.text.includes(UNIQUE.word)) unique++;
      write(`content/${lang}/${p.rel}.md`, p.text);
    }
  }
  if (pairs > 779 && unique !== 1) throw new Error(`${UNIQUE.word} is on ${unique} pages, not 1`);
  return { pages: pairs * 2 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, pairs] = process.argv.slice(2);
  if (!out) { console.error("usage: gen-site.mjs OUT_DIR [PAIRS]"); process.exit(2); }
  const { pages } = generate(out, pairs ? Number(pairs) : 1000);
  console.log(`${pages} pages in ${out}`);
}
