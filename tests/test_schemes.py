"""Annotation schemes: our guidelines by default, a broader convention on request."""

from __future__ import annotations

import pytest

from claimgraph.cli import main
from claimgraph.extract import extract, pipeline
from claimgraph.extract.schemes import load_scheme, scheme_names
from claimgraph.model import Document


def attributions(text: str, scheme: str = "guidelines"):
    return extract(Document(id="t", text=text), scheme)


def by_cue(atts, cue_word: str):
    hits = [a for a in atts if cue_word in a.cue.text]
    assert hits, f"no attribution with cue {cue_word!r}: {[a.cue.text for a in atts]}"
    return hits[0]


def test_known_schemes_and_unknown_one() -> None:
    assert {"guidelines", "broad"} <= set(scheme_names())
    assert load_scheme().name == "guidelines"
    with pytest.raises(ValueError, match="unknown scheme 'nope'"):
        pipeline("nope")


def test_cli_rejects_unknown_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--scheme", "nope", "-"]) == 2
    assert "unknown scheme 'nope'" in capsys.readouterr().err


def test_complementizer_left_out_by_default_kept_by_broad() -> None:
    text = "The harbour master said that the ferry would sail again on Friday."
    ours = by_cue(attributions(text), "said")
    theirs = by_cue(attributions(text, "broad"), "said")
    assert ours.content.text.startswith("the ferry")
    assert theirs.content.text.startswith("that the ferry")
    assert text[theirs.content.start:theirs.content.end] == theirs.content.text


def test_broad_cue_takes_its_adverbs() -> None:
    text = "The harbour master still says that the ferry is safe."
    assert by_cue(attributions(text), "says").cue.text == "says"
    assert by_cue(attributions(text, "broad"), "says").cue.text == "still says"


def test_broad_source_takes_its_description() -> None:
    text = "Mara Olsen, a lawyer for the ferry company, said the ship had passed every inspection."
    ours = by_cue(attributions(text), "said")
    theirs = by_cue(attributions(text, "broad"), "said")
    assert ours.source.text == "Mara Olsen"
    assert theirs.source.text == "Mara Olsen, a lawyer for the ferry company"
    assert theirs.cue.text == "said"


def test_a_description_hung_inside_the_name_stays_out_of_ours_and_in_broad() -> None:
    # the parser hangs the description on the name's last word ("Disinformation", "Office")
    text = ("According to the Center for Countering Disinformation, a body under Ukraine's National Security "
            "and Defence Council, the video was first posted by an anonymous channel.")
    name = "the Center for Countering Disinformation"
    described = name + ", a body under Ukraine's National Security and Defence Council"
    for scheme, source in (("guidelines", name), ("broad", described)):
        a = by_cue(attributions(text, scheme), "According to")
        assert a.source.text == source
        assert a.content.text == "the video was first posted by an anonymous channel"
    text = "Officials at the Harbour Security Office, a division of the port police, said the video was fake."
    assert by_cue(attributions(text), "said").source.text == "Officials at the Harbour Security Office"
    assert by_cue(attributions(text, "broad"), "said").source.text == (
        "Officials at the Harbour Security Office, a division of the port police")


def test_broad_admits_more_than_our_guidelines() -> None:
    text = ("The ferry company signed a contract with the shipyard on Monday. "
            "The mayor wants to rebuild the old pier before the summer. "
            "The council criticized the plan as too expensive.")
    ours = attributions(text)
    theirs = attributions(text, "broad")
    assert len(theirs) > len(ours)
    assert all(any(o.content.text in t.content.text for t in theirs) for o in ours)


def test_broad_keeps_the_relative_word_of_a_reported_clause() -> None:
    text = "The ferry stopped at the old pier, which the harbour master said was no longer safe."
    ours = by_cue(attributions(text), "said")
    theirs = by_cue(attributions(text, "broad"), "said")
    assert ours.content.text == "was no longer safe"
    assert theirs.content.text == "which the harbour master said was no longer safe"
    text = "They met in the hall, in which the mayor said the vote would be held."
    theirs = by_cue(attributions(text, "broad"), "said")
    assert not theirs.content.text.startswith("which")


def test_broad_complementizer_before_a_quotation() -> None:
    text = "The harbour master said that, “the ferry will sail again on Friday.”"
    assert by_cue(attributions(text, "broad"), "said").content.text.startswith("that, “the ferry")
    assert by_cue(attributions(text), "said").content.text.startswith("the ferry")


def test_nested_report_is_the_inner_sayers_by_default_the_outer_ones_under_broad() -> None:
    text = "The port authority said on Tuesday that a new survey shows the breakwater is sinking."
    ours = attributions(text)
    assert [a.cue.text for a in ours] == ["shows"]
    assert ours[0].source.text == "a new survey" and [v.text for v in ours[0].via] == ["The port authority"]
    theirs = attributions(text, "broad")
    assert [a.cue.text for a in theirs] == ["said"]
    assert theirs[0].source.text == "The port authority"
    assert theirs[0].content.text == "that a new survey shows the breakwater is sinking"


def test_outer_nesting_ends_a_content_before_a_relative_clause_that_reports_on_its_own() -> None:
    text = "The footage shows the man raising his hands, which his lawyer said were empty."
    theirs = attributions(text, "broad")
    assert by_cue(theirs, "shows").content.text == "the man raising his hands"
    said = by_cue(theirs, "said")
    assert said.source.text == "his lawyer" and said.content.text == "which his lawyer said were empty"
    # a relative clause without its relative word stays in the outer report
    text = "Officials said the army had lost the 40 drones it says it bought last year."
    theirs = attributions(text, "broad")
    assert [(a.cue.text, a.content.text) for a in theirs] == [
        ("said", "the army had lost the 40 drones it says it bought last year")]


def test_outer_nesting_drops_a_report_whose_cue_is_in_another_content() -> None:
    from claimgraph.extract.schemes import _outermost
    from claimgraph.model import Attribution, Span

    text = "Kovac said Lind claimed the dam held. The dam held, Lind said, Kovac reported."
    outer = Attribution(cue=Span.of(text, 6, 10), content=Span.of(text, 11, 36))
    inner = Attribution(cue=Span.of(text, 16, 23), content=Span.of(text, 24, 36))
    assert _outermost([outer, inner]) == [outer]
    # two reports that hold each other's cues ("X claimed Y, Z reported" read both ways) both stay
    a = Attribution(cue=Span.of(text, 57, 61), content=Span.of(text, 63, 77))
    b = Attribution(cue=Span.of(text, 69, 77), content=Span.of(text, 38, 61))
    assert _outermost([a, b]) == [a, b]


def test_broad_keeps_a_quotation_that_runs_past_the_sentence_end() -> None:
    text = "The mayor said that the crews \u201cdid a fine job. And it was not easy.\u201d Then she left."
    assert by_cue(attributions(text, "broad"), "said").content.text == \
        "that the crews \u201cdid a fine job. And it was not easy"


def test_a_model_content_keeps_the_closing_mark_of_its_quotation() -> None:
    text = 'The Kremlin dismissed the reports as "fake news." Peskov said more.'
    content = by_cue(attributions(text), "dismissed").content.text
    assert content.count('"') == 2


def test_broad_content_never_takes_in_the_relay() -> None:
    text = "Russia is preparing a new offensive, the newspaper said, citing two Ukrainian officials."
    atts = attributions(text, "broad")
    a = by_cue(atts, "said")
    assert a.content.text == "Russia is preparing a new offensive"
    assert [v.text for v in a.via] == ["the newspaper"]
