"""Enrichment: hedges, certainty, source types, quantities, dates, entities.

The last pipeline component. Earlier components decide what the attributions
are (cue, source, content); this one describes them for linking and display,
reading only the existing parse and precompiled word lists, so it adds a few
percent to the parse time at most.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc as SpacyDoc

from claimgraph.extract.dates import dates_in, entity_dates, governs
from claimgraph.extract.entities import find_entities
from claimgraph.extract.hedges import certainty, find_hedges
from claimgraph.extract.lexicon import forget, sentence_starts
from claimgraph.extract.quantities import find_quantities
from claimgraph.extract.sources import entity_label, normalize_name, source_normalized, source_type
from claimgraph.model import Attribution, DateMention, Document, Quantity, Span


def _content_parts(att: Attribution) -> list[Span]:
    parts = [p for p in (att.content_parts or [att.content]) if p.start >= 0 and p.end > p.start]
    return parts


def _quantities(sdoc: SpacyDoc | None, text: str, att: Attribution) -> list[Quantity]:
    out: list[Quantity] = []
    for part in _content_parts(att):
        out.extend(find_quantities(sdoc, text, part.start, part.end))
    return out


def _cue_sentence(sdoc: SpacyDoc | None, text: str, att: Attribution) -> tuple[int, int]:
    """The sentence holding the cue (the whole text when there is no parse)."""
    if sdoc is None or att.cue.start < 0:
        return 0, len(text)
    bounds = sentence_starts(sdoc)
    i = bisect_right(bounds, att.cue.start) - 1
    if i < 0:
        return 0, len(text)
    return bounds[i], bounds[i + 1] if i + 1 < len(bounds) else len(text)


def _dates(sdoc: SpacyDoc | None, text: str, att: Attribution, published: str | None) -> list[DateMention]:
    """Dates inside the content, and dates outside it that attach to the cue ("said on Monday")."""
    parts = _content_parts(att)
    found: list[DateMention] = []
    for part in parts:
        found.extend(dates_in(text, part.start, part.end, published, sdoc))
    if att.cue.start >= 0:
        lo, hi = _cue_sentence(sdoc, text, att)
        blocked = [(p.start, p.end) for p in parts]
        if att.source is not None and att.source.start >= 0:
            blocked.append((att.source.start, att.source.end))
        for d in dates_in(text, lo, hi, published, sdoc):
            if any(s < d.span.end and d.span.start < e for s, e in blocked):
                continue
            if governs(sdoc, d.span.start, d.span.end, att.cue.start, att.cue.end):
                found.append(d)
    for part in parts:
        found.extend(entity_dates(sdoc, text, part.start, part.end, published, found))
    found.sort(key=lambda d: d.span.start)
    return found


def enrich_one(sdoc: SpacyDoc | None, att: Attribution, document: Document) -> Attribution:
    """Fill the descriptive fields of one attribution in place (and return it)."""
    text = document.text
    att.hedges = find_hedges(sdoc, text, att)
    att.certainty = certainty(sdoc, text, att, att.hedges)
    att.source_type = source_type(sdoc, att)
    att.source_normalized = source_normalized(att)
    att.quantities = _quantities(sdoc, text, att)
    att.dates = _dates(sdoc, text, att, document.published)
    att.entities, att.places = find_entities(sdoc, text, att)
    return att


def _outlet_names(sdoc: SpacyDoc | None, attributions: list[Attribution], document: Document) -> set[str]:
    """Names this document shows to be outlets: its own outlet, and every relay (`via`) that is not a
    person; a bare outlet name ("the Northern Ledger") carries no media word, so only its role says so."""
    names = {normalize_name(document.outlet)} if document.outlet else set()
    for att in attributions:
        for via in att.via:
            if via.text.strip() and entity_label(sdoc, via.start, via.end) != "PERSON":
                names.add(normalize_name(via.text))
        if att.source_type == "media" and att.source_normalized:
            names.add(att.source_normalized)
    return names


def type_outlets(sdoc: SpacyDoc | None, attributions: list[Attribution], document: Document) -> None:
    """Type as media every untyped source named as an outlet elsewhere in the document, so one outlet
    has one type across the document whether or not a sentence names it with a media word."""
    names = _outlet_names(sdoc, attributions, document)
    for att in attributions:
        if att.source_type == "other" and att.source_normalized in names:
            att.source_type = "media"


# "The official spoke on condition of anonymity because ...": a later sentence on who spoke
_ANONYMOUS_LATER = re.compile(
    r"\b[Tt]he (?:[A-Za-z]+ )?([a-z]+?)s? (?:both |all )?"
    r"(?:(?:spoke|were speaking|was speaking|requested|asked|demanded)\b[^.\n]{0,60}?"
    r"\b(?:anonymity|not to be (?:named|identified))|declined to be (?:named|identified))")


def type_anonymous_later(attributions: list[Attribution], document: Document) -> None:
    """Type as anonymous an unnamed sayer ("a senior Ukrainian official", "two officials") that a later
    sentence says spoke on condition of anonymity ("The official spoke on condition of anonymity")."""
    for m in _ANONYMOUS_LATER.finditer(document.text):
        noun = m.group(1).lower()
        for att in attributions:
            if att.source is None or att.source.start >= m.start() or att.source_type == "anonymous":
                continue
            words = att.source.text.lower().split()
            if len(words) >= 2 and words[0] in ("a", "an", "one", "two", "three", "several", "some") \
                    and words[-1].rstrip("s") == noun.rstrip("s"):
                att.source_type = "anonymous"


def type_followups(attributions: list[Attribution]) -> None:
    """Type a follow-up ("he said", "the official said") as the sayer it resolves to was typed where
    first named: anonymous if that first mention asked not to be named ("a senior official, who
    declined to be named, told ..."), which covers every later quote of that person; otherwise the
    type the first mention's description gave ("The regional governor, Alexander Bogomaz, wrote")
    where the bare name alone says nothing."""
    first: dict[str, str] = {}
    for a in attributions:
        if a.source and a.source_type:
            first.setdefault(a.source.text.strip(), a.source_type)
    for att in attributions:
        resolved = (att.source_resolved or "").strip()
        earlier = first.get(resolved)
        if earlier is None or att.source is None or att.source.text.strip() == resolved:
            continue
        if earlier == "anonymous" and att.source_type in ("official", "military", "intelligence", "other",
                                                           "expert"):
            att.source_type = "anonymous"
        elif att.source_type == "other" and earlier != "anonymous":
            att.source_type = earlier


def enrich_attributions(
    sdoc: SpacyDoc, attributions: list[Attribution], document: Document
) -> list[Attribution]:
    """Pipeline component: describe every attribution (hedges, certainty, source type and name,
    quantities, dates, entities, places)."""
    try:
        for att in attributions:
            enrich_one(sdoc, att, document)
        type_outlets(sdoc, attributions, document)
        type_anonymous_later(attributions, document)
        type_followups(attributions)
    finally:
        forget(sdoc)
    return attributions
