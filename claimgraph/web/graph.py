"""Server-side layout of a claim's relay graph and timeline, drawn as inline SVG.

The graph reads left to right: the outlets that published the claim, the
relays they cite, and at the right the original sources. Layout is the
classic layered one: each node goes to the column of its longest path from
an outlet, origins are pushed to the last column, and each column is ordered
by the mean row of its parents so edges cross less. Plain numbers come out;
the template draws them, escaping every label.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

COL_W = 210  # horizontal distance between columns
NODE_W = 170
NODE_H = 30
ROW_H = 44
PAD = 12
LABEL_CHARS = 24


@dataclass
class Node:
    name: str
    kind: str  # outlet | relay | origin
    col: int = 0
    row: int = 0
    x: float = 0.0
    y: float = 0.0
    label: str = ""


@dataclass
class Edge:
    a: str
    b: str
    path: str = ""


@dataclass
class Layout:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    width: int = 0
    height: int = 0
    node_w: int = NODE_W
    node_h: int = NODE_H


def short(label: str, n: int = LABEL_CHARS) -> str:
    """A label cut to fit a node box; the full name goes in the node's title."""
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


def _acyclic(names: list[str], edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The edges minus those that close a cycle (found by depth-first search)."""
    succ: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        succ[a].append(b)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in names:
        if root in state:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(succ[nxt])))
    return [e for e in edges if e not in back]


def layout(outlets: list[str], edges: list[tuple[str, str]], origins: list[str]) -> Layout:
    """Columns and coordinates for the graph of `edges` (relayer -> relayed)."""
    edges = list(dict.fromkeys((a, b) for a, b in edges if a and b and a != b))
    names = list(dict.fromkeys([*outlets, *(n for e in edges for n in e), *origins]))
    if not names:
        return Layout(width=0, height=0)
    edges = _acyclic(names, edges)
    preds: dict[str, list[str]] = defaultdict(list)
    succs: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        preds[b].append(a)
        succs[a].append(b)
    # Longest path from a node without parents, in topological order.
    col: dict[str, int] = {}
    indeg = {n: len(preds[n]) for n in names}
    queue = [n for n in names if indeg[n] == 0]
    while queue:
        n = queue.pop(0)
        col[n] = max((col[p] + 1 for p in preds[n]), default=0)
        for s in succs[n]:
            indeg[s] -= 1
            if indeg[s] == 0:
                queue.append(s)
    origin_set = set(origins) | {n for n in names if not succs[n] and preds[n]}
    outlet_set = set(outlets)
    last = max(max(col.values(), default=0), 1)
    for n in names:
        if n in origin_set and n not in outlet_set:
            col[n] = last
    nodes = {
        n: Node(
            n,
            "outlet" if n in outlet_set else "origin" if n in origin_set else "relay",
            col[n],
            label=short(n),
        )
        for n in names
    }
    # An edge that skips columns gets an invisible waypoint in each column it
    # crosses, so it is ordered like a node and never runs under another box.
    chains: list[tuple[str, str, list[str]]] = []
    prev_of: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        hops = [a]
        for c in range(col[a] + 1, col[b]):
            dummy = f"\x00{a}\x00{b}\x00{c}"
            col[dummy] = c
            hops.append(dummy)
        hops.append(b)
        for x, y in zip(hops, hops[1:], strict=False):
            if col[y] > col[x]:
                prev_of[y].append(x)
        chains.append((a, b, hops))
    ncols = max(col.values()) + 1
    columns: list[list[str]] = [[] for _ in range(ncols)]
    for n in col:
        columns[col[n]].append(n)
    for c in range(1, ncols):  # order by the mean row of the parents (barycentre)
        prev = {n: i for i, n in enumerate(columns[c - 1])}

        def centre(n: str, prev: dict[str, int] = prev) -> float:
            rows = [prev[p] for p in prev_of[n] if p in prev]
            return sum(rows) / len(rows) if rows else float("inf")

        columns[c].sort(key=centre)
    rows = max(len(c) for c in columns)
    height = rows * ROW_H + 2 * PAD
    at: dict[str, tuple[float, float]] = {}
    for c, members in enumerate(columns):
        offset = (rows - len(members)) * ROW_H / 2  # centre short columns
        for r, n in enumerate(members):
            at[n] = (PAD + c * COL_W, PAD + offset + r * ROW_H)
            if n in nodes:
                nodes[n].row, (nodes[n].x, nodes[n].y) = r, at[n]
    out = Layout(list(nodes.values()), [], width=PAD * 2 + (ncols - 1) * COL_W + NODE_W, height=int(height))
    for a, b, hops in chains:
        na, nb = nodes[a], nodes[b]
        if nb.col <= na.col:  # same or earlier column: loop out to the right
            x1, y1 = na.x + NODE_W, na.y + NODE_H / 2
            x2, y2 = nb.x + NODE_W, nb.y + NODE_H / 2
            mid = max(x1, x2) + 40
            out.edges.append(
                Edge(a, b, f"M{x1:.0f},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2:.0f},{y2:.0f}")
            )
            continue
        x, y = na.x + NODE_W, na.y + NODE_H / 2
        path = f"M{x:.0f},{y:.0f}"
        for h in hops[1:]:
            hx, hy = at[h][0], at[h][1] + NODE_H / 2
            mid = (x + hx) / 2
            path += f" C{mid:.0f},{y:.0f} {mid:.0f},{hy:.0f} {hx:.0f},{hy:.0f}"
            x, y = hx, hy
            if h != b:  # through the waypoint's column in a straight line
                x += NODE_W
                path += f" L{x:.0f},{y:.0f}"
        out.edges.append(Edge(a, b, path))
    return out


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Dot:
    x: float
    y: float
    label: str
    date: str
    first: bool = False
    href: str = ""


@dataclass
class Timeline:
    dots: list[Dot] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    spread: str = ""  # SVG path of the cumulative count of appearances
    width: int = 640
    height: int = 150
    undated: int = 0


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        s = value[:10]
        if len(s) == 7:
            s += "-01"
        elif len(s) == 4:
            s += "-01-01"
        return date.fromisoformat(s)
    except ValueError:
        return None


def timeline(appearances: list[tuple[str | None, str, str]], width: int = 640, height: int = 150) -> Timeline:
    """Dots for (published, outlet, href) appearances on a date axis, with a cumulative spread line."""
    dated = sorted((d, label, href) for raw, label, href in appearances if (d := _day(raw)))
    out = Timeline(width=width, height=height, undated=len(appearances) - len(dated))
    if not dated:
        return out
    left, right, top, axis = 45, width - 45, 16, height - 28
    first, last = dated[0][0], dated[-1][0]
    span = max((last - first).days, 1)

    def xof(d: date) -> float:
        if first == last:
            return (left + right) / 2
        return left + (right - left) * (d - first).days / span

    stacks: dict[date, int] = defaultdict(int)
    for i, (d, label, href) in enumerate(dated):
        k = stacks[d]
        stacks[d] += 1
        out.dots.append(Dot(xof(d), axis - 10 - 14 * min(k, 5), label, d.isoformat(), i == 0, href))
    # cumulative count as a step line over the dots
    total = len(dated)
    points = []
    seen = 0
    for d in sorted(stacks):
        y_before = axis - (axis - top) * seen / total
        seen += stacks[d]
        y_after = axis - (axis - top) * seen / total
        x = xof(d)
        points.append(f"{x:.0f},{y_before:.0f} {x:.0f},{y_after:.0f}")
    points.append(f"{right:.0f},{top:.0f}" if first != last else "")
    out.spread = "M" + " L".join(p for p in points if p)
    n_ticks = min(5, span + 1) if first != last else 1
    for i in range(n_ticks):
        d = date.fromordinal(first.toordinal() + round(span * i / max(n_ticks - 1, 1)))
        out.ticks.append(Tick(xof(d), d.isoformat()))
    return out
