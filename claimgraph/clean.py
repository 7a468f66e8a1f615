"""Drop the lines of a news page that are not the article: promos, credits, prompts.

News pages interleave the story with subscription prompts, share buttons,
photo credits, "Read more:" links and legal lines. They sit on lines of their
own, so the filter works line by line; the patterns live as data in
`claimgraph/data/boilerplate.json`, grouped by kind, each group limited to short
lines so that an ordinary paragraph mentioning, say, a newsletter survives.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

# Leading decoration stripped before matching: emoji, arrows, bullets, dashes used as bullets.
_DECORATION_CATEGORIES = {"So", "Sk", "Sm", "Cf", "Mn", "Zs", "Po", "Pd"}
_KEEP_LEADING = set("©(\"'“‘«#@")
_PATTERNS_FILE = Path(__file__).parent / "data" / "boilerplate.json"
_WORD = re.compile(r"\S+")
_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "per", "the", "to", "up", "via", "vs", "with", "after", "amid", "than", "off",
}


@dataclass(frozen=True)
class _Group:
    kind: str
    max_words: int
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class _Rules:
    groups: tuple[_Group, ...]
    headline: dict[str, Any]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """Compile the pattern file once per process."""
    data = json.loads(_PATTERNS_FILE.read_text("utf-8"))
    groups = tuple(
        _Group(g["kind"], int(g.get("max_words", 30)),
               tuple(re.compile(p, re.IGNORECASE) for p in g["patterns"]))
        for g in data["groups"]
    )
    return _Rules(groups, data.get("related_headline", {}))


def _strip_decoration(line: str) -> str:
    """Remove leading emoji, bullets and similar marks so '👉 Follow us' reads as 'Follow us'."""
    i = 0
    while i < len(line) and line[i] not in _KEEP_LEADING and (
        line[i].isspace() or unicodedata.category(line[i]) in _DECORATION_CATEGORIES
    ):
        i += 1
    return line[i:].strip()


def boilerplate_kind(line: str) -> str | None:
    """The kind of boilerplate `line` is (e.g. 'share', 'media_credit'), or None for article text."""
    text = _strip_decoration(line)
    if not text:
        return None
    n_words = len(_WORD.findall(text))
    for group in _rules().groups:
        if n_words > group.max_words:
            continue
        if any(p.search(text) for p in group.patterns):
            return group.kind
    return None


def is_boilerplate(line: str) -> bool:
    """True if the line, on its own, is page furniture rather than article text."""
    return boilerplate_kind(line) is not None


def _is_title_case(words: list[str], share: float) -> bool:
    """Most content words capitalised, but not an all-caps shout (those are section labels)."""
    content = [w.strip("\"'“”‘’():,;!?«»") for w in words]
    content = [w for w in content if w and w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if len(content) < 3:
        return False
    if all(w.isupper() for w in content):
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= share


def _ends_sentence(line: str, end_punct: str) -> bool:
    return bool(line) and line.rstrip()[-1] in end_punct


def is_related_headline(line: str, previous: str | None, following: str | None) -> bool:
    """A bare headline of another story placed between two paragraphs of this one.

    It is Title Case, has no closing punctuation, is longer than a section
    header, and both neighbours are sentences (so it neither opens the article
    as its title nor heads a section).
    """
    cfg = _rules().headline
    if not cfg or previous is None or following is None:
        return False
    end_punct = cfg.get("end_punctuation", ".!?")
    text = _strip_decoration(line)
    words = _WORD.findall(text)
    if not (cfg.get("min_words", 7) <= len(words) <= cfg.get("max_words", 22)):
        return False
    if _ends_sentence(text, end_punct):
        return False
    if not (_ends_sentence(previous, end_punct) and _ends_sentence(following, end_punct)):
        return False
    min_neighbour = int(cfg.get("min_neighbour_words", 8))
    if min(len(_WORD.findall(previous)), len(_WORD.findall(following))) < min_neighbour:
        return False
    return _is_title_case(words, float(cfg.get("title_case_share", 0.85)))


def clean_lines(text: str) -> list[str]:
    """The article's lines, stripped, without blank lines or boilerplate."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    kept = [ln for ln in lines if not is_boilerplate(ln)]
    out: list[str] = []
    for i, ln in enumerate(kept):
        previous = out[-1] if out else None
        following = kept[i + 1] if i + 1 < len(kept) else None
        if is_related_headline(ln, previous, following):
            continue
        out.append(ln)
    return out


def clean_text(text: str) -> str:
    """The article text: one paragraph per line, no blank lines, no boilerplate lines."""
    return "\n".join(clean_lines(text))
