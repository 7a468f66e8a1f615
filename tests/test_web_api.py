"""The REST API: every endpoint, pagination caps, and bad input answered with a 4xx and a message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from store_backends import store_url
from web_data import HARBOUR, fill

from claimgraph.store import open_store
from claimgraph.web.app import create_app

BASE = "http://127.0.0.1"
XRW = {"X-Requested-With": "test"}  # what a script sends; a cross-site form cannot


@pytest.fixture
def store(tmp_path: Path):
    st = open_store(str(tmp_path / "web.db"))
    fill(st)
    yield st
    st.close()


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store=store, report_rate=(5, 60.0)), base_url=BASE)


def report_body(**kw) -> dict:
    start = HARBOUR.index("some 40 vessels")
    sel = "some 40 vessels were turned back before dawn"
    body = {
        "document_id": "harbour-1",
        "selection": sel,
        "kind": "not_a_claim",
        "start": start,
        "end": start + len(sel),
        "prefix": HARBOUR[max(0, start - 60) : start],
        "suffix": HARBOUR[start + len(sel) : start + len(sel) + 60],
    }
    body.update(kw)
    return body


def test_documents_list_and_pagination(client):
    r = client.get("/api/documents")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 2
    assert [d["id"] for d in body["items"]] == ["ledger/relay 2", "harbour-1"]  # latest first
    r = client.get("/api/documents", params={"limit": 1, "offset": 1})
    assert [d["id"] for d in r.json()["items"]] == ["harbour-1"]
    assert client.get("/api/documents", params={"limit": 100000}).json()["limit"] == 200  # capped
    assert client.get("/api/documents", params={"outlet": "Morning Ledger"}).json()["total"] == 1
    assert client.get("/api/documents", params={"date_from": "2031-03-04"}).json()["total"] == 1
    assert client.get("/api/documents", params={"date_from": "2031-03"}).status_code == 200
    r = client.get("/api/documents", params={"date_from": "2025-13-45"})  # the shape of a date, no date
    assert r.status_code == 422 and "date" in r.json()["error"]
    assert client.get("/api/sources", params={"source_type": "bogus"}).status_code == 422
    assert client.get("/api/sources", params={"source_type": "official"}).status_code == 200
    r = client.get("/api/documents", params={"offset": -1})
    assert r.status_code == 422 and "offset" in r.json()["error"]
    r = client.get("/api/documents", params={"limit": "many"})
    assert r.status_code == 422 and "limit" in r.json()["error"]


def test_document_with_attributions_and_claims(client):
    r = client.get("/api/documents/harbour-1")
    assert r.status_code == 200
    doc = r.json()
    assert doc["text"] == HARBOUR and len(doc["version"]) == 64
    assert [a["claim_id"] for a in doc["attributions"]] == ["c-patrols", "c-vessels", None]
    # an id with a slash and a space, as a path segment
    assert client.get("/api/documents/ledger%2Frelay%202").json()["outlet"] == "Morning Ledger"
    r = client.get("/api/documents/no-such-doc")
    assert r.status_code == 404 and r.json() == {"error": "no document with id 'no-such-doc'"}


def test_claims(client):
    items = client.get("/api/claims").json()["items"]
    assert {c["id"] for c in items} == {"c-patrols", "c-vessels"}
    assert client.get("/api/claims").json()["total"] == 2
    body = client.get("/api/claims", params={"order": "contested"}).json()
    contested = body["items"]
    assert [c["id"] for c in contested] == ["c-vessels"] and contested[0]["conflicts"] == 1
    assert body["total"] == 1  # the total counts the filtered list, so paging through it ends
    body = client.get("/api/claims", params={"order": "circular"}).json()
    assert [c["id"] for c in body["items"]] == ["c-patrols"] and body["total"] == 1
    assert client.get("/api/claims", params={"order": "loudest"}).status_code == 422
    c = client.get("/api/claims/c-patrols", params={"graph": True}).json()
    assert c["independent_origins"] == 1 and c["appearances"] == 2
    assert [m["published"] for m in c["members"]] == ["2031-03-03", "2031-03-05"]
    kinds = {n["name"]: n["kind"] for n in c["graph"]["nodes"]}
    assert kinds["Harbour Gazette"] == "outlet" and kinds["Port Authority"] == "origin"
    assert kinds["The Morning Ledger"] == "relay"
    v = client.get("/api/claims/c-vessels").json()
    assert v["disagreements"][0]["why"] == "40 vs 65 vessels turned back"
    r = client.get("/api/claims/c-nothing")
    assert r.status_code == 404 and "c-nothing" in r.json()["error"]


def test_sources(client):
    items = client.get("/api/sources").json()["items"]
    assert items[0]["attributions"] == 2
    assert {s["name"] for s in items} >= {"Port Authority", "Fishermen's Union", "Admiral Petra Lind"}
    only = client.get("/api/sources", params={"source_type": "military"}).json()["items"]
    assert [s["name"] for s in only] == ["Admiral Petra Lind"]
    src = client.get("/api/sources/Port Authority").json()
    assert [m["published"] for m in src["said"]] == ["2031-03-03", "2031-03-05"]
    assert dict(src["relays"]) == {"The Morning Ledger": 1}
    assert {c["id"] for c in src["claims"]} == {"c-patrols"}
    # a wording of the source finds its canonical name
    assert client.get("/api/sources/The union").json()["name"] == "Fishermen's Union"
    assert client.get("/api/sources/Nobody At All").status_code == 404


def test_conflicts(client):
    items = client.get("/api/conflicts").json()["items"]
    assert len(items) == 1
    assert items[0]["a"]["outlet"] == "Harbour Gazette" and items[0]["b"]["outlet"] == "Morning Ledger"
    assert items[0]["a"]["claim_id"] == "c-vessels"
    assert client.get("/api/conflicts", params={"kind": "update"}).json()["items"] == []
    assert client.get("/api/conflicts", params={"kind": "quarrel"}).status_code == 422


def test_search(client):
    hits = client.get("/api/search", params={"q": "blockade spring"}).json()["items"]
    assert [h["ref"] for h in hits] == ["harbour-1"] and hits[0]["href"] == "/documents/harbour-1"
    hits = client.get("/api/search", params={"q": "vessels", "kind": "claim"}).json()["items"]
    assert [h["ref"] for h in hits] == ["c-vessels"]
    hits = client.get("/api/search", params={"q": "patrols", "outlet": "Morning Ledger"}).json()["items"]
    assert [h["ref"] for h in hits] == ["ledger/relay 2"]
    hits = client.get("/api/search", params={"q": "vessels", "source_type": "military"}).json()["items"]
    assert {h["ref"] for h in hits} == {"harbour-1", "c-vessels"}
    hits = client.get("/api/search", params={"date_to": "2031-03-04"}).json()["items"]
    assert [h["ref"] for h in hits] == ["harbour-1"]
    r = client.get("/api/search")
    assert r.status_code == 400 and "q" in r.json()["error"]
    # FTS operators in the query are words, not syntax
    assert client.get("/api/search", params={"q": 'NEAR("x" OR) *'}).status_code == 200


def test_ingest_text_and_file(client):
    text = (
        "The ferry operator said on Tuesday that crossings would resume next week.\n"
        "According to the harbour master, three berths were repaired overnight."
    )
    r = client.post(
        "/api/ingest",
        json={"text": text, "title": "Ferries resume", "outlet": "Test Wire", "published": "2031-03-07"},
    )
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["status"] == "added" and out["attributions"] >= 1
    doc = client.get(f"/api/documents/{out['id']}").json()
    assert doc["outlet"] == "Test Wire" and "ferry operator" in doc["text"]
    again = client.post("/api/ingest", json={"text": text})
    assert again.status_code == 200 and again.json()["status"] == "duplicate"  # nothing created
    html = (
        b"<html><body><article><p>Customs officials said the queue of lorries grew to nine kilometres."
        b"</p></article></body></html>"
    )
    r = client.post(
        "/api/ingest/file",
        files={"file": ("lorries.html", html, "text/html")},
        data={"outlet": "Upload Daily"},
        headers=XRW,
    )
    assert r.status_code == 201, r.text
    assert client.get(f"/api/documents/{r.json()['id']}").json()["outlet"] == "Upload Daily"


def test_ingest_bad_input(client):
    r = client.post("/api/ingest", json={})
    assert r.status_code == 400 and "exactly one" in r.json()["error"]
    r = client.post("/api/ingest", json={"url": "file:///etc/passwd"})
    assert r.status_code == 400 and "http" in r.json()["error"]
    r = client.post("/api/ingest", json={"text": "   \n  "})
    assert r.status_code == 400
    jsonl = '{"id": "a", "text": "The governor said the port was shut."}\n{"id": "b", "text": "Yes."}\n'
    r = client.post("/api/ingest", json={"text": jsonl})  # pasted data is not an article
    assert r.status_code == 400 and "JSONL" in r.json()["error"]
    r = client.post(
        "/api/ingest/file", files={"file": ("blob.bin", b"\x00\x01\x02" * 100, "application/x")}, headers=XRW
    )
    assert r.status_code == 400 and r.json()["error"]
    r = client.post("/api/ingest/file", files={"file": ("empty.txt", b"", "text/plain")}, headers=XRW)
    assert r.status_code == 400 and "empty" in r.json()["error"]


def test_report_accept_survives_reextraction(client, store):
    body = report_body(
        kind="wrong_source",
        source="Officials in the capital",
        comment="the admiral only repeated it",
        claim_id="c-vessels",
    )
    r = client.post("/api/reports", json=body)
    assert r.status_code == 201, r.text
    rep = r.json()
    assert rep["status"] == "open" and rep["source"] == "Officials in the capital"
    assert rep["comment"] == "the admiral only repeated it" and rep["claim_id"] == "c-vessels"
    assert [x["id"] for x in client.get("/api/reports").json()["items"]] == [rep["id"]]
    assert client.get(f"/api/reports/{rep['id']}").json()["kind"] == "wrong_source"
    r = client.post(f"/api/reports/{rep['id']}/accept", headers=XRW)
    assert r.status_code == 200 and r.json()["status"] == "accepted"

    def second():
        doc = client.get("/api/documents/harbour-1").json()
        return next(a for a in doc["attributions"] if "40 vessels" in a["content"]["text"])

    a = second()
    assert a["source"]["text"] == "Officials in the capital" and a["method"] == "correction"
    assert a["source"]["start"] == HARBOUR.index("Officials in the capital")
    store.reextract("harbour-1")  # the real extractor runs again; the correction still holds
    assert second()["source_normalized"] == "Officials in the capital"
    r = client.post(f"/api/reports/{rep['id']}/reject", headers=XRW)
    assert r.status_code == 409 and "already accepted" in r.json()["error"]
    assert client.get("/api/reports", params={"status": "accepted"}).json()["items"][0]["id"] == rep["id"]


def test_report_reject_and_unknowns(client):
    rep = client.post("/api/reports", json=report_body(kind="typo")).json()
    assert client.post(f"/api/reports/{rep['id']}/reject", headers=XRW).json()["status"] == "rejected"
    assert client.post("/api/reports/999/accept", headers=XRW).status_code == 404
    assert client.get("/api/reports/999").json() == {"error": "no report with id 999"}
    assert client.get("/api/reports/abc").status_code == 422


def test_report_bad_input(client):
    r = client.post("/api/reports", json=report_body(document_id="missing"))
    assert r.status_code == 404 and "missing" in r.json()["error"]
    r = client.post("/api/reports", json=report_body(kind="rude"))
    assert r.status_code == 422 and "kind" in r.json()["error"]
    r = client.post("/api/reports", json=report_body(selection="not what is there"))
    assert r.status_code == 400 and "does not match" in r.json()["error"]
    r = client.post("/api/reports", json=report_body(selection="not what is there", start=None, end=None))
    assert r.status_code == 400 and "not in the document" in r.json()["error"]
    r = client.post("/api/reports", json=report_body(start=5, end=100000))
    assert r.status_code == 400 and "offsets" in r.json()["error"]
    r = client.post("/api/reports", json=report_body(comment="x" * 5000))
    assert r.status_code == 413 and "comment" in r.json()["error"]
    r = client.post(
        "/api/reports",
        content=b'{"document_id": "harbour-1", "selection": ',
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 400 and r.json()["error"].startswith("malformed JSON")
    r = client.post(
        "/api/reports",
        content=json.dumps(report_body(comment="y" * 400_000)),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 413 and "too large" in r.json()["error"]
    r = client.post("/api/reports", content=b"[1, 2, 3]", headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500
    for bad in (b'"\\ud800"', b'"a\\u0000b"'):  # a lone surrogate, a NUL: not text
        body = json.dumps(report_body(comment="PLACEHOLDER")).encode().replace(b'"PLACEHOLDER"', bad)
        r = client.post("/api/reports", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 422 and "not valid text" in r.json()["error"], body
        r = client.post("/api/ingest", content=b'{"text": "The governor said ' + bad[1:-1] + b' it."}',
                        headers={"content-type": "application/json", "x-requested-with": "test"})
        assert r.status_code == 422
    # after all that, the server still answers
    assert client.get("/api/documents/harbour-1").status_code == 200


def test_reports_are_rate_limited_per_client(client):
    codes = [client.post("/api/reports", json=report_body(kind="typo")).status_code for _ in range(7)]
    assert codes[:5] == [201] * 5 and codes[5:] == [429, 429]
    r = client.post("/api/reports", json=report_body(kind="typo"))
    assert "too many reports" in r.json()["error"] and int(r.headers["retry-after"]) >= 1


def test_openapi_and_unknown_paths(client):
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    for p in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/sources",
        "/api/conflicts",
        "/api/search",
        "/api/ingest",
        "/api/ingest/file",
        "/api/reports",
        "/api/reports/{report_id}/accept",
        "/api/reports/{report_id}/reject",
    ):
        assert p in paths, p
    assert not any(p.startswith("/review") for p in paths)  # pages stay out of the API schema
    r = client.get("/api/nothing/here")
    assert r.status_code == 404 and r.json()["error"]
    r = client.delete("/api/documents")
    assert r.status_code == 405 and "DELETE" in r.json()["error"]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_pages_and_search_on_both_backends(kind, tmp_path: Path):
    for url in store_url(kind, tmp_path):
        st = open_store(url)
        try:
            fill(st)
            c = TestClient(create_app(store=st), base_url=BASE)
            for path in (
                "/",
                "/documents/harbour-1",
                "/claims/c-vessels",
                "/sources/Port%20Authority",
                "/search?q=patrols&source_type=official",
                "/conflicts",
                "/review",
                "/ingest",
                "/api",
            ):
                r = c.get(path)
                assert r.status_code == 200, (path, r.text[:300])
            hits = c.get("/api/search", params={"q": "harbour patrols"}).json()["items"]
            assert {h["ref"] for h in hits} >= {"harbour-1"}
        finally:
            st.close()


def test_browser_forms_ingest_and_review(client):
    client.get("/ingest")
    csrf = client.cookies.get("cg_csrf")
    text = "Railway staff said on Friday that the night trains would run again from April."
    r = client.post(
        "/ingest",
        data={"text": text, "title": "Night trains", "outlet": "Form Post", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].endswith("?done=ingested")
    page = client.get(r.headers["location"])
    assert "Night trains" in page.text and "Article ingested" in page.text
    r = client.post(
        "/ingest",
        files={"file": ("note.txt", b"Officials said the bridge reopened.", "text/plain")},
        data={"csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303
    r = client.post("/ingest", data={"url": "ftp://example.org/x", "csrf": csrf})
    assert r.status_code == 400 and "http" in r.text
    r = client.post("/ingest", data={"csrf": csrf})
    assert r.status_code == 400 and "exactly one" in r.text
    rep = client.post("/api/reports", json=report_body(kind="typo")).json()
    assert f"report-{rep['id']}" in client.get("/review").text
    r = client.post(f"/review/{rep['id']}", data={"decision": "maybe", "csrf": csrf})
    assert r.status_code == 400
    r = client.post(f"/review/{rep['id']}", data={"decision": "reject", "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303 and client.get(f"/api/reports/{rep['id']}").json()["status"] == "rejected"


def test_serve_command_checks_its_arguments(capsys):
    from claimgraph.cli import build_parser

    args = build_parser().parse_args(["serve", "--port", "70000", "--db", "sqlite://"])
    assert args.func(args) == 2
    assert "not a port number" in capsys.readouterr().err
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.token) == ("127.0.0.1", 8000, None)


def test_reviewer_names_the_source_when_accepting(client):
    body = report_body(kind="wrong_source", comment="not the admiral")
    rep = client.post("/api/reports", json=body).json()
    assert rep["source"] is None
    r = client.post(f"/api/reports/{rep['id']}/accept", json={"source": "Officials in the capital"})
    assert r.status_code == 200, r.text
    doc = client.get("/api/documents/harbour-1").json()
    a = next(x for x in doc["attributions"] if "40 vessels" in x["content"]["text"])
    assert a["source"]["text"] == "Officials in the capital" and a["source"]["start"] >= 0
    # a missed claim: the selection becomes the content, the named source its source
    sel = "the blockade could last into spring"
    start = HARBOUR.index(sel)
    rep = client.post(
        "/api/reports",
        json=report_body(
            kind="missed_claim", selection=sel, start=start, end=start + len(sel), source="the port authority"
        ),
    ).json()
    r = client.post(f"/api/reports/{rep['id']}/accept", headers=XRW)
    assert r.status_code == 200
    doc = client.get("/api/documents/harbour-1").json()
    a = next(x for x in doc["attributions"] if x["content"]["text"] == sel)
    assert a["method"] == "correction" and a["source"]["text"] == "the port authority"
    r = client.post("/api/reports/1/accept", json={"source": "x" * 500})
    assert r.status_code == 422


def test_numbers_past_the_database_integers_are_not_server_errors(client):
    """Ids and offsets too large for an SQL integer: 404 or an empty page, never a 500."""
    huge = "99999999999999999999"
    assert client.get(f"/api/reports/{huge}").status_code == 404
    assert client.post(f"/api/reports/{huge}/accept", headers=XRW).status_code == 404
    assert client.post(f"/api/reports/{huge}/reject", headers=XRW).status_code == 404
    for path in ("/api/documents", "/api/claims", "/api/sources", "/api/conflicts", "/api/reports"):
        r = client.get(path, params={"offset": huge})
        assert r.status_code == 200 and r.json()["items"] == [], path
    assert client.get("/", params={"offset": huge}).status_code == 200


def test_ingest_text_too_long_to_parse_is_a_4xx(client):
    from claimgraph.nlp import load_nlp

    sentence = "The coast guard said that a tanker had run aground overnight. "
    text = sentence * (load_nlp().max_length // len(sentence) + 10)
    r = client.post("/api/ingest", json={"text": text})
    assert r.status_code == 413 and "too long to parse" in r.json()["error"]


def test_dates_that_are_not_iso_are_a_4xx(client):
    """Dates filter as ISO text: '03/04/2031' would silently match the wrong articles."""
    for path, extra in (("/api/documents", {}), ("/api/search", {"q": "vessels"})):
        for bad in ("03/04/2031", "notadate", "2031-3-4"):
            r = client.get(path, params={"date_from": bad, **extra})
            assert r.status_code == 422 and "date_from" in r.json()["error"], (path, bad)
        assert client.get(path, params={"date_to": "2031-03", **extra}).status_code == 200


def test_ingest_refuses_a_published_date_that_is_not_iso(client):
    """'notadate' would sort above every real date and stay the latest article."""
    text = "The lighthouse keeper said that the northern channel was closed to shipping."
    for bad in ("notadate", "07/03/2031", "Friday"):
        r = client.post("/api/ingest", json={"text": text, "published": bad})
        assert r.status_code == 400 and "YYYY-MM-DD" in r.json()["error"], bad
    assert client.get("/api/documents").json()["total"] == 2  # nothing stored
    r = client.post("/api/ingest", json={"text": text, "published": "2031-03-07T08:30:00"})
    assert r.status_code == 201, r.text


def test_serve_on_a_port_in_use_is_one_line(capsys, tmp_path: Path):
    """A busy port: one line and exit 2, before 'serving on' is printed (uvicorn said both, then exit 3)."""
    import socket

    from claimgraph.cli import build_parser

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        args = build_parser().parse_args(["serve", "--port", str(port), "--db", str(tmp_path / "s.db")])
        assert args.func(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"claimgraph: cannot listen on 127.0.0.1:{port} (Address already in use)"]


@pytest.mark.parametrize("name, data", [
    ("result.json", b'{"name": "Channel", "messages": [{"id": 1, "type": "message", "text": "hi"}]}'),
    ("docs.jsonl", b'{"id": "a", "text": "The mayor said the tram line had reopened."}\n'),
])
def test_upload_of_a_batch_file_is_refused_not_stored_as_text(client, name, data):
    """A Telegram export or a JSONL uploaded as one article: a 400 naming it, not its JSON as an article."""
    r = client.post("/api/ingest/file", files={"file": (name, data, "application/json")}, headers=XRW)
    assert r.status_code == 400 and "claimgraph ingest" in r.json()["error"]
    assert client.get("/api/documents").json()["total"] == 2


def test_a_report_survives_a_browsers_line_breaks_and_offsets_counted_in_utf16(client):
    start = HARBOUR.index("some 40 vessels")
    sel = "some 40 vessels were turned back before dawn"
    moved = report_body(selection=sel, start=start + 1, end=start + 1 + len(sel))
    r = client.post("/api/reports", json=moved)
    assert r.status_code == 201 and r.json()["start"] == start  # one unit off, as past an emoji
    r = client.post("/api/reports", json=report_body(prefix="a\r\nb"))
    assert r.status_code == 201 and "\r" not in r.json()["prefix"]


def test_ingest_refuses_a_published_date_that_is_no_date(client):
    for bad in ("9999-99-99", "2024-11-02T10:00:00<script>"):
        body = {"text": "The governor said the port was shut.", "published": bad}
        r = client.post("/api/ingest", json=body, headers={"x-requested-with": "test"})
        assert r.status_code == 400 and "published" in r.json()["error"], bad


def test_ingest_answers_a_malformed_url_with_a_clear_error(client):
    for bad in ("http://[::1", "http://a b/"):
        r = client.post("/api/ingest", json={"url": bad}, headers={"x-requested-with": "test"})
        assert r.status_code == 400 and "not a valid URL" in r.json()["error"], bad


def test_a_name_with_no_source_page_leads_to_a_search_and_a_bad_search_date_says_so(client):
    r = client.get("/sources/Ukrainian%20broadcaster", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/search?q=Ukrainian+broadcaster"
    r = client.get("/search", params={"q": "harbour", "date_to": "01/12/2024"})
    assert r.status_code == 400 and "not a date" in r.text and "01/12/2024" in r.text


def test_a_report_names_a_selection_and_a_source_that_are_in_the_text_whatever_version_it_claims(client):
    r = client.post("/api/reports", json=report_body(selection="not what is there", doc_version="old"))
    assert r.status_code == 400 and "not in the document" in r.json()["error"]
    r = client.post("/api/reports", json=report_body(kind="wrong_source", source="Vladimir Putin"))
    assert r.status_code == 400 and "source is not in the document" in r.json()["error"]
    r = client.post("/api/reports", json=report_body(kind="wrong_source", source="Admiral Petra Lind"))
    assert r.status_code == 201
