"""Parse repairs: mend two misreadings of the small parser that hide a report's verb.

`en_core_web_sm` reads some report sentences with no verb at all:

- "Israel's military claims it struck 30 targets": "claims" as a plural noun
  (the military's claims), the clause after it as a relative clause;
- "The institute estimated in a report that ...": the whole sentence as one
  noun phrase, "estimated" a participle describing the institute.

Both leave a sentence whose root is a noun while a speech verb and a full
clause are right there. This component runs first in the extraction pipeline
and turns such a noun back into the verb (and the words before it into its
subject), so the rules and the learned model read the sentence as written.
A third misreading is a headline's "Ukraine claims destruction of X", "claims"
read as a compound noun before "destruction": the verb becomes the root again,
the noun its object.
A fourth is "Channels linked to the group have acknowledged X": the participle
describing the subject read as the main verb, the real one (with its own
auxiliary) hung on it; the real one becomes the root.
A fifth: "told a soldier who suggested that A that B" hangs B, what was told,
on the addressee's relative clause; it goes back to "told". A sixth: "“A,” a
commander, who asked not to be named, told X" reads the sayer as the
quotation's object; the verb of saying becomes the root again.
A seventh: "Everything the Kremlin says is a lie" reads the predicate as what the Kremlin says;
the pronoun becomes its subject.
It changes nothing else, and (but for the last three) only where the sentence has no verb root;
besides, a live blog's time stamp or a thread's post number opening a
sentence ("10:35 - ", "3/ ") is hung on the sentence's root, so no sayer's
name takes it in, and an opening "Citing X, Y reported" read as one noun
phrase is split back into the relay's phrase and the sayer.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.extract.rules import THREAD_NUMBER, lexicon
from claimgraph.model import Attribution, Document

CLAUSE_DEPS = ("relcl", "acl", "ccomp")
FINITE = ("VBD", "VBZ", "VBP", "MD")


def _full_clause(v: Token) -> bool:
    """A clause with its own subject and a finite verb (or modal), not a participle phrase."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children)
    finite = v.tag_ in FINITE or any(c.tag_ in FINITE and c.dep_ in ("aux", "auxpass") for c in v.children)
    return subject and finite


def _object_gap(v: Token) -> bool:
    """ "the claims it made": a transitive verb without its object is a real relative clause."""
    return v.dep_ == "relcl" and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "prep", "advcl", "oprd", "dative", "agent")
        or c.dep_ == "auxpass" for c in v.children)


def _verb_read_as_noun(root: Token, speech: set[str]) -> bool:
    """ "Israel's military claims it struck ...": a plural noun that is a verb with its subject."""
    if root.tag_ != "NNS" or root.lemma_.lower() not in speech or not _subject_words(root):
        return False
    if any(c.dep_ in ("det", "nummod") or c.lower_ in ("the", "a", "an") for c in _subject_words(root)):
        return False  # "The claims that ...", "two reports": a noun after its determiner
    clause = next((c for c in root.rights if c.dep_ in CLAUSE_DEPS), None)
    return clause is not None and _full_clause(clause) and not _object_gap(clause)


def _make_verb(verb: Token, subject: Token, tag: str) -> None:
    verb.tag_, verb.pos_ = tag, "VERB"
    if subject.pos_ == "ADJ":  # "military" in "Israel's military claims"
        subject.pos_, subject.tag_ = "NOUN", "NN"
    subject.dep_ = "nsubj"


def _subject_words(root: Token) -> list[Token]:
    return [c for c in root.lefts if c.dep_ not in ("punct", "npadvmod")]


def _mend_noun_verb(root: Token) -> None:
    lefts = _subject_words(root)
    subject = lefts[-1]
    for c in lefts[:-1]:
        c.head = subject
    _make_verb(root, subject, "VBZ")
    for c in root.rights:
        if c.dep_ in CLAUSE_DEPS:
            c.dep_ = "ccomp"
            break


def _verb_read_as_participle(root: Token, speech: set[str]) -> Token | None:
    """ "The institute estimated in a report that ...": the participle right after the root noun."""
    if root.pos_ not in ("NOUN", "PROPN") or root.i + 1 >= len(root.doc):
        return None
    v = root.doc[root.i + 1]
    if v.head.i != root.i or v.dep_ != "acl" or v.tag_ not in ("VBN", "VBD") \
            or v.lemma_.lower() not in speech:
        return None
    if any(c.dep_ == "agent" for c in v.children) or root.doc[v.i + 1:v.i + 2].text == "by":
        return None  # "the figures reported by the ministry" is a noun phrase
    marks = [t for t in v.subtree if t.dep_ == "mark" and t.lower_ == "that" and _full_clause(t.head)]
    return v if marks or any(c.dep_ == "ccomp" and _full_clause(c) for c in v.children) else None


def _mend_participle(root: Token, v: Token) -> None:
    later = [c for c in root.rights if c.i > v.i]
    v.head = v
    v.dep_ = "ROOT"
    root.head = v
    for c in later:  # the sentence's closing punctuation, a clause the parser hung on the noun
        c.head = v
    _make_verb(v, root, "VBD")


def _verb_read_as_compound(root: Token, speech: set[str]) -> Token | None:
    """ "Ukraine claims destruction of X": a verb with its own subject hung on the noun after it."""
    if root.pos_ != "NOUN":
        return None
    return next((c for c in root.lefts if c.dep_ == "compound" and c.i == root.i - 1 and c.pos_ == "VERB"
                 and c.tag_ in ("VBZ", "VBD") and c.lemma_.lower() in speech
                 and any(x.dep_ == "nsubj" for x in c.children)), None)


def _mend_compound(root: Token, v: Token) -> None:
    v.head = v
    v.dep_ = "ROOT"
    for c in list(root.children):
        if c.i > root.i and c.is_punct:
            c.head = v
    root.head = v
    root.dep_ = "dobj"


def _verb_after_participle(root: Token, speech: set[str]) -> Token | None:
    """ "Channels linked to the group have acknowledged that X": the participle describing the subject
    read as the main verb, the real one (with its own auxiliary) hung on it as an adverbial clause."""
    if root.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return None
    subject = next((c for c in root.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if subject is None:
        return None
    return next((c for c in root.rights if c.dep_ == "advcl" and c.lemma_.lower() in speech
                 and any(a.dep_ == "aux" and a.tag_ in FINITE and a.i < c.i for a in c.children)
                 and not any(x.dep_ in ("nsubj", "nsubjpass", "mark") for x in c.children)), None)


def _mend_participle_subject(root: Token, v: Token) -> None:
    subject = next(c for c in root.lefts if c.dep_ == "nsubj")
    later = [c for c in root.rights if c.i > v.i]
    v.head, v.dep_ = v, "ROOT"
    subject.head, subject.dep_ = v, "nsubj"
    root.head, root.dep_ = subject, "acl"
    for c in later:  # the sentence's closing punctuation
        c.head = v


def _lift_clause_from_addressee(sent: SpacySpan) -> None:
    """ "told a soldier who suggested that A that B", "told a reporter who asked about X that B": the
    parser hangs the last that-clause on the addressee's relative clause; it is what was told."""
    lex = lexicon()
    for v in sent:
        if v.dep_ != "relcl" or v.head.dep_ not in ("dobj", "dative"):
            continue
        outer = v.head.head
        if outer.lemma_.lower() not in lex["needs_addressee"] \
                or any(c.dep_ == "ccomp" for c in outer.children):
            continue
        said = [c for c in v.rights if c.dep_ == "ccomp"
                and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)]
        asked = v.lemma_.lower() in lex["question_verbs"]
        if len(said) >= 2 or asked and len(said) == 1:
            said[-1].head = outer


QUOTE_MARKS = {'"', "\u201c", "\u201d", "''"}


def _sayer_after_quotation(sent: SpacySpan, speech: set[str]) -> None:
    """ "“A,” a commander in the area, who asked not to be named, told the Kyiv Independent": the
    relative clause makes the parser read the sayer as the quotation's object and the verb of
    saying as a second verb of the quotation; the verb becomes the root, the sayer its subject."""
    root = sent.root
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.text not in QUOTE_MARKS or not first.i < root.i:
        return
    close = next((t for t in sent.doc[root.i + 1:sent.end] if t.text in QUOTE_MARKS
                  and sent.doc[t.i - 1].text == ","), None)
    if close is None or close.i + 2 >= sent.end:
        return
    sayer = sent.doc[close.i + 1]
    while sayer.head.i != root.i and sent.start <= sayer.head.i < sent.end and sayer.head.i > close.i:
        sayer = sayer.head
    if sayer.head.i != root.i or sayer.pos_ not in ("NOUN", "PROPN", "PRON") \
            or sayer.left_edge.i != close.i + 1:
        return
    verb = next((c for c in root.rights if c.i > sayer.right_edge.i and c.dep_ in ("conj", "advcl", "ccomp")
                 and c.pos_ == "VERB" and c.lemma_.lower() in speech
                 and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)), None)
    if verb is None:
        return
    later = [c for c in root.rights if c.i > sayer.right_edge.i and c.i != verb.i]
    verb.head, verb.dep_ = verb, "ROOT"
    sayer.head, sayer.dep_ = verb, "nsubj"
    root.head, root.dep_ = verb, "ccomp"
    for c in later:  # the commas around the relative clause, the closing full stop
        c.head = verb


STAMP = re.compile(r"\d{1,2}[:.]\d{2}")
DASHES = {"-", "–", "—", ":"}


def _detach_stamp(sent: SpacySpan) -> None:
    """ "10:35 - Israel's military claims", "3/ Saratov governor X wrote": a live blog's time stamp
    or a thread's post number is no part of the first phrase."""
    if len(sent) < 4:
        return
    root = sent.root
    if STAMP.fullmatch(sent[0].text) and sent[1].text in DASHES and root.i > 1:
        sent[0].head, sent[1].head = root, root
        sent[0].dep_, sent[1].dep_ = "npadvmod", "punct"
    elif THREAD_NUMBER.fullmatch(sent[0].text) and sent[1].text[:1].isupper() and root.i > 0:
        sent[0].head = root
        sent[0].dep_ = "npadvmod"


OPENING_RELAYS = {"citing", "quoting"}


def _detach_citing(sent: SpacySpan) -> None:
    """ "Citing Northline Wire, the Daily Meridian reported ...": read as one noun phrase ("Citing"
    a modifier of "Wire", the outlet in apposition), it is the relay's phrase and then the sayer."""
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    root = sent.root
    if first is None or first.lower_ not in OPENING_RELAYS or first.dep_ not in ("compound", "amod", "nmod"):
        return
    cited = first.head
    if cited.i <= first.i or cited.head.i != root.i or root.pos_ not in ("VERB", "AUX") or cited is root:
        return
    sayer = next((c for c in cited.rights if c.dep_ == "appos" and sent.doc[c.left_edge.i - 1].text == ","),
                 None)
    if sayer is None:
        return
    role = cited.dep_
    first.head, first.dep_, first.pos_, first.tag_ = root, "advcl", "VERB", "VBG"
    for t in sent.doc[first.i + 1:sayer.left_edge.i]:
        if t.text == "," and t.head.i == cited.i:
            t.head = root
    sayer.head, sayer.dep_ = root, role
    cited.head, cited.dep_ = first, "dobj"


def _headline_verb_read_as_subject(sent: SpacySpan, speech: set[str]) -> None:
    """ "UN says X, Israel disputes figure": a headline's verb read as a plural noun, the subject of
    the noun after it read as a verb (`figure`). The verb takes its sayer and its object back."""
    for n in sent:
        obj = n.head
        if n.tag_ != "NNS" or n.lemma_.lower() not in speech or n.dep_ != "nsubj" or obj.i != n.i + 1 \
                or obj.tag_ not in ("VBP", "VB") or any(c.i > obj.i for c in obj.children if not c.is_punct):
            continue
        sayer = [c for c in n.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not sayer or any(c.dep_ == "det" for c in n.children):
            continue
        n.head, n.dep_ = (n, "ROOT") if obj.head.i == obj.i else (obj.head, obj.dep_)
        if n.dep_ == "ccomp" and sent.doc[n.left_edge.i - 1].text in (",", ";"):
            n.dep_ = "parataxis"  # "UN says X, Israel disputes figure": a second report, not what the UN says
        for c in list(obj.children):
            if c.i != n.i:
                c.head = n
        obj.head, obj.dep_, obj.pos_, obj.tag_ = n, "dobj", "NOUN", "NN"
        _make_verb(n, sayer[-1], "VBZ")
        for c in sayer[:-1]:
            c.head = sayer[-1]


GAP_PRONOUNS = {"everything", "anything", "nothing", "something", "all", "much", "little"}


def _predicate_of_what_was_said(sent: SpacySpan, speech: set[str]) -> None:
    """ "Everything the Kremlin says is a lie": the parser reads the predicate (`is a lie`) as what the
    Kremlin says, a clause with no subject; what is said is the gap, and the predicate is the pronoun's.
    Only a pronoun opening the sentence has a predicate to take (`..., something aides argue is possible`
    has none: what they argue is that it is possible)."""
    opening = next((t for t in sent if not t.is_punct and not t.is_space), None)
    for v in sent:
        said = v.head
        if v.dep_ != "relcl" or v.lemma_.lower() not in speech or said.lower_ not in GAP_PRONOUNS \
                or opening is None or said.i != opening.i \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            continue
        pred = next((c for c in v.rights if c.dep_ == "ccomp"
                     and not any(x.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for x in c.children)), None)
        if pred is None or pred.left_edge.i != v.i + 1 or pred.tag_ not in ("VBZ", "VBD", "VBP", "MD"):
            continue
        if said.head.i == said.i:
            pred.head, pred.dep_ = pred, "ROOT"
        else:
            pred.head, pred.dep_ = said.head, "ccomp"
        said.head, said.dep_ = pred, "nsubj"


def repair_parse(sdoc: SpacyDoc, attributions: list[Attribution], document: Document) -> list[Attribution]:
    """Pipeline component: mend the parse in place; the attributions pass through unchanged."""
    speech = lexicon()["speech_verbs"]
    for sent in list(sdoc.sents):
        _detach_stamp(sent)
        _detach_citing(sent)
        _lift_clause_from_addressee(sent)
        _sayer_after_quotation(sent, speech)
        _predicate_of_what_was_said(sent, speech)
        _headline_verb_read_as_subject(sent, speech)
        root = sent.root
        if (v := _verb_after_participle(root, speech)) is not None:
            _mend_participle_subject(root, v)
            continue
        if root.pos_ in ("VERB", "AUX"):
            continue
        if _verb_read_as_noun(root, speech):
            _mend_noun_verb(root)
        elif (v := _verb_read_as_participle(root, speech)) is not None:
            _mend_participle(root, v)
        elif (v := _verb_read_as_compound(root, speech)) is not None:
            _mend_compound(root, v)
    return attributions
