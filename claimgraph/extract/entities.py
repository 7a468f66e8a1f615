"""Named entities of an attribution, each with the one name its body goes by.

The spaCy parse already holds the entities; this keeps those that overlap the
attribution's source, content and relays, and names each the way linking
compares them (aliases from data/aliases.json), with the places apart.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc as SpacyDoc

from claimgraph.extract.sources import normalize_name
from claimgraph.model import Attribution, Entity, Span

PLACE_LABELS = ("GPE", "LOC")
_SKIP_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"}


def _ent_starts(sdoc: SpacyDoc) -> tuple[list[int], list]:
    cached = sdoc.user_data.get("_enrich_ents")
    if cached is None:
        ents = [e for e in sdoc.ents if e.label_ not in _SKIP_LABELS]
        cached = ([e.start_char for e in ents], ents)
        sdoc.user_data["_enrich_ents"] = cached
    return cached


def attribution_spans(att: Attribution) -> list[Span]:
    """Every part of the attribution where an entity may sit."""
    spans = [att.content, *att.content_parts, *att.via]
    if att.source is not None:
        spans.append(att.source)
    return [s for s in spans if s.start >= 0 and s.end > s.start]


def find_entities(sdoc: SpacyDoc | None, text: str, att: Attribution) -> tuple[list[Entity], list[str]]:
    """(entities overlapping the attribution, in text order; normalised place names, each once)."""
    if sdoc is None:
        return [], []
    starts, ents = _ent_starts(sdoc)
    found: dict[tuple[int, int], Entity] = {}
    for span in attribution_spans(att):
        i = max(bisect_left(starts, span.start) - 1, 0)
        while i < len(ents) and ents[i].start_char < span.end:
            ent = ents[i]
            i += 1
            key = (ent.start_char, ent.end_char)
            if ent.end_char <= span.start or key in found:
                continue
            found[key] = Entity(Span.of(text, ent.start_char, ent.end_char), ent.label_,
                                normalize_name(ent.text, ent.label_))
    entities = [found[k] for k in sorted(found)]
    places: list[str] = []
    for e in entities:
        if e.label in PLACE_LABELS and e.normalized not in places:
            places.append(e.normalized)
    return entities, places
