"""Accepted corrections laid over the extractor's output.

A correction is a plain dict `{"action": add|remove|reattribute, "attribution": {...}}`.
It finds its attribution by the content span (`attribution["match"]`, else
`attribution["content"]`): overlapping offsets, or equal text when offsets are
unknown. Applying the same corrections twice gives the same result, so they can
be laid over every re-extraction.
"""

from __future__ import annotations

import re
from typing import Any

from claimgraph.model import Attribution, Span

_SETTABLE = ("cue", "source", "content", "via", "direct", "source_resolved", "source_type",
             "source_normalized", "certainty", "content_parts", "hedges")


def _span(x: Any) -> Span | None:
    if x is None:
        return None
    if isinstance(x, str):
        return Span(x, -1, -1)
    return Span(x.get("text", ""), int(x.get("start", -1)), int(x.get("end", -1)))


def matches(attr: Attribution, target: Span | None) -> bool:
    """Does the attribution's content cover the target (half of the shorter one, or the same text)?"""
    if target is None:
        return False
    c = attr.content
    if target.start >= 0 and c.start >= 0:
        overlap = min(c.end, target.end) - max(c.start, target.start)
        shorter = max(1, min(c.end - c.start, target.end - target.start))
        return overlap / shorter >= 0.5
    a, b = c.text.strip().casefold(), target.text.strip().casefold()
    return bool(a and b) and (a == b or a in b or b in a)


def _overlap(a: Span | None, b: Span) -> int:
    if a is None or a.start < 0 or b.start < 0:
        return 0
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def content_meant(attrs: list[Attribution], selection: Span) -> Span:
    """The content span of the attribution a reader's selection points at.

    Readers select what catches their eye: the content, or only "the ministry
    said". A selection that matches no content but covers most of one
    attribution's cue or source stands for that attribution, so a correction
    keyed on the content finds it; anything else stays as selected.
    """
    if any(matches(a, selection) for a in attrs) or selection.start < 0:
        return selection
    best, best_share = None, 0.0
    for a in attrs:
        for part in (a.cue, a.source):
            if part is None or part.end <= part.start:
                continue
            share = _overlap(part, selection) / (part.end - part.start)
            if share > best_share:
                best, best_share = a, share
    if best is None or best_share < 0.5:
        return selection
    return best.content


def _target(d: dict[str, Any]) -> Span | None:
    return _span(d.get("match") or d.get("content"))


def _same_mention(a: Span, b: Span) -> bool:
    if a.start >= 0 and b.start >= 0:
        return a.start < b.end and b.start < a.end
    return " ".join(a.text.lower().split()) == " ".join(b.text.lower().split())


def _reattributed(attr: Attribution, d: dict[str, Any]) -> Attribution:
    merged = attr.to_dict()
    for key in _SETTABLE:
        if key in d:
            merged[key] = d[key]
    new_source = _span(d.get("source"))
    if new_source is not None and new_source.text:
        # the source a reader named is no longer its own relay ("LIGA.net, citing HUR": LIGA.net said it)
        if "via" not in d:
            merged["via"] = [v for v in merged.get("via") or [] if not _same_mention(_span(v), new_source)]
        if "source_type" not in d:
            merged["source_type"] = _source_type(new_source.text, merged.get("source_type"))
    merged["method"] = "correction"
    return Attribution.from_dict(merged)


def _source_type(text: str, old: str | None) -> str | None:
    """The type of a corrected source, as the extractor would give it (kept as it was without one)."""
    try:
        from claimgraph.extract.sources import classify
    except ImportError:  # a store used without the extractor installed
        return old
    return classify(text)


def _added(d: dict[str, Any]) -> Attribution:
    full = {"cue": None, "content": None, **{k: v for k, v in d.items() if k != "match"}}
    full["method"] = "correction"
    return Attribution.from_dict(full)


def apply_corrections(attrs: list[Attribution], corrections: list[dict[str, Any]]) -> list[Attribution]:
    """The attributions with every correction applied, in order of the text."""
    out = list(attrs)
    for corr in corrections:
        d = corr.get("attribution") or {}
        target = _target(d)
        action = corr.get("action")
        if action == "remove":
            out = [a for a in out if not matches(a, target)]
        elif action == "reattribute":
            out = [_reattributed(a, d) if matches(a, target) else a for a in out]
        elif action == "add":
            out = [a for a in out if not matches(a, target)]
            out.append(_added(d))
    return sorted(out, key=lambda a: (a.content.start, a.cue.start))


def anchor(text: str, selection: str, prefix: str = "", suffix: str = "",
           start: int | None = None) -> tuple[int, int] | None:
    """Where a reported selection lies in `text`, now: its offsets if they still hold, else by context."""
    if not selection:
        return None
    if start is not None and text[start:start + len(selection)] == selection:
        return start, start + len(selection)
    for before, after in ((prefix, suffix), (prefix, ""), ("", suffix)):
        i = text.find(before + selection + after)
        if i >= 0 and (before or after):
            return i + len(before), i + len(before) + len(selection)
    hits = [m.start() for m in re.finditer(re.escape(selection), text)]
    if not hits:
        return None
    if start is not None:
        best = min(hits, key=lambda i: abs(i - start))
    else:
        best = hits[0]
    return best, best + len(selection)
