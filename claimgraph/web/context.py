"""What every route of one app shares: the store, the write policy, templates, and view helpers."""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from claimgraph.store import Store
from claimgraph.web import queries
from claimgraph.web.security import (
    AUTH_COOKIE,
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    Guard,
    RateLimiter,
    new_csrf,
    same_origin,
)

HERE = Path(__file__).resolve().parent
SOURCE_TYPES = (
    "official",
    "military",
    "intelligence",
    "media",
    "anonymous",
    "document",
    "social_media",
    "expert",
    "other",
)
FLASH = {
    "report": "Thank you: your report is recorded and waits for review.",
    "accepted": "Report accepted: the correction is applied to the article.",
    "rejected": "Report rejected.",
    "ingested": "Article ingested, extracted and linked.",
    "duplicate": "This article was already in the store: here it is.",
    "login": "Signed in.",
}
_CSRF_SHAPE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def url_quote(value: Any) -> str:
    """A path segment: every reserved character escaped (ids may hold '/' or '?')."""
    return quote(str(value), safe="")


def safe_url(value: Any) -> str | None:
    """An article's own URL only where it is plain http(s): never `javascript:` and kin."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    if any(ord(ch) < 33 for ch in v):
        return None
    return v if urlsplit(v).scheme.lower() in ("http", "https") and urlsplit(v).netloc else None


def stype(value: Any) -> str:
    """A source type as a CSS class suffix: one of the known types, else `other`."""
    return value if value in SOURCE_TYPES else "other"


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
        lstrip_blocks=False,
        auto_reload=False,
    )
    env.filters["urlencode"] = url_quote
    env.filters["safe_url"] = safe_url
    env.filters["stype"] = stype
    return env


@dataclass
class Web:
    store: Store
    guard: Guard
    limiter: RateLimiter
    env: Environment
    allow_private_urls: bool = False  # let URL ingest reach internal addresses (trusted networks only)

    # -- rendering ------------------------------------------------------------------------------

    def csrf_of(self, request: Request) -> tuple[str, bool]:
        """The client's CSRF token, and whether it is new (to be set as a cookie)."""
        have = request.cookies.get(CSRF_COOKIE)
        if have and _CSRF_SHAPE.match(have):
            return have, False
        cached = getattr(request.state, "new_csrf", None)
        if cached:
            return cached, True
        token = new_csrf()
        request.state.new_csrf = token
        return token, True

    def logged_in(self, request: Request) -> bool:
        if not self.guard.needs_token or self.guard.token is None:
            return False
        cookie = request.cookies.get(AUTH_COOKIE)
        return bool(cookie) and hmac.compare_digest(cookie.encode(), self.guard.auth_cookie_value().encode())

    def render(self, request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
        csrf, new = self.csrf_of(request)
        with self.store.session() as s:
            open_reports = queries.open_report_count(s)
        done = request.query_params.get("done")
        full = {
            "csrf": csrf,
            "needs_token": self.guard.needs_token,
            "logged_in": self.logged_in(request),
            "open_reports": open_reports,
            "flash": FLASH.get(done or ""),
            "source_types": SOURCE_TYPES,
            **ctx,
        }
        html = self.env.get_template(name).render(full)
        resp = HTMLResponse(html, status_code=status)
        if new:
            self.set_csrf_cookie(resp, csrf)
        return resp

    @staticmethod
    def set_csrf_cookie(resp: Any, csrf: str) -> None:
        resp.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/")

    # -- write checks -----------------------------------------------------------------------------

    def check_write(
        self, request: Request, submitted_csrf: str | None, *, api: bool, need_token: bool = True
    ) -> None:
        """Refuse a write from another site, without the token, or without the CSRF token."""
        headers = {k.lower(): v for k, v in request.headers.items()}
        if not same_origin(headers):
            raise HTTPException(403, "cross-site request refused")
        if need_token and not self.guard.token_ok(headers, dict(request.cookies)):
            if self.guard.token is None:
                raise HTTPException(
                    403,
                    "writes are disabled: this server listens beyond localhost "
                    "and was started without --token",
                )
            raise HTTPException(
                401,
                "this server needs its token for writes: send 'Authorization: "
                "Bearer TOKEN' or sign in at /login",
            )
        if api and self.guard.has_bearer(headers):
            return  # a browser never adds this header by itself, so no CSRF is possible
        if api and (
            headers.get("content-type", "").split(";")[0].strip().lower() == "application/json"
            or headers.get("x-requested-with")
        ):
            return  # a cross-site post with these needs a CORS preflight, which this server never grants
        given = submitted_csrf if submitted_csrf is not None else headers.get(CSRF_HEADER)
        if not self.guard.csrf_ok(dict(request.cookies), given):
            if api:
                raise HTTPException(
                    403,
                    "API writes need Content-Type: application/json, an "
                    "X-Requested-With header, or the token (CSRF protection)",
                )
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")

    async def read_form(self, request: Request, *, need_token: bool = True) -> Any:
        """The posted form, after the write checks (its CSRF field included)."""
        try:
            form = await request.form(max_files=1, max_fields=50)
        except Exception as exc:  # malformed multipart: the client's fault
            raise HTTPException(400, f"malformed form data ({exc})") from None
        field = form.get(CSRF_FIELD)
        self.check_write(request, field if isinstance(field, str) else "", api=False, need_token=need_token)
        return form

    def client_key(self, request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def check_rate(self, request: Request) -> None:
        key = self.client_key(request)
        if not self.limiter.allow(key):
            raise HTTPException(
                429,
                f"too many reports from this client: at most {self.limiter.count} "
                f"per {self.limiter.window:g} s",
                headers={"Retry-After": str(self.limiter.retry_after(key))},
            )

    async def db(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a blocking store call off the event loop."""
        return await run_in_threadpool(fn, *args, **kwargs)
