#!/usr/bin/env python3
"""Throughput of the whole extraction against the bare spaCy parse it rests on.

usage: bench_throughput.py [--jsonl FILE] [--limit N] [--processes 1 2]

Runs, in one process and on the same texts (PolNeAR test by default), the bare
`nlp.pipe` and the full `claimgraph.extract.extract_many` (parse, rules, the
learned component, enrichment) with each number of processes, and prints
documents/s and words/s for both and the ratio full/bare.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = SHARED / "bench" / "external" / "polnear" / "test.jsonl"


def load_texts(path: Path, limit: int | None) -> list[tuple[str, str]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                rows.append((str(d.get("id", len(rows))), d["text"]))
    return rows[:limit] if limit else rows


def bare(texts: list[str], n_process: int) -> float:
    from claimgraph.nlp import load_nlp

    nlp = load_nlp()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=16):
        pass
    return time.perf_counter() - t0


def full(rows: list[tuple[str, str]], n_process: int) -> tuple[float, int]:
    from claimgraph.extract import extract_many
    from claimgraph.model import Document

    docs = [Document(id=i, text=t) for i, t in rows]
    t0 = time.perf_counter()
    n = sum(len(d.attributions) for d in extract_many(docs, n_process=n_process, batch_size=16))
    return time.perf_counter() - t0, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jsonl", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=2, help="runs of each; the fastest counts")
    a = ap.parse_args(argv)
    if not a.jsonl.exists():
        print(f"bench_throughput: {a.jsonl} not found (the shared bench data is absent); nothing to measure")
        return 0
    rows = load_texts(a.jsonl, a.limit)
    texts = [t for _, t in rows]
    words = sum(len(t.split()) for t in texts)
    # Warm up: load the spaCy model and every component's data once, outside the timings.
    from claimgraph.extract import extract_many
    from claimgraph.model import Document

    list(extract_many([Document(id="warm", text=texts[0])]))
    print(f"{len(texts)} documents, {words} words ({a.jsonl.name})")
    for n in a.processes:
        tb = tf = float("inf")
        for _ in range(a.repeat):  # alternate the two and keep the best of each: the machine is shared
            tb = min(tb, bare(texts, n))
            t, found = full(rows, n)
            tf = min(tf, t)
        print(f"n_process={n}  bare nlp.pipe: {len(texts) / tb:7.2f} docs/s {words / tb:9.0f} words/s"
              f"  | full extraction: {len(texts) / tf:7.2f} docs/s {words / tf:9.0f} words/s"
              f" ({found} attributions)  | ratio full/bare {tb / tf:.3f}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
