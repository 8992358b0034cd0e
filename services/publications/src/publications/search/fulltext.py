"""Full-text matching on SQLite and PostgreSQL over the record's folded search document.

The service folds every searchable text of a record (titles, abstracts and keywords in every
language, author names) into `record_search.search_text` (common.text), the record's narrow
search row. Each database indexes that column its own way; the migrations create the indexes and
keep them outside the SQLAlchemy metadata (`include_name` below keeps Alembic's comparison away):

- SQLite: an FTS5 table `record_fts` with external content (`content='record_search'`,
  `content_rowid='key'`: the text is not stored twice) and prefix indexes; triggers on
  `record_search` keep it in step with every insert, update of search_text and delete, so no code
  path can forget the index. The rowid is the record's integer `key`: a match is a set of keys.
  `ix_record_search_facets_by_key` holds every column the search reads by key, so the matching
  keys are looked up in it alone.
- PostgreSQL: a GIN index on the expression `to_tsvector('simple', search_text)`
  (`ix_record_search_text`, fastupdate off). A match is read from the index's bitmap and the
  narrow rows; no vector is stored in them (a stored tsvector column doubled their width and a
  broad word then read 110 MB for 100,000 records). `simple`: texts are in several languages, so
  no stemming and no stop words. The condition below must spell the indexed expression exactly,
  or PostgreSQL would compute a vector for every row. Ranking needs the vectors: triggers keep
  them in `record_search_vector` (key, search_vector), read for `sort=relevance` only.

A query is folded the same way; every word is a prefix ("budg" finds "budgétaire") and every
word must be present. Ranking: FTS5's bm25 on SQLite, ts_rank on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement

from common.text import query_terms

FTS_TABLE = "record_fts"
TEXT_INDEX = "ix_record_search_text"
FACETS_INDEX = "ix_record_search_facets_by_key"
VECTOR_TABLE = "record_search_vector"
VECTOR_COLUMN = "search_vector"
#: What the GIN index covers (its expression, which a condition must repeat to use it).
CONFIG = "'simple'::regconfig"


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic filter: the full-text objects are managed by hand in the migrations."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLE) and name != VECTOR_TABLE
    if type_ == "index":
        return name not in (TEXT_INDEX, FACETS_INDEX)
    return True


def _fts5_query(words: list[str]) -> str:
    # Folded words hold letters and digits only; quoting keeps FTS5 syntax out regardless.
    return " AND ".join(f'"{word}"*' for word in words)


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"'{word}':*" for word in words)


def _sqlite_hits(words: list[str], *, ranked: bool) -> sa.Select[Any]:
    fts = sa.table(FTS_TABLE, sa.column("rowid"), sa.column("rank"))
    columns: list[Any] = [fts.c.rowid.label("key")]
    if ranked:
        columns.append(fts.c.rank.label("score"))
    return sa.select(*columns).where(sa.literal_column(FTS_TABLE).op("MATCH")(_fts5_query(words)))


def _postgres_query(words: list[str]) -> ColumnElement[Any]:
    return sa.func.to_tsquery(sa.literal_column(CONFIG), _tsquery(words))


def _postgres_document() -> ColumnElement[Any]:
    # Exactly the expression of ix_record_search_text.
    return sa.func.to_tsvector(sa.literal_column(CONFIG), sa.literal_column("record_search.search_text"))


def matches(dialect: str, key_column: Any, q: str | None) -> ColumnElement[bool] | None:
    """Records whose document holds every word of `q`; None when `q` has no words (no filter)."""
    if q is None or not q.strip():
        return None
    words = query_terms(q)
    if not words:
        return sa.false()
    if dialect == "sqlite":
        condition: ColumnElement[bool] = key_column.in_(_sqlite_hits(words, ranked=False))
        return condition
    return _postgres_document().op("@@", return_type=sa.Boolean)(_postgres_query(words))


def relevance(dialect: str, q: str) -> tuple[Any, ColumnElement[Any]] | None:
    """(what to join on `key`, the score to order by, best first) for ranking matches of `q`.

    SQLite: a subquery of (key, bm25 rank); rank is lower for better.
    PostgreSQL: the stored vectors (record_search_vector); ts_rank, higher for better."""
    words = query_terms(q)
    if not words:
        return None
    if dialect == "sqlite":
        hits = _sqlite_hits(words, ranked=True).subquery("hits")
        return hits, hits.c.score.asc()
    vectors = sa.table(VECTOR_TABLE, sa.column("key"), sa.column(VECTOR_COLUMN)).alias("vectors")
    return vectors, sa.func.ts_rank(vectors.c[VECTOR_COLUMN], _postgres_query(words)).desc()
