"""The store: documents, attributions, sources, claims, disagreements and reports in SQL.

`open_store(url)` opens SQLite (the default, a file in the user's data
directory, WAL mode) or PostgreSQL (a `postgresql://` URL, psycopg 3) and
brings the schema up to date with the Alembic migrations shipped in this
package. `Store` methods take and return plain dicts or model dataclasses;
each write is its own transaction, so a batch killed half-way keeps every
document it finished and none half-written.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, make_url, or_, select, text, tuple_
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.pool import StaticPool

from claimgraph.ingest import dedup
from claimgraph.model import Attribution, Document, LinkResult, Span, StoreError
from claimgraph.store.claim_ids import assign_stable_ids
from claimgraph.store.corrections import anchor, apply_corrections, content_meant
from claimgraph.store.schema import (
    AttributionRow,
    ClaimMember,
    ClaimRow,
    CorrectionRow,
    DisagreementRow,
    DocumentBand,
    DocumentRow,
    RelayRow,
    ReportRow,
    SourceAlias,
    SourceRow,
    SpanRow,
)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
REPORT_KINDS = ("wrong_source", "not_a_claim", "missed_claim", "wrong_span", "typo")
MAX_ROW_ID = 2**31 - 1  # integer primary keys: the largest PostgreSQL's INTEGER holds


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("claimgraph")) / "claimgraph.db"


def database_url(url: str | None) -> str:
    """A SQLAlchemy URL from what the user typed: nothing, a path, `sqlite://…` or `postgresql://…`."""
    if url is None or url == "":
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith("postgresql+") or url.startswith("sqlite:"):
        return url
    if "://" in url:  # not a path: another database's URL would otherwise become a file named like it
        raise StoreError(f"unsupported store URL scheme '{url.split('://', 1)[0]}' (a SQLite path, "
                         "sqlite:// or postgresql://)")
    path = Path(url).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def migrate(engine: Engine) -> None:
    """Run the package's Alembic migrations up to head (programmatic config, no ini file)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with _file_lock(engine), engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # two processes opening a new store: one migrates
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


MIGRATION_LOCK_KEY = 7_413_001  # any constants: the advisory locks PostgreSQL migrations and adds take
ADD_LOCK_KEY = 7_413_002
LINK_LOCK_KEY = 7_413_003


@contextlib.contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    """Hold an exclusive lock on a SQLite store, across processes: while it is migrated (two `ingest`
    runs creating the same new store would otherwise both create its tables), a document is added
    or the claims are relinked.

    The lock is a flock on a file beside the database ("x.db-lock"), never on the database itself:
    closing any descriptor of the database would drop SQLite's own POSIX locks in this process.
    """
    db = engine.url.database if engine.dialect.name == "sqlite" else None
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock (one process at a time creates a store there)
        fcntl = None  # type: ignore[assignment]
    if db and db.startswith("file:"):  # a URI filename ("file:/x.db?mode=ro")
        db = db[len("file:"):].split("?", 1)[0]
    fh = None
    if db and db != ":memory:" and fcntl is not None:
        with contextlib.suppress(OSError):  # a read-only place: SQLite itself will say what it can do
            fh = open(db + "-lock", "ab")  # noqa: SIM115
    if fh is None:
        yield
        return
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def store_failure(exc: BaseException) -> str:
    """The database's own one-line reason, without SQLAlchemy's SQL, parameters and help link."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return reason[0] if reason else type(exc).__name__


def _shown(url: str) -> str:
    """The store URL as an error may print it: any password masked."""
    if "://" not in url:
        return url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return url.split("://", 1)[0] + "://…"


def open_store(url: str | None = None, must_exist: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at `url`; see `database_url`.

    StoreError, naming `url`, when it cannot be opened: a directory, a file that
    is not a database, a server that does not answer; with `must_exist` (commands
    that only read), a SQLite path with no file, most likely mistyped.
    """
    where = _shown(url) if url else str(default_path())
    if url and "://" not in url and not url.startswith("sqlite:") and Path(url).expanduser().is_dir():
        raise StoreError(f"{where}: is a directory, not a database file")
    if must_exist and url and "://" not in url and not url.startswith("sqlite:") \
            and not Path(url).expanduser().exists():
        raise StoreError(f"{where}: no such store (`claimgraph ingest --db {url} ...` creates one)")
    try:
        full = database_url(url)
        if full.startswith("sqlite"):
            memory = full in ("sqlite://", "sqlite:///:memory:")
            kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
            if memory:
                kwargs["poolclass"] = StaticPool
            engine = create_engine(full, **kwargs)
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(full, pool_pre_ping=True)
        migrate(engine)
    except (SQLAlchemyError, OSError) as exc:
        raise StoreError(f"{where}: cannot open the store ({store_failure(exc)})") from None
    return Store(engine)


def _span_rows(attr: Attribution) -> list[SpanRow]:
    pieces = [("cue", attr.cue), ("source", attr.source)]
    pieces += [("content", p) for p in (attr.content_parts or [attr.content])]
    pieces += [("via", v) for v in attr.via] + [("hedge", h) for h in attr.hedges]
    pieces += [("quantity", q.span) for q in attr.quantities] + [("date", d.span) for d in attr.dates]
    pieces += [("entity", e.span) for e in attr.entities]
    return [SpanRow(role=role, text=s.text, start=s.start, end=s.end)
            for role, s in pieces if s is not None and s.start >= 0 and s.end >= s.start]


def _doc_from_row(row: DocumentRow, with_attributions: bool = True) -> Document:
    doc = Document(id=row.id, text=row.text, title=row.title, author=row.author, published=row.published,
                   outlet=row.outlet, url=row.url, language=row.language, raw=row.raw, kind=row.kind,
                   forwarded_from=row.forwarded_from, near_duplicate_of=row.near_duplicate_of)
    if with_attributions:
        doc.attributions = [Attribution.from_dict(a.data) for a in row.attributions]
    return doc


def _doc_summary(row: DocumentRow) -> dict[str, Any]:
    return {"id": row.id, "url": row.url, "outlet": row.outlet, "title": row.title, "author": row.author,
            "published": row.published, "language": row.language, "kind": row.kind,
            "near_duplicate_of": row.near_duplicate_of, "forwarded_from": row.forwarded_from,
            "version": row.version, "text_hash": row.text_hash,
            "ingested_at": row.ingested_at.isoformat() if row.ingested_at else None}


def _claim_summary(row: ClaimRow, n_members: int | None = None) -> dict[str, Any]:
    return {"id": row.id, "label": row.label, "first_seen": row.first_seen,
            "independent_origins": row.independent_origins, "circular": row.circular,
            "origins": list(row.origins or []),
            "members": n_members if n_members is not None else len(row.members)}


def _disagreement(row: DisagreementRow) -> dict[str, Any]:
    return {"id": row.id, "kind": row.kind, "why": row.why, "conservative": row.conservative,
            "a": {"doc": row.a_document_id, "index": row.a_idx, "content": row.a_content},
            "b": {"doc": row.b_document_id, "index": row.b_idx, "content": row.b_content}}


def _report(row: ReportRow) -> dict[str, Any]:
    return {"id": row.id, "document_id": row.document_id, "doc_version": row.doc_version,
            "selection": row.selection, "prefix": row.prefix, "suffix": row.suffix, "start": row.start,
            "end": row.end, "claim_id": row.claim_id, "kind": row.kind, "comment": row.comment,
            "status": row.status, "client": row.client,
            "created_at": row.created_at.isoformat() if row.created_at else None}


def _fts_query(q: str) -> str:
    """A user's words as an FTS5 query: each word quoted (no operator injection), all required."""
    words = [w for w in dedup.normalize_text(q).split() if w]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


class Store:
    """Plain methods over one database; safe to share within one writing process."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.session = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # -- search index -------------------------------------------------------------------------

    def _index(self, s: Session, kind: str, ref: str, title: str | None, body: str) -> None:
        """Put one entry in the search index, replacing the previous one for (kind, ref).

        FTS5 cannot index its UNINDEXED columns, so on SQLite the row id is a hash
        of (kind, ref): replacing stays a key lookup instead of a table scan.
        """
        params = {"k": kind, "r": ref, "t": title or "", "b": body or ""}
        if self.dialect == "sqlite":
            digest = hashlib.blake2b(f"{kind}\x00{ref}".encode(), digest_size=8).digest()
            params["id"] = int.from_bytes(digest, "little") >> 1
            s.execute(text("DELETE FROM search_index WHERE rowid = :id"), params)
            s.execute(text("INSERT INTO search_index (rowid, kind, ref, title, body) "
                           "VALUES (:id, :k, :r, :t, :b)"), params)
            return
        s.execute(text("DELETE FROM search_index WHERE kind = :k AND ref = :r"), params)
        s.execute(text("INSERT INTO search_index (kind, ref, title, body) VALUES (:k, :r, :t, :b)"), params)

    def search(self, q: str, kind: str | None = None, limit: int = 20, outlet: str | None = None,
               since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """Full-text search over documents (title + text), claim labels and source names.

        `kind` restricts to document|claim|source; `outlet`, `since`, `until` (ISO dates on
        `published`) filter documents. Best matches first, each with a short snippet.
        """
        params: dict[str, Any] = {"limit": limit}
        where: list[str] = []
        if self.dialect == "sqlite":
            fq = _fts_query(q)
            if not fq:
                return []
            params["q"] = fq
            sql = ("SELECT s.kind, s.ref, s.title, snippet(search_index, 3, '[', ']', '…', 12) AS snip "
                   "FROM search_index s LEFT JOIN documents d ON s.kind = 'document' AND d.id = s.ref "
                   "WHERE search_index MATCH :q")
            order = " ORDER BY rank"
        else:
            params["q"] = q
            tsv = "to_tsvector('english', s.title || ' ' || s.body)"
            sql = ("SELECT s.kind, s.ref, s.title, "
                   "ts_headline('english', s.body, plainto_tsquery('english', :q), "
                   "'StartSel=[,StopSel=],MaxWords=14,MinWords=5') AS snip "
                   "FROM search_index s LEFT JOIN documents d ON s.kind = 'document' AND d.id = s.ref "
                   f"WHERE {tsv} @@ plainto_tsquery('english', :q)")
            order = f" ORDER BY ts_rank({tsv}, plainto_tsquery('english', :q)) DESC"
        if kind:
            where.append("s.kind = :kind")
            params["kind"] = kind
        if outlet:
            where.append("d.outlet = :outlet")
            params["outlet"] = outlet
        if since:
            where.append("d.published >= :since")
            params["since"] = since
        if until:
            where.append("d.published <= :until")
            params["until"] = until + "\uffff" if len(until) <= 10 else until
        sql += "".join(" AND " + w for w in where) + order + " LIMIT :limit"
        with self.session() as s:
            rows = s.execute(text(sql), params).all()
        return [{"kind": r[0], "ref": r[1], "title": r[2], "snippet": r[3]} for r in rows]

    # -- documents ----------------------------------------------------------------------------

    def _same(self, s: Session, doc: Document, thash: str, nurl: str | None) -> tuple[str | None, str | None]:
        """(stored id this document repeats, stored id it copies) by URL and normalised text.

        Same URL or same text is a repeat, except for a Telegram forward: a channel
        forwarding another's post verbatim is a relay, so it is stored as a copy of
        the original unless that very forward (same channel, same origin) is stored.
        """
        conds = [DocumentRow.text_hash == thash] + ([DocumentRow.url == nurl] if nurl else [])
        rows = s.execute(select(DocumentRow.id, DocumentRow.url, DocumentRow.outlet,
                                DocumentRow.forwarded_from, DocumentRow.near_duplicate_of)
                         .where(or_(*conds)).order_by(DocumentRow.ingested_at).limit(50)).all()
        if not rows:
            return None, None
        if nurl:
            for r in rows:
                if r.url == nurl:
                    return r.id, None
        if not doc.forwarded_from:
            return rows[0].id, None
        for r in rows:
            if r.outlet == doc.outlet and r.forwarded_from == doc.forwarded_from:
                return r.id, None
        return None, rows[0].near_duplicate_of or rows[0].id

    def find_duplicate(self, url: str | None = None, doc_text: str | None = None,
                       doc: Document | None = None) -> str | None:
        """The id of a stored document this one repeats (same URL or same normalised text), if any."""
        if doc is not None:
            url, doc_text = doc.url, doc.text
        probe = doc or Document(id="", text=doc_text or "", url=url)
        nurl = dedup.normalize_url(url)
        if not nurl and doc_text is None:
            return None
        thash = dedup.text_hash(doc_text) if doc_text is not None else "-"
        with self.session() as s:
            return self._same(s, probe, thash, nurl)[0]

    def _near_duplicate(self, s: Session, doc_text: str, bands: list[tuple[int, int]]) -> str | None:
        cands = s.scalars(select(DocumentBand.document_id)
                          .where(tuple_(DocumentBand.band, DocumentBand.hash).in_(bands))
                          .distinct().limit(50)).all()
        if not cands:
            return None
        mine = dedup.shingles(doc_text)
        best, best_j = None, 0.0
        for row in s.execute(select(DocumentRow.id, DocumentRow.text, DocumentRow.near_duplicate_of)
                             .where(DocumentRow.id.in_(cands))):
            other = dedup.shingles(row.text)
            if dedup.is_near_duplicate(mine, other):
                jac = sum(dedup.similarity(mine, other))
                if jac > best_j:
                    best, best_j = row.near_duplicate_of or row.id, jac
        return best

    def _free_id(self, s: Session, want: str, thash: str) -> str:
        want = (want or thash[:12])[:180]
        if s.get(DocumentRow, want) is None:
            return want
        alt = f"{want}-{thash[:8]}"
        n = 2
        while s.get(DocumentRow, alt) is not None:
            alt = f"{want}-{thash[:8]}-{n}"
            n += 1
        return alt

    def add_document(self, doc: Document) -> tuple[str, str]:
        """Store a document and its attributions in one transaction.

        Returns (id, status): `duplicate` (same URL or same normalised text: nothing
        written, the stored id returned), `near_duplicate` (stored, with
        `near_duplicate_of` pointing at the original) or `added`. The id is
        `doc.id`, suffixed with a text hash where another document holds it.

        Two writers storing one article at once (parallel `ingest` runs) both find
        it absent; the loser's insert fails on the unique id and is tried again,
        which finds the winner's row: a duplicate, not a failed batch.
        """
        try:
            return self._add_document(doc)
        except IntegrityError:
            return self._add_document(doc)

    def _add_document(self, doc: Document) -> tuple[str, str]:
        thash = dedup.text_hash(doc.text)
        nurl = dedup.normalize_url(doc.url)
        bands = dedup.bands_of(doc.text)
        # the check for a copy and the insert in one step, across processes: two `ingest` runs of one
        # file would otherwise both find no copy and store the article twice
        with _file_lock(self.engine), self.session() as s, s.begin():
            if self.engine.dialect.name == "postgresql":
                s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADD_LOCK_KEY})
            existing, copy_of = self._same(s, doc, thash, nurl)
            if existing is not None:
                return existing, "duplicate"
            near = doc.near_duplicate_of or copy_of or self._near_duplicate(s, doc.text, bands)
            doc_id = self._free_id(s, doc.id, thash)
            row = DocumentRow(id=doc_id, url=nurl, outlet=doc.outlet, title=doc.title, author=doc.author,
                              published=doc.published, language=doc.language, kind=doc.kind or "text",
                              raw=doc.raw, text=doc.text, text_hash=thash,
                              version=dedup.version_hash(doc.text), near_duplicate_of=near,
                              forwarded_from=doc.forwarded_from)
            s.add(row)
            s.flush()
            s.add_all(DocumentBand(document_id=doc_id, band=b, hash=h) for b, h in bands)
            self._index(s, "document", doc_id, doc.title, doc.text)
            self._write_attributions(s, doc_id, doc.attributions)
        doc.id = doc_id
        doc.near_duplicate_of = near
        return doc_id, "near_duplicate" if near else "added"

    def _write_attributions(self, s: Session, doc_id: str, attrs: list[Attribution]) -> list[Attribution]:
        corrections = [{"action": c.action, "attribution": c.attribution} for c in s.scalars(
            select(CorrectionRow).where(CorrectionRow.document_id == doc_id).order_by(CorrectionRow.id))]
        final = apply_corrections(attrs, corrections) if corrections else list(attrs)
        s.execute(delete(AttributionRow).where(AttributionRow.document_id == doc_id))
        with s.no_autoflush:
            source_ids = self._note_sources(s, final)
            rows = []
            for i, a in enumerate(final):
                row = AttributionRow(document_id=doc_id, idx=i, method=a.method, direct=a.direct,
                                     certainty=a.certainty, source_type=a.source_type,
                                     source_resolved=a.source_resolved,
                                     source_normalized=a.source_normalized, content=a.content.text,
                                     data=a.to_dict(), source_id=source_ids[i])
                row.spans = _span_rows(a)
                rows.append(row)
            s.add_all(rows)
        s.flush()
        return final

    def _note_sources(self, s: Session, attrs: list[Attribution]) -> list[int | None]:
        """Each attribution's row in `sources` (created as needed), the text's wordings kept as aliases.

        The canonical name is the normalised name, else the resolved one, else the
        source text. Looked up and written in a few statements per document.
        """
        names: list[str | None] = []
        wanted: dict[str, set[str]] = {}
        types: dict[str, str | None] = {}
        for a in attrs:
            name = (a.source_normalized or a.source_resolved or (a.source.text if a.source else "")).strip()
            name = name[:300] or None
            names.append(name)
            if name is None:
                continue
            if not types.get(name):
                types[name] = a.source_type
            # an alias must name something: pronouns and "the source" (no capital letter) are not aliases
            wanted.setdefault(name, set()).update(
                x.strip()[:500] for x in (a.source_resolved, a.source.text if a.source else None)
                if x and x.strip() != name and any(ch.isupper() for ch in x))
        if not wanted:
            return [None] * len(attrs)
        found = {r.name: r for r in s.scalars(select(SourceRow).where(SourceRow.name.in_(list(wanted))))}
        new = [SourceRow(name=n, type=types.get(n)) for n in wanted if n not in found]
        if new:
            s.add_all(new)
            s.flush()
            found.update((r.name, r) for r in new)
        for n, row in found.items():
            if row.type is None and types.get(n):
                row.type = types[n]
        by_id = {r.id: n for n, r in found.items()}
        have: dict[int, set[str]] = {}
        for sid, alias in s.execute(select(SourceAlias.source_id, SourceAlias.alias)
                                    .where(SourceAlias.source_id.in_(list(by_id)))):
            have.setdefault(sid, set()).add(alias)
        new_aliases = []
        for n, aliases in wanted.items():
            sid = found[n].id
            fresh = aliases - have.get(sid, set())
            new_aliases += [SourceAlias(source_id=sid, alias=x) for x in sorted(fresh)]
            if fresh or any(r.name == n for r in new):
                self._index(s, "source", n, n, " ".join(sorted(have.get(sid, set()) | aliases)))
        s.add_all(new_aliases)
        return [found[n].id if n else None for n in names]

    def save_attributions(self, doc_id: str, attrs: list[Attribution]) -> list[Attribution]:
        """Replace a document's attributions; its accepted corrections are laid over them."""
        with self.session() as s, s.begin():
            if s.get(DocumentRow, doc_id) is None:
                raise KeyError(doc_id)
            return self._write_attributions(s, doc_id, attrs)

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """The document with its text, raw input and attributions (each with its row id and spans)."""
        with self.session() as s:
            row = s.get(DocumentRow, doc_id, options=[
                selectinload(DocumentRow.attributions).selectinload(AttributionRow.spans)])
            if row is None:
                return None
            out = _doc_summary(row)
            out.update(text=row.text, raw=row.raw, attributions=[
                {**a.data, "id": a.id, "index": a.idx,
                 "spans": [{"role": sp.role, "text": sp.text, "start": sp.start, "end": sp.end}
                           for sp in a.spans]}
                for a in row.attributions])
            return out

    def load_document(self, doc_id: str) -> Document | None:
        """The stored document as a model `Document`, attributions included."""
        with self.session() as s:
            row = s.get(DocumentRow, doc_id, options=[selectinload(DocumentRow.attributions)])
            return _doc_from_row(row) if row else None

    def list_documents(self, limit: int = 100, offset: int = 0, outlet: str | None = None) -> list[dict]:
        """Documents newest-published first, without their text."""
        with self.session() as s:
            q = select(DocumentRow)
            if outlet:
                q = q.where(DocumentRow.outlet == outlet)
            q = q.order_by(DocumentRow.published.desc(), DocumentRow.id).limit(limit).offset(offset)
            counts = dict(s.execute(select(AttributionRow.document_id, func.count())
                                    .group_by(AttributionRow.document_id)).all())
            return [{**_doc_summary(r), "attributions": counts.get(r.id, 0)} for r in s.scalars(q)]

    def all_documents(self) -> list[Document]:
        """Every document with its attributions, in ingest order: the input of linking."""
        with self.session() as s:
            rows = s.scalars(select(DocumentRow).options(selectinload(DocumentRow.attributions))
                             .order_by(DocumentRow.ingested_at, DocumentRow.id))
            return [_doc_from_row(r) for r in rows]

    # -- claims -------------------------------------------------------------------------------

    def save_links(self, result: LinkResult) -> None:
        """Replace all claims, relays and disagreements with those of a linking run.

        Claims keep the ids of the claims they continue (see `claim_ids`).
        """
        with self.session() as s, s.begin():
            previous = {(d, i): cid for cid, d, i in s.execute(
                select(ClaimMember.claim_id, ClaimMember.document_id, ClaimMember.attribution_idx))}
            assign_stable_ids(result.claims, previous)
            for table in (ClaimMember, RelayRow, DisagreementRow, ClaimRow):
                s.execute(delete(table))
            s.execute(text("DELETE FROM search_index WHERE kind = 'claim'"))
            ids = {(d, i): aid for aid, d, i in s.execute(
                select(AttributionRow.id, AttributionRow.document_id, AttributionRow.idx))}
            known_docs = set(s.scalars(select(DocumentRow.id)))
            for c in result.claims:
                s.add(ClaimRow(id=c.id, label=c.label, first_seen=c.first_seen,
                               independent_origins=c.independent_origins, circular=c.circular,
                               origins=list(c.origins)))
                s.flush()
                for m in c.members:
                    if m.doc_id in known_docs:
                        s.add(ClaimMember(claim_id=c.id, document_id=m.doc_id, attribution_idx=m.index,
                                          attribution_id=ids.get((m.doc_id, m.index)), content=m.content))
                for a, b in c.relays:
                    s.add(RelayRow(claim_id=c.id, from_name=str(a)[:300], to_name=str(b)[:300]))
                self._index(s, "claim", c.id, c.label, " ".join(m.content for m in c.members))
            for d in result.disagreements:
                if d.a.doc_id in known_docs and d.b.doc_id in known_docs:
                    s.add(DisagreementRow(kind=d.kind, a_document_id=d.a.doc_id, a_idx=d.a.index,
                                          a_content=d.a.content, b_document_id=d.b.doc_id, b_idx=d.b.index,
                                          b_content=d.b.content, why=d.why, conservative=d.conservative))

    def relink(self) -> LinkResult | None:
        """Link every stored document again and save the claims; None if linking is not installed."""
        try:
            from claimgraph.link import link_documents
        except ImportError:
            return None
        # read, link and save as one step: a relink that read fewer documents must not save last
        with _file_lock(self.engine), self._link_lock():
            docs = self.all_documents()
            result = link_documents(docs)
            self.save_links(result)
        return result

    @contextlib.contextmanager
    def _link_lock(self) -> Iterator[None]:
        """On PostgreSQL, an advisory lock held for the relink (the SQLite store has its file lock)."""
        if self.engine.dialect.name != "postgresql":
            yield
            return
        with self.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LINK_LOCK_KEY})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LINK_LOCK_KEY})

    def list_claims(self, limit: int = 100, offset: int = 0, circular: bool | None = None) -> list[dict]:
        """Claims with the most appearances first."""
        with self.session() as s:
            n = (select(ClaimMember.claim_id, func.count().label("n"))
                 .group_by(ClaimMember.claim_id).subquery())
            q = select(ClaimRow, func.coalesce(n.c.n, 0)).outerjoin(n, n.c.claim_id == ClaimRow.id)
            if circular is not None:
                q = q.where(ClaimRow.circular == circular)
            q = q.order_by(func.coalesce(n.c.n, 0).desc(), ClaimRow.first_seen, ClaimRow.id)
            return [_claim_summary(r, cnt) for r, cnt in s.execute(q.limit(limit).offset(offset))]

    def get_claim(self, claim_id: str) -> dict[str, Any] | None:
        """A claim with each appearance (document and full attribution), relays, disagreements."""
        with self.session() as s:
            row = s.get(ClaimRow, claim_id, options=[selectinload(ClaimRow.members),
                                                     selectinload(ClaimRow.relays)])
            if row is None:
                return None
            out = _claim_summary(row)
            members = []
            for m in sorted(row.members, key=lambda m: (m.document_id, m.attribution_idx)):
                d = s.get(DocumentRow, m.document_id)
                a = s.get(AttributionRow, m.attribution_id) if m.attribution_id else None
                members.append({"doc": m.document_id, "index": m.attribution_idx, "content": m.content,
                                "outlet": d.outlet if d else None, "published": d.published if d else None,
                                "url": d.url if d else None, "title": d.title if d else None,
                                "near_duplicate_of": d.near_duplicate_of if d else None,
                                "attribution": a.data if a else None})
            members.sort(key=lambda m: (m["published"] or "", m["doc"]))
            out["members"] = members
            out["relays"] = [(r.from_name, r.to_name) for r in row.relays]
            keys = [(m["doc"], m["index"]) for m in members]
            out["disagreements"] = [_disagreement(d) for d in s.scalars(select(DisagreementRow).where(
                or_(tuple_(DisagreementRow.a_document_id, DisagreementRow.a_idx).in_(keys),
                    tuple_(DisagreementRow.b_document_id, DisagreementRow.b_idx).in_(keys))))] if keys else []
            return out

    def list_disagreements(self, kind: str | None = None) -> list[dict[str, Any]]:
        with self.session() as s:
            q = select(DisagreementRow).order_by(DisagreementRow.id)
            if kind:
                q = q.where(DisagreementRow.kind == kind)
            return [_disagreement(r) for r in s.scalars(q)]

    # -- sources ------------------------------------------------------------------------------

    def list_sources(self, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
        """Sources with the most attributions first."""
        with self.session() as s:
            n = (select(AttributionRow.source_id, func.count().label("n"))
                 .group_by(AttributionRow.source_id).subquery())
            q = (select(SourceRow, func.coalesce(n.c.n, 0)).outerjoin(n, n.c.source_id == SourceRow.id)
                 .options(selectinload(SourceRow.aliases))
                 .order_by(func.coalesce(n.c.n, 0).desc(), SourceRow.name).limit(limit).offset(offset))
            return [{"id": r.id, "name": r.name, "type": r.type,
                     "aliases": sorted(a.alias for a in r.aliases), "attributions": cnt}
                    for r, cnt in s.execute(q)]

    def get_source(self, name_or_id: str | int) -> dict[str, Any] | None:
        """A source (by canonical name, alias or id) with its aliases and every attribution to it."""
        with self.session() as s:
            if isinstance(name_or_id, int) or str(name_or_id).isdigit():
                src = s.get(SourceRow, int(name_or_id))
            else:
                src = s.scalars(select(SourceRow).where(SourceRow.name == name_or_id)).first()
                if src is None:
                    src = s.scalars(select(SourceRow).join(SourceAlias)
                                    .where(SourceAlias.alias == name_or_id)).first()
            if src is None:
                return None
            attrs = s.execute(select(AttributionRow, DocumentRow.outlet, DocumentRow.published)
                              .join(DocumentRow, DocumentRow.id == AttributionRow.document_id)
                              .where(AttributionRow.source_id == src.id)
                              .order_by(DocumentRow.published, AttributionRow.document_id,
                                        AttributionRow.idx)).all()
            return {"id": src.id, "name": src.name, "type": src.type,
                    "aliases": sorted(a.alias for a in src.aliases),
                    "attributions": [{"doc": a.document_id, "index": a.idx, "content": a.content,
                                      "outlet": outlet, "published": pub, "certainty": a.certainty}
                                     for a, outlet, pub in attrs]}

    # -- reports and corrections ----------------------------------------------------------------

    def add_report(self, document_id: str, selection: str, kind: str, start: int | None = None,
                   end: int | None = None, prefix: str = "", suffix: str = "", comment: str = "",
                   claim_id: str | None = None, doc_version: str | None = None,
                   client: str | None = None) -> int:
        """Record a reader's report on a selection of a document; returns its id."""
        if kind not in REPORT_KINDS:
            raise ValueError(f"report kind must be one of {', '.join(REPORT_KINDS)}")
        with self.session() as s, s.begin():
            doc = s.get(DocumentRow, document_id)
            if doc is None:
                raise KeyError(document_id)
            row = ReportRow(document_id=document_id, doc_version=doc_version or doc.version,
                            selection=selection, prefix=(prefix or "")[-60:], suffix=(suffix or "")[:60],
                            start=start, end=end, claim_id=claim_id, kind=kind, comment=comment or "",
                            client=client)
            s.add(row)
            s.flush()
            return row.id

    def list_reports(self, status: str | None = None, document_id: str | None = None) -> list[dict]:
        with self.session() as s:
            q = select(ReportRow).order_by(ReportRow.id)
            if status:
                q = q.where(ReportRow.status == status)
            if document_id:
                q = q.where(ReportRow.document_id == document_id)
            return [_report(r) for r in s.scalars(q)]

    def get_report(self, report_id: int) -> dict[str, Any] | None:
        if not 0 < report_id <= MAX_ROW_ID:  # no such row; a larger number would overflow the query
            return None
        with self.session() as s:
            row = s.get(ReportRow, report_id)
            return _report(row) if row else None

    def _correction_for(self, report: ReportRow, doc_text: str, attribution: dict[str, Any] | None,
                        current: list[Attribution]) -> tuple[str, dict[str, Any]] | None:
        """The correction an accepted report stands for (None for a typo: nothing to change).

        `current` are the document's attributions now: a selection of only a
        source or cue is keyed on the content of the attribution it belongs to.
        """
        where = anchor(doc_text, report.selection, report.prefix, report.suffix, report.start)
        sel: dict[str, Any] = ({"text": doc_text[where[0]:where[1]], "start": where[0], "end": where[1]}
                               if where else {"text": report.selection, "start": -1, "end": -1})
        given = dict(attribution or {})
        if report.kind in ("not_a_claim", "wrong_source"):
            meant = content_meant(current, Span(sel["text"], sel["start"], sel["end"]))
            sel = {"text": meant.text, "start": meant.start, "end": meant.end}
        if report.kind == "not_a_claim":
            return "remove", {"content": sel}
        if report.kind == "missed_claim":
            return "add", {"cue": given.get("cue"), "content": given.get("content") or sel,
                           **{k: v for k, v in given.items() if k not in ("cue", "content")}}
        if report.kind == "wrong_source":
            if not given:
                given = {"source_resolved": report.comment.strip() or None}
            return "reattribute", {"match": given.pop("match", None) or sel, **given}
        if report.kind == "wrong_span":
            match = given.pop("match", None) or sel
            return "reattribute", {"match": match, "content": given.pop("content", sel), **given}
        return None

    def resolve_report(self, report_id: int, accept: bool,
                       attribution: dict[str, Any] | None = None) -> dict[str, Any]:
        """Accept or reject a report. Accepting records a correction and re-extracts the document.

        `attribution` carries what the reviewer fixed (e.g. the right `source` /
        `source_resolved`, or the cue of a missed claim; `match` = the span of the
        attribution meant, when the selection is not its content).
        """
        known = self.get_report(report_id)
        if known is None:
            raise KeyError(report_id)
        current = []
        if accept:
            loaded = self.load_document(known["document_id"])
            current = loaded.attributions if loaded else []
        with self.session() as s, s.begin():
            rep = s.get(ReportRow, report_id)
            if rep is None:
                raise KeyError(report_id)
            rep.status = "accepted" if accept else "rejected"
            doc_id = rep.document_id
            if accept:
                doc = s.get(DocumentRow, doc_id)
                corr = self._correction_for(rep, doc.text, attribution, current)
                if corr:
                    s.add(CorrectionRow(document_id=doc_id, action=corr[0], attribution=corr[1],
                                        report_id=rep.id))
            out = _report(rep)
        if accept:
            self.reextract(doc_id)
        return out

    def reextract(self, doc_id: str) -> list[Attribution]:
        """Run the extractor on the stored text again; the document's corrections still apply.

        Without an importable extractor the stored attributions are kept and
        the corrections laid over them again (they are idempotent).
        """
        doc = self.load_document(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        try:
            from claimgraph.extract import extract

            attrs = extract(doc)
        except ImportError:
            attrs = doc.attributions
        return self.save_attributions(doc_id, attrs)

    def corrections(self, document_id: str | None = None) -> list[dict[str, Any]]:
        with self.session() as s:
            q = select(CorrectionRow).order_by(CorrectionRow.id)
            if document_id:
                q = q.where(CorrectionRow.document_id == document_id)
            return [{"id": c.id, "document_id": c.document_id, "action": c.action,
                     "attribution": c.attribution, "report_id": c.report_id} for c in s.scalars(q)]

    def counts(self) -> dict[str, int]:
        """Rows per table, for status lines and tests."""
        tables = {"documents": DocumentRow, "near_duplicates": DocumentRow, "attributions": AttributionRow,
                  "spans": SpanRow, "sources": SourceRow, "claims": ClaimRow, "claim_members": ClaimMember,
                  "relays": RelayRow, "disagreements": DisagreementRow, "reports": ReportRow,
                  "corrections": CorrectionRow}
        out = {}
        with self.session() as s:
            for name, model in tables.items():
                q = select(func.count()).select_from(model)
                if name == "near_duplicates":
                    q = q.where(DocumentRow.near_duplicate_of.is_not(None))
                out[name] = s.scalar(q) or 0
        return out


def drop_all(store: Store) -> None:
    """Drop every table of the store (tests, `--fresh`): the next `open_store` migrates afresh."""
    from claimgraph.store.schema import Base

    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS search_index"))
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


__all__ = ["Store", "open_store", "database_url", "drop_all", "migrate"]
