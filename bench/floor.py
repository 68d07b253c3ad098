#!/usr/bin/env python3
"""The read-and-write floor: reads each Markdown file of a corpus and writes its bytes, unchanged,
to OUT/<same path>.html. No parsing, no templates: what any generator pays at least to touch
every page once. `--jobs N` splits the files among N processes (default 1), for comparing with
tools that use every core. Usage: floor.py CONTENT_DIR OUT [--jobs N]"""
import argparse
import os
import pathlib
from multiprocessing import Pool


def copy(args: tuple) -> int:
    src, dst = args
    data = pathlib.Path(src).read_bytes()
    pathlib.Path(dst).write_bytes(data)
    return len(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("content")
    ap.add_argument("out")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    root = pathlib.Path(args.content)
    out = pathlib.Path(args.out)
    jobs = []
    for src in sorted(root.rglob("*.md")):
        dst = out / src.relative_to(root).with_suffix(".html")
        jobs.append((str(src), str(dst)))
    # Folders first, once, so the copies do not race to make them.
    for d in sorted({os.path.dirname(dst) for _, dst in jobs}):
        os.makedirs(d, exist_ok=True)
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            total = sum(pool.imap_unordered(copy, jobs, chunksize=256))
    else:
        total = sum(map(copy, jobs))
    print(f"{len(jobs)} files, {total} bytes")


if __name__ == "__main__":
    main()
