"""Batch ingest: many inputs into the store, one committed document at a time.

Inputs are expanded into `Item`s first (directories walked, feeds and
Telegram exports opened, JSONL split), then each item is read, checked
against the store (same URL or same normalised text: skipped before any
parsing), extracted and written in its own transaction. A batch killed
half-way and run again therefore skips what it finished and does the rest.
With `workers`/`scheduler` the reading and extraction run on Dask (see
`claimgraph.scale`) while this process keeps the writing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.ingest import feeds, telegram
from claimgraph.ingest.items import Failure, Item, Skipped, read_item
from claimgraph.model import Document, InputError

FILE_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".csv", ".tsv", ".json", ".rss", ".atom", ".xml"}


@dataclass
class IngestReport:
    """What a batch did, input by input."""

    added: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (input, stored id it repeats)
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)  # (new id, original id)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (input, reason): left out, not an error
    linked: int | None = None  # claims after relinking; None when linking is not available

    def lines(self) -> list[str]:
        out = [f"added {len(self.added)}, duplicates {len(self.duplicates)}, "
               f"near-duplicates {len(self.near_duplicates)}, could not read {len(self.failed)}"
               + (f", skipped {len(self.skipped)}" if self.skipped else "")]
        out += [f"  duplicate: {w} (already stored as {i})" for w, i in self.duplicates]
        out += [f"  near-duplicate: {i} is a copy of {o}" for i, o in self.near_duplicates]
        out += [f"  could not read: {w}: {r}" for w, r in self.failed]
        out += [f"  skipped: {w}: {r}" for w, r in self.skipped]
        if self.linked is not None:
            out.append(f"claims after linking: {self.linked}")
        if self.found_nothing():
            out.append("nothing to ingest: no article, feed, export or JSONL file among the inputs")
        return out

    def found_nothing(self) -> bool:
        """No input held anything to store (an empty folder, a folder of other files)."""
        return not (self.added or self.duplicates or self.near_duplicates or self.failed)

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
                "failed": self.failed, "skipped": self.skipped, "linked": self.linked}


def _jsonl_items(path: Path) -> Iterator[Item | Failure]:
    """Documents one JSON object a line (or one CSV row each), cleaned like any article."""
    from claimgraph.ingest.read import read_rows

    try:
        for x in read_rows(path, clean=True):
            if isinstance(x, InputError):
                yield Failure(x.source, x.reason)
            else:
                yield Item("doc", f"{path}:{x.id}", doc=x)
    except InputError as exc:
        yield Failure(exc.source, exc.reason)


def _holds_array(path: Path) -> bool:
    """Whether a .json file opens with `[` (an array of documents), read from its first bytes only."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith(b"[")


def _file_items(path: Path) -> Iterable[Item | Failure | Skipped]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".csv", ".tsv"):
        return _jsonl_items(path)
    if suffix == ".json":  # a Telegram export, or an array of article objects read like JSONL
        return _jsonl_items(path) if _holds_array(path) else telegram.items_from_export(path)
    if suffix == ".xml" or feeds.looks_like_feed_file(path):
        # an .xml file that is not a feed (a sitemap, a config) is reported, not stored as an article
        return feeds.items_from_feed_file(path)
    return [Item("path", str(path))]


def _stdin_item() -> Item | Failure:
    """The article on standard input, read (and cleaned) here: a stream cannot be read twice or shipped."""
    from claimgraph.ingest.read import read_input

    try:
        return Item("doc", "<stdin>", doc=read_input("-"))
    except InputError as exc:
        return Failure(exc.source, exc.reason)


def expand(inputs: Iterable[str]) -> Iterator[Item | Failure | Skipped]:
    """Items of every input: files, directories (recursively), JSONL, feeds, Telegram exports, URLs.
    A directory's files of other types are not read; those outside hidden folders are reported as
    skipped, so a folder of PDFs does not end in a silent "added 0"."""
    stdin_read = False
    for arg in inputs:
        if arg == "-":  # one article piped in, read once however often "-" is given
            if not stdin_read:
                stdin_read = True
                yield _stdin_item()
            continue
        if arg.startswith(("http://", "https://")):
            yield from feeds.items_from_url(arg)
            continue
        path = Path(arg).expanduser()
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith("."):
                    continue
                if child.suffix.lower() in FILE_SUFFIXES:
                    yield from _file_items(child)
                elif not any(p.startswith(".") for p in child.relative_to(path).parts):  # not in .git/
                    yield Skipped(str(child), "not a supported file type")
        elif path.exists():
            yield from _file_items(path)
        else:
            yield Failure(arg, "no such file or directory")


def extract_document(doc: Document) -> Document:
    """Fill in the document's attributions (runs wherever it is called: here or on a worker)."""
    from claimgraph.extract import extract

    doc.attributions = extract(doc)
    return doc


def prepare(item: Item) -> Document | Failure:
    """Read an item into a cleaned document; a failure instead of an exception (picklable both)."""
    try:
        return read_item(item)
    except InputError as exc:
        return Failure(item.ref, exc.reason)
    except Exception as exc:  # noqa: BLE001 - a broken input must not stop the batch
        return Failure(item.ref, f"{type(exc).__name__}: {exc}")


def finish(doc: Document) -> Document | Failure:
    try:
        return extract_document(doc)
    except InputError as exc:  # too long to parse: its one-line reason, not an exception's repr
        return Failure(doc.url or doc.id, exc.reason)
    except Exception as exc:  # noqa: BLE001
        return Failure(doc.url or doc.id, f"extraction failed: {type(exc).__name__}: {exc}")


class Writer:
    """The store side of a batch: dedup checks before extraction, one transaction per document."""

    def __init__(self, store: Any, report: IngestReport, progress: Any = None):
        self.store, self.report, self.progress = store, report, progress

    def seen_url(self, item: Item) -> bool:
        url = item.meta.get("url") or (item.ref if item.kind == "url" else None) or (
            item.doc.url if item.doc else None)
        dup = self.store.find_duplicate(url=url) if url else None
        if dup:
            self.report.duplicates.append((item.ref, dup))
            self.tick()
        return bool(dup)

    def seen_text(self, where: str, doc: Document) -> bool:
        dup = self.store.find_duplicate(doc=doc)
        if dup:
            self.report.duplicates.append((where, dup))
            self.tick()
        return bool(dup)

    def fail(self, failure: Failure) -> None:
        self.report.failed.append((failure.where, failure.reason))
        self.tick()

    def write(self, where: str, doc: Document) -> None:
        doc_id, status = self.store.add_document(doc)
        if status == "duplicate":
            self.report.duplicates.append((where, doc_id))
        elif status == "near_duplicate":
            self.report.near_duplicates.append((doc_id, doc.near_duplicate_of or ""))
        else:
            self.report.added.append(doc_id)
        self.tick()

    def tick(self) -> None:
        if self.progress is not None:
            self.progress.update(1)


def run_local(items: list[Item], writer: Writer) -> None:
    """Read, check, extract and write each item in turn, in this process."""
    for item in items:
        if writer.seen_url(item):
            continue
        doc = prepare(item)
        if isinstance(doc, Failure):
            writer.fail(doc)
            continue
        if writer.seen_text(item.ref, doc):
            continue
        done = finish(doc)
        if isinstance(done, Failure):
            writer.fail(Failure(item.ref, done.reason))  # named as the user gave it (file, URL, line)
        else:
            writer.write(item.ref, done)


def ingest(inputs: Iterable[str], store: Any, workers: int = 0, scheduler: str | None = None,
           progress: bool = True, relink: bool = True) -> IngestReport:
    """Ingest every input into `store`; then relink so claims are current."""
    report = IngestReport()
    items: list[Item] = []
    for x in expand(inputs):
        if isinstance(x, Failure):
            report.failed.append((x.where, x.reason))
        elif isinstance(x, Skipped):
            report.skipped.append((x.where, x.reason))
        else:
            items.append(x)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(items), unit="doc", file=sys.stderr, desc="ingest", leave=True)
    writer = Writer(store, report, bar)
    try:
        if workers or scheduler:
            from claimgraph.scale import run_distributed

            run_distributed(items, writer, workers=workers, scheduler=scheduler)
        else:
            run_local(items, writer)
    finally:
        if bar is not None:
            bar.close()
    if relink:
        try:
            result = store.relink()
        except Exception as exc:  # noqa: BLE001 - the documents are stored; say why the claims are not
            report.failed.append(("relink", f"linking failed: {type(exc).__name__}: {exc}"))
        else:
            report.linked = len(result.claims) if result is not None else None
    return report


def main(args: Any) -> int:
    """`claimgraph ingest`: the report goes to stderr; exit 1 if any input could not be read or none
    held anything to ingest."""
    from claimgraph.store import open_store

    store = open_store(args.db)
    try:
        report = ingest(args.inputs, store, workers=args.workers or 0, scheduler=args.scheduler,
                        progress=not args.quiet, relink=not args.no_link)
    except KeyboardInterrupt:
        # each document was committed alone, and a rerun skips them and relinks: say so
        print("claimgraph: interrupted; the documents stored so far stay: run the same command again "
              "to finish (it skips them)", file=sys.stderr)
        return 130
    finally:
        store.close()
    for line in report.lines():
        print(line, file=sys.stderr)
    if args.json_report:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    return 1 if report.failed or report.found_nothing() else 0
