"""Conflicts and updates between claims: every figure compared, member origins, one-time facts."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_link import doc  # noqa: E402

from claimgraph.link import link_documents  # noqa: E402
from claimgraph.link.figures import read_figures  # noqa: E402


def _pairs(res, kind: str) -> set[frozenset[str]]:
    return {frozenset((d.a.doc_id, d.b.doc_id)) for d in res.disagreements if d.kind == kind}


def test_second_figure_of_a_claim_is_compared_too():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the rebels", "they killed 70 militiamen and 45 soldiers", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("the army", "four soldiers were killed in the fighting", [])),
    ]
    assert frozenset("ab") in _pairs(link_documents(docs), "conflict")


def test_one_time_fact_given_differently_on_later_days_conflicts():
    """A sum promised does not grow over time: two origins naming different sums disagree."""
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the first suspect", "he was promised 3,000 dollars", [])),
        doc("b", "Oasis Wire", "2025-06-09", ("the second suspect", "he was promised 9,000 dollars", [])),
    ]
    res = link_documents(docs)
    assert frozenset("ab") in _pairs(res, "conflict")
    assert not _pairs(res, "update")


def test_body_named_briefly_revising_its_toll_is_an_update():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the Coastal Inquiry Committee", "31 people were killed", [])),
        doc("b", "Oasis Wire", "2025-06-03", ("the committee", "44 people were killed", [])),
    ]
    res = link_documents(docs)
    assert frozenset("ab") in _pairs(res, "update")
    assert not _pairs(res, "conflict")


def test_same_measured_count_links_claims_worded_differently():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the governor", "57 bodies were pulled out", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("the emergency service", "57 people died in the quake", [])),
    ]
    from claimgraph.link.cluster import figures_match
    from claimgraph.link.figures import read_figures

    assert figures_match(read_figures(docs[0].attributions[0].content.text), read_figures("57 people died"))
    res = link_documents(docs)
    assert not res.disagreements


def test_denying_an_agent_conflicts_with_naming_it():
    """'X had nothing to do with it' against 'it was organised by X': who did it, two answers."""
    docs = [
        doc(
            "a",
            "Dune Post",
            "2025-06-02",
            ("the Vardan foreign ministry", "Vardania had nothing to do with the bridge explosion", []),
        ),
        doc(
            "b",
            "Oasis Wire",
            "2025-06-02",
            ("the Kest security service", "the bridge explosion was helped by Vardanian intelligence", []),
        ),
        doc(
            "c",
            "Oasis Wire",
            "2025-06-02",
            ("the Kest security service", "whether Vardania was behind the bridge explosion is unclear", []),
        ),
    ]
    res = link_documents(docs)
    assert _pairs(res, "conflict") == {frozenset("ab")}  # the open question conflicts with nobody


def test_clause_that_asserts_one_agent_and_denies_another():
    from claimgraph.link.conflicts import _agents
    from claimgraph.link.items import build_items

    docs = [
        doc(
            "a",
            "Dune Post",
            "2025-06-02",
            ("the ministry", "Red Front bore sole responsibility and there was no Vardanian involvement", []),
        )
    ]
    asserted, denied = _agents(build_items(docs)[0])
    assert "red" in asserted and "varda" in denied and "varda" not in asserted


def test_revision_names_both_the_latest_figure_and_the_origins_own_earlier_one():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the Coastal Inquiry Committee", "31 people were killed", [])),
        doc("b", "Oasis Wire", "2025-06-03", ("the port authority", "36 people were killed", [])),
        doc("c", "Hill Herald", "2025-06-04", ("the Coastal Inquiry Committee", "44 people were killed", [])),
    ]
    ups = _pairs(link_documents(docs), "update")
    assert frozenset("ac") in ups and frozenset("bc") in ups


def test_claim_naming_two_days_speaks_for_the_later_one():
    import datetime as dt

    from claimgraph.link.when import event_date
    from claimgraph.model import DateMention, Span

    d = doc("a", "Dune Post", "2025-06-03", ("the committee", "the toll rose to 40 on Tuesday", []))
    att = d.attributions[0]
    att.dates = [
        DateMention(Span("Monday", 0, 6), "2025-06-02", "day"),
        DateMention(Span("Tuesday", 0, 7), "2025-06-03", "day"),
    ]
    assert event_date(att, d) == dt.date(2025, 6, 3)


def _one_text(*claims: tuple[str, str, str]):
    """One document of 'SOURCE WORDS CUE CONTENT.' sentences, with the spans set."""
    from claimgraph.model import Attribution, Document, Span

    text, atts = "", []
    for source, words, content in claims:
        start = len(text)
        text += f"{source} {words} {content}. "
        c0 = start + len(source) + len(words) + 2
        cue = words.split()[-1]
        atts.append(
            Attribution(
                cue=Span(cue, c0 - len(cue) - 1, c0 - 1),
                content=Span(content, c0, c0 + len(content)),
                source=Span(source, start, start + len(source)),
            )
        )
    return Document(id="t", text=text, outlet="Dune Post", published="2025-06-09", attributions=atts)


def test_one_text_setting_two_origins_counts_side_by_side_is_a_conflict():
    """'The Sand Front says it killed 12 soldiers in an ambush; the army still says two': rivals."""
    prior = doc(
        "p", "Oasis Wire", "2025-06-02", ("the Vardan army", "two soldiers were killed in the raid", [])
    )
    now = _one_text(
        ("The Sand Front", "says", "the rebels killed 12 soldiers in an ambush"),
        ("The Vardan army", "still says", "two soldiers were killed in the raid"),
    )
    res = link_documents([prior, now])
    # the army's claim (first given a week before) against the rebels': a conflict, not an update
    assert [d.kind for d in res.disagreements] == ["conflict"]


def test_count_said_earlier_is_no_rival_to_one_given_for_the_texts_day():
    now = _one_text(
        ("The Sand Front", "says", "it killed 12 Vardan soldiers in an ambush south of the town"),
        ("Kest bloggers", "had earlier said", "30 Vardan soldiers had died"),
    )
    from claimgraph.link.items import build_items

    items = build_items([now])
    assert [it.earlier for it in items] == [False, True]
    assert items[1].when < items[0].when  # said before the day the text speaks for
    res = link_documents([now])
    assert not [d for d in res.disagreements if d.kind == "conflict"]


def test_no_indication_of_an_agent_contradicts_no_one_naming_it():
    """Having seen nothing that points to X does not deny another origin's evidence that X took part."""
    docs = [
        doc(
            "a",
            "Dune Post",
            "2025-06-02",
            (
                "the Vardan foreign ministry",
                "there was no indication that Kestia was involved in the blast",
                [],
            ),
        ),
        doc(
            "b",
            "Oasis Wire",
            "2025-06-02",
            ("the Lumen security service", "the blast was helped by Kestian intelligence", []),
        ),
    ]
    assert not _pairs(link_documents(docs), "conflict")


def test_denial_the_speaker_says_someone_else_pushes_is_not_the_speakers():
    from claimgraph.link.items import build_items

    docs = [
        doc(
            "a",
            "Dune Post",
            "2025-06-02",
            (
                "the president",
                "the Lumen envoys of trying to convince allies that there was no Kestian trace",
                [],
            ),
            ("the envoy", "there was no Kestian trace in the blast", []),
        )
    ]
    assert [it.negated for it in build_items(docs)] == [False, True]


def test_dismissal_conflicts_with_the_claim_just_before_it():
    docs = [
        doc(
            "a",
            "Dune Post",
            "2025-06-02",
            ("the Lumen president", "the raiders had been caught heading for the Kestian border", []),
            ("Kestia", "this is nonsense", []),
            ("the Kestian army", "its border posts were on alert all night", []),
        )
    ]
    res = link_documents(docs)
    assert [(d.kind, {d.a.index, d.b.index}) for d in res.disagreements] == [("conflict", {0, 1})]


def test_bare_answer_asserts_the_agent_the_question_asked_about():
    asked = _one_text(
        (
            "Tom Hale",
            "asked whether the Red Front or Kestia was behind the blast, replied:",
            "Of course, Kestia",
        ),
    )
    denial = doc(
        "b",
        "Oasis Wire",
        "2025-06-09",
        ("the Kestian ministry", "Kestia had nothing to do with the blast", []),
    )
    from claimgraph.link.conflicts import _agents
    from claimgraph.link.items import build_items

    items = build_items([asked, denial])
    assert _agents(items[0]) == ({"kesti"}, set())
    res = link_documents([asked, denial])
    assert _pairs(res, "conflict") == {frozenset("tb")}


def test_narrower_count_above_the_wider_one_at_the_moment_of_the_event_conflicts():
    """'412 patients when the shell struck' against 'about 460 children at the time', a day later."""
    ministry = (
        "the health ministry",
        "the Linden clinic had 412 patients in its care when the shell struck",
        [],
    )
    docs = [
        doc("a", "Dune Post", "2025-06-02", ministry),
        doc(
            "b",
            "Oasis Wire",
            "2025-06-03",
            (
                "the monitor",
                "about 460 children were being treated at the Linden clinic when the shell struck",
                [],
            ),
        ),
        doc(
            "c",
            "Hill Herald",
            "2025-06-03",
            (
                "the envoy",
                "about 300 children were being treated at the Linden clinic when the shell struck",
                [],
            ),
        ),
    ]
    res = link_documents(docs)
    conflicts = _pairs(res, "conflict")
    assert frozenset("ab") in conflicts and frozenset("ac") not in conflicts  # 300 may be among 412


def test_agent_named_in_what_someone_is_accused_of_pushing_is_not_asserted():
    from claimgraph.link.conflicts import _agents
    from claimgraph.link.items import build_items

    said = (
        "the Lumen president",
        "the Vardan leader of trying to shift the blame for the blast onto Kestia",
        [],
    )
    (it,) = build_items([doc("a", "Dune Post", "2025-06-02", said)])
    assert "kesti" not in _agents(it)[0]


def test_toll_pinned_to_the_event_still_grows_between_reports():
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the police", "31 people were killed when the dam burst", [])),
        doc(
            "b", "Oasis Wire", "2025-06-04", ("the rescuers", "44 people were killed when the dam burst", [])
        ),
    ]
    res = link_documents(docs)
    assert _pairs(res, "update") == {frozenset("ab")} and not _pairs(res, "conflict")


def test_a_denial_of_the_reports_conflicts_with_the_report_just_before_it():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = ("South Korea's spy agency said North Korea had sent 1,500 troops to Russia. "
            "The Kremlin has denied the reports.")
    d = Document(id="a", text=text, outlet="Han Wire", published="2024-10-18")
    d.attributions = extract(d)
    assert [a.content.text for a in d.attributions] == ["North Korea had sent 1,500 troops to Russia",
                                                          "the reports"]
    res = link_documents([d])
    assert [(x.kind, {x.a.index, x.b.index}) for x in res.disagreements] == [("conflict", {0, 1})]


def test_a_toll_that_has_risen_later_the_same_day_is_an_update_from_any_source():
    docs = [
        doc("a", "Dune Post", "2025-06-02T09:10",
            ("the governor", "the strike on the plant killed three people", [])),
        doc("b", "Oasis Wire", "2025-06-02T12:30",
            ("the interior ministry", "the death toll from the strike on the plant has risen to five", [])),
    ]
    res = link_documents(docs)
    assert frozenset("ab") in _pairs(res, "update")
    assert not _pairs(res, "conflict")


def test_the_dead_and_the_wounded_in_one_sentence_are_told_apart():
    from claimgraph.link.figures import read_figures

    def measures(text: str) -> list[tuple[float, str]]:
        return [(f.value, f.measure) for f in read_figures(text)]

    assert measures("Three people were killed and nine were injured") == [(3, "dead"), (9, "injured")]
    assert measures("Nine people were injured and three were killed") == [(9, "injured"), (3, "dead")]
    assert measures("The death toll from the strike on the plant rose to 11, and 20 were wounded") == [
        (11, "dead"), (20, "injured")]


def _linked(*texts: tuple[str, str, str]):
    """Documents of plain text (id, published, text), extracted and linked."""
    from claimgraph.extract import extract_many
    from claimgraph.model import Document

    docs = [Document(id=i, text=t, published=p, outlet=f"Outlet {i}") for i, p, t in texts]
    return link_documents(list(extract_many(docs)))


def test_a_paragraph_telling_a_toll_over_a_day_gives_each_figure_its_own_time():
    res = _linked(("r", "2025-03-15T18:00",
                   "Governor Oleh Marchenko first reported on Friday morning that three people had been "
                   "killed. By midday the Interior Ministry said five people had died. On Friday evening "
                   "Marchenko said seven people had been killed."))
    assert not _pairs(res, "conflict")
    ups = {(d.a.content, d.b.content) for d in res.disagreements if d.kind == "update"}
    assert ("three people had been killed", "five people had died") in ups
    assert ("five people had died", "seven people had been killed") in ups


def test_a_source_revising_itself_is_ordered_by_its_reports_not_by_the_night_it_names():
    res = _linked(
        ("c", "2025-03-14T07:30", "Two people were killed in the strike on the Sumy power plant, "
                                  "regional governor Oleh Marchenko said."),
        ("b", "2025-03-14T09:10", "A Russian missile attack on a power plant in Sumy killed three people "
                                  "overnight, regional governor Oleh Marchenko said."))
    (d,) = [d for d in res.disagreements if d.kind == "update"]
    assert (d.a.doc_id, d.b.doc_id) == ("c", "b")


def test_a_sides_own_losses_are_one_count_whatever_noun_names_them():
    from claimgraph.link.figures import read_figures

    (a, _) = read_figures("it had lost seven fighters, with 12 wounded")
    (b, _) = read_figures("the rebels had lost nine dead and 12 wounded")
    assert a.key == b.key == ("dead", "own")


def test_a_toll_for_the_day_of_the_attack_given_higher_in_a_later_report_is_an_update():
    """"killed 14 people on Monday" in Thursday's report counts Monday's dead again, later."""
    docs = [
        doc("a", "Dune Post", "2025-04-14", ("the governor", "the strike on Monday killed five people", [])),
        doc("b", "Oasis Wire", "2025-04-17", ("officials", "the strike killed 14 people on Monday", [])),
    ]
    res = link_documents(docs)
    assert frozenset("ab") in _pairs(res, "update")
    assert not _pairs(res, "conflict")


def test_children_among_the_injured_are_no_revision_of_the_injured():
    docs = [
        doc("a", "Dune Post", "2025-04-14", ("the governor", "three children were among the injured", [])),
        doc("b", "Oasis Wire", "2025-04-15", ("the governor", "47 people were injured in the strike", [])),
    ]
    res = link_documents(docs)
    assert not _pairs(res, "update") and not _pairs(res, "conflict")


def test_two_bodies_of_one_state_are_not_set_against_each_other():
    """The Kremlin's denial and its own defence ministry's assertion are one side speaking twice."""
    docs = [
        doc("a", "Wire One", "2025-04-15",
            ("the Russian Defence Ministry", "Russian forces struck residential buildings in the city", [])),
        doc("b", "Wire Two", "2025-04-15",
            ("the Kremlin", "Russian forces did not strike residential buildings in the city", [])),
        doc("c", "Wire Three", "2025-04-15",
            ("the regional governor", "Russian forces struck residential buildings in the city", [])),
    ]
    pairs = _pairs(link_documents(docs), "conflict")
    assert frozenset("ab") not in pairs and frozenset("bc") in pairs


def test_drones_used_in_one_attack_are_a_launched_count_that_can_conflict():
    figures = read_figures("12 drones were used in the attack")
    assert [(f.value, f.measure) for f in figures] == [(12.0, "launched")]
    night = "drones were used in the night attack on Varsk"
    docs = [
        doc("a", "Dune Post", "2025-06-02", ("the air force", f"12 {night}", [])),
        doc("b", "Oasis Wire", "2025-06-02", ("the ministry", f"3 {night}", [])),
    ]
    assert frozenset("ab") in _pairs(link_documents(docs), "conflict")
