// One search session in a fresh browser context (empty cache): open the search page, type a
// query, wait for the results and for the network to go quiet, and count every response the
// session received (HTML, CSS, JS, JSON, WebAssembly, images, fonts) by its transferred size:
// encoded body plus headers, as Chromium reports them. Drives faro's search page and, for the
// benchmark, Pagefind's default UI. Used by search-budget.mjs and bench/search_bytes.mjs.

const TOOLS = {
  faro: {
    input: "#search-q",
    // search.js writes the count or "no pages match" into the status line, then the list.
    done: () => {
      const status = document.querySelector(".search-status")?.textContent.trim();
      const none = document.querySelector(".search-form").dataset.none;
      return !!status && (status === none || document.querySelector(".search-results li") !== null);
    },
    read: () => ({
      status: document.querySelector(".search-status").textContent.trim(),
      links: [...document.querySelectorAll(".search-results li a")].map((a) => a.href),
      marks: [...document.querySelectorAll(".search-results li mark")].map((m) => m.textContent),
    }),
  },
  pagefind: {
    input: ".pagefind-ui__search-input",
    // The count shows first, then a placeholder per result until its fragment arrives.
    done: () => {
      const m = document.querySelector(".pagefind-ui__message");
      if (!m || !/\d/.test(m.textContent)) return false;
      const results = document.querySelectorAll(".pagefind-ui__result").length;
      return /^0\D/.test(m.textContent.trim()) || (results > 0 && !document.querySelector(".pagefind-ui__loading")
        && document.querySelectorAll(".pagefind-ui__result-link").length === results);
    },
    read: () => ({
      status: document.querySelector(".pagefind-ui__message").textContent.trim(),
      links: [...document.querySelectorAll(".pagefind-ui__result-link")].map((a) => a.href),
      marks: [...document.querySelectorAll(".pagefind-ui__result mark")].map((m) => m.textContent),
    }),
  },
};

/** Resolves once no request has been in flight for `quiet` ms. */
function idle(tracker, quiet = 800, limit = 30000) {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const tick = () => {
      if (tracker.inflight === 0 && Date.now() - tracker.last >= quiet) return resolve();
      if (Date.now() - start > limit) return reject(new Error(`network still busy after ${limit} ms`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

/**
 * Runs one query on `url` with `tool` ("faro" or "pagefind") in a new context of `browser`.
 * Returns { total, load, responses, loadResponses, hits, shown, links, marks, status, failed }.
 */
export async function searchSession(browser, tool, url, query) {
  const t = TOOLS[tool];
  const context = await browser.newContext({ serviceWorkers: "block" });
  const tracker = { inflight: 0, last: Date.now(), sizes: [], failed: [] };
  const track = (page) => {
    page.on("request", () => { tracker.inflight++; tracker.last = Date.now(); });
    page.on("requestfinished", (req) => {
      tracker.inflight--; tracker.last = Date.now();
      if (req.url().startsWith("data:")) return;
      tracker.sizes.push(req.sizes().then((s) => ({
        url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize,
      })));
    });
    page.on("requestfailed", (req) => {
      tracker.inflight--; tracker.last = Date.now();
      tracker.failed.push(`${req.url()} ${req.failure()?.errorText}`);
    });
  };
  context.on("page", track);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await idle(tracker);
    const loaded = await Promise.all(tracker.sizes);
    const load = loaded.reduce((a, s) => a + s.bytes, 0);
    await page.locator(t.input).pressSequentially(query, { delay: 40 });
    await page.waitForFunction(t.done, null, { timeout: 30000 });
    await idle(tracker);
    const all = await Promise.all(tracker.sizes);
    const seen = await page.evaluate(t.read);
    const hits = Number((seen.status.match(/[\d.,]+/) || ["0"])[0].replace(/[.,]/g, ""));
    return {
      tool, query, total: all.reduce((a, s) => a + s.bytes, 0), load,
      responses: all.length, loadResponses: loaded.length, hits, shown: seen.links.length,
      links: seen.links, marks: seen.marks, status: seen.status, failed: tracker.failed,
      files: all.map((s) => `${s.bytes} ${s.url}`),
    };
  } finally {
    await context.close();
  }
}
