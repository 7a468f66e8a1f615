"""Time the workbench's two heaviest pages on a store of 10,000 articles.

Builds a SQLite store of synthetic articles (a few sentence templates with
varied sources, figures, places and outlets; rows written straight through the
store's session, since extraction is not what is measured), links them into
claims with relays and conflicting figures, then renders the article reader
and the claim page through FastAPI's TestClient and prints the median
milliseconds. Target: under 100 ms each.

    .venv/bin/python scripts/bench_web.py [--articles 10000] [--requests 30] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text as sql  # noqa: E402

from claimgraph.ingest import dedup  # noqa: E402
from claimgraph.model import Attribution, Span  # noqa: E402
from claimgraph.store import open_store  # noqa: E402
from claimgraph.store.schema import (  # noqa: E402
    AttributionRow,
    ClaimMember,
    ClaimRow,
    DisagreementRow,
    DocumentRow,
    RelayRow,
    SourceRow,
)

OUTLETS = [
    f"{a} {b}"
    for a in ("Northern", "Coastal", "Evening", "Daily", "Capital", "Border")
    for b in ("Herald", "Ledger", "Wire", "Post", "Courier")
]
SOURCES = [
    ("the defence ministry", "Defence Ministry", "official"),
    ("military intelligence", "Military Intelligence", "intelligence"),
    ("a senior officer", "Senior Officer", "military"),
    ("the governor", "Governor", "official"),
    ("local journalists", "Local Journalists", "media"),
    ("an unnamed official", "Unnamed Official", "anonymous"),
    ("a think tank", "Think Tank", "expert"),
    ("the border guard", "Border Guard", "military"),
]
PLACES = [
    "the northern port",
    "the eastern border",
    "the river crossing",
    "the airfield",
    "the rail hub",
    "the coastal road",
    "the mountain pass",
    "the old fortress",
]
THINGS = ["troops", "vessels", "drones", "lorries", "artillery pieces", "volunteers"]
# (sentence, cue) with {src} {n} {thing} {place} slots; the content is the part after "that" or before ","
TEMPLATES = [
    ("{Src} said that about {n} {thing} had reached {place}.", "said"),
    ("About {n} {thing} were seen near {place}, according to {src}.", "according to"),
    ("{Src} told reporters that {n} {thing} had been moved away from {place}.", "told"),
    ("{Src} claimed that no more than {n} {thing} remained at {place}.", "claimed"),
    ("{Src} warned that up to {n} {thing} could arrive at {place} within days.", "warned"),
]
FILLER = [
    "Residents described a quiet night.",
    "Shops reopened in the afternoon.",
    "The weather slowed road traffic.",
    "Schools stayed closed for a second day.",
]


def sentence(rng: random.Random, claim: tuple[int, str, str], src: tuple[str, str, str], n: int):
    tpl, cue = TEMPLATES[claim[0]]
    s = tpl.format(Src=src[0][0].upper() + src[0][1:], src=src[0], n=f"{n:,}", thing=claim[1], place=claim[2])
    return s, cue


def build(url: str, n_articles: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """Write the synthetic store; returns (document ids, claim ids)."""
    rng = random.Random(seed)
    store = open_store(url)
    n_claims = n_articles // 4
    claims = [
        (rng.randrange(len(TEMPLATES)), rng.choice(THINGS), rng.choice(PLACES) + f" sector {i}")
        for i in range(n_claims)
    ]
    members: dict[int, list[tuple[str, int, str]]] = {}
    doc_ids: list[str] = []
    with store.session() as s:
        for _name, norm, typ in SOURCES:
            s.add(SourceRow(name=norm, type=typ))
        s.commit()
        src_ids = {n: i for i, n in s.execute(sql("SELECT id, name FROM sources")).all()}
        for d in range(n_articles):
            outlet = OUTLETS[d % len(OUTLETS)]
            day = f"2031-{1 + d % 12:02d}-{1 + (d * 7) % 28:02d}"
            parts: list[str] = []
            atts: list[Attribution] = []
            picked = rng.sample(range(n_claims), k=5)
            for k, ci in enumerate(picked):
                src = rng.choice(SOURCES)
                n = rng.choice([1000, 1200, 1500, 2000, 3000]) * (1 + ci % 3)
                sent, cue = sentence(rng, claims[ci], src, n)
                off = sum(len(p) + 1 for p in parts)
                parts.append(sent)
                parts.append(rng.choice(FILLER) + ("\n" if k % 2 else ""))
                ci_at = sent.index(cue)
                si = sent.lower().index(src[0])
                if cue == "according to":
                    c0, c1 = 0, sent.index(",")
                else:
                    c0, c1 = sent.index("that ") + 5, len(sent) - 1
                full = " ".join(parts)
                atts.append(
                    Attribution(
                        cue=Span.of(full, off + ci_at, off + ci_at + len(cue)),
                        source=Span.of(full, off + si, off + si + len(src[0])),
                        content=Span.of(full, off + c0, off + c1),
                        source_type=src[2],
                        source_normalized=src[1],
                        source_resolved=src[1],
                        certainty="hedged" if cue == "warned" else "stated",
                    )
                )
                members.setdefault(ci, []).append((f"doc-{d:05d}", len(atts) - 1, sent[c0:c1]))
            text = " ".join(parts)
            doc_id = f"doc-{d:05d}"
            doc_ids.append(doc_id)
            s.add(
                DocumentRow(
                    id=doc_id,
                    url=f"https://example.org/{doc_id}",
                    outlet=outlet,
                    title=f"{claims[picked[0]][1].capitalize()} near {claims[picked[0]][2]}",
                    published=day,
                    kind="text",
                    text=text,
                    text_hash=dedup.text_hash(text),
                    version=dedup.version_hash(text),
                    raw=text,
                )
            )
            s.flush()
            for i, a in enumerate(atts):
                s.add(
                    AttributionRow(
                        document_id=doc_id,
                        idx=i,
                        method="rules",
                        direct=False,
                        certainty=a.certainty,
                        source_type=a.source_type,
                        source_resolved=a.source_resolved,
                        source_normalized=a.source_normalized,
                        content=a.content.text,
                        data=a.to_dict(),
                        source_id=src_ids.get(a.source_normalized),
                    )
                )
            s.execute(
                sql("INSERT INTO search_index (kind, ref, title, body) VALUES ('document', :r, :t, :b)"),
                {"r": doc_id, "t": outlet, "b": text},
            )
            if d % 1000 == 999:
                s.commit()
                print(f"  {d + 1} articles", file=sys.stderr)
        s.commit()
        claim_ids = []
        for ci, ms in members.items():
            cid = f"claim-{ci:05d}"
            claim_ids.append(cid)
            s.add(
                ClaimRow(
                    id=cid,
                    label=ms[0][2],
                    first_seen=None,
                    independent_origins=1 + ci % 3,
                    circular=ci % 3 == 0,
                    origins=[SOURCES[ci % len(SOURCES)][1]],
                )
            )
            s.flush()
            for doc_id, idx, content in ms:
                s.add(ClaimMember(claim_id=cid, document_id=doc_id, attribution_idx=idx, content=content))
                outlet = OUTLETS[int(doc_id[4:]) % len(OUTLETS)]
                s.add(RelayRow(claim_id=cid, from_name=outlet, to_name=SOURCES[ci % len(SOURCES)][1]))
            for (da, ia, ca), (db, ib, cb) in zip(ms, ms[1:3], strict=False):
                s.add(
                    DisagreementRow(
                        kind="conflict",
                        a_document_id=da,
                        a_idx=ia,
                        a_content=ca,
                        b_document_id=db,
                        b_idx=ib,
                        b_content=cb,
                        why="different figures",
                    )
                )
        s.commit()
    store.close()
    return doc_ids, claim_ids


def timed(client, paths: list[str]) -> tuple[float, float]:
    """(median, 90th percentile) milliseconds over the paths, after one warm-up request."""
    client.get(paths[0])
    times = []
    for p in paths:
        t = time.perf_counter()
        r = client.get(p)
        times.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"bench_web: {p} answered {r.status_code}")
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1 if len(times) > 1 else 0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--db", help="reuse or build the store here (default: a temporary file)")
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from claimgraph.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        if args.db and Path(args.db).exists():
            st = open_store(url)
            with st.session() as s:
                doc_ids = list(s.scalars(sql("SELECT id FROM documents")))
                claim_ids = list(s.scalars(sql("SELECT id FROM claims")))
            st.close()
        else:
            doc_ids, claim_ids = build(url, args.articles)
        print(f"store: {len(doc_ids)} articles, {len(claim_ids)} claims ({time.perf_counter() - t0:.1f} s)")
        client = TestClient(create_app(url), base_url="http://127.0.0.1")
        rng = random.Random(1)
        n = args.requests
        with open_store(url).session() as s:
            big = list(
                s.scalars(
                    sql(
                        "SELECT claim_id FROM claim_members GROUP BY claim_id ORDER BY count(*) DESC LIMIT :n"
                    ),
                    {"n": n},
                )
            )
        results = {
            "reader": timed(client, [f"/documents/{rng.choice(doc_ids)}" for _ in range(n)]),
            "claim page": timed(client, [f"/claims/{rng.choice(claim_ids)}" for _ in range(n)]),
            "claim page (largest claims)": timed(client, [f"/claims/{c}" for c in big]),
            "home": timed(client, ["/"] * max(5, n // 3)),
            "search": timed(client, ["/search?q=troops+border"] * max(5, n // 3)),
        }
        for name, (med, p90) in results.items():
            print(f"{name:30s} median {med:7.1f} ms   p90 {p90:7.1f} ms   ({n} requests)")
        ok = results["reader"][0] < 100 and results["claim page"][0] < 100
        print("target (< 100 ms median for reader and claim page):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
