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
