"""Batch ingest: files, JSONL, feeds (file and HTTP), Telegram exports, duplicates, kill-and-resume."""

from __future__ import annotations

import functools
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from page_server import serve_page
from store_backends import store_url

from claimgraph.ingest import dedup
from claimgraph.ingest.batch import expand, ingest
from claimgraph.ingest.items import Failure
from claimgraph.ingest.telegram import message_text
from claimgraph.store import open_store

TOWNS = ["Brena", "Oltavi", "Kessar", "Dunmore", "Pellago", "Varsk", "Tiram", "Holbeck", "Miravel", "Zoster"]
GOODS = ["grain", "diesel", "medicine", "timber", "cement", "fertiliser"]


def article(n: int) -> str:
    """A short news-style text, different for every n (town, goods, figures)."""
    town, goods = TOWNS[n % len(TOWNS)], GOODS[n % len(GOODS)]
    return (
        f"Officials in {town} said on Monday that {120 + n * 7} tonnes of {goods} had reached the city "
        f"by rail after a delay of {n % 9 + 2} days. According to the regional transport office, the "
        f"convoy number {n} was held at a junction while engineers repaired a damaged bridge. "
        f"The mayor of {town} told reporters that a further {n * 3 + 10} wagons were expected before "
        f"the end of the month and that no one had been hurt during the repairs.\n"
    )


def page(title: str, body: str) -> str:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1><p>{body}</p></article><footer>Subscribe to our newsletter</footer>"
            f"</body></html>")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path: Path):
    yield from store_url(request.param, tmp_path)


def test_directory_then_rerun_skips_everything(db, tmp_path: Path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    for n in range(3):
        (d / f"a{n}.txt").write_text(article(n))
    (d / "sub" / "p.html").write_text(page("Rail convoy arrives", article(7)))
    (d / "sub" / "copy.txt").write_text(article(0).upper())  # same text, other case: a duplicate
    (d / "notes.md").write_text("ignored: not an article suffix")
    (d / "empty.txt").write_text("")
    st = open_store(db)
    rep = ingest([str(d)], st, progress=False, relink=False)
    assert len(rep.added) == 4
    assert len(rep.duplicates) == 1
    assert [w for w, _ in rep.failed] == [str(d / "empty.txt")]
    assert rep.skipped == [(str(d / "notes.md"), "not a supported file type")]
    assert st.counts()["attributions"] > 0
    assert st.get_document("p")["kind"] == "html"
    rep2 = ingest([str(d)], st, progress=False, relink=False)
    assert rep2.added == [] and len(rep2.duplicates) == 5
    assert st.counts()["documents"] == 4
    st.close()


def test_jsonl_and_near_duplicates(db, tmp_path: Path):
    wire = "RAIL (Wire) - " + article(4) + "Reporting by the wire desk; editing by the night editor.\n"
    rows = [{"id": "j1", "text": article(4), "outlet": "Daily", "published": "2025-01-05"},
            {"id": "j2", "text": wire, "outlet": "Wire copy", "published": "2025-01-05"},
            {"id": "j3", "text": article(5), "outlet": "Daily"}]
    f = tmp_path / "docs.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n")
    st = open_store(db)
    rep = ingest([str(f)], st, progress=False, relink=False)
    assert rep.added == ["j1", "j3"]
    assert rep.near_duplicates == [("j2", "j1")]
    assert [w.rsplit(":", 1)[1] for w, _ in rep.failed] == ["4", "5"]
    assert "not JSON" in rep.failed[0][1] and "column 2" in rep.failed[0][1]  # where in the line
    assert st.get_document("j2")["outlet"] == "Wire copy"
    st.close()


def test_csv_spreadsheet_of_articles(db, tmp_path: Path):
    import csv

    f = tmp_path / "sheet.csv"
    with open(f, "w", encoding="utf-8-sig", newline="") as fh:  # as a spreadsheet exports it, BOM included
        w = csv.writer(fh)
        w.writerow(["ID", "Title", "Outlet", "Published", "Text"])
        w.writerow(["c1", "Convoy", "Daily", "2025-01-05", article(1) + "\nA second paragraph, \"quoted\"."])
        w.writerow(["c2", "", "Wire", "soon", article(2)])
        w.writerow(["", "", "", "", article(3)])
    st = open_store(db)
    rep = ingest([str(f)], st, progress=False, relink=False)
    # c1 runs over lines 2-4, c2 over 5-6 (each text ends in a line break): a row is named by its first line
    assert rep.added == ["c1", "sheet-7"]  # a row without an id is named by its line
    assert [w for w, _ in rep.failed] == [f"{f}:5"] and "'published' is no date" in rep.failed[0][1]
    doc = st.get_document("c1")
    assert doc["outlet"] == "Daily" and doc["title"] == "Convoy" and doc["published"].startswith("2025-01-05")
    assert "A second paragraph" in doc["text"]
    st.close()


def test_json_array_of_articles_beside_a_telegram_export(db, tmp_path: Path):
    arr = tmp_path / "scraped.json"
    arr.write_text(json.dumps([{"id": "s1", "outlet": "Daily", "text": article(1)}, {"title": "no text"},
                               {"text": article(2)}]), encoding="utf-8")
    export = tmp_path / "result.json"
    export.write_text(json.dumps({"name": "Harbour Watch", "messages": [
        {"id": 7, "type": "message", "date": "2025-01-06T09:00:00", "text": article(3)}]}), encoding="utf-8")
    st = open_store(db)
    rep = ingest([str(arr), str(export)], st, progress=False, relink=False)
    assert rep.added == ["s1", "scraped-3", "tg-harbour-watch-7"]
    assert [w for w, _ in rep.failed] == [f"{arr}:item 2"]
    assert st.get_document("s1")["outlet"] == "Daily"
    rep = ingest([str(arr)], st, progress=False, relink=False)  # run again: nothing twice
    assert rep.added == []
    st.close()


def test_feed_file_with_local_pages(db, tmp_path: Path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.html").write_text(page("Convoy reaches Brena", article(0)))
    (tmp_path / "pages" / "two.html").write_text(page("Bridge repaired", article(1)))
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Rail Monitor</title>'
        "<link>http://example.invalid/</link><description>d</description>"
        "<item><title>Convoy reaches Brena</title><link>pages/one.html</link>"
        "<pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate></item>"
        "<item><title>Bridge repaired</title><link>pages/two.html</link></item>"
        "<item><title>Gone</title><link>pages/missing.html</link></item>"
        "</channel></rss>")
    st = open_store(db)
    rep = ingest([str(feed)], st, progress=False, relink=False)
    assert len(rep.added) == 2 and len(rep.failed) == 1
    assert "no such file" in rep.failed[0][1]
    docs = {d["title"]: d for d in st.list_documents()}
    assert docs["Convoy reaches Brena"]["outlet"] == "Rail Monitor"
    assert docs["Convoy reaches Brena"]["published"].startswith("2025-01-06")
    assert docs["Bridge repaired"]["kind"] == "feed"
    st.close()


@pytest.fixture
def http_dir(tmp_path: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_feed_over_http_and_url_dedup(http_dir):
    root, base = http_dir
    for n in range(2):
        (root / f"story{n}.html").write_text(page(f"Story {n}", article(n + 2)))
    (root / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Desk</title><id>urn:x</id><updated>2025-02-01T00:00:00Z</updated>"
        + "".join(f'<entry><title>Story {n}</title><link href="{base}/story{n}.html"/><id>urn:{n}</id>'
                  f"<updated>2025-02-0{n + 1}T08:00:00Z</updated></entry>" for n in range(2))
        + "</feed>")
    st = open_store(str(root / "s.db"))
    rep = ingest([f"{base}/atom.xml"], st, progress=False, relink=False)
    assert len(rep.added) == 2, rep.failed
    urls = sorted(d["url"] for d in st.list_documents())
    assert urls == [f"{base}/story0.html", f"{base}/story1.html"]
    assert {d["outlet"] for d in st.list_documents()} == {"Atom Desk"}
    rep2 = ingest([f"{base}/atom.xml", f"{base}/story0.html"], st, progress=False, relink=False)
    assert rep2.added == [] and len(rep2.duplicates) == 3  # skipped by URL, before fetching
    st.close()


def test_feed_text_stands_in_for_a_page_that_cannot_be_read(http_dir):
    root, base = http_dir
    body = " ".join([article(4)] * 3)  # a whole article in the feed (the page itself is missing)
    teaser = "Officials reported new damage at the port."
    (root / "rss.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port Desk</title>'
        f"<item><title>Whole</title><link>{base}/gone.html</link><description>{body}</description></item>"
        f"<item><title>Teaser</title><link>{base}/gone-too.html</link><description>{teaser}</description></item>"
        "</channel></rss>")
    st = open_store(str(root / "s.db"))
    rep = ingest([f"{base}/rss.xml"], st, progress=False, relink=False)
    assert len(rep.added) == 1 and len(rep.failed) == 1
    assert "404" in rep.failed[0][1] and rep.failed[0][0].endswith("gone-too.html")
    doc = st.list_documents()[0]
    assert (doc["title"], doc["url"]) == ("Whole", f"{base}/gone.html")
    assert (doc["outlet"], doc["kind"]) == ("Port Desk", "feed")
    assert st.counts()["attributions"] > 0
    st.close()


def test_page_url_is_fetched_once(tmp_path: Path):
    """`ingest URL` looks at the body to tell a feed from a page; a page is then read from that body."""
    body = page("Ferry resumes", article(3)).encode("utf-8")
    with serve_page(body) as (base, paths):
        url = f"{base}/ferry.html"
        st = open_store(str(tmp_path / "s.db"))
        rep = ingest([url], st, progress=False, relink=False)
        assert len(rep.added) == 1, rep.failed
        assert paths == ["/ferry.html"]
        assert st.list_documents()[0]["url"] == url
        st.close()


def test_telegram_export(db, tmp_path: Path):
    export = {"name": "Front Line Digest", "type": "public_channel", "id": 42, "messages": [
        {"id": 1, "type": "service", "action": "create_channel", "date": "2025-01-01T09:00:00"},
        {"id": 2, "type": "message", "date": "2025-01-02T10:15:00", "text": article(1)},
        {"id": 3, "type": "message", "date": "2025-01-02T11:00:00", "forwarded_from": "Rail Watch",
         "text": ["Forwarded: ", {"type": "bold", "text": "Officials in Kessar"},
                  article(2)[len("Officials in Kessar"):]]},
        {"id": 4, "type": "message", "date": "2025-01-03T08:00:00", "text": "", "photo": "p.jpg"},
    ]}
    (tmp_path / "tg").mkdir()
    path = tmp_path / "tg" / "result.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    st = open_store(db)
    rep = ingest([str(tmp_path / "tg")], st, progress=False, relink=False)
    assert len(rep.added) == 2 and rep.failed == []
    fwd = st.get_document("tg-front-line-digest-3")
    assert fwd["forwarded_from"] == "Rail Watch" and fwd["outlet"] == "Front Line Digest"
    assert fwd["published"] == "2025-01-02T11:00:00" and fwd["kind"] == "telegram"
    assert fwd["text"].startswith("Forwarded: Officials in Kessar")
    st.close()


def test_telegram_forward_of_same_text_is_a_relay_not_a_repeat(db, tmp_path: Path):
    post = article(6)
    original = {"name": "Rail Watch", "messages": [
        {"id": 10, "type": "message", "date": "2025-01-04T07:00:00", "text": post}]}
    relay = {"name": "Front Line Digest", "messages": [
        {"id": 11, "type": "message", "date": "2025-01-04T09:30:00", "forwarded_from": "Rail Watch",
         "text": post},
        {"id": 12, "type": "message", "date": "2025-01-04T09:31:00", "text": post}]}  # a plain repost
    for name, data in (("a", original), ("b", relay)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "result.json").write_text(json.dumps(data), encoding="utf-8")
    st = open_store(db)
    rep = ingest([str(tmp_path / "a"), str(tmp_path / "b")], st, progress=False, relink=False)
    assert rep.added == ["tg-rail-watch-10"]
    assert rep.near_duplicates == [("tg-front-line-digest-11", "tg-rail-watch-10")]
    assert [w for w, _ in rep.duplicates] == [f"{tmp_path / 'b' / 'result.json'}#12"]
    again = ingest([str(tmp_path / "b")], st, progress=False, relink=False)
    assert again.added == [] and again.near_duplicates == [] and len(again.duplicates) == 2
    st.close()


def test_message_text_flattens_entities():
    assert message_text(["a ", {"type": "link", "text": "b"}, " c"]) == "a b c"
    assert message_text("plain") == "plain"
    assert message_text(None) == ""


def test_expand_reports_missing_inputs(tmp_path: Path):
    got = list(expand([str(tmp_path / "nope.txt")]))
    assert isinstance(got[0], Failure) and got[0].reason == "no such file or directory"


def test_minhash_bands_find_near_copies_only():
    a, b = dedup.bands_of(article(3)), dedup.bands_of("Update: " + article(3))
    assert set(a) & set(b)
    assert not set(a) & set(dedup.bands_of(article(4)))


def test_killed_batch_resumes_with_nothing_lost_or_twice(db, tmp_path: Path):
    d = tmp_path / "many"
    d.mkdir()
    n_docs = 60
    for n in range(n_docs):
        (d / f"doc{n:03d}.txt").write_text(article(n + 100))
    cmd = [sys.executable, "-m", "claimgraph.cli", "ingest", str(d), "--db", db, "--no-link", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    st = open_store(db)
    deadline = time.time() + 240
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        stored = st.counts()["documents"]
        if stored >= 5:
            break
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = st.counts()["documents"]
    assert 5 <= stored < n_docs, f"the batch was not killed half-way ({stored} stored)"
    done = subprocess.run(cmd + ["--json-report"], capture_output=True, text=True, timeout=600)
    report = json.loads(done.stdout)
    # the generated texts share their wording, so many are stored as near-duplicates of each other
    assert len(report["added"]) + len(report["near_duplicates"]) == n_docs - stored
    assert len(report["duplicates"]) == stored
    counts = st.counts()
    assert counts["documents"] == n_docs
    with st.engine.connect() as conn:
        distinct = conn.exec_driver_sql("SELECT COUNT(DISTINCT text_hash) FROM documents").scalar()
        orphans = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM attributions a WHERE a.document_id = d.id)").scalar()
    assert distinct == n_docs
    assert orphans == 0  # every document was written together with its attributions
    st.close()


def test_text_too_long_to_parse_is_one_named_failure(tmp_path: Path):
    """Under the readers' size limit but over the parser's: reported by file name, the batch goes on."""
    from claimgraph.nlp import load_nlp

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(article(2))
    sentence = "The port authority said that two cranes were idle again. "
    (d / "endless.txt").write_text(sentence * (load_nlp().max_length // len(sentence) + 10))
    st = open_store(str(tmp_path / "s.db"))
    rep = ingest([str(d)], st, progress=False, relink=False)
    assert rep.added == ["a"]
    ((where, reason),) = rep.failed
    assert where == str(d / "endless.txt")
    assert reason.startswith("too long to parse") and "\n" not in reason
    st.close()


def test_feed_url_that_does_not_answer_reads_like_a_page_that_does_not(tmp_path: Path):
    """A feed URL and a page URL fail with the same one-line reason, not '[Errno 111] ...'."""
    import socket

    from claimgraph.ingest.read import read_input
    from claimgraph.model import InputError

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/feed.xml"
    (failure,) = list(expand([url]))
    assert isinstance(failure, Failure) and failure.reason == "no answer (connection refused)"
    with pytest.raises(InputError) as page_error:
        read_input(url)
    assert page_error.value.reason == failure.reason


def test_xml_file_that_is_not_a_feed_is_reported_not_stored(tmp_path: Path):
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://news.example/a</loc></url></urlset>\n')
    st = open_store(str(tmp_path / "s.db"))
    rep = ingest([str(sitemap)], st, progress=False, relink=False)
    assert rep.added == [] and rep.failed == [(str(sitemap), "not an RSS or Atom feed")]
    assert st.counts()["documents"] == 0
    st.close()


def test_a_feed_with_no_entries_is_reported(tmp_path: Path):
    feed = tmp_path / "empty.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title>'
                    '</channel></rss>\n')
    st = open_store(str(tmp_path / "s.db"))
    rep = ingest([str(feed)], st, progress=False, relink=False)
    assert rep.added == [] and rep.failed == [(str(feed), "the feed has no entries")]
    st.close()


def test_interrupted_ingest_says_how_to_finish(tmp_path: Path, monkeypatch, capsys):
    """Ctrl-C: exit 130 and one line saying a rerun finishes the batch (nothing stored is lost)."""
    from claimgraph import cli
    from claimgraph.ingest import batch

    def stop(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "ingest", stop)
    assert cli.main(["ingest", "--quiet", "--db", str(tmp_path / "s.db"), str(tmp_path)]) == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "interrupted" in err[0] and "run the same command again" in err[0]


def test_unsupported_files_and_empty_exports_are_reported_as_skipped(tmp_path: Path, capsys):
    """A PDF, an image and a Telegram export of service messages only: each named in the report as
    skipped with its reason, and the run does not fail; files under a hidden folder stay unmentioned."""
    from claimgraph import cli

    d = tmp_path / "in"
    (d / ".cache").mkdir(parents=True)
    (d / "a.txt").write_text(article(3))
    (d / "scan.pdf").write_bytes(b"%PDF-1.4 not read")
    (d / "map.PNG").write_bytes(b"\x89PNG")
    (d / ".cache" / "blob").write_bytes(b"x")
    (d / "result.json").write_text(json.dumps({"name": "Quiet Channel", "messages": [
        {"id": 1, "type": "service", "action": "create_channel", "date": "2025-01-01T09:00:00"},
        {"id": 2, "type": "message", "date": "2025-01-01T10:00:00", "text": "", "photo": "p.jpg"}]}))
    st = open_store(str(tmp_path / "s.db"))
    rep = ingest([str(d)], st, progress=False, relink=False)
    st.close()
    assert len(rep.added) == 1 and rep.failed == []
    assert rep.skipped == [(str(d / "map.PNG"), "not a supported file type"),
                           (f"{d / 'result.json'}#1", "a service message (create_channel)"),
                           (f"{d / 'result.json'}#2", "no text (photo without a caption)"),
                           (str(d / "scan.pdf"), "not a supported file type")]
    assert cli.main(["ingest", "--quiet", "--no-link", "--db", str(tmp_path / "t.db"), str(d)]) == 0
    err = capsys.readouterr().err
    assert "skipped 4" in err and f"skipped: {d / 'scan.pdf'}: not a supported file type" in err


def test_a_folder_with_nothing_to_ingest_fails_and_says_so(tmp_path: Path, capsys):
    from claimgraph import cli

    empty, junk = tmp_path / "empty", tmp_path / "junk"
    empty.mkdir()
    junk.mkdir()
    (junk / "scan.pdf").write_bytes(b"%PDF-1.4 not read")
    for d in (empty, junk):
        assert cli.main(["ingest", "--quiet", "--no-link", "--db", str(tmp_path / "s.db"), str(d)]) == 1
        assert "nothing to ingest" in capsys.readouterr().err


def test_a_feeds_own_html_stands_in_as_plain_text_and_a_short_full_entry_counts(http_dir):
    root, base = http_dir
    brief = ("<p>The Pentagon said on Friday that North Korea&#8217;s troops were now fighting in the Kursk "
             "region alongside Russian units, and that Kyiv &amp; its partners had been told.</p>")
    (root / "rss.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Brief Desk</title>"
        f"<item><title>Brief &amp;amp; short</title><link>{base}/gone.html</link>"
        f"<content:encoded><![CDATA[{brief}]]></content:encoded></item>"
        f"<item><title>Teaser</title><link>{base}/gone-too.html</link>"
        "<description>Read on.</description></item></channel></rss>")
    st = open_store(str(root / "s.db"))
    rep = ingest([f"{base}/rss.xml"], st, progress=False, relink=False)
    assert len(rep.added) == 1 and len(rep.failed) == 1
    assert "2-word teaser" in rep.failed[0][1]  # the reason the feed's text could not stand in
    doc = st.list_documents()[0]
    text = st.get_document(doc["id"])["text"]
    assert text.startswith("The Pentagon said") and "North Korea’s troops" in text and "Kyiv & its" in text
    assert "<" not in text and doc["title"] == "Brief & short"
    st.close()


def test_an_article_piped_in_with_dash_is_stored_once(tmp_path: Path):
    db = str(tmp_path / "s.db")
    exe = str(Path(sys.executable).parent / "claimgraph")
    cmd = [exe, "ingest", "--quiet", "--no-link", "--db", db, "-", "-"]
    done = subprocess.run(cmd, input=article(4), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "added 1," in done.stderr + done.stdout
    st = open_store(db)
    assert st.counts()["documents"] == 1 and st.counts()["attributions"] > 0
    st.close()
    done = subprocess.run(cmd, input="", capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "could not read: <stdin>: empty" in done.stderr + done.stdout
