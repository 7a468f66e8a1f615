"""Named entities of an attribution, each with the one name its body goes by.

The spaCy parse already holds the entities; this keeps those that overlap the
attribution's source, content and relays, and names each the way linking
compares them (aliases from data/aliases.json), with the places apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc as SpacyDoc

from claimgraph.extract.lexicon import Ent, doc_ents, doc_text, per_doc
from claimgraph.extract.sources import lookup_body, normalize_name
from claimgraph.model import Attribution, Entity, Span

PLACE_LABELS = ("GPE", "LOC")
_POSSESSIVE_GAP = re.compile("['\u2019]s? ")
_SKIP_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"}


def _merge_possessive(text: str, ents: list[Ent]) -> list[Ent]:
    """Join "Ukraine" + "'s" + "Military Intelligence" where only the whole names a known body."""
    out: list[Ent] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ in PLACE_LABELS and ent.label_ == "ORG":
            gap = text[prev.end_char:ent.start_char]
            if _POSSESSIVE_GAP.fullmatch(gap):
                whole = text[prev.start_char:ent.end_char]
                if lookup_body(ent.text) is None and lookup_body(whole) is not None:
                    out[-1] = Ent(prev.start_char, ent.end_char, "ORG", whole)
                    continue
        out.append(ent)
    return out


def _ent_starts(sdoc: SpacyDoc) -> tuple[list[int], list[Ent]]:
    def build() -> tuple[list[int], list[Ent]]:
        ents = [e for e in doc_ents(sdoc) if e.label_ not in _SKIP_LABELS]
        ents = _merge_possessive(doc_text(sdoc), ents)
        return [e.start_char for e in ents], ents
    return per_doc(sdoc, "named_ents", build)


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
