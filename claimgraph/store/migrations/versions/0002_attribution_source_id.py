"""attributions.source_id: each attribution points at its row in `sources`.

Revision ID: 0002
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_attributions_source_id", "sources", ["source_id"], ["id"],
                                    ondelete="SET NULL")
        batch_op.create_index("ix_attributions_source_id", ["source_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.drop_index("ix_attributions_source_id")
        batch_op.drop_constraint("fk_attributions_source_id", type_="foreignkey")
        batch_op.drop_column("source_id")
