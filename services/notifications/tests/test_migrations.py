"""The migrations build the schema the models describe, and undo it, on every backend."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.pool import NullPool

from common import migrations
from common.db import sync_url
from common.testing import drop_postgres_database, postgres_server_url
from common.testing.fixtures import fresh_database
from notifications.models import metadata

from .conftest import ALEMBIC_INI


def _tables(url: str) -> set[str]:
    engine = create_engine(sync_url(url), poolclass=NullPool)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _unique_constraints(url: str) -> list[list[str]]:
    engine = create_engine(sync_url(url), poolclass=NullPool)
    try:
        return [c["column_names"] for c in inspect(engine).get_unique_constraints("notification")]
    finally:
        engine.dispose()


def test_upgrade_check_and_downgrade(db_backend: str, tmp_path: Path) -> None:
    url, pg_name = fresh_database("notifications_mig", db_backend, tmp_path)
    try:
        migrations.upgrade(ALEMBIC_INI, url)
        expected = {"notification", "recipient", "session_place", "outbox_event", "processed_event"}
        assert set(metadata.tables) == expected
        assert _tables(url) == expected | {"alembic_version"}
        assert ["event_id", "user_id", "channel"] in _unique_constraints(url)
        migrations.check(ALEMBIC_INI, url)  # raises if models and migrations disagree
        migrations.downgrade(ALEMBIC_INI, url)
        assert _tables(url) <= {"alembic_version"}
        migrations.upgrade(ALEMBIC_INI, url)  # and back up again
        migrations.check(ALEMBIC_INI, url)
    finally:
        if pg_name:
            drop_postgres_database(postgres_server_url() or "", pg_name)
