"""Page models: the stored rows turned into what a template shows (no HTML here)."""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from claimgraph.web import graph, highlight
from claimgraph.web.context import stype, url_quote


def _t(span: Any) -> str | None:
    if isinstance(span, dict):
        return span.get("text")
    return span if isinstance(span, str) else None


def attribution_view(a: dict[str, Any], i: int) -> dict[str, Any]:
    """One attribution as the reader shows it: texts, links and the tooltip line."""
    source = _t(a.get("source"))
    via = [v for v in (_t(x) for x in a.get("via") or []) if v]
    name = a.get("source_normalized") or a.get("source_resolved") or source
    claim_id = a.get("claim_id")
    tip = [f"Source: {name or 'unnamed'}" + (f" ({a['source_type']})" if a.get("source_type") else "")]
    if via:
        tip.append("via " + " → ".join(via))
    tip.append(f"certainty: {a.get('certainty') or 'stated'}")
    if claim_id:
        tip.append("click: open the claim")
    return {
        "index": i,
        "source": source,
        "source_normalized": name,
        "source_resolved": a.get("source_resolved"),
        "source_type": a.get("source_type"),
        "stype": stype(a.get("source_type")),
        "cue": _t(a.get("cue")),
        "via": via,
        "direct": bool(a.get("direct")),
        "certainty": a.get("certainty") or "stated",
        "content": _t(a.get("content")) or "",
        "claim_id": claim_id,
        "method": a.get("method") or "rules",
        "href": f"/claims/{url_quote(claim_id)}" if claim_id else f"#att-{i}",
        "tip": " · ".join(tip),
    }


def reader_context(doc: dict[str, Any]) -> dict[str, Any]:
    atts = doc["attributions"]
    return {
        "doc": doc,
        "atts": [attribution_view(a, i) for i, a in enumerate(atts)],
        "pieces": highlight.pieces(doc["text"], atts),
    }


def claim_context(c: dict[str, Any]) -> dict[str, Any]:
    """Appearances grouped by outlet, the relay graph, the timeline and the disagreements."""
    members = c["members"]
    groups: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
    for m in members:  # already in time order, so outlets come in order of first appearance
        groups.setdefault(m["outlet"] or m["document_id"], []).append(m)
    outlets = list(groups)
    edges = [tuple(e) for e in c.get("relays") or []]
    ends: list[str] = []
    derived: list[tuple[str, str]] = []
    for m in members:
        src = m.get("source_normalized") or m.get("source")
        chain = [m["outlet"] or m["document_id"], *(m.get("via") or []), *([src] if src else [])]
        chain = [x for x in chain if x]
        derived.extend(zip(chain, chain[1:], strict=False))
        if len(chain) > 1:
            ends.append(chain[-1])
    if not edges:
        edges = derived
    else:  # the linker's relays, plus each outlet's own link into them where it is missing
        starts = {a for a, _ in edges}
        edges += [e for e in derived if e[0] in outlets and e[0] not in starts]
    origins = list(c.get("origins") or []) or list(dict.fromkeys(ends))
    layout = graph.layout(outlets, edges, origins)
    tl = graph.timeline(
        [
            (
                m["published"],
                m["outlet"] or m["document_id"],
                f"/documents/{url_quote(m['document_id'])}#att-{m['index']}",
            )
            for m in members
        ]
    )
    return {
        "claim": c,
        "outlets": list(groups.items()),
        "graph": layout,
        "timeline": tl,
        "conflicts": c.get("disagreements") or [],
    }


_MARK = re.compile(r"\[([^\[\]]{1,200})\]")


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces, from the store's [brackets] around matches."""
    if not snippet:
        return []
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _MARK.finditer(snippet):
        if m.start() > pos:
            out.append((snippet[pos : m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(snippet):
        out.append((snippet[pos:], False))
    return out
