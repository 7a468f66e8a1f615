"""Ingest throughput into SQLite and PostgreSQL against the bare extractor on the same documents.

    .venv/bin/python scripts/bench_ingest.py [INPUT ...] [--pg URL] [--workers N]

Inputs default to ../shared/bench/dev/articles and ../shared/bench/dev-dense/articles
(or the bundled samples/ when those are absent). The bare extractor's figure is
`extract()` over the already-read documents; the ingest figures include reading,
cleaning, duplicate checks, extraction and one committed transaction per document
into a fresh store (relinking timed separately). The spaCy model is loaded before
any timing so no run pays for it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def default_inputs() -> list[str]:
    dirs = [SHARED / "bench" / "dev" / "articles", SHARED / "bench" / "dev-dense" / "articles"]
    if all(d.is_dir() for d in dirs):
        return [str(d) for d in dirs]
    return [str(ROOT / "samples")]


def bare_extractor(inputs: list[str], repeat: int) -> tuple[int, float]:
    """(documents, best seconds of `repeat`) for extraction alone over the same documents, already read."""
    from claimgraph.extract import extract
    from claimgraph.ingest.batch import expand, prepare
    from claimgraph.ingest.items import Failure

    docs = [d for d in (prepare(i) for i in expand(inputs) if not isinstance(i, Failure))
            if not isinstance(d, Failure)]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for d in docs:
            extract(d)
        best = min(best, time.perf_counter() - t)
    return len(docs), best


def ingest_run(inputs: list[str], url: str, scheduler: str | None) -> tuple[int, float, float]:
    """(documents stored, ingest seconds, relink seconds) into a fresh store at `url`."""
    from claimgraph.ingest.batch import ingest
    from claimgraph.store import open_store

    store = open_store(url)
    t = time.perf_counter()
    rep = ingest(inputs, store, scheduler=scheduler, progress=False, relink=False)
    took = time.perf_counter() - t
    t = time.perf_counter()
    store.relink()
    relink = time.perf_counter() - t
    n = len(rep.added) + len(rep.near_duplicates)
    store.close()
    return n, took, relink


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test",
                    help="a PostgreSQL server; the benchmark creates and drops its own database there")
    ap.add_argument("--workers", type=int, default=0, help="also time ingest on a local Dask cluster")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure; the fastest counts (shared CPUs)")
    args = ap.parse_args()
    inputs = args.inputs or default_inputs()

    from claimgraph.extract import extract
    from claimgraph.model import Document

    extract(Document(id="warm", text="The ministry said the talks would resume on Monday."))
    n_bare, t_bare = bare_extractor(inputs, args.repeat)
    bare_rate = n_bare / t_bare
    print(f"inputs: {' '.join(inputs)}")
    print(f"bare extractor: {n_bare} docs in {t_bare:.2f} s = {bare_rate:.2f} docs/s")

    tmp = tempfile.mkdtemp(prefix="cg-bench-")
    made: list[str] = []
    admin = None
    try:
        import psycopg

        admin = psycopg.connect(args.pg, autocommit=True, connect_timeout=3)
    except Exception as exc:  # noqa: BLE001
        print(f"postgresql: skipped ({exc})")

    def fresh(kind: str) -> str:
        name = f"cg_bench_{uuid.uuid4().hex[:10]}"
        if kind == "sqlite":
            return str(Path(tmp) / f"{name}.db")
        admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"{args.pg.rpartition('/')[0]}/{name}"

    runs = [("sqlite", "sqlite", 0)] + ([("postgresql", "postgresql", 0)] if admin else [])
    if args.workers:
        runs += [(f"{k} + dask {args.workers} workers", k, args.workers) for _, k, _ in list(runs)]
    cluster = None
    if args.workers:
        from claimgraph.scale import connect, warm

        t = time.perf_counter()
        client, cluster = connect(args.workers)
        warm(client)
        client.close()
        print(f"dask: local cluster of {args.workers} workers started and warmed in "
              f"{time.perf_counter() - t:.2f} s (not counted below)")
    try:
        for label, kind, workers in runs:
            best = (0, float("inf"), 0.0)
            for _ in range(args.repeat):
                got = ingest_run(inputs, fresh(kind), cluster.scheduler_address if workers else None)
                if got[1] < best[1]:
                    best = got
            n, took, relink = best
            rate = n / took
            print(f"ingest into {label}: {n} docs in {took:.2f} s = {rate:.2f} docs/s "
                  f"(ratio to bare extractor {rate / bare_rate:.2f}); relink {relink:.2f} s")
    finally:
        if cluster is not None:
            cluster.close()
        for name in made:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
