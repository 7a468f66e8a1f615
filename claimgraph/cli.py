"""The `claimgraph` command: a thin layer over the library.

Each sub-command parses its arguments, calls library functions and prints.
Errors in one input are reported as one line `claimgraph: INPUT: reason` on
stderr; a batch goes on past them and exits non-zero at the end.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator

from claimgraph.model import Document, InputError, StoreError


def _error(message: str) -> None:
    print(f"claimgraph: {message}", file=sys.stderr)


def _whole_number(text: str, least: int) -> int:
    """A command-line whole number of at least `least` (a bad one is a usage error, not a traceback)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < least:
        reason = f"is not at least {least}" if least else "is negative"
        raise argparse.ArgumentTypeError(f"{value} {reason}")
    return value


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (0 processes is a usage error)."""
    return _whole_number(text, 1)


def non_negative_int(text: str) -> int:
    """An argparse type: a whole number of at least 0."""
    return _whole_number(text, 0)


def _read_one(arg: str) -> Document:
    """One article; a batch file given by mistake is named as such, not parsed as an article's text."""
    from pathlib import Path

    from claimgraph.ingest.feeds import batch_file_reason
    from claimgraph.ingest.read import read_input

    path = Path(arg)
    if arg != "-" and "://" not in arg and path.is_file():
        reason = batch_file_reason(path)
        if reason:
            raise InputError(arg, reason)
    return read_input(arg)


def cmd_clean(args: argparse.Namespace) -> int:
    """Print the cleaned text of one article."""
    try:
        doc = _read_one(args.input)
    except InputError as exc:
        _error(str(exc))
        return 2
    sys.stdout.write(doc.text.rstrip("\n") + "\n")
    return 0


def iter_jsonl(path: str, skipped: list[str]) -> Iterator[Document]:
    """Already-clean documents of a JSONL file; a bad line is reported, recorded in `skipped`, passed over.

    A text too long to parse counts as a bad line, so one such document does not stop the rest.
    """
    from claimgraph.extract import check_parsable
    from claimgraph.ingest.read import read_rows

    ids: set[str] = set()
    for x in read_rows(path):
        if isinstance(x, Document):
            try:
                check_parsable(x)
            except InputError as exc:
                x = InputError(f"{path}:{x.id}", exc.reason)
        if isinstance(x, Document):
            if x.id in ids:  # two documents under one id would be merged or overwritten downstream
                x = InputError(f"{path}:{x.id}", "duplicate id (an earlier line has it)")
            else:
                ids.add(x.id)
        if isinstance(x, InputError):
            skipped.append(x.source)
            _error(str(x))
        else:
            yield x


def cmd_extract(args: argparse.Namespace) -> int:
    """Attributions as JSON: one document, or one line per document of a JSONL file."""
    from claimgraph.extract import extract, extract_many, pipeline

    try:
        pipeline(args.scheme)
    except ValueError as exc:
        _error(str(exc))
        return 2
    if args.jsonl:
        skipped: list[str] = []
        try:
            for doc in extract_many(iter_jsonl(args.jsonl, skipped), n_process=args.processes,
                                    scheme=args.scheme):
                out = {"id": doc.id, "attributions": [a.to_dict() for a in doc.attributions]}
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        except InputError as exc:
            _error(str(exc))
            return 2
        if skipped:
            _error(f"skipped {len(skipped)} document(s): {', '.join(skipped)}")
            return 1
        return 0
    if not args.input:
        _error("extract needs an INPUT (file, URL or -) or --jsonl FILE")
        return 2
    try:
        doc = _read_one(args.input)
    except InputError as exc:
        _error(str(exc))
        return 2
    try:
        doc.attributions = extract(doc, args.scheme)
    except InputError as exc:  # named by the input the user gave, not the document id
        _error(f"{args.input}: {exc.reason}")
        return 2
    json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    """Print the claims of a store in plain text."""
    from claimgraph.report import format_claims
    from claimgraph.store import open_store

    store = open_store(args.db, must_exist=True)
    try:
        sys.stdout.write(format_claims(store, limit=args.limit))
    finally:
        store.close()
    return 0


def _lazy(module: str) -> Callable[[argparse.Namespace], int]:
    """A sub-command whose `main(args)` lives in `module`, imported only when it runs (fast start-up)."""

    def run(args: argparse.Namespace) -> int:
        return importlib.import_module(module).main(args)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimgraph", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="print an article's text without boilerplate")
    p.add_argument("input", help="a text or HTML file, a URL, or - for stdin")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("extract", help="print the attributed claims of an article as JSON")
    p.add_argument("input", nargs="?", help="a text or HTML file, a URL, or - for stdin")
    p.add_argument("--jsonl", metavar="IN.jsonl",
                   help="one clean document a line (- reads stdin); writes one result a line")
    p.add_argument("--processes", type=positive_int, default=1,
                   help="worker processes for --jsonl, each parsing and extracting (default 1)")
    p.add_argument("--scheme", default="guidelines",
                   help="annotation scheme: 'guidelines' (default, the project's definition) or 'broad' "
                        "(also beliefs, intentions and stances, as PolNeAR annotates them)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="store many articles: files, dirs, JSONL, feeds, Telegram exports")
    p.add_argument("inputs", nargs="+", metavar="PATH|URL|FEED|-", help="- reads one article from stdin")
    p.add_argument("--db", help="store: a SQLite path or a postgresql:// URL (default: user data dir)")
    p.add_argument("--workers", type=non_negative_int, default=0,
                   help="run on a local Dask cluster of N processes")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster")
    p.add_argument("--no-link", action="store_true", help="do not relink claims afterwards")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json-report", action="store_true", help="also print the report as JSON on stdout")
    p.set_defaults(func=_lazy("claimgraph.ingest.batch"))

    p = sub.add_parser("export", help="write claims as JSONL, CSV, JSON-LD or the relay graph as GraphML")
    p.add_argument("--db", help="store: a SQLite path or a postgresql:// URL (default: user data dir)")
    p.add_argument("--format", choices=["jsonl", "csv", "graphml", "jsonld"], default="jsonl")
    p.add_argument("--out", default="-", help="output file (default: stdout)")
    p.add_argument("--corrections", action="store_true",
                   help="write accepted corrections as gold lines (benchmark layout) instead")
    p.set_defaults(func=_lazy("claimgraph.export"))

    from claimgraph.link.cli import add_arguments as link_arguments

    p = sub.add_parser("link", help="group the claims of many articles, with origins, conflicts and updates")
    link_arguments(p)
    p.set_defaults(func=_lazy("claimgraph.link.cli"))

    p = sub.add_parser("claims", help="print the stored claims, their origins, conflicts and updates")
    p.add_argument("--db", help="store: a SQLite path or a postgresql:// URL (default: user data dir)")
    p.add_argument("--limit", type=positive_int, default=20, help="how many claims to list (default 20)")
    p.set_defaults(func=cmd_claims)

    from claimgraph.web.serve import add_arguments as serve_arguments

    p = sub.add_parser("serve", help="the web workbench and REST API over the store")
    serve_arguments(p)
    p.set_defaults(func=_lazy("claimgraph.web.serve"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except StoreError as exc:
        _error(str(exc))
        return 2
    except BrokenPipeError:  # "claimgraph extract X | head": the reader left; nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
    except Exception as exc:
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(exc, SQLAlchemyError):
            raise
        from claimgraph.store import store_failure

        # a store that fails mid-command (read-only, locked, full); what was committed stays
        _error(f"store error: {store_failure(exc)}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
