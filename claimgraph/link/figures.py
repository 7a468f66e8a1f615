"""Figures in a claim: each number with its bounds and what it counts.

Two claims can only disagree about a figure when they count the same thing, so
every number carries a `measure` (dead, injured, ...) and the group of the
noun it counts (people, children, ...), both read from words near it. The
figures are read from the claim text itself, so linking does not depend on
how far enrichment has got.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from claimgraph.link.lexicon import link_lexicon, quantity_words

# "more than 60 killed" is not read as compatible with 115: news rounds down to a near figure
OPEN_ABOVE = 1.5
ABOUT_MAX = 0.15  # "about N" reaches at most this share of N either way ...
ABOUT_MIN = 0.05  # ... and at least this share, or the place N is rounded to, whichever is more
COORDINATORS = {"and", "but", "while", "whereas"}
ACROSS_COORDINATOR = 6  # the extra distance of a measure word on the far side of one
MEASURE_BEFORE = 14  # "the death toll from Friday night's assault on the hall rose to 133"
NAME_STEM = 4  # "Mali" and "Malian" name one side
EPISODE_AFTER = 8  # "killed 50 Wagner fighters and 10 Malian soldiers in an ambush"
OWN_WINDOW = 8  # "had lost seven fighters, with 12 wounded": both figures are its own losses
MORE_WINDOW = 14  # "three more bodies had been recovered from the building and two people had died"
TOTAL_WORDS = {"toll", "total", "now", "overall", "altogether"}
TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:'[a-z]+)?|[%$€£₽]")


@dataclass(frozen=True)
class Figure:
    """A number as an interval, with what it counts."""

    value: float
    low: float
    high: float
    qualifier: str
    measure: str  # '' when nothing near it says what is counted
    noun: str  # count-noun group, '' when none
    own: bool = False  # the speaker's own losses ("we lost 7"), not those it inflicted or counts
    whose: str = ""  # the name before the counted noun ("47 Malian soldiers"): '' when none
    episode: bool = False  # counts one episode of the event ("in an ambush"): a part of any total
    word: str = ""  # the counted noun as written, singular ("soldier")

    @cached_property
    def key(self) -> tuple[str, str]:
        """What is counted: the noun group too (children vs people, missiles vs drones), people by default.

        A side's count of its own losses and its count of the enemy's are different things.
        Cached: linking compares the same figures many times over.
        """
        own = " (own)" if self.own else ""
        if self.own and not self.noun or self.own and self.noun in ("combatants", "people"):
            return (self.measure, "own")  # a side's own losses: "lost seven fighters", "lost nine dead"
        if self.measure in link_lexicon()["person_measures"]:
            return (self.measure, (self.noun or "people") + own)
        return (self.measure, self.noun + own)  # "12 missiles" and "40 drones" launched are two counts

    def text(self) -> str:
        words = {
            "about": "about ",
            "at_least": "at least ",
            "more_than": "more than ",
            "at_most": "up to ",
            "less_than": "fewer than ",
            "range": "",
            "exact": "",
        }
        v = f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:g}"
        if self.qualifier == "range":
            return f"{self.low:,.0f}-{self.high:,.0f}"
        return f"{words.get(self.qualifier, '')}{v}"


@lru_cache(maxsize=1)
def _tables() -> dict:
    qw = quantity_words()
    lex = link_lexicon()
    qual = {}
    for kind, phrases in qw["qualifiers"].items():
        for p in phrases:
            qual[tuple(p.lower().split())] = kind
    measures = []
    for name, phrases in lex["measures"].items():
        for p in phrases:
            measures.append((tuple(p.lower().split()), name))
    nouns = {w: g for g, ws in lex["count_nouns"].items() for w in ws}
    vague = [(tuple(v["phrase"].lower().split()), v["low"], v["high"]) for v in qw["vague"]]
    partial_after = [tuple(p.split()) for p in lex["partial_after"]]
    partial_before = [tuple(p.split()) for p in lex["partial_before"]]
    measures_by_first: dict[str, list] = {}
    for phrase, name in measures:
        measures_by_first.setdefault(phrase[0], []).append((phrase, name))
    vague_by_first: dict[str, list] = {}
    for v in vague:
        vague_by_first.setdefault(v[0][0], []).append(v)
    return {
        "units": qw["units"],
        "tens": qw["tens"],
        "mult": qw["multipliers"],
        "qual": qual,
        "measures": measures,
        "nouns": nouns,
        "vague": vague,
        "partial_after": partial_after,
        "partial_verbs": set(lex["partial_verbs"]),
        "partial_before": partial_before,
        "vague_by_first": vague_by_first,
        "measures_by_first": measures_by_first,
        "skip_before": set(qw.get("skip_before", [])),
        "skip_after": set(qw.get("skip_after", [])),
        "span_units": set(lex["span_units"]),
        "counted_places": set(lex["counted_places"]),
        "own_loss": set(lex["own_loss_cues"]),
        "whole_after": set(lex["whole_after"]),
        "months": set(lex["months"]),
        "episodes": [tuple(p.split()) for p in lex["episodes"]],
        "not_its_own": [tuple(p.split()) for p in lex["rejected_before"] + lex["earlier_figure_before"]],
    }


def _number_at(toks: list[str], i: int, t: dict) -> tuple[float, int] | None:
    """The number starting at token i and the index after it, or None."""
    w = toks[i]
    val: float | None = None
    j = i
    if w[0].isdigit():
        try:
            val = float(w.replace(",", ""))
        except ValueError:
            return None
        j = i + 1
    elif w == "half" and i + 2 < len(toks) and toks[i + 1] == "a" and toks[i + 2] in t["mult"]:
        return 0.5 * t["mult"][toks[i + 2]], i + 3
    elif w in t["units"] or w in t["tens"] or w == "dozen":
        val = 0.0
        # "twenty two" is one number; "six, two of them" (the comma is gone) two: a unit ends it
        while j < len(toks) and (toks[j] in t["units"] or toks[j] in t["tens"]):
            val += t["units"].get(toks[j], 0) + t["tens"].get(toks[j], 0)
            j += 1
            if toks[j - 1] in t["units"]:
                break
        if j == i and w == "dozen":
            return 12.0, i + 1
        if w == "one" and not (j < len(toks) and toks[j] in t["mult"] and toks[j] not in ("b", "m", "k")):
            return None  # "one of", "one person" is rarely a figure worth comparing
    else:
        return None
    while j < len(toks) and toks[j] in t["mult"] and len(toks[j]) > 2:
        val = (val or 1.0) * t["mult"][toks[j]]
        j += 1
    return (val, j) if val is not None else None


RISE_TO = {("rose", "to"), ("risen", "to"), ("climbed", "to"), ("increased", "to"), ("grew", "to"),
           ("jumped", "to"), ("stood", "at"), ("stands", "at"), ("is", "now"), ("now", "at")}


def _measure_near(toks: list[str], i: int, j: int, t: dict) -> str:
    """The measure word nearest the number (a few words before, more after); one across a
    coordinator counts as further ("three were killed and nine were injured": nine are injured)."""
    best, best_d = "", 99
    lo, hi = max(0, i - MEASURE_BEFORE), min(len(toks), j + 10)
    risen = i >= 2 and tuple(toks[i - 2:i]) in RISE_TO or i >= 1 and toks[i - 1] in ("reached", "hit")
    if risen:
        lo = max(0, i - 24)  # "the death toll from the strike on X on Saturday rose to 11": the toll far back
    for k in range(lo, hi):
        for phrase, name in t["measures_by_first"].get(toks[k], ()):
            if tuple(toks[k : k + len(phrase)]) == phrase:
                d = (i - k) if k < i else (k - j + 1)
                between = toks[k + len(phrase):i] if k < i else toks[j:k]
                if any(w in COORDINATORS for w in between):
                    d += ACROSS_COORDINATOR
                elif risen and k < i:
                    d = min(d, 2)  # what rose is named before "rose to", however far back
                if d < best_d:
                    best, best_d = name, d
    return best


def _noun_after(toks: list[str], j: int, t: dict) -> str:
    return t["nouns"].get(_noun_word(toks, j, t), "")


def _noun_word(toks: list[str], j: int, t: dict) -> str:
    """The counted noun; of two in a row the second, the head ("missing-person reports")."""
    for k in range(j, min(len(toks), j + 5)):
        if toks[k] in t["nouns"]:
            return toks[k + 1] if k + 1 < len(toks) and toks[k + 1] in t["nouns"] else toks[k]
    return ""


def _whose(orig: list[str], j: int, t: dict) -> str:
    """The capitalised name right between a number and its counted noun, stemmed ("Malian" -> "mali").

    "84 Wagner mercenaries" and "47 Malian soldiers" count two sides; "two
    soldiers" names none and may stand for either.
    """
    k = j
    while k < len(orig) and orig[k][:1].isupper() and orig[k].lower() not in t["nouns"]:
        k += 1
    if k == j or k >= len(orig) or orig[k].lower() not in t["nouns"]:
        return ""
    return " ".join(w.lower()[:NAME_STEM] for w in orig[j:k])


def _episode(toks: list[str], j: int, t: dict) -> bool:
    """An episode phrase soon after the figure: "killed 50 fighters in an ambush" counts a part."""
    return any(
        tuple(toks[k : k + len(p)]) == p
        for p in t["episodes"]
        for k in range(j, min(len(toks), j + EPISODE_AFTER))
    )


def _is_total(toks: list[str], i: int, t: dict) -> bool:
    """The number after "of" in "two of (the) four", "each of the four": a whole, not a count.

    A number or a quantifier ("each", "all") just before "of" counts a part of it;

    "a total of 551 people" or "the lives of 107 people" have neither, so
    the figure there is a count in its own right.
    """
    k = i - 1
    if k >= 0 and toks[k] == "the":
        k -= 1
    if k < 0 or toks[k] != "of":
        return False
    before = range(max(0, k - 2), k)
    return any(_number_at(toks, m, t) or toks[m] in t["whole_after"] for m in before)


def _rounding(val: float) -> float:
    """The place a number is rounded to: 670 -> 10, 1,500 -> 100, 20 -> 10, 145 -> 1."""
    unit = 1.0
    while val >= unit * 10 and val % (unit * 10) == 0:
        unit *= 10
    return unit


def _bounds(val: float, qual: str) -> tuple[float, float]:
    if qual == "about":
        # "about 670" is rounded to tens: it stays near 670; "about 20" may be 17 or 23
        spread = min(ABOUT_MAX * val, max(_rounding(val), ABOUT_MIN * val))
        return val - spread, val + spread
    if qual in ("at_least", "more_than"):
        return val, val * OPEN_ABOVE
    if qual in ("at_most", "less_than"):
        return 0.0, val
    return val, val


def read_figures(text: str) -> list[Figure]:
    """Every countable number in `text`, years and labels left out."""
    t = _tables()
    orig = TOKEN.findall(text)
    toks = [w.lower() for w in orig]
    out: list[Figure] = []
    last_part, last_end, whole_measure = False, -9, ""
    more_at, more_measure = -99, ""
    i = 0
    while i < len(toks):
        vague = next(
            (
                (p, lo, hi)
                for p, lo, hi in t["vague_by_first"].get(toks[i], ())
                if tuple(toks[i : i + len(p)]) == p
            ),
            None,
        )
        if vague:
            p, lo, hi = vague
            j = i + len(p)
            out.append(
                Figure((lo + hi) / 2, lo, hi, "range", _measure_near(toks, i, j, t), _noun_after(toks, j, t))
            )
            i = j
            continue
        got = _number_at(toks, i, t)
        if not got:
            i += 1
            continue
        val, j = got
        prev = toks[i - 1] if i else ""
        nxt = toks[j] if j < len(toks) else ""
        is_year = toks[i].isdigit() and 1900 <= val <= 2100 and "," not in toks[i]
        total = _is_total(toks, i, t)  # "two of the four": 4 is the whole, not a count of its own
        age = toks[j : j + 2] == ["year", "old"] or toks[j : j + 3] == ["years", "old"]  # "a 60-year-old"
        span = nxt in t["span_units"]  # "in two days of fighting": how long, not how many
        span = span or prev in t["months"] or nxt in t["months"]  # "as of March 29": a date
        span = span or nxt in t["counted_places"]  # "drones downed over nine regions": where, not how many
        # "14 were killed, not nine (as Russian media claimed)": a figure the claim rejects is not its own
        # and "11,000, up from 3,000 last week", "rose from 3,000 to 11,000": the figure this one replaces
        rejected = any(tuple(toks[i - len(p) : i]) == p for p in t["not_its_own"] if i >= len(p))
        rejected = rejected or (prev == "from" and _runs_to(toks, j, t))
        if is_year or total or age or span or rejected or prev in t["skip_before"] or nxt in t["skip_after"]:
            i = j
            continue
        qual = "exact"
        for n in (3, 2, 1):
            if i - n >= 0 and tuple(toks[i - n : i]) in t["qual"]:
                qual = t["qual"][tuple(toks[i - n : i])]
                break
        lo, hi = _bounds(val, qual)
        # "wounded six, two of them children": "of them" after the next number is that number's
        after = range(j, min(len(toks), j + 2)) if j == len(toks) or not _number_at(toks, j, t) else ()
        part = (
            # one word right after it ("14 more"), a phrase a word later too ("62 people, of whom")
            any(
                tuple(toks[k : k + len(p)]) == p
                for p in t["partial_after"]
                for k in after
                if len(p) > 1 or k == j
            )
            or any(w in t["partial_verbs"] for w in toks[j : j + 5])
            or any(
                tuple(toks[k : k + len(p)]) == p for p in t["partial_before"] for k in range(max(0, i - 3), i)
            )
            # "including 500 officers and three generals": the list of parts goes on ("and 40 were
            # injured" starts a measure of its own)
            or (last_part and toks[i - 1 : i] == ["and"] and 0 < i - last_end <= 3
                and _measure_near(toks, i, j, t) == whole_measure)
        )
        last_part, last_end = part, j
        measure = "" if part else _measure_near(toks, i, j, t)  # "62 bodies identified": a part, not the toll
        if not part:
            whole_measure = measure
        if part and toks[j : j + 1] == ["more"]:  # "three more bodies": what follows adds to it too
            more_at, more_measure = j, _measure_near(toks, i, j, t)
        elif (not part and more_measure and measure == more_measure and 0 < i - more_at <= MORE_WINDOW
              and not any(w in TOTAL_WORDS for w in toks[more_at:i])):
            part, measure = True, ""  # "three more bodies were found and two people died in hospital"
        own = any(w in t["own_loss"] for w in toks[max(0, i - OWN_WINDOW) : i])
        word = _noun_word(toks, j, t)
        noun, word = t["nouns"].get(word, ""), _one(word)
        if not word and toks[j : j + 2] in (["of", "which"], ["of", "them"], ["of", "those"]) and out:
            noun, word = out[-1].noun, out[-1].word  # "12 missiles, seven of which were shot down"
        side, episode = _whose(orig, j, t), _episode(toks, j, t)
        out.append(Figure(val, lo, hi, qual, measure, noun, own, side, episode, word))
        i = j
    return out


def _runs_to(toks: list[str], j: int, t: dict) -> bool:
    """Whether the number ending at `j` is the start of a change "from N (units) to M"."""
    for k in range(j, min(len(toks), j + 3)):
        if toks[k] == "to":
            return _number_at(toks, k + 1, t) is not None
    return False


def _one(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def same_side(a: Figure, b: Figure) -> bool:
    """Both name the same side ("47 Malian soldiers", "10 Malian soldiers"), or neither names one.

    A count naming no side stands for a named one only in the same words:
    "two soldiers" may be "47 Malian soldiers", not "20 Wagner fighters".
    """
    if a.whose and b.whose:
        return a.whose == b.whose
    if a.whose or b.whose:
        return not a.word or not b.word or a.word == b.word
    return True


def comparable(a: Figure, b: Figure) -> bool:
    """Both count the same thing; a figure with no counted noun (or no side) may stand for any."""
    if not a.measure or a.measure != b.measure or not same_side(a, b):
        return False
    distinct = link_lexicon()["distinct_nouns"]
    if a.noun in distinct or b.noun in distinct:
        return a.noun == b.noun
    return a.key == b.key or not a.noun or not b.noun


def disjoint(a: Figure, b: Figure) -> bool:
    """True when no single value satisfies both figures.

    A count for one episode ("50 killed in an ambush") is a part of a
    total: it only contradicts a total smaller than itself; two episodes are
    not compared at all.
    """
    if a.episode or b.episode:
        if a.episode and b.episode:
            return False
        part, whole = (a, b) if a.episode else (b, a)
        return part.low > whole.high
    return (
        a.high < b.low
        or b.high < a.low
        or (a.qualifier == "more_than" and b.high <= a.value)
        or (b.qualifier == "more_than" and a.high <= b.value)
    )
