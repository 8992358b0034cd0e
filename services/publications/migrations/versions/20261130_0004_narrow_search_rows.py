"""narrow search rows: author keys on the search row; PostgreSQL indexes the text itself, vectors for ranking aside

Revision ID: 0004_narrow_search_rows
Revises: 0003_record_author_facet_index
Create Date: 2026-11-30 00:00:00

What the library search reads for a broad word (a third of 100,000 records) decides its time:

- `record_search.author_keys` (text[] on PostgreSQL, a JSON array on SQLite): the folded names of
  the record's authors, written by the service with the row. The author facet counts them from
  the matching rows themselves instead of joining `record_author` (PostgreSQL hashed all of it
  when it misjudged how many records matched). Filled here from `record_author`.
- `record_author`: the index (record_key, author_key, name) of 0003 served that join and goes.
  (author_key, name, record_key) replaces (author_key, record_key): it still gives the author
  filter an author's records, and gives each of the top authors its label (its first name in
  order whose record the caller may list) in a probe or two.
- PostgreSQL: the stored tsvector column made every search row ~1 kB (7 a page, 110 MB for
  100,000 records), and a broad word read the whole table, too big to stay in shared buffers.
  The GIN index is now on the expression `to_tsvector('simple', search_text)`: the rows shrink to
  ~400 bytes and a match reads them from the index's bitmap, never computing a vector. The GIN
  index has `fastupdate = off`, so rows added one by one go straight into it (with the default
  pending list, every query scanned up to 4 MB of unsorted entries until the next vacuum).
  Ranking (`sort=relevance`, ts_rank) needs the vectors: they live in `record_search_vector`,
  kept by triggers on insert, update of search_text, delete and truncate of record_search (as
  FTS5's are on SQLite), read only for ranking. The table is then rewritten (CLUSTER) so that
  the dropped column's bytes go now rather than row by row.
- SQLite: an index of every column the search reads by key (`ix_record_search_facets_by_key`):
  each FTS5 match is looked up in it alone instead of in the table's rows, which hold the text.
  Columns are added in place, no batch copy of `record_search`: the FTS5 triggers stay.

The full-text objects stay outside the SQLAlchemy metadata (publications/search/fulltext.py,
`include_name`), so they are written out here, frozen.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004_narrow_search_rows"
down_revision: str | None = "0003_record_author_facet_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PG_UP = (
    "DROP INDEX IF EXISTS ix_record_search_vector",
    "ALTER TABLE record_search DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX ix_record_search_text ON record_search "
    "USING gin (to_tsvector('simple'::regconfig, search_text)) WITH (fastupdate = off)",
    # No foreign key: its check on every insert (a row lock on record_search) cost three times the
    # insert itself. The triggers delete a row's vector with it, and empty the table on TRUNCATE.
    "CREATE TABLE record_search_vector ("
    "key integer NOT NULL, search_vector tsvector NOT NULL, "
    "CONSTRAINT pk_record_search_vector PRIMARY KEY (key))",
    "CREATE FUNCTION record_search_vector_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'TRUNCATE' THEN TRUNCATE record_search_vector; "
    "ELSIF TG_OP = 'DELETE' THEN DELETE FROM record_search_vector WHERE key = OLD.key; "
    "ELSE INSERT INTO record_search_vector (key, search_vector) "
    "VALUES (NEW.key, to_tsvector('simple'::regconfig, NEW.search_text)) "
    "ON CONFLICT (key) DO UPDATE SET search_vector = EXCLUDED.search_vector; "
    "END IF; RETURN NULL; END $$",
    "CREATE TRIGGER record_search_vector_ai AFTER INSERT ON record_search "
    "FOR EACH ROW EXECUTE FUNCTION record_search_vector_sync()",
    "CREATE TRIGGER record_search_vector_au AFTER UPDATE OF search_text ON record_search "
    "FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text) "
    "EXECUTE FUNCTION record_search_vector_sync()",
    "CREATE TRIGGER record_search_vector_ad AFTER DELETE ON record_search "
    "FOR EACH ROW EXECUTE FUNCTION record_search_vector_sync()",
    "CREATE TRIGGER record_search_vector_at AFTER TRUNCATE ON record_search "
    "FOR EACH STATEMENT EXECUTE FUNCTION record_search_vector_sync()",
    "INSERT INTO record_search_vector (key, search_vector) "
    "SELECT key, to_tsvector('simple'::regconfig, search_text) FROM record_search",
)

_PG_DOWN = (
    "DROP TRIGGER IF EXISTS record_search_vector_at ON record_search",
    "DROP TRIGGER IF EXISTS record_search_vector_ad ON record_search",
    "DROP TRIGGER IF EXISTS record_search_vector_au ON record_search",
    "DROP TRIGGER IF EXISTS record_search_vector_ai ON record_search",
    "DROP FUNCTION IF EXISTS record_search_vector_sync()",
    "DROP TABLE IF EXISTS record_search_vector",
    "DROP INDEX IF EXISTS ix_record_search_text",
    "ALTER TABLE record_search ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED",
    "CREATE INDEX ix_record_search_vector ON record_search USING gin (search_vector)",
)

_SQLITE_FACETS_INDEX = (
    "CREATE INDEX ix_record_search_facets_by_key ON record_search "
    "(key, status, type, language, year, published_on, theme_mask, author_keys)"
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.add_column(
            "record_search",
            sa.Column("author_keys", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        )
        op.execute(
            "UPDATE record_search SET author_keys = a.keys FROM (SELECT record_key, "
            "array_agg(author_key ORDER BY position) AS keys FROM record_author GROUP BY record_key) AS a "
            "WHERE a.record_key = record_search.key"
        )
        op.alter_column("record_search", "author_keys", server_default=None)
    else:
        # In place (ALTER TABLE ADD COLUMN): a batch copy would drop the FTS5 triggers. SQLite
        # cannot drop a column default in place: '[]' stays as the column's default.
        op.add_column(
            "record_search", sa.Column("author_keys", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )
        op.execute(
            "UPDATE record_search SET author_keys = (SELECT json_group_array(author_key) FROM "
            "(SELECT author_key FROM record_author WHERE record_key = record_search.key ORDER BY position)) "
            "WHERE key IN (SELECT record_key FROM record_author)"
        )
    op.drop_index("ix_record_author_record_key_author", table_name="record_author")
    op.drop_index("ix_record_author_author_key_record_key", table_name="record_author")
    op.create_index(
        "ix_record_author_author_key_name", "record_author", ["author_key", "name", "record_key"], unique=False
    )
    if dialect == "postgresql":
        for statement in _PG_UP:
            op.execute(statement)
        # Rewrites the table without the dropped column (ALTER TABLE DROP COLUMN only hides it).
        op.execute("CLUSTER record_search USING pk_record_search")
        op.execute("ANALYZE record_search")
        op.execute("ANALYZE record_search_vector")
    elif dialect == "sqlite":
        op.execute(_SQLITE_FACETS_INDEX)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for statement in _PG_DOWN:
            op.execute(statement)
    elif dialect == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_record_search_facets_by_key")
    op.drop_index("ix_record_author_author_key_name", table_name="record_author")
    op.create_index(
        "ix_record_author_author_key_record_key", "record_author", ["author_key", "record_key"], unique=False
    )
    op.create_index(
        "ix_record_author_record_key_author", "record_author", ["record_key", "author_key", "name"], unique=False
    )
    # SQLite drops a column in place (3.35+) when no index, trigger or view names it.
    op.drop_column("record_search", "author_keys")
