"""Scale-out on Dask distributed: workers read, clean and extract; this process writes.

`--workers N` starts a local cluster of N worker processes (one thread each:
spaCy parsing is CPU-bound and holds the GIL); `--scheduler ADDRESS` joins an
existing cluster whose workers have claimgraph installed. Each item is a short
chain, read -> (store checks here) -> extract -> (write here), and only a
bounded number of chains is in flight, so memory stays flat on big batches and
duplicates are skipped before anyone parses them. Writes stay in one process:
one transaction per document, so kill-and-resume works as in a local batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimgraph.ingest.batch import Writer, finish, prepare
from claimgraph.ingest.items import Failure, Item
from claimgraph.model import Document


def connect(workers: int = 0, scheduler: str | None = None) -> tuple[Any, Any]:
    """(client, cluster or None): a client on an existing scheduler, or on a new local cluster."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster


def _warm() -> int:
    """Load the extractor's models in this worker process (runs on each worker)."""
    from claimgraph.extract import extract
    from claimgraph.model import Document

    return len(extract(Document(id="warm", text="The ministry said on Monday that talks would resume.")))


def warm(client: Any) -> None:
    """Load spaCy and the extractor on every worker before work arrives, so items do not queue behind it."""
    client.run(_warm)


def run_distributed(items: list[Item], writer: Writer, workers: int = 0, scheduler: str | None = None,
                    in_flight: int | None = None) -> None:
    """Process `items` on a Dask cluster, writing each finished document through `writer`."""
    from dask.distributed import as_completed

    client, cluster = connect(workers, scheduler)
    try:
        if cluster is not None:
            warm(client)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers or 1)
        limit = in_flight or 4 * n_workers
        pending: Iterator[Item] = iter(items)
        where: dict[str, tuple[str, str]] = {}  # future key -> (stage, input)
        ac = as_completed()

        def start_next() -> bool:
            for item in pending:
                if writer.seen_url(item):
                    continue
                fut = client.submit(prepare, item, pure=False)
                where[fut.key] = ("read", item.ref)
                ac.add(fut)
                return True
            return False

        for _ in range(limit):
            if not start_next():
                break
        for fut in ac:
            stage, ref = where.pop(fut.key)
            try:
                result: Document | Failure = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails one item, not the batch
                result = Failure(ref, f"worker failed: {type(exc).__name__}: {exc}")
            fut.release()
            if isinstance(result, Failure):
                writer.fail(result)
            elif stage == "read":
                if not writer.seen_text(ref, result):
                    nxt = client.submit(finish, result, pure=False)
                    where[nxt.key] = ("extract", ref)
                    ac.add(nxt)
                    continue
            else:
                writer.write(ref, result)
            start_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
