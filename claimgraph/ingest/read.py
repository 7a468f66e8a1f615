"""Read one article from a file, a URL or stdin, and refuse what is not an article.

Every failure is an `InputError(source, reason)` whose message is one line
naming the input, so a batch can report it and go on. Size is checked before
a file is read, binary content before it is decoded, and language after the
boilerplate is gone (a cookie banner should not decide the language).

Document ids are stable across runs. A file: its name without the extension,
lower-cased, other characters turned to '-' (the benchmark's convention). A
URL: the slug of its last path segment plus eight hex digits of the URL's SHA-1
(two sites' "index" pages stay apart). Stdin: "stdin-" plus eight hex digits
of the text's SHA-1.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import os
import re
import socket
import sys
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimgraph.clean import clean_text
from claimgraph.ingest.dateline import find_dateline
from claimgraph.ingest.netguard import InternalAddressError, public_opener
from claimgraph.model import Document, InputError

MAX_TEXT = 10_000_000  # characters of text (or bytes of a file) accepted for one article
MAX_HTML = 3 * MAX_TEXT  # an HTML page carries markup around its text
MIN_WORDS_FOR_LANGUAGE = 20  # below this, language guesses are unreliable: do not reject
CONTROL_SHARE = 0.05  # above this share of control characters, content is binary
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
USER_AGENT = "claimgraph/0.1 (+news attribution research)"

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(?:p|div|article|section|span|h[1-6]|br|a|meta|title|script)\b[^>]*>",
                        re.IGNORECASE)
_META_CHARSET = re.compile(r"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_SLUG = re.compile(r"[^a-z0-9]+")


def _control_share(text: str) -> float:
    """Share of control characters other than tab, newline and carriage return."""
    if not text:
        return 0.0
    n = sum(1 for ch in text if ch not in "\t\n\r\f" and unicodedata.category(ch) == "Cc")
    return n / len(text)


def detect_language(text: str) -> str | None:
    """ISO code of the text's language, or None if it is too short to tell.

    Deterministic (fixed seed) and bounded: up to three 1,000-character samples
    from the start, middle and end.
    """
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    n = len(text)
    if n <= 3000:
        sample = text
    else:
        mid = n // 2
        sample = "\n".join((text[:1000], text[mid - 500:mid + 500], text[-1000:]))
    try:
        langs = detect_langs(sample)
    except LangDetectException:
        return None
    return langs[0].lang if langs else None


def _check_content(where: str, text: str, max_chars: int = MAX_TEXT) -> None:
    """The checks that need no language model: binary, size, emptiness."""
    if "\x00" in text[:1_000_000] or _control_share(text[:65536]) > CONTROL_SHARE:
        raise InputError(where, "binary content, not text")
    if len(text) > max_chars:
        raise InputError(where, f"too large ({len(text):,} characters; the limit is {max_chars:,})")
    if not text.strip():
        raise InputError(where, "empty (no text)")


def main_script(text: str) -> str | None:
    """The writing system most letters of `text` belong to ("LATIN", "CYRILLIC", "ARABIC", ...)."""
    counts: dict[str, int] = {}
    for ch in text[:20_000]:
        if ch.isalpha():
            script = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _check_language(where: str, text: str) -> str | None:
    """The detected language; InputError if it is known and not English.

    A text too short for a language guess is still refused when most of its
    letters are not Latin ("Министр заявил ..."): no English article is.
    """
    lang = detect_language(text)
    if lang is not None and lang != "en":
        raise InputError(where, f"not English (detected language '{lang}')")
    script = main_script(text) if lang is None else "LATIN"
    if script not in (None, "LATIN"):
        raise InputError(where, f"not English (written mostly in {script.title()} script)")
    return lang


def check_text(where: str, text: str, max_chars: int = MAX_TEXT) -> None:
    """Raise InputError if `text` is empty, binary, too large or not English."""
    _check_content(where, text, max_chars)
    _check_language(where, text)


def _file_charset(path: Path, data: bytes) -> str:
    """UTF-8, unless the file is an HTML page that declares another charset."""
    head = data[:4096].decode("latin-1")
    if path.suffix.lower() in HTML_EXTENSIONS or looks_like_html(head):
        declared = (_meta_charset(data) or "utf-8").lower()
        if declared.replace("_", "-") not in ("utf-8", "utf8"):
            return declared
    return "utf-8"


# Formats people drop in by mistake, known by their first bytes, named in the error.
BINARY_SIGNATURES = ((b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or a Word/ODF file)"),
                     (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
                     (b"\x1f\x8b", "a gzip archive"), (b"\xd0\xcf\x11\xe0", "an old Office document"))


def _decode(where: str, data: bytes, charset: str = "utf-8") -> str:
    """Text of `data` (a BOM is dropped), or an error saying where it breaks."""
    for magic, name in BINARY_SIGNATURES:
        if data.startswith(magic):
            raise InputError(where, f"{name}, not text or HTML: save the article's text or page first")
    if b"\x00" in data[:1_000_000]:
        raise InputError(where, "binary content, not text (NUL bytes)")
    if charset != "utf-8":
        try:
            return data.decode(charset)
        except LookupError:
            pass  # an unknown charset name: read it as UTF-8
        except UnicodeDecodeError as exc:
            reason = f"not valid {charset} (the charset its HTML declares) at byte offset {exc.start}"
            raise InputError(where, reason) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _control_share(data[:65536].decode("latin-1")) > CONTROL_SHARE:
            raise InputError(where, "binary content, not text") from None
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        reason = f"not valid UTF-8 (bad byte 0x{data[offset]:02x} at byte offset {offset})"
        raise InputError(where, reason) from None


def looks_like_html(text: str, name: str = "") -> bool:
    """HTML by extension, by an opening <html>/<!doctype>, or by a density of common tags."""
    if Path(name).suffix.lower() in HTML_EXTENSIONS:
        return True
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 3


def _slug(text: str, limit: int = 60) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-")


def _url_id(url: str) -> str:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    base = _slug(Path(segments[-1]).stem if segments else parts.netloc) or "page"
    return f"{base}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"


def _title_of_text(text: str) -> str | None:
    """The first line, if it reads as a headline (short, no closing full stop)."""
    first = text.split("\n", 1)[0].strip()
    if first and len(first.split()) <= 25 and first[-1] not in ".!?\"”":
        return first
    return None


def _from_html(where: str, html: str, url: str | None) -> Document:
    """Main text and metadata of a page via trafilatura; an error if there is no text."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken input
        raise InputError(where, f"broken HTML ({type(exc).__name__})") from None
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not _LETTERS.search(body):  # nothing, or only stray markup characters
        raise InputError(where, "broken HTML: no article text could be extracted")
    text = _cleaned(where, body)
    return Document(
        id="", text=text, title=getattr(extracted, "title", None) or None,
        author=getattr(extracted, "author", None) or None, published=getattr(extracted, "date", None) or None,
        outlet=getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None) or None,
        url=getattr(extracted, "url", None) or url, raw=html, kind="html",
    )


def _cleaned(where: str, raw: str) -> str:
    """Boilerplate-free text, refused if nothing of the article is left."""
    text = clean_text(raw)
    if not text.strip():
        raise InputError(where, "empty (nothing left after removing boilerplate)")
    return text


def _from_text(where: str, raw: str) -> Document:
    text = _cleaned(where, raw)
    return Document(id="", text=text, title=_title_of_text(text), raw=raw, kind="text")


def _from_string(where: str, raw: str, name: str = "", url: str | None = None,
                 anchor: datetime | None = None) -> Document:
    """A document from decoded input, HTML or plain text, checked and with its language.

    Without a date in its metadata, a wire dateline gives one (read relative to `anchor`).
    """
    html = looks_like_html(raw, name)
    _check_content(where, raw, MAX_HTML if html else MAX_TEXT)
    doc = _from_html(where, raw, url) if html else _from_text(where, raw)
    if doc.published is None:
        doc.published, outlet = find_dateline(doc.text, anchor)
        doc.outlet = doc.outlet or outlet
    # Too short to tell: accepted, and taken as English, the only language the tool reads.
    doc.language = _check_language(where, doc.text) or "en"
    return doc


def _read_file(path_arg: str) -> Document:
    path = Path(os.path.expanduser(path_arg))
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(path_arg, "no such file") from None
    except PermissionError:
        raise InputError(path_arg, "permission denied") from None
    except OSError as exc:
        raise InputError(path_arg, exc.strerror or str(exc)) from None
    if path.is_dir():
        raise InputError(path_arg, "is a directory, not a file")
    limit = MAX_HTML if path.suffix.lower() in HTML_EXTENSIONS else MAX_TEXT
    if st.st_size > limit:
        raise InputError(path_arg, f"too large ({st.st_size:,} bytes; the limit is {limit:,})")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError:
        raise InputError(path_arg, "permission denied") from None
    except OSError as exc:
        raise InputError(path_arg, exc.strerror or str(exc)) from None
    if len(data) > limit:  # a special file whose size stat does not report
        raise InputError(path_arg, f"too large (more than {limit:,} bytes)")
    doc = _from_string(path_arg, _decode(path_arg, data, _file_charset(path, data)), name=path.name,
                       anchor=datetime.fromtimestamp(st.st_mtime))
    doc.id = _slug(path.stem, 120) or "document"
    return doc


def _read_stdin() -> Document:
    where = "<stdin>"
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data = stream.read(MAX_HTML + 1)
        if len(data) > MAX_HTML:
            raise InputError(where, f"too large (more than {MAX_HTML:,} bytes)")
        raw = _decode(where, data)
    else:  # a text stream put in place of stdin (tests, embedding)
        raw = sys.stdin.read(MAX_HTML + 1)
    doc = _from_string(where, raw)
    doc.id = f"stdin-{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:8]}"
    return doc


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def _read_until(resp: Any, limit: int, deadline: float) -> bytes | None:
    """Up to `limit` bytes of a response, or None if they do not all arrive before `deadline`.

    The socket timeout bounds each read; this bounds the whole page, so a
    server that trickles bytes cannot hold a batch forever.
    """
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            return None
        chunk = resp.read(min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top."""
    m = _META_CHARSET.search(data[:4096].decode("ascii", errors="ignore"))
    return m.group(1) if m else None


def network_reason(exc: BaseException, timeout: float) -> str:
    """One line for a failed fetch, the same for pages and feeds ('no answer (connection refused)')."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP error {exc.code} {exc.reason}"
    reason: Any = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, InternalAddressError):
        return str(reason)
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "no answer (connection refused)"
    if isinstance(reason, socket.gaierror):
        return "no answer (host name not found)"
    return f"no answer ({getattr(reason, 'strerror', None) or reason})"


URL_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
URL_SAFE_QUERY = URL_SAFE_PATH + "?"


def ascii_url(url: str) -> str:
    """The URL as the network takes it: a non-ASCII host in IDNA, a non-ASCII path or query
    percent-encoded (Cyrillic news sites); InputError, one line, if it is no URL at all."""
    try:
        if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in url):
            raise ValueError("spaces or control characters in it")
        parts = urlsplit(url)
        host = parts.hostname
        if not host:
            raise ValueError("no host")
        netloc = parts.netloc
        if not netloc.isascii():
            netloc = host.encode("idna").decode("ascii") + (f":{parts.port}" if parts.port else "")
        parts.port  # noqa: B018 - a port that is no number raises here
        path = urllib.parse.quote(parts.path, safe=URL_SAFE_PATH)
        query = urllib.parse.quote(parts.query, safe=URL_SAFE_QUERY)
        fragment = urllib.parse.quote(parts.fragment, safe=URL_SAFE_QUERY)
        return urllib.parse.urlunsplit((parts.scheme, netloc, path, query, fragment))
    except (ValueError, UnicodeError) as exc:
        raise InputError(url, f"not a valid URL ({exc})") from None


def fetch_url(url: str, timeout: float = 15.0, public_only: bool = False) -> tuple[str, str]:
    """(decoded HTML, final URL) of a web page; InputError if it does not answer or is not HTML.

    `public_only` refuses internal addresses (see `netguard`): for servers that
    fetch URLs their clients send.
    """
    req = urllib.request.Request(ascii_url(url), headers={"User-Agent": USER_AGENT,
                                                          "Accept": "text/html,*/*;q=0.5"})
    open_url = public_opener().open if public_only else urllib.request.urlopen
    try:
        with open_url(req, timeout=timeout) as resp:  # noqa: S310 (http/https checked by caller)
            ctype = resp.headers.get("Content-Type", "")
            _check_mime(url, ctype)
            data = _read_until(resp, MAX_HTML + 1, time.monotonic() + timeout)
            if data is None:
                raise InputError(url, f"timed out after {timeout:g} s (page still arriving)")
            final_url = resp.geturl() or url
    except InputError:
        raise
    except OSError as exc:  # URLError, HTTPError and InternalAddressError are OSErrors
        raise InputError(url, network_reason(exc, timeout)) from None
    return decode_page(url, data, ctype), final_url


def _check_mime(url: str, ctype: str) -> None:
    mime = ctype.split(";", 1)[0].strip().lower()
    if mime and mime not in HTML_TYPES:
        raise InputError(url, f"not an HTML page (content type {mime})")


def decode_page(url: str, data: bytes, ctype: str) -> str:
    """The HTML text of a downloaded page; InputError if it is too large, empty or binary."""
    if len(data) > MAX_HTML:
        raise InputError(url, f"too large (more than {MAX_HTML:,} bytes)")
    if not data.strip():
        raise InputError(url, "empty response")
    if b"\x00" in data[:1_000_000]:
        raise InputError(url, "binary content, not an HTML page")
    charset = _charset(ctype) or _meta_charset(data) or "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _read_url(url: str, timeout: float, public_only: bool = False) -> Document:
    html, final_url = fetch_url(url, timeout, public_only)
    return _page_document(url, html, final_url)


def read_fetched(url: str, data: bytes, ctype: str, final_url: str) -> Document:
    """The article of a page downloaded already (by `ingest URL`'s feed check), checked like any page."""
    _check_mime(url, ctype)
    return _page_document(url, decode_page(url, data, ctype), final_url)


def _page_document(url: str, html: str, final_url: str) -> Document:
    _check_content(url, html, MAX_HTML)
    doc = _from_html(url, html, final_url)
    doc.language = _check_language(url, doc.text) or "en"
    doc.url = doc.url or final_url
    doc.kind = "url"
    doc.id = _url_id(url)
    return doc


def read_feed_text(url: str, raw: str) -> Document:
    """An article from the text a feed carries for it (HTML or plain), checked like any input.

    Used where the page itself cannot be read: the outlet's own feed text beats losing the entry.
    """
    doc = _from_string(url, raw, url=url)
    doc.url = url
    doc.id = _url_id(url)
    return doc


def read_input(arg: str, timeout: float = 15.0, public_only: bool = False) -> Document:
    """One article from a file path, an http(s) URL or '-' (stdin), cleaned and checked.

    `public_only` applies to URLs: refuse pages on internal addresses.
    """
    if arg == "-":
        return _read_stdin()
    scheme = arg.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", arg) else ""
    if scheme in ("http", "https"):
        return _read_url(arg, timeout, public_only)
    if scheme and len(scheme) > 1 and "://" in arg:
        raise InputError(arg, f"unsupported URL scheme '{scheme}' (only http and https)")
    return _read_file(arg)


_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_published(published: str | None) -> str | None:
    """An RFC 2822 date (as RSS pubDate writes it) as ISO text; anything else unchanged.

    Stored dates sort and filter as text, and relative dates are read against
    the ISO day: 'Tue, 03 Mar 2026 12:00:00 GMT' would sort after every 2026-… date.
    """
    if not published or _ISO_START.match(published.strip()):
        return published
    try:
        when = email.utils.parsedate_to_datetime(published)
    except (TypeError, ValueError, IndexError):
        return published
    if when.tzinfo is not None:  # UTC, as feed entries' dates are stored
        when = when.astimezone(UTC)
    return when.replace(tzinfo=None).isoformat(timespec="seconds")


def calendar_date(value: str) -> bool:
    """An ISO calendar date, with a valid time where one follows ("2024-11-02T10:00:00+02:00")."""
    value = value.strip()
    if not _ISO_START.match(value):
        return False
    try:
        if len(value) > 10:
            datetime.fromisoformat(value)
        else:
            datetime.fromisoformat(value + "T00:00")
    except ValueError:
        return False
    return True


JSONL_STRING_FIELDS = ("title", "author", "published", "outlet", "url", "language", "forwarded_from")


def _wrong_jsonl_field(row: dict[str, Any]) -> str | None:
    """Why a JSONL row's metadata cannot be stored, or None: later stages take these fields as text."""
    doc_id = row.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        return "'id' must be a string or a whole number"
    for key in JSONL_STRING_FIELDS:
        if row.get(key) is not None and not isinstance(row[key], str):
            return f"'{key}' must be a string or null (got {type(row[key]).__name__})"
    return None


# Other names exports give the publication date, read when `published` is absent (first found wins).
JSONL_DATE_ALIASES = ("published_at", "date")


def _jsonl_published(row: dict[str, Any]) -> str | None:
    """`published`, else the first string among the other usual date keys; a JSONL written by another
    tool would otherwise store no date, and its relative dates ("on Monday") would stay unresolved."""
    if row.get("published") is not None:
        return row["published"]
    return next((row[k] for k in JSONL_DATE_ALIASES if isinstance(row.get(k), str) and row[k].strip()), None)


def read_jsonl(path: str | Path, clean: bool = False) -> Iterator[Document | InputError]:
    """Documents of a JSONL file, one JSON object a line (`id`, `text`, optional metadata).

    A line that is not a document yields an `InputError` naming `path:line`, so a
    caller can report it and go on; a file that cannot be opened raises one.
    `clean` runs the boilerplate filter (ingest does; `extract --jsonl` takes
    its texts as already clean, so spans point into them).
    """
    if str(path) == "-":  # a pipe: `... | claimgraph extract --jsonl -`
        fh: Any = contextlib.nullcontext(sys.stdin.buffer)
        path = Path("-")
    else:
        path = Path(path)
        try:
            fh = open(path, "rb")  # noqa: SIM115 (lines are decoded one by one: a bad line is skipped alone)
        except OSError as exc:
            raise InputError(str(path), exc.strerror or str(exc)) from exc
    with fh as fh:
        for n, raw_line in enumerate(fh, 1):
            where = f"{path}:{n}"
            try:
                line = raw_line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(where, f"not valid UTF-8 (bad byte at offset {exc.start} of the line)")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"not JSON ({exc.msg}, column {exc.colno})")
                continue
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                yield InputError(where, "no 'text' string (each line must be a JSON object with one)")
                continue
            stem = "stdin" if str(path) == "-" else path.stem  # a piped line is "stdin-3", not "--3"
            yield row_document(row, where, f"{stem}-{n}", line.rstrip("\n"), "jsonl", clean)


def row_document(row: dict[str, Any], where: str, default_id: str, raw: str, kind: str,
                 clean: bool) -> Document | InputError:
    """One row of a JSONL or CSV file as a Document, or the InputError that says what is wrong with it."""
    wrong = _wrong_jsonl_field(row)
    if wrong:
        return InputError(where, wrong)
    text = clean_text(row["text"]) if clean else row["text"]
    try:
        check_text(where, text)
    except InputError as exc:
        return exc
    published = iso_published(_jsonl_published(row))
    if published is not None and not calendar_date(published):
        return InputError(where, f"'published' is no date: {published[:40]!r} (write YYYY-MM-DD, "
                                 "an ISO date and time, or an RFC 2822 date)")
    doc_id = row.get("id")
    return Document(id=str(doc_id) if doc_id not in (None, "") else default_id, text=text,
                    title=row.get("title") or None, author=row.get("author") or None,
                    published=published, outlet=row.get("outlet") or None, url=row.get("url") or None,
                    language=row.get("language") or "en", raw=raw, kind=kind,
                    forwarded_from=row.get("forwarded_from") or None)


CSV_FIELD_LIMIT = 60_000_000  # an article in one cell may be long; the text checks bound it after


def read_csv(path: str | Path, clean: bool = False) -> Iterator[Document | InputError]:
    """Documents of a CSV (or, by its .tsv name, tab-separated) file with a header row naming a `text`
    column (and optionally id, title, author, published, outlet, url, language), as a spreadsheet of
    articles is exported. A bad row yields an InputError naming `path:line`; a file that cannot be
    read, or has no `text` column, raises one."""
    import csv

    path = Path(path)
    csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        fh = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed below, after the rows)
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    with fh:
        try:
            reader = csv.DictReader(fh, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
            header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise InputError(str(path), f"not a readable CSV file ({exc})") from exc
        if "text" not in header:
            raise InputError(str(path), "a CSV file needs a header row with a 'text' column "
                                        f"(found: {', '.join(h for h in header if h)[:200] or 'none'})")
        reader.fieldnames = header
        rows = iter(reader)
        while True:
            line = reader.line_num + 1  # where the record starts (a quoted cell may run over lines)
            where = f"{path}:{line}"
            try:
                row = next(rows)
            except StopIteration:
                return
            except (UnicodeDecodeError, csv.Error) as exc:
                yield InputError(where, f"not a readable CSV row ({exc})")
                return  # the reader cannot resync after a broken row or byte
            # an empty cell is an unset field
            row = {k: v for k, v in row.items() if k and isinstance(v, str) and v.strip()}
            if "text" not in row:
                yield InputError(where, "empty 'text' cell")
                continue
            raw = json.dumps(row, ensure_ascii=False)
            yield row_document(row, where, f"{path.stem}-{line}", raw, "csv", clean)


def is_document_array(data: Any) -> bool:
    """A JSON array of objects, as scrapers and notebooks save a list of articles (not a Telegram export)."""
    return isinstance(data, list) and any(isinstance(x, dict) for x in data)


def read_json_array(path: str | Path, clean: bool = False) -> Iterator[Document | InputError]:
    """Documents of a `.json` file holding one array of objects, each like a JSONL line (`text`, `id`,
    optional metadata), or a Telegram channel export (each text message a document). An element
    that is not a document yields an InputError naming `path:item N`; a file that cannot be read,
    or holds neither, raises one."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid UTF-8 (bad byte at offset {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not a readable JSON file ({exc.msg}, line {exc.lineno})") from exc
    from claimgraph.ingest import telegram
    from claimgraph.ingest.items import Failure, Item

    if telegram.is_export(data):  # a channel's messages, each a document; service messages pass silently
        for x in telegram.export_items(data, str(path)):
            if isinstance(x, Item) and x.doc is not None:
                yield x.doc
            elif isinstance(x, Failure):
                yield InputError(x.where, x.reason)
        return
    if not is_document_array(data):
        raise InputError(str(path), "a JSON file of documents must hold an array of objects with a 'text' "
                                    "string each, or be a Telegram channel export")
    for n, row in enumerate(data, 1):
        where = f"{path}:item {n}"
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield InputError(where, "no 'text' string (each item must be a JSON object with one)")
            continue
        raw = json.dumps(row, ensure_ascii=False)
        yield row_document(row, where, f"{path.stem}-{n}", raw, "jsonl", clean)


def read_rows(path: str | Path, clean: bool = False) -> Iterator[Document | InputError]:
    """The documents of a batch file: CSV/TSV or a JSON array by its name, else JSONL (also `-`, stdin)."""
    suffix = Path(path).suffix.lower() if str(path) != "-" else ""
    if suffix in (".csv", ".tsv"):
        return read_csv(path, clean)
    if suffix == ".json":
        return read_json_array(path, clean)
    return read_jsonl(path, clean)
