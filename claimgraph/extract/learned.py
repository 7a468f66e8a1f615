"""A learned attribution finder: linear models over the spaCy parse.

The rules find the attributions our guidelines name; this component adds the
ones they miss (beliefs, announcements, unusual cue verbs) with four small
linear models trained on PolNeAR (`scripts/train_model.py`):

1. cue anchor: is this token the syntactic head of a cue?
2. cue extension: grow the cue token by token to the left and right;
3. source: which nominal token heads the source (or none);
4. content: which parse-derived span (a complement subtree, the rest of the
   clause, a quote, the text before or after the cue) is the content.

Features are strings read off the existing parse, weights a plain JSON dict
(feature -> weight), so running the models costs a few dictionary look-ups per
token and needs no machine-learning library.
"""

from __future__ import annotations

import gzip
import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.extract.antecedents import resolve_sources
from claimgraph.extract.lexicon import doc_text, per_doc, token_starts
from claimgraph.extract.repair import GAP_PRONOUNS
from claimgraph.extract.rules import (
    is_evidence,
    lexicon,
    sentence_content_start,
    set_off_relative,
    subjunctive,
    withheld,
)
from claimgraph.extract.schemes import DEFAULT as DEFAULT_SCHEME
from claimgraph.extract.schemes import Scheme, load_scheme
from claimgraph.extract.sources import classify
from claimgraph.model import Attribution, Document, Span

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "attribution.json.gz"
DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "learned_cues.json"
QUOTES = set("\"“”„«»")
EDGE = set(" \t\n\"'“”‘’.,;:—–-()")
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}
MAX_PATH = 4
FINITE = {"VBD", "VBZ", "VBP", "MD"}
RELATIVIZERS = {"which", "who", "that"}
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
NEGATIVE_SAYERS = {"neither", "no", "nobody", "none", "nor"}
EDGE_MODIFIERS = {"advmod", "npadvmod"}  # adverbs and times at a cue's edge (our guidelines leave them out)


# --- the model file -------------------------------------------------------


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> dict[str, Any]:
    """The weights and settings, read once per process."""
    p = Path(path) if path else MODEL_PATH
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def save_model(model: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(model, fh, separators=(",", ":"), sort_keys=True)


def score(weights: dict[str, float], feats: Iterable[str]) -> float:
    """Linear score of a feature list (weights hold the bias under "b")."""
    get = weights.get
    return weights.get("b", 0.0) + sum(get(f, 0.0) for f in feats)


def prob(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


# --- per-document context -------------------------------------------------


def texts_of(sdoc: SpacyDoc) -> list[str]:
    """Token texts read off the token array (creating spaCy Token objects is the costly part)."""
    strings = sdoc.vocab.strings
    return [strings[x] for x in sdoc.to_array("ORTH").tolist()]


def quote_mask(sdoc: SpacyDoc, texts: list[str] | None = None) -> list[bool]:
    """Whether each token lies between quote marks (straight quotes toggle; a line break closes)."""
    inside = False
    mask = []
    for ch in texts if texts is not None else texts_of(sdoc):
        if ch in ("“", "«", "„"):
            mask.append(False)
            inside = True
            continue
        if ch in ("”", "»"):
            mask.append(False)
            inside = False
            continue
        if ch == '"' or ch == "''" or ch == "``":
            mask.append(False)
            inside = not inside
            continue
        if "\n" in ch and not ch.strip():
            inside = False
        mask.append(inside)
    return mask


@dataclass
class Tree:
    """A parse's tree as plain lists: each token's head, subtree edges, label, entity type, punctuation.

    The span features walk up from every token of a candidate; reading ints off
    lists costs a fraction of creating a spaCy Token for each step.
    """

    heads: list[int]
    lefts: list[int]
    rights: list[int]
    deps: list[str]
    ents: list[str]
    puncts: list[bool]


def tree_of(sdoc: SpacyDoc) -> Tree:
    """The document's Tree, built once (after `repair_parse`, which runs first, has moved any heads)."""

    def build() -> Tree:
        strings = sdoc.vocab.strings
        offsets = sdoc.to_array("HEAD").astype("int64").tolist()  # relative, stored unsigned
        arr = sdoc.to_array(["DEP", "ENT_TYPE", "IS_PUNCT"]).tolist()
        n = len(arr)
        heads = [i + k for i, k in enumerate(offsets)]
        lefts, rights = list(range(n)), list(range(n))
        for i in range(n):
            j, steps = i, 0
            while heads[j] != j and steps < n:  # every ancestor's subtree holds i
                j, steps = heads[j], steps + 1
                if lefts[j] > i:
                    lefts[j] = i
                if rights[j] < i:
                    rights[j] = i
        return Tree(heads, lefts, rights, [strings[row[0]] for row in arr],
                    [strings[row[1]] if row[1] else "" for row in arr], [bool(row[2]) for row in arr])

    return per_doc(sdoc, "tree", build)


def lem(t: Token) -> str:
    return t.lemma_.lower()


# --- stage 1: cue anchors -------------------------------------------------


def quote_marks(sdoc: SpacyDoc, texts: list[str] | None = None) -> list[bool]:
    """Whether each token is a quote mark (read once per document, not per feature)."""
    return [x in QUOTES or x in ("''", "``") for x in (texts if texts is not None else texts_of(sdoc))]


def cue_features(t: Token, inq: list[bool], qm: list[bool]) -> list[str]:
    """Why a token may head a cue: its word, its place in the parse, its complements."""
    le, pos, dep = lem(t), t.pos_, t.dep_
    h = t.head
    prev = t.nbor(-1).lower_ if t.i > 0 else "<s>"
    nxt = t.nbor(1).lower_ if t.i + 1 < len(t.doc) else "</s>"
    f = [
        "l=" + le, "p=" + pos, "t=" + t.tag_, "d=" + dep, "lp=" + le + "|" + pos,
        "ld=" + le + "|" + dep, "hl=" + lem(h), "dh=" + dep + "|" + h.pos_,
        "pv=" + prev, "nx=" + nxt, "lnx=" + le + "|" + nxt, "lpv=" + le + "|" + prev,
        "q=" + str(inq[t.i]), "pq=" + pos + "|" + str(inq[t.i]),
        "ss=" + str(t.is_sent_start), "low=" + t.lower_, "hdl=" + h.dep_ + "|" + lem(h),
        "ttl=" + str(t.is_title and not t.is_sent_start), "ent=" + t.ent_type_,
    ]
    i = t.i
    for side, near in (("L", qm[max(0, i - 3):i]), ("R", qm[i + 1:i + 4])):
        if any(near):
            f.append("qn=" + side)
            f.append("lqn=" + le + "|" + side)
    subj = comp = False
    for c in t.children:
        cd = c.dep_
        f.append("cd=" + cd)
        f.append("lcd=" + le + "|" + cd)
        if cd in ("ccomp", "xcomp", "nsubj", "dobj", "prep", "advcl"):
            f.append("pcd=" + pos + "|" + cd)
        if cd == "prep":
            f.append("lpr=" + le + "|" + c.lower_)
        if cd == "mark" or cd == "nsubj":
            f.append("cl=" + cd + "|" + c.lower_)
        subj = subj or cd in ("nsubj", "nsubjpass", "agent")
        comp = comp or cd in ("ccomp", "xcomp", "parataxis")
    f.append("lsc=" + le + "|" + str(subj) + str(comp))
    f.append("psc=" + pos + "|" + str(subj) + str(comp))
    return f


def cue_candidate(t: Token) -> bool:
    """Tokens worth scoring as cue heads (skips spaces, most punctuation, numbers)."""
    if t.is_space:
        return False
    if t.is_punct:
        return t.text == ":"
    return t.pos_ not in ("DET", "NUM", "SYM", "CCONJ", "PART")


# --- stage 2: cue extension ----------------------------------------------


def ext_features(a: Token, t: Token, side: str, step: int) -> list[str]:
    """Whether token `t`, `step` tokens out from anchor `a` on `side`, joins the cue."""
    rel = "ch" if t.head.i == a.i else ("hd" if a.head.i == t.i else ("sib" if t.head.i == a.head.i else "o"))
    le = lem(t)
    return [
        "s=" + side, "sl=" + side + "|" + le, "sp=" + side + "|" + t.pos_, "sd=" + side + "|" + t.dep_,
        "sr=" + side + "|" + rel, "srd=" + side + "|" + rel + "|" + t.dep_,
        "al=" + lem(a) + "|" + side + "|" + le, "ap=" + a.pos_ + "|" + side + "|" + t.pos_,
        "st=" + side + "|" + str(min(step, 4)), "slow=" + side + "|" + t.lower_,
        "aldep=" + lem(a) + "|" + side + "|" + t.dep_,
    ]


def extend_cue(a: Token, weights: dict[str, float], limit: int = 5) -> tuple[int, int]:
    """Grow the cue from its anchor while the model says the next token belongs to it."""
    sent = a.sent
    lo = hi = a.i
    for side, stepdir in (("L", -1), ("R", 1)):
        j = a.i
        for step in range(1, limit + 1):
            j = a.i + stepdir * step
            if j < sent.start or j >= sent.end:
                break
            t = a.doc[j]
            if t.is_space or score(weights, ext_features(a, t, side, step)) <= 0:
                break
            if side == "L":
                lo = j
            else:
                hi = j
    return lo, close_cue(a, lo, hi)


def close_cue(a: Token, lo: int, hi: int) -> int:
    """Where a cue grown to the right may end without cutting a phrase in two.

    The extension model judges one token at a time, so it can stop inside a
    phrase (`weigh plans for greater`, `pointed to reports that`): a last word
    that modifies something after the cue, or a noun whose own dependents go
    on past it, belongs with what follows (the content). A preposition or a
    verb may end a cue (`called on`, `pointed to`, `appears set to veto`).
    """
    doc = a.doc
    while hi > a.i:
        t = doc[hi]
        if t.head.i > hi and t.pos_ not in ("ADP", "SCONJ"):  # `greater` of `greater coordination`
            hi -= 1
            continue
        if t.pos_ in ("NOUN", "PROPN", "NUM") and t.right_edge.i > hi:
            hi -= 1
            continue
        break
    return hi


# --- stage 3: source head -------------------------------------------------


def dep_path(a: Token, c: Token) -> str:
    """The dependency path from `a` up to the common ancestor and down to `c`."""
    up = [a]
    while up[-1].head.i != up[-1].i and len(up) <= MAX_PATH:
        up.append(up[-1].head)
    up_idx = {t.i: k for k, t in enumerate(up)}
    down: list[str] = []
    x = c
    for _ in range(MAX_PATH + 1):
        if x.i in up_idx:
            k = up_idx[x.i]
            if k + len(down) > MAX_PATH:
                return "far"
            return "/".join(["^" + up[m].dep_ for m in range(k)] + list(reversed(down)))
        down.append(x.dep_)
        if x.head.i == x.i:
            break
        x = x.head
    return "far"


def source_features(a: Token, c: Token, cue_lo: int, cue_hi: int, inq: list[bool]) -> list[str]:
    path = dep_path(a, c)
    side = "L" if c.i < cue_lo else "R"
    dist = cue_lo - c.i if side == "L" else c.i - cue_hi
    db = str(dist) if dist < 4 else ("m" if dist < 10 else "f")
    le = lem(a)
    cw = c.lower_ if c.pos_ == "PRON" else lem(c)
    return [
        "pa=" + path, "lpa=" + le + "|" + path, "ppa=" + c.pos_ + "|" + path, "sd=" + side + db,
        "cp=" + c.pos_, "cd=" + c.dep_, "cw=" + cw, "ce=" + c.ent_type_, "cq=" + str(inq[c.i]),
        "aq=" + str(inq[a.i]) + "|" + str(inq[c.i]), "ap=" + a.pos_ + "|" + side + db,
        "lsd=" + le + "|" + side, "cdp=" + c.dep_ + "|" + c.head.pos_, "cwp=" + cw + "|" + path,
    ]


def source_candidates(a: Token, cue_lo: int, cue_hi: int) -> list[Token]:
    sent = a.sent
    return [t for t in sent if t.pos_ in NOMINAL and not (cue_lo <= t.i <= cue_hi)]


def source_span(c: Token, keep: dict[str, float], cue_lo: int, cue_hi: int) -> tuple[int, int]:
    """The source phrase around head `c`: its subtree, less the dependents the training data leaves out."""
    lo = hi = c.i
    stop = len(c.doc)
    for ch in c.children:
        side = "L" if ch.i < c.i else "R"
        left_out = cue_lo <= ch.i <= cue_hi or keep.get(side + "|" + ch.dep_, 0.0) < 0.5 \
            or ch.dep_ in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME") for t in ch.subtree) \
            or ch.dep_ in ("acl", "advcl") and ch.tag_ == "VBG" and c.doc[ch.left_edge.i - 1].text == "," \
            or ch.dep_ == "prep" and ch.lower_ == "of" and any(g.tag_ == "VBG" for g in ch.children) \
            or ch.dep_ == "appos" and ch.lower_ in ("both", "all", "each")  # "the two sides all agreed"
        if left_out:  # nor what lies beyond it ("Pashinyan, speaking in parliament,", "X on Sunday")
            if ch.i > c.i and not ch.is_punct:
                stop = min(stop, ch.left_edge.i)
            continue
        lo = min(lo, ch.left_edge.i)
        hi = max(hi, ch.right_edge.i)
    hi = max(c.i, min(hi, stop - 1))
    if lo <= cue_hi and hi >= cue_lo:  # never swallow the cue
        if c.i < cue_lo:
            hi = cue_lo - 1
        else:
            lo = cue_hi + 1
    return lo, hi


# --- stage 4: content span --------------------------------------------------


@dataclass
class Candidate:
    lo: int
    hi: int
    kinds: list[str]


def _range(idx: Iterable[int], drop: set[int]) -> tuple[int, int] | None:
    keep = [i for i in idx if i not in drop]
    return (min(keep), max(keep)) if keep else None


def trim(sdoc: SpacyDoc, lo: int, hi: int) -> tuple[int, int] | None:
    """Drop edge punctuation, quote marks and spaces."""
    while lo <= hi and (sdoc[lo].is_space or all(ch in EDGE for ch in sdoc[lo].text)):
        lo += 1
    while hi >= lo and (sdoc[hi].is_space or all(ch in EDGE for ch in sdoc[hi].text)):
        hi -= 1
    return (lo, hi) if lo <= hi else None


HYPHENS = ("-", "\u2010", "\u2011")


def _glued_hyphen(sdoc: SpacyDoc, i: int) -> bool:
    """Token `i` is a hyphen inside a word (`re-election`): no space on either side of it."""
    return (0 < i < len(sdoc) - 1 and sdoc[i].text in HYPHENS and not sdoc[i].whitespace_
            and not sdoc[i - 1].whitespace_ and sdoc[i + 1].is_alpha and sdoc[i - 1].text[-1:].isalnum())


def whole_words(sdoc: SpacyDoc, lo: int, hi: int) -> tuple[int, int]:
    """Widen a range that the parse cut inside a hyphenated word (`the re` of `the re-election`)."""
    while lo >= 2 and _glued_hyphen(sdoc, lo - 1):
        lo -= 2
    while hi + 2 < len(sdoc) and _glued_hyphen(sdoc, hi + 1):
        word = sdoc[hi + 2]  # the parse may hang the rest of the phrase on the word's second half
        hi = max(hi + 2, word.right_edge.i) if word.head.i < word.i else hi + 2
    return lo, hi


def quote_regions(sent: SpacySpan, inq: list[bool]) -> list[tuple[int, int]]:
    regions = []
    start = None
    for t in sent:
        if inq[t.i] and start is None:
            start = t.i
        elif not inq[t.i] and start is not None:
            regions.append((start, t.i - 1))
            start = None
    if start is not None:
        regions.append((start, sent.end - 1))
    return regions


def line_breaks(sdoc: SpacyDoc, texts: list[str] | None = None) -> list[int]:
    """Indices of the whitespace tokens that hold a line break."""
    texts = texts if texts is not None else texts_of(sdoc)
    return [i for i, x in enumerate(texts) if "\n" in x and not x.strip()]


def paragraph(a: Token, breaks: list[int] | None = None) -> tuple[int, int]:
    """The token range between the line breaks around `a` (a quote never runs across them)."""
    if breaks is None:
        breaks = line_breaks(a.doc)
    k = bisect_right(breaks, a.i)
    lo = breaks[k - 1] + 1 if k > 0 else 0
    hi = breaks[k] - 1 if k < len(breaks) else len(a.doc) - 1
    return lo, hi


def content_candidates(a: Token, cue: tuple[int, int], src: tuple[int, int] | None,
                       inq: list[bool], breaks: list[int] | None = None,
                       rule: tuple[int, int] | None = None) -> list[Candidate]:
    """Spans the parse offers as the content of the cue anchored at `a` (and `rule`, the rules' own)."""
    sdoc = a.doc
    sent = a.sent
    drop = set(range(cue[0], cue[1] + 1))
    if src:
        drop |= set(range(src[0], src[1] + 1))
    out: dict[tuple[int, int], list[str]] = {}
    plo, phi = paragraph(a, breaks)

    def add(kind: str, idx: Iterable[int], clip: bool = True) -> None:
        r = _range((i for i in idx if not clip or plo <= i <= phi), drop)
        if r is None:
            return
        r2 = trim(sdoc, r[0], r[1])
        if r2 is None:
            return
        out.setdefault(whole_words(sdoc, *r2), []).append(kind)

    right, left = [], []
    # "called it reckless and said ...": from a second act of the sayer on, nothing is this cue's content
    second = next((c for c in a.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    stop = sent.end
    if second is not None:
        stop = min([c.i for c in a.rights if c.dep_ == "cc" and c.i < second.left_edge.i]
                   + [second.left_edge.i])
    semi = next((c.i if c.text == ";" else c.left_edge.i for c in a.rights
                 if c.text == ";" or sdoc[c.left_edge.i].text == ";"), None)
    if semi is not None:  # "X says A; group vows B": a semicolon of the cue's own closes what it governs
        stop = min(stop, semi)
    for c in a.children:
        if c.is_punct or c.is_space or (src and src[0] <= c.i <= src[1]):
            continue
        sub = range(c.left_edge.i, c.right_edge.i + 1)
        add("ch:" + c.dep_, sub)
        if c.dep_ in ("conj", "cc") and c.i > a.i:
            continue  # "called it reckless and said ...": a second act of the sayer, not what was said
        (right if c.i > a.i else left).extend(sub)
    if right:
        add("right", right)
    if left:
        add("left", left)
    if right and left and src is None:  # `peacekeepers have been accused of X`, `which she plans to do`
        add("tree", range(a.left_edge.i, a.right_edge.i + 1))
        subj = next((c for c in a.lefts if c.dep_ in SUBJECTS), None)
        if subj is not None and subj.left_edge.i > a.left_edge.i:  # `But X seems Y`: from X on
            add("core", range(subj.left_edge.i, max(right) + 1))
    h = a.head
    if h.i != a.i:
        own = set(range(a.left_edge.i, a.right_edge.i + 1))
        add("hd:" + a.dep_, [i for i in range(h.left_edge.i, h.right_edge.i + 1) if i not in own])
        if h.head.i != h.i and a.dep_ in ("prep", "advcl", "agent", "pcomp", "pobj"):
            hh = h.head
            add("hh:" + a.dep_, [i for i in range(hh.left_edge.i, hh.right_edge.i + 1) if i not in own])
    lo_all = min(drop)
    hi_all = max(drop)
    add("before", range(sent.start, lo_all))
    add("after", range(hi_all + 1, stop))
    add("sent", range(sent.start, stop))
    for qlo, qhi in quote_regions(sent, inq):
        add("qa" if qlo > a.i else "qb", range(qlo, qhi + 1))
    if sent.end < len(sdoc) and (a.text == ":" or (cue[1] + 1 < len(sdoc) and sdoc[cue[1] + 1].text == ":")
                                 or cue[1] >= sent.end - 2):
        nxt = sdoc[sent.end].sent
        add("next", range(nxt.start, nxt.end), clip=False)
    for qlo, qhi in paragraph_quotes(sdoc, inq, plo, phi, sent):
        add("qpa" if qlo > a.i else "qpb", range(qlo, qhi + 1))
    if rule is not None:
        r = trim(sdoc, *rule)
        if r is not None:
            out.setdefault(r, []).append("rule")
    for (lo, hi), kinds in list(out.items()):
        if len(kinds) == 1 and kinds[0].startswith("cut:"):
            continue
        for k, cut in clause_cuts(sdoc, lo, hi):
            r = trim(sdoc, lo, cut)
            if r is not None and r not in out:
                out[r] = ["cut:" + k]
    return [Candidate(lo, hi, kinds) for (lo, hi), kinds in out.items()]


CUT_DEPS = ("relcl", "appos", "conj", "advcl", "acl", "npadvmod", "prep", "advmod")
PHRASE_CUTS = ("npadvmod", "prep", "advmod")  # short trailing phrases, nested in one another


def clause_cuts(sdoc: SpacyDoc, lo: int, hi: int, most: int = 2, clauses: int = 3) -> list[tuple[str, int]]:
    """Shorter versions of a span that leave out a trailing clause or phrase.

    PolNeAR-style contents often stop before `, who ...`, `and said ...` or a
    trailing time or place phrase that the parse hangs inside the same subtree.
    Phrases come nested (`of an outlier among lawmakers`), so at most `most` of
    them are offered; a clause further in (`, which makes him ...`) still is.
    """
    cuts: list[tuple[str, int]] = []
    phrases = 0
    tree = tree_of(sdoc)
    heads, lefts, rights, deps = tree.heads, tree.lefts, tree.rights, tree.deps
    for j in range(hi, lo + 1, -1):
        x = j  # the largest phrase that starts at j and ends inside the span
        while heads[x] != x and lefts[heads[x]] == j and rights[heads[x]] <= hi:
            x = heads[x]
        if deps[x] in CUT_DEPS and lefts[x] == j and rights[x] >= hi - 1 and heads[x] < j:
            end = j - 2 if tree.puncts[j - 1] or deps[j - 1] == "cc" else j - 1
            if end <= lo:
                continue
            if deps[x] in PHRASE_CUTS:
                if phrases >= most:
                    continue
                phrases += 1
            cuts.append((deps[x], end))
            if len(cuts) >= most + clauses:
                break
    return cuts


def paragraph_quotes(sdoc: SpacyDoc, inq: list[bool], plo: int, phi: int,
                     sent: SpacySpan) -> list[tuple[int, int]]:
    """Quotations that run over several sentences and touch the cue's sentence."""
    out = []
    start = None
    for i in range(plo, phi + 2):
        q = i <= phi and inq[i]
        if q and start is None:
            start = i
        elif not q and start is not None:
            if (start < sent.start or i - 1 >= sent.end) and start < sent.end and i - 1 >= sent.start - 1:
                out.append((start, i - 1))
            start = None
    return out


def after_word(sdoc: SpacyDoc, hi: int) -> str:
    """What follows a span: a mark, the end of the sentence, or a word class."""
    if hi + 1 >= len(sdoc):
        return "</d>"
    t = sdoc[hi + 1]
    if t.is_space or t.is_sent_start:
        return "</s>"
    return t.text if t.is_punct else t.pos_


def before_word(sdoc: SpacyDoc, lo: int) -> str:
    if lo == 0 or sdoc[lo].is_sent_start:
        return "<s>"
    t = sdoc[lo - 1]
    return "<s>" if t.is_space else (t.text if t.is_punct else t.pos_)


def content_features(a: Token, cand: Candidate, cue: tuple[int, int], inq: list[bool],
                     src: tuple[int, int] | None = None) -> list[str]:
    sdoc = a.doc
    le = lem(a)
    n = cand.hi - cand.lo + 1
    nb = str(n) if n < 4 else ("s" if n < 10 else ("m" if n < 25 else "l"))
    pos = "A" if cand.lo > cue[1] else ("B" if cand.hi < cue[0] else "O")
    first, last = sdoc[cand.lo], sdoc[cand.hi]
    quoted = inq[cand.lo] and inq[cand.hi]
    f = ["pos=" + pos, "n=" + nb, "np=" + nb + pos, "lpos=" + le + "|" + pos, "q=" + str(quoted),
         "fp=" + first.pos_, "fd=" + first.dep_, "fl=" + first.lower_, "lp=" + last.pos_,
         "nk=" + str(min(len(cand.kinds), 3)), "ad=" + a.dep_ + "|" + pos, "end=" + after_word(sdoc, cand.hi),
         "beg=" + before_word(sdoc, cand.lo), "fll=" + le + "|" + first.lower_,
         "edge=" + after_word(sdoc, cand.hi) + "|" + before_word(sdoc, cand.lo)]
    nq = sum(inq[i] for i in range(cand.lo, cand.hi + 1))
    mix = "all" if nq >= n - 1 else ("none" if nq == 0 else "mixed")
    cov = str(cand.lo < cue[0] and cand.hi > cue[1])
    f += ["mix=" + mix, "cov=" + cov, "cm=" + cov + "|" + mix, "cmp=" + cov + "|" + mix + "|" + pos,
          "lmix=" + le + "|" + mix]
    # where the span stops: inside which dependent of the cue, before what (`said X on Monday`)
    nxt = sdoc[cand.hi + 1] if cand.hi + 1 < a.sent.end else None
    lb = branch(a, last)
    f += ["lb=" + lb, "lbe=" + lb + "|" + last.ent_type_, "le=" + last.ent_type_,
          "nb=" + (branch(a, nxt) + "|" + nxt.ent_type_ if nxt is not None else "</s>"),
          "fb=" + branch(a, first) + "|" + pos]
    f += tail_features(a, cand)
    f += subject_features(a, cand, src, cov)
    for k in cand.kinds:
        f += ["km=" + k + "|" + mix + "|" + cov,
              "k=" + k, "lk=" + le + "|" + k, "ak=" + a.pos_ + "|" + k, "kq=" + k + "|" + str(quoted),
              "kn=" + k + "|" + nb]
    return f


def subject_features(a: Token, cand: Candidate, src: tuple[int, int] | None, cov: str) -> list[str]:
    """Whether a sayer was found, and whether the span takes in the cue's subject.

    Without a sayer the subject often belongs to what is reported (`peacekeepers
    have been blamed for X`, `the plan is considered a threat`): PolNeAR marks
    the whole clause, while with a sayer the subject is the sayer and stays out.
    """
    has = "src" if src else "nosrc"
    subj = next((c for c in a.children if c.dep_ in SUBJECTS), None)
    if subj is None:
        return ["sj=" + has + "|none|" + cov]
    inside = cand.lo <= subj.left_edge.i and subj.right_edge.i <= cand.hi
    return ["sj=" + has + "|" + subj.dep_ + "|" + str(inside), "sjc=" + has + "|" + str(inside) + "|" + cov,
            "sjk=" + has + "|" + subj.dep_ + "|" + str(inside) + "|" + lem(a)]


def tail_features(a: Token, cand: Candidate) -> list[str]:
    """The phrases a span ends with: what they are, what they hang on, what opens them.

    A phrase on the cue's own verb (`said X in a statement`, `on Monday`) or a
    relative clause after a comma (`X, which ...`) is often the writer's, not
    the sayer's; a phrase inside the content (`a tax on imports`) is not.
    """
    sdoc = a.doc
    lo, hi = cand.lo, cand.hi
    tree = tree_of(sdoc)
    heads, lefts, rights, deps = tree.heads, tree.lefts, tree.rights, tree.deps
    f: list[str] = []
    for j in range(lo + 1, hi + 1):  # outermost first
        x = j
        while heads[x] != x and lefts[heads[x]] == j and rights[heads[x]] <= hi:
            x = heads[x]
        h = heads[x]
        if lefts[x] != j or rights[x] < hi - 1 or not h < j or h == x:
            continue
        if h == lo and j == lo + 1:
            continue  # the object of the span's opening word (`for X`, `that X`) is no tail
        dep = deps[x]
        on = "a" if h == a.i else ("in" if lo <= h else "out")
        comma = "," if tree.puncts[j - 1] else "_"
        if not f:
            w = sdoc[j].lower_ if sdoc[j].pos_ in ("ADP", "SCONJ", "PRON", "ADV") else sdoc[j].pos_
            ents = sorted({e for e in tree.ents[j:hi + 1] if e})
            n = hi - j + 1
            size = "1" if n == 1 else ("s" if n < 5 else "l")
            f += ["tl=" + dep + "|" + on, "tlc=" + dep + "|" + on + "|" + comma,
                  "tlw=" + dep + "|" + on + "|" + w, "tle=" + on + "|" + "+".join(ents[:2]),
                  "tln=" + dep + "|" + size]
        if dep in CUT_DEPS or dep in ("acl", "ccomp"):
            f.append("ta=" + dep + "|" + on + "|" + comma)
        if len(f) >= 8:
            break
    return f or ["tl=none"]


def branch(a: Token, t: Token) -> str:
    """Which dependent of the anchor holds `t` (its label, `+` below it), or `-` outside them."""
    x = t
    for depth in range(6):
        if x.i == a.i:
            return "cue"
        if x.head.i == a.i:
            return x.dep_ + ("" if depth == 0 else "+")
        if x.head.i == x.i:
            break
        x = x.head
    return "-"


def strip_complementizer(sdoc: SpacyDoc, lo: int, hi: int, words: set[str]) -> int:
    """Our guidelines: `X said that Y` has content Y, not `that Y`."""
    if lo < hi and sdoc[lo].lower_ in words and sdoc[lo].dep_ == "mark":
        return lo + 1
    return lo


def past_openers(sdoc: SpacyDoc, lo: int, hi: int) -> int:
    """A content opening its sentence starts at the sentence's own words, as the rules' do:
    after a dateline, a bullet or a connective ("But X, she said", "In fact, X, he said")."""
    starts = per_doc(sdoc, "sentence_first_tokens", lambda: [x.start for x in sdoc.sents])
    k = bisect_right(starts, lo) - 1
    sent = sdoc[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(sdoc)]  # Token.sent walks the doc
    own = sentence_content_start(sdoc, doc_text(sdoc), sent, lexicon())
    return own if sent.start <= lo < own <= hi else lo


def without_event_adjuncts(sdoc: SpacyDoc, anchor: int, lo: int, hi: int) -> int:
    """The end of an object content before the cue's own time, place or occasion.

    "criticized the law as a crazy system during a stop in Flint": the stop is
    when the criticism was made, not part of it; only the verb's phrases after
    its object go ("as a crazy system" stays), and only when none but such
    phrases follow.
    """
    a = sdoc[anchor]
    kids = [c for c in a.rights if lo <= c.i <= hi and not c.is_punct]
    if len(kids) < 2 or kids[0].dep_ != "dobj":
        return hi
    words = lexicon()["event_adjuncts"]

    def adjunct(c: Token) -> bool:  # lower case: a headline's "When It Comes To" is no adjunct
        if c.dep_ in ("prep", "advmod"):
            return c.text in words
        if c.dep_ == "advcl":  # "when he ran", "to thrill his supporters"
            return any(m.dep_ in ("mark", "advmod", "aux") and m.i < c.i and m.text in words | {"to"}
                       for m in c.children)
        return False

    first = next((k for k, c in enumerate(kids) if k and adjunct(c)), None)
    if first is None or not all(adjunct(c) for c in kids[first:]):
        return hi
    cut = kids[first].left_edge.i - 1
    while cut > lo and (sdoc[cut].is_punct or sdoc[cut].is_space):
        cut -= 1
    return cut


# --- the component ----------------------------------------------------------


@dataclass
class Found:
    """One attribution as token ranges (inclusive), before it becomes spans."""

    anchor: int
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int]
    p: float


def predict(sdoc: SpacyDoc, model: dict[str, Any] | None = None,
            only: set[str] | None = None, hold_cue: bool = False,
            known: set[int] | None = None) -> list[Found]:
    """Every attribution the models see in a parsed document (with cue words in `only`, if given).

    `hold_cue`: a content may run over its own cue (`peacekeepers have been accused of X`),
    as PolNeAR marks a content split by it; our guidelines keep the parts apart.
    `known`: tokens of cues already found; an anchor among them still claims its cue
    words (so the others extend as before) but its source and content, which would be
    thrown away, are not looked for.
    """
    m = model or load_model()
    wc, we, ws, wk = m["cue"], m["cue_ext"], m["source"], m["content"]
    th = m["thresholds"]
    keep = m["source_keep"]
    texts = texts_of(sdoc)
    inq = quote_mask(sdoc, texts)
    qm = quote_marks(sdoc, texts)
    breaks = line_breaks(sdoc, texts)
    gate = set(m.get("cue_lemmas", ()))
    if only is not None:
        gate = (gate & only) if gate else set(only)
    lemmas = [sdoc.vocab.strings[x] for x in sdoc.to_array("LEMMA").tolist()] if gate else []
    anchors = []
    for i in range(len(texts)):
        if gate and lemmas[i].lower() not in gate:
            continue
        t = sdoc[i]
        if cue_candidate(t):
            p = prob(score(wc, cue_features(t, inq, qm)))
            if p >= th["cue"]:
                anchors.append((t, p))
    found: list[Found] = []
    taken: set[int] = set()
    for a, p in sorted(anchors, key=lambda x: -x[1]):
        if a.i in taken:
            continue
        cue = extend_cue(a, we)
        if any(i in taken for i in range(cue[0], cue[1] + 1)):
            cue = (a.i, a.i)
        taken.update(range(cue[0], cue[1] + 1))
        if known and a.i in known:
            continue
        src = None
        best, best_s = None, -1e9
        for c in source_candidates(a, *cue):
            s = score(ws, source_features(a, c, cue[0], cue[1], inq))
            if s > best_s:
                best, best_s = c, s
        if best is not None and prob(best_s) >= th["source"]:
            src = source_span(best, keep, *cue)
        elif (sayer := outer_sayer(a)) is not None:
            src = source_span(sayer, keep, *cue)
        # a content never holds its own cue in our guidelines (a split quote keeps its parts apart)
        cands = [c for c in content_candidates(a, cue, src, inq, breaks)
                 if hold_cue or not c.lo < cue[0] <= cue[1] < c.hi]
        if not cands:
            continue
        top = max(cands, key=lambda c: score(wk, content_features(a, c, cue, inq, src)))
        found.append(Found(a.i, cue, src, (top.lo, top.hi), p))
    found.sort(key=lambda f: f.cue[0])
    return found


def _subject_before(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)


def outer_sayer(a: Token) -> Token | None:
    """The sayer of a participle or joined verb with no subject of its own and none the model trusts:
    that of the verb the participle follows (`X said Y, calling Z W`), or of the report to whose
    clause the parser joined the verb (`X said it was concerned and urged Z`). Where the rules kept
    such a verb inside the report's content, its cue is dropped as covered, so this only names the
    sayer of a next act the rules cut off."""
    if any(c.dep_ in SUBJECTS for c in a.children):
        return None
    head = a.head
    if a.dep_ == "advcl" and a.tag_ == "VBG" and a.i > head.i and a.doc[a.left_edge.i - 1].text == ",":
        # "X said Y, calling the strikes “unacceptable”": a participle of saying shares the sayer, that
        # of the report where the parser hung it on a reported clause with no actor (`Y had been hit`)
        actor = _subject_before(head)
        if actor is None and head.dep_ == "ccomp" and head.head.i < head.i:
            actor = _subject_before(head.head)
        return actor
    if a.dep_ == "conj" and head.dep_ == "ccomp" and head.head.i < head.i:
        return _subject_before(head.head)
    return None


def narrow_cue(sdoc: SpacyDoc, f: Found) -> tuple[int, int]:
    """The cue without a closing colon or the adverbs and times at its edges ("read:", "vowed last
    week", "also said"): our guidelines leave them out, and a scheme that counts them puts them back."""
    clo, chi = f.cue
    a = sdoc[f.anchor]
    changed = True
    while changed:
        changed = False
        while chi > clo and (sdoc[chi].is_punct or sdoc[chi].is_space):
            chi, changed = chi - 1, True
        for c in a.children:
            if c.dep_ in EDGE_MODIFIERS and c.i > a.i and c.right_edge.i == chi and c.left_edge.i > clo:
                chi, changed = c.left_edge.i - 1, True
            elif c.dep_ in EDGE_MODIFIERS and c.i < a.i and c.left_edge.i == clo and c.right_edge.i < chi:
                clo, changed = c.right_edge.i + 1, True
    return clo, chi


def to_attribution(sdoc: SpacyDoc, text: str, f: Found, strip_words: set[str]) -> Attribution | None:
    def span(lo: int, hi: int) -> Span:
        return Span.of(text, sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text))

    clo, chi = narrow_cue(sdoc, f)
    via: list[Span] = []
    told = outlet_told(sdoc, f.anchor, clo, chi)
    if told is not None:  # "was confirmed to Reuters by two officials": Reuters relays
        chi, (olo, ohi) = told
        via.append(span(olo, ohi))
    slo, shi = f.source if f.source else (0, -1)
    while slo < shi and (sdoc[slo].is_punct or sdoc[slo].is_space):
        slo += 1  # `,” Lund said`: the marks closing a quotation before the name
    while shi > slo and (sdoc[shi].is_punct or sdoc[shi].is_space):
        shi -= 1  # "Hezbollah's leader, Hassan Nasrallah,"
    if f.source and shi + 1 < len(sdoc) and sdoc[shi + 1].text == ")" \
            and sum(t.text == "(" for t in sdoc[slo:shi + 1]) > sum(t.text == ")" for t in sdoc[slo:shi + 1]):
        shi += 1  # "Ukraine's Defence Intelligence (HUR)": the bracket it opened closes too
    lo, hi = f.content
    lo = past_openers(sdoc, strip_complementizer(sdoc, lo, hi, strip_words), hi)
    hi = without_event_adjuncts(sdoc, f.anchor, lo, hi)
    hi = before_next_act(sdoc, lo, hi)
    while hi > lo and (sdoc[hi].pos_ == "CCONJ" or sdoc[hi].is_space
                       or sdoc[hi].is_punct and all(ch in EDGE for ch in sdoc[hi].text)):
        hi -= 1  # "urges her to come out of the car and": a cut before a second verb leaves no "and"
    if hi + 2 < len(sdoc) and sdoc[hi + 1].text in ("?", "!") and sdoc[hi + 2].text in QUOTES \
            and lo > 0 and sdoc[lo - 1].text in QUOTES:
        hi += 1  # chanted "What curfew?": the quotation's own question mark
    inner = doc_text(sdoc)[sdoc[lo].idx:sdoc[hi].idx + len(sdoc[hi].text)]
    opened = inner.count("\u201c") > inner.count("\u201d") or inner.count('"') % 2 == 1
    for step in (1, 2):  # called it "a provocation", "a lie.": opened inside, closed inside
        if opened and hi + step < len(sdoc) and sdoc[hi + step].text in ("\u201d", '"') \
                and all(sdoc[k].is_punct for k in range(hi + 1, hi + step)):
            hi += step
            break
    cspan = span(lo, hi)
    if not cspan.text.strip():
        return None
    quoted = sdoc[lo].i > 0 and any(ch in QUOTES for ch in sdoc[lo - 1].text)
    resolved = None
    anchor = sdoc[f.anchor]
    if f.source and slo == shi and sdoc[slo].lower_ in RELATIVIZERS and anchor.dep_ == "relcl":
        noun = anchor.head  # "the IAEA, which has called for ...": the relative word stands for the noun
        resolved = sdoc[noun.left_edge.i:noun.i + 1].text
    return Attribution(cue=span(clo, chi), content=cspan, source=span(slo, shi) if f.source else None,
                       direct=quoted, method="model", source_resolved=resolved, via=via)


def outlet_told(sdoc: SpacyDoc, anchor: int, clo: int, chi: int) -> tuple[int, tuple[int, int]] | None:
    """A cue the model grew over "to" before a news outlet ("were confirmed to | Reuters"): where the
    cue ends without it, and the outlet's tokens, which our guidelines put in `via`."""
    to = sdoc[chi]
    if chi <= clo or to.lower_ != "to" or to.head.i != anchor:
        return None
    if lem(sdoc[anchor]) in lexicon()["relay_verbs"]:
        return None  # "referring to a CNN town hall": what is meant, not who was told
    outlet = next((c for c in to.children if c.dep_ == "pobj"), None)
    if outlet is None or classify(sdoc[outlet.left_edge.i:outlet.i + 1].text) != "media":
        return None
    return chi - 1, (outlet.left_edge.i, outlet.i)


def token_range(sdoc: SpacyDoc, span: Span) -> tuple[int, int] | None:
    """The tokens a character span touches (inclusive)."""
    starts = token_starts(sdoc)
    lo, hi = bisect_right(starts, span.start) - 1, bisect_left(starts, span.end) - 1
    return (max(lo, 0), hi) if max(lo, 0) <= hi else None


def rule_unit(sdoc: SpacyDoc, att: Attribution, complementizers: set[str]) -> Found | None:
    """The ranges of a reported-speech attribution the rules found on a verb, or None.

    Only an indirect content in one piece qualifies: a quotation's marks already
    fix its ends. The content takes back its complementizer (`that ...`) so it
    lines up with the clause the parse offers.
    """
    if att.direct or att.content_parts or att.method != "rules":
        return None
    cue, content = token_range(sdoc, att.cue), token_range(sdoc, att.content)
    if cue is None or content is None:
        return None
    anchor = next((sdoc[i] for i in range(cue[0], cue[1] + 1)
                   if sdoc[i].head.i == i or not cue[0] <= sdoc[i].head.i <= cue[1]), None)
    if anchor is None or anchor.pos_ not in ("VERB", "AUX"):
        return None
    lo, hi = content
    if sdoc[hi].sent.start > lo:
        return None  # a clause running into a quotation's next sentence: the parse offers no such span
    if lo > 0 and sdoc[lo - 1].lower_ in complementizers and sdoc[lo - 1].dep_ == "mark":
        lo -= 1
    source = token_range(sdoc, att.source) if att.source else None
    return Found(anchor.i, cue, source, (lo, hi), 1.0)


def relative_report(sdoc: SpacyDoc, cue: tuple[int, int]) -> bool:
    """Whether a cue heads a relative clause set off by a comma (`, which the army said ...`)."""
    return any(set_off_relative(sdoc[i]) for i in range(cue[0], cue[1] + 1))


def rerank_rule_contents(sdoc: SpacyDoc, attributions: list[Attribution], model: dict[str, Any],
                         complementizers: set[str]) -> None:
    """Let the content ranker move the end or start of the rules' indirect contents.

    The rules stop a content where the parse's clause stops; corpora such as
    PolNeAR often end it earlier (before `, which ...`, `and then ...`) or later.
    The ranker was trained with the rules' span among its candidates, so it
    keeps that span unless the parse gives it a reason not to.
    """
    inq = quote_mask(sdoc)
    breaks = line_breaks(sdoc)
    text = doc_text(sdoc)
    # a report in a relative clause closing a content was cut off it by the rules: it stays apart
    relative_cues = [(b, r) for b in attributions
                     if (r := token_range(sdoc, b.cue)) is not None and relative_report(sdoc, r)]
    for att in attributions:
        u = rule_unit(sdoc, att, complementizers)
        if u is None:
            continue
        anchor = sdoc[u.anchor]
        cands = content_candidates(anchor, u.cue, u.source, inq, breaks, rule=u.content)
        # only the ends move: a span sharing neither end with the rules' is another reading, not a fix
        relays = [r for r in (token_range(sdoc, v) for v in att.via) if r is not None]
        relays += [r for b, r in relative_cues if b is not att]
        stop = len(sdoc) if not next_act_after(sdoc, *u.content) else u.content[1]
        cands = [c for c in cands if (c.lo == u.content[0] or c.hi == u.content[1] or "rule" in c.kinds)
                 and c.hi <= stop  # the rules ended it before the sayer's next act: so it stays
                 and not (c.lo <= u.cue[1] and c.hi >= u.cue[0])
                 # neither its relay (`X, the newspaper said`) nor such a report's cue
                 and not any(c.lo <= r[1] and c.hi >= r[0] for r in relays)]
        if not cands:
            continue
        weights = model["content"]
        top = max(cands, key=lambda c: score(weights, content_features(anchor, c, u.cue, inq, u.source)))
        if "rule" in top.kinds:
            continue
        lo = past_openers(sdoc, strip_complementizer(sdoc, top.lo, top.hi, complementizers), top.hi)
        att.content = Span.of(text, sdoc[lo].idx, sdoc[top.hi].idx + len(sdoc[top.hi].text))


def next_act_after(sdoc: SpacyDoc, lo: int, hi: int) -> bool:
    """Whether a verb of the content's clause, with no subject of its own, follows its end after `and` or
    `but` (`said the dam had been breached | and urged residents to leave`): the rules cut it off."""
    j = hi + 1
    if j < len(sdoc) and sdoc[j].text == ",":
        j += 1
    if j + 1 >= len(sdoc) or sdoc[j].lower_ not in ("and", "but"):
        return False
    v = next((t for t in sdoc[j + 1:min(len(sdoc), j + 4)] if t.dep_ == "conj" and t.pos_ == "VERB"), None)
    return v is not None and lo <= v.head.i <= hi and not any(c.dep_ in SUBJECTS for c in v.children)


def asserts(sdoc: SpacyDoc, content: tuple[int, int]) -> bool:
    """A content our guidelines count: a quotation or a clause with a finite verb, not a bare noun phrase."""
    lo, hi = content
    if lo > 0 and any(ch in QUOTES for ch in sdoc[lo - 1].text):
        return True
    if not any(t.tag_ in FINITE for t in sdoc[lo:hi + 1]):
        return False
    # the span's own head must be that verb: `a day of mourning and did not ...` is a noun phrase
    for t in sdoc[lo:hi + 1]:
        if (t.head.i == t.i or not lo <= t.head.i <= hi) and t.pos_ in ("VERB", "AUX"):
            if t.tag_ in FINITE or any(c.tag_ in FINITE and c.dep_ in ("aux", "auxpass") for c in t.children):
                return True
    return False


def passive_subject(sdoc: SpacyDoc, f: Found) -> bool:
    """Whether the model's sayer is the subject of a passive cue (`X was accused of Y`, a headline's
    `X accused of Y` with no auxiliary): the one spoken about, not the one speaking."""
    anchor = sdoc[f.anchor]
    words = [t for t in anchor.sent if not t.is_space]
    last = words[-1] if words else anchor
    headline = anchor.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in anchor.children) \
        and not any(ch in ".!?\"”" for ch in last.text)  # a headline has no closing full stop
    for i in range(f.source[0], f.source[1] + 1):  # type: ignore[index]
        t = sdoc[i]
        if t.head.i == f.anchor and (t.dep_ == "nsubjpass" or t.dep_ == "nsubj" and headline):
            return True
    return False


def before_next_act(sdoc: SpacyDoc, lo: int, hi: int) -> int:
    """Where a content ends before the sayer's next act joined to it by "and"/"but" with no subject of its
    own ("tweeted that X was a con and encouraged Americans to ..."): what the sayer did, not said."""
    acts = lexicon()["sayer_next_acts"]
    for t in sdoc[lo + 1:hi + 1]:
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_.lower() in acts and lo <= t.head.i < t.i \
                and t.tag_ == "VBD" and sdoc[t.left_edge.i - 1].lower_ in ("and", "but") \
                and not any(c.dep_ in SUBJECTS for c in t.children) and t.left_edge.i - 2 > lo:
            return t.left_edge.i - 2
    return hi


def second_act(sdoc: SpacyDoc, f: Found) -> bool:
    """Whether the content is a verb joined to the cue's own by "and" (what the sayer did next)."""
    lo, hi = f.content
    roots = [t for t in sdoc[lo:hi + 1] if not lo <= t.head.i <= hi]
    return len(roots) == 1 and roots[0].dep_ == "conj" and roots[0].head.i == f.anchor \
        and roots[0].pos_ in ("VERB", "AUX")


def names_a_person(sdoc: SpacyDoc, content: tuple[int, int]) -> bool:
    """A content that is only a person (`the defence minister`, `Ms. Roe`), not what anyone said."""
    span = sdoc[content[0]:content[1] + 1]
    if has_verb(sdoc, content) or not len(span):
        return False
    root = span.root
    if any(t.i > root.i and not (t.ent_type_ == "PERSON" and root.ent_type_ == "PERSON") for t in span):
        return False  # "Clinton a “champion”": a label given to a person is a claim
    return root.ent_type_ == "PERSON" or root.lemma_.lower() in lexicon()["person_nouns"]


def evidence(sdoc: SpacyDoc, source: tuple[int, int]) -> bool:
    """Whether a source span is footage, imagery or data (its head word), which shows but asserts nothing."""
    lo, hi = source
    return any(is_evidence(t) for t in sdoc[lo:hi + 1] if not lo <= t.head.i <= hi or t.head.i == t.i)


def has_verb(sdoc: SpacyDoc, content: tuple[int, int]) -> bool:
    """A content with a verb of its own, finite or not: a proposition rather than a thing named."""
    return any(t.pos_ in ("VERB", "AUX") for t in sdoc[content[0]:content[1] + 1])


def requested(sdoc: SpacyDoc, content: tuple[int, int]) -> bool:
    """What a directive verb asks for: an infinitive (`allies to respond`) or a clause of the verb's own
    with a pronoun subject and a participle (`ordered them held`), no finite verb (`told Putin the
    dead numbered 139` is a report, whatever the tagger made of "numbered")."""
    words = sdoc[content[0]:content[1] + 1]
    if any(t.tag_ in FINITE for t in words):
        return False
    infinitive = any(t.tag_ == "TO" and t.head.tag_ == "VB" and t.head.i > t.i for t in words)
    small_clause = any(t.tag_ == "VBN" and t.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.pos_ == "PRON"
                                                                    for c in t.children) for t in words)
    return infinitive or small_clause


@lru_cache(maxsize=1)
def admission() -> dict[str, Any]:
    """Which model attributions our guidelines accept (claimgraph/data/learned_cues.json)."""
    with open(DATA_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def _extent(a: Attribution) -> tuple[int, int]:
    spans = [a.cue, a.content, *a.via, *a.content_parts] + ([a.source] if a.source else [])
    return min(x.start for x in spans), max(x.end for x in spans)


class Reach:
    """Attributions by the characters they reach, to find those a new one may touch without
    setting it against every other (a pasted text of thousands of reports)."""

    def __init__(self, attributions: list[Attribution]):
        self.items = sorted(((*_extent(a), a) for a in attributions), key=lambda x: x[0])
        self.starts = [lo for lo, _, _ in self.items]
        self.widest = max((hi - lo for lo, hi, _ in self.items), default=0)

    def near(self, a: Attribution) -> list[Attribution]:
        lo, hi = _extent(a)
        first, last = bisect_left(self.starts, lo - self.widest), bisect_right(self.starts, hi)
        return [x for xlo, xhi, x in self.items[first:last] if xhi >= lo]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _covered(new: Attribution, old: Attribution) -> bool:
    """Whether `old` holds `new`: the same cue, a cue nested in its content, or the same content."""
    if _overlaps(new.cue, old.cue):
        return True
    if old.content.start <= new.cue.start and new.cue.end <= old.content.end:
        return True  # speech inside a content is one nested attribution (our guidelines)
    if any(_overlaps(new.cue, s) or _overlaps(new.content, s) or new.source and _overlaps(new.source, s)
           for s in old.via):
        return True  # a known attribution's relay (`A, citing B, reported`; `according to A, which cited`)
    if old.source and _overlaps(new.content, old.source):
        return True
    lo, hi = max(new.content.start, old.content.start), min(new.content.end, old.content.end)
    shared = max(0, hi - lo)
    return shared * 2 >= min(len(new.content.text), len(old.content.text))


def admitted(sdoc: SpacyDoc, f: Found, policy: dict[str, Any]) -> bool:
    """Whether our guidelines count a model attribution (claimgraph/data/learned_cues.json).

    Each condition is graded by the model's confidence rather than all-or-nothing:
    a content that is a bare noun phrase passes when the model is sure of the cue
    (`clause_free_min_p`) or the cue word takes objects (`denied the report`).
    """
    le = lem(sdoc[f.anchor])
    if le not in set(policy["allowed_cue_lemmas"]):
        return False
    if f.source is None and policy.get("require_source", True):
        return False  # a cue with no sayer is a hedge in our guidelines
    if f.source is None and f.p < policy.get("sourceless_min_p", 0.0):
        return False  # where a scheme counts them, a sayerless report needs a surer cue
    if f.source and not any(t.is_alpha for t in sdoc[f.source[0]:f.source[1] + 1]):
        return False
    if f.source and policy.get("require_clause", True) and passive_subject(sdoc, f):
        return False  # "RSF accused of massacre": the passive's subject is the one accused, not a sayer
    if f.source and policy.get("require_clause", True) and le in lexicon()["document_verbs"] \
            and evidence(sdoc, f.source) and not asserts(sdoc, f.content):
        return False  # "Satellite images showed smoke": evidence, not a sayer ("showed that X" is read)
    if policy.get("require_clause", True) and any(t.lower_ in NEGATIVE_SAYERS | {"nothing"}
                                                  for t in sdoc[f.cue[0]:f.cue[1] + 1]):
        return False  # "He said nothing about the talks": nothing said
    if f.source and sdoc[f.source[0]].lower_ in NEGATIVE_SAYERS and policy.get("require_clause", True):
        return False  # "Neither Kyiv nor Ankara has commented on X": no one said anything
    said = sdoc[f.content[0]:f.content[1] + 1].text.lower()
    if said.startswith(tuple(policy.get("anonymity_requests", ()))):
        return False  # "who asked not to be named": how the source speaks, not what it says
    if le in lexicon()["relay_verbs"] and policy.get("require_clause", True) and not asserts(sdoc, f.content):
        return False  # "NBC reported, citing two officials": whom a relay cites is no claim

    lone = sdoc[f.content[0]] if f.content[0] == f.content[1] else None
    if policy.get("require_clause", True) and lone is not None and lone.pos_ == "PRON":
        return False  # "officials deny it": a pronoun alone says nothing a reader can check
    if policy.get("require_clause", True) and said.startswith("as ") and not has_verb(sdoc, f.content):
        return False  # "a claim officials dismissed as a lie": the label without what it labels
    if policy.get("require_clause", True) and le == "say" and said.startswith("to "):
        return False  # "Iran said to be supplying missiles": a headline's passive, no one says it
    if policy.get("require_clause", True) and said.startswith(("whether ", "if ")):
        return False  # "asked whether Islamic State or Ukraine was behind it": a question asserts nothing
    if policy.get("require_clause", True) and le in lexicon()["request_verbs"] and any(
            subjunctive(t) for t in sdoc[f.content[0]:f.content[1] + 1]
            if not f.content[0] <= t.head.i <= f.content[1]):
        return False  # "demanded that Moscow withdraw its troops": a request, not a report
    if policy.get("require_clause", True) and second_act(sdoc, f):
        return False  # "declared Sunday a day of mourning and did not mention X": the sayer's next act

    anchor = sdoc[f.anchor]
    if anchor.dep_ == "advcl" and anchor.tag_ == "VBN" and not (
            anchor.left_edge.i <= f.content[0] and f.content[1] <= anchor.right_edge.i):
        return False  # "declined to comment when asked by reporters": the question, not an answer
    if policy.get("require_clause", True) and anchor.dep_ == "relcl" and anchor.head.lower_ in GAP_PRONOUNS \
            and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in anchor.children):
        return False  # "Nothing the ministry said was true": what was said is the gap, and no claim
    if withheld(sdoc[f.anchor]):
        return False  # "has neither confirmed nor denied the report"
    negated = any(c.dep_ == "neg" for c in sdoc[f.anchor].children)
    if negated and (said.split(" ", 1)[0] in set(policy.get("negated_open_questions", ()))
                    or le in set(policy.get("unasserted_when_negated", ()))):
        return False  # "did not say what caused the blasts", "could not confirm the cargo": nothing asserted
    if not policy.get("require_clause", True) or asserts(sdoc, f.content):
        return True
    if names_a_person(sdoc, f.content):
        return False  # "the president dismissed the defence minister": a person is no claim
    if le in lexicon()["directive_verbs"] and requested(sdoc, f.content):
        return False  # "called on allies to respond", "ordered them held": a request has no truth to credit
    if le in set(policy.get("object_content_lemmas", ())):
        return True
    if has_verb(sdoc, f.content):  # `urged them to leave`, `vowed not to repeat it`
        return f.p >= policy.get("nonfinite_min_p", 1.1)
    if le in set(policy.get("act_object_lemmas", ())):
        return False  # "announced new sanctions", "pledged support": an act, not a claim
    return f.p >= policy.get("clause_free_min_p", 1.1)


@lru_cache(maxsize=8)
def scheme_policy(name: str) -> dict[str, Any]:
    """The admission settings under an annotation scheme (claimgraph/data/schemes.json)."""
    scheme = load_scheme(name)
    policy = {**admission(), **scheme.overrides}
    if scheme.model_cues == "all":
        policy["allowed_cue_lemmas"] = sorted(set(load_model().get("cue_lemmas", ())))
    return policy


def cue_tokens(sdoc: SpacyDoc, attributions: list[Attribution]) -> set[int]:
    """Indices of the tokens inside the cues found so far (a model cue on one of them is `_covered`)."""
    starts = token_starts(sdoc)
    out: set[int] = set()
    for a in attributions:
        out.update(range(bisect_left(starts, a.cue.start), bisect_left(starts, a.cue.end)))
    return out


def add_model_attributions(sdoc: SpacyDoc, attributions: list[Attribution],
                           document: Document, scheme: Scheme | None = None) -> list[Attribution]:
    """Add the model's attributions whose cue and content the earlier components have not covered."""
    try:
        model = load_model()
    except FileNotFoundError:
        return attributions
    strip_words = set(model.get("strip_complementizers", []))
    min_add = model["thresholds"].get("add", 0.5)
    policy = scheme_policy(scheme.name if scheme else DEFAULT_SCHEME)
    if policy.get("rerank_rule_contents") and model.get("ranks_rule_contents"):
        rerank_rule_contents(sdoc, attributions, model, strip_words)
    out = list(attributions)
    # the surest first: of two model attributions that cover each other (a relay
    # `A reported, citing B, that Y`), the one the model is surer of stays
    hold = bool(policy.get("content_holds_cue", False))
    found = predict(sdoc, model, only=set(policy["allowed_cue_lemmas"]), hold_cue=hold,
                    known=cue_tokens(sdoc, attributions))
    known, added = Reach(out), []
    for f in sorted(found, key=lambda f: -f.p):
        if f.p < min_add or not admitted(sdoc, f, policy):
            continue
        att = to_attribution(sdoc, document.text, f, strip_words)
        if att is None:
            continue
        if any(_covered(att, x) for x in known.near(att)) or any(_covered(att, x) for x in added):
            continue
        added.append(att)
    out.extend(added)
    out.sort(key=lambda x: x.cue.start)
    resolve_model_sources(sdoc, out)
    return out


def resolve_model_sources(sdoc: SpacyDoc, attributions: list[Attribution]) -> None:
    """Name the sources the model found as pronouns or vague nouns ("He vowed ..."), as the rules'
    are named, and the rules' sources left unnamed that a model sayer before them names ("The RSF
    rejected the accusations. ... the group said"), without touching what is already resolved."""
    if not any(a.method == "model" and a.source for a in attributions):
        return
    pronouns = lexicon()["pronouns"]

    def unnamed(a: Attribution) -> bool:  # a pronoun or "the ..." still waiting for a name
        if a.source is None or a.source_resolved:
            return False
        first = a.source.text.split(" ", 1)[0].lower()
        return first in pronouns or first in ("the", "this", "these", "that", "those")

    if not any(unnamed(a) for a in attributions):
        return

    kept = {id(a): a.source_resolved for a in attributions if a.source_resolved}
    resolve_sources(sdoc, sorted(attributions, key=lambda a: a.cue.start), lexicon())
    for a in attributions:
        if id(a) in kept:
            a.source_resolved = kept[id(a)]
