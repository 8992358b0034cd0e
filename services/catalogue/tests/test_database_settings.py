"""The catalogue's PostgreSQL connections plan every execution with its values (ADR 0006)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from catalogue.main import create_app
from catalogue.settings import CatalogueSettings


async def test_searches_are_planned_with_their_values(settings: CatalogueSettings, db_backend: str) -> None:
    if db_backend != "postgresql":
        pytest.skip("a PostgreSQL setting")
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        async with app.state.database.read_session() as session:
            assert (await session.execute(text("SHOW plan_cache_mode"))).scalar_one() == "force_custom_plan"
            assert (await session.execute(text("SHOW random_page_cost"))).scalar_one() == "1.1"
