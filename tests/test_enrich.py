"""Enrichment of attributions: hedges, certainty, source types and names, dates, entities.

Every sentence here is written for the tests; attributions are built by hand so
the checks do not depend on the rule extractor.
"""

from __future__ import annotations

import pytest

from claimgraph.extract.enrich import enrich_attributions, enrich_one
from claimgraph.extract.sources import classify, lookup_body, normalize_name
from claimgraph.model import Attribution, Document, Span
from claimgraph.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def make(nlp, text: str, cue: str, content: str, source: str | None = None, published: str | None = None,
         resolved: str | None = None):
    """Parse `text` and build one attribution from the first occurrence of each part, then enrich it."""
    def span(part: str | None) -> Span | None:
        if part is None:
            return None
        i = text.index(part)
        return Span.of(text, i, i + len(part))

    att = Attribution(cue=span(cue), content=span(content), source=span(source), source_resolved=resolved)
    doc = Document(id="t", text=text, published=published)
    return enrich_one(nlp(text), att, doc)


# --- hedges ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,content,hedge", [
    ("Officials said the convoy may reach the city soon.", "the convoy may reach the city soon", "may"),
    ("Officials said the convoy might reach the city soon.", "the convoy might reach the city soon", "might"),
    ("Officials said the strike could hit the depot.", "the strike could hit the depot", "could"),
    ("The mayor said troops had reportedly crossed the river.", "troops had reportedly crossed the river",
     "reportedly"),
    ("The mayor said the unit allegedly looted shops.", "the unit allegedly looted shops", "allegedly"),
    ("The ministry said the bridge is expected to reopen next month.",
     "the bridge is expected to reopen next month", "is expected to"),
    ("The ministry said the offensive will likely stall.", "the offensive will likely stall", "likely"),
    ("The ministry said the talks would possibly resume.", "the talks would possibly resume", "possibly"),
    ("The governor said the cause of the blast was unclear.", "the cause of the blast was unclear",
     "unclear"),
    ("The governor said it\u2019s unclear who fired first.", "it\u2019s unclear who fired first",
     "it\u2019s unclear"),
    ("The governor said the drone appears to have come from the east.",
     "the drone appears to have come from the east", "appears to"),
    ("The governor said the pilot is believed to have survived.", "the pilot is believed to have survived",
     "believed to"),
    ("The governor said there were unconfirmed reports of looting.",
     "there were unconfirmed reports of looting", "unconfirmed"),
])
def test_each_hedge_kind_is_found_in_content(nlp, sentence, content, hedge):
    att = make(nlp, sentence, "said", content, sentence.split(" said")[0])
    assert [h.text for h in att.hedges] == [hedge]
    assert all(sentence[h.start:h.end] == h.text for h in att.hedges)
    assert att.certainty == "hedged"


def test_hedge_phrase_spanning_cue_and_source(nlp):
    text = "Twelve villages lost power, according to preliminary data from the grid operator."
    att = make(nlp, text, "according to", "Twelve villages lost power",
               "preliminary data from the grid operator")
    assert "according to preliminary data" in [h.text for h in att.hedges]
    assert att.certainty == "hedged"


@pytest.mark.parametrize("content", ["the crews could not reach the depot",
                                     "the crews couldn\u2019t reach the depot"])
def test_negated_could_is_an_inability_not_a_hedge(nlp, content):
    text = f"The governor said {content}."
    att = make(nlp, text, "said", content, "The governor")
    assert att.hedges == []
    assert att.certainty == "stated"

def test_month_may_is_not_a_hedge(nlp):
    text = "The minister said the plant closed in May and reopened on May 9."
    att = make(nlp, text, "said", "the plant closed in May and reopened on May 9", "The minister")
    assert att.hedges == []
    assert att.certainty == "stated"


def test_no_hedge_in_plain_statement(nlp):
    att = make(nlp, "The general said the brigade withdrew.", "said", "the brigade withdrew", "The general")
    assert att.hedges == []


# --- certainty ------------------------------------------------------------------------------------

@pytest.mark.parametrize("cue,expected", [
    ("confirmed", "confirmed"),
    ("acknowledged", "confirmed"),
    ("conceded", "confirmed"),
    ("verified", "confirmed"),
    ("said", "stated"),
    ("told reporters", "stated"),
    ("stated", "stated"),
    ("claimed", "claimed"),
    ("alleged", "claimed"),
    ("asserted", "claimed"),
    ("speculated", "hedged"),
    ("estimated", "hedged"),
    ("believes", "hedged"),
    ("denied", "denied"),
    ("rejected", "denied"),
    ("dismissed", "denied"),
])
def test_certainty_follows_cue_class(nlp, cue, expected):
    text = f"The spokesman {cue} that the depot burned down."
    att = make(nlp, text, cue, "the depot burned down", "The spokesman")
    assert att.certainty == expected


def test_denial_stays_denied_despite_hedge(nlp):
    text = "The ministry denied that its jets may have struck the market."
    att = make(nlp, text, "denied", "its jets may have struck the market", "The ministry")
    assert [h.text for h in att.hedges] == ["may have"]
    assert att.certainty == "denied"


def test_confirmed_cue_with_hedged_content_is_hedged(nlp):
    text = "The army confirmed that the tanks could arrive within days."
    att = make(nlp, text, "confirmed", "the tanks could arrive within days", "The army")
    assert att.certainty == "hedged"


def test_a_claim_made_without_evidence_is_hedged(nlp):
    text = "The ministry said, without providing evidence, that Ukrainian forces had shelled the plant."
    att = make(nlp, text, "said", "Ukrainian forces had shelled the plant", "The ministry")
    assert [h.text for h in att.hedges] == ["without providing evidence"]
    assert att.certainty == "hedged"
    inside = "The ministry said the journalist had been detained without evidence."
    att = make(nlp, inside, "said", "the journalist had been detained without evidence", "The ministry")
    assert att.hedges == [] and att.certainty == "stated"  # what was said, not how


def test_negated_confirmation_is_hedged(nlp):
    text = "The ministry did not confirm that the convoy was hit."
    att = make(nlp, text, "did not confirm", "the convoy was hit", "The ministry")
    assert att.certainty == "hedged"


def test_announced_officially_is_confirmed(nlp):
    text = "The cabinet announced officially that the border will close."
    att = make(nlp, text, "announced officially", "the border will close", "The cabinet")
    assert att.certainty == "confirmed"


# --- source types ---------------------------------------------------------------------------------

@pytest.mark.parametrize("source,expected", [
    ("The Foreign Ministry", "official"),
    ("President Jane Doe", "official"),
    ("A brigade commander", "military"),
    ("General John Roe", "military"),
    ("the army", "military"),
    ("Ukraine's military intelligence", "intelligence"),
    ("The SBU", "intelligence"),
    ("the CIA", "intelligence"),
    ("Reuters", "media"),
    ("the news agency Interfax", "media"),
    ("officials who spoke on condition of anonymity", "anonymous"),
    ("a source", "anonymous"),
    ("two people familiar with the matter", "anonymous"),
    ("The agreement", "document"),
    ("Article 7 of the treaty", "document"),
    ("the report", "document"),
    ("A post on Telegram", "social_media"),
    ("The channel", "social_media"),
    ("a defence analyst", "expert"),
    ("Professor Ann Blue", "expert"),
    ("a think tank", "expert"),
    ("NATO Secretary General Mark Rutte", "official"),
    ("Ukraine's commander-in-chief", "military"),
    ("Mr Smith", "other"),
    ("Several pro-Kremlin Telegram channels", "social_media"),
    ("Russia's Black Sea Fleet", "military"),
    ("A pro-Kremlin blogger", "social_media"),
    ("The Red Cross", "other"),  # aid groups speak for themselves, not for a state
    ("Doctors Without Borders", "other"),
    ("The Norwegian Refugee Council", "other"),
    ("The International Crisis Group", "expert"),  # think tanks, though named as councils or institutes
    ("The European Council on Foreign Relations", "expert"),
    ("The spy agency", "intelligence"),  # an agency, but a spy agency
    ("The Yale Humanitarian Research Lab", "expert"),
    ("A former UN weapons inspector", "expert"),  # no longer speaking for the body
    ("A retired general", "expert"),
    ("A former official who spoke on condition of anonymity", "anonymous"),
    ("A senior European intelligence official", "intelligence"),  # an official, but of a spy service
    ("Rosgvardia", "military"),  # known bodies the tagger names no kind of
    ("Ukraine's grid operator", "official"),
    ("Oryx", "expert"),
])
def test_source_types(nlp, source, expected):
    text = f"{source} said the bridge was destroyed."
    att = make(nlp, text, "said", "the bridge was destroyed", source)
    assert att.source_type == expected


def test_pronoun_source_is_typed_through_resolution(nlp):
    text = "He said the bridge was destroyed."
    att = make(nlp, text, "said", "the bridge was destroyed", "He", resolved="a Russian army colonel")
    assert att.source_type == "military"
    assert att.source_normalized == "Russian army colonel"


def test_a_name_in_apposition_to_a_common_noun_is_typed_by_the_noun(nlp):
    # the tagger may read a first name as a place; "resident" says who it is
    text = 'One resident, Iryna, 54, said: "The whole building shook."'
    att = make(nlp, text, "said", "The whole building shook", "Iryna")
    assert att.source_type == "other"
    text = "A spokesman, Oleh, said the bridge was destroyed."
    assert make(nlp, text, "said", "the bridge was destroyed", "Oleh").source_type == "official"


def test_a_sayer_speaking_on_condition_of_anonymity_is_anonymous(nlp):
    text = "A senior official, speaking on condition of anonymity, said the bridge was destroyed."
    att = make(nlp, text, "said", "the bridge was destroyed", "A senior official")
    assert att.source_type == "anonymous"


def test_a_sayer_after_the_cue_who_asked_for_anonymity_is_anonymous(nlp):
    text = '"There is no deal yet," said a Western diplomat who requested anonymity to discuss the talks.'
    att = make(nlp, text, "said", "There is no deal yet", "a Western diplomat")
    assert att.source_type == "anonymous"
    text = '"There is no deal yet," said a Western diplomat who has followed the talks.'
    assert make(nlp, text, "said", "There is no deal yet", "a Western diplomat").source_type != "anonymous"


def test_a_name_is_typed_by_the_description_after_it(nlp):
    # the tagger reads this name as a work of art, so no entity-based description applies
    text = '"The line is holding," Oleksandr Syrskyi, Ukraine\'s commander-in-chief, wrote on X.'
    att = make(nlp, text, "wrote", "The line is holding", "Oleksandr Syrskyi")
    assert att.source_type == "military"


def test_a_named_body_ending_in_an_office_word_and_an_ombudsman_are_official(nlp):
    text = "The Coordination Headquarters for the Treatment of Prisoners of War said the swap was ready."
    att = make(nlp, text, "said", "the swap was ready",
               "The Coordination Headquarters for the Treatment of Prisoners of War")
    assert att.source_type == "official"
    text = "Dmytro Lubinets, Ukraine's human rights commissioner, said the swap was ready."
    assert make(nlp, text, "said", "the swap was ready", "Dmytro Lubinets").source_type == "official"


def test_a_name_is_typed_by_the_role_a_relative_clause_gives_it(nlp):
    text = "Ivo Lant, who took over as commander-in-chief in May, said the line was holding."
    assert make(nlp, text, "said", "the line was holding", "Ivo Lant").source_type == "military"


@pytest.mark.parametrize("name", ["People with knowledge of the matter", "officials briefed on the talks",
                                  "a person with direct knowledge of the plans"])
def test_people_who_know_or_were_briefed_are_anonymous(name: str):
    assert classify(name) == "anonymous"


def test_washington_post_name_is_media_not_a_post():
    assert classify("The Washington Post") == "media"


# --- aliases --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "HUR", "GUR", "Ukraine's Military Intelligence", "Ukraine\u2019s military intelligence",
    "Defence Intelligence of Ukraine", "Defense Intelligence of Ukraine", "the Main Intelligence Directorate",
    "sources in Ukraine\u2019s Military Intelligence (HUR)",
])
def test_ukrainian_military_intelligence_has_one_name(name):
    assert normalize_name(name) == "HUR"


@pytest.mark.parametrize("name,canonical", [
    ("the Pentagon", "Pentagon"),
    ("the US Department of Defense", "Pentagon"),
    ("Agence France-Presse", "AFP"),
    ("RIA Novosti", "RIA Novosti"),
    ("South Korea's spy agency", "NIS"),
    ("U.N.", "United Nations"),
    ("the United Nations nuclear watchdog", "IAEA"),
    ("the Armed Conflict Location and Event Data Project (ACLED)", "ACLED"),
    ("The Syrian Observatory for Human Rights", "SOHR"),
])
def test_known_bodies(name, canonical):
    assert normalize_name(name) == canonical


def test_acronyms_match_only_in_capitals():
    assert lookup_body("the un-named man") is None
    assert lookup_body("a top UN envoy") == ("United Nations", "official")


def test_descriptive_alias_before_a_member_noun_is_not_the_body():
    assert lookup_body("a Ukrainian military officer") is None
    assert lookup_body("the Ukrainian military") == ("Armed Forces of Ukraine", "military")


@pytest.mark.parametrize("surname, canonical", [
    ("Yermak", "Andriy Yermak"), ("Shoigu", "Sergei Shoigu"), ("Grossi", "Rafael Grossi")])
def test_officials_cited_by_surname_alone_are_known(surname, canonical):
    assert lookup_body(surname) == (canonical, "official")

def test_source_normalized_uses_aliases(nlp):
    text = "Sources in the GUR told the newspaper the depot was hit."
    att = make(nlp, text, "told", "the depot was hit", "Sources in the GUR")
    assert att.source_normalized == "HUR"
    assert att.source_type == "anonymous"


def test_a_title_before_a_name_in_source_resolved_leaves_the_name_as_canonical(nlp):
    text = "The head of the region, Ivo Lant, said the bridge was closed."
    att = make(nlp, text, "said", "the bridge was closed", "Ivo Lant",
               resolved="The head of the region, Ivo Lant")
    assert att.source_normalized == "Ivo Lant"


# --- dates ----------------------------------------------------------------------------------------

def _dates(att):
    return [(d.span.text, d.value, d.precision) for d in att.dates]


def test_weekday_resolves_to_most_recent_on_or_before_publication(nlp):
    # 2024-10-22 is a Tuesday: Monday is the day before, Tuesday the day itself
    text = "On Monday, the governor said the shelling stopped on Tuesday."
    att = make(nlp, text, "said", "the shelling stopped on Tuesday", "the governor", published="2024-10-22")
    assert _dates(att) == [("Monday", "2024-10-21", "day"), ("Tuesday", "2024-10-22", "day")]


def test_weekday_after_a_future_verb_is_ahead_of_publication(nlp):
    # 2024-10-22 is a Tuesday: "will meet on Friday" is the coming Friday, "met on Friday" the last one
    text = "The envoy said the two sides will meet on Friday after they met on Friday."
    att = make(nlp, text, "said", "the two sides will meet on Friday after they met on Friday", "The envoy",
               published="2024-10-22")
    assert _dates(att) == [("Friday", "2024-10-25", "day"), ("Friday", "2024-10-18", "day")]


def test_weekday_after_would_is_the_nearer_one(nlp):
    # 2024-10-22 is a Tuesday: "would meet on Thursday" is two days ahead, not five back; on Saturday
    # 2024-10-26 the same words mean the Thursday just gone
    text = "The envoy said the two sides would meet on Thursday."
    for published, day in (("2024-10-22", "2024-10-24"), ("2024-10-26", "2024-10-24")):
        att = make(nlp, text, "said", "the two sides would meet on Thursday", "The envoy",
                   published=published)
        assert _dates(att) == [("Thursday", day, "day")]
    text = "The envoy said the two sides met on Thursday."
    att = make(nlp, text, "said", "the two sides met on Thursday", "The envoy", published="2024-10-22")
    assert _dates(att) == [("Thursday", "2024-10-17", "day")]


def test_month_day_takes_publication_year_or_previous(nlp):
    text = "The envoy said the talks began on June 19 and a ceasefire failed on December 3."
    att = make(nlp, text, "said", "the talks began on June 19 and a ceasefire failed on December 3",
               "The envoy", published="2024-10-22")
    assert _dates(att) == [("June 19", "2024-06-19", "day"), ("December 3", "2023-12-03", "day")]


def test_abbreviated_month_without_space_governing_cue(nlp):
    text = "The president stated on Oct.14 that the front held."
    att = make(nlp, text, "stated", "the front held", "The president", published="2024-10-22T08:00:00Z")
    assert _dates(att) == [("Oct.14", "2024-10-14", "day")]


def test_relative_weeks_days_and_years(nlp):
    text = ("The mayor said the strike last week and the raid yesterday were worse than "
            "anything seen since 2022, and more may come by the end of 2025.")
    att = make(nlp, text, "said", text[text.index("the strike"):-1], "The mayor", published="2024-10-22")
    got = _dates(att)
    assert ("last week", "2024-10-14", "week") in got
    assert ("yesterday", "2024-10-21", "day") in got
    assert ("2022", "2022", "year") in got
    assert ("the end of 2025", "2025", "year") in got


def test_month_and_month_year(nlp):
    text = "The ministry said the units arrived in October and left in March 2023."
    att = make(nlp, text, "said", "the units arrived in October and left in March 2023", "The ministry",
               published="2024-10-22")
    assert _dates(att) == [("October", "2024-10", "month"), ("March 2023", "2023-03", "month")]


def test_without_publication_date_only_absolute_dates_resolve(nlp):
    text = "The ministry said the units left on Monday, returned on June 19 and regrouped on 5 May 2024."
    att = make(nlp, text, "said", text[text.index("the units"):-1], "The ministry", published=None)
    assert _dates(att) == [("Monday", None, "day"), ("June 19", None, "day"),
                           ("5 May 2024", "2024-05-05", "day")]


def test_dates_of_other_clauses_are_not_taken(nlp):
    text = "On Friday the army advanced, while the governor said the roads were closed."
    att = make(nlp, text, "said", "the roads were closed", "the governor", published="2024-10-22")
    assert att.dates == []


# --- entities and places --------------------------------------------------------------------------

def test_entities_and_places(nlp):
    text = "Ukraine's Military Intelligence said Russian troops moved from Kiev toward Kharkov."
    att = make(nlp, text, "said", "Russian troops moved from Kiev toward Kharkov",
               "Ukraine's Military Intelligence", published="2024-10-22")
    by_text = {e.span.text: e for e in att.entities}
    assert by_text["Ukraine's Military Intelligence"].normalized == "HUR"
    for e in att.entities:
        assert text[e.span.start:e.span.end] == e.span.text
    assert "Kyiv" in att.places
    assert all(p in ("Kyiv", "Kharkiv") for p in att.places)


def test_component_enriches_every_attribution_in_place(nlp):
    text = "The army said up to 500 soldiers died. Reuters reported the claim was unconfirmed."
    doc = Document(id="t", text=text, published="2024-10-22")
    a1 = Attribution(cue=Span.of(text, 9, 13), content=Span.of(text, 14, 37), source=Span.of(text, 0, 8))
    i = text.index("Reuters")
    a2 = Attribution(cue=Span.of(text, i + 8, i + 16), content=Span.of(text, i + 17, len(text) - 1),
                     source=Span.of(text, i, i + 7))
    out = enrich_attributions(nlp(text), [a1, a2], doc)
    assert out == [a1, a2]
    assert a1.source_type == "military" and a1.quantities[0].high == 500
    assert a2.source_type == "media" and a2.source_normalized == "Reuters"
    assert a2.certainty == "hedged"


def test_last_weekday_on_that_weekday_goes_back_a_week(nlp):
    # 2024-10-21 is a Monday
    text = "The governor said the dam failed last Monday and the sirens sounded two days ago."
    att = make(nlp, text, "said", text[text.index("the dam"):-1], "The governor", published="2024-10-21")
    assert _dates(att) == [("last Monday", "2024-10-14", "day"), ("two days ago", "2024-10-19", "day")]


def test_next_week_and_this_year(nlp):
    text = "The envoy said talks resume next week and end this year."
    att = make(nlp, text, "said", "talks resume next week and end this year", "The envoy",
               published="2024-10-23")
    assert _dates(att) == [("next week", "2024-10-28", "week"), ("this year", "2024", "year")]


def test_normalized_name_drops_determiners_titles_and_possessives():
    assert normalize_name("its intelligence sources") == "intelligence sources"
    assert normalize_name("Health Minister Jane Roe") == "Jane Roe"
    assert normalize_name("the Belarusian Defence Ministry") == "Belarusian Defence Ministry"
    assert normalize_name("Qatar's foreign ministry spokesman Majed al-Ansari") == "Majed al-Ansari"
    assert normalize_name("the Kremlin's") == "Kremlin"


def test_surname_source_is_named_and_typed_by_its_resolution(nlp):
    text = "Roe said the convoy turned back."
    att = make(nlp, text, "said", "the convoy turned back", "Roe", resolved="Defence Minister Jane Roe")
    assert att.source_normalized == "Jane Roe"
    assert att.source_type == "official"


def test_component_leaves_the_parse_serialisable(nlp):
    text = "The army said up to 500 soldiers died on Monday."
    sdoc = nlp(text)
    att = Attribution(cue=Span.of(text, 9, 13), content=Span.of(text, 14, len(text) - 1),
                      source=Span.of(text, 0, 8))
    enrich_attributions(sdoc, [att], Document(id="t", text=text, published="2024-10-22T09:30:00+00:00"))
    assert att.dates[0].value == "2024-10-21"
    assert sdoc.user_data == {}
    sdoc.to_bytes()


def test_attribution_without_offsets_still_gets_source_fields():
    att = Attribution.from_dict({"cue": "said", "content": "troops crossed", "source": "the GUR"})
    enrich_attributions(None, [att], Document(id="t", text="unrelated", published=None))
    assert (att.source_type, att.source_normalized) == ("intelligence", "HUR")
    assert att.quantities == [] and att.dates == []


def test_bare_name_is_typed_by_its_introduction_elsewhere(nlp):
    text = ("The army spokesman Petro Holub spoke on Friday. "
            "Holub said the bridge was destroyed.")
    att = make(nlp, text, "said", "the bridge was destroyed", "Holub")
    assert att.source_type == "military"


# --- one outlet, one type across the document -----------------------------------------------------

def _atts(text: str, parts: list[tuple[str, str, str, str | None]]) -> list[Attribution]:
    """Attributions from (cue, content, source, via) strings, each found at its first occurrence."""
    def span(part: str | None) -> Span | None:
        if part is None:
            return None
        i = text.index(part)
        return Span.of(text, i, i + len(part))

    return [Attribution(cue=span(c), content=span(x), source=span(s), via=[span(v)] if v else [])
            for c, x, s, v in parts]


def test_relay_outlet_is_media_for_its_own_claims(nlp):
    """A bare outlet name has no media word; being a relay elsewhere in the article types it."""
    text = ("Councillors said the ferry would stop on Friday, the Harbour Lantern reported. "
            "Earlier the Harbour Lantern wrote that fares would rise.")
    atts = _atts(text, [("said", "the ferry would stop on Friday", "Councillors", "the Harbour Lantern"),
                        ("wrote", "fares would rise", "the Harbour Lantern", None)])
    enrich_attributions(nlp(text), atts, Document(id="t", text=text))
    assert atts[1].source_normalized == "Harbour Lantern"
    assert atts[1].source_type == "media"


def test_document_outlet_is_media(nlp):
    text = "The Harbour Lantern has learned that the ferry will stop on Friday."
    atts = _atts(text, [("has learned", "the ferry will stop on Friday", "The Harbour Lantern", None)])
    enrich_attributions(nlp(text), atts, Document(id="t", text=text, outlet="Harbour Lantern"))
    assert atts[0].source_type == "media"
    other = _atts(text, [("has learned", "the ferry will stop on Friday", "The Harbour Lantern", None)])
    enrich_attributions(nlp(text), other, Document(id="t", text=text, outlet="Valley Courier"))
    assert other[0].source_type != "media"


def test_person_relay_is_not_made_media(nlp):
    text = ("Mira Okonjo said, citing a colleague, that the ferry would stop. "
            "Mira Okonjo said fares would rise.")
    atts = _atts(text, [("said", "that the ferry would stop", "a colleague", "Mira Okonjo"),
                        ("said", "fares would rise", "Mira Okonjo", None)])
    enrich_attributions(nlp(text), atts, Document(id="t", text=text))
    assert atts[1].source_type != "media"


@pytest.mark.parametrize("aside", ["who asked not to be named",
                                   "who requested anonymity to discuss the talks",
                                   "who declined to be identified"])
def test_a_sayer_who_asked_not_to_be_named_is_anonymous(nlp, aside):
    text = f"A brigade commander, {aside}, said the bridge was destroyed."
    att = make(nlp, text, "said", "the bridge was destroyed", "A brigade commander")
    assert att.source_type == "anonymous"


@pytest.mark.parametrize("name", ["Hezbollah", "Hamas", "The Houthis", "the Islamic Resistance in Iraq",
                                  "The Rapid Support Forces"])
def test_armed_groups_are_military_sources(name):
    assert classify(name) == "military"


@pytest.mark.parametrize("name, kind", [("The open-source analysis group DeepState", "expert"),
                                        ("A Ukrainian drone operator in the area", "military")])
def test_osint_groups_are_experts_and_drone_operators_soldiers(name, kind):
    assert classify(name) == kind


@pytest.mark.parametrize("name", ["The Hamas-run health ministry in Gaza",
                                  "the Houthi-run interior ministry"])
def test_a_ministry_run_by_an_armed_group_is_official(name):
    assert classify(name) == "official"


@pytest.mark.parametrize("name, kind", [("Kyiv", "official"), ("Moscow", "official"),
                                        ("The Washington Post", "media"),
                                        ("Moscow-based analysts", "expert")])
def test_a_capital_alone_speaks_for_its_government(name, kind):
    assert classify(name) == kind


def test_a_follow_up_quote_of_an_anonymous_sayer_stays_anonymous():
    from claimgraph.extract import extract

    text = ("A senior NATO official, who declined to be named, told reporters that the alliance expected "
            "more strikes on the grid.\n\n\"They want to freeze people into submission,\" the official said.")
    atts = extract(Document(id="x", text=text))
    follow = next(a for a in atts if a.source and a.source.text == "the official")
    assert follow.source_resolved == "A senior NATO official"
    assert [a.source_type for a in atts] == ["anonymous", "anonymous"]


def test_a_follow_up_of_a_named_official_keeps_its_type():
    from claimgraph.extract import extract

    text = ("Regional governor Oleh Kiper said that two workers were injured.\n\n"
            "\"Repairs will take days,\" the governor said.")
    atts = extract(Document(id="x", text=text))
    assert [a.source_type for a in atts] == ["official", "official"]


def test_a_pronoun_follow_up_takes_the_type_its_sayer_was_described_with():
    from claimgraph.extract import extract

    text = ("The regional governor, Alexander Bogomaz, wrote on Telegram that a fire had broken out. "
            "No casualties were reported, he said.")
    atts = extract(Document(id="x", text=text))
    assert [(a.source.text, a.source_type) for a in atts] == [("Alexander Bogomaz", "official"),
                                                              ("he", "official")]


@pytest.mark.parametrize("text,typ", [
    ("Olena Petrenko, who leads the regional health department, said 12 people were hurt.", "official"),
    ("The trade centre, which is run by the British navy, said a vessel was approached.", "military"),
    ("Ivan Sirko, who has criticized the army, said the plan would fail.", "other"),
])
def test_a_relative_clause_naming_the_body_a_sayer_runs_types_the_sayer(text, typ):
    from claimgraph.extract import extract

    assert [a.source_type for a in extract(Document(id="x", text=text))] == [typ]


def test_an_army_is_not_resolved_to_an_unrelated_body_that_spoke_before(nlp):
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = ("According to the World Health Organization, hundreds of civilians have been wounded. "
            "The army said about 80% of the territory remained under its control.")
    army = next(a for a in extract(Document(id="t", text=text)) if a.source and a.source.text == "The army")
    assert army.source_resolved is None and army.source_type == "military"


def test_a_he_is_never_resolved_to_a_city():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = ('"We have no illusions," the general said.\n\nAsked whether Kyiv would need more troops, '
            'he replied: "Of course."')
    he = next(a for a in extract(Document(id="t", text=text)) if a.source and a.source.text == "he")
    assert he.source_resolved == "the general"


def test_a_role_noun_is_not_resolved_to_an_unknown_organisation():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = ("The Kherson Relief Fund predicted growth of 3% next year.\n\n"
            "The mayor conceded that evacuation plans had come too late.")
    mayor = next(a for a in extract(Document(id="t", text=text)) if a.source and a.source.text == "The mayor")
    assert mayor.source_resolved is None


@pytest.mark.parametrize("text", [
    "A senior official told the Times of Israel on condition of anonymity that Israel will respond.",
    "A Pentagon official, speaking on background, estimated that Ukraine has enough ammunition.",
])
def test_anonymity_after_the_cue_or_on_background_makes_a_source_anonymous(text):
    from claimgraph.extract import extract
    from claimgraph.model import Document

    assert [a.source_type for a in extract(Document(id="t", text=text))] == ["anonymous"]


def test_an_unnamed_sayer_a_later_sentence_calls_anonymous_is_anonymous():
    from claimgraph.extract import extract

    text = ("The Harbour Post, citing a senior official, reported that the ferries would stop. "
            "The official spoke on condition of anonymity because he was not authorized to speak. "
            "A spokesman said the port was open.")
    types = {a.source.text: a.source_type for a in extract(Document(id="t", text=text)) if a.source}
    assert types["a senior official"] == "anonymous"
    assert types["A spokesman"] == "official"  # after the sentence, and not the same noun


@pytest.mark.parametrize("text", [
    "An Israeli official, who was not authorised to speak publicly, said Israel would not agree to it.",
    "A U.S. official who was not authorized to discuss the matter said the strike was planned.",
])
def test_a_sayer_not_authorised_to_speak_is_anonymous(text):
    from claimgraph.extract import extract
    from claimgraph.model import Document

    atts = extract(Document(id="t", text=text))
    assert [a.source_type for a in atts] == ["anonymous"]


def test_a_name_the_tagger_types_is_retyped_by_its_description():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = "Mediazona, an independent Russian outlet, said it had confirmed 70,000 names."
    assert [a.source_type for a in extract(Document(id="t", text=text))] == ["media"]


def test_a_statement_from_a_body_is_normalised_to_the_body():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = "According to a statement from the Polish army, two Russian missiles entered Polish airspace."
    [a] = extract(Document(id="t", text=text))
    assert a.source_type == "document" and a.source_normalized == "Polish army"


@pytest.mark.parametrize("text", [
    '"The scale is unprecedented," a U.S. official said on background.',
    '"People are arriving exhausted," an aid coordinator said, asking not to be named.',
    "The talks have stalled, a senior Western diplomat told reporters on condition of anonymity.",
])
def test_anonymity_given_after_the_cue_makes_the_source_anonymous(text):
    from claimgraph.extract import extract
    from claimgraph.model import Document

    (a,) = extract(Document(id="t", text=text))
    assert a.source_type == "anonymous"


def test_a_consultancy_partner_is_an_expert_a_military_blog_social_media_and_ukmto_a_military_body():
    assert classify("Munro Anderson, a partner at marine risk consultancy Vessel Protect") == "expert"
    assert classify("The influential Russian military blog Rybar") == "social_media"
    assert lookup_body("The influential Russian military blog Rybar") == ("Rybar", "social_media")
    assert lookup_body("The United Kingdom Maritime Trade Operations (UKMTO) agency") == ("UKMTO", "military")
    mission = ("UN Human Rights Monitoring Mission in Ukraine", "official")
    assert lookup_body("UN human rights monitors") == mission


def test_hinting_is_hedged() -> None:
    from claimgraph.extract import extract

    (a,) = extract(Document(id="t", text="The minister hinted that a new offensive was coming."))
    assert a.certainty == "hedged"


@pytest.mark.parametrize("name,kind", [
    ("Article 5 of the NATO treaty", "document"),
    ("Section 3 of the agreement", "document"),
    ("the leader of the group", "official"),
])
def test_a_part_of_a_text_is_a_document_whoever_wrote_it(name, kind):
    assert classify(name) == kind


def test_a_shouted_headline_still_has_its_state_and_its_counted_drones():
    from claimgraph.extract import extract

    text = "UKRAINE SAYS IT DOWNED 50 DRONES OVERNIGHT"
    a = extract(Document(id="t", text=text))[0]
    assert a.source_type == "official"
    assert [(q.value, q.unit) for q in a.quantities] == [(50.0, "drones")]


@pytest.mark.parametrize("text", [
    '"It was hard," said the woman, who did not want to be quoted by name.',
    "Three officials confirmed the meeting on the condition of anonymity.",
])
def test_anonymity_asked_for_after_the_content_makes_the_source_anonymous(text):
    from claimgraph.extract import extract

    assert extract(Document(id="t", text=text))[0].source_type == "anonymous"


def test_estimates_are_documents():
    assert classify("Western estimates") == "document"


@pytest.mark.parametrize("name", ["Netanyahu", "Erdogan", "Macron", "Scholz", "Khamenei"])
def test_leaders_war_news_cites_by_surname_are_officials(name):
    assert classify(name) == "official"
