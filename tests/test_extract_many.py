"""Batch extraction: with several processes each worker parses and extracts; the results and their
order are the single-process ones, and a document too long to parse stops the batch only after
everything before it came back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.extract import extract_many
from claimgraph.model import Document, InputError
from claimgraph.nlp import load_nlp

TEXTS = [
    "The navy said on Sunday that a patrol boat had destroyed a naval drone near the port.",
    "\"We will not retreat,\" the commander told reporters, adding that reinforcements had arrived.",
    "According to the regional governor, 12 people were wounded in the overnight shelling.",
    "The ministry denied reports that the bridge had been closed to civilian traffic.",
    "Two officials who spoke on condition of anonymity said the talks would resume in March.",
    "The harbour master warned that shipping could be delayed for up to three days.",
    "No one was quoted in this sentence about the weather over the bay.",
]


def _docs() -> list[Document]:
    return [Document(id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]


def _summary(docs: list[Document]) -> list[tuple[str, list[tuple[str, str, str | None]]]]:
    return [(d.id, [(a.cue.text, a.content.text, a.source.text if a.source else None)
                    for a in d.attributions]) for d in docs]


def test_two_processes_give_the_single_process_results_in_order() -> None:
    one = list(extract_many(_docs(), n_process=1, batch_size=2))
    two = list(extract_many(_docs(), n_process=2, batch_size=2))
    assert [d.id for d in two] == [f"d{i}" for i in range(len(TEXTS))]
    assert _summary(two) == _summary(one)
    assert sum(len(d.attributions) for d in two) >= 5  # the sentences above do report something
    first = two[0].attributions[0]
    assert two[0].text[first.content.start:first.content.end] == first.content.text


def test_a_too_long_document_stops_the_batch_after_the_ones_before_it() -> None:
    too_long = Document(id="huge", text="word " * (load_nlp().max_length // 5 + 10))
    docs = _docs()[:3] + [too_long] + _docs()[3:]
    seen: list[str] = []
    with pytest.raises(InputError) as err:
        for d in extract_many(docs, n_process=2, batch_size=2):
            seen.append(d.id)
    assert seen == ["d0", "d1", "d2"]
    assert "too long to parse" in str(err.value)


def test_cli_jsonl_with_two_processes_matches_one_and_skips_bad_lines(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(TEXTS)]
    rows.insert(2, "{not json")
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")

    def run(n: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl", str(p),
                               "--processes", str(n)], capture_output=True, text=True, timeout=300)

    one, two = run(1), run(2)
    assert one.returncode == two.returncode == 1  # one line was skipped, and said so
    assert two.stdout == one.stdout
    assert [json.loads(x)["id"] for x in two.stdout.splitlines()] == [f"d{i}" for i in range(len(TEXTS))]
    assert f"{p}:3" in two.stderr
