"""Extraction: from a cleaned document to its attributed claims.

A small pipeline, spaCy-style: the text is parsed once, then each component in
`pipeline()` reads the parse and adds to or refines the list of attributions.
Components are plain functions `component(sdoc, attributions, document) -> attributions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial

from spacy.tokens import Doc as SpacyDoc

from claimgraph.extract.lexicon import remember_text
from claimgraph.extract.schemes import DEFAULT as DEFAULT_SCHEME
from claimgraph.extract.schemes import apply_conventions, load_scheme
from claimgraph.model import Attribution, Document, InputError
from claimgraph.nlp import load_nlp

Component = Callable[[SpacyDoc, list[Attribution], Document], list[Attribution]]


@lru_cache(maxsize=4)
def pipeline(scheme: str = DEFAULT_SCHEME) -> tuple[Component, ...]:
    """The components in order, set for an annotation scheme (claimgraph/data/schemes.json).

    Imported here so each module stays independent; an unknown scheme is a ValueError.
    """
    from claimgraph.extract import enrich, layouts, learned, repair, rules

    conventions = load_scheme(scheme)
    return (repair.repair_parse, partial(rules.find_attributions, scheme=conventions),
            partial(learned.add_model_attributions, scheme=conventions),
            partial(apply_conventions, scheme=conventions), layouts.announced_lists,
            enrich.enrich_attributions)


def extract_parsed(sdoc: SpacyDoc, document: Document, scheme: str = DEFAULT_SCHEME) -> list[Attribution]:
    """Run every component over an already parsed document."""
    remember_text(sdoc, document.text)
    attributions: list[Attribution] = []
    for component in pipeline(scheme):
        attributions = component(sdoc, attributions, document)
    return attributions


def check_parsable(document: Document) -> None:
    """InputError (one line) for a text longer than the parser takes, instead of spaCy's long ValueError.

    The readers accept texts up to their own size limit; the parser's
    `max_length` is lower, and a single over-long line can reach it.
    """
    limit = load_nlp().max_length
    if len(document.text) > limit:
        reason = f"too long to parse ({len(document.text):,} characters; the parser takes at most {limit:,})"
        raise InputError(document.id or "document", reason)


def extract(document: Document, scheme: str = DEFAULT_SCHEME) -> list[Attribution]:
    """Attributions of one document (parses it); InputError if it is too long to parse."""
    check_parsable(document)
    return extract_parsed(load_nlp()(document.text), document, scheme)


def _checked_pairs(documents: Iterable[Document]) -> Iterator[tuple[str, Document]]:
    for document in documents:
        check_parsable(document)
        yield document.text, document


def extract_many(documents: Iterable[Document], n_process: int = 1,
                 batch_size: int = 16, scheme: str = DEFAULT_SCHEME) -> Iterator[Document]:
    """Parse with `nlp.pipe` and extract, yielding each document with its attributions filled in.

    Documents stream through: a large batch is never held in memory whole.
    A document too long to parse raises InputError; callers that must go on
    past one (`claimgraph extract --jsonl`) check with `check_parsable` first.
    """
    pipeline(scheme)  # an unknown scheme fails before any parsing
    pairs = _checked_pairs(documents)
    for sdoc, document in load_nlp().pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        document.attributions = extract_parsed(sdoc, document, scheme)
        yield document
