"""The migrations build the schema the models describe (plus the full-text index), and undo it,
on every backend."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from common import migrations
from common.db import sync_url
from common.testing import drop_postgres_database, postgres_server_url
from common.testing.fixtures import fresh_database
from experts.models import metadata

from .conftest import ALEMBIC_INI

SQLITE_SEARCH_TABLES = {"expert_profile_fts", "expert_profile_search_key"}


def _schema(url: str) -> tuple[set[str], set[str]]:
    """(tables, columns of `expert_profile`)."""
    engine = create_engine(sync_url(url), poolclass=NullPool)
    try:
        inspector = inspect(engine)
        tables = set(inspector.get_table_names())
        columns = {c["name"] for c in inspector.get_columns("expert_profile")} if "expert_profile" in tables else set()
        return tables, columns
    finally:
        engine.dispose()


def test_upgrade_check_and_downgrade(db_backend: str, tmp_path: Path) -> None:
    url, pg_name = fresh_database("experts_mig", db_backend, tmp_path)
    try:
        migrations.upgrade(ALEMBIC_INI, url)
        tables, columns = _schema(url)
        model_tables = set(metadata.tables) | {"alembic_version"}
        assert {"expert_profile", "expert_theme", "expert_language", "expert_country", "duplicate_candidate",
                "engagement", "outbox_event", "processed_event"} <= model_tables  # fmt: skip
        if db_backend == "sqlite":
            # FTS5 keeps shadow tables (…_fts_data, …_fts_idx…) next to the virtual table.
            assert {t for t in tables if not t.startswith("expert_profile_fts_")} == model_tables | SQLITE_SEARCH_TABLES
        else:
            assert tables == model_tables
            assert "search_vector" in columns
        migrations.check(ALEMBIC_INI, url)  # raises if models and migrations disagree
        migrations.downgrade(ALEMBIC_INI, url)
        tables, _ = _schema(url)
        assert tables <= {"alembic_version"}
        migrations.upgrade(ALEMBIC_INI, url)  # and back up again
        migrations.check(ALEMBIC_INI, url)
    finally:
        if pg_name:
            drop_postgres_database(postgres_server_url() or "", pg_name)


def test_search_index_follows_the_rows(db_backend: str, tmp_path: Path) -> None:
    """Insert, update and delete keep the index in step without the application's help."""
    url, pg_name = fresh_database("experts_idx", db_backend, tmp_path)
    try:
        migrations.upgrade(ALEMBIC_INI, url)
        engine = create_engine(sync_url(url), poolclass=NullPool)
        insert = text(
            "INSERT INTO expert_profile (id, status, full_name, name_key, sort_name, country, keywords, bio, links,"
            " availability, public_listing_consent, search_text, revision, created_at, updated_at) VALUES"
            " (:id, 'verified', :id, :id, :id, 'SN', '[]', '{}', '[]', 'available', true, :text, 1,"
            " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )
        if db_backend == "sqlite":
            find = text(
                "SELECT k.item_id FROM expert_profile_search_key k JOIN expert_profile_fts f ON f.rowid = k.key"
                " WHERE expert_profile_fts MATCH :q ORDER BY k.item_id"
            )
            query = {"finances": '"finances"*', "budget": '"budget"*'}
        else:
            find = text("SELECT id FROM expert_profile WHERE search_vector @@ to_tsquery('simple', :q) ORDER BY id")
            query = {"finances": "finances:*", "budget": "budget:*"}
        with engine.begin() as conn:
            conn.execute(insert, {"id": "a", "text": "finances locales"})
            conn.execute(insert, {"id": "b", "text": "budget participatif finances"})
            assert [r[0] for r in conn.execute(find, {"q": query["finances"]})] == ["a", "b"]
            conn.execute(text("UPDATE expert_profile SET search_text = 'leadership local' WHERE id = 'a'"))
            assert [r[0] for r in conn.execute(find, {"q": query["finances"]})] == ["b"]
            conn.execute(text("DELETE FROM expert_profile WHERE id = 'b'"))
            assert [r[0] for r in conn.execute(find, {"q": query["budget"]})] == []
            if db_backend == "sqlite":
                assert conn.execute(text("SELECT count(*) FROM expert_profile_search_key")).scalar_one() == 1
        engine.dispose()
    finally:
        if pg_name:
            drop_postgres_database(postgres_server_url() or "", pg_name)
