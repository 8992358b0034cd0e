"""expert names in the status copy: sessions show their trainers by name (docs/decisions/0008)

Revision ID: 0005_expert_names
Revises: 0004_session_audience_mask
Create Date: 2026-11-29 23:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate may reference sqlmodel types)
from alembic import op

revision: str = "0005_expert_names"
down_revision: str | None = "0004_session_audience_mask"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows synced before this revision have no name until their profile's next event; the SPA
    # then asks the experts directory for the public profile instead.
    with op.batch_alter_table("expert_status") as batch:
        batch.add_column(sa.Column("full_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch.add_column(sa.Column("listed", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("expert_status") as batch:
        batch.drop_column("listed")
        batch.drop_column("full_name")
