"""The store against SQLite and PostgreSQL: dedup, attributions, search, claims, reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_backends import store_url

from claimgraph.model import Attribution, Claim, Disagreement, Document, LinkResult, MemberRef, Span
from claimgraph.store import database_url, open_store
from claimgraph.store.corrections import anchor, apply_corrections

ARTICLE = (
    "Harbour officials in Varna said on Tuesday that two cargo ships had been turned back at the "
    "entrance to the port. According to the regional maritime authority, the ships carried fertiliser "
    "bound for the river terminals further north. The port captain told reporters that the decision "
    "followed an inspection of their papers and was not linked to the weather. Shipping agents "
    "expect the vessels to return within a week once the documents are corrected.\n"
)
OTHER = (
    "A farmers' union in the lowlands warned that the spring harvest could be delayed by heavy rain. "
    "The union's chairwoman said most fields were still under water and that seed prices had risen "
    "sharply since the winter. Agricultural economists quoted by the national broadcaster expect "
    "yields to fall by about a tenth compared with the previous year.\n"
)


def attribution(text: str, cue: str, content: str, source: str, normalized: str) -> Attribution:
    c = text.index(cue)
    b = text.index(content)
    s = text.index(source)
    return Attribution(cue=Span.of(text, c, c + len(cue)), content=Span.of(text, b, b + len(content)),
                       source=Span.of(text, s, s + len(source)), source_normalized=normalized,
                       source_resolved=source, source_type="official")


def article_doc(doc_id: str = "varna-ships", text: str = ARTICLE, url: str | None = None) -> Document:
    attrs = [attribution(text, "said", "two cargo ships had been turned back", "Harbour officials",
                         "Varna port authority"),
             attribution(text, "According to", "the ships carried fertiliser",
                         "the regional maritime authority", "Regional Maritime Authority")]
    return Document(id=doc_id, text=text, title="Ships turned back at Varna", outlet="Coast News",
                    url=url, published="2025-03-04", attributions=attrs)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path: Path):
    for url in store_url(request.param, tmp_path):
        st = open_store(url)
        yield st
        st.close()


def test_database_url_forms(tmp_path: Path):
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite://") == "sqlite://"
    assert database_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_sqlite_file_is_wal_with_foreign_keys(tmp_path: Path):
    st = open_store(str(tmp_path / "w.db"))
    with st.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() is not None
    st.close()
    open_store(str(tmp_path / "w.db")).close()  # re-opening an up-to-date store migrates nothing


def test_memory_store_keeps_rows_across_sessions():
    st = open_store("sqlite://")
    st.add_document(article_doc())
    assert st.counts()["documents"] == 1


def test_duplicates_by_text_and_by_url(store):
    assert store.add_document(article_doc(url="https://coast.example/ships/")) == ("varna-ships", "added")
    # same text with other case, spacing and quotes: the normalised hash matches
    copy = Document(id="other", text=ARTICLE.upper().replace(" ", "  "))
    assert store.add_document(copy) == ("varna-ships", "duplicate")
    # same URL (trailing slash, host case), different text
    again = Document(id="x", text=OTHER, url="https://COAST.example/ships")
    assert store.add_document(again) == ("varna-ships", "duplicate")
    assert store.find_duplicate(url="https://coast.example/ships") == "varna-ships"
    assert store.counts()["documents"] == 1


def test_near_duplicate_wire_copy(store):
    store.add_document(article_doc())
    wire = "VARNA (Wire) - " + ARTICLE.replace("on Tuesday", "on Tuesday morning") + \
        "Reporting by the wire service desk; editing by the night editor.\n"
    doc_id, status = store.add_document(Document(id="varna-ships", text=wire, outlet="Wire"))
    assert status == "near_duplicate"
    assert doc_id != "varna-ships"
    assert store.get_document(doc_id)["near_duplicate_of"] == "varna-ships"
    assert store.add_document(Document(id="farm", text=OTHER)) == ("farm", "added")
    assert store.counts()["near_duplicates"] == 1


def test_attributions_spans_and_sources(store):
    store.add_document(article_doc())
    got = store.get_document("varna-ships")
    assert len(got["attributions"]) == 2
    for a in got["attributions"]:
        roles = {s["role"] for s in a["spans"]}
        assert {"cue", "content", "source"} <= roles
        for s in a["spans"]:
            assert got["text"][s["start"]:s["end"]] == s["text"]
    names = {s["name"]: s for s in store.list_sources()}
    assert names["Regional Maritime Authority"]["attributions"] == 1
    src = store.get_source("Harbour officials")  # found by alias
    assert src["name"] == "Varna port authority"
    assert src["attributions"][0]["doc"] == "varna-ships"
    loaded = store.load_document("varna-ships")
    assert loaded.attributions[1].source.text == "the regional maritime authority"


def test_search_documents_sources_and_filters(store):
    store.add_document(article_doc())
    store.add_document(Document(id="farm", text=OTHER, title="Rain delays harvest", outlet="Farm Weekly",
                                published="2025-04-01"))
    hits = store.search("fertiliser ships")
    assert [h["ref"] for h in hits if h["kind"] == "document"] == ["varna-ships"]
    assert store.search("maritime authority", kind="source")[0]["ref"] == "Regional Maritime Authority"
    assert store.search("harvest", outlet="Coast News") == []
    assert [h["ref"] for h in store.search("harvest", since="2025-03-15")] == ["farm"]
    assert store.search("harvest", until="2025-03-15") == []
    assert store.search('"; DROP TABLE documents; --') == []


def test_links_claims_and_disagreements(store):
    store.add_document(article_doc())
    store.add_document(Document(id="farm", text=OTHER))
    claim = Claim(id="c1", members=[MemberRef("varna-ships", 0, "two cargo ships had been turned back")],
                  origins=["Varna port authority"], relays=[("Coast News", "Varna port authority")],
                  independent_origins=1, first_seen="2025-03-04", label="Ships turned back at Varna")
    dis = Disagreement("conflict", MemberRef("varna-ships", 0, "two"), MemberRef("varna-ships", 1, "x"),
                       why="two vs three ships", conservative="two")
    store.save_links(LinkResult(claims=[claim], disagreements=[dis]))
    assert [c["id"] for c in store.list_claims()] == ["c1"]
    got = store.get_claim("c1")
    assert got["members"][0]["attribution"]["content"]["text"] == "two cargo ships had been turned back"
    assert got["relays"] == [("Coast News", "Varna port authority")]
    assert got["disagreements"][0]["conservative"] == "two"
    assert store.list_disagreements("conflict")[0]["why"] == "two vs three ships"
    assert store.search("turned back", kind="claim")[0]["ref"] == "c1"
    store.save_links(LinkResult())  # relinking replaces, never accumulates
    assert store.list_claims() == [] and store.list_disagreements() == []
    assert store.search("turned back", kind="claim") == []


def test_accepted_report_survives_reextraction(store):
    doc = article_doc()
    store.add_document(doc)
    sel = "the ships carried fertiliser"
    start = ARTICLE.index(sel)
    rid = store.add_report("varna-ships", sel, "not_a_claim", start=start, end=start + len(sel),
                           prefix=ARTICLE[start - 20:start], suffix=ARTICLE[start + len(sel):][:20])
    assert store.get_report(rid)["status"] == "open"
    store.resolve_report(rid, accept=True)
    assert store.get_report(rid)["status"] == "accepted"
    contents = [a["content"]["text"] for a in store.get_document("varna-ships")["attributions"]]
    assert sel not in contents
    # the extractor's output comes back unchanged: the correction still applies
    store.save_attributions("varna-ships", article_doc().attributions)
    contents = [a["content"]["text"] for a in store.get_document("varna-ships")["attributions"]]
    assert sel not in contents and len(contents) == 1

    sel2 = "two cargo ships had been turned back"
    rid2 = store.add_report("varna-ships", sel2, "wrong_source", start=ARTICLE.index(sel2))
    store.resolve_report(rid2, accept=True, attribution={"source_resolved": "Varna harbour master",
                                                         "source_normalized": "Varna harbour master"})
    a = store.get_document("varna-ships")["attributions"][0]
    assert a["source_resolved"] == "Varna harbour master" and a["method"] == "correction"
    rid3 = store.add_report("varna-ships", "Shipping agents", "typo")
    store.resolve_report(rid3, accept=False)
    assert [r["id"] for r in store.list_reports(status="rejected")] == [rid3]
    assert store.counts()["corrections"] == 2


def test_missed_claim_added_by_correction(store):
    store.add_document(article_doc())
    sel = "the decision followed an inspection of their papers"
    rid = store.add_report("varna-ships", sel, "missed_claim", start=ARTICLE.index(sel))
    cue = ARTICLE.index("told reporters")
    store.resolve_report(rid, True, attribution={
        "cue": {"text": "told reporters", "start": cue, "end": cue + 14}, "source_resolved": "port captain"})
    attrs = store.get_document("varna-ships")["attributions"]
    added = [a for a in attrs if a["content"]["text"] == sel]
    assert added and added[0]["method"] == "correction" and added[0]["cue"]["text"] == "told reporters"


def test_report_kind_is_checked(store):
    store.add_document(article_doc())
    with pytest.raises(ValueError):
        store.add_report("varna-ships", "x", "dislike")


def test_anchor_finds_moved_selection():
    text = "Intro added later. " + ARTICLE
    sel = "the ships carried fertiliser"
    old_start = ARTICLE.index(sel)
    got = anchor(text, sel, prefix=ARTICLE[old_start - 15:old_start], start=old_start)
    assert text[got[0]:got[1]] == sel and got[0] == old_start + len("Intro added later. ")
    assert anchor(text, "not in the text") is None


def test_corrections_are_idempotent():
    attrs = article_doc().attributions
    corr = [{"action": "remove", "attribution": {"content": "the ships carried fertiliser"}}]
    once = apply_corrections(attrs, corr)
    assert len(once) == 1 and apply_corrections(once, corr) == once


def test_report_on_a_source_or_cue_alone_reaches_its_attribution(store):
    """Readers often select only "The port captain told": the report still means that claim."""
    store.add_document(article_doc())
    store.reextract("varna-ships")  # the extractor's attributions, as in the workbench

    def contents() -> list[str]:
        return [a["content"]["text"] for a in store.get_document("varna-ships")["attributions"]]

    assert any("inspection" in c for c in contents())
    n = len(contents())
    sel = "The port captain told"
    start = ARTICLE.index(sel)
    rid = store.add_report("varna-ships", sel, "not_a_claim", start=start, end=start + len(sel))
    store.resolve_report(rid, accept=True)
    assert len(contents()) == n - 1 and not any("inspection" in c for c in contents())
    # a wrong source reported by selecting the source itself
    sel2 = "the regional maritime authority"
    rid2 = store.add_report("varna-ships", sel2, "wrong_source", start=ARTICLE.index(sel2),
                            comment="Bulgarian Maritime Administration")
    store.resolve_report(rid2, accept=True)
    fixed = {a["content"]["text"][:20]: a["source_resolved"]
             for a in store.get_document("varna-ships")["attributions"]}
    assert fixed["the ships carried fe"] == "Bulgarian Maritime Administration"
    assert fixed["two cargo ships had "] != "Bulgarian Maritime Administration"
    # a selection inside a content still means that claim
    sel3 = "entrance to the port"
    rid3 = store.add_report("varna-ships", sel3, "not_a_claim", start=ARTICLE.index(sel3))
    before = contents()
    store.resolve_report(rid3, accept=True)
    assert len(contents()) == len(before) - 1  # it lies inside a content: that claim goes


def test_claim_ids_survive_relinking(store):
    """A link to a claim page keeps opening the same claim after new articles are linked in."""
    store.add_document(article_doc())
    store.add_document(article_doc("varna-2", ARTICLE.replace("Varna", "Burgas")))

    def claim(cid: str, *members: tuple[str, int]) -> Claim:
        return Claim(id=cid, members=[MemberRef(d, i, "x") for d, i in members])

    store.save_links(LinkResult(claims=[claim("c0", ("varna-ships", 0)), claim("c1", ("varna-ships", 1))]))
    # the next run numbers its clusters afresh: c0 is now the fertiliser claim, grown by one member
    store.save_links(LinkResult(claims=[claim("c0", ("varna-ships", 1), ("varna-2", 1)),
                                        claim("c1", ("varna-ships", 0), ("varna-2", 0))]))
    by_first = {tuple(sorted((m["doc"], m["index"]) for m in store.get_claim(c["id"])["members"]))[0]: c["id"]
                for c in store.list_claims()}
    assert by_first == {("varna-2", 1): "c1", ("varna-2", 0): "c0"}  # each kept its old id
    # a new claim may not take the id of a claim that existed before under another meaning
    store.save_links(LinkResult(claims=[claim("c0", ("varna-ships", 1))]))
    assert [c["id"] for c in store.list_claims()] == ["c1"]
    store.save_links(LinkResult(claims=[claim("c1", ("varna-2", 0)), claim("c7", ("varna-ships", 0))]))
    ids = sorted(c["id"] for c in store.list_claims())
    assert "c7" in ids and "c1" not in ids and len(ids) == 2


def test_stores_that_cannot_be_opened_are_one_line_errors(tmp_path: Path) -> None:
    """A directory, a text file, another database's URL: StoreError naming it, nothing created."""
    from claimgraph.model import StoreError

    not_db = tmp_path / "notes.txt"
    not_db.write_text("The minister said the talks would resume.\n")
    for given, why in [(str(tmp_path), "is a directory"), (str(not_db), "not a database"),
                       ("mysql://analyst@db.example/claims", "unsupported store URL scheme")]:
        with pytest.raises(StoreError) as err:
            open_store(given).close()
        assert why in str(err.value) and "\n" not in str(err.value)
    assert not (Path.cwd() / "mysql:").exists()


def test_store_errors_hide_the_password() -> None:
    from claimgraph.model import StoreError

    with pytest.raises(StoreError) as err:
        open_store("postgresql://analyst:s3cret-pw@127.0.0.1:1/claims").close()
    assert "s3cret-pw" not in str(err.value) and "cannot open the store" in str(err.value)


def test_cli_on_a_read_only_store_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A write the database refuses mid-command: one line and exit 2, what was stored stays."""
    from claimgraph.cli import main

    db = tmp_path / "ro.db"
    open_store(str(db)).close()
    article = tmp_path / "a.txt"
    article.write_text("The harbour master said that two ferries were cancelled on Monday.\n")
    assert main(["ingest", "--quiet", "--no-link", "--db", f"sqlite:///file:{db}?mode=ro&uri=true",
                 str(article)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["claimgraph: store error: attempt to write a readonly database"]
    assert main(["claims", "--db", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == f"claimgraph: {tmp_path}: is a directory, not a database file"
    typo = tmp_path / "nodir" / "typo.sqlite"  # a mistyped store is an error for commands that only read
    for argv in (["claims"], ["export", "--format", "jsonl", "--out", str(tmp_path / "x.jsonl")]):
        assert main([*argv, "--db", str(typo)]) == 2
        assert "no such store" in capsys.readouterr().err
    assert not typo.parent.exists()


def test_a_writer_that_loses_a_race_for_an_article_gets_a_duplicate(store, monkeypatch):
    """Two ingests storing one article at once: the second insert hits the unique id and is retried."""
    assert store.add_document(article_doc()) == ("varna-ships", "added")
    real_same, calls = store._same, []

    def stale(s, doc, thash, nurl):  # the check ran before the other writer committed
        calls.append(1)
        return (None, None) if len(calls) == 1 else real_same(s, doc, thash, nurl)

    monkeypatch.setattr(store, "_same", stale)
    monkeypatch.setattr(store, "_free_id", lambda s, doc_id, thash: doc_id)
    assert store.add_document(article_doc()) == ("varna-ships", "duplicate")
    assert len(calls) == 2


def test_a_corrected_source_leaves_the_relays_and_is_typed_anew():
    text = "LIGA.net, citing sources in military intelligence, reported that troops were moving."
    def span(words: str) -> Span:
        return Span.of(text, text.index(words), text.index(words) + len(words))

    relay = span("LIGA.net")
    att = Attribution(cue=span("reported"), content=span("troops were moving"),
                      source=span("sources in military intelligence"), via=[relay], source_type="anonymous")
    corr = [{"action": "reattribute", "attribution": {
        "match": att.content.to_dict(), "source": relay.to_dict(), "source_resolved": "LIGA.net"}}]
    fixed = apply_corrections([att], corr)[0]
    assert fixed.source.text == "LIGA.net" and fixed.via == []
    assert fixed.source_type == "media"
    assert fixed.method == "correction"
