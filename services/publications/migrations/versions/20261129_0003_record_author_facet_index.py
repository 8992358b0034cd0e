"""record_author: an index the author facet reads instead of the rows

Revision ID: 0003_record_author_facet_index
Revises: 0002
Create Date: 2026-11-29 21:00:00

The author facet counts the authors of every matching record: for each matching key it reads
that record's (author_key, name). With this index, ordered by record key, those come from the
index alone instead of one table row each (tens of thousands of lookups for a broad query).
Plain CREATE INDEX, no batch mode: the table is left as it is on SQLite.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_record_author_facet_index"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_record_author_record_key_author", "record_author", ["record_key", "author_key", "name"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_record_author_record_key_author", table_name="record_author")
