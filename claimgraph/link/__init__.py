"""Linking across articles: the same claim found again, its origins, its contradictions.

`link_documents(docs)` takes documents whose attributions are filled and
returns a `LinkResult`: claims (clusters of attributions with provenance) and
disagreements (conflicts and updates). Steps, each its own module: items
(flat records), embed (vectors), candidates (near pairs from an index, not all
pairs), cluster (pair score + constrained merging), provenance, stories and
conflicts.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from claimgraph.link.candidates import key_pairs, neighbour_pairs
from claimgraph.link.cluster import cluster, pair_score
from claimgraph.link.conflicts import figure_disagreements, statement_conflicts
from claimgraph.link.embed import vectors, word_vectors
from claimgraph.link.items import Item, build_items
from claimgraph.link.provenance import provenance
from claimgraph.link.stories import story_of
from claimgraph.model import Claim, Document, LinkResult, MemberRef


def _blocking_keys(items: list[Item]):
    """Same origin and same figure: likely the same claim in other words."""
    for i, it in enumerate(items):
        if it.origin.key:
            for f in it.figures:
                if f.measure:
                    yield i, (it.origin.key, f.key, f.value)


def link_items(items: list[Item], vecs: np.ndarray, docs: list[Document]) -> LinkResult:
    """Cluster items given their unit vectors, then provenance and disagreements."""
    pairs = neighbour_pairs(vecs) | key_pairs(_blocking_keys(items))
    cos_of = {(i, j): float(vecs[i] @ vecs[j]) for i, j in pairs}
    words = word_vectors([it.content for it in items])

    def lex(i: int, j: int) -> float:
        a, b = words[i], words[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(k, 0.0) for k, v in a.items())

    scored = [(pair_score(items[i], items[j], c, lex(i, j)), i, j) for (i, j), c in cos_of.items()]

    def score_of(i: int, j: int) -> float:
        return pair_score(items[i], items[j], float(vecs[i] @ vecs[j]), lex(i, j))

    groups = cluster(items, scored, score_of)
    cluster_of = [0] * len(items)
    for ci, g in enumerate(groups):
        for i in g:
            cluster_of[i] = ci
    claims = []
    for ci, g in enumerate(groups):
        members = [items[i] for i in g]
        prov = provenance(members)
        claims.append(
            Claim(
                id=f"c{ci}",
                members=[MemberRef(m.doc_id, m.index, m.content) for m in members],
                origins=prov.origins,
                relays=prov.relays,
                independent_origins=prov.independent_origins,
                circular=prov.circular,
                first_seen=prov.first_seen,
                label=min((m.content for m in members), key=len)[:120],
            )
        )
    story = story_of(docs)
    disagreements = figure_disagreements(items, groups, story, vecs)
    disagreements += statement_conflicts(items, cluster_of, cos_of, story)
    return LinkResult(claims=claims, disagreements=disagreements)


def link_documents(docs: list[Document]) -> LinkResult:
    """Link the attributions of `docs` (already extracted) into claims."""
    items = build_items(docs)
    vecs = vectors([it.content for it in items]) if items else np.zeros((0, 384), dtype=np.float32)
    return link_items(items, vecs, docs)


def to_contract(result: LinkResult) -> dict[str, Any]:
    """The JSON layout of the benchmark contract, with provenance fields beside it."""

    def m(ref: MemberRef) -> dict[str, Any]:
        return {"doc": ref.doc_id, "content": ref.content}

    return {
        "clusters": [
            {
                "members": [m(r) for r in c.members],
                "origins": c.origins,
                "independent_origins": c.independent_origins,
                "circular": c.circular,
                "first_seen": c.first_seen,
                "relays": [list(e) for e in c.relays],
                "label": c.label,
            }
            for c in result.claims
        ],
        "conflicts": [
            {"a": m(d.a), "b": m(d.b), "why": d.why, "conservative": d.conservative}
            for d in result.disagreements
            if d.kind == "conflict"
        ],
        "updates": [
            {"earlier": m(d.a), "later": m(d.b), "why": d.why}
            for d in result.disagreements
            if d.kind == "update"
        ],
    }
