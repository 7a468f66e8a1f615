"""RSS and Atom feeds: each entry becomes an item pointing at its page.

A feed may be a URL or a local file. Entry links that are relative or
`file://` resolve against the feed's own location, so a feed on disk can point
at pages on disk. The entry's title, date and author and the feed's title (as
outlet) fill what the page itself does not say. Where the page cannot be read
(offline, gone, refused) and the feed carries the whole article, not a teaser,
the feed's own text stands in for it.
"""

from __future__ import annotations

import html
import re
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser

from claimgraph.ingest.items import Failure, Item
from claimgraph.model import InputError

MAX_FEED = 20_000_000
FEED_BODY_MIN_WORDS = 60  # a shorter summary is a teaser, not the article
FEED_CONTENT_MIN_WORDS = 25  # the entry's full content (content:encoded, Atom content) may be a short brief
BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>|<br\s*/?>|<hr\s*/?>", re.I)
TAG = re.compile(r"<[^>]*>")
USER_AGENT = "claimgraph/0.1 (+news attribution research)"


def fetch_response(url: str, timeout: float = 15.0) -> tuple[bytes, str, str]:
    """(body, content type, final URL) at `url`, whatever its type (feeds come as XML, RSS or Atom types)."""
    from claimgraph.ingest.read import ascii_url

    req = urllib.request.Request(ascii_url(url), headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (caller checks http/https)
            data = resp.read(MAX_FEED + 1)
            ctype = resp.headers.get("Content-Type", "")
            final_url = resp.geturl() or url
    except Exception as exc:  # noqa: BLE001 - every network failure is one line in the report
        from claimgraph.ingest.read import network_reason

        raise InputError(url, network_reason(exc, timeout)) from None
    if len(data) > MAX_FEED:
        raise InputError(url, "too large for a feed")
    return data, ctype, final_url


def fetch_bytes(url: str, timeout: float = 15.0) -> bytes:
    """The body at `url`."""
    return fetch_response(url, timeout)[0]


def parse_feed(data: bytes) -> feedparser.FeedParserDict | None:
    """The parsed feed, or None if the bytes are not RSS/Atom (a plain page, say)."""
    head = data[:2000].lstrip().lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return None
    parsed = feedparser.parse(data)
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        return None
    return parsed


def looks_like_feed_file(path: Path) -> bool:
    """A file is taken as a feed by extension, or by an <rss>/<feed> root near its start."""
    if path.suffix.lower() in (".rss", ".atom"):
        return True
    if path.suffix.lower() not in (".xml", ".html", ".htm", ".txt", ""):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(1000).lower()
    except OSError:
        return False
    return b"<rss" in head or (b"<feed" in head and b"http://www.w3.org/2005/atom" in head)


def batch_file_reason(path: Path) -> str | None:
    """Why a file holds many documents and is no single article (JSONL, Telegram export, feed), or None."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return "a JSONL file of documents: use claimgraph ingest or extract --jsonl FILE"
    if suffix in (".csv", ".tsv"):
        return "a CSV file of documents: use claimgraph ingest or extract --jsonl FILE"
    if suffix == ".json":
        return ("a JSON file (a Telegram export, or an array of documents): use claimgraph ingest "
                "or extract --jsonl FILE")
    if looks_like_feed_file(path):
        return "an RSS or Atom feed: use claimgraph ingest to read its entries"
    return None


def _iso(struct: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%S", struct) if struct else None


def _local(link: str, base: str) -> str:
    """An entry link as something `read_input` takes: an http(s) URL or a file path."""
    full = urljoin(base, link)
    parts = urlsplit(full)
    if parts.scheme == "file":
        return unquote(parts.path)
    return full


def feed_items(parsed: feedparser.FeedParserDict, base: str, where: str) -> list[Item | Failure]:
    """One item per entry; an entry with no link is a failure with that reason."""
    outlet = parsed.feed.get("title")
    if not parsed.entries:  # said, so an empty or expired feed is not mistaken for a quiet success
        return [Failure(where, "the feed has no entries")]
    out: list[Item | Failure] = []
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        if not link:
            out.append(Failure(f"{where} entry {n}", "feed entry has no link"))
            continue
        ref = _local(link, base)
        title = entry.get("title")
        meta = {"title": html_text(title) if title else None, "author": entry.get("author"),
                "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed"))}
        if ref.startswith(("http://", "https://")):
            meta["url"] = ref
        kind = "url" if ref.startswith(("http://", "https://")) else "path"
        body, why_not = entry_body(entry)
        out.append(Item(kind, ref, meta={k: v for k, v in meta.items() if v},
                        override={"kind": "feed", "outlet": outlet}, fallback=body, no_fallback=why_not))
    return out


def html_text(fragment: str) -> str:
    """Plain text of a feed's HTML fragment: paragraphs kept as blank lines, tags dropped, entities read.

    Feeds carry HTML in content, summaries and (Atom `type="html"`) titles,
    often a single `<p>` that does not look like a page to the HTML reader.
    """
    text = TAG.sub("", BLOCK_END.sub("\n\n", fragment))
    text = html.unescape(text).replace("\u00a0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def entry_body(entry: feedparser.FeedParserDict) -> tuple[str | None, str]:
    """The entry's own article text as plain text, where the feed carries a whole one, else why not.

    The full content a feed gives (`content:encoded`, Atom `content`) may be a
    short brief; a summary alone must be long enough not to be a teaser.
    """
    parts = entry.get("content") or []
    content = next((p.get("value") for p in parts if p.get("value")), None)
    body = html_text(content or entry.get("summary") or "")
    if not body:
        return None, "the feed carries no text of its own for this entry"
    words = len(body.split())
    least = FEED_CONTENT_MIN_WORDS if content else FEED_BODY_MIN_WORDS
    if words < least:
        return None, f"the feed's own text for it is a {words}-word teaser (at least {least} words stand in)"
    return body, ""


def items_from_feed_file(path: Path) -> list[Item | Failure]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Failure(str(path), exc.strerror or str(exc))]
    parsed = parse_feed(data)
    if parsed is None:
        return [Failure(str(path), "not an RSS or Atom feed")]
    return feed_items(parsed, path.resolve().as_uri(), str(path))


def items_from_url(url: str, timeout: float = 15.0) -> list[Item | Failure]:
    """A feed URL gives its entries; any other URL is one page to read."""
    try:
        data, ctype, final_url = fetch_response(url, timeout)
    except InputError as exc:
        return [Failure(url, exc.reason)]
    parsed = parse_feed(data)
    if parsed is None:  # a page: its body goes along, so it is not fetched a second time
        return [Item("url", url, fetched=(data, ctype, final_url))]
    return feed_items(parsed, url, url)
