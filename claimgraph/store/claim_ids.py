"""Claim ids that survive relinking, so links to a claim page and reports keep pointing at it.

Linking runs over the whole store again after each ingest and numbers its
clusters afresh. Before the new claims are saved, each takes the id of the old
claim it shares most appearances with (largest overlaps first, each old id
given once). A claim with no predecessor keeps the id linking gave it unless
that id belonged to another claim before (a stale link must never open a
different claim); then it gets one derived from its earliest appearance.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from claimgraph.model import Claim

MemberKey = tuple[str, int]  # (document id, attribution index)


def _fresh_id(claim: Claim, taken: set[str]) -> str:
    first = min(((m.doc_id, m.index) for m in claim.members), default=("", 0))
    base = "c" + hashlib.sha1(f"{first[0]}\x1f{first[1]}".encode()).hexdigest()[:10]
    out, n = base, 1
    while out in taken:
        n += 1
        out = f"{base}-{n}"
    return out


def assign_stable_ids(claims: list[Claim], previous: dict[MemberKey, str]) -> None:
    """Set each claim's `id`: inherited from `previous` (member -> old claim id) where possible."""
    overlaps = []
    for i, c in enumerate(claims):
        counts = Counter(previous[k] for k in ((m.doc_id, m.index) for m in c.members) if k in previous)
        overlaps.extend((n, -i, old) for old, n in counts.items())
    ids: dict[int, str] = {}
    used: set[str] = set()
    for _n, neg_i, old in sorted(overlaps, reverse=True):
        if -neg_i not in ids and old not in used:
            ids[-neg_i] = old
            used.add(old)
    retired = set(previous.values())
    for i, c in enumerate(claims):
        if i not in ids:
            free = c.id and c.id not in used and c.id not in retired
            ids[i] = c.id if free else _fresh_id(c, used | retired)
            used.add(ids[i])
        c.id = ids[i]
