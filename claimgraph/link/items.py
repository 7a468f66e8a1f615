"""One flat record per attribution, holding what linking compares.

Built once from (Document, Attribution) so the later steps work on plain data
and never re-read the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from claimgraph.extract.sources import normalize_name
from claimgraph.link.figures import Figure, read_figures
from claimgraph.link.lexicon import link_lexicon
from claimgraph.link.origins import Origin, PersonBodies, origin_of
from claimgraph.link.places import (
    NOWHERE,
    PlaceNames,
    Where,
    antecedent_place,
    related_places,
    where_of,
    with_place,
)
from claimgraph.link.when import event_date, parse_date, published_time, time_of_day
from claimgraph.model import Document

WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
PLACE_WINDOW = 2000  # characters before a claim where "the city" looks for its name
CAPS = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?")


@dataclass
class Item:
    doc_id: str
    index: int
    content: str
    outlet: str
    published: dt.date | None
    when: dt.date | None
    tod: int | None
    position: int
    origin: Origin
    figures: list[Figure]
    names: frozenset[str]
    negated: bool
    growth: bool
    asks: bool = False  # an open question ("who sent them is still to be established"), not an assertion
    unseen: bool = False  # says only that nothing was seen ("no indication that X was involved")
    answer_to: str = ""  # the question a bare answer ("Of course, X.") replies to, from its sentence
    pinned: bool = False  # the figure is for the moment of the event ("at the time"), not the report's day
    earlier: bool = False  # reported as said before the text's day ("had earlier said"): its day is unsure
    relays: list[str] = field(default_factory=list)  # outermost first: outlet, via..., then the source
    wire_copy_of: str | None = None
    where: Where = NOWHERE  # the places and numbered units the claim's event is set in
    published_tod: int | None = None  # minutes after midnight of the report's publication, if stamped


def _has_phrase(words: list[str], phrases: list[str]) -> bool:
    joined = " " + " ".join(words) + " "
    return any(" " + p + " " in joined for p in phrases)


def _own_words(words: list[str], lex: dict) -> list[str]:
    """The words the speaker asserts: up to a verb handing the rest to someone else.

    "X of trying to convince its allies that there was no trace" denies
    nothing itself: the denial is the one X is said to push.
    """
    for k, w in enumerate(words):
        if w in lex["embedded_cues"]:
            return words[:k]
    return words


ANSWER_MAX_WORDS = 4  # "Of course, Ukraine": a reply too short to say what it is about


def _question_answered(att, text: str, words: list[str], lex: dict) -> str:
    """The question before a bare answer in its sentence ("asked whether X or Y was behind it, replied:").

    A reply of a few words states nothing by itself; what it asserts is the
    answer to that question.
    """
    if not words or len(words) > ANSWER_MAX_WORDS or att.content.start < 0:
        return ""
    line_start = text.rfind("\n", 0, att.content.start) + 1
    before = text[line_start : att.content.start]
    low = before.lower()
    at = max(
        (m.start() for q in lex["question_openers"] for m in re.finditer(r"\b" + q + r"\b", low)), default=-1
    )
    return before[at:] if at >= 0 else ""


def _asks(text: str, words: list[str], lex: dict) -> bool:
    """The claim poses a question: a wh-word together with a word that leaves it open, or a question mark.

    "it is still to be established who ordered it" says nothing about who did;
    it is not the same claim as an answer, nor a denial of one.
    """
    if text.rstrip().endswith("?") or (words and words[0] in lex["question_openers"]):
        return True  # "whether X or Y was behind it"
    return bool(set(words) & set(lex["question_words"])) and _has_phrase(words, lex["question_cues"])


def _lead_words(att, text: str) -> list[str]:
    """The words from the source or cue up to the content: "bloggers had earlier said that"."""
    starts = [s.start for s in (att.source, att.cue) if s is not None and 0 <= s.start < att.content.start]
    if not starts or att.content.start < 0:
        return []
    return [w.lower() for w in WORDS.findall(text[min(starts) : att.content.start])]


def _inherit_units(items: list[Item]) -> None:
    """A claim naming no place is set in the numbered unit its text opens with, if it names no other.

    "Nobody was hurt" after "a drone struck a school in District 12" is
    about District 12, not about every district a batch of such reports
    names. Only units, and only from the opening claim: a place named
    somewhere in a text is often not where its other claims happen.
    """
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_doc[it.doc_id].append(it)
    for members in by_doc.values():
        lead = min(members, key=lambda it: it.position)
        units = {it.where.units for it in members if it.where.units}
        if lead.where.units and len(units) == 1:
            only = Where(NOWHERE.places, lead.where.units)
            for it in members:
                if it.where is NOWHERE:
                    it.where = only


def _place_antecedents(items: list[Item], texts: dict[str, str], related: dict[str, set[str]]) -> None:
    """A claim set only in "the city" is set in the place its article named last before it."""
    names = None
    for it in items:
        if it.where.places[1] or it.where.places[2]:
            continue  # it names its own local or regional place
        names = names or PlaceNames(x.where for x in items)
        text = texts.get(it.doc_id, "")
        found = antecedent_place(it.content, text[max(0, it.position - PLACE_WINDOW) : it.position], names)
        if found:
            it.where = with_place(it.where, found[0], found[1], related)


def build_items(docs: list[Document]) -> list[Item]:
    """Items for every attribution of every document, origins resolved across the batch."""
    lex = link_lexicon()
    raw: list[Item] = []
    people = PersonBodies()
    related = related_places(doc.text for doc in docs)
    for doc in docs:
        outlet = doc.outlet or doc.id
        for i, att in enumerate(doc.attributions):
            content = att.content.text
            if att.content.start < 0 and content:
                pos = doc.text.find(content)
                if pos >= 0:
                    att.content.start, att.content.end = pos, pos + len(content)
            words = [w.lower().replace("’", "'") for w in WORDS.findall(content)]
            cue_words = [w.lower() for w in WORDS.findall(att.cue.text)] if att.cue else []
            origin = origin_of(att, doc)
            people.learn(origin)
            names = {m.lower() for m in CAPS.findall(content)} | {e.normalized.lower() for e in att.entities}
            relays = [outlet]
            if doc.forwarded_from:
                relays.append(doc.forwarded_from)
            relays += [normalize_name(v.text) for v in att.via]  # "The Kyiv Daily" is the outlet "Kyiv Daily"
            raw.append(
                Item(
                    doc_id=doc.id,
                    index=i,
                    content=content,
                    outlet=outlet,
                    published=parse_date(doc.published),
                    when=event_date(att, doc),
                    tod=time_of_day(att, doc),
                    position=max(att.content.start, 0),
                    origin=origin,
                    figures=read_figures(content),
                    names=frozenset(names),
                    negated=_has_phrase(_own_words(words, lex), lex["negations"])
                    or att.certainty == "denied"
                    or _has_phrase(cue_words, ["denied", "deny", "denies", "rejected", "dismissed"]),
                    growth=_has_phrase(words, lex["growth"]),
                    asks=_asks(content, words, lex),
                    unseen=_has_phrase(words, lex["no_evidence"]),
                    answer_to=_question_answered(att, doc.text, words, lex),
                    pinned=_has_phrase(words, lex["event_time_cues"]),
                    earlier=_has_phrase(_lead_words(att, doc.text), lex["earlier_cues"]),
                    relays=relays,
                    wire_copy_of=doc.near_duplicate_of,
                    where=where_of(att, related),
                    published_tod=published_time(doc.published),
                )
            )
    _inherit_units(raw)
    _place_antecedents(raw, {doc.id: doc.text for doc in docs}, related)
    for it in raw:  # "bloggers had earlier said": a day before the one the text would give it
        if it.earlier and it.when and it.when == it.published:
            it.when -= dt.timedelta(days=1)
    heads = {h for h in lex["body_heads"] if " " not in h}
    surnames = {it.origin.person for it in raw if it.origin.person}
    by_head: dict[str, Counter[str]] = defaultdict(Counter)  # "committee" -> bodies so named, batch-wide
    for it in raw:
        head = it.origin.body.split()[-1] if it.origin.body else ""
        if head in heads and it.origin.body != head:
            by_head[head][it.origin.body] += 1
    doc_bodies: dict[str, str] = {}
    last_doc = None
    for it in raw:
        if it.doc_id != last_doc:
            doc_bodies, last_doc = {}, it.doc_id
        o = it.origin
        if o.key in surnames and " " not in o.key:  # "Lukashenko" alone, named in full elsewhere
            o = Origin("person:" + o.key, o.name, o.key)
        o = people.resolve(o, doc_bodies)
        if o.key in heads and o.key in by_head:  # a bare "the committee" this document never named
            body = by_head[o.key].most_common(1)[0][0]
            o = Origin(body, o.name, o.person, body)
        it.origin = o
        head = o.body.split()[-1] if o.body else ""
        if head in heads and o.body != head:
            doc_bodies[head] = o.body
    return raw
