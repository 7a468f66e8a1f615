"""How extraction time grows with the length of one text.

A reader may paste a whole live blog or a month of a channel as one text. The
bundled sample articles are repeated into single texts of growing size (up to
the parser's limit), each parsed once and extracted once; the script prints,
per size, the parse and extraction times and the extraction time per
attribution. Time per attribution that stays flat as the text grows means the
extractor is linear in it (no step compares every report with every other).

    .venv/bin/python scripts/bench_long_text.py [--sizes 50000 200000 800000]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claimgraph.extract import extract_parsed
from claimgraph.model import Document
from claimgraph.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "north-korea-troops.jsonl"


def long_text(chars: int) -> str:
    """The sample articles, one after another, until the text holds `chars` characters."""
    texts = [json.loads(line)["text"] for line in SAMPLES.read_text("utf-8").splitlines() if line.strip()]
    parts: list[str] = []
    size = 0
    while size < chars:
        for t in texts:
            parts.append(t)
            size += len(t) + 2
            if size >= chars:
                break
    return "\n\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000, 800_000])
    args = ap.parse_args()
    nlp = load_nlp()
    nlp("warm up the model")
    print(f"{'characters':>11} {'attributions':>12} {'parse s':>8} {'extract s':>9} {'ms/attribution':>14}")
    first = None
    for n in args.sizes:
        text = long_text(n)
        t0 = time.perf_counter()
        sdoc = nlp(text)
        t1 = time.perf_counter()
        atts = extract_parsed(sdoc, Document(id=f"long-{n}", text=text))
        t2 = time.perf_counter()
        per = 1000 * (t2 - t1) / max(1, len(atts))
        first = first or per
        print(f"{len(text):>11,} {len(atts):>12,} {t1 - t0:>8.1f} {t2 - t1:>9.1f} {per:>14.2f}"
              f"   (x{per / first:.2f} of the smallest)")


if __name__ == "__main__":
    main()
