"""The writes the workbench offers, shared by the HTML forms and the REST API.

Each function takes the store and plain values, checks them, and raises
`ActionError(status, message)` for anything a client got wrong, so both
front ends answer with the same 4xx and the same words.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from claimgraph.model import InputError
from claimgraph.store import REPORT_KINDS, Store

MAX_SELECTION = 2000
MAX_COMMENT = 2000
MAX_SOURCE = 300
CONTEXT = 60
OFFSET_SLACK = 40  # how far a selection may sit from the offsets a client counted
MAX_PASTE = 2_000_000
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)")
SOURCE_LINE = "source: "  # the first comment line of a report that names the right source

KIND_LABELS = [
    ("wrong_source", "Wrong source"),
    ("not_a_claim", "Not a claim"),
    ("missed_claim", "Missed claim"),
    ("wrong_span", "Wrong span"),
    ("typo", "Typo in the article"),
]


class ActionError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


# -- ingest -------------------------------------------------------------------------------------


def _safe_name(name: str, default: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name or "").name).strip(".-")[:80]
    return stem or default


def _json_not_article(text: str) -> str | None:
    """Why pasted text is data, not an article (JSON, or JSONL lines of documents), or None."""
    head = text.lstrip()[:1]
    if head not in ("{", "["):
        return None
    first = text.strip().split("\n", 1)[0]
    for candidate, what in ((first, "a JSONL file of documents: use claimgraph ingest"),
                            (text, "JSON, not an article")):
        try:
            json.loads(candidate)
        except ValueError:
            continue
        return what
    return None


def ingest(
    store: Store,
    *,
    url: str | None = None,
    text: str | None = None,
    data: bytes | None = None,
    filename: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    public_only: bool = True,
) -> dict[str, Any]:
    """Read one article (URL, pasted text or uploaded file), extract, store and relink.

    Pasted text and uploads go through a temporary file, so they meet exactly
    the checks and cleaning `claimgraph ingest FILE` applies. A URL on an
    internal address is refused unless `public_only` is off: the server
    fetches it, not the person who typed it.
    """
    from claimgraph.extract import extract
    from claimgraph.ingest.feeds import batch_file_reason
    from claimgraph.ingest.read import read_input

    given = [x for x in (url, text, data) if x]
    if len(given) != 1:
        raise ActionError(400, "give exactly one of: a URL, a text, or a file")
    if published and not (ISO_DAY.match(published.strip()) and _real_date(published.strip())):
        # stored dates sort and filter as ISO text: 'notadate' or '9999-99-99' would stay the latest for ever
        raise ActionError(400, "published must be a date as YYYY-MM-DD (a time may follow)")
    try:
        if url:
            url = url.strip()
            if not re.match(r"^https?://", url, re.IGNORECASE):
                raise ActionError(400, "the URL must start with http:// or https://")
            doc = read_input(url, public_only=public_only)
        else:
            with tempfile.TemporaryDirectory(prefix="claimgraph-web-") as tmp:
                if data is not None:
                    name = _safe_name(filename or "", "upload.txt")
                    if not Path(name).suffix:
                        name += ".txt"
                    path = Path(tmp) / name
                    path.write_bytes(data)
                    batch = batch_file_reason(path)
                    if batch:  # its JSON or XML would otherwise be stored as the article's text
                        raise ActionError(400, f"{name}: {batch}")
                else:
                    assert text is not None
                    if len(text) > MAX_PASTE:
                        raise ActionError(413, f"text too long: at most {MAX_PASTE:,} characters")
                    if (why := _json_not_article(text)) is not None:
                        raise ActionError(400, f"the pasted text is {why}")
                    path = Path(tmp) / (_safe_name((title or "pasted")[:60], "pasted") + ".txt")
                    path.write_text(text, encoding="utf-8")
                doc = read_input(str(path))
    except InputError as exc:
        raise ActionError(400, exc.reason if exc.reason else str(exc)) from None
    if title:
        doc.title = title.strip()[:500]
    if outlet:
        doc.outlet = outlet.strip()[:300]
    if published:
        doc.published = published.strip()[:40]
    try:
        doc.attributions = extract(doc)
    except InputError as exc:  # too long to parse
        raise ActionError(413, exc.reason) from None
    doc_id, status = store.add_document(doc)
    if status != "duplicate":
        store.relink()
    return {"id": doc_id, "status": status, "attributions": len(doc.attributions)}


# -- reports ------------------------------------------------------------------------------------


def make_comment(comment: str, source: str | None) -> str:
    """The stored comment: a first line naming the right source, where one was given."""
    comment = (comment or "").strip()
    source = (source or "").strip()
    return f"{SOURCE_LINE}{source}\n{comment}".strip() if source else comment


def is_date(value: str) -> bool:
    """An ISO calendar date (a valid time may follow)."""
    return bool(ISO_DAY.match(value)) and _real_date(value)


def _real_date(value: str) -> bool:
    """A calendar date, with a valid time where one follows ("2024-11-02T10:00:00")."""
    try:
        if len(value) > 10:
            dt.datetime.fromisoformat(value)
        else:
            dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def split_comment(comment: str) -> tuple[str | None, str]:
    """(source named by the reporter, the rest of the comment)."""
    if comment.startswith(SOURCE_LINE):
        first, _, rest = comment.partition("\n")
        return first[len(SOURCE_LINE) :].strip() or None, rest.strip()
    return None, comment


def add_report(
    store: Store,
    *,
    document_id: str,
    selection: str,
    kind: str,
    start: int | None,
    end: int | None,
    prefix: str = "",
    suffix: str = "",
    comment: str = "",
    source: str | None = None,
    claim_id: str | None = None,
    doc_version: str | None = None,
    client: str | None = None,
) -> dict[str, Any]:
    """Check a report against the document it names and record it."""
    from claimgraph.web.queries import document_text

    with store.session() as s:
        doc = document_text(s, document_id)
    if doc is None:
        raise ActionError(404, f"no document with id {document_id!r}")
    if kind not in REPORT_KINDS:
        raise ActionError(400, f"kind must be one of: {', '.join(REPORT_KINDS)}")
    if not selection or not selection.strip():
        raise ActionError(400, "the selection is empty")
    if len(selection) > MAX_SELECTION:
        raise ActionError(413, f"the selection is too long: at most {MAX_SELECTION} characters")
    if len(comment or "") > MAX_COMMENT:
        raise ActionError(413, f"the comment is too long: at most {MAX_COMMENT} characters")
    if source and len(source) > MAX_SOURCE:
        raise ActionError(413, f"the source is too long: at most {MAX_SOURCE} characters")
    text = doc["text"]
    # a browser's form turns line breaks into CR LF; the stored text has bare LF
    selection, prefix, suffix = (x.replace("\r\n", "\n") if x else x for x in (selection, prefix, suffix))
    if start is not None or end is not None:
        if start is None or end is None or not 0 <= start < end <= len(text):
            raise ActionError(400, f"offsets {start}..{end} do not lie within the document (0..{len(text)})")
        if (doc_version in (None, "", doc["version"])) and text[start:end] != selection:
            # offsets a client counted otherwise (UTF-16 units past an emoji): the selection close by
            near = text.find(selection, max(0, start - OFFSET_SLACK), end + OFFSET_SLACK)
            if near < 0:
                raise ActionError(400, "the selection does not match the document text at its offsets")
            start, end = near, near + len(selection)
    flat = " ".join(text.split())
    if " ".join(selection.split()) not in flat:  # whatever version the client saw, and offsets or not
        raise ActionError(400, "the selection is not in the document's text")  # nothing a review could fix
    if source and " ".join(source.split()) not in flat:
        # a corrected source is a span of the article, like every part of an attribution
        raise ActionError(400, "the source is not in the document's text: select it as written there")
    if claim_id:
        from claimgraph.store.schema import ClaimRow

        with store.session() as s:
            if s.get(ClaimRow, claim_id) is None:
                claim_id = None  # claims are rebuilt on every relink: an old id is not an error
    rid = store.add_report(
        document_id,
        selection,
        kind,
        start=start,
        end=end,
        prefix=(prefix or "")[-CONTEXT:],
        suffix=(suffix or "")[:CONTEXT],
        comment=make_comment(comment, source),
        claim_id=claim_id,
        doc_version=doc_version or doc["version"],
        client=client,
    )
    report = store.get_report(rid)
    assert report is not None
    return with_source(report)


def with_source(report: dict[str, Any]) -> dict[str, Any]:
    """A report dict with the reporter's source split out of its comment."""
    source, rest = split_comment(report.get("comment") or "")
    return {**report, "source": source, "comment": rest}


def _span_near(text: str, needle: str, near: int) -> dict[str, Any] | None:
    """The occurrence of `needle` in `text` closest to offset `near`."""
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not hits:
        return None
    i = min(hits, key=lambda h: abs(h - near))
    return {"text": needle, "start": i, "end": i + len(needle)}


def _attribution_at(attributions: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    """The attribution one of whose spans overlaps the selection most."""
    best, best_overlap = None, 0
    for a in attributions:
        spans = [a.get("content"), a.get("source"), a.get("cue"), *(a.get("via") or [])]
        for sp in spans:
            if isinstance(sp, dict) and isinstance(sp.get("start"), int) and sp["start"] >= 0:
                overlap = min(end, sp["end"]) - max(start, sp["start"])
                if overlap > best_overlap:
                    best, best_overlap = a, overlap
    return best


def correction_details(
    store: Store, report: dict[str, Any], source: str | None = None
) -> dict[str, Any] | None:
    """What the reviewer's acceptance changes, beyond what the store derives from the selection.

    The attribution meant is the one the selection overlaps (its source, cue or
    content), so selecting just a wrong source name still finds it; a source
    the reporter named is looked up in the text near the selection.
    """
    doc = store.get_document(report["document_id"])
    if doc is None:
        return None
    text = doc["text"]
    start = report.get("start") if isinstance(report.get("start"), int) else text.find(report["selection"])
    end = report.get("end") if isinstance(report.get("end"), int) else start + len(report["selection"])
    source = (source or "").strip() or split_comment(report.get("comment") or "")[0]
    target = _attribution_at(doc["attributions"], start, end) if start is not None and start >= 0 else None
    out: dict[str, Any] = {}
    kind = report["kind"]
    if kind in ("wrong_source", "wrong_span") and target and isinstance(target.get("content"), dict):
        c = target["content"]
        out["match"] = {"text": c.get("text", ""), "start": c.get("start", -1), "end": c.get("end", -1)}
    if source and kind in ("wrong_source", "missed_claim"):
        span = _span_near(text, source, start or 0)
        out["source"] = span if span else source
        out["source_resolved"] = source
        out["source_normalized"] = source
    if kind == "wrong_source" and not source:
        return None  # nothing to put in its place: the store falls back on the comment
    return out or None


def resolve(store: Store, report_id: int, accept: bool, source: str | None = None) -> dict[str, Any]:
    """Accept or reject an open report; `source` is the reviewer's word on the right source."""
    report = store.get_report(report_id)
    if report is None:
        raise ActionError(404, f"no report with id {report_id}")
    if report["status"] != "open":
        raise ActionError(409, f"report {report_id} is already {report['status']}")
    if source and len(source) > MAX_SOURCE:
        raise ActionError(413, f"the source is too long: at most {MAX_SOURCE} characters")
    details = correction_details(store, report, source) if accept else None
    out = store.resolve_report(report_id, accept, details)
    if accept:
        store.relink()
    return with_source(out)
