"""Telling copies apart: exact duplicates by normalised-text hash, wire copies by MinHash.

A wire story reprinted with a new headline, a dateline or a trimmed last
paragraph is not an independent outlet. Word 5-gram shingles are MinHashed and
cut into bands; documents that share a band hash are candidates, and only
candidates are compared exactly (Jaccard or containment of the shingle sets),
so finding near duplicates never compares all pairs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

import numpy as np

SHINGLE = 5
N_PERM = 64
ROWS = 4  # rows per band: 16 bands, candidates from Jaccard ~0.5 up
N_BANDS = N_PERM // ROWS
JACCARD_MIN = 0.5
CONTAINMENT_MIN = 0.8
_PRIME = np.uint64(4294967311)  # the first prime above 2**32
_rng = np.random.default_rng(20241025)
_A = _rng.integers(1, 2**31, size=N_PERM, dtype=np.uint64)
_B = _rng.integers(0, 2**31, size=N_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_text(text: str) -> str:
    """Case, quotes, dashes and whitespace folded, so re-encoded copies hash the same."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def text_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def version_hash(text: str) -> str:
    """The exact text's hash: a report pins the version its offsets refer to."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_url(url: str | None) -> str | None:
    """Scheme and host lower-cased, fragment and trailing slash dropped."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def shingles(text: str) -> set[int]:
    """32-bit hashes of the word 5-grams of the normalised text (the whole text if shorter)."""
    words = normalize_text(text).split()
    grams = [" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
            for g in grams if g}


def signature(sh: set[int]) -> np.ndarray:
    """MinHash signature: for each of N_PERM hash functions the least value over the shingles."""
    if not sh:
        return np.full(N_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    return ((np.outer(_A, x) + _B[:, None]) % _PRIME).min(axis=1)


def band_hashes(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band number, signed 64-bit hash of the band's rows): the keys stored in the band index."""
    out = []
    for b in range(N_BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append((b, int.from_bytes(digest, "little", signed=True)))
    return out


def bands_of(text: str) -> list[tuple[int, int]]:
    return band_hashes(signature(shingles(text)))


def similarity(a: set[int], b: set[int]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def is_near_duplicate(a: set[int], b: set[int]) -> bool:
    jac, cont = similarity(a, b)
    return jac >= JACCARD_MIN or (cont >= CONTAINMENT_MIN and min(len(a), len(b)) >= 20)
