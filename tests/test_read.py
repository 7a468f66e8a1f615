"""Reading inputs: text, HTML, stdin and URLs, and a one-line error for every bad input."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimgraph.cli import iter_jsonl, main
from claimgraph.ingest.netguard import is_public_address
from claimgraph.ingest.read import check_text, read_input
from claimgraph.model import InputError

ARTICLE = (
    "Navy Says Patrol Boat Sank Drone Off the Coast\n"
    "The navy said on Sunday that a patrol boat had destroyed a naval drone approaching the port "
    "before dawn.\n"
    "Read more: Port workers return after a week of alerts\n"
    "A spokesman said nobody was hurt and that shipping had resumed by mid-morning, "
    "although insurers were watching the situation closely.\n"
    "Share this article\n"
    "The defence ministry in Moscow did not comment on the claim.\n"
)

HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Navy says patrol boat sank drone | Harbour Gazette</title>
<meta name="author" content="Maria Example">
<meta property="og:title" content="Navy says patrol boat sank drone">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2025-02-09T08:30:00+02:00">
<link rel="canonical" href="https://gazette.example/news/navy-drone">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Navy says patrol boat sank drone</h1>
<p>The navy said on Sunday that a patrol boat had destroyed a naval drone approaching the port before dawn,
in the third such attempt this month.</p>
<p>Read more: Port workers return after a week of alerts</p>
<p>A spokesman said nobody was hurt and that shipping had resumed by mid-morning, although insurers were
watching the situation closely and some operators delayed departures.</p>
<p>The defence ministry in Moscow did not comment on the claim, and the account could not be independently
verified.</p>
</article>
<footer>&copy; Harbour Gazette 2025. All rights reserved.</footer>
</body></html>
"""

GERMAN = (
    "Die Marine teilte am Sonntag mit, dass ein Patrouillenboot vor der Morgendämmerung eine Seedrohne "
    "zerstört habe, die sich dem Hafen näherte. Ein Sprecher sagte, niemand sei verletzt worden und der "
    "Schiffsverkehr sei am Vormittag wieder aufgenommen worden, obwohl die Versicherer die Lage genau "
    "beobachteten.\n"
)

RUSSIAN = (
    "ВМС сообщили в воскресенье, что патрульный катер уничтожил морской беспилотник, который приближался "
    "к порту перед рассветом. Представитель заявил, что никто не пострадал, а судоходство возобновилось "
    "к середине утра, хотя страховщики внимательно следили за ситуацией в регионе.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def _error_of(arg: str, **kw: object) -> InputError:
    with pytest.raises(InputError) as info:
        read_input(arg, **kw)  # type: ignore[arg-type]
    err = info.value
    assert "\n" not in str(err)
    assert str(err).startswith(f"{arg}: ")
    return err


# --- good inputs -----------------------------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    p = _write(tmp_path, "navy-drone.txt", ARTICLE)
    doc = read_input(str(p))
    lines = doc.text.split("\n")
    assert doc.id == "navy-drone"
    assert doc.kind == "text"
    assert doc.language == "en"
    assert doc.raw == ARTICLE
    assert doc.title == "Navy Says Patrol Boat Sank Drone Off the Coast"
    assert "Read more: Port workers return after a week of alerts" not in lines
    assert "Share this article" not in lines
    assert lines[-1] == "The defence ministry in Moscow did not comment on the claim."
    assert len(lines) == 4


def test_html_file_with_metadata(tmp_path: Path) -> None:
    p = _write(tmp_path, "page.html", HTML)
    doc = read_input(str(p))
    assert doc.kind == "html"
    assert doc.title == "Navy says patrol boat sank drone"
    assert doc.author == "Maria Example"
    assert doc.published is not None and doc.published.startswith("2025-02-09")
    assert doc.outlet == "Harbour Gazette"
    assert doc.url == "https://gazette.example/news/navy-drone"
    assert doc.raw == HTML
    assert doc.language == "en"
    lines = doc.text.split("\n")
    assert any(x.startswith("The navy said on Sunday") for x in lines)
    assert any(x.startswith("A spokesman said nobody was hurt") for x in lines)
    assert not any(x.startswith("Read more") for x in lines)
    assert not any("All rights reserved" in x for x in lines)
    assert not any(x in ("Home", "World") for x in lines)


def test_html_file_in_declared_legacy_charset(tmp_path: Path) -> None:
    page = HTML.replace("<head>", '<head><meta charset="windows-1252">')
    page = page.replace("Maria Example", "Zoë Exämple")
    doc = read_input(str(_write(tmp_path, "legacy.html", page.encode("cp1252"))))
    assert doc.author == "Zoë Exämple"


def test_html_detected_by_content_not_extension(tmp_path: Path) -> None:
    doc = read_input(str(_write(tmp_path, "saved_page.txt", HTML)))
    assert doc.kind == "html" and doc.title == "Navy says patrol boat sank drone"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8"))
    doc = read_input("-")
    assert doc.id.startswith("stdin-") and len(doc.id) == len("stdin-") + 8
    assert doc.kind == "text"
    assert "Share this article" not in doc.text.split("\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8"))
    assert read_input("-").id == doc.id  # stable


def test_stdin_via_command_line() -> None:
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "clean", "-"], input=HTML,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("Navy says patrol boat sank drone\nThe navy said on Sunday")
    assert "Read more" not in res.stdout


def test_short_text_in_any_language_is_not_rejected(tmp_path: Path) -> None:
    doc = read_input(str(_write(tmp_path, "short.txt", "Die Marine meldet einen Angriff.\n")))
    assert doc.text == "Die Marine meldet einen Angriff."


# --- bad files -------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    err = _error_of(str(tmp_path / "nope.txt"))
    assert "no such file" in err.reason


def test_directory(tmp_path: Path) -> None:
    assert "directory" in _error_of(str(tmp_path)).reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied(tmp_path: Path) -> None:
    p = _write(tmp_path, "secret.txt", ARTICLE)
    p.chmod(0)
    try:
        assert "permission denied" in _error_of(str(p)).reason
    finally:
        p.chmod(0o600)


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    assert "empty" in _error_of(str(_write(tmp_path, "empty.txt", content))).reason


def test_only_boilerplate_is_empty(tmp_path: Path) -> None:
    p = _write(tmp_path, "promo.txt", "Advertisement\nShare this article\nSubscribe to our newsletter\n")
    assert "nothing left after removing boilerplate" in _error_of(str(p)).reason


def test_binary_file(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    assert "binary" in _error_of(str(_write(tmp_path, "image.png", data))).reason


@pytest.mark.parametrize("name, data, said", [
    ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
    ("article.docx", b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
])
def test_a_document_format_dropped_in_by_mistake_is_named(tmp_path: Path, name: str, data: bytes,
                                                          said: str) -> None:
    assert said in _error_of(str(_write(tmp_path, name, data))).reason


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    data = bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 40
    assert "binary" in _error_of(str(_write(tmp_path, "blob.dat", data))).reason


def test_control_characters_without_nul_are_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        check_text("x", "ok \x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 50)


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: costs no disk, and would be 50 MB of NULs if read
    t0 = time.monotonic()
    err = _error_of(str(p))
    assert "too large" in err.reason and "52,428,800" in err.reason
    assert time.monotonic() - t0 < 1.0


def test_check_text_size_limit() -> None:
    with pytest.raises(InputError, match="too large"):
        check_text("big", "word " * 30, max_chars=100)


@pytest.mark.parametrize("html", [
    "<html><body><div class=",
    "<!DOCTYPE html><html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
    "<html><body><<<<>>>><p></p></div></span></table>",
])
def test_broken_html(tmp_path: Path, html: str) -> None:
    err = _error_of(str(_write(tmp_path, "broken.html", html)))
    assert "HTML" in err.reason


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (RUSSIAN, "ru")])
def test_not_english(tmp_path: Path, text: str, lang: str) -> None:
    err = _error_of(str(_write(tmp_path, f"{lang}.txt", text)))
    assert "not English" in err.reason and f"'{lang}'" in err.reason


def test_invalid_utf8_names_the_offset(tmp_path: Path) -> None:
    data = b"The navy said it sank a drone." + b"\xff\xfe" + b" More text follows here."
    err = _error_of(str(_write(tmp_path, "latin.txt", data)))
    assert "not valid UTF-8" in err.reason and "byte offset 30" in err.reason


# --- URLs ------------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        if self.path == "/article":
            body, ctype, code = HTML.encode("utf-8"), "text/html; charset=utf-8", 200
        elif self.path == "/report.pdf":
            body, ctype, code = b"%PDF-1.4 ...", "application/pdf", 200
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):  # each read is quick, the whole page is not
                    self.wfile.write(b"<p>" + b"x" * 70000 + b"</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        elif self.path == "/slow":
            time.sleep(2.0)
            body, ctype, code = HTML.encode("utf-8"), "text/html", 200
        else:
            body, ctype, code = b"<html><body>gone</body></html>", "text/html", 404
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html(server: str) -> None:
    doc = read_input(f"{server}/article")
    assert doc.kind == "url"
    assert doc.title == "Navy says patrol boat sank drone"
    assert doc.outlet == "Harbour Gazette"
    assert doc.id.startswith("article-")
    assert any(x.startswith("The navy said on Sunday") for x in doc.text.split("\n"))


def test_url_http_error(server: str) -> None:
    assert "HTTP error 404" in _error_of(f"{server}/missing").reason


def test_url_not_html(server: str) -> None:
    assert "not an HTML page (content type application/pdf)" in _error_of(f"{server}/report.pdf").reason


def test_url_timeout(server: str) -> None:
    assert "timed out" in _error_of(f"{server}/slow", timeout=0.5).reason


def test_url_trickling_page_times_out(server: str) -> None:
    t0 = time.monotonic()
    assert "timed out" in _error_of(f"{server}/trickle", timeout=0.5).reason
    assert time.monotonic() - t0 < 2.0


def test_url_that_does_not_answer() -> None:
    err = _error_of(f"http://127.0.0.1:{_free_port()}/news")
    assert "no answer" in err.reason


# --- command line ----------------------------------------------------------------------------------


def test_cli_clean_prints_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(_write(tmp_path, "a.txt", ARTICLE))]) == 0
    out = capsys.readouterr().out
    assert "Share this article" not in out and out.endswith("did not comment on the claim.\n")


def test_cli_clean_bad_input_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _write(tmp_path, "de.txt", GERMAN)
    assert main(["clean", str(p)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    err_lines = captured.err.strip().split("\n")
    assert len(err_lines) == 1 and str(p) in err_lines[0] and "not English" in err_lines[0]


def test_cli_subprocess_exit_code(tmp_path: Path) -> None:
    p = _write(tmp_path, "empty.txt", "")
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "clean", str(p)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode != 0
    assert res.stdout == ""
    assert res.stderr.count("\n") == 1 and str(p) in res.stderr and "empty" in res.stderr


def _bad_jsonl(tmp_path: Path) -> Path:
    rows = [
        json.dumps({"id": "good1", "text": "The navy said it had sunk a drone off the coast."}),
        "this is not json",
        json.dumps({"id": "notext", "title": "no text here"}),
        json.dumps({"id": "emptytext", "text": "   "}),
        json.dumps({"id": "good2", "text": "Officials said the port had reopened, the ministry said."}),
    ]
    return _write(tmp_path, "in.jsonl", "\n".join(rows) + "\n")


def test_iter_jsonl_skips_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _bad_jsonl(tmp_path)
    skipped: list[str] = []
    ids = [d.id for d in iter_jsonl(str(p), skipped)]
    assert ids == ["good1", "good2"]
    assert skipped == [f"{p}:2", f"{p}:3", f"{p}:4"]
    err = capsys.readouterr().err
    assert "not JSON" in err and "no 'text'" in err and "empty" in err


def test_iter_jsonl_skips_a_repeated_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "dup.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "The governor said the bridge was closed."}) + "\n"
                 + json.dumps({"id": "a", "text": "The mayor said the road was open."}) + "\n")
    skipped: list[str] = []
    assert [d.text[:12] for d in iter_jsonl(str(p), skipped)] == ["The governor"]
    assert skipped == [f"{p}:a"] and "duplicate id" in capsys.readouterr().err


def test_cli_extract_jsonl_goes_on_past_bad_lines(tmp_path: Path) -> None:
    pytest.importorskip("claimgraph.extract.rules")
    p = _bad_jsonl(tmp_path)
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", str(p)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode != 0
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines() if line.strip()]
    assert ids == ["good1", "good2"]
    assert f"{p}:2" in res.stderr and f"{p}:3" in res.stderr and f"{p}:4" in res.stderr


def test_cli_extract_reads_a_csv_of_articles_and_refuses_one_without_a_text_column(tmp_path: Path) -> None:
    p = _write(tmp_path, "in.csv", 'id,text\ngood1,"The navy said it had sunk a drone, the ministry said."\n'
                                    'blank,\ngood2,"Officials said the port had reopened."\n')
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", str(p)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 1  # one row skipped, and said so
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["good1", "good2"]
    assert f"{p}:3" in res.stderr and "empty 'text'" in res.stderr
    bad = _write(tmp_path, "cols.csv", "name,body\nx,The mayor said so.\n")
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", str(bad)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and "'text' column" in res.stderr and "name, body" in res.stderr
    # given as one article, a CSV is refused with the way to read it
    assert main(["extract", str(p)]) == 2


def test_cli_extract_reads_a_json_array_of_articles_and_refuses_other_json(tmp_path: Path) -> None:
    items = [{"id": "good1", "text": "The navy said it had sunk a drone."}, {"id": "blank", "text": ""},
             "junk", {"text": "Officials said the port had reopened.", "published": "2025-03-02"}]
    p = _write(tmp_path, "in.json", json.dumps(items, indent=1))
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", str(p)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 1  # two items skipped, and said so by their place in the array
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["good1", "in-4"]
    assert f"{p}:item 2" in res.stderr and f"{p}:item 3" in res.stderr and f"{p}:item 1" not in res.stderr
    for name, body in (("obj.json", '{"articles": "none"}'), ("broken.json", '[{"text": "x"')):
        bad = _write(tmp_path, name, body)
        res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", str(bad)],
                             capture_output=True, text=True, timeout=300)
        assert res.returncode == 2 and res.stdout == "" and res.stderr.count("\n") == 1
        assert str(bad) in res.stderr
    assert main(["extract", str(p)]) == 2  # given as one article, the way to read it is named


def test_cli_extract_jsonl_reads_a_telegram_export(tmp_path: Path) -> None:
    export = {"name": "Harbour Watch", "messages": [
        {"id": 1, "type": "message", "date": "2025-01-06T09:00:00",
         "text": [{"type": "bold", "text": "Port authority: "},
                  "two ferries were damaged in the storm overnight"]},
        {"id": 2, "type": "service", "action": "pin_message"},
        {"id": 3, "type": "message", "text": "The navy said the strait would reopen on Monday."}]}
    p = _write(tmp_path, "result.json", json.dumps(export))
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", str(p)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["tg-harbour-watch-1", "tg-harbour-watch-3"]
    assert [a["source"]["text"] for r in rows for a in r["attributions"]] == ["Port authority", "The navy"]


def test_cli_extract_jsonl_reads_a_pipe(tmp_path: Path) -> None:
    p = _bad_jsonl(tmp_path)
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", "-"],
                         input=p.read_bytes(), capture_output=True, timeout=300)
    assert res.returncode != 0  # the bad lines are still reported, by line number
    ids = [json.loads(line)["id"] for line in res.stdout.decode().splitlines() if line.strip()]
    assert ids == ["good1", "good2"]
    assert "-:2" in res.stderr.decode()
    res = subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", "-"],
                         input=b'{"text": "The mayor said the bridge was closed."}\n', capture_output=True,
                         timeout=300)
    assert json.loads(res.stdout)["id"] == "stdin-1"  # a line without an id is named by its place


def test_read_jsonl_skips_an_invalid_utf8_line_and_goes_on(tmp_path: Path) -> None:
    from claimgraph.ingest.read import read_jsonl

    good = json.dumps({"id": "ok", "text": "The mayor said the bridge would reopen next week."}).encode()
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"id": "bad", "text": "caf\xff"}\n' + good + b"\n")
    out = list(read_jsonl(p))
    assert isinstance(out[0], InputError) and "UTF-8" in out[0].reason and out[0].source == f"{p}:1"
    assert [d.id for d in out[1:]] == ["ok"]


def test_read_jsonl_cleans_only_when_asked(tmp_path: Path) -> None:
    from claimgraph.ingest.read import read_jsonl

    text = "The mayor said the bridge would reopen next week.\nSubscribe to our newsletter for daily updates."
    p = tmp_path / "one.jsonl"
    p.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    (raw,) = read_jsonl(p)
    (cleaned,) = read_jsonl(p, clean=True)
    assert raw.text == text
    assert "Subscribe" not in cleaned.text and cleaned.text.startswith("The mayor said")


def test_read_jsonl_missing_file_raises(tmp_path: Path) -> None:
    from claimgraph.ingest.read import read_jsonl

    with pytest.raises(InputError):
        list(read_jsonl(tmp_path / "nope.jsonl"))


def test_public_only_refuses_internal_addresses(server: str) -> None:
    """A server fetching URLs for clients must not reach loopback or private hosts."""
    with pytest.raises(InputError) as err:
        read_input(f"{server}/article", public_only=True)
    assert "127.0.0.1 is an internal address" in str(err.value)
    # a closed local port gets the same answer as an open one: no port scanning through the server
    with pytest.raises(InputError) as closed:
        read_input("http://127.0.0.1:9/article", public_only=True)
    assert "127.0.0.1 is an internal address" in str(closed.value)
    assert read_input(f"{server}/article").kind == "url"  # the command line keeps full reach


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.9", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("224.0.0.1", False),
        ("not an address", False),
    ],
)
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(address) is public


@pytest.mark.parametrize("row", [
    {"id": "n1", "text": "The governor said three bridges were closed.", "published": 1709500000},
    {"id": "n2", "text": "The governor said three bridges were closed.", "outlet": ["Daily Lantern"]},
    {"id": {"k": 1}, "text": "The governor said three bridges were closed."},
])
def test_read_jsonl_refuses_metadata_that_is_not_text(tmp_path: Path, row: dict[str, object]) -> None:
    """A number or list where text belongs is one bad line, not a crash in a later stage."""
    from claimgraph.ingest.read import read_jsonl

    good = {"id": "fine", "text": "The mayor said the ferry would run again on Sunday.",
            "published": "2026-02-01"}
    p = _write(tmp_path, "meta.jsonl", json.dumps(row) + "\n" + json.dumps(good) + "\n")
    bad, ok = list(read_jsonl(p))
    assert isinstance(bad, InputError) and bad.source == f"{p}:1" and "must be" in bad.reason
    assert not isinstance(ok, InputError) and ok.id == "fine"


def test_cli_extract_too_long_to_parse_is_one_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A text under the readers' size limit but over the parser's: one line and exit 2, no traceback."""
    from claimgraph.nlp import load_nlp

    sentence = "The army said that four tanks were hit near the river. "
    p = _write(tmp_path, "long.txt", sentence * (load_nlp().max_length // len(sentence) + 10))
    assert main(["extract", str(p)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().split("\n")
    assert len(lines) == 1 and str(p) in lines[0] and "too long to parse" in lines[0]


def test_iter_jsonl_skips_a_document_too_long_to_parse(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from claimgraph.nlp import load_nlp

    sentence = "The navy said that two boats were seen near the pier. "
    long_text = sentence * (load_nlp().max_length // len(sentence) + 10)
    rows = [{"id": "huge", "text": long_text},
            {"id": "short", "text": "The mayor said the school had reopened."}]
    p = _write(tmp_path, "two.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    skipped: list[str] = []
    assert [d.id for d in iter_jsonl(str(p), skipped)] == ["short"]
    assert skipped == [f"{p}:huge"] and "too long to parse" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["extract", "--jsonl", "in.jsonl", "--processes", "0"],
    ["extract", "--jsonl", "in.jsonl", "--processes", "-3"],
    ["link", "--jsonl", "in.jsonl", "--processes", "two"],
    ["claims", "--limit", "0"],
    ["ingest", "--workers", "-1", "in.jsonl"],
])
def test_cli_counts_out_of_range_are_usage_errors(argv: list[str],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """0 or negative processes, workers or limits: argparse's usage error (exit 2), before any work."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "error: argument --" in capsys.readouterr().err


@pytest.mark.parametrize("name, data, hint", [
    ("docs.jsonl", json.dumps({"id": "a", "text": "The mayor said the bridge was shut."}) + "\n", "--jsonl"),
    ("result.json", json.dumps({"name": "Channel", "messages": []}), "claimgraph ingest"),
    ("news.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
     "claimgraph ingest"),
])
def test_cli_extract_on_a_batch_file_says_which_command(tmp_path: Path, name: str, data: str, hint: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A JSONL, a Telegram export or a feed given as one article: a hint, not its markup parsed as prose."""
    p = _write(tmp_path, name, data)
    for command in ("extract", "clean"):
        assert main([command, str(p)]) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and hint in captured.err and captured.err.count("\n") == 1


def test_read_jsonl_turns_an_rss_style_date_into_iso(tmp_path: Path) -> None:
    """'Tue, 03 Mar 2026 …' would sort after every ISO date: stored as ISO (UTC); no date is an error."""
    from claimgraph.ingest.read import read_jsonl

    text = "The harbour master said the quay had been repaired."
    rows = [{"id": "rfc", "text": text, "published": "Tue, 03 Mar 2026 01:30:00 +0200"},
            {"id": "iso", "text": text + " Twice.", "published": "2026-03-04"},
            {"id": "odd", "text": text + " Again.", "published": "spring 2026"}]
    p = _write(tmp_path, "dates.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    got = list(read_jsonl(p))
    assert [d.published for d in got[:2]] == ["2026-03-02T23:30:00", "2026-03-04"]
    assert isinstance(got[2], InputError) and "'published' is no date: 'spring 2026'" in got[2].reason
    assert got[0].language == "en"


def test_read_jsonl_takes_date_or_published_at_when_published_is_absent(tmp_path: Path) -> None:
    """Exports from other tools name the publication date 'date' or 'published_at'; 'published' wins."""
    from claimgraph.ingest.read import read_jsonl

    text = "The ferry operator said crossings would resume."
    rows = [{"id": "d", "text": text, "date": "2026-03-05"},
            {"id": "pa", "text": text + " Soon.", "published_at": "Thu, 05 Mar 2026 10:00:00 GMT"},
            {"id": "both", "text": text + " Later.", "published": "2026-03-01", "date": "2026-03-09"},
            {"id": "none", "text": text + " Again.", "date": 20260305}]
    p = _write(tmp_path, "alias.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    assert [d.published for d in read_jsonl(p)] == ["2026-03-05", "2026-03-05T10:00:00", "2026-03-01", None]


def test_short_text_in_another_script_is_rejected(tmp_path: Path) -> None:
    err = _error_of(str(_write(tmp_path, "ru.txt", "Министр заявил, что войска отошли от города.\n")))
    assert "not English" in err.reason and "Cyrillic" in err.reason


def test_an_english_text_quoting_a_cyrillic_name_is_kept(tmp_path: Path) -> None:
    doc = read_input(str(_write(tmp_path, "en.txt", "The channel Рыбарь said the troops had withdrawn.\n")))
    assert doc.text.startswith("The channel")


# ---- datelines ---------------------------------------------------------------------------------------

def test_a_dateline_gives_a_plain_text_its_date_and_outlet(tmp_path: Path):
    from datetime import datetime

    from claimgraph.ingest.dateline import find_dateline

    anchor = datetime(2025, 3, 12)
    assert find_dateline("Drones hit refinery\nKYIV, March 11 (Wire) - Drones struck.", anchor) == (
        "2025-03-11", "Wire")
    assert find_dateline("WASHINGTON, Oct. 14, 2024 — The talks ended.", anchor) == ("2024-10-14", None)
    assert find_dateline("BAMAKO, Dec. 30 (Sahel Wire Service) - Rebels said.", datetime(2025, 1, 2)) == (
        "2024-12-30", "Sahel Wire Service")  # a late-December date read in January is last year's
    assert find_dateline("GAZA, Feb. 30 (Wire) - Nothing.", anchor) == (None, None)
    assert find_dateline("The talks ended in Kyiv, March 11, officials said.", anchor) == (None, None)
    # in title case, as reprints write it, only with the agency in brackets
    assert find_dateline("Port Sudan, March 11 (Wire) - Shelling resumed.", anchor) == ("2025-03-11", "Wire")
    assert find_dateline("Smith, March 3 - a list of winners.", anchor) == (None, None)
    path = tmp_path / "wire.txt"
    path.write_text("KYIV, March 11 (Wire) - Ukrainian drones struck a refinery overnight, the governor "
                    "said on Tuesday.\n", encoding="utf-8")
    stamp = datetime(2025, 3, 12).timestamp()
    os.utime(path, (stamp, stamp))
    doc = read_input(str(path))
    assert (doc.published, doc.outlet) == ("2025-03-11", "Wire")


def test_extract_into_a_pipe_closed_early_exits_quietly(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text("The ministry said the bridge was closed to traffic.\n" * 300, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "extract", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)  # "claimgraph extract X | head -c 10"
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0 and b"Traceback" not in err


def test_a_url_is_sent_as_ascii_and_a_malformed_one_is_one_clear_error():
    from claimgraph.ingest.read import ascii_url

    assert ascii_url("http://example.com/новини?q=тест") == (
        "http://example.com/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8?q=%D1%82%D0%B5%D1%81%D1%82")
    assert ascii_url("http://пример.рф/a") == "http://xn--e1afmkfd.xn--p1ai/a"
    for bad in ("http://[::1", "http://a b/", "http://\u202e.com/", "https://x.com:abc/"):
        with pytest.raises(InputError, match="not a valid URL"):
            ascii_url(bad)
