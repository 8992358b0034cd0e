"""expert status copy: experts' vetting statuses, fed by their events (docs/decisions/0008)

Revision ID: expert_status
Revises: 0002
Create Date: 2026-11-29 19:47:06.362599
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate may reference sqlmodel types)
from alembic import op


revision: str = 'expert_status'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A new table only: the sessions' trainer_ids are left as they are (ids named before this
    # check existed are kept; only ids named from now on are checked).
    op.create_table('expert_status',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('merged_into_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('synced_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert_status'))
    )


def downgrade() -> None:
    op.drop_table('expert_status')
