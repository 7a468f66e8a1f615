"""Disagreements between claims: conflicts, and updates that only look like them.

Figures: two claims of one story counting the same thing (same measure,
counted noun and side) whose intervals cannot both hold ("about 640" vs "627"
may; "up to 3,000" vs "12,000" may not; a count for one episode or a
narrower group only clashes with a total smaller than itself). If they speak
for different times, or one origin revises itself, or the later one reports a
change ("rose to"), the later revises the earlier: an update. Otherwise both
cannot be true: a conflict, with the most conservative (lowest) figure named.
Statements: a denial and an assertion that are otherwise close paraphrases,
two answers to who did it, a bare verdict ("this is nonsense") on the claim
before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from claimgraph.link.figures import Figure, disjoint, same_side
from claimgraph.link.items import Item
from claimgraph.link.lexicon import aliases, link_lexicon
from claimgraph.link.places import places_clash
from claimgraph.link.provenance import same_origin
from claimgraph.model import Disagreement, MemberRef

WINDOW = 24  # earlier figures of one measure each figure is checked against
STATEMENT_MIN_COS = 0.55
STATEMENT_MIN_OVERLAP = 0.75  # share of content words (negations left out) the two statements have in common
FIGURE_MIN_COS = 0.5  # figures of claims that far apart in meaning are about different things
NOUN_MIN_COS = 0.4  # ... unless both name what they count ("two soldiers", "47 soldiers")
PINNED_MIN_COS = 0.3  # ... or both also count it at the moment of the event ("at the time")
ESTIMATES = ("about", "at_most", "less_than", "range")  # figures that state a span, not a count so far
MEMBER_MAX_RATIO = 2.0  # members of one claim whose counts differ more than this count different things
WORD = re.compile(r"[a-z]+")
NAMED_MIN_OVERLAP = 0.5  # enough shared words when the two also share a name
NAME_STEM = 5
CLAUSE = re.compile(r"[.;:]\s+|,?\s+(?:and|but|while|whereas)\s+(?:that\s+)?")
PROPER = re.compile(r"\b[A-Z][A-Za-z]+")  # a capitalised word, first in the sentence too ("Iran has not")
BLOCK_MAX = 60  # claims naming one agent in one story, above which the name is no block


def _ref(items: list[Item], i: int) -> MemberRef:
    it = items[i]
    return MemberRef(it.doc_id, it.index, it.content)


def _time(it: Item) -> tuple[dt.date, int]:
    return (it.when or dt.date.min, it.tod if it.tod is not None else -1)


def _also_gives(it: Item, own: Figure, other: Figure) -> bool:
    """Whether the statement giving `own` also gives the other's count, unmeasured or as the same measure:
    a whole and its part ("11 detained, four of them directly involved") agree with a claim of the part."""
    return any(g is not own and g.value == other.value and g.measure in ("", other.measure)
               for g in it.figures)


def _reported(it: Item) -> tuple[dt.date, int]:
    """When the report was published (day, then time where stamped): what orders a source's revisions,
    whatever time of the event its words name ("killed three overnight")."""
    return (it.published or dt.date.min, it.published_tod if it.published_tod is not None else -1)


def _order(it: Item) -> tuple[dt.date, int, dt.date, str, int]:
    """Sort key: when the claim speaks for, then publication, then place in the text."""
    return (*_time(it), it.published or dt.date.min, it.doc_id, it.position)


def _as_parts(figures: list[Figure]) -> list[Figure]:
    """Counts of a narrower group, also read as parts of the wider one: 670 children of all people."""
    within = link_lexicon()["noun_within"]
    return [replace(f, noun=within[f.noun], episode=True) for f in figures if f.noun in within]


def _min_cos(fa: Figure, fb: Figure, pinned: bool = False) -> float:
    """How close two claims must be for their figures to count one thing.

    Both naming the counted noun says more than the rest of their wording,
    which differs however the count is phrased; both counting it at the
    moment of the event ("at the time", "when the missile struck") more still.
    """
    if fa.noun and fa.noun == fb.noun:
        return PINNED_MIN_COS if pinned else NOUN_MIN_COS
    return FIGURE_MIN_COS


def _who(it: Item) -> str:
    return it.origin.name or it.outlet


@dataclass
class ClaimView:
    """What disagreement detection needs of one claim."""

    first: Item
    first_index: int
    members: list[int]
    origins: set[str]
    centroid: np.ndarray


def _views(items: list[Item], clusters: list[list[int]], vecs: np.ndarray) -> list[ClaimView]:
    out = []
    for c in clusters:
        ordered = sorted(c, key=lambda i: _order(items[i]))
        cen = vecs[ordered].mean(axis=0)
        cen = cen / (np.linalg.norm(cen) or 1.0)
        origins = {items[i].origin.key for i in c} - {""}
        out.append(ClaimView(items[ordered[0]], ordered[0], ordered, origins, cen))
    return out


def _kind(
    items: list[Item], a: ClaimView, ia: int, fa: Figure, b: ClaimView, ib: int, fb: Figure
) -> tuple[str, bool]:
    """('update' or 'conflict', whether b is later) for two claims with disjoint figures.

    A document holding both orders them where it can: live-blog stamps that
    differ, or a change reported in words ("rose to"); one that gives both
    counts for one day from two origins ("X now says 10; Y still says 2")
    sets rival figures side by side. Otherwise the two
    members that state the figures decide: one origin behind both revises
    itself; a one-time fact given differently by two origins is a conflict;
    different days make an update (unless a running total shrinks), the same
    day a conflict. The members, not their whole claims, are compared: a
    claim repeated by several origins shares one of them with many others.
    """
    docs_b: dict[str, list[Item]] = defaultdict(list)
    for i in b.members:
        docs_b[items[i].doc_id].append(items[i])
    for i in a.members:
        x = items[i]
        for y in docs_b.get(x.doc_id, []):
            if x.tod is not None and y.tod is not None and x.tod != y.tod:
                return "update", y.tod > x.tod
            if x.growth or y.growth:
                return "update", y.position > x.position
    for i in a.members:  # one text setting two origins' counts side by side for one day: rivals
        x = items[i]
        for y in docs_b.get(x.doc_id, []):
            if x.when == y.when and _states(x, fa.key, fa.value) and _states(y, fb.key, fb.value):
                if (
                    not same_origin(x, y)
                    and (x.tod is None or y.tod is None)
                    and not (x.earlier or y.earlier)
                ):
                    return "conflict", True
    x, y = items[ia], items[ib]
    if same_origin(x, y):
        if x.doc_id != y.doc_id and _reported(x) != _reported(y):
            return "update", _reported(y) > _reported(x)  # a source revising itself: its later report
        return "update", _order(y) >= _order(x)
    if fa.measure in link_lexicon()["fixed_measures"]:
        return "conflict", True  # a one-time fact (a sum promised, a distance) does not move over time
    if x.pinned and y.pinned and fa.measure not in link_lexicon()["cumulative_measures"]:
        # both count a state at the moment of the event ("in care at the time"), which no later report moves;
        # a toll "killed when the missile struck" still grows as the dead are found
        return "conflict", True
    if (x.growth or y.growth) and fa.measure in link_lexicon()["cumulative_measures"]:
        b_later = _order(y) >= _order(x)
        early, late = (fa, fb) if b_later else (fb, fa)
        if (y.growth if b_later else x.growth) and late.low > early.high:
            return "update", b_later  # "the toll has risen to five", later the same day from another source
    if fa.measure in link_lexicon()["cumulative_measures"] and x.when == y.when \
            and _reported(x)[0] != _reported(y)[0]:
        b_later = _reported(y) > _reported(x)
        early, late = (fa, fb) if b_later else (fb, fa)
        if late.low > early.high:  # "killed 14 on Monday" in Thursday's report: Monday's toll, counted later
            return "update", b_later
    if x.when != y.when or a.first.when != b.first.when:
        b_later = _order(y) >= _order(x) if x.when != y.when else True
        early, late = (fa, fb) if b_later else (fb, fa)
        # a running total that shrinks in another source's later report is a rival count, not a revision
        shrinks = late.high < early.low and fa.measure in link_lexicon()["cumulative_measures"]
        return ("conflict" if shrinks else "update"), b_later
    return "conflict", True


def figure_disagreements(
    items: list[Item], clusters: list[list[int]], story: dict[str, int], vecs: np.ndarray
) -> list[Disagreement]:
    """Conflicts and updates between claims over figures of one measure."""
    views = _views(items, clusters, vecs)
    groups: dict[tuple, list[tuple[ClaimView, int, Figure]]] = defaultdict(list)
    for v in views:
        seen: set[tuple] = set()  # every distinct figure of the claim: "84 X and 47 Y" has two counts
        for i in v.members:
            for f in items[i].figures + _as_parts(items[i].figures):
                if f.measure and (f.key, f.low, f.high, f.episode) not in seen:
                    seen.add((f.key, f.low, f.high, f.episode))
                    groups[(story.get(v.first.doc_id, 0), f.key)].append((v, i, f))
    out: list[Disagreement] = []
    said: set[tuple[int, int, str]] = set()  # (claim, claim, kind) already reported
    view_of = {i: v for v in views for i in v.members}

    def own(ia: int, fa: Figure, ib: int, fb: Figure) -> bool:
        """Some member of the earlier claim shares the later member's origin."""
        return any(same_origin(items[m], items[ib]) for m in view_of[ia].members)

    for entries in groups.values():
        entries.sort(key=lambda e: _order(e[0].first))
        for n, (vb, ib, fb) in enumerate(entries):
            revisions: list[tuple[int, Figure, int, Figure]] = []
            for va, ia, fa in entries[max(0, n - WINDOW) : n]:
                if va is vb or not same_side(fa, fb) or places_clash(items[ia].where, items[ib].where):
                    continue  # counts for two places are no rivals
                # the claims, or the two statements giving the figures, close enough in meaning
                close = max(float(va.centroid @ vb.centroid), float(vecs[ia] @ vecs[ib]))
                pinned = items[ia].pinned and items[ib].pinned
                if close < _min_cos(
                    fa, fb, pinned and fa.measure not in link_lexicon()["cumulative_measures"]
                ):
                    continue
                if not disjoint(fa, fb):
                    # "at least 7" then "8" from the same origin on a later day: compatible, yet revised
                    x, y = items[ia], items[ib]
                    if fa.value != fb.value and same_origin(x, y) and x.when != y.when \
                            and not (fa.episode or fb.episode):  # "three children among the injured"
                        revisions.append((ia, fa, ib, fb))
                    continue
                if _also_gives(items[ia], fa, fb) or _also_gives(items[ib], fb, fa):
                    continue  # "11 detained, four of them attackers" against "all four attackers detained"
                kind, b_later = _kind(items, va, ia, fa, vb, ib, fb)
                a, b = items[ia], items[ib]
                if kind == "conflict":
                    done = (va.first_index, vb.first_index, kind)
                    if done in said:
                        continue
                    said.add(done)
                    low = min((fa, a), (fb, b), key=lambda x: x[0].low)
                    why = (
                        f"{fa.measure} ({fa.noun or 'count'}): {fa.text()} ({_who(a)}) vs "
                        f"{fb.text()} ({_who(b)}) for the same time"
                    )
                    conservative = f"{low[0].text()} ({_who(low[1])})"
                    out.append(Disagreement("conflict", _ref(items, ia), _ref(items, ib), why, conservative))
                else:
                    revisions.append((ia, fa, ib, fb) if b_later else (ib, fb, ia, fa))
            # what it revises: the latest earlier figure, and the latest its own origin gave
            latest = revisions[-1:]
            mine = [r for r in revisions if own(*r)][-1:]
            for ia, fa, ib, fb in dict.fromkeys(latest + mine):
                done = (min(ia, ib), max(ia, ib), "update")
                if done in said:
                    continue
                said.add(done)
                a, b = items[ia], items[ib]
                how = "the figure changed over time"
                if same_origin(a, b):
                    how = "the same source revised its figure"
                what = f"{fa.measure} ({fa.noun or 'count'})"
                why = f"{what}: {fa.text()} ({_who(a)}) -> {fb.text()} ({_who(b)}); {how}"
                out.append(Disagreement("update", _ref(items, ia), _ref(items, ib), why))
    out += _within_claims(items, views)
    return out


def _within_claims(items: list[Item], views: list[ClaimView]) -> list[Disagreement]:
    """Members of one claim whose figures for the same thing differ.

    Clustering joins "at least 7 killed" and "9 killed" as one claim, yet two
    origins giving different counts of one event disagree; one origin giving
    a new count, a live-blog stamp later, or a change in words is an update.
    Estimates with a span, and counts far apart (likely different things), are left out.
    """
    out: list[Disagreement] = []
    for v in views:
        done: set[tuple] = set()
        # per member: the figures worth comparing, and every (what, value) it states
        mine = {
            i: [f for f in items[i].figures if f.measure and not f.episode and f.qualifier not in ESTIMATES]
            for i in v.members
        }
        stated = {i: {(f.key, f.value) for f in items[i].figures} for i in v.members}
        for n, ia in enumerate(v.members):
            if not mine[ia]:
                continue
            for ib in v.members[n + 1 :]:
                for fa in mine[ia]:
                    for fb in mine[ib]:
                        if fa.key != fb.key or fa.value == fb.value or not same_side(fa, fb):
                            continue
                        if (fa.key, fb.value) in stated[ia] or (fb.key, fa.value) in stated[ib]:
                            continue  # "84 of them and 47 of those" in both: two counts, no disagreement
                        if max(fa.value, fb.value) > MEMBER_MAX_RATIO * max(min(fa.value, fb.value), 1.0):
                            continue
                        key = (fa.key, frozenset((fa.value, fb.value)))
                        if key in done:
                            continue
                        done.add(key)
                        out.append(_member_disagreement(items, ia, fa, ib, fb))
    return out


def _states(it: Item, key: tuple[str, str], value: float) -> bool:
    return any(f.key == key and f.value == value for f in it.figures)


def _member_disagreement(items: list[Item], ia: int, fa: Figure, ib: int, fb: Figure) -> Disagreement:
    """Conflict or update between two members of one claim (ia ordered before ib)."""
    a, b = items[ia], items[ib]
    same_origin = bool(a.origin.key) and a.origin.key == b.origin.key
    stamped = a.doc_id == b.doc_id and a.tod is not None and b.tod is not None and a.tod != b.tod
    if same_origin or stamped or a.growth or b.growth:
        what = f"{fa.measure} ({fa.noun or 'count'})"
        why = f"{what}: {fa.text()} ({_who(a)}) -> {fb.text()} ({_who(b)}); the figure changed"
        return Disagreement("update", _ref(items, ia), _ref(items, ib), why)
    low = min((fa, a), (fb, b), key=lambda x: x[0].low)
    what = f"{fa.measure} ({fa.noun or 'count'})"
    why = f"{what}: {fa.text()} ({_who(a)}) vs {fb.text()} ({_who(b)}) for the same time"
    return Disagreement(
        "conflict", _ref(items, ia), _ref(items, ib), why, f"{low[0].text()} ({_who(low[1])})"
    )


def _content_words(text: str) -> set[str]:
    lex = link_lexicon()
    drop = ENGLISH_STOP_WORDS | set(lex["negations"]) | set(lex["stopwords_extra"])
    return {w[:5] for w in WORD.findall(text.lower()) if w not in drop and len(w) > 2}


def _names_of(text: str) -> set[str]:
    """Stems of the proper names a text holds: "Ukraine", "Ukrainian" and "Ukraine's" are one."""
    caps = (w.lower() for w in PROPER.findall(text))
    return {w[:NAME_STEM] for w in caps if len(w) > 2 and w not in ENGLISH_STOP_WORDS}


@lru_cache(maxsize=1)
def _agency_cue() -> re.Pattern[str]:
    """All agency cues as one pattern (one scan of a clause instead of one per cue)."""
    return re.compile(r"\b(?:" + "|".join(link_lexicon()["agency_cues"]) + r")\b")


def _cue_at(text: str) -> int:
    """Where the first agency cue of a clause starts ("was behind", "had nothing to do with"), or -1."""
    m = _agency_cue().search(text.lower())
    return m.start() if m else -1


def _agents(it: Item) -> tuple[set[str], set[str]]:
    """(names said to have done it, names said not to have), clause by clause.

    "IS bears sole responsibility. There was no Ukrainian involvement"
    asserts IS and denies Ukraine. A denied clause names its agent before
    the cue ("Ukraine had nothing to do with the events at the hall":
    Ukraine, not the hall); an asserted one may name it anywhere
    ("prepared by X and facilitated by Y").
    """
    asserted: set[str] = set()
    denied: set[str] = set()
    if it.answer_to and _cue_at(it.answer_to) >= 0:  # "asked whether X or Y was behind it": "Y"
        return _names_of(it.content), set()
    own = _before_embedded(it.content)  # "X of trying to shift the blame onto Y" names no agent of X's
    whole = it.negated and not any(_denies(c) for c in CLAUSE.split(own))  # "X denied Y did it"
    for clause in CLAUSE.split(own):
        at = _cue_at(clause)
        if at < 0 or _no_evidence(clause):
            continue
        if whole or _denies(clause):
            denied |= _names_of(clause[:at])
        else:
            asserted |= _names_of(clause)
    return asserted, denied


def _before_embedded(text: str) -> str:
    """The text up to a verb handing the rest to someone else ("trying to", "convince")."""
    cues = link_lexicon()["embedded_cues"]
    for m in WORD.finditer(text.lower()):
        if m.group(0) in cues:
            return text[: m.start()]
    return text


def _no_evidence(clause: str) -> bool:
    """ "There was no indication that X was involved": nothing seen, which denies no one's evidence."""
    words = " " + " ".join(WORD.findall(clause.lower())) + " "
    return any(" " + p + " " in words for p in link_lexicon()["no_evidence"])


def _denies(clause: str) -> bool:
    words = " " + " ".join(WORD.findall(clause.lower())) + " "
    return "n't" in clause or any(" " + n + " " in words for n in link_lexicon()["negations"])


def _denied_words(it: Item) -> set[str]:
    """Content words of the clauses a claim denies (all of it when its cue denies: "X denied that ...")."""
    clauses = [c for c in CLAUSE.split(it.content) if _denies(c)]
    return _content_words(" ".join(clauses) if clauses else it.content)


@lru_cache(maxsize=4096)
def _state_of(body: str) -> str:
    """The state a known body belongs to ("Kremlin", "Russia Ministry of Defence" -> "Russia"), or ''."""
    if not body:
        return ""
    lex = link_lexicon()
    if body in lex["body_states"]:
        return lex["body_states"][body]
    known = aliases()["bodies"].get(body)
    if known is None or known.get("type") not in ("official", "military", "intelligence"):
        return ""  # a newspaper or a UN mission named after a country speaks for no state
    words = re.findall(r"[A-Za-z]+", body)
    if words and words[0] in lex["international_openers"]:
        return ""
    return next((lex["state_words"][w] for w in words if w in lex["state_words"]), "")


def _one_state(a: Item, b: Item) -> bool:
    """Both origins are bodies of one state: the Kremlin denying what its own ministry asserts is
    one side speaking twice, not a dispute."""
    sa = _state_of(a.origin.name) if a.origin.body else ""  # a known body: its canonical name
    sb = _state_of(b.origin.name) if b.origin.body else ""
    return bool(sa) and sa == sb


def _opposed(a: Item, b: Item, story: dict[str, int], cluster_of: list[int], i: int, j: int) -> bool:
    """A denial and an assertion, from two origins, in one story and two claims, neither a question."""
    if a.negated == b.negated or a.asks or b.asks or cluster_of[i] == cluster_of[j] or _one_state(a, b):
        return False
    if story.get(a.doc_id) != story.get(b.doc_id) or same_origin(a, b) or places_clash(a.where, b.where):
        return False
    return not (a.figures and b.figures)


def statement_conflicts(
    items: list[Item], cluster_of: list[int], cos_of: dict[tuple[int, int], float], story: dict[str, int]
) -> list[Disagreement]:
    """A denial against an assertion of the same proposition, from different origins.

    Two kinds: nearly the same words, one side denied ("X struck the
    hospital" / "X did not strike it"); and who did it, where one origin
    names an agent and another denies that agent had any part ("Y was
    behind it" / "Y had nothing to do with it"), found by blocking on the
    names the claims share, not by comparing all pairs.
    """
    out: list[Disagreement] = []
    done: set[frozenset[tuple[int, str]]] = set()

    def add(i: int, j: int) -> None:
        # once per two claims and two origins: who says what, not every repetition of it
        key = frozenset(((cluster_of[i], items[i].origin.key), (cluster_of[j], items[j].origin.key)))
        if key in done:
            return
        done.add(key)
        a, b = items[i], items[j]
        denier, asserter = (a, b) if a.negated or not b.negated else (b, a)
        why = f"{_who(denier)} denies what {_who(asserter)} asserts"
        out.append(Disagreement("conflict", _ref(items, i), _ref(items, j), why))

    for (i, j), cos in cos_of.items():
        a, b = items[i], items[j]
        if cos < STATEMENT_MIN_COS or not _opposed(a, b, story, cluster_of, i, j):
            continue
        wa = _denied_words(a) if a.negated else _content_words(a.content)
        wb = _denied_words(b) if b.negated else _content_words(b.content)
        if min(len(wa), len(wb)) < 3:
            continue
        shared = wa & wb
        share = len(shared) / min(len(wa), len(wb))
        names = _names_of(a.content) & _names_of(b.content)
        # sharing names and other words: "Iran delivered missiles" / "no missiles were delivered by Iran"
        if share >= STATEMENT_MIN_OVERLAP or (share >= NAMED_MIN_OVERLAP and names and shared - names):
            add(i, j)
    blocks: dict[tuple[int, str], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, it in enumerate(items):
        if it.asks:
            continue
        asserted, denied = _agents(it)
        for n in asserted - denied:
            blocks[(story.get(it.doc_id, 0), n)][0].append(i)
        for n in denied:
            blocks[(story.get(it.doc_id, 0), n)][1].append(i)
    for yes, no in blocks.values():
        if len(yes) * len(no) > BLOCK_MAX**2:  # a name on every claim of the story tells nothing
            continue
        for j in no:
            for i in yes:
                if cluster_of[i] == cluster_of[j] or same_origin(items[i], items[j]) \
                        or _one_state(items[i], items[j]):
                    continue
                if not places_clash(items[i].where, items[j].where):  # who did it, but not where
                    add(j, i)
    for j, i in _dismissed(items):
        if cluster_of[i] != cluster_of[j]:
            add(j, i)
    return out


def _dismissal(it: Item) -> bool:
    """ "This is nonsense", "these claims are false", a denial of "the reports": a verdict on what was
    said just before, nothing more."""
    lex = link_lexicon()
    words = set(WORD.findall(it.content.lower()))
    verdicts = words & set(lex["dismissals"])
    rest = (
        words - verdicts - set(lex["dismissal_referents"]) - ENGLISH_STOP_WORDS - set(lex["stopwords_extra"])
    )
    if it.negated and not verdicts and words & set(lex["dismissal_referents"]) and not rest:
        return True  # "The Kremlin has denied the reports": a denial of what was reported just before
    return bool(verdicts) and bool(words & set(lex["dismissal_referents"])) and not rest


def _dismissed(items: list[Item]) -> list[tuple[int, int]]:
    """(dismissal, the claim it dismisses): the nearest claim before it in its text, from another origin."""
    out = []
    verdicts = [j for j, it in enumerate(items) if _dismissal(it)]
    docs = {items[j].doc_id for j in verdicts}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, x in enumerate(items):
        if x.doc_id in docs and not x.asks and not _dismissal(x):
            by_doc[x.doc_id].append(i)
    for j in verdicts:
        it = items[j]
        before = [i for i in by_doc[it.doc_id] if items[i].position < it.position]
        if before:
            i = max(before, key=lambda k: items[k].position)
            if not same_origin(items[i], it):
                out.append((j, i))
    return out
