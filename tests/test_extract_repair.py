"""Sentences the small parser reads without a verb still give their reports (claimgraph.extract.repair)."""

from __future__ import annotations

from claimgraph.extract import extract
from claimgraph.model import Document


def _reports(text: str) -> list[tuple[str, str | None, str]]:
    atts = extract(Document(id="t", text=text))
    return [(a.cue.text, a.source.text if a.source else None, a.content.text) for a in atts]


def test_a_verb_read_as_a_plural_noun_is_a_verb_with_its_subject():
    assert _reports("Israel's military claims it struck some 30 Hezbollah targets overnight.") == [
        ("claims", "Israel's military", "it struck some 30 Hezbollah targets overnight")]
    assert _reports("Israel's military claims that it struck some 30 Hezbollah targets overnight.") == [
        ("claims", "Israel's military", "it struck some 30 Hezbollah targets overnight")]


def test_a_noun_of_claiming_stays_a_noun():
    # a determiner before it, or a relative clause missing its object: the noun, as written
    assert _reports("The claims it made were false.") == []


def test_a_verb_read_as_a_participle_of_the_subject_is_the_sentence_verb():
    got = _reports("The institute estimated in a report published on Wednesday that the plant could "
                   "produce up to 6,000 drones a year.")
    assert got == [("estimated", "The institute", "the plant could produce up to 6,000 drones a year")]
    # a participle with its agent is a noun phrase: "the figures reported by the ministry"
    assert _reports("The figures reported by the ministry.") == []


def test_a_live_blog_time_stamp_is_no_part_of_the_sayer():
    text = ("06:15 - Sirens sounded overnight across northern Israel.\n\n"
            "06:40 - Hezbollah said in a statement that it had targeted an army base near Kiryat Shmona.")
    atts = extract(Document(id="t", text=text))
    assert [(a.source.text, a.source_resolved) for a in atts] == [("Hezbollah", None)]
    got = _reports("10:35 - Israel's military claims it struck some 30 Hezbollah targets overnight.")
    assert got == [("claims", "Israel's military", "it struck some 30 Hezbollah targets overnight")]


def test_an_opening_citing_phrase_read_as_a_noun_phrase_is_the_relay_again():
    text = ("The Daily Meridian reported that the ministry had recorded 12 deaths. Citing Northline Wire, "
            "the Daily Meridian reported that the ministry had counted 12 dead.")
    atts = extract(Document(id="t", text=text))
    second = atts[-1]  # the ministry's count, relayed by the Daily Meridian citing Northline Wire
    assert second.source.text == "the ministry"
    assert [v.text for v in second.via] == ["the Daily Meridian", "Northline Wire"]


def test_a_headline_verb_read_as_a_compound_noun_is_the_verb():
    text = ("Harbour reopens after storm\nUkraine claims destruction of Russian radar in Crimea\n"
            "Divers searched the bay on Monday.")
    assert ("claims", "Ukraine", "destruction of Russian radar in Crimea") in _reports(text)


def test_a_participle_of_the_subject_read_as_the_main_verb_gives_way_to_the_real_one():
    assert _reports("Channels linked to the group have acknowledged it suffered heavy losses.") == [
        ("have acknowledged", "Channels linked to the group", "it suffered heavy losses")]
    # a participle with its own auxiliary is the sentence's verb, and nothing is mended
    assert _reports("Channels were linked to the group, officials have said.") == [
        ("have said", "officials", "Channels were linked to the group")]


def test_what_was_told_hung_on_the_addressees_relative_clause_goes_back_to_told():
    got = _reports("The general told a soldier who suggested that some units may retreat because of "
                   'exhaustion that "retreat is not an option."')
    assert ("told", "The general", "retreat is not an option") in got
    assert ("suggested", "a soldier", "some units may retreat because of exhaustion") in got


def test_a_sayer_after_a_quotation_with_a_relative_clause_is_the_subject_of_the_verb_again():
    text = ('"The enemy is regrouping," a Ukrainian commander in the area, who asked not to be named for '
            'security reasons, told the Kyiv Independent. "They will attack again within days."')
    atts = extract(Document(id="t", text=text))
    assert [a.cue.text for a in atts] == ["told"]  # "asked not to be named" is how he speaks, no report
    told = atts[0]
    assert told.source.text == "a Ukrainian commander in the area"
    assert [v.text for v in told.via] == ["the Kyiv Independent"]
    assert [p.text for p in told.content_parts] == ["The enemy is regrouping",
                                                    "They will attack again within days"]


def test_the_predicate_of_everything_someone_says_is_not_what_they_say():
    assert _reports("Everything the Kremlin says is a lie, the activist said.") == [
        ("said", "the activist", "Everything the Kremlin says is a lie")]
    assert _reports("Nothing the ministry said was true.") == []
    # a predicate with a subject of its own is left as it was
    assert _reports("Everything the ministry said suggests that the strike was planned.") == [
        ("suggests", "Everything the ministry said", "the strike was planned")]


def test_a_headline_verb_read_as_the_subject_of_the_next_noun_is_the_verb_again():
    assert _reports("Israel disputes figure") == [("disputes", "Israel", "figure")]
    assert _reports("UN says 2,000 civilians killed in Gaza in a week, Israel disputes figure") == [
        ("says", "UN", "2,000 civilians killed in Gaza in a week"), ("disputes", "Israel", "figure")]
