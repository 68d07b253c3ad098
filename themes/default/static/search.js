/* Search in the browser, from the index faro writes at build time (src/pages/search/). No
   server, no request leaves the site, works offline and under a subpath. Nothing is stored.
   The query becomes keys as faro makes the index's: each word folded (lower case, accents
   removed, ñ as "ni" and as "n") and cut by the plural rule the index names. index.json
   lists the shards; only those of the query's keys are loaded, then the fragments (title,
   address, text) of the results shown. A key of three letters or more finds the keys it
   starts; a shorter one only itself. Both sides are tested on one table,
   src/pages/search/cases.txt (tests/browser/search.test.mjs runs it here). The count line's
   texts come from faro too, by number of results, so no language's plural rule is here. */
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

  function queryKeys(rule, query) {
    return wordForms(query).map(function (forms) {
      return forms.map(function (f) { return keyOf(rule, f); });
    });
  }

  // A query key finds an index key by its start from three letters on, whole below.
  function keyFinds(q, key) {
    return length(q) >= 3 ? key.startsWith(q) : key === q;
  }

  // The shards that can hold keys `q` finds: the one of q's longest listed prefix, and, for a
  // key that finds by its start, those whose prefix starts with q.
  function shardsFor(shards, q) {
    var out = [], best = -1;
    for (var i = 0; i < shards.length; i++) {
      var p = shards[i][0];
      if (q.startsWith(p)) {
        if (best < 0 || p.length > shards[best][0].length) best = i;
      } else if (length(q) >= 3 && p.startsWith(q)) {
        out.push(i);
      }
    }
    if (best >= 0) out.unshift(best);
    return out;
  }

  // load(path) gives the parsed JSON of a file beside index.json. The index and each shard
  // are asked for once.
  function Index(load) {
    this.load = load;
    this.shards = {};
    this.meta = load("index.json");
  }

  Index.prototype.shard = function (meta, n) {
    var entry = meta.shards[n];
    if (!this.shards[n]) this.shards[n] = this.load("i/" + shardName(entry[0]) + ".json?h=" + entry[1]);
    return this.shards[n];
  };

  // What faro names a shard: its prefix's UTF-8 bytes in hex, "_" for the empty one.
  function shardName(prefix) {
    if (!prefix) return "_";
    return encodeURIComponent(prefix).replace(/%([0-9A-F]{2})|([^%])/g, function (all, hex, c) {
      return hex ? hex.toLowerCase() : c.charCodeAt(0).toString(16).padStart(2, "0");
    });
  }

  // The documents that have every word of the query, best first: each word scores a
  // document by the best key it finds there (BM25 weight times the key's rarity; a key
  // found by its start counts less than the word itself), and the words' scores add up.
  Index.prototype.search = function (query) {
    var self = this;
    return self.meta.then(function (meta) {
      var q = queryKeys(meta.rule, query);
      if (!q.length) return { meta: meta, q: q, hits: [] };
      var wanted = {};
      q.forEach(function (forms) {
        forms.forEach(function (k) { shardsFor(meta.shards, k).forEach(function (n) { wanted[n] = true; }); });
      });
      var loads = Object.keys(wanted).map(function (n) {
        return self.shard(meta, n).then(function (body) { return [n, body]; });
      });
      return Promise.all(loads).then(function (loaded) {
        var bodies = {};
        loaded.forEach(function (pair) { bodies[pair[0]] = pair[1]; });
        var total = null;
        q.forEach(function (forms) {
          var best = new Map();
          forms.forEach(function (k) {
            shardsFor(meta.shards, k).forEach(function (n) {
              var body = bodies[n];
              Object.keys(body).forEach(function (key) {
                if (!keyFinds(k, key)) return;
                var list = body[key], df = list.length / 2;
                var idf = Math.log(1 + (meta.n - df + 0.5) / (df + 0.5)) * (key === k ? 1 : 0.7);
                for (var i = 0, doc = 0; i < list.length; i += 2) {
                  doc += list[i];
                  var score = idf * list[i + 1];
                  if (!(best.get(doc) >= score)) best.set(doc, score);
                }
              });
            });
          });
          if (total === null) { total = best; return; }
          var both = new Map();
          total.forEach(function (score, doc) { if (best.has(doc)) both.set(doc, score + best.get(doc)); });
          total = both;
        });
        var hits = Array.from(total).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
          .map(function (pair) { return { doc: pair[0], score: pair[1] }; });
        return { meta: meta, q: q, hits: hits };
      });
    });
  };

  // A result's fragment: {u: address, t: title, d: description, x: text}.
  Index.prototype.fragment = function (meta, doc) {
    return this.load("p/" + doc + ".json?v=" + meta.v);
  };

  // The hits from `from`, `count` of them, with their fragments.
  Index.prototype.page = function (found, from, count) {
    var self = this;
    return Promise.all(found.hits.slice(from, from + count).map(function (hit) {
      return self.fragment(found.meta, hit.doc).then(function (f) {
        return { doc: hit.doc, score: hit.score, u: f.u, t: f.t, d: f.d, x: f.x };
      });
    }));
  };

  // Some 30 words of `text` around the first that a query key finds, as runs
  // [[text, marked], …], the words found marked; null when no word of it is found.
  function excerpt(rule, q, text, size) {
    size = size || 30;
    var words = text.split(" ");
    var found = words.map(function (word) {
      return wordForms(word).some(function (forms) {
        return forms.some(function (f) {
          var key = keyOf(rule, f);
          return q.some(function (qforms) { return qforms.some(function (k) { return keyFinds(k, key); }); });
        });
      });
    });
    var first = found.indexOf(true);
    if (first < 0) return null;
    var from = Math.max(0, Math.min(first - 8, words.length - size)), to = Math.min(words.length, from + size);
    var runs = [];
    if (from > 0) runs.push(["… ", false]);
    for (var i = from; i < to; i++) {
      var text1 = (i > from ? " " : "") + words[i];
      var last = runs[runs.length - 1];
      if (found[i]) {
        if (i > from) { if (last && !last[1]) last[0] += " "; else runs.push([" ", false]); }
        runs.push([words[i], true]);
      } else if (last && !last[1]) {
        last[0] += text1;
      } else {
        runs.push([text1, false]);
      }
    }
    if (to < words.length) runs.push([" …", false]);
    return runs;
  }

  // runs: [[from, text], …] in rising order; the text of the last run that n reaches.
  function countText(runs, n) {
    var text = "{n}";
    runs.forEach(function (run) { if (run[0] <= n) text = run[1]; });
    return text.split("{n}").join(String(n));
  }

  var api = { foldWith: foldWith, wordForms: wordForms, keyOf: keyOf, queryKeys: queryKeys,
    keyFinds: keyFinds, shardsFor: shardsFor, shardName: shardName, Index: Index, excerpt: excerpt,
    countText: countText };
  if (typeof module === "object" && module && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var more = document.querySelector(".search-more");
  var PAGE = 10;
  var base = new URL(form.dataset.index, window.location.href);
  var index = new Index(function (path) {
    // The index may change between visits; shards and fragments carry their version.
    var init = path === "index.json" ? { cache: "no-cache" } : {};
    return fetch(new URL(path, base), init).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + r.url);
      return r.json();
    });
  });
  var counts = null;
  try { counts = JSON.parse(form.dataset.counts); } catch (e) { counts = [[0, "{n}"]]; }
  var shown = null, asked = 0;

  function item(found, result) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = result.u;
    a.textContent = result.t;
    var p = document.createElement("p");
    var runs = excerpt(found.meta.rule, found.q, result.x);
    if (!runs) {
      p.textContent = result.d;
    } else {
      runs.forEach(function (run) {
        if (!run[1]) { p.appendChild(document.createTextNode(run[0])); return; }
        var mark = document.createElement("mark");
        mark.textContent = run[0];
        p.appendChild(mark);
      });
    }
    li.appendChild(a);
    li.appendChild(p);
    return li;
  }

  function showMore(found, ask) {
    var from = list.children.length;
    return index.page(found, from, PAGE).then(function (results) {
      if (ask !== asked) return;
      results.forEach(function (r) { list.appendChild(item(found, r)); });
      if (more) more.hidden = list.children.length >= found.hits.length;
    });
  }

  function run() {
    var ask = ++asked;
    index.search(input.value).then(function (found) {
      if (ask !== asked) return null;
      list.textContent = "";
      shown = found;
      if (more) more.hidden = true;
      if (!found.q.length) { status.textContent = ""; return null; }
      status.textContent = found.hits.length ? countText(counts, found.hits.length) : form.dataset.none;
      return showMore(found, ask);
    }).catch(function () {
      if (ask === asked) status.textContent = form.dataset.none;
    });
  }

  var timer = null;
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); run(); }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  // Typing waits for a pause, so each keystroke does not load shards of its own.
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  if (more) {
    more.addEventListener("click", function () { if (shown) showMore(shown, asked); });
  }
})();
