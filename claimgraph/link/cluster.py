"""Same claim or not: a pair score, then constrained greedy merging.

Embedding similarity alone cannot tell "93 dead" from "115 dead": on one
story every sentence looks alike. The score therefore starts from cosine and
is moved by who said it, which names and which figures it carries, and
whether it denies; two claims whose figures for the same measure cannot both
hold are never merged (cannot-link), however close their wording.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.link.figures import Figure, disjoint
from claimgraph.link.items import Item

THRESHOLD = 0.62


def figures_clash(a: list[Figure], b: list[Figure]) -> bool:
    """Some measure both count, with values that cannot both hold."""
    for fa in a:
        if not fa.measure:
            continue
        for fb in b:
            if fb.key == fa.key and disjoint(fa, fb):
                same_key_match = any(x.key == fa.key and not disjoint(x, y) for x in a for y in b if y.key == fa.key)
                if not same_key_match:
                    return True
    return False


def _values(figs: list[Figure]) -> set[float]:
    return {f.value for f in figs}


def pair_score(a: Item, b: Item, cos: float) -> float:
    """How likely two attributions assert the same proposition (higher is likelier)."""
    if figures_clash(a.figures, b.figures):
        return -1.0
    s = cos
    va, vb = _values(a.figures), _values(b.figures)
    if va and vb:
        s += 0.12 if va & vb else -0.15
    elif va or vb:
        s -= 0.05
    if a.origin.key and b.origin.key:
        s += 0.1 if a.origin.key == b.origin.key else -0.08
    if a.names and b.names:
        s += 0.08 * len(a.names & b.names) / len(a.names | b.names)
    if a.negated != b.negated:
        s -= 0.15
    return s


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x


def cluster(items: list[Item], scored: Iterable[tuple[float, int, int]], threshold: float = THRESHOLD) -> list[list[int]]:
    """Greedy merging, best pairs first, refusing merges whose figures clash.

    A merge also needs the pair to be typical of the two groups: the mean
    score over the scored pairs between them must pass the threshold too,
    which stops chains of near-misses from gluing a story into one claim.
    """
    uf = UnionFind(len(items))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    figs: dict[int, list[Figure]] = {i: list(it.figures) for i, it in enumerate(items)}
    pair_scores: dict[tuple[int, int], float] = {}
    ordered = sorted(scored, reverse=True)
    for s, i, j in ordered:
        pair_scores[(i, j)] = s
    for s, i, j in ordered:
        if s < threshold:
            break
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or figures_clash(figs[ri], figs[rj]):
            continue
        known = [pair_scores.get((x, y) if x < y else (y, x)) for x in members[ri] for y in members[rj]]
        known = [k for k in known if k is not None]
        if known and sum(known) / len(known) < threshold - 0.1:
            continue
        uf.parent[rj] = ri
        members[ri] += members.pop(rj)
        figs[ri] += figs.pop(rj)
    return [sorted(m) for m in members.values()]
