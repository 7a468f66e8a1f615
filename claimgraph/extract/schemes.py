"""Annotation schemes: which attributions count, and where a content begins.

Attribution corpora disagree on conventions, not on language: the project's
guidelines count saying and believing by a named sayer and leave `that` out of
a content; PolNeAR-style corpora also count intentions and stances and keep it.
A scheme is data (claimgraph/data/schemes.json) read by the components, so
comparing with a system trained on another corpus is a setting, not a fork.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.extract.lexicon import doc_text
from claimgraph.model import Attribution, Document, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "schemes.json"
DEFAULT = "guidelines"


@dataclass(frozen=True)
class Scheme:
    """One annotation convention: what the learned component admits and where spans begin and end."""

    name: str
    model_cues: str = "admitted"  # "admitted" (learned_cues.json) or "all" the model knows
    overrides: dict[str, Any] = field(default_factory=dict)  # admission settings replaced
    keep_complementizers: tuple[str, ...] = ()
    cue_modifiers: tuple[str, ...] = ()  # dependency labels of words next to a cue taken into it
    source_descriptions: tuple[str, ...] = ()  # labels of a source's dependents after it taken in
    keep_relativizers: tuple[str, ...] = ()  # `which he said was Y`: the relative word opens the content
    # "inner": `X said Y warned Z` is Y's report via X (our guidelines); "outer": it is X's report,
    # and Y's cue is only words of its content (corpora where a token belongs to one attribution)
    nesting: str = "inner"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with open(DATA_PATH, encoding="utf-8") as fh:
        return {k: v for k, v in json.load(fh).items() if not k.startswith("_")}


def scheme_names() -> list[str]:
    """The schemes `--scheme` accepts, in the data file's order."""
    return list(_data())


@lru_cache(maxsize=8)
def load_scheme(name: str = DEFAULT) -> Scheme:
    """The named scheme; an unknown name is a ValueError listing the known ones."""
    data = _data()
    if name not in data:
        raise ValueError(f"unknown scheme {name!r} (known: {', '.join(data)})")
    raw = dict(data[name])
    return Scheme(
        name=name,
        model_cues=raw.pop("model_cues", "admitted"),
        keep_complementizers=tuple(raw.pop("keep_complementizers", ())),
        cue_modifiers=tuple(raw.pop("cue_modifiers", ())),
        source_descriptions=tuple(raw.pop("source_descriptions", ())),
        keep_relativizers=tuple(raw.pop("keep_relativizers", ())),
        nesting=raw.pop("nesting", "inner"),
        overrides=raw,
    )


def _inside(a: Attribution, b: Attribution) -> bool:
    """Whether `a`'s cue lies in `b`'s content."""
    return a is not b and b.content.start <= a.cue.start and a.cue.end <= b.content.end


def _outermost(attributions: list[Attribution]) -> list[Attribution]:
    """Only the reports whose cue is in no other report's content: the words of a report inside
    another's content belong to that content (where the two hold each other's cues, both stay)."""
    return [a for a in attributions
            if not any(_inside(a, b) and not _inside(b, a) for b in attributions)]


def _complementizer_before(text: str, start: int, words: tuple[str, ...]) -> int | None:
    """Where a complementizer right before `start` begins (`said that Y` -> the `t` of that).

    A comma or an opening quotation mark may stand between (`said that, “Y”`).
    """
    m = re.search(r"(\w+)[\s,]*[\"“‘']?\s*$", text[max(0, start - 20):start])
    if m and m.group(1).lower() in words:
        return start - len(m.group(0))
    return None


def _relativizer_before(sdoc: SpacyDoc, att: Attribution, words: tuple[str, ...]) -> int | None:
    """Where the relative word opening a reported clause begins (`which he said was Y` -> `which`).

    Only a relative word standing right before the source, in a clause that runs
    source, cue, content with nothing else between: `in which he said` relates a
    place or time, not what was said.
    """
    assert att.source is not None and att.cue is not None
    text = doc_text(sdoc)
    if not (att.source.end <= att.cue.start and att.cue.end <= att.content.start):
        return None
    if text[att.cue.end:att.content.start].strip(" ,\n"):
        return None
    span = sdoc.char_span(att.source.start, att.source.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    k = span.start - 1
    while k > 0 and sdoc[k].text == ",":
        k -= 1
    rel = sdoc[k]
    if rel.lower_ not in words or (k > 0 and sdoc[k - 1].pos_ == "ADP" and rel.head.i == k - 1):
        return None  # the object of a preposition before it
    return rel.idx


def _widen_cue(sdoc: SpacyDoc, att: Attribution, labels: tuple[str, ...]) -> None:
    """Take the modifiers right next to a cue into it (`still says`, `said Thursday`).

    Only words hanging on a cue word, outside the source and the content, so a
    widened cue never swallows another part.
    """
    span = sdoc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if span is None:
        return
    taken = [(p.start, p.end) for p in (att.source, att.content) if p]
    cue_ids = set(range(span.start, span.end))

    def free(t: Any) -> bool:
        return t.dep_ in labels and t.head.i in cue_ids and not any(
            s <= t.idx < e for s, e in taken)

    lo, hi = span.start, span.end - 1
    while lo > 0 and free(sdoc[lo - 1]):
        lo -= 1
        cue_ids.add(lo)
    while hi + 1 < len(sdoc) and free(sdoc[hi + 1]):
        hi += 1
        cue_ids.add(hi)
    if (lo, hi) != (span.start, span.end - 1):
        att.cue = Span.of(doc_text(sdoc), sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi]))


def _widen_source(sdoc: SpacyDoc, att: Attribution, labels: tuple[str, ...]) -> None:
    """Take the description after a source's name into it (`Jane Roe, a lawyer who ...`).

    The dependents of the name's head with the given labels, as far as they run
    on without reaching the cue or the content.
    """
    assert att.source is not None
    span = sdoc.char_span(att.source.start, att.source.end, alignment_mode="expand")
    if span is None:
        return
    end = span.end
    limits = [p.start for p in (att.cue, att.content) if p and p.start >= att.source.end]
    stop = min(limits, default=len(doc_text(sdoc)))
    # the root's own, then a description the parser hung on the name's last word ("Officials at
    # Homeland Security Investigations, a division of ...": on "Investigations")
    for child in [*span.root.rights, *(c for c in span[-1].rights if span[-1].i != span.root.i)]:
        if child.i < end or child.dep_ not in labels:
            continue
        right = child.right_edge
        if att.content and sdoc[child.left_edge.i].idx == att.content.start and right.i + 2 < len(sdoc) \
                and sdoc[right.i + 1].text == "," and att.content.end > sdoc[right.i + 2].idx:
            # the content was read from the description on ("X, a body under Y, Z"): it is the source's
            att.content = Span.of(doc_text(sdoc), sdoc[right.i + 2].idx, att.content.end)
            end = right.i + 1
            break
        if right.idx + len(right) > stop:
            break
        end = right.i + 1
    while end > span.end and (sdoc[end - 1].is_punct or sdoc[end - 1].is_space):
        end -= 1
    if end > span.end:
        att.source = Span.of(doc_text(sdoc), att.source.start, sdoc[end - 1].idx + len(sdoc[end - 1]))


def apply_conventions(sdoc: SpacyDoc, attributions: list[Attribution], document: Document,
                      scheme: Scheme) -> list[Attribution]:
    """Put back a content's complementizer and a cue's modifiers where the scheme keeps them.

    A no-op under our guidelines.
    """
    if scheme.nesting == "outer":
        attributions = _outermost(attributions)
    if not (scheme.keep_complementizers or scheme.cue_modifiers or scheme.source_descriptions
            or scheme.keep_relativizers):
        return attributions
    text = document.text
    for att in attributions:
        if scheme.cue_modifiers and att.cue:
            _widen_cue(sdoc, att, scheme.cue_modifiers)
        if scheme.source_descriptions and att.source:
            _widen_source(sdoc, att, scheme.source_descriptions)
        if not att.content:
            continue
        if scheme.keep_relativizers and not att.direct and att.source and att.cue and not att.content_parts:
            begin = _relativizer_before(sdoc, att, scheme.keep_relativizers)
            if begin is not None:
                att.content = Span.of(text, begin, att.content.end)
                continue
        begin = _complementizer_before(text, att.content.start, scheme.keep_complementizers)
        if begin is None or (att.cue and att.cue.start <= begin < att.cue.end):
            continue
        att.content = Span.of(text, begin, att.content.end)
    return attributions
