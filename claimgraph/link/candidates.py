"""Candidate pairs: the few other claims each claim could be the same as.

Scoring every pair is quadratic; instead each vector's nearest neighbours are
taken (exact top-k by chunked matrix products up to `EXACT_MAX` items,
random-hyperplane buckets above it), and pairs sharing a blocking key (same
origin and same figure) are added, since paraphrases with one number can sit
far apart in embedding space.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

import numpy as np

EXACT_MAX = 20000
CHUNK = 1024
BUCKET_MAX = 512


def _topk_block(vecs: np.ndarray, rows: np.ndarray, k: int, min_sim: float) -> set[tuple[int, int]]:
    """Exact top-k pairs among `rows` (indices into vecs), in chunks."""
    pairs: set[tuple[int, int]] = set()
    sub = vecs[rows]
    kk = min(k + 1, len(rows))
    for s in range(0, len(rows), CHUNK):
        sims = sub[s : s + CHUNK] @ sub.T
        idx = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        for r in range(idx.shape[0]):
            i = int(rows[s + r])
            for c in idx[r]:
                j = int(rows[c])
                if i != j and sims[r, c] >= min_sim:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def neighbour_pairs(
    vecs: np.ndarray, k: int = 10, min_sim: float = 0.3, tables: int = 2, seed: int = 13
) -> set[tuple[int, int]]:
    """Pairs (i < j) of near neighbours by cosine (vectors are unit length)."""
    n = len(vecs)
    if n < 2:
        return set()
    if n <= EXACT_MAX:
        return _topk_block(vecs, np.arange(n), k, min_sim)
    rng = np.random.default_rng(seed)
    k = max(3, round(k * 1.2 / tables))  # per table, so the tables together give about k neighbours
    bits = max(4, int(np.ceil(np.log2(n / 64))))
    pairs: set[tuple[int, int]] = set()
    for _ in range(tables):
        planes = rng.standard_normal((vecs.shape[1], bits)).astype(np.float32)
        codes = ((vecs @ planes) > 0).astype(np.int64) @ (1 << np.arange(bits, dtype=np.int64))
        order = np.argsort(codes, kind="stable")
        bounds = np.flatnonzero(np.diff(codes[order])) + 1
        for rows in np.split(order, bounds):
            if len(rows) < 2:
                continue
            if len(rows) > BUCKET_MAX:
                proj = vecs[rows] @ rng.standard_normal(vecs.shape[1]).astype(np.float32)
                rows = rows[np.argsort(proj)]
                for s in range(0, len(rows), BUCKET_MAX // 2):
                    pairs |= _topk_block(vecs, rows[s : s + BUCKET_MAX], k, min_sim)
            else:
                pairs |= _topk_block(vecs, rows, k, min_sim)
    return pairs


def key_pairs(keys: Iterable[tuple[int, Hashable]], cap: int = 50) -> set[tuple[int, int]]:
    """Pairs of items sharing a blocking key; keys held by more than `cap` items are skipped."""
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for i, key in keys:
        groups[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in groups.values():
        if 2 <= len(members) <= cap:
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    i, j = members[a], members[b]
                    pairs.add((i, j) if i < j else (j, i))
    return pairs
