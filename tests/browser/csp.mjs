// The Content-Security-Policy watcher on the given URLs only: used to show that the suite's
// watcher fails on a broken fixture. Usage: node csp.mjs URL...
import { launch, runChecks, assert, watchCsp } from "./lib.mjs";

const browser = await launch();
const checks = process.argv.slice(2).map((u) => [`csp: ${u}`, async () => {
  const context = await browser.newContext();
  const seen = await watchCsp(context);
  const page = await context.newPage();
  await page.goto(u);
  await page.waitForLoadState("networkidle");
  await context.close();
  assert(seen.length === 0, [...new Set(seen.map((v) => v.text))].join("; "));
}]);
const ok = await runChecks("csp", checks);
await browser.close();
process.exit(ok ? 0 : 1);
