"""Where a claim comes from: relay chains back to origins, and how it spread.

Each appearance is a chain outlet -> (forwarded channel) -> via... -> source.
The origin is the source at the end of the chain, so an outlet citing HUR,
another outlet citing that outlet and a Telegram forward all end at HUR and
count once. Circular reporting: several outlets, one origin behind them all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.link.items import Item
from claimgraph.link.lexicon import aliases, link_lexicon
from claimgraph.link.origins import body_kind

ARTICLES = {"the", "a", "an"}
WORD = re.compile(r"[a-z][a-z'-]*")
PROPER = re.compile(r"\b[A-Z][\w'-]+")
STEM = 6  # "investigators" and "investigative" share a body word


@dataclass
class Provenance:
    origins: list[str]
    relays: list[tuple[str, str]]
    independent_origins: int
    circular: bool
    first_seen: str | None
    spread: list[tuple[str, int]] = field(default_factory=list)  # (day, new outlets that day)


def stems(key: str) -> frozenset[str]:
    words = key.replace("-", " ").split()
    return frozenset(
        (w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)[:STEM] for w in words
    )


def same_origin(x: Item, y: Item) -> bool:
    """One origin behind both, named more or less fully ("investigators", "the Investigative Committee")."""
    if not x.origin.key or not y.origin.key:
        return False
    if x.origin.key == y.origin.key:
        return True
    if x.origin.key.startswith(("person:", "outlet:")) or y.origin.key.startswith(("person:", "outlet:")):
        return False
    if x.origin.person and y.origin.person and x.origin.person != y.origin.person:
        return False  # "Security Council secretary X" and "National Security Council spokeswoman Y"
    level = stems(" ".join(link_lexicon()["body_level_words"]))
    a, b = stems(x.origin.key), stems(y.origin.key)
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return small <= big and not (big - small) & level


def _merge_contained(names: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    """Fold a body key into the one fuller key of the same claim that contains its words.

    "investigative committee", "investigators" and "russia investigative
    committee" on one claim are one body named more or less fully; a key
    contained in two different fuller keys is left alone (it could be either).
    """
    bodies = [k for k in names if k and not k.startswith(("person:", "outlet:"))]
    level = stems(" ".join(link_lexicon()["body_level_words"]))  # a regional branch is its own body
    out = {k: Counter(v) for k, v in names.items()}
    said = {
        k: stems(" ".join(w for w in WORD.findall(v.most_common(1)[0][0].lower()) if w not in ARTICLES))
        for k, v in names.items()
    }

    def within(k: str, b: str) -> bool:
        return any(x[k] < x[b] and not (x[b] - x[k]) & level for x in (keyed, said))

    keyed = {k: stems(k) for k in names}
    for k in sorted(bodies, key=lambda x: -len(stems(x))):  # fullest first: chains fold up
        fuller = [b for b in bodies if b != k and b in out and within(k, b)]
        if len(fuller) == 1 and k in out:
            out.pop(k)  # the fuller key's own wording names the body best
    return out


def _unnamed(name: str) -> bool:
    """A description with no proper word in it: "the army", "the Regional Military Administration".

    Capitals on words any body's name may hold ("Regional", "Administration") name nobody.
    """
    lex = link_lexicon()
    generic = ARTICLES | set(lex["body_modifiers"]) | set(lex["body_heads"]) | set(lex["body_level_words"])
    return not any(w.lower() not in generic for w in PROPER.findall(name))


def _titles_held(name: str) -> set[str]:
    """Title words of a name, less those a qualifier makes another office ("Deputy Prime Minister")."""
    words = name.lower().split()
    not_after = set(link_lexicon()["minister_not_after"])
    return {w for k, w in enumerate(words) if not (k and words[k - 1] in not_after)}


@lru_cache(maxsize=1)
def _named_bodies() -> dict[str, tuple[str, dict]]:
    """aliases.json's bodies by the key an origin gets (lower case): name and entry, built once."""
    return {name.lower(): (name, entry) for name, entry in aliases()["bodies"].items()}


def _fold_offices(names: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    """An unnamed office beside the one origin of the claim that holds it is that origin.

    "the army" on a claim that also names "Mali's armed forces" (one kind of
    body), or "the regional administration" beside "Governor X" (the office a
    governor heads), is one speaker named twice, not a second origin; beside
    two candidates it is left alone (it could be either). A body with a name
    of its own ("the Pentagon", "the Kremlin": an alias in aliases.json) is no
    unnamed office: it folds only into a person holding it, never into another body.
    """
    heads_of = link_lexicon()["title_bodies"]
    heads = set(link_lexicon()["body_heads"])
    kinds = {w for ws in link_lexicon()["body_kinds"].values() for w in ws}

    def kind(key: str) -> str:
        last = key.split()[-1]
        return body_kind(last) if last in kinds or last + "s" in kinds else ""

    named_bodies = _named_bodies()
    out = dict(names)
    for k in list(out):
        if k.startswith(("person:", "outlet:")) or not _unnamed(out[k].most_common(1)[0][0]):
            continue
        last = k.split()[-1]
        titles = {t for t, bodies in heads_of.items() if last in bodies}
        own_name = k in named_bodies
        same = [] if own_name else [b for b in out if b != k and kind(k) and kind(b) == kind(k)]
        # a bare "the agency" beside one body naming no other kind of head
        if k in heads and not same and not own_name:
            same = [
                b
                for b in out
                if b != k and not b.startswith(("person:", "outlet:")) and not set(b.split()) & heads
            ]
        holders = [p for p in out if p != k and any(titles & _titles_held(n) for n in out[p])]
        if len(set(same + holders)) == 1:
            out.pop(k)
    return out


def _fold_kind_descriptions(names: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    """"Ukrainian intelligence officials" beside HUR, the one Ukrainian intelligence body the claim
    names, are HUR speaking unnamed: one origin, not a second, independent one. Beside two such
    bodies (HUR and the SBU), or none, the description stays an origin of its own."""
    lex = link_lexicon()
    bodies = _named_bodies()
    roles = set(lex["roles"]) | set(lex["office_words"]) | {"source", "sources", "officer", "officers"}
    out = dict(names)
    for k in list(out):
        if k.startswith(("person:", "outlet:")) or k in bodies:
            continue
        said = out[k].most_common(1)[0][0]
        words = WORD.findall(said.lower())
        states = [lex["state_words"][w.capitalize()] for w in words if w.capitalize() in lex["state_words"]]
        state = states[0] if states else ""
        core = " ".join(w for w in words if w not in roles and w not in ARTICLES
                        and w.capitalize() not in lex["state_words"])
        kind = next((t for t, phrases in lex["kind_descriptions"].items() if core in phrases), "")
        if not kind:
            continue
        same = [b for b in out if b in bodies and bodies[b][1].get("type") == kind
                and (not state or lex["body_states"].get(bodies[b][0]) == state)]
        if len(same) == 1:
            out[same[0]] = out[same[0]] + out.pop(k)
    return out


def _singular(w: str) -> str:
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def _named(key: str, name: str) -> bool:
    """A named source, or a description that still names an office or a medium ("the ministry", "bloggers").

    Anything else ("a detained suspect", "a statement the rebels posted")
    describes a speaker without naming one.
    """
    if key.startswith(("person:", "outlet:")):
        return True
    words = {_singular(w) for w in key.split()}
    proper = {_singular(w.lower()) for w in PROPER.findall(name)}
    if words & proper:  # "Baza": the key is a name
        return True
    lex = link_lexicon()
    offices = set(lex["body_heads"]) | set(lex["roles"]) | set(lex["office_words"])
    offices |= set(lex["body_level_words"]) | set(lex["media_heads"])
    return bool(words & {_singular(w) for w in offices})


def provenance(items: list[Item]) -> Provenance:
    """Origins, relay edges and spread of one claim's appearances."""
    names: dict[str, Counter[str]] = {}
    named_keys: set[str] = set()
    person_key: dict[str, str] = {}  # a named person's first key on this claim
    for it in items:
        key = it.origin.key
        if not key:
            continue
        if it.origin.person:  # "Governor X" once keyed by the body he speaks for, once by name: one origin
            key = person_key.setdefault(it.origin.person, key)
        names.setdefault(key, Counter())[it.origin.name] += 1
        if _named(it.origin.key, it.origin.name) or it.origin.body or it.origin.person:
            named_keys.add(key)
    names = _fold_kind_descriptions(_fold_offices(_merge_contained(names)))
    if any(k in named_keys for k in names):  # "a detained suspect" beside named origins is one of them
        names = {k: v for k, v in names.items() if k in named_keys}
    people = [k for k in names if k.startswith("person:")]
    titles = set(link_lexicon()["person_titles"])
    if len(people) == 1:  # "the Russian leader" on a claim that also names one person: that person
        names = {k: v for k, v in names.items() if k in people or not (set(k.split()) & titles)}
    if not names:  # only unresolved pronouns: one unnamed origin
        names = {"": Counter({items[0].origin.name or "unnamed source": 1})}
    origins = [c.most_common(1)[0][0] for c in names.values()]
    edges: list[tuple[str, str]] = []
    for it in items:
        chain = it.relays + [it.origin.name or "unnamed source"]
        for a, b in zip(chain, chain[1:], strict=False):
            if a != b and (a, b) not in edges:
                edges.append((a, b))
    outlets = {it.outlet for it in items if not it.wire_copy_of}
    dated = sorted((it.published.isoformat(), it.outlet) for it in items if it.published)
    spread: dict[str, set[str]] = {}
    seen: set[str] = set()
    for day, outlet in dated:
        if outlet not in seen:
            seen.add(outlet)
            spread.setdefault(day, set()).add(outlet)
    return Provenance(
        origins=origins,
        relays=edges,
        independent_origins=len(origins),
        circular=len(outlets) >= 2 and len(origins) == 1,
        first_seen=dated[0][0] if dated else None,
        spread=[(d, len(o)) for d, o in sorted(spread.items())],
    )
