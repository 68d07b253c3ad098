#!/usr/bin/env python3
"""Save-to-served latency of `faro serve` on an existing site: writes a marker into a page's
Markdown and polls over HTTP until the new HTML carries it. Prints the median and maximum.
Usage: serve_latency.py FARO SITE_DIR [--runs 20]"""
import argparse
import pathlib
import re
import statistics
import subprocess
import time
import urllib.request

ap = argparse.ArgumentParser(description=__doc__)
ap.add_argument("faro")
ap.add_argument("site")
ap.add_argument("--runs", type=int, default=20)
args = ap.parse_args()
site = pathlib.Path(args.site)
server = subprocess.Popen([args.faro, "serve", "--port", "0", "--site", str(site)],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
base = None
while base is None:
    line = server.stdout.readline()
    if not line:
        raise SystemExit("faro serve stopped")
    m = re.match(r"Serving at (\S+)", line)
    base = m.group(1) if m else None
pages = sorted(p for p in (site / "content" / "es").rglob("*.md") if p.name != "_index.md")
times = []
try:
    for k in range(args.runs):
        page = pages[(k * 37) % len(pages)]
        rel = page.relative_to(site / "content").with_suffix("")
        url = f"{base}{rel.as_posix()}/"
        original = page.read_text()
        marker = f"Marca{k}x{time.time_ns()}"
        start = time.perf_counter()
        page.write_text(original.replace("\n---\n", f"\n---\n\n{marker}\n", 1))
        while marker not in urllib.request.urlopen(url).read().decode():
            if time.perf_counter() - start > 30:
                raise SystemExit(f"never served: {url}")
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.15)
        page.write_text(original)
        time.sleep(0.25)
finally:
    server.kill()
print(f"{statistics.median(times):.1f} {max(times):.1f}")
