"""Extraction: from a cleaned document to its attributed claims.

A small pipeline, spaCy-style: the text is parsed once, then each component in
`PIPELINE` reads the parse and adds to or refines the list of attributions.
Components are plain functions `component(sdoc, attributions, document) -> attributions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc as SpacyDoc

from claimgraph.model import Attribution, Document
from claimgraph.nlp import load_nlp

Component = Callable[[SpacyDoc, list[Attribution], Document], list[Attribution]]


def pipeline() -> list[Component]:
    """The components in order; imported here so each module stays independent."""
    from claimgraph.extract import enrich, rules

    comps: list[Component] = [rules.find_attributions]
    try:
        from claimgraph.extract import learned

        comps.append(learned.add_model_attributions)
    except ImportError:
        pass
    comps.append(enrich.enrich_attributions)
    return comps


def extract_parsed(sdoc: SpacyDoc, document: Document) -> list[Attribution]:
    """Run every component over an already parsed document."""
    attributions: list[Attribution] = []
    for component in pipeline():
        attributions = component(sdoc, attributions, document)
    return attributions


def extract(document: Document) -> list[Attribution]:
    """Attributions of one document (parses it)."""
    return extract_parsed(load_nlp()(document.text), document)


def extract_many(documents: Iterable[Document], n_process: int = 1, batch_size: int = 16) -> Iterator[Document]:
    """Parse with `nlp.pipe` and extract, yielding each document with its attributions filled in."""
    nlp = load_nlp()
    docs = list(documents)
    for document, sdoc in zip(docs, nlp.pipe((d.text for d in docs), n_process=n_process,
                                             batch_size=batch_size), strict=True):
        document.attributions = extract_parsed(sdoc, document)
        yield document
