"""Linking across articles, on small documents written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from claimgraph.link import link_documents, link_items, to_contract
from claimgraph.link.candidates import key_pairs, neighbour_pairs
from claimgraph.link.embed import hashed_vectors
from claimgraph.link.figures import disjoint, read_figures
from claimgraph.link.items import build_items
from claimgraph.model import Attribution, Document, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def doc(
    doc_id: str,
    outlet: str,
    published: str,
    *claims: tuple[str, str, list[str]],
    forwarded_from: str | None = None,
) -> Document:
    """A document of 'SOURCE said CONTENT.' lines, with the spans filled in."""
    lines, atts, pos = [], [], 0
    for source, content, via in claims:
        line = f"{source} said {content}."
        s0, c0 = pos, pos + len(source) + 6
        via_spans = []
        if via:
            line += " " + " ".join(f"It was reported by {v}." for v in via)
            off = pos + len(f"{source} said {content}. ")
            for v in via:
                start = off + len("It was reported by ")
                via_spans.append(Span(v, start, start + len(v)))
                off += len(f"It was reported by {v}. ")
        atts.append(
            Attribution(
                cue=Span("said", s0 + len(source) + 1, s0 + len(source) + 5),
                content=Span(content, c0, c0 + len(content)),
                source=Span(source, s0, s0 + len(source)),
                via=via_spans,
            )
        )
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines)
    for a in atts:
        assert text[a.content.start : a.content.end] == a.content.text
    return Document(
        id=doc_id,
        text=text,
        outlet=outlet,
        published=published,
        attributions=atts,
        forwarded_from=forwarded_from,
    )


def claim_of(result, doc_id: str, index: int = 0):
    return next(c for c in result.claims if any(m.doc_id == doc_id and m.index == index for m in c.members))


def test_figures_read_qualifiers_and_words():
    f = read_figures("up to 3,000 troops were deployed")[0]
    assert (f.low, f.high, f.qualifier, f.measure) == (0.0, 3000.0, "at_most", "deployed")
    g = read_figures("about ten thousand soldiers are in Russia")[0]
    assert g.value == 10000 and g.qualifier == "about"
    assert read_figures("In 2024 the 47th brigade moved") == []
    assert not disjoint(f, read_figures("2,500 troops were deployed")[0])
    assert disjoint(f, read_figures("12,000 troops were deployed")[0])


def test_paraphrases_link_and_same_topic_claims_stay_apart():
    docs = [
        doc(
            "a",
            "Wire One",
            "2024-11-01",
            ("The Pentagon", "North Korea has sent some 10,000 troops to Russia", []),
            ("The Pentagon", "Russia fired 120 missiles at Ukrainian cities overnight", []),
        ),
        doc(
            "b",
            "Daily Two",
            "2024-11-01",
            ("the Pentagon", "about ten thousand North Korean soldiers are now in Russia", []),
            ("the Pentagon", "Russia fired 90 drones at Ukrainian cities overnight", []),
        ),
    ]
    res = link_documents(docs)
    assert claim_of(res, "a", 0) is claim_of(res, "b", 0)
    assert claim_of(res, "a", 1) is not claim_of(res, "b", 1)
    assert claim_of(res, "a", 0) is not claim_of(res, "a", 1)


def test_relay_chain_leads_to_one_origin_and_circular_flag():
    hur = "North Korean units have taken up positions in the Kursk region"
    docs = [
        doc("a", "Kyiv Wire", "2024-11-02", ("Ukraine's military intelligence agency", hur, [])),
        doc(
            "b",
            "Baltic Post",
            "2024-11-03",
            ("HUR", "North Korean units had taken up positions in the Kursk region", ["the Kyiv Wire"]),
        ),
        doc(
            "c",
            "Frontline channel",
            "2024-11-03",
            ("the HUR", "North Korean units took up positions in Kursk region", []),
            forwarded_from="Kyiv Wire channel",
        ),
    ]
    res = link_documents(docs)
    c = claim_of(res, "a")
    assert {(m.doc_id) for m in c.members} == {"a", "b", "c"}
    assert c.independent_origins == 1 and c.origins == ["HUR"]
    assert c.circular
    # "the Kyiv Wire" named in b's text is the outlet "Kyiv Wire" that published a: one node, not two
    assert ("Baltic Post", "Kyiv Wire") in c.relays and ("Kyiv Wire", "HUR") in c.relays
    assert not any("the Kyiv Wire" in edge for edge in c.relays)
    assert ("Kyiv Wire channel", "HUR") in c.relays
    assert c.first_seen == "2024-11-02"


def test_two_independent_origins_are_not_circular():
    docs = [
        doc(
            "a",
            "Kyiv Wire",
            "2024-11-02",
            (
                "Ukraine's military intelligence agency",
                "North Korean units have taken up positions in the Kursk region",
                [],
            ),
        ),
        doc(
            "b",
            "Seoul Daily",
            "2024-11-02",
            (
                "South Korea's National Intelligence Service",
                "North Korean units had taken up positions in the Kursk region",
                [],
            ),
        ),
    ]
    c = claim_of(link_documents(docs), "a")
    assert len(c.members) == 2 and c.independent_origins == 2 and not c.circular


def _kinds(res):
    return sorted(d.kind for d in res.disagreements)


def test_conflict_same_time_different_origins_with_conservative_figure():
    docs = [
        doc(
            "a", "Kyiv Wire", "2024-11-02", ("HUR", "3,000 North Korean troops were deployed near Kursk", [])
        ),
        doc(
            "b",
            "Seoul Daily",
            "2024-11-02",
            ("the Pentagon", "12,000 North Korean troops were deployed near Kursk", []),
        ),
    ]
    res = link_documents(docs)
    assert _kinds(res) == ["conflict"]
    assert res.disagreements[0].conservative.startswith("3,000")
    assert claim_of(res, "a") is not claim_of(res, "b")


def test_a_figure_named_only_to_be_rejected_still_conflicts_with_the_one_who_gave_it():
    docs = [
        doc("a", "Kyiv Wire", "2024-11-02",
            ("the regional governor", "14 people were killed in the strike on Sumy, not nine", [])),
        doc("b", "Moscow Daily", "2024-11-02",
            ("the Russian Defence Ministry", "nine people were killed in the strike on Sumy", [])),
    ]
    assert _kinds(link_documents(docs)) == ["conflict"]


def test_a_later_figure_that_names_the_one_it_replaces_is_still_an_update():
    docs = [
        doc("a", "Kyiv Wire", "2024-10-18", ("HUR", "up to 3,000 North Korean troops were sent to Russia",
                                              [])),
        doc("b", "Kyiv Daily", "2024-10-25",
            ("HUR", "about 11,000 North Korean troops were sent to Russia, up from 3,000 last week", [])),
    ]
    res = link_documents(docs)
    assert _kinds(res) == ["update"]


def test_qualified_figures_that_can_both_hold_do_not_conflict():
    docs = [
        doc(
            "a",
            "Kyiv Wire",
            "2024-11-02",
            ("HUR", "up to 3,000 North Korean troops were deployed near Kursk", []),
        ),
        doc(
            "b",
            "Seoul Daily",
            "2024-11-02",
            ("the Pentagon", "2,500 North Korean troops were deployed near Kursk", []),
        ),
    ]
    assert _kinds(link_documents(docs)) == []


def test_later_figure_is_an_update_not_a_conflict():
    docs = [
        doc(
            "a", "Kyiv Wire", "2024-10-20", ("HUR", "3,000 North Korean troops were deployed near Kursk", [])
        ),
        doc(
            "b",
            "Seoul Daily",
            "2024-12-10",
            ("the Pentagon", "12,000 North Korean troops were deployed near Kursk", []),
        ),
        doc(
            "c",
            "Kyiv Wire",
            "2024-10-20",
            ("the mayor", "four people were killed in the strike on the port", []),
        ),
        doc(
            "d",
            "Kyiv Wire",
            "2024-10-20",
            ("the mayor", "six people were killed in the strike on the port", []),
        ),
    ]
    res = link_documents(docs)
    ups = [d for d in res.disagreements if d.kind == "update"]
    assert {(u.a.doc_id, u.b.doc_id) for u in ups} == {("a", "b"), ("c", "d")}  # grew over time; own revision
    assert not [d for d in res.disagreements if d.kind == "conflict"]


def test_denial_against_assertion_is_a_statement_conflict():
    docs = [
        doc(
            "a",
            "Wire One",
            "2024-09-10",
            ("the State Department", "Iran has delivered ballistic missiles to Russia", []),
        ),
        doc(
            "b",
            "Wire Two",
            "2024-09-10",
            ("Iran's foreign minister", "Iran has not delivered ballistic missiles to Russia", []),
        ),
    ]
    res = link_documents(docs)
    assert claim_of(res, "a") is not claim_of(res, "b")
    assert [d.kind for d in res.disagreements] == ["conflict"]


def test_candidates_come_from_an_index_not_all_pairs():
    rng = np.random.default_rng(0)
    vecs = rng.standard_normal((400, 32)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    pairs = neighbour_pairs(vecs, k=5, min_sim=-1.0)
    assert len(pairs) <= 400 * 5 and len(pairs) < 400 * 399 // 2
    assert key_pairs([(0, "x"), (1, "x"), (2, "y")]) == {(0, 1)}


def test_contract_shape_and_hashed_vectors_path():
    docs = [
        doc("a", "W", "2024-11-02", ("HUR", "3,000 troops were deployed near Kursk", [])),
        doc("b", "D", "2024-11-02", ("the Pentagon", "12,000 troops were deployed near Kursk", [])),
    ]
    items = build_items(docs)
    out = to_contract(link_items(items, hashed_vectors([i.content for i in items]), docs))
    assert set(out) == {"clusters", "conflicts", "updates"}
    assert all({"members", "origins"} <= set(c) for c in out["clusters"])
    assert all(set(m) == {"doc", "content"} for c in out["clusters"] for m in c["members"])
    assert out["conflicts"] and {"a", "b", "why"} <= set(out["conflicts"][0])


def test_cli_link_writes_contract_and_leaves_nothing(tmp_path):
    lines = [
        {
            "id": "x1",
            "outlet": "Wire One",
            "published": "2024-11-02",
            "text": "The Pentagon said on Friday that about 10,000 North Korean troops had been sent "
            "to Russia.",
        },
        {
            "id": "x2",
            "outlet": "Daily Two",
            "published": "2024-11-03",
            "text": "Some ten thousand North Korean soldiers have been sent to Russia, the Pentagon said.",
        },
    ]
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    before = set(tmp_path.iterdir())
    proc = subprocess.run(
        [sys.executable, "-m", "claimgraph.cli", "link", "--jsonl", str(inp)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) >= {"clusters", "conflicts", "updates"}
    assert set(tmp_path.iterdir()) == before


def test_dev_gold_linking_reaches_a_floor():
    gold = SHARED / "bench" / "dev" / "gold.jsonl"
    if not gold.exists():
        pytest.skip(f"shared benchmark data not found at {SHARED}")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from eval_link import gold_documents

    res = link_documents(gold_documents(str(gold)))
    multi = [c for c in res.claims if len({m.doc_id for m in c.members}) > 1]
    assert len(multi) >= 5


def test_timeline_date_heading_dates_the_claims_under_it():
    """A claim under a 'Tuesday, May 6' heading speaks for that day, not for publication."""
    from claimgraph.link.when import event_date

    text = (
        "Flood toll: a timeline\n"
        "Tuesday, May 6\n"
        "- The river authority said 40 homes had been flooded.\n"
        "- The fire service said the same day that 35 homes had been flooded.\n"
        "Thursday, May 8\n"
        "- The river authority said 52 homes had been flooded."
    )

    def att(content: str) -> Attribution:
        start = text.index(content)
        return Attribution(
            cue=Span("said", start - 5, start - 1),
            content=Span(content, start, start + len(content)),
            source=Span("x", 0, 1),
        )

    d = Document(id="t", text=text, outlet="Wire", published="2024-05-10", attributions=[])
    assert str(event_date(att("35 homes had been flooded"), d)) == "2024-05-06"
    assert str(event_date(att("52 homes had been flooded"), d)) == "2024-05-08"
    plain = Document(
        id="p", text="The fire service said 35 homes had been flooded.", outlet="W", published="2024-05-10"
    )
    assert (
        str(
            event_date(
                att2 := Attribution(
                    cue=Span("said", 17, 21),
                    content=Span("35 homes had been flooded", 22, 47),
                    source=Span("x", 0, 1),
                ),
                plain,
            )
        )
        == "2024-05-10"
    )
    assert att2.content.text == plain.text[22:47]


def test_body_named_more_or_less_fully_is_one_origin_but_a_regional_branch_is_not():
    from collections import Counter

    from claimgraph.link.provenance import _merge_contained

    names = {
        "national inspection board": Counter({"the National Inspection Board": 2}),
        "inspection board": Counter({"the board": 1}),
        "inspector": Counter({"inspectors": 1}),
        "person:varga": Counter({"Lena Varga": 1}),
    }
    merged = _merge_contained(names)
    assert set(merged) == {"national inspection board", "person:varga"}
    assert merged["national inspection board"].most_common(1)[0][0] == "the National Inspection Board"
    regional = {"water agency": Counter({"water agency": 1}), "region water agency": Counter({"x": 1})}
    assert set(_merge_contained(regional)) == set(regional)
    # a short key that fits two different fuller bodies could be either: left alone
    two = {"agency": Counter({"a": 1}), "water agency": Counter({"b": 1}), "space agency": Counter({"c": 1})}
    assert set(_merge_contained(two)) == set(two)


def test_outlet_named_with_its_medium_is_the_same_origin_as_the_bare_name():
    from claimgraph.link.origins import origin_of

    def origin(source: str):
        text = f"{source} said the bridge was closed."
        att = Attribution(
            cue=Span("said", len(source) + 1, len(source) + 5),
            content=Span("the bridge was closed", len(source) + 6, len(source) + 27),
            source=Span(source, 0, len(source)),
        )
        return origin_of(att, Document(id="d", text=text, outlet="Wire", published="2024-05-10"))

    bare = origin("Zorka").key
    assert bare
    assert origin("The Zorka Telegram channel").key == bare
    assert origin("the Zorka news outlet").key == bare
    assert origin("the outlet Zorka").key == bare
    assert origin("A Serbian outlet").key != bare  # a nationality names no outlet


def test_durations_are_not_counts_and_own_losses_are_their_own_measure():
    figs = read_figures("the militia said it killed dozens of border guards in three days of fighting")
    assert [f.value for f in figs if f.measure] == [61.5]  # "three days" is how long, not how many
    own = read_figures("the militia had lost six fighters, with 14 wounded")
    inflicted = read_figures("the militia killed 40 border guards and wounded 14")
    assert all(f.own for f in own) and not any(f.own for f in inflicted)
    dead_own = next(f for f in own if f.measure == "dead")
    dead_inflicted = next(f for f in inflicted if f.measure == "dead")
    assert dead_own.key != dead_inflicted.key  # a side's own toll is not a rival count of the enemy's


def test_origins_whose_wording_is_contained_in_anothers_are_one():
    from collections import Counter

    from claimgraph.link.provenance import _merge_contained

    names = {
        "militia coalition": Counter({"the Vardo-led militia coalition": 2}),
        "vardo-led militia": Counter({"Vardo-led militias": 1}),
        "harbour police": Counter({"harbour police": 1}),
    }
    assert set(_merge_contained(names)) == {"militia coalition", "harbour police"}


def test_members_of_one_claim_with_different_counts_disagree():
    """Different origins, same day, counts that differ: a conflict even inside one claim."""
    docs = [
        doc(
            "a",
            "River Post",
            "2025-03-04",
            ("the regional governor", "at least six people were killed in the market shelling", []),
        ),
        doc(
            "b",
            "Hill Herald",
            "2025-03-04",
            ("the interior ministry", "eight people were killed in the market shelling", []),
        ),
    ]
    res = link_documents(docs)
    assert claim_of(res, "a") is claim_of(res, "b")
    conflicts = [d for d in res.disagreements if d.kind == "conflict"]
    assert [(d.a.doc_id, d.b.doc_id) for d in conflicts] in ([("a", "b")], [("b", "a")])


def test_members_of_one_claim_from_one_origin_or_with_both_counts_do_not_conflict():
    """One origin giving a new count revises it; members that both state both counts agree."""
    same = [
        doc(
            "a",
            "River Post",
            "2025-03-04",
            ("the regional governor", "at least six people were killed in the market shelling", []),
        ),
        doc(
            "b",
            "Hill Herald",
            "2025-03-05",
            ("the regional governor", "eight people were killed in the market shelling", []),
        ),
    ]
    assert _kinds(link_documents(same)) == ["update"]
    both = [
        doc(
            "a",
            "River Post",
            "2025-03-04",
            ("the rebels", "they killed 30 militiamen and 12 soldiers near the dam", []),
        ),
        doc(
            "b",
            "Hill Herald",
            "2025-03-04",
            ("rebel commanders", "their fighters killed 30 militiamen and 12 soldiers near the dam", []),
        ),
    ]
    assert not [d for d in link_documents(both).disagreements if d.kind == "conflict"]


def test_loading_the_sentence_model_prints_no_progress_bar():
    """`ingest --quiet` and `link` print nothing on stderr but errors: no 'Loading weights' bar."""
    from claimgraph.link.embed import model_available

    if not model_available():
        pytest.skip("MiniLM model not installed")
    code = ("from claimgraph.link.embed import minilm_vectors; "
            "print(minilm_vectors(['a quay was shelled']).shape)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "Loading weights" not in res.stderr and "%|" not in res.stderr


def test_a_body_origin_is_named_as_written_with_its_possessive():
    from claimgraph.link.origins import origin_of

    source = "Iran's foreign ministry spokesman Nasser Kanaani"
    text = f"{source} said the claims were baseless."
    att = Attribution(cue=Span("said", len(source) + 1, len(source) + 5),
                      content=Span("the claims were baseless", len(source) + 6, len(source) + 30),
                      source=Span(source, 0, len(source)))
    origin = origin_of(att, Document(id="d", text=text, outlet="Wire", published="2024-05-10"))
    assert origin.key == "iran foreign ministry" and origin.name == "Iran's foreign ministry"


def test_a_figure_revised_later_the_same_day_is_ordered_by_publication_time():
    kohut = "Governor Volodymyr Kohut"
    docs = [
        doc("a-late", "Wire", "2025-02-01T15:00:00", (kohut, "the strike on Poltava killed 11 people", [])),
        doc("b-early", "Daily", "2025-02-01T09:00:00", (kohut, "the strike on Poltava killed 7 people", [])),
    ]
    res = link_documents(docs)
    [update] = [d for d in res.disagreements if d.kind == "update"]
    assert update.a.doc_id == "b-early" and update.b.doc_id == "a-late"  # not the order of the ids


def test_the_agency_resolved_to_an_intelligence_service_takes_the_service_as_origin():
    from claimgraph.link.origins import origin_of

    text = "The agency said the soldiers had been given Russian uniforms."
    content = Span("the soldiers had been given Russian uniforms", 16, 60)
    att = Attribution(cue=Span("said", 11, 15), content=content, source=Span("The agency", 0, 10),
                      source_resolved="South Korea's National Intelligence Service (NIS)")
    assert origin_of(att, Document(id="d", text=text, outlet="Wire", published="2024-10-18")).name == "NIS"


def test_a_channels_own_sources_and_a_pro_kremlin_channel_go_back_to_the_channel():
    from claimgraph.link.origins import origin_of

    def origin(source: str, outlet: str):
        text = f"{source} report that a battery was destroyed."
        att = Attribution(cue=Span("report", len(source) + 1, len(source) + 7),
                          content=Span("a battery was destroyed", len(source) + 13, len(source) + 36),
                          source=Span(source, 0, len(source)))
        return origin_of(att, Document(id="d", text=text, outlet=outlet, published="2025-04-02"))

    assert origin("Our sources", "Rybar").name == "Rybar"
    assert origin("the pro-Kremlin Telegram channel Rybar", "Wire").name == "Rybar"
    assert origin("the Kremlin", "Wire").name == "Kremlin"


def test_a_count_opening_the_sayers_words_is_no_surname():
    docs = [
        doc("a", "Meridian Wire", "2025-03-14",
            ("Two Ukrainian energy officials", "the turbine hall of the Sumy plant had been destroyed", [])),
        doc("b", "Baltic Herald", "2025-03-14",
            ("two Ukrainian energy officials", "the turbine hall of the Sumy plant was destroyed", [])),
    ]
    c = claim_of(link_documents(docs), "a")
    assert {m.doc_id for m in c.members} == {"a", "b"} and c.independent_origins == 1
