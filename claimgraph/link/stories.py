"""Which documents report the same story.

Two figures can only contradict each other about one event; "seven killed"
in Odesa and "two killed" in Mali are not rivals. Documents are grouped by
TF-IDF similarity of their whole text (names carry most of the weight), and
only claims inside one group are compared for conflicts.
"""

from __future__ import annotations

from claimgraph.link.cluster import UnionFind
from claimgraph.model import Document

MIN_SIM = 0.2


def story_of(docs: list[Document], min_sim: float = MIN_SIM, k: int = 20) -> dict[str, int]:
    """doc id -> story number (connected components of similar documents)."""
    if len(docs) < 2:
        return {d.id: 0 for d in docs}
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.neighbors import NearestNeighbors

    texts = [d.text or "" for d in docs]
    try:
        m = TfidfVectorizer(
            stop_words="english", sublinear_tf=True, min_df=1, max_features=200000
        ).fit_transform(texts)
    except ValueError:  # no words at all
        return {d.id: 0 for d in docs}
    nn = NearestNeighbors(n_neighbors=min(k, len(docs)), metric="cosine").fit(m)
    dist, idx = nn.kneighbors(m)
    uf = UnionFind(len(docs))
    for i in range(len(docs)):
        for d, j in zip(dist[i], idx[i], strict=True):
            if j != i and 1 - d >= min_sim:
                uf.parent[uf.find(int(j))] = uf.find(i)
    return {d.id: uf.find(i) for i, d in enumerate(docs)}
