"""The store's tables (SQLAlchemy 2 declarative models).

Read by the web UI directly, so every table and column is documented here.
Identifiers: documents and claims keep the string ids the pipeline gives them
(`Document.id`, `Claim.id`); every other row has an integer id. Offsets in
`spans` point into `documents.text` (the cleaned text).

Full-text search lives in the `search_index` table (kind, ref, title, body):
on SQLite it is an FTS5 virtual table, on PostgreSQL a plain table with a GIN
index over `to_tsvector('english', title || ' ' || body)`. Both are created by
the migration, not by `Base.metadata`, and are kept in sync by `Store` writes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    """One article or Telegram post, with its raw input kept so extraction can be redone."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    outlet: Mapped[str | None] = mapped_column(String(300), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[str | None] = mapped_column(String(40), index=True)  # ISO date or datetime
    language: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(20), default="text")  # text|html|url|feed|telegram|jsonl
    raw: Mapped[str | None] = mapped_column(Text)  # the input as it came
    text: Mapped[str] = mapped_column(Text)  # cleaned text; every span points into it
    text_hash: Mapped[str] = mapped_column(String(64), index=True)  # sha256 of the normalised text
    version: Mapped[str] = mapped_column(String(64))  # sha256 of `text` exactly: reports pin it
    near_duplicate_of: Mapped[str | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True)  # a wire copy of that document
    forwarded_from: Mapped[str | None] = mapped_column(String(300))  # Telegram forward: a relay
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    attributions: Mapped[list[AttributionRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="AttributionRow.idx")


class DocumentBand(Base):
    """MinHash band hashes of a document: the index near-duplicate candidates come from."""

    __tablename__ = "document_bands"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    band: Mapped[int] = mapped_column(Integer)
    hash: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_document_bands_band_hash", "band", "hash"),)


class AttributionRow(Base):
    """Attribution number `idx` of a document; `data` is the full `Attribution.to_dict()`."""

    __tablename__ = "attributions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20), default="rules")  # rules|model|correction
    direct: Mapped[bool] = mapped_column(Boolean, default=False)
    certainty: Mapped[str | None] = mapped_column(String(20))
    source_type: Mapped[str | None] = mapped_column(String(30))
    source_resolved: Mapped[str | None] = mapped_column(Text)
    source_normalized: Mapped[str | None] = mapped_column(String(300), index=True)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL", name="fk_attributions_source_id"),
        index=True)  # the canonical source row (normalised name, else resolved name, else source text)
    content: Mapped[str] = mapped_column(Text, default="")  # the content text, for listing
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    document: Mapped[DocumentRow] = relationship(back_populates="attributions")
    spans: Mapped[list[SpanRow]] = relationship(
        back_populates="attribution", cascade="all, delete-orphan", order_by="SpanRow.start")

    __table_args__ = (UniqueConstraint("document_id", "idx", name="uq_attributions_document_idx"),)


class SpanRow(Base):
    """A highlighted piece of the document text belonging to an attribution."""

    __tablename__ = "spans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attribution_id: Mapped[int] = mapped_column(ForeignKey("attributions.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # cue|source|content|via|hedge|quantity|date|entity
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    attribution: Mapped[AttributionRow] = relationship(back_populates="spans")


class SourceRow(Base):
    """A source under its canonical (normalised) name, e.g. `HUR`."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    type: Mapped[str | None] = mapped_column(String(30))

    aliases: Mapped[list[SourceAlias]] = relationship(back_populates="source", cascade="all, delete-orphan")


class SourceAlias(Base):
    """Another way the text names a source (`Ukraine's Military Intelligence (HUR)`)."""

    __tablename__ = "source_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(500))

    source: Mapped[SourceRow] = relationship(back_populates="aliases")

    __table_args__ = (UniqueConstraint("source_id", "alias", name="uq_source_aliases_source_alias"),)


class ClaimRow(Base):
    """A claim: attributions in several documents asserting the same proposition."""

    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    label: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[str | None] = mapped_column(String(40))
    independent_origins: Mapped[int] = mapped_column(Integer, default=0)
    circular: Mapped[bool] = mapped_column(Boolean, default=False)
    origins: Mapped[list[str]] = mapped_column(JSON, default=list)  # normalised origin source names

    members: Mapped[list[ClaimMember]] = relationship(back_populates="claim", cascade="all, delete-orphan")
    relays: Mapped[list[RelayRow]] = relationship(back_populates="claim", cascade="all, delete-orphan")


class ClaimMember(Base):
    """One appearance of a claim: attribution `attribution_idx` of document `document_id`."""

    __tablename__ = "claim_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    attribution_idx: Mapped[int] = mapped_column(Integer)
    attribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("attributions.id", ondelete="SET NULL"), index=True)
    content: Mapped[str] = mapped_column(Text, default="")

    claim: Mapped[ClaimRow] = relationship(back_populates="members")


class RelayRow(Base):
    """An edge of a claim's relay chain: `from_name` relays `to_name` (outlet -> its source)."""

    __tablename__ = "relays"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    from_name: Mapped[str] = mapped_column(String(300))
    to_name: Mapped[str] = mapped_column(String(300))

    claim: Mapped[ClaimRow] = relationship(back_populates="relays")


class DisagreementRow(Base):
    """Two appearances that differ: kind `conflict` (cannot both be true) or `update` (a revises b)."""

    __tablename__ = "disagreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))  # conflict | update
    a_document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    a_idx: Mapped[int] = mapped_column(Integer)
    a_content: Mapped[str] = mapped_column(Text, default="")
    b_document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    b_idx: Mapped[int] = mapped_column(Integer)
    b_content: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")
    conservative: Mapped[str | None] = mapped_column(Text)  # the most cautious figure of a conflict


class ReportRow(Base):
    """A reader's report from the web UI (Ctrl+Enter on a selection).

    The selection is anchored by offsets into the document version `doc_version`
    and by up to 60 characters of `prefix`/`suffix`, so it can be found again
    if the text changes.
    """

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    doc_version: Mapped[str | None] = mapped_column(String(64))
    selection: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(60), default="")
    suffix: Mapped[str] = mapped_column(String(60), default="")
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    claim_id: Mapped[str | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))  # wrong_source|not_a_claim|missed_claim|wrong_span|typo
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open|accepted|rejected
    client: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CorrectionRow(Base):
    """An accepted correction: it overrides the extractor on its document, re-extraction included.

    action `add` adds `attribution`; `remove` drops the attribution whose content
    overlaps `attribution.content`; `reattribute` replaces that attribution's
    source fields (and spans given) with those of `attribution`.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # add | remove | reattribute
    attribution: Mapped[dict[str, Any]] = mapped_column(JSON)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


SEARCH_KINDS = ("document", "claim", "source")
