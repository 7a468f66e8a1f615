"""Measure the boilerplate filter against the bench's gold lines.

For every raw article in ../shared/bench/{dev,dev-dense}/articles (and the seed
article), the gold line with the same id lists the boilerplate lines the
cleaner must drop; every line of the gold text must survive. Prints the share
dropped and kept per set and overall, then the lines it got wrong.

    .venv/bin/python scripts/bench_clean.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimgraph.clean import clean_lines

ROOT = Path(__file__).resolve().parents[1]


def _gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def score_set(name: str, gold_file: Path, raw_for: dict[str, Path]) -> tuple[int, int, int, int, list[str]]:
    """(boilerplate dropped, boilerplate total, text kept, text total, error lines) for one set."""
    dropped = total_bp = kept = total_text = 0
    errors: list[str] = []
    for row in _gold(gold_file):
        raw_path = raw_for.get(row["id"])
        if raw_path is None:
            errors.append(f"  {name}/{row['id']}: no raw article")
            continue
        out = set(clean_lines(raw_path.read_text("utf-8")))
        for line in row.get("boilerplate") or []:
            total_bp += 1
            if line.strip() in out:
                errors.append(f"  {name}/{row['id']}: KEPT boilerplate: {line}")
            else:
                dropped += 1
        for line in row["text"].splitlines():
            if not line.strip():
                continue
            total_text += 1
            if line.strip() in out:
                kept += 1
            else:
                errors.append(f"  {name}/{row['id']}: DROPPED text: {line[:120]}")
    return dropped, total_bp, kept, total_text, errors


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


def _report(name: str, d: int, b: int, k: int, t: int) -> None:
    print(f"{name:10s} boilerplate dropped {d}/{b} = {_pct(d, b)}   "
          f"article lines kept {k}/{t} = {_pct(k, t)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    args = ap.parse_args(argv)
    bench = args.shared / "bench"
    if not bench.is_dir():
        print(f"no bench data at {bench}", file=sys.stderr)
        return 2
    sets: list[tuple[str, Path, dict[str, Path]]] = []
    for name in ("dev", "dev-dense"):
        arts = bench / name / "articles"
        if (bench / name / "gold.jsonl").is_file() and arts.is_dir():
            sets.append((name, bench / name / "gold.jsonl", {p.stem: p for p in arts.glob("*.txt")}))
    seed_raw = args.shared / "corpus" / "seed-kyivpost.txt"
    if (bench / "seed.gold.jsonl").is_file() and seed_raw.is_file():
        seed_id = _gold(bench / "seed.gold.jsonl")[0]["id"]
        sets.append(("seed", bench / "seed.gold.jsonl", {seed_id: seed_raw}))

    totals = [0, 0, 0, 0]
    all_errors: list[str] = []
    for name, gold_file, raw_for in sets:
        d, b, k, t, errors = score_set(name, gold_file, raw_for)
        _report(name, d, b, k, t)
        totals = [totals[0] + d, totals[1] + b, totals[2] + k, totals[3] + t]
        all_errors += errors
    d, b, k, t = totals
    _report("overall", d, b, k, t)
    if all_errors:
        print("errors:")
        print("\n".join(all_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
