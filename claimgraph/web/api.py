"""The REST API under /api/: JSON in and out, described by FastAPI's OpenAPI schema.

Lists take `limit` (capped at `queries.MAX_LIMIT`) and `offset`; errors come
back as `{"error": message}` with a 4xx status.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, Response, UploadFile
from pydantic import AfterValidator, BaseModel, Field, field_validator

from claimgraph.extract.sources import TYPES as SOURCE_TYPES
from claimgraph.store import REPORT_KINDS
from claimgraph.web import actions, queries, views
from claimgraph.web.context import Web

ReportKind = Literal[REPORT_KINDS]  # type: ignore[valid-type]


CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class TextIn(BaseModel):
    """A request body whose strings must be text: no lone surrogates ("\\ud800"), no NUL or other
    control characters, which would fail storage or reach a page raw."""

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("not valid text (a lone surrogate)") from None
            if CONTROL_CHARS.search(value):
                raise ValueError("not valid text (control characters)")
        return value


class IngestIn(TextIn):
    """One article: a `url` to fetch, or a `text` (plain text or HTML) with optional facts."""

    url: str | None = Field(None, max_length=2000)
    text: str | None = None
    title: str | None = Field(None, max_length=500)
    outlet: str | None = Field(None, max_length=300)
    published: str | None = Field(None, max_length=40)


class ReportIn(TextIn):
    """A reader's report on a selection of a document."""

    document_id: str = Field(..., max_length=200)
    selection: str
    kind: ReportKind
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)
    prefix: str = Field("", description="up to 60 characters before the selection")
    suffix: str = Field("", description="up to 60 characters after the selection")
    comment: str = ""
    source: str | None = Field(None, description="the right source, as written in the article")
    claim_id: str | None = Field(None, max_length=200)
    doc_version: str | None = Field(None, max_length=64, description="the version hash the reader showed")


class ReviewIn(TextIn):
    """What the reviewer fixes when accepting: the right source, as written in the article."""

    source: str | None = Field(None, max_length=300)


# Dates compare as ISO text with the stored ones; '03/04/2026' would filter silently wrong, so it is a 422.
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _real_date(value: str | None) -> str | None:
    """ "2025-13-45" has the shape of a date but is none: a 422, not a filter that matches nothing."""
    if value is not None:
        parts = [int(p) for p in value.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            raise ValueError(f"{value} is not a date") from None
    return value


DateQuery = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD"),
                      AfterValidator(_real_date)]
SourceType = Literal[SOURCE_TYPES]  # type: ignore[valid-type]


def _created(response: Response, result: dict[str, Any]) -> dict[str, Any]:
    """201 for a stored article; 200 for one the store already held (nothing was created)."""
    if result.get("status") == "duplicate":
        response.status_code = 200
    return result


def _page(limit: int, offset: int) -> tuple[int, int]:
    return queries.clamp(limit, offset)


def router(web: Web) -> APIRouter:
    r = APIRouter(prefix="/api", tags=["api"])

    def fail(exc: actions.ActionError) -> HTTPException:
        return HTTPException(exc.status, exc.message)

    def write(request: Request) -> None:
        """Token, origin and CSRF checks of every API write."""
        web.check_write(request, None, api=True)

    w = [Depends(write)]

    @r.get("/documents", summary="Documents, latest first")
    def list_documents(
        limit: int = Query(20, ge=1),
        offset: int = Query(0, ge=0),
        outlet: str | None = None,
        date_from: DateQuery = None,
        date_to: DateQuery = None,
    ) -> dict[str, Any]:
        limit, offset = _page(limit, offset)
        with web.store.session() as s:
            items, total = queries.documents(s, limit, offset, outlet, date_from, date_to)
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @r.get("/documents/{doc_id:path}", summary="A document: text, version hash and attributions")
    def get_document(doc_id: str) -> dict[str, Any]:
        with web.store.session() as s:
            doc = queries.document(s, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        return doc

    @r.get("/claims", summary="Claims: order=repeated|contested|circular|recent")
    def list_claims(
        order: Literal["repeated", "contested", "circular", "recent"] = "repeated",
        limit: int = Query(20, ge=1),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        limit, offset = _page(limit, offset)
        with web.store.session() as s:
            items = queries.claims(s, order, limit, offset)
            total = queries.count_claims(s, order)
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @r.get("/claims/{claim_id:path}", summary="A claim: appearances, relays, origins, disagreements")
    def get_claim(claim_id: str, graph: bool = False) -> dict[str, Any]:
        with web.store.session() as s:
            c = queries.claim(s, claim_id)
        if c is None:
            raise HTTPException(404, f"no claim with id {claim_id!r}")
        if graph:
            ctx = views.claim_context(c)
            lay = ctx["graph"]
            c["graph"] = {
                "nodes": [{"name": n.name, "kind": n.kind, "column": n.col, "row": n.row} for n in lay.nodes],
                "edges": [[e.a, e.b] for e in lay.edges],
            }
        return c

    @r.get("/sources", summary="Sources, most cited first")
    def list_sources(
        limit: int = Query(50, ge=1), offset: int = Query(0, ge=0), source_type: SourceType | None = None
    ) -> dict[str, Any]:
        limit, offset = _page(limit, offset)
        with web.store.session() as s:
            items = queries.sources(s, limit, offset, source_type)
        return {"items": items, "limit": limit, "offset": offset}

    @r.get("/sources/{name:path}", summary="A source: what it said over time, outlets and claims")
    def get_source(name: str) -> dict[str, Any]:
        with web.store.session() as s:
            src = queries.source(s, name)
            if src is None:
                canonical = queries.source_by_alias(s, name)
                src = queries.source(s, canonical) if canonical else None
        if src is None:
            raise HTTPException(404, f"no source named {name!r}")
        return src

    @r.get("/conflicts", summary="Disagreements: kind=conflict|update|all")
    def list_conflicts(
        kind: Literal["conflict", "update", "all"] = "conflict",
        limit: int = Query(50, ge=1),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        limit, offset = _page(limit, offset)
        with web.store.session() as s:
            items = queries.disagreements(s, None if kind == "all" else kind, limit, offset)
        return {"items": items, "limit": limit, "offset": offset}

    @r.get("/search", summary="Full-text search over articles, claims and sources, with filters")
    def search(
        q: str = Query("", max_length=300),
        kind: Literal["", "document", "claim", "source"] = "",
        outlet: str | None = None,
        date_from: DateQuery = None,
        date_to: DateQuery = None,
        source_type: SourceType | None = None,
        limit: int = Query(20, ge=1),
    ) -> dict[str, Any]:
        if not q.strip() and not (outlet or date_from or date_to or source_type):
            raise HTTPException(400, "give q (words to search for) or a filter")
        items = queries.search(web.store, q, kind or None, outlet, date_from, date_to, source_type, limit)
        return {"items": items, "limit": min(limit, queries.MAX_LIMIT)}

    @r.post("/ingest", dependencies=w, status_code=201, summary="Ingest one article from a URL or a text")
    async def ingest(body: IngestIn, request: Request, response: Response) -> dict[str, Any]:
        try:
            return _created(response, await web.db(
                actions.ingest,
                web.store,
                public_only=not web.allow_private_urls,
                url=body.url,
                text=body.text,
                title=body.title,
                outlet=body.outlet,
                published=body.published,
            ))
        except actions.ActionError as exc:
            raise fail(exc) from None

    @r.post("/ingest/file", dependencies=w, status_code=201, summary="Ingest one uploaded text or HTML file")
    async def ingest_file(
        request: Request,
        response: Response,
        file: Annotated[UploadFile, File()],
        outlet: Annotated[str | None, Form()] = None,
        title: Annotated[str | None, Form()] = None,
        published: Annotated[str | None, Form()] = None,
    ) -> dict[str, Any]:
        data = await file.read()
        if not data:
            raise HTTPException(400, "the file is empty")
        try:
            return _created(response, await web.db(
                actions.ingest,
                web.store,
                data=data,
                filename=file.filename,
                title=title,
                outlet=outlet,
                published=published,
            ))
        except actions.ActionError as exc:
            raise fail(exc) from None

    @r.get("/reports", summary="Reports: status=open|accepted|rejected|all")
    def list_reports(
        status: Literal["open", "accepted", "rejected", "all"] = "open",
        limit: int = Query(50, ge=1),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        limit, offset = _page(limit, offset)
        with web.store.session() as s:
            items = [
                actions.with_source(x)
                for x in queries.reports(s, None if status == "all" else status, limit, offset)
            ]
        return {"items": items, "limit": limit, "offset": offset}

    @r.get("/reports/{report_id}", summary="One report")
    def get_report(report_id: int) -> dict[str, Any]:
        rep = web.store.get_report(report_id)
        if rep is None:
            raise HTTPException(404, f"no report with id {report_id}")
        return actions.with_source(rep)

    @r.post(
        "/reports",
        dependencies=w,
        status_code=201,
        summary="Report a mistake on a selection (rate-limited per client)",
    )
    async def add_report(body: ReportIn, request: Request) -> dict[str, Any]:
        web.check_rate(request)
        try:
            return await web.db(
                actions.add_report, web.store, client=web.client_key(request), **body.model_dump()
            )
        except actions.ActionError as exc:
            raise fail(exc) from None

    @r.post(
        "/reports/{report_id}/accept",
        dependencies=w,
        summary="Accept a report: apply its correction and re-extract",
    )
    async def accept(report_id: int, body: ReviewIn | None = None) -> dict[str, Any]:
        try:
            return await web.db(actions.resolve, web.store, report_id, True, body.source if body else None)
        except actions.ActionError as exc:
            raise fail(exc) from None

    @r.post("/reports/{report_id}/reject", dependencies=w, summary="Reject a report")
    async def reject(report_id: int) -> dict[str, Any]:
        try:
            return await web.db(actions.resolve, web.store, report_id, False)
        except actions.ActionError as exc:
            raise fail(exc) from None

    return r
