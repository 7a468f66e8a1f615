"""News layouts beyond the sentence: doubled-apostrophe quotes, quotes going on after their cue,
signed quotes, transcript turns, headline labels. Sentences written for the tests."""

from __future__ import annotations

from claimgraph.extract import rules
from claimgraph.extract.quotes import find_quotes
from claimgraph.model import Attribution, Document
from claimgraph.nlp import load_nlp


def extract(text: str) -> list[Attribution]:
    doc = Document(id="t", text=text)
    attrs = rules.find_attributions(load_nlp()(text), [], doc)
    for a in attrs:
        for s in [a.cue, a.content, a.source, *a.via, *a.content_parts]:
            if s is not None:
                assert text[s.start:s.end] == s.text
    return attrs


def src(a: Attribution) -> str | None:
    return a.source.text if a.source else None


# ---- doubled apostrophes ----------------------------------------------------------------------------

def test_doubled_apostrophes_pair_as_quote_marks():
    text = "She called it ''a fair deal'' and he didn't; the '90s were ''quieter.''"
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["a fair deal", "quieter."]


def test_single_closing_mark_before_doubled_one():
    text = "''He wrote 'never again.''' she said."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["He wrote 'never again.'"]


def test_doubled_apostrophe_quote_before_its_cue():
    attrs = extract("''The harbour will reopen by spring,'' the mayor said.")
    assert len(attrs) == 1
    a = attrs[0]
    assert a.content.text == "The harbour will reopen by spring"
    assert a.direct and src(a) == "the mayor"


def test_doubled_apostrophe_quote_goes_on_in_the_next_sentence():
    attrs = extract("''The harbour will reopen by spring,'' the mayor said. ''Ferries are already booked.''")
    assert len(attrs) == 1
    assert attrs[0].content.text.endswith("Ferries are already booked")
