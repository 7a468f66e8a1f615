"""What a batch is made of: one `Item` per article to read, before anything is fetched or parsed.

Items are small and picklable, so they can be shipped to Dask workers; `read_item`
turns one into a cleaned `Document` wherever it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph.model import Document, InputError


@dataclass
class Item:
    """An article to read: a file path, a page URL, or a document already in hand (JSONL, Telegram).

    `meta` (title, published, author, url) fills what the page itself does not say;
    `override` (a feed's title as outlet, the kind) replaces what the page says.
    """

    kind: str  # path | url | doc
    ref: str  # the path or URL, or where the document came from (file:line, channel/message)
    doc: Document | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    override: dict[str, Any] = field(default_factory=dict)
    fetched: tuple[bytes, str, str] | None = None  # a page downloaded already: body, content type, final URL
    fallback: str | None = None  # a feed's own text of the entry, read when its page cannot be
    no_fallback: str = ""  # why the feed's text cannot stand in for the page (said when the page fails)


@dataclass
class Failure:
    """An input that could not be read, and why."""

    where: str
    reason: str


@dataclass
class Skipped:
    """An input left out on purpose (a file type not read, an export with no messages): reported,
    but not a failure of the run."""

    where: str
    reason: str


def read_item(item: Item) -> Document:
    """The cleaned document of an item (raises InputError when it is not an article)."""
    if item.kind == "doc" and item.doc is not None:
        doc = item.doc
    elif item.kind == "url" and item.fetched is not None:
        from claimgraph.ingest.read import read_fetched

        doc = read_fetched(item.ref, *item.fetched)
    else:
        from claimgraph.ingest.read import read_feed_text, read_input

        try:
            doc = read_input(item.ref)
        except InputError as exc:
            if not item.fallback:
                if item.no_fallback:
                    raise InputError(exc.source, f"{exc.reason}; {item.no_fallback}") from exc
                raise
            doc = read_feed_text(item.ref, item.fallback)  # the page failed: the feed's text stands in
    for key, value in item.meta.items():
        if value and not getattr(doc, key, None):
            setattr(doc, key, value)
    for key, value in item.override.items():
        if value:
            setattr(doc, key, value)
    return doc
