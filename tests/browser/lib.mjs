// Shared helpers: the browser (Debian's chromium driven by playwright-core), axe-core, a
// Content-Security-Policy watcher, checks shared by the suites (header, tables, footnotes),
// and a tiny check runner that prints one line per check and a closing "N passed, M failed".
import { chromium } from "playwright-core";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve("axe-core/axe.min.js");

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** Runs axe (WCAG 2.1 A and AA rules, plus best practices such as heading order and landmarks) on the open page; returns its violations. */
export async function axe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
}

export function formatViolations(violations) {
  return violations.map((v) => `${v.id} (${v.help}) at ${v.nodes.join(", ")}`).join("; ");
}

/** Runs named checks in order, `[name, fn]`; each throws to fail. */
export async function runChecks(title, checks) {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of checks) {
    try {
      await fn();
      passed++;
      console.log(`ok   ${name}`);
    } catch (err) {
      const message = String(err && err.message ? err.message : err).split("\n").join("\n     ");
      failed++;
      console.log(`FAIL ${name}\n     ${message}`);
    }
  }
  console.log(`${title}: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

/**
 * Records every Content-Security-Policy violation on the context's pages: the
 * `securitypolicyviolation` event (with the element at fault) and Chromium's console errors
 * about the policy. Returns the list, which grows as pages are opened.
 */
export async function watchCsp(context) {
  const seen = [];
  await context.exposeBinding("__faroCspViolation", (_source, v) => seen.push(v));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const el = e.target && e.target.nodeType === 1 ? e.target.outerHTML.slice(0, 100) : "";
      window.__faroCspViolation({
        page: location.href,
        text: `${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile || location.href}:${e.lineNumber}${el ? ` on ${el}` : ""}`,
        element: el,
      });
    }, true);
  });
  context.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) {
      seen.push({ page: m.location().url, text: `console: ${m.text()}`, element: "" });
    }
  });
  return seen;
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const NEUTRAL_BODY = "<!DOCTYPE html><title>neutral</title><p>neutral site</p>";

/**
 * `withPage(opts, fn)` for a browser and the site's origin: a fresh context (viewport,
 * JavaScript on or off, CSP bypassed only for axe), requests leaving the site recorded and
 * answered with a stub, and every CSP violation on every page it opens failing the check.
 */
export function pageOpener(browser, origin) {
  async function open({ width = 1280, height = 900, js = true, bypassCSP = false } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: js, bypassCSP });
    const foreign = [];
    await context.route((u) => u.origin !== origin, (route) => {
      foreign.push(route.request().url());
      route.fulfill({ status: 200, contentType: "text/html", body: NEUTRAL_BODY });
    });
    const csp = await watchCsp(context);
    const page = await context.newPage();
    return { context, page, foreign, csp };
  }
  return async function withPage(opts, fn) {
    const ctx = await open(opts);
    try {
      await fn(ctx);
      const bad = ctx.csp;
      assert(bad.length === 0, `Content-Security-Policy violations:\n${[...new Set(bad.map((v) => `${v.page}: ${v.text}`))].join("\n")}`);
    } finally {
      await ctx.context.close();
    }
  };
}

/** The accessibility node Chromium gives a `<summary>` named `name`: its role and expanded state. */
async function disclosure(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const node = nodes.find((n) => n.name && n.name.value === name && n.role && n.role.value === "DisclosureTriangle");
  await cdp.detach();
  if (!node) return null;
  const expanded = (node.properties || []).find((p) => p.name === "expanded");
  return { role: node.role.value, expanded: expanded ? expanded.value.value : undefined };
}

/**
 * The header on a phone (360×800) and a desktop (1280×900): on the phone the quick exit and
 * the help line are on the first screen and the menu is folded behind a control a keyboard
 * and a screen reader can use, with JavaScript on or off; on the desktop every entry shows.
 * `pages`: [[path, menuLabel]], `url`: path -> address.
 */
export function headerChecks(withPage, url, pages, note = "") {
  const checks = [];
  for (const [path, label] of pages) {
    for (const js of [true, false]) {
      checks.push([`header at 360×800${note} (${path}, JavaScript ${js ? "on" : "off"}): quick exit and help line on the first screen, menu folded and opened by keyboard`, () => withPage({ width: 360, height: 800, js }, async ({ page }) => {
        await page.goto(url(path));
        for (const sel of ["#faro-exit", '.help-bar a[href^="tel:"]']) {
          const box = await page.locator(sel).first().boundingBox();
          assert(box && box.y >= 0 && box.y + box.height <= 800, `${sel} is not on the first screen (${JSON.stringify(box)})`);
        }
        const help = await page.locator(".help-bar").boundingBox();
        console.log(`     ${path}: help line at y=${Math.round(help.y)} px, header ends at ${Math.round((await page.locator(".site-header").boundingBox()).height + (await page.locator(".site-header").boundingBox()).y)} px`);
        const links = page.locator(".site-nav li a");
        const count = await links.count();
        assert(count >= 1, "no menu entries");
        assert(!(await links.first().isVisible()), "the menu is not folded on a phone");
        const toggle = page.locator(".site-nav summary");
        assert(await toggle.isVisible(), "no visible menu control");
        const closed = await disclosure(page, label);
        assert(closed && closed.expanded === false, `the control is not a collapsed disclosure named "${label}": ${JSON.stringify(closed)}`);
        await page.keyboard.press("Tab"); // the quick exit is first; reach the control by keyboard
        for (let i = 0; i < 40 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
        assert(await toggle.evaluate((el) => el === document.activeElement), "Tab never reaches the menu control");
        await page.keyboard.press("Enter");
        const open = await disclosure(page, label);
        assert(open && open.expanded === true, `Enter did not expand the menu: ${JSON.stringify(open)}`);
        for (let i = 0; i < count; i++) assert(await links.nth(i).isVisible(), `entry ${i + 1} of ${count} is hidden once open`);
        await page.keyboard.press("Tab");
        assert(await links.first().evaluate((el) => el === document.activeElement), "Tab after the control does not go to the first entry");
      })]);
    }
    checks.push([`header at 1280×900${note} (${path}): the whole menu shows, no control`, () => withPage({ width: 1280, height: 900 }, async ({ page }) => {
      await page.goto(url(path));
      const links = page.locator(".site-nav li a");
      const count = await links.count();
      for (let i = 0; i < count; i++) assert(await links.nth(i).isVisible(), `entry ${i + 1} of ${count} is hidden on a desktop`);
      assert(!(await page.locator(".site-nav summary").isVisible()), "the menu control shows on a desktop");
      const help = await page.locator('.help-bar a[href^="tel:"]').first().boundingBox();
      assert(help && help.y + help.height <= 900, "the help line is below the first screen");
    })]);
  }
  return checks;
}

/** Right-aligned Markdown columns render right-aligned, and on a phone no number breaks from
 *  its unit ("79,6 %" on one line): `tables` is [[path, header text]]. */
export function alignmentChecks(withPage, url, tables) {
  return tables.map(([path, header]) => [`right-aligned table column "${header}" renders right-aligned, each cell on one line at 360 px (${path})`, () => withPage({ width: 360 }, async ({ page }) => {
    await page.goto(url(path));
    const aligns = await page.evaluate((header) => {
      for (const table of document.querySelectorAll("main table")) {
        const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
        const i = heads.indexOf(header);
        if (i < 0) continue;
        const cells = [table.querySelectorAll("thead th")[i], ...[...table.querySelectorAll("tbody tr")].map((tr) => tr.children[i])];
        const lines = (c) => {
          const r = document.createRange();
          r.selectNodeContents(c);
          return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
        };
        return cells.map((c, k) => ({ align: getComputedStyle(c).textAlign, text: c.textContent.trim(), lines: k ? lines(c) : 1 }));
      }
      return null;
    }, header);
    assert(aligns, `no table with a "${header}" column`);
    assert(aligns.every((a) => a.align === "right" || a.align === "end"), `"${header}" cells are aligned ${aligns.map((a) => a.align).join(", ")}`);
    const broken = aligns.filter((a) => a.lines > 1).map((a) => a.text);
    assert(broken.length === 0, `"${header}" cells break over lines on a phone: ${broken.join(", ")}`);
  })]);
}

/** Every footnote reference leads to its note, and the note has a link back to it. */
export function footnoteChecks(withPage, url, paths) {
  return paths.map((path) => [`footnotes have back-links to their references (${path})`, () => withPage({}, async ({ page }) => {
    await page.goto(url(path));
    const result = await page.evaluate(() => {
      const byHash = (a) => { try { return document.getElementById(decodeURIComponent(a.hash.slice(1))); } catch { return null; } };
      const refs = [...document.querySelectorAll('main sup a[href^="#"]')];
      const bad = [];
      for (const ref of refs) {
        const note = byHash(ref);
        if (!note) { bad.push(`${ref.getAttribute("href")} leads nowhere`); continue; }
        const backs = [...note.querySelectorAll('a[href^="#"]')].map(byHash).filter(Boolean);
        if (!backs.some((b) => b === ref || b.contains(ref))) bad.push(`note ${note.id} has no link back to its reference`);
      }
      return { count: refs.length, bad };
    });
    assert(result.count >= 1, "no footnote reference on the page");
    assert(result.bad.length === 0, result.bad.join("; "));
  })]);
}

/** The search page finds `word` (from the last paragraph of a long page) and leads there. */
export function deepSearchCheck(withPage, url, searchPath, word, target) {
  return [`search finds "${word}" from the last paragraph of a long page (${searchPath})`, () => withPage({ width: 360 }, async ({ page }) => {
    await page.goto(url(searchPath));
    await page.fill("#search-q", word);
    await page.press("#search-q", "Enter");
    await page.waitForSelector(".search-results li", { timeout: 5000 }).catch(() => {});
    const hrefs = await page.locator(".search-results li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert(hrefs.some((h) => h.endsWith(target)), `"${word}" gave ${hrefs.length ? hrefs.join(", ") : "no result"}, not ${target}`);
  })];
}

/** A printable kit document keeps the quick exit: first in the tab order, by button and by
 *  Escape three times, Back not returning, and never printed. */
export function printableExitChecks(withPage, url, base, paths) {
  const checks = [];
  for (const path of paths) {
    checks.push([`quick exit on a printable (${path}): first Tab, hidden in print`, () => withPage({}, async ({ page }) => {
      await page.goto(url(path));
      await page.keyboard.press("Tab");
      assert((await page.evaluate(() => document.activeElement.id)) === "faro-exit", "first Tab does not focus the quick exit");
      await page.emulateMedia({ media: "print" });
      const display = await page.locator(".exit-bar").evaluate((el) => getComputedStyle(el).display);
      assert(display === "none", `the exit bar is ${display} in print`);
    })]);
    checks.push([`quick exit on a printable (${path}): Escape three times; Back does not return`, () => withPage({ width: 360 }, async ({ page }) => {
      await page.goto("about:blank");
      await page.goto(url(path));
      const target = await page.getAttribute("#faro-exit", "href");
      for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
      await page.waitForURL(target);
      await page.goBack().catch(() => {});
      assert(!page.url().startsWith(base), `Back returned to ${page.url()}`);
    })]);
  }
  return checks;
}
