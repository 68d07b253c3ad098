#!/usr/bin/env python3
"""Makes a corpus from ../shared/bench/gen_corpus.py a faro site: writes site.yaml, the two
home pages if missing, and N synthetic indicators (data/indicators/<id>.yaml), a quarter of
them with a by-region breakdown, so a benchmark build also renders charts, tables and
downloads. Deterministic. Usage: add_indicators.py SITE_DIR [--indicators 200]"""
import argparse
import pathlib
import random

REGIONS = ["Lima", "Piura", "Madre de Dios", "Cusco", "Loreto", "Puno"]
TOPICS = [("Denuncias", "Reports"), ("Víctimas", "Victims"), ("Prevención", "Prevention"), ("Capacitación", "Training")]


def indicator(i: int, rng: random.Random) -> str:
    es, en = TOPICS[i % len(TOPICS)]
    percent = i % 5 == 0
    by_region = i % 4 == 0
    chart = "horizontal-bar" if by_region else ["bar", "line"][i % 2]
    lines = [
        f"title: {{ es: \"{es} sintéticas {i}\", en: \"Synthetic {en.lower()} {i}\" }}",
        f"topic: {{ es: \"{es}\", en: \"{en}\" }}",
        "unit: { es: \"%\", en: \"%\" }" if percent else "unit: { es: \"casos\", en: \"cases\" }",
        f"measure: {'percent' if percent else 'number'}",
        f"chart: {chart}",
        "illustrative: true",
        "source:",
        "  name: { es: \"Datos sintéticos de prueba\", en: \"Synthetic test data\" }",
        "  date: \"2025-06-30\"",
    ]
    value = lambda: rng.randint(5, 99) if percent else rng.randint(50, 5000)
    if by_region:
        lines += ["breakdowns:", "  region:", "    name: { es: \"Región\", en: \"Region\" }", "    values:"]
        for r in REGIONS:
            lines.append(f"      {r.lower().replace(' ', '-')}: {{ es: \"{r}\", en: \"{r}\" }}")
        lines.append("series:")
        for r in REGIONS:
            lines.append(f"  - {{ period: \"2024\", region: {r.lower().replace(' ', '-')}, value: {value()} }}")
    else:
        lines.append("series:")
        for year in range(2016, 2026):
            lines.append(f"  - {{ period: \"{year}\", value: {value()} }}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("site")
    ap.add_argument("--indicators", type=int, default=200)
    args = ap.parse_args()
    site = pathlib.Path(args.site)
    (site / "site.yaml").write_text(
        "base_url: \"https://example.org/\"\nlanguages: [es, en]\n"
        "title: { es: \"Banco de pruebas\", en: \"Benchmark\" }\n"
    )
    for lang, title in (("es", "Inicio"), ("en", "Home")):
        home = site / "content" / lang / "_index.md"
        if not home.exists():
            home.write_text(f"---\ntitle: \"{title}\"\n---\n")
    out = site / "data" / "indicators"
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(42)
    for i in range(args.indicators):
        (out / f"ind-{i:03d}.yaml").write_text(indicator(i, rng))


if __name__ == "__main__":
    main()
