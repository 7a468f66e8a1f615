"""The rule-based attribution extractor, one construction at a time, on sentences written for the tests."""

from __future__ import annotations

import pytest

from claimgraph.extract import rules
from claimgraph.extract.quotes import find_quotes
from claimgraph.model import Attribution, Document
from claimgraph.nlp import load_nlp


def extract(text: str) -> list[Attribution]:
    doc = Document(id="t", text=text)
    attrs = rules.find_attributions(load_nlp()(text), [], doc)
    for a in attrs:  # every span points at its own characters
        for s in [a.cue, a.content, a.source, *a.via, *a.content_parts]:
            if s is not None:
                assert text[s.start:s.end] == s.text
        assert a.method == "rules"
    return attrs


def one(text: str) -> Attribution:
    attrs = extract(text)
    assert len(attrs) == 1, [(a.cue.text, a.content.text) for a in attrs]
    return attrs[0]


def src(a: Attribution) -> str | None:
    return a.source.text if a.source else None


# ---- sentence boundaries ---------------------------------------------------------------------------

def test_newline_is_a_sentence_boundary():
    sdoc = load_nlp()("Ferry service resumes on the northern route\nThe port said crews were ready.")
    assert [s.text.strip() for s in sdoc.sents] == [
        "Ferry service resumes on the northern route", "The port said crews were ready."]


def test_title_abbreviation_does_not_end_a_sentence():
    sdoc = load_nlp()("Navy spokesman Capt. Jonas Weller said the frigate had docked.")
    assert len(list(sdoc.sents)) == 1


# ---- quotes ------------------------------------------------------------------------------------------

def test_quote_pairing_curly_and_straight():
    text = 'She said "yes" and he said \u201cno\u201d.'
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["yes", "no"]


def test_a_quotation_of_the_other_kind_of_mark_inside_one_is_nested():
    text = '"Troops marched past, chanting \u201cGlory to the heroes!\u201d and the crowd cheered," he wrote.'
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == [
        "Troops marched past, chanting \u201cGlory to the heroes!\u201d and the crowd cheered,"]


def test_a_stray_mark_opening_a_paragraph_is_no_quotation_but_the_one_inside_it_is():
    text = ('\u201cThey are here,\u201d she said. \u201cThe column is here.\u201d\n\n'
            '"The convoy rolled into the square, its drivers chanting \u201cVictory!\u201d\n\n'
            'Residents watched from their windows.')
    assert [text[q.start:q.end] for q in find_quotes(text)] == [
        "They are here,", "The column is here.", "Victory!"]
    a = one(text)
    assert [p.text for p in a.content_parts] == ["They are here", "The column is here"]


def test_an_opening_mark_typed_for_a_closing_one_closes_the_quotation():
    text = "\u201cApparently not,\u201c he said. \u201cThe front will not hold.\u201d"
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["Apparently not,", "The front will not hold."]


def test_a_paragraph_of_stray_marks_hides_no_quotation_after_it():
    text = 'a "b "c "d "e\n\n\u201cThe bridge held,\u201d he said.'
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["The bridge held,"]


def test_direct_quote_before_cue():
    a = one("\u201cWe will rebuild the bridge within a month,\u201d the regional governor said.")
    assert a.content.text == "We will rebuild the bridge within a month"
    assert a.direct and a.cue.text == "said" and src(a) == "the regional governor"


def test_quote_split_around_its_cue():
    text = "\u201cThe convoy left at dawn,\u201d she said, \u201cand it reached the border by noon.\u201d"
    a = one(text)
    assert [p.text for p in a.content_parts] == ["The convoy left at dawn",
                                                 "and it reached the border by noon"]
    assert a.content.start == a.content_parts[0].start and a.content.end == a.content_parts[1].end
    assert a.direct and src(a) == "she"


@pytest.mark.parametrize("text, parts", [
    ("Russia launched 40 drones overnight, the air force said, most of them Shaheds.",
     ["Russia launched 40 drones overnight", "most of them Shaheds"]),
    ("Twenty-three people were wounded, the mayor said, eleven of them seriously.",
     ["Twenty-three people were wounded", "eleven of them seriously"]),
    ("The strike destroyed two houses, the governor said, including a school.",
     ["The strike destroyed two houses", "including a school"]),
    ("Five soldiers were killed, the army said, among them a colonel.",
     ["Five soldiers were killed", "among them a colonel"]),
])
def test_a_verbless_tail_spelling_out_the_report_is_part_of_it(text: str, parts: list[str]) -> None:
    a = one(text)
    assert [p.text for p in a.content_parts] == parts
    assert a.content.start == a.content_parts[0].start and a.content.end == a.content_parts[1].end
    assert not a.direct


@pytest.mark.parametrize("tail", ["in a statement on Telegram", "after midnight"])
def test_a_tail_saying_how_or_when_it_was_said_stays_out(tail: str) -> None:
    a = one(f"The drones hit a fuel depot, the governor said, {tail}.")
    assert a.content.text == "The drones hit a fuel depot" and not a.content_parts


def test_quote_running_over_two_paragraphs():
    text = ("\u201cThe ferries will sail again on Monday.\n"
            "\u201cThe trains will follow a week later,\u201d the transport minister said.")
    a = one(text)
    assert [p.text for p in a.content_parts] == ["The ferries will sail again on Monday",
                                                 "The trains will follow a week later"]
    assert a.direct and src(a) == "the transport minister"


def test_quote_after_colon():
    a = one("The harbour master put it plainly: \u201cNo ship leaves tonight.\u201d")
    assert a.content.text == "No ship leaves tonight" and a.direct


# ---- indirect speech --------------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["said", "stated", "claimed", "warned", "confirmed", "announced",
                                  "estimated"])
def test_indirect_speech_verbs(verb):
    a = one(f"The port authority {verb} that two cranes had been damaged.")
    assert a.cue.text == verb and src(a) == "The port authority"
    assert a.content.text == "two cranes had been damaged" and not a.direct


def test_denied_and_speculated():
    assert one("The company denied that its tankers had entered the zone.").content.text == \
        "its tankers had entered the zone"
    assert one("The analyst speculated that the drills would last a week.").cue.text == "speculated"


def test_told_reporters_has_no_via_but_told_an_outlet_has():
    a = one("The mayor told reporters that water supplies had been restored.")
    assert a.cue.text == "told" and a.via == [] and a.content.text == "water supplies had been restored"
    b = one("A senior diplomat told Reuters that talks would resume next week.")
    assert [v.text for v in b.via] == ["Reuters"] and src(b) == "A senior diplomat"


def test_cue_keeps_auxiliaries_not_adverbs():
    assert one("The ministry also said the road was closed.").cue.text == "said"
    assert one("The ministry has said the road was closed.").cue.text == "has said"


def test_content_after_clause_cue():
    a = one("Two bridges were destroyed overnight, the governor said on Sunday.")
    assert a.content.text == "Two bridges were destroyed overnight" and src(a) == "the governor"


# ---- according to, per ------------------------------------------------------------------------------

def test_according_to_initial_and_final():
    a = one("According to the coast guard, three fishing boats are missing.")
    assert (a.cue.text, src(a), a.content.text) == ("According to", "the coast guard",
                                                    "three fishing boats are missing")
    b = one("Three fishing boats are missing, according to the coast guard.")
    assert (b.cue.text, src(b), b.content.text) == ("according to", "the coast guard",
                                                    "Three fishing boats are missing")


def test_per_at_clause_end():
    a = one("Twelve drones were shot down overnight, per the air defence command.")
    assert a.cue.text == "per" and src(a) == "the air defence command"


# ---- relays -------------------------------------------------------------------------------------------

def test_citing_before_the_verb():
    a = one("The Daily Courier, citing two military sources, reported that the airfield had been hit.")
    assert src(a) == "two military sources" and [v.text for v in a.via] == ["The Daily Courier"]
    assert a.cue.text == "reported" and a.content.text == "the airfield had been hit"


def test_citing_after_the_verb():
    a = one("Several newspapers reported, citing unnamed port officials, that the cargo was seized.")
    assert src(a) == "unnamed port officials" and [v.text for v in a.via] == ["Several newspapers"]
    assert a.content.text == "the cargo was seized"


def test_citing_at_the_start_of_the_sentence():
    a = one("Citing the Harbour Gazette, the Evening Standard reported that 40 drones were launched.")
    assert src(a) == "the Harbour Gazette" and [v.text for v in a.via] == ["the Evening Standard"]
    assert a.content.text == "40 drones were launched"


@pytest.mark.parametrize("text, source", [
    ("According to port officials, 40 drones were launched, the Evening Standard reported, "
     "citing the Harbour Post.", "port officials"),
    ("The governor said 40 drones were launched, the Evening Standard reported, citing the Harbour Post.",
     "The governor"),
])
def test_an_outlet_cited_by_the_relay_is_a_relay_too_even_one_called_post(text: str, source: str) -> None:
    a = one(text)
    assert src(a) == source and [v.text for v in a.via] == ["the Evening Standard", "the Harbour Post"]
    assert a.content.text == "40 drones were launched"


def test_a_post_on_the_sayers_own_channel_relays_nothing():
    a = one("The ministry said three drones were downed, according to a post on its Telegram channel.")
    assert src(a) == "The ministry" and a.via == []


def test_briefed_by_after_the_sayer_makes_the_briefer_the_source_and_the_sayer_a_relay():
    a = one("South Korean lawmakers, briefed by the NIS, said Pyongyang had sent about 1,500 troops so far.")
    assert src(a) == "the NIS" and [v.text for v in a.via] == ["South Korean lawmakers"]
    assert a.content.text == "Pyongyang had sent about 1,500 troops so far"


def test_citing_a_military_body_after_the_verb():
    # the parser hangs "citing" on the reported clause; "air force" names a body, not a topic
    a = one("The wire service reported, citing the Romanian air force, that 35 of the drones were shot down.")
    assert src(a) == "the Romanian air force" and [v.text for v in a.via] == ["The wire service"]
    assert a.content.text == "35 of the drones were shot down"

def test_citing_an_event_is_no_relay_even_one_named_by_a_statement_noun():
    a = one('The country "has changed for the better," the president said in June, '
            "citing the release of political prisoners.")
    assert src(a) == "the president" and a.via == []
    b = one("The army is short of shells, the general said, citing a press release from the ministry.")
    assert src(b) == "a press release from the ministry" and [v.text for v in b.via] == ["the general"]


def test_quoted_by_outlet_as_saying():
    a = one("Defence Minister Anna Berg was quoted by the Nordic Wire as saying that the drills "
            "would continue.")
    assert a.cue.text == "was quoted by the Nordic Wire as saying"
    assert src(a) == "Defence Minister Anna Berg" and [v.text for v in a.via] == ["the Nordic Wire"]
    assert a.content.text == "the drills would continue"


def test_speaking_to_an_outlet():
    a = one("A local official, speaking to the BBC, said the village had been evacuated.")
    assert [v.text for v in a.via] == ["the BBC"] and src(a) == "A local official"


def test_nested_speech_innermost_sayer_is_source():
    a = one("The envoy said the general had warned that the ceasefire could collapse.")
    assert src(a) == "the general" and [v.text for v in a.via] == ["The envoy"]
    assert a.cue.text == "had warned" and a.content.text == "the ceasefire could collapse"


def test_according_to_an_outlet_around_a_report():
    a = one("According to the newspaper, the minister said the deal was off.")
    assert src(a) == "the minister" and [v.text for v in a.via] == ["the newspaper"]
    assert a.content.text == "the deal was off"


def test_passive_reported_by():
    a = one("It was reported by the state broadcaster that the dam had been breached.")
    assert src(a) == "the state broadcaster" and a.content.text == "the dam had been breached"


# ---- sources ------------------------------------------------------------------------------------------

def test_pronoun_resolved_to_earlier_person():
    attrs = extract("Interior Minister John Miller visited the flooded district on Friday. "
                    "He said rescuers had found three survivors.")
    assert len(attrs) == 1 and src(attrs[0]) == "He"
    assert attrs[0].source_resolved == "Interior Minister John Miller"


def test_the_source_goes_back_to_the_unnamed_sayer_quoted_before():
    attrs = extract("A senior intelligence official told the Kyiv Independent that Russia was preparing an "
                    "offensive. \u201cThey are moving reserves,\u201d the source said.")
    assert [src(a) for a in attrs] == ["A senior intelligence official", "the source"]
    assert attrs[1].source_resolved == "A senior intelligence official"
    assert [v.text for v in attrs[1].via] == ["the Kyiv Independent"]  # told to the same outlet
    # a named person is not what a text calls "the source"
    named = extract("Zelensky said the front was stable. The source said reserves were moving.")
    assert named[1].source_resolved is None


def test_vague_noun_resolved_to_earlier_source():
    attrs = extract("The Ministry of Transport said rail traffic had resumed. "
                    "The ministry added that two lines remained closed.")
    assert [src(a) for a in attrs] == ["The Ministry of Transport", "The ministry"]
    assert attrs[1].cue.text == "added" and attrs[1].source_resolved == "The Ministry of Transport"


def test_document_as_source():
    a = one("Article 7 of the treaty states that neither side may deploy troops in the buffer zone.")
    assert src(a) == "Article 7 of the treaty" and a.cue.text == "states"


def test_anonymous_source_is_the_shortest_naming_span():
    a = one("Two officials who spoke on condition of anonymity said the shipment had been delayed.")
    assert src(a) == "Two officials" and a.content.text == "the shipment had been delayed"


def test_name_loses_its_description():
    a = one("Maria Lind, who heads the city council, said the shelters were full.")
    assert src(a) == "Maria Lind"


def test_some_reports_have_said():
    a = one("Some reports have said the talks collapsed.")
    assert src(a) == "Some reports" and a.cue.text == "have said"


def test_social_post_platform_is_not_a_relay():
    a = one("The governor wrote on Telegram that power had been restored.")
    assert a.cue.text == "wrote" and a.via == [] and a.content.text == "power had been restored"


# ---- participles, headlines, hedges -------------------------------------------------------------------

def test_adding_that_is_an_attribution_of_its_own():
    attrs = extract("The mayor said the shelters were open, adding that buses would run all night.")
    assert [(a.cue.text, src(a), a.content.text) for a in attrs] == [
        ("said", "The mayor", "the shelters were open"),
        ("adding", "The mayor", "buses would run all night")]


def test_expressed_skepticism_and_describing():
    attrs = extract("A retired colonel expressed skepticism about the new rifles, describing the order as "
                    "a waste of money. He described it as a gamble.")
    assert [(a.cue.text, a.content.text) for a in attrs] == [
        ("expressed skepticism", "about the new rifles"), ("describing", "the order as a waste of money"),
        ("described it as", "a gamble")]
    assert [src(a) for a in attrs] == ["A retired colonel", "A retired colonel", "He"]


def test_headline_with_cue():
    a = one("Drone strike hits fuel depot, army says")
    assert (a.cue.text, src(a), a.content.text) == ("says", "army", "Drone strike hits fuel depot")


def test_hedges_without_a_sayer_are_not_attributions():
    assert extract("The bridge was reportedly damaged. Casualties were reported near the depot.") == []


def test_announced_with_a_plain_object_is_not_a_report():
    assert extract("The treasury announced sanctions on two airlines.") == []


def test_statement_carried_by_an_agency_is_a_relay_and_not_content():
    attrs = extract("The militia said its fighters had taken the bridge, in a statement carried by the "
                    "Frontline News Agency. The fighting had lasted two days, the statement said.")
    assert attrs[0].content.text == "its fighters had taken the bridge"
    assert [v.text for v in attrs[0].via] == ["the Frontline News Agency"]
    assert src(attrs[1]) == "the statement" and attrs[1].source_resolved == "The militia"
    assert [v.text for v in attrs[1].via] == ["the Frontline News Agency"]


def test_follow_up_quote_shares_the_outlet_the_sayer_spoke_to():
    attrs = extract("\u201cThe port is closed,\u201d a shipping official told AFP. "
                    "\u201cNo vessel has left since Monday,\u201d the same official added.")
    assert [[v.text for v in a.via] for a in attrs] == [["AFP"], ["AFP"]]
    assert attrs[1].source_resolved == "a shipping official"


def test_relative_pronoun_sayer_is_the_noun_it_describes():
    a = one("Police questioned a driver who said he had seen the truck.")
    assert src(a) == "a driver" and a.content.text == "he had seen the truck"


def test_person_shown_in_footage_speaks_and_the_broadcaster_relays():
    a = one("Footage broadcast by Channel Nine showed one suspect saying he had been paid.")
    assert src(a) == "one suspect" and [v.text for v in a.via] == ["Channel Nine"]
    assert a.cue.text == "saying" and a.content.text == "he had been paid"


def test_citing_after_the_verb_with_the_clause_hung_on_citing():
    # the parser may attach the that-clause to "citing": the cue is still "reported", the cited its source
    a = one("The broadcaster also reported, citing local security officials, that the bridge near the border "
            "had been mined overnight.")
    assert a.cue.text == "reported" and src(a) == "local security officials"
    assert [v.text for v in a.via] == ["The broadcaster"]
    assert a.content.text == "the bridge near the border had been mined overnight"


@pytest.mark.parametrize("text, sayer, relays", [
    ("A regional governor has posted a video of a captured soldier being questioned. In it, the soldier "
     "says he crossed the river on Tuesday.", "the soldier", ["A regional governor"]),
    ("The border guard service released a recording of the two drivers, in which they say they were paid "
     "to carry the crates.", "they", ["The border guard service"]),
    ("Investigators doubted the second video, shared by a local blogger two days later, in which the driver "
     "said he had been threatened.", "the driver", ["a local blogger"]),
    ("State radio aired a recording of a detained courier who said he had been promised 2,000 dollars, "
     "the Daily Courier reported.", "a detained courier", ["the Daily Courier", "State radio"]),
])
def test_whoever_posts_or_airs_the_footage_relays_its_speaker(text, sayer, relays):
    a = next(a for a in extract(text) if a.cue.text in ("says", "say", "said"))
    assert src(a) == sayer
    assert sorted(v.text for v in a.via) == sorted(relays)


@pytest.mark.parametrize("text", [
    "The mayor said in a video that the water supply had been restored.",
    "In it, the minister says the talks will resume next week.",
])
def test_a_sayers_own_video_or_an_unknown_one_is_no_relay(text):
    a = one(text)
    assert a.via == []


def test_sayer_after_a_clause_the_parser_took_for_the_subject():
    # the parser makes "attack" the subject of "said", with the governor in apposition to it
    a = one("A fire broke out at a fuel depot before dawn after a drone attack, regional governor "
            "Anna Kowal said in a post on Telegram.")
    assert src(a) == "regional governor Anna Kowal" and a.cue.text == "said"
    assert a.content.text == "A fire broke out at a fuel depot before dawn after a drone attack"


def test_told_a_named_press_agency_is_a_relay_but_told_the_press_is_not():
    a = one("Two diplomats told The Associated Press that the talks had been postponed.")
    assert [v.text for v in a.via] == ["The Associated Press"]
    b = one("The minister told the press that the talks had been postponed.")
    assert b.via == []


def test_according_to_an_outlet_which_cited_a_source():
    a = one("The bridge was hit twice, according to the Harbour Gazette, which cited two officials in the "
            "regional administration.")
    assert src(a).startswith("two officials")  # the parser may hang "in the ..." on "cited"
    assert [v.text for v in a.via] == ["the Harbour Gazette"]
    assert a.content.text == "The bridge was hit twice"


def test_reported_by_an_outlet_which_cited_a_source():
    a = one("Russian forces moved two battalions toward the river, as reported by the Harbour Gazette, "
            "which cited two officials in the regional administration.")
    assert src(a).startswith("two officials")
    assert [v.text for v in a.via] == ["the Harbour Gazette"]
    assert a.content.text == "Russian forces moved two battalions toward the river"


def test_a_statement_an_outlet_cites_is_the_sayers_own_not_a_relay():
    a = one("The air force said it had shot down 41 of 45 drones, according to the Harbour Gazette, "
            "which cited a statement on Telegram.")
    assert src(a) == "The air force"
    assert [v.text for v in a.via] == ["the Harbour Gazette"]


def test_a_name_the_article_calls_an_outlet_relays_even_if_tagged_a_person():
    attrs = extract("The regional outlet Vesnianka published the list on Monday. "
                    "A police officer told Vesnianka that nine people had been detained.")
    told = next(a for a in attrs if a.cue.text == "told")
    assert [v.text for v in told.via] == ["Vesnianka"]


def test_one_of_them_is_resolved_to_the_group_and_shares_its_outlet():
    attrs = extract("Two officials told Reuters that the convoy had turned back. "
                    "One of them said the drivers had been warned.")
    assert [src(a) for a in attrs] == ["Two officials", "One of them"]
    assert attrs[1].source_resolved == "Two officials"
    assert [v.text for v in attrs[1].via] == ["Reuters"]


def test_pronoun_resolved_to_a_name_in_apposition():
    attrs = extract("A spokesman for the ministry, Pavel Orlov, declined to comment on the strike. "
                    "Asked about it later, he said only that \"the operation continues.\"")
    assert src(attrs[-1]) == "he" and attrs[-1].source_resolved == "Pavel Orlov"
    assert attrs[-1].content.text == "the operation continues"


def test_a_sayer_reporting_its_own_act_is_one_attribution():
    a = one("The navy said it could not confirm the reports.")
    assert src(a) == "The navy" and a.cue.text == "said" and a.via == []
    assert a.content.text == "it could not confirm the reports"


def test_estimated_the_number_at_keeps_the_figure():
    a = one("The intelligence service had estimated the number at 3,000.")
    assert a.content.text == "the number at 3,000"


def test_a_relative_clause_after_a_comma_is_not_part_of_the_source():
    a = one('A soldier serving in the region, who asked to be identified only by his call sign "Bear", '
            "said his unit had not met the new troops.")
    assert src(a) == "A soldier serving in the region"


def test_a_vague_body_relayed_by_its_officer_is_the_officers_organisation():
    a = one("NATO Secretary General Mark Rutte said the alliance had confirmed that the units had arrived.")
    assert src(a) == "the alliance" and a.source_resolved == "NATO"


def test_an_outlet_relaying_a_vague_body_is_not_its_antecedent():
    attrs = extract("The Defence Ministry said the bridge was hit. "
                    "Reuters said the ministry had confirmed that the units had arrived.")
    assert attrs[-1].source_resolved == "The Defence Ministry"
    alone = one("Reuters said the ministry had confirmed that the units had arrived.")
    assert alone.source_resolved is None


def test_according_to_a_source_with_a_relative_clause():
    a = one("According to the channel Polevoy, which is close to the army, "
            "no new units were seen at the front.")
    assert a.content.text == "no new units were seen at the front"


def test_citing_before_the_verb_when_the_parser_makes_the_cited_the_reporter():
    # parsed as "officials (who) reported", with "citing" hung on the newspaper
    a = one("The Washington Post, citing South Korean intelligence officials, reported on Friday that "
            "about 1,500 troops had already arrived.")
    assert src(a) == "South Korean intelligence officials"
    assert [v.text for v in a.via] == ["The Washington Post"]


def test_told_a_named_news_site_is_a_relay():
    a = one("A ministry spokesperson told the RBC news site that it had no information.")
    assert [v.text for v in a.via] == ["the RBC news site"]


def test_its_own_sources_resolve_to_the_outlet():
    a = one("The Harbour Gazette reported, citing its own sources, that the trains had crossed the border.")
    assert src(a) == "its own sources" and a.source_resolved == "The Harbour Gazette sources"



def test_sources_another_outlet_spoke_to_are_not_the_first_outlets():
    attrs = extract("The Harbour Gazette reported, citing its own sources, that the trains had crossed. "
                    "Sources told the Coast Courier that the bridge was closed.")
    assert [(src(a), a.source_resolved) for a in attrs] == [
        ("its own sources", "The Harbour Gazette sources"), ("Sources", None)]

@pytest.mark.parametrize("text, cue, source", [
    ("The navy's spokesman Petro Ivanenko visited the port. In his words, the fleet could hold up to eight "
     "missiles.", "In his words", "his"),
    ("In the words of one commander, the line is holding for now.", "In the words of", "one commander"),
])
def test_in_someones_words(text, cue, source):
    a = next(a for a in extract(text) if a.cue.text.startswith("In"))
    assert a.cue.text == cue and src(a) == source


def test_an_emoji_glued_to_the_first_word_does_not_hide_the_cue():
    a = one("\u2757\ufe0fAccording to the regional administration, debris fell on a residential building.")
    assert a.cue.text == "According to" and src(a) == "the regional administration"


def test_reported_citing_that_parsed_upside_down():
    # the parser makes the reported clause's verb the root and "reported" its complement
    a = one("The Daily Courier had reported on Sunday, citing several people familiar with the matter, "
            "that the envoy advised the minister not to travel.")
    assert a.cue.text == "had reported" and src(a) == "several people familiar with the matter"
    assert [v.text for v in a.via] == ["The Daily Courier"]
    assert a.content.text == "the envoy advised the minister not to travel"


def test_the_newspaper_resolves_to_the_last_outlet_named():
    attrs = extract("The Washington Post reported that the talks had stalled. "
                    "The Kremlin said it was not true. According to the newspaper, the envoy left early.")
    assert src(attrs[-1]) == "the newspaper" and attrs[-1].source_resolved == "The Washington Post"


def test_a_participle_labelling_the_report_is_not_its_content():
    a = one("The ministry denied a report that the two leaders had spoken by phone, "
            'calling it "pure fiction."')
    assert a.content.text == "the two leaders had spoken by phone"


def test_declining_to_confirm_or_deny_says_nothing():
    assert extract("The spokesman declined to confirm or deny the call.") == []


def test_put_the_toll_at_a_figure():
    a = one("Mayor Ivan Petrov put the death toll at 11 late on Wednesday.")
    assert a.cue.text == "put" and a.content.text == "the death toll at 11"
    assert extract("The minister put pressure on the allies to deliver more shells.") == []


def test_a_post_labelled_with_its_source_names_the_vague_sayer():
    a = one("HUR: troops from the north are already in the border region, the agency said in a statement.")
    assert src(a) == "the agency" and a.source_resolved == "HUR"


def test_sayer_before_an_anonymity_aside_the_parser_left_unattached():
    a = one("In an interview with the BBC, a senior Ukrainian official, speaking on condition of anonymity, "
            "said that more such attacks would follow.")
    assert src(a) == "a senior Ukrainian official" and [v.text for v in a.via] == ["the BBC"]


def test_a_claim_inside_a_closing_report_is_nested_with_relays_outermost_first():
    attrs = extract("The army has also claimed responsibility for a strike on a fuel depot, "
                    "the Daily Courier reported, citing a source in the army.")
    claimed = next(a for a in attrs if "claimed" in a.cue.text)
    assert src(claimed) == "The army"
    assert [v.text for v in claimed.via] == ["the Daily Courier", "a source in the army"]
    assert "reported" not in claimed.content.text


def test_single_quotation_marks_are_not_part_of_the_content():
    a = one("'We will not give up a single village,' the commander told reporters on Saturday.")
    assert a.content.text == "We will not give up a single village"


def test_as_an_agency_was_told_by_a_source():
    a = one("As Interfax was told by a source in the fire service, the blaze at the depot has been put out.")
    assert a.cue.text == "was told" and src(a) == "a source in the fire service"
    assert [v.text for v in a.via] == ["Interfax"]
    assert a.content.text == "the blaze at the depot has been put out"


def test_a_body_that_was_told_something_is_not_a_relay():
    a = one("The spy chief said the agency had been told by foreign partners that an attack was possible.")
    assert a.cue.text == "said" and src(a) == "The spy chief"


def test_a_body_named_with_its_nationality_is_not_vague():
    attrs = extract("Israel says it struck a depot. The Israeli military said it had hit a weapons store.")
    assert attrs[-1].source.text == "The Israeli military" and attrs[-1].source_resolved is None


def test_said_then_quoted_by_an_agency():
    a = one('"We will respond," the minister said, quoted by Interfax.')
    assert src(a) == "the minister" and [v.text for v in a.via] == ["Interfax"]


def test_a_person_role_never_resolves_to_a_body():
    attrs = extract("The border guard service said that 17 men had been detained. "
                    '"We will respond," the minister said.')
    assert attrs[-1].source.text == "the minister" and attrs[-1].source_resolved is None


def test_a_person_role_may_resolve_to_an_anonymous_source_and_share_its_outlet():
    attrs = extract('"The convoy has left," a diplomatic source in the region told AFP. '
                    "Most of the troops will stay in the capital, the diplomat said.")
    assert attrs[-1].source.text == "the diplomat"
    assert attrs[-1].source_resolved == "a diplomatic source in the region"
    assert [v.text for v in attrs[-1].via] == ["AFP"]


def test_a_charge_others_deny_is_not_part_of_the_content():
    a = one("Prosecutors allege that the company sold drone parts to Russia, a charge its lawyers deny.")
    assert a.content.text == "the company sold drone parts to Russia"


@pytest.mark.parametrize("text, content", [
    ("Moscow insists the strikes target only military facilities, a claim contradicted by UN monitors.",
     "the strikes target only military facilities"),
    ("Hamas said the hostages would be freed only if Israel halted its offensive, a demand Israel rejected.",
     "the hostages would be freed only if Israel halted its offensive"),
    ("Ukrainian officials say at least 300 drones were launched overnight, though the figure could not be "
     "verified.", "at least 300 drones were launched overnight"),
    ("Kyiv has accused Moscow of using chemical weapons, which Russia denies.",
     "Moscow of using chemical weapons"),
    ("Poland said it had scrambled aircraft to protect its airspace, as it routinely does when Russia "
     "launches a large strike.", "it had scrambled aircraft to protect its airspace"),
    ("The rebels said they had killed 84 fighters near the border, in what was widely seen as the group's "
     "worst setback.", "they had killed 84 fighters near the border"),
    ("The army said it would respond as it did in 2022.", "it would respond as it did in 2022"),
])
def test_the_writers_note_closing_a_content_is_left_out(text: str, content: str):
    """Others' denials, the figure's verification, the writer's comparison or framing: not what was said."""
    assert one(text).content.text == content


def test_semicolon_closes_a_headline_clause():
    attrs = extract("Mayor says bridge will reopen; police say road stays shut")
    assert [a.content.text for a in attrs] == ["bridge will reopen", "road stays shut"]
    assert all(a.via == [] for a in attrs)


def test_as_someone_put_it():
    a = one("As one analyst put it, the sanctions have failed.")
    assert (src(a), a.content.text) == ("one analyst", "the sanctions have failed")


def test_that_clause_after_in_a_statement():
    a = one("The regional governor said in a statement that 12 people had been wounded.")
    assert a.content.text == "12 people had been wounded"


def test_writers_aside_is_not_content():
    a = one("The army says it has captured the village, a claim that could not be independently verified.")
    assert a.content.text == "it has captured the village"
    # the comma set inside the closing quote mark, American style
    b = one('The ministry claimed its forces had struck "military facilities," a claim that could not be '
            "independently verified.")
    assert b.content.text == 'its forces had struck "military facilities,"'
    c = one("The ministry said its forces had hit \u201ca fuel depot,\u201d which Kyiv denies.")
    assert c.content.text == "its forces had hit \u201ca fuel depot,\u201d"


def test_semicolon_starts_a_new_reported_clause():
    attrs = extract("Officials said two people were killed; another 14 were injured, they said.")
    assert [(src(a), a.content.text) for a in attrs] == [
        ("Officials", "two people were killed"), ("they", "another 14 were injured")]
    assert attrs[1].via == [] and attrs[1].source_resolved == "Officials"


def test_report_inside_a_relative_clause():
    a = one("The strike, which the army said targeted an ammunition depot, caused a large fire.")
    assert (src(a), a.content.text) == ("the army", "targeted an ammunition depot")


def test_according_to_in_mid_clause_splits_the_content():
    a = one("The talks, according to two people familiar with them, stalled over the prisoner exchange.")
    assert [p.text for p in a.content_parts] == ["The talks", "stalled over the prisoner exchange"]
    assert src(a) == "two people familiar with them"


def test_according_to_inside_a_report_is_nested():
    a = one("Lee said that, according to the intelligence service, the troops had arrived.")
    assert (src(a), [v.text for v in a.via], a.content.text) == (
        "the intelligence service", ["Lee"], "the troops had arrived")


def test_per_as_a_rate_is_not_a_cue():
    assert extract("Oil rose to $80 per barrel on Monday.") == []


def test_documents_find_and_show_but_people_only_find():
    a = one("A new survey found that most residents support the truce.")
    assert (a.cue.text, src(a), a.content.text) == ("found", "A new survey",
                                                    "most residents support the truce")
    assert one("Satellite images show that the runway was damaged.").content.text == "the runway was damaged"
    assert extract("The soldiers found that the bridge was mined.") == []


def test_how_it_was_said_is_not_content_but_what_happened_is():
    a = one("The minister said foreign agents had helped the attackers, without presenting evidence.")
    assert a.content.text == "foreign agents had helped the attackers"
    b = one("The army said a helicopter had crashed on Friday, without causing casualties.")
    assert b.content.text == "a helicopter had crashed on Friday, without causing casualties"
    c = one("A spokesman told Al Jazeera that troops had repositioned, without confirming the city's fall.")
    assert c.content.text == "troops had repositioned"


def test_semicolon_inside_one_report_keeps_both_halves():
    a = one("One suspect was caught at once; a second was caught at dawn, the police said.")
    assert a.content.text == "One suspect was caught at once; a second was caught at dawn"


def test_parenthetical_cue_inside_a_clause():
    a = one("The attack, he said, had been planned for months.")
    assert [p.text for p in a.content_parts] == ["The attack", "had been planned for months"]
    attrs = extract("The governor said the men had fled towards the river, where, he said, a boat "
                    "was waiting.")
    assert [(src(x), x.content.text) for x in attrs] == [
        ("The governor", "the men had fled towards the river"), ("he", "a boat was waiting")]
    assert attrs[1].via == [] and attrs[1].source_resolved == "The governor"


def test_pronoun_skips_names_that_are_not_doers():
    attrs = extract("Foreign Minister John Smith responded on X. "
                    "\u201cThis is what President Putin wants,\u201d he wrote.")
    assert len(attrs) == 1 and attrs[0].source_resolved == "Foreign Minister John Smith"
    assert attrs[0].content.text == "This is what President Putin wants" and attrs[0].direct


def test_no_proposition_no_attribution():
    assert extract("According to the network, basically.") == []
    assert extract("Anyone who complains about the heat \u201cis not working hard enough.\u201d") == []


def test_quote_after_the_cue_sentence_continues_the_speaker():
    a = one("\u201cThe convoy is here,\u201d she said. \u201cIt brought water and fuel.\u201d\n"
            "The mayor left.")
    assert [p.text for p in a.content_parts] == ["The convoy is here", "It brought water and fuel"]
    attrs = extract("\u201cWe are ready,\u201d he said. \u201cBut we need shells,\u201d he added.")
    assert [a.content.text for a in attrs] == ["We are ready", "But we need shells"]


def test_clause_final_cue_the_tagger_took_for_a_noun():
    a = one("The gunmen had planned to cross the river, the security service claims.")
    assert (a.cue.text, src(a), a.content.text) == ("claims", "the security service",
                                                    "The gunmen had planned to cross the river")


def test_interview_with_and_as_quoted_by_are_relays():
    assert [v.text for v in one("The minister said in an interview with CNN that the offensive had "
                                "stalled.").via] == ["CNN"]
    assert [v.text for v in one("The offensive has stalled, the minister said, as quoted by "
                                "TASS.").via] == ["TASS"]


ODD = ["", "\"", "\u201cUnclosed quote said the man.", "He said.", "According to",
       "\u201dReversed\u201c he said.", "\u201cA,\u201d \u201cB,\u201d \u201cC\u201d"]


@pytest.mark.parametrize("text", ODD)
def test_odd_inputs_give_no_attribution_and_no_error(text):
    assert extract(text) == []


def test_a_list_of_actions_stays_in_the_content():
    a = one("Witnesses told the radio station that two men burst into the hall, fired into the crowd "
            "and threw a grenade.")
    assert a.content.text == "two men burst into the hall, fired into the crowd and threw a grenade"


# ---- sentence-final sayer after a long comma list; vague bodies; cited documents ----------------------

def test_sayer_read_as_list_item_still_speaks():
    text = ("Iran has agreed to ship about 300 drones, packed in wooden crates, to support Moscow in its "
            "offensive against Kyiv, Britain's Defence Intelligence (DI) said on Sunday.")
    a = one(text)
    assert src(a) == "Britain's Defence Intelligence (DI)"
    assert a.content.text.startswith("Iran has agreed") and a.content.text.endswith("against Kyiv")


def test_acronym_in_brackets_stays_with_its_name():
    a = extract("Some 800 soldiers are now camped near Belgorod, Ukraine's Border Guard Service (BGS) "
                "said on Friday.")[0]
    assert src(a) == "Ukraine's Border Guard Service (BGS)"
    assert a.content.text == "Some 800 soldiers are now camped near Belgorod"


def test_vague_body_skips_countries_and_nationalities():
    text = ("Some 800 soldiers were moved to Crimea, Latvia's State Security Service said on Friday.\n"
            "Ukraine said the soldiers came from Belarus.\n"
            "Russian said the claim was false.\n"
            "In a post on its Telegram channel, the agency said the soldiers were conscripts.")
    last = extract(text)[-1]
    assert src(last) == "the agency"
    assert last.source_resolved == "Latvia's State Security Service"


def test_vague_body_prefers_a_body_of_its_kind():
    text = ("Estonia's Foreign Intelligence Service said the base was empty.\n"
            "The Baltic Shipping Company said its ferries kept sailing.\n"
            "The agency said more troops arrived.")
    assert extract(text)[-1].source_resolved == "Estonia's Foreign Intelligence Service"


def test_cited_document_keeps_the_citers_out_of_the_content():
    a = one("Two bridges were destroyed near Odesa, Romanian senators said on Tuesday, citing a report "
            "by the Foreign Intelligence Service.")
    assert src(a) == "a report by the Foreign Intelligence Service"
    assert [v.text for v in a.via] == ["Romanian senators"]
    assert a.content.text == "Two bridges were destroyed near Odesa"


def test_cited_document_resolves_to_its_author():
    text = ("Poland's Internal Security Agency (ABW) said two men were held.\n"
            "Three bridges were damaged near Lviv, Polish senators said on Tuesday, citing a briefing "
            "by the Internal Security Agency.")
    last = extract(text)[-1]
    assert src(last) == "a briefing by the Internal Security Agency"
    assert last.source_resolved == "Poland's Internal Security Agency (ABW)"
    alone = one("Three bridges were damaged, Polish senators said, citing a memo by the border guard.")
    assert alone.source_resolved == "the border guard"


def test_a_document_published_by_someone_resolves_to_its_publisher():
    text = ("The Baltic Institute assessed that the port would reopen.\n"
            "The report, which was published on Monday by the UN monitoring mission, said that at least "
            "12 civilians were killed in September.")
    last = extract(text)[-1]
    assert src(last) == "The report"
    assert last.source_resolved == "the UN monitoring mission"


def test_acronym_resolves_to_the_name_it_abbreviates():
    text = ("Three bridges were damaged near Lviv, Polish senators said, citing a briefing by the Internal "
            "Security Agency.\nThe ISA told senators that two men were held.")
    last = extract(text)[-1]
    assert src(last) == "The ISA"
    assert last.source_resolved == "the Internal Security Agency"


def test_an_idiom_object_is_part_of_the_cue():
    a = one("As the mayor put it to reporters, the bridge must close before winter.")
    assert a.cue.text == "put it"
    assert a.content.text == "the bridge must close before winter"


def test_a_quoted_auxiliary_is_not_part_of_the_cue():
    a = one("\u201cIf it does not hold yet, it will at some point, probably sooner rather than later,\u201d "
            "said the engineer.")
    assert a.cue.text == "said"


@pytest.mark.parametrize("verb", ["quipped", "retorted", "demanded", "recalled"])
def test_verbs_that_hand_over_a_quotation(verb):
    a = one(f"\u201cThe bridge will be open by spring,\u201d the mayor {verb}.")
    assert a.cue.text == verb
    assert src(a) == "the mayor"
    assert a.content.text == "The bridge will be open by spring"


def test_relative_clause_the_parser_hung_on_the_cue_stays_in_the_content():
    a = one("Sanders on Tuesday said he wants to attack four provisions in the tax code that address "
            "how real estate losses are deducted.")
    assert a.content.text.endswith("in the tax code that address how real estate losses are deducted")


def test_a_complementiser_read_as_a_relative_word_is_left_out():
    a = one('The spokesman later told a briefing that the navy "will respond at a time of our choosing."')
    assert a.content.text == 'the navy "will respond at a time of our choosing."'


def test_a_description_before_a_closing_relay_names_the_outlet():
    a = one('The envoy rejected what he called "baseless accusations" that Tehran directs the groups, '
            'state news agency IRNA reported.')
    assert a.content.text == 'what he called "baseless accusations" that Tehran directs the groups'
    assert [v.text for v in a.via] == ["state news agency IRNA"]


def test_an_unverified_claim_aside_leaves_the_content():
    a = one('The ministry said its units had "improved their position" near the village, '
            'a claim Reuters could not independently verify.')
    assert a.content.text == 'its units had "improved their position" near the village'


def test_a_description_of_the_source_after_according_to_is_not_content():
    a = one("According to the Institute for the Study of War, a Washington-based think tank, "
            "Russian troops have advanced roughly 2 km since mid-February.")
    assert src(a) == "the Institute for the Study of War"
    assert a.content.text == "Russian troops have advanced roughly 2 km since mid-February"


def test_a_semicolon_closes_a_headline_claim():
    atts = extract("Militia claims drone attack on base; Pentagon says no casualties")
    assert all("Pentagon" not in a.content.text for a in atts)


def test_an_indefinite_or_role_source_is_not_resolved_to_an_unrelated_sayer():
    atts = extract("According to a tally kept by the Pentagon, the attack was the 15th this month. "
                   "Syrian state media, citing a military source, reported that jets had struck a depot. "
                   "According to the Institute for the Study of War, the front has not moved. "
                   "According to the governor, a convoy was hit.")
    by_src = {src(a): a for a in atts}
    assert by_src["a military source"].source_resolved is None
    assert by_src["the governor"].source_resolved is None


def test_a_clause_hung_on_statement_is_no_relay():
    a = extract("The agency said in a statement that the strike was carried out by its special forces "
                "together with the navy.")[0]
    assert a.via == [] and a.content.text.startswith("the strike was carried out")
    a = extract("The ministry said in a statement carried by TASS that the blasts were accidental.")[0]
    assert [v.text for v in a.via] == ["TASS"]


def test_as_quoted_by_before_the_cue_or_hung_on_the_clause_is_a_relay():
    a = one("Russia's defence ministry, as quoted by the state news agency TASS, said that the blasts "
            "were caused by munitions.")
    assert src(a) == "Russia's defence ministry" and [v.text for v in a.via] == ["the state news agency TASS"]
    a = one("The minister said, as quoted by Interfax, that talks were over.")
    assert [v.text for v in a.via] == ["Interfax"] and a.content.text == "talks were over"


def test_a_negated_cue_over_an_open_question_asserts_nothing():
    assert extract("He did not say what had caused the blasts.") == []
    assert extract("The agency could not independently confirm how many planes were destroyed.") == []
    assert one("The army did not deny that the base was hit.").content.text == "the base was hit"


def test_a_vague_body_is_not_the_outlet_that_reported_before():
    atts = extract("The AP reported that the base was hit. The army said the damage was minor.")
    army = next(a for a in atts if src(a) == "The army")
    assert army.source_resolved is None


def test_a_name_before_its_description_is_the_sayer():
    a = one("Trafigura, the commodities trader that chartered the vessel, said a fire had been extinguished.")
    assert src(a) == "Trafigura"


def test_images_do_not_show_the_clause_before_them():
    for text in ("Explosions reported at Russian airbase in Crimea, satellite images show damaged jets",
                 "Explosions reported at Russian airbase in Crimea, satellite images show damaged jets\n\n"
                 "Several explosions rocked the airbase overnight, officials said."):
        atts = extract(text)
        assert all(not a.content.text.startswith("Explosions") for a in atts)
    assert one("Most residents had left, the survey found.").content.text == "Most residents had left"


def test_a_closing_citing_phrase_is_part_of_the_cue_region():
    a = one("The militia killed at least 460 patients and companions at the hospital in the city, the health "
            "agency said on Wednesday, citing reports from health workers in the city.")
    assert a.content.text == ("The militia killed at least 460 patients and companions at the hospital "
                              "in the city")
    assert [v.text for v in a.via] == ["the health agency"]


def test_per_opening_a_sentence():
    a = one('Per the Kremlin, Putin is "open to contacts" with the U.S. side.')
    assert src(a) == "the Kremlin" and a.cue.text == "Per"
    assert extract("Per capita, incomes fell by a third.") == []


def test_hours_after_closing_a_content_is_the_writers():
    atts = extract('The president said on Tuesday that Ukraine "will not give up a single centimetre" of its '
                   "land, hours after the White House confirmed that the envoy would travel to Moscow.")
    said = next(a for a in atts if a.cue.text == "said")
    assert said.content.text == 'Ukraine "will not give up a single centimetre" of its land'
    confirmed = next(a for a in atts if a.cue.text == "confirmed")
    assert confirmed.via == [] and src(confirmed) == "the White House"


def test_one_of_the_sources_resolves_to_the_sources():
    atts = extract("The newspaper, citing three sources in the President's Office, reported that Kyiv had "
                   "seen only an outline. One of the sources said the plan was unacceptable.")
    one_of = next(a for a in atts if src(a) == "One of the sources")
    assert one_of.source_resolved == "three sources in the President's Office"


def test_according_to_inside_what_a_governor_wrote_is_one_report():
    a = one("According to preliminary data, three people were killed in a drone attack on the city, "
            "regional governor Serhiy Lysak wrote on Telegram.")
    assert src(a) == "preliminary data" and [v.text for v in a.via] == ["regional governor Serhiy Lysak"]
    assert a.content.text == "three people were killed in a drone attack on the city"


def test_though_it_gave_no_evidence_closing_a_content_is_the_writers():
    a = one("The military says it has killed more than 17,000 militants, though it has not provided evidence "
            "for that figure.")
    assert a.content.text == "it has killed more than 17,000 militants"
    a = one("The army said the convoy was hit, though it gave no details.")
    assert a.content.text == "the convoy was hit"
    assert one("The army said the convoy was hit, though nobody was hurt.").content.text == \
        "the convoy was hit, though nobody was hurt"


def test_neither_confirming_nor_denying_says_nothing():
    from claimgraph.extract import extract as full
    from claimgraph.model import Document

    text = ("The Kremlin has neither confirmed nor denied the presence of the troops. "
            "The ministry has not confirmed or denied the report. "
            "The ministry confirmed the strike and denied any losses. "
            "He did not comment or deny it, but said the base was intact.")
    atts = full(Document(id="t", text=text))
    assert [(a.cue.text, a.content.text) for a in atts] == [
        ("confirmed", "the strike"), ("denied", "any losses"), ("said", "the base was intact")]


def test_a_name_in_apposition_to_a_role_is_a_later_he():
    atts = extract("Budanov said about 11,000 soldiers were deployed. A Ukrainian soldier from the brigade, "
                   "who gave only his call sign, Sever, said his unit had captured two men. "
                   "«They did not speak Russian at all,» he told the outlet Hromadske.")
    told = next(a for a in atts if a.cue.text == "told")
    assert told.source_resolved == "Sever"


@pytest.mark.parametrize("office,name,rest", [
    ("The Russian-installed head of the region", "Vladimir Saldo", "said the evacuation was complete."),
    ("The Human Rights Defender of Armenia", "Anahit Manasyan", "said 40 people were detained."),
])
def test_a_name_after_its_title_and_a_comma_keeps_the_title_in_source_resolved(office, name, rest):
    a = one(f"{office}, {name}, {rest}")
    assert src(a) == name
    assert a.source_resolved == f"{office}, {name}"


def test_he_resolves_to_the_whole_title_of_the_name_before():
    atts = extract("Crimea's Russian-installed governor Sergei Aksyonov urged residents to stay calm. "
                   '"The situation is under control," he wrote on Telegram.')
    assert atts[-1].source_resolved == "Crimea's Russian-installed governor Sergei Aksyonov"


def test_it_resolves_to_a_body_that_acted_in_the_sentence_before():
    atts = extract("Russia said all missiles were intercepted. Russia's defence ministry did not mention "
                   "the airbase. It said debris had damaged a building.")
    assert atts[-1].source_resolved == "Russia's defence ministry"


def test_the_report_resolves_to_who_spoke_in_it():
    atts = extract("The BBC told Reuters it had never produced such a report. The Pentagon's inspector "
                   "general said in a January report that it had found no evidence of diversion. "
                   "The report noted, however, that gaps in monitoring remained.")
    noted = next(a for a in atts if a.cue.text == "noted")
    assert noted.source_resolved == "The Pentagon's inspector general" and noted.via == []


def test_a_sayers_own_relative_clause_aside_is_not_a_second_report():
    a = one("Researchers said the clip came from an operation known as Storm-1516, which they said had "
            "produced dozens of videos.")
    assert src(a) == "Researchers"
    assert a.content.text.endswith("which they said had produced dozens of videos")


def test_a_spokesperson_speaks_for_the_body_before_but_a_qualified_body_is_not_any_body():
    atts = extract("DTEK said two of its plants were damaged. It was the company's 190th attack, "
                   "a spokesperson said. The Kremlin said the strikes were a response. "
                   '"All targets were hit," the defence ministry said.')
    by_src = {src(a): a for a in atts}
    assert by_src["a spokesperson"].source_resolved == "DTEK"
    assert by_src["the defence ministry"].source_resolved is None


def test_an_indefinite_source_is_someone_new_not_the_same_noun_before():
    atts = extract("Officials in the port said the ferry was late. "
                   "A senior official said the port could close within weeks.")
    new = next(a for a in atts if src(a) == "A senior official")
    assert new.source_resolved is None


@pytest.mark.parametrize("sentence,content", [
    ('The ministry dismissed reports that its forces had targeted civilians as "fake".',
     "its forces had targeted civilians"),
    ("The army rejected claims that the strike hit a school as baseless propaganda.",
     "the strike hit a school"),
    ("The ministry denied that its soldiers had served as guards.", "its soldiers had served as guards"),
])
def test_the_label_a_dismissal_gives_is_not_part_of_what_it_dismisses(sentence, content):
    assert one(sentence).content.text == content


def test_a_noun_in_what_describes_an_earlier_source_is_not_that_source():
    atts = extract("The Pentagon confirmed the figure. Pyongyang may send more troops, lawmakers briefed by "
                   "the spy agency said. The agency estimated that 100 soldiers had been killed.")
    estimated = next(a for a in atts if src(a) == "The agency")
    assert estimated.source_resolved not in ("lawmakers briefed by the spy agency", "The Pentagon")


def test_an_outlet_the_tagger_takes_for_a_person_still_relays():
    a = one("Two officials familiar with the plan told Politico that the package would include ATACMS "
            "missiles, a claim the Pentagon declined to confirm.")
    assert [v.text for v in a.via] == ["Politico"]
    assert a.content.text == "the package would include ATACMS missiles"  # the writer's aside stays out


def test_quoting_a_source_relays_like_citing_one():
    a = one("Interfax reported, quoting a source in the defence ministry, that the frigate had returned.")
    assert src(a) == "a source in the defence ministry"
    assert [v.text for v in a.via] == ["Interfax"]
    assert a.content.text == "the frigate had returned"


def test_an_aside_inside_a_content_leaves_its_two_sides_as_parts():
    atts = extract("The truce, which both governments described as fragile, appeared to be holding on "
                   "Monday, residents said.")
    said = next(a for a in atts if a.cue.text == "said")
    assert [p.text for p in said.content_parts] == ["The truce", "appeared to be holding on Monday"]
    described = next(a for a in atts if a.cue.text.startswith("described"))
    assert described.cue.text == "described as" and described.content.text == "fragile"


def test_a_floating_both_is_not_part_of_the_source():
    assert src(one("Washington and Moscow both said the truce was fragile.")) == "Washington and Moscow"


def test_a_headline_content_does_not_end_on_a_dangling_preposition():
    atts = extract("Israel says it killed Hezbollah commander in Beirut strike\n\nThe army said so.")
    assert atts[0].content.text == "it killed Hezbollah commander in Beirut strike"


def test_one_of_them_goes_back_to_a_plural_described_after_its_head():
    atts = extract("The group rejected the report. Doctors at the camp told reporters the toll was higher. "
                   '"We buried 120 people in one day," one of them said.')
    assert atts[-1].source_resolved == "Doctors at the camp"


def test_x_said_y_tass_reported_is_x_via_tass():
    a = one('Kremlin spokesman Dmitry Peskov said Russia "does not interfere in the affairs of other '
            'countries", the TASS news agency reported.')
    assert src(a) == "Kremlin spokesman Dmitry Peskov" and [v.text for v in a.via] == ["the TASS news agency"]
    assert a.content.text == 'Russia "does not interfere in the affairs of other countries"'


def test_urging_is_neither_a_report_nor_part_of_what_was_said():
    a = one('The president said on Sunday that Russia had spent "hundreds of millions of euros" trying to '
            "buy votes, and urged citizens to report any attempt to bribe them.")
    assert a.content.text == 'Russia had spent "hundreds of millions of euros" trying to buy votes'


def test_in_what_officials_described_as_is_its_own_report():
    atts = extract("The defence ministry said it had detected 21 aircraft around the island, in what "
                   'officials described as a "joint combat readiness patrol".')
    said = next(a for a in atts if a.cue.text == "said")
    assert said.content.text == "it had detected 21 aircraft around the island"
    described = next(a for a in atts if a.cue.text.startswith("described"))
    assert src(described) == "officials" and described.via == []
    assert described.content.text == 'a "joint combat readiness patrol"'


def test_a_scene_setting_clause_after_a_mid_sentence_cue_is_the_writers():
    a = one("EU leaders agreed on Thursday to back a loan to Ukraine, officials said, after Belgium dropped "
            "its objections.")
    assert a.content.text == "EU leaders agreed on Thursday to back a loan to Ukraine"


def test_she_is_a_named_woman_not_a_plural_role():
    atts = extract("EU leaders agreed to back the loan, officials said. European Commission President Ursula "
                   'von der Leyen said the decision sent "a clear message". She added that the first tranche '
                   "could be paid within weeks. Estonian Prime Minister Kaja Kallas said the deal was weak. "
                   "She added that it would not last.")
    shes = [a.source_resolved for a in atts if src(a) == "She"]
    assert shes == ["European Commission President Ursula von der Leyen",
                    "Estonian Prime Minister Kaja Kallas"]


def test_a_title_then_a_name_without_a_comma_is_one_source():
    a = one("Russia's Chief of the General Staff Valery Gerasimov told President Vladimir Putin in a meeting "
            "that troops were surrounded.")
    assert src(a) == "Russia's Chief of the General Staff Valery Gerasimov"


def test_someone_described_with_who_is_a_later_he():
    atts = extract("General Valery Gerasimov said the city was surrounded. A Ukrainian drone operator in the "
                   "area, who asked to be identified only by his call sign, said Russian infantry moved in "
                   'small groups. "They come at night, in the fog," he said.')
    he = next(a for a in atts if src(a) == "he")
    assert he.source_resolved == "A Ukrainian drone operator in the area"


def test_a_titled_name_the_tagger_missed_is_a_later_he():
    atts = extract("Kharkiv Mayor Ihor Terekhov spoke to reporters on Monday. He said repair crews had "
                   "restored power to most households.")
    assert atts[0].source_resolved == "Kharkiv Mayor Ihor Terekhov"


def test_a_claim_officials_dismissed_as_a_lie_is_the_writers_aside():
    from claimgraph.extract import extract as full
    from claimgraph.model import Document

    text = 'Bloggers claimed the strikes had hit "a command post", a claim officials dismissed as a lie.'
    atts = full(Document(id="t", text=text))
    assert [(a.cue.text, a.content.text) for a in atts] == [
        ("claimed", 'the strikes had hit "a command post"')]


def test_a_sayer_going_on_under_a_pronoun_is_a_second_report_not_a_relay():
    atts = extract("Military analysts said the fall of the town would open the way to the remaining cities, "
                   "although they cautioned that Russia had suffered heavy losses.")
    assert [(src(a), a.content.text, a.via) for a in atts] == [
        ("Military analysts", "the fall of the town would open the way to the remaining cities", []),
        ("they", "Russia had suffered heavy losses", [])]
    atts = extract("CENTCOM noted the Houthis attacked the vessel even though they had said they would not "
                   "target Chinese ships.")
    inner = next(a for a in atts if src(a) == "they")
    assert [v.text for v in inner.via] == ["CENTCOM"]


def test_a_negated_confirmation_asserts_nothing_and_calling_the_reports_baseless_ends_a_denial():
    from claimgraph.extract import extract as full
    from claimgraph.model import Document

    text = ('One official said the flights "may be carrying air-defence systems", although he could not '
            "confirm the cargo. The army denied that foreign troops were stationed there, calling the "
            'reports "baseless".')
    atts = full(Document(id="t", text=text))
    assert not any(a.cue.text.endswith("confirm") for a in atts)
    denied = next(a for a in atts if a.cue.text == "denied")
    assert denied.content.text == "foreign troops were stationed there"


def test_after_someone_else_spoke_closing_a_content_is_the_writers_context():
    atts = extract("The president said on Wednesday that Serbia would investigate reports that its "
                   "ammunition had ended up in Ukraine, after Russia's intelligence service accused Serbian "
                   "arms makers of betrayal.")
    said = next(a for a in atts if a.cue.text == "said")
    assert said.content.text == "Serbia would investigate reports that its ammunition had ended up in Ukraine"
    accused = next(a for a in atts if a.cue.text == "accused")
    assert accused.via == []


def test_a_clause_the_parser_split_after_an_adjective_is_one_content():
    a = one("An investigation by the Balkan Investigative Reporting Network (BIRN) found last year that "
            "Serbian-made ammunition worth some 800 million euros had reached Ukraine via intermediaries.")
    assert a.content.text == ("Serbian-made ammunition worth some 800 million euros had reached Ukraine via "
                              "intermediaries")


def test_x_said_y_outlet_reported_citing_the_same_officials_has_one_relay():
    from claimgraph.extract import extract as full
    from claimgraph.model import Document

    text = ("U.S. intelligence officials said they had no information suggesting Putin was ill, NBC News "
            "reported, citing two officials.")
    atts = full(Document(id="t", text=text))
    assert [(a.source.text, [v.text for v in a.via]) for a in atts] == [
        ("U.S. intelligence officials", ["NBC News"])]


def test_a_channel_that_claims_to_have_sources_is_not_anonymous():
    from claimgraph.extract import extract as full
    from claimgraph.model import Document

    text = ("The Telegram channel General SVR, which claims to have sources in the Kremlin, had alleged that "
            "Putin was undergoing treatment.")
    alleged = next(a for a in full(Document(id="t", text=text)) if a.cue.text == "had alleged")
    assert alleged.source_type != "anonymous"


def test_a_clause_subject_read_as_the_verbs_object_stays_in_the_content():
    atts = extract('The agency confirmed the strike and said radiation levels inside and outside the shelter '
                   '"remain normal and stable".')
    said = next(a for a in atts if a.cue.text == "said")
    assert said.content.text == 'radiation levels inside and outside the shelter "remain normal and stable"'


def test_a_claim_yerevan_denied_is_an_aside_not_a_report():
    from claimgraph.extract import extract as full
    from claimgraph.model import Document

    text = ("The ministry rejected the accusation and said it was Armenian units that had fired first, "
            "a claim Yerevan denied.")
    atts = full(Document(id="t", text=text))
    said = next(a for a in atts if a.cue.text == "said")
    assert said.content.text == "it was Armenian units that had fired first"
    assert not any(a.cue.text == "denied" for a in atts)


def test_of_failing_after_a_passive_accuser_is_the_charge():
    a = extract("Russian peacekeepers, who left the region in 2024, have in the past been accused by both "
                "sides of failing to prevent clashes.")[0]
    assert src(a) == "both sides"


def test_a_post_on_x_ends_its_sentence():
    atts = extract("Poland scrambled jets as a precaution, the Operational Command said in a post on X. "
                   "Musk wrote on X that the satellites were working.")
    assert [(src(a), a.content.text) for a in atts] == [
        ("the Operational Command", "Poland scrambled jets as a precaution"),
        ("Musk", "the satellites were working")]


@pytest.mark.parametrize("text,first,rest", [
    ("Israel and Hezbollah traded accusations over a series of strikes in southern Lebanon that, "
     "according to Lebanon's health ministry, killed at least nine people.",
     "a series of strikes in southern Lebanon", "killed at least nine people"),
    ("The report names three commanders who, according to the prosecutors, ordered the shelling.",
     "three commanders", "ordered the shelling"),
    ("The drones, which, according to the air force, were launched from Kursk, hit a school.",
     "The drones", "were launched from Kursk"),
])
def test_according_to_inside_a_relative_clause_reports_on_its_noun(text, first, rest):
    a = one(text)
    assert a.cue.text == "according to"
    assert [p.text for p in a.content_parts] == [first, rest]


def test_a_report_before_its_sayer_read_as_an_adverbial_clause():
    # the parser hangs "have withdrawn" on "confirmed" as an adverbial clause, not a complement
    atts = extract("KYIV — Ukrainian forces have withdrawn from two villages east of Pokrovsk to avoid "
                   "encirclement, the General Staff confirmed late on Thursday, a day after bloggers first "
                   "reported the retreat.")
    a = atts[0]
    assert (a.cue.text, src(a)) == ("confirmed", "the General Staff")
    assert a.content.text == ("Ukrainian forces have withdrawn from two villages east of Pokrovsk "
                              "to avoid encirclement")


@pytest.mark.parametrize("text", [
    "Peskov said only that the operation was proceeding according to plan.",
    "According to the plan, the convoy leaves at dawn.",
    "The ballots were counted according to the law.",
])
def test_according_to_a_norm_is_no_source(text):
    assert all(a.cue.text != "according to" for a in extract(text))


def test_a_cited_source_loses_the_relative_clause_with_its_own_report():
    atts = extract("Iran's Revolutionary Guards seized a tanker on Friday, state television reported, "
                   "citing a statement from the Guards' navy that accused the vessel of smuggling fuel.")
    relayed = next(a for a in atts if a.cue.text == "reported")
    assert src(relayed) == "a statement from the Guards' navy"
    assert [v.text for v in relayed.via] == ["state television"]
    accused = next(a for a in atts if a.cue.text == "accused")
    assert accused.content.text == "the vessel of smuggling fuel"


def test_it_resolves_to_a_named_body_not_to_the_last_sayer_before():
    atts = extract("The ship's manager was quoted by the Associated Press as saying that all 21 seafarers "
                   "had been evacuated.\n\nThe European Union's naval mission in the region, Aspides, gave a "
                   "different account. In a statement, it said the vessel had suffered limited damage.")
    it = next(a for a in atts if src(a) == "it")
    assert it.source_resolved == "The European Union's naval mission in the region, Aspides"
    assert it.via == []  # the manager spoke to the AP; the mission did not


@pytest.mark.parametrize("text,content", [
    ('Yahya Saree said in a televised address that the ship had been hit by "a number of naval missiles" '
     'and was "on the verge of sinking."',
     'the ship had been hit by "a number of naval missiles" and was "on the verge of sinking."'),
    ("The governor said two people had been killed and was visibly shaken.", "two people had been killed"),
    ("Police said the suspect had fled and were searching the area.", "the suspect had fled"),
])
def test_a_verb_after_and_belongs_to_whichever_subject_it_agrees_with(text, content):
    assert one(text).content.text == content


def test_what_the_sayer_left_out_is_not_part_of_what_was_said():
    a = one('The governor wrote on Telegram that a fire had broken out at "an industrial facility" after a '
            "drone attack, but did not name the site.")
    assert a.content.text == 'a fire had broken out at "an industrial facility" after a drone attack'


def test_a_conclusion_drawn_from_a_thing_stays_the_outer_sayers():
    a = one("A military analyst in Kyiv said the move suggests Moscow fears further strikes on the bridge.")
    assert src(a) == "A military analyst in Kyiv" and a.via == []
    assert a.content.text == "the move suggests Moscow fears further strikes on the bridge"


def test_a_nested_report_by_a_body_still_names_the_body():
    a = one("The governor said the regional health centre had warned that hospitals were full.")
    assert src(a) == "the regional health centre" and [v.text for v in a.via] == ["The governor"]


def test_a_plain_past_verb_after_but_is_the_sayers_next_act():
    # the parser hangs `gave` on `hit`, inside the reported clause
    a = one("Russia's Defence Ministry said its forces had hit \"military infrastructure\" used by "
            "Ukraine's armed forces, but gave no details.")
    assert a.content.text == "its forces had hit \"military infrastructure\" used by Ukraine's armed forces"
    b = one("The mayor said troops had entered the village and opened fire.")
    assert b.content.text == "troops had entered the village and opened fire"


def test_quoted_as_saying_by_an_outlet_is_a_relay():
    a = one("The minister was quoted as saying by Interfax that the talks had failed.")
    assert src(a) == "The minister" and [v.text for v in a.via] == ["Interfax"]
    assert a.content.text == "the talks had failed"
    b = one("Kim Yong Chol was quoted as saying by the state news agency KCNA that the treaty stands.")
    assert [v.text for v in b.via] == ["the state news agency KCNA"]


def test_a_relative_clause_naming_its_own_sayer_is_the_writers_aside():
    atts = extract("The army said it had hit a depot near the town that local officials said "
                   "killed at least 14 people.")
    army = next(a for a in atts if src(a) == "The army")
    officials = next(a for a in atts if src(a) == "local officials")
    assert army.content.text == "it had hit a depot near the town"
    assert officials.via == [] and officials.content.text == "killed at least 14 people"


def test_a_relative_clause_about_the_sayer_stays_inside_the_outer_report():
    atts = extract("The agency reported that television aired footage of a suspect who said "
                   "he had been paid.")
    suspect = next(a for a in atts if a.content.text == "he had been paid")
    assert [v.text for v in suspect.via][:1] == ["The agency"]


def test_a_headline_clause_past_the_cues_semicolon_is_not_its_content():
    from claimgraph.extract import extract as extract_all

    text = "Israel says Hezbollah commander killed in Beirut strike; group vows response"
    atts = extract_all(Document(id="t", text=text))
    says = next(a for a in atts if a.cue.text == "says")
    assert says.content.text == "Hezbollah commander killed in Beirut strike"
    assert rules.clause_child(next(t for t in load_nlp()(text) if t.text == "says"), rules.lexicon()) is None


def test_a_source_keeps_the_bracket_its_abbreviation_opened():
    a = one("Russia is moving troops, LIGA.net reported, citing sources in "
            "Ukraine's Defence Intelligence (HUR).")
    assert src(a) == "sources in Ukraine's Defence Intelligence (HUR)"


def test_a_claim_the_writer_says_was_denied_is_not_relayed_by_the_denier():
    # the parser makes `denied` the sentence's verb, with `a claim` and `General Staff` its subjects
    text = ("Several pro-Kremlin Telegram channels, including Rybar, claimed on Thursday that Ukrainian "
            "troops had withdrawn from two villages, a claim Ukraine's General Staff denied.")
    assert next(t for t in load_nlp()(text) if t.text == "denied").dep_ == "ROOT"
    a = one(text)
    assert src(a) == "Several pro-Kremlin Telegram channels, including Rybar" and a.via == []
    assert a.content.text == "Ukrainian troops had withdrawn from two villages"


def test_referring_to_a_source_is_a_relay_like_citing():
    a = one("The Washington Post, referring to the same intelligence, said the figure was about 70,000.")
    assert src(a) == "the same intelligence" and [v.text for v in a.via] == ["The Washington Post"]
    b = one("The ministry, referring to the incident, said the drone was shot down.")
    assert src(b) == "The ministry" and b.via == []


def test_a_number_phrase_read_as_the_verbs_modifier_stays_in_the_content():
    # the parser hangs "between ... bodies" on "said" and leaves "recovered" without a subject
    a = one("An aid worker said between 200 and 300 bodies had been recovered from the river.")
    assert a.content.text == "between 200 and 300 bodies had been recovered from the river"


def test_a_headline_passive_said_to_be_names_no_sayer():
    assert extract("Iran said to be supplying missiles to Houthis") == []


def test_the_empty_subject_of_it_was_reported_is_not_part_of_the_content():
    a = one("Iran is reported to have shipped dozens of missiles to the rebels in recent months, "
            "it was reported by the Wall Street Journal on Saturday.")
    assert src(a) == "the Wall Street Journal"
    assert a.content.text.endswith("in recent months")


def test_a_content_closes_the_quotation_it_opened():
    a = one('A Pentagon official estimated that Ukraine has enough ammunition for "two to three months".')
    assert a.content.text == 'Ukraine has enough ammunition for "two to three months"'
    b = one("The governor said the situation was “difficult” but stable.")
    assert b.content.text == "the situation was “difficult” but stable"


def test_a_quotation_going_on_with_to_after_said_is_still_the_sayers():
    text = ('"What we owe the miners is to be honest with them," Mr. Obama said, "and to say that the '
            'economy is shifting. How we use energy is shifting."')
    a = one(text)
    assert src(a) == "Mr. Obama" and len(a.content_parts) == 2


def test_referring_to_something_that_is_no_source_leaves_the_quotation_whole():
    a = one('"Every time you say that," Tester said, referring to the excuse, "you give ammunition to them."')
    assert a.content.text.endswith("you give ammunition to them")
    b = one("She noted that both men were referring to studies of the jobless rate.")
    assert b.content.text == "both men were referring to studies of the jobless rate"


def test_confirmed_to_an_outlet_is_a_relay():
    a = one("A spokesperson for the air force confirmed to the BBC that nine warplanes had been destroyed.")
    assert [v.text for v in a.via] == ["the BBC"] and a.content.text == "nine warplanes had been destroyed"
    b = one("He admitted to Parliament that mistakes were made.")
    assert b.via == []


def test_wrote_in_a_post_that_strips_the_complementizer():
    a = one('The ambassador wrote in a Telegram post that Washington was "playing with fire".')
    assert a.content.text == 'Washington was "playing with fire"'


def test_a_participle_set_off_after_the_sayer_is_not_part_of_the_source():
    a = one("Former NATO commander James Stavridis, writing in an op-ed for Bloomberg, argued that Kyiv "
            "needs long-range missiles.")
    assert src(a) == "Former NATO commander James Stavridis"
    assert a.content.text == "Kyiv needs long-range missiles"


def test_according_to_an_outlet_hung_inside_the_reported_clause_is_its_relay():
    # the parser hangs "according to Interfax" on "conducted", inside what the fleet said
    a = one("Russia's Black Sea Fleet said it had conducted exercises near the corridor, as did the "
            "Turkish navy, according to Interfax.")
    assert src(a) == "Russia's Black Sea Fleet" and [v.text for v in a.via] == ["Interfax"]
    assert a.content.text == "it had conducted exercises near the corridor, as did the Turkish navy"


def test_no_sentence_starts_right_after_a_word():
    # after a headline the parser once split "Ukraine | and | Turkey said ..." into three sentences
    atts = extract("Grain corridor under threat\n\nUkraine and Turkey said on Friday that ships would keep "
                   "sailing despite Russian threats, while Moscow claimed the corridor was unsafe.")
    assert [src(a) for a in atts] == ["Ukraine and Turkey", "Moscow"]


def test_dismissing_reports_that_x_reports_a_denial_of_x():
    a = one('The spokesman dismissed as "fake" reports that officials had met secretly in Istanbul.')
    assert src(a) == "The spokesman" and a.content.text == "officials had met secretly in Istanbul"


def test_single_quotation_marks_make_a_direct_quote():
    a = one("'They shell us day and night,' the soldier said.")
    assert a.direct and a.content.text == "They shell us day and night"
    b = one("The soldiers' commander said the shelling had stopped.")
    assert not b.direct


def test_a_statement_on_the_sayers_own_channel_is_no_relay():
    a = one("Hamas, in a statement carried by its Telegram channel, said the strike proved that "
            "Israel was targeting aid convoys.")
    assert src(a) == "Hamas" and a.via == []


def test_a_statement_carried_by_an_agency_still_names_the_relay():
    a = one("The ministry, in a statement carried by TASS, said the drones had been shot down.")
    assert [v.text for v in a.via] == ["TASS"]


@pytest.mark.parametrize("text, content", [
    ("Islamic State claimed responsibility for the attack in a statement posted on Telegram.",
     "responsibility for the attack"),
    ("Russia's Defence Ministry claimed the capture of the village of Krasnohorivka on Monday.",
     "the capture of the village of Krasnohorivka"),
    ("Ukraine accused Russia of shelling the city in a statement on Monday.", "Russia of shelling the city"),
    ("Kyiv accused Moscow on Monday of planning a provocation at the plant.",
     "Moscow on Monday of planning a provocation at the plant"),
])
def test_an_object_content_leaves_out_how_and_when_it_was_said(text, content):
    assert one(text).content.text == content


def test_a_claim_of_responsibility_before_a_participle_keeps_both_reports():
    attrs = extract("The group's spokesman claimed responsibility for the attack in a televised speech, "
                    "saying the group had targeted the ship.")
    assert [(a.cue.text, a.content.text) for a in attrs] == [
        ("claimed", "responsibility for the attack"), ("saying", "the group had targeted the ship")]


def test_claimed_with_a_clause_the_parser_split_is_still_the_clause():
    a = one("The rebels claimed the army had shelled the town.")
    assert a.content.text == "the army had shelled the town"


def test_the_group_is_the_group_named_in_the_sentence_before():
    attrs = extract("A local medical group said 40 people were killed in the shelling. "
                    "The RSF did not respond to a request for comment. "
                    "The group has previously denied that it targets civilians.")
    assert attrs[-1].cue.text == "has previously denied" and attrs[-1].source_resolved == "RSF"


def test_the_group_with_a_qualifier_is_the_group_named_with_it():
    attrs = extract("The paramilitary Rapid Support Forces shelled the camp on Friday, medics said. "
                    "A medical group said the toll could rise. Later the paramilitary group said it had "
                    "only targeted army positions.")
    assert attrs[-1].source_resolved == "paramilitary Rapid Support Forces"


def test_the_group_is_not_a_state_body_named_before():
    attrs = extract("Hamas said the talks had stalled. Israel's military said it struck 40 targets. "
                    "The group said it would not return to talks.")
    assert attrs[-1].source_resolved == "Hamas"


def test_a_second_that_clause_the_parser_joined_to_the_verb_is_part_of_what_was_told():
    a = one('Rafael Grossi told a news conference that he hoped to travel to Tehran "in the coming weeks" '
            'but that no date had been set.')
    assert a.content.text.endswith('"in the coming weeks" but that no date had been set')


def test_a_relayer_joined_to_the_content_before_said_citing_is_the_via():
    a = one("Russia has deployed new Iskander-M systems to Belarus, Ukraine's Defence Intelligence (HUR) "
            "said on Thursday, citing its own sources.")
    assert src(a) == "its own sources" and [v.text for v in a.via] == ["Ukraine's Defence Intelligence (HUR)"]
    assert a.content.text == "Russia has deployed new Iskander-M systems to Belarus"


@pytest.mark.parametrize("text, outlet", [
    ('"We record everything," Andriy Yusov said in a comment to Radio Liberty.', "Radio Liberty"),
    ("Yusov said in remarks to the BBC that the launchers had arrived.", "the BBC"),
])
def test_remarks_to_an_outlet_name_it_as_the_relay(text, outlet):
    assert [v.text for v in one(text).via] == [outlet]


def test_a_participle_setting_the_content_against_another_report_is_framing():
    attrs = extract("The Kremlin said Putin and Trump had not spoken, contradicting a Washington Post report "
                    "that the two men had held a phone call last week.")
    assert [(a.cue.text, src(a), a.content.text) for a in attrs] == [
        ("said", "The Kremlin", "Putin and Trump had not spoken"),
        ("report", "Washington Post", "the two men had held a phone call last week")]


def test_a_report_needs_a_named_holder_to_be_an_attribution():
    assert extract("A Russian report that the plant was hit was denied.") == []
    assert extract("The report that the plant was hit was denied.") == []


def test_the_capitalised_short_name_goes_back_to_the_fuller_one():
    attrs = extract("According to Ukraine's Air Force, Russia launched 84 drones overnight. "
                    "The Air Force said 62 drones were shot down.")
    assert src(attrs[1]) == "The Air Force" and attrs[1].source_resolved == "Ukraine's Air Force"


def test_a_second_that_clause_with_there_is_still_what_was_said():
    a = one("The governor said on Telegram that air defences had repelled an attack "
            "and that there was no damage.")
    assert a.content.text == "air defences had repelled an attack and that there was no damage"


def test_a_title_of_a_place_before_the_name_leaves_the_name_as_source():
    a = one("The Russian-installed governor of Crimea, Sergei Aksyonov, said the attack had been repelled.")
    assert src(a) == "Sergei Aksyonov"
    assert a.source_resolved == "The Russian-installed governor of Crimea, Sergei Aksyonov"


@pytest.mark.parametrize("text, via", [
    ("A source in Ukraine's Navy told Frontline Wire that the strike had hit a bomber.", ["Frontline Wire"]),
    ("A source told the Kyiv Independent that the SBU was behind it.", ["the Kyiv Independent"]),
    ("The minister told John Post that the talks had failed.", []),
])
def test_a_masthead_the_tagger_read_as_a_person_is_still_an_outlet(text, via):
    assert [v.text for v in one(text).via] == via


def test_a_contrasting_report_after_though_is_the_writers_not_the_first_sayers():
    attrs = extract("According to ACLED, a monitoring group, more than 28,700 people have been killed, "
                    "though aid groups say the real figure is likely much higher.")
    assert [(src(a), a.content.text, [v.text for v in a.via]) for a in attrs] == [
        ("ACLED", "more than 28,700 people have been killed", []),
        ("aid groups", "the real figure is likely much higher", [])]


def test_its_in_a_description_before_the_name_is_the_body_named_before():
    attrs = extract("The RSF denied losing the town. Its adviser, Al-Basha Tibeiq, wrote on X that the "
                    "army's claims were lies.")
    assert src(attrs[1]) == "Al-Basha Tibeiq"
    assert attrs[1].source_resolved == "The RSF's adviser, Al-Basha Tibeiq"


def test_a_name_given_inside_a_relative_clause_is_not_described_by_it():
    a = one("One resident, who gave only his first name, Osman, said he had seen bodies in the streets.")
    assert a.source_resolved is None or "first name" not in a.source_resolved


def test_a_sayer_that_says_it_confirmed_something_is_one_report():
    a = one("Mediazona, an independent outlet, said in September it had confirmed the names of more than "
            "70,000 soldiers killed since the start of the invasion.")
    assert src(a) == "Mediazona" and a.cue.text == "said" and a.via == []
    assert a.content.text.startswith("it had confirmed the names")


def test_the_question_before_an_answer_is_not_a_report():
    a = one('Asked by reporters about the figures, Kremlin spokesman Dmitry Peskov said: "No comment."')
    assert src(a) == "Kremlin spokesman Dmitry Peskov" and a.cue.text == "said"


def test_footage_cited_as_evidence_is_not_a_source():
    a = one("Analysts at the Institute for the Study of War wrote that Russian forces had made gains, "
            "citing geolocated footage published on Wednesday.")
    assert src(a) == "Analysts at the Institute for the Study of War" and a.via == []
    assert a.content.text == "Russian forces had made gains"


def test_an_interview_phrase_set_off_after_the_content_is_how_it_was_said():
    a = one("Oleksandr Syrskyi said Russian forces had lost 40,000 troops since August, in an interview "
            "with the Italian newspaper Corriere della Sera published on Thursday.")
    assert a.content.text == "Russian forces had lost 40,000 troops since August"
    assert [v.text for v in a.via] == ["the Italian newspaper Corriere della Sera"]


def test_a_finite_verb_joined_to_a_participle_shares_the_main_subject():
    a = one("Chinese state broadcaster CCTV showed footage of fighter jets taking off and quoted a military "
            "expert as saying the drills were aimed at cutting off the island.")
    assert src(a) == "a military expert" and [v.text for v in a.via] == ["Chinese state broadcaster CCTV"]


def test_a_capitalised_short_name_with_its_own_word_is_not_another_body():
    attrs = extract("The Moscow Region health ministry said 145 people had been injured. "
                    "The Emergencies Ministry said 152 people had been injured.")
    assert src(attrs[1]) == "The Emergencies Ministry" and attrs[1].source_resolved is None


def test_a_statement_from_a_body_resolves_to_the_body():
    attrs = extract("Russia's Defence Ministry said 40 drones were downed. "
                    "The ministry's statement said 12 people were killed.")
    assert attrs[1].source_resolved == "Russia's Defence Ministry"
    a = one("According to a statement from the Polish army, two Russian missiles entered Polish airspace.")
    assert a.source_resolved == "the Polish army"


def test_a_countrys_intelligence_is_not_a_statement_by_the_country():
    a = one("Ukraine's military intelligence (HUR) said the attack was a provocation.")
    assert a.source_resolved is None


def test_a_quoted_manner_after_respond_is_not_words_said():
    a = one('The mission warned that Tehran would respond "considerably more severely" if Israel retaliated.')
    assert (src(a), a.cue.text) == ("The mission", "warned")
    assert a.content.text == 'Tehran would respond "considerably more severely" if Israel retaliated'
    assert one('He responded: "We will see."').content.text == "We will see"


def test_a_reported_verb_the_parser_joined_to_the_main_verb_is_the_content():
    a = one("The agency released satellite images it said showed the movement.")
    assert (src(a), a.cue.text, a.content.text) == ("it", "said", "showed the movement")


def test_a_relative_report_on_a_name_before_its_own_verb_is_read_the_right_way_up():
    attrs = extract("Rwanda, which U.N. experts say has thousands of troops in eastern Congo supporting M23, "
                    "denied backing the rebels.")
    assert [(src(a), a.cue.text, a.content.text) for a in attrs] == [
        ("U.N. experts", "say", "has thousands of troops in eastern Congo supporting M23"),
        ("Rwanda", "denied", "backing the rebels")]


def test_a_sayer_asked_about_something_before_its_verb_is_still_the_sayer():
    a = one("The Kremlin, asked about the report, said it had nothing to add.")
    assert (src(a), a.content.text) == ("The Kremlin", "it had nothing to add")


def test_comments_reported_by_an_agency_name_it_as_the_relay():
    a = one("In comments reported by Interfax, Peskov said the talks were over.")
    assert src(a) == "Peskov" and [v.text for v in a.via] == ["Interfax"]


def test_a_reported_figure_keeps_its_period_but_not_the_day_it_was_said():
    a = one("Ukraine's General Staff reported 1,200 Russian losses in the past day, a figure Moscow does not "
            "confirm.")
    assert a.content.text == "1,200 Russian losses in the past day"
    assert one("The army confirmed the deaths of two soldiers on Sunday.").content.text == \
        "the deaths of two soldiers"


def test_preliminary_data_cited_is_evidence_and_a_post_on_a_channel_is_its_owners():
    a = one("At least 12 people were injured, the ministry said on Telegram, citing preliminary data.")
    assert src(a) == "the ministry" and a.via == []
    a = one("Two civilians were killed, according to a post on the ministry's Telegram channel.")
    assert a.source_resolved == "the ministry"


def test_a_common_noun_opening_a_sentence_is_not_a_short_name():
    attrs = extract("Military analysts say the outcome shows the limits of the arsenal. "
                    "Some analysts say Israel is likely to respond.")
    assert src(attrs[1]) == "Some analysts" and attrs[1].source_resolved is None


def test_two_coordinated_sayers_after_the_content_are_one_source():
    a = one("Rebels have seized most of Aleppo, the country's second-largest city, a war monitor and rebel "
            "commanders said on Saturday.")
    assert src(a) == "a war monitor and rebel commanders"
    assert a.content.text == "Rebels have seized most of Aleppo, the country's second-largest city"


def test_no_group_claiming_responsibility_is_no_report_and_the_according_to_keeps_its_clause():
    attrs = extract("No group has claimed responsibility for the attack, but the area is a stronghold of the "
                    "Islamic State, according to security sources.")
    assert [(src(a), a.cue.text) for a in attrs] == [("security sources", "according to")]


def test_a_vague_body_does_not_go_back_to_anonymous_sources():
    attrs = extract("The area is a stronghold of the Islamic State, according to security sources. "
                    "Russian instructors arrived in April, the government said.")
    assert src(attrs[1]) == "the government" and attrs[1].source_resolved != "security sources"


def test_a_setting_after_a_mid_sentence_sayer_is_the_writers():
    a = one("North Korea fired several ballistic missiles off its east coast on Tuesday, South Korea's "
            "military said, hours before Americans began voting.")
    assert a.content.text == "North Korea fired several ballistic missiles off its east coast on Tuesday"
    assert a.content_parts == []


def test_brokers_cited_by_a_paper_are_the_source_and_the_paper_the_relay():
    a = one("The Financial Times, citing two insurance brokers, reported that war-risk premiums had climbed.")
    assert src(a) == "two insurance brokers" and [v.text for v in a.via] == ["The Financial Times"]


def test_it_after_a_relayed_report_goes_back_to_the_relayer_not_the_person_it_quoted():
    attrs = extract("UKMTO said the master of a vessel west of Hodeidah reported an explosion nearby. "
                    "All crew were reported safe, it said.")
    assert [v.text for v in attrs[0].via] == ["UKMTO"]
    assert src(attrs[1]) == "it" and attrs[1].source_resolved == "UKMTO"


def test_who_saw_a_document_relays_it_and_who_published_it_wrote_it():
    a = one("A confidential U.N. report seen by the Wire said the components matched designs made in Iran.")
    assert [v.text for v in a.via] == ["the Wire"] and a.source_resolved is None
    a = one("The report, published by the Institute for the Study of War, said Russian forces had advanced.")
    assert a.via == [] and a.source_resolved == "the Institute for the Study of War"


def test_images_and_data_that_show_something_are_evidence_not_sayers():
    assert extract("Satellite images taken on Wednesday showed thick smoke rising over the site.") == []
    assert extract("Shipping data showed a sharp fall in traffic through the strait.") == []
    a = one("The report showed that 40 civilians had been killed.")
    assert src(a) == "The report"


def test_reported_by_an_outlet_as_saying_is_a_relay_like_quoted():
    a = one("A senior Hamas official, Basem Naim, was reported by Reuters as saying that the movement was "
            "ready to release hostages.")
    assert (a.cue.text, src(a)) == ("was reported by Reuters as saying", "Basem Naim")
    assert [v.text for v in a.via] == ["Reuters"]
    assert a.content.text == "the movement was ready to release hostages"


def test_a_council_or_parliament_spoken_to_is_an_audience_not_a_relay():
    a = one("Fletcher told the Security Council that the famine was spreading.")
    assert a.via == []
    assert [v.text for v in one("Fletcher told Reuters that the famine was spreading.").via] == ["Reuters"]


def test_a_sentence_opening_with_said_names_its_sayer_after_the_verb():
    a = one('Said Tom Fletcher, the U.N. aid chief, in a briefing to the Security Council: "The famine is '
            'spreading."')
    assert (src(a), a.content.text, a.via) == ("Tom Fletcher", "The famine is spreading", [])
    a = one('Said one drone commander, who gave only his call sign, Magyar: "Every barrel they do not refine '
            'is a shell they do not fire."')
    assert src(a) == "Magyar" and a.content.text.startswith("Every barrel")


def test_the_ministry_is_no_trade_paper_that_spoke_before():
    attrs = extract("Lloyd's List, citing two insurance brokers, reported that premiums had climbed. "
                    "Fighting continued on Sunday, the ministry said.")
    assert src(attrs[1]) == "the ministry" and attrs[1].source_resolved is None


def test_the_writers_comment_closing_a_report_is_not_part_of_it():
    for text in ("Russian forces have captured the village of Novohrodivka, the Russian Defence Ministry "
                 "claimed on Sunday, a claim that could not be independently verified.",
                 "Russian forces have captured the village of Novohrodivka, the Russian Defence Ministry "
                 "said, which Reuters could not verify."):
        a = one(text)
        assert src(a) == "the Russian Defence Ministry"
        assert a.content.text == "Russian forces have captured the village of Novohrodivka"


def test_a_denial_after_though_is_its_own_report_not_the_estimates_content():
    attrs = extract("North Korea has sent about 11,000 troops to Russia, South Korea's spy agency estimated, "
                    "though Pyongyang has denied any deployment.")
    assert [(a.cue.text, src(a), a.content.text, [v.text for v in a.via]) for a in attrs] == [
        ("estimated", "South Korea's spy agency", "North Korea has sent about 11,000 troops to Russia", []),
        ("has denied", "Pyongyang", "any deployment", [])]


def test_a_belief_relayed_by_someone_else_is_the_believers_with_the_teller_as_relay():
    a = one("The NIS also believes Pyongyang is likely to conduct a nuclear test, lawmaker Lee Seong-kweun "
            "told reporters.")
    assert (a.cue.text, src(a)) == ("believes", "The NIS")
    assert [v.text for v in a.via] == ["lawmaker Lee Seong-kweun"]
    assert a.content.text == "Pyongyang is likely to conduct a nuclear test"
    a = one("Erdogan said he believed Putin still wanted the arrangement to continue.")  # his own belief
    assert (a.cue.text, src(a)) == ("said", "Erdogan")
    a = one("A white car believed to have been used by the attackers was spotted near the village, the "
            "deputy wrote.")
    assert (a.cue.text, src(a)) == ("wrote", "the deputy")


def test_a_timestamped_name_is_a_person_a_pronoun_can_go_back_to():
    attrs = extract("00:15 - Kyiv Mayor Vitali Klitschko said a school was hit.\n00:52 - Tymur Tkachenko "
                    "said a drone had set fire to a block. He said three people were hurt.")
    assert src(attrs[2]) == "He" and attrs[2].source_resolved == "Tymur Tkachenko"


def test_a_misread_that_never_opens_a_content_and_a_misread_relative_leaves_no_empty_report():
    a = one("LIGA.net, citing sources in HUR, reported that the depot supplied fuel.")
    assert a.content.text == "the depot supplied fuel"
    a = one("Lee told reporters after the briefing that the NIS believed some soldiers had been deployed.")
    assert src(a) == "Lee" and a.content.text == "the NIS believed some soldiers had been deployed"


def test_a_group_goes_back_to_an_organisation_not_its_coordinator_and_its_minister_to_its_body():
    attrs = extract('Medecins Sans Frontieres said its teams had treated dozens of wounded. "People are '
                    'arriving exhausted," an MSF emergency coordinator said. The group added that many were '
                    'children.')
    assert src(attrs[2]) == "The group" and attrs[2].source_resolved == "Medecins Sans Frontieres"
    attrs = extract("Sudan's government accused the RSF of genocide. Its foreign minister said the toll "
                    "could exceed 2,000.")
    assert attrs[1].source_resolved == "Sudan's government's foreign minister"


def test_the_sayers_own_statement_is_its_medium_not_a_relay():
    a = one("The Russian Defence Ministry claims 27 drones were destroyed, according to a statement from the "
            "ministry.")
    assert src(a) == "The Russian Defence Ministry" and a.via == []
    a = one("Peskov said the talks had stalled, according to Interfax.")
    assert [v.text for v in a.via] == ["Interfax"]


def test_per_an_outlet_after_a_report_relays_it_as_according_to_does():
    a = one("South Korea's spy agency told lawmakers that at least 100 North Korean soldiers had been killed,"
            " per Yonhap news agency.")
    assert src(a) == "South Korea's spy agency" and a.cue.text == "told"
    assert [v.text for v in a.via] == ["Yonhap news agency"]
    assert a.content.text == "at least 100 North Korean soldiers had been killed"
    b = one("The army said 12 people were killed, per a statement on its website.")
    assert src(b) == "The army" and b.via == []


def test_a_reported_subject_the_parser_hung_on_the_cue_stays_in_the_content():
    a = one("Tymur Tkachenko, head of the city's military administration, said debris from a drone had hit a "
            "block.")
    assert a.content.text == "debris from a drone had hit a block"


def test_a_denied_claim_keeps_its_claimant_beside_the_denial():
    attrs = extract("Katz denied Hamas's claim that Israel had blocked aid trucks.")
    assert [(a.cue.text, src(a), a.content.text) for a in attrs] == [
        ("denied", "Katz", "Israel had blocked aid trucks"),
        ("claim", "Hamas", "Israel had blocked aid trucks")]


def test_a_passive_charge_gives_who_is_accused_and_of_what_around_its_accusers():
    a = one("Both sides have been accused by rights groups of committing war crimes.")
    assert (a.cue.text, src(a)) == ("have been accused", "rights groups")
    assert [p.text for p in a.content_parts] == ["Both sides", "of committing war crimes"]


def test_a_forwarded_posts_header_names_the_channel_it_came_from():
    attrs = extract('The Russian Defence Ministry claims 27 drones were destroyed.\n'
                    '📌 Forwarded from Rybar:\n'
                    '"Air defence around Moscow is clearly stretched," the channel wrote.')
    assert src(attrs[1]) == "the channel" and attrs[1].source_resolved == "Rybar"


def test_a_second_clause_of_what_was_said_the_parser_joined_to_the_cue_stays_in_the_content():
    a = one("The ship's manager, Delta Tankers, said in an emailed statement that there had been minor "
            "damage to the hull and no oil had leaked.")
    assert a.content.text == "there had been minor damage to the hull and no oil had leaked"


def test_the_sayers_next_act_after_a_shifted_tense_is_not_what_was_said():
    a = one("A spokesman told Ukrainian television that Russian forces had intensified shelling along the "
            "border in recent days but declined to discuss any cross-border operations.")
    assert a.content.text == "Russian forces had intensified shelling along the border in recent days"
    attrs = extract('Ilaria Allegrozzi said the killings "could amount to war crimes" and called on the '
                    "authorities to open an investigation.")
    assert attrs[0].content.text == 'the killings "could amount to war crimes"'
    a = one("The ministry said the troops had withdrawn and were regrouping near the border.")
    assert a.content.text == "the troops had withdrawn and were regrouping near the border"


def test_a_time_phrase_between_the_cue_and_its_clause_is_the_saying_s():
    a = one("Shipping giant Maersk said last month it had no plans to return to the Red Sea route.")
    assert a.content.text == "it had no plans to return to the Red Sea route"


def test_a_negated_cue_before_an_open_question_asserts_nothing():
    attrs = extract("U.S. Central Command said it was aware of the incident but did not say who it believed "
                    "was responsible.")
    assert [(a.cue.text, a.content.text) for a in attrs] == [("said", "it was aware of the incident")]


def test_he_after_a_paragraph_opening_on_a_surname_is_that_person():
    text = ("Kremlin spokesman Dmitry Peskov told reporters that Russia remained open to talks. He added "
            "that Putin had no plans to meet Ukrainian President Volodymyr Zelenskiy.\n\n"
            "Zelenskiy, in his nightly video address, called for more air defence systems. "
            '"Every Patriot battery is hundreds of lives saved," he said.')
    last = extract(text)[-1]
    assert (src(last), last.source_resolved) == ("he", "Volodymyr Zelenskiy")


def test_a_name_inside_a_split_quotation_is_not_its_sayer():
    text = ("Bonnie Glaser, an analyst, argued that Beijing was signalling to a domestic audience.\n\n"
            '"Xi needs to look strong," she said. "But a blockade would hurt China\'s own economy."')
    last = extract(text)[-1]
    assert (src(last), last.source_resolved) == ("she", "Bonnie Glaser")


def test_the_group_after_a_named_corps_is_that_corps_and_its_video_relays_nothing():
    text = ("Ukraine's military did not comment on the reports.\n\n"
            "The Russian Volunteer Corps, a group of Russian nationals fighting on Ukraine's side, posted a "
            "video on Telegram which it said showed its fighters inside the Belgorod region. The group said "
            'in a caption that the operation was "only the beginning."')
    video, caption = extract(text)[-2:]
    assert video.via == [] and video.source_resolved == "The Russian Volunteer Corps"
    assert caption.source_resolved == "The Russian Volunteer Corps"


def test_a_clause_the_parse_split_at_a_quoted_word_stays_whole_and_its_interview_relays_through_cbs():
    a = one('White House envoy Steve Witkoff said on Monday he was "hopeful" a deal could be reached within '
            "days, according to an interview aired by CBS.")
    assert a.content.text == 'he was "hopeful" a deal could be reached within days'
    assert [v.text for v in a.via] == ["CBS"]


def test_the_sayers_own_statement_after_according_to_relays_nothing():
    a = one("Ukrenergo said it expected repairs to take at least a week, according to a statement posted on "
            "its website.")
    assert (src(a), a.via) == ("Ukrenergo", [])
    a = one("Rahmon said terrorists have no nationality, according to a statement from the Tajik presidency.")
    assert [v.text for v in a.via] == ["a statement from the Tajik presidency"]


def test_what_a_sayer_asks_for_is_not_asserted_and_a_new_act_of_saying_after_but_is_its_own():
    attrs = extract('A senior Hamas official, Basem Naim, said the group was studying the proposal "with a '
                    'positive spirit" but insisted on guarantees that the war would end.')
    assert [(a.cue.text, a.content.text) for a in attrs] == [
        ("said", 'the group was studying the proposal "with a positive spirit"')]


def test_a_sayer_described_by_a_relative_clause_the_parse_lost_is_found_left_of_the_cue():
    attrs = extract('The army said nothing.\n\n"Soldiers separated the men from the women and told us to go '
                    'home," a 56-year-old woman whose husband and two sons were killed told the researchers.')
    told = attrs[-1]
    assert (told.cue.text, src(told)) == ("told", "a 56-year-old woman")
    assert told.content.text == "Soldiers separated the men from the women and told us to go home"


def test_a_source_leaves_out_its_date_and_a_description_after_a_comma():
    a = one("Yemen's Houthi movement on Wednesday denied attacking the tanker.")
    assert src(a) == "Yemen's Houthi movement"
    a = one("The document, prepared for the Security Council, says the group controls most of the border.")
    assert src(a) == "The document"
    a = one("U.S. officials have privately expressed concern that the drills are becoming routine.")
    assert a.content.text == "the drills are becoming routine"


def test_a_live_blog_stamp_is_no_part_of_a_sayers_description():
    a = extract('10:31 GMT - A senior Hamas official, Basem Naim, said the group was studying it.')[0]
    assert (src(a), a.source_resolved) == ("Basem Naim", "A senior Hamas official, Basem Naim")
    a = one("The pro-Russian head of the region, Vladimir Saldo, said the bridge was hit.")
    assert a.source_resolved == "The pro-Russian head of the region, Vladimir Saldo"


def test_a_document_source_is_its_issuer_and_typed_as_a_document():
    from claimgraph.extract import extract as extract_all

    text = ("The Tarvona Rights Group said the figures were credible. The defence ministry issued a "
            "statement "
            "on Monday. The statement said 12 soldiers were killed. Amnesty International published a report "
            "on Tuesday. The report said 40 villages were destroyed.")
    attrs = extract(text)
    assert [(src(a), a.source_resolved) for a in attrs] == [
        ("The Tarvona Rights Group", None), ("The statement", "The defence ministry"),
        ("The report", "Amnesty International")]
    assert [a.source_type for a in extract_all(Document(id="t", text=text))][1:] == ["document", "document"]


def test_a_clause_hung_on_the_document_published_is_the_report():
    a = one("The institute warned in a report published on Wednesday that the plant could produce "
            "up to 6,000 drones a year.")
    assert (a.cue.text, src(a)) == ("warned", "The institute")
    assert a.content.text == "the plant could produce up to 6,000 drones a year"


def test_an_office_set_before_the_sayers_name_is_no_part_of_the_content():
    a = one("Dozens of Georgian volunteers fighting in Ukraine have been killed since 2022, the head of the "
            "Georgian Legion, Mamuka Mamulashvili, said on Friday.")
    assert a.content.text == "Dozens of Georgian volunteers fighting in Ukraine have been killed since 2022"
    assert src(a) == "Mamuka Mamulashvili"
    assert a.source_resolved == "the head of the Georgian Legion, Mamuka Mamulashvili"


def test_a_description_of_the_sayer_after_according_to_is_no_part_of_the_content():
    a = one("According to Daw Aye Aye Mar, a resident who fled to Bangladesh, hundreds of people were "
            "still trapped in the town.")
    assert src(a) == "Daw Aye Aye Mar"
    assert a.content.text == "hundreds of people were still trapped in the town"


def test_a_qualified_vague_body_goes_back_to_the_source_of_its_kind_not_the_relay():
    attrs = extract("South Korea's Yonhap news agency, citing the National Intelligence Service, reported "
                    "that Pyongyang had sent 10,000 troops. The spy agency said some were at the front.")
    assert [v.text for v in attrs[0].via] == ["South Korea's Yonhap news agency"]
    assert src(attrs[1]) == "The spy agency"
    assert attrs[1].source_resolved == "the National Intelligence Service"


@pytest.mark.parametrize("text", [
    "But the bridge will reopen in May, the mayor said.",
    "And the bridge will reopen in May, the mayor said.",
    "As a result, the bridge will reopen in May, the mayor said.",
    "KHERSON \u2015 the bridge will reopen in May, the mayor said.",
])
def test_a_connective_or_dateline_before_a_fronted_content_is_the_writers(text):
    assert one(text).content.text == "the bridge will reopen in May"


def test_the_company_is_the_body_an_apposition_called_a_company():
    atts = extract("The Health Ministry said 12 sailors were treated. Kallistos Maritime, a Greek shipping "
                   "company, owns the vessel. The company said the crew was safe.")
    safe = next(a for a in atts if src(a) == "The company")
    assert safe.source_resolved == "Kallistos Maritime"



def test_the_think_tank_is_the_institute_named_before():
    atts = extract("The Institute for the Study of War said Russian forces advanced near Pokrovsk. "
                   "The Health Ministry said three people were hurt. "
                   "The think tank said the gains were marginal.")
    assert atts[-1].source_resolved == "The Institute for the Study of War"


def test_a_range_opening_what_was_said_keeps_its_between():
    a = one("Moscow said between 10 and 15 armoured vehicles were destroyed.")
    assert a.content.text == "between 10 and 15 armoured vehicles were destroyed"


def test_a_gerund_after_reported_or_recalled_is_what_was_reported():
    a = one("Ferry crews reported seeing two patrol boats near the harbour mouth.")
    assert (src(a), a.cue.text, a.content.text) == (
        "Ferry crews", "reported", "seeing two patrol boats near the harbour mouth")
    a = one("Two fishermen recalled hearing a loud blast before dawn.")
    assert (src(a), a.cue.text, a.content.text) == (
        "Two fishermen", "recalled", "hearing a loud blast before dawn")


def test_a_gerund_report_inside_another_is_nested():
    a = one("The port authority said ferry crews had reported seeing two patrol boats near the harbour.")
    assert (src(a), a.cue.text, a.content.text) == (
        "ferry crews", "had reported", "seeing two patrol boats near the harbour")
    assert [v.text for v in a.via] == ["The port authority"]


def test_that_read_as_the_subject_of_a_noun_reports_makes_no_gerund_report():
    a = one('The ministry said earlier that reports naming its officers as suspects were "fake".')
    assert (src(a), a.cue.text) == ("The ministry", "said")
    assert a.content.text.startswith("reports naming its officers")


def test_a_participle_after_a_closing_sayer_is_the_sayers_second_report():
    # the parse hangs both "said" and "warning" on the reported verb "delivered"
    for sayer in ("Secretary of State Anna Holm", "US Secretary of State Antony Blinken"):
        attrs = extract("Iran has delivered close-range ballistic missiles to Russia for use in Ukraine, "
                        f"{sayer} said on Tuesday, warning that Tehran would face new sanctions.")
        assert [(src(a), a.cue.text, a.content.text) for a in attrs] == [
            (sayer, "said", "Iran has delivered close-range ballistic missiles to Russia for use in Ukraine"),
            (sayer, "warning", "Tehran would face new sanctions")]


def test_a_headline_clause_without_its_copula_is_the_content():
    for text, sayer, content in [
        ("Ministry says rebel group alone to blame", "Ministry", "rebel group alone to blame"),
        ("Kremlin says Kyiv responsible for depot fire", "Kremlin", "Kyiv responsible for depot fire"),
    ]:
        a = one(text)
        assert (src(a), a.cue.text, a.content.text) == (sayer, "says", content)


def test_two_headline_reports_joined_by_a_semicolon_keep_their_own_contents():
    text = ("Governor says gunmen fled towards the border; Ministry says rebel group alone to blame\n"
            "The ministry said the rebel group alone was to blame.")
    got = [(src(a), a.content.text) for a in extract(text)]
    assert got == [("Governor", "gunmen fled towards the border"), ("Ministry", "rebel group alone to blame"),
                   ("The ministry", "the rebel group alone was to blame")]


def test_an_inverted_sayer_with_a_description_gives_no_headline_clause():
    a = one('"It will come sooner rather than later," said Anna Holm, a physicist who is co-director of '
            "the institute.")
    assert (src(a), a.content.text) == ("Anna Holm", "It will come sooner rather than later")


def test_a_question_is_no_report():
    assert extract("Reporters asked whether the convoy had reached the port.") == []
    assert extract("The envoy asked if the ceasefire would hold.") == []
    a = one("The envoy said if the talks fail, the war will go on.")  # a condition inside a report
    assert a.content.text == "if the talks fail, the war will go on"


def test_a_past_tense_read_as_a_participle_still_makes_a_clause():
    # the tagger reads "supplied" as a participle modifying "forces", leaving "said" an object
    a = one("The army said the depot supplied Russian forces.")
    assert (src(a), a.content.text) == ("The army", "the depot supplied Russian forces")


def test_a_second_verb_of_saying_after_and_takes_its_clause_and_sayer():
    attrs = extract("The General Staff confirmed the strike on Sunday and said the depot supplied Russian "
                    "forces in the north.")
    assert [(src(a), a.cue.text, a.content.text) for a in attrs] == [
        ("The General Staff", "confirmed", "the strike"),
        ("The General Staff", "said", "the depot supplied Russian forces in the north")]


def test_says_something_about_after_a_clause_subject_is_no_report():
    assert extract("That two hosts would sign up with such a network says something about the media "
                   "relativism that has fallen upon the land.") == []


def test_according_to_a_source_cited_by_an_outlet_puts_the_outlet_in_via():
    for text, content in [
        ("Fuel prices have risen by 20 percent this year, according to data from the exchange, cited by "
         "the Harbour Herald.", "Fuel prices have risen by 20 percent this year"),
        ("According to data from the exchange, as cited by the Harbour Herald, fuel prices have risen by "
         "20 percent.", "fuel prices have risen by 20 percent"),
    ]:
        a = one(text)
        assert (src(a), a.content.text) == ("data from the exchange", content)
        assert [v.text for v in a.via] == ["the Harbour Herald"]
        assert a.content_parts == []


def test_a_request_in_the_subjunctive_is_no_report():
    assert extract("He asked that his surname not be published for security reasons.") == []
    assert extract("The mayor requested that the ferry be held in port.") == []
    a = one("The mayor said that the ferry was held in port.")
    assert a.content.text == "the ferry was held in port"


def test_a_headline_keeps_the_place_of_what_it_reports():
    for text, content in [
        ("Rebels claim capture of village in Harbour region", "capture of village in Harbour region"),
        ("Navy denies rebel claims of breakthrough near Kupiansk",
         "rebel claims of breakthrough near Kupiansk"),
    ]:
        assert one(text).content.text == content


def test_blaming_is_an_accusation_and_to_blame_is_none():
    a = one("The harbour master blamed the rebels for the blast.")
    assert (src(a), a.cue.text, a.content.text) == (
        "The harbour master", "blamed", "the rebels for the blast")
    attrs = extract("The commander said his men would leave the town by Friday, blaming the ministry for "
                    "shell shortages.")
    assert [(a.cue.text, a.content.text) for a in attrs] == [
        ("said", "his men would leave the town by Friday"), ("blaming", "the ministry for shell shortages")]
    a = one("The mayor said the storms are to blame for the floods.")
    assert a.cue.text == "said"


def test_a_report_before_a_verb_with_its_own_object_is_not_its_content():
    attrs = extract("\u201cAre we winning?\u201d she asked, and the mayor spoke about "
                    "\u201cthe budget,\u201d Anna said yes.")
    assert ("said", "Anna") not in [(a.cue.text, src(a)) for a in attrs]
    assert all("she asked" not in a.content.text for a in attrs)


def test_a_call_the_sayer_was_on_is_where_the_clause_was_said():
    a = one("The spokesman told reporters on a conference call that the president had no plans to travel.")
    assert (src(a), a.content.text) == ("The spokesman", "the president had no plans to travel")


def test_a_guarantee_insisted_on_is_still_no_report():
    assert extract("The minister insisted on guarantees that the ceasefire would hold.") == []


def test_according_to_a_role_then_the_name_takes_both_into_the_source():
    a = one("According to the mayor, Ihor Terekhov, the strike hit a school.")
    assert (src(a), a.content.text) == ("the mayor, Ihor Terekhov", "the strike hit a school")


def test_warned_of_names_what_was_warned_with_its_condition():
    a = one("The Kremlin warned of \u201cserious consequences\u201d if the missiles were used on Russia.")
    assert (a.cue.text, src(a)) == ("warned of", "The Kremlin")
    assert a.content.text == "\u201cserious consequences\u201d if the missiles were used on Russia"
    b = one("The mayor warned on Monday that more strikes were likely.")
    assert b.content.text == "more strikes were likely"


def test_voiced_concern_is_expressed_concern():
    a = one("The agency's head voiced doubts that the ceasefire would hold.")
    assert (a.cue.text, a.content.text) == ("voiced doubts", "the ceasefire would hold")
    assert extract("The senator voiced support for the aid package.") == []


def test_a_relative_that_after_a_posted_object_is_no_reported_clause():
    attrs = extract("The governor's office posted a video that it said showed the aftermath of the strike.")
    assert [(a.cue.text, src(a), a.content.text) for a in attrs] == [
        ("said", "it", "showed the aftermath of the strike")]
    assert attrs[0].source_resolved == "The governor's office"


def test_the_report_is_the_one_named_before_its_author_not_older_media_reports():
    attrs = extract("Media reports suggest the port will close. In a report published on Thursday, the "
                    "Harbour Institute said ships were waiting. The report also noted that fuel was short.")
    noted = next(a for a in attrs if a.cue.text == "noted")
    assert noted.source_resolved == "the Harbour Institute"


def test_a_title_the_article_never_gave_resolves_through_known_roles():
    attrs = extract("Zelensky said the front was holding. The president added that more aid was needed.")
    assert attrs[1].source_resolved == "Zelensky"
    # another person named in between might be the president meant: left unresolved
    attrs = extract("Zelensky said the front was holding. Biden met him later. "
                    "The president said more aid was coming.")
    assert attrs[-1].source_resolved is None


def test_a_fronted_clause_with_its_own_subject_is_the_content_of_the_sayer_after_the_comma():
    attrs = extract("Two civilians were killed and five injured in shelling of Kherson on Tuesday, regional "
                    "governor Oleksandr Prokudin said.\nThe drones targeted a depot, the navy said.")
    assert (src(attrs[0]), attrs[0].content.text) == (
        "regional governor Oleksandr Prokudin",
        "Two civilians were killed and five injured in shelling of Kherson on Tuesday")


def test_how_the_source_spoke_after_according_to_is_no_part_of_the_content():
    a = one("According to spokesman Andriy Yusov, speaking on television, the troops are in training.")
    assert (src(a), a.content.text) == ("spokesman Andriy Yusov", "the troops are in training")



def test_a_phrase_before_the_sayer_that_says_where_it_was_said_is_no_content():
    a = one("In a later interview with the Harbour Gazette, she joked about moving to the islands.")
    assert (a.cue.text, src(a), a.content.text) == ("joked about", "she", "moving to the islands")
    assert [v.text for v in a.via] == ["the Harbour Gazette"]


def test_a_quotation_hung_on_the_sayers_name_stays_out_of_the_source():
    a = one("\u201cThat is a legitimate concern, because they are very passionate,\u201d Sarandova, 69, told "
            "MSNBC Monday when asked about fears that the ferry would close.")
    assert src(a) == "Sarandova"
    assert a.content.text == "That is a legitimate concern, because they are very passionate"
    assert a.direct and [v.text for v in a.via] == ["MSNBC"]


def test_an_as_clause_with_its_own_object_is_no_comment_on_the_main_clause():
    attrs = extract("News of the album spreads just as the band announced a concert in support of the mayor.")
    assert all(a.content.text != "News of the album spreads" for a in attrs)
    assert one("The deal is fair, as the ministry noted.").content.text == "The deal is fair"


def test_a_quotation_after_another_sayer_is_that_sayers():
    a = one("At one point, a woman asked for a photo and the mayor said, \u201cas long as it is quick.\u201d")
    assert (src(a), a.content.text) == ("the mayor", "as long as it is quick")


def test_a_subjectless_clause_after_the_verb_gives_way_to_the_quotation_before_it():
    a = one("\u201cWe are going to tax you,\u201d Lund said in May of the heater maker Carrier Corp., "
            "whose parent company Harbour Holdings Corp. relocated 1,400 jobs to Monterrey.")
    assert (src(a), a.content.text, a.direct) == ("Lund", "We are going to tax you", True)


def test_warned_someone_of_something_reads_what_was_warned_of():
    a = one("The regional governor warned residents of a high risk of missile strikes overnight.")
    assert (a.cue.text, src(a), a.content.text) == (
        "warned", "The regional governor", "a high risk of missile strikes overnight")
    b = one("The ministry cautioned against travel to the border regions.")
    assert (b.cue.text, b.content.text) == ("cautioned against", "travel to the border regions")
    # what the verb is about is no one told: `complained` has no hearer
    assert extract("Anyone who complains the heat about the shelter is ignored.") == []


def test_one_described_after_a_comma_is_resolved_to_its_description():
    attrs = extract("Two officials spoke to reporters. One, a senior aide to the president, said the "
                    "talks in Istanbul had stalled.")
    assert [(src(a), a.source_resolved) for a in attrs] == [("One", "a senior aide to the president")]


def test_referring_to_someone_after_a_quotation_says_whom_it_is_about_not_who_said_it():
    a = one('"Israel was sold out by Kerry and Obama," Trump said in August, referring to Secretary of '
            'State John F. Kerry.')
    assert (src(a), a.via, a.content.text) == ("Trump", [], "Israel was sold out by Kerry and Obama")


def test_a_subject_the_parse_hung_on_a_parenthetical_cue_is_the_first_part_of_the_content():
    a = one("These employees, the manager explained earlier in the hearing, were \u201cwell-paid,\u201d "
            "making between $30,000 and $60,000 a year.")
    assert src(a) == "the manager"
    assert [p.text for p in a.content_parts] == [
        "These employees", "were \u201cwell-paid,\u201d making between $30,000 and $60,000 a year"]


def test_putting_a_figure_without_a_number_reports_nothing():
    attrs = extract("South Korea's spy agency put the figure higher, telling lawmakers that some 10,000 "
                    "troops would be sent.")
    assert [a.cue.text for a in attrs] == ["telling"]
    assert one("Officials put the death toll at 14 on Wednesday.").content.text == "the death toll at 14"


def test_a_content_opening_with_a_quoted_phrase_keeps_its_opening_mark():
    a = one("Moscow claimed \u201cUkrainian saboteurs\u201d had attacked the border village overnight.")
    assert a.content.text == "\u201cUkrainian saboteurs\u201d had attacked the border village overnight"
    assert not a.direct


def test_the_group_is_one_named_as_what_was_hit_and_never_a_ministry():
    attrs = extract("Russian air defences destroyed 37 drones, the defence ministry said. Israel's army "
                    "says it struck 40 Hezbollah targets; the group says it fired rockets at a base.")
    assert attrs[-1].source.text == "the group" and attrs[-1].source_resolved == "Hezbollah"


def test_an_as_aside_inside_a_clause_reports_the_clause_around_it():
    a = one("The strike, as the governor said before he died, was aimed at the water plant.")
    assert [p.text for p in a.content_parts] == ["The strike", "was aimed at the water plant"]
    b = one("If, as his critics have suggested, the port was mined, the ships would not sail.")
    assert (src(b), b.content.text) == ("his critics", "the port was mined")


def test_a_reported_clause_opening_before_its_quotation_is_the_content():
    a = one('Peskov said that while Moscow was open to talks, "the conditions have not changed".')
    assert a.content.text == 'while Moscow was open to talks, "the conditions have not changed"'
    b = one('The mayor said, "We will rebuild."')
    assert b.content.text == "We will rebuild" and b.direct


def test_a_quotation_after_another_sayers_reply_is_not_the_first_speakers():
    attrs = extract('"You should go to the refuge," Bundy says to Santilli on camera, who responds '
                    'enthusiastically: "Okay!"')
    bundy = next(a for a in attrs if src(a) == "Bundy")
    assert bundy.content.text == "You should go to the refuge" and not bundy.content_parts


def test_through_a_spokeswoman_is_how_it_was_denied_not_what():
    a = one("The governor denied the accusations through a spokeswoman.")
    assert (a.cue.text, a.content.text) == ("denied", "the accusations")


def test_a_sayer_after_the_verb_hung_on_its_own_relative_clause_is_still_the_sayer():
    a = one('"It has been very hard for everyone here," said the woman, who like many in the town did not '
            'want to be quoted by name because of the sensitivity of the issue.')
    assert (src(a), a.content.text) == ("the woman", "It has been very hard for everyone here")


def test_on_condition_of_anonymity_is_how_it_was_confirmed():
    a = one("Three officials confirmed the meeting on the condition of anonymity because they were not "
            "authorized to discuss it.")
    assert a.content.text == "the meeting"


def test_a_sayer_with_a_quoted_call_sign_in_its_relative_clause_is_the_noun_before_the_clause():
    a = extract('The brigade holds the line.\n\n"We have enough shells for now," a commander of the 47th '
                'Brigade, who goes by the call sign "Hurricane," told Reuters. "But we need more drones."')[0]
    assert (src(a), a.content.text) == ("a commander of the 47th Brigade", "We have enough shells for now")
    assert [v.text for v in a.via] == ["Reuters"]


def test_a_quotation_after_the_sayers_own_relative_clause_goes_on_with_the_sayer():
    attrs = extract('"You are going to see a variety of tactics," said Elizabeth Arnold, a former staff '
                    'member, who said she planned to demonstrate. "I personally do not like being arrested."')
    first = attrs[0]
    assert [p.text for p in first.content_parts] == [
        "You are going to see a variety of tactics", "I personally do not like being arrested"]


def test_a_figure_put_closer_to_a_number_runs_to_the_number():
    assert one("The agency put the figure closer to 54,000 pages.").content.text == \
        "the figure closer to 54,000 pages"


def test_thanking_after_a_reported_clause_is_the_sayers_next_act():
    a = one('In a video address, Zelensky said the situation was "extremely difficult" and thanked soldiers '
            'holding the line.')
    assert a.content.text == 'the situation was "extremely difficult"'
    b = one("The governor said the fire had spread and threatened homes.")
    assert b.content.text == "the fire had spread and threatened homes"


def test_a_report_joined_to_a_clause_about_the_sayer_itself_is_the_sayers_next_act():
    a = one('Even China, the North\'s only ally, said it was "resolutely opposed" to the test and warned '
            "Pyongyang to refrain from further launches.")
    assert a.content.text == 'it was "resolutely opposed" to the test'
    b = one("The ministry said it was deeply concerned by the strikes and called on both sides to show "
            "restraint.")
    assert b.content.text == "it was deeply concerned by the strikes"
    # the clause is about someone else: the verb after it is still part of what was said
    c = one("Police said he posed a threat and refused to drop the knife.")
    assert c.content.text == "he posed a threat and refused to drop the knife"
    # no clause of its own: an attitude that is part of the report
    d = one("The junta said it regretted the decision and rejected the accusations.")
    assert d.content.text == "it regretted the decision and rejected the accusations"


def test_a_report_in_a_free_relative_is_not_relayed_by_the_verb_that_takes_it():
    atts = extract("Russia has denied what Kyiv described as a deliberate strike on civilians.")
    denied = next(a for a in atts if a.cue.text == "has denied")
    assert src(denied) == "Russia" and denied.content.text.startswith("what Kyiv described")
    described = next(a for a in atts if a.cue.text == "described as")
    assert src(described) == "Kyiv" and described.via == []
    assert described.content.text == "a deliberate strike on civilians"
    said = next(a for a in extract("The report describes what the senators said was economic gerrymandering.")
                if a.cue.text == "said")
    assert src(said) == "the senators" and said.via == []


def test_a_second_quoted_clause_after_but_is_still_what_was_said():
    a = one("He claimed that the front was \u201cholding firm\u201d but \u201cnobody wants to admit the "
            "losses.\u201d")
    assert a.content.text.startswith("the front was \u201cholding firm\u201d but \u201cnobody wants to admit")
    b = one("Officials said the situation was \u201cunder control\u201d but declined to give details.")
    assert b.content.text == "the situation was \u201cunder control\u201d"


def test_a_quotation_after_a_connective_in_the_next_sentence_goes_on_with_the_speaker():
    a = one("\u201cHe is supposed to be a leader,\u201d the general said. Instead, \u201che acts like a "
            "defeated man.\u201d")
    assert [p.text for p in a.content_parts] == ["He is supposed to be a leader",
                                                 "he acts like a defeated man"]
    b = one("\u201cWe held the bridge,\u201d the commander said. But the town fell two days later.")
    assert b.content.text == "We held the bridge" and b.content_parts == []


def test_the_subject_before_a_cue_set_off_by_commas_belongs_to_the_quotation_after_it():
    a = one('No ceasefire, he said, "will survive another attack like this."')
    assert [p.text for p in a.content_parts] == ["No ceasefire", "will survive another attack like this"]
    b = one('If the dam fails, the engineer warned, "the whole valley will flood."')
    assert [p.text for p in b.content_parts] == ["If the dam fails", "the whole valley will flood"]
    # how or where it was said is not part of it
    c = one('In an interview with the BBC, the general said, "We are ready."')
    assert c.content.text == "We are ready" and c.content_parts == []


def test_a_claim_another_party_did_not_confirm_is_the_writers_note_even_where_the_parse_lost_it():
    a = one('The defence ministry claimed its troops had "liberated" the village of Krasnohorivka, a claim '
            "Ukraine's military did not immediately confirm.")
    assert a.content.text == 'its troops had "liberated" the village of Krasnohorivka'


def test_an_outlet_named_after_its_description_relays_by_its_name():
    a = one('In comments carried by state news agency TASS, Lavrov said the West was "playing with fire."')
    assert src(a) == "Lavrov" and [v.text for v in a.via] == ["TASS"]


def test_a_sayer_named_again_by_a_pronoun_is_no_relay():
    a = one('Kovalenko said he felt the video was worth a look because "most people never saw it," he said.')
    assert src(a) == "Kovalenko" and a.via == []
    b = one('"Putin said the war would end soon," the envoy said.')
    assert src(b) == "the envoy"


def test_a_quotation_after_according_to_runs_past_its_first_sentence():
    a = one('According to the governor, "the town was shelled overnight. Three people were killed."')
    assert src(a) == "the governor" and a.direct
    assert a.content.text == "the town was shelled overnight. Three people were killed"


def test_a_quotation_joined_by_and_after_a_cue_in_the_middle_is_the_sayers_too():
    a = one('Many of the residents were older, she said, and "they had nowhere else to go."')
    assert [p.text for p in a.content_parts] == ["Many of the residents were older",
                                                 "they had nowhere else to go"]
    b = one("It would take weeks to repair the line, he said, and the army could not wait that long.")
    assert [p.text for p in b.content_parts] == ["It would take weeks to repair the line",
                                                 "the army could not wait that long"]


def test_urging_after_a_reported_clause_is_the_sayers_next_act():
    a = one('Zelensky warned that the deployment was "the first step to a world war," urging allies to act.')
    assert a.content.text.startswith("the deployment was") and "urging" not in a.content.text
    b = one("Military analysts say glide bombs have given Russia an edge, allowing it to strike from afar.")
    assert b.content.text == "glide bombs have given Russia an edge, allowing it to strike from afar"


def test_a_participle_after_a_cue_in_the_middle_is_the_writers_note():
    a = one("As many as 40 soldiers are still missing after the strike on the base, the Kyiv Independent "
            "reported on Wednesday, raising fears that the toll could rise.")
    assert a.content.text == "As many as 40 soldiers are still missing after the strike on the base"
    assert a.content_parts == []


def test_the_list_a_figure_was_posted_in_is_how_it_was_said():
    a = one("The regional health ministry said 145 people had been injured, several of them children, "
            "in a list posted on its website.")
    assert a.content.text == "145 people had been injured, several of them children"


def test_a_headline_verb_in_the_sayers_tense_after_but_is_the_sayers_next_act():
    atts = extract("Kremlin says drones hit refinery but denies casualties")
    says = next(a for a in atts if a.cue.text == "says")
    assert says.content.text == "drones hit refinery"
    kept = one("Zelensky says Russia shelled the city but troops held the line")
    assert kept.content.text == "Russia shelled the city but troops held the line"


def test_a_nationality_the_tagger_ran_into_the_datelines_date_stays_in_the_source():
    a = one("VILNIUS, March 26 - Belarusian President Alexander Lukashenko said on Tuesday that the men "
            "had first tried to cross into Belarus.")
    assert src(a) == "Belarusian President Alexander Lukashenko"
    b = one("Last week President Alexander Lukashenko said the border was closed.")
    assert src(b) == "President Alexander Lukashenko"


def test_the_footage_goes_on_in_the_next_sentence_told_the_same_way():
    atts = extract("A pro-Kremlin editor has posted footage of a detainee being questioned. "
                   "In it, the man says he flew in from Turkey. "
                   "He says he was promised half a million rubles.\n\n"
                   "In a video posted by the Azov brigade, a soldier says the village has fallen. "
                   "The General Staff says fighting continues.")
    by_content = {a.content.text: [v.text for v in a.via] for a in atts}
    assert by_content["he flew in from Turkey"] == ["A pro-Kremlin editor"]
    assert by_content["he was promised half a million rubles"] == ["A pro-Kremlin editor"]
    assert by_content["the village has fallen"] == ["the Azov brigade"]
    assert by_content["fighting continues"] == []  # a body's own statement, not more of the video


def test_a_second_clauses_own_subject_and_a_name_in_apposition_are_the_sayers():
    atts = extract("A group close to the Kremlin, the Africa Initiative, estimated last Monday that more "
                   "than 20 soldiers had died, and Russian military bloggers had earlier said about 20 "
                   "fighters were killed.")
    by_cue = {a.cue.text: src(a) for a in atts}
    assert by_cue["estimated"] == "the Africa Initiative"
    assert by_cue["had earlier said"] == "Russian military bloggers"


def test_a_semicolon_before_another_report_closes_an_according_to_content():
    atts = extract("According to the Pentagon, roughly 10,000 North Korean troops are now in the Kursk "
                   "region; Seoul puts the number at 11,000.")
    first = next(a for a in atts if a.cue.text == "According to")
    assert first.content.text == "roughly 10,000 North Korean troops are now in the Kursk region"
    put = next(a for a in atts if a.cue.text == "puts")
    assert src(put) == "Seoul" and put.via == []


@pytest.mark.parametrize("text, parts", [
    ("If the bridge falls, the governor warned, the city will be cut off.",
     ["If the bridge falls", "the city will be cut off"]),
    ("When the bridge is repaired, the governor said, trains will run again.",
     ["When the bridge is repaired", "trains will run again"]),
    ("Though the last rotation was smooth, he said, replacing the commander now would be much harder.",
     ["Though the last rotation was smooth", "replacing the commander now would be much harder"]),
])
def test_a_condition_before_a_cue_in_the_middle_is_part_of_what_was_said(text: str, parts: list[str]):
    assert [p.text for p in one(text).content_parts] == parts


def test_the_occasion_of_the_saying_before_its_cue_stays_out():
    assert one("When asked about the losses, the general said the brigade had held.").content.text \
        == "the brigade had held"


def test_a_quotation_split_around_its_cue_by_but_also_is_one_report():
    a = one('"We are holding the line," the commander said, but also "we need shells."')
    assert [p.text for p in a.content_parts] == ["We are holding the line", "we need shells"]


@pytest.mark.parametrize("text, source, content", [
    ("The strike, which officials say killed 12 people, hit a market.", "officials", "killed 12 people"),
    ("Residents protested the new conscription law, which critics say targets the poorest regions.",
     "critics", "targets the poorest regions"),
])
def test_a_report_inside_a_relative_clause_names_its_own_sayer_and_ends_with_the_clause(
        text: str, source: str, content: str):
    a = next(a for a in extract(text) if a.cue.text == "say")
    assert src(a) == source and a.content.text == content


def test_what_a_sayer_declined_to_declare_is_not_said_even_when_hung_on_declined():
    assert extract("The president declined to threaten Moscow or even directly declare it responsible "
                   "for the attack.") == []


def test_a_request_joined_to_a_reported_clause_by_and_is_the_sayers_next_act():
    a = next(a for a in extract('Medvedev tweeted that the strike was "a provocation" and urged Russians to '
                                '"stay calm" over the weekend.') if a.cue.text == "tweeted")
    assert a.content.text == 'the strike was "a provocation"'


def test_told_by_sources_familiar_with_the_matter_that_x():
    a = one("Reuters was told by three sources familiar with the matter that the shipment had left port.")
    assert src(a) == "three sources familiar with the matter" and [v.text for v in a.via] == ["Reuters"]
    assert a.content.text == "the shipment had left port"


def test_a_quoted_title_before_the_sayer_is_not_what_was_said():
    # the rules take no clause from the title; what the verb governs is the learned component's
    atts = extract("In his 2002 book, “Make Your Kid a Millionaire,” Mr. McKinley suggested looking at "
                   "the things on a credit card statement.")
    assert not any("Millionaire" in a.content.text for a in atts)
    # with nothing else said, a title-cased quotation is still the quotation
    assert one("In the interview, “We Will Win,” he said.").content.text == "We Will Win"


def test_when_and_where_a_quotation_was_said_stay_out_of_it():
    a = one("On Sunday, “we will not retreat from Bakhmut,” Zelensky said.")
    assert a.content.text == "we will not retreat from Bakhmut" and a.direct
    b = one("In a statement on Telegram, “the enemy has been repelled,” the brigade said.")
    assert b.content.text == "the enemy has been repelled"
    # the sayer's own framing stays
    c = one("With thousands of vote counting systems, “there is no single point of failure,” he said.")
    assert c.content.text.startswith("With thousands of vote counting systems")


def test_a_count_found_or_recorded_is_the_finders_figure():
    a = one("The UN mission has recorded more than 12,000 civilian deaths since the invasion.")
    assert (a.cue.text, src(a), a.content.text) == (
        "has recorded", "The UN mission", "more than 12,000 civilian deaths since the invasion")
    b = one("The report found at least 30 cases of summary executions in a statement on Monday.")
    assert (src(b), b.content.text) == ("The report", "at least 30 cases of summary executions")
    # no number, a means rather than a count, or evidence instead of a finder: no report
    assert extract("Investigators found the bodies in a basement.") == []
    assert extract("Ukraine has found three ways to hit back.") == []
    assert extract("Satellite images showed at least 20 destroyed aircraft.") == []


def test_a_claim_judged_by_another_sayer_is_not_relayed_by_it():
    atts = extract("The claims by Moscow that Ukraine attacked the Kursk nuclear plant are unfounded, "
                   "the IAEA said.")
    claims = next(a for a in atts if a.cue.text == "claims")
    assert src(claims) == "Moscow" and claims.via == []
    said = next(a for a in atts if a.cue.text == "said")
    assert src(said) == "the IAEA" and said.content.text.endswith("are unfounded")


def test_a_headlines_passive_without_its_auxiliary_is_what_was_said():
    a = one("Police say 3 people killed in Kharkiv strike")
    assert (src(a), a.content.text) == ("Police", "3 people killed in Kharkiv strike")
    # with its agent it is a noun phrase the verb takes, not a clause
    agent = extract("Police say 3 people killed by a drone")
    assert all(x.content.text != "3 people killed by a drone" for x in agent)
