"""What makes two statements one claim or two: questions, speakers named two ways."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_link import doc  # noqa: E402

from claimgraph.link.items import build_items  # noqa: E402
from claimgraph.link.origins import _surname  # noqa: E402
from claimgraph.link.provenance import provenance  # noqa: E402


def test_open_question_is_told_apart_from_an_assertion():
    docs = [
        doc(
            "a",
            "Dune Post",
            "2025-06-02",
            ("the minister", "it was still to be established who had hired the gunmen", []),
            ("the minister", "the gunmen had been hired abroad", []),
        )
    ]
    asks = [it.asks for it in build_items(docs)]
    assert asks == [True, False]


def test_place_before_a_title_is_not_the_speakers_surname():
    assert _surname("Coastal Region governor Ilsa Varga") == "varga"
    assert _surname("Lena Marsh, adviser to President Tom Hale") == "marsh"


def test_person_keyed_two_ways_on_one_claim_is_one_origin():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("Coastal Region governor Ilsa Varga", "40 bodies found", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("Governor Ilsa Varga", "40 bodies were found", [])),
    ]
    items = build_items(docs)
    items[0].origin.key = "coastal region health ministry"  # as if learned from another description
    assert provenance(items).independent_origins == 1


def test_unnamed_description_beside_a_named_origin_adds_no_origin():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the Sand Alliance", "its fighters seized six trucks", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("a statement the rebels posted", "they seized six trucks", [])),
        doc("c", "Oasis Wire", "2025-06-02", ("the Baza channel", "the rebels seized six trucks", [])),
    ]
    items = build_items(docs)
    assert provenance(items[:2]).independent_origins == 1
    assert provenance(items[1:2]).independent_origins == 1
    assert provenance([items[0], items[2]]).independent_origins == 2  # a medium named is an origin


def test_unnamed_speaker_is_not_held_apart_from_a_named_one():
    from claimgraph.link.cluster import pair_score

    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the Sand Alliance", "its fighters seized six trucks", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("a rebel statement", "its fighters seized six trucks", [])),
        doc("c", "Oasis Wire", "2025-06-02", ("the Coast Guard", "its fighters seized six trucks", [])),
    ]
    a, b, c = build_items(docs)
    assert pair_score(a, b, 0.6) > pair_score(a, c, 0.6)


def test_title_on_a_claim_naming_one_person_is_that_person():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("President Tom Hale", "the raiders fled north", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("the Vardanian leader", "the raiders fled north", [])),
    ]
    items = build_items(docs)
    assert items[1].origin.body == ""  # a nationality before a title names no body
    assert provenance(items).independent_origins == 1
