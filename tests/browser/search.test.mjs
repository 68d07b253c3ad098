// The theme's search.js on the table of cases the Rust side is tested on too
// (src/pages/search/cases.txt), so the query is folded and cut as faro cuts the index.
// Dependency-free: `node --test tests/browser/search.test.mjs`. SEARCH_JS names another
// copy of search.js, for example a built site's (the integration tests pass it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const here = new URL(".", import.meta.url);
const repo = new URL("../../", here);
const file = process.env.SEARCH_JS || new URL("themes/default/static/search.js", repo);

function load() {
  const module = { exports: {} };
  vm.runInNewContext(readFileSync(file, "utf8"), { module });
  return module.exports;
}

test("search.js holds the shared table of search cases", () => {
  const s = load();
  const table = readFileSync(new URL("src/pages/search/cases.txt", repo), "utf8");
  let checked = 0;
  for (const line of table.split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    const [kind, ...f] = line.split("|").map((x) => x.trim());
    const rule = f[0] === "-" ? null : f[0];
    if (kind === "words") {
      assert.equal(s.wordForms(f[0]).map((forms) => forms.join("/")).join(" "), f[1], line);
    } else if (kind === "key") {
      assert.equal(s.keyOf(rule, f[1]), f[2], line);
    } else if (kind === "find" || kind === "miss") {
      const found = s.finds(s.keys(rule, f[2]), s.queryKeys(rule, f[1]));
      assert.equal(found, kind === "find", line);
    } else {
      assert.fail(`not a case: ${line}`);
    }
    checked += 1;
  }
  assert.ok(checked > 50, String(checked));
});

test("the count text is the run the number reaches", () => {
  const s = load();
  const runs = [[0, "{n} resultados"], [1, "{n} resultado"], [2, "{n} resultados"]];
  assert.equal(s.countText(runs, 1), "1 resultado");
  assert.equal(s.countText(runs, 2), "2 resultados");
  assert.equal(s.countText(runs, 40), "40 resultados");
  assert.equal(s.countText([[0, "{n} tarikusqa"]], 1), "1 tarikusqa");
});
