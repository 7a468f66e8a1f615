"""Attributions that the page layout carries instead of a verb of saying.

Four forms news text uses where no sentence says "X said":

- a signed quote, a paragraph that is a quotation followed by a dash and a name
  (`“We will not move.” ― Ana Ruiz`), as in collections of readers' or voters' words;
- a transcript turn, a paragraph opening with a speaker's name in capitals and a colon
  (`SMITH: We never agreed to that.`), read only where the article holds turns by at least
  two speakers, so a lone label ("UPDATE:") is not taken for one; written in title case
  (`Lindberg: ...`), read where two labels each take at least two turns, and the side
  that mostly asks questions says nothing;
- a label, a headline or paragraph whose words before its colon name a person, an organisation
  or a document (`Minister: Talks Will Resume`, `Poll: Voters Back the Plan`, a Telegram post's
  `General Staff: 1,340 soldiers were killed over the past day`);
- a credit line, a statement that ends with a dash and the name of who reports it, as
  Telegram channels and live blogs write (`Russia lost 1,340 soldiers over the past day — General
  Staff`).

Each is read from the characters of one paragraph, with the parse only asked what kind of
name a label is; the word lists live in claimgraph/data/layouts.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc as SpacyDoc

from claimgraph.extract.sources import classify

QUOTE_MARKS = "“”\"‘’'«»„"
SPACE = " \t\u00a0"
TIME_STAMP = re.compile(  # a live blog's `14:05 —`, `2.30pm -`
    r"[ \t]*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)[ \t]*[—–-]+[ \t]*", re.IGNORECASE)
HASHTAGS = re.compile(r"(?:\s*#\w+)+\s*$")
PARTICLES = {"de", "del", "da", "di", "la", "le", "van", "von", "der", "den", "du", "bin", "al", "y", "ibn"}


@dataclass
class LayoutFind:
    """An attribution read off the layout: character ranges of its parts."""

    cue: tuple[int, int]
    source: tuple[int, int]
    content: tuple[int, int]
    direct: bool
    parts: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=1)
def layout_lexicon() -> dict[str, Any]:
    """layouts.json, its lists turned into sets."""
    raw = json.loads(resources.files("claimgraph.data").joinpath("layouts.json").read_text("utf-8"))
    return {k: set(v) if isinstance(v, list) else v for k, v in raw.items()}


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip(SPACE):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    while start < end and (text[start] in chars or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in chars or text[end - 1].isspace()):
        end -= 1
    return start, end


def _is_name(words: list[str]) -> bool:
    """Capitalised words (and name particles), no digits: how a signature reads."""
    if not words or not any(w[0].isupper() for w in words):
        return False
    return all((w[0].isupper() or w.lower() in PARTICLES) and not any(c.isdigit() for c in w) for w in words)


SIGNATURE = re.compile(r"(?P<close>[”\"’'»])[ \t\u00a0]*(?P<dash>―|—|–|--)[ \t\u00a0]*"
                       r"(?P<name>[^\n]+?)[ \t\u00a0.]*$")


def signed_quotes(text: str, lex: dict[str, Any]) -> list[LayoutFind]:
    """`“…” ― Name` paragraphs: the quotation is the named person's."""
    out = []
    for start, end in _lines(text):
        lead = start
        while lead < end and text[lead] in SPACE:
            lead += 1
        if lead >= end or text[lead] not in QUOTE_MARKS:
            continue
        m = SIGNATURE.search(text, lead, end)
        if m is None or m.group("dash") not in lex["signature_dashes"]:
            continue
        words = m.group("name").split()
        if len(words) > lex["max_signature_words"] or not _is_name(words):
            continue
        content = _strip(text, lead, m.start("close"), QUOTE_MARKS + ".,")
        if len(text[content[0]:content[1]].split()) < 2:
            continue
        out.append(LayoutFind(cue=m.span("dash"), source=m.span("name"), content=content, direct=True))
    return out


CREDIT_WORD = re.compile(r"[\w'’.()&-]+")
CREDIT = re.compile(r"[ \t\u00a0](?P<dash>―|—|–|--|-)[ \t\u00a0]+(?P<name>[^\n―—–]+?)[ \t\u00a0.]*$")


def credit_lines(sdoc: SpacyDoc, text: str, lex: dict[str, Any],
                 roles: frozenset[str] = frozenset()) -> list[LayoutFind]:
    """`Statement — Source` paragraphs: the words before the dash are what the named source reports.

    The name must read as one (capitalised words) and be one: a body the alias and source-type
    lists know (`General Staff`, `HUR`, `ISW`) or a person or organisation the parser tags, so that
    `... near Pokrovsk — a key logistics hub` or `— Kharkiv region` is no credit. A name after a
    word for a person (`his deputy — Oleksandr Syrskyi`, `roles`) says who that person is.
    """
    out = []
    for start, end in _lines(text):
        tags = HASHTAGS.search(text, start, end)
        line_end = tags.start() if tags else end
        m = CREDIT.search(text, start, line_end)
        if m is None or m.group("dash") not in lex["credit_dashes"]:
            continue
        name = _strip(text, *m.span("name"), QUOTE_MARKS + ".")
        comma = text.find(", ", name[0], name[1])
        if comma > 0 and text[comma + 2:comma + 3].islower() \
                and len(text[comma + 2:name[1]].split()) <= lex["max_credit_words"]:
            name = (name[0], comma)  # `— Ivan Fedorov, head of the regional administration`: who he is
        words = text[name[0]:name[1]].split()
        names = [w for w in words if w.lower() not in lex["credit_joiners"]]  # `Staff of the Armed Forces`
        if len(words) > lex["max_credit_words"] or not _is_name(names) or not names[0][0].isupper():
            continue
        if not all(CREDIT_WORD.fullmatch(w) for w in words):  # `— Nice!</tweet>`
            continue
        stamp = TIME_STAMP.match(text, start, end)
        lead = stamp.end() if stamp else start
        while lead < m.start() and not (text[lead].isalnum() or text[lead] in QUOTE_MARKS):
            lead += 1  # a post's emoji or bullet
        if lead < m.start() and text[lead] in QUOTE_MARKS:
            continue  # `“…” — Name` is a signed quote
        if m.group("dash") + " " in text[lead:m.start()]:
            continue  # `— and better-funded — Hillary Clinton`: the second of a pair of dashes
        content = _strip(text, lead, m.start(), ".,;:")
        if len(text[content[0]:content[1]].split()) < lex["min_credit_words"]:
            continue
        before = sdoc.char_span(content[1] - 1, content[1], alignment_mode="expand")
        if before is None or before[-1].lemma_.lower() in roles:
            continue
        span = sdoc.char_span(name[0], name[1], alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in span):
            continue
        known = classify(text[name[0]:name[1]]) in lex["speaker_types"]
        if not known and not any(t.ent_type_ in lex["headline_entities"] for t in span):
            continue
        out.append(LayoutFind(cue=m.span("dash"), source=name, content=content, direct=False))
    return out


TURN = re.compile(r"[ \t\u00a0]*(?P<mark>[“\"]?)(?P<label>[A-Z][A-Z.'’ -]*[A-Z.]):[ \t\u00a0]+(?=\S)")
STAGE = re.compile(r"[ \t\u00a0]*[“\"]?[(\[]")


def transcript_turns(text: str, lex: dict[str, Any]) -> list[LayoutFind]:
    """`NAME: words` paragraphs of a transcript; a turn goes on over the quoted paragraphs after it."""
    lines = _lines(text)
    turns: dict[int, re.Match[str]] = {}
    for k, (start, end) in enumerate(lines):
        m = TURN.match(text, start, end)
        if m is None:
            continue
        label = m.group("label").strip(" .")
        if len(label.split()) > lex["max_label_words"] or label.lower() in lex["section_labels"] \
                or sum(c.isalpha() for c in label) < 2:
            continue
        turns[k] = m
    if len({m.group("label").strip(" .") for m in turns.values()}) < 2:
        return []  # one label alone is a heading, not a dialogue
    out = []
    for k, m in turns.items():
        parts = [_strip(text, m.end(), lines[k][1], QUOTE_MARKS)]
        j = k + 1
        while m.group("mark") and j < len(lines) and j not in turns and text[lines[j][0]] in "“\"" \
                and not STAGE.match(text, lines[j][0], lines[j][1]):
            parts.append(_strip(text, lines[j][0], lines[j][1], QUOTE_MARKS))
            j += 1
        parts = [p for p in parts if p[1] > p[0]]
        if not parts:
            continue
        colon = m.end("label")
        out.append(LayoutFind(cue=(colon, colon + 1), source=m.span("label"),
                              content=(parts[0][0], parts[-1][1]), direct=True,
                              parts=parts if len(parts) > 1 else []))
    return out


TITLE_TURN = re.compile(
    r"[ \t\u00a0]*(?P<label>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}):[ \t\u00a0]+(?=\S)")


def dialogue_turns(text: str, lex: dict[str, Any]) -> tuple[list[LayoutFind], set[int]]:
    """`Lindberg: ...` / `Nordic Monitor: ...?` paragraphs of an interview written with names in
    title case: where two labels take turns (each at least twice), each turn of a label that does
    not mostly ask questions is said by that label; the asking side's turns assert nothing. A
    single exchange (a question, then another label's answer on the next line) counts too.
    Also gives the starts of every turn's line, which no other layout reads."""
    lines = _lines(text)
    turns: dict[int, re.Match[str]] = {}
    for k, (start, end) in enumerate(lines):
        m = TITLE_TURN.match(text, start, end)
        if m is not None and m.group("label").lower() not in lex["section_labels"]:
            turns[k] = m
    count: dict[str, int] = {}
    asks: dict[str, int] = {}
    for k, m in turns.items():
        label = m.group("label")
        count[label] = count.get(label, 0) + 1
        asks[label] = asks.get(label, 0) + text[m.end():lines[k][1]].rstrip().endswith("?")
    dialogue = sum(n >= 2 for n in count.values()) >= 2
    out = []
    order = sorted(turns)
    answers = set()  # a turn right after another label's question answers it
    for n, k in enumerate(order[1:], 1):
        before = turns[order[n - 1]]
        if order[n - 1] == k - 1 and before.group("label") != turns[k].group("label") \
                and text[before.end():lines[k - 1][1]].rstrip().endswith("?") \
                and not text[turns[k].end():lines[k][1]].rstrip().endswith("?"):
            answers.add(k)
    if not dialogue and not answers:
        return [], set()
    for n, k in enumerate(order):
        m = turns[k]
        label = m.group("label")
        if k not in answers and (not dialogue or count[label] < 2 or 2 * asks[label] > count[label]):
            continue  # the interviewer's questions, or a lone label in the text
        last = order[n + 1] if n + 1 < len(order) else k + 1
        parts = [_strip(text, m.end(), lines[k][1], QUOTE_MARKS)]
        parts += [_strip(text, lines[j][0], lines[j][1], QUOTE_MARKS) for j in range(k + 1, last)]
        parts = [p for p in parts if p[1] > p[0]]
        if parts:
            colon = m.end("label")
            out.append(LayoutFind(cue=(colon, colon + 1), source=m.span("label"),
                                  content=(parts[0][0], parts[-1][1]), direct=True,
                                  parts=parts if len(parts) > 1 else []))
    asked = {order[n - 1] for n, k in enumerate(order) if k in answers}
    return out, {lines[k][0] for k in turns if dialogue and count[turns[k].group("label")] >= 2
                 or k in answers or k in asked}


QA = re.compile(r"[ \t\u00a0]*(?P<label>Q|A|Question|Answer)[ \t\u00a0]*(?P<mark>[:.—–-])[ \t\u00a0]+(?=\S)")


def interview_answers(sdoc: SpacyDoc, text: str) -> list[LayoutFind]:
    """`Q: …` / `A: …` paragraphs of an interview: each answer is said by the person the
    introduction names (the first person named before the first question); questions are not claims."""
    lines = _lines(text)
    turns = [(k, m) for k, (start, end) in enumerate(lines) if (m := QA.match(text, start, end))]
    kinds = {m.group("label")[0] for _, m in turns}
    if kinds != {"Q", "A"}:
        return []
    first_q = min(lines[k][0] for k, m in turns if m.group("label")[0] == "Q")
    people = [e for e in sdoc.ents if e.label_ == "PERSON" and e.end_char <= first_q]
    if not people:
        return []
    who = people[0]
    out = []
    for n, (k, m) in enumerate(turns):
        if m.group("label")[0] != "A":
            continue
        # an answer goes on over its paragraphs until the next question; the last one stops at its
        # own paragraph, as the article's reporting may follow the interview
        last = turns[n + 1][0] if n + 1 < len(turns) else k + 1
        parts = [_strip(text, m.end(), lines[k][1], QUOTE_MARKS)]
        parts += [_strip(text, lines[j][0], lines[j][1], QUOTE_MARKS) for j in range(k + 1, last)]
        parts = [p for p in parts if p[1] > p[0]]
        if parts:
            out.append(LayoutFind(cue=(m.start("mark"), m.end("mark")), source=(who.start_char, who.end_char),
                                  content=(parts[0][0], parts[-1][1]), direct=True,
                                  parts=parts if len(parts) > 1 else []))
    return out


def _named_below(sdoc: SpacyDoc, after: int, word: str, lex: dict[str, Any]) -> bool:
    """Whether the body names a person or organisation with `word` in it: a headline in title case
    gives its label no entity of its own ("Lund: ..."), the article's first mention does."""
    return any(e.start_char >= after and e.label_ in lex["headline_entities"]
               and any(t.lower_ == word for t in e) for e in sdoc.ents)


def _label_line(sdoc: SpacyDoc, text: str, start: int, end: int, lex: dict[str, Any],
                document_nouns: set[str], first: bool,
                roles: frozenset[str] = frozenset()) -> LayoutFind | None:
    """`Speaker: statement` on one line: the label before the colon names who says the rest."""
    stamp = TIME_STAMP.match(text, start, end)
    if stamp:  # a live blog's `14:05 — Zelensky: ...`
        start = stamp.end()
    while start < end and not (text[start].isalnum() or text[start] in QUOTE_MARKS):
        start += 1  # a post's `❗️Rybar: ...`: the emoji before the label
    colon = text.find(": ", start, end)
    if colon < 0:
        return None
    label = _strip(text, start, colon, QUOTE_MARKS)
    words = text[label[0]:label[1]].split()
    most = lex["max_label_words"] if first else lex["max_paragraph_label_words"]
    if not words or len(words) > most or text[label[0]:label[1]].lower() in lex["section_labels"]:
        return None
    span = sdoc.char_span(label[0], label[1], alignment_mode="expand")
    if span is None or not len(span) or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in span):
        return None
    heads = [span[-1], span.root] if span.root.i != span[-1].i else [span[-1]]
    if any(t.lower_ in ("our", "my", "we", "i") for t in span):
        return None  # "Our assessment: ...": the writer's own voice
    known = classify(text[label[0]:label[1]]) in lex["speaker_types"]  # `General Staff:`, `Rybar:`
    named = [head for head in heads
             if head.ent_type_ in lex["headline_entities"] or known and head.i == span[-1].i
             or first and (head.lemma_.lower() in document_nouns or head.lemma_.lower() in roles
                           or _named_below(sdoc, end, head.lower_, lex))]
    if not named:
        return None
    if named[0].i != span[-1].i and named[0].lemma_.lower() not in roles:  # "Lund on the Harbour: …"
        label = (label[0], named[0].idx + len(named[0].text))
    tags = HASHTAGS.search(text, colon + 1, end)
    content = _strip(text, colon + 1, tags.start() if tags else end, ".")  # no closing `#war #Ukraine`
    direct = text[content[0]] in QUOTE_MARKS
    if not first and not direct and named[0].ent_type_ == "PERSON" and len(words) == 1 \
            and not _full_statement(sdoc, content):
        return None  # a lone surname before a colon in running text may be a list item, not a speaker
    content = _strip(text, *content, QUOTE_MARKS + ".")
    if len(text[content[0]:content[1]].split()) < 3:
        return None
    return LayoutFind(cue=(colon, colon + 1), source=label, content=content, direct=direct)


def _full_statement(sdoc: SpacyDoc, content: tuple[int, int]) -> bool:
    """Whether a label's words make a clause of their own (`Gladkov: Two people were injured`),
    a subject and its finite verb, as a list item's note (`Smith: scored twice`) does not."""
    span = sdoc.char_span(*content, alignment_mode="expand")
    return span is not None and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.tag_ in ("VBD", "VBZ", "VBP", "MD")
        or t.dep_ in ("nsubj", "nsubjpass") and any(a.dep_ in ("aux", "auxpass") and a.tag_ in (
            "VBD", "VBZ", "VBP", "MD") for a in t.head.children)
        for t in span if span.start <= t.head.i < span.end)


def headline_label(sdoc: SpacyDoc, text: str, lex: dict[str, Any], document_nouns: set[str],
                   roles: frozenset[str] = frozenset()) -> list[LayoutFind]:
    """`Speaker: statement` as a headline, or as a paragraph of its own (a live blog's or a
    Telegram channel's `General Staff: 1,340 soldiers were killed over the past day`)."""
    out = []
    for k, (start, end) in enumerate(_lines(text)):
        found = _label_line(sdoc, text, start, end, lex, document_nouns, first=k == 0, roles=roles)
        if found is not None:
            out.append(found)
    return out


INVERTED = re.compile(r"(?:^|(?<=[.!?”\"’][ \t\u00a0])|(?<=[.!?][ \t\u00a0]))(?P<cue>[A-Z][a-z]+)[ \t\u00a0]+"
                      r"(?P<name>[A-Z][\w.'’-]*(?:[ \t\u00a0]+[A-Z][\w.'’-]*){0,3}):[ \t\u00a0]*(?=[“\"])",
                      re.MULTILINE)


def inverted_cues(text: str, lex: dict[str, Any]) -> list[LayoutFind]:
    """`Said Ellis: “…”`: a verb of saying before its sayer and a colon; the quotation after it."""
    out = []
    for m in INVERTED.finditer(text):
        if m.group("cue").lower() not in lex["inverted_cues"] or not _is_name(m.group("name").split()):
            continue
        open_at = m.end()
        close = text.find("”" if text[open_at] == "“" else '"', open_at + 1)
        line_end = text.find("\n", open_at)
        if close < 0 or (0 <= line_end < close):
            continue
        content = _strip(text, open_at, close, QUOTE_MARKS + ".,")
        if len(text[content[0]:content[1]].split()) >= 2:
            out.append(LayoutFind(cue=m.span("cue"), source=m.span("name"), content=content, direct=True))
    return out


def find_layouts(sdoc: SpacyDoc, text: str, document_nouns: set[str],
                 roles: frozenset[str] = frozenset()) -> list[LayoutFind]:
    """Every layout attribution of a document (`roles`: nouns for someone's office, "Mayor of X:")."""
    lex = layout_lexicon()
    dialogue, turn_lines = dialogue_turns(text, lex)
    labels = [f for f in headline_label(sdoc, text, lex, document_nouns, roles)
              if text.rfind("\n", 0, f.source[0]) + 1 not in turn_lines]
    return signed_quotes(text, lex) + inverted_cues(text, lex) + transcript_turns(text, lex) + \
        interview_answers(sdoc, text) + dialogue + labels + credit_lines(sdoc, text, lex, roles)


def announced_lists(sdoc: SpacyDoc, attributions: list[Any], document: Any) -> list[Any]:
    """Pipeline component: a content that announces a list (`reports the following losses:`)
    is the list below it, the items up to the first blank line or line that is no item.

    General Staff bulletins, ministry tallies and channel posts give their figures this
    way; the announcing words say only that figures follow.
    """
    from claimgraph.model import Span

    text = document.text
    lex = layout_lexicon()
    item = re.compile(lex["list_item"])
    announcers = [w.lower() for w in lex["list_announcers"]]
    for att in attributions:
        if att.content_parts or att.direct:
            continue
        words = att.content.text.lower()
        if not any(re.search(rf"\b{re.escape(w)}\b", words) for w in announcers):
            continue
        if not re.match(r"[ \t]*:[ \t]*\n", text[att.content.end:att.content.end + 40]):
            continue
        pos = text.index("\n", att.content.end) + 1
        first = last = -1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if not item.match(text[pos:end]):
                break
            first = pos if first < 0 else first
            last = end
            pos = end + 1
        if first >= 0:
            lo = first + re.match(r"[ \t]*(?:[^\w \t]+|\d{1,3}[.)])[ \t]+", text[first:last]).end()
            body = text[lo:last].rstrip()  # from the first item's words: its bullet is layout
            att.content = Span(body, lo, lo + len(body))
    return attributions
