"""Where a claim's event happens: the places it puts it in and the numbered units it names.

Two template reports that differ only in "in Odesa" / "in Mykolaiv", or in
"District 12" / "District 31", assert different things though nearly every
word is shared, so neither the embedding nor word overlap can see it. The
places are read from the claim's own text: capitalised names after a word
that places an event ("in", "near", "struck"), kept only where the extractor
tagged a place (when it tagged anything at all), so an agent ("Russia said")
is never taken for a location. Each place gets a level (country, region,
local) and only places of one level are set against each other, so a city
never clashes with its country or with a region. Places a batch names in a
containing phrase ("Krasnogorsk, outside Moscow", "in X, Ukraine") are related
and never clash either.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from claimgraph.link.lexicon import aliases, link_lexicon
from claimgraph.model import Attribution

LEVELS = ("country", "region", "local")
PLACE_LABELS = ("GPE", "LOC", "FAC")
MISREAD_LABELS = ("PERSON", "ORG")  # a town the tagger does not know comes out as one of these
MISREAD_LEADS = {"in", "of", "near", "outside", "inside", ","}
NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
POSSESSIVE = re.compile(r"['’]s?$")
OWNED = re.compile(r"['’]s?\b")
RELATION_GAP = re.compile(r"\s*,?\s*(?:just\s+|close\s+)?")  # between a place and one containing it
CONTAINING_LEADS = {"in", "near", "outside", "of", "inside"}


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = link_lexicon()
    place = re.compile(
        rf"(?<![\w-])(?P<lead>(?i:{_alt(lex['place_leads'])})|(?<=\d\s)of)\s+(?:(?i:the)\s+)?"
        rf"(?:(?i:{_alt(lex['place_modifiers'])})\s+){{0,2}}"
        rf"(?:(?P<noun>(?i:{_alt(lex['place_nouns'])}))\s+(?i:of)\s+(?:(?i:the)\s+)?)?(?P<name>{NAME})"
    )
    after = re.compile(rf"\s+(?i:{_alt(lex['region_words'])})\b")
    apposed = re.compile(rf",\s+(?P<name>{NAME})")  # "in Kherson, Ukraine"
    nouns = _alt(lex["unit_nouns"])
    units = re.compile(
        rf"(?<![\w-])(?P<noun>(?i:{nouns}))\s+(?:(?i:no)\.?\s*|(?i:number)\s+|#\s*)?(?P<num>\d+[A-Za-z]?)\b(?![.,]\d)"
        rf"|(?<![\w.,])(?P<num2>\d+)(?i:st|nd|rd|th)\s+(?:[A-Z][\w'-]*\s+){{0,3}}(?P<noun2>(?i:{nouns}))\b"
    )
    return place, after, apposed, units


@cache
def _canonical() -> dict[str, str]:
    """Every known name of a place, lower case, to its one name ('odessa' -> 'odesa')."""
    out: dict[str, str] = {}
    for canon, names in aliases()["places"].items():
        for n in [canon, *names]:
            out[n.lower()] = canon.lower()
    return out


def place_key(name: str) -> str:
    """The name two mentions of one place share: 'the Kherson Oblast' and 'Kherson' both give 'kherson'."""
    lex = link_lexicon()
    words = POSSESSIVE.sub("", name.strip()).lower().split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and (words[-1] in lex["region_words"] or words[-1] == "city"):
        words = words[:-1]
    key = " ".join(words)
    return _canonical().get(key, key)


@dataclass(frozen=True)
class Mention:
    key: str
    level: str
    start: int  # in the text read
    end: int
    lead: str


COMPOUND = re.compile(r"[A-Z][\w'’]*-[a-z]")  # "Russian-occupied", "Palau-flagged": says what kind of place


def _clean(name: str) -> str:
    """Drop words that only describe the place ("Russian-occupied Donetsk") and a possessive."""
    words = name.split()
    while words and COMPOUND.match(words[0]):
        words = words[1:]
    return POSSESSIVE.sub("", " ".join(words))


def _adjective(name: str) -> bool:
    """ "the Ukrainian side", "Russian territory": a people's adjective, not a place."""
    key = name.lower()
    ends = tuple(link_lexicon()["place_adjective_endings"])
    return " " not in key and key.endswith(ends) and key not in _canonical()


def read_places(text: str) -> list[Mention]:
    """Place names after a locating word, with their level, in text order (unfiltered by entity tags)."""
    lex = link_lexicon()
    place, after, apposed, _ = _patterns()
    skip = set(lex["months"]) | set(lex["weekdays"]) | {n.split()[0] for n in lex["unit_nouns"]}
    found: list[Mention] = []
    for m in place.finditer(text):
        raw = m.group("name")
        name = _clean(raw)
        if not name or name.split()[0].lower() in skip:
            continue
        start = m.start("name") + raw.index(name.split()[0])
        lead = m.group("lead").lower()
        words = name.split()
        owner = next((k for k, w in enumerate(words[:-1]) if POSSESSIVE.search(w)), -1)
        if owner >= 0:  # "Ukraine's Odesa region": Odesa, inside Ukraine
            outer = POSSESSIVE.sub("", " ".join(words[: owner + 1]))
            okey = place_key(outer)
            found.append(Mention(okey, _level(okey, False), start, start + len(outer), lead))
            inner = " ".join(words[owner + 1 :])
            start, name, lead = text.index(inner, start), inner, ","
        if _adjective(name) or name.split()[0].lower() in skip:
            continue
        end = start + len(name)
        key = place_key(name)
        tail = after.match(text, end)
        region = bool(m.group("noun") and m.group("noun").lower() in lex["region_words"])
        region = region or bool(tail) or name.split()[-1].lower() in lex["region_words"]
        found.append(Mention(key, _level(key, region), start, end, lead))
        ap = apposed.match(text, tail.end() if tail else end)
        if ap:
            key2 = place_key(ap.group("name"))
            level2 = _level(key2, bool(after.match(text, ap.end("name"))))
            if level2 != "local":  # "in Kherson, Ukraine"; "in Odesa, Mykolaiv and ..." is a list
                found.append(Mention(key2, level2, ap.start("name"), ap.end("name"), ","))
    return found


def _level(key: str, region: bool) -> str:
    if key in link_lexicon()["country_places"]:
        return "country"
    return "region" if region else "local"


def related_places(texts: Iterable[str]) -> dict[str, set[str]]:
    """Places named inside one another across the batch ("X near Y", "X, outside Y", "X in the Y region")."""
    rel: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        ms = read_places(text)
        for a, b in zip(ms, ms[1:], strict=False):
            if a.key == b.key or "country" in (a.level, b.level):  # a country is its own level
                continue
            gap = text[a.end : b.start].lower()
            at = gap.rfind(b.lead)
            if b.lead == "," or (b.lead in CONTAINING_LEADS and at >= 0 and RELATION_GAP.fullmatch(gap[:at])):
                rel[a.key].add(b.key)
                rel[b.key].add(a.key)
    return rel


@dataclass(frozen=True)
class Where:
    places: tuple[frozenset[str], frozenset[str], frozenset[str]]  # by LEVELS, with related places added
    units: frozenset[tuple[str, str]]  # ("district", "12")


NOWHERE = Where((frozenset(), frozenset(), frozenset()), frozenset())


def read_units(text: str) -> frozenset[tuple[str, str]]:
    """Numbered units a text names: "District 12", "school No. 5", "the 47th Separate Brigade"."""
    out = set()
    for m in _patterns()[3].finditer(text):
        noun = m.group("noun") or m.group("noun2")
        num = m.group("num") or m.group("num2")
        out.add((" ".join(noun.lower().split()), num.lower()))
    return frozenset(out)


def _tag_allows(att: Attribution, m: Mention, text: str) -> tuple[bool, str]:
    """Whether the extractor's tag over a mention lets it be a place, and the name it gives the place.

    An untagged name after "in" is still a place (a tagger misses small
    towns), and so is one tagged as a person or body after "in" or "of"
    (it mislabels them); a people's or a date's tag ("Russian", "Monday") is not.
    """
    lo, hi = att.content.start + m.start, att.content.start + m.end
    over = [e for e in att.entities if 0 <= e.span.start < hi and e.span.end > lo]
    if not over:
        return True, m.key
    e = over[0]
    if e.label in PLACE_LABELS:
        return True, place_key(e.normalized or e.span.text)
    if e.label in MISREAD_LABELS and m.lead in MISREAD_LEADS and not OWNED.match(text, m.end):
        return True, m.key
    return False, m.key


def where_of(att: Attribution, related: dict[str, set[str]]) -> Where:
    """The places (unless the extractor tagged them as something else) and numbered units of a claim."""
    text = att.content.text
    by_level: dict[str, set[str]] = {lv: set() for lv in LEVELS}
    for m in read_places(text):
        ok, key = _tag_allows(att, m, text)
        if not ok:
            continue
        level = m.level if m.level != "local" else _level(key, False)
        by_level[level].add(key)
        by_level[level] |= related.get(key, set())
    units = read_units(text)
    if not units and not any(by_level.values()):
        return NOWHERE
    return Where(tuple(frozenset(by_level[lv]) for lv in LEVELS), units)  # type: ignore[arg-type]


def places_clash(a: Where, b: Where) -> bool:
    """Two claims set in different places of one level, or naming one kind of unit by other numbers."""
    if a is NOWHERE or b is NOWHERE:
        return False
    for pa, pb in zip(a.places, b.places, strict=True):
        if pa and pb and not pa & pb:
            return True
    if a.units and b.units:
        nouns = {n for n, _ in a.units} & {n for n, _ in b.units}
        for n in nouns:
            if not {x for k, x in a.units if k == n} & {x for k, x in b.units if k == n}:
                return True
    return False


# --- "the city": the place named before the claim -------------------------


@cache
def _anaphor() -> re.Pattern[str]:
    words = [w for ws in link_lexicon()["anaphoric_places"].values() for w in ws]
    return re.compile(rf"(?<![\w-])(?i:the)\s+(?P<noun>(?i:{_alt(words)}))\b(?!\s+(?i:of)\b)")


class PlaceNames:
    """The places a batch knows (the alias list, every place its claims name), to find them anywhere.

    "Dnipro came under attack overnight" names its city with no locating word
    before it; a name the batch already knows as a place is still found there.
    """

    def __init__(self, wheres: Iterable[Where]) -> None:
        self.level: dict[str, str] = {k: _level(k, False) for k in set(_canonical().values())}
        for where in wheres:
            for lv, keys in zip(LEVELS, where.places, strict=True):
                for k in keys:
                    self.level.setdefault(k, lv)
        names = set(_canonical()) | set(self.level)
        self.pattern = re.compile(rf"(?<![\w-])(?i:{_alt(names)})(?![\w-])") if names else None

    def mentions(self, text: str) -> list[tuple[int, str, str]]:
        """(end, key, level) of each known place named in a text, capitalised as a name."""
        if not self.pattern:
            return []
        out = []
        for m in self.pattern.finditer(text):
            if m.group()[0].isupper():
                key = place_key(m.group())
                out.append((m.end(), key, self.level.get(key, _level(key, False))))
        return out


def antecedent_place(content: str, before: str, names: PlaceNames) -> tuple[str, str] | None:
    """ "12 missiles at the city": (key, level) of the last place of a city's level named before the claim.

    Read from the article's text before the claim: names after a locating
    word (except "on": "on Telegram", "on Monday") and names the batch knows.
    """
    m = _anaphor().search(content)
    if not m or not before:
        return None
    noun = m.group("noun").lower()
    level = next(lv for lv, ws in link_lexicon()["anaphoric_places"].items() if noun in ws)
    found = [(x.end, x.key, x.level) for x in read_places(before) if x.lead != "on"]
    found += names.mentions(before)
    found = [f for f in found if f[2] == level]
    if not found:
        return None
    _, key, lv = max(found)
    return key, lv


def with_place(where: Where, key: str, level: str, related: dict[str, set[str]]) -> Where:
    """A claim's places with one more (and the places the batch relates to it)."""
    places = list(where.places)
    i = LEVELS.index(level)
    places[i] = places[i] | {key} | related.get(key, set())
    return Where(tuple(places), where.units)  # type: ignore[arg-type]
