"""The reader's highlights: the cleaned text cut into plain and marked pieces.

Attributions overlap (a quote inside a longer content, a source inside another
attribution's content), so the text is cut at every span boundary and each piece
is given to the most specific span that covers it. The template escapes every
piece on its own; no markup is ever built by joining article text with tags.
Every piece carries its start offset, so the browser can turn a selection
back into character offsets of `Document.text`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

ROLES = ("cue", "source", "via", "content")
# When two spans of one attribution cover the same characters the marker for
# who/how wins over the content around it.
_ROLE_RANK = {"cue": 0, "source": 1, "via": 2, "content": 3}


@dataclass
class Piece:
    """A run of text with at most one highlight; `attr` indexes the document's attributions."""

    start: int
    text: str
    attr: int | None = None
    role: str | None = None
    newline: bool = False


def _spans_of(att: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(role, span) pairs of one attribution, split quotes as their parts."""
    out: list[tuple[str, dict[str, Any]]] = []
    for role in ("cue", "source"):
        if isinstance(att.get(role), dict):
            out.append((role, att[role]))
    for via in att.get("via") or []:
        if isinstance(via, dict):
            out.append(("via", via))
    parts = [p for p in att.get("content_parts") or [] if isinstance(p, dict)]
    if parts:
        out.extend(("content", p) for p in parts)
    elif isinstance(att.get("content"), dict):
        out.append(("content", att["content"]))
    return out


def _valid(span: dict[str, Any], text: str) -> tuple[int, int] | None:
    """Offsets of a span that really lies in `text`; None for strings or stale offsets."""
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    if not 0 <= start < end <= len(text):
        return None
    want = span.get("text")
    if isinstance(want, str) and want and text[start:end] != want:
        return None
    return start, end


def pieces(text: str, attributions: list[dict[str, Any]]) -> list[Piece]:
    """Cut `text` into pieces, each plain or belonging to one (attribution, role).

    Newlines come out as pieces of their own (`newline=True`) so the page can
    show paragraphs while keeping every character of the text in order.
    """
    marks: list[tuple[int, int, int, int, str]] = []  # (start, end, attr, rank, role)
    for i, att in enumerate(attributions):
        for role, span in _spans_of(att):
            se = _valid(span, text)
            if se:
                marks.append((se[0], se[1], i, _ROLE_RANK[role], role))
    cuts = {0, len(text)}
    for s, e, *_ in marks:
        cuts.add(s)
        cuts.add(e)
    pos = 0
    while True:
        pos = text.find("\n", pos)
        if pos < 0:
            break
        cuts.add(pos)
        cuts.add(pos + 1)
        pos += 1
    bounds = sorted(cuts)
    # For each interval the best covering mark: shortest span, then role rank.
    best: list[tuple[int, int, int, str] | None] = [None] * (len(bounds) - 1)
    for s, e, i, rank, role in marks:
        key = (e - s, rank, i, role)
        lo = bisect.bisect_left(bounds, s)
        hi = bisect.bisect_left(bounds, e)
        for k in range(lo, hi):
            cur = best[k]
            if cur is None or key < cur:
                best[k] = key
    out: list[Piece] = []
    for k in range(len(bounds) - 1):
        s, e = bounds[k], bounds[k + 1]
        chunk = text[s:e]
        if chunk == "\n":
            out.append(Piece(s, chunk, newline=True))
            continue
        b = best[k]
        attr, role = (b[2], b[3]) if b else (None, None)
        last = out[-1] if out else None
        if last and not last.newline and last.attr == attr and last.role == role:
            last.text += chunk
        else:
            out.append(Piece(s, chunk, attr, role))
    return out
