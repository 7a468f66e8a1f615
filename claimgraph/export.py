"""Exports of the store for other tools.

- `jsonl`: one claim a line, each appearance with its document and full attribution (spans included);
- `csv`: one row per appearance of a claim;
- `graphml`: the source/relay graph (outlets, relayers and sources as nodes; "cites" edges);
- `jsonld`: schema.org `Claim`s with `appearance`, `firstAppearance` and `author`, for ClaimReview work;
- `--corrections`: documents with accepted corrections as gold lines (the benchmark's layout).

An attribution that linking put in no claim is exported as a claim of one appearance,
so nothing extracted is left out.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import select

from claimgraph.store import Store
from claimgraph.store.schema import (
    AttributionRow,
    ClaimMember,
    ClaimRow,
    CorrectionRow,
    DocumentRow,
    RelayRow,
)

FORMATS = ("jsonl", "csv", "graphml", "jsonld")


def _doc_meta(d: DocumentRow) -> dict[str, Any]:
    return {"doc": d.id, "outlet": d.outlet, "published": d.published, "url": d.url, "title": d.title,
            "near_duplicate_of": d.near_duplicate_of, "forwarded_from": d.forwarded_from}


def claims(store: Store) -> list[dict[str, Any]]:
    """Every claim with its appearances (document metadata + attribution dict), oldest appearance first."""
    with store.session() as s:
        docs = {d.id: _doc_meta(d) for d in s.scalars(select(DocumentRow))}
        attrs = {(a.document_id, a.idx): a.data for a in s.scalars(select(AttributionRow))}
        members: dict[str, list[tuple[str, int]]] = {}
        for m in s.scalars(select(ClaimMember).order_by(ClaimMember.id)):
            members.setdefault(m.claim_id, []).append((m.document_id, m.attribution_idx))
        relays: dict[str, list[list[str]]] = {}
        for r in s.scalars(select(RelayRow).order_by(RelayRow.id)):
            relays.setdefault(r.claim_id, []).append([r.from_name, r.to_name])
        rows = list(s.scalars(select(ClaimRow).order_by(ClaimRow.id)))
    out = []
    claimed: set[tuple[str, int]] = set()

    def appearance(key: tuple[str, int]) -> dict[str, Any]:
        return {**docs.get(key[0], {"doc": key[0]}), "index": key[1], "attribution": attrs.get(key)}

    for c in rows:
        keys = [k for k in members.get(c.id, []) if k in attrs]
        claimed.update(keys)
        apps = sorted((appearance(k) for k in keys), key=lambda a: (a.get("published") or "", a["doc"]))
        label = c.label or (apps[0]["attribution"]["content"]["text"] if apps else "")
        out.append({"id": c.id, "label": label, "first_seen": c.first_seen,
                    "independent_origins": c.independent_origins, "circular": c.circular,
                    "origins": list(c.origins or []), "relays": relays.get(c.id, []), "appearances": apps})
    for key in sorted(attrs):
        if key in claimed:
            continue
        a = attrs[key]
        origin = a.get("source_normalized") or a.get("source_resolved")
        app = appearance(key)
        out.append({"id": f"{key[0]}#{key[1]}", "label": a["content"]["text"],
                    "first_seen": app.get("published"), "independent_origins": 1 if origin else 0,
                    "circular": False, "origins": [origin] if origin else [], "relays": [],
                    "appearances": [app]})
    return out


def _span_text(x: Any) -> str | None:
    if x is None:
        return None
    return x.get("text") if isinstance(x, dict) else str(x)


def write_jsonl(items: list[dict[str, Any]], fh: Any) -> None:
    for c in items:
        fh.write(json.dumps(c, ensure_ascii=False) + "\n")


CSV_FIELDS = ["claim_id", "claim_label", "independent_origins", "circular", "origins", "doc", "index",
              "outlet", "published", "url", "cue", "source", "source_resolved", "source_type", "via",
              "direct", "certainty", "content", "content_start", "content_end", "method"]


def write_csv(items: list[dict[str, Any]], fh: Any) -> None:
    w = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
    w.writeheader()
    for c in items:
        for app in c["appearances"]:
            a = app["attribution"] or {}
            content = a.get("content") or {}
            w.writerow({"claim_id": c["id"], "claim_label": c["label"],
                        "independent_origins": c["independent_origins"], "circular": c["circular"],
                        "origins": " | ".join(c["origins"]), "doc": app["doc"], "index": app["index"],
                        "outlet": app.get("outlet"), "published": app.get("published"), "url": app.get("url"),
                        "cue": _span_text(a.get("cue")), "source": _span_text(a.get("source")),
                        "source_resolved": a.get("source_resolved"), "source_type": a.get("source_type"),
                        "via": " | ".join(_span_text(v) or "" for v in a.get("via") or []),
                        "direct": a.get("direct"), "certainty": a.get("certainty"),
                        "content": content.get("text"), "content_start": content.get("start"),
                        "content_end": content.get("end"), "method": a.get("method")})


def relay_graph(store: Store, items: list[dict[str, Any]]) -> Any:
    """Who cites whom: outlet -> via relays (outermost first) -> source, plus Telegram forwards
    and the relay edges linking stored with each claim. Edge `weight` counts appearances."""
    import networkx as nx

    g = nx.DiGraph()
    kinds: dict[str, str] = {}
    edges: Counter[tuple[str, str]] = Counter()
    claims_on: dict[tuple[str, str], set[str]] = {}

    def edge(a: str | None, b: str | None, claim_id: str | None) -> None:
        if not a or not b or a == b:
            return
        edges[(a, b)] += 1
        if claim_id:
            claims_on.setdefault((a, b), set()).add(claim_id)

    for c in items:
        for app in c["appearances"]:
            a = app["attribution"] or {}
            outlet = app.get("outlet") or app["doc"]
            kinds.setdefault(outlet, "outlet")
            chain = [outlet] + [_span_text(v) or "" for v in a.get("via") or []]
            src = a.get("source_normalized") or a.get("source_resolved") or _span_text(a.get("source"))
            for v in chain[1:]:
                kinds.setdefault(v, "relay")
            if src:
                kinds[src] = "source" if kinds.get(src) != "outlet" else "outlet"
                chain.append(src)
            for x, y in zip(chain, chain[1:], strict=False):
                edge(x, y, c["id"])
        for x, y in c["relays"]:
            kinds.setdefault(x, "relay")
            kinds.setdefault(y, "source")
            edge(x, y, c["id"])
    with store.session() as s:
        for outlet, fwd in s.execute(select(DocumentRow.outlet, DocumentRow.forwarded_from)
                                     .where(DocumentRow.forwarded_from.is_not(None))):
            kinds.setdefault(outlet or "", "outlet")
            kinds.setdefault(fwd, "outlet")
            edge(outlet, fwd, None)
    for name, kind in kinds.items():
        if name:
            g.add_node(name, label=name, kind=kind)
    for (a, b), n in edges.items():
        g.add_edge(a, b, weight=n, relation="cites", claims=" ".join(sorted(claims_on.get((a, b), ()))))
    return g


def jsonld(items: list[dict[str, Any]]) -> dict[str, Any]:
    """schema.org `Claim`s: each appearance a CreativeWork, `author` the origin source(s)."""
    graph = []
    for c in items:
        apps = []
        for app in c["appearances"]:
            work: dict[str, Any] = {"@type": "CreativeWork"}
            if app.get("url"):
                work["url"] = app["url"]
            if app.get("title"):
                work["headline"] = app["title"]
            if app.get("published"):
                work["datePublished"] = app["published"]
            if app.get("outlet"):
                work["publisher"] = {"@type": "Organization", "name": app["outlet"]}
            content = (app.get("attribution") or {}).get("content") or {}
            if content.get("text"):
                work["text"] = content["text"]
            work["identifier"] = f"{app['doc']}#{app['index']}"
            apps.append(work)
        claim: dict[str, Any] = {"@type": "Claim", "@id": f"urn:claimgraph:claim:{c['id']}",
                                 "identifier": c["id"], "text": c["label"], "appearance": apps}
        if apps:
            claim["firstAppearance"] = apps[0]
        if c["first_seen"]:
            claim["datePublished"] = c["first_seen"]
        if c["origins"]:
            claim["author"] = [{"@type": "Organization", "name": o} for o in c["origins"]]
        graph.append(claim)
    return {"@context": "https://schema.org", "@graph": graph}


def gold_lines(store: Store) -> list[dict[str, Any]]:
    """Documents with accepted corrections, in the benchmark's gold layout, attributions as corrected."""
    with store.session() as s:
        ids = sorted(set(s.scalars(select(CorrectionRow.document_id))))
        out = []
        for doc_id in ids:
            d = s.get(DocumentRow, doc_id)
            if d is None:
                continue
            attrs = []
            for a in s.scalars(select(AttributionRow).where(AttributionRow.document_id == doc_id)
                               .order_by(AttributionRow.idx)):
                x = a.data
                attrs.append({"cue": _span_text(x.get("cue")), "source": _span_text(x.get("source")),
                              "content": _span_text(x.get("content")),
                              "via": [_span_text(v) for v in x.get("via") or []],
                              "direct": bool(x.get("direct")), "source_resolved": x.get("source_resolved")})
            out.append({"id": d.id, "outlet": d.outlet, "published": d.published, "text": d.text,
                        "attributions": attrs})
        return out


def export(store: Store, fmt: str, out: str, corrections: bool = False) -> int:
    """Write the export to `out` ('-' for stdout); returns how many records were written."""
    if corrections:
        lines = gold_lines(store)
        with _open(out) as fh:
            for line in lines:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        return len(lines)
    items = claims(store)
    if fmt == "graphml":
        import networkx as nx

        g = relay_graph(store, items)
        if out == "-":
            sys.stdout.write("\n".join(nx.generate_graphml(g)) + "\n")
        else:
            nx.write_graphml(g, out)
        return g.number_of_edges()
    with _open(out) as fh:
        if fmt == "jsonl":
            write_jsonl(items, fh)
        elif fmt == "csv":
            write_csv(items, fh)
        elif fmt == "jsonld":
            json.dump(jsonld(items), fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        else:
            raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return len(items)


class _open:
    """A file to write, or stdout for '-' (left open)."""

    def __init__(self, out: str):
        self.out = out
        self.fh: Any = None

    def __enter__(self) -> Any:
        if self.out == "-":
            self.fh = sys.stdout
        else:
            Path(self.out).parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(self.out, "w", encoding="utf-8", newline="")  # noqa: SIM115
        return self.fh

    def __exit__(self, *exc: Any) -> None:
        if self.fh is not sys.stdout:
            self.fh.close()


def main(args: Any) -> int:
    """`claimgraph export`: see the module docstring."""
    from claimgraph.store import open_store

    if args.corrections and args.format != "jsonl":
        # gold lines nest attributions in documents, which no table or graph holds
        print(f"claimgraph: --corrections writes JSONL gold lines; --format {args.format} is not one",
              file=sys.stderr)
        return 2
    store = open_store(args.db, must_exist=True)
    try:
        n = export(store, args.format, args.out, corrections=args.corrections)
    except OSError as exc:  # --out a directory, not writable, disk full: one line
        print(f"claimgraph: {args.out}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    finally:
        store.close()
    what = "gold lines" if args.corrections else ("edges" if args.format == "graphml" else "claims")
    print(f"claimgraph: wrote {n} {what} to {args.out}", file=sys.stderr)
    return 0
