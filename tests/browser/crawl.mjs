// Crawler: from the given start URLs, follows every link and asset of the site over HTTP and
// reports any that is broken, leaves the site's subpath, or points at a missing #anchor.
// External links are listed, never fetched. Usage: node crawl.mjs BASE/ START_URL...
const [base, ...starts] = process.argv.slice(2);
if (!base || starts.length === 0) {
  console.error("usage: node crawl.mjs BASE_URL/ START_URL...");
  process.exit(2);
}
const origin = new URL(base).origin;
const basePath = new URL(base).pathname;
const pages = new Map(); // url without fragment -> {status, html}
const queue = [...starts].map((u) => ({ url: u, from: "(start)" }));
const anchors = []; // [from, url-with-fragment]
const problems = [];
const external = new Set();

const decode = (s) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

while (queue.length) {
  const { url, from } = queue.shift();
  const key = url.split("#")[0];
  if (pages.has(key)) continue;
  const res = await fetch(key, { redirect: "manual" });
  const type = res.headers.get("content-type") || "";
  const entry = { status: res.status, html: type.includes("text/html") ? await res.text() : null };
  pages.set(key, entry);
  if (res.status !== 200) {
    problems.push(`${res.status} ${key} (linked from ${from})`);
    continue;
  }
  if (!entry.html) continue;
  const refs = [...entry.html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]));
  for (const m of entry.html.matchAll(/http-equiv="refresh" content="\d+;\s*url=([^"]+)"/g)) refs.push(decode(m[1]));
  for (const ref of refs) {
    if (/^(mailto:|tel:|data:)/.test(ref) || ref === "") continue;
    let target;
    try {
      target = new URL(ref, key);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(target.protocol)) continue;
    if (target.origin !== origin) {
      // Meta content attributes hold text too; only count real URLs.
      if (/^https?:\/\//.test(ref)) external.add(target.href);
      continue;
    }
    if (!target.pathname.startsWith(basePath)) {
      problems.push(`${target.href} leaves the subpath ${basePath} (linked from ${key})`);
      continue;
    }
    if (target.hash) anchors.push([key, target.href]);
    queue.push({ url: target.href, from: key });
  }
}
// The ids a fragment can land on: `id` of any element, `name` of an <a> (HTML's legacy
// anchors), read from start tags only, so text that merely mentions id="x" does not count.
function targets(html) {
  const found = new Set();
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\s[^>]*>/g)) {
    for (const a of m[0].matchAll(/\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      if (a[1] === "name" && m[1].toLowerCase() !== "a") continue;
      found.add(decode(a[2] ?? a[3] ?? a[4]));
    }
  }
  return found;
}
const idsOf = new Map();
let fragments = 0;
for (const [from, href] of anchors) {
  const [page, raw] = [href.split("#")[0], href.slice(href.indexOf("#") + 1)];
  const html = pages.get(page)?.html;
  if (!html) continue; // a fragment on a file that is not HTML (or already reported broken)
  let id;
  try {
    id = decodeURIComponent(raw);
  } catch {
    problems.push(`${href}: the fragment is not valid percent-encoding (linked from ${from})`);
    continue;
  }
  fragments++;
  if (id === "" || id.toLowerCase() === "top") continue; // HTML: the top of the page
  if (!idsOf.has(page)) idsOf.set(page, targets(html));
  if (!idsOf.get(page).has(id)) problems.push(`${href}: no element with id "${id}" (linked from ${from})`);
}
const htmlPages = [...pages.values()].filter((p) => p.html).length;
console.log(`crawled ${pages.size} URLs (${htmlPages} HTML pages); ${fragments} links to a #fragment checked; ${external.size} external links listed, not fetched`);
for (const p of problems) console.log(`FAIL ${p}`);
console.log(`crawl: ${pages.size - problems.length} passed, ${problems.length} failed`);
process.exit(problems.length === 0 ? 0 : 1);
