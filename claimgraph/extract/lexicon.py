"""Word lists for enrichment, loaded once from claimgraph/data, and helpers to match them.

Domain knowledge lives in JSON so it can grow without touching code; this module
turns those lists into compiled regular expressions and gives the token lookups
the enrichment steps share, so each step stays a few plain functions.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_QUOTES_RE = re.compile("[\"\u201c\u201d\u00ab\u00bb\u201e]")
_SPACE_RE = re.compile(r"\s+")
_DEFENSE_RE = re.compile(r"\bdefense\b", re.IGNORECASE)


@cache
def load(name: str) -> dict[str, Any]:
    """One data file from claimgraph/data, parsed once per process."""
    with resources.files("claimgraph").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


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


def token_starts(sdoc: SpacyDoc) -> list[int]:
    """Character offsets of every token, computed once per parsed document."""
    starts = sdoc.user_data.get("_enrich_token_starts")
    if starts is None or len(starts) != len(sdoc):
        starts = [t.idx for t in sdoc]
        sdoc.user_data["_enrich_token_starts"] = starts
    return starts


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
