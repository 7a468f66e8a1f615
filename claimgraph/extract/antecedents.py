"""A light antecedent resolver for sources written as pronouns or vague nouns.

"He said", "the ministry added", "Liashko said", "these sources" name someone
the article named more fully before. We keep the mentions seen so far (the
sources of earlier attributions, then the PERSON / ORG entities of the parse)
and pick the last compatible one: a person for he/she, a body for it/they, a
mention with the same head noun for "the ministry", the longest mention ending
in the same name for a bare surname.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from claimgraph.extract.lexicon import doc_text, per_doc, token_at
from claimgraph.extract.sources import classify, known_roles, lookup_body, lookup_place
from claimgraph.model import Attribution, Span

# How far back a vague source looks for its antecedent, in mentions: far more than an article
# needs, and what keeps a pasted text of thousands of reports from costing their square.
RECALL = 120
NEAR = 20  # the sources or contents just before a mention, among which it may sit
DETERMINERS = {"the", "these", "those", "this", "that", "same", "a", "an"}
POSSESSIVES = {"its", "their", "his", "her"}
# a body's own words under its name ("the ministry's statement"), unlike "Ukraine's military intelligence"
STATEMENTS = {"statement", "communique", "release", "briefing", "post", "message", "report", "letter",
              "tweet"}
STATE_KINDS = {"official", "military", "intelligence"}
PARTITIVES = {"one", "two", "three", "some", "another", "none", "neither", "both", "each", "all", "most"}


@dataclass
class Mention:
    start: int
    text: str
    person: bool
    full: str  # the fullest form known for it
    attribution: Attribution | None = None  # where it was the source of an attribution
    inside: tuple[int, int] | None = None  # the reported content it stands in, if any
    place: bool = False  # a country or nationality ("Ukraine", "Russian"): never a body's antecedent
    described: str = ""  # what an apposition calls it ("Kallistos Maritime, a shipping company")


def _words(s: str) -> list[str]:
    return [w.strip(".,’'\"“”()").lower() for w in s.split() if w.strip(".,’'\"“”()")]


POST_MODIFIERS = {"by", "for", "from", "with", "at", "on", "who", "which", "that", "whose", "close",
                  "familiar"}


def _pre_words(text: str) -> list[str]:
    """The words of a mention before what describes it ("lawmakers briefed by the agency" is about
    lawmakers, not the agency; "the Ministry of Defence" keeps "of")."""
    words = _words(text)
    cut = next((i for i, w in enumerate(words) if i and w in POST_MODIFIERS), len(words))
    return words[:cut]


def _singular(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _vague(text: str, words: list[str], vague: set[str]) -> bool:
    """"the ministry", "these sources", "the same source": a determiner, a common noun, no name."""
    raw = text.split()
    nouns = {_singular(v) for v in vague}
    return (len(words) <= 3 and words[0] in DETERMINERS and _singular(words[-1]) in nouns
            and raw[-1][:1].islower() and "’s" not in text and "'s" not in text
            and not any(w[:1].isupper() for w in raw[1:-1]))  # "the Israeli military" is named


def _initials(text: str) -> str:
    """First letters of a name's capitalised words: "National Intelligence Service" gives "NIS"."""
    return "".join(w[0] for w in text.split() if w[:1].isupper() and w.isalpha())


def _is_person(sdoc: SpacyDoc, start: int, end: int, roles: set[str],
               bodies: frozenset[str] = frozenset()) -> bool:
    """A person's name, or a noun for someone's role ("the governor")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.pos_ == "PROPN" and root.lower_ in bodies:
        return False  # "The Russian Volunteer Corps": a body's name, whatever role word it holds
    after = sdoc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].lower_ == "who":
        return True  # "a drone operator in the area, who asked ...": someone
    if root.pos_ == "PROPN" and any(t.ent_type_ == "PERSON" or t.lemma_.lower() in roles
                                    for t in span if t.i < root.i):
        return True  # "European Commission President Ursula von der Leyen": a title or a name before
    if root.pos_ == "PROPN" and not root.ent_type_ and len(span) >= 2 \
            and all(t.pos_ == "PROPN" and t.is_title for t in span) \
            and lookup_body(span.text) is None and lookup_place(span.text) is None:
        return True  # "00:52 - Tymur Tkachenko said": a first name and a surname the tagger left untagged
    if root.pos_ == "PROPN" and len(span) == 1 and root.text in _surnames(sdoc):
        return True  # "Zelenskiy, in his address, ..." untagged, the surname of a person the text names
    return root.ent_type_ == "PERSON" or root.lemma_.lower() in roles or (
        root.dep_ == "appos" and root.head.lemma_.lower() in roles)  # "a soldier ..., Sever,"


def _named_person(sdoc: SpacyDoc, m: Mention) -> bool:
    """Whether a mention names someone (`Rafael Grossi`) rather than describes them (`a senior aide`)."""
    span = sdoc.char_span(m.start, m.start + len(m.text), alignment_mode="expand")
    return span is None or any(t.ent_type_ == "PERSON" for t in span)


def _surnames(sdoc: SpacyDoc) -> dict[str, str]:
    """The last word of each full name the tagger found ("Zelenskiy" -> "Volodymyr Zelenskiy"), read once."""
    return per_doc(sdoc, "surnames", lambda: {e[-1].text: e.text for e in sdoc.ents
                                              if e.label_ == "PERSON" and len(e) >= 2})


def _entity_mentions(sdoc: SpacyDoc, roles: set[str],
                     body_nouns: frozenset[str] = frozenset()) -> list[Mention]:
    """Names that are subjects of their clause, each with the titles written before it."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        doer = ent.root
        role = False
        if doer.dep_ == "appos":  # "A spokesman for the Kremlin, Dmitry Peskov, declined" (however hung)
            doer = doer.head
            while doer.dep_ in ("pobj", "prep") and doer.head.i != doer.i:
                doer = doer.head
            role = doer.lemma_.lower() in roles  # a spokesman's name is a person's, whatever the tagger says
        if doer.dep_ not in ("nsubj", "nsubjpass") or doer.head.pos_ not in ("VERB", "AUX"):
            continue  # only the doers of a clause are likely antecedents of a later "he" or "it"
        first = ent.start
        while first > 0 and sdoc[first - 1].dep_ in ("compound", "amod") and \
                first <= sdoc[first - 1].head.i < ent.end:
            first -= 1
        if first < ent.start:  # the whole title: "Crimea's Russian-installed governor X", not "installed ..."
            first = min(sdoc[k].left_edge.i for k in range(first, ent.start))
        owner = next((c for c in ent.root.lefts if c.dep_ == "poss" and c.i < first), None)
        if owner is not None and ent.label_ == "ORG":  # "Russia's defence ministry", not "defence ministry"
            first = owner.left_edge.i
        text = sdoc[first:ent.end].text
        # "Kallistos Maritime, a Greek shipping company,": a body, whatever the tagger took it for
        kind = next((c.lemma_.lower() for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                     and c.lemma_.lower() in body_nouns), "")
        out.append(Mention(sdoc[first].idx, text, (ent.label_ == "PERSON" or role) and not kind, text,
                           place=ent.label_ in ("NORP", "GPE"), described=kind))
    named = {m.start for m in out}
    surnames = _surnames(sdoc)
    propn = sdoc.vocab.strings["PROPN"]
    for i, (pos, ent) in enumerate(sdoc.to_array(["POS", "ENT_TYPE"]).tolist()):
        if pos != propn or ent:  # read off the arrays: a Token object for every word is the costly part
            continue
        tok = sdoc[i]  # "Kharkiv Mayor Ihor Terekhov spoke ...": a titled name the tagger left untagged
        noun = tok.head
        if tok.dep_ == "appos" and noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass") \
                and noun.head.pos_ in ("VERB", "AUX") and noun.left_edge.i < noun.i \
                and noun.lemma_.lower() not in roles \
                and sdoc[noun.left_edge.i].idx not in named:  # "The EU's naval mission, Aspides, said"
            text = sdoc[noun.left_edge.i:tok.right_edge.i + 1].text
            out.append(Mention(sdoc[noun.left_edge.i].idx, text, False, text))
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        lefts = [c for c in tok.lefts if c.dep_ == "compound"]
        if tok.lower_ in body_nouns and lefts and sdoc[tok.left_edge.i].idx not in named:
            # "The Russian Volunteer Corps posted ...": a body's name the tagger left untagged
            text = sdoc[tok.left_edge.i:tok.i + 1].text
            out.append(Mention(sdoc[tok.left_edge.i].idx, text, False, text))
            continue
        if not any(c.lemma_.lower() in roles for c in lefts):
            if not lefts and tok.text in surnames and tok.idx not in named:
                # "Zelenskiy, in his address, called ...": untagged, the surname of a person named before
                out.append(Mention(tok.idx, tok.text, True, surnames[tok.text]))
            continue
        first = min(c.left_edge.i for c in lefts)
        if sdoc[first].idx not in named:
            text = sdoc[first:tok.i + 1].text
            out.append(Mention(sdoc[first].idx, text, True, text))
    out += _labels(sdoc)
    out += _body_subjects(sdoc, {m.start for m in out}, body_nouns)
    return sorted(out, key=lambda m: m.start)


def _body_subjects(sdoc: SpacyDoc, named: set[int], classes: frozenset[str]) -> list[Mention]:
    """Organisations named by a common noun that do something ("Russia's defence ministry did not
    mention the airbase. It said ..."): antecedents for a later "it" though the tagger tags no name."""
    out: list[Mention] = []
    strings = sdoc.vocab.strings
    nsubj = strings["nsubj"]
    wanted = {strings[w] for w in classes if w in strings}
    for i, (dep, low) in enumerate(sdoc.to_array(["DEP", "LOWER"]).tolist()):
        if dep != nsubj or low not in wanted:  # read off the arrays: few tokens become Token objects
            continue
        tok = sdoc[i]
        if tok.tag_ not in ("NN", "NNP") or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        first = tok.left_edge.i
        if first == tok.i or sdoc[first].idx in named or sdoc[first].lower_ in DETERMINERS and not any(
                t.tag_ == "POS" or t.pos_ == "PROPN" for t in sdoc[first:tok.i]):
            continue  # "the ministry" alone names nothing new ("the governor's office" does)
        if any(t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME", "CARDINAL")
               for t in sdoc[first:tok.i]):
            continue  # a dateline or an aside the parser hung on the subject
        text = sdoc[first:tok.i + 1].text
        out.append(Mention(sdoc[first].idx, text, False, text))
    return out


def _labels(sdoc: SpacyDoc) -> list[Mention]:
    """Names that open a sentence and a colon, as posts label their source ("HUR: troops are ...")."""
    out = []
    colon_id = sdoc.vocab.strings[":"]
    seen: set[int] = set()
    for i, orth in enumerate(sdoc.to_array("ORTH").tolist()):
        if orth != colon_id:
            continue
        sent = sdoc[i].sent
        if sent.start in seen:
            continue  # the first colon of a sentence closes its label
        seen.add(sent.start)
        if i - sent.start > 12:
            continue  # a label is a few words
        colon = sdoc[i]
        words = [t for t in sdoc[sent.start:i] if any(ch.isalnum() for ch in t.text)]  # no marks or emoji
        if not words:
            continue
        name = words
        if len(words) >= 3 and words[0].lower_ == "forwarded" and words[1].lower_ == "from":
            name = words[2:]  # "Forwarded from Rybar:", as a copied Telegram post says whose it is
        if 1 <= len(name) <= 4 and all(t.pos_ == "PROPN" or t.text.isupper() for t in name) \
                and name[-1].i == colon.i - 1:
            text = sdoc[name[0].i:name[-1].i + 1].text
            out.append(Mention(name[0].idx, text, any(t.ent_type_ == "PERSON" for t in name), text))
    return out


def _is_place(sdoc: SpacyDoc, start: int, end: int) -> bool:
    """A country or nationality standing as the sayer ("Ukraine said", "Russian said")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ in ("NORP", "GPE") \
        and span.root.pos_ in ("PROPN", "ADJ")


def _appositive_after(sdoc: SpacyDoc, source: Span) -> str | None:
    """The description set off after a lone `One` or `Another` that stands as a source."""
    tok = token_at(sdoc, source.start)
    if tok is None:
        return None
    appos = next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")), None)
    if appos is None or appos.left_edge.i != tok.i + 2 or sdoc[tok.i + 1].text != ",":
        return None
    return sdoc[appos.left_edge.i:appos.right_edge.i + 1].text


def _description_before(sdoc: SpacyDoc, start: int, end: int) -> str | None:
    """ "The Russian-installed head of the region, Vladimir Saldo": a name set after the common noun
    that describes it, the description and the name together (the source is the name alone)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    name = span.root
    head = name.head
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # "the governor of Crimea, Sergei Aksyonov": the name hung on "Crimea"
    if head.dep_ not in ("nsubj", "nsubjpass", "ROOT", "appos", "conj"):
        return None  # "One resident, who gave only his first name, Osman,": the name is not the name's
    office = head.pos_ == "NOUN" or head.pos_ == "PROPN" and not head.ent_type_  # "Human Rights Defender"
    if name.dep_ != "appos" or name.pos_ != "PROPN" or not office or head.i >= span.start \
            or sdoc[span.start - 1].text != "," or head.right_edge.i > span.end:
        return None
    if any(t.text == "," for t in sdoc[head.left_edge.i:span.start - 1]):
        return None  # "A soldier, who gave only his call sign, Sever": the name alone says it
    begin = head.left_edge.i
    for k in range(begin, head.i):  # "10:31 GMT - A senior official, X": a live blog's stamp is no title
        spaced = bool(sdoc[k].whitespace_) and k > 0 and bool(sdoc[k - 1].whitespace_)  # not "pro-Russian"
        if sdoc[k].text in ("-", "–", "—", ":") and spaced:
            begin = k + 1
    return sdoc[begin:span.end].text


def _author(sdoc: SpacyDoc, start: int, end: int, documents: set[str],
            authoring: frozenset[str] = frozenset()) -> str | None:
    """The "X" of a statement or document source written as "a briefing by X", "a statement from X",
    "X's statement", or "the report, (which was) published by X, said" with the clause left out."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in documents:
        return None
    root = span.root
    owner = next((c for c in root.lefts if c.dep_ == "poss" and c.pos_ != "PRON"
                  and root.lemma_.lower() in STATEMENTS), None)
    if owner is not None:  # "the ministry's statement said": the ministry speaks through it
        return sdoc[owner.left_edge.i:owner.i + 1].text
    on = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ == "on"), None)
    channel = next((o for o in on.children if o.dep_ == "pobj"), None) if on is not None else None
    owner = next((c for c in channel.lefts if c.dep_ == "poss" and c.pos_ != "PRON"), None) \
        if channel is not None and root.lemma_.lower() in STATEMENTS else None
    if owner is not None:  # "a post on the ministry's Telegram channel": the ministry's own post
        return sdoc[owner.left_edge.i:owner.i + 1].text
    by = next((c for c in root.rights if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")), None)
    inside = by is not None
    if by is None:
        clause = next((c for c in root.rights if c.dep_ in ("relcl", "acl") and c.i >= span.end
                       and c.tag_ == "VBN" and c.lemma_.lower() in authoring), None)  # not "seen by X"
        by = next((c for c in clause.children if c.dep_ == "agent"), None) if clause is not None else None
    pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if pobj is None or inside and pobj.right_edge.i >= span.end:
        return None
    return sdoc[pobj.left_edge.i:pobj.right_edge.i + 1].text


def _issuer(sdoc: SpacyDoc, pos: int, head: str, authoring: frozenset[str]) -> Token | None:
    """ "The ministry issued a statement on Monday. The statement said": who issued the document.

    The subject of an authoring verb whose object is the document noun, in the
    three sentences before the source.
    """
    at = sdoc.char_span(pos, pos + 1, alignment_mode="expand")
    if at is None:
        return None
    sent = at[0].sent
    first = sent.start
    for _ in range(3):
        if first == 0:
            break
        first = sdoc[first - 1].sent.start
    for tok in reversed(sdoc[first:at[0].i]):
        verb = tok.head
        if tok.lemma_.lower() == head and tok.dep_ == "dobj" and verb.lemma_.lower() in authoring:
            return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    return None


def _relayer_body(sdoc: SpacyDoc, a: Attribution) -> str | None:
    """The organisation a relaying person speaks for ("NATO Secretary General Mark Rutte"); not an
    outlet that relays ("Reuters said the ministry had confirmed")."""
    if not a.via:
        return None
    span = sdoc.char_span(a.via[0].start, a.via[0].end, alignment_mode="expand")
    if span is None or not any(e.label_ == "PERSON" for e in span.ents):
        return None
    orgs = [e for e in span.ents if e.label_ == "ORG"]
    return orgs[0].text if orgs else None


def _body_antecedent(head: str, before: list[Mention], classes: dict[str, list[str]],
                     qualified: bool = False) -> Mention | None:
    """The organisation a vague body noun ("the agency") stands for: the last one named before that
    shares the noun's kind ("Intelligence Service" for "the agency"), else the last body that spoke,
    else the last organisation named as a subject. Never a person, a country, a nationality or an outlet."""
    # in text order: a relay is remembered after the source it relays ("Yonhap, citing the NIS")
    bodies = sorted((m for m in before if not m.person and not m.place), key=lambda m: m.start)
    kin = {w for ws in classes.values() if head in ws for w in ws}
    for m in reversed(bodies):
        names = {_singular(w.replace("’s", "").replace("'s", ""))
                 for w in _words(f"{m.text} {m.full} {m.described}")}
        if kin & names:
            return m
    if qualified:
        return None  # "the defence ministry" names which one: not just any body that spoke before
    # "the army" is not the outlet reporting, and "the government" not "security sources" who spoke before
    bodies = [m for m in bodies if classify(m.full) not in ("media", "anonymous")]
    kind = classify("the " + head)
    if kind in ("military", "intelligence"):  # "the army" is not the WHO that spoke before it
        bodies = [m for m in bodies if classify(m.full) == kind]
    elif kind == "official":  # "the ministry" is some state body, not a trade paper that spoke before
        bodies = [m for m in bodies if classify(m.full) in STATE_KINDS]
    sayers = [m for m in bodies if m.attribution is not None]
    return sayers[-1] if sayers else (bodies[-1] if bodies else None)


def _group_antecedent(sdoc: SpacyDoc, pos: int, earlier: list[Mention],
                      qualifiers: list[str], offices: frozenset[str]) -> Mention | None:
    """The group a "the (paramilitary) group" stands for: the last one named with the same qualifier,
    else, with none, the group named in the sentence just before, or the last one. Never a person, or a
    state's own body ("Israel's military"), which "the group" does not name."""
    def state_body(m: Mention) -> bool:  # "Israel's military", "the Russian army"
        span = sdoc.char_span(m.start, m.start + len(m.text), alignment_mode="expand")
        # a nationality inside a group's own name ("the Russian Volunteer Corps") makes no state body
        return span is not None and span.root.pos_ != "PROPN" and any(t.ent_type_ in ("GPE", "NORP")
                                                                       for t in span)

    def office(m: Mention) -> bool:  # "the defence ministry", "the government": no group either
        words = _words(m.full)
        return bool(words) and _singular(words[-1]) in offices

    bodies = [m for m in earlier if not m.person and not state_body(m) and not office(m)]
    if qualifiers:
        return next((m for m in reversed(bodies) if set(qualifiers) <= set(_words(m.full))), None)
    token = sdoc.char_span(pos, pos + 1, alignment_mode="expand")
    if token is None or not len(token):
        return None
    sent = token[0].sent
    here = next((m for m in reversed(bodies) if sent.start_char <= m.start < pos), None)
    named = next((e for e in reversed(sent.ents) if e.label_ == "ORG" and e.end_char <= pos
                  and e.root.dep_ == "compound" and not (set(_words(e.text)) & offices)), None)
    if named is not None and (here is None or here.start < named.start_char):
        # "X struck 40 Hezbollah targets; the group says ...": a group named only as what was hit
        return Mention(named.start_char, named.text, False, named.text)
    if here is not None:  # named in the same sentence
        return here
    if sent.start == 0:
        return None
    before = sdoc[sent.start - 1].sent
    while before.start > 0 and not before.text.strip():
        before = sdoc[before.start - 1].sent
    lo, hi = before.start_char, sent.start_char
    last = next((m for m in reversed(bodies) if lo <= m.start < hi), None)
    return last or (bodies[-1] if bodies else None)  # else the last group named, past a state's body


def _report_author(sdoc: SpacyDoc, visible: list[Mention], pos: int, head: str) -> Mention | None:
    """The last sayer whose own sentence names a document of that kind outside what it said
    ("said in a January report that X", "In a report published on Thursday, X said Y")."""
    text = doc_text(sdoc)
    for m in reversed(visible):
        at = m.attribution
        if at is None or m.start >= pos or at.content.start <= at.cue.start:
            continue
        cue = sdoc.char_span(at.cue.start, at.cue.end, alignment_mode="expand")
        opening = cue.sent.start_char if cue is not None and len(cue) else at.cue.start
        aside = text[opening:min(at.content.start, at.source.start if at.source else at.cue.start)] \
            + " " + text[at.cue.end:at.content.start]
        if any(_singular(w) == head for w in _words(aside)):
            return m
    return None


def _same_relay(a: Attribution, m: Mention) -> bool:
    """Whether an earlier mention came through the relay `a` names (a vague source of one outlet
    is not another outlet's); a mention with no report of its own is, as the text does not say."""
    if m.attribution is None:
        return True
    mine = {_words(v.text)[-1] for v in a.via if _words(v.text)}
    theirs = {_words(v.text)[-1] for v in m.attribution.via if _words(v.text)}
    return bool(mine & theirs)


def resolve_sources(sdoc: SpacyDoc, attrs: list[Attribution], lex: dict[str, Any],
                    spoken: set[int] | None = None) -> None:
    """Fill `source_resolved` where the source is a pronoun, a vague noun or a short name.

    `spoken` holds the indexes of attributions whose `via` is an outlet the sayer spoke to
    ("told AFP", "quoted by BelTA as saying"): a follow-up under a pronoun or a vague noun ("he
    said", "the same source added") came through the same outlet, so it shares that `via`.
    """
    spoken_ids = {id(attrs[i]) for i in (spoken or set())}
    roles: set[str] = lex["person_nouns"]
    pronouns: dict[str, str] = lex["pronouns"]
    vague: set[str] = lex["vague_nouns"]
    classes: dict[str, list[str]] = lex.get("body_noun_classes", {})
    body_nouns = frozenset(w for ws in classes.values() for w in ws)
    state_offices = frozenset(w for k in ("ministry", "government") for w in classes.get(k, ()))
    media: set[str] = set(lex["media_nouns"])
    documents: set[str] = set(lex["statement_nouns"]) | set(lex["document_nouns"])
    authoring = frozenset(lex.get("authoring_verbs", ()))
    # a split quotation's parts, not the sayer between them ("'Xi needs to look strong,' she said")
    contents = sorted((p.start, p.end) for a in attrs for p in (a.content_parts or [a.content]))
    ents = [replace(m) for m in per_doc(sdoc, "mentions",
                                        lambda: _entity_mentions(sdoc, roles, frozenset(body_nouns)))]
    starts = [s for s, _ in contents]
    for m in ents:  # a name inside what someone says is a sayer only for reports nested there
        k = bisect_right(starts, m.start)
        m.inside = next(((s, e) for s, e in contents[max(0, k - NEAR):k] if s <= m.start < e), None)
    known: list[Mention] = []
    taken: list[tuple[int, int]] = []
    ei = 0
    for a in sorted(attrs, key=lambda x: x.source.start if x.source else x.cue.start):
        if a.source is None:
            continue
        pos = a.source.start
        while ei < len(ents) and ents[ei].start < pos:
            if not any(s <= ents[ei].start < e for s, e in taken[-NEAR:]):  # already known as a source
                known.append(ents[ei])
            ei += 1
        words = _words(a.source.text)
        said_by = a.source.text
        if len(words) >= 4 and words[0] in PARTITIVES and words[1] == "of" \
                and _vague(said_by.split(None, 2)[2], words[2:], vague):
            said_by, words = said_by.split(None, 2)[2], words[2:]  # "one of the sources": the sources
        relayers = {v.text for v in a.via}  # who passes a report on is not who made it
        visible = [m for m in known[-RECALL:] if (m.inside is None or m.inside[0] <= pos < m.inside[1])
                   and m.text not in relayers]
        resolved: str | None = None
        antecedent: Mention | None = None
        person = _is_person(sdoc, a.source.start, a.source.end, roles, body_nouns)
        partitive = len(words) == 3 and words[1] == "of" and words[2] in pronouns  # "one of them"
        described = _description_before(sdoc, a.source.start, a.source.end)
        if len(words) == 1 and words[0] in PARTITIVES and (told := _appositive_after(sdoc, a.source)):
            resolved = told  # "One, a senior aide to the president, said": the description says who
        elif described is not None:
            resolved = described  # "The head of the region, Vladimir Saldo, said": the name, with its title
            first_word, _, rest = described.partition(" ")
            owner = next((m for m in reversed(visible) if m.start < pos and not m.person and not m.place),
                         None) if first_word.lower() in ("its", "their") else None
            if owner is not None:  # "Its adviser, X": the adviser of the body named before
                resolved = f"{owner.full}'s {rest}"
        elif (len(words) == 1 and words[0] in pronouns) or partitive:
            kind = pronouns[words[-1]]
            for m in reversed(visible):
                if m.start >= pos:
                    continue
                # the head, before what describes it: "Doctors at the camp" are many
                pre = _pre_words(m.text)
                head_text = (m.text.split()[len(pre) - 1] if pre else m.text).rstrip(".,’'\"”)")
                plural = head_text.endswith("s") and not head_text.endswith(("’s", "'s"))
                many = plural and head_text.islower()  # "officials", not "Kallas"
                if kind == "person" and lookup_place(m.text):
                    continue  # "Asked whether Kyiv ..., he replied": a city the tagger took for a person
                if (kind == "person") == m.person and not (kind == "person" and many) \
                        or (kind == "group" and plural):
                    resolved, antecedent = m.full, m
                    break
            person = kind == "person"
        elif (author := _author(sdoc, a.source.start, a.source.end, documents, authoring)) is not None:
            resolved = author  # "a briefing by the intelligence service": its author speaks through it
            core = [w for w in _words(author) if w not in DETERMINERS]
            for m in reversed(visible):  # named more fully before: "Korea's Intelligence Service (KIS)"
                mw = _words(m.full)
                if m.start < pos and not m.person and core and len(mw) > len(core) \
                        and any(mw[i:i + len(core)] == core for i in range(len(mw))):
                    resolved = m.full
                    break
        elif words and words[0] in POSSESSIVES and a.via:
            rest = [w for w in a.source.text.split()[1:] if w.lower() != "own"]  # "its own sources"
            resolved = " ".join([a.via[0].text] + rest)
        elif len(words) >= 2 and words[0] in ("its", "their") and _singular(words[-1]) in roles:
            # "Sudan's government accused X. Its foreign minister said": the government's minister
            owner = next((m for m in reversed(visible) if m.start < pos and not (m.person or m.place)), None)
            if owner is not None:
                resolved = f"{owner.full}'s {a.source.text.split(None, 1)[1]}"
        elif _vague(said_by, words, vague) and (own := _relayer_body(sdoc, a)) is not None:
            resolved = own  # "NATO's chief said the alliance had confirmed ...": the relayer's own body
        elif _vague(said_by, words, vague):
            head = _singular(words[-1])
            # "A senior official hinted": someone new, not "Officials in X" named before (a spokesperson
            # still speaks for the body before, below)
            new_one = words[0] in ("a", "an") and head not in lex.get("representative_nouns", ())
            if not new_one and head in lex.get("armed_group_nouns", ()):
                # a group named inside someone's report counts too ("The RSF shelled X, medics said")
                earlier = [m for m in known[-RECALL:] if m.start < pos and m.text != said_by and not m.place
                           and m.text not in relayers]
                # "The RSF did not respond. The group has denied ...": the movement just named, before
                # an older "a medical group"; "the paramilitary group" goes back to "the paramilitary RSF"
                m = _group_antecedent(sdoc, pos, earlier, [w for w in words[1:-1] if w not in DETERMINERS],
                                      state_offices)
                if m is not None:
                    resolved, antecedent = m.full, m
            if resolved is None and head in documents and not new_one:
                # "said in a January report ... The report noted", "In a report, X said ...": its author
                m = _report_author(sdoc, visible, pos, head)
                if m is not None:
                    resolved, antecedent = m.full, m
            for m in reversed(visible):
                if resolved is not None or m.start >= pos or m.text == said_by or m.place or new_one:
                    continue
                if a.via and not _same_relay(a, m):
                    continue  # "Sources told CNN": CNN's sources, not the ones another outlet cited
                if m.full[:1].islower() and len(_words(m.full)) == 1:
                    continue  # "group denies" in a headline names no one either
                qualifiers = [w for w in words[:-1] if w not in DETERMINERS]
                if m.person and head in known_roles(m.full) and not qualifiers and not any(
                        x.person and m.start < x.start < pos and x.full != m.full for x in visible):
                    resolved, antecedent = m.full, m  # "Zelensky said X. The president added Y"
                    break  # (with no other person named between, who might be the president meant)
                if any(_singular(w) == head for w in _pre_words(m.text)):
                    if qualifiers and not set(qualifiers) <= set(_words(m.full)):
                        continue  # "the spy agency" is not "Yonhap news agency"
                    resolved, antecedent = m.full, m
                    break
                if any(_singular(w) == head for w in _words(m.text)):
                    resolved = ""  # "lawmakers briefed by the agency ... The agency": one left unnamed
                    break
            issuer = _issuer(sdoc, pos, head, authoring) if resolved is None and head in documents else None
            if issuer is not None:  # its issuer, as named there or more fully before
                said = sdoc[issuer.left_edge.i:issuer.i + 1].text
                ihead = issuer.lower_
                resolved = said
                if _vague(said, _words(said), vague):
                    m = next((m for m in reversed(visible) if m.start < issuer.idx
                              and ihead in (_singular(w) for w in _words(m.text))), None)
                    resolved = m.full if m is not None else said  # unnamed, but not the last sayer
            named_kind = classify(said_by)  # "the spy agency" is no news agency
            if resolved is None and (head in media or words[-1] in media) \
                    and named_kind in ("media", "social_media", "other"):
                kinds = ("media", "social_media") if classify("the " + head) == "social_media" else ("media",)
                m = next((m for m in reversed(visible) if m.start < pos and not m.person
                          and classify(m.full) in kinds), None)
                if m is not None:  # "the newspaper", "the channel": the last outlet or channel named
                    resolved, antecedent = m.full, m
            body = head in body_nouns or words[-1] in body_nouns
            if resolved is None and body:
                m = _body_antecedent(head, [m for m in visible if m.start < pos and m.text != a.source.text],
                                     classes, qualified=len(words) > 2)
                if m is not None:
                    resolved, antecedent = m.full, m
            role = head in roles or words[-1] in roles
            speaks_for = head in lex.get("representative_nouns", ())  # "a spokesperson" speaks for a body
            if resolved is None and (words[0] not in ("a", "an") or speaks_for) and not body:
                for m in reversed(visible):  # "the diplomat" may be "a diplomatic source", never a body
                    kind = classify(m.full) if role else ""
                    named_as_one = any(_singular(w) in roles or w in vague for w in _words(m.text))
                    if role and not speaks_for and kind == "other" and not named_as_one:
                        continue  # "the mayor" is a person, not an organisation the tables do not know
                    if role and not (kind == "other" or kind == "expert" and any(
                            _singular(w) in roles for w in _words(m.text)) or kind == "anonymous" and any(
                            w[:6] == head[:6] for w in _words(m.text))):
                        continue  # "the governor" is neither the think tank nor "a military source" before
                    if head not in documents and classify(m.full) == "document":
                        continue  # "the group" is not the reports cited before
                    unnamed = m.person and head in lex.get("unnamed_sayer_nouns", ()) \
                        and not _named_person(sdoc, m)  # "A senior official told X ... the source said"
                    if m.start < pos and m.attribution is not None and (not m.person or unnamed) \
                            and (not a.via or _same_relay(a, m)):
                        resolved, antecedent = m.full, m
                        break
        elif len(words) - (words[:1] == ["the"]) <= 2 and a.source.text[:1].isupper() \
                and a.source.text.split()[-1][:1].isupper() \
                and not (len(words) == 1 and _singular(words[0]) in {_singular(v) for v in vague}):
            # "The Air Force", "Kiper"; not "Some analysts", nor "Sources" capitalised at a sentence start
            last = words[-1] if words else ""
            # "The Air Force" is "Ukraine's Air Force", but "The Emergencies Ministry" no other ministry
            named = set(words[1:]) if len(words) == 3 else set()
            best = None
            for m in visible:
                mw = _words(m.text)
                if m.start < pos and mw and mw[-1] == last and len(m.text) > len(a.source.text) \
                        and named <= set(mw):
                    if best is None or len(m.full) >= len(best.full):
                        best = m
            acronym = a.source.text.split()[-1].strip(".,’'\"“”()")
            if best is None and len(acronym) >= 2 and acronym.isupper() and acronym.isalpha():
                for m in reversed(visible):  # "the NIS" after "the National Intelligence Service"
                    if m.start < pos and not m.person and acronym in _initials(m.full):
                        best = m
                        break
            if best is not None:
                resolved = best.full
                person = best.person
        if resolved and resolved != a.source.text:
            a.source_resolved = resolved
        if antecedent is not None and antecedent.attribution is not None and not a.via \
                and id(antecedent.attribution) in spoken_ids:
            a.via = list(antecedent.attribution.via)
            spoken_ids.add(id(a))
        for v in a.via:  # "UKMTO said the master reported X. ... it said": the relayer spoke too
            if v.start < pos and not any(m.start == v.start for m in known[-RECALL:]):
                someone = _is_person(sdoc, v.start, v.end, roles, body_nouns)
                known.append(Mention(v.start, v.text, someone, v.text))
                taken.append((v.start, v.end))
        known.append(Mention(pos, a.source.text, person, a.source_resolved or a.source.text, a,
                             place=not a.source_resolved and _is_place(sdoc, a.source.start, a.source.end)))
        taken.append((a.source.start, a.source.end))
    return None
