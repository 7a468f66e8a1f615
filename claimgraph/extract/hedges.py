"""Hedges and certainty: how firmly the text stands behind an attribution.

A hedge ("may", "reportedly", "it's unclear") inside the content or on the cue
weakens the claim; the cue's own verb says whether it was confirmed, merely
stated, claimed, speculated or denied. The word lists are in data/hedges.json.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from claimgraph.extract.lexicon import (
    anchored_matches,
    hint_positions,
    load,
    parses,
    per_doc,
    phrases_regex,
    token_at,
    tokens_in,
)
from claimgraph.model import Attribution, Span

CLASS_ORDER = ("denied", "confirmed", "claimed", "hedged", "stated")
_CUE_MODIFIER_DEPS = {"advmod", "aux", "auxpass", "neg", "xcomp"}
_NEGATIONS = {"not", "n't", "never", "no"}
_MONTH_NUMBER_RE = re.compile(r"\s*\d")


@lru_cache(maxsize=1)
def _hedge_regex() -> re.Pattern[str]:
    return phrases_regex(load("hedges.json")["hedges"])


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first token of each hedge phrase, where a match can start."""
    return frozenset(re.split(r"[\s'\u2019]", h.lower())[0] for h in load("hedges.json")["hedges"])


def _starts_hedge(word: str) -> bool:
    return word in _first_words()


@lru_cache(maxsize=1)
def _modal_words() -> frozenset[str]:
    return frozenset(load("hedges.json")["modal_words"])


@lru_cache(maxsize=1)
def _negated_not_hedges() -> frozenset[str]:
    return frozenset(load("hedges.json").get("negated_not_hedges", []))


_NEGATION_AFTER_RE = re.compile(r"\s*(?:not\b|n['’]t\b)", re.I)


@lru_cache(maxsize=1)
def _cue_classes() -> list[tuple[str, frozenset[str], re.Pattern[str] | None]]:
    data = load("hedges.json")["cue_classes"]
    out = []
    for name in CLASS_ORDER:
        spec = data.get(name, {})
        phrases = spec.get("phrases") or []
        out.append((name, frozenset(spec.get("lemmas") or []), phrases_regex(phrases) if phrases else None))
    return out


def _is_real_modal(sdoc: SpacyDoc | None, text: str, start: int, word: str) -> bool:
    """'may' is a hedge as a modal verb, not as the month ("May 9", "in May")."""
    first = word.split()[0].lower()
    tok = token_at(sdoc, start)
    if tok is not None and tok.text.lower() == first:
        return tok.tag_ == "MD"
    return not (word[0] == "M" and _MONTH_NUMBER_RE.match(text, start + len(word)))


def hedges_in(sdoc: SpacyDoc | None, text: str, start: int, end: int) -> list[Span]:
    """Every hedge phrase in text[start:end], with exact offsets.

    With the parse at hand the whole text is scanned once and each call picks its range."""
    if (start, end) != (0, len(text)) and parses(sdoc, text):
        def build() -> tuple[list[int], list[Span]]:
            found = hedges_in(sdoc, text, 0, len(text))
            return [h.start for h in found], found
        starts, items = per_doc(sdoc, "hedges", build)
        i = bisect_left(starts, start)
        out_range = []
        while i < len(items) and starts[i] < end:
            if items[i].end <= end:
                out_range.append(items[i])
            i += 1
        return out_range
    out: list[Span] = []
    if parses(sdoc, text):
        hints = hint_positions(sdoc, "hedges", _starts_hedge)
        matches = anchored_matches(_hedge_regex(), hints, text, start, end, words_back=0)
    else:
        matches = list(_hedge_regex().finditer(text, start, end))
    for m in matches:
        word = m.group(0)
        if word.lower() in _modal_words() and not _is_real_modal(sdoc, text, m.start(), word):
            continue
        if word.lower() in _negated_not_hedges() and _NEGATION_AFTER_RE.match(text, m.end()):
            continue  # "could not stop them": an inability, not a doubt
        out.append(Span.of(text, m.start(), m.end()))
    return out


def _cue_head(sdoc: SpacyDoc | None, cue: Span) -> Token | None:
    toks = [t for t in tokens_in(sdoc, cue.start, cue.end) if t.pos_ in ("VERB", "AUX")]
    if not toks:
        return None
    for tok in toks:
        if tok.pos_ == "VERB":
            return tok
    return toks[-1]


def _regions(att: Attribution, sdoc: SpacyDoc | None) -> list[tuple[int, int]]:
    """Where a hedge counts: the content (or its parts), the cue, the words modifying the cue."""
    parts = att.content_parts or [att.content]
    regions = [(p.start, p.end) for p in parts if p.start >= 0]
    if att.cue.start >= 0:
        lo, hi = att.cue.start, att.cue.end
        if att.source is not None and 0 <= att.source.start - hi <= 2:
            hi = att.source.end  # "according to preliminary data"
        regions.append((lo, hi))
        head = _cue_head(sdoc, att.cue)
        if head is not None:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "without":  # "said, without providing evidence,"
                    last = child.right_edge
                    regions.append((child.idx, last.idx + len(last.text)))
                    continue
                if child.dep_ in _CUE_MODIFIER_DEPS and not (att.cue.start <= child.idx < att.cue.end):
                    if child.dep_ == "xcomp":
                        continue
                    regions.append((child.idx, child.idx + len(child.text)))
            # "is believed to have said": the cue hangs under a hedging verb
            gov = head.head
            if head.dep_ == "xcomp" and gov.i != head.i:
                regions.append((gov.idx, head.idx))
    return regions


def find_hedges(sdoc: SpacyDoc | None, text: str, att: Attribution) -> list[Span]:
    """The hedges qualifying one attribution, in text order, each once."""
    seen: dict[tuple[int, int], Span] = {}
    parts = att.content_parts or [att.content]
    for lo, hi in _regions(att, sdoc):
        for span in hedges_in(sdoc, text, lo, hi):
            if span.text.lower().startswith("without") and any(p.start <= span.start < p.end for p in parts):
                continue  # "detained without evidence" is what was said; "said, without evidence," how
            seen.setdefault((span.start, span.end), span)
    spans = sorted(seen.values(), key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for span in spans:  # drop a hedge nested inside a longer one ("unclear" in "it's unclear")
        if out and out[-1].start <= span.start and span.end <= out[-1].end:
            continue
        out.append(span)
    return out


def _lemma_guesses(word: str) -> set[str]:
    """Base forms of an inflected verb when no parse is at hand."""
    w = word.lower()
    guesses = {w}
    if w.endswith("ied"):
        guesses.add(w[:-3] + "y")
    if w.endswith("ies"):
        guesses.add(w[:-3] + "y")
    for suffix in ("ed", "d", "es", "s", "ing"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            guesses.add(w[: -len(suffix)])
            if suffix == "ing":
                guesses.add(w[:-3] + "e")
    if w == "told":
        guesses.add("tell")
    if w in ("said", "says"):
        guesses.add("say")
    if w == "wrote":
        guesses.add("write")
    return guesses


def cue_class(sdoc: SpacyDoc | None, text: str, cue: Span) -> str:
    """The certainty class of a cue by its verb: denied, confirmed, claimed, hedged or stated."""
    toks = tokens_in(sdoc, cue.start, cue.end)
    lemmas: set[str] = set()
    if toks:
        for t in toks:
            lemmas.add(t.lemma_.lower())
            lemmas.add(t.text.lower())
    else:
        for word in re.findall(r"[A-Za-z]+", cue.text):
            lemmas |= _lemma_guesses(word)
    found = "stated"
    for name, words, phrases in _cue_classes():
        if lemmas & words or (phrases is not None and phrases.search(cue.text)):
            found = name
            break
    if found not in ("confirmed", "denied"):
        return found
    negated = bool(lemmas & _NEGATIONS)
    head = _cue_head(sdoc, cue) if not negated else None
    if head is not None and any(c.dep_ == "neg" for c in head.children):
        negated = True
    if negated:
        if found == "confirmed":
            return "hedged"  # "did not confirm", "could not verify"
        if found == "denied":
            return "stated"  # "did not deny"
    return found


def certainty(sdoc: SpacyDoc | None, text: str, att: Attribution, hedges: list[Span]) -> str:
    """Certainty of the attribution: a denial stays a denial; any hedge makes the rest hedged."""
    cls = cue_class(sdoc, text, att.cue)
    if cls == "denied":
        return cls
    if hedges:
        return "hedged"
    return cls
