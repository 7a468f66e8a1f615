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


def test_resolution_naming_another_kind_of_body_is_a_wrong_antecedent():
    from claimgraph.link.origins import _other_body

    assert _other_body("the regional administration", "the Coastal Ports Authority")
    assert _other_body("the army", "the Dune affiliate of the Sword Front (DSF)")
    assert _other_body("the group", "the Vardanian Northern Command")
    assert not _other_body("the army", "Vardania's armed forces")  # one kind of body, other words
    assert not _other_body("the agency", "ZRB")  # no kind named: kept
    assert not _other_body("he", "the Dune affiliate")  # not a body at all


def test_wrong_antecedent_leaves_the_words_of_the_text_as_origin():
    from claimgraph.link.origins import origin_of

    d = doc("a", "Dune Post", "2025-06-02", ("the army", "two soldiers were killed", []))
    att = d.attributions[0]
    att.source_resolved = "The Dune affiliate Sword Front (DSF)"
    assert origin_of(att, d).key == "army"
    att.source_resolved = "Vardania's armed forces"
    assert origin_of(att, d).key != "army"


def test_unnamed_office_beside_the_one_body_holding_it_is_that_body():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("Governor Ilsa Varga", "the port was hit twice in a week", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("the regional administration", "the port was hit twice", [])),
        doc("c", "Dune Post", "2025-06-02", ("Vardania's armed forces", "two soldiers were killed", [])),
        doc("d", "Oasis Wire", "2025-06-03", ("the army", "two soldiers were killed", [])),
        doc("e", "Oasis Wire", "2025-06-03", ("the Sand Alliance", "two soldiers were killed", [])),
    ]
    items = build_items(docs)
    assert provenance(items[:2]).independent_origins == 1
    assert provenance(items[2:4]).independent_origins == 1
    assert provenance([items[3], items[4]]).independent_origins == 2  # another kind of body
    assert provenance(items[2:]).independent_origins == 2


def test_indefinite_source_is_never_an_earlier_speaker():
    from claimgraph.link.origins import origin_of

    d = doc("a", "Dune Post", "2025-06-02", ("A Vardan official", "the convoy was turned back", []))
    d.attributions[0].source_resolved = "the Sand Front"  # an antecedent for someone newly named
    assert origin_of(d.attributions[0], d).key == "vardan official"


def test_bloggers_named_after_a_body_are_a_medium_not_that_body():
    from claimgraph.link.origins import _last_speaker, origin_of

    d = doc("a", "Dune Post", "2025-06-02", ("Russian military bloggers", "the convoy was turned back", []))
    assert "blogger" in origin_of(d.attributions[0], d).key
    said = "A group close to the council estimated that 20 had died, and Kestian bloggers"
    assert _last_speaker(said) == "Kestian bloggers"
    assert _last_speaker("the Sand Front and the Hill Guard") == "the Sand Front and the Hill Guard"


def test_body_named_in_an_appositive_after_the_person_is_theirs():
    from claimgraph.model import Attribution, Document, Span

    text = "Ivo Lant, a spokesman for the Vardan Border Service, said the convoy was turned back."
    content = "the convoy was turned back"
    c0 = text.index(content)
    att = Attribution(
        cue=Span("said", c0 - 5, c0 - 1),
        content=Span(content, c0, c0 + len(content)),
        source=Span("Ivo Lant", 0, 8),
    )
    d = Document(id="a", text=text, outlet="Dune Post", published="2025-06-02", attributions=[att])
    later = doc("b", "Oasis Wire", "2025-06-03", ("Ivo Lant", "the convoy had been turned back", []))
    items = build_items([d, later])
    assert items[0].origin.key == "vardan border service"
    assert items[1].origin.key == "vardan border service"  # the person stands for the body elsewhere too


def test_nothing_seen_and_a_flat_denial_are_two_claims():
    from claimgraph.link.cluster import pair_score

    docs = [
        doc(
            "a",
            "Dune Post",
            "2025-06-02",
            ("the envoy", "there was no indication that Kestia was involved", []),
        ),
        doc("b", "Oasis Wire", "2025-06-02", ("the envoy", "there was no sign that Kestia was involved", [])),
        doc("c", "Oasis Wire", "2025-06-02", ("the envoy", "there was no Kestian involvement", [])),
    ]
    a, b, c = build_items(docs)
    assert a.unseen and b.unseen and not c.unseen
    assert pair_score(a, b, 0.8) - pair_score(a, c, 0.8) > 0.25


def test_unit_with_a_name_of_its_own_after_an_alias_speaks_as_itself():
    from claimgraph.link.origins import origin_of

    d = doc(
        "a",
        "Dune Post",
        "2025-06-02",
        ("The White House National Security Council", "the convoy was turned back", []),
        ("the Kremlin press service", "the convoy was turned back", []),
    )
    assert origin_of(d.attributions[0], d).key == "national security council"
    assert origin_of(d.attributions[1], d).key == "kremlin"  # a lower-case unit speaks for the alias


def test_two_people_of_bodies_one_named_inside_the_other_are_two_origins():
    from claimgraph.link.provenance import same_origin

    docs = [
        doc("a", "Dune Post", "2025-06-02", ("Security Council secretary Ivo Lant", "the raid failed", [])),
        doc(
            "b",
            "Oasis Wire",
            "2025-06-02",
            ("National Security Council spokeswoman Mia Dorn", "it failed", []),
        ),
        doc("c", "Oasis Wire", "2025-06-02", ("the National Security Council", "the raid failed", [])),
    ]
    a, b, c = build_items(docs)
    assert not same_origin(a, b)
    assert same_origin(b, c)


def test_bare_office_capitalised_or_a_bare_head_beside_one_body_is_that_body():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("Governor Ilsa Varga", "the port was hit twice", [])),
        doc(
            "b", "Oasis Wire", "2025-06-02", ("the Regional Military Administration", "the port was hit", [])
        ),
        doc("c", "Dune Post", "2025-06-02", ("the ZRB", "the raiders crossed at night", [])),
        doc("d", "Oasis Wire", "2025-06-02", ("The agency", "the raiders crossed at night", [])),
        doc(
            "e",
            "Oasis Wire",
            "2025-06-02",
            ("the Lumen Security Council", "the raiders crossed at night", []),
        ),
        doc("f", "Oasis Wire", "2025-06-02", ("the ministry", "the raiders crossed at night", [])),
    ]
    items = build_items(docs)
    assert provenance(items[:2]).independent_origins == 1
    assert provenance(items[2:4]).independent_origins == 1
    assert provenance(items[4:6]).independent_origins == 2  # a council is not a ministry


def test_a_bodys_own_channel_is_that_body():
    from claimgraph.link.origins import origin_of

    d = doc(
        "a", "Dune Post", "2025-06-02", ("the Kremlin's Telegram channel", "the convoy was turned back", [])
    )
    assert origin_of(d.attributions[0], d).key == "kremlin"


def test_a_deputy_prime_minister_is_not_the_ministry_named_beside_him():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("Deputy Prime Minister Ivo Lant", "the port was hit twice", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("the ministry", "the port was hit twice", [])),
        doc("c", "Oasis Wire", "2025-06-02", ("Transport Minister Mia Dorn", "the port was hit twice", [])),
    ]
    items = build_items(docs)
    assert provenance(items[:2]).independent_origins == 2
    assert provenance(items[1:]).independent_origins == 1


def test_a_spokesperson_and_the_body_they_speak_for_are_one_origin():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the Kremlin", "no North Korean troops were in Russia", [])),
        doc("b", "Oasis Wire", "2025-06-03", ("Peskov", "North Korean troops were not in Russia", [])),
        doc("c", "Oasis Wire", "2025-06-03", ("Yusov", "North Korean troops were in Russia", [])),
    ]
    items = build_items(docs)
    assert items[1].origin.key == items[0].origin.key
    assert provenance(items[:2]).independent_origins == 1
    assert items[2].origin.key == "hur"  # Ukraine's intelligence spokesman speaks for HUR


def test_words_describing_officials_name_no_body_but_a_body_after_them_does():
    from claimgraph.link.origins import origin_of

    def key(source: str) -> str:
        d = doc("a", "Dune Post", "2025-06-02", (source, "the convoy was turned back", []))
        return origin_of(d.attributions[0], d).key

    assert key("two Western officials") == "western official"  # a description, not a body "Western"
    assert key("Senior officials") == "senior official"
    assert key("Senior Kremlin officials") == key("the Kremlin")
    assert key("Foreign Ministry spokesman Ivo Lant") == "foreign ministry"  # part of the name here
    assert key("Konashenkov") == key("Russia's defence ministry")  # a spokesman speaks for his body


def test_a_body_with_a_name_of_its_own_is_not_folded_into_another_origin():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("The Pentagon", "about 10,000 troops had crossed", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("The U.S. Defense Department", "10,000 troops crossed", [])),
        doc("c", "Sand Daily", "2025-06-03", ("ISW", "about 10,000 troops had crossed the border", [])),
    ]
    prov = provenance(build_items(docs))
    assert prov.independent_origins == 2 and sorted(prov.origins) == ["ISW", "Pentagon"]
    assert not prov.circular


def test_an_organisation_named_in_capitals_is_no_persons_surname():
    assert _surname("The Washington-based Institute for the Study of War") == ""
    assert _surname("The London-based Royal United Services Institute") == ""
    assert _surname("Kyiv-based analyst Mykola Bielieskov") == "bielieskov"
    docs = [
        doc("a", "Dune Post", "2025-06-02",
            ("The Washington-based Institute for the Study of War", "about 10,000 troops had crossed", [])),
        doc("b", "Oasis Wire", "2025-06-02",
            ("The London-based Royal United Services Institute", "about 10,000 troops had crossed", [])),
    ]
    assert provenance(build_items(docs)).independent_origins == 2


def test_intelligence_officials_beside_the_one_intelligence_body_of_their_state_are_that_body():
    hur = doc("a", "Dune Post", "2025-06-02", ("sources in the HUR", "3,000 troops had crossed", []))
    vague = doc("b", "Oasis Wire", "2025-06-02", ("Ukrainian intelligence officials", "3,000 crossed", []))
    sbu = doc("c", "Sand Daily", "2025-06-02", ("the SBU", "3,000 troops had crossed", []))
    nis = doc("d", "Sand Daily", "2025-06-02", ("South Korea's National Intelligence Service",
                                                 "3,000 troops had crossed", []))
    assert provenance(build_items([hur, vague])).origins == ["HUR"]
    # beside two Ukrainian intelligence bodies it could be either: it stays an origin of its own
    assert provenance(build_items([hur, vague, sbu])).independent_origins == 3
    # an intelligence body of another state is no candidate
    assert provenance(build_items([vague, nis])).independent_origins == 2
