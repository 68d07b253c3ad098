// Live reload under `faro serve`: a page open in Chromium shows an edit to its Markdown
// without a manual refresh, keeps its scroll position, shows a failed rebuild's errors
// over the page and clears them on the next good save.
// Usage: node live.mjs FARO SITE_DIR PORT   (SITE_DIR is a scratch copy: it gets edited)
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, runChecks, assert } from "./lib.mjs";

const [faro, site, port] = process.argv.slice(2);
if (!faro || !site || !port) {
  console.error("usage: node live.mjs FARO SITE_DIR PORT");
  process.exit(2);
}

const server = spawn(faro, ["serve", "--site", site, "--port", port], { stdio: ["ignore", "pipe", "pipe"] });
let stderr = "";
server.stderr.on("data", (d) => (stderr += d));
const base = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    const m = out.match(/Serving at (\S+)/);
    if (m) resolve(m[1]);
  });
  server.on("exit", (code) => reject(new Error(`faro serve exited with ${code}: ${stderr}`)));
  setTimeout(() => reject(new Error("faro serve did not start in 20 s")), 20000);
});

const browser = await launch();
const file = (rel) => join(site, "content", rel);
const original = new Map();
function edit(rel, change) {
  if (!original.has(rel)) original.set(rel, readFileSync(file(rel), "utf8"));
  writeFileSync(file(rel), change(readFileSync(file(rel), "utf8")));
}
// Puts a paragraph right after the front matter.
const withLead = (text) => (src) => src.replace(/\n---\n/, `\n---\n\n${text}\n`);
const timings = [];

async function openPage(path, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(base + path);
  // Let the event stream open before the edit, as it has for someone reading the page.
  await page.waitForTimeout(300);
  return { context, page };
}

async function seeEdit(page, rel, marker) {
  const t0 = Date.now();
  edit(rel, withLead(marker));
  await page.waitForFunction((m) => document.body && document.body.innerText.includes(m), marker, { timeout: 5000 });
  timings.push(Date.now() - t0);
}

const ok = await runChecks("live", [
  ["an edit to a Spanish page shows without a manual refresh, at the same scroll position", async () => {
    const { context, page } = await openPage("es/regiones/");
    await page.evaluate(() => window.scrollTo(0, 600));
    const before = await page.evaluate(() => window.scrollY);
    assert(before > 300, `the page should scroll (scrollY ${before})`);
    const navigations = [];
    page.on("framenavigated", (f) => f === page.mainFrame() && navigations.push(f.url()));
    await seeEdit(page, "es/regiones.md", "Marca de prueba: edición en vivo.");
    const after = await page.evaluate(() => window.scrollY);
    assert(navigations.length >= 1, "the page reloaded itself");
    assert(Math.abs(after - before) < 50, `scroll position kept (${before} -> ${after})`);
    await context.close();
  }],
  ["an edit to an English page shows on a phone-sized window", async () => {
    const { context, page } = await openPage("en/", 360);
    await seeEdit(page, "en/_index.md", "Live edit test marker.");
    await context.close();
  }],
  ["a broken save shows the errors over the last good page; the fix clears them", async () => {
    const { context, page } = await openPage("es/regiones/");
    const good = readFileSync(file("es/regiones.md"), "utf8");
    writeFileSync(file("es/regiones.md"), good.replace(/^---\n/, "---\nweight: [roto\n"));
    await page.waitForSelector("#faro-errors", { timeout: 5000 });
    const panel = await page.textContent("#faro-errors");
    assert(panel.includes("content/es/regiones.md:"), `the panel names the file and line: ${panel}`);
    assert(panel.includes("No se pudo actualizar el sitio"), `the panel speaks the page's language: ${panel}`);
    assert((await page.getAttribute("#faro-errors", "role")) === "alert", "the panel is announced");
    if (process.env.LIVE_SHOT) await page.screenshot({ path: process.env.LIVE_SHOT });
    assert(await page.evaluate(() => document.body.innerText.includes("Marca de prueba")), "the last good content stays");
    writeFileSync(file("es/regiones.md"), good.replace("Marca de prueba: edición en vivo.", "Marca arreglada."));
    await page.waitForFunction(() => document.body.innerText.includes("Marca arreglada."), null, { timeout: 5000 });
    assert((await page.$("#faro-errors")) === null, "the panel is gone after the fix");
    await context.close();
  }],
]);

console.log(`live: edit-to-visible in Chromium ${timings.map((t) => t + " ms").join(", ")}`);
for (const [rel, text] of original) writeFileSync(file(rel), text);
await browser.close();
server.kill("SIGINT");
process.exit(ok ? 0 : 1);
