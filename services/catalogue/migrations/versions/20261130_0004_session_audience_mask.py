"""session audience mask: a session's audiences as bits in its own row, kept by triggers

Revision ID: 0004_session_audience_mask
Revises: 0003_session_search_indexes
Create Date: 2026-11-30 00:30:00

The audience filter and the audience facet of the session search read `session.audience_mask`
(one bit per audience, catalogue.vocabulary.AUDIENCE_BITS) instead of joining `session_audience`:
the facet tests each candidate's mask against the seven bits, the filter is one bit test, and
`ix_session_search_facets_by_id` gains the column so that both stay index-only on SQLite
(ADR 0006).

`session_audience` stays the record of who a session is for; triggers on it (insert, update,
delete) set and clear the bits, so every writer (the service, the seed, the benchmark's fill, the
tests) keeps the mask in step without having to know about it. Existing rows are filled from
`session_audience` here.

The bits are written out below, frozen: a new audience takes the next bit in AUDIENCE_BITS and
comes with a migration that replaces the triggers (test_migrations checks that they agree).
Plain ALTER TABLE, no batch mode: the full-text triggers on `session` are left as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_session_audience_mask"
down_revision: str | None = "0003_session_search_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BITS = {
    "secretary_general": 1,
    "director_of_services": 2,
    "finance_director": 4,
    "technical_director": 8,
    "cooperation_director": 16,
    "hr_director": 32,
    "elected_official": 64,
}

FACETS_BEFORE = [
    "id",
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
FACETS_AFTER = [*FACETS_BEFORE[:8], "audience_mask", *FACETS_BEFORE[8:]]

SQLITE_TRIGGERS = ("session_audience_mask_ai", "session_audience_mask_au", "session_audience_mask_ad")


def _bit(row: str) -> str:
    """The bit of `<row>.audience` (0 for a code this migration does not know)."""
    cases = " ".join(f"WHEN '{audience}' THEN {bit}" for audience, bit in BITS.items())
    return f"(CASE {row}.audience {cases} ELSE 0 END)"


# Only a row whose bit changes is written: a writer that sets the mask with the row (the service
# when it creates a session, the benchmark's fill) costs no second write of the session per
# audience (on PostgreSQL each would be a new version of the whole row).
def _set(row: str) -> str:
    bit = _bit(row)
    return (
        f"UPDATE session SET audience_mask = audience_mask | {bit} "
        f"WHERE id = {row}.session_id AND (audience_mask & {bit}) <> {bit};"
    )


def _clear(row: str) -> str:
    bit = _bit(row)
    return (
        f"UPDATE session SET audience_mask = audience_mask & ~{bit} "
        f"WHERE id = {row}.session_id AND (audience_mask & {bit}) <> 0;"
    )


def upgrade() -> None:
    op.add_column("session", sa.Column("audience_mask", sa.Integer(), server_default="0", nullable=False))
    op.execute(
        f"UPDATE session SET audience_mask = (SELECT coalesce(sum({_bit('session_audience')}), 0) "
        f"FROM session_audience WHERE session_audience.session_id = session.id)"
    )
    op.drop_index("ix_session_search_facets_by_id", table_name="session")
    op.create_index("ix_session_search_facets_by_id", "session", FACETS_AFTER, unique=False)
    # (session_id, audience) is the key: a row sets its bit, which no other row of the session has.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE TRIGGER session_audience_mask_ai AFTER INSERT ON session_audience BEGIN {_set('new')} END")
        op.execute(
            f"CREATE TRIGGER session_audience_mask_au AFTER UPDATE ON session_audience BEGIN "
            f"{_clear('old')} {_set('new')} END"
        )
        op.execute(
            f"CREATE TRIGGER session_audience_mask_ad AFTER DELETE ON session_audience BEGIN {_clear('old')} END"
        )
    else:
        op.execute(
            "CREATE FUNCTION session_audience_mask() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_clear('OLD')} END IF; "
            f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_set('NEW')} END IF; "
            "RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER session_audience_mask AFTER INSERT OR UPDATE OR DELETE ON session_audience "
            "FOR EACH ROW EXECUTE FUNCTION session_audience_mask()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        op.execute("DROP TRIGGER IF EXISTS session_audience_mask ON session_audience")
        op.execute("DROP FUNCTION IF EXISTS session_audience_mask()")
    op.drop_index("ix_session_search_facets_by_id", table_name="session")
    op.create_index("ix_session_search_facets_by_id", "session", FACETS_BEFORE, unique=False)
    op.drop_column("session", "audience_mask")
