"""The FastAPI application: pages, REST API, static files, and the safety layers around them."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph.store import Store, open_store
from claimgraph.web import api, pages
from claimgraph.web.context import HERE, Web, make_env
from claimgraph.web.security import BodyLimit, Guard, HostCheck, RateLimiter, SecurityHeaders, is_loopback

MAX_BODY = 256 * 1024  # JSON and form posts
MAX_UPLOAD = 12 * 1024 * 1024  # article ingest (pasted text, uploads)
UPLOAD_PATHS = ("/ingest", "/api/ingest")


def _wants_json(request: Request) -> bool:
    """The API, and a page's own script asking for JSON (the report dialog shows the error itself)."""
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json" \
        or request.headers.get("accept", "").startswith("application/json")


def _validation_message(errors: list[Any]) -> tuple[int, str]:
    """A one-line message for the client, and 400 for unreadable JSON or 422 for wrong fields."""
    parts = []
    for e in errors:
        if e.get("type") == "json_invalid":
            why = (e.get("ctx") or {}).get("error", "cannot be parsed")
            return 400, f"malformed JSON: {why}"
        loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
        parts.append(f"{loc or 'body'}: {e.get('msg', 'invalid')}")
    return 422, "invalid request: " + "; ".join(parts[:5])


def create_app(
    store_url: str | None = None,
    token: str | None = None,
    *,
    host: str = "127.0.0.1",
    store: Store | None = None,
    report_rate: tuple[int, float] = (10, 60.0),
    max_body: int = MAX_BODY,
    max_upload: int = MAX_UPLOAD,
    allow_private_urls: bool = False,
) -> FastAPI:
    """The workbench over the store at `store_url` (or an open `store`).

    `host` is the address the server will listen on: beyond loopback, writes
    need `token` (and are refused outright without one); with a token set they
    always need it. `report_rate` is (reports, seconds) allowed per client.
    `allow_private_urls` lets URL ingest fetch from internal addresses.
    """
    store = store or open_store(store_url)
    web = Web(
        store=store, guard=Guard(token or None, host), limiter=RateLimiter(*report_rate), env=make_env(),
        allow_private_urls=allow_private_urls,
    )
    app = FastAPI(
        title="claimgraph",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        description="Attributed claims in war and geopolitics news: who says what, through whom.",
    )
    app.state.web = web
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router(web))
    app.include_router(pages.router(web))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        headers = getattr(exc, "headers", None)
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=exc.status_code, headers=headers)
        resp = web.render(
            request, "error.html", {"status": exc.status_code, "message": message}, status=exc.status_code
        )
        if headers:
            resp.headers.update(headers)
        return resp

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        status, message = _validation_message(list(exc.errors()))
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return web.render(request, "error.html", {"status": status, "message": message}, status=status)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        message = f"internal error ({type(exc).__name__}); the server goes on"
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=500)
        return Response(message, status_code=500, media_type="text/plain")

    app.add_middleware(BodyLimit, limit=max_body, upload_limit=max_upload, upload_paths=UPLOAD_PATHS)
    app.add_middleware(HostCheck, enabled=is_loopback(host))
    app.add_middleware(SecurityHeaders)
    return app


__all__ = ["create_app"]
