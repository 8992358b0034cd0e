"""Alembic environment of the experts service.

It does what common.migrations.run_env does (URL from the caller or the settings, batch mode on
SQLite, compare_type) plus `include_name`, which keeps the hand-made full-text indexes (the FTS5
tables on SQLite, the tsvector column and its GIN index on PostgreSQL) out of autogenerate and
`alembic check`, as the catalogue's env.py does.
"""

from pathlib import Path
from typing import Any

from alembic import context
from sqlalchemy import create_engine, pool

from common.db import is_sqlite, sync_url
from experts.models import metadata
from experts.search import include_name
from experts.settings import ExpertsSettings


def run() -> None:
    config = context.config
    url = (
        config.attributes.get("database_url")
        or config.get_main_option("sqlalchemy.url")
        or ExpertsSettings().database_url
    )
    url = sync_url(url)
    options: dict[str, Any] = {
        "target_metadata": metadata,
        "compare_type": True,
        "render_as_batch": is_sqlite(url),
        "include_name": include_name,
    }
    if context.is_offline_mode():
        context.configure(url=url, literal_binds=True, **options)
        with context.begin_transaction():
            context.run_migrations()
        return
    if is_sqlite(url):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, **options)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
