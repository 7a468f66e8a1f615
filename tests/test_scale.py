"""Scale-out: a local Dask cluster of 2 worker processes reads and extracts, the test process writes
to PostgreSQL; a second run over the same inputs adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_backends import pg_database
from test_ingest import article, page

from claimgraph.ingest.batch import ingest
from claimgraph.store import open_store

pytest.importorskip("dask.distributed", reason="the 'scale' extra (dask[distributed]) is not installed")


@pytest.fixture
def pg_url():
    yield from pg_database()


def test_two_workers_write_to_postgresql(pg_url: str, tmp_path: Path):
    d = tmp_path / "in"
    d.mkdir()
    for n in (0, 1, 2, 3):
        (d / f"a{n}.txt").write_text(article(n))
    (d / "b.html").write_text(page("Convoy", article(5)))
    (d / "dup.txt").write_text(article(1))
    (d / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    st = open_store(pg_url)
    assert st.dialect == "postgresql"
    rep = ingest([str(d)], st, workers=2, progress=False, relink=False)
    # a1 and dup hold the same text: the workers race, and whichever is read first is kept, the other skipped
    kept = sorted(rep.added)
    assert kept in (["a0", "a1", "a2", "a3", "b"], ["a0", "a2", "a3", "b", "dup"])
    assert len(rep.duplicates) == 1 and len(rep.failed) == 1
    assert "binary" in rep.failed[0][1]
    assert st.counts()["attributions"] > 0
    # the same attributions as extracting here, in this process
    from claimgraph.extract import extract

    here = [a.to_dict() for a in extract(st.load_document("a2"))]
    assert [a.to_dict() for a in st.load_document("a2").attributions] == here
    rep2 = ingest([str(d)], st, workers=2, progress=False, relink=False)
    assert rep2.added == [] and len(rep2.duplicates) == 6
    assert st.counts()["documents"] == 5
    st.close()


def test_existing_scheduler_address(pg_url: str, tmp_path: Path):
    from dask.distributed import LocalCluster

    d = tmp_path / "in"
    d.mkdir()
    for n in (6, 7, 8):
        (d / f"c{n}.txt").write_text(article(n))
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        st = open_store(pg_url)
        rep = ingest([str(d)], st, scheduler=cluster.scheduler_address, progress=False, relink=False)
        assert sorted(rep.added) == ["c6", "c7", "c8"]
        assert st.counts()["documents"] == 3
        st.close()
        assert len(cluster.scheduler_info["workers"]) == 2  # the cluster outlives the batch
    finally:
        cluster.close()
