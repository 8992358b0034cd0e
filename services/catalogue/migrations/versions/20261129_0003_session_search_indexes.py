"""session search: indexes the faceted search reads instead of the wide rows

Revision ID: 0003_session_search_indexes
Revises: expert_status
Create Date: 2026-11-29 20:30:00

- `ix_session_search_facets` becomes `ix_session_search_facets_by_id`, the same columns with the
  id first: a full-text match yields session ids, and each is then looked up in this index alone
  (every filtered and counted column is in it) instead of in the wide row. A listing without
  words still reads the whole index, as before.
- `ix_session_audience_audience` (audience) becomes (audience, session_id): the audience filter
  reads the ids of an audience's sessions from the index alone.

Plain CREATE/DROP INDEX, no batch mode: on SQLite the tables (and the full-text triggers on
`session`, ADR 0006) are left as they are.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_session_search_indexes"
down_revision: str | None = "expert_status"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FACET_COLUMNS = [
    "status",
    "theme_code",
    "kind",
    "event_kind",
    "delivery_mode",
    "language",
    "venue_country",
    "starts_at",
    "ends_at",
    "applications_open_at",
    "applications_close_at",
]


def upgrade() -> None:
    op.create_index("ix_session_search_facets_by_id", "session", ["id", *FACET_COLUMNS], unique=False)
    op.drop_index("ix_session_search_facets", table_name="session")
    op.create_index(
        "ix_session_audience_audience_session", "session_audience", ["audience", "session_id"], unique=False
    )
    op.drop_index("ix_session_audience_audience", table_name="session_audience")


def downgrade() -> None:
    op.create_index("ix_session_audience_audience", "session_audience", ["audience"], unique=False)
    op.drop_index("ix_session_audience_audience_session", table_name="session_audience")
    op.create_index("ix_session_search_facets", "session", [*FACET_COLUMNS, "id"], unique=False)
    op.drop_index("ix_session_search_facets_by_id", table_name="session")
