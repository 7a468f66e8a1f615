"""The admission filter of the learned component: which model attributions our guidelines keep."""

from __future__ import annotations

import pytest

from claimgraph.extract import learned
from claimgraph.nlp import load_nlp

POLICY = {
    "allowed_cue_lemmas": ["urge", "vow", "criticize", "say", "deny"],
    "object_content_lemmas": ["deny"],
    "require_source": True,
    "require_clause": True,
    "nonfinite_min_p": 0.8,
    "clause_free_min_p": 0.95,
}


def found(text: str, cue: str, source: str | None, content: str, p: float):
    """A model attribution over the words of `text`, as predict() would return it."""
    sdoc = load_nlp()(text)

    def rng(words: str) -> tuple[int, int]:
        start = text.index(words)
        toks = [t.i for t in sdoc if start <= t.idx < start + len(words)]
        return toks[0], toks[-1]

    c = rng(cue)
    return sdoc, learned.Found(c[0], c, rng(source) if source else None, rng(content), p)


def test_a_finite_clause_passes_at_any_confidence():
    sdoc, f = found("The minister said the border would stay shut.", "said", "The minister",
                    "the border would stay shut", 0.55)
    assert learned.admitted(sdoc, f, POLICY)


def test_a_nonfinite_content_needs_a_confident_cue():
    text = "The mayor vowed to rebuild the bridge by spring."
    sdoc, f = found(text, "vowed", "The mayor", "to rebuild the bridge by spring", 0.9)
    assert learned.admitted(sdoc, f, POLICY)
    sdoc, f = found(text, "vowed", "The mayor", "to rebuild the bridge by spring", 0.6)
    assert not learned.admitted(sdoc, f, POLICY)


def test_a_request_is_no_report_however_sure_the_cue():
    text = "The mayor urged residents to boil their water."
    sdoc, f = found(text, "urged", "The mayor", "residents to boil their water", 0.99)
    assert not learned.admitted(sdoc, f, POLICY)


def test_a_noun_phrase_content_needs_a_very_confident_cue():
    text = "The senator criticized the new budget."
    sdoc, f = found(text, "criticized", "The senator", "the new budget", 0.9)
    assert not learned.admitted(sdoc, f, POLICY)
    sdoc, f = found(text, "criticized", "The senator", "the new budget", 0.97)
    assert learned.admitted(sdoc, f, POLICY)


def test_object_cues_take_noun_phrases():
    sdoc, f = found("The ministry denied the report.", "denied", "The ministry", "the report", 0.6)
    assert learned.admitted(sdoc, f, POLICY)


def test_no_sayer_or_an_unlisted_cue_word_is_left_out():
    text = "It was said the border would stay shut."
    sdoc, f = found(text, "said", None, "the border would stay shut", 0.99)
    assert not learned.admitted(sdoc, f, POLICY)
    sdoc, f = found("The minister hinted the border would stay shut.", "hinted", "The minister",
                    "the border would stay shut", 0.99)
    assert not learned.admitted(sdoc, f, POLICY)


def test_where_a_scheme_counts_sayerless_reports_they_need_a_surer_cue():
    policy = {**POLICY, "require_source": False, "sourceless_min_p": 0.7}
    text = "It was said the border would stay shut."
    sdoc, f = found(text, "said", None, "the border would stay shut", 0.6)
    assert not learned.admitted(sdoc, f, policy)
    sdoc, f = found(text, "said", None, "the border would stay shut", 0.8)
    assert learned.admitted(sdoc, f, policy)
    assert learned.scheme_policy("broad")["sourceless_min_p"] > 0


def test_the_shipped_policy_grades_by_confidence():
    policy = learned.admission()
    assert policy["nonfinite_min_p"] <= policy["clause_free_min_p"] <= 1.0


def test_of_two_model_attributions_that_cover_each_other_the_surer_stays(monkeypatch):
    text = "The agency reported, citing two officials, that the talks had failed."
    sdoc = load_nlp()(text)
    idx = {t.text: t.i for t in sdoc}
    talks = (idx["citing"], len(sdoc) - 2)  # the model's content runs over the relay
    outer = learned.Found(idx["reported"], (idx["reported"], idx["reported"]), (0, 1), talks, 0.95)
    inner = learned.Found(idx["citing"], (idx["citing"], idx["citing"]), (0, 1),
                          (idx["two"], idx["officials"]), 0.7)
    monkeypatch.setattr(learned, "predict", lambda *a, **k: [inner, outer])
    from claimgraph.model import Document

    atts = learned.add_model_attributions(sdoc, [], Document(id="t", text=text))
    assert [a.cue.text for a in atts] == ["reported"]
    assert atts[0].content.text.endswith("the talks had failed")


def test_a_clause_is_headed_by_its_finite_verb():
    text = "The minister denied the report that officials released on Monday."
    sdoc = load_nlp()(text)
    the = next(t.i for t in sdoc if t.text == "the")
    assert not learned.asserts(sdoc, (the, len(sdoc) - 2))  # a noun phrase with a verb inside it
    text = "The minister said the talks had failed."
    sdoc = load_nlp()(text)
    the = next(t.i for t in sdoc if t.text == "the")
    assert learned.asserts(sdoc, (the, len(sdoc) - 2))


def test_dismissing_an_allegation_is_a_denial_in_the_default_pipeline():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = 'The envoy dismissed the allegation as "nonsense."'
    atts = extract(Document(id="t", text=text))
    assert [(a.cue.text, a.source.text if a.source else None, a.certainty) for a in atts] == \
        [("dismissed", "The envoy", "denied")]


def test_a_colon_after_a_model_cue_is_not_part_of_it():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = 'The statement read: "All available forces have been sent to the area."'
    atts = extract(Document(id="t", text=text))
    assert [a.cue.text for a in atts] == ["read"]


def test_a_model_cue_leaves_out_times_and_adverbs_at_its_edges():
    sdoc, f = found("The leader vowed last week to retaliate for the attack.", "vowed last week",
                    "The leader", "to retaliate for the attack", 0.9)
    a = learned.to_attribution(sdoc, sdoc.text, f, set())
    assert a.cue.text == "vowed" and a.source.text == "The leader"


def test_model_sources_written_as_pronouns_or_relative_words_are_named():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = ("Russian President Vladimir Putin met the envoy on Monday. "
            "He vowed to press on with the offensive. "
            "The plant is watched by the IAEA, which has repeatedly called for a safety zone around it.")
    atts = {a.cue.text: a for a in extract(Document(id="t", text=text))}
    assert atts["vowed"].source_resolved == "Russian President Vladimir Putin"
    called = next(a for c, a in atts.items() if "called" in c)
    assert called.source.text == "which" and called.source_resolved == "the IAEA"


def test_a_request_for_anonymity_is_not_a_claim():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = ("A brigade commander, who asked not to be named because he was not allowed to speak "
            "to the media, said his unit was short of shells.")
    atts = extract(Document(id="t", text=text))
    assert [(a.cue.text, a.content.text) for a in atts] == [("said", "his unit was short of shells")]
    sdoc, f = found("The officer asked not to be named.", "asked", "The officer", "not to be named", 0.99)
    policy = {**POLICY, "allowed_cue_lemmas": ["ask"], "anonymity_requests": ["not to be named"]}
    assert not learned.admitted(sdoc, f, policy)


def test_a_date_after_a_model_source_belongs_to_the_saying():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    atts = extract(Document(id="t", text="Zelensky on Sunday accused Western allies of slowing deliveries."))
    assert [(a.source.text, a.cue.text) for a in atts] == [("Zelensky", "accused")]


def test_a_model_source_leaves_out_how_the_sayer_spoke():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = 'Prime Minister Nikol Pashinyan, speaking in parliament, accused both sides of "stalling".'
    atts = extract(Document(id="t", text=text))
    assert [a.source.text for a in atts] == ["Prime Minister Nikol Pashinyan"]


def test_a_model_sayer_names_a_later_vague_source_of_the_rules():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = ("The RSF rejected the accusations on Wednesday. In a statement, the group said its fighters had "
            "protected civilians.")
    atts = extract(Document(id="t", text=text))
    said = next(a for a in atts if a.cue.text == "said")
    assert said.source.text == "the group" and said.source_resolved in ("The RSF", "RSF")


@pytest.mark.skipif(not learned.MODEL_PATH.exists(), reason="no shipped model")
def test_a_question_put_to_the_sayer_is_no_attribution():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = "A Kremlin spokesman declined to comment on the losses when asked by reporters."
    assert not [a for a in extract(Document(id="x", text=text)) if a.cue.text == "asked"]


def test_said_to_be_is_no_report_in_our_guidelines():
    policy = {**POLICY, "allowed_cue_lemmas": ["say"]}
    sdoc, f = found("Iran said to be supplying missiles to Houthis", "said", "Iran",
                    "to be supplying missiles to Houthis", 0.9)
    assert not learned.admitted(sdoc, f, policy)


def test_a_negative_sayer_says_nothing():
    policy = {**POLICY, "allowed_cue_lemmas": ["comment"], "object_content_lemmas": ["comment"]}
    sdoc, f = found("Neither Kyiv nor Ankara has commented on the mine incident.", "commented",
                    "Neither Kyiv nor Ankara", "the mine incident", 0.9)
    assert not learned.admitted(sdoc, f, policy)
    sdoc, f = found("Kyiv has commented on the mine incident.", "commented", "Kyiv", "the mine incident", 0.9)
    assert learned.admitted(sdoc, f, policy)


def test_a_person_alone_is_no_claim_but_a_label_given_to_one_is():
    cues = ["dismiss", "call"]
    policy = {**POLICY, "allowed_cue_lemmas": cues, "object_content_lemmas": cues}
    sdoc, f = found("The president dismissed the defence minister.", "dismissed", "The president",
                    "the defence minister", 0.99)
    assert not learned.admitted(sdoc, f, policy)
    sdoc, f = found("Officials dismissed the claims as propaganda.", "dismissed", "Officials",
                    "the claims as propaganda", 0.99)
    assert learned.admitted(sdoc, f, policy)
    sdoc, f = found("The senator called Clinton a champion.", "called", "The senator",
                    "Clinton a champion", 0.99)
    assert learned.admitted(sdoc, f, policy)


def test_the_subject_of_a_passive_cue_is_the_one_accused_not_a_sayer():
    policy = {**POLICY, "allowed_cue_lemmas": ["accuse"], "object_content_lemmas": ["accuse"]}
    sdoc, f = found("Sudan's RSF accused of massacre in Darfur town", "accused", "Sudan's RSF",
                    "massacre in Darfur town", 0.99)
    assert not learned.admitted(sdoc, f, policy)
    sdoc, f = found("The RSF was accused of a massacre in the town.", "accused", "The RSF",
                    "a massacre in the town", 0.99)
    assert not learned.admitted(sdoc, f, policy)


def test_thanking_someone_is_no_claim_under_our_guidelines():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = "Taiwan's defence ministry thanked the United States for the sale."
    assert extract(Document(id="t", text=text)) == []
    assert "thank" not in learned.admission()["allowed_cue_lemmas"]


def test_the_model_takes_no_images_or_data_for_sayers():
    from claimgraph.extract import extract as run
    from claimgraph.model import Document

    for text in ("Satellite images taken on Wednesday showed thick smoke rising over the site.",
                 "Shipping data showed a sharp fall in traffic through the strait."):
        assert run(Document(id="t", text=text)) == []


def test_announcing_an_act_is_no_claim_but_announcing_a_plan_with_a_verb_is():
    from claimgraph.extract import extract as run
    from claimgraph.model import Document

    assert run(Document(id="t", text="Seoul announced new sanctions against 11 North Korean people.")) == []
    (a,) = run(Document(id="t", text="The army announced on Friday that the road would reopen."))
    assert a.content.text == "the road would reopen"


def test_saying_nothing_is_no_report():
    from claimgraph.extract import extract as run
    from claimgraph.model import Document

    assert run(Document(id="t", text="He said nothing about the talks.")) == []


def test_a_question_is_no_claim_under_our_guidelines():
    policy = {**POLICY, "allowed_cue_lemmas": [*POLICY["allowed_cue_lemmas"], "ask"]}
    sdoc, f = found("Reporters asked whether the convoy had reached the port.", "asked", "Reporters",
                    "whether the convoy had reached the port", 0.99)
    assert not learned.admitted(sdoc, f, policy)
    assert learned.admitted(sdoc, f, {**policy, "require_clause": False})  # a broad scheme may count it


def test_what_the_sayer_did_next_is_no_content():
    policy = {**POLICY, "allowed_cue_lemmas": [*POLICY["allowed_cue_lemmas"], "declare"]}
    text = "He declared Sunday a day of mourning and did not mention the rebels."
    sdoc, f = found(text, "declared", "He", "did not mention the rebels", 0.99)
    assert not learned.admitted(sdoc, f, policy)
    sdoc, f = found("The minister said the border would stay shut and did not mention the rebels.", "said",
                    "The minister", "the border would stay shut", 0.99)
    assert learned.admitted(sdoc, f, policy)


def test_a_demand_in_the_subjunctive_is_no_claim_under_our_guidelines():
    policy = {**POLICY, "allowed_cue_lemmas": [*POLICY["allowed_cue_lemmas"], "demand"]}
    sdoc, f = found("The council demanded that the garrison withdraw its guns.", "demanded", "The council",
                    "the garrison withdraw its guns", 0.99)
    assert not learned.admitted(sdoc, f, policy)
    sdoc, f = found("The council said that the garrison withdrew its guns.", "said", "The council",
                    "the garrison withdrew its guns", 0.99)
    assert learned.admitted(sdoc, f, policy)


def test_a_pronoun_alone_is_no_content_under_our_guidelines():
    sdoc, f = found("Analysts expect a call-up, although officials deny it.", "deny", "officials", "it", 0.99)
    assert not learned.admitted(sdoc, f, POLICY)
    sdoc, f = found("Officials deny the report.", "deny", "Officials", "the report", 0.99)
    assert learned.admitted(sdoc, f, POLICY)


def test_a_report_to_someone_is_no_request_whatever_the_tagger_made_of_its_verb():
    text = "The investigator told the president the dead numbered 139."
    sdoc, f = found(text, "told", "The investigator", "the president the dead numbered 139", 0.99)
    assert not learned.requested(sdoc, f.content)
    sdoc, f = found("The court ordered them held until May 22.", "ordered", "The court",
                    "them held until May 22", 0.99)
    assert learned.requested(sdoc, f.content)
