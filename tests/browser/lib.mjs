// Shared helpers: the browser (Debian's chromium driven by playwright-core), axe-core, and a
// tiny check runner that prints one line per check and a closing "N passed, M failed".
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

/** Runs named checks in order; each throws to fail. Exits non-zero if any failed. */
export async function runChecks(title, checks) {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of checks) {
    try {
      await fn();
      passed++;
      console.log(`ok   ${name}`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(err && err.message ? err.message : err).split("\n").join("\n     ")}`);
    }
  }
  console.log(`${title}: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
