"""Word lists for enrichment, loaded once from claimgraph/data, and helpers to match them.

Domain knowledge lives in JSON so it can grow without touching code; this module
turns those lists into compiled regular expressions and gives the token lookups
the enrichment steps share, so each step stays a few plain functions.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple, TypeVar

import numpy
from spacy.attrs import IDX, LOWER, SENT_START
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

T = TypeVar("T")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_QUOTES_RE = re.compile("[\"\u201c\u201d\u00ab\u00bb\u201e]")
_SPACE_RE = re.compile(r"\s+")
_DEFENSE_RE = re.compile(r"\bdefense\b", re.IGNORECASE)


@cache
def load(name: str) -> dict[str, Any]:
    """One data file from claimgraph/data, parsed once per process."""
    with resources.files("claimgraph").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=16384)
def norm(text: str, lower: bool = True) -> str:
    """Text as names are compared: straight apostrophes, no quote marks, one spelling of defence."""
    text = _QUOTES_RE.sub("", text.translate(_APOSTROPHES))
    text = _DEFENSE_RE.sub(lambda m: "Defence" if m.group(0)[0] == "D" else "defence", text)
    text = _SPACE_RE.sub(" ", text).strip()
    return text.lower() if lower else text


def phrase_pattern(phrase: str) -> str:
    """Regex source for one phrase: any apostrophe, any run of spaces, `*` as any word ending."""
    out = []
    for ch in phrase:
        if ch in "'\u2019":
            out.append("['\u2019\u2018]")
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "*":
            out.append(r"\w*")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def phrases_regex(phrases: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation of whole-word phrases, longest first so the fullest phrase wins."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(phrase_pattern(p) for p in ordered) or "(?!x)x"
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)


CACHE_KEY = "_claimgraph_enrich"


def per_doc(sdoc: SpacyDoc, key: str, build: Callable[[], T]) -> T:
    """A value computed once per parsed document (kept in user_data until `forget` drops it)."""
    cache = sdoc.user_data.get(CACHE_KEY)
    if cache is None:
        cache = sdoc.user_data[CACHE_KEY] = {}
    if key not in cache:
        cache[key] = build()
    return cache[key]


def doc_text(sdoc: SpacyDoc) -> str:
    """The parsed text, joined once per document (spaCy rebuilds `Doc.text` token by token on every read)."""
    return per_doc(sdoc, "text", lambda: sdoc.text)


def remember_text(sdoc: SpacyDoc, text: str) -> None:
    """Seed `doc_text` with the string that was parsed, so it is never rebuilt at all."""
    if parses(sdoc, text):
        per_doc(sdoc, "text", lambda: text)


def forget(sdoc: SpacyDoc | None) -> None:
    """Drop the per-document cache, so the Doc stays serialisable."""
    if sdoc is not None:
        sdoc.user_data.pop(CACHE_KEY, None)


_WORD_START_RE = re.compile(r"(?<![^\s(\[\"\u201c\u2018'])\S")


_HINT_CACHE: dict[str, dict[int, bool]] = {}


def hint_positions(sdoc: SpacyDoc, name: str, is_hint: Callable[[str], bool]) -> list[int]:
    """Start offsets of the tokens whose lower-case form passes `is_hint`, once per document.

    Each distinct word is judged once per process (by its string hash), and the tokens are
    selected with numpy, so this costs far less than a regex run over the whole text."""
    def build() -> list[int]:
        lowers = sdoc.to_array(LOWER)
        seen = _HINT_CACHE.setdefault(name, {})
        strings = sdoc.vocab.strings
        good = []
        for h in numpy.unique(lowers).tolist():
            ok = seen.get(h)
            if ok is None:
                ok = seen[h] = is_hint(strings[h])
            if ok:
                good.append(h)
        if not good:
            return []
        return sdoc.to_array(IDX)[numpy.isin(lowers, good)].tolist()
    return per_doc(sdoc, "hints:" + name, build)


def anchored_matches(pattern: re.Pattern[str], hints: re.Pattern[str] | list[int], text: str, start: int,
                     end: int, words_back: int, lookback: int = 40) -> list[re.Match[str]]:
    """Non-overlapping matches of `pattern` in text[start:end], tried only where a hint fires (a
    regex, or the sorted hint offsets from `hint_positions`), starting at that word or up to
    `words_back` words before it (within a line).

    A large alternation run at every character is the slow part of enrichment; every form we
    look for contains a hint (a digit, a month, a number word), so this finds the same matches."""
    out: list[re.Match[str]] = []
    taken = start
    if isinstance(hints, list):
        positions = hints[bisect_left(hints, start): bisect_left(hints, end)]
    else:
        positions = [h.start() for h in hints.finditer(text, start, end)]
    for pos in positions:
        if pos < taken:
            continue
        if words_back:
            lo = max(taken, pos - lookback, text.rfind("\n", start, pos) + 1)
            starts = [w.start() for w in _WORD_START_RE.finditer(text, lo, pos)][-words_back:]
            starts.append(pos)
        else:
            starts = [pos]
        for s in starts:
            m = pattern.match(text, s, end)
            if m is not None and m.end() > pos:
                out.append(m)
                taken = m.end()
                break
    return out


def parses(sdoc: SpacyDoc | None, text: str) -> bool:
    """True where `sdoc` is the parse of `text` (so whole-text results can be shared)."""
    if sdoc is None or len(sdoc) == 0:
        return False

    def length() -> int:
        last = sdoc[-1]
        return last.idx + len(last.text_with_ws)
    return per_doc(sdoc, "text_length", length) == len(text)


def within(items: list, starts: list[int], start: int, end: int) -> list:
    """Items (sorted, with their start offsets in `starts`) lying wholly inside [start, end)."""
    i = bisect_left(starts, start)
    out = []
    while i < len(items) and starts[i] < end:
        if items[i].span.end <= end:
            out.append(items[i])
        i += 1
    return out


class Ent(NamedTuple):
    """A named entity as plain offsets, built once per document from the parse."""

    start_char: int
    end_char: int
    label_: str
    text: str


def doc_ents(sdoc: SpacyDoc) -> list[Ent]:
    """Every entity of the parse, in text order, read once per document."""
    return per_doc(sdoc, "ents", lambda: [Ent(e.start_char, e.end_char, e.label_, e.text) for e in sdoc.ents])


def token_starts(sdoc: SpacyDoc) -> list[int]:
    """Character offsets of every token, computed once per parsed document."""
    return per_doc(sdoc, "token_starts", lambda: sdoc.to_array(IDX).tolist())


def sentence_starts(sdoc: SpacyDoc) -> list[int]:
    """Character offsets where sentences begin (empty without a parser)."""
    def build() -> list[int]:
        if not sdoc.has_annotation("SENT_START") or len(sdoc) == 0:
            return []
        flags = sdoc.to_array(SENT_START)
        flags[0] = 1
        return sdoc.to_array(IDX)[flags == 1].tolist()
    return per_doc(sdoc, "sentence_starts", build)


def token_at(sdoc: SpacyDoc | None, char: int) -> Token | None:
    """The token covering character `char` (or the one just before it)."""
    if sdoc is None or len(sdoc) == 0 or char < 0:
        return None
    i = bisect_right(token_starts(sdoc), char) - 1
    if i < 0:
        return None
    tok = sdoc[i]
    return tok if char < tok.idx + len(tok.text) + 1 else None


def tokens_in(sdoc: SpacyDoc | None, start: int, end: int) -> list[Token]:
    """Tokens that overlap the character range [start, end)."""
    if sdoc is None or len(sdoc) == 0 or end <= start:
        return []
    starts = token_starts(sdoc)
    i = max(bisect_right(starts, start) - 1, 0)
    out = []
    while i < len(sdoc) and starts[i] < end:
        tok = sdoc[i]
        if tok.idx + len(tok.text) > start:
            out.append(tok)
        i += 1
    return out


def span_root(tokens: list[Token]) -> Token | None:
    """The syntactic head of a run of tokens: the first whose head lies outside it."""
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return tokens[-1]
