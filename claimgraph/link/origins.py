"""Who a claim goes back to: one key per original source, whatever its wording.

"Investigative Committee head Alexander Bastrykin", "the committee" and
"Russia's Investigative Committee" are one origin; two outlets quoting it are
still one. A source is reduced to the body it speaks for where one is named
(an alias from aliases.json, or a phrase ending in an organisation word such
as "committee" or "ministry"), else to the person's surname, else to the
lower-cased description. A person seen elsewhere with their body stands for
that body (`PersonBodies`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.link.lexicon import aliases, link_lexicon
from claimgraph.model import Attribution, Document

LEAD = re.compile(r"^(?:the|a|an|its|his|her|their|latest|russia's|russian|ukraine's|ukrainian|federal|"
                  r"u\.s\.|us|america's|state|national|official|new)\s+", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")


@dataclass
class Origin:
    key: str  # '' when the source names nobody (an unresolved pronoun)
    name: str
    person: str = ""  # surname key of a named person, if any
    body: str = ""  # body key, if any


@lru_cache(maxsize=1)
def _alias_patterns() -> list[tuple[re.Pattern[str], str, int]]:
    pats = []
    for key, body in aliases()["bodies"].items():
        for name in body["names"] + [key]:
            flags = 0 if name.isupper() else re.I
            pats.append((re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", flags), key, len(name)))
    return pats


def _alias(text: str) -> str:
    """The canonical body an alias in `text` names (longest match), or ''."""
    norm = text.replace("’", "'").replace("Defense", "Defence").replace("defense", "defence")
    best, best_len = "", 0
    for pat, key, n in _alias_patterns():
        if n > best_len and pat.search(norm):
            best, best_len = key, n
    return best


def _body_phrase(text: str) -> str:
    """The organisation named in a source description, e.g. 'investigative committee'."""
    lex = link_lexicon()
    low = text.lower().replace("’", "'")
    words = WORD.findall(low)
    orig = WORD.findall(text.replace("’", "'"))
    for i, w in enumerate(words):
        head = None
        for h in lex["body_heads"]:
            hw = h.split()
            if words[i:i + len(hw)] == hw:
                head = (i, i + len(hw))
                break
        if w == "minister" and lex.get("minister_to_ministry"):
            head = (i, i + 1)
        if head is None:
            continue
        a, b = head
        k = a
        # take modifiers before the head while they are capitalised or plain domain words
        while k > 0 and (orig[k - 1][:1].isupper() or words[k - 1] in ("health", "defence", "foreign", "interior",
                                                                       "emergencies", "region", "medicine",
                                                                       "disaster", "press", "investigative")):
            if words[k - 1] in ("the", "a", "an"):
                break
            k -= 1
        phrase = " ".join(words[k:b]).replace("minister", "ministry")
        while True:
            stripped = LEAD.sub("", phrase)
            if stripped == phrase:
                break
            phrase = stripped
        if phrase and phrase not in ("ministry", "committee", "service", "council", "office", "agency"):
            return phrase
    return ""


def _surname(text: str) -> str:
    """The last capitalised word of a source description that looks like a person's name."""
    caps = [w for w in WORD.findall(text.replace("’", "'")) if w[:1].isupper()]
    if len(caps) >= 2 and not _alias(text):
        last = caps[-1].rstrip(".'")
        if last.lower() not in link_lexicon()["body_heads"]:
            return last.lower()
    return ""


def origin_of(att: Attribution, doc: Document) -> Origin:
    """The original source of one attribution (its speaker, not its relays)."""
    lex = link_lexicon()
    candidates = [att.source_normalized, att.source_resolved, att.source.text if att.source else None]
    text = next((c for c in candidates[1:] if c and c.strip().lower() not in lex["pronouns"]), None)
    if att.source_normalized:
        return Origin(att.source_normalized.lower(), att.source_normalized, _surname(text or ""),
                      att.source_normalized.lower())
    if not text:
        if att.source is None and not att.via:
            name = doc.outlet or doc.id
            return Origin("outlet:" + name.lower(), name)
        return Origin("", (att.source.text if att.source else ""))
    body = _alias(text) or _body_phrase(text)
    person = _surname(text)
    if body:
        return Origin(body.lower(), body, person, body.lower())
    if person:
        return Origin("person:" + person, text.strip(), person)
    low = LEAD.sub("", text.strip().lower())
    return Origin(low, text.strip())


@dataclass
class PersonBodies:
    """Surname -> body, learned from descriptions that name both ("FSB director X")."""

    seen: dict[str, str] = field(default_factory=dict)

    def learn(self, o: Origin) -> None:
        if o.person and o.body:
            self.seen.setdefault(o.person, o.body)

    def resolve(self, o: Origin) -> Origin:
        if o.key.startswith("person:") and o.person in self.seen:
            body = self.seen[o.person]
            return Origin(body, o.name, o.person, body)
        return o
