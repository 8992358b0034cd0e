"""Alembic environment of the catalogue service. `include_name` keeps the hand-made full-text
indexes (FTS5 tables on SQLite, the tsvector column and its GIN index on PostgreSQL) out of
autogenerate and `alembic check`."""

from catalogue.models import metadata
from catalogue.search import include_name
from catalogue.settings import CatalogueSettings
from common.migrations import run_env

run_env(metadata, lambda: CatalogueSettings().database_url, include_name=include_name)
