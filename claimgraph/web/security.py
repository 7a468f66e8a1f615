"""What keeps the workbench safe to open on untrusted articles and to expose.

- Every response carries a strict Content-Security-Policy (scripts and styles
  only from our own static files, no framing) and related headers, so even a
  piece of article text that slipped through escaping could not run.
- Request bodies are capped before the app reads them: 413, and the server goes on.
- Writes need the token whenever one is configured or the server listens
  beyond loopback; browsers present it once on /login and get a signed cookie.
- Forms and browser writes carry a double-submit CSRF token; a cross-site Origin
  is refused outright.
- Reports are limited per client in a sliding window.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
CSRF_COOKIE = "cg_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
AUTH_COOKIE = "cg_auth"
TOKEN_HEADER = "x-claimgraph-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _json_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuses request bodies over `limit` bytes (`upload_limit` on upload paths) with a 413.

    The body is read up to the limit before the app sees it, whatever the
    Content-Length says, so a lying or chunked client cannot get past it.
    """

    def __init__(self, app: ASGIApp, limit: int, upload_limit: int, upload_paths: tuple[str, ...]):
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = self.upload_limit if path.startswith(self.upload_paths) else self.limit
        declared = dict(scope.get("headers", [])).get(b"content-length")
        too_big = f"request body too large: the limit here is {limit} bytes"
        if declared is not None:
            try:
                if int(declared) > limit:
                    await _json_error(send, 413, too_big)
                    return
            except ValueError:
                await _json_error(send, 400, "bad Content-Length header")
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _json_error(send, 413, too_big)
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class HostCheck:
    """On a loopback server, refuses requests whose Host is not a loopback name (DNS rebinding)."""

    def __init__(self, app: ASGIApp, enabled: bool):
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.enabled and scope["type"] == "http":
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host and not is_loopback(name):
                await _json_error(send, 421, f"this server answers only for localhost, not {host!r}")
                return
        await self.app(scope, receive, send)


class RateLimiter:
    """At most `count` events per `window` seconds per client key (a sliding window)."""

    def __init__(self, count: int, window: float):
        self.count = count
        self.window = window
        self.events: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        q = self.events[key]
        while q and q[0] <= now - self.window:
            q.popleft()
        if len(q) >= self.count:
            return False
        q.append(now)
        return True

    def retry_after(self, key: str, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        q = self.events.get(key)
        return max(1, int(q[0] + self.window - now) + 1) if q else 1


class Guard:
    """The write policy of one app: token, signed auth cookie and CSRF checks."""

    def __init__(self, token: str | None, host: str):
        self.token = token
        self.needs_token = token is not None or not is_loopback(host)
        self.secret = secrets.token_bytes(32)

    def auth_cookie_value(self) -> str:
        """What the browser keeps after logging in: a MAC of the token, never the token itself."""
        assert self.token is not None
        return hmac.new(self.secret, self.token.encode(), hashlib.sha256).hexdigest()

    def token_ok(self, headers: dict[str, str], cookies: dict[str, str]) -> bool:
        """Whether a write may go ahead as far as the token is concerned."""
        if not self.needs_token:
            return True
        if self.token is None:  # listening beyond loopback without a token: no writes at all
            return False
        given = headers.get(TOKEN_HEADER)
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if given is not None:
            return hmac.compare_digest(given.encode(), self.token.encode())
        cookie = cookies.get(AUTH_COOKIE)
        # as bytes: a non-ASCII cookie (any site on localhost may set one) is a mismatch, not a TypeError
        return cookie is not None and hmac.compare_digest(cookie.encode(), self.auth_cookie_value().encode())

    @staticmethod
    def has_bearer(headers: dict[str, str]) -> bool:
        return bool(headers.get(TOKEN_HEADER)) or headers.get("authorization", "").lower().startswith(
            "bearer "
        )

    @staticmethod
    def csrf_ok(cookies: dict[str, str], submitted: str | None) -> bool:
        cookie = cookies.get(CSRF_COOKIE)
        return bool(cookie and submitted) and hmac.compare_digest(cookie.encode(), submitted.encode())


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def same_origin(headers: dict[str, str]) -> bool:
    """False when the browser says the request comes from another site.

    No Origin, or the opaque `null` some privacy settings send, decides nothing:
    the CSRF token still has to match.
    """
    origin = headers.get("origin")
    if not origin or origin == "null":
        return True
    host = headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host
