"""A plain-text overview of a store's claims, for the terminal.

The web UI shows the same picture with links; this is what `claimgraph claims`
prints, so the main job can be read without a browser.
"""

from __future__ import annotations

import textwrap
from typing import Any


def _short(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_claims(store: Any, limit: int = 20, width: int = 100) -> str:
    """The most repeated claims with their origins, then every conflict and update."""
    counts = store.counts()
    lines = [
        "claimgraph: " + ", ".join(f"{n} {name}" for name, n in counts.items()),
        "",
        f"Most repeated claims (top {limit}):",
    ]
    claims = store.list_claims(limit=limit)
    if not claims:
        lines.append("  (none yet: ingest some articles first)")
    for claim in claims:
        origins = ", ".join(claim["origins"]) or "unknown origin"
        flag = "  [circular: many outlets, one origin]" if claim["circular"] else ""
        lines.append(f"- {_short(claim['label'], width - 2)}")
        lines.append(f"    {claim['members']} appearance(s), first {claim['first_seen'] or '?'}; "
                     f"{claim['independent_origins']} independent origin(s): {origins}{flag}")
    for kind, title in (("conflict", "Conflicting figures"), ("update", "Updated figures")):
        rows = store.list_disagreements(kind=kind)
        lines += ["", f"{title} ({len(rows)}):"]
        for d in rows:
            lines.append(f"- {d['why']}")
            for side in ("a", "b"):
                body = _short(d[side]["content"], width - 12)
                lines.append(textwrap.indent(f"{d[side]['doc']}: {body}", "    "))
            if d.get("conservative"):
                lines.append(f"    most conservative: {d['conservative']}")
    return "\n".join(lines) + "\n"
