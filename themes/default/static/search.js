/* Search in the browser, from the index faro writes at build time (src/pages/search/). No
   server, no request leaves the site, works offline and under a subpath. Nothing is stored.
   The query becomes keys as faro makes the index's: each word folded (lower case, accents
   removed, ñ as "ni" and as "n") and cut by the plural rule the index names; a query word
   finds the keys it starts. Both sides are tested on one table, src/pages/search/cases.txt
   (tests/browser/search.test.mjs runs it here). The count line's texts come from faro too,
   by number of results, so no language's plural rule is written here. */
(function () {
  "use strict";

  function foldWith(text, enye) {
    return text.normalize("NFC").toLowerCase().replace(/ñ/g, enye).normalize("NFD").replace(/\p{M}/gu, "")
      .replace(/[^\p{Alphabetic}\p{N}]+/gu, " ").trim();
  }

  // Each word's forms: one, or two for a word with ñ (typed "ni" or "n").
  function wordForms(text) {
    var ni = foldWith(text, "ni").split(" ").filter(Boolean);
    if (!/[ñÑ]/.test(text.normalize("NFC"))) return ni.map(function (w) { return [w]; });
    var n = foldWith(text, "n").split(" ").filter(Boolean);
    return ni.map(function (w, i) { return w === n[i] ? [w] : [w, n[i]]; });
  }

  function length(w) { return Array.from(w).length; }

  // The plural rules of src/pages/search/plural.rs, which documents them.
  var RULES = {
    es: function (w) {
      w = w.replace(/z/g, "c");
      var cut = /(as|es|os)$/.test(w) ? 2 : /[aeo]$/.test(w) ? 1 : 0;
      return length(w) >= cut + 2 ? w.slice(0, w.length - cut) : w;
    },
    en: function (w) {
      var c = Array.from(w), n = c.length;
      if (n < 3 || c[n - 1] !== "s" || c[n - 2] === "u" || c[n - 2] === "s") return w;
      if (c[n - 2] === "e") {
        if (n > 3 && c[n - 3] === "i" && c[n - 4] !== "a" && c[n - 4] !== "e") return c.slice(0, n - 3).join("") + "y";
        if ("iaoe".indexOf(c[n - 3]) !== -1) return w;
      }
      return c.slice(0, n - 1).join("");
    },
    qu: function (w) {
      var stem = w.replace(/kuna$/, "");
      return stem !== w && length(stem) >= 2 ? stem : w;
    }
  };

  function keyOf(rule, word) {
    return Object.prototype.hasOwnProperty.call(RULES, rule) ? RULES[rule](word) : word;
  }

  // What faro writes as an entry's "x": each key once, none that starts another.
  function keys(rule, text) {
    var all = [];
    wordForms(text).forEach(function (forms) {
      forms.forEach(function (f) { all.push(keyOf(rule, f)); });
    });
    all.sort();
    return all.filter(function (k, i) { return !(all[i + 1] || "").startsWith(k); }).join(" ");
  }

  function queryKeys(rule, query) {
    return wordForms(query).map(function (forms) {
      return forms.map(function (f) { return keyOf(rule, f); });
    });
  }

  // Every query word has a form whose key starts one of the entry's keys.
  function finds(x, qkeys) {
    var text = " " + x;
    return qkeys.length > 0 && qkeys.every(function (forms) {
      return forms.some(function (k) { return text.indexOf(" " + k) !== -1; });
    });
  }

  function search(index, query) {
    var q = queryKeys(index.rule, query);
    return index.entries.filter(function (entry) { return finds(entry.x, q); });
  }

  // runs: [[from, text], …] in rising order; the text of the last run that n reaches.
  function countText(runs, n) {
    var text = "{n}";
    runs.forEach(function (run) { if (run[0] <= n) text = run[1]; });
    return text.split("{n}").join(String(n));
  }

  var api = { foldWith: foldWith, wordForms: wordForms, keyOf: keyOf, keys: keys, queryKeys: queryKeys,
    finds: finds, search: search, countText: countText };
  if (typeof module === "object" && module && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var index = null;
  var counts = null;
  try { counts = JSON.parse(form.dataset.counts); } catch (e) { counts = [[0, form.dataset.count || "{n}"]]; }

  function show(query) {
    list.textContent = "";
    if (!queryKeys(index.rule, query).length) { status.textContent = ""; return; }
    var hits = search(index, query);
    status.textContent = hits.length ? countText(counts, hits.length) : form.dataset.none;
    hits.slice(0, 50).forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.u;
      a.textContent = item.t;
      var p = document.createElement("p");
      p.textContent = item.s;
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  function run() {
    var query = input.value;
    if (index) { show(query); return; }
    fetch(form.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
      index = data;
      show(query);
    });
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); run(); }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", run);
})();
