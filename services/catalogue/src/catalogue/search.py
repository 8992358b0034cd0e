"""Full-text search on SQLite and PostgreSQL over one folded search document per row.

The service folds every searchable text (titles, summaries… in every language) into the row's
`search_text` column (common.text.fold: accents off, case folded). Each database indexes that
column its own way, created by the migrations (docs/decisions/0006-catalogue-search.md):

- SQLite: an FTS5 table `<table>_fts(body)` whose rowid is the integer `key` of
  `<table>_search_key(key, item_id)`; triggers on the table keep both in step (insert, update of
  search_text, delete), so no code path can forget the index.
- PostgreSQL: a stored generated column `search_vector = to_tsvector('simple', search_text)` with a
  GIN index; `simple` because texts are in several languages (no stemming, no stop words).

Queries are folded the same way and every word is a prefix ("budg" finds "budget"), all words
required. Neither index is in the SQLAlchemy metadata: `include_name` keeps Alembic's comparison
away from them.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement

from common.text import query_terms

#: Tables that have a `search_text` column and a full-text index over it.
SEARCHABLE_TABLES = ("session", "programme")
SEARCH_VECTOR_COLUMN = "search_vector"


def is_search_table(name: str) -> bool:
    """The FTS5 tables (and their shadow tables) and key tables of the SQLite index."""
    return any(name.startswith(f"{t}_fts") or name == f"{t}_search_key" for t in SEARCHABLE_TABLES)


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic filter: the search indexes are managed by hand in the migrations."""
    if name is None:
        return True
    if type_ == "table":
        return not is_search_table(name)
    if type_ == "column":
        return name != SEARCH_VECTOR_COLUMN
    if type_ == "index":
        return not name.endswith("_" + SEARCH_VECTOR_COLUMN)
    return True


def sqlite_match_expression(terms: list[str]) -> str:
    # Terms are folded words (letters and digits only); quoting keeps FTS5 operators out anyway.
    return " ".join(f'"{term}"*' for term in terms)


def postgres_match_expression(terms: list[str]) -> str:
    return " & ".join(f"'{term}':*" for term in terms)


def match_expression(dialect: str, q: str | None) -> str | bool | None:
    """What `q` asks of the index: None (no words: no filter), False (only punctuation: nothing
    matches) or the match expression of its terms for `dialect`'s index."""
    if q is None or not q.strip():
        return None
    terms = query_terms(q)
    if not terms:
        return False
    return sqlite_match_expression(terms) if dialect == "sqlite" else postgres_match_expression(terms)


def match_condition(dialect: str, table: str, id_column: Any, expression: Any) -> ColumnElement[bool]:
    """A WHERE condition: rows of `table` whose search document matches `expression` (a match
    expression of `match_expression`, or a bound parameter that will hold one)."""
    if dialect == "sqlite":
        key = sa.table(f"{table}_search_key", sa.column("key"), sa.column("item_id"))
        fts = sa.table(f"{table}_fts", sa.column("rowid"), sa.column("body"))
        matched = sa.select(key.c.item_id).join(fts, fts.c.rowid == key.c.key).where(fts.c.body.match(expression))
        # A CTE: a statement that uses the condition several times (the facet counts' UNION ALL)
        # runs the full-text query once, SQLite materialising a CTE that is used more than once.
        found = matched.cte(f"{table}_matched")
        return id_column.in_(sa.select(found.c.item_id))
    vector: Any = sa.literal_column(f"{table}.{SEARCH_VECTOR_COLUMN}")
    query = sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), expression)
    return vector.op("@@")(query)


def match(dialect: str, table: str, id_column: Any, q: str | None) -> ColumnElement[bool] | None:
    """A WHERE condition: rows of `table` whose search document holds every word of `q`.

    None when `q` has no words (no filter). A query of only punctuation matches nothing."""
    expression = match_expression(dialect, q)
    if expression is None:
        return None
    if expression is False:
        return sa.false()
    return match_condition(dialect, table, id_column, expression)
