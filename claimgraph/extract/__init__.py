"""Extraction: from a cleaned document to its attributed claims.

A small pipeline, spaCy-style: the text is parsed once, then each component in
`pipeline()` reads the parse and adds to or refines the list of attributions.
Components are plain functions `component(sdoc, attributions, document) -> attributions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial

from spacy.tokens import Doc as SpacyDoc

from claimgraph.extract.schemes import DEFAULT as DEFAULT_SCHEME
from claimgraph.extract.schemes import apply_conventions, load_scheme
from claimgraph.model import Attribution, Document
from claimgraph.nlp import load_nlp

Component = Callable[[SpacyDoc, list[Attribution], Document], list[Attribution]]


@lru_cache(maxsize=4)
def pipeline(scheme: str = DEFAULT_SCHEME) -> tuple[Component, ...]:
    """The components in order, set for an annotation scheme (claimgraph/data/schemes.json).

    Imported here so each module stays independent; an unknown scheme is a ValueError.
    """
    from claimgraph.extract import enrich, learned, rules

    conventions = load_scheme(scheme)
    return (rules.find_attributions, partial(learned.add_model_attributions, scheme=conventions),
            partial(apply_conventions, scheme=conventions), enrich.enrich_attributions)


def extract_parsed(sdoc: SpacyDoc, document: Document, scheme: str = DEFAULT_SCHEME) -> list[Attribution]:
    """Run every component over an already parsed document."""
    attributions: list[Attribution] = []
    for component in pipeline(scheme):
        attributions = component(sdoc, attributions, document)
    return attributions


def extract(document: Document, scheme: str = DEFAULT_SCHEME) -> list[Attribution]:
    """Attributions of one document (parses it)."""
    return extract_parsed(load_nlp()(document.text), document, scheme)


def extract_many(documents: Iterable[Document], n_process: int = 1,
                 batch_size: int = 16, scheme: str = DEFAULT_SCHEME) -> Iterator[Document]:
    """Parse with `nlp.pipe` and extract, yielding each document with its attributions filled in.

    Documents stream through: a large batch is never held in memory whole.
    """
    pipeline(scheme)  # an unknown scheme fails before any parsing
    pairs = ((d.text, d) for d in documents)
    for sdoc, document in load_nlp().pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        document.attributions = extract_parsed(sdoc, document, scheme)
        yield document
