"""The migrations build the schema the models describe (plus the full-text index), and undo it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from common import migrations
from common.db import sync_url
from common.testing import drop_postgres_database, postgres_server_url
from common.testing.fixtures import fresh_database
from publications.models import metadata

from .conftest import ALEMBIC_INI


def _schema(url: str) -> tuple[set[str], set[str]]:
    """(tables, names of the full-text objects: FTS5 tables, triggers and the facets index on SQLite;
    the GIN index, the vector table and its triggers on PostgreSQL)."""
    engine = create_engine(sync_url(url), poolclass=NullPool)
    try:
        tables = set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                rows = conn.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE name LIKE 'record_fts%' "
                        "OR name = 'ix_record_search_facets_by_key'"
                    )
                )
            else:
                rows = conn.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'record_search' "
                        "AND column_name = 'search_vector' UNION ALL "
                        "SELECT indexname FROM pg_indexes WHERE indexname IN "
                        "('ix_record_search_vector', 'ix_record_search_text') UNION ALL "
                        "SELECT tablename FROM pg_tables WHERE tablename = 'record_search_vector' UNION ALL "
                        "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'record_search_vector%'"
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
            "record_search_vector",
        } == (set(metadata.tables) | {"alembic_version"})
        if db_backend == "sqlite":
            assert {
                "record_fts",
                "record_fts_ai",
                "record_fts_ad",
                "record_fts_au",
                "ix_record_search_facets_by_key",
            } <= full_text
        else:
            assert full_text == {
                "ix_record_search_text",
                "record_search_vector",
                "record_search_vector_ai",
                "record_search_vector_au",
                "record_search_vector_ad",
                "record_search_vector_at",
            }
        migrations.check(ALEMBIC_INI, url)  # raises if models and migrations disagree
        migrations.downgrade(ALEMBIC_INI, url)
        tables, full_text = _schema(url)
        assert tables <= {"alembic_version"} and not full_text
        migrations.upgrade(ALEMBIC_INI, url)  # and back up again
    finally:
        if pg_name:
            drop_postgres_database(postgres_server_url() or "", pg_name)


def _sql(url: str, *statements: str) -> list[list[Any]]:
    engine = create_engine(sync_url(url), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            results = [conn.execute(text(statement)) for statement in statements]
            return [[tuple(row) for row in result] if result.returns_rows else [] for result in results]
    finally:
        engine.dispose()


def test_upgrading_a_filled_library_keeps_it_searchable(db_backend: str, tmp_path: Path) -> None:
    """0004 on a library written under 0003: the search rows get their author keys, PostgreSQL the
    vectors for ranking, and the text is found through the new index; the downgrade brings the old
    generated column back, filled."""
    url, pg_name = fresh_database("publications_mig", db_backend, tmp_path)
    try:
        migrations.upgrade(ALEMBIC_INI, url, "0003_record_author_facet_index")
        _sql(
            url,
            "INSERT INTO record (key, id, type, status, title, abstract, keywords, language, authors, themes, "
            "licence, related_programme_ids, related_session_ids, related_event_ids, version, created_at, "
            "updated_at) VALUES (7, 'r7', 'report', 'published', '{}', '{}', '{}', 'fr', '[]', '[]', 'CC0-1.0', "
            "'[]', '[]', '[]', 1, '2026-01-01', '2026-01-01')",
            "INSERT INTO record_search (key, status, type, language, theme_mask, search_text) "
            "VALUES (7, 'published', 'report', 'fr', 0, 'budget participatif aminata diallo kofi mensah')",
            "INSERT INTO record_author (record_key, position, author_key, name) VALUES "
            "(7, 0, 'kofi mensah', 'Kofi Mensah'), (7, 1, 'aminata diallo', 'Aminata Diallo')",
        )
        migrations.upgrade(ALEMBIC_INI, url)
        [[(keys,)]] = _sql(url, "SELECT author_keys FROM record_search WHERE key = 7")
        assert (json.loads(keys) if isinstance(keys, str) else keys) == ["kofi mensah", "aminata diallo"]
        if db_backend == "sqlite":
            found = """SELECT rowid FROM record_fts WHERE record_fts MATCH '"budg"*'"""
        else:
            [[(vector,)]] = _sql(url, "SELECT search_vector::text FROM record_search_vector WHERE key = 7")
            assert "'budget'" in vector
            found = (
                "SELECT key FROM record_search WHERE to_tsvector('simple'::regconfig, search_text) "
                "@@ to_tsquery('simple', 'budg:*')"
            )
        assert _sql(url, found) == [[(7,)]]
        migrations.check(ALEMBIC_INI, url)
        migrations.downgrade(ALEMBIC_INI, url, "0003_record_author_facet_index")
        if db_backend == "postgresql":
            old = "SELECT key FROM record_search WHERE search_vector @@ to_tsquery('simple', 'budget')"
            assert _sql(url, old) == [[(7,)]]
    finally:
        if pg_name:
            drop_postgres_database(postgres_server_url() or "", pg_name)
