"""The plain data every stage shares: documents, spans, attributions, claims.

Each stage (ingest, clean, extract, link, store, serve) reads and writes these
dataclasses and nothing richer, so a stage can be tested, replaced or run on
another machine on its own. Every extracted fact carries a `Span`: character
offsets into `Document.text` (the cleaned text), so any number shown to a user
points back to the characters it came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Span:
    """A piece of the cleaned text: `text == document.text[start:end]`."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Cut the span out of `text`, so its text always agrees with its offsets."""
        return cls(text[start:end], start, end)


@dataclass
class Quantity:
    """A number in a claim, with how the text qualifies it.

    `low`/`high` bound the value: "up to 3,000" is (None, 3000) with
    qualifier "at_most"; "thousands" is (2000, 9999) with qualifier "range".
    """

    span: Span
    value: float | None
    low: float | None
    high: float | None
    qualifier: str  # exact | about | at_least | at_most | more_than | less_than | range
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = self.span.to_dict()
        return d


@dataclass
class DateMention:
    """A date in a claim, resolved against the document's publication date."""

    span: Span
    value: str | None  # ISO date (YYYY-MM-DD, YYYY-MM or YYYY) or None if unresolved
    precision: str  # day | week | month | year | unknown

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "value": self.value, "precision": self.precision}


@dataclass
class Entity:
    """A named entity, with the one name used for a body that has several."""

    span: Span
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, ...
    normalized: str

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "label": self.label, "normalized": self.normalized}


@dataclass
class Attribution:
    """Who says what, according to whom, through which relays.

    `content` is the whole asserted text; where a quote is split around its
    cue ("X," he said, "Y") `content_parts` holds the pieces and `content`
    spans from the first to the last.
    """

    cue: Span
    content: Span
    source: Span | None = None
    via: list[Span] = field(default_factory=list)
    direct: bool = False
    source_resolved: str | None = None
    # official | military | intelligence | media | anonymous | document | social_media | expert | other
    source_type: str | None = None
    source_normalized: str | None = None
    content_parts: list[Span] = field(default_factory=list)
    hedges: list[Span] = field(default_factory=list)
    certainty: str = "stated"  # confirmed | stated | claimed | hedged | denied
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    method: str = "rules"  # which component found it: rules | model | correction

    def to_dict(self) -> dict[str, Any]:
        """The layout of the benchmark contract, with every extra field beside it."""
        return {
            "cue": self.cue.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "content": self.content.to_dict(),
            "via": [v.to_dict() for v in self.via],
            "direct": self.direct,
            "source_resolved": self.source_resolved,
            "source_type": self.source_type,
            "source_normalized": self.source_normalized,
            "content_parts": [p.to_dict() for p in self.content_parts],
            "hedges": [h.to_dict() for h in self.hedges],
            "certainty": self.certainty,
            "quantities": [q.to_dict() for q in self.quantities],
            "dates": [d.to_dict() for d in self.dates],
            "entities": [e.to_dict() for e in self.entities],
            "places": list(self.places),
            "method": self.method,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        def span(x: Any) -> Span | None:
            if x is None:
                return None
            if isinstance(x, str):
                return Span(x, -1, -1)
            return Span(x["text"], x["start"], x["end"])

        return cls(
            cue=span(d["cue"]) or Span("", -1, -1),
            content=span(d["content"]) or Span("", -1, -1),
            source=span(d.get("source")),
            via=[s for s in (span(v) for v in d.get("via") or []) if s],
            direct=bool(d.get("direct")),
            source_resolved=d.get("source_resolved"),
            source_type=d.get("source_type"),
            source_normalized=d.get("source_normalized"),
            content_parts=[s for s in (span(p) for p in d.get("content_parts") or []) if s],
            hedges=[s for s in (span(h) for h in d.get("hedges") or []) if s],
            certainty=d.get("certainty") or "stated",
            quantities=[
                Quantity(span(q["span"]), q.get("value"), q.get("low"), q.get("high"),
                         q.get("qualifier", "exact"), q.get("unit"))
                for q in d.get("quantities") or []
            ],
            dates=[DateMention(span(x["span"]), x.get("value"), x.get("precision", "unknown"))
                   for x in d.get("dates") or []],
            entities=[Entity(span(e["span"]), e.get("label", ""), e.get("normalized", ""))
                      for e in d.get("entities") or []],
            places=list(d.get("places") or []),
            method=d.get("method") or "rules",
        )


@dataclass
class Document:
    """One article (or one Telegram post) as the pipeline sees it.

    `raw` keeps the input as it came (HTML, text) so extraction can be redone;
    `text` is the cleaned text every span points into.
    """

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or datetime
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    raw: str | None = None
    kind: str = "text"  # text | html | url | feed | telegram | jsonl
    forwarded_from: str | None = None  # a Telegram forward: the channel it relays
    near_duplicate_of: str | None = None  # a wire copy of that stored document: not an independent outlet
    attributions: list[Attribution] = field(default_factory=list)

    def to_dict(self, with_raw: bool = False) -> dict[str, Any]:
        d = {
            "id": self.id, "title": self.title, "author": self.author, "published": self.published,
            "outlet": self.outlet, "url": self.url, "language": self.language, "kind": self.kind,
            "forwarded_from": self.forwarded_from, "text": self.text,
            "attributions": [a.to_dict() for a in self.attributions],
        }
        if with_raw:
            d["raw"] = self.raw
        return d


class StoreError(Exception):
    """A store that cannot be opened or written (a directory, not a database, read-only): one line."""


class InputError(Exception):
    """An input that cannot be read as an article; the message names it and says why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass
class MemberRef:
    """One appearance of a claim: attribution `index` of document `doc_id`."""

    doc_id: str
    index: int
    content: str = ""


@dataclass
class Claim:
    """Attributions in different articles that assert the same proposition."""

    id: str
    members: list[MemberRef]
    origins: list[str] = field(default_factory=list)  # normalised names of the original sources
    relays: list[tuple[str, str]] = field(default_factory=list)  # (relayer, relayed) edges, outlet -> source
    independent_origins: int = 0
    circular: bool = False  # many outlets, one origin
    first_seen: str | None = None
    label: str = ""


@dataclass
class Disagreement:
    """Two appearances whose figures or statements differ.

    kind "conflict": both cannot be true; kind "update": a later figure revises
    an earlier one. `conservative` names the most cautious figure of a conflict.
    """

    kind: str
    a: MemberRef
    b: MemberRef
    why: str
    conservative: str | None = None


@dataclass
class LinkResult:
    claims: list[Claim] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
