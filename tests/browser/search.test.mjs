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
      const keys = s.wordForms(f[2]).flat().map((w) => s.keyOf(rule, w));
      const q = s.queryKeys(rule, f[1]);
      const found = q.length > 0 && q.every((forms) => forms.some((k) => keys.some((key) => s.keyFinds(k, key))));
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

// Arrays made in the script's own context: compared as JSON.
const same = (got, want) => assert.equal(JSON.stringify(got), JSON.stringify(want));

test("a shard is named by its prefix's bytes in hex, as faro names it", () => {
  const s = load();
  assert.equal(s.shardName("se"), "7365");
  assert.equal(s.shardName(""), "_");
  assert.equal(s.shardName("ł"), "c582");
});

test("a key finds shards of its longest prefix, and by its start those it starts", () => {
  const s = load();
  const shards = [["", "0"], ["d", "1"], ["de", "2"], ["del", "3"], ["der", "4"], ["s", "5"]];
  same(s.shardsFor(shards, "de"), [2]);
  same(s.shardsFor(shards, "der"), [4]);
  same(s.shardsFor(shards, "dere"), [4]);
  same(s.shardsFor(shards, "x"), [0]);
  same(s.shardsFor([["de", "2"], ["del", "3"], ["der", "4"]], "de"), [0]);
  same(s.shardsFor([["dela", "2"], ["delb", "3"], ["dem", "4"]], "del"), [0, 1]);
});

test("an excerpt marks the words the query finds", () => {
  const s = load();
  const runs = s.excerpt("es", s.queryKeys("es", "trata"), "la trata de personas es un delito");
  same(runs, [["la ", false], ["trata", true], [" de personas es un delito", false]]);
  assert.equal(s.excerpt("es", s.queryKeys("es", "quetzal"), "la trata"), null);
  const long = Array.from({ length: 100 }, (_, i) => "w" + i).join(" ") + " quetzal fin";
  const cut = s.excerpt("es", s.queryKeys("es", "quetzal"), long);
  assert.ok(cut[0][0].startsWith("… w7"), cut[0][0]);
  assert.ok(cut.some((r) => r[1] && r[0] === "quetzal"));
});
