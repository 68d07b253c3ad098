// The search budget on a 2,000-page site (gen-site.mjs) built under a subpath and served with
// gzip: in Chromium with an empty cache, a query for the word only the last paragraph of one
// page holds finds that page and marks the word in its excerpt, and a query for a word on most
// pages shows results too; each whole session (page load and query, every response, bytes as
// transferred) stays under the budget. Prints the figures.
// Usage: node search-budget.mjs SITE_URL (ending in /; SEARCH_BUDGET=bytes, default 100000)
import { launch, runChecks } from "./lib.mjs";
import { searchSession } from "./search-session.mjs";
import { FREQUENT, UNIQUE } from "./gen-site.mjs";

const site = process.argv[2];
if (!site) { console.error("usage: search-budget.mjs SITE_URL"); process.exit(2); }
const budget = Number(process.env.SEARCH_BUDGET || 100000);
const searchUrl = new URL("es/buscar/", site).href;
const pageUrl = new URL(`es/${UNIQUE.page}/`, site).href;

const figures = (r) => `${r.total} bytes in ${r.responses} responses (page load ${r.load} in ${r.loadResponses}), ${r.hits} results, ${r.shown} shown`;
const underBudget = (r) => {
  if (r.failed.length) throw new Error(`failed requests: ${r.failed.join(", ")}`);
  if (r.total >= budget) throw new Error(`over budget: ${r.total} bytes >= ${budget}\n${r.files.join("\n")}`);
};

const browser = await launch();
let ok;
try {
  ok = await runChecks("search budget", [
    ["the server sends the search index gzipped, as the budget assumes", async () => {
      const r = await fetch(new URL("index.json", searchUrl), { headers: { "accept-encoding": "gzip" } });
      if (!r.ok || r.headers.get("content-encoding") !== "gzip") {
        throw new Error(`${r.status}, content-encoding ${r.headers.get("content-encoding")}`);
      }
    }],
    [`"${UNIQUE.word}" (only in the last paragraph of ${UNIQUE.page}) finds it, marked, under ${budget} bytes`, async () => {
      const r = await searchSession(browser, "faro", searchUrl, UNIQUE.word);
      console.log(`     ${UNIQUE.word}: ${figures(r)}`);
      if (!r.links.includes(pageUrl)) throw new Error(`${pageUrl} not among the results: ${r.links.join(", ") || r.status}`);
      if (!r.marks.some((m) => m.toLowerCase().includes(UNIQUE.word))) throw new Error(`the excerpt does not mark it: marks ${JSON.stringify(r.marks)}`);
      underBudget(r);
    }],
    [`"${FREQUENT}" (on most pages) shows results, under ${budget} bytes`, async () => {
      const r = await searchSession(browser, "faro", searchUrl, FREQUENT);
      console.log(`     ${FREQUENT}: ${figures(r)}`);
      if (r.hits < 100 || r.shown === 0) throw new Error(`expected over 100 results, some shown: ${r.status}`);
      underBudget(r);
    }],
  ]);
} finally {
  await browser.close();
}
process.exit(ok ? 0 : 1);
