"""Dates in a claim, resolved against the article's publication date.

"On Monday", "Oct.14" and "last week" only mean something relative to when the
article appeared; linking needs them as calendar dates to tell an update from a
conflict. The common forms are resolved here by one compiled regex and date
arithmetic (fast); dateparser is kept as a cached fallback for odd spaCy DATE
entities that carry a digit.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc

from claimgraph.extract.lexicon import (
    anchored_matches,
    doc_ents,
    hint_positions,
    parses,
    per_doc,
    span_root,
    tokens_in,
    within,
)
from claimgraph.model import DateMention, Span

_MONTH_NUM = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None,
                 "a few": None, "few": None}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MON = rf"(?P<{{g}}>{_MONTH})\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"
_PERIOD = (r"(?:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|spring|summer|autumn|fall"
           r"|winter|first\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter)\s+of\s+|(?:early|late|mid)[-\s])")
_NUMWORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|few)"
_PREP_BEFORE_MONTH = (r"(?:in|since|by|until|till|from|during|before|after|through|early|late|mid|of"
                      r"|last|this|next)")

_PATTERN = "|".join([
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)",
    rf"(?P<mdy>{_MON.format(g='m1')}\s*{_DAY.format(g='d1')}(?:,?\s+{_YEAR.format(g='y1')})?)(?![\w:])",
    rf"(?P<dmy>{_DAY.format(g='d2')}\s+(?:of\s+)?{_MON.format(g='m2')}(?:,?\s+{_YEAR.format(g='y2')})?)(?![\w])",
    rf"(?P<my>(?:{_PERIOD})?{_MON.format(g='m3')},?\s+{_YEAR.format(g='y3')})(?![\w])",
    rf"(?P<ago>(?P<an>{_NUMWORD})\s+(?P<au>day|week|month|year)s?\s+ago)(?![\w])",
    r"(?P<wd>(?:(?P<wmod>last|this|next|previous|past)\s+)?"
    r"(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?![\w])",
    r"(?P<rel>(?:the\s+day\s+before\s+yesterday|today|yesterday|tomorrow|tonight|last\s+night"
    r"|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+this\s+(?:week|month|year)"
    r"|(?P<rmod>last|this|next|previous|coming)\s+(?P<runit>week|weekend|month|year)))(?![\w])",
    rf"(?P<yr>(?:{_PERIOD})?{_YEAR.format(g='y4')})(?![\w])",
    rf"(?P<mo>(?:(?P<mmod>last|this|next|early|late|mid)[-\s]+)?{_MON.format(g='m4')})(?![\w])",
])
_DATE_RE = re.compile(rf"(?<![\w]){'(?:' + _PATTERN + ')'}", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z]")
# every date form holds a digit or one of these words: a cheap test before the full regex
_HINT_RE = re.compile(r"\b\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday"
                      r"|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|day|week|weekend|month"
                      r"|year|night|morning|afternoon|evening)", re.IGNORECASE)
_DURATION_RE = re.compile(r"^(?:the\s+)?(?:past|last|next|previous|coming)?\s*\S+\s+"
                          r"(?:day|week|month|year|hour|minute)s?$", re.IGNORECASE)
# only spans naming a year or a month the regex could not read are worth dateparser's time
_FALLBACK_WORTHY = re.compile(rf"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\b{_MONTH}\b")
_GOVERNING_DEPS = {"prep", "pobj", "npadvmod", "tmod", "advmod", "nmod", "compound", "amod", "nummod"}


@lru_cache(maxsize=256)
def parse_published(published: str | None) -> date | None:
    """The publication day of an ISO date or datetime string."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _month(word: str) -> int:
    return _MONTH_NUM[word.lower()[:3]]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _count(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    return int(w) if w.isdigit() else _NUMBER_WORDS.get(w)


def _resolve(m: re.Match[str], pub: date | None) -> tuple[str | None, str] | None:
    """(ISO value or None, precision) of one match; None where the match is not a date."""
    g = m.group
    if g("iso"):
        d = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        return (d.isoformat(), "day") if d else None
    if g("mdy") or g("dmy"):
        mon, day, year = (g("m1"), g("d1"), g("y1")) if g("mdy") else (g("m2"), g("d2"), g("y2"))
        if not _CAPITALISED.match(mon):
            return None
        month, dd = _month(mon), int(day)
        if year:
            d = _safe_date(int(year), month, dd)
            return (d.isoformat(), "day") if d else None
        if not 1 <= dd <= 31:
            return None
        if pub is None:
            return None, "day"
        d = _safe_date(pub.year, month, dd)
        if d and d > pub:
            d = _safe_date(pub.year - 1, month, dd)
        return (d.isoformat() if d else None), "day"
    if g("my"):
        if not _CAPITALISED.match(g("m3")):
            return None
        return f"{int(g('y3')):04d}-{_month(g('m3')):02d}", "month"
    if g("ago"):
        n = _count(g("an"))
        unit = g("au").lower()
        precision = unit if unit != "year" else "year"
        if pub is None or n is None:
            return None, precision
        if unit == "day":
            return (pub - timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return _week_start(pub - timedelta(weeks=n)).isoformat(), "week"
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{pub.year - n:04d}", "year"
    if g("wd"):
        if not _CAPITALISED.match(g("wday")):
            return None
        if pub is None:
            return None, "day"
        target = _WEEKDAYS.index(g("wday").lower())
        back = (pub.weekday() - target) % 7
        mod = (g("wmod") or "").lower()
        if mod == "next":
            return (pub + timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat(), "day"
        if not mod and _FUTURE_BEFORE.search(m.string[max(0, m.start() - 48):m.start()]):
            return (pub + timedelta(days=(target - pub.weekday()) % 7)).isoformat(), "day"
        ahead = (target - pub.weekday()) % 7
        before = m.string[max(0, m.start() - 48):m.start()]
        if not mod and ahead and ahead < back and _WOULD_BEFORE.search(before):
            # "said Witkoff would meet Putin on Thursday": a future seen from the past, the nearer Thursday
            return (pub + timedelta(days=ahead)).isoformat(), "day"
        if mod in ("last", "previous", "past") and back == 0:
            back = 7
        return (pub - timedelta(days=back)).isoformat(), "day"
    if g("rel"):
        return _resolve_relative(g("rel"), g("rmod"), g("runit"), pub)
    if g("yr"):
        return g("y4"), "year"
    if g("mo"):
        mon = g("m4")
        introduced = bool(g("mmod")) or _after_prep(m)
        if not _CAPITALISED.match(mon) or (mon.lower() == "may" and not introduced):
            return None
        if len(mon) <= 3 and not introduced:
            return None  # "Mar", "Jan" alone are as often names as months
        if pub is None:
            return None, "month"
        month = _month(mon)
        mod = (g("mmod") or "").lower()
        y = pub.year
        if mod == "next":
            y = pub.year + (1 if month <= pub.month else 0)
        elif mod == "last":
            y = pub.year - (1 if month >= pub.month else 0)
        elif mod != "this" and month > pub.month:
            y = pub.year - 1
        return f"{y:04d}-{month:02d}", "month"
    return None


# words before a weekday that put it ahead of the publication date ("will meet on Monday")
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|'ll|(?:is|are) (?:expected|due|scheduled|set|going) to|could be|may be|might be"
    r"|as early as|no later than|plans? to|scheduled for)\b(?:\s+[^\s.;!?,]+){0,4}\s*$", re.IGNORECASE)


_WOULD_BEFORE = re.compile(r"\b(?:would|was (?:expected|due|scheduled|set|going) to|were (?:expected|due|"
                           r"scheduled|set|going) to)\b(?:\s+[^\s.;!?,]+){0,4}\s*$", re.IGNORECASE)


def _after_prep(m: re.Match[str]) -> bool:
    """A bare month name counts where a preposition introduces it ("in May"), not the modal "may"."""
    before = m.string[max(0, m.start() - 12): m.start()].split()
    return bool(before) and re.fullmatch(_PREP_BEFORE_MONTH, before[-1], re.IGNORECASE) is not None


def _resolve_relative(
    text: str, mod: str | None, unit: str | None, pub: date | None
) -> tuple[str | None, str]:
    t = re.sub(r"\s+", " ", text.lower())
    if unit:
        unit = unit.lower()
        mod = (mod or "").lower()
        step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[mod]
        precision = "week" if unit in ("week", "weekend") else unit
        if pub is None:
            return None, precision
        if unit in ("week", "weekend"):
            return _week_start(pub + timedelta(weeks=step)).isoformat(), "week"
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, step)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{pub.year + step:04d}", "year"
    if t.startswith(("earlier this", "later this")):
        unit = t.split()[-1]
        if pub is None:
            return None, unit
        if unit == "week":
            return _week_start(pub).isoformat(), "week"
        if unit == "month":
            return f"{pub.year:04d}-{pub.month:02d}", "month"
        return f"{pub.year:04d}", "year"
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
              "the day before yesterday": -2}.get(t, 0)
    if pub is None:
        return None, "day"
    return (pub + timedelta(days=offset)).isoformat(), "day"


@lru_cache(maxsize=512)
def _fallback(text: str, published: str | None) -> tuple[str | None, str] | None:
    """dateparser on a short odd span; cached, and only reached for entities the regex missed."""
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    pub = parse_published(published)
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    elif not re.search(r"\d{4}", text):
        return None
    try:
        result = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return (result.date().isoformat(), "day") if result else None


def dates_in(text: str, start: int, end: int, published: str | None,
             sdoc: SpacyDoc | None = None) -> list[DateMention]:
    """Every date expression in text[start:end], resolved against `published`.

    With the parse at hand the whole text is scanned once and each call picks its range."""
    if (start, end) != (0, len(text)) and parses(sdoc, text):
        found = per_doc(sdoc, f"dates:{published}",
                        lambda: _with_starts(dates_in(text, 0, len(text), published, sdoc)))
        return within(found[1], found[0], start, end)
    pub = parse_published(published)
    out: list[DateMention] = []
    for m in _scan(text, start, end, sdoc):
        resolved = _resolve(m, pub)
        if resolved is None:
            continue
        out.append(DateMention(Span.of(text, m.start(), m.end()), resolved[0], resolved[1]))
    return out


def _is_hint(word: str) -> bool:
    return _HINT_RE.match(word) is not None or any(c.isdigit() for c in word)


def _scan(text: str, start: int, end: int, sdoc: SpacyDoc | None = None) -> list[re.Match[str]]:
    """Date matches in text[start:end], tried only around hint words (a digit, a month, "week")."""
    hints: re.Pattern[str] | list[int] = _HINT_RE
    if sdoc is not None and parses(sdoc, text):
        hints = hint_positions(sdoc, "dates", _is_hint)
    return anchored_matches(_DATE_RE, hints, text, start, end, words_back=4)


def _with_starts(items: list[DateMention]) -> tuple[list[int], list[DateMention]]:
    return [d.span.start for d in items], items


def entity_dates(sdoc: SpacyDoc | None, text: str, start: int, end: int, published: str | None,
                 taken: list[DateMention]) -> list[DateMention]:
    """spaCy DATE entities in the range that the regex did not cover: resolved by the fallback."""
    if sdoc is None:
        return []
    out = []
    date_ents = per_doc(sdoc, "date_ents", lambda: [e for e in doc_ents(sdoc) if e.label_ == "DATE"])
    for ent in date_ents:
        if ent.end_char <= start or ent.start_char >= end:
            continue
        if any(d.span.start < ent.end_char and ent.start_char < d.span.end for d in taken):
            continue
        et = ent.text
        if len(et) > 40 or not _FALLBACK_WORTHY.search(et) or _DURATION_RE.match(et) or _DATE_RE.search(et):
            continue
        resolved = _fallback(et, published)
        if resolved is not None:
            out.append(DateMention(Span.of(text, ent.start_char, ent.end_char), *resolved))
    return out


def governs(sdoc: SpacyDoc | None, span_start: int, span_end: int, cue_start: int, cue_end: int) -> bool:
    """True where the date phrase attaches (through a preposition) to the cue's verb: "said on Monday"."""
    if sdoc is None:
        return False
    root = span_root(tokens_in(sdoc, span_start, span_end))
    steps = 0
    while root is not None and steps < 4:
        if cue_start <= root.idx < cue_end:
            return True
        if root.head.i == root.i or root.dep_ not in _GOVERNING_DEPS:
            return False
        root = root.head
        steps += 1
    return root is not None and cue_start <= root.idx < cue_end
