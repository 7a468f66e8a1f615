#!/usr/bin/env python3
"""Link a benchmark set and write the contract JSON, from gold attributions or from extraction.

usage: eval_link.py GOLD.jsonl OUT.json [--gold] [--cache DOCS.pickle]

With --gold the annotated attributions are the input (spans located in the
text), which separates linking errors from extraction errors; without it the
whole pipeline runs from the texts, as `claimgraph link` does.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time

from claimgraph.link import link_documents, to_contract
from claimgraph.model import Attribution, Document, Span


def _span(text: str, s: str | None, near: int = 0) -> Span | None:
    if not s:
        return None
    pos = text.find(s, max(0, near - 400))
    if pos < 0:
        pos = text.find(s)
    return Span(s, pos, pos + len(s)) if pos >= 0 else Span(s, -1, -1)


def gold_documents(path: str) -> list[Document]:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            doc = Document(id=d["id"], text=d["text"], published=d.get("published"), outlet=d.get("outlet"))
            for a in d.get("attributions", []):
                content = _span(doc.text, a["content"])
                doc.attributions.append(
                    Attribution(
                        cue=_span(doc.text, a.get("cue"), content.start) or Span("", -1, -1),
                        content=content,
                        source=_span(doc.text, a.get("source"), content.start),
                        via=[v for v in (_span(doc.text, x, content.start) for x in a.get("via") or []) if v],
                        direct=bool(a.get("direct")),
                        source_resolved=a.get("source_resolved"),
                        method="gold",
                    )
                )
            docs.append(doc)
    return docs


def pipeline_documents(path: str) -> list[Document]:
    from claimgraph.extract import extract_many

    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.append(
                Document(id=d["id"], text=d["text"], published=d.get("published"), outlet=d.get("outlet"))
            )
    return list(extract_many(docs))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("out")
    ap.add_argument("--gold", dest="use_gold", action="store_true", help="link the gold attributions")
    ap.add_argument("--cache", help="pickle of the extracted documents: read if present, else written")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    if a.cache and os.path.exists(a.cache):
        with open(a.cache, "rb") as fh:
            docs = pickle.load(fh)
    else:
        docs = gold_documents(a.gold) if a.use_gold else pipeline_documents(a.gold)
        if a.cache:
            with open(a.cache, "wb") as fh:
                pickle.dump(docs, fh)
    t1 = time.perf_counter()
    res = to_contract(link_documents(docs))
    t2 = time.perf_counter()
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump(res, fh, ensure_ascii=False, indent=1)
    n = sum(len(d.attributions) for d in docs)
    print(
        f"{len(docs)} documents, {n} attributions; input {t1 - t0:.1f}s, linking {t2 - t1:.1f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
