"""The analyst's workbench: a web UI and REST API over the claim store (`claimgraph serve`)."""

from __future__ import annotations

from typing import Any


def create_app(store_url: str | None = None, token: str | None = None, **kwargs: Any) -> Any:
    """See `claimgraph.web.app.create_app` (imported lazily: FastAPI is only needed to serve)."""
    from claimgraph.web.app import create_app as make

    return make(store_url, token, **kwargs)
