// The browser checks of the writers' fixture (fixtures/writers/, issue 17): a three-language
// site with every case the issue found. Every page is opened with its policy enforced (a CSP
// violation fails), then the header, the printables' quick exit, Markdown tables, footnotes,
// links to accented headings, autolinks, menus into another language, the long guide's last
// paragraph in search, and axe on every page at 360 and 1280 px.
// Usage: node writers.mjs http://127.0.0.1:PORT/escritores/
import {
  launch, axe, formatViolations, runChecks, assert, pageOpener, headerChecks, alignmentChecks,
  footnoteChecks, deepSearchCheck, printableExitChecks,
} from "./lib.mjs";

const BASE = process.argv[2];
if (!BASE || !BASE.endsWith("/")) {
  console.error("usage: node writers.mjs BASE_URL/ (ending in /)");
  process.exit(2);
}
const url = (path) => BASE + path;
const browser = await launch();
const withPage = pageOpener(browser, new URL(BASE).origin);

const PAGES = [
  "es/", "es/campanas/", "es/campanas/escuelas-seguras/", "es/campanas/escuelas-seguras/materiales/",
  "es/guias/", "es/guias/guia-completa/", "es/guias/prevencion/comunidades/charlas/", "es/datos/",
  "es/navegar-seguro/", "es/buscar/", "es/404.html",
  "en/", "en/campaigns/safe-schools/", "en/campaigns/safe-schools/kit/", "en/guides/full-guide/",
  "en/guides/prevention/communities/talks/", "en/figures/", "en/search/",
  "qu/", "qu/willakuy/",
];
const PRINTABLES = ["es/campanas/escuelas-seguras/materiales/afiche-a4.html", "en/campaigns/safe-schools/kit/flyer.html"];

const checks = [
  ["no Content-Security-Policy violation on any page (policy enforced)", () => withPage({}, async ({ page }) => {
    for (const path of [...PAGES, ...PRINTABLES]) {
      const res = await page.goto(url(path));
      assert(res && res.status() === 200, `${path}: HTTP ${res && res.status()}`);
      await page.waitForLoadState("networkidle");
    }
  })],
  ["links to headings written with accents land on the heading", () => withPage({}, async ({ page }) => {
    for (const [from, heading] of [["es/", "Año 2021: qué cambió"], ["es/guias/prevencion/comunidades/charlas/", "Año 2021: qué cambió"], ["en/figures/", "Year 2021: what changed"]]) {
      await page.goto(url(from));
      const link = page.locator('main a[href*="2021"]').first();
      await link.click();
      const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
      const text = await page.evaluate((id) => document.getElementById(id)?.textContent.trim(), id);
      assert(text === heading, `${from}: #${id} lands on ${JSON.stringify(text)}, not the heading "${heading}"`);
    }
  })],
  ["<contacto@…> autolinks are mailto: links", () => withPage({}, async ({ page }) => {
    for (const path of ["es/", "es/datos/", "en/figures/"]) {
      await page.goto(url(path));
      const n = await page.locator('main a[href="mailto:contacto@prevenirjuntas.example"]').count();
      assert(n >= 1, `${path}: no mailto: link for the autolink`);
    }
  })],
  ["a menu entry into another language carries hreflang, not lang (its name is in the menu's language); the footer menu is there", () => withPage({}, async ({ page }) => {
    await page.goto(url("es/datos/"));
    const entry = page.locator('.site-nav a[hreflang="en"]');
    assert((await entry.count()) === 1, "no main-menu entry into English with hreflang");
    assert((await entry.getAttribute("lang")) === null, "the menu entry into English declares its words English");
    assert((await page.locator(".site-nav li a").count()) === 8, "the main menu does not have eight entries");
    assert((await page.locator('footer a[href$="/es/datos/"]').count()) >= 1, "no footer menu entry to the figures page");
  })],
  ["the qu language shows by its name, and an untranslated page says so", () => withPage({ width: 360 }, async ({ page }) => {
    await page.goto(url("es/datos/"));
    const qu = page.locator('.lang-switch a[hreflang="qu"]');
    assert((await qu.innerText()).includes("Runasimi"), `the switcher names qu "${await qu.innerText()}"`);
    assert(await qu.locator(".lang-note").isVisible(), "no visible not-translated note for qu");
  })],
];
checks.push(...headerChecks(withPage, url, [["es/guias/prevencion/comunidades/charlas/", "Menú"], ["en/figures/", "Menu"]], ", writers"));
checks.push(...printableExitChecks(withPage, url, BASE, PRINTABLES));
checks.push(...alignmentChecks(withPage, url, [["es/datos/", "Valor"], ["es/datos/", "Denuncias"], ["en/figures/", "Reports"]]));
checks.push(...footnoteChecks(withPage, url, ["es/datos/", "en/figures/", "es/campanas/escuelas-seguras/"]));
checks.push(deepSearchCheck(withPage, url, "es/buscar/", "guardabosques", "/es/guias/guia-completa/"));
for (const path of [...PAGES, ...PRINTABLES]) {
  for (const width of [360, 1280]) {
    checks.push([`axe: ${path} (${width} px)`, () => withPage({ width, bypassCSP: true }, async ({ page }) => {
      await page.goto(url(path));
      const violations = await axe(page);
      assert(violations.length === 0, formatViolations(violations));
    })]);
  }
}

const ok = await runChecks("writers", checks);
await browser.close();
process.exit(ok ? 0 : 1);
