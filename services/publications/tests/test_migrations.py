"""The migrations build the schema the models describe (plus the full-text index), and undo it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from common import migrations
from common.db import sync_url
from common.testing import drop_postgres_database, postgres_server_url
from common.testing.fixtures import fresh_database
from publications.models import metadata

from .conftest import ALEMBIC_INI


def _schema(url: str) -> tuple[set[str], set[str]]:
    """(tables, names of the full-text objects: FTS5 tables and triggers, or the tsvector column and index)."""
    engine = create_engine(sync_url(url), poolclass=NullPool)
    try:
        tables = set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                rows = conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'record_fts%'"))
            else:
                rows = conn.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'record_search' "
                        "AND column_name = 'search_vector' UNION ALL "
                        "SELECT indexname FROM pg_indexes WHERE indexname = 'ix_record_search_vector'"
                    )
                )
            return tables, {row[0] for row in rows}
    finally:
        engine.dispose()


def test_upgrade_check_and_downgrade(db_backend: str, tmp_path: Path) -> None:
    url, pg_name = fresh_database("publications_mig", db_backend, tmp_path)
    try:
        migrations.upgrade(ALEMBIC_INI, url)
        tables, full_text = _schema(url)
        assert tables - {
            "record_fts",
            "record_fts_config",
            "record_fts_data",
            "record_fts_docsize",
            "record_fts_idx",
        } == (set(metadata.tables) | {"alembic_version"})
        if db_backend == "sqlite":
            assert {"record_fts", "record_fts_ai", "record_fts_ad", "record_fts_au"} <= full_text
        else:
            assert full_text == {"search_vector", "ix_record_search_vector"}
        migrations.check(ALEMBIC_INI, url)  # raises if models and migrations disagree
        migrations.downgrade(ALEMBIC_INI, url)
        tables, full_text = _schema(url)
        assert tables <= {"alembic_version"} and not full_text
        migrations.upgrade(ALEMBIC_INI, url)  # and back up again
    finally:
        if pg_name:
            drop_postgres_database(postgres_server_url() or "", pg_name)
