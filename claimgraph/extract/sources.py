"""Who the source is: one canonical name, and what kind of voice it is.

Linking claims across articles needs "HUR", "GUR" and "Ukraine's Military
Intelligence" to be one origin, and weighing a claim needs to know whether it
comes from a ministry, an army, a spy agency, an outlet, an anonymous source,
a document, a social-media post or an expert. Names and keywords are data
(data/aliases.json, data/source_types.json).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc

from claimgraph.extract.lexicon import (
    doc_ents,
    doc_text,
    load,
    norm,
    per_doc,
    phrases_regex,
    span_root,
    tokens_in,
)
from claimgraph.model import Attribution

TYPES = ("official", "military", "intelligence", "media", "anonymous", "document", "social_media",
         "expert", "other")
_LEAD_RE = re.compile(r"^(?:the|a|an|its|their|his|her|our|these|those)\s+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@lru_cache(maxsize=1)
def _member_nouns() -> frozenset[str]:
    return frozenset(load("aliases.json").get("member_nouns", []))


@lru_cache(maxsize=1)
def _descriptive() -> frozenset[str]:
    """Names with a lower-case word ("Ukrainian military"): adjectives as often as names."""
    out = set()
    for spec in load("aliases.json")["bodies"].values():
        for name in spec["names"]:
            if any(w[0].islower() for w in name.replace("'s", "").split() if w[0].isalpha()):
                out.add(norm(name))
    return frozenset(out)


_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")
_TO_BEFORE_RE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
_PAREN_TAIL_RE = re.compile(r"\s*\([^()]*\)$")


@lru_cache(maxsize=1)
def _alias_tables() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]], dict[str, str]]:
    """(case-insensitive regex, acronym regex, name -> (canonical, type), place name -> canonical)."""
    data = load("aliases.json")
    by_name: dict[str, tuple[str, str]] = {}
    plain: list[str] = []
    acronyms: list[str] = []
    for canonical, spec in data["bodies"].items():
        for name in [canonical, *spec["names"]]:
            acronym = _is_acronym(name)
            by_name.setdefault(norm(name, lower=not acronym), (canonical, spec["type"]))
            (acronyms if acronym else plain).append(norm(name, lower=False))
    places: dict[str, str] = {}
    for canonical, names in data["places"].items():
        for name in [canonical, *names]:
            places[norm(_LEAD_RE.sub("", name))] = canonical
    return phrases_regex(plain), phrases_regex(acronyms, flags=0), by_name, places


@lru_cache(maxsize=8192)
def lookup_body(text: str) -> tuple[str, str] | None:
    """(canonical name, source type) of the known body named in `text`: the longest, then the last, match."""
    plain, acronyms, by_name, _ = _alias_tables()
    t = norm(text, lower=False)
    best: tuple[int, int, str] | None = None
    for regex, lower in ((plain, True), (acronyms, False)):
        for m in regex.finditer(t):
            key = norm(m.group(0), lower=lower)
            if key not in by_name or _TO_BEFORE_RE.search(t, max(0, m.start() - 8), m.start()):
                continue  # "Iran's mission to the United Nations" is not the UN
            if t[max(0, m.start() - 5):m.start()].lower().endswith(("pro-", "anti-")):
                continue  # "pro-Kremlin Telegram channels" are not the Kremlin
            if key in _descriptive():
                nxt = _NEXT_WORD_RE.match(t, m.end())
                if nxt and nxt.group(1).lower() in _member_nouns():
                    continue  # "a Ukrainian military officer" is not the Ukrainian military
            cand = (len(key), m.start(), key)
            if best is None or cand[:2] > best[:2]:
                best = cand
    return by_name[best[2]] if best else None


@lru_cache(maxsize=8192)
def known_roles(text: str) -> frozenset[str]:
    """The offices aliases.json gives the person named in `text` (`president` for Zelensky), so a
    later "the president" can go back to a name the article gave without its title."""
    found = lookup_body(text)
    if found is None:
        return frozenset()
    return frozenset(load("aliases.json")["bodies"][found[0]].get("roles", ()))


@lru_cache(maxsize=8192)
def lookup_place(text: str) -> str | None:
    """The canonical name of a place written exactly as one of its known names."""
    return _alias_tables()[3].get(norm(_LEAD_RE.sub("", text.strip())))


@lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """A mention as a name: no leading article, no possessive, straight quotes."""
    t = norm(text, lower=False)
    t = _LEAD_RE.sub("", t)
    t = _PAREN_TAIL_RE.sub("", t)
    t = _POSSESSIVE_RE.sub("", t).strip(" ,.;:()")
    return t


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(load("source_types.json").get("titles", []))


def person_name(text: str) -> str | None:
    """The name after a run of titles: "Health Minister Jane Roe" -> "Jane Roe"; None if no title leads."""
    words = clean_name(text).split()
    titles = _titles()
    last = -1
    for i, w in enumerate(words):
        if w.lower().strip(",") in titles:
            last = i
    rest = words[last + 1:]
    if last < 0 or not 1 <= len(rest) <= 4 or not all(w[:1].isupper() or _name_particle(w) for w in rest) \
            or not rest[0][:1].isupper():
        return None
    if rest[-1].lower() in _body_nouns():
        return None  # "the Belarusian Defence Ministry": a body, not "Ministry" under a title
    return " ".join(rest)


def _name_particle(word: str) -> bool:
    """A lower-case part of a name: "al-Ansari", "bin Salman", "van der Leyen"."""
    return word.startswith(("al-", "el-", "ad-", "as-", "ash-", "ar-", "an-", "at-")) \
        or word in ("bin", "ibn", "bint", "de", "del", "der", "van", "von", "da", "di", "du", "la", "le",
                    "al", "el")


@lru_cache(maxsize=1)
def _body_nouns() -> frozenset[str]:
    """Nouns that name an organisation (claimgraph/data/cues.json `body_noun_classes`)."""
    classes = load("cues.json").get("body_noun_classes", {})
    return frozenset(w for ws in classes.values() for w in ws)


@lru_cache(maxsize=8192)
def normalize_name(text: str, label: str | None = None) -> str:
    """The one name used for a mention: its alias canonical form, else the mention cleaned."""
    if label in ("GPE", "LOC"):
        place = lookup_place(text)
        if place:
            return place
    body = lookup_body(text)
    if body:
        return body[0]
    place = lookup_place(text)
    return place or person_name(text) or clean_name(text)


@lru_cache(maxsize=1)
def _type_tables() -> dict:
    data = load("source_types.json")
    prio = data["priority"]
    return {
        "anonymous": phrases_regex(data["anonymous_phrases"]),
        "overrides": [(t, phrases_regex(ws)) for t, ws in data.get("override_phrases", {}).items()],
        "head": {w: t for t in prio for w in data["head_words"].get(t, [])},
        "keywords": [(t, phrases_regex(data["keywords"][t])) for t in prio if data["keywords"].get(t)],
        "pronouns": frozenset(data["pronouns"]),
        "vague": frozenset(data["vague"]),
        "labels": data.get("entity_labels", {}),
        "description_verbs": frozenset(data.get("description_verbs", ())),
        "capitals": frozenset(data.get("capitals", ())),
        "former": phrases_regex(data.get("former_words", [])),
    }


_PART_OF_RE = re.compile(r"(?:the\s+)?(\w+)(?:\s+[\w.]+)?\s+of\s", re.IGNORECASE)  # "Article 5 of X"
_STANCE_RE = re.compile(r"\b(?:pro|anti)-\w+", re.IGNORECASE)
_HEAD_CUT_RE = re.compile(r",|\s(?:of|in|for|from|at|with|on|to|by|near|who|which|that|whose)\s|\s\w+ed\s",
                          re.IGNORECASE)


def _string_head(text: str) -> str:
    """Head noun of a plain-string mention: the last word before a preposition, clause or comma."""
    cut = _HEAD_CUT_RE.search(text, 1)
    words = re.findall(r"[\w.]+", (text[: cut.start()] if cut else text).lower())
    return words[-1] if words else ""


def is_placeholder(text: str) -> bool:
    """A pronoun or vague noun ("he", "the ministry") that only names through source_resolved."""
    tables = _type_tables()
    t = norm(text)
    return t in tables["pronouns"] or t in tables["vague"]


def entity_label(sdoc: SpacyDoc | None, start: int, end: int) -> str | None:
    """The last named-entity label inside a span: a fallback type, and tells a person from an outlet."""
    if sdoc is None or start < 0:
        return None
    best = None
    for tok in tokens_in(sdoc, start, end):
        if tok.ent_type_:
            best = tok.ent_type_
    return best


def classify(text: str, sdoc: SpacyDoc | None = None, start: int = -1, end: int = -1) -> str:
    """The source type of a mention: anonymity first, then overrides, known bodies, the head noun,
    keywords by priority, the entity label, else other; a former holder of an office is an expert."""
    typ = _classify(text, sdoc, start, end)
    if typ in ("official", "military", "intelligence") and _type_tables()["former"].search(text):
        return "expert"  # "a former UN inspector", "a retired general": no longer speaking for the body
    return typ


def _classify(text: str, sdoc: SpacyDoc | None, start: int, end: int) -> str:
    tables = _type_tables()
    if tables["anonymous"].search(text):
        return "anonymous"
    for typ, regex in tables["overrides"]:
        if regex.search(text):
            return typ
    part = _PART_OF_RE.match(text)
    if part and tables["head"].get(part.group(1).lower()) == "document":
        return "document"  # "Article 5 of the NATO treaty": the text speaks, not the alliance
    body = lookup_body(text)
    if body:
        return body[1]
    if clean_name(text) in tables["capitals"]:
        return "official"  # "Kyiv has said": the government, whatever the tagger made of the name
    toks = tokens_in(sdoc, start, end) if start >= 0 else []
    root = span_root(toks)
    if root is not None:
        for word in (root.text.lower(), root.lemma_.lower()):
            typ = tables["head"].get(word)
            # "The Washington Post" is a name, not a post; "the Coordination Headquarters" is a body
            if typ is not None and (root.pos_ != "PROPN" or typ in ("official", "military", "intelligence")):
                return typ
    else:
        head = _string_head(text)
        if head in tables["head"]:
            return tables["head"][head]
    stance_free = _STANCE_RE.sub("", text)  # "pro-Kremlin bloggers" are bloggers, not the Kremlin
    for typ, regex in tables["keywords"]:
        if regex.search(stance_free):
            return typ
    if root is not None and root.dep_ == "appos" and root.head.pos_ == "NOUN":
        # "One resident, Iryna, said": the noun it names types it, whatever the tagger made of the name
        noun = root.head
        return classify(noun.doc[noun.left_edge.i:noun.i + 1].text)
    if text.isupper() and lookup_place(clean_name(text)) and len(text.split()) <= 3:
        return tables["labels"].get("GPE", "other")  # "UKRAINE SAYS": a state, whatever the tagger saw
    label = entity_label(sdoc, start, end)
    if label and label in tables["labels"]:
        return tables["labels"][label]
    return "other"


def _defers_to_resolved(src: str, resolved: str | None) -> bool:
    """A pronoun, a vague noun or a bare surname is named by its fuller resolved mention."""
    if not resolved:
        return False
    if not src or is_placeholder(src):
        return True
    short = norm(clean_name(src))
    return bool(short) and short in norm(resolved) and len(short) < len(norm(resolved))


# what a sayer says of itself between its name and its cue that makes it anonymous ("speaking on condition
# of anonymity", "who asked not to be named", "who was not authorised to speak publicly"), unlike "which
# claims to have sources in the Kremlin"
ANONYMITY_ASIDE = re.compile(r"anonym|\bnamed\b|\bby name\b|\bidentified\b|\bfamiliar with\b"
                             r"|\bon background\b|\bnot (?:authori[sz]ed|permitted|allowed) to\b",
                             re.IGNORECASE)


def source_type(sdoc: SpacyDoc | None, att: Attribution) -> str | None:
    """Type the attribution's source, reading through a pronoun or surname to source_resolved."""
    src = att.source
    resolved = att.source_resolved
    text = src.text.strip() if src is not None else ""
    if text and _type_tables()["anonymous"].search(text):
        return "anonymous"
    between = doc_text(sdoc)[src.end:att.cue.start] \
        if src is not None and sdoc is not None and 0 <= src.end <= att.cue.start else ""
    if src is not None and sdoc is not None and att.cue.end <= att.content.start:
        after = doc_text(sdoc)[att.cue.end:att.content.start]  # "told X on condition of anonymity that"
        between = f"{between} {after}" if len(after) < 200 else between
    if src is not None and sdoc is not None and att.cue.end <= src.start:  # "said a diplomat who requested
        tail = doc_text(sdoc)[src.end:src.end + 200]                      # anonymity to discuss it"
        between = f"{between} {re.split(r'[.;!?]', tail, maxsplit=1)[0]}"
    if src is not None and sdoc is not None and 0 <= att.content.end <= min(src.start, att.cue.start):
        at = max(src.end, att.cue.end)  # "Y, a U.S. official said on background"
        tail = doc_text(sdoc)[at:at + 200]
        between = f"{between} {re.split(r'[.;!?]', tail, maxsplit=1)[0]}"
    if src is not None and sdoc is not None and att.cue.end <= att.content.start and att.content.end >= 0:
        tail = doc_text(sdoc)[att.content.end:att.content.end + 120]  # "confirmed X on condition of
        between = f"{between} {re.split(r'[.;!?]', tail, maxsplit=1)[0]}"  # anonymity"
    if between and _type_tables()["anonymous"].search(between) and ANONYMITY_ASIDE.search(between):
        return "anonymous"  # "a senior official, speaking on condition of anonymity, said"
    if _defers_to_resolved(text, resolved):
        typ = classify(resolved or "")
        if classify(text) in ("document", "social_media"):
            typ = classify(text)  # "The report states": a document, whoever wrote it
    elif not text:
        return None
    else:
        typ = classify(src.text, sdoc, src.start, src.end)
        if typ == "other" and resolved:
            typ = classify(resolved)  # "Jane Roe" resolved as "Jane Roe of the X channel"
        elif typ != "other" and sdoc is not None and src.start >= 0 and classify(src.text) == "other":
            # typed only by the tagger's label: "Mediazona, an independent Russian outlet," says what it is
            typ = _described_after(sdoc, src.start, src.end) or typ
    if typ == "other" and src is not None and src.start >= 0 and sdoc is not None:
        typ = _described_after(sdoc, src.start, src.end) or typ
    if typ == "other" and src is not None and src.start >= 0:
        typ = _described_elsewhere(sdoc, src.start, src.end, src.text) or typ
    return typ


_DESCRIPTOR_DEPS = {"compound", "amod", "nmod", "poss", "appos", "npadvmod"}


def _described_after(sdoc: SpacyDoc, start: int, end: int) -> str | None:
    """Type a name by the description set after it ("Oleksandr Syrskyi, Ukraine's commander-in-chief,")."""
    root = span_root(tokens_in(sdoc, start, end))
    if root is None:
        return None
    for c in root.rights:
        if c.dep_ == "appos" and c.idx >= end:
            typ = classify(sdoc[c.left_edge.i:c.right_edge.i + 1].text)
            if typ not in ("other", "anonymous"):
                return typ
        if c.dep_ == "relcl" and c.idx >= end and c.lemma_.lower() in _type_tables()["description_verbs"]:
            agent = next((a for a in c.children if a.dep_ == "agent"), None)  # "which is run by the navy"
            named = [o for o in (agent.children if agent is not None else c.children)
                     if o.dep_ in ("dobj", "pobj")]  # "who heads the health department"
            for o in named:
                typ = classify(sdoc[o.left_edge.i:o.right_edge.i + 1].text)
                if typ not in ("other", "anonymous"):
                    return typ
        if c.dep_ == "relcl" and c.idx >= end:  # "who took over as commander-in-chief", "who serves as envoy"
            role = next((o for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                         for o in p.children if o.dep_ == "pobj"), None)
            if role is not None:
                typ = classify(sdoc[role.left_edge.i:role.right_edge.i + 1].text)
                if typ not in ("other", "anonymous"):
                    return typ
    return None


def _described_elsewhere(sdoc: SpacyDoc | None, start: int, end: int, written: str) -> str | None:
    """Type a bare person name by how the article introduces them elsewhere: "Jane Roe" said,
    where an earlier sentence has "army spokeswoman Jane Roe" or "Jane Roe, an analyst at X"."""
    if sdoc is None:
        return None
    persons = [e for e in doc_ents(sdoc) if e.label_ in ("PERSON", "ORG")]
    mine = [e for e in persons if e.start_char < end and start < e.end_char]
    name = mine[-1].text if mine else written
    words = clean_name(name).split()
    if not mine and not (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)):
        return None
    surname = norm(" ".join(words)).split()[-1:]
    memo: dict[tuple[str, ...], str | None] = per_doc(sdoc, "described", dict)
    key = tuple(surname)
    if key not in memo:
        memo[key] = _introduction_type(sdoc, persons, surname)
    return memo[key]


def _introduction_type(sdoc: SpacyDoc, persons: list, surname: list[str]) -> str | None:
    """The first non-generic type among the descriptions of a surname's mentions."""
    for ent in persons:
        if norm(clean_name(ent.text)).split()[-1:] != surname:
            continue
        span = sdoc.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
        if span is None:
            continue
        found: list[str] = []
        root = span.root
        for child in root.children:
            outside = child.i < span.start or child.i >= span.end
            if outside and child.dep_ in _DESCRIPTOR_DEPS:
                found.append(sdoc[child.left_edge.i: child.right_edge.i + 1].text)
        if root.dep_ in ("appos", "compound") and root.head.i < span.start:
            found.append(sdoc[root.head.left_edge.i: root.head.i + 1].text)  # "army spokesman <Name>"
        if found:
            typ = classify(" ".join(found))
            if typ not in ("other", "anonymous"):
                return typ
    return None


def source_normalized(att: Attribution) -> str | None:
    """The canonical name of the source; a bare pronoun without resolution has none."""
    src = att.source.text if att.source is not None else ""
    resolved = att.source_resolved or ""
    naming = src
    if resolved and src and classify(src) in ("document", "social_media"):
        return normalize_name(resolved)  # "a statement from the Polish army" speaks for the Polish army
    if _defers_to_resolved(src, resolved):
        naming = resolved
        body = lookup_body(resolved)
        if body:
            return body[0]
        head, _, _ = resolved.partition(", ")  # "Jane Roe, owner of X" is Jane Roe
        tail = resolved.rpartition(", ")[2]  # "The head of the region, Jane Roe" too
        if src and not is_placeholder(src) and norm(clean_name(src)) in norm(head):
            naming = head
        elif src and not is_placeholder(src) and norm(clean_name(src)) in norm(tail):
            naming = tail
    if not naming or norm(naming) in _type_tables()["pronouns"]:
        return None
    return normalize_name(naming)
