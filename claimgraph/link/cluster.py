"""Same claim or not: a pair score, then constrained greedy merging.

Embedding similarity alone cannot tell "93 dead" from "115 dead": on one
story every sentence looks alike. The score therefore starts from cosine and
is moved by who said it, which names and which figures it carries, and
whether it denies; two claims whose figures for the same measure cannot both
hold are never merged (cannot-link), however close their wording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from claimgraph.link.figures import Figure, comparable, disjoint
from claimgraph.link.items import Item
from claimgraph.link.lexicon import link_lexicon
from claimgraph.link.places import Where, places_clash
from claimgraph.link.provenance import same_origin

THRESHOLD = 0.62
DENIAL_COS = 0.75
# how each kind of evidence moves the cosine (set by hand on dev/, checked on dev-dense/)
W = {
    "figures_agree": 0.12,
    "figures_match": 0.35,
    "figures_differ": -0.25,
    "figures_one_side": -0.05,
    "same_origin": 0.1,
    "other_origin": -0.08,
    "names": 0.08,
    "lexical": 0.3,
    "mood_differs": -0.3,
}
MATCH_MIN = 10  # smaller counts ("four gunmen", "two of them") recur across unrelated statements
AVG_MARGIN = 0.0  # how far above the threshold the mean over two groups must be to merge them
LEX_PIVOT = 0.2  # TF-IDF cosine that neither raises nor lowers the score


def figures_clash(a: list[Figure], b: list[Figure]) -> bool:
    """Some measure both count, and no figure of one fits any comparable figure of the other."""
    for m in {f.measure for f in a if f.measure} & {f.measure for f in b if f.measure}:
        if _all_apart([x for x in a if x.measure == m], [y for y in b if y.measure == m]):
            return True
    return False


def _all_apart(a: list[Figure], b: list[Figure]) -> bool:
    """Some pair is comparable and every comparable pair is apart (stops at the first fitting pair)."""
    seen = False
    for x in a:
        for y in b:
            if comparable(x, y) or _other_things(x, y):
                if not _apart(x, y):
                    return False
                seen = True
    return seen


def _other_things(x: Figure, y: Figure) -> bool:
    """One act counted of two kinds of thing ("fired 120 missiles", "fired 90 drones"): two claims."""
    return bool(x.noun and y.noun and x.noun != y.noun and x.measure not in link_lexicon()["person_measures"])


def _apart(x: Figure, y: Figure) -> bool:
    """No one statement gives both: disjoint, or one episode's count and another figure for the whole."""
    return disjoint(x, y) or (x.episode != y.episode and x.value != y.value) or _other_things(x, y)


def figures_agree(a: list[Figure], b: list[Figure]) -> bool:
    """Some figure of one fits some figure of the other (same value, or overlapping bounds)."""
    return any(x.value == y.value or (comparable(x, y) and not disjoint(x, y)) for x in a for y in b)


def figures_match(a: list[Figure], b: list[Figure]) -> bool:
    """The same count of the same thing ("133 dead"): on one story, few statements share one."""
    return any(
        x.measure and x.value == y.value and x.value >= MATCH_MIN and comparable(x, y) for x in a for y in b
    )


def _named(it: Item) -> bool:
    """The origin is a named body or person, not a description ("a rebel commander")."""
    o = it.origin
    return bool(o.body or o.person) or o.key.startswith(("person:", "outlet:"))


def pair_score(a: Item, b: Item, cos: float, lex: float = LEX_PIVOT) -> float:
    """How likely two attributions assert the same proposition (higher is likelier).

    `cos` is the sentence-embedding cosine, `lex` the TF-IDF cosine of their
    words within the batch: words the whole story uses weigh little there,
    so "window" or "Belarus" tell two statements on one story apart.
    """
    if figures_clash(a.figures, b.figures) or places_clash(a.where, b.where):
        return -1.0  # "in Odesa" / "in Mykolaiv", "District 12" / "District 31": not one event
    s = cos + W["lexical"] * (lex - LEX_PIVOT)
    if a.figures and b.figures:
        if figures_match(a.figures, b.figures):
            s += W["figures_match"]
        else:
            s += W["figures_agree"] if figures_agree(a.figures, b.figures) else W["figures_differ"]
    elif a.figures or b.figures:
        s += W["figures_one_side"]
    if a.origin.key and b.origin.key:
        if same_origin(a, b):
            s += W["same_origin"]
        elif _named(a) and _named(b):  # "a rebel commander" may well be the alliance named elsewhere
            s += W["other_origin"]
    if a.names and b.names:
        s += W["names"] * len(a.names & b.names) / len(a.names | b.names)
    if a.asks != b.asks:  # a question and an answer to it are different claims
        s += W["mood_differs"]
    if a.unseen != b.unseen:  # "no sign that X took part" is not "X took no part"
        s += W["mood_differs"]
    if a.negated != b.negated:
        if cos >= DENIAL_COS:  # the same words, one of them denied: opposite claims
            return -1.0
        s -= 0.08
    return s


SAMPLE = 12


def _sample(members: list[int]) -> list[int]:
    """At most SAMPLE members, evenly spread, so linkage on big groups stays cheap."""
    if len(members) <= SAMPLE:
        return members
    step = len(members) / SAMPLE
    return [members[int(k * step)] for k in range(SAMPLE)]


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x


def cluster(
    items: list[Item],
    scored: Iterable[tuple[float, int, int]],
    score_of: Callable[[int, int], float],
    threshold: float = THRESHOLD,
) -> list[list[int]]:
    """Average-linkage merging along candidate pairs, best first, refusing merges whose figures clash.

    A merge needs the mean score over ALL pairs between the two groups (the
    ones not among the candidates are scored on demand) to pass the
    threshold, which stops chains of near-misses from gluing a story into
    one claim.
    """
    uf = UnionFind(len(items))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    figs: dict[int, list[Figure]] = {i: list(it.figures) for i, it in enumerate(items)}
    wheres: dict[int, list[Where]] = {
        i: [it.where] if it.where.units or any(it.where.places) else [] for i, it in enumerate(items)
    }
    cache: dict[tuple[int, int], float] = {}
    refused: set[tuple[int, int, int, int]] = set()
    ordered = sorted(scored, reverse=True)
    for s, i, j in ordered:
        cache[(i, j)] = s

    def get(x: int, y: int) -> float:
        k = (x, y) if x < y else (y, x)
        if k not in cache:
            cache[k] = score_of(*k)
        return cache[k]

    for s, i, j in ordered:
        if s < threshold:
            break
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        tried = (min(ri, rj), max(ri, rj), len(members[ri]), len(members[rj]))
        if tried in refused:  # the same two groups, unchanged since they were refused
            continue
        if figures_clash(figs[ri], figs[rj]) or any(
            places_clash(x, y) for x in wheres[ri] for y in wheres[rj]
        ):  # a claim with no place may not bridge two claims set in different places
            refused.add(tried)
            continue
        cross = [get(x, y) for x in _sample(members[ri]) for y in _sample(members[rj])]
        if sum(cross) / len(cross) < threshold + AVG_MARGIN:
            refused.add(tried)
            continue
        uf.parent[rj] = ri
        members[ri] += members.pop(rj)
        # distinct figures only, so clash checks on big groups stay small
        figs[ri] = list(dict.fromkeys(figs[ri] + figs.pop(rj)))
        wheres[ri] = list(dict.fromkeys(wheres[ri] + wheres.pop(rj)))
    return [sorted(m) for m in members.values()]
