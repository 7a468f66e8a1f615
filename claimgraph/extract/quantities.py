"""Numbers in a claim, with their bounds and what they count.

Conflicting figures are the commonest disagreement between reports ("up to
3,000 troops" against "more than 10,000"), so each number keeps its qualifier
as bounds (low/high) and the counted noun as a unit. One compiled regex finds
the number phrases; the spaCy parse finds the noun they count. Word lists are
in data/quantity_words.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from claimgraph.extract.lexicon import (
    anchored_matches,
    hint_positions,
    load,
    parses,
    per_doc,
    phrase_pattern,
    token_at,
    within,
)
from claimgraph.model import Quantity, Span

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "january", "february", "march", "april", "june", "july", "august", "september", "october",
           "november", "december")
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_STOP_POS = {"VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PRON", "PART"}
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
_DAY_RANGE_RE = re.compile(  # "between Oct. 8 and 13": the closing day of a range of dates
    r"\b(?:" + "|".join(_MONTHS) + r")\.?\s+\d{1,2}\s*(?:and|to|through|until|-|\u2013)\s*$", re.IGNORECASE)
_SCALED_RE = re.compile(r"\d\s*(?:k|m|mn|mln|bn|b|thousand|million|billion)$|,\d{3}", re.IGNORECASE)


@dataclass(frozen=True)
class _Tables:
    regex: re.Pattern[str]
    hints: re.Pattern[str]
    hint_words: frozenset[str]
    words: dict[str, int]
    multipliers: dict[str, int]
    qualifiers: dict[str, str]
    vague: dict[str, tuple[int, int]]
    currency: dict[str, str]
    skip_before: frozenset[str]
    skip_after: frozenset[str]  # a clock or an ordinal: "0600 GMT", "11 p.m."
    irregular: dict[str, str]
    uncountable: frozenset[str]
    durations: frozenset[str]  # units after which "over" means "during" ("over three days")
    modifier_units: frozenset[str]  # "nine-storey", "two-year-old": a number inside an adjective
    person_verbs: frozenset[str]  # a bare number as their subject counts people
    figure_nouns: dict[str, str | None]  # "put the death toll at 500": what such a noun counts


def _alt(phrases: list[str]) -> str:
    return "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load("quantity_words.json")
    words = {**data["units"], **data["tens"]}
    mults = {k: v for k, v in data["multipliers"].items()}
    word_mults = [k for k in mults if len(k) > 2]
    short_mults = [k for k in mults if len(k) <= 3 and k not in word_mults]
    numword = _alt([*words, *word_mults, "dozen"])
    word_number = rf"(?:(?:a|an)\s+)?(?:{numword})(?:(?:\s+and\s+|\s+|-)(?:{numword}))*"
    digit_number = (rf"(?:{_DIGITS})(?:\s*(?:{_alt(short_mults)})(?![\w])|\s+(?:{_alt(word_mults)}))?")
    number = rf"(?:{digit_number}|{word_number})"
    qualifiers = {p: q for q, ps in data["qualifiers"].items() for p in ps}
    vague = {v["phrase"]: (v["low"], v["high"]) for v in data["vague"]}
    joiners = r"\s*(?:-|\u2013|\u2014)\s*|\s+to\s+"
    pct = _alt(data["percent_words"])
    cur = _alt(list(data["currency"]))
    pattern = (
        rf"(?<![\w.,])(?<![A-Za-z]-)"
        rf"(?:(?P<qual>{_alt(list(qualifiers))})\s+)?"
        rf"(?P<cur>{cur})?\s?"
        rf"(?:(?:between|from)\s+(?P<lo>{number})\s+(?:and|to)\s+(?P<hi>{number})"
        rf"|(?P<lo2>{digit_number})(?:{joiners})(?P<hi2>{digit_number})"
        rf"|(?P<vague>{_alt(list(vague))})"
        rf"|(?P<num>{number}))"
        rf"(?![\w])(?![:.,]\d)"
        rf"(?P<pct>\s*(?:{pct})(?![\w]))?"
        rf"(?P<tail>\s+or\s+more|\s+or\s+so|\s+or\s+fewer|\s+or\s+less|\+|-plus)?"
    )
    hint_words = [*words, *word_mults, "dozen", *(w for v in vague for w in v.split())]
    hint_words = [w for w in hint_words if w not in ("of", "a", "an")]
    hints = rf"(?<!\w)\d|{cur}|\b(?:{_alt(hint_words)})"
    return _Tables(
        regex=re.compile(pattern, re.IGNORECASE),
        hints=re.compile(hints, re.IGNORECASE),
        hint_words=frozenset(w.lower() for w in hint_words),
        words={**words, "dozen": data["dozen"], **data["articles"]},
        multipliers=mults,
        qualifiers=qualifiers,
        vague=vague,
        currency=data["currency"],
        skip_before=frozenset(data["skip_before"]),
        skip_after=frozenset(data["skip_after"]),
        irregular=data["irregular_plurals"],
        uncountable=frozenset(data["uncountable"]),
        durations=frozenset(data["durations"]),
        modifier_units=frozenset(data.get("modifier_units", [])),
        person_verbs=frozenset(data["person_verbs"]),
        figure_nouns=dict(data["figure_nouns"]),
    )


_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+", re.IGNORECASE)


def _is_hint(word: str) -> bool:
    t = _tables()
    return word[:1].isdigit() or word in t.hint_words or word[:1] in t.currency or word[:3] in t.currency


def parse_number(text: str) -> float | None:
    """The value of "3,000", "1.5 million", "12k", "ten thousand", "a dozen", "twenty-five"."""
    t = _tables()
    total = 0.0
    current: float | None = None
    for piece in _TOKEN_RE.findall(text.lower()):
        if piece[0].isdigit():
            current = (current or 0) + float(piece.replace(",", ""))
        elif piece in ("and",) or piece in ("a", "an") and current is None and total == 0:
            continue  # "a hundred": the article only scales what follows; "a nine-storey block" is no ten
        elif piece == "dozen":
            current = (current or 1) * 12
        elif piece in t.multipliers:
            mult = t.multipliers[piece]
            if mult == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * mult
                current = None
        elif piece in t.words:
            current = (current or 0) + t.words[piece]
        else:
            return None
    value = total + (current or 0)
    return value if (total or current is not None) else None


def pluralize(lemma: str) -> str:
    """The plural a unit is reported in: "troop" -> "troops", "casualty" -> "casualties"."""
    t = _tables()
    w = lemma.lower()
    if w in t.uncountable or not w.isalpha():
        return w
    if w in t.irregular:
        return t.irregular[w]
    if w in t.irregular.values():
        return w
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w if w.endswith("ss") is False and w.endswith("s") else w + "es"
    return w + "s"


RATE_WORDS = {"a", "an", "per", "each", "every"}
PERIODS = {"day", "week", "month", "year", "hour", "night"}


def _counted_noun(sdoc: SpacyDoc | None, end: int) -> str | None:
    """The noun counted by the number ending at `end`: its head if it modifies a noun to its right,
    else the first noun after it, past adjectives, nationality words and 'of'."""
    last = token_at(sdoc, end - 1)
    if last is None:
        return None
    if last.dep_ == "conj" and last.head.dep_ in ("nummod", "quantmod") and last.head.i < last.i:
        last = last.head  # "between 10 and 15 vehicles": the range's first number carries the noun
    head = last.head
    doc = last.doc
    if (last.dep_ in ("nummod", "quantmod", "compound")
            and (head.pos_ == "NOUN" or head.pos_ == "PROPN" and _shouted(head)
                 or head.ent_type_ == "NORP" and head.tag_ == "NNPS")  # "Palestinians"
            and last.i < head.i <= last.i + 8
            and not any(doc[i].pos_ == "PUNCT" and doc[i].text not in "-\u2010\u2011"
                        for i in range(last.i + 1, head.i))):
        return _unit_of(head)
    for i in range(last.i + 1, min(last.i + 7, len(doc))):
        tok = doc[i]
        if tok.lower_ in RATE_WORDS and i + 1 < len(doc) and doc[i + 1].lemma_.lower() in PERIODS:
            return None  # "500 a day": a rate of something named elsewhere, not a count of days
        if tok.is_quote:
            continue  # '"tens of thousands" of rounds': the quotation closes before the counted noun
        if tok.text in "-\u2010\u2011" and not doc[i - 1].whitespace_:
            continue  # "Western-supplied vehicles": a hyphen inside a word
        if tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and _shouted(tok):
            return _unit_of(tok)
        if tok.pos_ in _STOP_POS or (tok.pos_ == "ADP" and tok.lower_ != "of"):
            return None
    return None


def _counts_people(sdoc: SpacyDoc | None, end: int) -> bool:
    """A bare number that is the subject of a verb only people undergo ("13 were wounded", "two died")."""
    last = token_at(sdoc, end - 1)
    if last is None:
        return False
    while last.dep_ in ("quantmod", "compound") and last.head.pos_ == "NUM" and last.head.i > last.i:
        last = last.head  # "at least two": the number itself
    return (last.pos_ == "NUM" and last.dep_ in ("nsubj", "nsubjpass")
            and last.head.lemma_.lower() in _tables().person_verbs)


def _figure_unit(sdoc: SpacyDoc | None, end: int) -> str | None:
    """What a number put `at` by a figure noun counts: "put the death toll at 500" (deaths),
    "put the number of dead at 30" (dead), "the number of injured has risen to six" (injured)."""
    last = token_at(sdoc, end - 1)
    if last is None or last.dep_ != "pobj" or last.head.lower_ not in ("at", "to"):
        return None
    verb = last.head.head
    # "put the toll at 500"; "the number of injured has risen to six"
    deps = ("dobj", "nsubjpass") if last.head.lower_ == "at" else ("nsubj",)
    noun = next((c for c in verb.children if c.dep_ in deps
                 and c.lemma_.lower() in _tables().figure_nouns), None)
    if noun is None:
        return None
    counted = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"), None)
    counted = counted or next((c for c in noun.children if c.dep_ == "compound"), None)
    if counted is not None:  # the counted word itself ("casualty toll"), not the compound's head
        if counted.lower_ in _tables().uncountable:
            return counted.lower_  # "the number of injured": not "injures"
        return pluralize(counted.lemma_ or counted.text)
    return _tables().figure_nouns[noun.lemma_.lower()]


def _unit_of(tok: Token) -> str:
    """A compound's head ("artillery shells" -> "shells"), as a plural."""
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "NOUN":
        tok = tok.head
    measure = next((c.lower_ + " " for c in tok.lefts
                    if c.dep_ == "amod" and c.lower_ in ("cubic", "square", "nautical")), "")
    if tok.tag_ in ("NNS", "NNPS") and tok.text.isalpha():
        word = tok.text if tok.ent_type_ == "NORP" else tok.text.lower()  # "Palestinians" keep their capital
        return measure + word  # already the plural as written ("infantrymen")
    return measure + pluralize(tok.lemma_ or tok.text)  # "cubic metres" are not metres


def _skipped(text: str, m: re.Match[str], sdoc: SpacyDoc | None) -> bool:
    """A label or a date rather than a count: Article 4, June 19, 2024, 11th."""
    t = _tables()
    start = m.start("num") if m.group("num") else m.start()
    before = text[max(0, m.start() - 20): m.start()].split()
    if before:
        prev = before[-1].lower().rstrip(".")
        if prev in t.skip_before or prev + "." in t.skip_before or prev in _MONTHS:
            return True
    if _DAY_RANGE_RE.search(text[max(0, m.start() - 24): m.start()]):
        return True  # "between Oct. 8 and 13": the second day of a date range
    after = text[m.end(): m.end() + 12].split()
    word = after[0].lower().rstrip(",;:)") if after else ""
    if word and (word in t.skip_after or word.rstrip(".") in t.skip_after):
        return True  # "at around 0600 GMT", "at 11 p.m.": a time of day
    hyphen = _HYPHEN_WORD_RE.match(text, m.end())
    if hyphen and hyphen.group(1).lower() in t.modifier_units:
        return True  # "a nine-storey block", "a two-year-old child": a description, not a count
    num = m.group("num")
    if num and not m.group("qual") and not m.group("cur") and _YEAR_RE.fullmatch(num.strip()):
        return True
    line_start = text.rfind("\n", 0, m.start()) + 1
    if num and _LIST_NUMBER_RE.match(text, m.end()) and not text[line_start:m.start()].strip():
        return True  # "1. personnel: about 1,200": the item's number
    tok = token_at(sdoc, start)
    if tok is not None and tok.ent_type_ in _SKIP_ENTS and not m.group("vague"):
        # a parser DATE on "12k" or "about 3,000" is a slip; a bare number in a DATE is a date
        return not (m.group("qual") or (num and _SCALED_RE.search(num)))
    return False


def _bounds(qualifier: str, value: float) -> tuple[float | None, float | None, float | None]:
    if qualifier == "exact":
        return value, value, value
    if qualifier in ("at_most", "less_than"):
        return value, None, value
    if qualifier in ("at_least", "more_than"):
        return value, value, None
    return value, None, None


def find_quantities(sdoc: SpacyDoc | None, text: str, start: int, end: int) -> list[Quantity]:
    """Every count in text[start:end] with qualifier, bounds and unit.

    With the parse at hand the whole text is scanned once and each call picks its range."""
    if (start, end) != (0, len(text)) and parses(sdoc, text):
        def build() -> tuple[list[int], list[Quantity]]:
            found = find_quantities(sdoc, text, 0, len(text))
            return [q.span.start for q in found], found
        starts, items = per_doc(sdoc, "quantities", build)
        return within(items, starts, start, end)
    t = _tables()
    out: list[Quantity] = []
    hints: re.Pattern[str] | list[int] = t.hints
    if sdoc is not None and parses(sdoc, text):
        hints = hint_positions(sdoc, "quantities", _is_hint)
    for m in anchored_matches(t.regex, hints, text, start, end, words_back=4):
        if _skipped(text, m, sdoc):
            continue
        qual_word = (m.group("qual") or "").lower()
        share: re.Match[str] | None = None
        ratio_start: int | None = None
        qualifier = t.qualifiers.get(re.sub(r"\s+", " ", qual_word), "exact") if qual_word else "exact"
        if qual_word in ("over", "under", "above", "below") and sdoc is not None:
            q = token_at(sdoc, m.start("qual"))
            if q is not None and q.dep_ == "prep":
                qualifier, qual_word = "exact", "prep"  # "drones over 10 regions": where, not "more than"
        tail = (m.group("tail") or "").strip().lower()
        if tail in ("or more", "+", "-plus"):
            qualifier = "at_least"
        elif tail == "or so":
            qualifier = "about"
        elif tail in ("or fewer", "or less"):
            qualifier = "at_most"
        lo_text = m.group("lo") or m.group("lo2")
        if lo_text:
            lo, hi = parse_number(lo_text), parse_number(m.group("hi") or m.group("hi2"))
            if lo is None or hi is None or hi < lo:
                continue
            value, low, high, qualifier = None, lo, hi, "range"
        elif m.group("vague"):
            low_i, high_i = t.vague[re.sub(r"\s+", " ", m.group("vague").lower())]
            value, low, high = None, float(low_i), float(high_i)
            if qualifier in ("at_least", "more_than"):
                high = None
            elif qualifier in ("at_most", "less_than"):
                low = None
            else:
                qualifier = "range"
        else:
            num = parse_number(m.group("num"))
            share = _FRACTION_RE.match(text, m.end()) if num is not None and not m.group("tail") else None
            one_in = _ONE_IN_RE.search(text, max(0, m.start() - 12), m.start()) \
                if num and not m.group("qual") and share is None else None
            if share is not None:  # "two-thirds", "one quarter": a share, as a percentage
                num = round(100 * num / _DENOMINATORS[share.group(1).lower().rstrip("s")], 1)
            elif one_in is not None:  # "one in five children": a share of 20 percent
                num, ratio_start = round(100 / num, 1), one_in.start()
            elif num is None or m.group("num").strip().lower() in ("one", "a", "an") \
                    or num == 1 and _IN_NEXT_RE.match(text, m.end()):  # the "1" of "1 in 3"
                continue
            value, low, high = _bounds(qualifier, num)
        share_end = share.end() if share is not None else None
        if share_end is not None or ratio_start is not None:
            unit: str | None = "percent"
        elif m.group("pct"):
            unit = "percent"
        elif m.group("cur"):
            unit = t.currency.get(m.group("cur"), m.group("cur"))
        else:
            unit = _counted_noun(sdoc, m.end() - len(m.group("tail") or ""))
            label = _ITEM_LABEL_RE.match(text[text.rfind("\n", 0, m.start()) + 1:m.start()])
            line_end = text.find("\n", m.end())
            if label and len(label.group(1).split()) <= 4 and (unit is None or unit not in text[
                    m.end():line_end if line_end >= 0 else len(text)].lower()):
                unit = label.group(1).strip().lower()  # the item's label, not a noun on the next line
            if unit is None and qualifier == "exact" and _after_name(sdoc, m.start()):
                continue  # "the Port Olya 3", "Resolution 2231": a name, not a count
            if unit is None and out and _same_clause_run(text, out[-1].span.end, m.start()):
                unit = out[-1].unit  # "seven people killed and 11 wounded", "600 patients, over 100 of them"
            if unit is None and _counts_people(sdoc, m.end() - len(m.group("tail") or "")):
                unit = "people"  # "13 were wounded"
            if unit is None:
                unit = _figure_unit(sdoc, m.end() - len(m.group("tail") or ""))
        if qual_word == "prep" or qual_word in ("over", "across") and unit in t.durations:
            qualifier, low, high = "exact", value, value  # "over three days": during them, not more
            s = m.start("num") if m.group("num") else m.start()
        else:
            s = m.start()
        e = share_end or m.end()
        if ratio_start is not None:
            s = ratio_start
        while s < e and text[s].isspace():
            s += 1
        out.append(Quantity(Span.of(text, s, e), value, low, high, qualifier, unit))
    return out


_CLAUSE_BREAK_RE = re.compile(r"[.;:!?\n]")
_LIST_NUMBER_RE = re.compile(r"[.)][ \t]")  # "1. personnel": an item's number, at the start of its line
# "2. tanks: 12", "- artillery systems: 40": a list item whose label names what its figure counts
_ITEM_LABEL_RE = re.compile(
    r"^[ \t]*(?:(?:[-•*–—▪►]|\d{1,3}[.)])[ \t]+)?([A-Za-z][A-Za-z' -]{0,40}?)[ \t]*:[ \t]*$")
_HYPHEN_WORD_RE = re.compile(r"-([A-Za-z]+)")
_FRACTION_RE = re.compile(r"[\s-](half|halve|halves|thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)
_IN_NEXT_RE = re.compile(r"\s+(?:in|out\s+of)\s+\w", re.IGNORECASE)
_ONE_IN_RE = re.compile(r"\b(?:one|1)\s+(?:in|out\s+of)\s+$", re.IGNORECASE)
_DENOMINATORS = {"half": 2, "halve": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}


def _same_clause_run(text: str, prev_end: int, start: int) -> bool:
    """Two numbers close together with no sentence break between share a unit when one lacks it."""
    return start - prev_end <= 60 and not _CLAUSE_BREAK_RE.search(text, prev_end, start)


def _shouted(tok: Token) -> bool:
    """A sentence in capitals, where the tagger reads every word as a name."""
    words = [t for t in tok.sent if t.is_alpha]
    return len(words) >= 3 and all(t.is_upper for t in words)


def _after_name(sdoc: SpacyDoc | None, start: int) -> bool:
    """A bare number right after a proper noun labels it rather than counting."""
    tok = token_at(sdoc, start)
    if tok is None or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if _shouted(tok):
        return False  # "UKRAINE SAYS IT DOWNED 50 DRONES": a shouted headline, every word tagged a name
    return prev.pos_ == "PROPN" and prev.idx + len(prev.text) == start - 1
