"""The read queries the pages and the API need, written against the store's schema.

Each function takes an open SQLAlchemy session and returns plain dicts and
lists, ready for a template or for JSON. Queries are shaped for a store of
tens of thousands of articles: every page reads a bounded number of rows
through an indexed column.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import quote

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from claimgraph.store.schema import (
    AttributionRow,
    ClaimMember,
    ClaimRow,
    DisagreementRow,
    DocumentRow,
    RelayRow,
    ReportRow,
    SourceAlias,
    SourceRow,
)

MAX_LIMIT = 200
MAX_OFFSET = 2**31 - 1  # past every row; larger numbers overflow the databases' integers (a 500, not a page)


def clamp(limit: int, offset: int) -> tuple[int, int]:
    """Page bounds kept within the caps whatever the client asked."""
    return max(1, min(int(limit), MAX_LIMIT)), max(0, min(int(offset), MAX_OFFSET))


def _doc_brief(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "outlet": row.outlet,
        "published": row.published,
        "url": row.url,
        "kind": row.kind,
    }


def documents(
    s: Session,
    limit: int = 20,
    offset: int = 0,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Latest documents first (by publication date, then ingestion), and how many there are."""
    limit, offset = clamp(limit, offset)
    cols = (
        DocumentRow.id,
        DocumentRow.title,
        DocumentRow.outlet,
        DocumentRow.published,
        DocumentRow.url,
        DocumentRow.kind,
    )
    conds = []
    if outlet:
        conds.append(DocumentRow.outlet == outlet)
    if date_from:
        conds.append(DocumentRow.published >= date_from)
    if date_to:
        conds.append(DocumentRow.published <= date_to + "\uffff")
    latest = DocumentRow.published.desc()
    if s.get_bind().dialect.name != "sqlite":  # SQLite puts NULLs last in DESC already, and keeps its index
        latest = latest.nulls_last()
    q = select(*cols).where(*conds).order_by(latest, DocumentRow.id.desc()).limit(limit).offset(offset)
    rows = [_doc_brief(r) for r in s.execute(q)]
    total = s.scalar(select(func.count()).select_from(DocumentRow).where(*conds)) or 0
    return rows, total


def document(s: Session, doc_id: str) -> dict[str, Any] | None:
    """A document with its attributions (the stored dicts, in order) and each one's claim id."""
    row = s.get(DocumentRow, doc_id)
    if row is None:
        return None
    atts = s.execute(
        select(AttributionRow.idx, AttributionRow.data)
        .where(AttributionRow.document_id == doc_id)
        .order_by(AttributionRow.idx)
    ).all()
    claim_of = dict(
        s.execute(
            select(ClaimMember.attribution_idx, ClaimMember.claim_id).where(ClaimMember.document_id == doc_id)
        ).all()
    )
    attributions = []
    for idx, data in atts:
        d = dict(data or {})
        d["index"] = idx
        d["claim_id"] = claim_of.get(idx)
        attributions.append(d)
    return {
        **_doc_brief(row),
        "author": row.author,
        "language": row.language,
        "text": row.text,
        "version": row.version,
        "near_duplicate_of": row.near_duplicate_of,
        "forwarded_from": row.forwarded_from,
        "attributions": attributions,
    }


def _claim_brief(c: Any, n: int | None = None) -> dict[str, Any]:
    d = {
        "id": c.id,
        "label": c.label,
        "first_seen": c.first_seen,
        "independent_origins": c.independent_origins,
        "circular": c.circular,
        "origins": c.origins or [],
    }
    if n is not None:
        d["appearances"] = n
    return d


def _member_key():
    return (ClaimMember.document_id, ClaimMember.attribution_idx)


def _contested() -> Any:
    """Per claim, how many conflicts its appearances are in (claims in none left out)."""
    return (
        select(ClaimMember.claim_id, func.count(DisagreementRow.id).label("k"))
        .join(
            DisagreementRow,
            and_(
                DisagreementRow.a_document_id == ClaimMember.document_id,
                DisagreementRow.a_idx == ClaimMember.attribution_idx,
            ),
        )
        .where(DisagreementRow.kind == "conflict")
        .group_by(ClaimMember.claim_id)
        .subquery()
    )


def _circular() -> Any:
    """Claims seen more than once that all go back to one origin."""
    n = func.count(ClaimMember.id).label("n")
    return (select(ClaimRow, n).join(ClaimMember, ClaimMember.claim_id == ClaimRow.id).group_by(ClaimRow.id)
            .where(or_(ClaimRow.circular.is_(True), ClaimRow.independent_origins <= 1)).having(n > 1))


def claims(s: Session, order: str = "repeated", limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Claims ranked: `repeated` (most appearances), `contested` (most conflicts), `circular`
    (many appearances, one origin), or `recent` (latest first seen)."""
    limit, offset = clamp(limit, offset)
    n = func.count(ClaimMember.id).label("n")
    base = select(ClaimRow, n).join(ClaimMember, ClaimMember.claim_id == ClaimRow.id).group_by(ClaimRow.id)
    if order == "contested":
        conflicts = _contested()
        q = (
            select(ClaimRow, conflicts.c.k)
            .join(conflicts, conflicts.c.claim_id == ClaimRow.id)
            .order_by(conflicts.c.k.desc(), ClaimRow.id)
            .limit(limit)
            .offset(offset)
        )
        rows = s.execute(q).all()
        counts = _member_counts(s, [c.id for c, _ in rows])
        return [{**_claim_brief(c, counts.get(c.id, 0)), "conflicts": k} for c, k in rows]
    if order == "circular":
        circular = _circular()
        q = circular.order_by(ClaimRow.circular.desc(), circular.selected_columns.n.desc(), ClaimRow.id)
    elif order == "recent":
        q = base.order_by(ClaimRow.first_seen.desc().nulls_last(), ClaimRow.id)
    else:
        q = base.order_by(n.desc(), ClaimRow.id)
    return [_claim_brief(c, k) for c, k in s.execute(q.limit(limit).offset(offset)).all()]


def _member_counts(s: Session, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    q = (
        select(ClaimMember.claim_id, func.count())
        .where(ClaimMember.claim_id.in_(ids))
        .group_by(ClaimMember.claim_id)
    )
    return dict(s.execute(q).all())


def count_claims(s: Session, order: str = "repeated") -> int:
    """How many claims a list in `order` holds: the contested and circular lists are filtered."""
    if order == "contested":
        return s.scalar(select(func.count()).select_from(_contested())) or 0
    if order == "circular":
        return s.scalar(select(func.count()).select_from(_circular().subquery())) or 0
    return s.scalar(select(func.count()).select_from(ClaimRow)) or 0


def _disagreements_for(s: Session, keys: list[tuple[str, int]]) -> list[DisagreementRow]:
    """Disagreements with either side among the appearances `keys` (document id, attribution idx)."""
    if not keys:
        return []
    docs = sorted({d for d, _ in keys})
    key_set = set(keys)
    rows = s.scalars(
        select(DisagreementRow).where(
            or_(DisagreementRow.a_document_id.in_(docs), DisagreementRow.b_document_id.in_(docs))
        )
    ).all()
    return [r for r in rows if (r.a_document_id, r.a_idx) in key_set or (r.b_document_id, r.b_idx) in key_set]


def claim(s: Session, claim_id: str) -> dict[str, Any] | None:
    """A claim with every appearance (document, outlet, date, attribution), its relays and disagreements."""
    c = s.get(ClaimRow, claim_id)
    if c is None:
        return None
    q = (
        select(
            ClaimMember.document_id,
            ClaimMember.attribution_idx,
            ClaimMember.content,
            DocumentRow.title,
            DocumentRow.outlet,
            DocumentRow.published,
            DocumentRow.url,
            AttributionRow.data,
        )
        .join(DocumentRow, DocumentRow.id == ClaimMember.document_id)
        .outerjoin(
            AttributionRow,
            and_(
                AttributionRow.document_id == ClaimMember.document_id,
                AttributionRow.idx == ClaimMember.attribution_idx,
            ),
        )
        .where(ClaimMember.claim_id == claim_id)
    )
    members = []
    for doc_id, idx, content, title, outlet, published, url, data in s.execute(q):
        data = data or {}
        members.append(
            {
                "document_id": doc_id,
                "index": idx,
                "content": content or _text(data.get("content")),
                "title": title,
                "outlet": outlet,
                "published": published,
                "url": url,
                "source": _text(data.get("source")),
                "source_normalized": data.get("source_normalized"),
                "source_type": data.get("source_type"),
                "via": [_text(v) for v in data.get("via") or []],
                "certainty": data.get("certainty"),
                "cue": _text(data.get("cue")),
                "quantities": data.get("quantities") or [],
            }
        )
    members.sort(key=lambda m: (m["published"] or "9999", m["outlet"] or "", m["document_id"], m["index"]))
    relays = [
        (r.from_name, r.to_name) for r in s.scalars(select(RelayRow).where(RelayRow.claim_id == claim_id))
    ]
    by_key = {(m["document_id"], m["index"]): m for m in members}
    dis = []
    for r in _disagreements_for(s, list(by_key)):
        a = by_key.get((r.a_document_id, r.a_idx)) or _side(s, r.a_document_id, r.a_idx, r.a_content)
        b = by_key.get((r.b_document_id, r.b_idx)) or _side(s, r.b_document_id, r.b_idx, r.b_content)
        dis.append({"id": r.id, "kind": r.kind, "why": r.why, "conservative": r.conservative, "a": a, "b": b})
    return {**_claim_brief(c, len(members)), "members": members, "relays": relays, "disagreements": dis}


def _side(s: Session, doc_id: str, idx: int, content: str) -> dict[str, Any]:
    """One side of a disagreement that lies outside the claim being shown."""
    row = s.execute(
        select(DocumentRow.title, DocumentRow.outlet, DocumentRow.published).where(DocumentRow.id == doc_id)
    ).first()
    data = (
        s.scalar(
            select(AttributionRow.data).where(AttributionRow.document_id == doc_id, AttributionRow.idx == idx)
        )
        or {}
    )
    return {
        "document_id": doc_id,
        "index": idx,
        "content": content or _text(data.get("content")),
        "title": row.title if row else None,
        "outlet": row.outlet if row else None,
        "published": row.published if row else None,
        "source": _text(data.get("source")),
        "source_normalized": data.get("source_normalized"),
        "certainty": data.get("certainty"),
        "via": [_text(v) for v in data.get("via") or []],
        "quantities": data.get("quantities") or [],
    }


def _text(span: Any) -> str | None:
    if isinstance(span, dict):
        return span.get("text")
    return span if isinstance(span, str) else None


def sources(
    s: Session, limit: int = 50, offset: int = 0, source_type: str | None = None
) -> list[dict[str, Any]]:
    """Sources by how often they are cited."""
    limit, offset = clamp(limit, offset)
    n = func.count(AttributionRow.id).label("n")
    q = select(AttributionRow.source_normalized, func.max(AttributionRow.source_type), n).where(
        AttributionRow.source_normalized.is_not(None)
    )
    if source_type:
        q = q.where(AttributionRow.source_type == source_type)
    q = q.group_by(AttributionRow.source_normalized).order_by(n.desc(), AttributionRow.source_normalized)
    return [
        {"name": name, "type": t, "attributions": k}
        for name, t, k in s.execute(q.limit(limit).offset(offset))
    ]


def source(s: Session, name: str, limit: int = 200) -> dict[str, Any] | None:
    """What a source is reported to have said, over time, and which outlets relay it."""
    row = s.scalar(select(SourceRow).where(SourceRow.name == name))
    q = (
        select(
            AttributionRow.document_id,
            AttributionRow.idx,
            AttributionRow.content,
            AttributionRow.data,
            DocumentRow.title,
            DocumentRow.outlet,
            DocumentRow.published,
        )
        .join(DocumentRow, DocumentRow.id == AttributionRow.document_id)
        .where(AttributionRow.source_normalized == name)
        .order_by(DocumentRow.published.nulls_last(), DocumentRow.id, AttributionRow.idx)
        .limit(limit)
    )
    said = []
    outlets: dict[str, int] = defaultdict(int)
    relays: dict[str, int] = defaultdict(int)
    for doc_id, idx, content, data, title, outlet, published in s.execute(q):
        data = data or {}
        via = [_text(v) for v in data.get("via") or []]
        said.append(
            {
                "document_id": doc_id,
                "index": idx,
                "content": content,
                "title": title,
                "outlet": outlet,
                "published": published,
                "source": _text(data.get("source")),
                "via": via,
                "certainty": data.get("certainty"),
                "source_type": data.get("source_type"),
            }
        )
        outlets[outlet or "(unknown outlet)"] += 1
        for v in via:
            if v:
                relays[v] += 1
    if row is None and not said:
        return None
    keys = [(m["document_id"], m["index"]) for m in said]
    claim_ids: dict[str, int] = defaultdict(int)
    if keys:
        docs = sorted({d for d, _ in keys})
        key_set = set(keys)
        for cid, d, i in s.execute(
            select(ClaimMember.claim_id, ClaimMember.document_id, ClaimMember.attribution_idx).where(
                ClaimMember.document_id.in_(docs)
            )
        ):
            if (d, i) in key_set:
                claim_ids[cid] += 1
    claim_rows = (
        s.scalars(select(ClaimRow).where(ClaimRow.id.in_(list(claim_ids)))).all() if claim_ids else []
    )
    types = [m["source_type"] for m in said if m["source_type"]]
    aliases = sorted({a.alias for a in row.aliases}) if row else []
    if not aliases:
        aliases = sorted({m["source"] for m in said if m["source"]})
    return {
        "name": name,
        "type": (row.type if row and row.type else (max(set(types), key=types.count) if types else None)),
        "aliases": aliases,
        "said": said,
        "outlets": sorted(outlets.items(), key=lambda kv: -kv[1]),
        "relays": sorted(relays.items(), key=lambda kv: -kv[1]),
        "claims": sorted(
            (_claim_brief(c, claim_ids[c.id]) for c in claim_rows), key=lambda c: -c["appearances"]
        ),
    }


def source_by_alias(s: Session, alias: str) -> str | None:
    """The canonical name of a source written some other way."""
    return s.scalar(select(SourceRow.name).join(SourceAlias).where(SourceAlias.alias == alias).limit(1))


def disagreements(
    s: Session, kind: str | None = "conflict", limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Conflicts (or updates), newest documents first, with both sides' outlets and dates."""
    limit, offset = clamp(limit, offset)
    q = select(DisagreementRow)
    if kind:
        q = q.where(DisagreementRow.kind == kind)
    rows = s.scalars(q.order_by(DisagreementRow.id.desc()).limit(limit).offset(offset)).all()
    ids = {r.a_document_id for r in rows} | {r.b_document_id for r in rows}
    docs = {
        d.id: d
        for d in s.execute(
            select(DocumentRow.id, DocumentRow.title, DocumentRow.outlet, DocumentRow.published).where(
                DocumentRow.id.in_(ids)
            )
        )
    }
    keys = [(r.a_document_id, r.a_idx) for r in rows] + [(r.b_document_id, r.b_idx) for r in rows]
    claim_of: dict[tuple[str, int], str] = {}
    if keys:
        for cid, d, i in s.execute(
            select(ClaimMember.claim_id, ClaimMember.document_id, ClaimMember.attribution_idx).where(
                ClaimMember.document_id.in_(ids)
            )
        ):
            claim_of[(d, i)] = cid
    out = []
    for r in rows:

        def side(doc_id: str, idx: int, content: str) -> dict[str, Any]:
            d = docs.get(doc_id)
            return {
                "document_id": doc_id,
                "index": idx,
                "content": content,
                "claim_id": claim_of.get((doc_id, idx)),
                "title": d.title if d else None,
                "outlet": d.outlet if d else None,
                "published": d.published if d else None,
            }

        out.append(
            {
                "id": r.id,
                "kind": r.kind,
                "why": r.why,
                "conservative": r.conservative,
                "a": side(r.a_document_id, r.a_idx, r.a_content),
                "b": side(r.b_document_id, r.b_idx, r.b_content),
            }
        )
    return out


def report_dict(r: ReportRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "document_id": r.document_id,
        "doc_version": r.doc_version,
        "selection": r.selection,
        "prefix": r.prefix,
        "suffix": r.suffix,
        "start": r.start,
        "end": r.end,
        "claim_id": r.claim_id,
        "kind": r.kind,
        "comment": r.comment,
        "status": r.status,
        "created_at": r.created_at.isoformat() if r.created_at else None,
    }


def reports(
    s: Session, status: str | None = "open", limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    limit, offset = clamp(limit, offset)
    q = select(ReportRow)
    if status:
        q = q.where(ReportRow.status == status)
    return [report_dict(r) for r in s.scalars(q.order_by(ReportRow.id.desc()).limit(limit).offset(offset))]


def outlets(s: Session) -> list[str]:
    """Every outlet name, for the search filter."""
    q = (
        select(DocumentRow.outlet)
        .where(DocumentRow.outlet.is_not(None))
        .distinct()
        .order_by(DocumentRow.outlet)
    )
    return [o for (o,) in s.execute(q.limit(500))]


def document_text(s: Session, doc_id: str) -> dict[str, Any] | None:
    """Just the text and version of a document, to check a report against."""
    row = s.execute(select(DocumentRow.text, DocumentRow.version).where(DocumentRow.id == doc_id)).first()
    return {"text": row.text, "version": row.version} if row else None


def open_report_count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(ReportRow).where(ReportRow.status == "open")) or 0


def search(
    store: Any,
    q: str,
    kind: str | None = None,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    source_type: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Full-text hits (the store's FTS5 or PostgreSQL search) with each hit's link and facts.

    Without words, the filters alone list matching articles (or sources of a type).
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    kind = kind or None
    with store.session() as s:
        if not q.strip():
            if kind in (None, "document") and (outlet or date_from or date_to or source_type):
                conds = []
                if outlet:
                    conds.append(DocumentRow.outlet == outlet)
                if date_from:
                    conds.append(DocumentRow.published >= date_from)
                if date_to:
                    conds.append(DocumentRow.published <= date_to + "\uffff")
                if source_type:
                    conds.append(
                        DocumentRow.id.in_(
                            select(AttributionRow.document_id).where(
                                AttributionRow.source_type == source_type
                            )
                        )
                    )
                rows = s.execute(
                    select(DocumentRow.id, DocumentRow.title)
                    .where(*conds)
                    .order_by(DocumentRow.published.desc().nulls_last())
                    .limit(limit)
                ).all()
                hits = [{"kind": "document", "ref": r.id, "title": r.title, "snippet": None} for r in rows]
            elif kind == "source" and source_type:
                hits = [
                    {"kind": "source", "ref": x["name"], "title": x["name"], "snippet": None}
                    for x in sources(s, limit=limit, source_type=source_type)
                ]
            else:
                return []
        else:
            # Ask for more when a filter the store cannot apply will thin the hits out.
            hits = store.search(
                q,
                kind=kind,
                limit=limit * 4 if source_type else limit,
                outlet=outlet,
                since=date_from or None,
                until=date_to or None,
            )
        doc_ids = [h["ref"] for h in hits if h["kind"] == "document"]
        facts = (
            {
                r.id: r
                for r in s.execute(
                    select(DocumentRow.id, DocumentRow.outlet, DocumentRow.published).where(
                        DocumentRow.id.in_(doc_ids)
                    )
                )
            }
            if doc_ids
            else {}
        )
        types: dict[str, str | None] = {}
        src_names = [h["ref"] for h in hits if h["kind"] == "source"]
        if src_names:
            types = dict(
                s.execute(select(SourceRow.name, SourceRow.type).where(SourceRow.name.in_(src_names))).all()
            )
        if source_type:
            keep_docs = (
                set(
                    s.scalars(
                        select(AttributionRow.document_id).where(
                            AttributionRow.source_type == source_type, AttributionRow.document_id.in_(doc_ids)
                        )
                    )
                )
                if doc_ids
                else set()
            )
            claim_ids = [h["ref"] for h in hits if h["kind"] == "claim"]
            keep_claims = (
                set(
                    s.scalars(
                        select(ClaimMember.claim_id)
                        .join(
                            AttributionRow,
                            and_(
                                AttributionRow.document_id == ClaimMember.document_id,
                                AttributionRow.idx == ClaimMember.attribution_idx,
                            ),
                        )
                        .where(AttributionRow.source_type == source_type, ClaimMember.claim_id.in_(claim_ids))
                    )
                )
                if claim_ids
                else set()
            )
            hits = [
                h
                for h in hits
                if (h["kind"] == "document" and h["ref"] in keep_docs)
                or (h["kind"] == "claim" and h["ref"] in keep_claims)
                or (h["kind"] == "source" and types.get(h["ref"]) == source_type)
            ]
        out = []
        for h in hits[:limit]:
            f = facts.get(h["ref"]) if h["kind"] == "document" else None
            out.append(
                {
                    **h,
                    "outlet": f.outlet if f else None,
                    "published": f.published if f else None,
                    "source_type": types.get(h["ref"]) if h["kind"] == "source" else None,
                    "href": f"/{h['kind']}s/{quote(str(h['ref']), safe='')}",
                }
            )
        return out
