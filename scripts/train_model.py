#!/usr/bin/env python3
"""Rebuild claimgraph/models/attribution.json.gz from PolNeAR-style JSONL.

usage: train_model.py [--train T.jsonl] [--dev D.jsonl] [--out MODEL] [--cache DIR]

Each line holds `text` and `attributions` with `cue_span`, `source_span`,
`content_span` character offsets. The texts are parsed once with the project's
spaCy model (the parse is cached as a DocBin under --cache, never in the
repository), gold spans are aligned to tokens, four logistic regressions are
fitted (cue anchor, cue extension, source head, content span) and the decision
thresholds are chosen on the dev file.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

from claimgraph import nlp as nlp_module
from claimgraph.extract import learned as L
from claimgraph.extract.lexicon import remember_text
from claimgraph.extract.rules import find_attributions
from claimgraph.extract.schemes import load_scheme
from claimgraph.model import Document
from claimgraph.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POLNEAR = SHARED / "bench" / "external" / "polnear"
STRIP = ["that"]


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(x) for x in fh if x.strip()]


def parse_cached(rows: list[dict], cache: Path) -> list[Doc]:
    """Parse the texts with nlp.pipe once; later runs read the cached DocBin."""
    nlp = load_nlp()
    # the texts, the model and our own tokenizer and sentence rules (nlp.py) decide the parse
    setup = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}\x00" + Path(nlp_module.__file__).read_text()
    key = hashlib.sha1((setup + "\x00".join(r["text"] for r in rows)).encode()).hexdigest()[:16]
    path = cache / f"parse-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)
    return docs


def tokens_in(sdoc: Doc, span: list[int] | None) -> list[int]:
    if not span:
        return []
    s, e = span
    return [t.i for t in sdoc if not t.is_space and t.idx < e and t.idx + len(t.text) > s]


def head_of(sdoc: Doc, idx: list[int]) -> int | None:
    """The token of a span whose head lies outside it (a verb or noun first)."""
    if not idx:
        return None
    inside = set(idx)
    tops = [i for i in idx if sdoc[i].head.i not in inside or sdoc[i].head.i == i]
    for want in (("VERB", "AUX"), ("NOUN", "PROPN", "PRON", "ADJ", "ADP"), None):
        for i in tops or idx:
            if want is None or sdoc[i].pos_ in want:
                return i
    return idx[0]


def gold_units(sdoc: Doc, att: dict) -> dict | None:
    cue = tokens_in(sdoc, att.get("cue_span"))
    content = tokens_in(sdoc, att.get("content_span"))
    if not cue or not content:
        return None
    src = tokens_in(sdoc, att.get("source_span"))
    return {"cue": cue, "anchor": head_of(sdoc, cue), "content": content, "source": src,
            "shead": head_of(sdoc, src) if src else None}


def span_f1(lo: int, hi: int, gold: set[int], sdoc: Doc) -> float:
    pred = {i for i in range(lo, hi + 1) if not sdoc[i].is_punct and not sdoc[i].is_space}
    g = {i for i in gold if not sdoc[i].is_punct}
    common = len(pred & g)
    if not common:
        return 0.0
    p, r = common / len(pred), common / len(g)
    return 2 * p * r / (p + r)


class Samples:
    """Feature lists and labels for one model."""

    def __init__(self) -> None:
        self.feats: list[list[str]] = []
        self.y: list[int] = []
        self.groups: list[tuple[list[list[str]], int]] = []  # for a ranker: candidates, index of the best

    def add(self, feats: list[str], y: int) -> None:
        self.feats.append(feats)
        self.y.append(y)


def rule_contents(sdoc: Doc, row: dict, scheme) -> dict[int, tuple[int, int]]:
    """The rules' indirect contents in a training document, by the token their cue hangs on.

    The ranker learns from them as one more candidate, so at run time it can
    keep or move the rules' own span (`rerank_rule_contents`).
    """
    remember_text(sdoc, row["text"])
    atts = find_attributions(sdoc, [], Document(id=row["id"], text=row["text"]), scheme=scheme)
    out = {}
    for att in atts:
        u = L.rule_unit(sdoc, att, set(STRIP))
        if u is not None:
            out[u.anchor] = u.content
    return out


def build(docs: list[Doc], rows: list[dict]) -> tuple[dict[str, Samples], dict[str, list[int]]]:
    """The training samples of every stage, and the counts behind the source-phrase rule."""
    S: dict = {k: Samples() for k in ("cue", "cue_ext", "source", "content")}
    S["lemmas"] = defaultdict(int)
    keep: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    oracle = [0, 0, 0]
    broad = load_scheme("broad")
    for sdoc, row in zip(docs, rows, strict=True):
        inq = L.quote_mask(sdoc)
        qm = L.quote_marks(sdoc)
        units = [u for u in (gold_units(sdoc, a) for a in row["attributions"]) if u]
        ruled = rule_contents(sdoc, row, broad)
        anchors = {u["anchor"] for u in units}
        for i in anchors:
            S["lemmas"][sdoc[i].lemma_.lower()] += 1
        for t in sdoc:
            if L.cue_candidate(t):
                S["cue"].add(L.cue_features(t, inq, qm), int(t.i in anchors))
        for u in units:
            a = sdoc[u["anchor"]]
            lo, hi = min(u["cue"]), max(u["cue"])
            for side, d in (("L", -1), ("R", 1)):
                for step in range(1, 6):
                    j = a.i + d * step
                    if j < a.sent.start or j >= a.sent.end or sdoc[j].is_space:
                        break
                    inside = lo <= j <= hi
                    S["cue_ext"].add(L.ext_features(a, sdoc[j], side, step), int(inside))
                    if not inside:
                        break
            sh = u["shead"]
            for c in L.source_candidates(a, lo, hi):
                S["source"].add(L.source_features(a, c, lo, hi, inq), int(c.i == sh))
            src = None
            if sh is not None:
                gs = set(u["source"])
                for ch in sdoc[sh].children:
                    k = ("L" if ch.i < sh else "R") + "|" + ch.dep_
                    sub = set(range(ch.left_edge.i, ch.right_edge.i + 1))
                    keep[k][0] += int(sub <= gs)
                    keep[k][1] += 1
                src = (min(u["source"]), max(u["source"]))
            cands = L.content_candidates(a, (lo, hi), src, inq, rule=ruled.get(a.i))
            gold = set(u["content"])
            f1s = [span_f1(c.lo, c.hi, gold, sdoc) for c in cands]
            oracle[2] += 1
            if not cands or max(f1s) < 0.5:
                continue
            oracle[0] += 1
            best = int(np.argmax(f1s))
            oracle[1] += int((cands[best].lo, cands[best].hi) == L.trim(sdoc, min(gold), max(gold)))
            S["content"].groups.append(([L.content_features(a, c, (lo, hi), inq, src) for c in cands], best))
            S["content"].y.append(1)
    print(f"content oracle: overlap {oracle[0]}/{oracle[2]}, exact {oracle[1]}/{oracle[2]}", file=sys.stderr)
    return S, keep


def fit(s: Samples, c: float, weight: str | None = None) -> dict[str, float]:
    """A logistic regression over binary string features, returned as feature -> weight."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, feats in enumerate(s.feats):
        for f in set(feats):
            rows.append(r)
            cols.append(vocab.setdefault(f, len(vocab)))
    X = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(s.feats), len(vocab)))
    y = np.array(s.y)
    if y.min() == y.max():  # a degenerate tiny set: a constant model
        return {"b": 3.0 if y[0] else -3.0}
    clf = LogisticRegression(C=c, solver="liblinear", class_weight=weight, max_iter=200)
    clf.fit(X, y)
    w = {f: round(float(clf.coef_[0][i]), 4) for f, i in vocab.items() if abs(clf.coef_[0][i]) >= 0.002}
    w["b"] = round(float(clf.intercept_[0]), 4)
    return w


def fit_ranker(groups: list[tuple[list[list[str]], int]], c: float) -> dict[str, float]:
    """A pairwise ranker: a logistic regression on (best - other) feature differences.

    Only the argmax over one cue's candidates matters, so comparing candidates
    with each other learns more than scoring each one on its own.
    """
    vocab: dict[str, int] = {}
    rows, cols, vals, y = [], [], [], []
    n = 0
    for feats, best in groups:
        fb = set(feats[best])
        for k, fs in enumerate(feats):
            if k == best:
                continue
            fo = set(fs)
            sign = 1 if n % 2 == 0 else -1  # alternate the order so both classes occur
            for f in fb - fo:
                rows.append(n)
                cols.append(vocab.setdefault(f, len(vocab)))
                vals.append(sign)
            for f in fo - fb:
                rows.append(n)
                cols.append(vocab.setdefault(f, len(vocab)))
                vals.append(-sign)
            y.append(int(sign == 1))
            n += 1
    if n < 2 or len(set(y)) < 2:
        return {"b": 0.0}
    X = csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    clf = LogisticRegression(C=c, solver="liblinear", fit_intercept=False).fit(X, np.array(y))
    w = {f: round(float(clf.coef_[0][i]), 4) for f, i in vocab.items() if abs(clf.coef_[0][i]) >= 0.002}
    w["b"] = 0.0
    return w


def load_scorer():
    path = SHARED / "bench" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def evaluate(model: dict, docs: list[Doc], rows: list[dict], scorer) -> dict:
    """Score.py's figures for the model alone on a gold file (or a token-free fallback)."""
    strip = set(model.get("strip_complementizers", []))
    preds = {}
    for sdoc, row in zip(docs, rows, strict=True):
        atts = [L.to_attribution(sdoc, row["text"], f, strip) for f in L.predict(sdoc, model)]
        preds[row["id"]] = {"attributions": [a.to_dict() for a in atts if a]}
    return run_scorer(preds, {r["id"]: r for r in rows}, scorer)


def run_scorer(preds: dict, gold: dict, scorer) -> dict:
    """Run bench/score.py's main on predictions held in memory."""
    if scorer is None:
        n = sum(len(p["attributions"]) for p in preds.values())
        return {"predicted": n}
    import contextlib
    import io
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        gp, pp = Path(tmp) / "g.jsonl", Path(tmp) / "p.jsonl"
        gp.write_text("".join(json.dumps(g) + "\n" for g in gold.values()))
        pp.write_text("".join(json.dumps({"id": k, **v}) + "\n" for k, v in preds.items()))
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            scorer.main([str(gp), str(pp), "--json"])
    return json.loads(buf.getvalue())


def pipeline_evaluate(model: dict, docs: list[Doc], rows: list[dict], scorer) -> dict:
    """Score.py's figures for the whole extractor (rules, then this model) under the broad scheme."""
    from claimgraph.extract import extract_parsed

    saved = L.load_model
    L.load_model = lambda path=None: model  # the components read the model being tuned
    L.scheme_policy.cache_clear()
    try:
        preds = {}
        for sdoc, row in zip(docs, rows, strict=True):
            doc = Document(id=row["id"], text=row["text"])
            preds[row["id"]] = {"attributions": [a.to_dict() for a in extract_parsed(sdoc, doc, "broad")]}
    finally:
        L.load_model = saved
        L.scheme_policy.cache_clear()
    return run_scorer(preds, {r["id"]: r for r in rows}, scorer)


def objective(res: dict) -> float:
    """The weakest exact-span F1 (each must reach the bar), plus half the content F1 (recall matters too)."""
    exact = min(res.get(f"exact_{r}_f1", 0) for r in ("cue", "source", "content"))
    return exact + 0.5 * res.get("content_f1", 0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=POLNEAR / "train.jsonl")
    ap.add_argument("--dev", type=Path, default=POLNEAR / "dev.jsonl")
    ap.add_argument("--out", type=Path, default=L.MODEL_PATH)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claimgraph-train"))
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--c-rank", type=float, default=0.1, help="inverse regularisation of the content ranker")
    ap.add_argument("--min-lemma", type=int, default=1, help="score only words seen this often as cues")
    ap.add_argument("--keep-that", action="store_true", help="keep `that` in contents (PolNeAR's convention)")
    a = ap.parse_args(argv)
    if not a.train.exists():
        print(f"train_model: no training file {a.train}", file=sys.stderr)
        return 2
    train_rows = read_jsonl(a.train)
    train_docs = parse_cached(train_rows, a.cache)
    print(f"parsed {len(train_docs)} training documents", file=sys.stderr)
    S, keep = build(train_docs, train_rows)
    model = {
        "version": 1,
        "trained_on": a.train.name,
        "cue": fit(S["cue"], a.c),
        "cue_ext": fit(S["cue_ext"], a.c),
        "source": fit(S["source"], a.c),
        "content": fit_ranker(S["content"].groups, a.c_rank),
        "cue_lemmas": sorted(k for k, v in S["lemmas"].items() if v >= a.min_lemma),
        "source_keep": {k: round(v[0] / v[1], 3) for k, v in keep.items() if v[1] >= 3},
        "strip_complementizers": [] if a.keep_that else STRIP,
        "skip_cue_lemmas": [],
        "thresholds": {"cue": 0.5, "source": 0.5, "add": 0.5},
        "ranks_rule_contents": True,
    }
    for k in ("cue", "cue_ext", "source", "content"):
        print(f"{k}: {len(S[k].y)} samples/groups, {sum(S[k].y)} positive, {len(model[k])} weights",
              file=sys.stderr)
    if a.dev.exists():
        dev_rows = read_jsonl(a.dev)
        dev_docs = parse_cached(dev_rows, a.cache)
        scorer = load_scorer()
        best = (-1.0, 0.5, 0.5)
        for tc in (0.3, 0.4, 0.5, 0.6):
            for ts in (0.2, 0.35, 0.5):
                model["thresholds"] = {"cue": tc, "source": ts, "add": tc}
                res = evaluate(model, dev_docs, dev_rows, scorer)
                o = objective(res)
                print(f"dev cue>={tc} source>={ts}: {json.dumps(res)}", file=sys.stderr)
                if o > best[0]:
                    best = (o, tc, ts)
        model["thresholds"] = {"cue": best[1], "source": best[2], "add": best[1]}
        # the model adds to what the rules found: how sure it must be is chosen on the whole extractor
        best_add = (-1.0, best[1])
        for ta in (best[1], best[1] + 0.1, best[1] + 0.2):
            model["thresholds"]["add"] = round(ta, 2)
            res = pipeline_evaluate(model, dev_docs, dev_rows, scorer)
            print(f"dev pipeline add>={ta:.2f}: {json.dumps(res)}", file=sys.stderr)
            if objective(res) > best_add[0]:
                best_add = (objective(res), round(ta, 2))
        model["thresholds"]["add"] = best_add[1]
        print(f"chosen thresholds {model['thresholds']}", file=sys.stderr)
    L.save_model(model, a.out)
    print(f"wrote {a.out} ({a.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
