"""Exports parse back: JSONL, CSV, GraphML (networkx), JSON-LD (schema.org Claim), corrections as gold."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from store_backends import store_url
from test_store import ARTICLE, OTHER, article_doc

from claimgraph.cli import main
from claimgraph.model import Claim, Disagreement, Document, LinkResult, MemberRef
from claimgraph.store import open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def filled(request, tmp_path: Path):
    for url in store_url(request.param, tmp_path):
        st = open_store(url)
        st.add_document(article_doc(url="https://coast.example/ships"))
        relay = Document(id="relay", text="The agency reported, citing Coast News, that " + OTHER,
                         outlet="Agency", published="2025-03-05", url="https://agency.example/1",
                         attributions=[], forwarded_from="Coast Channel")
        st.add_document(relay)
        claim = Claim(id="c1", members=[MemberRef("varna-ships", 0, "two cargo ships had been turned back")],
                      origins=["Varna port authority"], relays=[("Agency", "Coast News")],
                      independent_origins=1, first_seen="2025-03-04", label="Ships turned back at Varna")
        st.save_links(LinkResult(claims=[claim], disagreements=[
            Disagreement("update", MemberRef("varna-ships", 0), MemberRef("varna-ships", 1), why="later")]))
        yield url, st
        st.close()


def run_export(url: str, fmt: str, out: Path, *extra: str) -> None:
    assert main(["export", "--db", url, "--format", fmt, "--out", str(out), *extra]) == 0


def test_jsonl_and_csv(filled, tmp_path: Path):
    url, _ = filled
    run_export(url, "jsonl", tmp_path / "c.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text().splitlines()]
    by_id = {c["id"]: c for c in lines}
    c1 = by_id["c1"]
    assert c1["independent_origins"] == 1 and c1["relays"] == [["Agency", "Coast News"]]
    att = c1["appearances"][0]["attribution"]
    assert ARTICLE[att["content"]["start"]:att["content"]["end"]] == att["content"]["text"]
    assert "varna-ships#1" in by_id  # an attribution in no claim still goes out, as a claim of one
    run_export(url, "csv", tmp_path / "c.csv")
    rows = list(csv.DictReader((tmp_path / "c.csv").open(newline="")))
    assert len(rows) == sum(len(c["appearances"]) for c in lines)
    r = next(r for r in rows if r["claim_id"] == "c1")
    assert r["outlet"] == "Coast News" and r["cue"] == "said" and r["source"] == "Harbour officials"


def test_graphml_parses_with_networkx(filled, tmp_path: Path):
    url, _ = filled
    run_export(url, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.has_edge("Coast News", "Varna port authority")
    assert g.nodes["Varna port authority"]["kind"] == "source"
    assert g.has_edge("Agency", "Coast News")  # a claim's relay edge
    assert g.has_edge("Agency", "Coast Channel")  # a Telegram forward
    assert int(g.edges["Coast News", "Varna port authority"]["weight"]) == 1


def test_jsonld_is_schema_org_claims(filled, tmp_path: Path):
    url, _ = filled
    run_export(url, "jsonld", tmp_path / "c.jsonld")
    data = json.loads((tmp_path / "c.jsonld").read_text())
    assert data["@context"] == "https://schema.org"
    c1 = next(c for c in data["@graph"] if c["identifier"] == "c1")
    assert c1["@type"] == "Claim" and c1["text"] == "Ships turned back at Varna"
    assert c1["author"] == [{"@type": "Organization", "name": "Varna port authority"}]
    first = c1["firstAppearance"]
    assert first["url"] == "https://coast.example/ships" and first["datePublished"] == "2025-03-04"
    assert first["publisher"]["name"] == "Coast News"
    assert c1["appearance"][0] == first


def test_corrections_as_gold_lines(filled, tmp_path: Path):
    url, st = filled
    sel = "the ships carried fertiliser"
    rid = st.add_report("varna-ships", sel, "wrong_source", start=ARTICLE.index(sel))
    st.resolve_report(rid, True, attribution={"source": "harbour pilots", "source_resolved": "Varna pilots"})
    run_export(url, "jsonl", tmp_path / "gold.jsonl", "--corrections")
    lines = [json.loads(x) for x in (tmp_path / "gold.jsonl").read_text().splitlines()]
    assert [x["id"] for x in lines] == ["varna-ships"]
    g = lines[0]
    assert set(g) == {"id", "outlet", "published", "text", "attributions"}
    assert g["text"] == ARTICLE and g["outlet"] == "Coast News"
    # accepting re-extracted the document; the correction holds on the extractor's attribution
    fixed = next(a for a in g["attributions"] if sel in a["content"])
    assert set(fixed) == {"cue", "source", "content", "via", "direct", "source_resolved"}
    assert fixed["source"] == "harbour pilots" and fixed["source_resolved"] == "Varna pilots"
    # gold lines are JSONL only: another format is refused, not silently ignored
    argv = ["export", "--db", url, "--format", "csv", "--corrections", "--out", str(tmp_path / "x")]
    assert main(argv) == 2
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("fmt", ["jsonl", "graphml"])
def test_out_that_cannot_be_written_is_one_line(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]):
    """--out naming a directory: one line and exit 2, not a traceback."""
    url = str(tmp_path / "s.db")
    open_store(url).close()
    folder = tmp_path / "exports"
    folder.mkdir()
    assert main(["export", "--db", url, "--format", fmt, "--out", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"claimgraph: {folder}: cannot write")
