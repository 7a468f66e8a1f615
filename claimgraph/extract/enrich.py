"""Enrichment: hedges, certainty, source types, quantities, dates, entities.

The last pipeline component; it refines attributions found by earlier ones.
"""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc

from claimgraph.model import Attribution, Document


def enrich_attributions(
    sdoc: SpacyDoc, attributions: list[Attribution], document: Document
) -> list[Attribution]:
    """Fill the descriptive fields of each attribution (placeholder: unchanged)."""
    return attributions
