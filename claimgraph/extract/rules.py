"""Rule-based attribution extraction over the spaCy dependency parse.

Each cue (a verb of saying, "according to", "per") is read off the parse one
token at a time: its sayer is the verb's subject (or the object of "according
to"), its content the clause it governs, or the quotation standing next to it.
Relays ("citing B", "told Reuters", "quoted by X as saying") fill `via`, and a
cue whose content is itself a report ("X said Y had warned that Z") folds into
one attribution whose source is the innermost sayer. Quotation marks are paired
once over the text (claimgraph.extract.quotes); pronouns and vague sources are
resolved afterwards (claimgraph.extract.antecedents). The lexicon lives in
claimgraph/data/cues.json.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Literal

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.extract.antecedents import resolve_sources
from claimgraph.extract.layouts import find_layouts
from claimgraph.extract.lexicon import load as load_data
from claimgraph.extract.lexicon import per_doc
from claimgraph.extract.quotes import Quote, QuoteIndex, find_quotes, mark_at
from claimgraph.extract.schemes import Scheme
from claimgraph.extract.sources import classify, lookup_body
from claimgraph.model import Attribution, Document, Span

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
NO_ONE = {"no", "neither", "none", "nobody", "nor"}  # a sayer that says there is no sayer
EDGE_PUNCT = set(",;:.!?—–-")
END_PUNCT = EDGE_PUNCT - set("?!")  # a question or exclamation keeps its mark: it is part of the words
QUOTE_CHARS = set("\"“”„«»") | {"''"}  # characters, and the doubled apostrophe as spaCy tokenises it
RELATIVIZERS = {"who", "which", "that", "whose", "whom", "where"}
# prepositions that usually belong to the noun before them ("a series of strikes in the south");
# others ("accusations over X") more often hang on a verb or name a topic, not part of the thing
THREAD_NUMBER = re.compile(r"\d{1,3}/(?:\d{1,3})?")  # "3/" or "3/12" opening a post of a thread
NOUN_PHRASE_PREPS = {"of", "in", "near", "at", "from", "on", "along", "outside", "inside"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """cues.json with its word lists turned into sets."""
    raw = json.loads(resources.files("claimgraph.data").joinpath("cues.json").read_text("utf-8"))
    out: dict[str, Any] = {}
    for key, val in raw.items():
        out[key] = {v.lower() for v in val} if isinstance(val, list) and val and isinstance(val[0], str) \
            else val
    out["content_openers"] = sorted((tuple(o.split()) for o in raw["content_openers"]), key=len, reverse=True)
    return out


def sentence_content_start(doc: SpacyDoc, text: str, sent: SpacySpan, lex: dict[str, Any]) -> int:
    """First token of a sentence's own words: past bullets, datelines, timestamps, connectives.

    Asked for again and again (once per cue and candidate span), so kept per sentence.
    """
    known = per_doc(doc, "content_starts", dict)
    if (sent.start, sent.end) not in known:
        known[sent.start, sent.end] = _content_start(doc, text, sent, lex)
    return known[sent.start, sent.end]


def _content_start(doc: SpacyDoc, text: str, sent: SpacySpan, lex: dict[str, Any]) -> int:
    i, end = sent.start, sent.end
    while i < end and (doc[i].is_space or not any(c.isalnum() for c in doc[i].text)
                       and doc[i].text not in QUOTE_CHARS):
        i += 1
    if i + 1 < end and THREAD_NUMBER.fullmatch(doc[i].text) and doc[i + 1].text[:1].isupper():
        i += 1  # "3/ The governor wrote": a thread's post number
    # A dateline or timestamp: a short verbless lead ending in a spaced dash.
    for j in range(i, min(end, i + 16)):
        tok = doc[j]
        if tok.pos_ in ("VERB", "AUX") and tok.text not in lex["dateline_dashes"]:
            break
        if tok.text in lex["dateline_dashes"] and j > i and text[tok.idx - 1:tok.idx] == " ":
            i = j + 1
            break
    while i < end and doc[i].is_space:
        i += 1
    for j in range(i + 1, min(end - 1, i + 6)):  # a verbless label: "Sunday: ...", "Update: ..."
        if i < end and doc[i].tag_ in ("VBD", "VBZ"):
            break  # "Said Tom Fletcher: ...": a verb first, not a label
        tok = doc[j]
        if tok.pos_ in ("VERB", "AUX") or tok.text in QUOTE_CHARS:
            break
        if tok.text == ":" and text[tok.idx + 1:tok.idx + 2] == " ":
            i = j + 1
            break
    words = [t.lower_ for t in doc[i:min(end, i + 4)]]
    for opener in lex["content_openers"]:
        n = len(opener)
        if tuple(words[:n]) == opener and i + n < end and doc[i + n].text == ",":
            return i + n + 1
    if i + 1 < end and doc[i].lower_ in lex["content_conjunctions"] \
            and doc[i].pos_ == "CCONJ" and not doc[i + 1].is_punct:
        return i + 1  # "But the deal is not dead, she said": the link to what came before is the writer's
    return i


@dataclass
class Found:
    """An attribution under construction, with the parse positions later steps need."""

    cue: tuple[int, int]  # character range
    content: tuple[int, int]
    source: tuple[int, int] | None
    via: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    parts: list[tuple[int, int]] = field(default_factory=list)
    anchor: int = -1  # token index of the verb (or the head of "according to") the cue hangs on
    content_root: int = -1  # token index of the head of the content clause
    source_tok: int = -1
    sent_start: int = 0
    region: int = -1  # character where the cue's own words (sayer, verb) start
    sibling: bool = False  # a participle or conjoined report beside, not inside, its neighbour
    spoken: bool = False  # its via is an outlet the sayer spoke to, which follow-up quotes share


class Reader:
    """The per-document state: text, parse, quotations, lexicon."""

    def __init__(self, sdoc: SpacyDoc, text: str):
        self.doc = sdoc
        self.text = text
        self.lex = lexicon()
        self.quotes = QuoteIndex(find_quotes(text))
        self.spoken: set[tuple[int, int]] = set()  # relays the sayer spoke to (told X, quoted by X)
        self.cuts: list[int] = []  # tokens where a content clause must stop (a relaying phrase)
        self.tok_lo = [0] * len(sdoc)
        for sent in sdoc.sents:
            lo = self.content_start(sent)
            for i in range(sent.start, sent.end):
                self.tok_lo[i] = lo

    # ---- spans -------------------------------------------------------------------------------------
    @cached_property
    def outlet_names(self) -> frozenset[str]:
        """Names the document itself calls outlets ("the outlet Suspilne", "Kommersant, a daily"),
        which the entity tagger may take for people."""
        media = self.lex["media_nouns"]
        names = set()
        propn = self.doc.vocab.strings["PROPN"]
        for i, pos in enumerate(self.doc.to_array("POS").tolist()):
            if pos != propn:
                continue
            t = self.doc[i]
            linked = [c for c in t.children if c.dep_ in ("compound", "appos", "amod")]
            if t.dep_ == "appos" or t.dep_ == "compound":
                linked.append(t.head)
            if any(x.lemma_.lower() in media and x.pos_ == "NOUN" for x in linked):
                names.add(t.lower_)
        return frozenset(names)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop edge whitespace, edge punctuation and a pair of enclosing quote marks."""
        t = self.text
        while True:
            s0, e0 = start, end
            while start < end and (t[start].isspace() or t[start] in EDGE_PUNCT):
                start += 1
            while end > start and (t[end - 1].isspace() or t[end - 1] in END_PUNCT):
                end -= 1
            for word in (" and", " but", " while", " or"):
                if t[start:end].endswith(word) and end - len(word) > start:
                    end -= len(word)
            if end - start >= 2 and mark_at(t, start):
                q = self.quotes.containing(start)
                if q is not None and q.open_at == start and q.close_end <= end:
                    if q.close_end == end or not t[q.close_end:end].strip(" ,.;:"):
                        start, end = q.start, q.end
                elif q is not None and q.open_at == start and not t[end:q.close_end].strip(" ,.;:\"”’"):
                    start, end = q.start, min(end, q.end)  # `that "X."`: the closing mark was left outside
            if end > start and t[start] in QUOTE_CHARS and t[start] in "“„«" and \
                    self.quotes.containing(start) is None:
                start += 1  # a stray opening mark
            if end - start >= 2 and t[end - 1] in "“„«\"" and self.quotes.containing(end - 1) is not None \
                    and self.quotes.containing(end - 1).open_at == end - 1:
                end -= 1  # a quotation's opening mark left at the end ("she recalled thinking, “")
            if end - start >= 2 and t[end - 1] in "'’" and (
                    t[start] in "'‘" or start > 0 and t[start - 1] in "'‘"):
                end -= 1  # 'We will not give up,' the commander said: single quotation marks
                if t[start] in "'‘":
                    start += 1
            if (start, end) == (s0, e0):
                return start, end

    def tok_range(self, first: int, last: int) -> tuple[int, int]:
        """Character range of tokens first..last (inclusive)."""
        return self.doc[first].idx, self.doc[last].idx + len(self.doc[last].text)

    def quote_opens_clause(self, q: Quote) -> bool:
        """Whether a quotation starts its sentence (`“…,” he said`), not ends it (`X was “…”, he said`)."""
        before = self.text[max(0, q.open_at - 3):q.open_at].rstrip()
        if not before or before[-1] in ".!?\n:":
            return True
        span = self.doc.char_span(q.open_at, q.open_at + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        t = span[0]
        return not any(any(c.isalnum() for c in self.doc[k].text) for k in range(self.tok_lo[t.i], t.i))

    def in_quote(self, tok: Token) -> Quote | None:
        q = self.quotes.containing(tok.idx)
        if q is None:
            return None
        return q if any(s <= tok.idx < e for s, e in q.segments) else None

    # ---- sentence layout ---------------------------------------------------------------------------
    def content_start(self, sent: SpacySpan) -> int:
        """First token of a sentence's own words (see `sentence_content_start`)."""
        return sentence_content_start(self.doc, self.text, sent, self.lex)

    # ---- noun phrases ------------------------------------------------------------------------------
    def np(self, tok: Token, via: list[tuple[int, int]] | None = None) -> tuple[int, int, int]:
        """The shortest span naming who `tok` heads: (first, last token index, head).

        Names lose their descriptions ("Serhii Popko, who heads ..."), common nouns keep their
        restrictive modifiers ("sources in the ministry"); "X, Name," gives the name; relay
        participles ("reviewed by Reuters") go to `via`.
        """
        lex = self.lex
        lo = self.tok_lo[tok.i]
        if tok.i < lo:  # a dateline the parser took for the subject: the real one is in apposition
            later = next((c for c in tok.rights if c.dep_ in ("appos", "conj") and c.i >= lo), None)
            if later is not None:
                return self.np(later, via)
        if tok.pos_ in ("NOUN", "NUM") and tok.ent_type_ in ("", "CARDINAL"):
            for ch in tok.rights:
                after_comma = self.text[ch.left_edge.idx - 2:ch.left_edge.idx].strip() == ","
                if ch.dep_ == "appos" and ch.pos_ == "PROPN" and after_comma:
                    return self.np(ch, via)
            if tok.lemma_.lower() in lex["person_nouns"]:  # "the governor of Crimea, Sergei Aksyonov,":
                named = next((t for t in tok.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"
                              and t.head.i != tok.i and t.right_edge.i >= tok.right_edge.i - 1
                              and self.doc[t.left_edge.i - 1].text == ","), None)
                if named is not None:  # the name, though the parser hung it on "Crimea"
                    return self.np(named, via)
        if tok.pos_ == "PROPN" and tok.ent_type_ == "":  # "The Human Rights Defender of Armenia, Anahit
            for ch in tok.rights:                        # Manasyan, said": an office in capitals, the name
                after_comma = self.text[ch.left_edge.idx - 2:ch.left_edge.idx].strip() == ","
                if ch.dep_ == "appos" and ch.ent_type_ == "PERSON" and after_comma:
                    return self.np(ch, via)
        if tok.pos_ == "NOUN" and tok.ent_type_ == "" and tok.left_edge.i >= lo + 2 \
                and self.doc[tok.left_edge.i - 1].text == "," and tok.right_edge.i + 1 < len(self.doc) \
                and self.doc[tok.right_edge.i + 1].text == ",":
            name = self.doc[tok.left_edge.i - 2]  # "Trafigura, the trader that chartered it, said":
            if name.pos_ == "PROPN" and name.dep_ in ("advcl", "npadvmod", "dep", "nsubj", "appos") \
                    and name.left_edge.i == lo and name.head.i == tok.head.i:  # the name, misread
                return self.np(name, via)
        is_name = tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON"))
        first = max(min([tok.i] + [c.left_edge.i for c in tok.lefts  # not a quotation's clause the
                                   if c.dep_ not in ("advmod", "npadvmod", "prep", "punct",  # parser hung
                                                     "ccomp", "advcl", "parataxis")]), lo)  # on the name
        while first - 1 >= lo and self.doc[first - 1].dep_ in ("amod", "compound") \
                and self.doc[first - 1].pos_ in ("ADJ", "PROPN", "NOUN") \
                and self.doc[first - 1].head.i > first:
            first -= 1  # a title the parser hung elsewhere: "Belarusian President ..."
        prev = self.doc[first - 1] if first - 1 >= lo else None
        if prev is not None and tok.pos_ == "PROPN" and prev.pos_ == "NOUN" and prev.dep_ == "appos" \
                and prev.head.i < prev.left_edge.i and prev.left_edge.i - 1 >= lo \
                and self.doc[prev.left_edge.i - 1].text == "," and not any(
                    t.is_punct for t in self.doc[prev.left_edge.i:first]):
            first = prev.left_edge.i  # "..., state news agency IRNA reported": a description read as an aside
        while first < tok.i and (self.doc[first].is_punct and self.doc[first].text not in QUOTE_CHARS
                                 or self.doc[first].is_space
                                 or self.doc[first].ent_type_ in ("DATE", "TIME")
                                 and not self._title_misread_as_date(self.doc[first])):
            first += 1
        last = tok.i
        for ch in tok.rights:
            dep = ch.dep_
            if dep == "punct" or ch.is_space:
                if ch.text == ")" and ch.i == last + 1:
                    last = ch.i
                continue
            if any(t.text == ":" for t in self.doc[last + 1:ch.left_edge.i + 1]):
                break  # "Said X, ..., Magyar: “...”": the name ends at the colon, what follows is said
            opened_paren = ch.left_edge.i > 0 and self.doc[ch.left_edge.i - 1].text == "("
            if dep == "appos" and (opened_paren or ch.left_edge.text in "(“\""):
                last = max(last, ch.right_edge.i)
                if last + 1 < len(self.doc) and self.doc[last + 1].text == ")":
                    last += 1
                continue
            if dep == "appos" and self.doc[ch.left_edge.i - 1].text in (",", "—", "–"):
                break
            if dep == "appos" and ch.lower_ in ("both", "all", "each") and ch.left_edge.i == ch.i:
                break  # "Washington and Moscow both said": a floating quantifier, not part of the name
            if dep == "appos" and ch.ent_type_ == "PERSON" and ch.left_edge.i == last + 1:
                last = ch.right_edge.i  # "Chief of the General Staff Valery Gerasimov": title, name
                continue
            if dep in ("relcl",) and (ch.left_edge.lower_ in RELATIVIZERS
                                      or self.doc[ch.left_edge.i - 1].text == ","):
                break
            if dep in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME") for t in ch.subtree):
                break  # "Yemen's Houthi movement on Wednesday denied": when it spoke, not who
            if dep == "acl" and self.doc[ch.left_edge.i - 1].text == "," and ch.tag_ == "VBN" \
                    and ch.lemma_ not in lex["relay_participles"]:
                break  # "The document, prepared for the Security Council, says": a description
            relay = ch.lemma_ in lex["relay_participles"] and ch.tag_ == "VBN"
            if dep in ("acl", "relcl", "advcl") and relay:
                agent = next((a for a in ch.children if a.dep_ == "agent"), None)
                pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
                # "published by Kommersant": through the paper; "published by the ISW": its author
                author = ch.lemma_ == "publish" and pobj is not None and not _is_media(self, pobj)
                if pobj is not None and via is not None and not author:
                    a, b, _ = self.np(pobj)
                    via.append(self.tok_range(a, b))
                break
            if dep in ("acl", "advcl") and ch.lemma_ in lex["relay_verbs"] | lex["speak_to_verbs"]:
                break
            if dep in ("acl", "relcl") and ch.lemma_.lower() in lex["speech_verbs"] and ch.i < first + 12 \
                    and not any(c.dep_ in ("agent", "auxpass") or c.dep_ in SUBJECTS for c in ch.children):
                break  # "the outlet reported ...": the parser's reading of the sayer and its verb
            if dep == "conj" and self.doc[ch.i - 1].lower_ == "and" and ch.pos_ == "VERB":
                break
            if dep == "prep" and ch.lower_ == "of" and any(g.tag_ == "VBG" for g in ch.children):
                break  # "accused by both sides of failing to ...": the charge, not the accusers
            if is_name and dep not in ("conj", "cc"):
                # a name: what follows it is description, not part of the name
                if dep == "prep" and tok.ent_type_ not in ("PERSON",) and tok.ent_type_:
                    pass
                elif tok.ent_type_ == "PERSON" or dep != "prep":
                    break
            last = max(last, ch.right_edge.i)
        for t in self.doc[tok.i + 1:last + 1]:  # "... used by X and reviewed by Reuters": the relay
            if t.dep_ == "conj" and t.tag_ == "VBN" and t.lemma_ in lex["relay_participles"] \
                    and self.doc[t.i - 1].lower_ in ("and", ","):
                agent = next((a for a in t.children if a.dep_ == "agent"), None)
                pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
                if pobj is not None and via is not None:
                    a, b, _ = self.np(pobj)
                    via.append(self.tok_range(a, b))
                last = max(t.i - 2, tok.i)
                break
        for t in self.doc[tok.i + 1:last]:  # "a soldier fighting in the region, who asked ...": a description
            if t.text == "," and self.doc[t.i + 1].lower_ in ("who", "which", "whose") \
                    and self.doc[t.i + 1].head.dep_ == "relcl":
                last = t.i - 1
                break
        for t in self.doc[tok.i + 2:last + 1]:  # "the Center for Countering Disinformation, a body under X":
            if t.dep_ == "appos" and t.head.i > tok.i and self.doc[t.left_edge.i - 1].text == "," \
                    and t.right_edge.i >= last - 1 and t.left_edge.i - 2 >= tok.i:  # the parser hung the
                last = t.left_edge.i - 2  # description on the name's last word; it is no part of the name
                break
            if t.lower_ in RELATIVIZERS and t.head.dep_ == "relcl" and t.head.head.i != tok.i \
                    and t.head.lemma_.lower() in lex["speech_verbs"] and t.head.left_edge.i == t.i:
                last = t.i - 1  # "a statement from the navy that accused X of Y": the navy's own report
                break
        while last + 1 < len(self.doc) and self.doc[last + 1].pos_ == "PROPN" \
                and self.doc[last + 1].dep_ in ("npadvmod", "appos", "nmod") \
                and self.doc[last].whitespace_ != "":
            last += 1  # "the state news agency BelTA": a close apposition the parser let go
        while last > first and (self.doc[last].is_punct and self.doc[last].text not in "”\")"
                                or self.doc[last].is_space):
            last -= 1
        if self.doc[last].text == ")" and "(" not in self.doc[first:last].text:
            last -= 1
        if last < first or not first <= tok.i <= last:
            first, last = min(first, tok.i), max(last, tok.i)
        return first, last, tok.i

    @staticmethod
    def _title_misread_as_date(t: Token) -> bool:
        """ "March 26 - Belarusian President X": the tagger ran the dateline's date over the adjective."""
        return t.pos_ == "ADJ" and t.dep_ == "amod" and t.head.ent_type_ not in ("DATE", "TIME")

    def np_left_of(self, i: int, lo: int) -> tuple[int, int, int] | None:
        """A subject the parser missed: the noun phrase ending just left of token `i`."""
        j = i - 1
        while j >= lo and (self.doc[j].is_punct or self.doc[j].pos_ in ("ADV", "AUX", "PART")
                           or self.doc[j].is_space):
            j -= 1
        if j >= lo:
            # "a woman whose husband was killed told ...", "a commander, who goes by the call sign
            # “Hurricane,” told ...": the noun before the relative clause, not the clause's last word
            rel = self.doc[j]
            while rel.dep_ != "relcl" and rel.head.i != rel.i and lo <= rel.head.i <= j:
                rel = rel.head
            noun = rel.head
            if rel.dep_ == "relcl" and rel.right_edge.i == j and lo <= noun.i < rel.left_edge.i \
                    and noun.pos_ in ("NOUN", "PROPN") and rel.left_edge.lower_ in ("who", "whose", "which"):
                while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" \
                        and lo <= noun.head.head.i:
                    noun = noun.head.head  # "a commander of the 47th Brigade, who ...": the commander
                first, last = noun.left_edge.i, rel.left_edge.i - 1
                while first < noun.i and (self.doc[first].is_punct or self.doc[first].is_space):
                    first += 1
                while last > noun.i and (self.doc[last].is_punct or self.doc[last].is_space):
                    last -= 1
                return max(first, lo), last, noun.i
        if j < lo or self.doc[j].pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        k = j
        while k - 1 >= lo and (self.doc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM")
                               or self.doc[k - 1].dep_ in ("compound", "amod", "det", "poss", "nmod", "case")
                               or (self.doc[k - 1].text == "." and self.doc[k - 2].pos_ == "PROPN")):
            if self.doc[k - 1].is_punct and self.doc[k - 1].text != ".":
                break
            k -= 1
        if k - 2 >= lo and self.doc[k - 1].text == "(" and j + 1 < len(self.doc) \
                and self.doc[j + 1].text == ")" and self.doc[k - 2].pos_ in ("PROPN", "NOUN"):
            full = self.np_left_of(k - 1, lo)  # "the Border Service (BGS)": the name before its acronym
            if full is not None:
                return full[0], j + 1, full[2]
        if k - 2 >= lo and self.doc[k - 1].lower_ in ("and", "or") \
                and self.doc[k - 2].pos_ in ("PROPN", "NOUN") and not self.doc[k - 2].is_punct:
            first = self.np_left_of(k - 1, lo)  # "Y, a war monitor and rebel commanders said": both
            if first is not None and first[0] - 1 >= lo and self.doc[first[0] - 1].text == ",":
                return first[0], j, j
        return k, j, j


# ---- cues ------------------------------------------------------------------------------------------

def cue_range(r: Reader, v: Token, last: Token | None = None) -> tuple[int, int]:
    """The cue words: the verb with its auxiliaries (and whatever stands between them)."""
    first = v.i
    for ch in v.lefts:
        if ch.dep_ in ("aux", "auxpass") and ch.i < first and ch.lower_ not in ("to",) \
                and not any(t.is_punct for t in r.doc[ch.i + 1:v.i]):
            first = ch.i  # not a quoted word the parser hung on the verb (`will,” said X`)
    end_tok = last.i if last is not None else v.i
    idiom = r.lex["cue_objects"].get(v.lemma_.lower(), ())
    if last is None and v.i + 1 < len(r.doc) and r.doc[v.i + 1].lower_ in idiom \
            and r.doc[v.i + 1].head.i == v.i and r.doc[v.i + 1].dep_ == "dobj":
        end_tok = v.i + 1  # "as one analyst put it"
    return r.tok_range(first, end_tok)


def agent_of(v: Token) -> Token | None:
    """The X of a passive "... by X"."""
    agent = next((x for x in v.children if x.dep_ == "agent" or x.dep_ == "prep" and x.lower_ == "by"), None)
    objs = [x for x in agent.children if x.dep_ == "pobj"] if agent is not None else []
    if len(objs) == 2 and objs[1].pos_ == "PROPN" and objs[1].left_edge.i == objs[0].right_edge.i + 1:
        return objs[1]  # "carried by state news agency TASS": the name, read as a second object
    return objs[0] if objs else None


def subject_of(v: Token, lo: int = 0) -> Token | None:
    """The verb's subject; of two (a dateline read as one), the first in the sentence proper."""
    best = None
    doc = v.doc
    for ch in v.children:
        if ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ not in ("there",):
            if best is None or best.i < lo <= ch.i:
                best = ch
            elif lo <= best.i and ch.i < v.i and doc[ch.left_edge.i - 1].text == "," \
                    and best.right_edge.i < ch.left_edge.i - 1:
                best = ch  # "Two were killed and five injured, governor X said": X, after the comma
            elif v.dep_ == "relcl" and best.lower_ in RELATIVIZERS and best.i < ch.i < v.i \
                    and ch.pos_ in ("NOUN", "PROPN", "PRON"):
                best = ch  # "a law which critics say targets X": "which" is the subject of what they say
            elif lo <= best.i < ch.i < v.i and ch.left_edge.i >= 2 and best.right_edge.i < ch.left_edge.i \
                    and doc[ch.left_edge.i - 1].lower_ in ("and", "but") \
                    and doc[ch.left_edge.i - 2].text == ",":
                best = ch  # "X estimated A, and bloggers had earlier said B": the second clause's subject
    if best is None and v.i + 1 < len(doc) and v.lemma_.lower() in lexicon()["speech_verbs"]:
        # "“A,” said the woman, who like many did not want to be named": the parser hung the sayer
        # after the verb on a verb inside its own relative clause
        for t in doc[v.i + 1:min(v.i + 5, len(doc))]:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i and t.pos_ in ("NOUN", "PROPN") \
                    and t.left_edge.i == v.i + 1 and any(c.dep_ == "relcl" for c in t.children):
                return t
            if t.dep_ not in ("det", "amod", "compound", "poss", "nummod"):
                break
    return best


def governing_subject(v: Token) -> Token | None:
    """The subject a participle or conjoined verb shares with the clause it hangs on."""
    cur = v
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN") and v.dep_ == "acl":
            return cur
        s = subject_of(cur)
        if s is not None:
            return s
    return None


def _quoted_title(ch: Token) -> bool:
    """Whether the clause before a verb is the title of a work set off after the noun naming it
    (`In his book, “Make Your Kid a Millionaire,”`): every longer word capitalised, as titles are."""
    doc = ch.doc
    opening = next((t for t in doc[ch.left_edge.i:ch.right_edge.i + 1] if t.text in QUOTE_CHARS), None)
    if opening is None or opening.i < 2 or doc[opening.i - 1].text != "," \
            or doc[opening.i - 2].pos_ not in ("NOUN", "PROPN"):
        return False
    words = [t for t in doc[opening.i + 1:ch.right_edge.i + 1] if t.is_alpha]
    return len(words) >= 2 and all(t.is_title for t in words if len(t) > 3)


def clause_child(v: Token, lex: dict[str, Any]) -> Token | None:
    """The clause a verb of saying governs (ccomp; xcomp for "claimed to have ...")."""
    best = None
    for ch in v.children:
        if ch.i > v.i and any(t.text == ";" and (t.head.i == v.i or t.i == ch.left_edge.i)
                              for t in v.doc[v.i + 2:ch.left_edge.i + 1]):
            continue  # "X says A; group vows B": past a semicolon after the verb's words, a new clause
        if ch.i < v.i and any(t.text == ";" for t in v.doc[ch.right_edge.i + 1:v.i]):
            continue  # "X says A; Y says B" read with A under the second "says": A is the first's
        if ch.dep_ == "ccomp" and ch.left_edge.i > v.i and ch.left_edge.lower_ == "which" \
                and v.doc[ch.left_edge.i - 1].text == ",":
            continue  # "Y, the ministry said, which Reuters could not verify": the writer's comment
        if ch.dep_ == "ccomp" and ch.left_edge.i > v.i and v.doc[ch.left_edge.i - 1].text == "," \
                and any(c.dep_ == "ccomp" and c.i < v.i for c in v.children) \
                and _elaboration(list(v.doc[ch.left_edge.i:ch.right_edge.i + 1]), lex):
            continue  # "A, the air force said, most of them Shaheds": the tail spells out A
        if ch.i < v.i and _quoted_title(ch) and any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > v.i
                                                    for c in v.children):
            continue  # "In his book, “Make Your Kid a Millionaire,” he suggested X": a title, not a quotation
        if ch.dep_ == "xcomp" and any(c.dep_ == "nsubj" and c.lower_ == "that" for c in v.children):
            continue  # "said that reports naming X were fake": "that" read as the subject of a verb "reports"
        if ch.dep_ == "ccomp" and ch.i < v.i and (
                any(c.dep_ == "intj" and c.i > v.i for c in v.children)
                or ch.lemma_.lower() in lex["speech_verbs"] and any(c.dep_ in SUBJECTS for c in ch.children)
                and any(c.dep_ in ("dobj", "ccomp") and c.i > v.i for c in v.children)):
            continue  # "“X?” she said, and ..., Melanie said yes": what Melanie said is "yes"
        if ch.dep_ == "ccomp" or (ch.dep_ == "xcomp" and v.lemma_ in lex["xcomp_content_verbs"]) \
                or ch.dep_ == "xcomp" and ch.i > v.i and ch.tag_ in ("VBZ", "VBD", "VBP"):  # a finite verb:
            # "a law which critics say targets the poor", the reported clause misread as an xcomp
            if best is None or ch.i > v.i >= best.i:
                best = ch
    if best is None:  # "told a briefing that X ...", "said in a statement that X ...": read as a modifier
        objs = [c for c in v.children if c.dep_ in ("dobj", "dative") and c.i > v.i]
        objs += [o for p in v.children if p.dep_ == "prep" and p.i > v.i
                 for o in p.children if o.dep_ == "pobj"]
        # "was told by three sources familiar with the matter that X": X hung on the agent's last noun
        objs += [t for a in v.children if a.dep_ == "agent" and a.i > v.i for t in a.subtree
                 if t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN")]
        for obj in objs:
            if obj.lemma_.lower() in lex["wish_nouns"] and not (
                    obj.dep_ == "pobj" and obj.head.lower_ in ("on", "during", "in")
                    and any(c.dep_ == "compound" for c in obj.children)):
                continue  # "insisted on guarantees that the war would end": asked for, not asserted
                # ("told reporters on a conference call that X": a call one is on is where X was said)
            rights = list(obj.rights)
            rights += [c for rc in rights if rc.dep_ == "acl" and rc.tag_ == "VBN" and rc.lemma_ in
                       lex["authoring_verbs"] for c in rc.rights if c.dep_ == "ccomp"]
            for rc in rights:  # ("dismissed reports that X": X read as the noun's own clause; "in a
                # report published on Monday that X": as the clause of "published")
                if rc.dep_ in ("relcl", "acl", "ccomp") and rc.left_edge.lower_ == "that" and \
                        (rc.left_edge.dep_ == "mark" or rc.left_edge.head.i == rc.i) and \
                        any(c.dep_ in (*SUBJECTS, "expl") and c.lower_ != "that" for c in rc.children):
                    return rc  # not "posted a video that it said showed X": "that" is the video there
        for ch in v.children:  # "A reported, citing B, that X": the parse hangs X on "citing" or reads
            if ch.dep_ == "advcl" and ch.i > v.i and any(m.dep_ == "mark" and m.lower_ == "that"
                                                         for m in ch.children):
                return ch  # X as an adverbial clause
            if ch.dep_ == "advcl" and ch.i > v.i and ch.tag_ == "VBG" and ch.lemma_ in lex["relay_verbs"]:
                inner = next((c for c in ch.children if c.dep_ == "ccomp" and c.i > ch.i), None)
                if inner is not None:
                    return inner
        for ch in v.lefts:  # "Y, the General Staff confirmed": Y read as an adverbial clause
            if ch.dep_ == "advcl" and _finite(ch) and ch.right_edge.i + 1 < v.i \
                    and v.doc[ch.right_edge.i + 1].text == "," \
                    and not any(c.dep_ in ("mark", "advmod") and c.i < ch.i for c in ch.children) \
                    and any(c.dep_ in SUBJECTS for c in ch.children):
                return ch
    return best


def _hearer(v: Token, lemma: str, lex: dict[str, Any]) -> Token | None | Literal[False]:
    """The direct object of a verb with a prepositional content: None if it has none, the object if
    it is the one told (`warned residents of X`), False if it is what the verb is about
    (`complained about the heat` has none; `anyone who finds the heat ...` is not ours)."""
    obj = next((c for c in v.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if lemma in lex["hearer_object_verbs"] and obj.pos_ == "NOUN" and obj.i - v.i <= 4:
        return obj  # the public told of a risk; `warned Moscow about X` is one state's act towards another
    return False


def _prep_content(r: Reader, v: Token, preps: list[str], hearer: Token | None
                  ) -> tuple[Token, tuple[int, int]] | None:
    """What a verb's preposition names as said (`warned of serious consequences if X`), with a
    condition the parser hung on the verb; None where the phrase says how or when it was said.
    The preposition comes right after the verb, or after the one warned (the parser may hang it
    on either: `warned residents of X`)."""
    after = v if hearer is None else hearer
    heads = list(v.rights) + (list(hearer.rights) if hearer is not None else [])
    prep = next((c for c in heads if c.dep_ == "prep" and c.lower_ in preps), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None or obj.pos_ == "PRON" or prep.i != after.i + 1:
        return None
    last = obj.right_edge.i
    for c in v.rights:
        if c.i > last and c.dep_ == "advcl" and c.left_edge.lower_ in ("if", "unless") \
                and c.left_edge.i == last + 1 + (r.doc[last + 1].text == ","):
            last = c.right_edge.i
    while last > obj.i and (r.doc[last].is_punct or r.doc[last].is_space):
        last -= 1
    return prep, r.tok_range(obj.left_edge.i, last)


def _continues(c: Token, clause: Token, lex: dict[str, Any]) -> bool:
    """Whether `c`, a subjectless verb the parser joined to the verb of saying, goes on with the
    reported clause instead: a form of "be" or an auxiliary-built verb ("and was sinking", "and had
    fled") after a clause with its own subject; a sayer's next act is a plain verb ("and left")."""
    if any(x.dep_ in SUBJECTS for x in c.children) or c.lemma_.lower() in lex["speech_verbs"]:
        return False
    subject = next((x for x in clause.children if x.dep_ in SUBJECTS), None)
    # the verb must agree with the clause's subject, as it need not with the sayer ("two people had
    # been killed and was shaken" is the governor's state); "had" agrees with both and decides nothing
    return subject is not None and _agrees(c, subject) is True


def _agrees(c: Token, subject: Token) -> bool | None:
    """Whether verb `c`'s own form of "be" or "have" agrees in number with `subject` (None: no such
    form, or one like "had" that fits any subject)."""
    finite = c if c.lemma_ == "be" else next(
        (x for x in c.lefts if x.dep_ in ("aux", "auxpass") and x.lemma_ in ("be", "have")), None)
    if finite is None:
        return None
    form = finite.lower_
    many = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("we", "they") \
        or any(x.dep_ == "conj" for x in subject.children)
    if form in ("was", "is", "has"):
        return not many
    if form in ("were", "are", "have"):
        return many
    return None


def _finite(t: Token) -> bool:
    """Whether verb `t` is finite itself or through an auxiliary ("have withdrawn", "will hold")."""
    return t.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in t.children)


def after_semicolon(r: Reader, first: int, end: int) -> int:
    """Where a clause ending at `end` starts, if a semicolon before it closes an earlier one."""
    for k in range(end - 1, first - 1, -1):
        if r.doc[k].text == ";" and r.in_quote(r.doc[k]) is None:
            if any(_is_cue_word(r, t) for t in r.doc[first:k]):  # the clause before has its own sayer
                return k + 1
            return first
    return first


def _description_start(r: Reader, name: Token, lo: int) -> int | None:
    """ "Y, the head of the Georgian Legion, Mamuka Mamulashvili, said": where the office set before a
    sayer's name begins, so it is left out of Y (the name stays the source; the office resolves it)."""
    head = name.head
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # the name hung on "Legion" in "the head of the Georgian Legion"
    first = head.left_edge.i
    if name.dep_ != "appos" or name.pos_ != "PROPN" or head.pos_ != "NOUN" or head.i >= name.i \
            or head.lemma_.lower() not in r.lex["person_nouns"] or first - 1 < lo \
            or r.doc[first - 1].text != "," or r.doc[first].lower_ not in ("the", "a", "an", "its", "their"):
        return None
    if any(t.text == "," for t in r.doc[first:name.left_edge.i - 1]):
        return None
    return first


def _counted(v: Token, lex: dict[str, Any]) -> bool:
    """ "The UN mission has recorded 12,000 civilian deaths", "The report found 30 cases of X": a
    finding verb whose object is a number of things is the finder's figure, a claim to trace."""
    if v.lemma_.lower() not in lex["document_verbs"] and v.lemma_.lower() not in lex["counting_verbs"] \
            or v.dep_ in ("relcl", "acl", "amod"):
        return False
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None or any(c.dep_ in ("acl", "relcl") and c.tag_ == "VB" for c in obj.children):
        return False  # "found three ways to hit back": a means, not a count
    counts = [t for t in obj.subtree if t.like_num and (t.i == obj.i or t.head.i == obj.i)]
    # a number that is part of a name (`the Ginbot 7 movement`) counts nothing
    return any(t.ent_type_ in ("", "CARDINAL", "QUANTITY", "PERCENT", "MONEY") for t in counts)


def _is_cue_word(r: Reader, t: Token) -> bool:
    return t.pos_ == "VERB" and t.lemma_.lower() in r.lex["speech_verbs"] or t.lower_ == "according"


def _misread_relative(r: Reader, c: Token, last: int) -> int:
    """Where clause `c` ends once a relative clause the parser hung on the cue as a second clause is
    taken back ("said he wants to repeal provisions in the code that address Y": "that address Y"
    read as another thing said). Only a clause that opens right after `c`, with its relative
    pronoun as subject."""
    v = c.head
    if v.i == c.i:
        return last
    for ch in v.rights:
        if ch.i > c.i and ch.dep_ == "conj" and ch.left_edge.i == last + 1 and ch.pos_ in ("VERB", "AUX") \
                and r.doc[last].pos_ in ("ADJ", "NOUN", "NUM") and not any(
                    x.dep_ == "cc" and c.i < x.i < ch.i for x in v.children):
            return ch.right_edge.i  # "found that ammunition worth 800 million euros had reached X", split
        if ch.i <= c.i or ch.dep_ != "ccomp" or ch.left_edge.i != last + 1:
            continue
        rel = r.doc[last + 1]
        if rel.lower_ in ("that", "which", "who") and rel.dep_ in SUBJECTS and rel.head.i == ch.i \
                and r.doc[last].pos_ in ("NOUN", "PROPN"):
            return ch.right_edge.i
    return last


def _out_of_tense(c: Token, x: Token, joiners: tuple[str, ...] = ("but",)) -> bool:
    """ "said its forces had hit X, but gave no details": after `, but` a plain past verb joined to a
    reported clause told in the reported tense (`had hit`, `would hold`) is the sayer's next act."""
    shifted = any(a.dep_ == "aux" and a.lower_ in SHIFTED_AUX for a in c.children)
    return shifted and x.tag_ == "VBD" and x.doc[x.left_edge.i - 1].lower_ in joiners \
        and not any(a.dep_ in ("aux", "auxpass") for a in x.children)


SHIFTED_AUX = ("had", "would", "could", "might")


def _self_reported(v: Token, c: Token) -> bool:
    """A clause reported by `v` about its own sayer, in the sayer's tense: `China said it was opposed`,
    `she said she was`, `officials said they were` (not `police said he posed`)."""
    if c.tag_ != "VBD" or any(a.dep_ == "aux" and a.lower_ in SHIFTED_AUX for a in c.children):
        return False
    sayer = next((y for y in v.children if y.dep_ == "nsubj"), None)
    pronoun = next((y for y in c.children if y.dep_ in ("nsubj", "nsubjpass") and y.tag_ == "PRP"), None)
    if sayer is None or pronoun is None:
        return False
    said_by = pronoun.lower_
    if sayer.tag_ == "PRP":
        return sayer.lower_ == said_by or {sayer.lower_, said_by} == {"i", "we"}
    if said_by == "they":
        return sayer.tag_ in ("NNS", "NNPS")
    if said_by in ("he", "she"):
        return sayer.ent_type_ == "PERSON"
    return said_by == "it" and sayer.tag_ in ("NN", "NNP") and sayer.ent_type_ != "PERSON"


@lru_cache(maxsize=1)
def _sayers_verbs() -> frozenset[str]:
    """Verbs of a sayer's own next act (`and urged`, `but insisted`), built once, not per content."""
    lex = lexicon()
    return frozenset(lex["directive_verbs"]) | frozenset(lex["speech_verbs"])


@lru_cache(maxsize=1)
def _next_acts() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs of a speaker's own act joined to a report (`and thanked`, `and urged`), and the participles
    that end a reported clause (`, urging allies to act`), built once, not per content."""
    lex = lexicon()
    asks = frozenset(lex["sayer_next_acts"])
    return frozenset(lex["speaker_act_verbs"]) | asks, asks | frozenset(lex["speech_verbs"])


def _split_clause_end(r: Reader, v: Token, c: Token) -> int:
    """Where clause `c` of verb `v` ends when the parse cut it in two at a quoted word: `said he was
    "hopeful" a deal could be reached`, read as two clauses of `said` with only quote marks between."""
    end = c.right_edge.i
    while v.dep_ == "relcl" and end > c.i and r.doc[end].is_punct and r.doc[end].text not in QUOTE_CHARS:
        end -= 1  # "X, which officials say killed 12, hit a market": the comma closes the relative clause
    for x in v.children:
        between = r.doc[end + 1:x.left_edge.i]
        if x.dep_ != "ccomp" or x.left_edge.i <= c.right_edge.i or not all(t.is_punct for t in between):
            continue
        if all(t.text not in ",;:." for t in between) or [t.text for t in between] == [","] \
                and _elaboration(list(r.doc[x.left_edge.i:x.right_edge.i + 1]), r.lex):
            return x.right_edge.i  # "… injured, several of them children": the tail spells out the clause
    return c.right_edge.i


def _after_quote_lead(r: Reader, first: int, c: Token) -> int:
    """Where a quotation before its cue starts when the parser hung on it a phrase telling when or
    where it was said: `On Sunday, “we will not retreat,” Zelensky said`, `In a statement, “…,” the
    brigade said`. Other leads stay (`With thousands of systems, “there is no single point of
    failure,” he said`; `If it fails, “the valley will flood,” he warned`): the sayer's own framing."""
    doc = r.doc
    mark = next((t for t in doc[first:c.i] if t.text in QUOTE_CHARS), None)
    if mark is None or mark.i - first < 2 or doc[mark.i - 1].text != "," \
            or r.in_quote(doc[first]) is not None or r.in_quote(doc[mark.i + 1]) is None:
        return first
    lead = [t for t in doc[first:mark.i - 1] if not first <= t.head.i < mark.i - 1]
    if len(lead) != 1 or lead[0].dep_ not in ("prep", "npadvmod") or lead[0].head.i != c.i:
        return first
    words = [t for t in doc[first:mark.i - 1] if not t.is_punct]
    when = all(t.ent_type_ in ("DATE", "TIME") for t in words if t.pos_ != "ADP")  # `Last week`, `On Sunday`
    where = words[0].pos_ == "ADP" and any(  # `In a statement`, `In his address`
        t.head.i == words[0].i and t.lemma_.lower() in r.lex["statement_nouns"] for t in words)
    return mark.i if when or where else first


def content_span(r: Reader, c: Token, lo: int) -> tuple[int, int]:
    """Characters of clause `c`, without its complementiser."""
    first, last = max(c.left_edge.i, lo), c.right_edge.i
    v = c.head
    if c.dep_ == "ccomp" and v.i < c.i and v.lemma_.lower() not in r.lex["needs_addressee"] \
            and not any(x.dep_ in SUBJECTS or x.dep_ == "mark" for x in c.children):
        subject = next((x for x in v.children if v.i < x.i < c.i and (
            x.dep_ == "dobj" or x.dep_ == "npadvmod" and x.pos_ in ("NOUN", "PROPN")  # "said debris from a
            and not x.ent_type_ and r.in_quote(x) is None)), None)  # drone had hit": the subject, misread
        if subject is None:  # "said between 200 and 300 bodies had been recovered": read as a phrase
            subject = next((x for x in v.children if x.dep_ == "prep"
                            and x.i == v.i + 1 and x.right_edge.i == c.left_edge.i - 1
                            and any(n.like_num for n in x.subtree)), None)
        if subject is not None and subject.left_edge.i > v.i:  # "said radiation levels “remain normal”":
            first = max(subject.left_edge.i, lo)  # the clause's subject read as the verb's object
    if first - 1 > v.i and r.doc[first].like_num and r.doc[first - 1].lower_ in ("between", "from") \
            and r.doc[first - 1].head.i == v.i and not list(r.doc[first - 1].children):
        first -= 1  # "said between 10 and 15 vehicles were destroyed": the range's word, hung on the verb
    if c.dep_ == "ccomp" and v.i < c.i:
        last = max(last, _split_clause_end(r, v, c))
    sayers_verbs = _sayers_verbs()
    own_acts, ending_participles = _next_acts()
    # a verb joined to the clause, or to its predicate (`said it was concerned and called on X`)
    joined = [*c.rights, *(y for p in c.rights if p.dep_ in ("acomp", "attr") for y in p.rights)]
    acts = [x for x in joined if x.dep_ == "conj" and x.pos_ == "VERB" and x.i > c.i + 1
            and not any(y.dep_ in SUBJECTS for y in x.children) and r.doc[x.left_edge.i - 1].dep_ == "cc"
            and (r.doc[x.left_edge.i - 2].text == ","
                 and (x.lemma_.lower() in sayers_verbs or _out_of_tense(c, x))
                 # "said the killings could amount to war crimes and called on X", "had intensified
                 # shelling but declined to discuss Y": a plain past verb after a shifted tense
                 or x.lemma_.lower() in sayers_verbs and _out_of_tense(c, x, ("and", "but"))
                 # "said the group was studying it but insisted on guarantees": a new act of saying
                 or x.lemma_.lower() in r.lex["speech_verbs"] and r.doc[x.left_edge.i - 1].lower_ == "but"
                 # "said the situation was difficult and thanked soldiers": what a speaker does, not reports
                 or x.lemma_.lower() in own_acts and x.tag_ == "VBD"
                 and not any(y.dep_ in ("aux", "auxpass") for y in x.children)
                 # "China said it was opposed to the test and warned X to refrain": the clause's subject
                 # is the sayer, so a verb of saying with a clause of its own is the sayer's next report
                 # (`and rejected the accusations`, with no clause, stays part of what was said)
                 or x.lemma_.lower() in ending_participles and x.tag_ == "VBD" and _self_reported(v, c)
                 and not any(y.dep_ in ("aux", "auxpass") for y in x.children)
                 and any(y.dep_ in ("ccomp", "xcomp") for y in x.subtree if y.head.i == x.i or
                         y.head.dep_ == "prep" and y.head.head.i == x.i)
                 # "Putin says Islamists carried out attack but presses Ukraine link": the sayer's tense
                 or x.tag_ == "VBZ" and v.tag_ == "VBZ" and c.tag_ == "VBD"
                 and r.doc[x.left_edge.i - 1].lower_ in ("but", "and"))]
    if acts and any(y.dep_ in SUBJECTS for y in c.children):
        last = acts[0].left_edge.i - 2  # "said Russia had spent X, and urged citizens to Y": the sayer's act
        if r.doc[last].is_punct:
            last -= 1
    urging = next((x for x in c.rights if x.dep_ == "advcl" and x.tag_ == "VBG" and x.i == x.left_edge.i
                   and x.lemma_.lower() in ending_participles
                   and first < x.i <= last
                   and any(t.text == "," for t in r.doc[max(first, x.i - 3):x.i])), None)
    if urging is not None and v.i < c.i and r.in_quote(urging) is None:
        last = urging.i - 1  # "warned that X was “a step to war,” urging allies to act": the sayer's next act
        while last > first and r.doc[last].is_punct and r.doc[last].text not in QUOTE_CHARS:
            last -= 1
    mark = next((m for m in c.lefts if m.dep_ == "mark" and m.lower_ in ("that", "whether")), None)
    if mark is not None and mark.i > first:
        first = mark.i  # what the parser hung before the complementiser belongs to the main clause
    lead = r.doc[first]
    while lead.head.i not in (lead.i, c.i) and lead.head.left_edge.i == first:
        lead = lead.head  # "last month": the phrase, not its first word
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in lead.subtree)
    if lead.dep_ in ("prep", "npadvmod") and lead.head.i == c.i and dated \
            and any(s.dep_ in SUBJECTS and s.i > lead.right_edge.i for s in c.children):
        first = lead.right_edge.i + 1  # "said on Saturday they had ...": the date is the saying's
    if r.doc[first].lower_ == "that" and r.doc[first].dep_ == "det" and first < last:
        first += 1  # "wrote that power had been restored", "that" misread as a determiner
    elif r.doc[first].lower_ == "that" and first < last and r.doc[first].dep_ in ("dobj", "nsubj") \
            and any(x.dep_ in SUBJECTS and x.i != first and x.left_edge.i == first + 1 for x in c.children):
        first += 1  # "wrote in a post that Washington was playing with fire": read as the verb's object
    elif r.doc[first].lower_ == "that" and r.doc[first].dep_ == "advmod" and first < last \
            and not r.doc[first + 1].is_punct:
        first += 1  # "found that ammunition worth X had ...": a complementiser read as an adverb
    elif r.doc[first].lower_ == "that" and r.doc[first].head.i == c.i and c.dep_ in ("relcl", "acl") \
            and any(x.dep_ in SUBJECTS and x.i != first for x in c.children) and first < last:
        first += 1  # "told a briefing that the US will respond": a complementiser read as a relative word
    last = _misread_relative(r, c, last)
    last = _label_after(r, c, first, last)
    if r.doc[last].pos_ == "ADP" and not any(True for _ in r.doc[last].children) and c.head.i != c.i:
        # "says it killed X in Beirut strike": a headline the parser split, the preposition left
        # without its object, which it read as a second clause of the cue
        rest = next((ch for ch in c.head.rights if ch.i > last and ch.left_edge.i == last + 1), None)
        if rest is not None:
            last = rest.right_edge.i
    semi = next((t.i for t in r.doc[first + 1:last + 1] if t.text == ";" and r.in_quote(t) is None), None)
    if semi is not None and any(_is_cue_word(r, t) for t in r.doc[semi:last + 1]):
        last = semi - 1  # a semicolon closes the reported clause
    if r.doc[first].lower_ in RELATIVIZERS and r.doc[first].dep_ in SUBJECTS and first < last:
        first += 1  # "the strike, which the army said hit a depot": the relative pronoun stands outside
    while first < last and (r.doc[first].dep_ == "mark" and r.doc[first].head.i == c.i
                            and r.doc[first].lower_ in ("that", "whether", "if")
                            or r.doc[first].is_punct and r.doc[first].text not in QUOTE_CHARS):
        first += 1
    return r.tok_range(first, last)


def _label_after(r: Reader, c: Token, first: int, last: int) -> int:
    """Where a content ends before the label its verb gives it: `dismissed reports that X as "fake"`,
    the parser hanging `as "fake"` on X's own verb."""
    verb = c.head if c.head.pos_ == "VERB" else c.head.head
    if verb.lemma_.lower() not in r.lex["labelling_verbs"] or any(
            x.dep_ == "prep" and x.lower_ == "as" for x in verb.children):
        return last
    label = next((x for x in c.rights if x.dep_ == "prep" and x.lower_ == "as" and x.right_edge.i >= last - 1
                  and x.i > first + 2), None)
    if label is None or label.right_edge.i - label.i > 5:
        return last
    return label.i - 1


def _tokens_between(r: Reader, start: int, end: int) -> list[Token]:
    """The tokens wholly inside characters start..end (none where the range is empty)."""
    span = r.doc.char_span(start, end, alignment_mode="contract") if end > start else None
    return list(span) if span is not None else []


def adjacent_quote_before(r: Reader, region_start: int, sent_lo: int) -> Quote | None:
    """The quotation ending just before the cue region (`“…,” he said`)."""
    q = r.quotes.ending_before(region_start)
    if q is None or q.open_at < sent_lo - 2000:
        return None
    gap = r.text[q.close_end:region_start]
    return q if gap.strip(" ,\t") == "" and "\n" not in gap else None


def _lead_before_aside(r: Reader, content_tok: Token, lo: int, region_lo: int) -> tuple[int, int] | None:
    """The words of the reported clause before a cue set off by commas (`The bridge, | the governor
    said, | had been destroyed`); None where nothing of it stands before the cue."""
    if region_lo < 2 or r.doc[region_lo - 1].text != ",":
        return None
    start = max(content_tok.left_edge.i, lo)
    if not start < region_lo - 1 or r.in_quote(r.doc[start]) is not None \
            or any(_is_cue_word(r, t) for t in r.doc[start:region_lo]):
        return None
    return r.trim(*r.tok_range(start, region_lo - 1))


def _condition_before(r: Reader, v: Token, lo: int, region_lo: int) -> Token | None:
    """A condition opening the sentence and hung on the cue (`If X, the governor warned, …`)."""
    return next((c for c in v.lefts if c.dep_ == "advcl" and c.left_edge.i == lo
                 and c.right_edge.i + 2 == region_lo and r.doc[c.right_edge.i + 1].text == ","
                 and any(x.dep_ in SUBJECTS for x in c.children)
                 and _marked(c, r.lex["claim_condition_marks"])), None)


def _lead_belongs(r: Reader, clause: Token, lead: tuple[int, int]) -> bool:
    """Whether words before a cue set off by commas are part of the quotation after it: they hold its
    subject (`No ceasefire, he said, “will survive”`) or a condition on it (`If X is elected, he said,
    “…”`), not how or when it was said (`In an interview with X, he said, “…”`)."""
    words = [t for t in r.doc if lead[0] <= t.idx < lead[1]]
    if any(t.dep_ in SUBJECTS and t.head.i == clause.i for t in words):
        return True
    first = next((t for t in words if not t.is_punct), None)
    return first is not None and first.lower_ in r.lex["claim_condition_marks"] \
        and any(t.dep_ in SUBJECTS for t in words)


def adjacent_quote_after(r: Reader, after: int, limit: int) -> Quote | None:
    """The quotation opening right after the cue region (`he said: “…”`, `he said, “…”`)."""
    q = r.quotes.starting_after(after)
    if q is None:
        return None
    gap = r.text[after:q.open_at]
    if gap.strip() == ":" and gap.lstrip(" \t").startswith(":") and gap.count("\n") <= 2:
        return q  # a quotation set off in its own paragraph after a colon (`X reports:` ¶ `“…”`)
    if q.open_at > limit or "\n" in gap or any(ch in gap for ch in ".!?") or r.text[after - 1] in ".!?":
        return None
    if any(t.pos_ == "VERB" and t.lemma_.lower() in r.lex["speech_verbs"]
           for t in _tokens_between(r, after, q.open_at)):
        return None  # "a woman asked for a photo and Clinton said, “…”": the quotation is Clinton's
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", gap) if w.lower() != "that"]
    if words and words[0] in r.lex["clause_openers"]:
        return None  # "said that while Moscow was open to talks, “…”": the clause opens before the quote
    return q if gap.strip().endswith((",", ":")) or gap.strip() == "" else None


def _colon_block(r: Reader, region_end: int) -> tuple[int, int] | None:
    """The paragraph after a cue that closes its own with a colon (`X added:` ¶ words), when that
    paragraph is not itself a quotation (those are read as quotations)."""
    t = r.text
    k = region_end
    while k < len(t) and t[k] in " \t":
        k += 1
    if k >= len(t) or t[k] != ":":
        return None
    k += 1
    while k < len(t) and t[k] in " \t":
        k += 1
    if k >= len(t) or t[k] != "\n":
        return None
    while k < len(t) and t[k] in " \t\n\u00a0":
        k += 1
    end = t.find("\n", k)
    end = len(t) if end < 0 else end
    if k >= end or mark_at(t, k):
        return None
    s, e = r.trim(k, end)
    return (s, e) if len(t[s:e].split()) >= 3 else None


def _elaboration(words: list[Token], lex: dict[str, Any]) -> bool:
    """Whether a verbless tail spells out what came before it: `including a school`, `most of them
    Shaheds`, `eleven of them seriously` (cues.json `elaboration_openers`)."""
    low = [t.lower_ for t in words[:3]]
    if any(" ".join(low[:n]) in lex["elaboration_openers"] for n in (1, 2, 3)):
        return True
    return len(low) >= 3 and (words[0].like_num or words[0].pos_ == "NUM" or low[0] in QUANTIFIERS) \
        and low[1] == "of" and low[2] in ("them", "whom", "those")


QUANTIFIERS = {"most", "many", "some", "all", "half", "none", "several", "dozens", "hundreds", "thousands",
               "few"}


def _clause_after_aside(r: Reader, region_hi: int, sent: SpacySpan) -> tuple[int, int] | None:
    """The rest of a sentence whose cue stands set off by commas in its middle ("A, he said, until B"),
    where that rest is more of the same statement: a finite clause with no cue, relay or quotation."""
    k = region_hi + 1
    if k >= sent.end or r.doc[k].text != "," or _writers_comment(r, k, sent):
        return None
    words = [t for t in r.doc[k + 1:sent.end] if not (t.is_punct or t.is_space)]
    if len(words) < 3:
        return None
    j = k + 2 if r.doc[k + 1].lower_ in ("and", "but") else k + 1  # `A, he said, and “B”`: B is his too
    q = r.quotes.containing(r.doc[j].idx) if j < sent.end else None
    quoted = q is not None and q.open_at == r.doc[j].idx and q.close_end >= words[-1].idx + len(words[-1])
    if j > k + 1:
        words = [t for t in words if t.i >= j]  # the joining word is the writer's
    if not quoted and any(t.text in QUOTE_CHARS or r.in_quote(t) is not None for t in r.doc[k + 1:sent.end]):
        return None
    lex = r.lex
    if not quoted and _elaboration(words, lex):
        s, e = r.trim(*r.tok_range(words[0].i, words[-1].i))
        return (s, e)  # "A, the governor said, including a school": more of A
    if not quoted and words[0].lower_ in lex["context_openers"]:
        return None  # "A, officials said, after Belgium dropped its objections": the writer's setting
    if not quoted and words[0].tag_ == "VBG" and words[0].head.i < words[0].i:
        return None  # "A, the outlet reported, raising fears that B": the writer's note on what followed
    if any(r.in_quote(t) is None and (t.lemma_.lower() in lex["speech_verbs"] | lex["relay_verbs"]
                                      | lex["relay_participles"] or t.lower_ == "according") for t in words):
        return None
    if not quoted and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.pos_ in ("VERB", "AUX")
                              and any(c.dep_ in SUBJECTS for c in t.children) for t in words):
        return None  # a verbless tail ("…, in a statement") is how it was said; "…, “a stone where …”" is not
    s, e = r.trim(*r.tok_range(words[0].i, words[-1].i))
    return (s, e) if e - s >= 2 else None


def _asks(clause: Token, lemma: str, lex: dict[str, Any]) -> bool:
    """Whether a verb's clause asks rather than asserts: a question opened by "whether" (or by "if"
    after a verb of asking), or a request in the subjunctive ("asked that X be withheld")."""
    mark = next((m for m in clause.lefts if m.dep_ == "mark"), None)
    if mark is None:
        return False
    if mark.lower_ == "that" and lemma in lex["request_verbs"] and subjunctive(clause):
        return True  # "asked that his surname not be published": a request
    return mark.lower_ == "whether" or mark.lower_ == "if" and lemma in lex["question_verbs"]


def subjunctive(clause: Token) -> bool:
    """Whether a clause's verb is a bare subjunctive ("that Moscow withdraw", "that it not be used"):
    a base form, or "be" with a participle, and no tense or modal of its own."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in auxes) \
            or not any(c.dep_ in SUBJECTS for c in clause.children):
        return False
    return clause.tag_ == "VB" and not auxes or clause.tag_ == "VBN" and any(c.lower_ == "be" for c in auxes)


CharRange = tuple[int, int]


def _headline(sent: SpacySpan) -> bool:
    """Whether a sentence reads as a headline: a line with no closing full stop or mark."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text not in (".", "?", "!", '"', "”", ":")


def _names_a_place(p: Token, lex: dict[str, Any]) -> bool:
    """Whether a phrase names a place (a tagged place, or a word for a region, "near Kupiansk")."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in lex["place_nouns"]
               for t in p.subtree)


def _verbless_headline_clause(v: Token, lex: dict[str, Any]) -> tuple[Token, CharRange] | None:
    """A headline's clause without its copula ("U.S. says Islamic State alone to blame", "Kremlin says
    Kyiv responsible for attack"): the parser makes the clause's subject a second subject or the object
    of the verb, and its predicate the verb's complement or a modifier after the noun. Read only in
    a line with no closing full stop, as headlines are written."""
    if v.lemma_.lower() not in lex["speech_verbs"] or not any(c.dep_ in SUBJECTS and c.i < v.i
                                                              for c in v.children):
        return None
    if not _headline(v.sent):
        return None
    late = next((c for c in v.rights if c.dep_ in ("nsubj", "dobj") and c.pos_ in ("NOUN", "PROPN")), None)
    if late is None:
        return None
    doc = v.doc
    end = max(v.right_edge.i, late.right_edge.i)
    second = _next_report(v, lex)
    if second is not None and second > late.i:  # "UN says X, Israel disputes figure": not the clause's
        end = second - 2
    end = next((t.i - 1 for t in doc[late.i + 1:end + 1] if t.text == ";"), end)  # "...; group vows Y"
    words = [t for t in doc[late.i + 1:end + 1]
             if not (t.is_space or t.is_punct)]  # the predicate may hang under the subject ("alone to blame")
    pred = next((t for t in words if t.dep_ in ("xcomp", "acomp", "attr", "ccomp")
                 and (t.head.i in (v.i, late.i)
                      or t.head.head.i == late.i and t.head.dep_ in ("advmod", "amod"))
                 or t.dep_ == "amod" and t.pos_ == "ADJ" and t.head.i == late.i
                 # "UN says 2,000 civilians killed in Gaza": a headline's passive without its auxiliary
                 or t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i == late.i and t.i == late.i + 1
                 and not any(c.dep_ == "agent" for c in t.children)), None)
    if pred is None or any(t.is_punct for t in doc[late.i + 1:pred.i]):  # "said X, a physicist who is ..."
        return None
    return pred, (doc[late.left_edge.i].idx, words[-1].idx + len(words[-1].text))


def _report_goes_on(r: Reader, v: Token, k: int) -> bool:
    """Whether the sentence goes on at `k` with a participle of saying beside the cue `v`
    ("A, Blinken said on Tuesday, warning that B"): a second report of the same sayer, not the
    first's content."""
    if k >= len(r.doc) or r.doc[k].text != ",":
        return False
    nxt = next((t for t in r.doc[k + 1:] if not (t.is_punct or t.is_space)), None)
    return nxt is not None and nxt.tag_ == "VBG" and nxt.head.i in (v.i, v.head.i) \
        and nxt.lemma_.lower() in r.lex["speech_verbs"]


def _writers_comment(r: Reader, k: int, sent: SpacySpan) -> bool:
    """Whether the sentence closes at `k` with the writer's comment on the report before it:
    ", a claim that could not be independently verified", ", which Reuters could not verify"."""
    if k >= sent.end or r.doc[k].text != ",":
        return False
    words = [t for t in r.doc[k + 1:sent.end] if not (t.is_punct or t.is_space)]
    if len(words) < 2:
        return False
    noun = words[1] if words[0].lower_ in ("a", "an", "the") else words[0]
    if noun.lemma_.lower() in r.lex["comment_appositives"] and noun.dep_ not in SUBJECTS:
        return True
    return words[0].lower_ == "which" and any(t.lemma_.lower() in ("verify", "confirm") for t in words)


def _clause_goes_on(r: Reader, clause: Token | None, q: Quote) -> bool:
    """Whether the reported clause runs on past the quotation it opens with
    (`said that “A” against what B`): then the content is the clause, not the quotation."""
    if clause is None or q.segments[-1][0] < q.open_at + 1 or len(q.segments) > 1:
        return False
    tail = [t for t in r.doc[clause.left_edge.i:clause.right_edge.i + 1]
            if t.idx >= q.close_end and not t.is_punct and t.ent_type_ not in ("DATE", "TIME")]
    return len(tail) >= 3  # more than a date: "… on Tuesday" is the saying's


def quote_parts(q: Quote) -> list[tuple[int, int]]:
    return list(q.segments)


def _has_stop(r: Reader, start: int, end: int) -> bool:
    """Whether a sentence stop stands between two characters (a title's "Mr." is no stop)."""
    span = r.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return any(ch in r.text[start:end] for ch in ".!?")
    return any(t.text in (".", "!", "?", "...", "…") or t.text[:1] in "!?" for t in span)


def continuation(r: Reader, q: Quote, v_end: int) -> Quote | None:
    """The second half of a quote split around its cue: `“A,” he said, “B.”`."""
    nxt = r.quotes.starting_after(q.close_end)
    if nxt is None or nxt.open_at < v_end:
        return None
    gap = r.text[q.close_end:nxt.open_at]
    if len(gap) > 160 or "\n" in gap or _has_stop(r, q.close_end, nxt.open_at):
        return None
    speech = r.lex["speech_verbs"]
    if any(t.tag_ == "VBG" and t.lemma_.lower() in speech for t in _tokens_between(r, v_end, nxt.open_at)) \
            or _another_sayer(r, q.close_end, nxt.open_at, clauses_only=True):
        # `“A,” he said, adding, “B.”`: B is the participle's, an attribution of its own; `“A,” X says to
        # Y, who responds: “B”`: B is Y's
        return None
    if gap.rstrip().endswith((",", ":")):
        return nxt
    words = gap.rstrip().split()
    if len(words) >= 3 and words[-1].lower() in ("still", "also", "then", "even") \
            and words[-2].lower() in ("but", "and"):
        words = words[:-1]  # `“A,” he said, but also “B.”`
    joined = len(words) >= 2 and words[-1].lower() in ("but", "and") and words[-2].endswith(",")
    return nxt if joined else None  # `“A,” he said, but “B.”`


def via_of_verb(r: Reader, v: Token, subj: Token | None, via: list[tuple[int, int]],
                clause: Token | None = None) -> Token | None:
    """Relays around a verb: "told Reuters", "speaking to the BBC", "citing B", "in a statement
    carried by TASS", "through its agency". Returns the cited token."""
    lex = r.lex
    cited = None
    holders = [v] + ([subj] if subj is not None else [])
    if clause is not None:
        holders.append(clause)
    for h in holders:
        # "The newspaper, citing X, reported": the parser may hang the participle on the comma
        kids = list(h.children) + [g for c in h.children if c.is_punct for g in c.children]
        for ch in kids:
            if ch.dep_ == "prep" and ch.tag_ != "VBG" and h.i != (subj.i if subj is not None else -1):
                pobj = next((o for o in ch.children if o.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if (ch.lower_ in lex["channel_preps"] or ch.lower_ == "to" and ch.i == v.i + 1) \
                        and h.i == v.i and is_outlet(r, pobj) \
                        and (pobj.pos_ == "PROPN" or any(c.pos_ == "PROPN" for c in pobj.lefts)):
                    a, b, _ = r.np(pobj)  # "via Telegram", "confirmed to the BBC that ..."
                    via.append(r.tok_range(a, b))
                    if ch.lower_ == "to":
                        r.spoken.add(via[-1])
                elif pobj.lemma_.lower() in lex["statement_nouns"] or pobj.lower_ in lex["statement_nouns"]:
                    for acl in pobj.rights:
                        if acl.dep_ == "acl" and acl.lemma_ in lex["relay_participles"] and not any(
                                c.dep_ in SUBJECTS or c.dep_ == "mark" for c in acl.children):
                            # "a statement carried by TASS", not "a statement that the strike was carried
                            # out by its forces" (a clause the parser hung on the noun)
                            who = agent_of(acl)
                            if who is not None and not _platform(r, who):
                                a, b, _ = r.np(who)
                                via.append(r.tok_range(a, b))
                                r.spoken.add(via[-1])  # "the statement said" later came the same way
                                if clause is not None and h.i == clause.i and ch.i > clause.i:
                                    r.cuts.append(ch.i)  # the statement phrase is not part of the content
                    for w in pobj.rights:  # "in an interview with CNN", "in a comment to Radio Liberty"
                        o = next((x for x in w.children if x.dep_ == "pobj"), None)
                        if w.lower_ in ("with", "to") and o is not None and is_outlet(r, o):
                            a, b, _ = r.np(o)
                            via.append(r.tok_range(a, b))
                            r.spoken.add(via[-1])
                    if clause is not None and h.i == clause.i and ch.i > clause.i \
                            and r.doc[ch.i - 1].text == ",":
                        r.cuts.append(ch.i)  # "said X had Y, in an interview published on Thursday": how
                continue
            if subj is not None and h.i == subj.i and ch.dep_ == "acl" and ch.tag_ == "VBN" \
                    and ch.lemma_.lower() in lex["briefed_participles"] and r.doc[ch.i - 1].text == ",":
                who = agent_of(ch)  # "South Korean lawmakers, briefed by the NIS, said": the NIS speaks
                if who is not None and _source_like(r, who):
                    cited = who
                continue
            if ch.lemma_ in lex["relay_verbs"] and ch.tag_ == "VBG":
                obj = next((o for o in ch.children if o.dep_ in ("dobj", "pobj", "obj")), None)
                if ch.lemma_ == "refer":  # ", referring to the same intelligence,": only a source so set off
                    obj = next((o for p in ch.children if p.dep_ == "prep" and p.lower_ == "to"
                                for o in p.children if o.dep_ == "pobj"), None)
                    if obj is None or ch.dep_ not in ("advcl", "acl") or r.doc[ch.i - 1].text != "," \
                            or not _source_like(r, obj) or ch.i > v.i and (clause is None or clause.i < v.i):
                        continue  # `“A,” Trump said, referring to Kerry`: whom the quotation is about
                if obj is not None and ch.i > v.i and h.i != (subj.i if subj is not None else -1):
                    r.cuts.append(ch.i)  # ", citing B": the relay phrase is not part of the content
                if obj is not None and _source_like(r, obj):
                    cited = obj  # "citing sources in the ministry"; not "citing the importance of X"
            elif ch.lemma_ in lex["speak_to_verbs"] and ch.tag_ == "VBG":
                for p in ch.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "with"):
                        o = next((x for x in p.children if x.dep_ == "pobj"), None)
                        if o is not None and is_outlet(r, o):
                            a, b, _ = r.np(o)
                            via.append(r.tok_range(a, b))
                            r.spoken.add(via[-1])
    near = list(v.children) + (list(v.head.children) if v.dep_ in ("parataxis", "ccomp") else [])
    if clause is not None and clause.i > v.i:  # "said, as quoted by Interfax, that ...": hung on the clause
        near += [c for c in clause.children if v.i < c.i < clause.i and c.left_edge.i == v.i + 2]
    for ch in near:
        aside = ch.i < v.i and ch.left_edge.i > 0 and r.doc[ch.left_edge.i - 1].text == "," \
            and ch.right_edge.i + 1 < v.i and r.doc[ch.right_edge.i + 1].text == ","  # "X, as quoted by Y,"
        if ch.dep_ == "advcl" and (ch.i > v.i or aside) and ch.lemma_ in lex["relay_participles"] \
                and (any(m.dep_ == "mark" and m.lower_ == "as" for m in ch.children)
                     or ch.lemma_ == "quote" and ch.tag_ == "VBN" and r.doc[ch.i - 1].text == ","):
            who = agent_of(ch)  # "..., the minister said, as quoted by TASS"
            if who is not None:
                a, b, _ = r.np(who)
                via.append(r.tok_range(a, b))
                r.spoken.add(via[-1])
    saying = next((c for p in v.children if p.lower_ == "as" for c in p.children if c.lemma_ == "say"), None)
    if v.lemma_ == "quote" and saying is not None and agent_of(v) is None:
        who = agent_of(saying)  # "was quoted as saying by the agency KCNA that ...": the agent on "saying"
        if who is not None and is_outlet(r, who):
            a, b, _ = r.np(who)
            name = r.doc[b + 1] if b + 1 < len(r.doc) else None
            if name is not None and name.pos_ == "PROPN" and name.head.i == saying.i:
                b = name.i  # "the state news agency KCNA", the name read as the verb's object
            via.append(r.tok_range(a, b))
            r.spoken.add(via[-1])
    if v.lemma_ == "tell":
        for ch in v.children:
            if ch.dep_ in ("dative", "dobj", "iobj") and ch.i > v.i and is_outlet(r, ch):
                a, b, _ = r.np(ch)
                via.append(r.tok_range(a, b))
                r.spoken.add(via[-1])
    return cited


def is_evidence(tok: Token) -> bool:
    """Footage, imagery or data: what shows something but asserts nothing, never a sayer."""
    lex = lexicon()
    lemma = tok.lemma_.lower()
    return lemma in lex["footage_nouns"] or lemma in lex["imagery_nouns"]


def _source_like(r: Reader, tok: Token) -> bool:
    """Whether a noun can name who says something: a name, a person, a body, a document, an outlet."""
    lex = r.lex
    lemma = tok.lemma_.lower()
    if is_evidence(tok):
        return False  # "citing geolocated footage", "citing satellite images": evidence, not a sayer
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "PRODUCT", "WORK_OF_ART") or tok.pos_ == "PROPN":
        return True
    if lemma in lex["act_senses"] and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "citing the release of political prisoners": an event, not a press release
    kinds = ("person_nouns", "vague_nouns", "document_nouns", "media_nouns", "statement_nouns",
             "audience_nouns")
    if any(lemma in lex[k] or tok.lower_ in lex[k] for k in kinds):
        return True
    return any(lemma in words for words in lex["body_noun_classes"].values())  # "the air force"


def _is_media(r: Reader, tok: Token) -> bool:
    """A news outlet by name or description ("TASS", "the agency Interfax"), not any organisation."""
    a, b, _ = r.np(tok)
    return tok.lower_ in r.outlet_names or classify(r.doc[a:b + 1].text) == "media"


def _platform(r: Reader, tok: Token) -> bool:
    """A platform or the sayer's own account on one ("carried by its Telegram channel", "posted on
    X"): where the words were published, not a relay (our guidelines: `wrote on Telegram` has no via)."""
    words = {t.lower_ for t in tok.subtree}
    if words & set(r.lex["platforms"]):
        return True
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
    return own and tok.lemma_.lower() in r.lex["own_channel_nouns"]


def is_outlet(r: Reader, tok: Token) -> bool:
    """An addressee that relays (Reuters, the BBC, Iranian media), not an audience (reporters, a briefing)."""
    lex = r.lex
    named = tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts)
    if (tok.lower_ in lex["audience_nouns"] or tok.lemma_.lower() in lex["audience_nouns"]) and not named:
        return False  # "told the press", but "told The Associated Press"
    if tok.lower_ in lex["assembly_nouns"]:
        return False  # "told the Security Council", "in a speech to parliament": the ones who listened
    if tok.pos_ == "PROPN" and tok.lower_ in r.outlet_names:
        return True
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod")]
    if tok.pos_ == "NOUN" and any(c.pos_ == "PROPN" for c in mods) \
            and any(c.lower_ in lex["media_nouns"] or c.lower_ == "news" for c in mods):
        return True  # "the RBC news site", "the Interfax news portal"
    if named and tok.lower_ in lex["masthead_words"]:
        return True  # "told Frontline Wire", "the Kyiv Independent": a masthead, whatever the tagger says
    known = lookup_body(tok.text) if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" else None
    if known is not None and known[1] == "media":
        return True  # "told Politico": a known outlet the tagger took for a person
    if tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "NORP"):
        return False
    if tok.lower_ in lex["media_nouns"] or tok.lemma_.lower() in lex["media_nouns"]:
        return True
    return tok.ent_type_ in ("ORG", "PRODUCT", "WORK_OF_ART") or tok.pos_ == "PROPN"


def withheld(v: Token) -> bool:
    """A verb in "has neither confirmed nor denied" or "has not confirmed or denied": nothing said."""
    held = v
    while held.dep_ == "conj" and held.head.i != held.i:
        held = held.head

    def joined(x: Token) -> bool:  # joined to the first verb by "or"/"nor", not "and"/"but"
        cc = max((c for c in held.children if c.dep_ == "cc" and c.i < x.i), key=lambda c: c.i, default=None)
        return cc is not None and cc.lower_ in ("or", "nor")

    if v is held:
        paired = any(c.dep_ == "conj" and c.pos_ == "VERB" and joined(c) for c in held.children)
    else:
        paired = joined(v)
    if not paired:
        return False
    return any(c.dep_ == "neg" or c.dep_ == "preconj" and c.lower_ == "neither" for c in held.children)


def _rebuttal_aside(r: Reader, v: Token) -> bool:
    """ "X claimed Y, a claim the General Staff denied": the parse may make `denied` the sentence's verb,
    with `a claim` as a subject; the phrase is the writer's note on X's report, which the denier does
    not relay."""
    if v.lemma_.lower() not in r.lex["rebuttal_verbs"]:
        return False
    if v.dep_ == "relcl" and v.head.lemma_.lower() in r.lex["comment_appositives"]:
        return True  # "..., a claim officials dismissed as a lie"
    subjects = [c for c in v.lefts if c.dep_ == "nsubj"]
    if not subjects or subjects[0].left_edge.i == 0 or r.doc[subjects[0].left_edge.i - 1].text != ",":
        return False
    first = r.doc[subjects[0].left_edge.i]
    if first.lower_ in ("a", "an") and r.doc[first.i + 1].lemma_.lower() in r.lex["comment_appositives"]:
        return True  # "a claim officials dismissed", the noun read as a compound of the subject
    return len(subjects) >= 2 and subjects[0].lemma_.lower() in r.lex["comment_appositives"]


def _asks_anonymity(r: Reader, v: Token) -> bool:
    """ "who asked not to be named", "requested anonymity": the words after the verb ask for anonymity."""
    after = r.text[v.idx + len(v.text):v.idx + len(v.text) + 48].lstrip().lower()
    return after.startswith(_anonymity_requests())


@lru_cache(maxsize=1)
def _anonymity_requests() -> tuple[str, ...]:
    return tuple(load_data("learned_cues.json")["anonymity_requests"])


def verb_cue(r: Reader, v: Token, sent: SpacySpan, lo: int) -> Found | None:
    """An attribution hung on a verb of saying, or None where it asserts nothing reported."""
    lex = r.lex
    lemma = v.lemma_.lower()
    if lemma in lex["question_verbs"] and v.tag_ == "VBN" and v.dep_ in ("advcl", "csubj", "dep") \
            and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return None  # "Asked by reporters about X, Peskov said ...": the question, not a report
    if _asks_anonymity(r, v):
        return None  # "a commander, who asked not to be named, told X": how the sayer speaks, not a report
    via: list[tuple[int, int]] = []
    cue_last: Token | None = None
    source_tok: Token | None = None
    content_tok: Token | None = None
    obj_content: tuple[int, int] | None = None
    charge_parts: list[tuple[int, int]] = []
    subj = subject_of(v, lo)
    if subj is None and v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ") and v.head.tag_ == "VBG" \
            and v.head.dep_ in ("acl", "advcl"):
        # "CCTV showed footage of jets taking off and quoted X": a finite verb the parser joined to a
        # participle belongs with the finite verb above it, and shares its subject
        up = v.head.head
        while up.head.i != up.i and not (up.tag_ in ("VBD", "VBZ", "VBP") and subject_of(up, lo) is not None):
            up = up.head
        if up.tag_ == v.tag_:
            subj = subject_of(up, lo)
    if subj is None and v.i == lo and v.tag_ in ("VBD", "VBZ") and lemma in lex["speech_verbs"]:
        # "Said one commander, who gave only his call sign: “…”": the sayer after its verb, read as its object
        subj = next((c for c in v.rights if c.dep_ in ("dobj", "nsubj", "attr")
                     and c.pos_ in ("NOUN", "PROPN")), None)
    if subj is not None and r.in_quote(subj) is not None:  # "“…, full panic mode,” said X": the quote's words
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > v.i
                     and r.in_quote(c) is None), None)
    if subj is not None and subj.lower_ in RELATIVIZERS and v.dep_ == "relcl":
        subj = v.head  # "a suspect who ... said": the sayer is the noun the clause describes
    if subj is not None and r.doc[subj.left_edge.i].lower_ in NO_ONE:
        return None  # "No group has claimed responsibility", "Neither side has commented": no one said it
    if _upside_down_relative(r, v, subj):
        subj = v.head.head  # "Rwanda, which experts say has troops there, denied X": Rwanda denied
    if subj is None and v.head.lemma_.lower() in lex["question_verbs"] and v.head.i < v.i - 1 \
            and r.doc[v.i - 1].text == "," and v.dep_ in ("dep", "conj", "ccomp", "parataxis"):
        subj = subject_of(v.head, lo)  # "The Kremlin, asked about the report, said": "asked" read as the verb
    if subj is not None and subj.tag_ == "VBG" and subj.i > 0 and r.doc[subj.i - 1].text == ",":
        own = next((c for c in subj.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        if own is not None:  # "X, writing in an op-ed, argued": the participle read as the subject
            subj = own
    if subj is not None and subj.i < lo and not any(c.dep_ in ("appos", "conj") and c.i >= lo
                                                   for c in subj.rights):
        subj = None  # only a dateline: the sayer is the noun phrase before the verb
    front_clause = False
    if subj is not None and v.dep_ in ("advcl", "conj", "ccomp") and v.head.i < v.i:
        late = next((c for c in subj.rights if c.dep_ == "appos" and c.right_edge.i == v.i - 1
                     and r.doc[c.left_edge.i - 1].text == ","
                     and (c.ent_type_ in ("PERSON", "ORG") or c.lemma_.lower() in lex["person_nouns"])), None)
        if late is not None:  # "Y after a drone attack, governor X said": not the attack, X is the sayer
            subj = late
            front_clause = True

    if any(ch.dep_ == "mark" and ch.lower_ in lex["non_assertive_marks"] for ch in v.children):
        return None
    if subj is not None and lemma in lex["document_verbs"] and lemma not in lex["speech_verbs"] \
            and is_evidence(subj) \
            and not any(c.dep_ == "ccomp" and _finite(c) for c in v.children) \
            and not any(t.lemma_.lower() in lex["speech_verbs"] for t in v.subtree if t.i != v.i):
        # "Satellite images showed smoke": evidence, not a sayer ("images show that X" reads them as a
        # document; "videos show suspects saying X" still gives the shown speaker, its relay found here)
        return None
    if _rebuttal_aside(r, v):
        return None
    if lemma == "say" and v.i + 1 < len(r.doc) and r.doc[v.i + 1].lower_ == "to" \
            and r.doc[v.i + 1].dep_ == "aux" and r.doc[v.i + 1].head.dep_ == "xcomp" \
            and r.doc[v.i + 1].head.head.i == v.i:
        return None  # "Iran said to be supplying missiles": a headline's passive, no one says it
    if v.head.lemma_ == "be" and v.dep_ in ("xcomp", "advcl") and v.head.i < v.i \
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children):
        return None  # "the media are to blame for X": a verdict on them, not an act of saying
    held = v
    while held.dep_ == "conj" and held.head.i != held.i:
        held = held.head
    if held.dep_ == "xcomp" and held.head.lemma_.lower() in lex["refusal_verbs"]:
        return None  # "declined to confirm or deny the call": nothing was said
    if held is not v and held.lemma_.lower() in lex["refusal_verbs"] and v.tag_ in ("VB", "VBP") \
            and not any(c.dep_ in SUBJECTS for c in v.children) \
            and any(c.dep_ == "xcomp" and c.i < v.i for c in held.children):
        return None  # "declined to threaten X or even declare Y", the second verb hung on "declined"
    if withheld(v):
        return None  # "has neither confirmed nor denied", "has not confirmed or denied": nothing said
    if v.dep_ == "relcl" and v.head.lemma_.lower() in lex["comment_appositives"] \
            and v.head.left_edge.i > 0 and r.doc[v.head.left_edge.i - 1].text == ",":
        return None  # "…, a claim Yerevan denied": the writer's aside on the report before it
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in lex["directive_verbs"]:
        return None  # "urged citizens to report any attempt": asked for, not said
    if lemma in lex["relay_verbs"] and v.dep_ == "advcl" and v.head.lemma_.lower() in lex["speech_verbs"]:
        return None  # "A reported, citing B, that X": the cue is "reported", B its source
    if v.dep_ == "pcomp" and v.head.lower_ in lex["non_assertive_preps"]:
        return None  # "left without saying that ...": nothing was said
    if lemma not in lex["speech_verbs"] and lemma not in lex["belief_verbs"] and not _colon_cue(r, v):
        # "the survey found that ...": a document
        s0 = subject_of(v, lo)
        said = clause_child(v, lex)
        # a document's count (`the report found 30 cases`), or a counter's (`the mission has recorded
        # 12,000 deaths`; `rescuers had found three survivors` is what they did, not a count)
        counter = s0 is not None and _counted(v, lex) and not is_evidence(s0) and (
            s0.lemma_.lower() in lex["document_nouns"] or lemma in lex["counting_verbs"] and (
                s0.lemma_.lower() in lex["person_nouns"] | lex["vague_nouns"]
                or s0.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")))
        if not counter and (s0 is None or s0.lemma_.lower() not in lex["document_nouns"] or said is None
                            or said.i < v.i and any(c.dep_ in ("dobj", "dative", "attr") and c.i > v.i
                                                    for c in v.children)):
            return None  # "Blasts reported at a base, satellite images show jets": not what the images show
    told_passive = lemma in lex["needs_addressee"] and subj is not None and _is_media(r, subj) and \
        any(c.dep_ == "auxpass" for c in v.children)  # "As TASS was told by a source, Y": a relay
    if lemma in lex["needs_addressee"] and not told_passive \
            and not any(c.dep_ in ("dative", "dobj", "iobj") for c in v.children):
        return None  # "cannot tell how many": knowing, not telling
    # "quoted (by X) as saying", "quoted him as saying", "was reported by Reuters as saying"
    as_prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None) \
        if lemma in lex["quoted_as_verbs"] else None
    saying = next((c for c in as_prep.children if c.lemma_ == "say"), None) if as_prep else None
    if lemma == "quote" or saying is not None:
        if saying is None:
            return None
        cue_last = saying
        content_tok = clause_child(saying, lex) or clause_child(v, lex)
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is not None:  # active: "A quoted him as saying"
            source_tok = obj
            if subj is not None:
                a, b, _ = r.np(subj)
                via.append(r.tok_range(a, b))
        else:
            source_tok = subj
            if agent is not None:
                pobj = next((p for p in agent.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    a, b, _ = r.np(pobj)
                    via.append(r.tok_range(a, b))
                    r.spoken.add(via[-1])
    else:
        if v.head.lower_ == "as" and v.head.head.lemma_ in lex["quoted_as_verbs"]:
            return None  # the "saying" of "quoted as saying"
        if v.tag_ == "VBN" and v.dep_ in ("acl", "amod") and subj is None:
            if any(c.dep_ in ("auxpass", "agent") for c in v.children):
                return None  # "the deal announced by ..." names an act, not a statement
            if clause_child(v, lex) is None:
                # "Y, the outlet reported on Monday." misread as "the outlet (that was) reported"
                if v.head.left_edge.i == 0 or r.doc[v.head.left_edge.i - 1].text != "," or \
                        v.right_edge.i + 1 >= len(r.doc) or r.doc[v.right_edge.i + 1].text not in ",.;":
                    return None
                front_clause = True
            subj = v.head  # "Africa Corps ... posted on Telegram that ..." misread as a modifier
            named = next((c for c in subj.rights if c.dep_ == "appos" and c.right_edge.i + 2 == v.i
                          and r.doc[v.i - 1].text == ","), None)
            if named is not None and named.pos_ == "PROPN":
                subj = named  # "A group close to the Kremlin, the Africa Initiative, estimated": the name
            citing = subj.head
            if subj.dep_ == "dobj" and citing.lemma_ in lex["relay_verbs"] and citing.tag_ == "VBG" \
                    and citing.head.i < citing.i and citing.head.pos_ in ("PROPN", "NOUN"):
                a, b, _ = r.np(citing.head)  # "The Post, citing officials, reported" read as
                via.append(r.tok_range(a, b))  # "officials (who) reported": the Post relays
        elif v.tag_ == "VBG" and v.dep_ == "acl" and lemma != "say" \
                and v.head.lemma_.lower() not in lex["statement_nouns"] | lex["vague_nouns"] \
                and v.head.ent_type_ not in ("PERSON", "ORG", "NORP"):
            return None  # "intelligence confirming the claim": no one speaks
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if any(c.dep_ == "auxpass" for c in v.children) or (v.tag_ == "VBN" and subj is None):
            pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
            if pobj is None:
                return None  # "casualties were reported": a hedge with no sayer
            source_tok = pobj
            if told_passive:  # the outlet that was told relays
                a, b, _ = r.np(subj)
                via.append(r.tok_range(a, b))
                r.spoken.add(via[-1])
        content_tok = clause_child(v, lex)
        if content_tok is not None and _asks(content_tok, lemma, lex):
            return None  # "Reporters asked whether the talks would resume": a question asserts nothing
        if content_tok is None:
            headline = _verbless_headline_clause(v, lex)
            if headline is not None:
                content_tok, obj_content = headline
        if content_tok is not None and v.dep_ == "relcl" \
                and _upside_down_relative(r, content_tok, subject_of(content_tok)):
            # "Rwanda, which experts say has troops there, denied X": the experts' words end at the comma
            obj_content = r.tok_range(v.i + 1, content_tok.i - 2)
        nxt = r.doc[v.i + 1] if v.i + 1 < len(r.doc) else None
        if content_tok is None and v.dep_ == "relcl" and nxt is not None and nxt.dep_ == "conj" \
                and nxt.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in SUBJECTS for c in nxt.children):
            # "images it said showed the movement": the parser joined the reported verb to the main one
            content_tok = nxt
            obj_content = r.tok_range(nxt.i, nxt.right_edge.i)
        if content_tok is None and v.dep_ == "ccomp" and v.head.i > v.i:
            # "X had reported, citing Y, that Z": parsed upside down, Z's verb governing "reported"
            mark = next((c for c in v.head.children
                         if c.dep_ == "mark" and c.lower_ == "that" and c.i > v.right_edge.i), None)
            if mark is not None:
                content_tok = v.head
                obj_content = r.tok_range(mark.i + 1, v.head.right_edge.i)
        if lemma in lex["expression_verbs"]:
            noun = next((c for c in v.children if c.dep_ == "dobj" and c.lower_ in lex["expression_nouns"]),
                        None)
            if noun is None:
                return None
            cue_last = noun
            tail = [c for c in noun.rights if c.dep_ in ("prep", "acl", "ccomp")] + \
                   [c for c in v.rights if c.dep_ in ("prep", "ccomp") and c.i > noun.i]
            if tail:
                first, last = tail[0].left_edge.i, max(t.right_edge.i for t in tail)
                if r.doc[first].lower_ == "that" and r.doc[first].dep_ == "mark" and first < last:
                    first += 1  # "expressed concern that X": X
                obj_content = r.tok_range(first, last)
            content_tok = None
        elif lemma == "describe":
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            as_prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            pronoun = obj is not None and (obj.lower_ in lex["describe_pronouns"]
                                           or obj.lower_ in RELATIVIZERS and v.dep_ == "relcl")
            if pronoun and as_prep is not None:
                # "described it as X"; "a truce, which officials described as fragile": X alone
                cue_last = as_prep
                if as_prep.right_edge.i > as_prep.i:
                    obj_content = r.tok_range(as_prep.i + 1, as_prep.right_edge.i)
            elif obj is not None:
                last = max([obj.right_edge.i] + [c.right_edge.i for c in v.rights
                                                 if c.dep_ in ("prep", "advcl", "oprd") and c.i > obj.i])
                first = obj.left_edge.i + (r.doc[obj.left_edge.i].dep_ == "mark")  # a misread "that"
                obj_content = r.tok_range(first, last)
        elif content_tok is None and lemma in lex["prep_content_verbs"] and v.dep_ != "relcl" \
                and (hearer := _hearer(v, lemma, lex)) is not False:  # not "anyone who complains about it"
            found_prep = _prep_content(r, v, lex["prep_content_verbs"][lemma], hearer)
            if found_prep is not None:  # "warned of X": the preposition joins the cue, as "expressed concern"
                cue_last, obj_content = found_prep
                if hearer is not None:  # "warned residents of X": the cue stays the verb
                    cue_last = v
        elif content_tok is None and (lemma in lex["object_content_verbs"] or _counted(v, lex)):
            obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
            after = [] if obj is None else list(v.doc[obj.i + 1:v.right_edge.i + 1])
            after = after[:next((k for k, t in enumerate(after) if t.text in ",;:"), len(after))]
            figure = obj is not None and obj.lemma_.lower() in lex["figure_nouns"] \
                and any(t.like_num for t in after)
            if lemma == "put" and not figure:
                obj = None  # "put the toll at 11" reports a figure; "put pressure on", "put it higher" do not
            if obj is not None and lemma in lex["np_clause_verbs"] and _finite_after(v, obj):
                obj = None  # "claimed the army had shelled X" misparsed: the rest is read as a clause
            if obj is not None and obj.pos_ != "PRON":
                last = obj.right_edge.i
                if lemma == "put" and figure:  # "put the figure closer to 54,000 pages": up to the figure
                    num = [t for t in after if t.like_num][-1]
                    last = max(last, num.head.right_edge.i if num.dep_ in ("nummod", "quantmod") else num.i)
                linked = False
                counted = _counted(v, lex)
                for c in v.rights:
                    if c.i <= obj.i:
                        continue
                    if c.dep_ == "prep" and _frame_phrase(c, lex):
                        continue  # "accused X of Y in a statement on Monday": how and when it was said
                    if c.dep_ == "prep" and c.lower_ in lex["object_content_preps"]:
                        linked = True
                    if counted and c.dep_ == "prep" and c.i == last + 1:
                        last = c.right_edge.i  # "recorded 31 cases out of a billion votes": what was counted
                    if c.dep_ == "prep" and c.lower_ in ("in", "over", "during", "since") \
                            and c.i == last + 1 and any(x.like_num for x in obj.subtree) \
                            and any(o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj"):
                        last = c.right_edge.i  # "reported 1,200 losses in the past day": the figure's period
                    if c.dep_ == "prep" and c.i == last + 1 and _headline(v.sent) and _names_a_place(c, lex):
                        last = c.right_edge.i  # a headline's "claims capture of village in Donetsk region"
                    if linked and (c.dep_ in ("prep", "xcomp")
                                   or c.dep_ == "advcl" and c.left_edge.lower_ == "to"):
                        last = max(last, c.right_edge.i)
                        if c.lower_ == "at" and any(x.like_num for x in c.subtree):
                            break  # "put the toll at 11 late on Wednesday": the figure ends it
                while True:  # the parser hung "in a statement", "on Monday" inside the object
                    frame = next((t for t in v.doc[obj.i + 1:last + 1] if t.dep_ == "prep"
                                  and t.head.tag_ != "VBN" and t.right_edge.i >= last
                                  and _frame_phrase(t, lex)), None)
                    if frame is None:
                        break
                    last = frame.i - 1
                first = obj.left_edge.i + (r.doc[obj.left_edge.i].dep_ == "mark")  # a misread "that"
                obj_content = r.tok_range(first, last)
            if obj is None and subj is not None and subj.dep_ == "nsubjpass" and source_tok is not None \
                    and lemma in lex["charge_verbs"]:
                # "Both sides have been accused by rights groups of committing war crimes": who is
                # accused, then of what, around the cue and its sayer
                charge = next((c for c in [*v.rights, *source_tok.rights] if c.dep_ == "prep"
                               and c.lower_ in ("of", "for") and c.i > source_tok.i), None)
                if charge is not None and charge.right_edge.i > charge.i:
                    a, b, _ = r.np(subj)
                    asides = [t.left_edge.i - 2 for t in charge.subtree  # ", which they deny"
                              if t.dep_ == "relcl" and r.doc[t.left_edge.i - 1].text == ","]
                    end = min([charge.right_edge.i, *asides])
                    charge_parts = [r.tok_range(a, b), r.tok_range(charge.i, end)]

    r.cuts = []
    cited = via_of_verb(r, v, subj, via, content_tok)
    if source_tok is None:
        source_tok = subj
    relay_tok = source_tok  # the one who spoke, even where it cites another: its words bound the cue region
    if cited is not None:
        if (lemma == "quote" or saying is not None) and (subj is None or source_tok.i != subj.i):
            a, b, _ = r.np(cited)
            via.append(r.tok_range(a, b))
        else:
            if source_tok is not None:
                a, b, _ = r.np(source_tok)
                via.insert(0, r.tok_range(a, b))
            else:
                # "X, citing B, reported": the relayer before the participle; "Y, X said, citing B":
                # the relayer the parser joined to Y's list, before the verb
                after = cited.head.i > v.i
                left = r.np_left_of(v.i if after else cited.head.i, lo)
                if left is not None and after and not (left[0] - 1 > lo and r.doc[left[0] - 1].text == ","):
                    left = None
                if left is not None:
                    via.insert(0, r.tok_range(left[0], left[1]))
                    if after:
                        relay_tok = r.doc[left[2]]
            source_tok = cited
    participle = False
    if source_tok is None and v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "conj", "acl", "dep", "pcomp"):
        participle = True
    elif source_tok is None and v.head.lemma_.lower() in lex["xcomp_saying_heads"] and (
            v.dep_ == "xcomp" or v.dep_ == "advcl"
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)):
        participle = True  # "continues to insist that …": the subject of the verb it completes
    elif source_tok is None and v.dep_ == "conj":
        participle = True
        missed = r.np_left_of(v.i, lo)
        if missed is not None and missed[0] - 1 > lo and r.doc[missed[0] - 1].text == "," \
                and (content_tok is None or content_tok.i < v.i) \
                and not any(c.dep_ == "cc" for c in v.head.children if missed[0] <= c.i < v.i):
            # "Y ..., Korea's Intelligence Service said.": the sayer read as one more item of Y's list
            participle = False

    cue = cue_range(r, v, cue_last)
    # where the cue region (sayer and verb) lies, to find the quotation beside it
    region_lo = v.i
    for t in (source_tok, relay_tok):
        if t is not None and t.i < v.i and not participle:
            hung = any(c.dep_ in ("ccomp", "advcl", "parataxis") for c in t.lefts)  # a quotation's clause
            region_lo = min(region_lo, max(r.np(t)[0] if hung else min(t.left_edge.i, r.np(t)[0]), lo))
    for ch in v.lefts:
        if ch.dep_ in ("aux", "auxpass", "advmod", "neg") and r.in_quote(ch) is None:
            region_lo = min(region_lo, ch.i)  # not a quoted word the parser hung on the verb
        elif ch.dep_ in ("expl", "nsubjpass") and ch.lower_ == "it" and ch.i == v.i - 2:
            region_lo = min(region_lo, ch.i)  # "Y, it was reported by X": the empty subject is the cue's
    if source_tok is None and not participle:
        aside = next((c for c in v.lefts if c.dep_ == "advcl" and c.tag_ == "VBG"
                      and r.doc[c.left_edge.i - 1].text == "," and c.right_edge.i + 2 >= region_lo), None)
        if aside is not None:  # "a senior official, speaking on condition of anonymity, said"
            region_lo = min(region_lo, aside.left_edge.i - 1)
    left_np = r.np_left_of(region_lo, lo) if source_tok is None and not participle else None
    if left_np is not None:
        region_lo = _description_start(r, r.doc[left_np[2]], lo) or left_np[0]
    region_start = r.doc[region_lo].idx
    region_hi = (cue_last or v).i
    for ch in v.rights:
        if (ch.dep_ in ("nsubj", "prep", "npadvmod", "advmod", "dative", "agent", "prt")
                or ch.dep_ == "dobj" and lemma in lex["needs_addressee"]
                or ch.dep_ == "advcl" and ch.tag_ == "VBG" and ch.lemma_ in lex["relay_verbs"]) \
                and r.quotes.containing(ch.idx) is None and ch.i > region_hi \
                and (content_tok is None or ch.i != content_tok.i) \
                and not (ch.dep_ == "prep" and _elaboration(list(r.doc[ch.i:ch.right_edge.i + 1]), lex)):
            q = r.quotes.starting_after(r.doc[region_hi].idx)
            if q is not None and ch.right_edge.idx >= q.open_at:
                break
            if any(not (t.is_punct or t.is_space) for t in r.doc[region_hi + 1:ch.left_edge.i]):
                break  # "said radiation levels inside the shelter “remain normal”": the words between are Y's
            region_hi = ch.right_edge.i
    region_end = r.doc[region_hi].idx + len(r.doc[region_hi].text)

    content: tuple[int, int] | None = None
    parts: list[tuple[int, int]] = []
    direct = False
    content_root = content_tok.i if content_tok is not None else -1
    qb = adjacent_quote_before(r, region_start, sent.start_char)
    if qb is not None and not r.quote_opens_clause(qb):
        qb = None
    if qb is not None and qb.end > qb.start and r.text[qb.end - 1] == "." \
            and r.text[region_end:region_end + 2].lstrip().startswith(":"):
        qb = None  # `“B.” Mr. Zahed said: “C”`: a finished quotation before, his words after the colon
    relative = v.dep_ == "relcl"  # "anybody who complains ... “is not ...”": the quote is not its content
    if content_tok is not None and source_tok is not None and content_tok.i > v.i \
            and v.i < source_tok.i and source_tok.dep_ in SUBJECTS and source_tok.head.i != v.i \
            and content_tok.left_edge.i <= source_tok.i <= content_tok.right_edge.i:
        content_tok = None  # the sayer hung on a verb of its own description ("said the woman, who ...")
    nxt = continuation(r, qb, region_end) if qb is not None else None
    second_half = nxt is not None and content_tok is not None \
        and nxt.open_at <= content_tok.idx < nxt.close_end
    set_off = content_tok is not None and content_tok.i > v.i and content_tok.left_edge.i > 0 \
        and r.doc[content_tok.left_edge.i - 1].text == ","  # `“A,” X told Y, after B`: B is no report
    # `“A,” Trump said of Carrier, whose parent relocated jobs`: a clause after the verb with no subject
    # of its own is the parser's reading of a description, and the quotation is what was said
    subjectless = content_tok is not None and content_tok.i > v.i \
        and content_tok.tag_ in ("VBD", "VBZ", "VBP") \
        and not any(c.dep_ in (*SUBJECTS, "expl") for c in content_tok.children)
    if qb is not None and obj_content is None \
            and (content_tok is None or content_tok.i < v.i or second_half or set_off or subjectless):
        parts = quote_parts(qb)  # `“A,” he said, “B.”`, B perhaps parsed as the verb's clause
        if nxt is not None:
            parts += quote_parts(nxt)
        direct = True
    else:
        qa = adjacent_quote_after(r, region_end, sent.end_char + 2) if not relative else None
        if qa is not None and _manner_quote(r, v, qa):
            return None  # "would respond “considerably more severely”": how it will act, not words said
        if qa is not None and (content_tok is None or qa.open_at <= content_tok.idx < qa.close_end) \
                and obj_content is None and not _clause_goes_on(r, content_tok, qa):
            parts = quote_parts(qa)
            direct = True
            clause = content_tok if content_tok is not None else v.head if v.dep_ == "parataxis" \
                and qa.open_at <= v.head.idx < qa.close_end else None
            lead = _lead_before_aside(r, clause, lo, region_lo) if clause is not None else None
            if lead is not None and _lead_belongs(r, clause, lead):
                parts = [lead, *parts]  # `No ceasefire, he said, “will survive this”`: the clause's subject
            elif (cond := _condition_before(r, v, lo, region_lo)) is not None and r.in_quote(cond) is None:
                # "If the dam fails, the engineer warned, “the valley will flood”": the condition is his too
                parts = [r.trim(*r.tok_range(cond.left_edge.i, cond.right_edge.i)), *parts]
    if not parts and charge_parts:
        parts = charge_parts
    if parts:
        content = (parts[0][0], parts[-1][1])
        if len(parts) == 1:
            parts = []
    elif obj_content is not None:
        content = obj_content
    elif content_tok is not None and content_tok.i > v.i:
        content = content_span(r, content_tok, max(lo, v.i + 1))
        lead = _lead_before_aside(r, content_tok, lo, region_lo) \
            if region_hi + 1 < sent.end and r.doc[region_hi + 1].text == "," else None
        if lead is not None:
            # "These employees, the manager explained, were well paid": the clause's subject before the cue
            parts = [lead, r.trim(*content)]
            content = (parts[0][0], parts[1][1])
        cond = _condition_before(r, v, lo, region_lo)
        if cond is not None and not parts and region_hi + 1 < sent.end and r.doc[region_hi + 1].text == "," \
                and r.in_quote(cond) is None:
            # "If the bridge falls, the governor warned, the city will be cut off": the condition is his too
            parts = [r.trim(*r.tok_range(cond.left_edge.i, cond.right_edge.i)), r.trim(*content)]
            content = (parts[0][0], parts[1][1])
        listed = [c for c in v.rights
                  if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > content_tok.right_edge.i
                  and not any(x.dep_ in SUBJECTS for x in c.children)
                  and c.lemma_.lower() not in lex["speech_verbs"]]
        if listed and r.doc[listed[0].left_edge.i - 1].text == "," and content[1] <= listed[0].idx:
            # "told X that the men burst in, fired and threw ...": the list goes on in the parse's blind spot
            last = max(c.right_edge.i for c in listed)
            content = r.trim(content[0], r.tok_range(last, last)[1])
        goes_on = next((c for c in v.rights if c.dep_ == "conj" and c.i > content_tok.right_edge.i
                        and r.doc[c.left_edge.i - 1].lower_ == "and"
                        and _continues(c, content_tok, lex)), None)
        if goes_on is not None and content[1] <= goes_on.idx and r.in_quote(goes_on) is None:
            # "said the ship had been hit and was sinking": the clause's subject does both
            content = r.trim(content[0], r.tok_range(goes_on.right_edge.i, goes_on.right_edge.i)[1])
        second = next((c for c in v.rights if c.dep_ == "conj" and c.i > content_tok.right_edge.i
                       and r.doc[c.left_edge.i - 1].lower_ in ("and", "but")
                       and r.doc[c.left_edge.i].lower_ == "that"
                       and any(x.dep_ == "mark" and x.i == c.left_edge.i for x in c.children)), None)
        if second is not None and content[1] <= second.idx and r.in_quote(second) is None:
            # "told a news conference that he hoped to go but that no date had been set": a second
            # clause of what was told, which the parser joined to the verb of saying
            content = r.trim(content[0], r.tok_range(second.right_edge.i, second.right_edge.i)[1])
        quoted_more = next((c for c in v.rights if c.dep_ == "conj" and c.i > content_tok.right_edge.i
                            and r.doc[c.left_edge.i - 1].lower_ in ("and", "but")
                            and r.doc[c.left_edge.i].text in QUOTE_CHARS
                            and r.doc[c.left_edge.i - 2].text in QUOTE_CHARS and r.in_quote(c) is not None
                            and any(x.dep_ in SUBJECTS for x in c.children)), None)
        if quoted_more is not None and content[1] <= quoted_more.idx:
            # "claiming that fraud is “a big problem” but “nobody has the guts to say it”": the parser
            # joined the second quoted clause to the verb of saying; the sayer's words go on
            content = r.trim(content[0], r.tok_range(quoted_more.right_edge.i, quoted_more.right_edge.i)[1])
        marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in content_tok.children)
        also = next((c for c in v.rights if c.dep_ == "conj" and c.i > content_tok.right_edge.i
                     and r.doc[c.left_edge.i - 1].lower_ == "and" and not r.doc[c.left_edge.i - 2].is_punct
                     and any(x.dep_ in SUBJECTS for x in c.children) and _finite(c)
                     and c.lemma_.lower() not in lex["speech_verbs"]), None)
        if marked and also is not None and content[1] <= also.idx and r.in_quote(also) is None:
            # "said in a statement that there had been minor damage and no oil had leaked": the parser
            # joined the second clause of what was said to the verb of saying
            content = r.trim(content[0], r.tok_range(also.right_edge.i, also.right_edge.i)[1])
        subject = next((x for x in content_tok.children if x.dep_ in SUBJECTS), None)
        for c in content_tok.rights:  # a verb the parse joined to the reported clause, with no subject
            if c.dep_ != "conj" or r.in_quote(c) is not None \
                    or any(x.dep_ in SUBJECTS or x.dep_ in ("expl", "mark") for x in c.children):
                continue  # "... and that there was no damage": a clause of its own, still what was said
            joiner = r.doc[c.left_edge.i - 1].lower_
            sayers_state = joiner == "and" and subject is not None and source_tok is not None \
                and _agrees(c, subject) is False and _agrees(c, source_tok) is True  # "... and was shaken"
            left_out = joiner == "but" and c.lemma_.lower() in lex["unsaid_verbs"] \
                and any(x.dep_ == "neg" for x in c.children)  # "..., but did not name the site"
            if sayers_state or left_out:
                content = _cut_before_text(r, content[0], r.doc[c.left_edge.i - 1].idx)
                break
    elif content_tok is not None:
        first = after_semicolon(r, max(content_tok.left_edge.i, lo), region_lo)
        first = _after_quote_lead(r, first, content_tok)
        content = r.tok_range(first, region_lo - 1) if region_lo - 1 >= first else None
        rest = _clause_after_aside(r, region_hi, sent) if content is not None else None
        # the clause's own words end before the cue (`Though A, he said, B`: the cue hung inside A's clause)
        own_end = max((t.i for t in content_tok.subtree if not v.left_edge.i <= t.i <= v.right_edge.i),
                      default=content_tok.i)
        if rest is not None and own_end < region_lo:
            parts = [r.trim(*content), rest]
            content = (parts[0][0], rest[1])
    elif v.dep_ == "advcl" and any(c.lower_ == "as" and (c.dep_ == "mark" or c.dep_ == "prep" and c.i < v.i)
                                   for c in v.children) \
            and (lemma not in lex["needs_addressee"] or told_passive) \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp")  # "as X put it", not "just as X announced Y"
                        and c.lower_ not in lex["cue_objects"].get(lemma, ()) for c in v.children):
        head = v.head  # "As one analyst put it, Y" / "Y, as the ministry noted"
        first, last = max(head.left_edge.i, lo), head.right_edge.i
        opening = first
        while opening < v.left_edge.i and (r.doc[opening].is_punct or r.doc[opening].dep_ == "mark"):
            opening += 1  # "If, as his critics say, Y": the writer's "if" is no part of what was said
        if first < v.left_edge.i and v.right_edge.i < last and \
                any(not t.is_punct for t in r.doc[v.right_edge.i + 1:last + 1]):
            after = r.trim(*r.tok_range(v.right_edge.i + 1, last))
            if opening < v.left_edge.i:  # "The strike, as the governor said, was aimed at X": both halves
                parts = [r.trim(*r.tok_range(opening, v.left_edge.i - 1)), after]
                content = (parts[0][0], after[1])
            else:
                content = after
            content_root = head.i
        else:
            if v.left_edge.i <= first:
                first = v.right_edge.i + 1
            else:
                last = v.left_edge.i - 1
            if last > first:
                content, content_root = r.tok_range(first, last), head.i
    elif front_clause or v.dep_ in ("ccomp", "parataxis") and v.head.i < v.i \
            and lemma not in lex["needs_clause_only"]:
        head = v.head
        top = head
        final = all(t.is_punct or t.is_space for t in r.doc[region_hi + 1:sent.end])
        while final and top.dep_ == "conj" and top.head.i < top.i and top.head.i >= lo:
            top = top.head  # "A, but B, a source said.": the sayer closing the sentence asserts all of it
        if any(_is_cue_word(r, t) for t in r.doc[max(top.left_edge.i, lo):head.left_edge.i]):
            top = head
        first = after_semicolon(r, lo if front_clause else max(top.left_edge.i, lo), region_lo)
        if region_lo - 1 >= first and r.doc[region_lo - 1].is_punct:
            content = r.tok_range(first, region_lo - 1)
            content_root = head.i
            rest = _clause_after_aside(r, region_hi, sent)
            if rest is not None:  # "A, the agency said, and B." / "A, he said, until B."
                parts = [r.trim(*content), rest]
                content = (parts[0][0], rest[1])
    elif lemma in lex["np_clause_verbs"] and (source_tok is not None or v.dep_ == "conj" and participle
                                              and v.head.lemma_.lower() in lex["speech_verbs"]):
        # "The army confirmed the strike and said the depot supplied X": the second verb's clause too
        content, content_root = loose_clause(r, v, region_hi, sent)
    if content is None and not parts and not relative:
        content = _colon_block(r, region_end)  # "The governor added:" ¶ the paragraph he said
    if content is None and not parts and lemma not in lex["needs_clause_only"] and region_lo - 1 > lo \
            and r.doc[region_lo - 1].text == "," and (all(t.is_punct or t.is_space
                                                           for t in r.doc[region_hi + 1:sent.end])
                                                       or _writers_comment(r, region_hi + 1, sent)
                                                       or _report_goes_on(r, v, region_hi + 1)) \
            and not _frame_before(r, lo, region_lo - 1, v):
        content = r.tok_range(lo, region_lo - 1)  # "Y, the ministry said on Thursday." left unparsed
    parenthetical = False
    if content is None and not parts and source_tok is not None and region_lo - 1 > lo \
            and r.doc[region_lo - 1].text == "," and region_hi + 2 < sent.end \
            and r.doc[region_hi + 1].text == ",":
        # "..., where, he said, a window had been prepared": the report is the clause around the cue
        head = v.head if v.head.i != v.i else None
        end = head.right_edge.i if head is not None and head.i > v.i else sent.end - 1
        before_lo = head.left_edge.i if head is not None and head.i > v.i else region_lo - 1
        hung = _subject_hung_before(r, v, lo, region_lo, region_hi) if head is None else None
        if hung is not None:  # "These employees, X explained earlier, were well paid"
            before_lo = hung.left_edge.i
        opener = next((t for t in r.doc[region_hi + 2:end + 1] if not t.is_punct), None)
        if head is not None and head.i < v.i and v.dep_ == "conj" and opener is not None \
                and opener.lower_ in lex["context_openers"]:
            before_lo = head.left_edge.i  # "A, the agency estimated, though B": the cue joined to A's verb
        tail = [t for t in r.doc[region_hi + 2:end + 1] if not (t.is_punct or t.is_space)]
        if head is not None and head.i > v.i and head.dep_ == "appos" and _elaboration(tail, lex):
            before_lo = lo  # "A were wounded, X said, eleven of them seriously": A, spelled out after the cue
        after = r.trim(*r.tok_range(region_hi + 2, end))
        words = [t for t in r.doc[max(before_lo, lo):region_lo - 1]
                 if not t.is_punct and t.lower_ not in RELATIVIZERS
                 and (t.lower_ not in CONNECTIVES or _subordinator(t))]
        if words and opener is not None and opener.lower_ in lex["context_openers"] and any(
                _finite(t) and any(c.dep_ in SUBJECTS for c in t.children) for t in words):
            # "A fired missiles on Tuesday, the military said, hours before B": the writer's setting
            content = r.tok_range(words[0].i, region_lo - 2)
        elif after[1] - after[0] >= 2:
            parenthetical = True
            if words:
                parts = [r.trim(*r.tok_range(words[0].i, region_lo - 2)), after]
                content = (parts[0][0], after[1])
            else:
                content = after
    if content is None:
        return None
    if not parts or parenthetical:
        s, e = r.trim(*content)
        q = r.quotes.containing(s - 1) if s > 0 else None
        if q is not None and q.start == s and r.trim(q.start, q.end) == (s, e):
            direct = True
        elif s > 0 and r.text[s - 1] in "'‘" and r.text[e:e + 3].lstrip(",.!?")[:1] in ("'", "’") \
                and (s < 2 or not r.text[s - 2].isalnum()):
            direct = True  # 'They shell us day and night,' he said: single quotation marks
        content = (s, e)
    else:
        parts = [r.trim(a, b) for a, b in parts]
        content = (parts[0][0], parts[-1][1])
        if direct and len(parts) <= 1:
            content = r.trim(*content)
    for cut in r.cuts:
        if content[0] < r.doc[cut].idx < content[1]:
            content = _cut_before_text(r, content[0], r.doc[cut].idx)
    content = _drop_comment(r, content)
    if content[1] - content[0] < 2:
        return None
    if not direct and any(c.dep_ == "neg" for c in v.children) \
            and (r.text[content[0]:content[1]].split(" ", 1)[0].lower() in lex["open_question_words"]
                 or r.text[:content[0]].rstrip().rsplit(" ", 1)[-1].lower() in lex["open_question_words"]
                 or lemma in lex["unasserted_when_negated"]):
        return None  # "did not say what caused the blasts", "could not confirm the cargo": nothing asserted
    source = None
    relay = _citing_clause(r, source_tok) if source_tok is not None else None
    if relay is not None:  # "Y, as reported by CNN, which cited two officials": the officials speak
        a, _, _ = r.np(source_tok, via)
        via.insert(0, r.trim(*r.tok_range(a, relay[0].left_edge.i - 1)))
        source_tok = relay[1]
    if source_tok is not None:
        a, b, _ = r.np(source_tok, via)
        for ch in v.children:  # a second subject the parser split off: 'officer with the sign “Alex”'
            if ch.dep_ == "nsubj" and ch.i > source_tok.i and ch.left_edge.i <= b + 2 and ch.i < v.i \
                    and ch.lower_ not in RELATIVIZERS and ch.tag_ != "VBG" \
                    and (relay_tok is None or ch.i != relay_tok.i):  # "Citing X, Y reported": Y relays
                b = ch.right_edge.i
        source = r.tok_range(a, b)
        if content is not None and source[0] < content[0] < source[1]:
            # "was told by three sources familiar with the matter that X": the sayer ends where X begins
            first = next((t for t in r.doc[a:b + 1] if t.idx >= content[0]), None)
            if first is not None:
                k = first.i - 1
                while k > a and (r.doc[k].is_punct or r.doc[k].lower_ == "that" and r.doc[k].dep_ == "mark"):
                    k -= 1
                source = r.tok_range(a, k)
    elif not participle:
        if left_np is None:
            return None
        source = r.tok_range(left_np[0], left_np[1])
    sibling = participle or parenthetical or v.dep_ == "conj" or any(
        c.dep_ == "mark" and c.lower_ in lex["sibling_marks"] for c in v.children)
    return Found(cue=cue, content=content, source=source, via=via, direct=direct, parts=parts, anchor=v.i,
                 content_root=content_root, source_tok=source_tok.i if source_tok is not None else -1,
                 sent_start=lo, region=region_start, sibling=sibling,
                 spoken=any(x in r.spoken for x in via))


def _finite_after(v: Token, obj: Token) -> bool:
    """Whether a finite verb follows object `obj` of `v` outside a participle of `v`'s own
    (", saying ..."): then `obj` is more likely the subject of a clause the parser split off."""
    own = {t.i for c in v.rights if c.tag_ == "VBG" and c.i > obj.i for t in c.subtree}
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i not in own
               for t in v.doc[obj.i + 1:v.right_edge.i + 1])


def _frame_phrase(p: Token, lex: dict[str, Any]) -> bool:
    """A phrase on the verb that tells how or when something was said ("in a statement", "on
    Telegram", "on Monday", "at a briefing"), not what was said."""
    pobj = next((o for o in p.children if o.dep_ == "pobj"), None)
    if pobj is None:
        return False
    low = pobj.lemma_.lower()
    # "on Monday" dates the saying; "in the past day" scopes what is reported ("1,200 losses in the past day")
    return low in lex["statement_nouns"] or low in lex["audience_nouns"] or low in lex["platforms"] \
        or pobj.ent_type_ in ("DATE", "TIME") and p.lower_ == "on" \
        or p.lower_ == "through" and low in lex["representative_nouns"] \
        or low == "condition" and "anonymity" in {t.lower_ for t in pobj.subtree}  # "through a spokeswoman",
    # "on condition of anonymity": how it was said


def _upside_down_relative(r: Reader, v: Token, subj: Token | None) -> bool:
    """ "Rwanda, which U.N. experts say has troops there, denied X", parsed with "denied" as what the
    experts say and "which" as its subject: a verb after a comma whose relative subject stands before
    the saying verb of a relative clause on the name."""
    return subj is not None and subj.lower_ in RELATIVIZERS and v.dep_ == "ccomp" \
        and v.head.dep_ == "relcl" and subj.i < v.head.i < v.i and v.i - 1 > v.head.i + 1 \
        and r.doc[v.i - 1].text == "," and v.head.head.pos_ in ("PROPN", "NOUN")


def _manner_quote(r: Reader, v: Token, q: Quote) -> bool:
    """A quotation right after a verb of responding that only says how (`would respond “considerably
    more severely”`): its words hang on the verb as a modifier, with no clause or colon of their own."""
    if v.lemma_.lower() not in r.lex["response_verbs"] or r.text[r.doc[v.i].idx:q.open_at].rstrip().endswith(
            (":", ",")):
        return False
    span = r.doc.char_span(q.open_at + 1, q.close_end - 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.head.i == v.i and root.dep_ in ("advmod", "npadvmod", "prep", "acomp", "oprd") \
        and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)


def _frame_before(r: Reader, lo: int, comma: int, v: Token) -> bool:
    """Whether the words before the sayer are one phrase on the verb telling where or when it was
    said ("In a subsequent interview with The New York Times, she joked ..."), not what."""
    first = r.doc[lo]
    return first.pos_ == "ADP" and first.head.i == v.i and first.right_edge.i >= comma - 1


def _subject_hung_before(r: Reader, v: Token, lo: int, region_lo: int, region_hi: int) -> Token | None:
    """The subject of a reported clause set before its parenthetical cue, which the parse hung on
    the verb of saying while it joined the rest of the clause to it: `These employees, X explained
    earlier in the hearing, were well paid`. After the cue's comma comes a finite verb that has no
    subject of its own."""
    first = r.doc[region_hi + 2] if region_hi + 2 < len(r.doc) else None
    if first is None or r.doc[region_hi + 1].text != "," or first.tag_ not in ("VBD", "VBZ", "VBP", "MD") \
            or any(x.dep_ in SUBJECTS for x in first.children):
        return None
    return next((x for x in v.lefts if x.pos_ in ("NOUN", "PROPN") and x.dep_ in ("npadvmod", "dep", "dobj")
                 and x.right_edge.i == region_lo - 2 and x.left_edge.i >= lo), None)


def _next_report(v: Token, lex: dict[str, Any]) -> int | None:
    """Where a second report joined to `v` after a comma begins (`UN says X, Israel disputes figure`)."""
    second = next((c for c in v.rights if c.dep_ == "parataxis" and c.lemma_.lower() in lex["speech_verbs"]),
                  None)
    opening = next((x.i for x in second.subtree if not x.is_punct), None) if second is not None else None
    return opening if opening is not None and v.doc[opening - 1].text == "," else None


def loose_clause(r: Reader, v: Token, region_hi: int, sent: SpacySpan) -> tuple[tuple[int, int] | None, int]:
    """A clause the parser did not hang on its verb of saying ("has said the information ... was general"):
    the rest of the sentence, if it holds a finite verb of its own."""
    first = region_hi + 1
    if v.lemma_ == "tell":
        addressee = next((c for c in v.children if c.dep_ in ("dative", "dobj", "iobj") and c.i > v.i), None)
        if addressee is None:
            return None, -1
        first = max(first, addressee.right_edge.i + 1)
    last = sent.end - 1
    semi = next((t.i for t in r.doc[first:last + 1] if t.text == ";" and r.in_quote(t) is None), None)
    if semi is not None:  # "X claims Y; Pentagon says Z": a semicolon closes the clause
        last = semi - 1
    second = _next_report(v, r.lex)
    if second is not None and first + 1 < second <= last:  # "UN says X, Israel disputes figure"
        last = second - 2
    while last >= first and (r.doc[last].is_punct or r.doc[last].is_space):
        last -= 1
    if last <= first or r.in_quote(r.doc[first]) is not None:
        return None, -1
    finite = next((t for t in r.doc[first:last + 1] if t.tag_ in ("VBD", "VBZ", "VBP", "MD")
                   or _past_read_as_participle(t, first)), None)
    if finite is None or r.doc[first].pos_ in ("ADP", "VERB", "AUX", "PUNCT", "SCONJ") \
            or r.doc[first].tag_ == "WRB" and r.doc[first].head.tag_ == "VBN":
        return None, -1  # not "told MSNBC when asked about X": the question, not the answer
    return r.tok_range(first, last), finite.i


def _past_read_as_participle(t: Token, first: int) -> bool:
    """A past tense the tagger read as a participle modifying the object ("said the depot supplied
    Russian forces"): right after a noun, with an object of its own after it and no auxiliary."""
    doc = t.doc
    return t.tag_ == "VBN" and t.dep_ == "amod" and t.i > first and doc[t.i - 1].pos_ in ("NOUN", "PROPN") \
        and t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("ADJ", "NOUN", "PROPN", "DET", "NUM") \
        and not any(c.dep_ in ("aux", "auxpass") for c in t.children)


def _set_off(r: Reader, span: SpacySpan, t: Token, at: int) -> bool:
    """Whether the phrase headed by `t` closes `span`, set off by a comma before token `at` (or by one
    inside the closing quote mark before it: `struck “facilities,” a claim that …`)."""
    before = r.doc[at - 1]
    comma = before.text == "," or before.text in QUOTE_CHARS and r.doc[at - 2].text == "," \
        and r.in_quote(r.doc[at - 2]) is not None and r.in_quote(t) is None
    return t.i > span.start + 2 and comma and t.right_edge.i >= span.end - 1


def _marked(t: Token, words: Any) -> bool:
    """Whether clause `t` opens with one of `words` as its subordinator ("after", "though")."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in t.children)


def _drop_comment(r: Reader, content: tuple[int, int]) -> tuple[int, int]:
    """Drop the writer's own aside closing a content: "..., a claim that could not be verified"."""
    span = r.doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return content
    lex = r.lex
    framing = lex["framing_participles"]
    for t in span:
        opening = r.doc[t.left_edge.i].idx
        if t.dep_ == "advcl" and t.left_edge.i > span.start + 2 and _set_off(r, span, t, t.left_edge.i):
            if _is_cue_word(r, t) and _marked(t, lex["context_openers"]) \
                    and any(c.dep_ in SUBJECTS for c in t.children):
                return _cut_before_text(r, content[0], opening)  # "..., after Moscow accused X"
            if _marked(t, ("after", "before")) and any(
                    c.dep_ == "npadvmod" and c.lemma_.lower() in lex["lapse_nouns"] for c in t.children):
                return _cut_before_text(r, content[0], opening)  # "..., hours after X did Y"
        if t.lower_ == "in" and _set_off(r, span, t, t.i) and t.i + 1 < len(r.doc) \
                and r.doc[t.i + 1].lower_ == "what" \
                and any(_is_cue_word(r, x) or x.tag_ == "VBN" and x.lemma_.lower() in framing
                        for x in r.doc[t.i + 2:t.right_edge.i + 1]):
            return _cut_before_text(r, content[0], t.idx)  # ", in what officials described as X", "seen as"
        if t.dep_ == "advcl" and t.lemma_.lower() == "do" and _marked(t, ("as",)) \
                and _set_off(r, span, t, t.left_edge.i) \
                and any(c.dep_ in SUBJECTS and c.i < t.i and c.pos_ == "PRON" for c in t.children):
            return _cut_before_text(r, content[0], opening)  # ", as it routinely does when X": the writer's
        if t.dep_ == "advcl" and _set_off(r, span, t, t.left_edge.i) and _marked(t, ("though", "although")) \
                and any(c.dep_ == "neg" or c.dep_ == "dobj" and any(x.lower_ == "no" for x in c.children)
                        for c in t.children) \
                and any(c.dep_ == "dobj" and c.lemma_.lower() in lex["evidence_nouns"] for c in t.children):
            return _cut_before_text(r, content[0], opening)  # ", though it showed no proof"
        noted = lex["comment_appositives"]
        if t.dep_ == "advcl" and _set_off(r, span, t, t.left_edge.i) and _marked(t, ("though", "although")) \
                and any(c.dep_ in SUBJECTS and c.lemma_.lower() in noted for c in t.children) \
                and (any(c.dep_ == "neg" for c in t.children) or t.lemma_.lower() in ("verify", "confirm")
                     and any(x.lower_ in lex["unverified_words"] for x in t.subtree)):
            return _cut_before_text(r, content[0], opening)  # ", though the figure could not be verified"
        if t.dep_ == "relcl" and _set_off(r, span, t, t.left_edge.i) \
                and r.doc[t.left_edge.i].lower_ == "which" and t.lemma_.lower() in lex["rebuttal_verbs"] \
                and any(c.dep_ in SUBJECTS for c in t.children):
            return _cut_before_text(r, content[0], opening)  # "..., which Russia denies": the writer's note
        if t.lower_ == "in" and t.dep_ == "prep" and _set_off(r, span, t, t.i) and any(
                o.dep_ == "pobj" and o.lemma_.lower() in lex["statement_nouns"] | lex["posted_nouns"]
                and any(x.dep_ == "acl" and x.tag_ == "VBN" for x in o.children) for o in t.children):
            return _cut_before_text(r, content[0], t.idx)  # "..., in a list posted on its website": how
        if t.lower_ == "without" and _set_off(r, span, t, t.i) and t.i + 1 < len(r.doc) \
                and r.doc[t.i + 1].lower_ in lex["saying_manner_after_without"]:
            return _cut_before_text(r, content[0], t.idx)  # "..., without presenting evidence"
        if t.tag_ == "VBG" and t.dep_ == "advcl" and _set_off(r, span, t, t.i) \
                and t.lemma_.lower() in lex["sayer_participles"] \
                and any(c.dep_ == "dobj" and (c.lower_ in ("it", "them", "this") or c.lemma_.lower()
                                              in lex["comment_appositives"] | {"report", "rumour", "rumor"})
                        for c in t.children):
            return _cut_before_text(r, content[0], t.idx)  # "denied that X, calling it fiction": the sayer's
        if t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") and _set_off(r, span, t, t.i) \
                and t.lemma_.lower() in lex["stance_participles"] \
                and any(c.dep_ == "dobj" and (c.lemma_.lower() in lex["statement_nouns"] | lex["claim_nouns"]
                                              or c.lemma_.lower() in lex["comment_appositives"]
                                              or c.ent_type_ in ("ORG", "PERSON", "NORP"))
                        for c in t.children):
            return _cut_before_text(r, content[0], t.idx)  # ", contradicting a report that ...": framing
        if t.lemma_.lower() in lex["comment_appositives"] and _closing_rebuttal(r, span, t):
            return _cut_before_text(r, content[0], r.doc[t.i - 2].idx)
        if t.lemma_.lower() not in lex["comment_appositives"] or not _set_off(r, span, t, t.left_edge.i):
            continue
        if t.dep_ in ("appos", "npadvmod", "dobj", "attr", "conj") and any(
                (c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBN")  # "a claim contradicted by X"
                and c.lemma_.lower() in lex["speech_verbs"] | lex["rebuttal_verbs"]
                | set(lex["refusal_verbs"]) for c in t.children):
            return _cut_before_text(r, content[0], opening)  # "a charge its lawyers deny" (or declined to)
        if t.dep_ in ("appos", "npadvmod") \
                and any(x.dep_ == "neg" or x.lower_ in lex["unverified_words"] for x in t.subtree):
            return _cut_before_text(r, content[0], opening)  # "a claim that could not be verified"
    return content


def _closing_rebuttal(r: Reader, span: SpacySpan, t: Token) -> bool:
    """ "…, a claim Ukraine's military did not immediately confirm" read word by word where the parse
    lost the relative clause: `, a claim` and, to the end, someone's verb of saying or denying."""
    lex = r.lex
    det = r.doc[t.i - 1] if t.i > span.start else None
    if det is None or det.lower_ not in ("a", "an") or det.i - 1 <= span.start \
            or r.doc[det.i - 1].text != ",":
        return False
    rest = r.doc[t.i + 1:span.end]
    verbs = lex["speech_verbs"] | lex["rebuttal_verbs"] | set(lex["refusal_verbs"])
    return 0 < len(rest) <= 12 and all(r.in_quote(x) is None for x in rest) \
        and any(x.pos_ in ("VERB", "AUX") and x.lemma_.lower() in verbs for x in rest)


def _cut_before_text(r: Reader, start: int, end: int) -> tuple[int, int]:
    while end > start and (r.text[end - 1].isspace() or r.text[end - 1] in ",;—–-"):
        end -= 1
    return r.trim(start, end)


def _relayed_by(r: Reader, k: int) -> tuple[tuple[int, int], int] | None:
    """After the source of "according to X" ending at token `k`: ", (as) cited by Y" or ", quoted by Y",
    the outlet relaying X's words. Returns Y's character range and the token the relay phrase ends at."""
    doc = r.doc
    j = k + 1
    if j >= len(doc) or doc[j].text != ",":
        return None
    j += 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "as")
    if j + 2 >= len(doc) or doc[j].tag_ != "VBN" or doc[j].lemma_.lower() not in r.lex["relay_participles"] \
            or doc[j + 1].lower_ != "by":
        return None
    obj = next((c for c in doc[j + 1].children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    a, b, _ = r.np(obj)
    return r.tok_range(a, b), obj.right_edge.i


def phrase_cue(r: Reader, tok: Token, sent: SpacySpan, lo: int) -> Found | None:
    """ "according to X" and ", per X": the content is the rest of the clause the phrase sits in."""
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            return None
        obj = max((c for c in to.children if c.dep_ == "pobj"), key=lambda c: c.i, default=None)
        if obj is None and to.right_edge.i > to.i and to.right_edge.pos_ in ("NOUN", "PROPN"):
            obj = to.right_edge  # "according to show insiders", the noun read as a verb's object
        last_cue = to
    else:
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        last_cue = tok
        prev = r.doc[tok.i - 1] if tok.i > 0 else None
        opening = tok.i == lo and obj is not None and obj.right_edge.i + 1 < len(r.doc) \
            and r.doc[obj.right_edge.i + 1].text == "," and _source_like(r, obj)  # "Per the Kremlin, Y"
        if obj is None or not opening and (prev is None or prev.text not in (",", "—", "–")) \
                or obj.pos_ == "NUM":
            return None
    if obj is None or obj.lemma_.lower() in r.lex["not_sources_after_according_to"]:
        return None  # "proceeding according to plan": a norm, not a sayer
    via: list[tuple[int, int]] = []
    a, b, _ = r.np(obj, via)
    if obj.head.dep_ == "pcomp":
        a = min(a, last_cue.i + 1)
    phrase_lo, phrase_hi = tok.i, obj.right_edge.i
    relay = _citing_clause(r, obj)
    if relay is not None:  # "according to outlet X, which cited sources in Y": Y speaks, X relays
        clause, cited = relay
        via.insert(0, r.trim(*r.tok_range(a, clause.left_edge.i - 1)))
        obj = cited
        a, b, _ = r.np(cited, via)
    relayed = _relayed_by(r, phrase_hi)
    if relayed is not None:  # "according to data from the exchange, cited by Interfax": Interfax relays
        via.append(relayed[0])
        phrase_hi = relayed[1]
    described = next((c for c in obj.rights if c.dep_ == "appos" and c.left_edge.i == b + 2
                      and c.right_edge.i + 1 < len(r.doc) and r.doc[c.right_edge.i + 1].text == ","), None)
    if described is not None:
        phrase_hi = described.right_edge.i  # "According to X, a resident who fled, Y": X described
    elif phrase_lo <= lo and phrase_hi > b + 1 and r.doc[b + 1].text == "," and relayed is None:
        phrase_hi = b  # "According to X, the move reeks ...": the parser hung the clause on X
    if phrase_lo <= lo and not any(t.text == "," for t in r.doc[last_cue.i + 1:a]):
        a = last_cue.i + 1  # "According to harbour master Ana Ruiz,": all of it names the source
    head = tok.head
    # the clause the phrase qualifies
    c_lo, c_hi = max(head.left_edge.i, lo), head.right_edge.i
    if head.i == tok.i:
        c_lo, c_hi = lo, sent.end - 1
    words = [t.i for t in sent if not (t.is_punct or t.is_space) or t.text in QUOTE_CHARS]
    if words and phrase_hi >= words[-1]:  # "Y, according to X."
        first, last = lo, phrase_lo - 1
    elif phrase_lo <= lo:  # "According to X, Y."
        first, last = phrase_hi + 1, sent.end - 1
        semi = next((t.i for t in r.doc[first:last + 1] if t.text == ";" and r.in_quote(t) is None), None)
        if semi is not None and any(_is_cue_word(r, t) for t in r.doc[semi:last + 1]):
            last = semi - 1  # "According to X, Y; Seoul puts the number at Z": the next report is not X's
        k = first
        while k < last and r.doc[k].is_punct:
            k += 1
        if r.doc[k].lower_ in ("which", "who", "whose"):  # "According to X, which is close to Z, Y."
            comma = next((t.i for t in r.doc[k:last] if t.text == ","), None)
            if comma is not None:
                first = comma + 1
        elif r.doc[k].lower_ in ("a", "an") and k == phrase_hi + 2:  # "According to X, a think tank, Y."
            comma = next((t.i for t in r.doc[k:last] if t.text == ","), None)
            if comma is not None and comma - k <= 14 and not any(
                    t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in r.doc[k:comma]):
                first = comma + 1
        elif k == phrase_hi + 2 and r.doc[k].lower_ in r.lex["speaking_participles"]:
            comma = next((t.i for t in r.doc[k:min(last, k + 10)] if t.text == ","), None)
            if comma is not None:
                first = comma + 1  # "According to X, speaking on national television, Y": how X spoke
        elif obj.pos_ == "NOUN" and k == phrase_hi + 2 and r.doc[k].pos_ == "PROPN":
            comma = next((t.i for t in r.doc[k:min(last, k + 5)] if t.text == ","), None)
            if comma is not None and all(t.pos_ == "PROPN" for t in r.doc[k:comma]) \
                    and r.doc[comma - 1].ent_type_ in ("PERSON", "ORG"):
                first, b = comma + 1, comma - 1  # "According to the mayor, Ihor Terekhov, Y": his name
    else:
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "The talks, according to X, stalled": the clause is the verb's
        if verb.pos_ in ("VERB", "AUX"):
            c_lo, c_hi = max(verb.left_edge.i, lo), verb.right_edge.i
        if verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECTS for c in verb.children) and c_lo > lo:
            c_lo, c_hi = lo, max(c_hi, max(t.i for t in sent if not t.is_space))  # subject left unattached
        before = [t for t in r.doc[c_lo:phrase_lo] if not (t.is_punct or t.is_space) or t.text in QUOTE_CHARS]
        after = [t for t in r.doc[phrase_hi + 1:c_hi + 1] if not (t.is_punct or t.is_space)]
        named = _antecedent(r, before[-1], lo) if before and before[-1].lower_ in ("that", "which", "who") \
            and after and r.doc[phrase_lo - 1].text == "," else None
        if named is not None:  # "strikes that, according to X, killed nine": the strikes killed nine
            parts = [_cut_before_text(r, r.doc[named].idx, before[-1].idx),
                     r.trim(*r.tok_range(phrase_hi + 1, c_hi))]
            cue = r.tok_range(tok.i, last_cue.i)
            return Found(cue=cue, content=(parts[0][0], parts[1][1]), source=r.tok_range(a, b), via=via,
                         parts=parts, anchor=verb.i, content_root=verb.i, source_tok=obj.i, sent_start=lo)
        if not before or (len(before) == 1 and before[0].dep_ == "mark"):
            first, last = phrase_hi + 1, c_hi
        elif after and r.doc[phrase_lo - 1].text == "," and phrase_hi + 1 < len(r.doc) \
                and r.doc[phrase_hi + 1].text == ",":
            parts = [r.trim(*r.tok_range(c_lo, phrase_lo - 1)), r.trim(*r.tok_range(phrase_hi + 1, c_hi))]
            if all(e - s >= 2 for s, e in parts):
                cue = r.tok_range(tok.i, last_cue.i)
                return Found(cue=cue, content=(parts[0][0], parts[1][1]), source=r.tok_range(a, b), via=via,
                             parts=parts, anchor=verb.i, content_root=verb.i, source_tok=obj.i, sent_start=lo)
            first, last = c_lo, phrase_lo - 1
        else:
            first, last = c_lo, phrase_lo - 1
    if last < first:
        return None
    s, e = r.trim(*r.tok_range(first, last))
    if e - s < 2 or not any(t.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "NUM") for t in r.doc[first:last + 1]):
        return None  # "According to X, basically.": no proposition
    s, e = _drop_comment(r, (s, e))  # "..., though aid groups say the figure is higher": the writer's
    direct = False
    parts: list[tuple[int, int]] = []
    q = r.quotes.containing(s - 1) if s > 0 else None
    if q is not None and q.start == s and r.trim(q.start, q.end) == (s, e):
        direct = True
    opened = r.quotes.containing(s)
    if phrase_lo <= lo and opened is not None and opened.open_at == s and opened.end > e:
        s, e = r.trim(opened.start, opened.end)  # "According to X, “A. B.”": the quotation runs on
        direct = True
        parts = [r.trim(*seg) for seg in quote_parts(opened)] if len(opened.segments) > 1 else []
    cue = r.tok_range(tok.i, last_cue.i)
    return Found(cue=cue, content=(s, e), source=r.tok_range(a, b), via=via, direct=direct, anchor=head.i,
                 content_root=head.i if head.i != tok.i else -1, source_tok=obj.i, sent_start=lo, parts=parts)


def _antecedent(r: Reader, rel: Token, lo: int) -> int | None:
    """First token of the noun phrase a relative word right after it stands for ("a series of strikes
    in the south that ..."), climbing its of- and in-phrases; None where no noun ends before it."""
    end = rel.i - 2 if rel.i - 1 > lo and r.doc[rel.i - 1].text == "," else rel.i - 1  # "drones, which"
    if end < lo:
        return None
    x = r.doc[end]
    if x.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    while x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.lower_ in NOUN_PHRASE_PREPS \
            and x.head.head.pos_ in ("NOUN", "PROPN") \
            and x.head.head.i >= lo:
        x = x.head.head
    first = max(x.left_edge.i, lo)
    return first if first < end or x.pos_ != "NUM" else None


def _citing_clause(r: Reader, obj: Token) -> tuple[Token, Token] | None:
    """A relative clause on a named source that cites another ("X, which cited Y"): (clause, Y)."""
    for holder in [obj] + [c for c in obj.rights if c.dep_ == "appos"]:
        for rel in holder.rights:
            if rel.dep_ == "relcl" and rel.lemma_ in r.lex["relay_verbs"]:
                cited = next((c for c in rel.children if c.dep_ == "dobj"), None)
                if cited is not None and _source_like(r, cited):
                    return rel, cited
    return None


def in_document_cue(r: Reader, tok: Token, sent: SpacySpan, lo: int) -> Found | None:
    """ "In the survey, most voters backed the plan": a sentence opening on a document that asserts it."""
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is not None and obj.lemma_.lower() == "word" and obj.tag_ == "NNS":
        return _in_words_cue(r, tok, obj, sent, lo)
    if obj is None or obj.lemma_.lower() not in r.lex["in_document_nouns"]:
        return None
    a, b, _ = r.np(obj)
    comma = next((t.i for t in r.doc[b + 1:sent.end] if t.text == ","), None)
    if comma is None or comma > obj.right_edge.i + 1 and comma > b + 1 and r.doc[b + 1].text != ",":
        return None
    rest = [t for t in r.doc[comma + 1:sent.end] if not (t.is_punct or t.is_space)]
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in rest) \
            or any(_is_cue_word(r, t) or t.lemma_.lower() in r.lex["document_verbs"] for t in rest):
        return None  # no statement of its own, or one with its own cue
    content = r.trim(*r.tok_range(rest[0].i, rest[-1].i))
    return Found(cue=r.tok_range(tok.i, tok.i), content=content, source=r.tok_range(a, b), anchor=tok.i,
                 source_tok=obj.i, sent_start=lo, region=tok.idx)


def _in_words_cue(r: Reader, tok: Token, words: Token, sent: SpacySpan, lo: int) -> Found | None:
    """ "In his words, Y" and "In the words of X, Y": as "according to", with the sayer named inside."""
    who = next((c for c in words.children if c.dep_ == "poss"), None)
    of = next((c for c in words.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if who is None and of is not None:
        who = next((c for c in of.children if c.dep_ == "pobj"), None)
    if who is None or words.right_edge.i + 1 >= sent.end or r.doc[words.right_edge.i + 1].text != ",":
        return None
    rest = [t for t in r.doc[words.right_edge.i + 2:sent.end] if not (t.is_punct or t.is_space)]
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in rest):
        return None
    a, b, _ = r.np(who)
    last = words.i if of is None else of.i
    return Found(cue=r.tok_range(tok.i, last), content=r.trim(*r.tok_range(rest[0].i, rest[-1].i)),
                 source=r.tok_range(a, b), anchor=tok.i, source_tok=who.i, sent_start=lo, region=tok.idx)


def noun_cue(r: Reader, tok: Token, lo: int) -> Found | None:
    """ "X's claim that Y", "the warning by X that Y": a noun of asserting, its holder and its clause."""
    clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)), None)
    if clause is None:
        return None
    lemma = clause.lemma_.lower()
    if (lemma in r.lex["claim_object_verbs"] or lemma in r.lex["speech_verbs"]) \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "auxpass")
                        for c in clause.children):
        return None  # "the claim that he repeated": the claim is the verb's missing object
    holder = next((c for c in tok.lefts if c.dep_ == "poss"), None)
    if holder is None:
        prep = next((c for c in tok.rights if c.dep_ in ("prep", "agent") and c.i < clause.i
                     and c.lower_ in r.lex["claim_holder_preps"]), None)
        holder = next((o for o in prep.children if o.dep_ == "pobj"), None) if prep is not None else None
    named = None
    if holder is None:  # "a Washington Post report that X": the outlet or body named before the noun
        named = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "compound" and c.pos_ == "PROPN"
                      and c.i == tok.i - 1 and (c.ent_type_ in ("ORG", "NORP") or is_outlet(r, c))), None)
        if named is None or named.ent_type_ == "NORP":
            return None  # "a Russian report" names a country's, not who made it
    if named is not None:
        a, b = named.left_edge.i, named.i
        holder = named
    else:
        a, b, _ = r.np(holder)
    if b > a and r.doc[b].dep_ == "case":
        b -= 1  # "the governor's": the holder without its possessive ending
    content = r.trim(*content_span(r, clause, max(lo, tok.i + 1)))
    if content[1] - content[0] < 2:
        return None
    return Found(cue=r.tok_range(tok.i, tok.i), content=content, source=r.tok_range(a, b), anchor=tok.i,
                 content_root=clause.i, source_tok=holder.i, sent_start=lo, region=r.doc[min(a, tok.i)].idx)


# ---- assembling --------------------------------------------------------------------------------------

def _shown_speaker(f: Found, v: Token, r: Reader) -> bool:
    """"Footage broadcast by X showed a suspect saying ...": the one shown speaks, the footage's
    publisher relays."""
    lex = r.lex
    show = v.head
    if show.lemma_.lower() not in lex["show_verbs"]:
        if show.head.lemma_.lower() in lex["show_verbs"] and show.dep_ == "dobj":
            show = show.head
        else:
            return False
    shown = next((c for c in show.children if c.dep_ == "dobj"), None)
    if shown is None or shown.i == v.i:
        shown = v.head if v.head.i != show.i else None
    if shown is None:
        return False
    a, b, _ = r.np(shown)
    f.source, f.source_tok = r.tok_range(a, b), shown.i
    footage = subject_of(show)
    if footage is not None:
        relays = lex["footage_relays"]
        relay = footage if footage.lemma_.lower() in relays else next(
            (c for c in footage.rights if c.dep_ == "acl" and c.lemma_.lower() in relays), None)
        who = agent_of(relay) if relay is not None else None
        if who is None:
            who = next((c for c in footage.lefts if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"),
                       None)
        if who is not None:
            a, b, _ = r.np(who)
            f.via = [r.tok_range(a, b)] + f.via
    return True


def _publisher(r: Reader, noun: Token) -> Token | None:
    """Who put out a piece of footage: `X posted a video`, `a video posted by X`, `X's video`."""
    relays = r.lex["footage_relays"]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in relays:
        who = subject_of(noun.head)
        if who is not None:
            return who
    for c in noun.rights:
        if c.dep_ == "acl" and c.lemma_.lower() in relays:
            who = agent_of(c)
            if who is not None:
                return who
    return next((c for c in noun.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def _footage_before(r: Reader, v: Token, sentences: int = 3) -> Token | None:
    """The latest footage noun with a known publisher in the few sentences before `v`'s."""
    nouns = r.lex["footage_nouns"]
    start = v.sent.start
    for _ in range(sentences):
        if start == 0:
            return None
        sent = r.doc[start - 1].sent
        for t in reversed(sent):
            if t.lemma_.lower() in nouns and _publisher(r, t) is not None:
                return t
        start = sent.start
    return None


def _footage_of(r: Reader, v: Token) -> Token | None:
    """The footage a sayer is heard in: `footage of a suspect who said`, `a video in which X says`,
    `In it, X says` after a sentence about a video, `In one clip X says`."""
    nouns = r.lex["footage_nouns"]
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.i < v.i:
            o = next((x for x in c.children if x.dep_ == "pobj"), None)
            if o is None:
                continue
            if o.lemma_.lower() in nouns and _publisher(r, o) is not None:
                return o
            if o.lower_ == "which":  # "a video, posted by X on Monday, in which Y said": the nearest video
                return next((t for t in reversed(r.doc[v.sent.start:c.i]) if t.lemma_.lower() in nouns), None)
            if o.lower_ == "it" or o.lemma_.lower() in nouns:
                return _footage_before(r, v)
    if v.dep_ != "relcl":
        return None
    x = v.head  # "footage of the four men, in which they say", "a video ... in which a suspect said"
    if x.lemma_.lower() in nouns:
        return None  # "a video which it said showed X": the sayer tells what the video is, not in it
    for _ in range(4):
        if x.lemma_.lower() in nouns:
            return x
        if x.dep_ not in ("pobj", "prep") or x.head.i == x.i:
            return None
        x = x.head
    return None


def _footage_relays(found: list[Found], r: Reader) -> None:
    """Whoever posted or aired the footage a sayer speaks in relays what they say (a via).

    The footage goes on in the next sentence of the same paragraph when it is told the
    same way, in the present, by a person (`In it, the man says A. He says B.`).
    """
    shown: tuple[Token, tuple[int, int]] | None = None  # the last verb heard in footage, its publisher
    for f in found:
        if f.anchor < 0 or f.source is None:
            continue
        v = r.doc[f.anchor]
        if v.pos_ not in ("VERB", "AUX"):
            continue
        footage = _footage_of(r, v)
        who = _publisher(r, footage) if footage is not None else None
        if who is not None:
            a, b, _ = r.np(who)
            span = r.tok_range(a, b)
        elif shown is not None and _footage_goes_on(r, shown[0], v, f):
            span = shown[1]
        else:
            continue
        shown = (v, span)
        if span in f.via or (f.source[0] <= span[0] and span[1] <= f.source[1]):
            continue
        f.via.append(span)


def _footage_goes_on(r: Reader, before: Token, v: Token, f: Found) -> bool:
    """Whether `v`'s sentence follows `before`'s at once, in one paragraph, with a person speaking
    in the same present tense: more of what the footage shows, not the writer's next report."""
    if v.sent.start != before.sent.end or "\n" in r.text[before.idx:v.idx]:
        return False
    if v.tag_ not in ("VBZ", "VBP") or v.tag_ != before.tag_ or f.source_tok < 0:
        return False
    sayer = r.doc[f.source_tok]
    return sayer.ent_type_ == "PERSON" or sayer.pos_ == "PRON" and sayer.lower_ in ("he", "she", "they")


def _inherit(found: list[Found], pending: list[tuple[Found, Token]], r: Reader) -> None:
    """Participles ("…, adding that") and conjoined verbs take the sayer of the clause they hang on."""
    by_anchor = {f.anchor: f for f in found if f.source is not None}
    for f, v in pending:
        cur, src = v, None
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i in by_anchor:
                src = by_anchor[cur.i]
                break
        if src is None:
            src = _sayer_just_before(r, v, by_anchor)
        if src is not None:
            f.source, f.via, f.source_tok = src.source, list(src.via), src.source_tok
            continue
        if _shown_speaker(f, v, r):
            continue
        g = governing_subject(v)
        if g is not None:
            a, b, _ = r.np(g, f.via)
            f.source, f.source_tok = r.tok_range(a, b), g.i


def _sayer_just_before(r: Reader, v: Token, by_anchor: dict[int, Found]) -> Found | None:
    """The report closing right before a participle hung beside it ("A, Blinken said on Tuesday,
    warning that B": the parse hangs both "said" and "warning" on A's verb): the participle is Blinken's."""
    for f in by_anchor.values():
        a = r.doc[f.anchor]
        if a.i < v.i and a.head.i == v.head.i != a.i and \
                all(t.is_punct or t.is_space for t in r.doc[a.right_edge.i + 1:v.left_edge.i]):
            return f
    return None


CONNECTIVES = ("and", "but", "while", "whereas", "as", "where", "when", "although", "though")


def _subordinator(t: Token) -> bool:
    """ "When A, X said, B", "While A, ...": the word opening a clause of what was said, which stays."""
    return t.lower_ != "as" and (t.dep_ == "mark" or t.dep_ == "advmod" and t.lower_ == "when")


def _cut_before(r: Reader, start: int, end: int) -> tuple[int, int]:
    """`start..end` trimmed back over the commas and conjunctions that join it to what follows."""
    t = r.text
    while end > start:
        while end > start and (t[end - 1].isspace() or t[end - 1] in ",;—–-"):
            end -= 1
        tail = t[max(0, end - 12):end].lower()  # not the whole text before: it may be a long one
        word = next((w for w in CONNECTIVES if tail.endswith(" " + w)), None)
        if word is None:
            break
        end -= len(word)
    return r.trim(start, end)


def _own_act(r: Reader, inner: Found) -> bool:
    """A sayer reporting what it itself did to a thing ("said it could not confirm the reports",
    "said he denied the charges"): a pronoun for the sayer and an object, not a clause, as content."""
    if inner.source is None:
        return False
    words = r.text[inner.source[0]:inner.source[1]].lower().split()
    if len(words) != 1 or words[0] not in r.lex["pronouns"]:
        return False
    span = r.doc.char_span(inner.content[0], inner.content[1], alignment_mode="expand")
    # "said it had confirmed the names of 70,000 soldiers killed": a participle inside the object is no clause
    return span is not None and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span) \
        and not any(t.pos_ in ("VERB", "AUX") and t.head.i == t.i or not span.start <= t.head.i < span.end
                    for t in span if t.pos_ in ("VERB", "AUX"))


def _same_head(r: Reader, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two source phrases end in the same noun ("two officials" and "U.S. intelligence
    officials"): a cited source that is the inner sayer again, not one more relay."""
    sa = r.doc.char_span(a[0], a[1], alignment_mode="expand")
    sb = r.doc.char_span(b[0], b[1], alignment_mode="expand")
    if sa is None or sb is None:
        return False
    return sa.root.pos_ == sb.root.pos_ == "NOUN" and sa.root.lemma_.lower() == sb.root.lemma_.lower()


def _sayer_goes_on(r: Reader, outer: Found, inner: Found) -> bool:
    """Whether a report inside another's content is the same sayer going on ("Analysts said A,
    although they cautioned that B"): its sayer is a pronoun that only the outer sayer can stand for,
    no subject inside the outer content before it agreeing with it ("CENTCOM noted the Houthis attacked
    even though they had said ..." is the Houthis')."""
    if inner.source is None or outer.source is None or inner.region < 0 or inner.anchor < 0:
        return False
    if r.doc[inner.anchor].dep_ not in ("advcl", "conj") or inner.region <= outer.content[0]:
        return False
    word = r.text[inner.source[0]:inner.source[1]].lower()
    kind = {"they": "many", "he": "one", "she": "one"}.get(word)
    sayer = r.doc.char_span(outer.source[0], outer.source[1], alignment_mode="expand")
    if kind is None or sayer is None:
        return False
    if (sayer.root.tag_ in ("NNS", "NNPS")) != (kind == "many"):
        return False
    for t in r.doc:
        if outer.content[0] <= t.idx < inner.region and t.dep_ in SUBJECTS:
            if kind == "many" and (t.tag_ in ("NNS", "NNPS") or t.lower_ in ("they", "we")):
                return False
            if kind == "one" and (t.ent_type_ == "PERSON" or t.lower_ in ("he", "she")
                                  or t.lemma_.lower() in r.lex["person_nouns"]):
                return False
    return True


def _own_aside(r: Reader, inner: Found) -> bool:
    """ "X said the clip came from an operation, which they said had made dozens": a relative clause in
    which the sayer, named by a pronoun, goes on speaking; the outer report already holds it."""
    if inner.source is None or inner.anchor < 0 or r.doc[inner.anchor].dep_ != "relcl":
        return False
    if inner.source[0] < r.doc[inner.anchor].left_edge.idx:
        return False  # "a suspect who said ...": the sayer is the noun described, inside the outer report
    words = r.text[inner.source[0]:inner.source[1]].lower().split()
    return len(words) == 1 and words[0] in r.lex["pronouns"]


def _writers_aside(r: Reader, inner: Found) -> bool:
    """A report told in a relative clause that names its own sayer (`a suburb that the ministry said
    ...`), inside another's content: the writer's addition, not something the outer sayer relayed."""
    if inner.source is None or inner.anchor < 0 or r.doc[inner.anchor].dep_ != "relcl":
        return False
    if inner.source[0] < r.doc[inner.anchor].left_edge.idx:
        return False  # "a suspect who said ...": the sayer is the noun described, inside the outer report
    words = r.text[inner.source[0]:inner.source[1]].lower().split()
    return not (len(words) == 1 and words[0] in r.lex["pronouns"])


def _named_again(r: Reader, outer: Found, inner: Found) -> bool:
    """ "DuVernay said she felt X because “Y,” she said": the outer sayer is a pronoun after the inner
    sayer's name, the same person named again, no relay."""
    if outer.source is None or inner.source is None or outer.via:
        return False
    name = r.doc.char_span(inner.source[0], inner.source[1], alignment_mode="expand")
    return r.text[outer.source[0]:outer.source[1]].lower() in r.lex["pronouns"] \
        and inner.source[1] <= outer.cue[0] and outer.content[0] <= inner.source[0] \
        and name is not None and r.in_quote(name[0]) is None  # `“Putin said X,” he said`: he relays Putin


def _free_relative(r: Reader, inner: Found) -> bool:
    """A report told in a free relative (`what Kyiv described as a strike`, `what it called X`): the
    outer verb takes the thing described, not the description, so nothing is relayed."""
    if inner.source is None or inner.anchor < 0:
        return False
    v = r.doc[inner.anchor]
    w = v.left_edge
    # `what` as the verb's own object, or as the subject of its clause (`what the senators said was X`)
    own = w.head.i == v.i or w.head.dep_ == "ccomp" and w.head.head.i == v.i
    return w.lower_ in ("what", "whatever") and own and w.dep_ in ("dobj", "nsubj", "attr") \
        and inner.source[0] > w.idx


def _claim_spoken_of(r: Reader, inner: Found) -> bool:
    """A report named by its noun as the subject the outer sayer speaks about (`the claims by Moscow that X
    are unfounded, the IAEA said`): the outer sayer judges the claim, and relays nothing of it."""
    if inner.anchor < 0:
        return False
    noun = r.doc[inner.anchor]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in r.lex["claim_nouns"] \
        and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX")


def set_off_relative(v: Token) -> bool:
    """Whether `v` heads a relative clause set off by a comma and opened by its relative word
    (`, which the ministry said ...`): a report of its own."""
    first = v.left_edge
    return v.dep_ == "relcl" and first.lower_ in ("which", "who", "whom") and first.i > 0 \
        and v.doc[first.i - 1].text == ","


def _closing_relative_report(r: Reader, inner: Found, outer: Found) -> bool:
    """A report in a relative clause that names its own sayer and closes the outer content."""
    if inner.source is None or inner.anchor < 0 or outer.parts or not set_off_relative(r.doc[inner.anchor]):
        return False
    clause = r.doc[inner.anchor]
    first, last = clause.left_edge, clause.right_edge
    return inner.source[0] >= first.idx and outer.content[0] < first.idx \
        and last.idx + len(last) >= outer.content[1]


def _no_sayer(r: Reader, inner: Found) -> bool:
    """ "An analyst said the move suggests Moscow fears strikes": a report verb inside another's
    content whose subject is a thing that cannot speak (`the move`); the words are the outer sayer's."""
    if inner.source is None or inner.anchor < 0 \
            or r.doc[inner.anchor].lemma_.lower() not in r.lex["inference_verbs"]:
        return False
    span = r.doc.char_span(inner.source[0], inner.source[1], alignment_mode="expand")
    return span is not None and span.root.pos_ == "NOUN" and not _source_like(r, span.root)


def _extent(f: Found) -> tuple[int, int]:
    points = [f.cue[0], f.cue[1], f.content[0], f.content[1]] + ([f.region] if f.region >= 0 else []) \
        + (list(f.source) if f.source else []) + [p for part in f.parts for p in part]
    return min(points), max(points)


def _neighbours(found: list[Found]) -> list[list[int]]:
    """For each report, in order, the others whose words reach into its own or touch them.

    Nesting and relays only hold between reports that overlap or sit side by side,
    so each report is set against those alone: a pasted text of thousands of
    reports does not cost their square.
    """
    extents = [_extent(f) for f in found]
    order = sorted(range(len(found)), key=lambda k: extents[k][0])
    los = [extents[k][0] for k in order]
    widest = max((hi - lo for lo, hi in extents), default=0)
    out = []
    for i, (lo, hi) in enumerate(extents):
        first = bisect_left(los, lo - widest - 2)
        last = bisect_right(los, hi + 2)
        out.append(sorted(k for k in order[first:last] if k != i and extents[k][1] >= lo - 2))
    return out


def _according(r: Reader, f: Found) -> bool:
    """Whether a report's cue is a phrase that names a source for a clause: `according to X`, `per X`."""
    cue = r.text[f.cue[0]:f.cue[1]].lower()
    return cue.startswith("according") or cue in r.lex["per_words"]


def _fold_nested(found: list[Found], r: Reader, nesting: str = "inner") -> list[Found]:
    """ "X said Y had warned that Z": one attribution, Y the source, X in via; deeper reports keep both.

    A participle or conjoined report inside another's clause ("X said A, adding that B"; "X said A
    and accused B") stands beside it: the first content stops where the second report begins.
    Under `nesting="outer"` the outer report stays whole and the inner one is dropped.
    """
    keep = [True] * len(found)
    near = _neighbours(found)
    for i, a in enumerate(found):  # "X said Y, according to Interfax": the parse may hang the phrase inside Y
        for j in near[i]:
            b = found[j]
            if a is b or not keep[j] or b.source is None or a.source is None or a.anchor < 0 \
                    or not _according(r, b):
                continue
            inside = a.content[0] <= b.cue[0] < a.content[1]
            after = a.content[1] <= b.cue[0] and b.content[1] <= b.cue[0]  # or hangs it on the whole
            if a.cue[1] <= b.cue[0] and (inside or after) and b.content[0] <= a.cue[0] < b.content[1]:
                if inside:
                    a.content = _cut_before(r, a.content[0], b.cue[0])
                # the outlet relays what X said; "..., which cited a statement": X's own words, no relay
                # "X said Y, according to a statement on its website": X's own words, nothing relays them
                own = (b.via or _bare_statement(r, b.source_tok)) and _statement(r, b.source_tok)
                if _own_statement(r, b, a):
                    a.via = list(b.via) + a.via
                else:
                    a.via = (list(b.via) if own else list(b.via) + [b.source]) + a.via
                keep[j] = False
    for i, a in enumerate(found):  # "X claimed Y, Z reported": X's report sits in Z's and cannot hold Z's cue
        for b in (found[j] for j in near[i]):
            if a is not b and b.region >= 0 and b.content[0] <= a.cue[0] and a.cue[1] <= b.content[1] \
                    and a.content[0] < b.region < a.content[1] and b.content[1] <= b.region:
                a.content = _cut_before(r, a.content[0], b.region)
    for i, a in enumerate(found):  # "X said “Y”, TASS reported", TASS's content read as the quotation alone
        for j in near[i]:
            b = found[j]
            if a is not b and keep[j] and b.region >= 0 and b.source is not None and a.source is not None \
                    and a.cue[1] <= b.content[0] and a.content[0] <= b.content[0] \
                    and b.content[1] <= b.region and a.content[0] < b.region < a.content[1]:
                a.content = _cut_before(r, a.content[0], b.region)
                # "X said Y, NBC reported, citing two officials": NBC relays; the officials are X again.
                # "..., The Washington Post reported, citing the Kyiv Post": an outlet cited relays too
                cited_outlet = bool(b.via) and b.source_tok >= 0 and _is_media(r, r.doc[b.source_tok])
                a.via = (list(b.via) + ([b.source] if cited_outlet else []) if b.via else [b.source]) + a.via
                keep[j] = False
    for i, inner in enumerate(found):
        if not inner.sibling or inner.region < 0:
            continue
        for outer in (found[j] for j in near[i]):
            if outer is not inner and outer.content[0] < inner.region < outer.content[1] and not outer.parts:
                outer.content = _cut_before(r, outer.content[0], inner.region)
    for i, outer in enumerate(found):
        if outer.source is None:
            continue
        for j in near[i]:
            inner = found[j]
            if i == j or not keep[j] or inner.source is None:
                continue
            if not (outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1]):
                continue
            if inner.sibling:
                continue
            if inner.direct and not outer.direct and outer.content_root != inner.anchor:
                continue
            if nesting == "inner" and (_free_relative(r, inner) or _claim_spoken_of(r, inner)):
                continue  # "Russia denied what Kyiv described as a strike": Russia relays nothing of Kyiv's
            if nesting == "inner" and _sayer_goes_on(r, outer, inner):
                outer.content = _cut_before(r, outer.content[0], inner.region)
                continue  # "Analysts said A, although they cautioned that B": two reports of one sayer
            if nesting == "inner" and _writers_aside(r, inner):
                # "a strike on a suburb that the health ministry said killed 14": the writer adds the
                # ministry's word to the outer report; the ministry relays nothing through the outer sayer
                clause = r.doc[inner.anchor]
                head = _cut_before(r, outer.content[0], clause.left_edge.idx)
                after = clause.right_edge.i + 1
                if not outer.parts and after + 1 < len(r.doc) and r.doc[after].text == "," \
                        and r.doc[clause.left_edge.i - 1].text == "," \
                        and r.doc[after + 1].idx < outer.content[1] - 2:
                    # "The ceasefire, which both sides described as fragile, appeared to hold": the aside
                    # sits inside the outer content, which goes on after it
                    outer.parts = [head, r.trim(r.doc[after + 1].idx, outer.content[1])]
                else:
                    outer.content = head
                continue
            if nesting == "outer" and _closing_relative_report(r, inner, outer):
                # "shows the man raising his hands, which his lawyer said were empty": where a token has
                # one report only, the relative clause's report is its own and the outer one ends before
                outer.content = _cut_before(r, outer.content[0], r.doc[inner.anchor].left_edge.idx)
                continue
            if _own_act(r, inner) or nesting == "outer" or _own_aside(r, inner) or _no_sayer(r, inner):
                keep[j] = False  # "The Pentagon said it could not confirm the reports": one report, the outer
                continue
            # "X said Y, according to Reuters, which cited a statement": the statement is X's, Reuters relays
            relayed = [outer.source] if not _same_head(r, outer.source, inner.source) \
                and not ((outer.via or _according(r, outer)
                          and _bare_statement(r, outer.source_tok)) and _statement(r, outer.source_tok)) \
                and not _own_statement(r, outer, inner) and not _named_again(r, outer, inner) else []
            inner.via = list(outer.via) + relayed + inner.via  # outermost first
            if outer.content_root == inner.anchor and outer.content_root >= 0 and not outer.direct:
                keep[i] = False
            elif outer.content_root < 0 and not outer.direct and outer.content[0] >= inner.cue[0] \
                    and outer.content[1] == inner.content[1]:
                keep[i] = False  # "According to X, Y, the governor wrote": all the governor wrote is X's
    out = [f for f, k in zip(found, keep, strict=True) if k]
    for f in out:  # a relay reached two ways is named once, and the source is never its own relay
        f.via = [v for v in dict.fromkeys(f.via) if v != f.source]
    return out


def _claim_denied(r: Reader, f: Found, found: list[Found], denials: set[str]) -> bool:
    """ "Katz denied Hamas's claim that X": Hamas's claim and Katz's denial share X, and both are reports."""
    if f.anchor < 0 or r.doc[f.anchor].pos_ != "NOUN":
        return False
    return any(g is not f and g.content == f.content and g.anchor >= 0
               and r.doc[g.anchor].lemma_.lower() in denials for g in found)


def _own_statement(r: Reader, outer: Found, inner: Found) -> bool:
    """ "The ministry claims Y, according to a statement from the ministry": the sayer's own statement,
    the medium of its words, not a relay."""
    if not _statement(r, outer.source_tok) or inner.source_tok < 0 or outer.source is None:
        return False
    said_by = r.doc[inner.source_tok].lemma_.lower()
    return said_by in r.text[outer.source[0]:outer.source[1]].lower()


def _statement(r: Reader, i: int) -> bool:
    """Whether token i heads a sayer's own words ("a statement", "a post"), not another's report."""
    if i < 0:
        return False
    t = r.doc[i]
    lemma = t.lemma_.lower()
    if t.is_title and not t.is_sent_start and (t.pos_ == "PROPN" or _is_media(r, t)):
        return False  # "the Kyiv Post", "The Washington Post": a newspaper's name, not a post
    return lemma in r.lex["statement_nouns"] and lemma != "report"


def _bare_statement(r: Reader, i: int) -> bool:
    """A statement that names no one else ("a statement", "a statement posted on its website"), unlike
    "a statement from the Tajik presidency": after `X said Y, according to ...` it is X's own words."""
    if i < 0:
        return False
    t = r.doc[i]
    return not any(c.dep_ == "poss" and c.pos_ != "PRON"
                   or c.dep_ == "prep" and c.lower_ in ("from", "by", "of") for c in t.children)


def _colon_cue(r: Reader, tok: Token) -> bool:
    """ "She continued: “…”": a verb that hands over to a quotation or a paragraph with a colon."""
    if tok.lemma_.lower() not in r.lex["colon_cue_verbs"]:
        return False
    k = tok.i + 1
    while k < len(r.doc) and (r.doc[k].dep_ == "prt" or r.doc[k].is_space):
        k += 1  # "went on:"
    if k >= len(r.doc) or r.doc[k].text != ":":
        return False
    rest = r.text[r.doc[k].idx + 1:r.doc[k].idx + 4].lstrip(" \t\n")
    return bool(rest) and (mark_at(rest, 0) > 0 or "\n" in r.text[r.doc[k].idx + 1:r.doc[k].idx + 3])


def _clause_final_cue(r: Reader, tok: Token, sent: SpacySpan) -> bool:
    """ "Y, the ministry claims." with "claims" tagged as a noun: a verb form closing its sentence."""
    if tok.pos_ == "VERB" or tok.lower_ not in r.lex["clause_final_forms"] or tok.i < sent.start + 3:
        return False
    return all(t.is_punct or t.is_space for t in r.doc[tok.i + 1:sent.end]) and \
        any(t.text == "," for t in r.doc[sent.start:tok.i])


def _sentence_tail(r: Reader, q: Quote) -> int | None:
    """Where the sentence a quotation closes in ends, if the words after the quotation hold no cue
    and no other quotation (None where they do)."""
    span = r.doc.char_span(q.close_end - 1, q.close_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    after = r.text[q.close_end:q.close_end + 3].lstrip(" ")
    if q.end > q.start and r.text[q.end - 1] in ".!?" and after[:1].isupper():
        return q.close_end  # `“B.” Mr. Zahed said: …`: the quoted sentence ended; the parser ran on
    line_end = r.text.find("\n", q.close_end)
    end = min(span[0].sent.end_char, line_end if line_end >= 0 else len(r.text))
    if end <= q.close_end:
        return q.close_end
    nxt = r.quotes.starting_after(q.close_end)
    if nxt is not None and nxt.open_at < end:
        return None
    words = [t for t in r.doc[span[0].i + 1:span[0].sent.end] if t.idx < end]
    if any(t.lemma_.lower() in r.lex["speech_verbs"] or t.lower_ == "according" for t in words):
        return None
    return end if any(t.is_alpha for t in words) else q.close_end


def _close_open_quotations(found: list[Found], r: Reader) -> None:
    """ "said that the dealers “do a fantastic job. And it is so important.”": a quotation opened
    inside a reported clause runs to its closing mark, past the sentence end the parser put in it."""
    for f in found:
        if f.direct or f.parts:
            continue
        first = r.quotes.containing(f.content[0])
        if first is not None and first.start == f.content[0] and first.close_end <= f.content[1]:
            f.content = (first.open_at, f.content[1])  # `claimed “X exaggerates” the level`: opened too
        q = r.quotes.containing(f.content[1] - 1)
        if q is not None and q.open_at >= f.content[0] and q.close_end > f.content[1] \
                and not r.text[f.content[1]:q.close_end].strip(".,;:!?\"”’»'"):
            f.content = (f.content[0], q.close_end)  # `dismissed the reports as “fake news.”`: closed
            continue
        if q is None or q.open_at <= f.content[0] or len(q.segments) > 1 or q.end <= f.content[1]:
            continue
        rest = r.text[f.content[1]:q.end]
        if "\n" in rest or not any(ch.isalnum() for ch in rest):
            continue
        if any(f is not g and f.content[1] <= g.cue[0] < q.end for g in found):
            continue  # another report's cue inside the quotation: leave the parse's reading
        f.content = (f.content[0], r.trim(f.content[0], q.end)[1])


def _continue_quotes(found: list[Found], r: Reader) -> None:
    """ "“A,” she said. “B.” “C.”", "She says A. “B.”": the quotations standing alone right after a
    report, with no cue of their own, go on with the same speaker's words (paragraph after paragraph)."""
    taken = [f.content for f in found]
    for f in sorted(found, key=lambda x: x.cue[0]):
        cue_tok = r.doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
        if cue_tok is None or not len(cue_tok) or f.content[1] > cue_tok.sent.end_char:
            continue
        sent_end = cue_tok.sent.end_char
        if _another_sayer(r, f.cue[1], sent_end, clauses_only=True):
            continue  # `“A,” X says to Y, who responds: “B”`: what follows is Y's
        while (q := _standalone_quote_after(r, f.content[1], sent_end, taken)) is not None:
            segments = [r.trim(a, b) for a, b in q.segments]
            tail = _sentence_tail(r, q)
            if tail is None:
                break  # the sentence goes on to a cue of its own, or another quotation
            if tail > q.close_end:  # `“B” for the top earners.`: the words closing the quoted sentence
                segments[-1] = r.trim(segments[-1][0], tail)
            f.parts = (list(f.parts) or [f.content]) + segments
            f.content = (f.parts[0][0], f.parts[-1][1])
            taken.append(f.content)
            last = r.doc.char_span(q.close_end - 1, q.close_end, alignment_mode="expand")
            if last is None or not len(last):
                break
            sent_end = max(tail, last[0].sent.end_char)


def _another_sayer(r: Reader, start: int, end: int, clauses_only: bool = False) -> bool:
    """A verb of saying with a subject of its own between two characters (`, who responds:`); with
    `clauses_only`, only one in a relative clause on the one spoken to (`says to Y, who responds`), not
    on the sayer (`said X, who said she ...` goes on with X's words) nor the cue's verb itself."""
    speech = r.lex["speech_verbs"]
    return any(t.pos_ == "VERB" and t.lemma_.lower() in speech and any(c.dep_ in SUBJECTS for c in t.children)
               and (not clauses_only or t.dep_ == "relcl" and t.head.dep_ in ("pobj", "dobj", "dative"))
               for t in _tokens_between(r, start, end))


QUOTE_LEAD = re.compile(r"[ \t]*(?:But|And|Instead|Still|However|Yet|Then|Later|Now|Also),?[ \t]*")


def _standalone_quote_after(r: Reader, end: int, sent_end: int, taken: list[tuple[int, int]]) -> Quote | None:
    """The quotation opening right after the sentence that ends at `sent_end`, none of it claimed."""
    q = r.quotes.starting_after(end)
    if q is None:
        return None
    if q.open_at < sent_end:  # the parser kept the opening mark (`''`) with the sentence before
        if r.text[q.open_at:sent_end].strip() != r.text[q.open_at:q.start] \
                or not r.text[:q.open_at].rstrip().endswith((".", "!", "?")):
            return None
    elif (between := r.text[sent_end:q.open_at]).strip(" \t") != "" and not QUOTE_LEAD.fullmatch(between):
        return None  # only a connective may stand before it: `“A,” he said. Instead, “B.”`
    if any(a <= q.start < b for a, b in taken):
        return None
    return q


def _add_layouts(found: list[Found], r: Reader) -> None:
    """Signed quotes, transcript turns and headline labels (claimgraph.extract.layouts), where the
    sentences have not already given the same words to a sayer."""
    for lf in find_layouts(r.doc, r.text, r.lex["document_nouns"], frozenset(r.lex["person_nouns"])):
        lf.parts = [r.trim(*p) for p in lf.parts]
        lf.content = (lf.parts[0][0], lf.parts[-1][1]) if lf.parts else r.trim(*lf.content)
        a, b = lf.content
        if any(min(b, f.content[1]) - max(a, f.content[0]) > (b - a) / 2 for f in found):
            continue
        found.append(Found(cue=lf.cue, content=lf.content, source=lf.source, direct=lf.direct,
                           parts=lf.parts))


def _without_closing_time(r: Reader, span: tuple[int, int]) -> tuple[int, int]:
    """A relay without the day the parser ran into its name ("told MSNBC Monday" -> MSNBC)."""
    toks = r.doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or len(toks) < 2:
        return span
    last = len(toks) - 1
    while last > 0 and toks[last].ent_type_ in ("DATE", "TIME") and toks[last].head.i not in range(
            toks.start, toks.start + last):
        last -= 1
    return span if last == len(toks) - 1 else (span[0], toks[last].idx + len(toks[last]))


def _span(text: str, r: tuple[int, int]) -> Span:
    """The span of a character range, taking in a closing bracket its words opened (`... (HUR)`)."""
    start, end = r
    words = text[start:end]
    if words.count("(") > words.count(")") and text[end:end + 1] == ")":
        end += 1
    elif (words.count("“") > words.count("”") and text[end:end + 1] == "”"
          or words.count('"') % 2 == 1 and text[end:end + 1] == '"' and not words.startswith('"')):
        end += 1  # 'enough ammunition for "two to three months"': the quotation it opened closes too
    return Span.of(text, start, end)


def find_attributions(sdoc: SpacyDoc, attributions: list[Attribution],
                      document: Document, scheme: Scheme | None = None) -> list[Attribution]:
    """Pipeline component: add the attributions the rules find to `attributions`.

    `scheme` decides how nested reports are given (claimgraph/data/schemes.json).
    """
    text = document.text
    r = Reader(sdoc, text)
    lex = r.lex
    found: list[Found] = []
    pending: list[tuple[Found, Token]] = []
    beliefs: list[Found] = []
    for sent in sdoc.sents:
        lo = r.content_start(sent)
        for tok in sent:
            low = tok.lower_
            f = None
            if tok.pos_ == "VERB" and tok.lemma_.lower() in lex["belief_verbs"] and r.in_quote(tok) is None:
                b = verb_cue(r, tok, sent, lo)
                subj = subject_of(tok, lo)
                if b is not None and b.source is not None and subj is not None and subj.pos_ != "PRON" \
                        and subj.dep_ == "nsubj" and _finite(tok) and tok.dep_ != "relcl" \
                        and any(c.dep_ == "ccomp" and any(s.dep_ in SUBJECTS for s in c.children)
                                for c in tok.rights):  # not "a car believed to have been used"
                    beliefs.append(b)
                continue
            if tok.pos_ == "VERB" and (tok.lemma_.lower() in lex["speech_verbs"]
                                       or tok.lemma_.lower() in lex["document_verbs"]
                                       or tok.lemma_.lower() in lex["counting_verbs"] or _colon_cue(r, tok)) \
                    or _clause_final_cue(r, tok, sent):
                if r.in_quote(tok) is not None:
                    continue
                f = verb_cue(r, tok, sent, lo)
                if f is not None and f.source is None:
                    pending.append((f, tok))
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex["claim_nouns"]:
                if r.in_quote(tok) is not None:
                    continue
                f = noun_cue(r, tok, lo)
            elif low == "in" and tok.i == lo:
                f = in_document_cue(r, tok, sent, lo)
            elif low == "according" or (low in lex["per_words"] and tok.pos_ == "ADP"):
                if r.in_quote(tok) is not None:
                    continue
                f = phrase_cue(r, tok, sent, lo)
            if f is not None:
                found.append(f)
    _inherit(found, pending, r)
    found = [f for f in found if f.source is not None]
    # "The NIS believes X, lawmaker Lee told reporters": a belief is a report only when someone else relays it
    found += [b for b in beliefs if any(f.content[0] <= b.cue[0] and b.cue[1] <= f.content[1] and not f.direct
                                        for f in found)]
    _footage_relays(found, r)
    found = _fold_nested(found, r, scheme.nesting if scheme else "inner")
    _close_open_quotations(found, r)
    _continue_quotes(found, r)
    _add_layouts(found, r)
    found = [f for f in found if r.text[f.content[0]:f.content[1]].strip()]  # a cut may leave nothing
    seen: set[tuple[int, int]] = {(a.content.start, a.content.end) for a in attributions}
    out = list(attributions)
    new: list[Attribution] = []
    spoken: set[int] = set()
    denials = lex["denial_verbs"]
    for f in sorted(found, key=lambda x: x.cue[0]):
        if f.content in seen and not _claim_denied(r, f, found, denials):
            continue
        seen.add(f.content)
        if f.spoken:
            spoken.add(len(new))
        new.append(Attribution(
            cue=_span(text, f.cue), content=_span(text, f.content),
            source=_span(text, f.source) if f.source else None,
            via=[_span(text, _without_closing_time(r, v)) for v in f.via], direct=f.direct,
            content_parts=[_span(text, p) for p in f.parts], method="rules"))
    resolve_sources(sdoc, new, r.lex, spoken)
    return out + new
