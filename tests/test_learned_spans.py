"""Candidate spans and cue growth of the learned component, on sentences written for the tests."""

from __future__ import annotations

from claimgraph.extract import extract, learned
from claimgraph.model import Document
from claimgraph.nlp import load_nlp


def texts(sdoc, cands) -> set[str]:
    return {sdoc[c.lo:c.hi + 1].text for c in cands}


def test_a_trailing_relative_clause_can_be_left_out():
    sdoc = load_nlp()("The senator praised the work of the judge, who retired last year.")
    a = next(t for t in sdoc if t.text == "praised")
    inq = learned.quote_mask(sdoc)
    cands = texts(sdoc, learned.content_candidates(a, (a.i, a.i), (0, 1), inq))
    assert "the work of the judge, who retired last year" in cands
    assert "the work of the judge" in cands


def test_clause_cuts_stop_before_a_coordinated_verb():
    sdoc = load_nlp()("She promised to rebuild the bridge and thanked the volunteers.")
    lo = next(t.i for t in sdoc if t.text == "to")
    hi = len(sdoc) - 2
    ends = {sdoc[lo:end + 1].text for _, end in learned.clause_cuts(sdoc, lo, hi)}
    assert all(not e.endswith(("and", ",")) for e in ends)


def test_a_quote_over_several_sentences_is_one_candidate():
    text = "\u201cThe dam held. The town is safe. We stay,\u201d the engineer said."
    sdoc = load_nlp()(text)
    a = next(t for t in sdoc if t.text == "said")
    inq = learned.quote_mask(sdoc)
    src = next(t.i for t in sdoc if t.text == "the"), next(t.i for t in sdoc if t.text == "engineer")
    cands = texts(sdoc, learned.content_candidates(a, (a.i, a.i), src, inq))
    assert "The dam held. The town is safe. We stay" in cands


def test_branch_names_the_dependent_of_the_cue_that_holds_a_token():
    sdoc = load_nlp()("The mayor said the dam held on Monday.")
    a = next(t for t in sdoc if t.text == "said")
    held = next(t for t in sdoc if t.text == "held")
    dam = next(t for t in sdoc if t.text == "dam")
    assert learned.branch(a, a) == "cue"
    assert learned.branch(a, held) == held.dep_
    assert learned.branch(a, dam) == held.dep_ + "+"


def test_a_cue_does_not_end_inside_the_phrase_after_it():
    sdoc = load_nlp()("The ministers weighed plans for closer naval cooperation in the north.")
    a = next(t for t in sdoc if t.text == "weighed")
    for_ = next(t.i for t in sdoc if t.text == "for")
    closer = next(t.i for t in sdoc if t.text == "closer")
    assert learned.close_cue(a, a.i, closer) == for_  # `closer` modifies the word after the cue
    assert learned.close_cue(a, a.i, for_) == for_  # a preposition may end a cue


def test_a_cue_leaves_a_noun_with_its_clause_to_the_content():
    sdoc = load_nlp()("The mayor pointed to reports that the bridge was unsafe.")
    a = next(t for t in sdoc if t.text == "pointed")
    reports = next(t.i for t in sdoc if t.text == "reports")
    assert sdoc[learned.close_cue(a, a.i, reports)].text == "to"


def test_a_passive_cue_offers_its_whole_clause_as_a_candidate():
    sdoc = load_nlp()("The inspectors were accused of hiding the cracks in the dam.")
    a = next(t for t in sdoc if t.text == "accused")
    cue = (a.i - 1, a.i)
    cands = texts(sdoc, learned.content_candidates(a, cue, None, learned.quote_mask(sdoc)))
    assert "The inspectors were accused of hiding the cracks in the dam" in cands


def test_tail_features_tell_a_phrase_on_the_cue_from_one_inside_the_content():
    sdoc = load_nlp()("The mayor called for a tax on imports in a statement on Friday.")
    a = next(t for t in sdoc if t.text == "called")
    tax = next(t.i for t in sdoc if t.text == "a")
    imports = next(t.i for t in sdoc if t.text == "imports")
    friday = next(t.i for t in sdoc if t.text == "Friday")
    own = learned.tail_features(a, learned.Candidate(tax, imports, ["ch:pobj"]))
    writer = learned.tail_features(a, learned.Candidate(tax, friday, ["right"]))
    assert "tl=prep|in" in own
    assert "tl=prep|a" in writer


def test_a_content_holds_its_cue_only_where_the_scheme_says():
    sdoc = load_nlp()("The inspectors were accused of hiding the cracks, "
                      "and the plan was criticized as unworkable.")
    for f in learned.predict(sdoc):
        assert not (f.content[0] < f.cue[0] and f.cue[1] < f.content[1])


def test_a_clause_behind_nested_phrases_can_still_be_cut():
    sdoc = load_nlp()("The senator has acknowledged the reality of climate change, "
                      "which makes him an outlier among the lawmakers of his own party in the state.")
    a = next(t for t in sdoc if t.text == "acknowledged")
    inq = learned.quote_mask(sdoc)
    cands = texts(sdoc, learned.content_candidates(a, (a.i - 1, a.i), (0, 1), inq))
    assert "the reality of climate change" in cands


def test_a_second_act_of_the_sayer_is_not_part_of_a_model_content():
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = 'The alliance chief called the incursion "absolutely reckless" and said allies would send jets.'
    atts = {a.cue.text: a for a in extract(Document(id="t", text=text))}
    assert atts["called"].content.text.startswith("the incursion")
    assert "said" not in atts["called"].content.text
    assert atts["said"].content.text == "allies would send jets"


def test_a_clause_without_its_opening_conjunction_is_a_candidate():
    sdoc = load_nlp()("But the lack of interest among young voters seems to be a real problem.")
    a = next(t for t in sdoc if t.text == "seems")
    cands = texts(sdoc, learned.content_candidates(a, (a.i, a.i), None, learned.quote_mask(sdoc)))
    assert "the lack of interest among young voters seems to be a real problem" in cands


def test_subject_features_say_whether_a_sayer_was_found():
    sdoc = load_nlp()("The plan was criticized as unworkable.")
    a = next(t for t in sdoc if t.text == "criticized")
    whole = learned.Candidate(0, len(sdoc) - 2, ["tree"])
    right = learned.Candidate(a.i + 1, len(sdoc) - 2, ["right"])
    assert "sj=nosrc|nsubjpass|True" in learned.subject_features(a, whole, None, "True")
    assert "sj=nosrc|nsubjpass|False" in learned.subject_features(a, right, None, "False")
    assert learned.subject_features(a, right, (0, 1), "False")[0].startswith("sj=src|")


def _rules_attribution(text: str):
    from claimgraph.extract import rules
    from claimgraph.extract.lexicon import remember_text
    from claimgraph.model import Document

    sdoc = load_nlp()(text)
    remember_text(sdoc, text)
    return sdoc, rules.find_attributions(sdoc, [], Document(id="t", text=text))


def test_the_ranker_may_move_the_end_of_a_rules_content():
    text = "The senator said that the bridge was unsafe, which angered the mayor."
    sdoc, atts = _rules_attribution(text)
    assert atts[0].content.text.endswith("angered the mayor")
    keep = {"content": {"k=rule": 5.0}}
    learned.rerank_rule_contents(sdoc, atts, keep, {"that"})
    assert atts[0].content.text.endswith("angered the mayor")
    cut = {"content": {"k=rule": -5.0, "k=cut:relcl": 5.0}}
    learned.rerank_rule_contents(sdoc, atts, cut, {"that"})
    assert atts[0].content.text == "the bridge was unsafe"
    assert text[atts[0].content.start:atts[0].content.end] == atts[0].content.text


def test_the_ranker_does_not_swap_a_rules_content_for_another_reading():
    text = "The senator said that the bridge was unsafe, which angered the mayor."
    sdoc, atts = _rules_attribution(text)
    before = atts[0].content.text
    # a span sharing neither end with the rules' one (`the senator ...`) is never taken
    learned.rerank_rule_contents(sdoc, atts, {"content": {"k=rule": -5.0, "k=sent": 9.0}}, {"that"})
    assert atts[0].content.text == before



def test_the_writers_connective_stays_out_of_a_content_that_opens_its_sentence():
    sdoc = load_nlp()("The talks stalled. But the deal is not dead, the envoy said. "
                      "In contrast, the army will stay, officials said.")
    but = next(t for t in sdoc if t.text == "But")
    contrast = next(t for t in sdoc if t.text == "In")
    assert sdoc[learned.past_openers(sdoc, but.i, but.i + 5)].text == "the"
    assert sdoc[learned.past_openers(sdoc, contrast.i, contrast.i + 6)].text == "the"
    deal = next(t for t in sdoc if t.text == "deal")
    assert learned.past_openers(sdoc, deal.i - 1, deal.i + 3) == deal.i - 1  # not at its sentence's start


def test_the_time_and_place_of_the_saying_are_not_what_was_said():
    sdoc = load_nlp()("Johnson did not identify a location in his remarks.")
    a = next(t.i for t in sdoc if t.text == "identify")
    lo = next(t.i for t in sdoc if t.text == "a")
    assert sdoc[lo:learned.without_event_adjuncts(sdoc, a, lo, len(sdoc) - 2) + 1].text == "a location"
    sdoc = load_nlp()("She described the plan as a crazy system.")
    a = next(t.i for t in sdoc if t.text == "described")
    lo = next(t.i for t in sdoc if t.text == "the")
    assert learned.without_event_adjuncts(sdoc, a, lo, len(sdoc) - 2) == len(sdoc) - 2  # "as": what she said


def test_an_outlet_the_cue_ran_over_goes_to_via():
    text = "The deaths were confirmed to Reuters by two officials."
    sdoc = load_nlp()(text)
    words = [t.text for t in sdoc]
    were, to = words.index("were"), words.index("to")
    two, officials = words.index("two"), words.index("officials")
    f = learned.Found(words.index("confirmed"), (were, to), (two, officials), (0, 1), 0.9)
    att = learned.to_attribution(sdoc, text, f, set())
    assert att.cue.text == "were confirmed" and [v.text for v in att.via] == ["Reuters"]
    assert att.source.text == "two officials" and att.content.text == "The deaths"
    # to a person, the cue stays as the model grew it and nothing relays
    text = "The plan was explained to the mayor by two officials."
    sdoc = load_nlp()(text)
    words = [t.text for t in sdoc]
    f = learned.Found(words.index("explained"), (words.index("was"), words.index("to")),
                      (words.index("two"), words.index("officials")), (0, 2), 0.9)
    att = learned.to_attribution(sdoc, text, f, set())
    assert att.cue.text == "was explained to" and att.via == []


def test_a_source_keeps_the_bracket_it_opens():
    text = "The Harbour Guard (HG) called the report a fabrication."
    sdoc = load_nlp()(text)
    words = [t.text for t in sdoc]
    called = words.index("called")
    # the model's source stops before the closing bracket
    f = learned.Found(called, (called, called), (0, words.index("HG")), (called + 1, len(words) - 2), 0.9)
    att = learned.to_attribution(sdoc, text, f, set())
    assert att.source.text == "The Harbour Guard (HG)"


def test_what_a_referring_cue_points_to_is_no_outlet_told():
    text = "Johnson said, referring to a CNN town hall."
    sdoc = load_nlp()(text)
    words = [t.text for t in sdoc]
    ref, to = words.index("referring"), words.index("to")
    f = learned.Found(ref, (ref, to), (0, 0), (to + 1, len(words) - 2), 0.9)
    att = learned.to_attribution(sdoc, text, f, set())
    assert att.cue.text == "referring to" and att.via == []
    assert att.content.text == "a CNN town hall"


def test_a_span_cut_inside_a_hyphenated_word_takes_the_whole_word():
    sdoc = load_nlp()("The group endorsed the re-election of the speaker on Tuesday.")
    a = next(t for t in sdoc if t.text == "endorsed")
    inq = learned.quote_mask(sdoc)
    cands = texts(sdoc, learned.content_candidates(a, (a.i, a.i), (0, 1), inq))
    assert not any(c.endswith((" re", " re-")) for c in cands)
    lo, hi = learned.whole_words(sdoc, 3, 4)  # "the re"
    assert sdoc[lo:hi + 1].text.startswith("the re-election")


def test_a_model_content_ends_before_the_sayers_next_act():
    sdoc = load_nlp()("Trump tweeted that Machado was a con and encouraged Americans to check out the tape.")
    lo = next(t.i for t in sdoc if t.text == "Machado")
    hi = len(sdoc) - 2
    end = learned.before_next_act(sdoc, lo, hi)
    assert sdoc[lo:end + 1].text == "Machado was a con"
    same = learned.before_next_act(sdoc, lo, lo + 3)  # nothing to cut
    assert same == lo + 3


def test_the_ranker_does_not_carry_a_rules_content_over_the_sayers_next_act():
    doc = Document(id="t", text="The governor said the dam had been breached and urged residents to leave.")
    said = next(a for a in extract(doc, scheme="broad") if a.cue.text == "said")
    assert said.content.text == "the dam had been breached"
    sdoc = load_nlp()(doc.text)
    lo = next(t.i for t in sdoc if t.text == "dam") - 1
    assert learned.next_act_after(sdoc, lo, lo + 4)  # "the dam had been breached | and urged"
    assert not learned.next_act_after(sdoc, lo, len(sdoc) - 2)


def test_the_next_act_cut_from_a_report_keeps_the_reports_sayer():
    text = "China said it was concerned and urged North Korea to refrain from further launches."
    atts = extract(Document(id="t", text=text), scheme="broad")  # our guidelines leave requests out
    urged = next(a for a in atts if a.cue.text == "urged")
    assert urged.source is not None and urged.source.text == "China"
    assert urged.content.text == "North Korea to refrain from further launches"
    # kept inside the report's content, the joined verb is no report of its own
    kept = extract(Document(id="t", text="Police said he posed a threat and refused to drop the knife."),
                   scheme="broad")
    assert [a.cue.text for a in kept] == ["said"]


def test_a_participle_of_saying_after_a_report_shares_its_sayer():
    text = 'MSF said its clinic had been hit twice in 48 hours, calling the strikes "unacceptable."'
    calling = next(a for a in extract(Document(id="t", text=text)) if a.cue.text == "calling")
    assert calling.source is not None and calling.source.text == "MSF"
    assert calling.content.text.startswith('the strikes "unacceptable')
    # hung on a clause with an actor of its own, the participle is that actor's
    text = "Police said the gunman fired at the crowd, calling them traitors."
    calling = next(a for a in extract(Document(id="t", text=text), scheme="broad") if a.cue.text == "calling")
    assert calling.source is not None and calling.source.text == "the gunman"
