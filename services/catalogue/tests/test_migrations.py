"""The migrations build the schema the models describe (plus the full-text indexes), and undo it,
on every backend."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from catalogue.models import metadata
from catalogue.vocabulary import AUDIENCE_BITS, Audience
from common import migrations
from common.db import sync_url
from common.testing import drop_postgres_database, postgres_server_url
from common.testing.fixtures import fresh_database

from .conftest import ALEMBIC_INI

SQLITE_SEARCH_TABLES = {"programme_fts", "programme_search_key", "session_fts", "session_search_key"}


def _schema(url: str) -> tuple[set[str], set[str]]:
    """(tables, columns of `session`)."""
    engine = create_engine(sync_url(url), poolclass=NullPool)
    try:
        inspector = inspect(engine)
        tables = set(inspector.get_table_names())
        columns = {c["name"] for c in inspector.get_columns("session")} if "session" in tables else set()
        return tables, columns
    finally:
        engine.dispose()


def test_upgrade_check_and_downgrade(db_backend: str, tmp_path: Path) -> None:
    url, pg_name = fresh_database("catalogue_mig", db_backend, tmp_path)
    try:
        migrations.upgrade(ALEMBIC_INI, url)
        tables, columns = _schema(url)
        model_tables = set(metadata.tables) | {"alembic_version"}
        if db_backend == "sqlite":
            # FTS5 keeps shadow tables (…_fts_data, …_fts_idx…) next to each virtual table.
            assert {t for t in tables if not t.startswith(("session_fts_", "programme_fts_"))} == (
                model_tables | SQLITE_SEARCH_TABLES
            )
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
    url, pg_name = fresh_database("catalogue_idx", db_backend, tmp_path)
    try:
        migrations.upgrade(ALEMBIC_INI, url)
        engine = create_engine(sync_url(url), poolclass=NullPool)
        insert = text(
            "INSERT INTO programme (id, code, kind, status, title, summary, description, objectives, prerequisites,"
            " duration, fees, scholarships, partner_institutions, search_text, created_at, updated_at) VALUES"
            " (:id, :code, 'college', 'published', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '[]', :text,"
            " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )
        if db_backend == "sqlite":
            find = text(
                "SELECT k.item_id FROM programme_search_key k JOIN programme_fts f ON f.rowid = k.key"
                " WHERE programme_fts MATCH :q ORDER BY k.item_id"
            )
            query = {"finances": '"finances"*', "budget": '"budget"*'}
        else:
            find = text("SELECT id FROM programme WHERE search_vector @@ to_tsquery('simple', :q) ORDER BY id")
            query = {"finances": "finances:*", "budget": "budget:*"}
        with engine.begin() as conn:
            conn.execute(insert, {"id": "a", "code": "a", "text": "finances locales"})
            conn.execute(insert, {"id": "b", "code": "b", "text": "budget participatif finances"})
            assert [r[0] for r in conn.execute(find, {"q": query["finances"]})] == ["a", "b"]
            conn.execute(text("UPDATE programme SET search_text = 'leadership local' WHERE id = 'a'"))
            assert [r[0] for r in conn.execute(find, {"q": query["finances"]})] == ["b"]
            conn.execute(text("DELETE FROM programme WHERE id = 'b'"))
            assert [r[0] for r in conn.execute(find, {"q": query["budget"]})] == []
            if db_backend == "sqlite":
                assert conn.execute(text("SELECT count(*) FROM programme_search_key")).scalar_one() == 1
        engine.dispose()
    finally:
        if pg_name:
            drop_postgres_database(postgres_server_url() or "", pg_name)


def test_audience_mask_follows_the_audiences(db_backend: str, tmp_path: Path) -> None:
    """`session.audience_mask` is filled from the audiences already there, then kept in step by
    the triggers on `session_audience`, with the bits the search code uses (AUDIENCE_BITS)."""
    url, pg_name = fresh_database("catalogue_mask", db_backend, tmp_path)
    try:
        migrations.upgrade(ALEMBIC_INI, url, "0003_session_search_indexes")
        engine = create_engine(sync_url(url), poolclass=NullPool)
        add_session = text(
            "INSERT INTO session (id, kind, title, summary, delivery_mode, language, starts_at, ends_at, timezone,"
            " online, capacity, trainer_ids, status, revision, search_text, created_at, updated_at) VALUES"
            " (:id, 'event', '{}', '{}', 'webinar', 'fr', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1 day',"
            " 'UTC', true, 10, '[]', 'published', 0, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            if db_backend == "postgresql"
            else "INSERT INTO session (id, kind, title, summary, delivery_mode, language, starts_at, ends_at, timezone,"
            " online, capacity, trainer_ids, status, revision, search_text, created_at, updated_at) VALUES"
            " (:id, 'event', '{}', '{}', 'webinar', 'fr', '2030-01-01 09:00:00', '2030-01-02 09:00:00',"
            " 'UTC', 1, 10, '[]', 'published', 0, '', '2030-01-01 00:00:00', '2030-01-01 00:00:00')"
        )
        add_audience = text("INSERT INTO session_audience (session_id, audience) VALUES (:id, :audience)")
        mask = text("SELECT audience_mask FROM session WHERE id = :id")
        with engine.begin() as conn:
            conn.execute(add_session, {"id": "before"})
            for audience in ("finance_director", "elected_official"):
                conn.execute(add_audience, {"id": "before", "audience": audience})
        migrations.upgrade(ALEMBIC_INI, url)
        with engine.begin() as conn:
            # Filled from the rows that were there.
            assert conn.execute(mask, {"id": "before"}).scalar_one() == (
                AUDIENCE_BITS["finance_director"] | AUDIENCE_BITS["elected_official"]
            )
            # Every audience gets the bit the search code tests (a new audience needs a migration).
            for audience in Audience:
                conn.execute(add_session, {"id": audience.value})
                assert conn.execute(mask, {"id": audience.value}).scalar_one() == 0
                conn.execute(add_audience, {"id": audience.value, "audience": audience.value})
                assert conn.execute(mask, {"id": audience.value}).scalar_one() == AUDIENCE_BITS[audience]
            conn.execute(add_audience, {"id": "before", "audience": "hr_director"})
            conn.execute(
                text("DELETE FROM session_audience WHERE session_id = 'before' AND audience = 'finance_director'")
            )
            conn.execute(
                text(
                    "UPDATE session_audience SET audience = 'mayor_not_an_audience' "
                    "WHERE session_id = 'before' AND audience = 'elected_official'"
                )
            )
            assert conn.execute(mask, {"id": "before"}).scalar_one() == AUDIENCE_BITS["hr_director"]
            conn.execute(
                text(
                    "UPDATE session_audience SET audience = 'secretary_general' WHERE session_id = 'before'"
                    " AND audience = 'mayor_not_an_audience'"
                )
            )
            assert conn.execute(mask, {"id": "before"}).scalar_one() == (
                AUDIENCE_BITS["hr_director"] | AUDIENCE_BITS["secretary_general"]
            )
        with engine.connect() as conn:
            # Deleting a session deletes its audiences (cascade), whose triggers find no row to change.
            if db_backend == "sqlite":
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")  # as the service's connections have it
            conn.execute(text("DELETE FROM session WHERE id = 'before'"))
            assert conn.execute(text("SELECT count(*) FROM session_audience WHERE session_id = 'before'")).scalar() == 0
            conn.commit()
        engine.dispose()
    finally:
        if pg_name:
            drop_postgres_database(postgres_server_url() or "", pg_name)
