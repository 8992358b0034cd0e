"""Every PostgreSQL connection of a service has the planner settings of common.db.POSTGRES_SETTINGS
(no JIT compilation, random page reads priced for data in memory)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from common.db import POSTGRES_SETTINGS, Database, postgres_options
from common.testing import postgres_server_url


def test_options_string() -> None:
    assert postgres_options({"jit": "off", "random_page_cost": "1.1"}) == "-c jit=off -c random_page_cost=1.1"


@pytest.mark.skipif(postgres_server_url() is None, reason="needs TEST_DATABASE_URL (PostgreSQL)")
async def test_every_connection_has_the_settings() -> None:
    database = Database(postgres_server_url() or "")
    try:
        for maker in (database.session, database.read_session):
            async with maker() as session:
                for name, value in POSTGRES_SETTINGS.items():
                    assert (await session.execute(text(f"SHOW {name}"))).scalar_one() == value
    finally:
        await database.dispose()


@pytest.mark.skipif(postgres_server_url() is None, reason="needs TEST_DATABASE_URL (PostgreSQL)")
async def test_options_of_the_url_are_kept() -> None:
    url = postgres_server_url() or ""
    database = Database(url + ("&" if "?" in url else "?") + "options=-c%20statement_timeout%3D12345")
    try:
        async with database.read_session() as session:
            assert (await session.execute(text("SHOW statement_timeout"))).scalar_one() == "12345ms"
            assert (await session.execute(text("SHOW jit"))).scalar_one() == "off"
    finally:
        await database.dispose()
