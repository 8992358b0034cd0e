"""What every service's Alembic `env.py` does, written once.

- the URL comes from the caller (`config.attributes["database_url"]`, set by tests and tools),
  else from the service's settings (its `<SERVICE>_DATABASE_URL`);
- SQLite gets batch mode (it cannot ALTER most things in place);
- `compare_type=True` so `alembic check` notices type changes too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, create_engine, pool

from common.db import is_sqlite, sync_url


def run_env(metadata: MetaData, settings_url: Any, *, include_name: Any = None) -> None:
    """Body of a service's migrations/env.py. `settings_url` is a callable giving the default URL;
    `include_name` (Alembic's hook) keeps objects made by hand, such as full-text indexes, out of
    autogenerate and `alembic check`."""
    config = context.config
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url") or settings_url()
    url = sync_url(url)
    options: dict[str, Any] = {
        "target_metadata": metadata,
        "compare_type": True,
        "render_as_batch": is_sqlite(url),
    }
    if include_name is not None:
        options["include_name"] = include_name
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


def alembic_config(ini_path: str | Path, database_url: str | None = None) -> Config:
    config = Config(str(ini_path))
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def upgrade(ini_path: str | Path, database_url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(ini_path, database_url), revision)


def downgrade(ini_path: str | Path, database_url: str | None = None, revision: str = "base") -> None:
    command.downgrade(alembic_config(ini_path, database_url), revision)


def check(ini_path: str | Path, database_url: str | None = None) -> None:
    """Raises if the models and the migrations disagree (what `alembic check` does)."""
    command.check(alembic_config(ini_path, database_url))
