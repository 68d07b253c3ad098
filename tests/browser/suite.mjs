// The browser suite: loads the built site from a real web server (nginx, under a subpath)
// in headless Chromium and checks what a reader at risk, on a phone or with a screen reader,
// depends on. Every page any check opens fails it on a Content-Security-Policy violation.
// Usage: node suite.mjs http://127.0.0.1:PORT/sub/ [LONG_MENU_BASE/]
// LONG_MENU_BASE: the same site built with a main menu of eight entries (run.sh makes it).
import { gzipSync } from "node:zlib";
import { PAGES, allPages } from "./pages.mjs";
import {
  launch, axe, formatViolations, runChecks, assert, pageOpener,
  headerChecks, alignmentChecks, footnoteChecks, printableExitChecks,
} from "./lib.mjs";

const BASE = process.argv[2];
const LONG_MENU_BASE = process.argv[3];
if (!BASE || !BASE.endsWith("/") || (LONG_MENU_BASE && !LONG_MENU_BASE.endsWith("/"))) {
  console.error("usage: node suite.mjs BASE_URL/ [LONG_MENU_BASE_URL/] (ending in /)");
  process.exit(2);
}
const ORIGIN = new URL(BASE).origin;
const url = (path) => BASE + path;
const [, campaignEs, campaignEn] = PAGES.find(([t]) => t === "campaign page");
const [, untranslatedEs] = PAGES.find(([t]) => t === "untranslated page");

const browser = await launch();
const withPage = pageOpener(browser, ORIGIN);

const checks = [
  ["language switcher goes to the translation (es -> en)", () => withPage({}, async ({ page }) => {
    await page.goto(url(campaignEs));
    await page.click('.lang-switch a[hreflang="en"]');
    assert(page.url() === url(campaignEn), `landed on ${page.url()}`);
    assert((await page.getAttribute("html", "lang")) === "en", "html lang is not en");
  })],
  ["language switcher goes back (en -> es)", () => withPage({}, async ({ page }) => {
    await page.goto(url(campaignEn));
    await page.click('.lang-switch a[hreflang="es"]');
    assert(page.url() === url(campaignEs), `landed on ${page.url()}`);
  })],
  ["untranslated page: switcher leads to the English home and says so", () => withPage({ width: 360 }, async ({ page }) => {
    await page.goto(url(untranslatedEs));
    const link = page.locator('.lang-switch a[hreflang="en"]');
    assert((await link.getAttribute("href")) === new URL(url("en/")).pathname, "link does not go to /en/");
    assert(await link.locator(".lang-note").isVisible(), "the not-translated note is not visible");
    await link.click();
    assert(page.url() === url("en/"), `landed on ${page.url()}`);
  })],
  ["quick exit is the first thing the Tab key reaches", () => withPage({}, async ({ page }) => {
    await page.goto(url(campaignEs));
    await page.keyboard.press("Tab");
    assert((await page.evaluate(() => document.activeElement.id)) === "faro-exit", "first Tab does not focus the quick exit");
  })],
  ["quick exit by button replaces the page; Back does not return", () => withPage({ width: 360 }, async ({ page }) => {
    await page.goto("about:blank");
    await page.goto(url(campaignEs));
    const target = await page.getAttribute("#faro-exit", "href");
    await page.click("#faro-exit");
    await page.waitForURL(target);
    await page.goBack().catch(() => {});
    assert(!page.url().startsWith(BASE), `Back returned to ${page.url()}`);
  })],
  ["quick exit by Escape three times; Back does not return", () => withPage({}, async ({ page }) => {
    await page.goto("about:blank");
    await page.goto(url(campaignEn));
    const target = await page.getAttribute("#faro-exit", "href");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
    await page.waitForURL(target);
    await page.goBack().catch(() => {});
    assert(!page.url().startsWith(BASE), `Back returned to ${page.url()}`);
  })],
  ["quick exit and help line work with JavaScript off", () => withPage({ width: 360, js: false }, async ({ page }) => {
    await page.goto(url(campaignEs));
    assert(await page.locator("#faro-exit").isVisible(), "no visible quick exit");
    assert(await page.locator('.help-bar a[href^="tel:"]').first().isVisible(), "no visible help line");
    assert(await page.locator("main h1").isVisible(), "no content");
  })],
  ["help line is visible at 360 px with a tel: link, in both languages", () => withPage({ width: 360 }, async ({ page }) => {
    for (const path of [campaignEs, campaignEn]) {
      await page.goto(url(path));
      const line = page.locator('.help-bar a[href^="tel:"]').first();
      assert(await line.isVisible(), `${path}: help line not visible`);
      assert((await line.getAttribute("href")) === "tel:1818", `${path}: help line is ${await line.getAttribute("href")}`);
      const box = await line.boundingBox();
      assert(box && box.y < 400, `${path}: help line is below the first screen (y=${box && box.y})`);
    }
  })],
  ["print media hides navigation, switcher, quick exit", () => withPage({}, async ({ page }) => {
    await page.goto(url(campaignEs));
    await page.emulateMedia({ media: "print" });
    for (const sel of [".site-nav", ".lang-switch", ".exit-bar"]) {
      const display = await page.locator(sel).evaluate((el) => getComputedStyle(el).display);
      assert(display === "none", `${sel} is ${display} in print`);
    }
    assert(await page.locator("main h1").isVisible(), "content hidden in print");
  })],
  ["no third-party request and nothing stored, on every page type", () => withPage({}, async ({ page, foreign }) => {
    for (const { path } of allPages()) {
      await page.goto(url(path));
      await page.waitForLoadState("networkidle");
    }
    assert(foreign.length === 0, `requests left the site: ${foreign.join(", ")}`);
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
    assert(stored === 0, "something was stored in the browser");
  })],
  ["CSP and referrer policy are set on every page type", () => withPage({}, async ({ page }) => {
    for (const { path } of allPages()) {
      await page.goto(url(path));
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      assert(csp && csp.includes("default-src 'self'"), `${path}: no CSP`);
      assert((await page.getAttribute('meta[name="referrer"]', "content")) === "no-referrer", `${path}: no referrer policy`);
    }
  })],
  ["full report in print: chapters start on a new page, no navigation chrome", () => withPage({}, async ({ page }) => {
    for (const path of ["es/informes/2025/completo/", "en/reports/2025/full/"]) {
      await page.goto(url(path));
      await page.emulateMedia({ media: "print" });
      const breaks = await page.$$eval(".full-chapter", (els) => els.map((el) => getComputedStyle(el).breakBefore));
      assert(breaks.length >= 5 && breaks.every((b) => b === "page"), `${path}: chapter breaks ${breaks}`);
      for (const sel of [".site-nav", ".exit-bar", ".lang-switch"]) {
        const display = await page.locator(sel).evaluate((el) => getComputedStyle(el).display);
        assert(display === "none", `${path}: ${sel} is ${display} in print`);
      }
      const width = await page.locator(".faro-chart").first().evaluate((el) => el.getBoundingClientRect().width);
      const main = await page.locator("main").evaluate((el) => el.getBoundingClientRect().width);
      assert(width <= main, `${path}: a chart is wider (${width}) than the page (${main})`);
    }
  })],
  ["posters and flyers in print media: one sheet each, everything on it, QR readable, both languages", () => withPage({}, async ({ page }) => {
    const docs = allPages().filter((p) => p.document);
    assert(docs.length >= 6, `only ${docs.length} print documents`);
    for (const { path, lang } of docs) {
      await page.goto(url(path));
      await page.emulateMedia({ media: "print" });
      assert((await page.getAttribute("html", "lang")) === lang, `${path}: lang is not ${lang}`);
      for (const sel of [".screen-only"]) {
        const display = await page.locator(sel).first().evaluate((el) => getComputedStyle(el).display);
        assert(display === "none", `${path}: ${sel} is ${display} in print`);
      }
      // Nothing is cut off: each sheet's content fits inside it.
      const overflow = await page.$$eval(".sheet", (els) => els.map((el) => el.scrollHeight - el.clientHeight));
      assert(overflow.length >= 1 && overflow.every((o) => o <= 1), `${path}: content overflows its sheet by ${overflow} px`);
      for (const sel of [".sheet h1", ".help-call", ".qr-box svg"]) {
        assert(await page.locator(sel).first().isVisible(), `${path}: ${sel} is not visible in print`);
      }
      // The QR code is large enough to scan from a poster: at least 25 mm (96 px per inch).
      const qr = await page.locator(".qr-box svg").first().boundingBox();
      assert(qr && qr.width >= 25 / 25.4 * 96, `${path}: the QR code is ${qr && qr.width} px wide`);
      // Printed, it is exactly one page of the size its layout names.
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert(pages === 1, `${path}: prints on ${pages} pages`);
      const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
      const want = path.includes("a3") ? [842, 1191] : [595, 842];
      assert(box && Math.abs(box[1] - want[0]) < 2 && Math.abs(box[2] - want[1]) < 2, `${path}: page is ${box && box.slice(1)} pt, want ${want}`);
    }
  })],
  ["search finds accented pages from unaccented words, in both languages", () => withPage({ width: 360 }, async ({ page, foreign }) => {
    for (const [path, query, accented] of [["es/buscar/", "capacitacion", /capacitación/i], ["en/search/", "publico", /Público/]]) {
      await page.goto(url(path));
      await page.fill("#search-q", query);
      await page.press("#search-q", "Enter");
      await page.waitForSelector(".search-results li");
      const first = await page.locator(".search-results li a").first();
      const href = await first.getAttribute("href");
      assert(href.startsWith(new URL(BASE).pathname), `${path}: result ${href} is outside the subpath`);
      const titles = await page.locator(".search-results li a").allTextContents();
      await first.click();
      const text = await page.locator("main").innerText();
      assert(accented.test(text), `${path}: "${query}" led to ${page.url()}, which lacks ${accented}; results: ${titles.join(" | ")}`);
    }
    assert(foreign.length === 0, `search made requests outside the site: ${foreign.join(", ")}`);
  })],
  ["an old address (alias) leads to the page, in both languages, without JavaScript", () => withPage({ js: false }, async ({ page }) => {
    for (const [old, now] of [["es/linea-gratuita/", campaignEs], ["en/campaigns/free-line/", campaignEn]]) {
      await page.goto(url(old));
      await page.waitForURL(url(now));
      const canonical = await page.getAttribute('link[rel="canonical"]', "href");
      assert(canonical.endsWith(now), `${old}: canonical ${canonical}`);
    }
  })],
  ["taxonomy pages list their pages and link back", () => withPage({}, async ({ page }) => {
    await page.goto(url("en/audience/students/"));
    const links = await page.locator("main .card-title a").allTextContents();
    assert(links.length >= 2, `students lists ${links}`);
    await page.click("main .card-title a >> nth=0");
    assert(await page.locator('main a.tag[href$="/audience/students/"]').count() === 1, "the page does not link back to its term");
  })],
  ["report chapters link to the previous and next chapter", () => withPage({}, async ({ page }) => {
    await page.goto(url("en/reports/2025/goals/"));
    await page.click('a[rel="next"]');
    assert(page.url() === url("en/reports/2025/roadmap/"), `next went to ${page.url()}`);
    await page.click('a[rel="prev"]');
    assert(page.url() === url("en/reports/2025/goals/"), `prev went to ${page.url()}`);
  })],
  ["every page is under 50 KB compressed (HTML, CSS and scripts)", async () => {
    const sizes = [];
    for (const { path } of allPages().filter((p) => !p.document)) {
      const html = await (await fetch(url(path))).text();
      let total = gzipSync(html).length;
      for (const m of html.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g)) {
        total += gzipSync(Buffer.from(await (await fetch(new URL(m[1], url(path)))).arrayBuffer())).length;
      }
      sizes.push([path, total]);
      assert(total < 50 * 1024, `${path} weighs ${total} bytes compressed`);
    }
    const max = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
    console.log(`     heaviest: ${max[0]} at ${(max[1] / 1024).toFixed(1)} KB compressed`);
  }],
  ["images have width, height and lazy loading", () => withPage({}, async ({ page }) => {
    for (const { path } of allPages().filter((p) => !p.document)) {
      await page.goto(url(path));
      const bad = await page.$$eval("main img", (imgs) => imgs.filter((i) => !i.getAttribute("width") || !i.getAttribute("height") || i.loading !== "lazy").map((i) => i.src));
      assert(bad.length === 0, `${path}: ${bad.join(", ")}`);
    }
  })],
  ["no Content-Security-Policy violation on any page type (JavaScript on, policy enforced)", () => withPage({}, async ({ page, csp }) => {
    for (const { path } of allPages()) {
      await page.goto(url(path));
      await page.waitForLoadState("networkidle");
    }
    // withPage fails on what was seen; this also proves the watcher is listening.
    assert(await page.evaluate(() => typeof window.__faroCspViolation === "function"), "the CSP watcher is not installed");
    console.log(`     ${allPages().length} pages, ${csp.length} violation(s) seen`);
  })],
  ["skip link moves focus to the main content", () => withPage({}, async ({ page }) => {
    await page.goto(url(campaignEs));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert((await page.evaluate(() => document.activeElement.className)) === "skip-link", "second Tab is not the skip link");
    await page.keyboard.press("Enter");
    assert((await page.evaluate(() => document.activeElement.id)) === "faro-main", "focus did not move to main");
  })],
];

// The header at a phone's and a desktop's size, on the example's own menu and, when given,
// on the same site with eight entries; printables keep the quick exit; Markdown tables and
// footnotes as readers see them.
const header = [[campaignEs, "Menú"], ["en/", "Menu"]];
checks.push(...headerChecks(withPage, url, header));
if (LONG_MENU_BASE) checks.push(...headerChecks(withPage, (p) => LONG_MENU_BASE + p, [["es/", "Menú"], [campaignEn, "Menu"]], ", eight entries"));
checks.push(...printableExitChecks(withPage, url, BASE, allPages().filter((p) => p.document).map((p) => p.path).slice(0, 2)));
checks.push(...alignmentChecks(withPage, url, [["es/informes/2025/04-indicadores/", "Denuncias"], ["en/reports/2025/indicators/", "Reports"]]));
checks.push(...footnoteChecks(withPage, url, ["es/", "en/"]));

// axe on every page type, in both languages, at phone and desktop widths.
for (const { type, lang, path } of allPages()) {
  for (const width of [360, 1280]) {
    checks.push([`axe: ${type} (${lang}, ${width} px)`, () => withPage({ width, bypassCSP: true }, async ({ page }) => {
      await page.goto(url(path));
      const violations = await axe(page);
      assert(violations.length === 0, formatViolations(violations));
    })]);
  }
}

const ok = await runChecks("browser", checks);
await browser.close();
process.exit(ok ? 0 : 1);
