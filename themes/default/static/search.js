/* Search in the browser, from the index faro writes at build time. No server, no request
   leaves the site, works offline and under a subpath. Text is folded as faro folds it:
   lower case, accents removed, ñ as "ni". Nothing is stored. */
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var index = null;

  function fold(text) {
    return text.toLowerCase().replace(/ñ/g, "ni").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function show(query) {
    var words = fold(query).split(" ").filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = index.filter(function (item) {
      var text = " " + item.x + " ";
      return words.every(function (w) { return text.indexOf(" " + w) !== -1 || text.indexOf(w) !== -1; });
    });
    status.textContent = hits.length ? form.dataset.count.replace("{n}", hits.length) : form.dataset.none;
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
