#!/usr/bin/env bash
# Prints a manifest of everything faro writes for the example site, every fixture under
# tests/fixtures/ and a bench corpus: a SHA-256 per output file, the messages of each run
# (timings removed), the `faro check` reports, the files a build adds to the site (urls.txt,
# frozen editions), and what `faro pdf` and kit printing hand to Chromium (a stand-in
# Chromium copies its input). Two manifests from two binaries that differ in nothing are
# equal, so a refactoring can show it changed no output byte:
#
#   bench/output-hashes.sh OLD_FARO > old.txt && bench/output-hashes.sh NEW_FARO > new.txt && diff old.txt new.txt
#
# Needs python3 and the corpus generator from ../shared/bench (GEN=path to override);
# PAGES=N sets the corpus size (default 1000, 0 to skip it).
set -euo pipefail
faro=$(realpath "${1:?usage: bench/output-hashes.sh FARO}")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
gen=${GEN:-$repo/../shared/bench/gen_corpus.py}
pages=${PAGES:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A Chromium that "prints" by copying the HTML it is given, so its input can be compared.
cat > "$tmp/chromium" <<'EOF'
#!/usr/bin/env bash
for a in "$@"; do case $a in --print-to-pdf=*) out=${a#--print-to-pdf=} ;; file://*) src=${a#file://} ;; esac; done
cp "$src" "$out"
EOF
chmod +x "$tmp/chromium"

# hash_tree CASE DIR: one line per file, paths relative to DIR.
hash_tree() {
  (cd "$2" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) | sed "s|^|$1 |"
}

# run CASE CMD...: the exit code and messages, with timings and temporary paths removed.
run() {
  local name=$1; shift
  set +e
  "$@" > "$tmp/out.txt" 2> "$tmp/err.txt"
  local code=$?
  set -e
  echo "$name exit $code"
  sed -E "s/ in [0-9.]+ s / in T s /; s|$tmp|TMP|g" "$tmp/out.txt" | sed "s|^|$name stdout |"
  sed -E "s|$tmp|TMP|g" "$tmp/err.txt" | sed "s|^|$name stderr |"
}

# site CASE SRC FLAGS...: builds a copy of SRC, hashes the output and what the build added.
site() {
  local name=$1 src=$2; shift 2
  local dir=$tmp/$name
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$src" && tar --exclude=./target --exclude=./public --exclude=./.git --exclude=./node_modules \
    --exclude=./.faro --exclude=./fuzz --exclude=./tests --exclude=./bench -cf - .) | (cd "$dir" && mkdir site && tar -xf - -C site)
  run "$name/build" "$faro" build --site "$dir/site" --output "$dir/out" "$@"
  [ -d "$dir/out" ] && hash_tree "$name/out" "$dir/out"
  for f in urls.txt data/editions; do
    [ -e "$dir/site/$f" ] && hash_tree "$name/site" "$dir/site" | grep -E " \./$f" || true
  done
}

cases=("example:$repo")
for f in "$repo"/tests/fixtures/*/; do cases+=("$(basename "$f"):$f"); done
for c in "${cases[@]}"; do
  name=${c%%:*} src=${c#*:}
  site "$name" "$src" --no-pdf
  site "$name-sub" "$src" --no-pdf --base-url https://gob.example.pe/campana/
  site "$name-drafts" "$src" --no-pdf --drafts
  run "$name/check" "$faro" check --site "$src"
  run "$name/check-json" "$faro" check --site "$src" --format json
done
# Kit PDFs: what the printer is given ends up in each kit folder and ZIP.
FARO_CHROMIUM=$tmp/chromium site example-pdf "$repo"
# faro pdf: the full report the stand-in prints, with the temporary folder's name removed.
cp -r "$tmp/example/site" "$tmp/pdfsite"
(cd "$tmp" && FARO_CHROMIUM=$tmp/chromium run pdf "$faro" pdf es/informes/2025 --site "$tmp/pdfsite" --output "$tmp/report.html")
sed -E 's|faro-pdf-[0-9]+|faro-pdf-PID|g' "$tmp/report.html" | sha256sum | sed 's|^|pdf/report.html |'

if [ "$pages" -gt 0 ]; then
  python3 "$gen" "$pages" "$tmp/gen" --layouts neutral >/dev/null
  python3 "$here/add_indicators.py" "$tmp/gen/neutral" --indicators 200 >/dev/null
  site corpus "$tmp/gen/neutral" --no-pdf
fi
