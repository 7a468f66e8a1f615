"""Initial schema: every table of `claimgraph.store.schema` plus the full-text search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 09:17:31.934352

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('claims',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('first_seen', sa.String(length=40), nullable=True),
    sa.Column('independent_origins', sa.Integer(), nullable=False),
    sa.Column('circular', sa.Boolean(), nullable=False),
    sa.Column('origins', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('author', sa.String(length=300), nullable=True),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('raw', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('near_duplicate_of', sa.String(length=200), nullable=True),
    sa.Column('forwarded_from', sa.String(length=300), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['near_duplicate_of'], ['documents.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_near_duplicate_of'), ['near_duplicate_of'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_documents_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_text_hash'), ['text_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_url'), ['url'], unique=False)

    op.create_table('sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('type', sa.String(length=30), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('attributions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('certainty', sa.String(length=20), nullable=True),
    sa.Column('source_type', sa.String(length=30), nullable=True),
    sa.Column('source_resolved', sa.Text(), nullable=True),
    sa.Column('source_normalized', sa.String(length=300), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'idx', name='uq_attributions_document_idx')
    )
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attributions_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attributions_source_normalized'), ['source_normalized'],
                              unique=False)

    op.create_table('disagreements',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('a_document_id', sa.String(length=200), nullable=False),
    sa.Column('a_idx', sa.Integer(), nullable=False),
    sa.Column('a_content', sa.Text(), nullable=False),
    sa.Column('b_document_id', sa.String(length=200), nullable=False),
    sa.Column('b_idx', sa.Integer(), nullable=False),
    sa.Column('b_content', sa.Text(), nullable=False),
    sa.Column('why', sa.Text(), nullable=False),
    sa.Column('conservative', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['a_document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['b_document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('disagreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disagreements_a_document_id'), ['a_document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disagreements_b_document_id'), ['b_document_id'], unique=False)

    op.create_table('document_bands',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('hash', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('document_bands', schema=None) as batch_op:
        batch_op.create_index('ix_document_bands_band_hash', ['band', 'hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_bands_document_id'), ['document_id'], unique=False)

    op.create_table('relays',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_id', sa.String(length=200), nullable=False),
    sa.Column('from_name', sa.String(length=300), nullable=False),
    sa.Column('to_name', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('relays', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relays_claim_id'), ['claim_id'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('doc_version', sa.String(length=64), nullable=True),
    sa.Column('selection', sa.Text(), nullable=False),
    sa.Column('prefix', sa.String(length=60), nullable=False),
    sa.Column('suffix', sa.String(length=60), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('claim_id', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('client', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_status'), ['status'], unique=False)

    op.create_table('source_aliases',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'alias', name='uq_source_aliases_source_alias')
    )
    with op.batch_alter_table('source_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_aliases_source_id'), ['source_id'], unique=False)

    op.create_table('claim_members',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_id', sa.String(length=200), nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('attribution_idx', sa.Integer(), nullable=False),
    sa.Column('attribution_id', sa.Integer(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['attribution_id'], ['attributions.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claim_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_members_attribution_id'), ['attribution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_members_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_members_document_id'), ['document_id'], unique=False)

    op.create_table('corrections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('attribution', sa.JSON(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrections_document_id'), ['document_id'], unique=False)

    op.create_table('spans',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('attribution_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['attribution_id'], ['attributions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_spans_attribution_id'), ['attribution_id'], unique=False)
    _create_search_index()


def _create_search_index() -> None:
    """`search_index(kind, ref, title, body)`: FTS5 on SQLite, GIN over a tsvector on PostgreSQL."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5("
                   "kind UNINDEXED, ref UNINDEXED, title, body, tokenize='porter unicode61')")
        return
    op.create_table("search_index",
                    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
                    sa.Column("kind", sa.String(length=20), nullable=False),
                    sa.Column("ref", sa.String(length=300), nullable=False),
                    sa.Column("title", sa.Text(), nullable=False, server_default=""),
                    sa.Column("body", sa.Text(), nullable=False, server_default=""),
                    sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_search_index_kind_ref", "search_index", ["kind", "ref"])
    op.execute("CREATE INDEX ix_search_index_tsv ON search_index USING gin "
               "(to_tsvector('english', title || ' ' || body))")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP TABLE IF EXISTS search_index")
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_spans_attribution_id'))

    op.drop_table('spans')
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corrections_document_id'))

    op.drop_table('corrections')
    with op.batch_alter_table('claim_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_members_document_id'))
        batch_op.drop_index(batch_op.f('ix_claim_members_claim_id'))
        batch_op.drop_index(batch_op.f('ix_claim_members_attribution_id'))

    op.drop_table('claim_members')
    with op.batch_alter_table('source_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_aliases_source_id'))

    op.drop_table('source_aliases')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_status'))
        batch_op.drop_index(batch_op.f('ix_reports_document_id'))

    op.drop_table('reports')
    with op.batch_alter_table('relays', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relays_claim_id'))

    op.drop_table('relays')
    with op.batch_alter_table('document_bands', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_bands_document_id'))
        batch_op.drop_index('ix_document_bands_band_hash')

    op.drop_table('document_bands')
    with op.batch_alter_table('disagreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disagreements_b_document_id'))
        batch_op.drop_index(batch_op.f('ix_disagreements_a_document_id'))

    op.drop_table('disagreements')
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attributions_source_normalized'))
        batch_op.drop_index(batch_op.f('ix_attributions_document_id'))

    op.drop_table('attributions')
    op.drop_table('sources')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_url'))
        batch_op.drop_index(batch_op.f('ix_documents_text_hash'))
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_outlet'))
        batch_op.drop_index(batch_op.f('ix_documents_near_duplicate_of'))

    op.drop_table('documents')
    op.drop_table('claims')
