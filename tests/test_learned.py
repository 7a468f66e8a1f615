"""The learned attribution component: its shipped model, what it finds, and its rebuild command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from claimgraph.extract import learned
from claimgraph.model import Attribution, Document, Span
from claimgraph.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def run(text: str, existing: list[Attribution] | None = None) -> list[Attribution]:
    sdoc = load_nlp()(text)
    return learned.add_model_attributions(sdoc, list(existing or []), Document(id="t", text=text))


def test_model_file_loads_and_is_small():
    size = learned.MODEL_PATH.stat().st_size
    assert size < 30 * 1024 * 1024
    model = learned.load_model()
    for stage in ("cue", "cue_ext", "source", "content"):
        assert len(model[stage]) > 100, stage
    assert 0 < model["thresholds"]["cue"] < 1


def test_finds_a_belief_with_exact_spans():
    text = "The harbour master believes that the ferry will resume sailing next week."
    atts = run(text)
    assert len(atts) == 1
    a = atts[0]
    assert a.method == "model"
    assert a.cue.text == "believes"
    assert a.source is not None and a.source.text == "The harbour master"
    assert a.content.text.startswith("the ferry will resume sailing")  # no `that` (our guidelines)
    for span in (a.cue, a.source, a.content):
        assert text[span.start:span.end] == span.text


def test_finds_an_inverted_quote():
    text = "\u201cWe will not sign this treaty,\u201d the foreign minister told parliament on Monday."
    atts = run(text)
    assert len(atts) == 1
    a = atts[0]
    assert a.cue.text.startswith("told")
    assert a.source.text == "the foreign minister"
    assert a.content.text == "We will not sign this treaty"
    assert a.direct


def test_no_attribution_in_the_articles_own_voice():
    assert run("The river rose by two metres overnight and flooded the lower town.") == []


def test_a_cue_without_a_sayer_is_left_out():
    # `is expected` has no sayer: a hedge in our guidelines, not an attribution.
    assert run("The bridge is expected to reopen in the spring.") == []


def test_does_not_repeat_what_the_rules_found():
    text = "The mayor said that the water supply was safe."
    cue = text.index("said")
    c0 = text.index("the water")
    found = Attribution(cue=Span.of(text, cue, cue + 4), content=Span.of(text, c0, len(text) - 1),
                        source=Span.of(text, 0, 9))
    atts = run(text, [found])
    assert atts == [found]


def _row(i: int, sayer: str, verb: str, claim: str) -> dict:
    text = f"{sayer} {verb} that {claim}. The weather was mild on day {i}."
    return {
        "id": f"syn{i}", "text": text,
        "attributions": [{
            "cue": verb, "source": sayer, "content": claim,
            "cue_span": [len(sayer) + 1, len(sayer) + 1 + len(verb)],
            "source_span": [0, len(sayer)],
            "content_span": [text.index(claim), text.index(claim) + len(claim)],
        }],
    }


def test_train_model_runs_end_to_end(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_model
    finally:
        sys.path.pop(0)
    sayers = ["The governor", "A spokesman", "The general", "Local officials", "The union leader", "She"]
    verbs = ["said", "claimed", "announced", "warned", "insisted", "argued"]
    claims = ["the road would close", "prices had doubled", "the talks collapsed", "troops were leaving",
              "the strike will continue", "nobody was hurt"]
    rows = [_row(i, sayers[i % 6], verbs[(i * 5) % 6], claims[(i * 7) % 6]) for i in range(24)]
    train = tmp_path / "train.jsonl"
    train.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "model.json.gz"
    rc = train_model.main(["--train", str(train), "--dev", str(train),
                           "--out", str(out), "--cache", str(tmp_path / "cache")])
    assert rc == 0 and out.exists()
    model = learned.load_model(str(out))
    assert set(model) >= {"cue", "cue_ext", "source", "content", "thresholds", "source_keep"}
    # thresholds were chosen on the dev file, the last one on the whole extractor, which is left as it was
    assert set(model["thresholds"]) == {"cue", "source", "add"}
    assert model["thresholds"]["add"] >= model["thresholds"]["cue"]
    assert hasattr(learned.load_model, "cache_info")  # the shipped model loader is back in place
    sdoc = load_nlp()("The mayor warned that the dam was failing.")
    found = learned.predict(sdoc, model)
    assert [sdoc[f.anchor].text for f in found] == ["warned"]
    # the parse is cached outside the repository and reused
    assert list((tmp_path / "cache").glob("parse-*.spacy"))


@pytest.mark.skipif(not learned.MODEL_PATH.exists(), reason="no shipped model")
def test_spans_point_into_the_text_on_a_longer_article():
    text = ("Officials in the port city said on Tuesday that two warehouses had burned. "
            "According to the fire service, the blaze started after midnight. "
            "Residents think the cause was an electrical fault, one shop owner told reporters.")
    sdoc = load_nlp()(text)
    for f in learned.predict(sdoc):
        a = learned.to_attribution(sdoc, text, f, {"that"})
        for span in filter(None, (a.cue, a.source, a.content)):
            assert text[span.start:span.end] == span.text


@pytest.mark.skipif(not learned.MODEL_PATH.exists(), reason="no shipped model")
def test_anchors_on_known_cues_are_skipped_and_the_others_unchanged():
    text = "The mayor said the dam was failing, and engineers warned that the spillway had cracked."
    sdoc = load_nlp()(text)
    every = learned.predict(sdoc)
    said = next(t.i for t in sdoc if t.text == "said")
    assert said in {f.anchor for f in every}
    rest = learned.predict(sdoc, known={said})
    assert said not in {f.anchor for f in rest}
    assert [(f.cue, f.content) for f in rest] == [(f.cue, f.content) for f in every if f.anchor != said]


def test_the_relay_of_a_known_attribution_is_not_found_again():
    text = "The mayor said the water was safe, according to Reuters, which cited a statement."
    cue, via = text.index("said"), text.index("Reuters")
    found = Attribution(cue=Span.of(text, cue, cue + 4), content=Span.of(text, text.index("the water"),
                                                                         text.index(", according")),
                        source=Span.of(text, 0, 9), via=[Span.of(text, via, via + 7)])
    model_cue = Attribution(cue=Span.of(text, text.index("according"), via - 1),
                            content=Span.of(text, text.index("which"), len(text) - 1),
                            source=Span.of(text, via, via + 7))
    assert learned._covered(model_cue, found)


def _model_content(text: str, cue: str, first: str, last: str) -> str:
    """The content the learned component gives for a cue word and a span from `first` to `last`."""
    sdoc = load_nlp()(text)
    idx = {t.text: t.i for t in sdoc}
    found = learned.Found(idx[cue], (idx[cue], idx[cue]), (0, 0), (idx[first], idx[last]), 0.9)
    att = learned.to_attribution(sdoc, text, found, set())
    assert att is not None
    return att.content.text


def test_a_content_ends_on_no_conjunction_and_keeps_a_quotations_question_mark():
    assert _model_content("Then she urges her husband to come out of the car and he refuses.",
                          "urges", "her", "and") == "her husband to come out of the car"
    assert _model_content('The crowd chanted "What curfew?" as police watched.',
                          "chanted", "What", "curfew") == "What curfew?"
    assert _model_content("He called the report \u201ca provocation\u201d on Monday.",
                          "called", "the", "provocation") == "the report \u201ca provocation\u201d"


def test_the_tree_lists_agree_with_spacys_tokens_after_repair():
    from claimgraph.extract.repair import repair_parse

    text = ("Citing two officials, Reuters reported that the convoy had turned back. "
            "\u201cWe will not leave,\u201d the mayor, who spoke on Monday, told reporters in Kherson.\n"
            "18:05 \u2014 The governor said three drones were shot down over the region.")
    sdoc = load_nlp()(text)
    repair_parse(sdoc, [], Document(id="t", text=text))
    tree = learned.tree_of(sdoc)
    for t in sdoc:
        edges = (tree.heads[t.i], tree.lefts[t.i], tree.rights[t.i])
        assert edges == (t.head.i, t.left_edge.i, t.right_edge.i)
        assert (tree.deps[t.i], tree.ents[t.i], tree.puncts[t.i]) == (t.dep_, t.ent_type_, t.is_punct)
