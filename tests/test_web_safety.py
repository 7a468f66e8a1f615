"""Safety of the workbench: hostile article text stays text, headers, token, CSRF, host and rate limits."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from page_server import serve_page
from web_data import fill

from claimgraph.model import Claim, Document, LinkResult, MemberRef
from claimgraph.store import open_store
from claimgraph.web import highlight
from claimgraph.web.app import create_app
from claimgraph.web.graph import layout
from claimgraph.web.security import RateLimiter, is_loopback

BASE = "http://127.0.0.1"
EVIL_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
EVIL_TEXT = (
    'Officials said "<script>alert(document.cookie)</script>" was found in the port logs.\n'
    "The ministry claimed that <img src=x onerror=alert(2)> had been posted on its site.\n"
    'A spokesman told reporters that <a href="javascript:alert(3)">this link</a> was fake.\n'
    '</div></span><svg onload=alert(4)> Analysts said "\'><iframe src=//evil.example>" meant nothing.'
)


def _evil_doc() -> Document:
    from web_data import att

    d = Document(
        id="evil<1>",
        text=EVIL_TEXT,
        title=EVIL_TITLE,
        outlet='<b onmouseover="x()">Evil Wire</b>',
        published="2031-04-01",
        url="javascript:alert('url')",
    )
    d.attributions = [
        att(
            EVIL_TEXT,
            "said",
            "Officials",
            "<script>alert(document.cookie)</script>",
            normalized="<script>src()</script>",
        ),
        att(
            EVIL_TEXT,
            "claimed",
            "The ministry",
            "<img src=x onerror=alert(2)> had been posted on its site",
            stype='"><x onclick=y>',
        ),
        att(EVIL_TEXT, "told", "A spokesman", '<a href="javascript:alert(3)">this link</a> was fake'),
    ]
    return d


class Audit(HTMLParser):
    """Collects what would run in a browser: script elements, event handlers, script URLs, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.scripts: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts.append(a.get("src"))
            if not (a.get("src") or "").startswith("/static/"):
                self.problems.append(f"inline script {attrs}")
        if tag in ("iframe", "img", "object", "embed"):
            self.problems.append(f"<{tag}> element")
        for k, v in attrs:
            if k.startswith("on"):
                self.problems.append(f"event handler {k}={v!r} on <{tag}>")
            if (
                k in ("href", "src", "action", "formaction")
                and v
                and v.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.problems.append(f"script URL {k}={v!r} on <{tag}>")


def audit(html: str) -> list[str]:
    p = Audit()
    p.feed(html)
    return p.problems


@pytest.fixture
def store(tmp_path: Path):
    st = open_store(str(tmp_path / "safety.db"))
    fill(st)
    st.add_document(_evil_doc())
    st.save_links(
        LinkResult(
            claims=[
                Claim(
                    id="evil<c>",
                    members=[MemberRef("evil<1>", 0, "x"), MemberRef("evil<1>", 1, "y")],
                    origins=["<script>src()</script>"],
                    relays=[('<b onmouseover="x()">Evil Wire</b>', "<script>src()</script>")],
                    independent_origins=1,
                    first_seen="2031-04-01",
                    label='<img src=x onerror=alert("label")>',
                )
            ]
        )
    )
    st.add_report(
        "evil<1>",
        "<script>alert(document.cookie)</script>",
        "typo",
        comment='<img src=x onerror=alert("comment")>',
    )
    yield st
    st.close()


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store=store), base_url=BASE)


def test_hostile_text_never_reaches_a_page_as_markup(client):
    pages = [
        "/",
        "/documents/evil%3C1%3E",
        "/claims/evil%3Cc%3E",
        "/sources/%3Cscript%3Esrc()%3C%2Fscript%3E",
        "/search?q=script+alert",
        "/search?q=ministry",
        "/review",
        "/conflicts",
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E&outlet=%3Cb%3E",
    ]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, (path, r.status_code)
        assert audit(r.text) == [], path
        assert "<script>alert" not in r.text and "<img src=x" not in r.text
    reader = client.get("/documents/evil%3C1%3E").text
    # the text is there, as text, and every highlight kept its characters
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in reader
    assert "javascript:alert(&#39;url&#39;)" not in reader and "original</a>" not in reader
    assert 'class="hl hl-content st-other' in reader  # an unknown source type cannot inject a class


def test_not_found_pages_escape_the_path(client):
    r = client.get("/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert r.status_code == 404
    assert audit(r.text) == [] and "&lt;script&gt;" in r.text


def test_security_headers_on_every_response(client):
    for r in (
        client.get("/"),
        client.get("/api/documents"),
        client.get("/nothing"),
        client.get("/static/style.css"),
        client.post("/api/reports", content=b"x" * 300_000, headers={"content-type": "application/json"}),
    ):
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_pieces_cover_the_text_exactly():
    text = "Ab said that cd ef, according to Gh.\nNext line."
    atts = [
        {
            "cue": {"text": "said", "start": 3, "end": 7},
            "source": {"text": "Ab", "start": 0, "end": 2},
            "content": {"text": "cd ef", "start": 13, "end": 18},
        },
        {
            "cue": {"text": "according to", "start": 20, "end": 32},
            "source": {"text": "Gh", "start": 33, "end": 35},
            "content": {"text": "Ab said that cd ef", "start": 0, "end": 18},
        },
        {"cue": {"text": "stale", "start": 2, "end": 7}, "content": {"text": "x", "start": 90, "end": 99}},
    ]
    ps = highlight.pieces(text, atts)
    assert "".join(p.text for p in ps) == text
    assert all(text[p.start : p.start + len(p.text)] == p.text for p in ps)
    roles = {(p.text, p.attr, p.role) for p in ps}
    assert ("Ab", 0, "source") in roles and ("said", 0, "cue") in roles and ("cd ef", 0, "content") in roles
    assert (" that ", 1, "content") in roles  # the longer content fills the gaps of the shorter one
    assert ("Gh", 1, "source") in roles
    assert not any(p.attr == 2 for p in ps)  # spans that do not match the text are dropped
    assert [p.start for p in ps if p.newline] == [text.index("\n")]


def test_graph_layout_runs_outlets_to_origins():
    lay = layout(
        ["Outlet A", "Outlet B"],
        [("Outlet A", "Wire"), ("Wire", "Origin"), ("Outlet B", "Origin"), ("Origin", "Outlet A")],
        ["Origin"],
    )
    col = {n.name: n.col for n in lay.nodes}
    assert col["Outlet A"] == col["Outlet B"] == 0 and col["Wire"] == 1 and col["Origin"] == 2
    assert len(lay.edges) == 3  # the edge closing a cycle is dropped
    assert all(0 <= n.x <= lay.width and 0 <= n.y <= lay.height for n in lay.nodes)


def test_token_needed_for_writes_when_configured(store):
    c = TestClient(create_app(store=store, token="s3cret-token"), base_url=BASE)
    body = {"document_id": "harbour-1", "selection": "harbour", "kind": "typo"}
    r = c.post("/api/reports", json=body)
    assert r.status_code == 401 and "token" in r.json()["error"]
    assert c.post("/api/reports", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert (
        c.post("/api/reports", json=body, headers={"Authorization": "Bearer s3cret-token"}).status_code == 201
    )
    assert c.get("/api/documents").status_code == 200  # reading stays open
    # the browser signs in once and then writes with the cookie and the CSRF token
    c.get("/login")
    csrf = c.cookies.get("cg_csrf")
    assert c.post("/login", data={"token": "nope", "csrf": csrf}).status_code == 401
    r = c.post("/login", data={"token": "s3cret-token", "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303 and "s3cret" not in r.headers["set-cookie"]
    r = c.post("/review/1", data={"decision": "reject", "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303


def test_no_writes_beyond_loopback_without_token(store):
    c = TestClient(create_app(store=store, host="0.0.0.0"), base_url="http://192.0.2.7")
    r = c.post("/api/reports", json={"document_id": "harbour-1", "selection": "harbour", "kind": "typo"})
    assert r.status_code == 403 and "--token" in r.json()["error"]
    assert c.get("/documents/harbour-1").status_code == 200
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_forms_need_the_csrf_token(client):
    client.get("/documents/harbour-1")
    csrf = client.cookies.get("cg_csrf")
    assert csrf
    form = {
        "document_id": "harbour-1",
        "selection": "northern harbour",
        "kind": "typo",
        "start": "",
        "end": "",
    }
    r = client.post("/reports", data=form, follow_redirects=False)
    assert r.status_code == 403 and "CSRF" in r.text
    r = client.post("/reports", data={**form, "csrf": "x" * 32}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post("/reports", data={**form, "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("?done=report")
    # the same request coming from another site is refused even with the token
    r = client.post(
        "/reports",
        data={**form, "csrf": csrf},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert r.status_code == 403 and "cross-site" in r.text


def test_api_simple_posts_are_refused(client):
    r = client.post("/api/reports/1/reject")  # what a cross-site form could send
    assert r.status_code == 403 and "CSRF" in r.json()["error"]
    r = client.post("/api/ingest/file", files={"file": ("a.txt", b"Officials said so.", "text/plain")})
    assert r.status_code == 403


def test_dns_rebinding_host_is_refused(client):
    r = client.get("/", headers={"Host": "attacker.example"})
    assert r.status_code == 421 and "localhost" in r.json()["error"]
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_rate_limiter_window():
    lim = RateLimiter(2, 10.0)
    assert lim.allow("a", 0.0) and lim.allow("a", 1.0) and not lim.allow("a", 2.0)
    assert lim.allow("b", 2.0)  # per client
    assert lim.retry_after("a", 2.0) >= 8
    assert lim.allow("a", 10.5)  # the first one left the window


def test_form_reports_are_limited_in_size(client):
    client.get("/")
    csrf = client.cookies.get("cg_csrf")
    r = client.post(
        "/reports",
        data={"document_id": "harbour-1", "selection": "a" * 3000, "kind": "typo", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 413 and "at most" in r.text


INTRANET_PAGE = (
    b"<html><head><title>Intranet note</title></head><body><article><p>"
    b"The port authority said on Monday that 12 cranes were back in service after the storm. "
    b"Engineers told reporters that two more would follow within a week.</p></article></body></html>"
)


@pytest.fixture
def intranet_url():
    """One small article page, standing in for an intranet host."""
    with serve_page(INTRANET_PAGE) as (base, _):
        yield f"{base}/note"


def test_url_ingest_refuses_internal_addresses(store, intranet_url):
    """The server fetches what clients send: loopback and private hosts stay out of reach by default."""
    c = TestClient(create_app(store=store), base_url=BASE)
    r = c.post("/api/ingest", json={"url": intranet_url})
    assert r.status_code == 400 and "internal address" in r.json()["error"]
    # the HTML form says the same
    c.get("/ingest")
    r = c.post("/ingest", data={"url": intranet_url, "csrf": c.cookies.get("cg_csrf")})
    assert r.status_code == 400 and "internal address" in r.text
    # an operator on a trusted network can allow it
    trusted = TestClient(create_app(store=store, allow_private_urls=True), base_url=BASE)
    r = trusted.post("/api/ingest", json={"url": intranet_url})
    assert r.status_code == 201, r.text
    assert r.json()["attributions"] >= 1


def test_a_non_ascii_auth_cookie_is_a_mismatch_not_a_server_error(store):
    app = create_app(store=store, token="s3cret-token")
    c = TestClient(app, base_url=BASE, raise_server_exceptions=False)
    body = {"document_id": "harbour-1", "selection": "harbour", "kind": "typo"}
    r = c.post("/api/reports", json=body, headers={"Cookie": "cg_auth=\u00e9t\u00e9".encode()})
    assert r.status_code == 401
    assert c.get("/", headers={"Cookie": "cg_auth=\u00e9t\u00e9".encode()}).status_code == 200
