"""When a claim was made: a date and, in live blogs, a time of day.

A figure reported on Sunday and another on Monday are not rival figures for
one moment but a count that moved; the reporting time is read from the
attribution's resolved dates, else from weekday or day-month words in its
sentence (resolved against publication), else publication day. A live-blog
entry's "HH:MM" stamp orders claims inside one day.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from claimgraph.link.lexicon import link_lexicon
from claimgraph.model import Attribution, Document

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAY_RE = re.compile(
    r"\b(on|late|early|by|until|as of)?\s*(" + "|".join(WEEKDAYS) + r")\b(?!'s| \w+'s)", re.I
)
DAY_MONTH_RE = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\b|\b(" + "|".join(MONTHS) + r")\s+(\d{1,2})\b", re.I
)
DAY_PART_RE = re.compile(r"\b(" + "|".join(link_lexicon()["day_parts"]) + r")\b")
HEADING_MAX_WORDS = 6
HEADING_RE = re.compile(
    r"\W*(?:(?:" + "|".join(WEEKDAYS + MONTHS) + r")\b|\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\b)", re.I
)
STAMP_RE = re.compile(r"^\s*(?:\[)?(\d{1,2})[:.](\d{2})\b")


PUBLISHED_TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})")


SENTENCES_BACK = 12  # how far back in a paragraph a day or a time of day is looked for
SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9][.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")


def parse_date(s: str | None) -> dt.date | None:
    if not s or len(s) < 10:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentences holding the span, the cue and source words included: within its line (paragraph),
    from the sentence where the span starts to the end of the one where it ends ("By midday the
    ministry said five had died. On Friday evening X said seven": each figure keeps its own time)."""
    if start < 0:
        return ""
    a, line, cuts = _line_of(text, start, end)
    k = bisect_right(cuts, start - a)
    lo = cuts[k - 1] if k else 0
    k = bisect_right(cuts, end - a)
    hi = cuts[k] if k < len(cuts) else len(line)
    return line[lo:hi]


def _line_of(text: str, start: int, end: int) -> tuple[int, str, list[int]]:
    """(where the line holding start..end begins, the line, where its sentences after the first begin)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = b if b >= 0 else len(text)
    return a, text[a:b], _sentence_cuts(text, a, b)


@lru_cache(maxsize=1024)
def _sentence_cuts(text: str, a: int, b: int) -> list[int]:
    """Where the sentences of text[a:b] after the first begin: read once per paragraph, not once per
    claim in it (a paragraph of thousands of claims would otherwise cost their square)."""
    return [m.end() - a for m in SENTENCE_END_RE.finditer(text, a, b)]


def sentences_before(text: str, start: int, most: int = SENTENCES_BACK) -> list[str]:
    """The earlier sentences of the span's line (paragraph), nearest first, at most `most`: a
    narrative's "On Thursday the alliance published its toll. ... wrote that nine had died" keeps
    Thursday for what follows."""
    if start < 0:
        return []
    a, line, cuts = _line_of(text, start, start)
    k = bisect_right(cuts, start - a)  # cuts[k - 1] is where the span's own sentence starts
    starts = [0, *cuts[:k]][-(most + 1):]
    return [line[lo:hi] for lo, hi in reversed(list(zip(starts, starts[1:], strict=False)))]


def event_date(att: Attribution, doc: Document) -> dt.date | None:
    """The day the claim speaks for: a resolved day in the claim, a named day, or publication."""
    pub = parse_date(doc.published)
    days = [x for x in (parse_date(d.value) for d in att.dates if d.precision == "day") if x]
    if days:  # "Friday night's attack ... rose to 133 on Saturday": the latest day named, up to publication
        return max((x for x in days if not pub or x <= pub), default=min(days))
    line = sentence_around(doc.text, att.content.start, att.content.end)
    if pub and line:
        # from an earlier sentence, the day of its telling ("On Thursday X published ...") before the
        # dates of what it tells ("clashes from July 25 to 27")
        before = sentences_before(doc.text, att.content.start)
        earlier = (_day_named(s, pub, weekday_first=True) for s in before)
        return _day_named(line, pub) or next((d for d in earlier if d), None) \
            or _day_named(_heading_above(att, doc), pub) or pub
    return pub


def _heading_above(att: Attribution, doc: Document) -> str:
    """The nearest short line above the claim, when it is a date heading; else ''.

    Timelines and live blogs put the day on a line of its own ("Sunday, March 24")
    and list what each source said under it without naming the day again.
    """
    if att.content.start < 0:
        return ""
    b = doc.text.rfind("\n", 0, att.content.start)
    while b > 0:
        a = doc.text.rfind("\n", 0, b) + 1
        line = doc.text[a:b].strip()
        if line and len(line.split()) <= HEADING_MAX_WORDS and not line.endswith((".", '"', ":")):
            return line if HEADING_RE.match(line) else ""
        b = a - 1
    return ""


def _day_named(line: str, pub: dt.date, weekday_first: bool = False) -> dt.date | None:
    """A day-month or weekday named in `line`, resolved to the last such day not after `pub`."""
    weekday = WEEKDAY_RE.search(line) if line and weekday_first else None
    if weekday is not None:
        return _day_named(weekday.group(0), pub)
    if line:
        m = DAY_MONTH_RE.search(line)
        if m:
            day = int(m.group(1) or m.group(4))
            month = MONTHS.index((m.group(2) or m.group(3)).lower()) + 1
            try:
                d = dt.date(pub.year, month, day)
                return d if d <= pub else dt.date(pub.year - 1, month, day)
            except ValueError:
                pass
        found = list(WEEKDAY_RE.finditer(line))
        m = next((x for x in found if x.group(1)), found[0] if found else None)
        if m:
            want = WEEKDAYS.index(m.group(2).lower())
            back = (pub.weekday() - want) % 7
            return pub - dt.timedelta(days=back)
    return None


def time_of_day(att: Attribution, doc: Document) -> int | None:
    """Minutes after midnight: the live-blog stamp above the claim, else a day part named in its line."""
    if att.content.start < 0:
        return None
    stamp = _stamp_above(att, doc)
    if stamp is not None:
        return stamp
    parts = link_lexicon()["day_parts"]
    own = sentence_around(doc.text, att.content.start, att.content.end)
    for i, line in enumerate([own, *sentences_before(doc.text, att.content.start)]):
        line = line.lower()
        found = [m for m in DAY_PART_RE.finditer(line) if not line[m.end() : m.end() + 2].startswith("'")]
        if found:  # "Friday night's attack" names the event; in an earlier sentence the last part named
            return parts[(found[0] if i == 0 else found[-1]).group(1)]
    return published_time(doc.published)


def published_time(published: str | None) -> int | None:
    """Minutes after midnight of a publication stamp with a time ("2025-02-01T15:00"): with nothing
    said in the text, a figure is as recent as the report that gives it."""
    m = PUBLISHED_TIME_RE.match(published or "")
    if m is None or int(m.group(1)) >= 24 or int(m.group(2)) >= 60:
        return None
    return int(m.group(1)) * 60 + int(m.group(2))


def _stamp_above(att: Attribution, doc: Document) -> int | None:
    a = doc.text.rfind("\n", 0, att.content.start) + 1
    while a >= 0:
        m = STAMP_RE.match(doc.text[a : a + 8])
        if m:
            h, mi = int(m.group(1)), int(m.group(2))
            return h * 60 + mi if h < 24 and mi < 60 else None
        if a == 0:
            return None
        a = doc.text.rfind("\n", 0, a - 1) + 1
    return None
