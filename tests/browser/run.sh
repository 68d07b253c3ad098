#!/usr/bin/env bash
# Browser tests: builds the example site under a subpath, serves it with nginx, and runs the
# browser suite (Chromium + axe-core, failing on any CSP violation), the crawler (links and
# #fragments) and the Nu HTML Checker; the same site with an eight-entry main menu for the
# header checks; the writers' fixture of issue 17 with its own checks; and a generated
# 2,000-page site served with gzip, whose search must find a word of one page's last
# paragraph within a budget of bytes (search-budget.mjs). Then it proves the checks can fail:
# a fixture broken on purpose must fail axe, the CSP watcher, the crawler (a broken link and
# a missing #id) and vnu, and the search must fail a budget too small for it.
#
# Needs: chromium, nginx, java, node; `npm ci` in this folder; a built faro
# (cargo build --release). Usage: tests/browser/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
faro=${FARO:-$repo/target/release/faro}
port=${PORT:-8089}
origin="http://127.0.0.1:$port"
work=$(mktemp -d)
chmod 755 "$work"
mkdir -p "$work/www"

cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build the example site under /campana/ and the broken fixture under /roto/"
"$faro" build --site "$repo" --output "$work/www/campana" --base-url "$origin/campana/"
"$faro" build --site "$here/fixtures/broken" --output "$work/www/roto" --base-url "$origin/roto/"

echo "== the example again under /largo/, with a main menu of eight entries (for the header checks)"
mkdir -p "$work/largo"
for f in site.yaml urls.txt content data static; do cp -r "$repo/$f" "$work/largo/"; done
sed -i \
  -e 's|^    - { name: "Acerca de", page: "acerca.md" }$|&\n    - { name: "Navegar seguro", page: "navegar-seguro.md" }\n    - { name: "Informes", page: "informes/_index.md" }|' \
  -e 's|^    - { name: "About", page: "acerca.md" }$|&\n    - { name: "Browse safely", page: "navegar-seguro.md" }\n    - { name: "Reports", page: "informes/_index.md" }|' \
  "$work/largo/site.yaml"
[ "$(grep -c 'page: "informes/_index.md"' "$work/largo/site.yaml")" = 2 ] || { echo "FAIL: could not lengthen the example's menu"; exit 1; }
"$faro" build --site "$work/largo" --output "$work/www/largo" --base-url "$origin/largo/" --no-pdf

echo "== the writers' fixture (issue 17) under /escritores/, from a scratch copy"
cp -r "$here/fixtures/writers" "$work/writers"
"$faro" build --site "$work/writers" --output "$work/www/escritores" --base-url "$origin/escritores/" --no-pdf

echo "== the search budget site: 2,000 generated pages under /presupuesto/"
node "$here/gen-site.mjs" "$work/presupuesto"
"$faro" build --site "$work/presupuesto" --output "$work/www/presupuesto" --base-url "$origin/presupuesto/" --no-pdf

user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
sed -e "s#@WORK@#$work#g" -e "s#@PORT@#$port#g" -e "s#@USER@#$user_line#" "$here/nginx.conf.in" > "$work/nginx.conf"
nginx -c "$work/nginx.conf" -p "$work"
for _ in $(seq 50); do curl -fsS "$origin/campana/" >/dev/null 2>&1 && break; sleep 0.1; done

status=0
echo "== browser suite"
node "$here/suite.mjs" "$origin/campana/" "$origin/largo/" || status=1
echo "== crawler"
node "$here/crawl.mjs" "$origin/campana/" "$origin/campana/" "$origin/campana/es/" "$origin/campana/en/" || status=1
echo "== Nu HTML Checker"
vnu=(java -jar "$here/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html)
if "${vnu[@]}" "$work/www/campana" "$work/www/largo"; then
  echo "vnu: $(find "$work/www/campana" "$work/www/largo" -name '*.html' | wc -l) passed, 0 failed"
else
  echo "vnu: found errors"; status=1
fi

echo "== the writers' fixture: its checks, the crawler and vnu"
node "$here/writers.mjs" "$origin/escritores/" || status=1
node "$here/crawl.mjs" "$origin/escritores/" "$origin/escritores/" "$origin/escritores/es/" "$origin/escritores/en/" "$origin/escritores/qu/" || status=1
if "${vnu[@]}" "$work/www/escritores"; then
  echo "vnu: $(find "$work/www/escritores" -name '*.html' | wc -l) passed, 0 failed"
else
  echo "vnu (writers): found errors"; status=1
fi

echo "== search budget: 2,000 pages, gzip, every byte of the session"
node "$here/search-budget.mjs" "$origin/presupuesto/" || status=1

echo "== live reload under faro serve (on a scratch copy of the example)"
mkdir -p "$work/live"
for f in site.yaml content data static templates themes i18n; do
  [ -e "$repo/$f" ] && cp -r "$repo/$f" "$work/live/"
done
node "$here/live.mjs" "$faro" "$work/live" "$((port + 1))" || status=1

echo "== the same checks must fail on the broken fixture"
expect_failure() { # name, pattern, command...
  local name=$1 pattern=$2; shift 2
  local out
  if out=$("$@" 2>&1); then
    echo "FAIL $name: passed on the broken fixture"; status=1
  elif ! grep -q -- "$pattern" <<<"$out"; then
    echo "FAIL $name: failed, but without '$pattern':"; echo "$out" | tail -5; status=1
  else
    echo "ok   $name fails on the broken fixture ($pattern)"
  fi
}
expect_failure "axe (missing alt)" "image-alt" node "$here/axe.mjs" "$origin/roto/es/"
expect_failure "axe (low contrast)" "color-contrast" node "$here/axe.mjs" "$origin/roto/es/"
expect_failure "crawler (broken link)" "404 $origin/roto/es/no-existe/" node "$here/crawl.mjs" "$origin/roto/" "$origin/roto/es/"
expect_failure "crawler (missing #id)" 'no element with id "no-hay-tal-id"' node "$here/crawl.mjs" "$origin/roto/" "$origin/roto/es/"
expect_failure "CSP watcher (inline style)" "style-src" node "$here/csp.mjs" "$origin/roto/es/"
expect_failure "search budget (10 KB)" "over budget" env SEARCH_BUDGET=10000 node "$here/search-budget.mjs" "$origin/presupuesto/"
expect_failure "vnu (missing alt)" "must have an “alt” attribute" "${vnu[@]}" "$work/www/roto"

exit $status
