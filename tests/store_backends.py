"""Store URLs for tests: a SQLite file per test and a fresh PostgreSQL database per test.

PostgreSQL comes from CLAIMGRAPH_TEST_PG (default the local trust-auth server);
each test gets its own database, dropped afterwards, so runs never see each
other's rows. Without a reachable server the PostgreSQL cases skip, saying why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("CLAIMGRAPH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _admin():
    import psycopg

    return psycopg.connect(PG_URL, autocommit=True, connect_timeout=3)


def pg_database() -> Iterator[str]:
    """A new empty database on the test server; yields its URL and drops it afterwards."""
    try:
        admin = _admin()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"PostgreSQL not reachable at {PG_URL} ({exc}); set CLAIMGRAPH_TEST_PG")
    name = f"cg_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        base, _, _ = PG_URL.rpartition("/")
        try:
            yield f"{base}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def store_url(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        yield from pg_database()
