"""The server-rendered pages and their form posts."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from claimgraph.web import actions, graph, queries, views
from claimgraph.web.context import Web, url_quote
from claimgraph.web.security import AUTH_COOKIE

PAGE = 20


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        raise HTTPException(400, f"not a whole number: {str(value)[:40]!r}") from None


def _str(form: Any, name: str) -> str:
    v = form.get(name)
    return v if isinstance(v, str) else ""


def router(web: Web) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/", response_class=HTMLResponse)
    def home(request: Request, offset: int = Query(0, ge=0)) -> Response:
        with web.store.session() as s:
            offset = min(offset, queries.MAX_OFFSET)
            docs, total = queries.documents(s, limit=PAGE, offset=offset)
            ctx = {
                "documents": docs,
                "n_documents": total,
                "n_claims": queries.count_claims(s),
                "repeated": queries.claims(s, "repeated", limit=8),
                "contested": queries.claims(s, "contested", limit=8),
                "circular": queries.claims(s, "circular", limit=8),
            }
        ctx["page"] = {
            "total": total,
            "first": offset + 1 if docs else 0,
            "last": offset + len(docs),
            "prev": f"/?offset={max(0, offset - PAGE)}" if offset > 0 else None,
            "next": f"/?offset={offset + PAGE}" if offset + PAGE < total else None,
        }
        return web.render(request, "home.html", ctx)

    @r.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    def reader(request: Request, doc_id: str) -> Response:
        with web.store.session() as s:
            doc = queries.document(s, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        ctx = views.reader_context(doc)
        ctx.update(report_kinds=actions.KIND_LABELS, max_comment=actions.MAX_COMMENT)
        return web.render(request, "reader.html", ctx)

    @r.get("/claims/{claim_id:path}", response_class=HTMLResponse)
    def claim_page(request: Request, claim_id: str) -> Response:
        with web.store.session() as s:
            c = queries.claim(s, claim_id)
        if c is None:
            raise HTTPException(
                404,
                f"no claim with id {claim_id!r} (a claim merged into another after new articles "
                "keeps that one's id: search for its words)",
            )
        return web.render(request, "claim.html", views.claim_context(c))

    @r.get("/sources/{name:path}", response_class=HTMLResponse)
    def source_page(request: Request, name: str) -> Response:
        with web.store.session() as s:
            src = queries.source(s, name)
            if src is None:
                canonical = queries.source_by_alias(s, name)
                if canonical and canonical != name:
                    return RedirectResponse(f"/sources/{url_quote(canonical)}", status_code=303)
        if src is None:  # an origin or relay named only in a claim's graph: what the store says of it
            return RedirectResponse("/search?" + urlencode({"q": name[:300]}), status_code=303)
        tl = graph.timeline(
            [
                (
                    m["published"],
                    m["outlet"] or m["document_id"],
                    f"/documents/{url_quote(m['document_id'])}#att-{m['index']}",
                )
                for m in src["said"]
            ]
        )
        return web.render(request, "source.html", {"src": src, "timeline": tl})

    @r.get("/search", response_class=HTMLResponse)
    def search_page(
        request: Request,
        q: str = "",
        kind: str = "",
        date_from: str = "",
        date_to: str = "",
        outlet: str = "",
        source_type: str = "",
    ) -> Response:
        q = q[:300]
        if kind not in ("", "document", "claim", "source"):
            kind = ""
        bad = [x for x in (date_from, date_to) if x and not actions.is_date(x.strip())]
        error = f"not a date (use YYYY-MM-DD): {bad[0]}" if bad else ""
        if bad:
            date_from = date_from if date_from not in bad else ""
            date_to = date_to if date_to not in bad else ""
        searched = bool(q.strip() or outlet or date_from or date_to or source_type)
        results = (
            queries.search(
                web.store,
                q,
                kind,
                outlet or None,
                date_from or None,
                date_to or None,
                source_type or None,
                limit=50,
            )
            if searched
            else []
        )
        for x in results:
            x["parts"] = views.snippet_parts(x.get("snippet"))
        with web.store.session() as s:
            outlets = queries.outlets(s)
        return web.render(
            request,
            "search.html",
            {
                "q": q,
                "kind": kind,
                "date_from": date_from,
                "date_to": date_to,
                "outlet": outlet,
                "source_type": source_type,
                "results": results,
                "searched": searched,
                "limit": 50,
                "outlets": outlets,
                "error": error,
            },
            status=400 if error else 200,
        )

    @r.get("/conflicts", response_class=HTMLResponse)
    def conflicts_page(request: Request, kind: str = "conflict") -> Response:
        kind = kind if kind in ("conflict", "update") else "conflict"
        with web.store.session() as s:
            items = queries.disagreements(s, kind, limit=100)
        return web.render(request, "conflicts.html", {"items": items, "kind": kind})

    @r.get("/ingest", response_class=HTMLResponse)
    def ingest_form(request: Request) -> Response:
        return web.render(request, "ingest.html", {})

    @r.post("/ingest")
    async def ingest_post(request: Request) -> Response:
        form = await web.read_form(request)
        upload = form.get("file")
        data = filename = None
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read()
            filename = upload.filename
            if not data:
                return web.render(request, "ingest.html", {"error": "the file is empty"}, status=400)
        try:
            out = await web.db(
                actions.ingest,
                web.store,
                public_only=not web.allow_private_urls,
                url=_str(form, "url") or None,
                text=_str(form, "text") or None,
                data=data,
                filename=filename,
                title=_str(form, "title") or None,
                outlet=_str(form, "outlet") or None,
                published=_str(form, "published") or None,
            )
        except actions.ActionError as exc:
            return web.render(request, "ingest.html", {"error": exc.message}, status=exc.status)
        done = "duplicate" if out["status"] == "duplicate" else "ingested"
        return RedirectResponse(f"/documents/{url_quote(out['id'])}?done={done}", status_code=303)

    @r.post("/reports")
    async def report_post(request: Request) -> Response:
        form = await web.read_form(request)
        web.check_rate(request)
        doc_id = _str(form, "document_id")
        try:
            await web.db(
                actions.add_report,
                web.store,
                document_id=doc_id,
                selection=_str(form, "selection"),
                kind=_str(form, "kind"),
                start=_int(form.get("start")),
                end=_int(form.get("end")),
                prefix=_str(form, "prefix"),
                suffix=_str(form, "suffix"),
                comment=_str(form, "comment"),
                source=_str(form, "source") or None,
                claim_id=_str(form, "claim_id") or None,
                doc_version=_str(form, "doc_version") or None,
                client=web.client_key(request),
            )
        except actions.ActionError as exc:
            raise HTTPException(exc.status, exc.message) from None
        return RedirectResponse(f"/documents/{url_quote(doc_id)}?done=report", status_code=303)

    @r.get("/review", response_class=HTMLResponse)
    def review(request: Request, status: str = "open") -> Response:
        status = status if status in ("open", "accepted", "rejected") else "open"
        with web.store.session() as s:
            reps = [actions.with_source(x) for x in queries.reports(s, status, limit=200)]
            versions = {d: queries.document_text(s, d) for d in {x["document_id"] for x in reps}}
        for x in reps:
            v = versions.get(x["document_id"])
            x["stale"] = bool(v and x.get("doc_version") and x["doc_version"] != v["version"])
        return web.render(request, "review.html", {"reports": reps, "status": status})

    @r.post("/review/{report_id}")
    async def review_post(request: Request, report_id: int) -> Response:
        form = await web.read_form(request)
        decision = _str(form, "decision")
        if decision not in ("accept", "reject"):
            raise HTTPException(400, "decision must be accept or reject")
        try:
            await web.db(
                actions.resolve, web.store, report_id, decision == "accept", _str(form, "source") or None
            )
        except actions.ActionError as exc:
            raise HTTPException(exc.status, exc.message) from None
        return RedirectResponse(f"/review?{urlencode({'done': decision + 'ed'})}", status_code=303)

    @r.get("/login", response_class=HTMLResponse)
    def login_form(request: Request) -> Response:
        return web.render(request, "login.html", {})

    @r.post("/login")
    async def login_post(request: Request) -> Response:
        form = await web.read_form(request, need_token=False)
        guard = web.guard
        if guard.token is None:
            return web.render(
                request,
                "login.html",
                {"error": "this server has no token: writes are open on localhost, disabled elsewhere"},
                status=400,
            )
        if not guard.token_ok({"x-claimgraph-token": _str(form, "token")}, {}):
            return web.render(request, "login.html", {"error": "wrong token"}, status=401)
        resp = RedirectResponse("/?done=login", status_code=303)
        resp.set_cookie(AUTH_COOKIE, guard.auth_cookie_value(), httponly=True, samesite="strict", path="/")
        return resp

    @r.get("/api", response_class=HTMLResponse)
    def api_page(request: Request) -> Response:
        schema = request.app.openapi()
        routes = [
            {"method": m.upper(), "path": p, "summary": op.get("summary", "")}
            for p, ops in schema.get("paths", {}).items()
            for m, op in ops.items()
        ]
        return web.render(
            request,
            "api.html",
            {"routes": routes, "version": schema.get("openapi"), "max_limit": queries.MAX_LIMIT},
        )

    return r
