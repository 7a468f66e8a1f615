"""Disagreements between claims: conflicts, and updates that only look like them.

Figures: two claims of one story counting the same thing (same measure and
counted noun) whose intervals cannot both hold ("about 670" vs "627" may;
"up to 3,000" vs "12,000" may not). If they speak for different times, or one
origin revises itself, or the later one reports a change ("rose to"), the
later revises the earlier: an update. Otherwise both cannot be true: a
conflict, with the most conservative (lowest) figure named.
Statements: a denial and an assertion that are otherwise close paraphrases.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from claimgraph.link.figures import Figure, disjoint
from claimgraph.link.items import Item
from claimgraph.model import Disagreement, MemberRef

WINDOW = 12
STATEMENT_MIN_COS = 0.5


def _ref(items: list[Item], i: int) -> MemberRef:
    it = items[i]
    return MemberRef(it.doc_id, it.index, it.content)


def _time(it: Item) -> tuple[dt.date, int]:
    return (it.when or dt.date.min, it.tod if it.tod is not None else -1)


def _order(it: Item) -> tuple[dt.date, int, dt.date, str, int]:
    """Sort key: when the claim speaks for, then publication, then place in the text."""
    return (*_time(it), it.published or dt.date.min, it.doc_id, it.position)


def _same_time(a: Item, b: Item) -> bool:
    if a.when != b.when:
        return False
    return a.tod is None or b.tod is None or a.tod == b.tod


def _who(it: Item) -> str:
    return it.origin.name or it.outlet


def _kind(a: Item, fa: Figure, b: Item, fb: Figure) -> str:
    """'update' or 'conflict' for two disjoint figures, `a` being the earlier."""
    if not _same_time(a, b):
        return "update"
    if a.origin.key and a.origin.key == b.origin.key:
        return "update"
    if b.growth and fb.low > fa.high and a.doc_id == b.doc_id:
        return "update"
    return "conflict"


def figure_disagreements(
    items: list[Item], clusters: list[list[int]], story: dict[str, int]
) -> list[Disagreement]:
    """Conflicts and updates between claims over figures of one measure."""
    groups: dict[tuple, list[tuple[Item, int, Figure]]] = defaultdict(list)
    for c in clusters:
        first = min(c, key=lambda i: _order(items[i]))
        it = items[first]
        seen_keys = set()
        for f in it.figures:
            if f.measure and f.key not in seen_keys:
                seen_keys.add(f.key)
                groups[(story.get(it.doc_id, 0), f.key)].append((it, first, f))
    out: list[Disagreement] = []
    for entries in groups.values():
        entries.sort(key=lambda e: _order(e[0]))
        for n, (b, ib, fb) in enumerate(entries):
            predecessor: tuple[Item, int, Figure] | None = None
            for a, ia, fa in entries[max(0, n - WINDOW) : n]:
                if not disjoint(fa, fb):
                    continue
                kind = _kind(a, fa, b, fb)
                if kind == "conflict":
                    low = min((fa, a), (fb, b), key=lambda x: x[0].low)
                    why = (
                        f"{fa.measure} ({fa.noun or 'count'}): {fa.text()} ({_who(a)}) vs "
                        f"{fb.text()} ({_who(b)}) for the same time"
                    )
                    out.append(
                        Disagreement(
                            "conflict",
                            _ref(items, ia),
                            _ref(items, ib),
                            why,
                            conservative=f"{low[0].text()} ({_who(low[1])})",
                        )
                    )
                else:
                    predecessor = (a, ia, fa)
            if predecessor:
                a, ia, fa = predecessor
                how = (
                    "the same source revised its figure"
                    if a.origin.key == b.origin.key
                    else "the figure changed over time"
                )
                what = f"{fa.measure} ({fa.noun or 'count'})"
                why = f"{what}: {fa.text()} ({_who(a)}) -> {fb.text()} ({_who(b)}); {how}"
                out.append(Disagreement("update", _ref(items, ia), _ref(items, ib), why))
    return out


def statement_conflicts(
    items: list[Item], cluster_of: list[int], cos_of: dict[tuple[int, int], float], story: dict[str, int]
) -> list[Disagreement]:
    """A denial against an assertion of nearly the same words, from different origins."""
    out: list[Disagreement] = []
    done: set[frozenset[int]] = set()
    for (i, j), cos in cos_of.items():
        a, b = items[i], items[j]
        if cos < STATEMENT_MIN_COS or a.negated == b.negated or cluster_of[i] == cluster_of[j]:
            continue
        if story.get(a.doc_id) != story.get(b.doc_id) or (a.origin.key and a.origin.key == b.origin.key):
            continue
        if a.figures and b.figures:
            continue
        key = frozenset((cluster_of[i], cluster_of[j]))
        if key in done:
            continue
        done.add(key)
        denier, asserter = (a, b) if a.negated else (b, a)
        why = f"{_who(denier)} denies what {_who(asserter)} asserts"
        out.append(Disagreement("conflict", _ref(items, i), _ref(items, j), why))
    return out
