// faro serve only (never published): reloads the page when its files change, keeping the
// scroll position, and shows rebuild errors over the page until the next good save.
(function () {
  "use strict";
  var key = "faro-scroll:" + location.pathname;
  try {
    var y = sessionStorage.getItem(key);
    if (y !== null) {
      sessionStorage.removeItem(key);
      window.scrollTo(0, Number(y));
    }
  } catch (e) { /* storage off: the browser's own restore still applies */ }

  function reload() {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* ignore */ }
    location.reload();
  }

  var panel = null;
  function hide() {
    if (panel) { panel.remove(); panel = null; }
  }

  function show(report) {
    hide();
    var lang = document.documentElement.lang || "";
    var text = report.strings[lang] || report.strings[Object.keys(report.strings)[0]] || {};
    panel = document.createElement("div");
    panel.id = "faro-errors";
    panel.setAttribute("role", "alert");
    var s = panel.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
    s.maxHeight = "60vh"; s.overflow = "auto"; s.background = "#fff"; s.color = "#1a1a1a";
    s.borderTop = "6px solid #b00020"; s.padding = "1rem 1.25rem"; s.font = "16px/1.45 system-ui, sans-serif";
    s.boxShadow = "0 -4px 16px rgba(0,0,0,.25)";
    var h = document.createElement("h2");
    h.textContent = text.title || "";
    h.style.margin = "0 0 .25rem"; h.style.fontSize = "1.2rem"; h.style.color = "#b00020";
    var p = document.createElement("p");
    p.textContent = text.hint || "";
    p.style.margin = "0 0 .75rem";
    var list = document.createElement("ul");
    list.style.paddingLeft = "1.2rem"; list.style.margin = "0";
    report.errors.forEach(function (err) {
      var li = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = err.location;
      var what = document.createElement("span");
      var said = (err.said && err.said[lang]) || err;
      what.textContent = " " + said.message + (said.hint ? " (" + said.hint + ")" : "");
      li.appendChild(where);
      li.appendChild(what);
      li.style.marginBottom = ".4rem";
      list.appendChild(li);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = text.close || "×";
    close.style.float = "right"; close.style.font = "inherit"; close.style.padding = ".25rem .75rem";
    close.addEventListener("click", hide);
    panel.appendChild(close);
    panel.appendChild(h);
    panel.appendChild(p);
    panel.appendChild(list);
    document.body.appendChild(panel);
  }

  var here = location.pathname.replace(/index\.html$/, "");
  var events = new EventSource("/__faro/events");
  events.addEventListener("reload", function (e) {
    var changed = JSON.parse(e.data).changed;
    var mine = changed.some(function (url) {
      return url === here || !/(\/|\.html)$/.test(url) && !/\.(json|xml|txt|csv|yaml|zip)$/.test(url);
    });
    if (mine || document.getElementById("faro-errors")) { reload(); }
  });
  events.addEventListener("failed", function (e) { show(JSON.parse(e.data)); });
})();
