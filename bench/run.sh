#!/usr/bin/env bash
# Builds the same synthetic bilingual sites with faro and Hugo and prints a Markdown table:
# full build time (median of RUNS), time per page, peak memory, and faro serve's one-page
# save-to-served time. Corpora and output go to a tmpfs, as the shared bench README advises.
#
# Needs: python3, /usr/bin/time, hugo (Debian's package), a release build of faro, and the
# corpus generator from ../shared/bench (GEN=path to override).
# Usage: bench/run.sh [SIZES...]   (default: 1000 10000; RUNS=5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
faro=${FARO:-$repo/target/release/faro}
gen=${GEN:-$repo/../shared/bench/gen_corpus.py}
runs=${RUNS:-5}
tmp=${TMPDIR_BENCH:-/dev/shm}/faro-bench
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
mkdir -p "$tmp"

# median of a column of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_runs NAME OUT CMD...: prints "median_seconds median_peak_MiB" over $runs cold builds
time_runs() {
  local out=$2; shift 2
  local secs=() mems=()
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }   # warm-up (page cache)
  for _ in $(seq "$runs"); do
    rm -rf "$out"
    local line
    /usr/bin/time -o "$tmp/time.txt" -f "%e %M" "$@" >/dev/null 2>&1
    line=$(tail -1 "$tmp/time.txt")
    secs+=("${line% *}"); mems+=("${line#* }")
  done
  printf '%s %s\n' "$(printf '%s\n' "${secs[@]}" | median)" \
    "$(printf '%s\n' "${mems[@]}" | median | awk '{printf "%.0f", $1/1024}')"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB; $(hugo version | cut -d' ' -f1-2); faro $(git -C "$repo" rev-parse --short HEAD)"
echo
echo "| pages | tool | build (median of $runs) | per page | peak memory | one-page rebuild (serve) |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  dir=$tmp/c$n
  if [ ! -f "$dir/neutral/data/indicators/ind-000.yaml" ]; then
    rm -rf "$dir"
    python3 "$gen" "$n" "$dir" --layouts neutral,hugo >/dev/null
    python3 "$here/add_indicators.py" "$dir/neutral" --indicators 200
  fi
  read -r fs fm < <(time_runs faro "$tmp/out-faro-$n" "$faro" build --site "$dir/neutral" --output "$tmp/out-faro-$n")
  read -r hs hm < <(time_runs hugo "$tmp/out-hugo-$n" hugo --quiet --source "$dir/hugo" --destination "$tmp/out-hugo-$n")
  read -r lat latmax < <(python3 "$here/serve_latency.py" "$faro" "$dir/neutral" --runs 15)
  # The URL record is a product of building; keep the corpus as generated.
  rm -f "$dir/neutral/urls.txt"
  per() { awk -v s="$1" -v n="$n" 'BEGIN {printf "%.2f ms", s*1000/n}'; }
  echo "| $n | faro (+200 indicators) | $fs s | $(per "$fs") | $fm MiB | $lat ms (max $latmax) |"
  echo "| $n | Hugo | $hs s | $(per "$hs") | $hm MiB | n/a |"
  awk -v f="$fs" -v h="$hs" -v n="$n" 'BEGIN {printf "| %s | faro / Hugo | %.2f | | | |\n", n, f/h}'
done
