// axe-core on the given URLs only: used to show the suite fails on a broken fixture.
// Usage: node axe.mjs URL...
import { launch, axe, formatViolations, runChecks, assert } from "./lib.mjs";

const browser = await launch();
const checks = process.argv.slice(2).map((u) => [`axe: ${u}`, async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(u);
  const violations = await axe(page);
  await context.close();
  assert(violations.length === 0, formatViolations(violations));
}]);
const ok = await runChecks("axe", checks);
await browser.close();
process.exit(ok ? 0 : 1);
