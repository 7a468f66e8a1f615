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

LEAD = re.compile(
    r"^(?:the|a|an|its|his|her|their|latest|russia's|russian|ukraine's|ukrainian|federal|"
    r"u\.s\.|us|america's|official|new|one|some|two|several)\s+",
    re.I,
)
STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*[-–—]?\s*")  # a live-blog time stamp caught in a source span
CALENDAR = "monday tuesday wednesday thursday friday saturday sunday yesterday today".split()
INDEFINITE = ("a ", "an ")
OWNED = re.compile(r"['’]s\b")
CLAUSE_IN_SOURCE = re.compile(r"\bthat\b.*\b(?:had|has|have|was|were|is|are|would|will)\b")
COORDINATION = re.compile(r",?\s+and\s+")
APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[A-Za-z'’-]+\s+){0,2}?([A-Za-z]+)\s+(?:for|of|at)\s+(?:the\s+)?([^,.;:\"“”]+)"
)
BODY_WORDS = 3  # "White House National Security Council" and "National Security Council" are one body
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
            # "(?<![\w-])": "pro-Kremlin bloggers" are not the Kremlin
            pats.append((re.compile(r"(?<![\w-])" + re.escape(name) + r"(?!\w)", flags), key, len(name)))
    return pats


@lru_cache(maxsize=1)
def _person_keys() -> frozenset[str]:
    """Alias entries for people: their bare surname is listed as a name ('Putin')."""
    return frozenset(
        k for k, b in aliases()["bodies"].items() if len(k.split()) >= 2 and k.split()[-1] in b["names"]
    )


@lru_cache(maxsize=65536)
def _alias(text: str) -> tuple[str, str]:
    """(body, person) named by aliases in `text` (longest match of each kind), '' where none."""
    norm = text.replace("’", "'").replace("Defense", "Defence").replace("defense", "defence")
    best = {True: ("", 0), False: ("", 0)}
    people = _person_keys()
    for pat, key, n in _alias_patterns():
        is_person = key in people
        if n > best[is_person][1] and pat.search(norm):
            best[is_person] = (key, n)
    body, person = best[False][0], best[True][0]
    if person and not body:  # "Peskov said": the Kremlin's spokesman speaks as the Kremlin
        body = aliases()["bodies"][person].get("speaks_for", "")
    return body, person


def _body_phrase(text: str) -> str:
    """The organisation named in a source description, e.g. 'investigative committee'.

    The last organisation word wins ("the court's press service" is the
    press service), with the capitalised or domain words before it.
    """
    lex = link_lexicon()
    orig = [w[:-2] if w.endswith("'s") else w for w in WORD.findall(text.replace("’", "'"))]
    words = [w.lower() for w in orig]
    modifiers = set(lex["body_modifiers"])
    found = ""
    for i, w in enumerate(words):
        head = None
        for h in lex["body_heads"]:
            hw = h.split()
            if words[i : i + len(hw)] == hw:
                head = (i, i + len(hw))
                break
        if (
            w == "minister"
            and lex.get("minister_to_ministry")
            and not (i and words[i - 1] in lex["minister_not_after"])
        ):
            head = (i, i + 1)
        if head is None:
            continue
        k = head[0]
        while (
            k > 0
            and words[k - 1] not in ("the", "a", "an")
            and (orig[k - 1][:1].isupper() or words[k - 1] in modifiers)
        ):
            k -= 1
        while k < head[0] and words[k] in lex["speaker_qualifiers"]:
            k += 1  # "Senior Kremlin officials": the Kremlin
        phrase = " ".join(words[k : head[1]]).replace("minister", "ministry")
        while (stripped := LEAD.sub("", phrase)) != phrase:
            phrase = stripped
        phrase = " ".join(phrase.split()[-BODY_WORDS:])
        if phrase and phrase not in lex["body_heads"] + ["ministry"]:
            found = phrase
    if found:
        return found
    roles = set(lex["roles"])
    for i, w in enumerate(words):  # "Houthi spokesman X": the capitalised words before a role name the body
        if w in roles and i and orig[i - 1][:1].isupper():
            k = i
            while (
                k > 0
                and orig[k - 1][:1].isupper()
                and words[k - 1] not in lex["minister_not_after"] + CALENDAR + lex["role_qualifiers"]
                + lex["speaker_qualifiers"]
            ):
                k -= 1
            while k < i and words[k] in lex["speaker_qualifiers"]:
                k += 1  # "Senior Kremlin officials": the Kremlin's
            phrase = LEAD.sub("", " ".join(words[k:i]))
            demonym = " " not in phrase and phrase.endswith(tuple(lex["demonym_endings"]))
            if phrase and not demonym and words[k:i] != [x.lower() for x in orig[k:i] if x.isupper()]:
                return phrase  # "Houthi spokesman"; not "the Russian leader", a nationality
    acronyms = [
        w for w in orig if len(w) >= 2 and w.replace("-", "").isupper() and w.replace("-", "").isalpha()
    ]
    return acronyms[-1].lower() if acronyms else ""


def _surname(text: str) -> str:
    """The surname of the first run of two or more capitalised words that is not an organisation.

    "Mykhailo Podolyak, adviser to President Volodymyr Zelensky" is Podolyak:
    the speaker is named first; later names say whom they serve.
    """
    heads = set(link_lexicon()["body_heads"])
    places = set(link_lexicon()["body_level_words"])  # "Moscow Region governor X": the run names a place
    openers = set(link_lexicon()["name_run_openers"])
    organisations = set(link_lexicon()["name_run_organisations"])
    run: list[str] = []
    for w in WORD.findall(text.replace("’", "'")) + ["."]:
        if w[:1].isupper() and not w.isupper():
            if not run and w.lower() in openers:
                continue  # "Two Ukrainian energy officials": a count opening the sentence, no name
            run.append(w.rstrip(".'"))
            continue
        joined = " " + " ".join(run).lower() + " "
        organisation = any(" " + h + " " in joined for h in heads) or any(
            w.lower() in organisations or w.lower().endswith("-based") for w in run)
        if len(run) >= 2 and not organisation and run[-1].lower() not in places:
            return run[-1].lower()
        run = []
    return ""


def body_kind(word: str) -> str:
    """The kind of body a head word names: "army" and "forces" are one kind, "affiliate" another."""
    for kind, words in link_lexicon()["body_kinds"].items():
        if word in words:
            return kind
    return word


def _other_body(said: str | None, resolved: str | None) -> bool:
    """The text says "the regional administration", the resolution names another kind of body.

    A resolution naming a "command" or an "authority" for "the group" or
    "the administration", or an "affiliate" for "the army", is a wrong
    antecedent; one naming no kind at all ("the agency" -> "FSB") or the
    same kind ("the army" -> "the armed forces") is kept.
    """
    if not said or not resolved:
        return False
    lex = link_lexicon()
    heads = set(lex["body_heads"]) | set(lex["group_heads"])
    heads |= {w for ws in lex["body_kinds"].values() for w in ws}
    words = [w.lower() for w in WORD.findall(said)]
    if not words or words[-1] not in heads:
        return False
    theirs = {body_kind(w.lower()) for w in WORD.findall(resolved) if w.lower() in heads}
    return bool(theirs) and body_kind(words[-1]) not in theirs


def origin_of(att: Attribution, doc: Document) -> Origin:
    """The original source of one attribution (its speaker, not its relays)."""
    lex = link_lexicon()
    # the fullest description first: the extractor's canonical name can be a bare surname or head noun
    said = _last_speaker(att.source.text) if att.source else None
    candidates = [att.source_resolved, said, att.source_normalized]
    if _other_body(said, att.source_resolved):  # a wrong antecedent: the words in the text only
        candidates = [said]
    if said and said.strip().lower().startswith(INDEFINITE):  # "a U.S. official" names someone new
        candidates = [said]
    if said and said.split()[0].lower() in ("our", "we") and doc.outlet:
        candidates = [doc.outlet]  # "Our sources report" in a channel's own post: the channel is the origin
    text = next(
        (STAMP.sub("", c) for c in candidates if c and c.strip().lower() not in lex["pronouns"]), None
    )
    if not text:
        if att.source is None and not att.via:
            name = doc.outlet or doc.id
            return Origin("outlet:" + name.lower(), name)
        return Origin("", (att.source.text if att.source else ""))
    alias_body, alias_person = _alias(text)
    if _media_head(text) and not OWNED.search(text):  # "Russian military bloggers": the body only qualifies
        alias_body = ""  # ("the ministry's Telegram channel" is the ministry's own voice)
    media = "" if alias_body or alias_person else _media_name(text)
    if media:
        return Origin(_generic_key(media), media)  # the key a bare mention of the outlet gets
    body = alias_body or _body_phrase(text)
    if alias_body and _named_unit_after(text, alias_body):  # "White House National Security Council"
        body, alias_body = _body_phrase(text), ""
    person = _surname(text) or (alias_person.split()[-1].lower() if alias_person else "")
    if person and not body and att.source is not None and text == said:
        body = _appositive_body(doc.text, att.source.end)
    if body:
        # as written, possessives included: "Iran's foreign ministry" for the body "iran foreign ministry"
        pattern = r"(?:'s)?\s+".join(re.escape(w) for w in body.split())
        found = re.search(pattern, text.replace("’", "'"), re.I)
        name = found.group(0) if found and not alias_body else body
        key = " ".join(_singular(w) for w in body.lower().split())
        return Origin(key, name, person, key)
    if person:
        same = alias_person and alias_person.split()[-1].lower() == person
        return Origin("person:" + person, alias_person if same else text.strip(), person)
    return Origin(_generic_key(text), text.strip())


@lru_cache(maxsize=65536)
def _named_unit_after(text: str, alias_body: str) -> bool:
    """A body with a name of its own follows the alias: "the White House National Security Council".

    The alias there only places the unit, which speaks as itself; a
    lower-case unit ("the Kremlin press service") speaks for the alias.
    """
    names = [alias_body] + aliases()["bodies"].get(alias_body, {}).get("names", [])
    norm = text.replace("’", "'")
    ends = [m.end() for n in names for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", norm, re.I)]
    if not ends:
        return False
    after = WORD.findall(norm[max(ends) :])
    heads = set(link_lexicon()["body_heads"])
    run = []
    for w in after:
        if not w[:1].isupper():
            break
        run.append(w)
    return len(run) >= 2 and run[-1].lower() in heads


def _last_speaker(said: str) -> str:
    """The speaker of a source span that runs over another's report into its own name.

    "A group estimated that 20 had died, and Russian bloggers" holds a
    clause ("that ..."), which no name does: the speaker is the last part.
    """
    if CLAUSE_IN_SOURCE.search(said):
        parts = COORDINATION.split(said)
        if len(parts) > 1 and parts[-1].strip():
            return parts[-1].strip()
    return said


def _media_head(text: str) -> bool:
    """The description is of a medium ("bloggers", "a Telegram channel"), whatever it names before."""
    heads = {_singular(h.split()[-1]) for h in link_lexicon()["media_heads"]}
    key = _generic_key(text)
    return bool(key) and key.split()[-1] in heads


def _appositive_body(text: str, end: int) -> str:
    """The body a person speaks for, named right after the name: "X, a spokesman for the agency,"."""
    if end < 0:
        return ""
    m = APPOSITIVE.match(text, end)
    if not m or m.group(1).lower() not in link_lexicon()["roles"]:
        return ""
    said = m.group(2)
    return _alias(said)[0] or _body_phrase(said)


def _media_name(text: str) -> str:
    """The outlet's own name in "the Zorka Telegram channel" or "the outlet Zorka".

    Capitalised words next to a media word ("channel", "outlet") name the
    outlet, so both wordings are one origin; a nationality ("Russian outlet")
    names none.
    """
    demonyms = tuple(link_lexicon()["demonym_endings"])
    heads = [h.split() for h in sorted(link_lexicon()["media_heads"], key=len, reverse=True)]
    orig = WORD.findall(text.replace("’", "'"))
    words = [w.lower() for w in orig]
    for i in range(len(words)):
        for hw in heads:
            if words[i : i + len(hw)] != hw:
                continue
            k = i  # proper words just before the head: "the Baza Telegram channel"
            while k > 0 and orig[k - 1][:1].isupper() and words[k - 1] not in ("the", "a", "an"):
                k -= 1
            name = [
                w for w in orig[k:i] if w.lower() not in ("telegram", "news") and not w.endswith(demonyms)
            ]
            if not name:  # or right after it: "the outlet Baza"
                j = i + len(hw)
                while j < len(orig) and orig[j][:1].isupper():
                    j += 1
                name = [w for w in orig[i + len(hw) : j] if not w.endswith(demonyms)]
            if name and len(name) <= 3:
                return " ".join(name)
    return ""


def _singular(w: str) -> str:
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def _generic_key(text: str) -> str:
    """An unnamed source by its head words: "a detained suspect shown in the video" -> "detained suspect"."""
    stops = set(link_lexicon()["description_stops"])
    words = WORD.findall(text.lower().replace("’", "'"))
    while words and LEAD.match(words[0] + " "):
        words = words[1:]
    chunk: list[str] = []
    for w in words:
        if w in stops:
            break
        chunk.append(w)
    return " ".join(_singular(w) for w in (chunk or words)[-2:])


@dataclass
class PersonBodies:
    """Surname -> body, learned from descriptions that name both ("FSB director X")."""

    seen: dict[str, str] = field(default_factory=dict)

    def learn(self, o: Origin) -> None:
        if o.person and o.body:
            self.seen.setdefault(o.person, o.body)

    def resolve(self, o: Origin, doc_bodies: dict[str, str] | None = None) -> Origin:
        """A person by the body they speak for; a bare "the committee" by the document's last such body."""
        if doc_bodies and o.key in doc_bodies:
            return Origin(doc_bodies[o.key], o.name, o.person, doc_bodies[o.key])
        if o.key.startswith("person:") and o.person in self.seen:
            body = self.seen[o.person]
            return Origin(body, o.name, o.person, body)
        return o
