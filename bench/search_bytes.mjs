// Bytes per query, faro's search against Pagefind's default UI on the same built site, served
// with gzip: each query in a fresh browser context (empty cache), every response of the page
// load and of the query counted by its transferred size. Prints one JSON line per query.
// Usage: node bench/search_bytes.mjs FARO_SEARCH_URL PAGEFIND_SEARCH_URL QUERY...
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const { searchSession } = await import("../tests/browser/search-session.mjs");

const [faroUrl, pagefindUrl, ...queries] = process.argv.slice(2);
if (!pagefindUrl || !queries.length) {
  console.error("usage: search_bytes.mjs FARO_SEARCH_URL PAGEFIND_SEARCH_URL QUERY...");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
let ok = true;
try {
  for (const q of queries) {
    for (const [tool, url] of [["faro", faroUrl], ["pagefind", pagefindUrl]]) {
      const r = await searchSession(browser, tool, url, q);
      if (r.hits === 0 || r.failed.length) ok = false;
      if (process.env.VERBOSE) for (const f of r.files) console.error(`  ${tool} ${q}: ${f}`);
      delete r.files;
      delete r.links;
      console.log(JSON.stringify(r));
    }
  }
} finally {
  await browser.close();
}
if (!ok) {
  console.error("a query found nothing or a request failed (see the lines above)");
  process.exit(1);
}
