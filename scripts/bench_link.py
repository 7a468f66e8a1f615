#!/usr/bin/env python3
"""Linking at scale: 1k, 10k and 100k synthetic attributions, time and peak memory.

usage: bench_link.py [--sizes 1000 10000 100000] [--per-doc 20]

The attributions are generated here from the contents of the dev articles'
attributions (../shared/bench/dev*/gold.jsonl): each is a template whose
numbers and capitalised names are replaced by random ones, spread over
synthetic documents, outlets, sources and dates. Embedding 100k sentences
with MiniLM on two shared cores takes far longer than linking them, so:
the unique templates are embedded with MiniLM once (timed and printed), each
attribution's vector is its template's vector plus a small hashed vector of
its varied words (renormalised), and the MiniLM throughput on fully varied
sentences is measured on a sample and printed, so the cost of the real
embedding path at each size can be read off. What "link" times is
everything after embedding: items, candidate index, scoring, clustering,
provenance, stories and disagreements. Each size runs in its own process so
peak RSS (ru_maxrss) is that size's own.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NUM = re.compile(r"\d[\d,]*")
CAP = re.compile(r"(?<=\s)[A-Z][a-z]{2,}")
SYLL = ["ka", "lo", "mi", "ra", "ten", "vo", "ser", "dan", "ul", "bre", "no", "sha", "ko", "vik", "tor", "el"]


def templates() -> list[str]:
    out = []
    for name in ("dev", "dev-dense"):
        path = SHARED / "bench" / name / "gold.jsonl"
        if path.exists():
            for line in path.open(encoding="utf-8"):
                out += [a["content"] for a in json.loads(line)["attributions"]]
    if not out:
        sys.exit(f"no dev articles under {SHARED / 'bench'}")
    return sorted(set(out))


def fake_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize()


def generate(n: int, per_doc: int, seed: int = 7):
    """Documents holding n attributions: (docs, template index of each attribution, varied words)."""
    from claimgraph.model import Attribution, Document, Span

    rng = random.Random(seed)
    tpls = templates()
    outlets = [fake_name(rng) + " " + rng.choice(["News", "Post", "Wire", "Daily"]) for _ in range(60)]
    sources = [fake_name(rng) + " " + fake_name(rng) for _ in range(max(50, n // 40))]
    docs, tpl_of, varied = [], [], []
    for d in range(0, n, per_doc):
        lines, atts = [], []
        pos = 0
        for _ in range(min(per_doc, n - d)):
            t = rng.randrange(len(tpls))
            words: list[str] = []

            def num(m: re.Match, words: list[str] = words) -> str:
                w = str(rng.randint(2, 5000))
                words.append(w)
                return w

            def cap(m: re.Match, words: list[str] = words) -> str:
                w = fake_name(rng)
                words.append(w)
                return w

            content = CAP.sub(cap, NUM.sub(num, tpls[t]))
            src = rng.choice(sources)
            line = f"{src} said {content}."
            start = pos + len(src) + 6
            atts.append(
                Attribution(
                    cue=Span("said", pos + len(src) + 1, pos + len(src) + 5),
                    content=Span(content, start, start + len(content)),
                    source=Span(src, pos, pos + len(src)),
                )
            )
            lines.append(line)
            pos += len(line) + 1
            tpl_of.append(t)
            varied.append(" ".join(words))
        day = 1 + rng.randrange(28)
        docs.append(
            Document(
                id=f"syn{d // per_doc}",
                text="\n".join(lines),
                outlet=rng.choice(outlets),
                published=f"2024-03-{day:02d}",
                attributions=atts,
            )
        )
    return docs, tpls, tpl_of, varied


def run_one(n: int, per_doc: int) -> dict:
    import numpy as np

    from claimgraph.link import link_items
    from claimgraph.link.embed import hashed_vectors, minilm_vectors
    from claimgraph.link.items import build_items

    docs, tpls, tpl_of, varied = generate(n, per_doc)
    used = sorted(set(tpl_of))
    t0 = time.perf_counter()
    tvec = minilm_vectors([tpls[i] for i in used])
    t_tpl = time.perf_counter() - t0
    row = {t: k for k, t in enumerate(used)}
    vecs = tvec[[row[t] for t in tpl_of]] + 0.35 * hashed_vectors(varied)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t1 = time.perf_counter()
    items = build_items(docs)
    t2 = time.perf_counter()
    res = link_items(items, vecs.astype(np.float32), docs)
    t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sample = [it.content for it in items[:300]]
    t4 = time.perf_counter()
    minilm_vectors(sample)
    per_sec = len(sample) / (time.perf_counter() - t4)
    return {
        "n": n,
        "docs": len(docs),
        "templates_embedded": len(used),
        "template_embed_s": round(t_tpl, 2),
        "items_s": round(t2 - t1, 2),
        "link_s": round(t3 - t2, 2),
        "total_s": round(t3 - t1, 2),
        "claims": len(res.claims),
        "conflicts": sum(d.kind == "conflict" for d in res.disagreements),
        "updates": sum(d.kind == "update" for d in res.disagreements),
        "peak_rss_mb": round(rss / 1024, 1),
        "rss_before_link_mb": round(rss0 / 1024, 1),
        "minilm_sentences_per_s": round(per_sec, 1),
        "minilm_all_n_estimate_s": round(n / per_sec, 1),
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--per-doc", type=int, default=20)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.one:
        print(json.dumps(run_one(a.one, a.per_doc)))
        return 0
    results = []
    for n in a.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--per-doc", str(a.per_doc)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        results.append(r)
        print(
            f"{r['n']:>7} attributions, {r['docs']} docs: linking {r['total_s']:.2f}s "
            f"(items {r['items_s']:.2f}s + link {r['link_s']:.2f}s), peak RSS {r['peak_rss_mb']:.0f} MB "
            f"(before linking {r['rss_before_link_mb']:.0f} MB); {r['claims']} claims, "
            f"{r['conflicts']} conflicts, {r['updates']} updates; "
            f"MiniLM on {r['templates_embedded']} templates {r['template_embed_s']:.1f}s; "
            f"MiniLM on all {r['n']} varied sentences would take ~{r['minilm_all_n_estimate_s']:.0f}s "
            f"({r['minilm_sentences_per_s']:.0f}/s measured)",
            flush=True,
        )
    for a_, b_ in zip(results, results[1:], strict=False):
        print(f"time {a_['n']} -> {b_['n']}: x{b_['total_s'] / max(a_['total_s'], 1e-9):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
