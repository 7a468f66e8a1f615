"""`claimgraph link --jsonl IN.jsonl`: extract, link, print the contract JSON.

Everything stays in memory: documents are read, extracted and linked, and
only the result is written (stdout, or --out).
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        required=True,
        help="one clean document a line (id, text, published, outlet)",
    )
    p.add_argument("--out", default="-", help="output file (default: stdout)")
    from claimgraph.cli import positive_int

    p.add_argument("--processes", type=positive_int, default=1,
                   help="worker processes for extraction, each parsing and extracting (default 1)")


def main(args: argparse.Namespace) -> int:
    from claimgraph.cli import _error, iter_jsonl
    from claimgraph.extract import extract_many
    from claimgraph.link import link_documents, to_contract
    from claimgraph.model import InputError

    skipped: list[str] = []
    try:
        docs = list(iter_jsonl(args.jsonl, skipped))
    except InputError as exc:
        _error(str(exc))
        return 2
    docs = list(extract_many(docs, n_process=args.processes))
    result = to_contract(link_documents(docs))
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        try:
            with open(args.out, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError as exc:
            _error(f"{args.out}: cannot write ({exc.strerror or exc})")
            return 2
    return 1 if skipped else 0
