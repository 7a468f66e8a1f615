"""The word lists the linker reads, loaded once from claimgraph/data."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"


@cache
def load(name: str) -> dict[str, Any]:
    """One JSON data file (e.g. 'link_lexicon'), parsed once per process."""
    with open(DATA / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


def link_lexicon() -> dict[str, Any]:
    return load("link_lexicon")


def quantity_words() -> dict[str, Any]:
    return load("quantity_words")


def aliases() -> dict[str, Any]:
    return load("aliases")
