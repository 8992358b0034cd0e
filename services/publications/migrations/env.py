"""Alembic environment of the publications service. `include_name` keeps the hand-made full-text
index (an FTS5 table and its triggers on SQLite, a generated tsvector column and its GIN index on
PostgreSQL) out of autogenerate and `alembic check` (publications/search/fulltext.py)."""

from common.migrations import run_env
from publications.models import metadata
from publications.search.fulltext import include_name
from publications.settings import PublicationsSettings

run_env(metadata, lambda: PublicationsSettings().database_url, include_name=include_name)
