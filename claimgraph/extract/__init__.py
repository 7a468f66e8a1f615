"""Extraction: from a cleaned document to its attributed claims.

A small pipeline, spaCy-style: the text is parsed once, then each component in
`pipeline()` reads the parse and adds to or refines the list of attributions.
Components are plain functions `component(sdoc, attributions, document) -> attributions`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from typing import Any

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
    """Parse and extract, yielding each document, in input order, with its attributions filled in.

    Documents stream through: a large batch is never held in memory whole.
    With several processes each worker parses *and* extracts its own batches
    (the main process only hands out documents and takes back their
    attributions), so extraction runs on every core instead of queueing
    behind the parsers in the main process.
    A document too long to parse raises InputError (after the documents
    before it are yielded); callers that must go on past one
    (`claimgraph extract --jsonl`) check with `check_parsable` first.
    """
    pipeline(scheme)  # an unknown scheme fails before any parsing
    pairs = _checked_pairs(documents)
    if n_process <= 1:
        for sdoc, document in load_nlp().pipe(pairs, as_tuples=True, batch_size=batch_size):
            document.attributions = extract_parsed(sdoc, document, scheme)
            yield document
        return
    yield from _extract_in_workers(pairs, n_process, batch_size, scheme)


def _extract_batch(documents: list[Document], scheme: str) -> list[list[Attribution]]:
    """A worker's job: the attributions of a batch of documents (only they travel back)."""
    texts = ((d.text, d) for d in documents)
    return [extract_parsed(sdoc, d, scheme) for sdoc, d in load_nlp().pipe(texts, as_tuples=True)]


def _extract_in_workers(pairs: Iterator[tuple[str, Document]], n_process: int, batch_size: int,
                        scheme: str) -> Iterator[Document]:
    """Batches out to a pool of `n_process` workers, a bounded number in flight, results in order."""
    import multiprocessing

    chunk = max(1, batch_size // 2)  # small jobs keep both workers busy to the last document
    in_flight = 3 * n_process
    with multiprocessing.get_context().Pool(n_process) as pool:
        pending: deque[tuple[list[Document], Any]] = deque()
        failure: InputError | None = None
        batch: list[Document] = []
        while failure is None:
            try:
                _, document = next(pairs)
                batch.append(document)
                if len(batch) < chunk:
                    continue
            except StopIteration:
                if not batch:
                    break
            except InputError as exc:  # hand back what came before it, then stop
                failure = exc
                if not batch:
                    break
            pending.append((batch, pool.apply_async(_extract_batch, (batch, scheme))))
            batch = []
            while len(pending) >= in_flight:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())
        if failure is not None:
            raise failure


def _collect(job: tuple[list[Document], Any]) -> Iterator[Document]:
    documents, result = job
    for document, attributions in zip(documents, result.get(), strict=True):
        document.attributions = attributions
        yield document
